//! Fuzzes the text extractor: any bytes must give text or an error, never a panic, and the
//! text must be what the document would hold (no byte-order mark, a valid `String`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotediff::extract::{extract, Format};

fuzz_target!(|data: &[u8]| {
    if let Ok(extracted) = extract(data, Format::Text) {
        assert_eq!(extracted.format, Format::Text);
        assert!(!extracted.text.starts_with('\u{feff}') || Format::Text != Format::Text);
    }
});
