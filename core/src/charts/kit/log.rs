//! The text log: every text a drawing drew, with its box, size and role, for what checks that
//! chart text fits and can be read (the native tests, the social images' and pictures' glyph
//! checks, and the engine tests, on a page that asks for `data-text-boxes`) and for
//! `ChartId::height`, which measures a fitted chart by its lowest text. A drawing logs only
//! inside `with_text_boxes`; elsewhere a text costs one empty look.

use crate::charts::marks::Rect;
use crate::charts::style::TextRole;

/// A text as drawn: its words, its box in surface pixels and its size in logical units (CSS
/// pixels on the page), for the tests that check every text fits and can be read.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub text: String,
    pub rect: Rect,
    pub size: f64,
    /// The role it was drawn in; `None` for the download's and preview's own texts.
    pub role: Option<TextRole>,
}

thread_local! {
    static TEXT_LOG: std::cell::RefCell<Option<Vec<TextBox>>> = const { std::cell::RefCell::new(None) };
}

/// Logs a text, if a log is open (`with_text_boxes`).
pub(super) fn log_text(text: &str, rect: Rect, size: f64, role: Option<TextRole>) {
    TEXT_LOG.with_borrow_mut(|log| {
        if let Some(log) = log {
            log.push(TextBox { text: text.into(), rect, size, role });
        }
    });
}

/// Runs `draw` and returns what it returned with every text it drew (a log around it, if
/// any, carries on after it: measuring a chart's height inside a logged drawing is safe).
pub fn with_text_boxes<T>(draw: impl FnOnce() -> T) -> (T, Vec<TextBox>) {
    let outer = TEXT_LOG.replace(Some(Vec::new()));
    let out = draw();
    (out, TEXT_LOG.replace(outer).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_log_inside_another_leaves_the_outer_one_logging() {
        let r = Rect::new(0.0, 0.0, 1.0, 1.0);
        let ((_, inner), outer) = with_text_boxes(|| {
            log_text("before", r, 10.0, None);
            let inner = with_text_boxes(|| log_text("inside", r, 10.0, None));
            log_text("after", r, 10.0, None);
            inner
        });
        let words = |log: &[TextBox]| log.iter().map(|t| t.text.clone()).collect::<Vec<_>>();
        assert_eq!(words(&inner), ["inside"]);
        assert_eq!(words(&outer), ["before", "after"]);
        log_text("unlogged", r, 10.0, None);
        assert!(with_text_boxes(|| ()).1.is_empty(), "no log is left behind");
    }
}
