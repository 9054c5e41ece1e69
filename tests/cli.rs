//! The real `quotediff` binary on good and bad input: one clear line naming the file and
//! the problem, exit code 2, never a panic; reports that parse; quiet success on a closed pipe.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn quotediff() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotediff"))
}

fn run(args: &[&str]) -> Output {
    quotediff().args(args).output().expect("the binary runs")
}

/// A fresh directory under the target folder for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn release() -> &'static str {
    quotediff::document::BUNDLED_SOURCE
}

/// Asserts a bad-input failure: exit 2, one line on stderr naming `file` and saying `what`.
fn assert_bad_input(out: &Output, file: &str, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one line, got: {stderr}"
    );
    assert!(stderr.contains(file), "names the file: {stderr}");
    assert!(stderr.contains(what), "says {what:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_file() {
    let dir = scratch("missing");
    let missing = dir.join("nowhere.txt");
    let out = run(&[
        "report",
        missing.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_bad_input(&out, "nowhere.txt", "no such file");
}

#[test]
fn directory_instead_of_file() {
    let dir = scratch("directory");
    let source = dir.join("source.txt");
    std::fs::write(&source, release()).unwrap();
    let out = run(&["report", source.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_bad_input(&out, "cli-directory", "is a directory");
}

#[test]
fn unreadable_file() {
    // /proc/self/mem exists and is a file, but reading it from the start fails (even as
    // root, where permission bits cannot make a file unreadable).
    let out = run(&["report", "/proc/self/mem", "/proc/self/mem"]);
    assert_bad_input(&out, "/proc/self/mem", "cannot read");
    // The operating system's reason is said once, not once per error in the chain.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
}

#[test]
fn binary_data() {
    let dir = scratch("binary");
    let source = dir.join("source.txt");
    let image = dir.join("photo.jpg");
    std::fs::write(&source, release()).unwrap();
    std::fs::write(
        &image,
        [
            0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01,
        ],
    )
    .unwrap();
    let out = run(&["report", source.to_str().unwrap(), image.to_str().unwrap()]);
    assert_bad_input(&out, "photo.jpg", "binary");
}

#[test]
fn invalid_utf8() {
    let dir = scratch("utf8");
    let source = dir.join("source.txt");
    let article = dir.join("latin1.txt");
    std::fs::write(&source, release()).unwrap();
    // A lone continuation byte in the middle of otherwise plain text.
    std::fs::write(
        &article,
        b"The mayor said \x80 something and left the building at noon.\n",
    )
    .unwrap();
    let out = run(&[
        "report",
        source.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    if out.status.code() == Some(2) {
        assert_bad_input(&out, "latin1.txt", "UTF-8");
    } else {
        // A legacy single-byte encoding may be detected and decoded instead: then the report
        // must say nothing alarming and succeed.
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn empty_file() {
    let dir = scratch("empty");
    let source = dir.join("source.txt");
    let article = dir.join("empty.txt");
    std::fs::write(&source, release()).unwrap();
    std::fs::write(&article, "  \n\n ").unwrap();
    let out = run(&[
        "report",
        source.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_bad_input(&out, "empty.txt", "empty");
}

#[test]
fn file_over_the_size_limit() {
    let dir = scratch("huge");
    let source = dir.join("big.txt");
    std::fs::write(&source, release().repeat(20)).unwrap();
    let out = run(&[
        "report",
        "--max-bytes",
        "10000",
        source.to_str().unwrap(),
        source.to_str().unwrap(),
    ]);
    assert_bad_input(&out, "big.txt", "too large");
}

#[test]
fn both_documents_from_standard_input_is_refused() {
    let out = run(&["report", "-", "-"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input"));
}

#[test]
fn article_from_standard_input() {
    let dir = scratch("stdin");
    let source = dir.join("source.txt");
    std::fs::write(&source, release()).unwrap();
    let mut child = quotediff()
        .args(["report", "--format", "json", source.to_str().unwrap(), "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(quotediff::document::BUNDLED_ARTICLE.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["article"]["name"], "<stdin>");
    assert!(report["matches"].as_array().unwrap().len() >= 4);
}

#[test]
fn unrelated_documents_are_a_valid_empty_result() {
    let dir = scratch("unrelated");
    let source = dir.join("source.txt");
    let article = dir.join("article.txt");
    std::fs::write(&source, release()).unwrap();
    std::fs::write(
        &article,
        "Local bakery wins a regional prize for its rye bread and sourdough.",
    )
    .unwrap();
    let out = run(&[
        "report",
        "--format",
        "json",
        source.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["matches"].as_array().unwrap().len(), 0);
    assert_eq!(report["stats"]["article_from_source"], 0.0);
}

#[test]
fn json_report_of_the_bundled_pair_follows_the_contract() {
    let out = run(&["report", "--format", "json"]);
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["source", "article", "matches", "quotes", "details", "stats"] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    let m = &r["matches"][0];
    for key in [
        "id", "kind", "fidelity", "score", "source", "article", "edits",
    ] {
        assert!(m.get(key).is_some(), "match lacks {key}");
    }
    let q = &r["quotes"][0];
    for key in ["id", "status", "article", "match", "speaker"] {
        assert!(q.get(key).is_some(), "quote lacks {key}");
    }
    assert_eq!(r["quotes"][0]["status"], "verified");
    let source = quotediff::document::BUNDLED_SOURCE;
    let (s, e) = (
        m["source"]["start"].as_u64().unwrap() as usize,
        m["source"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(m["source"]["text"].as_str().unwrap(), &source[s..e]);
}

#[test]
fn text_report_lists_quotations_and_passages() {
    let out = run(&["report"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("QUOTATIONS"));
    assert!(text.contains("NOT IN SOURCE · speaker: Katie Tichacek"));
    assert!(text.contains("SHARED PASSAGES"));
    assert!(text.contains("The Secretary said that the agents were not there"));
}

#[test]
fn closed_pipe_ends_quietly_with_success() {
    let mut child = quotediff()
        .args(["report", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a few bytes, then close our end, as `| head -c 10` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_details_reports_quotations_and_reuse_only() {
    let full: serde_json::Value =
        serde_json::from_slice(&run(&["report", "--format", "json"]).stdout).unwrap();
    let lean: serde_json::Value =
        serde_json::from_slice(&run(&["report", "--no-details", "--format", "json"]).stdout)
            .unwrap();
    let kinds = |r: &serde_json::Value| -> Vec<String> {
        r["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(kinds(&full).iter().any(|k| k == "paraphrase"));
    assert!(!full["details"].as_array().unwrap().is_empty());
    assert!(kinds(&lean).iter().all(|k| k != "paraphrase"));
    assert!(lean["details"].as_array().unwrap().is_empty());
    // The quotations are judged the same either way, and point at the same passages (whose
    // numbers differ: paraphrases are numbered among them in article order).
    let judged = |r: &serde_json::Value| -> Vec<serde_json::Value> {
        let matches = r["matches"].as_array().unwrap();
        r["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let passages: Vec<&serde_json::Value> = q["matches"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|id| &matches[id.as_u64().unwrap() as usize - 1]["article"])
                    .collect();
                serde_json::json!([
                    q["status"],
                    q["article"],
                    q["speaker"],
                    q["changes"],
                    passages
                ])
            })
            .collect()
    };
    assert_eq!(judged(&full), judged(&lean));
    // Numbers follow the article.
    let starts: Vec<u64> = full["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["article"]["start"].as_u64().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
}
