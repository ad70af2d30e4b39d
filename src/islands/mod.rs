//! The page's interactive parts ("islands"), hydrated in the browser; the rest of the
//! pre-rendered page is static HTML, so the wasm carries no code for the report's text.
//!
//! An island is an element marked `data-island` by its component, its props written beside
//! it as attributes (`components::props`). `registry` is the table of kinds; `order` says
//! which come alive first; `runtime` hydrates them a slice at a time and owns what they
//! make; `page_effects` is what the page as a whole follows; `language_switch` replaces the
//! report with the other language's in place.

pub mod order;
pub mod registry;

#[cfg(all(feature = "hydrate", not(feature = "leave-out-language-switch")))]
mod language_switch;
#[cfg(feature = "hydrate")]
mod page_effects;
#[cfg(feature = "hydrate")]
mod runtime;

#[cfg(feature = "hydrate")]
pub use runtime::start;
