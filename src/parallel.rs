//! Two pieces of work at once, for the two cores the tool is built for. Every split of the
//! comparison (tokenising, indexing, seeding, aligning sentences) goes through here, so a
//! panic on a helper thread is always resumed on the caller's thread, as if the work had run
//! there. This module knows nothing of what the work is.

use std::thread::{self, ScopedJoinHandle};

/// Runs `first` on a thread of its own and `second` on this one; returns both results.
pub(crate) fn both<A: Send, B>(
    first: impl FnOnce() -> A + Send,
    second: impl FnOnce() -> B,
) -> (A, B) {
    thread::scope(|scope| {
        let other = scope.spawn(first);
        let here = second();
        (joined(other), here)
    })
}

/// The result of a scoped thread, its panic resumed on this thread.
pub(crate) fn joined<T>(handle: ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
