//! Composes the report page and holds its shared state: the view (kept in step with the
//! URL), whether the wasm is ready, and the share dialog's target. The pre-rendered page is
//! the default view; the URL's view is applied once the wasm runs.

use crate::components::context::ReportContext;
use crate::components::{KeyFigures, Masthead, ShareDialog, SourceText, ThemeSection, Timeline};
use crate::data::REPORT;
use crate::state::{Embed, Entry, Mode, Theme, ViewState};
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
    #[cfg(feature = "hydrate")]
    let prefers_dark = leptos_use_preferences::use_preferred_dark();
    #[cfg(not(feature = "hydrate"))]
    let prefers_dark = Signal::stored(false);
    let dark = Memo::new(move |_| match view.get().theme {
        Some(theme) => theme == Theme::Dark,
        None => prefers_dark.get(),
    });
    let large = Memo::new(move |_| view.get().mode == Some(Mode::Large));
    let context = ReportContext {
        view,
        ready: ready.into(),
        dark: dark.into(),
        large: large.into(),
        share: RwSignal::new(None),
        speaking: RwSignal::new(None),
        entry: StoredValue::new(Entry::Keep),
    };
    provide_context(context);
    // The theme and mode live on <html> (early.js sets them from the URL before the first
    // paint); keep them in step when the reader toggles them.
    Effect::new(move |_| {
        let state = view.get();
        let Some(html) = document().document_element() else { return };
        let _ = match state.theme {
            Some(Theme::Dark) => html.set_attribute("data-theme", "dark"),
            Some(Theme::Light) => html.set_attribute("data-theme", "light"),
            None => html.remove_attribute("data-theme"),
        };
        let _ = match state.mode {
            Some(Mode::Large) => html.set_attribute("data-mode", "large"),
            None => html.remove_attribute("data-mode"),
        };
    });
    let toggle_dark = move |_| {
        let theme = if dark.get_untracked() { Theme::Light } else { Theme::Dark };
        view.update(|v| v.theme = Some(theme));
    };
    let toggle_large = move |_| view.update(|v| v.mode = if v.mode.is_some() { None } else { Some(Mode::Large) });

    // Effects run only in the browser, after hydration.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            // The messenger reads pym.js's childId before the address is tidied.
            crate::embed::messenger::start();
            crate::state::history::sync(view, context.entry);
            // early.js hid an embed until its view is applied; it is applied now.
            let _ = document().document_element().map(|html| html.remove_attribute("data-embed-pending"));
        }
        ready.set(true);
    });
    let embed = Memo::new(move |_| view.get().embed);
    // Embedded, a link leaves the embed: it opens the full report in the top window (a new
    // one if the host's sandbox forbids that). Downloads stay where they are.
    let leave_embed = move |e: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        if embed.get_untracked().is_none() {
            return;
        }
        let link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[href]").ok().flatten());
        let Some(link) = link.filter(|l| !l.has_attribute("download")) else { return };
        let Some(href) = link.get_attribute("href") else { return };
        e.prevent_default();
        let location = window().location();
        let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
        let target = if href.starts_with('#') { format!("{base}{href}") } else { href };
        if window().open_with_url_and_target(&target, "_top").ok().flatten().is_none() {
            let _ = window().open_with_url_and_target(&target, "_blank");
        }
    };

    view! {
        <div id="app" class="report" data-testid="report" data-ready=move || ready.get().then_some("true") data-embed=move || embed_kind(embed.get()) on:click=leave_embed>
            <a class="skip-link" href="#main">"Skip to the report"</a>
            <Masthead/>
            <nav class="contents" aria-label="Sections and display">
                <div class="display-controls" role="group" aria-label="Display">
                    <button type="button" class="toggle needs-wasm" data-testid="toggle-large" disabled=move || !ready.get()
                        aria-pressed=move || if large.get() { "true" } else { "false" } on:click=toggle_large>
                        "Large text"
                    </button>
                    <button type="button" class="toggle needs-wasm" data-testid="toggle-dark" disabled=move || !ready.get()
                        aria-pressed=move || if dark.get() { "true" } else { "false" } on:click=toggle_dark>
                        "Dark mode"
                    </button>
                </div>
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
