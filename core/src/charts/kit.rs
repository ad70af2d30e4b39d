//! A small drawing kit over plotters: logical units in, surface pixels out. Charts lay out
//! in logical units; the pen scales to the surface, so canvas, SVG and PNG draw alike.
//! Only primitives are used (never plotters' text measurement, which sets a style
//! attribute in the browser and breaks the strict CSP).

use super::marks::Rect;
use super::style::{Style, TextRole};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub type Drawn<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

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

    pub fn fill(&self, color: RGBColor) -> Drawn<(), DB> {
        self.area.fill(&color)
    }

    /// A filled rectangle; returns its surface box.
    pub fn rect(&self, r: Rect, color: RGBColor) -> Drawn<Rect, DB> {
        let style = ShapeStyle { color: color.to_rgba(), filled: true, stroke_width: 0 };
        self.area.draw(&Rectangle::new([(self.px(r.x0), self.px(r.y0)), (self.px(r.x1), self.px(r.y1))], style))?;
        Ok(self.to_surface(r))
    }

    /// A rectangle outline.
    pub fn outline(&self, r: Rect, color: RGBColor, width: f64) -> Drawn<Rect, DB> {
        let style = ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: self.line_px(width) };
        self.area.draw(&Rectangle::new([(self.px(r.x0), self.px(r.y0)), (self.px(r.x1), self.px(r.y1))], style))?;
        Ok(self.to_surface(r))
    }

    pub fn line(&self, points: &[(f64, f64)], color: RGBColor, width: f64) -> Drawn<(), DB> {
        let points: Vec<(i32, i32)> = points.iter().map(|(x, y)| (self.px(*x), self.px(*y))).collect();
        self.area.draw(&PathElement::new(points, color.stroke_width(self.line_px(width))))
    }

    /// A filled circle; returns the surface box around it.
    pub fn dot(&self, (x, y): (f64, f64), radius: f64, color: RGBColor) -> Drawn<Rect, DB> {
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
    ) -> Drawn<(), DB> {
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
    ) -> Drawn<(), DB> {
        let px = size * self.style.scale * self.style.font_fix;
        let font = FontDesc::new(
            FontFamily::Name(self.style.font_family),
            px,
            if bold { FontStyle::Bold } else { FontStyle::Normal },
        );
        let style = TextStyle::from(font).color(&color).pos(Pos::new(anchor.0, anchor.1));
        log_text(text, self.to_surface(text_box(text, at, size, anchor)), size, role);
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
    ) -> Drawn<(), DB> {
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
    ) -> Drawn<f64, DB> {
        let step = self.style.text_size(role) * 1.3;
        for (i, line) in lines.iter().enumerate() {
            self.label(line, (at.0, at.1 + step * i as f64), role, color, anchor)?;
        }
        Ok(step * lines.len() as f64)
    }
}

/// The two points of the before/after charts: the text gives a start and a latest value.
pub const START: crate::i18n::Text = crate::i18n::Text { en: "Start of the period", zh: "“十四五”初" };
pub const START_LONG: crate::i18n::Text =
    crate::i18n::Text { en: "Start of the 14th Five-Year Plan period", zh: "“十四五”初" };
pub const LATEST: crate::i18n::Text = crate::i18n::Text { en: "Latest", zh: "最新" };
pub const LATEST_LONG: crate::i18n::Text = crate::i18n::Text { en: "Latest reported", zh: "最新" };

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
        rows: &[super::Row],
        beside_last: Option<&str>,
    ) -> TwoColumns {
        let axis = style.text_size(TextRole::Axis);
        let mut widest: f64 = 0.0;
        let mut tick = 0.0;
        while tick <= self.max + 1e-9 {
            widest = widest.max(text_width(&format!("{tick}{suffix}"), axis));
            tick += step;
        }
        self.left = self.left.max(widest + 14.0);
        if let Some(text) = beside_last {
            // The second column sits at ¾ of the plot; its label starts 14 units right of it.
            let text_w = text_width(text, style.text_size(TextRole::Value));
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
        wrap(label, (w - self.left - self.right) / 2.0 - 8.0, style.text_size(TextRole::Label))
    }

    /// Each row's label under its column.
    pub fn column_labels<DB: DrawingBackend>(&self, pen: &Pen<DB>, rows: &[super::Row]) -> Drawn<(), DB> {
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
    pub fn grid<DB: DrawingBackend>(&self, pen: &Pen<DB>, step: f64, suffix: &str) -> Drawn<(), DB> {
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

/// The box a text takes at a logical point with an anchor, in logical units: its measured
/// (or, off the browser, its widest-font) width, and 1.2 em of height.
pub fn text_box(text: &str, at: (f64, f64), size: f64, anchor: (HPos, VPos)) -> Rect {
    let (w, h) = (text_width(text, size), size * 1.2);
    let x0 = match anchor.0 {
        HPos::Left => at.0,
        HPos::Center => at.0 - w / 2.0,
        HPos::Right => at.0 - w,
    };
    let y0 = match anchor.1 {
        VPos::Top => at.1 - size * 0.1,
        VPos::Center => at.1 - h / 2.0,
        VPos::Bottom => at.1 - h + size * 0.1,
    };
    Rect::new(x0, y0, x0 + w, y0 + h)
}

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

fn log_text(text: &str, rect: Rect, size: f64, role: Option<TextRole>) {
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

/// The lower bound of a glyph's width in ems for wrapping: 4 of these fit in any line.
const AVERAGE_GLYPH_WIDTH: f64 = 0.6;

fn is_wide(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' | '“' | '”')
}

/// Chinese punctuation that must not start a line.
fn closes(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '）' | '”' | '！' | '？' | '》')
}

/// Chinese punctuation that must not end a line.
fn opens(c: char) -> bool {
    matches!(c, '“' | '（' | '《')
}

/// A glyph's width in ems in DejaVu Sans Bold (rounded up): the widest of the faces that
/// `sans-serif` resolves to (Linux; Arial, Helvetica, Roboto and PingFang's Latin are
/// narrower), so text laid out with it fits in every engine. CJK characters are a full em.
fn glyph_width(c: char) -> f64 {
    match c {
        c if is_wide(c) => 1.0,
        ' ' => 0.35,
        'i' | 'j' | 'l' | 'I' | 'J' | '|' | '!' | '.' | ',' | ':' | ';' | '\'' | '’' | '‘' => 0.4,
        'f' | 't' => 0.49,
        'r' | '(' | ')' | '[' | ']' | '-' | '²' => 0.52,
        'm' => 1.05,
        'w' => 0.93,
        'M' | 'W' => 1.12,
        '%' => 1.01,
        '—' | '→' | '…' => 1.0,
        '+' | '=' | '<' | '>' => 0.84,
        'A'..='Z' | '«' | '»' => 0.82,
        '0'..='9' | 'a'..='z' | '–' => 0.72,
        _ => 0.82,
    }
}

/// The width of `text` at font `size`, in logical units. In the browser the canvas measures
/// it (`measureText`, bold, allowed by the strict CSP; the browser crate installs that
/// measure with `set_measure`), so a label wraps by the font the reader's engine really uses;
/// for the SVG, the PNG and the tests, DejaVu Sans Bold's widths, which no `sans-serif` face
/// exceeds.
pub fn text_width(text: &str, size: f64) -> f64 {
    if !measure::FIXED_WIDTHS.with(std::cell::Cell::get) {
        if let Some(width) = measure::MEASURE.with(std::cell::Cell::get).and_then(|m| m(text, size)) {
            return width;
        }
    }
    text.chars().map(glyph_width).sum::<f64>() * size
}

/// A text measure: the width of a text at a font size, `None` where it cannot measure.
pub type Measure = fn(&str, f64) -> Option<f64>;

/// Installs the engine's own text measure (the browser's canvas); this crate has no browser.
pub fn set_measure(measure: Measure) {
    measure::MEASURE.with(|m| m.set(Some(measure)));
}

/// Runs `f` with text measured by DejaVu Sans Bold's widths even where an engine's measure is
/// installed: the PNG download is laid out as the SVG download is, the same in every engine.
pub fn with_fixed_widths<T>(f: impl FnOnce() -> T) -> T {
    let previous = measure::FIXED_WIDTHS.with(|fixed| fixed.replace(true));
    let out = f();
    measure::FIXED_WIDTHS.with(|fixed| fixed.set(previous));
    out
}

mod measure {
    thread_local! {
        /// The engine's measure, if one was installed.
        pub static MEASURE: std::cell::Cell<Option<super::Measure>> = const { std::cell::Cell::new(None) };
        /// Set while the PNG download is drawn (`with_fixed_widths`).
        pub static FIXED_WIDTHS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
}

/// Greedy wrap to `width` logical units at font `size`: Latin text breaks between words,
/// Chinese between characters (never before closing punctuation).
/// A digit or a Chinese numeral: characters a line never breaks between.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二两三四五六七八九十百千万".contains(c)
}

pub fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    // Pieces that cannot be split, each with whether a space comes before it.
    let mut pieces: Vec<(bool, String)> = Vec::new();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let last_char = pieces.last().and_then(|(_, p)| p.chars().last());
        let starts_piece = match last_char {
            None => true,
            Some(_) if closes(c) => false,
            Some(last) if opens(last) => false,
            // A number stays whole: "2025年", and “十四五”, a name made of numerals.
            Some(last) if !space && is_numeral(last) && is_numeral(c) => false,
            // A number keeps the measure word that follows it: "2022年", "14所" (not "2022／年").
            Some(last) if !space && last.is_ascii_digit() && is_wide(c) && !opens(c) => false,
            Some(last) => space || is_wide(c) || is_wide(last),
        };
        match pieces.last_mut() {
            Some((_, piece)) if !starts_piece => piece.push(c),
            _ => pieces.push((space, c.to_string())),
        }
        space = false;
    }
    let max = width.max(4.0 * AVERAGE_GLYPH_WIDTH * size);
    let em = |s: &str| text_width(s, size);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for (space, piece) in pieces {
        let gap = if space && !current.is_empty() { " " } else { "" };
        let candidate = format!("{current}{gap}{piece}");
        if em(&candidate) > max && !current.is_empty() {
            lines.push(std::mem::replace(&mut current, piece));
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// A round upper bound for an axis: the smallest multiple of `step` at or above `value`.
pub fn nice_ceiling(value: f64, step: f64) -> f64 {
    (value / step).ceil() * step
}

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

    /// The doc comment's promise: DejaVu Sans Bold's widths, rounded up, so that laid-out text
    /// never runs wider than DejaVu's own glyphs (the widest `sans-serif` face). Read from the
    /// font itself.
    #[test]
    fn glyph_widths_are_dejavu_sans_bold_s_rounded_up() {
        use ab_glyph::{Font as _, FontRef};
        let font = FontRef::try_from_slice(dejavu::sans::bold()).expect("DejaVu Sans Bold");
        let em = font.units_per_em().expect("units per em");
        for c in "wWMmAZ+=<>«»—→%0123456789aeiorstfl()-²–…, .:".chars() {
            let actual = f64::from(font.h_advance_unscaled(font.glyph_id(c)) / em);
            let ours = glyph_width(c);
            assert!(ours >= actual - 0.005, "{c:?}: {ours} em is narrower than DejaVu's {actual:.3}");
        }
    }

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

    #[test]
    fn a_text_s_box_is_its_width_and_one_and_a_fifth_ems_from_its_anchor() {
        let w = text_width("Yangpu", 10.0);
        let at = (100.0, 50.0);
        assert_eq!(text_box("Yangpu", at, 10.0, (HPos::Left, VPos::Top)), Rect::new(100.0, 49.0, 100.0 + w, 61.0));
        assert_eq!(
            text_box("Yangpu", at, 10.0, (HPos::Center, VPos::Center)),
            Rect::new(100.0 - w / 2.0, 44.0, 100.0 + w / 2.0, 56.0)
        );
        assert_eq!(text_box("Yangpu", at, 10.0, (HPos::Right, VPos::Bottom)), Rect::new(100.0 - w, 39.0, 100.0, 51.0));
    }

    #[test]
    fn a_line_takes_what_fits_exactly_and_latin_breaks_before_chinese() {
        let size = 10.0;
        let exactly = text_width("ab cd", size);
        assert_eq!(wrap("ab cd", exactly, size), ["ab cd"], "a text exactly as wide as the room fits");
        assert_eq!(wrap("ab cd", exactly - 0.01, size), ["ab", "cd"]);
        // Between a Latin word and a Chinese character a line may break.
        let latin = text_width("Yangpu", size);
        assert_eq!(wrap("Yangpu杨浦区", latin + 1.0, size), ["Yangpu", "杨浦区"]);
        // However narrow the room, a line holds up to four average glyphs (2.4 em) of words
        // before it breaks: "a b" fits in that, "a b c" does not.
        let least = 4.0 * AVERAGE_GLYPH_WIDTH * size;
        let lines = wrap("a b c d", 0.0, size);
        assert_eq!(lines, ["a b", "c d"]);
        assert!(text_width("a b", size) <= least && text_width("a b c", size) > least);
    }

    #[test]
    fn an_installed_measure_is_used_except_for_fixed_widths() {
        // DejaVu Sans Bold's widths by default (the SVG, the PNG and these tests).
        let fixed = text_width("Yangpu 2025", 20.0);
        assert!(fixed > 100.0 && fixed < 160.0, "{fixed}");
        // The browser installs its canvas's measure; the PNG is still laid out by DejaVu's.
        std::thread::spawn(move || {
            set_measure(|text, size| Some(text.chars().count() as f64 * size));
            assert_eq!(text_width("Yangpu 2025", 20.0), 220.0);
            assert_eq!(with_fixed_widths(|| text_width("Yangpu 2025", 20.0)), fixed);
            assert_eq!(text_width("Yangpu 2025", 20.0), 220.0, "the measure is back after the PNG");
            // A measure that cannot measure leaves DejaVu's widths.
            set_measure(|_, _| None);
            assert_eq!(text_width("Yangpu 2025", 20.0), fixed);
        })
        .join()
        .expect("the thread's own measure");
    }

    #[test]
    fn wraps_at_word_boundaries_within_the_width() {
        let lines = wrap("Renovation of sub-standard old neighbourhoods completed", 120.0, 14.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 15 || !l.contains(' ')), "{lines:?}");
        assert_eq!(lines.join(" "), "Renovation of sub-standard old neighbourhoods completed");
    }

    #[test]
    fn chinese_wraps_between_characters_and_keeps_punctuation_with_its_text() {
        let text = "五年间共拆除重建和改造旧住房42.1万平方米，惠及2万余户。";
        let lines = wrap(text, 100.0, 14.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), text, "nothing lost or added");
        assert!(lines.iter().all(|l| text_width(l, 14.0) <= 100.0 + 1e-9 || l.chars().count() == 1), "{lines:?}");
        assert!(lines.iter().all(|l| !l.starts_with('，') && !l.starts_with('。')), "{lines:?}");
        assert!(!lines.iter().any(|l| l.ends_with("42") || l.starts_with(".1")), "numbers stay whole: {lines:?}");
        // A year keeps its 年 wherever the line breaks.
        for width in [40.0, 60.0, 80.0, 100.0, 120.0] {
            let lines = wrap("三大目标分别于2022年、2024年和2025年实现。", width, 14.0);
            assert!(!lines.iter().any(|l| l.starts_with('年')), "at {width}: {lines:?}");
        }
    }

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

    #[test]
    fn axis_ceilings_are_round() {
        assert_eq!(nice_ceiling(52.3, 10.0), 60.0);
        assert_eq!(nice_ceiling(150.2, 50.0), 200.0);
        assert_eq!(nice_ceiling(60.0, 10.0), 60.0);
    }
}
