//! Fuzzes the plain-text decoder: any bytes must give text or an error, never a panic; and
//! UTF-8 without a byte-order mark or NUL bytes must come back untouched, byte for byte, so
//! offsets into such a file and into the document are the same. (A second byte-order mark
//! after the first is content, a zero-width no-break space, and is kept: the fuzzer's first
//! find, `corpus/extract_text/seed-double-bom.txt`, was a wrong invariant here, not a bug.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotediff::extract::{extract, Format};

fuzz_target!(|data: &[u8]| {
    let result = extract(data.to_vec(), Format::Text);
    if let Ok(plain) = std::str::from_utf8(data) {
        if !plain.starts_with('\u{feff}') && !plain.contains('\0') {
            assert_eq!(result.expect("UTF-8 always decodes").text, plain);
        }
    }
});
