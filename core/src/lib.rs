//! Everything in the Yangpu Five-Year Report that needs neither a browser nor Leptos: the
//! figures with their quotes (`data`), how numbers are written (`format`), the two languages
//! (`i18n`), the charts drawn through any plotters backend (`charts`), what read-aloud says (`speech`), the view state and its
//! URL (`state`), and the share link with its QR code (`share`).
//!
//! Layers, one way (each uses only those before it): `i18n` → `data` → `format` → `charts` →
//! `speech`, `state` → `share`. The browser crate (`yangpu-report`) builds the page on top; nothing here
//! knows it exists, so every line here is tested natively (`cargo test -p yangpu-core`) and
//! by `scripts/mutants.sh`.

pub mod charts;
pub mod data;
pub mod format;
pub mod i18n;
pub mod package;
pub mod share;
pub mod speech;
pub mod state;
pub mod vocabulary;
