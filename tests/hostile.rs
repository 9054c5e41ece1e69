//! Hostile input and a hostile environment (issue 13): every case here once panicked, hung,
//! blew up memory or left the terminal broken. Each test builds its own input: a long text in
//! a script of multi-byte characters, a decompression bomb, a FIFO, a signal to the real
//! binary, a pipe closed early.

use quotediff::{compare, CompareOptions, Document};

/// `len` bytes or more of sentences in `script`'s characters, no line break in the first
/// `len / 2` bytes (so a cut looked for near the middle lands inside a long line).
fn long_text(words: &[&str], len: usize) -> String {
    let mut text = String::with_capacity(len + 64);
    let mut i = 0usize;
    while text.len() < len {
        text.push_str(words[i % words.len()]);
        text.push_str(if i % 7 == 6 { "。" } else { "，" });
        if text.len() > len / 2 && i % 50 == 49 {
            text.push('\n');
        }
        i = i.wrapping_mul(31).wrapping_add(17) % 1_000_003;
    }
    text
}

#[test]
fn long_cjk_text_is_compared_without_a_panic() {
    let words = [
        "市长", "宣布", "救济", "基金", "洪水", "家庭", "企业", "今天", "议会", "批准",
    ];
    let source = long_text(&words, 130 * 1024);
    // A short article: the source alone is worth cutting for a second thread, at a point
    // computed in bytes (64 KiB on from its middle).
    let article = format!("据报道，“{}”他说。", &source[..300]);
    let result = compare(
        Document::from_text("source.txt", &source),
        Document::from_text("article.txt", &article),
        &CompareOptions::default(),
    );
    assert_eq!(result.source.text.len(), source.len());
}

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use quotediff::document::{self, LoadOptions};
use quotediff::extract::{self, ExtractError};

#[cfg(unix)]
#[path = "common/terminal.rs"]
mod pty;
#[cfg(unix)]
use pty::Session;

fn quotediff() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotediff"))
}

/// A fresh directory under the target folder for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `command` to its end, or kills it and fails after `seconds`: a hang is a failure,
/// not a stuck test run.
fn finish_within(mut command: Command, seconds: u64) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("quotediff still running after {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Runs `work` on another thread; fails when it takes more than `seconds`.
fn within<T: Send + 'static>(seconds: u64, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    rx.recv_timeout(Duration::from_secs(seconds))
        .unwrap_or_else(|_| panic!("still working after {seconds} s"))
}

fn one_line_error(out: &Output, code: i32, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "stderr: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(what), "says {what:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// A Word file whose body is `paragraphs` copies of one short paragraph: a few hundred KB
/// that unpack to tens of MB of valid XML.
fn docx_bomb(paragraphs: usize) -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buffer);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#).unwrap();
    let paragraph = b"<w:p><w:r><w:t>The Mayor said no.</w:t></w:r></w:p>".repeat(1000);
    for _ in 0..paragraphs / 1000 {
        zip.write_all(&paragraph).unwrap();
    }
    zip.write_all(b"</w:body></w:document>").unwrap();
    zip.finish().unwrap();
    buffer.into_inner()
}

fn deflated(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

/// The body of a stream object: `dict` plus its length, then the data.
fn stream_object(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(b"\nendstream");
    body
}

/// A PDF of `objects`, numbered from 1 (the catalog first), with its cross-reference table.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    let size = objects.len() + 1;
    pdf.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for at in &offsets {
        pdf.extend_from_slice(format!("{at:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

const SAYS: &str = "BT /F1 12 Tf 72 712 Td (The Mayor said no.) Tj ET\n";

/// A one-page PDF (objects 1 to 3) whose page shows the content stream 4 and resolves the
/// font F1 (object 5) and the forms `X1`, `X2`, ... to the objects after it; `more` are
/// those objects.
fn one_page_pdf(content: Vec<u8>, forms: usize, more: Vec<Vec<u8>>) -> Vec<u8> {
    let xobjects: String = (1..=forms)
        .map(|i| format!("/X{i} {} 0 R ", 5 + i))
        .collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << {xobjects}>> >> >>").into_bytes(),
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(more);
    pdf_of(&objects)
}

/// A form XObject whose content is `content`, Flate-compressed.
fn form(content: &[u8]) -> Vec<u8> {
    stream_object(
        "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode",
        &deflated(content),
    )
}

/// A one-page PDF whose content stream is `unpacked` bytes of spaces, Flate-compressed.
fn pdf_bomb(unpacked: usize) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..unpacked >> 20 {
        z.write_all(&chunk).unwrap();
    }
    z.write_all(SAYS.as_bytes()).unwrap();
    let stream = stream_object("/Filter /FlateDecode", &z.finish().unwrap());
    one_page_pdf(stream, 0, Vec::new())
}

fn flate_content(content: &[u8]) -> Vec<u8> {
    stream_object("/Filter /FlateDecode", &deflated(content))
}

fn pdf_refusal(pdf: Vec<u8>, limit: u64) -> ExtractError {
    match within(20, move || extract::pdf::extract_within(&pdf, limit)) {
        Ok(text) => panic!("read as {} bytes of text", text.len()),
        Err(e) => e,
    }
}

#[test]
fn docx_bomb_stops_at_the_byte_limit() {
    let dir = scratch("docx-bomb");
    // 600,000 paragraphs: 32 MB of XML, 11 MB of text, in about 100 KB.
    let path = dir.join("bomb.docx");
    std::fs::write(&path, docx_bomb(600_000)).unwrap();
    let options = LoadOptions {
        max_bytes: 1_000_000,
    };
    let err = document::load(&path, &options).unwrap_err();
    assert!(
        err.to_string()
            .contains("word/document.xml unpacks to more than 1000000 bytes"),
        "{err}"
    );
    // Within the default limit the same file reads, and its text is checked as well.
    let options = LoadOptions {
        max_bytes: 40_000_000,
    };
    let err = document::load(&path, &options).err();
    assert!(err.is_none(), "{err:?}");
}

#[test]
fn pdf_flate_bomb_is_refused_before_the_reader_unpacks_it() {
    let pdf = pdf_bomb(200 << 20);
    assert!(pdf.len() < 400_000, "{} bytes", pdf.len());
    let err = within(20, move || extract::pdf::extract_within(&pdf, 64 << 20)).unwrap_err();
    assert!(matches!(err, ExtractError::PdfUnpacks { .. }), "{err:?}");
    // The same page with a small stream reads.
    let pdf = pdf_bomb(0);
    let text = extract::pdf::extract_within(&pdf, 1_000_000).unwrap();
    assert!(text.contains("The Mayor said no."), "{text}");
}

/// The reader parses a stream again each time it is drawn: by a page, or by a `Do` of a
/// form, which may draw forms in turn. A few kilobytes used to keep it parsing for hours.
#[test]
fn pdf_content_drawn_over_and_over_is_refused() {
    use quotediff::extract::pdf_cost::Refusal;
    let parses = |e: &ExtractError| matches!(e, ExtractError::PdfPages(Refusal::Parses { .. }));

    // A form of 20 KB drawn 50,000 times: 1 GB to parse.
    let mut x1 = SAYS.as_bytes().to_vec();
    x1.extend_from_slice(&[b' '; 20_000]);
    let page = flate_content("/X1 Do\n".repeat(50_000).as_bytes());
    let pdf = one_page_pdf(page, 1, vec![form(&x1)]);
    assert!(pdf.len() < 10_000, "{} bytes", pdf.len());
    let err = pdf_refusal(pdf, 64 << 20);
    assert!(parses(&err), "{err:?}");

    // Ten forms, each drawing the next ten times: the last one 10^9 times.
    let forms = (1..=10)
        .map(|i| match i {
            10 => form(SAYS.as_bytes()),
            _ => form(format!("/X{} Do\n", i + 1).repeat(10).as_bytes()),
        })
        .collect();
    let pdf = one_page_pdf(flate_content(b"/X1 Do"), 10, forms);
    let err = pdf_refusal(pdf, 64 << 20);
    assert!(parses(&err), "{err:?}");

    // One content stream of 100 KB named 20,000 times in a page's /Contents.
    let mut content = SAYS.as_bytes().to_vec();
    content.extend_from_slice(&[b' '; 100_000]);
    let contents = "4 0 R ".repeat(20_000);
    let pdf = pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [{contents}] /Resources << /Font << /F1 5 0 R >> >> >>").into_bytes(),
        flate_content(&content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ]);
    let err = pdf_refusal(pdf, 64 << 20);
    assert!(parses(&err), "{err:?}");

    // The same form drawn once reads, and its text is the page's.
    let pdf = one_page_pdf(flate_content(b"/X1 Do"), 1, vec![form(&x1)]);
    let text = extract::pdf::extract_within(&pdf, 1_000_000).unwrap();
    assert!(text.contains("The Mayor said no."), "{text}");
}

/// A form that draws itself sent the reader into endless recursion: a stack overflow, which
/// kills the process however the call is wrapped. Run through the binary, so the test
/// survives the crash it checks for.
#[test]
fn a_pdf_form_that_draws_itself_is_refused_not_a_crash() {
    let dir = scratch("pdf-forms");
    let mut looping = b"/X1 Do\n".to_vec();
    looping.extend_from_slice(SAYS.as_bytes());
    let pdf = one_page_pdf(flate_content(b"/X1 Do"), 1, vec![form(&looping)]);
    std::fs::write(dir.join("loop.pdf"), pdf).unwrap();
    // Forty forms, each drawing the next once.
    let forms = (1..=40)
        .map(|i| match i {
            40 => form(SAYS.as_bytes()),
            _ => form(format!("/X{} Do\n", i + 1).as_bytes()),
        })
        .collect();
    let pdf = one_page_pdf(flate_content(b"/X1 Do"), 40, forms);
    std::fs::write(dir.join("deep.pdf"), pdf).unwrap();

    let mut command = quotediff();
    command.args(["extract", "loop.pdf"]).current_dir(&dir);
    one_line_error(
        &finish_within(command, 20),
        2,
        "loop.pdf: cannot read this PDF: a form on its pages draws itself",
    );
    let mut command = quotediff();
    command.args(["extract", "deep.pdf"]).current_dir(&dir);
    one_line_error(&finish_within(command, 20), 2, "nested more than 32 deep");
}

/// A page inherits its resources and its size from its parents; parents that loop kept the
/// reader climbing forever (467 bytes hung it).
#[test]
fn a_pdf_page_tree_that_loops_is_refused_not_a_hang() {
    use quotediff::extract::pdf_cost::Refusal;
    let content = flate_content(SAYS.as_bytes());
    // The page is its own parent, and has neither resources nor a size of its own.
    let own_parent = pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>".to_vec(),
        content.clone(),
    ]);
    // The page's size is its own; its resources are looked for up a loop of two nodes.
    let two_node_loop = pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 5 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        content,
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>".to_vec(),
    ]);
    for pdf in [own_parent, two_node_loop] {
        let err = pdf_refusal(pdf, 64 << 20);
        assert!(
            matches!(err, ExtractError::PdfPages(Refusal::TreeLoop)),
            "{err:?}"
        );
    }
}

/// The reader's object tree takes some 24 times the text of the objects it loads: 20,000
/// page dictionaries in 3.2 MB took 77 MB, over 20 times the file and the default limit.
#[test]
fn a_pdf_of_small_objects_by_the_ten_thousand_is_refused_before_loading() {
    use quotediff::extract::pdf_cost::Refusal;
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count 20000 >>",
            (5..20_005).map(|i| format!("{i} 0 R ")).collect::<String>()
        )
        .into_bytes(),
        flate_content(SAYS.as_bytes()),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(std::iter::repeat_n(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>".to_vec(),
        20_000,
    ));
    let err = pdf_refusal(pdf_of(&objects), 64 << 20);
    assert!(
        matches!(err, ExtractError::PdfPages(Refusal::Objects { .. })),
        "{err:?}"
    );
    // Packed in an object stream, objects count as what it unpacks to: 5 MB of them behind
    // 600 KB of (incompressible) image data, within the streams' budget of ten times the file.
    let mut noise = Vec::with_capacity(600_000);
    let mut x = 1u32;
    while noise.len() < 600_000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.extend_from_slice(&x.to_le_bytes());
    }
    let packed = "<< /Type /Page /MediaBox [0 0 612 792] >>\n".repeat(5_000_000 / 42);
    let pdf = one_page_pdf(
        flate_content(SAYS.as_bytes()),
        0,
        vec![
            stream_object("/Type /XObject /Subtype /Image", &noise),
            stream_object(
                "/Type /ObjStm /N 1 /First 0 /Filter /FlateDecode",
                &deflated(packed.as_bytes()),
            ),
        ],
    );
    let err = pdf_refusal(pdf, 64 << 20);
    assert!(
        matches!(err, ExtractError::PdfPages(Refusal::Objects { .. })),
        "{err:?}"
    );
}

/// 500 KB of the smallest path operators packs into about 1.5 KB, under the raw scan's
/// floor, yet the reader parses it into some 55 MB: the page's parse is held to the limit
/// given, and to 16 MiB however small the file.
#[test]
fn a_small_pdf_of_tiny_operators_is_held_to_the_memory_budget() {
    use quotediff::extract::pdf_cost::Refusal;
    let mut ops = SAYS.as_bytes().to_vec();
    ops.extend_from_slice(&b"0 0 m\n".repeat(500_000 / 6));
    let pdf = one_page_pdf(flate_content(&ops), 0, Vec::new());
    assert!(pdf.len() < 4_000, "{} bytes", pdf.len());
    let err = pdf_refusal(pdf.clone(), 1_000_000);
    assert_eq!(
        err.to_string(),
        ExtractError::PdfPages(Refusal::Memory { budget: 1_000_000 }).to_string()
    );
    let err = pdf_refusal(pdf, 64 << 20);
    assert!(
        matches!(err, ExtractError::PdfPages(Refusal::Memory { budget }) if budget == 16 << 20),
        "{err:?}"
    );
    // A page of ordinary text reads under the same small limit.
    let text = SAYS.repeat(200);
    let pdf = one_page_pdf(flate_content(text.as_bytes()), 0, Vec::new());
    assert!(extract::pdf::extract_within(&pdf, 1_000_000).is_ok());
}

/// ASCIIHex and RunLength (which grows data 64 times) were not counted by the raw scan:
/// a Flate bomb written in hexadecimal, or run-length data inside a Flate stream, passed.
#[test]
fn pdf_bombs_through_hex_and_run_length_filters_are_refused() {
    // 20 MB of spaces as run-length pairs (a pair is 128 spaces), then Flate.
    let pairs = [0x81u8, b' '].repeat((20 << 20) / 128);
    let stream = stream_object("/Filter [/FlateDecode /RunLengthDecode]", &deflated(&pairs));
    let err = pdf_refusal(one_page_pdf(stream, 0, Vec::new()), 64 << 20);
    assert!(matches!(err, ExtractError::PdfUnpacks { .. }), "{err:?}");

    let bomb = deflated(&vec![b' '; 20 << 20]);
    let hex: String = bomb.iter().map(|b| format!("{b:02x}")).collect();
    let stream = stream_object("/Filter [/ASCIIHexDecode /FlateDecode]", hex.as_bytes());
    let err = pdf_refusal(one_page_pdf(stream, 0, Vec::new()), 64 << 20);
    assert!(matches!(err, ExtractError::PdfUnpacks { .. }), "{err:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = scratch("fifo");
    let fifo = dir.join("source.txt");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads the NUL-terminated path we own.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let article = dir.join("article.txt");
    std::fs::write(&article, "The Mayor said no.").unwrap();
    let mut command = quotediff();
    command.args(["report", fifo.to_str().unwrap(), article.to_str().unwrap()]);
    let out = finish_within(command, 10);
    one_line_error(&out, 2, "named pipe (FIFO), not a regular file");
    let mut command = quotediff();
    command.args(["report", "/dev/zero", article.to_str().unwrap()]);
    one_line_error(&finish_within(command, 10), 2, "/dev/zero: is a device");
}

#[test]
fn a_stray_byte_keeps_a_utf8_file_utf8() {
    let dir = scratch("stray-byte");
    let mut bytes =
        "The Mayor said \u{201c}our schools are safe places for every child\u{201d} on Monday. "
            .repeat(3)
            .into_bytes();
    let stray = bytes.len();
    bytes.push(0x92);
    bytes.extend_from_slice("\u{201c}Nobody was taken into custody,\u{201d} she said.".as_bytes());
    let path = dir.join("article.txt");
    std::fs::write(&path, &bytes).unwrap();
    let loaded = document::load_as(&path, &LoadOptions::default(), None).unwrap();
    assert_eq!(loaded.document.text.matches('\u{201c}').count(), 4);
    assert!(loaded.document.text.contains("\u{fffd}\u{201c}Nobody"));
    assert_eq!(loaded.notes.len(), 1, "{:?}", loaded.notes);
    assert!(
        loaded.notes[0].contains(&format!("byte {stray}")),
        "{:?}",
        loaded.notes
    );
    // Windows-1252 through and through is still recognised as such.
    let legacy = b"The Mayor said \x93our schools are safe\x94 on Monday.".to_vec();
    let decoded = extract::text::decode(legacy).unwrap();
    assert_eq!(decoded.encoding.name(), "windows-1252");
}

#[test]
fn deep_html_is_refused_before_parsing() {
    // 150,000 levels in 1.65 MB: parsing alone took 73 s.
    let html = format!(
        "<!DOCTYPE html><html><body>{}<p>The Mayor said no.</p></body></html>",
        "<div><b>".repeat(75_000)
    );
    let err = within(10, move || extract::html::extract(&html)).unwrap_err();
    assert!(
        matches!(err, ExtractError::TooDeep { limit: 512, .. }),
        "{err:?}"
    );
}

#[cfg(unix)]
#[test]
fn output_errors_are_one_line_or_silence_never_a_panic() {
    // A pipe whose reader is gone before anything is written.
    let mut fds = [0; 2];
    // SAFETY: pipe writes two descriptors into the array we own.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: the read end is ours and closed once.
    unsafe { libc::close(fds[0]) };
    // SAFETY: the write end is ours, handed over to the child's standard output.
    let write_end = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(fds[1]) };
    for args in [&["completions", "bash"][..], &["man"], &["--help"]] {
        let out = quotediff()
            .args(args)
            .stdout(write_end.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
    // A full disk.
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["--help"],
        &["report"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = quotediff()
            .args(args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        one_line_error(&out, 1, "No space left on device");
    }
    // What failed is named: the version is not the help.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = quotediff().arg("--version").stdout(full).output().unwrap();
    one_line_error(&out, 1, "writing the version: No space left on device");
    // An error message written to a full standard error still exits 2, quietly.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = quotediff()
        .args(["report", "/nowhere/release.txt", "/nowhere/article.txt"])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn escape_sequences_in_a_document_do_not_reach_the_terminal() {
    let dir = scratch("escapes");
    let source = dir.join("release.txt");
    std::fs::write(
        &source,
        "The Mayor said: \u{201c}Our schools are safe places for every child in this city.\u{201d}\n",
    )
    .unwrap();
    // Inside the quotation, so the report prints it: a title change and a C1 CSI.
    let article = dir.join("article.txt");
    std::fs::write(
        &article,
        "The Mayor said \u{201c}our schools are safe\x1b]0;owned\x07 places for every \u{9b}31mchild in this city\u{201d} on Monday.\n",
    )
    .unwrap();
    let out = quotediff()
        .args([
            "report",
            source.to_str().unwrap(),
            article.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        !report.contains(|c: char| c.is_control() && c != '\n' && c != '\t'),
        "{report:?}"
    );
    assert!(report.contains("\\u{1b}]0;owned\\u{7}"), "{report}");
    assert!(report.contains("\\u{9b}31mchild"), "{report}");
}

#[test]
fn one_shared_passage_is_singular() {
    let dir = scratch("singular");
    let source = dir.join("release.txt");
    std::fs::write(
        &source,
        "The city council approved the relief fund in a unanimous vote on Tuesday evening.\n",
    )
    .unwrap();
    let article = dir.join("article.txt");
    std::fs::write(
        &article,
        "Officials said the city council approved the relief fund in a unanimous vote on Tuesday evening.\n",
    )
    .unwrap();
    let out = quotediff()
        .args([
            "report",
            source.to_str().unwrap(),
            article.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains(
            "0 quotations: 0 verified, 0 altered, 0 not in the source; 1 shared passage.\n"
        ),
        "{report}"
    );
}

#[test]
fn standard_input_is_named_as_such() {
    let mut child = quotediff()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b" \n").unwrap();
    let out = child.wait_with_output().unwrap();
    one_line_error(&out, 2, "standard input: empty");
}

/// The real binary run to its end in a pseudo-terminal of 30 by 120: its exit code,
/// everything it wrote, and the session, to read the screen it left and the terminal's line
/// settings after.
#[cfg(unix)]
fn in_a_terminal(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (u32, Vec<u8>, Session) {
    let mut session = Session::start(dir, args, (30, 120), env);
    let output = session.output();
    let code = session.exit_code();
    (code, output, session)
}

/// A panic inside the interface, in the real binary in a pseudo-terminal: the terminal must
/// come back as the shell left it, with one line saying what went wrong and no backtrace.
#[cfg(unix)]
#[test]
fn a_panic_in_the_interface_restores_the_terminal() {
    let dir = scratch("panic-in-interface");
    // Even when asked for, a backtrace is not what the user of a terminal tool should see.
    let env = [("QUOTEDIFF_TEST_PANIC", "1"), ("RUST_BACKTRACE", "1")];
    let (code, _, session) = in_a_terminal(&dir, &[], &env);
    assert_eq!(code, 1, "a bug exits with 1");
    session.assert_restored();

    let shown = session.contents();
    let lines: Vec<&str> = shown.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line, no backtrace:\n{shown}");
    assert!(lines[0].starts_with("quotediff: internal error"), "{shown}");
    assert!(lines[0].contains("QUOTEDIFF_TEST_PANIC"), "{shown}");
}

/// `extract` on a terminal, and any message naming a file, used to pass a document's or a
/// file name's escape sequences straight to the terminal (a title change here).
#[cfg(unix)]
#[test]
fn escape_sequences_reach_the_terminal_neither_by_extract_nor_by_a_message() {
    let dir = scratch("escapes-extract");
    std::fs::write(
        dir.join("release.txt"),
        "The Mayor said no.\x1b]0;owned\x07\r\nSecond line.\n",
    )
    .unwrap();
    let (code, output, session) = in_a_terminal(&dir, &["extract", "release.txt"], &[]);
    assert_eq!(code, 0);
    assert!(
        !output.windows(2).any(|w| w == b"\x1b]"),
        "a title change reached the terminal"
    );
    let shown = session.contents();
    assert!(
        shown.contains("no.\\u{1b}]0;owned\\u{7}\nSecond line."),
        "{shown}"
    );

    // Into a pipe, the text is left as it is.
    let out = quotediff()
        .args(["extract", "release.txt"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(out
        .stdout
        .starts_with(b"The Mayor said no.\x1b]0;owned\x07"));

    let name = "missing\x1b]0;owned\x07\n.txt";
    let out = quotediff()
        .args(["report", name, "release.txt"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = one_line_error(&out, 2, "missing\\u{1b}]0;owned\\u{7}\\u{a}.txt");
    assert!(!stderr.trim_end().contains(char::is_control), "{stderr:?}");
}

/// Fuzzing at the sizes real transcripts reach, in three scripts: the engine and the
/// extractors on texts of hundreds of kilobytes, built from a seed the test is given.
/// `cargo test` runs a few cases; `QUOTEDIFF_FUZZ_CASES=N` runs more (docs/fuzzing.md).
mod large {
    use super::*;
    use proptest::prelude::*;
    use quotediff::report::{self, Format};
    use quotediff::{compare, CompareOptions, Document};

    const LATIN: &[&str] = &[
        "the",
        "Mayor",
        "said",
        "schools",
        "are",
        "safe",
        "for",
        "every",
        "child",
        "city",
        "council",
        "approved",
        "fund",
        "l’école",
        "élèves",
        "préfet",
        "Straße",
        "Bürgermeister",
        "año",
        "niños",
        "città",
        "não",
        "één",
        "it’s",
        "O’Brien",
        "co-operate",
        "3.5",
        "1,400",
        "naïve",
        "e\u{301}te\u{301}",
        "🙂",
        "\u{a0}",
        "—",
    ];
    const CYRILLIC: &[&str] = &[
        "мэр",
        "сказал",
        "что",
        "школы",
        "безопасны",
        "для",
        "каждого",
        "ребёнка",
        "город",
        "совет",
        "одобрил",
        "фонд",
        "в",
        "на",
        "Москва",
        "Ё",
        "2024",
        "т.е.",
        "по-моему",
    ];
    const CJK: &[&str] = &[
        "市长",
        "宣布",
        "救济",
        "基金",
        "洪水",
        "家庭",
        "企业",
        "今天",
        "议会",
        "批准",
        "学校",
        "安全",
        "東京都",
        "知事",
        "述べた",
        "です",
        "한국",
        "대통령",
        "말했다",
        "２０２４年",
    ];
    const OPEN_CLOSE: &[(&str, &str)] = &[
        ("\u{201c}", "\u{201d}"),
        ("\u{ab}\u{a0}", "\u{a0}\u{bb}"),
        ("\"", "\""),
        ("\u{300c}", "\u{300d}"),
        ("\u{2018}", "\u{2019}"),
        ("\u{201e}", "\u{201c}"),
    ];

    /// A small deterministic generator (SplitMix64): the seed is the fuzzer's input.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Sentences of `words`, with quotations, line breaks (some CRLF), stray controls.
    fn sentences(rng: &mut Rng, words: &[&str], bytes: usize) -> Vec<String> {
        let spaced = !std::ptr::eq(words, CJK);
        let mut out = Vec::new();
        let mut total = 0;
        while total < bytes {
            let mut s = String::new();
            for i in 0..3 + rng.below(25) {
                if spaced && i > 0 {
                    s.push(' ');
                }
                s.push_str(words[rng.below(words.len())]);
                match rng.below(40) {
                    0 => s.push(','),
                    1 => s.push_str(" \u{2014} "),
                    2 => s.push('\u{1b}'),
                    _ => {}
                }
            }
            s.push_str(["。", ".", "!", "?", "…", ":"][rng.below(6)]);
            if rng.below(4) == 0 {
                let (open, close) = OPEN_CLOSE[rng.below(OPEN_CLOSE.len())];
                s = format!("{open}{s}{close}");
            }
            s.push_str(["\n", "\r\n", "\n\n", " ", " ", " "][rng.below(6)]);
            total += s.len();
            out.push(s);
        }
        out
    }

    /// A source and an article that quotes, reuses and rewords it.
    fn pair(script: usize, seed: u64, source_bytes: usize) -> (String, String) {
        let words = [LATIN, CYRILLIC, CJK][script];
        let mut rng = Rng(seed);
        let source = sentences(&mut rng, words, source_bytes);
        let mut article = String::new();
        while article.len() < source_bytes / 2 {
            match rng.below(4) {
                0 => article.push_str(&sentences(&mut rng, words, 1)[0]),
                1 => {
                    let (open, close) = OPEN_CLOSE[rng.below(OPEN_CLOSE.len())];
                    let quoted = source[rng.below(source.len())].trim_end();
                    article.push_str(&format!("{open}{quoted}{close} {} ", words[0]));
                }
                _ => {
                    let from = rng.below(source.len());
                    for s in &source[from..(from + 1 + rng.below(4)).min(source.len())] {
                        article.push_str(s);
                    }
                }
            }
        }
        (source.concat(), article)
    }

    fn on_boundaries(span: quotediff::Span, text: &str) -> bool {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    }

    fn check(source: String, article: String) {
        let c = compare(
            Document::from_text("source", source),
            Document::from_text("article", article),
            &CompareOptions::default(),
        );
        for (i, m) in c.matches.iter().enumerate() {
            assert_eq!(m.id, i + 1);
            assert!(on_boundaries(m.source, &c.source.text));
            assert!(on_boundaries(m.article, &c.article.text));
        }
        for (i, q) in c.quotes.iter().enumerate() {
            assert_eq!(q.id, i + 1);
            assert!(on_boundaries(q.article, &c.article.text));
            assert!(on_boundaries(q.outer, &c.article.text));
        }
        for d in &c.details {
            assert!(d.source.is_none_or(|s| on_boundaries(s, &c.source.text)));
            assert!(d.article.is_none_or(|a| on_boundaries(a, &c.article.text)));
        }
        for format in [Format::Text, Format::Json, Format::Html] {
            report::write(&c, None, format, &mut std::io::sink()).expect("writing to nowhere");
        }
    }

    fn cases() -> u32 {
        std::env::var("QUOTEDIFF_FUZZ_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(2)
    }

    fn config() -> ProptestConfig {
        ProptestConfig {
            cases: cases(),
            // A failing seed is the whole story; shrinking 300 KB of text would take hours.
            max_shrink_iters: 0,
            failure_persistence: None,
            ..ProptestConfig::default()
        }
    }

    /// The fuzzing session of docs/fuzzing.md: random seeds for one target until the time is
    /// up, the seed printed before each case so a crash can be replayed.
    /// `QUOTEDIFF_FUZZ_TARGET=latin|cyrillic|cjk|extractors QUOTEDIFF_FUZZ_SECONDS=300
    /// cargo test --release --test hostile -- --ignored --nocapture fuzz_session`
    #[test]
    #[ignore = "a long session; run by hand (docs/fuzzing.md)"]
    fn fuzz_session() {
        let target = std::env::var("QUOTEDIFF_FUZZ_TARGET").unwrap_or_else(|_| "latin".into());
        let seconds: u64 = std::env::var("QUOTEDIFF_FUZZ_SECONDS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(60);
        let started = Instant::now();
        let mut seeds = Rng(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64));
        let (mut cases, mut bytes) = (0u64, 0u64);
        while started.elapsed() < Duration::from_secs(seconds) {
            let seed = seeds.next();
            let kb = 100 + seeds.below(300);
            eprintln!("case {cases}: {target} seed {seed} size {kb} KB");
            match target.as_str() {
                "latin" | "cyrillic" | "cjk" => {
                    let script = ["latin", "cyrillic", "cjk"]
                        .iter()
                        .position(|t| *t == target);
                    let (source, article) = pair(script.unwrap_or(0), seed, kb * 1024);
                    bytes += (source.len() + article.len()) as u64;
                    check(source, article);
                }
                "pdf" => bytes += read_random_pdf(seed) as u64,
                _ => {
                    bytes += through_extractors(seed, cases as usize % 3, kb / 2) as u64;
                }
            }
            cases += 1;
        }
        eprintln!(
            "{target}: {cases} cases, {} MB of input, {:.0} s, no crash",
            bytes >> 20,
            started.elapsed().as_secs_f64()
        );
    }

    /// A PDF built from `seed`, small on disk as bombs are: up to a dozen forms and a few
    /// pages whose contents show text, run tiny operators by the thousand, and draw forms
    /// (any of them, themselves included) up to 2,000 times each; a page's content now and
    /// then named twice in its `/Contents`, and now and then a page with no size of its
    /// own that is its own parent.
    fn random_pdf(seed: u64) -> Vec<u8> {
        let mut rng = Rng(seed);
        let forms = 1 + rng.below(12);
        let pages = 1 + rng.below(4);
        let (first_page, first_content) = (3, 3 + pages);
        let (font, first_form) = (first_content + pages, first_content + pages + 1);
        let xobjects: String = (0..forms)
            .map(|i| format!("/X{} {} 0 R ", i + 1, first_form + i))
            .collect();
        let resources =
            format!("/Resources << /Font << /F1 {font} 0 R >> /XObject << {xobjects}>> >>");
        let body = |rng: &mut Rng| {
            let mut content = Vec::new();
            for _ in 0..1 + rng.below(4) {
                match rng.below(3) {
                    0 => content.extend_from_slice(SAYS.as_bytes()),
                    1 => content.extend_from_slice(&b"0 0 m\n".repeat(rng.below(20_000))),
                    _ => {
                        let draw = format!("/X{} Do\n", 1 + rng.below(forms));
                        content.extend_from_slice(draw.repeat(1 + rng.below(2_000)).as_bytes());
                    }
                }
            }
            content
        };
        let kids: String = (0..pages)
            .map(|p| format!("{} 0 R ", first_page + p))
            .collect();
        let mut objects = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            format!("<< /Type /Pages /Kids [{kids}] /Count {pages} >>").into_bytes(),
        ];
        for p in 0..pages {
            let (parent, size) = match rng.below(10) {
                0 => (first_page + p, ""),
                _ => (2, "/MediaBox [0 0 612 792] "),
            };
            let content = first_content + p;
            let contents = match rng.below(4) {
                0 => format!("[{content} 0 R {content} 0 R]"),
                _ => format!("{content} 0 R"),
            };
            objects.push(
                format!(
                    "<< /Type /Page /Parent {parent} 0 R {size}/Contents {contents} {resources} >>"
                )
                .into_bytes(),
            );
        }
        for _ in 0..pages {
            objects.push(flate_content(&body(&mut rng)));
        }
        objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
        for _ in 0..forms {
            objects.push(form(&body(&mut rng)));
        }
        pdf_of(&objects)
    }

    /// Reads the PDF of `seed`: text or an error, within 30 seconds, and no crash (a stack
    /// overflow would end the whole run). Its size.
    fn read_random_pdf(seed: u64) -> usize {
        let pdf = random_pdf(seed);
        let len = pdf.len();
        let _ = within(30, move || extract::pdf::extract_within(&pdf, 64 << 20));
        len
    }

    /// The extractors on a generated pair as bytes, some of them broken: the article as a
    /// page, the source as Markdown and as plain text with a stray byte; what they give is
    /// compared. The bytes read.
    fn through_extractors(seed: u64, script: usize, kb: usize) -> usize {
        let (source, article) = pair(script, seed, kb * 1024);
        let read = source.len() * 2 + article.len();
        let mut rng = Rng(seed ^ 1);
        let page = format!(
            "<!DOCTYPE html><html><body><article><p>{}</p></article></body></html>",
            article.replace('<', "&lt;").replace("\n\n", "</p><p>")
        );
        let html = extract::extract(page.into_bytes(), extract::Format::Html);
        let markdown = extract::extract(source.clone().into_bytes(), extract::Format::Markdown);
        let mut bytes = source.into_bytes();
        let at = rng.below(bytes.len());
        bytes[at] = 0xff;
        let text = extract::extract(bytes, extract::Format::Text).expect("still text");
        if let (Ok(html), Ok(markdown)) = (html, markdown) {
            check(markdown.text, html.text);
        }
        check(text.text, article);
        read
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn large_latin_text_with_curly_quotes(seed in any::<u64>(), kb in 100usize..400) {
            let (source, article) = pair(0, seed, kb * 1024);
            check(source, article);
        }

        #[test]
        fn large_cyrillic_text(seed in any::<u64>(), kb in 100usize..400) {
            let (source, article) = pair(1, seed, kb * 1024);
            check(source, article);
        }

        #[test]
        fn large_cjk_text(seed in any::<u64>(), kb in 100usize..400) {
            let (source, article) = pair(2, seed, kb * 1024);
            check(source, article);
        }

        #[test]
        fn large_documents_through_the_extractors(
            seed in any::<u64>(),
            script in 0usize..3,
            kb in 50usize..300,
        ) {
            through_extractors(seed, script, kb);
        }

        #[test]
        fn random_pdf_structures(seed in any::<u64>()) {
            read_random_pdf(seed);
        }
    }
}
