//! Where the binary writes: standard output for results, standard error for messages.
//!
//! A reader that goes away early (`quotediff completions bash | head -1`) is no error: the
//! output was not wanted any further, so a closed pipe counts as success, as in ripgrep.
//! Any other write error (a full disk, `> /dev/full`) becomes one line on standard error
//! and exit code 1. Nothing here panics: `println!` and `eprintln!` do on a write error, so
//! the binary uses neither.

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
    let mut err = io::stderr().lock();
    let _ = err.write_fmt(format_args!("quotediff: {line}\n"));
    let _ = err.flush();
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
