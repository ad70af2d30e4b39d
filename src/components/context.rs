//! What the whole report shares: the view state, whether the wasm is ready, and the target
//! of the share dialog. Components take it from context and work without it (in tests).

use crate::i18n::Lang;
use crate::state::{Entry, ViewState};
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

    /// The context for one build of the report (the page is rebuilt when the language
    /// changes). Its effects read these per-build memos, which go with the build, so the
    /// report's own signals gain one subscriber per build rather than dozens: reactive_graph
    /// 0.2 leaves a disposed effect in its sources' subscriber lists until they change.
    /// The share dialog and read-aloud state start afresh with each build.
    pub fn for_build(self) -> ReportContext {
        // Not the view: it changes with the language, and a memo disposed by that very change
        // would still be read by the effects it had already scheduled.
        let (ready, dark, large) = (self.ready, self.dark, self.large);
        ReportContext {
            ready: Memo::new(move |_| ready.get()).into(),
            dark: Memo::new(move |_| dark.get()).into(),
            large: Memo::new(move |_| large.get()).into(),
            share: RwSignal::new(None),
            speaking: RwSignal::new(None),
            ..self
        }
    }

    /// Opens the share dialog for a view.
    pub fn open_share(&self, label: impl Into<String>, state: ViewState) {
        self.share.set(Some(ShareTarget { label: label.into(), state }));
    }
}

/// The report-wide context as the App made it, from which each build makes its own.
/// (A build cannot look up its own type: the previous build's is still on the same owner.)
#[derive(Clone, Copy)]
pub struct AppContext(pub ReportContext);

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

/// The language components render in: they are rebuilt when it changes, so reading it once,
/// untracked, is right. Without a report (a component mounted alone) it is the page's.
pub fn current_lang() -> Lang {
    report_context().map_or_else(page_lang, |c| c.lang.get_untracked())
}
