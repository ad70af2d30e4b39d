//! Browser entry point: hydrate the pre-rendered report.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        yangpu_report::crash::install_hook();
        leptos::mount::hydrate_body(yangpu_report::App);
    }
}
