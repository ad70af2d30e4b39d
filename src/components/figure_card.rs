//! Key-figure cards: a number, its label and period, and its source sentence on demand.

use super::props::{Found, IslandProps};
use super::report_context::current_lang;
use super::report_context::ReportContext;
use super::{dom_id, SourceQuote};
use leptos::attr::Attribute;
use leptos::prelude::*;
use yangpu_core::data::{Figure, REPORT};
use yangpu_core::format;
use yangpu_core::i18n::ui;

/// One figure. The source sits in a native `<details>`, so it opens without the wasm.
#[component]
pub fn FigureCard(figure: &'static Figure) -> impl IntoView {
    let id = dom_id("figure", figure.id);
    let label_id = format!("{id}-label");
    let labelled_by = label_id.clone();
    let lang = current_lang();
    let unit = format::unit(figure, lang);
    view! {
        <article class="card" id=id data-testid="figure-card" data-figure=figure.id aria-labelledby=labelled_by>
            <h3 class="card-label" id=label_id>{figure.label.get(lang)}</h3>
            <p class="card-value" data-testid="figure-value">
                <span aria-hidden="true">
                    <span class="card-number">{format::value(figure, lang)}</span>
                    {(!unit.is_empty()).then(|| view! { {super::gap(lang)}<span class="card-unit">{unit}</span> })}
                </span>
                <span class="visually-hidden">{format::spoken(figure, lang)}</span>
            </p>
            <p class="card-period">{figure.period.get(lang)}</p>
            <details class="card-source">
                <summary data-testid="figure-source-toggle">{ui::SOURCE.get(lang)}</summary>
                <SourceQuote quote=figure.quote/>
            </details>
        </article>
    }
}

/// "Show all sources"'s props: none (it reads the report's readiness).
#[derive(Debug, Clone, PartialEq)]
pub struct SourcesToggleIsland;

impl IslandProps for SourcesToggleIsland {
    const KIND: &'static str = "sources-toggle";

    fn props(self) -> impl Attribute {}

    fn read(_: &impl Found) -> Result<Self, String> {
        Ok(SourcesToggleIsland)
    }

    fn view(self, context: ReportContext) -> impl IntoView + 'static {
        let ready = context.ready;
        view! { <SourcesToggle ready/> }
    }
}

/// "Show all sources" (an island; it needs the wasm): opens, or closes, every figure's
/// source in its section at once.
#[component]
pub fn SourcesToggle(#[prop(into)] ready: Signal<bool>) -> impl IntoView {
    let all_open = RwSignal::new(false);
    let lang = current_lang();
    let button = NodeRef::<leptos::html::Button>::new();
    let toggle = move |_| {
        let open = !all_open.get_untracked();
        all_open.set(open);
        let section = button.get_untracked().and_then(|b| b.closest("section").ok().flatten());
        let Some(details) = section.and_then(|s| s.query_selector_all("details.card-source").ok()) else { return };
        for i in 0..details.length() {
            if let Some(el) = details.item(i).and_then(|d| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(d).ok()) {
                let _ = el.toggle_attribute_with_force("open", open);
            }
        }
    };
    view! {
        <button
            {..SourcesToggleIsland.attributes()}
            type="button"
            class="button-secondary needs-wasm"
            data-testid="toggle-sources"
            node_ref=button
            disabled=move || !ready.get()
            aria-pressed=move || if all_open.get() { "true" } else { "false" }
            title=move || (!ready.get()).then_some(ui::AVAILABLE_WHEN_LOADED.get(lang))
            on:click=toggle
        >
            {ui::SHOW_ALL_SOURCES.get(lang)}
        </button>
    }
}

/// All key figures, with one control to open every source at once.
#[component]
pub fn KeyFigures(#[prop(into)] ready: Signal<bool>) -> impl IntoView {
    let lang = current_lang();
    view! {
        <section id="key-figures" class="key-figures" aria-labelledby="key-figures-title" data-testid="key-figures">
            <div class="section-heading">
                <h2 id="key-figures-title">{ui::KEY_FIGURES.get(lang)}</h2>
                <SourcesToggle ready/>
            </div>
            <div class="card-grid">
                {REPORT.figures.iter().map(|figure| view! { <FigureCard figure/> }).collect_view()}
            </div>
        </section>
    }
}
