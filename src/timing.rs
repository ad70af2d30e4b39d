//! User Timing measures (`performance.measure`), so the benchmark reads what the app spent
//! on hydration and drawing from the browser, not from guesses.

#[cfg(feature = "hydrate")]
use leptos::prelude::window;

/// Runs `f` between two User Timing marks, so `scripts/bench.mjs` (or DevTools) can read
/// how long a draw took; only the latest entry per name is kept, so memory stays flat.
#[cfg(feature = "hydrate")]
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = window().performance();
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        p.clear_marks_with_mark_name(&start);
        p.clear_measures_with_measure_name(name);
        let _ = p.mark(&start);
    }
    let result = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    result
}
