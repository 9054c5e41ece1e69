//! Where the binary writes: standard output for results, standard error for messages.
//!
//! A reader that goes away early (`quotediff completions bash | head -1`) is no error: the
//! output was not wanted any further, so a closed pipe counts as success, as in ripgrep.
//! Any other write error (a full disk, `> /dev/full`) becomes one line on standard error
//! and exit code 1. Nothing here panics: `println!` and `eprintln!` do on a write error, so
//! the binary uses neither. Messages name files and quote documents, both of which may hold
//! control characters (a file named with an escape sequence retitles or clears the
//! terminal), so messages show every control character escaped, line breaks included: a
//! message stays one line.

use std::io::{self, Write};

use crate::exit_codes;

/// Writes `bytes` to standard output and flushes it.
pub fn stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Writes one line to standard error. If even that fails there is no one left to tell, so
/// the error is dropped.
pub fn message(line: std::fmt::Arguments<'_>) {
    let line = line.to_string();
    let line = visible(&line, &[]);
    let mut err = io::stderr().lock();
    let _ = err.write_fmt(format_args!("quotediff: {line}\n"));
    let _ = err.flush();
}

/// `text` with its control characters (C0, DEL and C1), but those in `keep`, written as
/// `\u{1b}`: what a terminal shows as text instead of obeying.
pub fn visible<'t>(text: &'t str, keep: &[char]) -> std::borrow::Cow<'t, str> {
    let hidden = |c: char| c.is_control() && !keep.contains(&c);
    if !text.contains(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// True when the error, or one of its causes, is a closed pipe.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The exit code after writing the output failed with `err`: success for a closed pipe,
/// failure (with the message) for anything else.
pub fn write_failed(err: &io::Error, what: &str) -> u8 {
    if err.kind() == io::ErrorKind::BrokenPipe {
        return exit_codes::SUCCESS;
    }
    message(format_args!("{what}: {err}"));
    exit_codes::FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(
            visible("a\u{1b}]0;x\u{7}\tb\nc\u{9b}é", &['\t', '\n']),
            "a\\u{1b}]0;x\\u{7}\tb\nc\\u{9b}é"
        );
        assert_eq!(visible("one\ntwo", &[]), "one\\u{a}two");
        assert!(matches!(
            visible("plain «text»", &[]),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
