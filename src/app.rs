//! Composes the report page and holds its shared state: the view (kept in step with the
//! URL), whether the wasm is ready, and the share dialog's target. The pre-rendered page is
//! the default view; the URL's view is applied once the wasm runs.

use crate::components::context::{page_lang, AppContext, ReportContext};
use crate::components::{KeyFigures, Masthead, ShareDialog, SourceText, ThemeSection, Timeline};
use crate::data::REPORT;
use crate::i18n::{ui, Lang};
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
    let rendered_in = page_lang();
    let lang = Memo::new(move |_| view.get().lang.unwrap_or(rendered_in));
    #[cfg(feature = "hydrate")]
    let reduced_motion = leptos_use_preferences::use_prefers_reduced_motion();
    #[cfg(not(feature = "hydrate"))]
    let reduced_motion = Signal::stored(false);
    let context = ReportContext {
        view,
        ready: ready.into(),
        dark: dark.into(),
        large: large.into(),
        lang: lang.into(),
        share: RwSignal::new(None),
        speaking: RwSignal::new(None),
        entry: StoredValue::new(Entry::Keep),
        reduced_motion,
    };
    provide_context(AppContext(context));
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
    // <html lang> and the document title follow the language.
    Effect::new(move |previous: Option<Lang>| {
        let lang = lang.get();
        if previous.is_some_and(|p| p != lang) {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.tag());
                // The pre-rendered chart SVGs are in the page's first language: print the
                // canvases, drawn in this one, when it is another.
                let _ = if lang == rendered_in {
                    html.remove_attribute("data-relanguaged")
                } else {
                    html.set_attribute("data-relanguaged", "")
                };
            }
            document().set_title(ui::PAGE_TITLE.get(lang));
        }
        lang
    });

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
            // Rebuilt whole when the language changes (rare), so no text needs its own signal.
            {move || {
                let lang = lang.get();
                untrack(move || report_in(lang))
            }}
        </div>
    }
}

/// Everything in the report, in one language.
fn report_in(lang: Lang) -> impl IntoView {
    let context = expect_context::<AppContext>().0.for_build();
    provide_context(context);
    let (view, ready, dark, large) = (context.view, context.ready, context.dark, context.large);
    let toggle_dark = move |_| {
        let theme = if dark.get_untracked() { Theme::Light } else { Theme::Dark };
        view.update(|v| v.theme = Some(theme));
    };
    let toggle_large = move |_| view.update(|v| v.mode = if v.mode.is_some() { None } else { Some(Mode::Large) });
    // The language changes in place: the report is rebuilt in the other language, and the
    // reader keeps their place on the page and their focus on the switch.
    let switch_language = move |e: leptos::ev::MouseEvent| {
        e.prevent_default();
        let place = crate::components::place::remember();
        view.update(|v| v.lang = Some(lang.other()));
        request_animation_frame(move || crate::components::place::restore(place, "toggle-lang"));
    };
    let other = lang.other();
    // Without the wasm the switch is a plain link to the other pre-rendered page.
    let other_page = match other {
        Lang::En => "en.html?lang=en",
        Lang::Zh => "./?lang=zh",
    };
    view! {
        <a class="skip-link" href="#main">{ui::SKIP_LINK.get(lang)}</a>
        <Masthead/>
        <nav class="contents" aria-label=ui::NAV.get(lang)>
            <div class="display-controls" role="group" aria-label=ui::DISPLAY.get(lang)>
                <a class="toggle lang-switch" href=other_page hreflang=other.tag() lang=other.tag() data-testid="toggle-lang"
                    aria-label=ui::SWITCH_LANGUAGE_LABEL.get(lang) on:click=switch_language>
                    {ui::SWITCH_LANGUAGE.get(lang)}
                </a>
                <button type="button" class="toggle needs-wasm" data-testid="toggle-large" disabled=move || !ready.get()
                    aria-pressed=move || if large.get() { "true" } else { "false" } on:click=toggle_large>
                    {ui::LARGE_TEXT.get(lang)}
                </button>
                <button type="button" class="toggle needs-wasm" data-testid="toggle-dark" disabled=move || !ready.get()
                    aria-pressed=move || if dark.get() { "true" } else { "false" } on:click=toggle_dark>
                    {ui::DARK_MODE.get(lang)}
                </button>
            </div>
            <ul>
                <li><a href="#key-figures">{ui::KEY_FIGURES.get(lang)}</a></li>
                {REPORT.sections.iter().map(|s| view! { <li><a href=format!("#{}", s.id)>{s.title.get(lang)}</a></li> }).collect_view()}
                <li><a href="#milestones">{ui::MILESTONES.get(lang)}</a></li>
                <li><a href="#source">{ui::SOURCE_TEXT.get(lang)}</a></li>
            </ul>
        </nav>
        <main id="main" tabindex="-1">
            <KeyFigures ready/>
            {REPORT.sections.iter().map(|section| view! { <ThemeSection section ready/> }).collect_view()}
            <Timeline/>
            <SourceText/>
        </main>
        <footer class="footer">
            <p>{ui::FOOTER_SOURCE.get(lang)} " " {ui::FOOTER_CUT.get(lang)}</p>
            <p class="noscript-note" data-testid="wasm-failed-note">{ui::WASM_FAILED.get(lang)}</p>
        </footer>
        <ShareDialog/>
    }
}
