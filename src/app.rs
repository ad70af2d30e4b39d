//! Composes the report page. `ready` turns true once the wasm has hydrated the page; controls
//! that need the wasm stay disabled (and say so) until then.

use crate::components::{KeyFigures, Masthead, Milestones, SourceText, ThemeSection};
use crate::data::REPORT;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let ready = RwSignal::new(false);
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| ready.set(true));
    view! {
        <div id="app" class="report" data-testid="report" data-ready=move || ready.get().then_some("true")>
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
                <Milestones/>
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
        </div>
    }
}
