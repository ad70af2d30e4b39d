//! The milestones on a timeline: horizontal on wide screens, vertical on phones. Selecting
//! one (pointer, or arrow keys, Home and End) puts it in the view state, so the link
//! reopens it, the chart that shows it highlights it, and a screen reader hears it.

use super::gap;
use super::props::{milestone_around, milestone_item, Found, IslandProps};
use super::report_context::{current_lang, report_context, ReportContext};
use super::share_button::{ShareButton, Shares};
use super::{dom_id, SourceQuote};
use leptos::attr::Attribute;
use leptos::prelude::*;
use yangpu_core::charts::selection::{step, Step};
use yangpu_core::charts::ChartId;
use yangpu_core::data::{ItemId, Milestone, MilestoneId, REPORT};
use yangpu_core::format;
use yangpu_core::i18n::{ui, Lang};
use yangpu_core::state::{Entry, ViewState};

/// The charts and section a milestone relates to, as (href, label).
fn related(m: &Milestone, lang: Lang) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = ChartId::ALL
        .into_iter()
        .filter(|c| c.rows(lang).iter().any(|r| r.item_id == ItemId::Milestone(m.key)))
        .map(|c| {
            (format!("#{}", dom_id("chart", c.slug())), ui::RELATED_CHART.fill(lang, &[("title", &c.title(lang))]))
        })
        .collect();
    if let Some(section) = m.section.and_then(|s| REPORT.section(s)) {
        links.push((format!("#{}", section.id), ui::RELATED_SECTION.fill(lang, &[("title", section.title.get(lang))])));
    }
    if m.key == MilestoneId::M2019 {
        links.push(("#top".into(), ui::RELATED_CONCEPT.get(lang).into()));
    }
    if m.basis.is_some() && m.section.is_none() && m.key != MilestoneId::M2019 {
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

/// The selected milestone: the view's, read where a timeline part is hydrated.
fn selected() -> impl Fn() -> Option<MilestoneId> + Copy {
    let view = report_context().map(|c| c.view);
    move || view.and_then(|v| v.get().milestone)
}

/// A milestone button's props: the milestone of its item.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneIsland {
    pub milestone: &'static Milestone,
}

impl IslandProps for MilestoneIsland {
    const KIND: &'static str = "milestone";

    fn props(self) -> impl Attribute {}

    fn read(found: &impl Found) -> Result<Self, String> {
        Ok(MilestoneIsland { milestone: milestone_around::<Self>(found)? })
    }

    fn view(self, _: ReportContext) -> impl IntoView + 'static {
        let milestone = self.milestone;
        view! { <MilestoneButton milestone/> }
    }
}

/// The timeline announcement's props: none (it reads the view).
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineAnnouncementIsland;

impl IslandProps for TimelineAnnouncementIsland {
    const KIND: &'static str = "timeline-announcement";

    fn props(self) -> impl Attribute {}

    fn read(_: &impl Found) -> Result<Self, String> {
        Ok(TimelineAnnouncementIsland)
    }

    fn view(self, _: ReportContext) -> impl IntoView + 'static {
        view! { <TimelineAnnouncement/> }
    }
}

/// A milestone's button (an island): selecting it (pointer, arrow keys, Home and End)
/// puts it in the view state. Only the selected button, else the first, is a Tab stop.
#[component]
pub fn MilestoneButton(milestone: &'static Milestone) -> impl IntoView {
    let lang = current_lang();
    let context = report_context();
    let count = REPORT.milestones.len();
    let index = milestone.key as usize;
    let selected = selected();
    let select = move |index: usize| {
        let (Some(c), Some(m)) = (context, REPORT.milestones.get(index)) else {
            return;
        };
        c.navigate(
            ViewState { milestone: Some(m.key), section: None, chart: None, ..c.view.get_untracked() },
            Entry::Push,
        );
    };
    let is_selected = move || selected() == Some(milestone.key);
    let tab_stop = move || selected().map_or(0, |id| id as usize);
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        // The timeline's keys are a chart's, but Escape: its selection stays.
        let Step::To(next) = step(&e.key(), Some(index), count) else {
            return;
        };
        e.prevent_default();
        select(next);
        focus_button(next);
    };
    let props = MilestoneIsland { milestone };
    view! {
        <button
            {..props.attributes()}
            type="button"
            class="timeline-button"
            id=format!("{}-button", dom_id("milestone", milestone.id))
            data-testid="milestone-button"
            aria-pressed=move || if is_selected() { "true" } else { "false" }
            tabindex=move || if tab_stop() == index { "0" } else { "-1" }
            on:click=move |_| select(index)
            on:keydown=on_key
        >
            <time class="timeline-date" datetime=milestone.date>{format::date(milestone.date, lang)}</time>
            <span class="timeline-title">{milestone.title.get(lang)}</span>
        </button>
    }
}

/// What a screen reader hears when a milestone is selected (an island).
#[component]
pub fn TimelineAnnouncement() -> impl IntoView {
    let lang = current_lang();
    let selected = selected();
    let count = REPORT.milestones.len();
    let announcement = move || {
        let id = selected()?;
        let (i, m) = (id as usize, REPORT.milestone(id));
        let (date, i, n) = (format::milestone_date(m, lang), (i + 1).to_string(), count.to_string());
        Some(ui::MILESTONE_POSITION.fill(lang, &[("date", &date), ("title", m.title.get(lang)), ("i", &i), ("n", &n)]))
    };
    view! {
        <p {..TimelineAnnouncementIsland.attributes()} class="visually-hidden" aria-live="polite" data-testid="timeline-announcement">
            {announcement}
        </p>
    }
}

/// The timeline (static, with its buttons, share buttons and announcement as islands).
/// Mounted alone (in tests) it brings its own view state.
#[component]
pub fn Timeline() -> impl IntoView {
    if report_context().is_none() {
        provide_context(ReportContext::new(Signal::stored(false), Signal::stored(false)).0);
    }
    let lang = current_lang();
    let items = REPORT
        .milestones
        .iter()
        .map(|m| {
            let links = related(m, lang)
                .into_iter()
                .map(|(href, label)| view! { <li><a href=href>{label}</a></li> })
                .collect_view();
            let share_label = ui::MILESTONE_SHARE.fill(lang, &[("date", &format::date(m.date, lang))]);
            let share_view = ViewState { milestone: Some(m.key), ..ViewState::default() };
            view! {
                <li {..milestone_item(m)} class="timeline-item" id=dom_id("milestone", m.id) data-testid="milestone">
                    <MilestoneButton milestone=m/>
                    <div class="timeline-body">
                        {m.basis.map(|basis| view! { <p class="basis">{basis.get(lang)}</p> })}
                        <details>
                            <summary>{ui::SOURCE.get(lang)}</summary>
                            <SourceQuote quote=m.quote/>
                        </details>
                        <ul class="related" aria-label=ui::RELATED.get(lang)>{links}</ul>
                        <ShareButton shares=Shares::Milestone label=share_label view=share_view/>
                    </div>
                </li>
            }
        })
        .collect_view();

    view! {
        <section id="milestones" class="milestones-section" aria-labelledby="milestones-title" data-testid="milestones">
            <h2 id="milestones-title">{ui::MILESTONES.get(lang)}</h2>
            <p class="section-help">{ui::TIMELINE_HELP.get(lang)}{gap(lang)}<span class="keys-hint">{ui::TIMELINE_KEYS.get(lang)}</span></p>
            <ol class="timeline" data-testid="timeline">{items}</ol>
            <TimelineAnnouncement/>
        </section>
    }
}
