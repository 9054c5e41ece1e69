//! Fuzzes the PDF extractor: any bytes must give text or an error, never a crash.
//!
//! The PDF reader (`pdf-extract` over `lopdf`) panics on some damaged files; quotediff
//! catches those panics and reports a clear error. libFuzzer's panic hook aborts on every
//! panic, caught or not, so this target replaces it with one that lets the reader's panics
//! unwind to quotediff's `catch_unwind` and still aborts on a panic anywhere else (quotediff's
//! own code above all), which is what this target is for.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use quotediff::extract::{extract, Format};

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_reader = info.location().is_some_and(|l| {
                l.file().contains("pdf-extract") || l.file().contains("lopdf")
            });
            if !in_reader {
                default(info);
                std::process::abort();
            }
        }));
    });
    let _ = extract(data, Format::Pdf);
});
