//! User Timing measures (`performance.measure`), so the benchmark reads what the app spent
//! on hydration and drawing from the browser, not from guesses.

#[cfg(feature = "hydrate")]
use leptos::prelude::window;

/// Runs `f` between two User Timing marks, so `scripts/bench.mjs` (or DevTools) can read
/// how long a draw took; only the latest entry per name is kept, so memory stays flat.
#[cfg(feature = "hydrate")]
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    begin(name);
    let result = f();
    end(name);
    result
}

/// Starts the measure `name` (replacing an earlier one), for work that spans tasks.
#[cfg(feature = "hydrate")]
pub fn begin(name: &str) {
    if let Some(p) = window().performance() {
        let start = format!("{name}:start");
        p.clear_marks_with_mark_name(&start);
        p.clear_measures_with_measure_name(name);
        let _ = p.mark(&start);
    }
}

/// Ends the measure `name` that `begin` started.
#[cfg(feature = "hydrate")]
pub fn end(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.measure_with_start_mark(name, &format!("{name}:start"));
    }
}

/// Milliseconds since the page started.
#[cfg(feature = "hydrate")]
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Resolves in a new task, so the browser can paint and handle input in between.
#[cfg(feature = "hydrate")]
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
