//! The report's views. Each reads the embedded data; browser APIs are used only in effects,
//! so every view also renders natively for the pre-rendered page.

#[cfg(feature = "hydrate")]
mod chart_canvas;
mod chart_card;
mod chart_state;
mod display_controls;
mod figure_card;
mod masthead;
mod read_aloud;
pub mod report_context;
mod share_button;
mod share_dialog;
mod source_quote;
mod source_text;
mod theme_section;
mod timeline;

pub use chart_card::{ChartCard, ChartFrame, PngButton};
pub use chart_state::ChartState;
pub use display_controls::DisplayControls;
pub use figure_card::{FigureCard, KeyFigures, SourcesToggle};
pub use masthead::Masthead;
pub use read_aloud::ReadAloud;
pub use share_button::ShareButton;
pub use share_dialog::ShareDialog;
pub use source_quote::SourceQuote;
pub use source_text::SourceText;
pub use theme_section::ThemeSection;
pub use timeline::{MilestoneButton, Timeline, TimelineAnnouncement};

pub use crate::state::dom_id;
