//! What the whole report shares: the view state, whether the wasm is ready, and the target
//! of the share dialog. Components take it from context and work without it (in tests).

use crate::i18n::Lang;
use crate::state::{Entry, Mode, Theme, ViewState};
use leptos::prelude::*;

/// What the share dialog is about: its label and the view its link opens.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareTarget {
    pub label: String,
    pub state: ViewState,
}

#[derive(Clone, Copy)]
pub struct ReportContext {
    pub view: RwSignal<ViewState>,
    pub ready: Signal<bool>,
    /// The effective theme (the `theme` parameter, else the system's) and reading mode.
    pub dark: Signal<bool>,
    pub large: Signal<bool>,
    /// The effective language (the `lang` parameter, else the page's own).
    pub lang: Signal<Lang>,
    pub share: RwSignal<Option<ShareTarget>>,
    /// The key of what is being read aloud, if anything.
    pub speaking: RwSignal<Option<String>>,
    /// How the next view change reaches the address bar.
    pub entry: StoredValue<Entry>,
    /// The reader's system asks for reduced motion (one media query for all charts).
    pub reduced_motion: Signal<bool>,
}

impl ReportContext {
    /// Moves to a view the reader chose: a new history entry, so back returns.
    pub fn go(&self, state: ViewState) {
        self.entry.set_value(Entry::Push);
        self.view.set(state);
    }

    /// A context at the default view (what the page was pre-rendered at), not yet ready.
    /// `prefers_dark` and `reduced_motion` are the system's settings; the pre-render has none.
    /// Returns the `ready` signal too, for whoever hydrates the page to set.
    pub fn new(prefers_dark: Signal<bool>, reduced_motion: Signal<bool>) -> (ReportContext, RwSignal<bool>) {
        let ready = RwSignal::new(false);
        let view = RwSignal::new(ViewState::default());
        let rendered_in = page_lang();
        let context = ReportContext {
            view,
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

/// The language of the page as it was rendered: the pre-render provides it; in the browser
/// it is `<html lang>`, which the pre-render wrote (hydration must see the same words).
#[derive(Clone, Copy, Debug)]
pub struct PageLang(pub Lang);

pub fn page_lang() -> Lang {
    if let Some(PageLang(lang)) = use_context::<PageLang>() {
        return lang;
    }
    #[cfg(feature = "hydrate")]
    if let Some(tag) = document().document_element().and_then(|html| html.get_attribute("lang")) {
        return Lang::from_tag(&tag);
    }
    Lang::default()
}

/// The language components render in: a language switch hydrates a new page, so reading it
/// once, untracked, is right. Without a report (a component mounted alone) it is the page's.
pub fn current_lang() -> Lang {
    report_context().map_or_else(page_lang, |c| c.lang.get_untracked())
}
