//! What the whole report shares: the view state, whether the wasm is ready, and the target
//! of the share dialog. Components take it from context and work without it (in tests).

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
    pub share: RwSignal<Option<ShareTarget>>,
    /// The key of what is being read aloud, if anything.
    pub speaking: RwSignal<Option<String>>,
    /// How the next view change reaches the address bar.
    pub entry: StoredValue<Entry>,
}

impl ReportContext {
    /// Moves to a view the reader chose: a new history entry, so back returns.
    pub fn go(&self, state: ViewState) {
        self.entry.set_value(Entry::Push);
        self.view.set(state);
    }

    /// Opens the share dialog for a view.
    pub fn open_share(&self, label: impl Into<String>, state: ViewState) {
        self.share.set(Some(ShareTarget { label: label.into(), state }));
    }
}

pub fn report_context() -> Option<ReportContext> {
    use_context::<ReportContext>()
}
