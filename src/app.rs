//! Composes the report page and holds its shared state: the view (kept in step with the
//! URL), whether the wasm is ready, and the share dialog's target. The pre-rendered page is
//! the default view; the URL's view is applied once the wasm runs.

use crate::components::context::ReportContext;
use crate::components::{KeyFigures, Masthead, ShareDialog, SourceText, ThemeSection, Timeline};
use crate::data::REPORT;
use crate::state::{Embed, Entry, ViewState};
use leptos::prelude::*;

/// The `data-embed` value of the root: what an embedded report shows.
fn embed_kind(embed: Option<Embed>) -> Option<&'static str> {
    embed.map(|e| match e {
        Embed::Report => "report",
        Embed::Chart(_) => "chart",
        Embed::Section(_) => "section",
        Embed::Timeline => "timeline",
    })
}

#[component]
pub fn App() -> impl IntoView {
    let ready = RwSignal::new(false);
    let view = RwSignal::new(ViewState::default());
    let context =
        ReportContext { view, ready: ready.into(), share: RwSignal::new(None), entry: StoredValue::new(Entry::Keep) };
    provide_context(context);

    // Effects run only in the browser, after hydration.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            crate::state::history::sync(view, context.entry);
            crate::embed::messenger::start();
            // early.js hid an embed until its view is applied; it is applied now.
            let _ = document().document_element().map(|html| html.remove_attribute("data-embed-pending"));
        }
        ready.set(true);
    });
    let embed = Memo::new(move |_| view.get().embed);

    view! {
        <div id="app" class="report" data-testid="report" data-ready=move || ready.get().then_some("true") data-embed=move || embed_kind(embed.get())>
            <a class="skip-link" href="#main">"Skip to the report"</a>
            <Masthead/>
            <nav class="contents" aria-label="Sections">
                <ul>
                    <li><a href="#key-figures">"Key figures"</a></li>
                    {REPORT.sections.iter().map(|s| view! { <li><a href=format!("#{}", s.id)>{s.title}</a></li> }).collect_view()}
                    <li><a href="#milestones">"Milestones"</a></li>
                    <li><a href="#source">"Source text"</a></li>
                </ul>
            </nav>
            <main id="main" tabindex="-1">
                <KeyFigures ready/>
                {REPORT.sections.iter().map(|section| view! { <ThemeSection section ready/> }).collect_view()}
                <Timeline/>
                <SourceText/>
            </main>
            <footer class="footer">
                <p>
                    "Source: the English text of the sixth press conference in the «Action Paints the Answer, Relay the New Blueprint» series (Shanghai Municipal Government Information Office), on Yangpu District's 14th Five-Year Plan achievements. "
                    "The text available to this report is cut off mid-sentence; nothing beyond it is shown."
                </p>
                <p class="noscript-note" data-testid="wasm-failed-note">
                    "Interactive features are unavailable in this browser; the whole report is readable as it is."
                </p>
            </footer>
            <ShareDialog/>
        </div>
    }
}
