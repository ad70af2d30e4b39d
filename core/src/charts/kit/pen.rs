//! The pen: draws a chart's shapes and texts in logical units on a plotters area, scaled to
//! its surface, so canvas, SVG and PNG draw alike. Only plotters' primitives are used (never
//! its text measurement, which sets a style attribute in the browser and breaks the strict
//! CSP); a text's box is laid out by the style's measure (`crate::charts::measure::Measure`).

use super::log::log_text;
use crate::charts::marks::Rect;
use crate::charts::style::{Style, TextRole};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws on one area with one style.
pub struct Pen<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub style: &'a Style,
}

impl<'a, DB: DrawingBackend> Pen<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, style: &'a Style) -> Self {
        Pen { area, style }
    }

    /// The area's size in logical units.
    pub fn size(&self) -> (f64, f64) {
        let (w, h) = self.area.dim_in_pixel();
        (f64::from(w) / self.style.scale, f64::from(h) / self.style.scale)
    }

    fn px(&self, v: f64) -> i32 {
        (v * self.style.scale).round() as i32
    }

    fn line_px(&self, width: f64) -> u32 {
        (width * self.style.weight() * self.style.scale).round().max(1.0) as u32
    }

    /// A logical rectangle in surface pixels, as hit-testing sees it.
    pub fn to_surface(&self, r: Rect) -> Rect {
        let s = self.style.scale;
        Rect::new(r.x0 * s, r.y0 * s, r.x1 * s, r.y1 * s)
    }

    pub fn fill(&self, color: RGBColor) -> DrawResult<(), DB> {
        self.area.fill(&color)
    }

    /// A filled rectangle; returns its surface box.
    pub fn rect(&self, r: Rect, color: RGBColor) -> DrawResult<Rect, DB> {
        let style = ShapeStyle { color: color.to_rgba(), filled: true, stroke_width: 0 };
        self.area.draw(&Rectangle::new([(self.px(r.x0), self.px(r.y0)), (self.px(r.x1), self.px(r.y1))], style))?;
        Ok(self.to_surface(r))
    }

    /// A rectangle outline.
    pub fn outline(&self, r: Rect, color: RGBColor, width: f64) -> DrawResult<Rect, DB> {
        let style = ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: self.line_px(width) };
        self.area.draw(&Rectangle::new([(self.px(r.x0), self.px(r.y0)), (self.px(r.x1), self.px(r.y1))], style))?;
        Ok(self.to_surface(r))
    }

    pub fn line(&self, points: &[(f64, f64)], color: RGBColor, width: f64) -> DrawResult<(), DB> {
        let points: Vec<(i32, i32)> = points.iter().map(|(x, y)| (self.px(*x), self.px(*y))).collect();
        self.area.draw(&PathElement::new(points, color.stroke_width(self.line_px(width))))
    }

    /// A filled circle; returns the surface box around it.
    pub fn dot(&self, (x, y): (f64, f64), radius: f64, color: RGBColor) -> DrawResult<Rect, DB> {
        let radius = radius * (1.0 + (self.style.weight() - 1.0) * 0.6);
        let r = (radius * self.style.scale).round().max(1.0) as i32;
        self.area.draw(&Circle::new((self.px(x), self.px(y)), r, color.filled()))?;
        Ok(self.to_surface(Rect::new(x - radius, y - radius, x + radius, y + radius)))
    }

    /// Text at a logical point. `size` in logical units (see `Style::text_size`).
    pub fn text(
        &self,
        text: &str,
        at: (f64, f64),
        size: f64,
        color: RGBColor,
        anchor: (HPos, VPos),
        bold: bool,
    ) -> DrawResult<(), DB> {
        self.text_in(text, at, size, color, anchor, bold, None)
    }

    /// Text, logged with the role it was drawn in (if any).
    #[allow(clippy::too_many_arguments)]
    fn text_in(
        &self,
        text: &str,
        at: (f64, f64),
        size: f64,
        color: RGBColor,
        anchor: (HPos, VPos),
        bold: bool,
        role: Option<TextRole>,
    ) -> DrawResult<(), DB> {
        let px = size * self.style.scale * self.style.font_fix;
        let font = FontDesc::new(
            FontFamily::Name(self.style.font_family),
            px,
            if bold { FontStyle::Bold } else { FontStyle::Normal },
        );
        let style = TextStyle::from(font).color(&color).pos(Pos::new(anchor.0, anchor.1));
        log_text(text, self.to_surface(self.style.measure.text_box(text, at, size, anchor)), size, role);
        self.area.draw(&Text::new(text.to_string(), (self.px(at.0), self.px(at.1)), style))
    }

    /// Text in one of the style's roles.
    pub fn label(
        &self,
        text: &str,
        at: (f64, f64),
        role: TextRole,
        color: RGBColor,
        anchor: (HPos, VPos),
    ) -> DrawResult<(), DB> {
        let bold = matches!(role, TextRole::Value | TextRole::Title);
        self.text_in(text, at, self.style.text_size(role), color, anchor, bold, Some(role))
    }

    /// Several lines of text, each `line_height` × size apart, starting at `at`.
    pub fn lines(
        &self,
        lines: &[String],
        at: (f64, f64),
        role: TextRole,
        color: RGBColor,
        anchor: (HPos, VPos),
    ) -> DrawResult<f64, DB> {
        let step = self.style.text_size(role) * 1.3;
        for (i, line) in lines.iter().enumerate() {
            self.label(line, (at.0, at.1 + step * i as f64), role, color, anchor)?;
        }
        Ok(step * lines.len() as f64)
    }
}

/// Where a text sits on its point: the anchors the charts use.
pub const LEFT_MIDDLE: (HPos, VPos) = (HPos::Left, VPos::Center);
pub const RIGHT_MIDDLE: (HPos, VPos) = (HPos::Right, VPos::Center);
pub const CENTER_MIDDLE: (HPos, VPos) = (HPos::Center, VPos::Center);
pub const CENTER_TOP: (HPos, VPos) = (HPos::Center, VPos::Top);
pub const CENTER_BOTTOM: (HPos, VPos) = (HPos::Center, VPos::Bottom);
pub const LEFT_TOP: (HPos, VPos) = (HPos::Left, VPos::Top);
pub const RIGHT_TOP: (HPos, VPos) = (HPos::Right, VPos::Top);
pub const LEFT_BOTTOM: (HPos, VPos) = (HPos::Left, VPos::Bottom);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::style::Layout;
    use plotters::prelude::SVGBackend;

    /// A pen on an SVG at `scale`.
    fn with_pen(scale: f64, large: bool, draw: impl Fn(&Pen<SVGBackend>) -> Rect) -> (String, Rect) {
        let mut svg = String::new();
        let rect;
        {
            let area = SVGBackend::with_string(&mut svg, (200, 100)).into_drawing_area();
            let style = Style { large, ..Style::new(Layout::Wide, scale) }.for_svg();
            rect = draw(&Pen::new(&area, &style));
            area.present().expect("presents");
        }
        (svg, rect)
    }

    #[test]
    fn a_dot_is_a_circle_at_its_point_with_its_box() {
        let (svg, rect) = with_pen(2.0, false, |pen| pen.dot((50.0, 40.0), 7.0, RGBColor(0, 0, 0)).expect("draws"));
        assert!(svg.contains("<circle cx=\"100\" cy=\"80\" r=\"14\""), "{svg}");
        assert_eq!(rect, Rect::new(86.0, 66.0, 114.0, 94.0), "the surface box around it");
        // Large mode draws marks thicker: a larger dot, its box following.
        let (large, rect) = with_pen(1.0, true, |pen| pen.dot((50.0, 40.0), 7.0, RGBColor(0, 0, 0)).expect("draws"));
        let r: f64 = large.split("r=\"").nth(1).and_then(|t| t.split('"').next()).and_then(|v| v.parse().ok()).unwrap();
        assert!(r > 7.0, "{large}");
        assert!((rect.x1 - rect.x0 - 2.0 * r).abs() <= 1.0 && rect.x0 < 43.0, "{rect:?} for r {r}");
    }
}
