//! Plain text in whatever encoding it was saved in: UTF-8, UTF-16 with a byte-order mark, or
//! a legacy single-byte encoding such as Windows-1252.
//!
//! UTF-16 is recognised by its byte-order mark (or, without one, by a zero byte in every other
//! position) before anything looks for NUL bytes (UTF-16 text is full of them); other NUL
//! bytes mean binary data. UTF-8 with a few invalid bytes stays UTF-8 (they become U+FFFD,
//! and a note gives their offsets); only text that is clearly not UTF-8 is
//! given to `chardetng` (the detector Firefox uses for unlabelled pages) and decoded with
//! `encoding_rs`; the guess is reported in a note, because a wrong guess shows up as odd
//! characters and the user needs to know where they came from. This module never fails on
//! text that decodes, and never prints.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::ExtractError;

/// Decoded text and what was assumed to decode it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding that was used.
    pub encoding: &'static Encoding,
    /// A note when the encoding was not plain UTF-8.
    pub notes: Vec<String>,
}

/// Decodes bytes that should be text. Plain UTF-8, the usual case, becomes the text without
/// a copy (a copy of a long transcript costs more than checking it).
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, ExtractError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let mut notes = Vec::new();
        if encoding != UTF_8 {
            notes.push(format!("decoded as {} (byte-order mark)", encoding.name()));
        }
        if had_errors {
            notes.push(format!(
                "some bytes are not valid {} and were replaced by \u{fffd}",
                encoding.name()
            ));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding,
            notes,
        });
    }
    if let Some(encoding) = utf16_without_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
        if !had_errors {
            return Ok(Decoded {
                text: text.into_owned(),
                encoding,
                notes: vec![format!(
                    "decoded as {} (no byte-order mark; guessed from the zero bytes)",
                    encoding.name()
                )],
            });
        }
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ExtractError::Binary { offset });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: UTF_8,
            notes: Vec::new(),
        }),
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            if let Some(decoded) = mostly_utf8(&bytes) {
                return Ok(decoded);
            }
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            // UTF-16 without a byte-order mark would have had NUL bytes; a guess of UTF-8
            // means the detector found nothing better.
            if encoding == UTF_8 || encoding == UTF_16LE || encoding == UTF_16BE {
                return Err(ExtractError::Undecodable {
                    offset: valid_up_to,
                });
            }
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
            if had_errors {
                return Err(ExtractError::Undecodable {
                    offset: valid_up_to,
                });
            }
            Ok(Decoded {
                text: text.into_owned(),
                encoding,
                notes: vec![format!(
                    "not UTF-8: decoded as {} (detected; use a UTF-8 copy if the characters look wrong)",
                    encoding.name()
                )],
            })
        }
    }
}

/// Most invalid byte offsets a note lists.
const OFFSETS_NOTED: usize = 5;

/// UTF-8 with a few stray bytes (a bad copy, a truncated download) stays UTF-8: its invalid
/// bytes become U+FFFD and a note gives their offsets. Re-guessing the whole file as a legacy
/// encoding would turn every curly quotation mark into two or three odd characters and lose
/// every quotation. Text counts as UTF-8 when it holds more valid multi-byte characters than
/// invalid bytes; a legacy file (Windows-1252, say) has almost none of the former.
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let (mut multibyte, mut invalid) = (0usize, Vec::new());
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        at += valid.len();
        if !chunk.invalid().is_empty() {
            invalid.push(at);
        }
        at += chunk.invalid().len();
    }
    if multibyte <= invalid.len() {
        return None;
    }
    let shown: Vec<String> = invalid
        .iter()
        .take(OFFSETS_NOTED)
        .map(usize::to_string)
        .collect();
    let more = match invalid.len().saturating_sub(OFFSETS_NOTED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let plural = if invalid.len() == 1 { "" } else { "s" };
    Some(Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: UTF_8,
        notes: vec![format!(
            "not valid UTF-8 at byte{plural} {}{more}; read as UTF-8, {} replaced by \u{fffd}",
            shown.join(", "),
            if invalid.len() == 1 {
                "that byte"
            } else {
                "those bytes"
            }
        )],
    })
}

/// UTF-16 saved without a byte-order mark: text in a Latin script has a zero byte in every
/// other position (odd ones for little-endian), and binary data has zeros scattered at both.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 7 && even == 0 {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_curly_quotes_are_decoded_and_noted() {
        // “We will not stand for it,” the Mayor said. — in Windows-1252.
        let mut bytes = vec![0x93];
        bytes.extend_from_slice(b"We will not stand for it,");
        bytes.push(0x94);
        bytes.extend_from_slice(b" the Mayor said ");
        bytes.push(0x97);
        bytes.extend_from_slice(b" and he meant it.");
        let d = decode(bytes).unwrap();
        assert_eq!(
            d.text,
            "\u{201c}We will not stand for it,\u{201d} the Mayor said \u{2014} and he meant it."
        );
        assert_eq!(d.encoding.name(), "windows-1252");
        assert!(d.notes[0].contains("windows-1252"));
    }

    #[test]
    fn utf16_with_bom_is_not_binary() {
        for (bom, encode) in [
            (&[0xff, 0xfe][..], u16::to_le_bytes as fn(u16) -> [u8; 2]),
            (&[0xfe, 0xff][..], u16::to_be_bytes as fn(u16) -> [u8; 2]),
        ] {
            let mut bytes = bom.to_vec();
            for unit in "The Mayor said \u{201c}no\u{201d}.".encode_utf16() {
                bytes.extend_from_slice(&encode(unit));
            }
            let d = decode(bytes).unwrap();
            assert_eq!(d.text, "The Mayor said \u{201c}no\u{201d}.");
            assert!(d.notes[0].starts_with("decoded as UTF-16"));
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_zero_bytes() {
        let text = "The Mayor said \u{201c}our schools are safe\u{201d} on Monday.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let d = decode(le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, UTF_16LE));
        assert!(d.notes[0].contains("no byte-order mark"));
        assert_eq!(decode(be).unwrap().encoding, UTF_16BE);
    }

    #[test]
    fn nul_bytes_without_bom_are_binary() {
        assert_eq!(
            decode(b"ELF\0\0\x01".to_vec()).unwrap_err(),
            ExtractError::Binary { offset: 3 }
        );
    }

    #[test]
    fn utf8_passes_untouched() {
        let d = decode("Caf\u{e9} \u{201c}ok\u{201d}\r\n".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "Caf\u{e9} \u{201c}ok\u{201d}\r\n");
        assert!(d.notes.is_empty());
    }

    #[test]
    fn a_stray_byte_in_utf8_keeps_the_text_utf8() {
        let mut bytes = "The Mayor said \u{201c}our schools are safe\u{201d} and "
            .as_bytes()
            .to_vec();
        let stray = bytes.len();
        bytes.push(0xff);
        bytes.extend_from_slice("\u{201c}open to all\u{201d}.".as_bytes());
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(
            d.text,
            "The Mayor said \u{201c}our schools are safe\u{201d} and \u{fffd}\u{201c}open to all\u{201d}."
        );
        assert!(
            d.notes[0].contains(&format!("at byte {stray};")),
            "{:?}",
            d.notes
        );
    }
}
