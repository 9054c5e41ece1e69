//! Python bindings of the quotediff engine: the comparison (its JSON report), the shingler
//! and the scan's comparison of one candidate pair, so that the Spark job computes exactly
//! what `quotediff scan` does. Thin: every rule lives in the `quotediff` crate.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
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
    Ok(())
}
