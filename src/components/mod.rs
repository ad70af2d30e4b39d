//! The report's views. Each reads the embedded data; browser APIs are used only in effects,
//! so every view also renders natively for the pre-rendered page.

#[cfg(feature = "hydrate")]
mod chart_canvas;
mod chart_card;
mod chart_state;
mod display_controls;
mod figure_card;
mod masthead;
mod picture_link;
pub mod props;
mod read_aloud;
pub mod report_context;
mod share_button;
mod share_dialog;
mod source_quote;
mod source_text;
mod theme_section;
mod timeline;

pub use chart_card::{ChartCard, ChartFrame, ChartFrameIsland, PngButton, PngIsland};
pub use chart_state::ChartState;
pub use display_controls::{DisplayControls, DisplayControlsIsland};
pub use figure_card::{FigureCard, KeyFigures, SourcesToggle, SourcesToggleIsland};
pub use masthead::Masthead;
pub use picture_link::PictureLink;
pub use read_aloud::{ReadAloud, ReadAloudIsland};
pub use share_button::{ShareButton, ShareIsland, Shares};
pub use share_dialog::{ShareDialog, ShareDialogIsland};
pub use source_quote::SourceQuote;
pub use source_text::SourceText;
pub use theme_section::ThemeSection;
pub use timeline::{MilestoneButton, MilestoneIsland, Timeline, TimelineAnnouncement, TimelineAnnouncementIsland};

pub use yangpu_core::state::dom_id;

/// The space between a text and the next element or text in a view: " " in English, and in
/// Chinese nothing at all. (`i18n::space`'s "" would not do in a view: an empty text is
/// rendered as " ", so that hydration finds its node, and the browser shows that space.)
pub fn gap(lang: yangpu_core::i18n::Lang) -> Option<&'static str> {
    Some(yangpu_core::i18n::space(lang)).filter(|s| !s.is_empty())
}

/// The dot between the items of a list of links ("PNG · SVG · CSV"): spaced in English, and in
/// Chinese set off by margins, not spaces, since no space sits next to a Han character. A
/// line may break after the dot, never before it (a no-break space or a word joiner before
/// it, a space or a zero-width space after it), so no line starts with a dot.
pub fn separator(lang: yangpu_core::i18n::Lang) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let dot = match lang {
        yangpu_core::i18n::Lang::En => "\u{a0}· ",
        yangpu_core::i18n::Lang::Zh => "\u{2060}·\u{200b}",
    };
    view! { <span class="separator" aria-hidden="true">{dot}</span> }
}
