//! The full press-conference text, sentence by sentence, each with an anchor; sentences that
//! the report cites are marked, so every card can link to its place in the text.

use super::gap;
use leptos::prelude::*;
use yangpu_core::data::provenance::{occurrences, source_sentences};
use yangpu_core::data::REPORT;
use yangpu_core::i18n::ui;
use yangpu_core::package::{FIGURES_CSV, REPORT_JSON};

/// Every quote the report uses, for marking the sentences that contain one.
fn all_quotes() -> impl Iterator<Item = &'static str> {
    let r = &REPORT;
    let figures = r.figures.iter().map(|f| f.quote);
    let achievements = r.achievements.iter().map(|a| a.quote);
    let milestones = r.milestones.iter().map(|m| m.quote);
    let sections = r.sections.iter().map(|s| s.lead_quote);
    figures.chain(achievements).chain(milestones).chain(sections).chain([r.concept_quote])
}

/// "I. Over the past five years, ..." opens a part of the text.
fn is_numbered_heading(text: &str) -> bool {
    text.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

#[component]
pub fn SourceText() -> impl IntoView {
    let lang = super::report_context::current_lang();
    let source = REPORT.source;
    let all = source_sentences();
    let cited: Vec<std::ops::Range<usize>> = all_quotes().flat_map(|q| occurrences(source, q)).collect();
    let paragraph_count = all.last().map_or(0, |s| s.paragraph + 1);
    let paragraphs = (0..paragraph_count)
        .map(|p| {
            let in_paragraph: Vec<_> = all.iter().filter(|s| s.paragraph == p).collect();
            let heading = in_paragraph.first().is_some_and(|s| is_numbered_heading(s.text(source)));
            let last = p + 1 == paragraph_count;
            let count = in_paragraph.len();
            let spans = in_paragraph
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    // Sentences are spaced; the Chinese note that the text ends here follows
                    // the last one without a space (no space beside Chinese).
                    let after = if last && i + 1 == count { gap(lang) } else { Some(" ") };
                    let is_cited = cited.iter().any(|c| s.range.start <= c.start && c.start < s.range.end);
                    view! {
                        <span id=s.anchor() class="sentence" class:cited=is_cited data-testid="source-sentence">
                            {s.text(source)}
                        </span>
                        {after}
                    }
                })
                .collect_view();
            view! {
                <p class="source-paragraph" class:source-heading=heading>
                    {spans}
                    {last.then(|| view! {
                        <span class="source-cut" data-testid="source-cut" lang=lang.tag()>{ui::SOURCE_CUT.get(lang)}</span>
                    })}
                </p>
            }
        })
        .collect_view();
    view! {
        <section id="source" class="source-section" aria-labelledby="source-title" data-testid="source-text">
            <h2 id="source-title">{ui::SOURCE_TITLE.get(lang)}</h2>
            <p class="source-intro">
                {ui::SOURCE_INTRO.get(lang)}{gap(lang)}<span class="sentence cited">{ui::SOURCE_MARKED.get(lang)}</span>{ui::FULL_STOP.get(lang)}
            </p>
            <div class="source-body" lang="en">{paragraphs}</div>
            <p class="data-package" data-testid="data-package">
                {ui::DATA_PACKAGE.get(lang)}{gap(lang)}<a href=format!("downloads/{FIGURES_CSV}") download=FIGURES_CSV>"CSV"</a>
                {super::separator(lang)}<a href=format!("downloads/{REPORT_JSON}") download=REPORT_JSON>"JSON"</a>
            </p>
        </section>
    }
}
