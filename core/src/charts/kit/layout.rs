//! The two-column layout of the before/after charts (livelihood share, livelihood growth):
//! a value axis from 0 to a round maximum, and two columns, the start and the latest, with
//! room measured for their texts. One layout, so the two charts read alike.

use super::pen::{Pen, CENTER_TOP, RIGHT_MIDDLE};
use crate::charts::style::{Style, TextRole};
use crate::charts::Row;
use plotters::prelude::*;

/// A round upper bound for an axis: the smallest multiple of `step` at or above `value`.
pub fn nice_ceiling(value: f64, step: f64) -> f64 {
    (value / step).ceil() * step
}

/// A plot of two columns over a value axis from 0 to `max` (the before/after charts).
pub struct TwoColumns {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub max: f64,
}

impl TwoColumns {
    /// The plot with room for its texts as measured, in a surface `w` wide: the widest tick
    /// label on the left; on the right, `beside_last` (a value label right of the second
    /// column's point), if any; below, the rows' labels wrapped to half the plot's width.
    pub fn fitted(
        mut self,
        style: &Style,
        w: f64,
        step: f64,
        suffix: &str,
        rows: &[Row],
        beside_last: Option<&str>,
    ) -> TwoColumns {
        let axis = style.text_size(TextRole::Axis);
        let mut widest: f64 = 0.0;
        let mut tick = 0.0;
        while tick <= self.max + 1e-9 {
            widest = widest.max(style.measure.width(&format!("{tick}{suffix}"), axis));
            tick += step;
        }
        self.left = self.left.max(widest + 14.0);
        if let Some(text) = beside_last {
            // The second column sits at ¾ of the plot; its label starts 14 units right of it.
            let text_w = style.measure.width(text, style.text_size(TextRole::Value));
            self.right = self.right.max((self.left + 0.75 * (w - self.left) + 14.0 + text_w + 4.0 - w) / 0.75);
        }
        let label = style.text_size(TextRole::Label);
        let lines = rows.iter().map(|r| self.column_label(style, w, &r.label).len()).max().unwrap_or(1) as f64;
        self.bottom = self.bottom.max(Self::label_gap(style) + lines * label * 1.3 + 4.0);
        self
    }

    /// From the axis down to the column labels: clear of the lowest tick label, which is
    /// centred on the axis (a wide label can reach under it).
    fn label_gap(style: &Style) -> f64 {
        (style.text_size(TextRole::Axis) * 0.6 + 6.0).max(14.0)
    }

    /// A column's label, wrapped to its half of the plot.
    fn column_label(&self, style: &Style, w: f64, label: &str) -> Vec<String> {
        style.measure.wrap(label, (w - self.left - self.right) / 2.0 - 8.0, style.text_size(TextRole::Label))
    }

    /// Each row's label under its column.
    pub fn column_labels<DB: DrawingBackend>(&self, pen: &Pen<DB>, rows: &[Row]) -> DrawResult<(), DB> {
        let (w, h) = pen.size();
        for (x, row) in self.xs(w).iter().zip(rows) {
            let lines = self.column_label(pen.style, w, &row.label);
            pen.lines(
                &lines,
                (*x, h - self.bottom + Self::label_gap(pen.style)),
                TextRole::Label,
                pen.style.palette.ink,
                CENTER_TOP,
            )?;
        }
        Ok(())
    }

    /// The vertical position of a value.
    pub fn y(&self, h: f64, v: f64) -> f64 {
        self.top + (h - self.top - self.bottom) * (1.0 - v / self.max)
    }

    /// The centres of the two columns.
    pub fn xs(&self, w: f64) -> [f64; 2] {
        let plot_w = w - self.left - self.right;
        [self.left + plot_w * 0.25, self.left + plot_w * 0.75]
    }

    /// Gridlines every `step`, labelled with the value and `suffix` on the left.
    pub fn grid<DB: DrawingBackend>(&self, pen: &Pen<DB>, step: f64, suffix: &str) -> DrawResult<(), DB> {
        let (w, h) = pen.size();
        let p = pen.style.palette;
        let mut tick = 0.0;
        while tick <= self.max + 1e-9 {
            let y = self.y(h, tick);
            pen.line(&[(self.left, y), (w - self.right, y)], p.grid, 1.0)?;
            pen.label(&format!("{tick}{suffix}"), (self.left - 8.0, y), TextRole::Axis, p.muted, RIGHT_MIDDLE)?;
            tick += step;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_ceilings_are_round() {
        assert_eq!(nice_ceiling(52.3, 10.0), 60.0);
        assert_eq!(nice_ceiling(150.2, 50.0), 200.0);
        assert_eq!(nice_ceiling(60.0, 10.0), 60.0);
    }
}
