//! The Yangpu Five-Year Report: what Yangpu District (Shanghai) achieved in the 14th
//! Five-Year Plan period, told from the district's press-conference text.
//!
//! Layers, one way: `data` (figures with their quotes) → `format` → `components` → `App`
//! (the page, pre-rendered) and `islands` (its interactive parts, hydrated); `i18n` (the two
//! languages) sits beneath them all.

#[cfg(all(test, feature = "ssr"))]
mod audit;
pub mod charts;
pub mod components;
pub mod crash;
pub mod data;
pub mod embed;
pub mod format;
pub mod i18n;
#[cfg(feature = "hydrate")]
pub mod islands;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod share;
pub mod state;
pub mod timing;

mod app;
pub use app::App;
