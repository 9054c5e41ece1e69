//! Fuzzes the markdown extractor: any bytes must give text or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotediff::extract::{extract, Format};

fuzz_target!(|data: &[u8]| {
    if let Ok(extracted) = extract(data.to_vec(), Format::Markdown) {
        assert_eq!(extracted.format, Format::Markdown);
    }
});
