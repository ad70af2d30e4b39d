//! The Yangpu Five-Year Report: what Yangpu District (Shanghai) achieved in the 14th
//! Five-Year Plan period, told from the district's press-conference text.
//!
//! Layers, one way: `data` (figures with their quotes) → `format` → `components` → `App`
//! (the page, pre-rendered) and `islands` (its interactive parts, hydrated); `i18n` (the two
//! languages) sits beneath them all.

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
