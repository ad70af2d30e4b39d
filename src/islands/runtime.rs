//! The islands' runtime: hydrates the page's islands a slice at a time, the screen first,
//! and owns what they make. One `Runtime` value per page holds the session (the system's
//! settings), the current hydration (its owner and views) and its generation, so that a
//! language switch can dispose of one page's islands and start the next's.

use super::order::{order, place, Bounds};
use super::registry::Island;
use crate::components::props::{Found, IslandProps, ISLAND};
use crate::components::report_context::ReportContext;
use crate::components::ChartFrameIsland;
use leptos::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use yangpu_core::state::ViewState;
use yangpu_core::vocabulary::attr;

/// One hydration of the page's islands: their owner, and their views' states.
struct Hydration {
    owner: Owner,
    views: Vec<Box<dyn Any>>,
}

/// The system's settings, read once for the whole session.
#[derive(Clone, Copy)]
struct System {
    prefers_dark: Signal<bool>,
    reduced_motion: Signal<bool>,
}

/// The page's islands for the whole session.
struct Runtime {
    /// The session's owner (the system's signals), alive as long as the page.
    _session: Owner,
    system: System,
    /// The islands hydrated now, disposed of by a language switch.
    current: RefCell<Option<Hydration>>,
    /// Counts hydrations, so a slice of an earlier one stops once a switch has replaced it.
    generation: Cell<u32>,
    /// A language switch is under way.
    switching: Cell<bool>,
}

thread_local! {
    /// The page's runtime, for the language switch (a plain `fn` in the report's context).
    static RUNTIME: RefCell<Option<Rc<Runtime>>> = const { RefCell::new(None) };
}

/// Hydrates the islands of the page as loaded, at the URL's view.
pub fn start() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let session = Owner::new_root(None);
    let system = session.with(|| System {
        prefers_dark: leptos_use_preferences::use_preferred_dark(),
        reduced_motion: leptos_use_preferences::use_prefers_reduced_motion(),
    });
    let runtime = Rc::new(Runtime {
        _session: session,
        system,
        current: RefCell::new(None),
        generation: Cell::new(0),
        switching: Cell::new(false),
    });
    RUNTIME.set(Some(runtime.clone()));
    // The messenger reads pym.js's childId before the address is tidied.
    #[cfg(not(feature = "leave-out-embed-messages"))]
    crate::embed::messenger::start();
    runtime.hydrate(None);
}

/// Switches the report to `view`'s language in place (`language_switch`), then hydrates the
/// new report's islands at `view`; one switch at a time.
#[cfg(not(feature = "leave-out-language-switch"))]
fn switch_language(view: ViewState, href: String) {
    let Some(runtime) = RUNTIME.with_borrow(|r| r.clone()) else { return };
    if runtime.switching.replace(true) {
        return;
    }
    leptos::task::spawn_local(async move {
        let switched = super::language_switch::switch(&view, &href, || runtime.dispose()).await;
        runtime.switching.set(false);
        if switched {
            runtime.hydrate(Some(view));
        }
    });
}

/// How long one slice of hydration may take before the browser gets the main thread back: a
/// tenth of a 50 ms long task, so that it stays short on a phone four times slower, effects
/// included (Lighthouse's simulated 4× slowdown multiplies each task as measured; 20 ms
/// slices cost its total blocking time 200–300 ms).
const SLICE_MS: f64 = 5.0;

impl Runtime {
    /// Disposes of the islands hydrated now (their owner, effects and listeners).
    fn dispose(&self) {
        if let Some(old) = self.current.take() {
            old.owner.cleanup();
        }
    }

    /// Hydrates every island on the page, a slice at a time (the page is readable meanwhile),
    /// then applies `carried` (else the URL's view) and is ready.
    fn hydrate(self: &Rc<Self>, carried: Option<ViewState>) {
        let system = self.system;
        let owner = Owner::new_root(Some(Arc::new(hydration_context::HydrateSharedContext::new())));
        let (context, ready) = owner.with(|| {
            let (context, ready) = ReportContext::new(system.prefers_dark, system.reduced_motion);
            #[cfg(not(feature = "leave-out-language-switch"))]
            let context = context.with_language_switch(switch_language);
            provide_context(context);
            (context, ready)
        });
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        self.current.replace(Some(Hydration { owner: owner.clone(), views: Vec::new() }));
        let islands = islands_on_page();
        let runtime = self.clone();
        let current = move || runtime.generation.get() == generation;
        let runtime = self.clone();
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
                    if let Some(h) = runtime.current.borrow_mut().as_mut() {
                        h.views.push(view);
                    }
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
                super::page_effects::follow(context, ready, carried);
            });
            crate::timing::end("yangpu:hydrate");
        });
    }
}

/// The page's islands in the order they come alive (`order`).
fn islands_on_page() -> Vec<web_sys::Element> {
    let Ok(found) = document().query_selector_all(&format!("[{ISLAND}]")) else { return Vec::new() };
    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let elements: Vec<web_sys::Element> =
        (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok()).collect();
    let places: Vec<_> = elements
        .iter()
        .map(|el| {
            let rect = el.get_bounding_client_rect();
            let bounds = Bounds { top: rect.top(), bottom: rect.bottom(), width: rect.width(), height: rect.height() };
            let is_chart = el.get_attribute(ISLAND).as_deref() == Some(ChartFrameIsland::KIND);
            place(bounds, height, is_chart)
        })
        .collect();
    order(&places).into_iter().map(|i| elements[i].clone()).collect()
}

/// An island's element, as the props read it.
struct InPage<'a>(&'a web_sys::Element);

impl Found for InPage<'_> {
    fn own(&self, name: &str) -> Option<String> {
        self.0.get_attribute(name)
    }

    fn around(&self, name: &str) -> Option<String> {
        self.0.closest(&format!("[{name}]")).ok().flatten().and_then(|a| a.get_attribute(name))
    }

    fn inside(&self, selector: &str, name: &str) -> Option<String> {
        self.0.query_selector(selector).ok().flatten().and_then(|e| e.get_attribute(name))
    }
}

/// Hydrates an island with the component that rendered it, from the props its attributes
/// carry. Islands were rendered at the default view, so the context starts there.
fn hydrate_island(el: &web_sys::Element, context: ReportContext) -> Option<Box<dyn Any>> {
    match Island::read(&InPage(el)) {
        Ok(island) => island.hydrate(el, context),
        Err(why) => {
            leptos::logging::warn!("An island stays static: {why}");
            None
        }
    }
}
