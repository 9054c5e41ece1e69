//! Fuzzes the PDF extractor: any bytes must give text or an error, never a crash.
//!
//! The PDF reader (`pdf-extract` over `lopdf`) panics on some damaged files; quotediff
//! catches those panics and reports a clear error. libFuzzer's panic hook aborts on every
//! panic, caught or not, so this target replaces it with one that lets panics raised while
//! the reader runs (`quotediff::extract::pdf::in_pdf_reader`) unwind to quotediff's
//! `catch_unwind`, and still aborts on a panic anywhere else (quotediff's own code above all).
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use quotediff::extract::{extract, Format};

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !quotediff::extract::pdf::in_pdf_reader() {
                default(info);
                std::process::abort();
            }
        }));
    });
    let _ = extract(data.to_vec(), Format::Pdf);
});
