//! The Yangpu Five-Year Report: what Yangpu District (Shanghai) achieved in the 14th
//! Five-Year Plan period, told from the district's press-conference text.
//!
//! Layers, one way: `yangpu_core` (the data with its quotes, the two languages, formats,
//! charts, speech, view state) → `components` (Leptos views) → `App` (the page,
//! pre-rendered by `prerender`, with `head`) and `islands` (its interactive parts, hydrated);
//! ARCHITECTURE.md has the whole map, and tests/layers.rs keeps the arrows pointing one way.

pub mod components;
pub mod crash;
pub mod embed;
#[cfg(feature = "ssr")]
pub mod head;
#[cfg(feature = "hydrate")]
pub mod history;
pub mod islands;
pub mod page;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(feature = "hydrate")]
pub mod reading_place;
#[cfg(feature = "hydrate")]
pub mod text_measure;
pub mod timing;

mod app;
pub use app::App;
