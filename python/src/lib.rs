//! Python bindings of the quotediff engine: the comparison (its JSON report), the shingler
//! and the scan's comparison of one candidate pair, so that the Spark job computes exactly
//! what `quotediff scan` does. Thin: every rule lives in the `quotediff` crate.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use quotediff::scan::compared::Compared;
use quotediff::scan::dates::DayNumber;
use quotediff::scan::index::Candidate;
use quotediff::scan::{self, archive, ScanOptions};
use quotediff::{CompareOptions, Document};

/// The JSON report (docs/report-format.md) of `article` compared with `source`, as text.
#[pyfunction]
#[pyo3(signature = (source, article, no_details=false))]
fn compare_json(py: Python<'_>, source: String, article: String, no_details: bool) -> String {
    py.detach(|| {
        let options = CompareOptions {
            skip_details: no_details,
            ..CompareOptions::default()
        };
        let comparison = quotediff::compare(
            Document::from_text("source", source),
            Document::from_text("article", article),
            &options,
        );
        quotediff::report::json::to_value(&comparison, None).to_string()
    })
}

/// The distinct five-word shingle hashes of a text, sorted, as signed 64-bit integers (the
/// bits of `quotediff::scan::shingle::shingles`; Spark's longs are signed).
#[pyfunction]
fn shingles(py: Python<'_>, text: String) -> Vec<i64> {
    py.detach(|| {
        scan::shingle::shingles(&text)
            .into_iter()
            .map(|h| h as i64)
            .collect()
    })
}

/// The scan's record of a candidate pair as a JSON line, or None when it is not kept.
/// `source` and `article` are archive lines (`{"id", "text", "date"?, ...}`).
#[pyfunction]
#[pyo3(signature = (
    source,
    article,
    shared_shingles,
    min_share=0.05,
    no_details=false,
    min_quote_words=scan::record::Keeping::DEFAULT_QUOTE_WORDS,
))]
fn scan_pair(
    py: Python<'_>,
    source: String,
    article: String,
    shared_shingles: usize,
    min_share: f64,
    no_details: bool,
    min_quote_words: usize,
) -> PyResult<Option<String>> {
    let source = archive::entry_from_json(&source).map_err(PyValueError::new_err)?;
    let article = archive::entry_from_json(&article).map_err(PyValueError::new_err)?;
    let mut options = ScanOptions {
        min_share,
        min_quote_words,
        ..ScanOptions::default()
    };
    options.compare.skip_details = no_details;
    let record = py.detach(|| scan::compare_pair(&source, &article, shared_shingles, &options));
    record
        .map(|r| serde_json::to_string(&r).map_err(|e| PyValueError::new_err(e.to_string())))
        .transpose()
}

/// The shingles of a batch of texts in one call, for the Spark job's Arrow batches: a Python
/// loop calling [`shingles`] per document, each answer a Python list, cost more than the
/// shingling. Returns the bytes of an Arrow list column (offsets as little-endian 32-bit
/// integers, one more than the texts; the hashes as little-endian signed 64-bit integers,
/// each text's distinct and sorted) and, for each text, the fewest shingles a source must
/// share with it (`ScanOptions::least_shared`). A missing text has no shingles.
#[pyfunction]
#[pyo3(signature = (texts, min_share=0.05))]
fn shingle_batch<'py>(
    py: Python<'py>,
    texts: Vec<Option<String>>,
    min_share: f64,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>, Vec<i32>)> {
    let options = ScanOptions {
        min_share,
        ..ScanOptions::default()
    };
    let (offsets, values, least) = py.detach(|| {
        let mut offsets = Vec::with_capacity(4 * (texts.len() + 1));
        let mut values = Vec::new();
        let mut least = Vec::with_capacity(texts.len());
        let mut count: usize = 0;
        offsets.extend_from_slice(&0i32.to_le_bytes());
        for text in &texts {
            let hashes = scan::shingle::shingles(text.as_deref().unwrap_or(""));
            for h in &hashes {
                values.extend_from_slice(&(*h as i64).to_le_bytes());
            }
            count += hashes.len();
            offsets.extend_from_slice(&(count as i32).to_le_bytes());
            least.push(options.least_shared(hashes.len()) as i32);
        }
        (offsets, values, least)
    });
    if values.len() / 8 > i32::MAX as usize {
        return Err(PyValueError::new_err("too many shingles in one batch"));
    }
    Ok((PyBytes::new(py, &offsets), PyBytes::new(py, &values), least))
}

/// The day numbers of dates (`YYYY-MM-DD...`), as the scan's date window counts them; None
/// for a missing or invalid date (an invalid one is reported when the pair is compared).
#[pyfunction]
fn day_numbers(dates: Vec<Option<String>>) -> Vec<Option<i64>> {
    dates
        .iter()
        .map(|date| date.as_deref().and_then(DayNumber::parse).map(|day| day.0))
        .collect()
}

/// The sources of a scan, read once per Python worker and kept: each source's language is
/// told here rather than in every comparison, as `quotediff scan` does, and the options are
/// set once.
#[pyclass(frozen)]
struct Releases {
    compared: Compared,
    options: ScanOptions,
}

#[pymethods]
impl Releases {
    /// `lines`: the sources as archive JSON lines, in the order that numbers them.
    #[new]
    #[pyo3(signature = (
        lines,
        min_share=0.05,
        no_details=false,
        min_quote_words=scan::record::Keeping::DEFAULT_QUOTE_WORDS,
    ))]
    fn new(
        py: Python<'_>,
        lines: Vec<String>,
        min_share: f64,
        no_details: bool,
        min_quote_words: usize,
    ) -> PyResult<Self> {
        let entries = lines
            .iter()
            .enumerate()
            .map(|(n, line)| {
                archive::entry_from_json(line)
                    .map_err(|e| PyValueError::new_err(format!("source {}: {e}", n + 1)))
            })
            .collect::<PyResult<Vec<_>>>()?;
        let mut options = ScanOptions {
            min_share,
            min_quote_words,
            ..ScanOptions::default()
        };
        options.compare.skip_details = no_details;
        let compared = py.detach(|| Compared::new(entries));
        Ok(Releases { compared, options })
    }

    /// The kept pairs of one article (its archive fields) among its candidates (`sources`
    /// by number, `shared` their shared shingles), as JSON lines.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (id, text, date, url, title, sources, shared))]
    fn pairs(
        &self,
        py: Python<'_>,
        id: Option<String>,
        text: Option<String>,
        date: Option<String>,
        url: Option<String>,
        title: Option<String>,
        sources: Vec<usize>,
        shared: Vec<usize>,
    ) -> PyResult<Vec<String>> {
        let fields = archive::Fields {
            id,
            text,
            date,
            url,
            title,
        };
        let article = archive::entry_of_fields(fields).map_err(PyValueError::new_err)?;
        let candidates: Vec<Candidate> = sources
            .into_iter()
            .zip(shared)
            .map(|(source, shared)| Candidate { source, shared })
            .collect();
        let records = py.detach(|| self.compared.pairs_of(&article, &candidates, &self.options));
        records
            .iter()
            .map(|r| serde_json::to_string(r).map_err(|e| PyValueError::new_err(e.to_string())))
            .collect()
    }
}

/// The scan's defaults, for the Spark job to apply the same rules.
#[pyfunction]
fn defaults() -> (usize, usize, i64, f64) {
    let options = ScanOptions::default();
    (
        options.min_shared_shingles,
        options.max_candidates,
        options.window_days,
        options.min_share,
    )
}

/// Fewest shingles a source must share with an article of `article_shingles` distinct
/// shingles to be compared with it (`ScanOptions::least_shared`).
#[pyfunction]
#[pyo3(signature = (article_shingles, min_share=0.05))]
fn least_shared(article_shingles: usize, min_share: f64) -> usize {
    ScanOptions {
        min_share,
        ..ScanOptions::default()
    }
    .least_shared(article_shingles)
}

/// Most sources a shingle may occur in before it counts as boilerplate.
#[pyfunction]
fn max_sources_per_shingle(sources: usize) -> usize {
    ScanOptions::default().max_sources_per_shingle(sources)
}

#[pymodule]
fn _quotediff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(compare_json, m)?)?;
    m.add_function(wrap_pyfunction!(shingles, m)?)?;
    m.add_function(wrap_pyfunction!(scan_pair, m)?)?;
    m.add_function(wrap_pyfunction!(defaults, m)?)?;
    m.add_function(wrap_pyfunction!(max_sources_per_shingle, m)?)?;
    m.add_function(wrap_pyfunction!(least_shared, m)?)?;
    m.add_function(wrap_pyfunction!(shingle_batch, m)?)?;
    m.add_function(wrap_pyfunction!(day_numbers, m)?)?;
    m.add_class::<Releases>()?;
    Ok(())
}
