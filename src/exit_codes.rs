//! The exit codes of the `quotediff` binary, in one place so scripts can rely on them.

/// Everything went as asked (also: the reader of our output went away, as with `| head`).
pub const SUCCESS: u8 = 0;
/// Something went wrong inside quotediff itself (an I/O error writing the report, a
/// terminal that failed).
pub const FAILURE: u8 = 1;
/// The input or the command line was at fault: a missing, unreadable, binary or empty file,
/// an unknown option, a terminal too small. The message says which.
pub const BAD_INPUT: u8 = 2;
