//! The milestones in date order, each with its date, title and source sentence.
//! (The interactive timeline builds on this list.)

use super::{dom_id, SourceQuote};
use crate::data::REPORT;
use crate::format;
use leptos::prelude::*;

#[component]
pub fn Milestones() -> impl IntoView {
    let items = REPORT
        .milestones
        .iter()
        .map(|m| {
            view! {
                <li class="milestone" id=dom_id("milestone", m.id) data-testid="milestone">
                    <p class="milestone-date"><time datetime=m.date>{format::date(m.date)}</time></p>
                    <div class="milestone-body">
                        <h3 class="milestone-title">{m.title}</h3>
                        {m.basis.map(|basis| view! { <p class="basis">{basis}</p> })}
                        <details>
                            <summary>"Source"</summary>
                            <SourceQuote quote=m.quote/>
                        </details>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="milestones" class="milestones-section" aria-labelledby="milestones-title" data-testid="milestones">
            <h2 id="milestones-title">"Milestones"</h2>
            <ol class="milestone-list">{items}</ol>
        </section>
    }
}
