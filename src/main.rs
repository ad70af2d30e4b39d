//! Browser entry point: hydrate the pre-rendered report's islands.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        yangpu_report::crash::install_hook();
        // Hydration itself runs in slices after this task ("yangpu:hydrate").
        yangpu_report::timing::timed("yangpu:start", yangpu_report::islands::start);
    }
}
