//! Composes the report page, as it is pre-rendered: the default view, in the page's
//! language. Only its islands (`crate::islands`) are hydrated in the browser; the rest of
//! the page is static HTML and costs the wasm nothing.

use crate::components::gap;
use crate::components::report_context::{current_lang, ReportContext};
use crate::components::{DisplayControls, KeyFigures, Masthead, ShareDialog, SourceText, ThemeSection, Timeline};
use leptos::prelude::*;
use yangpu_core::data::REPORT;
use yangpu_core::i18n::ui;

#[component]
pub fn App() -> impl IntoView {
    // The pre-render knows no system settings: the page is light, in standard size, until
    // early.js and the wasm apply the reader's.
    let (context, _ready) = ReportContext::new(Signal::stored(false), Signal::stored(false));
    provide_context(context);
    let lang = current_lang();
    // The series' English title is the source's own words: marked as English in both pages.
    let footer = ui::FOOTER_SOURCE.get(lang);
    let (footer_before, footer_after) = footer.split_once("{series}").unwrap_or((footer, ""));
    let has_series = footer.contains("{series}");
    view! {
        <div id="app" class="report" data-testid="report">
            <a class="skip-link" href="#main">{ui::SKIP_LINK.get(lang)}</a>
            <Masthead/>
            <nav class="contents" aria-label=ui::NAV.get(lang)>
                <DisplayControls/>
                <ul>
                    <li><a href="#key-figures">{ui::KEY_FIGURES.get(lang)}</a></li>
                    {REPORT.sections.iter().map(|s| view! { <li><a href=format!("#{}", s.id)>{s.title.get(lang)}</a></li> }).collect_view()}
                    <li><a href="#milestones">{ui::MILESTONES.get(lang)}</a></li>
                    <li><a href="#source">{ui::SOURCE_TEXT.get(lang)}</a></li>
                </ul>
            </nav>
            <main id="main" tabindex="-1">
                <KeyFigures ready=context.ready/>
                {REPORT.sections.iter().map(|section| view! { <ThemeSection section ready=context.ready/> }).collect_view()}
                <Timeline/>
                <SourceText/>
            </main>
            <footer class="footer">
                // In Chinese the series has no title here: it has no confirmed Chinese one, and
                // its English one is not set in Chinese prose (data/chinese-style.md).
                <p>{footer_before}{has_series.then(|| view! { <span lang="en">{REPORT.series_title()}</span> })}{(!footer_after.is_empty()).then_some(footer_after)}{gap(lang)}{ui::FOOTER_CUT.get(lang)}</p>
                <p class="noscript-note" data-testid="wasm-failed-note">{ui::WASM_FAILED.get(lang)}</p>
            </footer>
            <ShareDialog context/>
        </div>
    }
}
