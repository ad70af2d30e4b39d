//! Browser entry point: hydrate the pre-rendered report.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        yangpu_report::crash::install_hook();
        yangpu_report::timing::timed("yangpu:hydrate", || leptos::mount::hydrate_body(yangpu_report::App));
    }
}
