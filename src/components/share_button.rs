//! A "Share" button (an island): opens the share dialog for one view of the report. What it
//! shares rides on the button as data attributes, from which the browser hydrates it.

use super::props::{need, Found, IslandProps};
use super::report_context::{current_lang, report_context, ReportContext};
use leptos::attr::custom::custom_attribute;
use leptos::attr::Attribute;
use leptos::prelude::*;
use yangpu_core::i18n::ui;
use yangpu_core::state::{url, ViewState};

/// What a share button shares: it names the button and styles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shares {
    Report,
    Section,
    Chart,
    Milestone,
}

impl Shares {
    const ALL: [Shares; 4] = [Shares::Report, Shares::Section, Shares::Chart, Shares::Milestone];

    pub fn name(self) -> &'static str {
        match self {
            Shares::Report => "report",
            Shares::Section => "section",
            Shares::Chart => "chart",
            Shares::Milestone => "milestone",
        }
    }

    pub fn from_name(name: &str) -> Option<Shares> {
        Shares::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A share button's props: what it shares, the view (as its query) and the dialog's title.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareIsland {
    pub shares: Shares,
    pub view: ViewState,
    pub label: String,
}

/// The attributes the props are written in; `LABEL` is shown, so the audit reads it.
impl ShareIsland {
    pub const SHARE: &'static str = "data-share";
    pub const VIEW: &'static str = "data-share-view";
    pub const LABEL: &'static str = "data-share-label";
}

impl IslandProps for ShareIsland {
    const KIND: &'static str = "share";

    fn props(self) -> impl Attribute {
        (
            custom_attribute(Self::SHARE, self.shares.name()),
            custom_attribute(Self::LABEL, self.label),
            custom_attribute(Self::VIEW, url::write(&self.view)),
        )
    }

    fn read(found: &impl Found) -> Result<Self, String> {
        let name = need::<Self>(found, Self::SHARE)?;
        let shares = Shares::from_name(&name).ok_or_else(|| format!("a share button for {name:?}"))?;
        let query = need::<Self>(found, Self::VIEW)?;
        let (view, ignored) = url::parse(&query);
        if let Some(i) = ignored.first() {
            return Err(format!("a share button's view {query:?}: {} ({})", i.name, i.reason));
        }
        Ok(ShareIsland { shares, view, label: need::<Self>(found, Self::LABEL)? })
    }

    fn view(self, _: ReportContext) -> impl IntoView + 'static {
        let ShareIsland { shares, view, label } = self;
        view! { <ShareButton shares label view/> }
    }
}

/// Opens the share dialog for `view`, titled `label` there.
#[component]
pub fn ShareButton(shares: Shares, label: String, view: ViewState) -> impl IntoView {
    let lang = current_lang();
    let context = report_context();
    let ready = move || context.is_some_and(|c| c.ready.get());
    let props = ShareIsland { shares, view, label: label.clone() };
    let (class, text) = match shares {
        Shares::Report => ("button-on-dark needs-wasm", ui::SHARE_REPORT),
        Shares::Section => ("link-button needs-wasm", ui::SHARE_SECTION),
        Shares::Chart => ("link-button needs-wasm", ui::SHARE_OR_EMBED),
        Shares::Milestone => ("link-button needs-wasm", ui::SHARE_MILESTONE),
    };
    let name = label.clone();
    let share = move |_| {
        if let Some(c) = context {
            c.open_share(name.clone(), view);
        }
    };
    view! {
        <button {..props.attributes()} type="button" class=class data-testid=format!("share-{}", shares.name())
            disabled=move || !ready() on:click=share>
            {text.get(lang)}
        </button>
    }
}
