//! One `Style` for every chart: palette, text sizes and line widths, scaled to the surface.

use super::measure::Measure;
use crate::i18n::Lang;
use plotters::style::RGBColor;

/// The two layouts a chart has: compact for phones, wide from `WIDE_FROM` CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    Compact,
    Wide,
}

/// Containers at least this wide (CSS px) get the wide layout (mirrored by a CSS container query).
pub const WIDE_FROM: f64 = 480.0;
/// Where large mode's charts switch to the wide layout.
pub const WIDE_FROM_LARGE: f64 = 760.0;

impl Layout {
    pub fn for_width(css_width: f64) -> Layout {
        if css_width >= WIDE_FROM {
            Layout::Wide
        } else {
            Layout::Compact
        }
    }

    /// The layout for a frame `css_width` wide in a reading mode: large mode keeps the
    /// compact layout up to `WIDE_FROM_LARGE`, so its text is never drawn smaller than the
    /// large sizes (the wide layout scales down most just above `WIDE_FROM`).
    pub fn for_reading(css_width: f64, large: bool) -> Layout {
        if large && css_width < WIDE_FROM_LARGE {
            Layout::Compact
        } else {
            Layout::for_width(css_width)
        }
    }

    /// The logical width the chart is laid out in; surfaces scale it to their size.
    pub fn logical_width(self) -> f64 {
        match self {
            Layout::Compact => 300.0,
            Layout::Wide => 640.0,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Layout::Compact => "compact",
            Layout::Wide => "wide",
        }
    }
}

/// Colour-blind-safe palette (Okabe–Ito hues, darkened where text sits on them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub primary: RGBColor,
    pub secondary: RGBColor,
    pub accent: RGBColor,
    pub faint: RGBColor,
    pub focus: RGBColor,
}

pub const LIGHT: Palette = Palette {
    background: RGBColor(255, 255, 255),
    ink: RGBColor(27, 31, 36),
    muted: RGBColor(74, 82, 92),
    grid: RGBColor(217, 222, 227),
    primary: RGBColor(0, 94, 150),
    secondary: RGBColor(200, 121, 0),
    accent: RGBColor(170, 64, 0),
    faint: RGBColor(214, 232, 245),
    focus: RGBColor(27, 31, 36),
};

/// The same hues, lightened for a dark background (text contrast ≥ 7:1 on it).
pub const DARK: Palette = Palette {
    background: RGBColor(20, 24, 29),
    ink: RGBColor(236, 240, 244),
    muted: RGBColor(190, 199, 209),
    grid: RGBColor(64, 73, 84),
    primary: RGBColor(86, 180, 233),
    secondary: RGBColor(230, 159, 0),
    accent: RGBColor(245, 140, 90),
    faint: RGBColor(28, 52, 72),
    focus: RGBColor(255, 255, 255),
};

/// The page's font stack (style/main.css, checked by a test), for text the browser draws on a
/// chart's canvas: the same face as the page around it, and a CJK face named outright, so
/// the engine does not search the system for one glyph at a time (on Linux, naming
/// WenQuanYi halved the page's layout and the charts' text drawing, measured at 4× CPU).
/// The SVG and the downloads keep `sans-serif`, laid out by DejaVu Sans Bold's widths.
pub const PAGE_FONTS: &str = "system-ui, -apple-system, \"Segoe UI\", \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", Roboto, \"Helvetica Neue\", Arial, sans-serif";

/// How a chart is drawn on one surface.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub palette: Palette,
    pub layout: Layout,
    /// Surface pixels per logical unit (CSS width × devicePixelRatio / logical width).
    pub scale: f64,
    /// plotters' SVG backend writes font-size as size / 1.24; this makes SVG text the same
    /// size as canvas text (1.24 for SVG, 1.0 for canvas).
    pub font_fix: f64,
    pub font_family: &'static str,
    /// Entrance progress, 0.0 to 1.0 (1.0 draws the finished chart).
    pub progress: f64,
    /// The elderly-friendly reading mode: larger text and thicker marks, not a zoom.
    pub large: bool,
    /// The language of every word the chart draws.
    pub lang: Lang,
    /// How its text is measured for layout: DejaVu Sans Bold's widths (`Style::new`), or the
    /// browser canvas's own measure where the page draws a chart on screen.
    pub measure: Measure,
}

impl Style {
    pub fn new(layout: Layout, scale: f64) -> Style {
        Style {
            palette: LIGHT,
            layout,
            scale,
            font_fix: 1.0,
            font_family: "sans-serif",
            progress: 1.0,
            large: false,
            lang: Lang::default(),
            measure: Measure::DEJAVU,
        }
    }

    /// The same style with its words in `lang`.
    pub fn in_lang(self, lang: Lang) -> Style {
        Style { lang, ..self }
    }

    /// The same style for plotters' SVG backend.
    pub fn for_svg(self) -> Style {
        Style { font_fix: 1.24, ..self }
    }

    /// Logical text sizes; larger in the compact layout, where the drawing is scaled down most.
    pub fn text_size(&self, role: TextRole) -> f64 {
        let (compact, wide) = match role {
            TextRole::Axis => (15.5, 16.0),
            TextRole::Label => (16.0, 17.0),
            TextRole::Value => (18.0, 20.0),
            TextRole::Title => (20.0, 22.0),
        };
        // Large mode: sizes that stay at least 18 CSS px for labels and values and 16 for
        // ticks and notes on a 320 px phone, where a compact chart is drawn at ¾ of its
        // logical size (and the wide layout is used only from WIDE_FROM_LARGE).
        let large_compact = match role {
            TextRole::Axis => 21.5,
            TextRole::Label | TextRole::Value => 24.5,
            TextRole::Title => 25.0,
        };
        match (self.layout, self.large) {
            (Layout::Compact, false) => compact,
            (Layout::Wide, false) => wide,
            (Layout::Compact, true) => large_compact,
            (Layout::Wide, true) => wide * 1.25,
        }
    }

    /// One line of the chart's body text: a label's size × 1.2. A chart leaves at most this
    /// much empty room under its lowest text or mark (`ChartId::height`).
    pub fn line(&self) -> f64 {
        self.text_size(TextRole::Label) * 1.2
    }

    /// The room a fitted chart keeps under its lowest text or mark: half a line.
    pub fn room_below(&self) -> f64 {
        self.line() / 2.0
    }

    /// How much thicker lines and larger dots are drawn.
    pub fn weight(&self) -> f64 {
        if self.large {
            1.5
        } else {
            1.0
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    Axis,
    Label,
    Value,
    Title,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_follows_the_readme_s_widths() {
        // The README: compact under 480 px, wide from 480 px; large mode keeps the compact
        // layout up to 760 px.
        assert_eq!(Layout::for_width(479.9), Layout::Compact);
        assert_eq!(Layout::for_width(480.0), Layout::Wide);
        assert_eq!(Layout::for_reading(600.0, false), Layout::Wide);
        assert_eq!(Layout::for_reading(759.9, true), Layout::Compact);
        assert_eq!(Layout::for_reading(760.0, true), Layout::Wide);
        assert_eq!(Layout::for_reading(320.0, true), Layout::Compact);
        assert_eq!(Layout::for_reading(320.0, false), Layout::Compact);
    }
}
