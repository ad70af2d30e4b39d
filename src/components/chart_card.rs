//! A chart as a reader meets it: title, takeaway and units; the pre-rendered SVG, which the
//! canvas replaces once the wasm runs; a tooltip, keyboard navigation and an announcement;
//! the values as a table; the source line; and downloads. Only the frame and the buttons
//! are islands: the rest is static HTML.

use super::chart_state::ChartState;
use super::props::{chart_around, chart_card, Found, IslandProps};
use super::report_context::{current_lang, report_context, ReportContext};
use super::share_button::{ShareButton, Shares};
use super::{dom_id, gap, separator, PictureLink, ReadAloud};
use leptos::attr::Attribute;
use leptos::prelude::*;
use yangpu_core::charts::export::file_name;
use yangpu_core::charts::ChartId;
#[cfg(feature = "ssr")]
use yangpu_core::charts::{export, Layout};
use yangpu_core::data::provenance::{sentence_of, source_sentences};
use yangpu_core::data::REPORT;
use yangpu_core::i18n::ui;
use yangpu_core::state::{Entry, ViewState};

fn source_anchor(quote: &str) -> String {
    let all = source_sentences();
    sentence_of(all, REPORT.source, quote).map_or_else(|| "source".into(), |s| s.anchor())
}

/// A chart frame's props: the chart (from its card) and the canvas's accessible name,
/// which is on the page already (the frame's SVGs are pre-rendered only: hydration keeps
/// those nodes as they are).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartFrameIsland {
    pub chart: ChartId,
    pub description: String,
}

impl IslandProps for ChartFrameIsland {
    const KIND: &'static str = "chart-frame";

    fn props(self) -> impl Attribute {}

    fn read(found: &impl Found) -> Result<Self, String> {
        let chart = chart_around::<Self>(found)?;
        let description = found.inside("canvas[aria-label]", "aria-label").unwrap_or_default();
        Ok(ChartFrameIsland { chart, description })
    }

    fn view(self, _: ReportContext) -> impl IntoView + 'static {
        let ChartFrameIsland { chart, description } = self;
        let svgs = (String::new(), String::new());
        view! { <ChartFrame chart description svgs/> }
    }
}

/// The chart's frame (an island): the pre-rendered SVGs, which the canvas replaces once the
/// wasm runs, the highlight overlay, the tooltip and the announcement. `description` is the
/// canvas's accessible name; `svgs` (compact, wide) are pre-rendered only: hydration keeps
/// those nodes as they are, so the wasm neither draws them nor carries the SVG backend.
#[component]
pub fn ChartFrame(chart: ChartId, description: String, svgs: (String, String)) -> impl IntoView {
    let context = report_context();
    let off = Signal::stored(false);
    let (dark, large, reduced_motion) = context.map_or((off, off, off), |c| (c.dark, c.large, c.reduced_motion));
    let lang = current_lang();
    // The frame's attributes carry only its kind: the chart is its card's, the name its canvas's.
    let props = ChartFrameIsland { chart, description: String::new() };
    let state = ChartState::new(chart, dark, large, reduced_motion, lang);
    #[cfg(feature = "hydrate")]
    super::chart_canvas::attach(state);
    let view_state = move || context.map(|c| c.view.get()).unwrap_or_default();
    // A milestone selected on the timeline lights up its mark here, if this chart has one.
    Effect::new(move |_| {
        let (Some(milestone), true) = (view_state().milestone, state.drawn.get()) else {
            return;
        };
        let index = state.marks.with_value(|(marks, _)| marks.0.iter().position(|m| m.item_id == milestone.into()));
        if index.is_some() {
            state.active.set(index);
        }
    });
    let described_by = format!("{}-help", dom_id("chart", chart.slug()));
    let announcement = move || {
        let count = state.marks.with_value(|(m, _)| m.len());
        state.active_mark().map(|(mark, _)| {
            let (i, n) = (state.active.get().map_or(0, |i| i + 1).to_string(), count.to_string());
            let blanks = [
                ("label", mark.label.as_str()),
                ("value", &mark.value),
                ("period", &mark.period),
                ("i", &i),
                ("n", &n),
            ];
            ui::CHART_POSITION.fill(lang, &blanks)
        })
    };
    let tooltip = move || {
        state.active_mark().map(|(mark, at)| {
            // The tooltip is at most 15rem or 60% of the frame wide, centred on the mark.
            let width = state.width.get_value();
            let half = (width * 0.3).min(120.0);
            let left = format!("{}px", ((at.x0 + at.x1) / 2.0).clamp(half, (width - half).max(half)).round() as i32);
            let top = format!("{}px", at.y0.round() as i32);
            view! {
                <div class="chart-tooltip" role="presentation" data-testid="chart-tooltip" style:left=left style:top=top>
                    <strong class="tooltip-value">{mark.value}</strong>
                    <span class="tooltip-label">{mark.label}</span>
                    <span class="tooltip-period">{mark.period}</span>
                </div>
            }
        })
    };
    view! {
            <div {..props.attributes()} class="chart-frame" class:canvas-ready=move || state.drawn.get() node_ref=state.frame data-testid="chart-frame"
    >
                <div class="chart-svg chart-svg-compact" aria-hidden="true" inner_html=svgs.0></div>
                <div class="chart-svg chart-svg-wide" aria-hidden="true" inner_html=svgs.1></div>
                <canvas
                    class="chart-canvas"
                    node_ref=state.canvas
                    role="img"
                    tabindex="0"
                    aria-label=description
                    aria-describedby=described_by
                    data-testid="chart-canvas"
                    on:pointermove=move |e| state.point(f64::from(e.offset_x()), f64::from(e.offset_y()))
                    on:pointerdown=move |e| state.press(f64::from(e.offset_x()), f64::from(e.offset_y()))
                    on:pointerleave=move |e| if e.pointer_type() != "touch" { state.leave() }
                    on:focus=move |_| {
                        state.focus();
                        if let Some(c) = context {
                            let view = c.view.get_untracked();
                            if view.chart != Some(chart) {
                                c.navigate(ViewState { chart: Some(chart), ..view }, Entry::Replace);
                            }
                        }
                    }
                    on:blur=move |_| state.blur()
                    on:keydown=move |e| if state.key(&e.key()) { e.prevent_default() }
                ></canvas>
                <canvas class="chart-overlay" node_ref=state.overlay aria-hidden="true"></canvas>
                {tooltip}
                <p class="visually-hidden" aria-live="polite" data-testid="chart-announcement">{announcement}</p>
            </div>
        }
}

/// The PNG button's props: the chart of its card.
#[derive(Debug, Clone, PartialEq)]
pub struct PngIsland {
    pub chart: ChartId,
}

impl IslandProps for PngIsland {
    const KIND: &'static str = "png";

    fn props(self) -> impl Attribute {}

    fn read(found: &impl Found) -> Result<Self, String> {
        Ok(PngIsland { chart: chart_around::<Self>(found)? })
    }

    fn view(self, context: ReportContext) -> impl IntoView + 'static {
        let (chart, ready) = (self.chart, context.ready);
        view! { <PngButton chart ready/> }
    }
}

/// "PNG" (an island): downloads the chart drawn at twice its size, in the page's language.
#[component]
pub fn PngButton(chart: ChartId, #[prop(into)] ready: Signal<bool>) -> impl IntoView {
    let lang = current_lang();
    let props = PngIsland { chart };
    view! {
        <button
            {..props.attributes()}
            type="button"
            class="link-button needs-wasm"
            data-testid="download-png"
            disabled=move || !ready.get()
            on:click=move |_| {
                #[cfg(feature = "hydrate")]
                super::chart_canvas::download_png(chart, lang);
                let _ = (chart, lang);
            }
        >
            "PNG"
        </button>
    }
}

/// A chart as a reader meets it (static, with its frame, PNG, share and read-aloud islands).
#[component]
pub fn ChartCard(chart: ChartId, #[prop(into)] ready: Signal<bool>) -> impl IntoView {
    let lang = current_lang();
    let id = dom_id("chart", chart.slug());
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let help_id = format!("{id}-help");
    let rows = chart.rows(lang);
    let source_href = format!("#{}", source_anchor(chart.source_quote()));
    #[cfg(feature = "ssr")]
    let svgs = (export::page_svg(chart, Layout::Compact, lang), export::page_svg(chart, Layout::Wide, lang));
    #[cfg(not(feature = "ssr"))]
    let svgs = (String::new(), String::new());
    let description = chart.description(lang);
    let spoken = yangpu_core::speech::chart(chart, lang);
    let (svg_file, csv_file) = (file_name(chart, "svg", lang), file_name(chart, "csv", lang));
    let svg_href = format!("downloads/{svg_file}");
    let csv_href = format!("downloads/{csv_file}");
    let has_notes = rows.iter().any(|r| r.basis.is_some());
    let table_rows = rows
        .iter()
        .map(|r| {
            // A chart with a derived or inferred value has a "Note" column saying how it
            // follows from the text.
            let note = has_notes.then(|| view! { <td class="chart-table-basis">{r.basis.clone().unwrap_or_default()}</td> });
            view! { <tr><th scope="row">{r.label.clone()}</th><td>{r.value_text.clone()}</td><td>{r.period.clone()}</td>{note}</tr> }
        })
        .collect_view();
    let share_view = ViewState { chart: Some(chart), ..ViewState::default() };
    let (title, takeaway, units) = (chart.title(lang), chart.takeaway(lang), chart.units(lang));

    view! {
        <figure {..chart_card(chart)} class="chart" id=id data-testid="chart" aria-labelledby=labelled_by>
            <figcaption class="chart-head">
                <h3 class="chart-title" id=title_id>{title.clone()}</h3>
                <p class="chart-takeaway">{takeaway}</p>
                <p class="chart-units">{units}</p>
            </figcaption>
            <ChartFrame chart description svgs/>
            <p class="visually-hidden" id=help_id>{ui::CHART_HELP.get(lang)}</p>
            <p class="chart-source">
                {ui::CHART_SOURCE.get(lang)}{gap(lang)}<a href=source_href data-testid="chart-source-link">{ui::CHART_SOURCE_LINK.get(lang)}</a>
            </p>
            <details class="chart-table" data-testid="chart-table">
                <summary>{ui::SHOW_AS_TABLE.get(lang)}</summary>
                <table>
                    <caption class="visually-hidden">{title.clone()}</caption>
                    <thead><tr>
                        <th scope="col">{ui::MEASURE.get(lang)}</th>
                        <th scope="col">{ui::VALUE.get(lang)}</th>
                        <th scope="col">{ui::PERIOD.get(lang)}</th>
                        {has_notes.then(|| view! { <th scope="col">{ui::NOTE.get(lang)}</th> })}
                    </tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </details>
            <p class="chart-downloads">
                {ui::DOWNLOAD.get(lang)}{gap(lang)}<PngButton chart ready/>
                {separator(lang)}<a href=svg_href download=svg_file data-testid="download-svg">"SVG"</a>
                {separator(lang)}<a href=csv_href download=csv_file data-testid="download-csv">"CSV"</a>
                {separator(lang)}<PictureLink view=yangpu_core::share::picture::View::Chart(chart)/>
                {separator(lang)}<ShareButton shares=Shares::Chart label=title.clone() view=share_view/>
                <span class="read-aloud-separator">{separator(lang)}</span>
                <ReadAloud id=format!("read-chart-{}", chart.slug()) text=spoken label=title/>
            </p>
        </figure>
    }
}
