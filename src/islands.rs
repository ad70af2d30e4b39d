//! The page's interactive parts ("islands"), hydrated in the browser; the rest of the
//! pre-rendered page is static HTML, so the wasm carries no code for the report's text.
//!
//! An island is an element marked `data-island` by its component. A language switch
//! fetches the other pre-rendered page, puts its report in place of this one (no reload)
//! and hydrates its islands afresh; everything of the previous language's islands is
//! disposed with their owner.

use crate::components::report_context::ReportContext;
use crate::components::{
    ChartFrame, DisplayControls, MilestoneButton, PngButton, ReadAloud, ShareButton, ShareDialog, SourcesToggle,
    TimelineAnnouncement,
};
use crate::island::{attr as island_attr, Island};
use crate::page::page_lang;
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Position, PositionState, RenderHtml};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use yangpu_core::i18n::Lang;
use yangpu_core::state::{url, Mode, Theme, ViewState};
use yangpu_core::vocabulary::{attr, value};

/// One hydration of the page's islands: their owner, and their views' states.
struct Islands {
    owner: Owner,
    views: Vec<Box<dyn Any>>,
}

/// The system's settings, read once for the whole session.
#[derive(Clone, Copy)]
struct System {
    prefers_dark: Signal<bool>,
    reduced_motion: Signal<bool>,
}

thread_local! {
    static CURRENT: RefCell<Option<Islands>> = const { RefCell::new(None) };
    static SYSTEM: Cell<Option<System>> = const { Cell::new(None) };
    static SWITCHING: Cell<bool> = const { Cell::new(false) };
    /// Counts hydrations, so a slice of an earlier one stops once a switch has replaced it.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// Hydrates the islands of the page as loaded, at the URL's view.
pub fn start() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    crate::text_measure::install();
    let session = Owner::new_root(None);
    let system = session.with(|| System {
        prefers_dark: leptos_use_preferences::use_preferred_dark(),
        reduced_motion: leptos_use_preferences::use_prefers_reduced_motion(),
    });
    // The session's owner lives as long as the page.
    std::mem::forget(session);
    SYSTEM.set(Some(system));
    // The messenger reads pym.js's childId before the address is tidied.
    if const { kept("embed-messages") } {
        crate::embed::messenger::start();
    }
    hydrate(None);
}

/// How long one slice of hydration may take before the browser gets the main thread back: a
/// tenth of a 50 ms long task, so that it stays short on a phone four times slower, effects
/// included (Lighthouse's simulated 4× slowdown multiplies each task as measured; 20 ms
/// slices cost its total blocking time 200–300 ms).
const SLICE_MS: f64 = 5.0;

/// Hydrates every island on the page, a slice at a time (the page is readable meanwhile),
/// then applies `carried` (else the URL's view) and is ready.
fn hydrate(carried: Option<ViewState>) {
    let Some(system) = SYSTEM.get() else { return };
    let owner = Owner::new_root(Some(Arc::new(hydration_context::HydrateSharedContext::new())));
    let (context, ready) = owner.with(|| {
        let (context, ready) = ReportContext::new(system.prefers_dark, system.reduced_motion);
        let context =
            if const { kept("language-switch") } { context.with_language_switch(switch_language) } else { context };
        provide_context(context);
        (context, ready)
    });
    let generation = GENERATION.get() + 1;
    GENERATION.set(generation);
    CURRENT.set(Some(Islands { owner: owner.clone(), views: Vec::new() }));
    let islands = islands_on_page();
    let current = move || GENERATION.get() == generation;
    crate::timing::begin("yangpu:hydrate");
    leptos::task::spawn_local(async move {
        // Not in the task that compiled and started the wasm.
        crate::timing::next_task().await;
        let mut slice = crate::timing::now();
        let mut hydrated = 0;
        for el in islands {
            // A language switch has replaced this page: its islands are gone.
            if !current() {
                return;
            }
            if let Some(view) = owner.with(|| hydrate_island(&el, context)) {
                CURRENT.with_borrow_mut(|c| {
                    if let Some(c) = c {
                        c.views.push(view);
                    }
                });
                hydrated += 1;
            }
            if crate::timing::now() - slice > SLICE_MS {
                crate::timing::next_task().await;
                slice = crate::timing::now();
            }
        }
        if !current() {
            return;
        }
        // How many islands came alive, for the tests to compare with the page's.
        if let Some(app) = document().get_element_by_id("app") {
            let _ = app.set_attribute(attr::ISLANDS, &hydrated.to_string());
        }
        owner.with(|| {
            if let Some(shared) = Owner::current_shared_context() {
                shared.hydration_complete();
            }
            page_effects(context, ready, carried);
        });
        crate::timing::end("yangpu:hydrate");
    });
}

/// The page's islands in the order they come alive: those on screen first (what the reader
/// sees and may touch), then the charts (each draws as soon as it is hydrated), then the
/// rest, each group in document order.
fn islands_on_page() -> Vec<web_sys::Element> {
    let Ok(found) = document().query_selector_all(&format!("[{}]", island_attr::ISLAND)) else { return Vec::new() };
    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let (mut on_screen, mut charts, mut rest) = (Vec::new(), Vec::new(), Vec::new());
    for el in (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok()) {
        let rect = el.get_bounding_client_rect();
        if rect.bottom() > 0.0 && rect.top() < height && (rect.width() > 0.0 || rect.height() > 0.0) {
            on_screen.push(el);
        } else if el.get_attribute(island_attr::ISLAND).as_deref() == Some(crate::island::kind::CHART_FRAME) {
            charts.push(el);
        } else {
            rest.push(el);
        }
    }
    on_screen.extend(charts);
    on_screen.extend(rest);
    on_screen
}

/// Hydrates an island with the component that rendered it, from the props its data
/// attributes carry (or, for a chart's or a milestone's parts, the chart's or milestone's
/// element around it). Islands were rendered at the default view, so the context starts
/// there.
fn hydrate_island(el: &web_sys::Element, context: ReportContext) -> Option<Box<dyn Any>> {
    let ready = context.ready;
    let around = |name: &str| {
        let selector = format!("[{name}]");
        el.closest(&selector).ok().flatten().and_then(|a| a.get_attribute(name))
    };
    let island = match Island::read(|name| el.get_attribute(name), around) {
        Ok(island) => island,
        Err(why) => {
            leptos::logging::warn!("An island stays static: {why}");
            return None;
        }
    };
    use crate::island::kind;
    Some(match island {
        Island::DisplayControls if const { kept(kind::DISPLAY_CONTROLS) } => at(el, view! { <DisplayControls/> }),
        Island::Share { shares, view, label } if const { kept(kind::SHARE) } => {
            at(el, view! { <ShareButton shares label view/> })
        }
        Island::ReadAloud { id, text, label } if const { kept(kind::READ_ALOUD) } => {
            at(el, view! { <ReadAloud id text label/> })
        }
        Island::SourcesToggle if const { kept(kind::SOURCES_TOGGLE) } => at(el, view! { <SourcesToggle ready/> }),
        Island::ChartFrame { chart } if const { kept(kind::CHART_FRAME) } => {
            // The canvas's name and the SVGs are on the page already; hydration keeps them.
            let description = el
                .query_selector("canvas[aria-label]")
                .ok()
                .flatten()
                .and_then(|c| c.get_attribute("aria-label"))
                .unwrap_or_default();
            let svgs = (String::new(), String::new());
            at(el, view! { <ChartFrame chart description svgs/> })
        }
        Island::Png { chart } if const { kept(kind::PNG) } => at(el, view! { <PngButton chart ready/> }),
        Island::Milestone { milestone } if const { kept(kind::MILESTONE) } => {
            at(el, view! { <MilestoneButton milestone/> })
        }
        Island::TimelineAnnouncement if const { kept(kind::TIMELINE_ANNOUNCEMENT) } => {
            at(el, view! { <TimelineAnnouncement/> })
        }
        Island::ShareDialog if const { kept(kind::SHARE_DIALOG) } => at(el, view! { <ShareDialog context/> }),
        // Only in scripts/wasm-breakdown.sh's builds: the kind left out stays static.
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

/// What `scripts/wasm-breakdown.sh` leaves out of one build to measure what it costs the wasm:
/// an island kind, `language-switch` or `embed-messages` (the build-time variable
/// `YANGPU_LEFT_OUT`). Every other build keeps everything.
const LEFT_OUT: &str = match option_env!("YANGPU_LEFT_OUT") {
    Some(part) => part,
    None => "",
};

/// Is `part` in this build? (Evaluated at compile time, so a part left out is not linked.)
const fn kept(part: &str) -> bool {
    let (a, b) = (LEFT_OUT.as_bytes(), part.as_bytes());
    if a.len() != b.len() {
        return true;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return true;
        }
        i += 1;
    }
    false
}

/// Hydrates `view` from `el`, the element it rendered as its root.
fn at(el: &web_sys::Element, view: impl IntoView + 'static) -> Box<dyn Any> {
    let cursor = Cursor::new(el.clone());
    Box::new(view.into_view().hydrate::<true>(&cursor, &PositionState::new(Position::Current)))
}

/// What the page as a whole follows: the theme and mode on `<html>`, the address bar, the
/// report root's state for CSS, and links leaving an embed.
fn page_effects(context: ReportContext, ready: RwSignal<bool>, carried: Option<ViewState>) {
    let view = context.view;
    // early.js set the theme and mode from the URL before the first paint; keep them in
    // step when the reader toggles them.
    Effect::new(move |_| {
        let state = view.get();
        let Some(html) = document().document_element() else { return };
        let _ = match state.theme {
            Some(Theme::Dark) => html.set_attribute(attr::THEME, value::DARK),
            Some(Theme::Light) => html.set_attribute(attr::THEME, value::LIGHT),
            None => html.remove_attribute(attr::THEME),
        };
        let _ = match state.mode {
            Some(Mode::Large) => html.set_attribute(attr::MODE, value::LARGE),
            None => html.remove_attribute(attr::MODE),
        };
    });
    let embed = Memo::new(move |_| view.get().embed);
    // early.js showed the embed's view before the first paint (`<html data-embed>`, read by
    // the CSS); keep it in step with the state, which parsed the same value.
    Effect::new(move |_| {
        let Some(html) = document().document_element() else { return };
        let _ = match embed.get() {
            Some(e) => html.set_attribute(attr::EMBED, &url::embed_value(e)),
            None => html.remove_attribute(attr::EMBED),
        };
    });
    // Embedded: the host page hears the view (embed.js keeps it in the host's address) and
    // may set the reading mode, theme and language (its own accessibility toolbar).
    Effect::new(move |_| {
        let state = view.get();
        if state.embed.is_some() && const { kept("embed-messages") } {
            crate::embed::messenger::post_view(&state);
        }
    });
    let listen = const { kept("embed-messages") };
    if let Some(listener) = listen
        .then(|| {
            crate::embed::messenger::on_set(move |request| {
                let current = view.get_untracked();
                let asked = request.apply(current);
                if asked.lang.unwrap_or_else(page_lang) != page_lang() {
                    let lang = asked.lang.unwrap_or_else(page_lang);
                    switch_language(asked, yangpu_core::vocabulary::page_link(lang).to_string());
                } else if asked != current {
                    context.navigate(asked, yangpu_core::state::Entry::Replace);
                }
            })
        })
        .flatten()
    {
        on_cleanup(move || listener.remove());
    }
    // Embedded, a link leaves the embed: it opens the full report in the top window (a new
    // one if the host's sandbox forbids that). Downloads stay where they are.
    let leave = window_event_listener(leptos::ev::click, move |e| {
        if embed.get_untracked().is_some() {
            leave_embed(&e);
        }
    });
    on_cleanup(move || leave.remove());
    // Effects run after hydration: the reader's view is applied to the hydrated islands.
    Effect::new(move |_| {
        crate::history::sync(context, carried);
        if let Some(app) = document().get_element_by_id("app") {
            let _ = app.set_attribute(attr::READY, "true");
        }
        ready.set(true);
    });
}

fn leave_embed(e: &web_sys::MouseEvent) {
    let link = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("#app a[href]").ok().flatten());
    let Some(link) = link.filter(|l| !l.has_attribute("download")) else { return };
    let Some(href) = link.get_attribute("href") else { return };
    e.prevent_default();
    let location = window().location();
    let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    let target = if href.starts_with('#') { format!("{base}{href}") } else { href };
    if window().open_with_url_and_target(&target, "_top").ok().flatten().is_none() {
        let _ = window().open_with_url_and_target(&target, "_blank");
    }
}

/// Switches the report to `view`'s language in place: the other pre-rendered page (at
/// `href`) replaces this one's report, its islands are hydrated at `view`, and the reader
/// keeps their place and their focus on the switch. If that page cannot be fetched (offline,
/// or a sandboxed embed), the browser goes to it, at the same view.
fn switch_language(view: ViewState, href: String) {
    if SWITCHING.replace(true) {
        return;
    }
    leptos::task::spawn_local(async move {
        let fetched = fetch_report(&href).await;
        SWITCHING.set(false);
        let Some((report, title)) = fetched else {
            // The other page's share link for this view.
            let page = href.split(['?', '#']).next().unwrap_or_default();
            let _ = window().location().assign(&yangpu_core::share::link(page, &view));
            return;
        };
        let place = crate::reading_place::remember();
        let lang = view.lang.unwrap_or_else(page_lang);
        if let Some(old) = CURRENT.take() {
            old.owner.cleanup();
        }
        replace_report(&report, lang, &title);
        crate::reading_place::restore(place, "toggle-lang");
        hydrate(Some(view));
    });
}

/// The report root (`#app`) and the title of the page at `href`.
async fn fetch_report(href: &str) -> Option<(web_sys::Element, String)> {
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(href)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    let page = web_sys::DomParser::new().ok()?.parse_from_string(&text, web_sys::SupportedType::TextHtml).ok()?;
    let report = page.get_element_by_id("app")?;
    Some((report, page.title()))
}

/// Moves the fetched report's nodes into this page's report root (no HTML string is
/// inserted), and sets the page's language and title.
fn replace_report(report: &web_sys::Element, lang: Lang, title: &str) {
    let Some(app) = document().get_element_by_id("app") else { return };
    app.set_text_content(None);
    // Ready again once the new islands are hydrated.
    let _ = app.remove_attribute(attr::READY);
    while let Some(node) = report.first_child() {
        let _ = app.append_child(&node);
    }
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    if !title.is_empty() {
        document().set_title(title);
    }
}
