//! The milestones on a timeline: horizontal on wide screens, vertical on phones. Selecting
//! one (pointer, or arrow keys, Home and End) puts it in the view state, so the link
//! reopens it, the chart that shows it highlights it, and a screen reader hears it.

use super::context::{current_lang, report_context};
use super::{dom_id, SourceQuote};
use crate::charts::ChartId;
use crate::data::{Milestone, REPORT};
use crate::format;
use crate::i18n::{ui, Lang};
use crate::state::ViewState;
use leptos::prelude::*;

/// The charts and section a milestone relates to, as (href, label).
fn related(m: &Milestone, lang: Lang) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = ChartId::ALL
        .into_iter()
        .filter(|c| c.rows(lang).iter().any(|r| r.item_id == m.id))
        .map(|c| (format!("#{}", dom_id("chart", c.slug())), ui::RELATED_CHART.fill(lang, &[("title", c.title(lang))])))
        .collect();
    if let Some(section) = m.section.and_then(|s| REPORT.section(s)) {
        links.push((format!("#{}", section.id), ui::RELATED_SECTION.fill(lang, &[("title", section.title.get(lang))])));
    }
    if m.id == "m2019" {
        links.push(("#top".into(), ui::RELATED_CONCEPT.get(lang).into()));
    }
    if m.basis.is_some() && m.section.is_none() && m.id != "m2019" {
        links.push(("#key-figures".into(), ui::RELATED_KEY_FIGURES.get(lang).into()));
    }
    links
}

fn focus_button(index: usize) {
    use wasm_bindgen::JsCast;
    let Some(m) = REPORT.milestones.get(index) else {
        return;
    };
    let button = document().get_element_by_id(&format!("{}-button", dom_id("milestone", m.id)));
    if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}

#[component]
pub fn Timeline() -> impl IntoView {
    let context = report_context();
    let lang = current_lang();
    let local = RwSignal::new(ViewState::default());
    let view = context.map_or(local, |c| c.view);
    let selected = Memo::new(move |_| view.get().milestone);
    let count = REPORT.milestones.len();
    let select = move |index: usize| {
        let Some(m) = REPORT.milestones.get(index) else {
            return;
        };
        let next = ViewState { milestone: Some(m.id), section: None, chart: None, ..view.get_untracked() };
        match context {
            Some(c) => c.go(next),
            None => view.set(next),
        }
    };
    let tab_stop = move || selected.get().and_then(|id| REPORT.milestones.iter().position(|m| m.id == id)).unwrap_or(0);
    let announcement = move || {
        let id = selected.get()?;
        let (i, m) = REPORT.milestones.iter().enumerate().find(|(_, m)| m.id == id)?;
        let (date, i, n) = (format::date(m.date, lang), (i + 1).to_string(), count.to_string());
        Some(ui::MILESTONE_POSITION.fill(lang, &[("date", &date), ("title", m.title.get(lang)), ("i", &i), ("n", &n)]))
    };

    let items = REPORT
        .milestones
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let id = dom_id("milestone", m.id);
            let button_id = format!("{id}-button");
            let is_selected = move || selected.get() == Some(m.id);
            let on_key = move |e: leptos::ev::KeyboardEvent| {
                let next = match e.key().as_str() {
                    "ArrowRight" | "ArrowDown" => (i + 1).min(count - 1),
                    "ArrowLeft" | "ArrowUp" => i.saturating_sub(1),
                    "Home" => 0,
                    "End" => count - 1,
                    _ => return,
                };
                e.prevent_default();
                select(next);
                focus_button(next);
            };
            let links = related(m, lang)
                .into_iter()
                .map(|(href, label)| view! { <li><a href=href>{label}</a></li> })
                .collect_view();
            let share = move |_| {
                if let Some(c) = context {
                    c.open_share(ui::MILESTONE_SHARE.fill(lang, &[("date", &format::date(m.date, lang))]), ViewState { milestone: Some(m.id), ..ViewState::default() });
                }
            };
            view! {
                <li class="timeline-item" class:selected=is_selected id=id data-testid="milestone" data-milestone=m.id>
                    <button
                        type="button"
                        class="timeline-button"
                        id=button_id
                        data-testid="milestone-button"
                        aria-pressed=move || if is_selected() { "true" } else { "false" }
                        tabindex=move || if tab_stop() == i { "0" } else { "-1" }
                        on:click=move |_| select(i)
                        on:keydown=on_key
                    >
                        <time class="timeline-date" datetime=m.date>{format::date(m.date, lang)}</time>
                        <span class="timeline-title">{m.title.get(lang)}</span>
                    </button>
                    <div class="timeline-body">
                        {m.basis.map(|basis| view! { <p class="basis">{basis.get(lang)}</p> })}
                        <details>
                            <summary>{ui::SOURCE.get(lang)}</summary>
                            <SourceQuote quote=m.quote/>
                        </details>
                        <ul class="related" aria-label=ui::RELATED.get(lang)>{links}</ul>
                        {context.map(|c| view! {
                            <button type="button" class="link-button needs-wasm" data-testid="share-milestone" disabled=move || !c.ready.get() on:click=share>
                                {ui::SHARE_MILESTONE.get(lang)}
                            </button>
                        })}
                    </div>
                </li>
            }
        })
        .collect_view();

    view! {
        <section id="milestones" class="milestones-section" aria-labelledby="milestones-title" data-testid="milestones" data-island="timeline">
            <h2 id="milestones-title">{ui::MILESTONES.get(lang)}</h2>
            <p class="section-help">{ui::TIMELINE_HELP.get(lang)}</p>
            <ol class="timeline" data-testid="timeline">{items}</ol>
            <p class="visually-hidden" aria-live="polite" data-testid="timeline-announcement">{announcement}</p>
        </section>
    }
}
