//! The interactive state of one chart, shared by its canvas code (`chart_canvas`) and its
//! view (`chart_card`): what is drawn, which mark is chosen and how. The key map and what
//! focus shows are the chart layer's (`charts::selection`, tested natively); this holds
//! their results in signals.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use yangpu_core::charts::marks::{Mark, Marks, Rect};
use yangpu_core::charts::selection::{self, Step};
use yangpu_core::charts::ChartId;
use yangpu_core::i18n::Lang;

#[derive(Clone, Copy)]
pub struct ChartState {
    pub chart: ChartId,
    /// Theme and reading mode: the chart redraws in the theme's palette, with larger text.
    pub dark: Signal<bool>,
    pub large: Signal<bool>,
    pub reduced_motion: Signal<bool>,
    /// The language of the chart's words (fixed: a language switch hydrates a new page).
    pub lang: Lang,
    pub frame: NodeRef<Div>,
    pub canvas: NodeRef<Canvas>,
    pub overlay: NodeRef<Canvas>,
    /// The canvas has drawn and replaced the SVG.
    pub drawn: RwSignal<bool>,
    /// Counts full redraws, so what depends on the marks' boxes follows them.
    pub redraws: RwSignal<u32>,
    /// The mark under the pointer, or chosen with the keyboard.
    pub active: RwSignal<Option<usize>>,
    /// Whether `active` came from the keyboard (draws the focus ring).
    pub keyboard: RwSignal<bool>,
    /// The marks of the last full draw, in surface pixels, with the surface's pixels per CSS px.
    pub marks: StoredValue<(Marks, f64)>,
    /// The frame's CSS width at the last draw (keeps the tooltip inside it).
    pub width: StoredValue<f64>,
    /// A pointer pressed on the canvas, until its focus arrives (or it loses focus): engines
    /// disagree on `:focus-visible` after script focus, so the pointer is what is remembered.
    pressed: StoredValue<bool>,
}

impl ChartState {
    pub fn new(
        chart: ChartId,
        dark: Signal<bool>,
        large: Signal<bool>,
        reduced_motion: Signal<bool>,
        lang: Lang,
    ) -> Self {
        ChartState {
            chart,
            dark,
            large,
            reduced_motion,
            lang,
            frame: NodeRef::new(),
            canvas: NodeRef::new(),
            overlay: NodeRef::new(),
            drawn: RwSignal::new(false),
            redraws: RwSignal::new(0),
            active: RwSignal::new(None),
            keyboard: RwSignal::new(false),
            marks: StoredValue::new((Marks::default(), 1.0)),
            width: StoredValue::new(0.0),
            pressed: StoredValue::new(false),
        }
    }

    fn set_active(&self, next: Option<usize>, keyboard: bool) {
        if self.active.get_untracked() != next {
            self.active.set(next);
        }
        if self.keyboard.get_untracked() != keyboard {
            self.keyboard.set(keyboard);
        }
    }

    fn count(&self) -> usize {
        self.marks.with_value(|(m, _)| m.len())
    }

    /// A pointer (mouse, pen or touch) at CSS pixel (x, y) of the canvas.
    pub fn point(&self, x: f64, y: f64) {
        let hit = self.marks.with_value(|(marks, ratio)| marks.hit_test(x * ratio, y * ratio));
        self.set_active(hit, false);
    }

    /// A pointer pressed at CSS pixel (x, y): it shows what is under it, and the focus it
    /// brings shows nothing more.
    pub fn press(&self, x: f64, y: f64) {
        self.pressed.set_value(true);
        self.point(x, y);
    }

    pub fn leave(&self) {
        self.set_active(None, false);
    }

    /// Focus arrives: keyboard (or script) focus shows the first value, a click's does not.
    pub fn focus(&self) {
        let pressed = self.pressed.get_value();
        self.pressed.set_value(false);
        if let Some(first) = selection::on_focus(pressed, self.active.get_untracked(), self.count()) {
            self.set_active(Some(first), true);
        }
    }

    pub fn blur(&self) {
        self.pressed.set_value(false);
        self.leave();
    }

    /// A key on the focused chart; returns whether it was handled (and its default prevented).
    pub fn key(&self, key: &str) -> bool {
        match selection::step(key, self.active.get_untracked(), self.count()) {
            Step::To(next) => self.set_active(Some(next), true),
            Step::Leave => {
                self.set_active(None, true);
                if let Some(canvas) = self.canvas.get_untracked() {
                    let _ = canvas.blur();
                }
            }
            Step::Ignored => return false,
        }
        true
    }

    /// The active mark and its box in CSS pixels.
    pub fn active_mark(&self) -> Option<(Mark, Rect)> {
        self.redraws.track();
        let index = self.active.get()?;
        self.marks.with_value(|(marks, ratio)| {
            let mark = marks.get(index)?;
            let b = mark.bounds()?;
            Some((mark.clone(), Rect::new(b.x0 / ratio, b.y0 / ratio, b.x1 / ratio, b.y1 / ratio)))
        })
    }
}
