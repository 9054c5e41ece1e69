//! What a PDF's compressed streams unpack to, counted before the PDF reader unpacks them.
//!
//! `lopdf` (under `pdf-extract`) inflates a stream whole into memory, and then parses a page's
//! content into objects about a hundred times its size, so a 2 MB file of Flate bombs took
//! gigabytes. This module walks the raw file for every `stream ... endstream`, runs the
//! filters the reader would run (Flate, LZW, ASCII85, in order) into a counter, and stops as
//! soon as the total passes the budget; nothing is kept. ASCIIHex and RunLength (which can
//! grow data 64 times) are run too: `lopdf` 0.42 does not decode them (it falls back to the
//! raw bytes), but a chain through them must not slip past the count when a reader does. The budget is the caller's limit
//! and ten times the file (half a megabyte at least): the text and fonts of a real PDF
//! unpack to a few times its size. Images count too, though the reader skips them: a
//! dictionary can call a page's content an image, and the reader would still parse it.
//! Parsing the file properly first was rejected: `lopdf` already inflates object streams
//! while loading.

use std::io::{self, Read, Write};

/// How many times its size a PDF's streams may unpack to (with [`FLOOR_BYTES`]).
const RATIO: u64 = 10;

/// What the streams may always unpack to, however small the file.
const FLOOR_BYTES: u64 = 512 << 10;

/// How far before `stream` its dictionary is looked for.
const DICT_WINDOW: usize = 4096;

/// The budget was exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooMuch {
    /// The budget that was passed, in bytes.
    pub budget: u64,
}

/// Checks that `pdf`'s streams unpack to at most `limit` bytes in all, and to at most
/// [`RATIO`] times the file (or [`FLOOR_BYTES`]).
/// On success, how many bytes of object text the reader will parse into its object tree
/// when it loads the file: everything outside stream data, and what object streams (which
/// pack objects) unpack to.
pub fn check(pdf: &[u8], limit: u64) -> Result<u64, TooMuch> {
    let budget = budget(pdf.len() as u64, limit);
    let mut all = 0u64;
    let mut objects = pdf.len() as u64;
    for stream in streams(pdf) {
        let size = unpacked_size(stream.data, &stream.filters(), budget - all)
            .map_err(|_| TooMuch { budget })?;
        all += size;
        objects = objects.saturating_sub(stream.data.len() as u64);
        if find(stream.dict, b"/ObjStm").is_some() {
            objects += size;
        }
    }
    Ok(objects)
}

/// What the streams of a file of `file_len` bytes may unpack to under `limit`.
pub fn budget(file_len: u64, limit: u64) -> u64 {
    limit.min(file_len.saturating_mul(RATIO).max(FLOOR_BYTES))
}

/// One `stream ... endstream` of the raw file, with the dictionary text before it.
struct RawStream<'p> {
    dict: &'p [u8],
    data: &'p [u8],
}

impl RawStream<'_> {
    /// The filters named in the dictionary, in the order they appear (decoding order).
    fn filters(&self) -> Vec<Filter> {
        let mut found: Vec<(usize, Filter)> = [
            (&b"/FlateDecode"[..], Filter::Flate),
            (b"/LZWDecode", Filter::Lzw),
            (b"/ASCII85Decode", Filter::Ascii85),
            (b"/ASCIIHexDecode", Filter::AsciiHex),
            (b"/RunLengthDecode", Filter::RunLength),
        ]
        .into_iter()
        .flat_map(|(name, filter)| positions(self.dict, name).map(move |at| (at, filter)))
        .collect();
        found.sort_by_key(|&(at, _)| at);
        found.into_iter().map(|(_, f)| f).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    Flate,
    Lzw,
    Ascii85,
    AsciiHex,
    RunLength,
}

fn streams(pdf: &[u8]) -> impl Iterator<Item = RawStream<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let keyword = at + find(&pdf[at..], b"stream")?;
        at = keyword + b"stream".len();
        if pdf[..keyword].ends_with(b"end") {
            continue;
        }
        let data_start = if pdf[at..].starts_with(b"\r\n") {
            at + 2
        } else if pdf[at..].starts_with(b"\n") || pdf[at..].starts_with(b"\r") {
            at + 1
        } else {
            continue;
        };
        let data_end = find(&pdf[data_start..], b"endstream").map_or(pdf.len(), |n| data_start + n);
        let window = &pdf[keyword.saturating_sub(DICT_WINDOW)..keyword];
        // The dictionary opens after the last `obj` before the keyword.
        let dict = match rfind(window, b"obj") {
            Some(n) => &window[n..],
            None => window,
        };
        at = data_end;
        return Some(RawStream {
            dict,
            data: &pdf[data_start..data_end],
        });
    })
}

/// The size `data` unpacks to through `filters`, or an error once it passes `budget`.
fn unpacked_size(data: &[u8], filters: &[Filter], budget: u64) -> io::Result<u64> {
    let Some((last, first)) = filters.split_last() else {
        return Ok(data.len() as u64);
    };
    // Every stage but the last is kept (bounded by the budget) to feed the next one.
    let mut input = std::borrow::Cow::Borrowed(data);
    for &filter in first {
        let mut kept = Counter::new(budget, Vec::new());
        unpack(&input, filter, &mut kept)?;
        input = std::borrow::Cow::Owned(kept.inner);
    }
    let mut counter = Counter::new(budget, io::sink());
    unpack(&input, *last, &mut counter)?;
    Ok(counter.count)
}

fn unpack(input: &[u8], filter: Filter, out: &mut dyn Write) -> io::Result<()> {
    match filter {
        Filter::Flate => {
            // As `lopdf` does: zlib, and raw deflate after the two header bytes when zlib
            // yields nothing.
            let mut written = 0u64;
            let zlib = copy(flate2::read::ZlibDecoder::new(input), out, &mut written);
            match zlib {
                Err(e) if e.kind() == io::ErrorKind::OutOfMemory => Err(e),
                Err(_) if written == 0 && input.len() > 2 => {
                    let raw = flate2::read::DeflateDecoder::new(&input[2..]);
                    match copy(raw, out, &mut written) {
                        Err(e) if e.kind() == io::ErrorKind::OutOfMemory => Err(e),
                        _ => Ok(()),
                    }
                }
                _ => Ok(()),
            }
        }
        Filter::Lzw => {
            let mut decoder =
                weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
            let result = decoder.into_stream(out).decode_all(input);
            match result.status {
                Err(e) if e.kind() == io::ErrorKind::OutOfMemory => Err(e),
                _ => Ok(()),
            }
        }
        // Five characters become at most four bytes: it never grows.
        Filter::Ascii85 => out.write_all(&ascii85(input)),
        // Two digits become a byte.
        Filter::AsciiHex => out.write_all(&ascii_hex(input)),
        // Two bytes can become 128: written out run by run, into the counter.
        Filter::RunLength => run_length(input, out),
    }
}

/// Copies until the end or an error; the reader's errors (a damaged stream) end the copy
/// quietly, as they do in `lopdf`, the writer's (the budget) are returned.
fn copy(mut reader: impl Read, out: &mut dyn Write, written: &mut u64) -> io::Result<()> {
    let mut buffer = [0u8; 16 * 1024];
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        };
        out.write_all(&buffer[..n])?;
        *written += n as u64;
    }
}

/// Counts what passes through, failing with `OutOfMemory` past the budget.
struct Counter<W> {
    budget: u64,
    count: u64,
    inner: W,
}

impl<W: Write> Counter<W> {
    fn new(budget: u64, inner: W) -> Self {
        Counter {
            budget,
            count: 0,
            inner,
        }
    }
}

impl<W: Write> Write for Counter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.count += bytes.len() as u64;
        if self.count > self.budget {
            return Err(io::Error::new(
                io::ErrorKind::OutOfMemory,
                "over the budget",
            ));
        }
        self.inner.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// ASCII85 decoded leniently (the size is all that matters here).
fn ascii85(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 5 * 4 + 4);
    let (mut group, mut count) = (0u32, 0);
    for &b in input {
        match b {
            b'~' => break,
            b'z' if count == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group = group.wrapping_mul(85).wrapping_add(u32::from(b - b'!'));
                count += 1;
                if count == 5 {
                    out.extend_from_slice(&group.to_be_bytes());
                    (group, count) = (0, 0);
                }
            }
            _ => {}
        }
    }
    if count > 1 {
        for _ in count..5 {
            group = group.wrapping_mul(85).wrapping_add(84);
        }
        out.extend_from_slice(&group.to_be_bytes()[..count - 1]);
    }
    out
}

/// ASCIIHex decoded leniently: white space and other bytes skipped, up to `>`.
fn ascii_hex(input: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = input
        .iter()
        .take_while(|&&b| b != b'>')
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    // An odd last digit is followed by a zero.
    digits
        .chunks(2)
        .map(|pair| pair[0] << 4 | pair.get(1).copied().unwrap_or(0))
        .collect()
}

/// RunLength: a length byte `n` below 128 copies the next `n + 1` bytes, above 128 repeats
/// the next byte `257 - n` times, 128 ends the data.
fn run_length(input: &[u8], out: &mut dyn Write) -> io::Result<()> {
    let mut at = 0;
    while let Some(&n) = input.get(at) {
        match n {
            0..=127 => {
                let end = (at + 2 + usize::from(n)).min(input.len());
                out.write_all(&input[(at + 1).min(end)..end])?;
                at = end;
            }
            128 => break,
            _ => {
                let Some(&b) = input.get(at + 1) else { break };
                out.write_all(&[b; 128][..257 - usize::from(n)])?;
                at += 2;
            }
        }
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn positions<'h>(haystack: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(move |(_, w)| *w == needle)
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deflated(bytes: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(bytes).unwrap();
        z.finish().unwrap()
    }

    fn pdf_with_stream(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut pdf = format!(
            "%PDF-1.4\n4 0 obj\n<< {dict} /Length {} >>\nstream\n",
            data.len()
        )
        .into_bytes();
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        pdf
    }

    #[test]
    fn a_flate_bomb_is_stopped_at_the_budget() {
        let bomb = deflated(&vec![b' '; 50 << 20]);
        let pdf = pdf_with_stream("/Filter /FlateDecode", &bomb);
        assert_eq!(
            check(&pdf, 1 << 30),
            Err(TooMuch {
                budget: FLOOR_BYTES
            })
        );
        assert_eq!(check(&pdf, 100_000), Err(TooMuch { budget: 100_000 }));
        // Called an image, it still counts: the reader parses whatever a page names.
        let image = pdf_with_stream("/Subtype /Image /Filter /FlateDecode", &bomb);
        assert!(check(&image, 64 << 20).is_err());
    }

    #[test]
    fn ordinary_streams_pass_and_chains_are_followed() {
        let content = b"BT /F1 12 Tf 72 712 Td (The Mayor said no.) Tj ET".repeat(100);
        let pdf = pdf_with_stream("/Filter /FlateDecode", &deflated(&content));
        assert!(check(&pdf, 1 << 20).is_ok());
        assert!(check(&pdf, 1000).is_err());
        assert_eq!(
            unpacked_size(
                &deflated(&deflated(&content)),
                &[Filter::Flate, Filter::Flate],
                1 << 20
            )
            .unwrap(),
            content.len() as u64
        );
        assert_eq!(ascii85(b"87cURD]i,\"Ebo80~>"), b"Hello World!");
        assert_eq!(ascii_hex(b"48 65 6c\n6C 6f 7>"), b"Hellop");
        let mut out = Vec::new();
        run_length(b"\x02abc\xfdx\x80zzz", &mut out).unwrap();
        assert_eq!(out, b"abcxxxx");
    }
}
