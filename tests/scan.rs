//! `quotediff scan` on an archive made by `scripts/make_archive.py` (fixed seed): planted
//! pairs found, every kept pair sharing real text, each gold article ranking its own source
//! first; resuming an interrupted scan; bad archives refused with one clear line.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use quotediff::document::LoadOptions;
use quotediff::scan::archive::{self, Entry};
use quotediff::scan::output::read_records;
use quotediff::scan::record::PairRecord;
use quotediff::scan::summary::summarize;
use quotediff::scan::{lookup, may_be_kept, record_of, shingle, ScanOptions, Sources};

#[cfg(feature = "tui")]
#[path = "common/terminal.rs"]
mod pty;

fn quotediff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotediff"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A fresh directory under the target folder for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scan-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Generates an archive with the repository's script into `dir`.
fn make_archive(dir: &Path, articles: usize, releases: usize) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/make_archive.py");
    let status = Command::new("python3")
        .arg(script)
        .args(["--out", dir.to_str().expect("UTF-8 path")])
        .args([
            "--articles",
            &articles.to_string(),
            "--releases",
            &releases.to_string(),
        ])
        .status()
        .expect("python3 runs the generator");
    assert!(status.success());
}

fn scan(dir: &Path, extra: &[&str]) -> Output {
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let (sources, articles, out) = (
        path("releases.jsonl"),
        path("articles.jsonl"),
        path("results.jsonl"),
    );
    let mut args = vec![
        "scan",
        "--sources",
        &sources,
        "--articles",
        &articles,
        "--out",
        &out,
    ];
    args.extend_from_slice(extra);
    let output = quotediff(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn pairs_in(path: &Path, keys: (&str, &str)) -> HashSet<(String, String)> {
    let text = std::fs::read_to_string(path).expect("readable");
    text.lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("JSON");
            let field = |k: &str| value[k].as_str().expect("string id").to_string();
            (field(keys.0), field(keys.1))
        })
        .collect()
}

fn entries(path: &Path) -> HashMap<String, Entry> {
    archive::open(path, &LoadOptions::default())
        .expect("archive opens")
        .map(|entry| entry.expect("entry reads"))
        .map(|entry| (entry.id.clone(), entry))
        .collect()
}

/// Number of normalised words two texts have in common in the same order (their longest
/// common subsequence): a passage with one word changed still shares the rest.
fn common_words_in_order(a: &str, b: &str) -> usize {
    let words = |text: &str| -> Vec<String> {
        quotediff::normalize::tokenize(text)
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let mut best = 0;
    let mut previous = vec![0; b.len() + 1];
    for x in &a {
        let mut current = vec![0; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = if x == y {
                previous[j] + 1
            } else {
                previous[j + 1].max(current[j])
            };
            best = best.max(current[j + 1]);
        }
        previous = current;
    }
    best
}

/// The passage a record names is in both texts: at least three words in common, in the same
/// order, inside quotation marks, six outside.
fn shares_real_text(
    record: &PairRecord,
    sources: &HashMap<String, Entry>,
    articles: &HashMap<String, Entry>,
) -> bool {
    let Some(longest) = &record.longest else {
        return false;
    };
    let source = &sources[&record.source_id].text;
    let article = &articles[&record.article_id].text;
    let run = common_words_in_order(
        &source[longest.source_start..longest.source_end],
        &article[longest.article_start..longest.article_end],
    );
    let least = if longest.kind == "quotation" { 3 } else { 6 };
    run >= least && article[longest.article_start..longest.article_end] == longest.text
}

#[test]
fn generated_archive_planted_pairs_found_and_gold_articles_rank_their_own_source_first() {
    let dir = scratch("generated");
    make_archive(&dir, 2000, 200);
    scan(&dir, &[]);
    let records = read_records(&dir.join("results.jsonl")).expect("results read");
    let found: HashSet<(String, String)> = records
        .iter()
        .map(|r| (r.article_id.clone(), r.source_id.clone()))
        .collect();
    let planted = pairs_in(&dir.join("truth.jsonl"), ("article_id", "source_id"));
    assert!(planted.len() > 400, "{} planted pairs", planted.len());
    let missed: Vec<_> = planted.difference(&found).collect();
    assert!(
        missed.len() * 100 <= planted.len(),
        "{} of {} planted pairs missed: {missed:?}",
        missed.len(),
        planted.len()
    );

    let sources = entries(&dir.join("releases.jsonl"));
    let articles = entries(&dir.join("articles.jsonl"));
    let without_real_text: Vec<_> = records
        .iter()
        .filter(|r| !shares_real_text(r, &sources, &articles))
        .collect();
    assert!(without_real_text.is_empty(), "{without_real_text:#?}");

    let summary = summarize(&records);
    let gold = pairs_in(&dir.join("gold.jsonl"), ("article_id", "source_id"));
    assert_eq!(gold.len(), 14);
    for (article, source) in &gold {
        let ranked = summary.articles.iter().find(|a| &a.article_id == article);
        let top = ranked.map(|a| a.sources[0].source_id.as_str());
        assert_eq!(top, Some(source.as_str()), "{article}");
    }
}

#[test]
fn an_interrupted_scan_resumes_without_redoing_finished_articles() {
    let dir = scratch("resume");
    make_archive(&dir, 600, 60);
    let out = dir.join("results.jsonl");
    let done = dir.join("results.jsonl.done");
    scan(&dir, &["--min-share", "2%"]);
    let complete = std::fs::read_to_string(&out).expect("results");
    let finished = std::fs::read_to_string(&done).expect("progress file");
    assert_eq!(finished.lines().count(), 614);

    // Stopped after 300 articles, in the middle of writing a batch: the records of the first
    // 300 articles are there, with one of an article not yet listed as finished.
    let first: Vec<&str> = finished.lines().take(300).collect();
    let listed: HashSet<&str> = first.iter().copied().collect();
    let (kept, later): (Vec<&str>, Vec<&str>) = complete.lines().partition(|line| {
        let record: PairRecord = serde_json::from_str(line).expect("record");
        listed.contains(record.article_id.as_str())
    });
    assert!(!later.is_empty());
    std::fs::write(&out, format!("{}\n{}\n", kept.join("\n"), later[0])).expect("write");
    std::fs::write(&done, first.join("\n") + "\n").expect("write");

    let resumed = scan(&dir, &["--min-share", "2%", "--resume"]);
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert!(stderr.contains("scanned 314 articles"), "{stderr}");
    let sorted = |text: &str| {
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        lines.sort();
        lines
    };
    let after = std::fs::read_to_string(&out).expect("results");
    assert_eq!(sorted(&after), sorted(&complete));
    let listed_after = std::fs::read_to_string(&done).expect("progress file");
    assert_eq!(sorted(&listed_after), sorted(&finished));
}

/// `quotediff open` reads each side of a pair straight from where the scan noted it begins;
/// every kept pair's two entries must be there, at the right place.
#[test]
fn a_scan_notes_where_each_kept_pair_s_entries_begin() {
    let dir = scratch("offsets");
    make_archive(&dir, 300, 40);
    scan(&dir, &[]);
    let out = dir.join("results.jsonl");
    let records = read_records(&out).expect("records");
    assert!(records.len() > 20, "{} pairs", records.len());
    for (side, archive_name) in [
        (lookup::Side::Sources, "releases.jsonl"),
        (lookup::Side::Articles, "articles.jsonl"),
    ] {
        let offsets = lookup::read_offsets(&out, side);
        let path = dir.join(archive_name);
        for record in &records {
            let id = match side {
                lookup::Side::Sources => &record.source_id,
                lookup::Side::Articles => &record.article_id,
            };
            let at = offsets
                .get(id)
                .unwrap_or_else(|| panic!("no offset for {id}"));
            let entry = archive::read_at(&path, *at).expect("an entry there");
            assert_eq!(&entry.id, id);
        }
    }
}

#[test]
fn a_bad_line_in_an_archive_is_named_with_its_line_number() {
    let dir = scratch("bad");
    let sources = dir.join("releases.jsonl");
    std::fs::write(
        &sources,
        "{\"id\": \"r1\", \"text\": \"The release.\"}\n{\"id\": \"r2\"}\n",
    )
    .expect("write");
    let articles = dir.join("articles.jsonl");
    std::fs::write(&articles, "{\"id\": \"a1\", \"text\": \"An article.\"}\n").expect("write");
    let output = quotediff(&[
        "scan",
        "--sources",
        sources.to_str().expect("UTF-8"),
        "--articles",
        articles.to_str().expect("UTF-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("releases.jsonl, line 2"), "{stderr}");
    assert!(stderr.contains("text"), "{stderr}");
    let parquet = dir.join("archive.parquet");
    std::fs::write(&parquet, b"PAR1").expect("write");
    let output = quotediff(&[
        "scan",
        "--sources",
        parquet.to_str().expect("UTF-8"),
        "--articles",
        articles.to_str().expect("UTF-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("archive.parquet"), "{stderr}");
    // Without the feature, the line says how to read Parquet; with it, what is wrong.
    let told = if cfg!(feature = "parquet") {
        "Parquet file"
    } else {
        "Spark job"
    };
    assert!(stderr.contains(told), "{stderr}");
}

/// `quotediff open` in a real pseudo-terminal: the list shows the pairs, Enter opens the
/// selected pair's review, Esc comes back to the list, q leaves with the terminal restored.
#[cfg(feature = "tui")]
#[test]
fn open_lists_the_pairs_enter_reviews_one_and_esc_returns() {
    let dir = scratch("open");
    let line = |id: &str, text: &str| serde_json::json!({"id": id, "text": text}).to_string();
    let article = quotediff::document::BUNDLED_ARTICLE;
    let other = "The harbour board met on Tuesday. The mayor of New York announced that DHS \
        investigative work in question was performed remotely and without the presence of \
        federal immigration agents in New York City schools, officials said.";
    std::fs::write(
        dir.join("releases.jsonl"),
        line("nyc-readout", quotediff::document::BUNDLED_SOURCE) + "\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("articles.jsonl"),
        format!(
            "{}\n{}\n",
            line("story-one", article),
            line("brief-two", other)
        ),
    )
    .expect("write");
    scan(&dir, &[]);

    let mut session = pty::Session::start(&dir, &["open", "results.jsonl"], (40, 140), &[]);
    let list = session.wait_for("2 pairs, highest share first");
    // The brief is mostly the readout's words (58%); the story a third (37%).
    let brief = list.find("brief-two").expect("the short brief is listed");
    let story = list.find("story-one").expect("the story is listed");
    assert!(brief < story, "highest share first:\n{list}");
    session.keys("j\r"); // Down, Enter
    let review = session.wait_for("THE CITY OF NEW YORK");
    assert!(
        review.contains("A federal immigration agent's presence"),
        "{review}"
    );
    session.keys("\x1b"); // Esc
    session.wait_for("2 pairs, highest share first");
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    session.assert_restored();
}

/// A scan compares each candidate without details or speakers first and drops it there when
/// it is not kept (`scan::may_be_kept`): right only while the details and the speakers never
/// change what keeping rests on, the quotations and the share carried word for word. Checked
/// on every candidate pair of a small generated archive, kept or not, against the full
/// comparison.
#[test]
fn a_candidate_is_kept_with_details_exactly_when_it_is_kept_without() {
    let dir = scratch("kept-without-details");
    make_archive(&dir, 300, 100);
    let read = |name: &str| -> Vec<Entry> {
        archive::open(&dir.join(name), &LoadOptions::default())
            .expect("archive opens")
            .map(|entry| entry.expect("entry reads"))
            .collect()
    };
    let (releases, articles) = (read("releases.jsonl"), read("articles.jsonl"));
    // One shared shingle is enough here, so that candidates the comparison drops come too.
    let options = ScanOptions {
        min_shared_shingles: 1,
        ..ScanOptions::default()
    };
    let sources = Sources::new(releases.clone(), &options);
    let mut quick = options.compare.clone();
    quick.skip_details = true;
    quick.skip_speakers = true;
    let (mut candidates, mut kept) = (0, 0);
    for article in &articles {
        let hashes = shingle::shingles(&article.text);
        for candidate in sources.index().candidates(&hashes, article.day(), &options) {
            let source = &releases[candidate.source];
            let keep = |compare| {
                record_of(source, article, 0, &options.keeping(), compare)
                    .map(|r| (r.article_from_source, r.source_in_article, r.quotes))
            };
            let full = keep(&options.compare);
            assert_eq!(full, keep(&quick), "{} / {}", source.id, article.id);
            assert_eq!(
                full.is_some(),
                may_be_kept(source, article, &options),
                "{} / {}",
                source.id,
                article.id
            );
            candidates += 1;
            kept += usize::from(full.is_some());
        }
    }
    // Both outcomes are exercised: kept pairs and dropped candidates.
    assert!(
        kept > 30 && candidates > kept + 10,
        "{kept} of {candidates}"
    );
}

/// A Parquet archive (feature `parquet`) scans to the same pairs as the same entries in JSON
/// Lines, and `open` finds each article again by its row.
#[cfg(feature = "parquet")]
#[test]
fn a_parquet_archive_scans_like_its_json_lines() {
    let dir = scratch("parquet");
    make_archive(&dir, 300, 40);
    scan(&dir, &[]);
    let from_jsonl = std::fs::read_to_string(dir.join("results.jsonl")).expect("results");
    let articles: Vec<Entry> = archive::open(&dir.join("articles.jsonl"), &LoadOptions::default())
        .expect("archive opens")
        .map(|entry| entry.expect("entry reads"))
        .collect();
    let parquet = dir.join("articles.parquet");
    quotediff::scan::parquet::write(&parquet, &articles, 64).expect("Parquet written");
    let out = dir.join("parquet-results.jsonl");
    let path = |p: &Path| p.to_string_lossy().into_owned();
    let output = quotediff(&[
        "scan",
        "--sources",
        &path(&dir.join("releases.jsonl")),
        "--articles",
        &path(&parquet),
        "--out",
        &path(&out),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let from_parquet = std::fs::read_to_string(&out).expect("results");
    assert!(from_jsonl.lines().count() > 20);
    assert_eq!(from_parquet, from_jsonl);
    let offsets = lookup::read_offsets(&out, lookup::Side::Articles);
    for record in read_records(&out).expect("records") {
        let row = offsets[&record.article_id];
        let entry = archive::read_at(&parquet, row).expect("the row reads");
        assert_eq!(entry.id, record.article_id);
    }
}
