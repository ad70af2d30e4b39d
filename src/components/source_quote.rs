//! A quote shown in its sentence, with a link to that sentence in the full source text.

use leptos::prelude::*;
use yangpu_core::data::provenance::{sentence_of, source_sentences};
use yangpu_core::data::REPORT;
use yangpu_core::i18n::ui;

/// Shows the sentence that contains `quote`, the quote itself marked, and a link to the
/// sentence in the source text. A quote that is not in the source shows as is (the data
/// tests make that impossible in a build).
#[component]
pub fn SourceQuote(quote: &'static str) -> impl IntoView {
    let all = source_sentences();
    let found = sentence_of(all, REPORT.source, quote).map(|s| (s.anchor(), s.text(REPORT.source)));
    let (anchor, sentence) = found.unwrap_or_else(|| ("source".to_string(), quote));
    let (before, after) = sentence.split_once(quote).unwrap_or((sentence, ""));
    let before = if sentence.contains(quote) { before } else { "" };
    let href = format!("#{anchor}");
    let lang = super::report_context::current_lang();
    view! {
        <figure class="source-quote" data-testid="source-quote">
            <blockquote lang="en" cite="#source">
                <p>{before}<mark>{quote}</mark>{after}</p>
            </blockquote>
            <figcaption>
                {ui::QUOTE_CAPTION.get(lang)}{super::gap(lang)}<a href=href data-testid="source-link">{ui::READ_IN_CONTEXT.get(lang)}</a>
            </figcaption>
        </figure>
    }
}
