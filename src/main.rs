//! Browser entry point: hydrate the pre-rendered report's islands.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        yangpu_report::crash::install_hook();
        yangpu_report::timing::timed("yangpu:hydrate", yangpu_report::islands::start);
    }
}
