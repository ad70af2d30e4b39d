//! What the whole report shares: the view state (read by all, changed only through
//! `navigate`), whether the wasm is ready, the target of the share dialog, and the way to the
//! other language. Components take it from context and work without it (in tests).

use crate::page::page_lang;
use leptos::prelude::*;
use yangpu_core::i18n::Lang;
use yangpu_core::state::{Entry, Mode, Theme, ViewState};

/// What the share dialog is about: its label and the view its link opens.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareTarget {
    pub label: String,
    pub state: ViewState,
}

/// Replaces the page by the other language's, at a view; given by whoever runs the page
/// (the island runtime), so components need not know it.
pub type SwitchLanguage = fn(ViewState, String);

#[derive(Clone, Copy)]
pub struct ReportContext {
    /// The view, read-only: `navigate` is its one writer.
    pub view: Signal<ViewState>,
    writer: RwSignal<ViewState>,
    pub ready: Signal<bool>,
    /// The effective theme (the `theme` parameter, else the system's) and reading mode.
    pub dark: Signal<bool>,
    pub large: Signal<bool>,
    /// The effective language (the `lang` parameter, else the page's own).
    pub lang: Signal<Lang>,
    pub share: RwSignal<Option<ShareTarget>>,
    /// The key of what is being read aloud, if anything.
    pub speaking: RwSignal<Option<String>>,
    /// How the last view change reaches the address bar (`take_entry`).
    entry: StoredValue<Entry>,
    /// The reader's system asks for reduced motion (one media query for all charts).
    pub reduced_motion: Signal<bool>,
    switch_language: Option<SwitchLanguage>,
}

impl ReportContext {
    /// Moves the report to `state`; `entry` says how the address bar follows: `Push` for a
    /// place the reader chose (back returns from it), `Replace` for a change within the view,
    /// `Keep` for a view the address already shows.
    pub fn navigate(&self, state: ViewState, entry: Entry) {
        self.entry.set_value(entry);
        self.writer.set(state);
    }

    /// How the last change is to reach the address bar; later changes replace the entry
    /// unless `navigate` says otherwise. (For the address bar's keeper, `history::sync`.)
    pub fn take_entry(&self) -> Entry {
        let entry = self.entry.get_value();
        self.entry.set_value(Entry::Replace);
        entry
    }

    /// The report with a way to switch its language in place.
    pub fn with_language_switch(self, switch: SwitchLanguage) -> Self {
        ReportContext { switch_language: Some(switch), ..self }
    }

    /// Switches to `view`'s language in place, from the other page at `href`; false when
    /// this report cannot (pre-rendered, or a component alone), so a link takes the reader.
    pub fn switch_language(&self, view: ViewState, href: String) -> bool {
        self.switch_language.map(|switch| switch(view, href)).is_some()
    }

    /// A context at the default view (what the page was pre-rendered at), not yet ready.
    /// `prefers_dark` and `reduced_motion` are the system's settings; the pre-render has none.
    /// Returns the `ready` signal too, for whoever hydrates the page to set.
    pub fn new(prefers_dark: Signal<bool>, reduced_motion: Signal<bool>) -> (ReportContext, RwSignal<bool>) {
        let ready = RwSignal::new(false);
        let view = RwSignal::new(ViewState::default());
        let rendered_in = page_lang();
        let context = ReportContext {
            view: view.into(),
            writer: view,
            ready: ready.into(),
            dark: Memo::new(move |_| match view.get().theme {
                Some(theme) => theme == Theme::Dark,
                None => prefers_dark.get(),
            })
            .into(),
            large: Memo::new(move |_| view.get().mode == Some(Mode::Large)).into(),
            lang: Memo::new(move |_| view.get().lang.unwrap_or(rendered_in)).into(),
            share: RwSignal::new(None),
            speaking: RwSignal::new(None),
            entry: StoredValue::new(Entry::Keep),
            reduced_motion,
            switch_language: None,
        };
        (context, ready)
    }

    /// Opens the share dialog for a view.
    pub fn open_share(&self, label: impl Into<String>, state: ViewState) {
        self.share.set(Some(ShareTarget { label: label.into(), state }));
    }
}

pub fn report_context() -> Option<ReportContext> {
    use_context::<ReportContext>()
}

/// The language components render in: a language switch hydrates a new page, so reading it
/// once, untracked, is right. Without a report (a component mounted alone) it is the page's.
pub fn current_lang() -> Lang {
    report_context().map_or_else(page_lang, |c| c.lang.get_untracked())
}
