//! Two pieces of work at once, for the two cores the tool is built for. Every split of the
//! comparison (tokenising, indexing, seeding, aligning sentences) goes through here, so a
//! panic on a helper thread is always resumed on the caller's thread, as if the work had run
//! there. This module knows nothing of what the work is.
//!
//! A caller that already keeps every core busy with comparisons of its own (a scan of an
//! archive, thousands of small pairs on all cores) gains nothing from helper threads: each
//! costs a thread's start and its stack, and two comparisons each splitting in two make four
//! threads fight for two cores. [`on_one_thread`] runs a piece of work with every split done
//! in turn on the calling thread instead.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::thread::{self, ScopedJoinHandle};

thread_local! {
    /// Set while [`on_one_thread`] runs: [`both`] then runs its two halves in turn.
    static ONE_THREAD: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work` with every split of it done on this thread, one half after the other.
pub(crate) fn on_one_thread<R>(work: impl FnOnce() -> R) -> R {
    /// Puts the flag back as it was, also when `work` panics.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            ONE_THREAD.set(self.0);
        }
    }
    let _restore = Restore(ONE_THREAD.replace(true));
    work()
}

/// True inside [`on_one_thread`].
pub(crate) fn one_thread() -> bool {
    ONE_THREAD.get()
}

/// Runs `first` on a thread of its own and `second` on this one; returns both results
/// (both on this thread, `first` first, inside [`on_one_thread`]).
pub(crate) fn both<A: Send, B>(
    first: impl FnOnce() -> A + Send,
    second: impl FnOnce() -> B,
) -> (A, B) {
    if one_thread() {
        let first = first();
        return (first, second());
    }
    thread::scope(|scope| {
        let other = scope.spawn(first);
        let here = second();
        (joined(other), here)
    })
}

/// [`both`], and then the pieces of `spare`, each run once, by whichever of the two threads
/// is done with its own work first: work that may wait, given to the thread that has time
/// left rather than to a fixed one. Returns both results and the spare pieces' in order.
pub(crate) fn both_then_spare<A: Send, B, T: Send + Sync, S: Fn() -> T + Sync>(
    first: impl FnOnce() -> A + Send,
    second: impl FnOnce() -> B,
    spare: &[S],
) -> (A, B, Vec<T>) {
    let slots: Vec<OnceLock<T>> = spare.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let take = || loop {
        let k = next.fetch_add(1, Ordering::Relaxed);
        let (Some(piece), Some(slot)) = (spare.get(k), slots.get(k)) else {
            break;
        };
        let _ = slot.set(piece());
    };
    let (a, b) = both(
        || {
            let a = first();
            take();
            a
        },
        || {
            let b = second();
            take();
            b
        },
    );
    // Every piece ran on one of the two threads (a panic in one was resumed above).
    let done = slots
        .into_iter()
        .zip(spare)
        .map(|(slot, piece)| slot.into_inner().unwrap_or_else(piece))
        .collect();
    (a, b, done)
}

/// Drops `value` on a thread of its own, for a value whose freeing takes time the caller need
/// not wait for (a long text's words); on this thread inside [`on_one_thread`].
pub(crate) fn drop_in_background<T: Send + 'static>(value: T) {
    if one_thread() {
        drop(value);
        return;
    }
    // Should no thread be available, the value is freed here, when the closure is dropped.
    let _ = thread::Builder::new().spawn(move || drop(value));
}

/// The result of a scoped thread, its panic resumed on this thread.
pub(crate) fn joined<T>(handle: ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_one_thread_both_halves_run_on_the_calling_thread() {
        let here = thread::current().id();
        let (first, second) = both(|| thread::current().id(), || thread::current().id());
        assert_ne!(first, here);
        assert_eq!(second, here);
        let (first, second) =
            on_one_thread(|| both(|| thread::current().id(), || thread::current().id()));
        assert_eq!((first, second), (here, here));
        assert!(!one_thread(), "the flag is put back afterwards");
    }

    #[test]
    fn every_spare_piece_runs_once_and_comes_back_in_order() {
        use std::sync::atomic::AtomicUsize;
        let runs = AtomicUsize::new(0);
        let piece = |k: usize| {
            runs.fetch_add(1, Ordering::SeqCst);
            k * 10
        };
        let pieces: Vec<Box<dyn Fn() -> usize + Sync>> = (0..5)
            .map(|k| Box::new(move || piece(k)) as Box<_>)
            .collect();
        let spare: Vec<&(dyn Fn() -> usize + Sync)> = pieces.iter().map(|p| &**p).collect();
        let (a, b, done) = both_then_spare(|| 1, || 2, &spare);
        assert_eq!((a, b), (1, 2));
        assert_eq!(done, vec![0, 10, 20, 30, 40]);
        assert_eq!(runs.load(Ordering::SeqCst), 5, "each piece ran once");
        let (_, _, alone) = on_one_thread(|| both_then_spare(|| 1, || 2, &spare));
        assert_eq!(alone, done);
        assert_eq!(runs.load(Ordering::SeqCst), 10);
    }
}
