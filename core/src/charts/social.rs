//! The social preview images, in each language: a wide one (Open Graph, 1200 × 630) and a
//! square one (600 × 600, for QQ and WeChat), drawn with the same kit as the charts. Both show
//! the report's title and four key figures; the wide one adds the three renewal goals with
//! their dates as the housing chart shows them, and the innovation figures, on its sides.
//! WeChat and QQ crop a wide image to its central square, so the title and the key figures
//! stay inside it ([`SAFE_SQUARE`]). (The charts themselves do not fit legibly at this size.)
//!
//! English is drawn with DejaVu Sans (`sans-serif`), Chinese with a subset of Noto Sans CJK SC
//! ([`CJK_FONT`]): `fonts/`, made by `scripts/subset-font.sh` from [`cjk_characters`], which
//! reads the drawings, so changed words regenerate it. Every figure is report.toml's, written by
//! `format`.

use super::kit::{wrap, with_text_boxes, Pen, TextBox, LEFT_TOP};
use super::marks::Rect;
use super::style::{Layout, Style};
use super::{figure_text, ChartId};
use crate::data::REPORT;
use crate::format;
use crate::i18n::{Lang, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The two shapes of the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// 1200 × 630: Open Graph and Twitter cards (`og:image`).
    Wide,
    /// 600 × 600: QQ and WeChat, which show a square.
    Square,
}

impl Shape {
    /// The image's size in pixels.
    pub const fn size(self) -> (u32, u32) {
        match self {
            Shape::Wide => (1200, 630),
            Shape::Square => (600, 600),
        }
    }
}

/// Every shape, in the order the build writes them.
pub const ALL_SHAPES: [Shape; 2] = [Shape::Wide, Shape::Square];

/// The image's file name beside the pages: `social-zh.png`, `social-square-en.png`, ….
pub fn file_name(shape: Shape, lang: Lang) -> String {
    match shape {
        Shape::Wide => format!("social-{}.png", lang.code()),
        Shape::Square => format!("social-square-{}.png", lang.code()),
    }
}

/// The central square of the wide image (x from 285 to 915), which WeChat and QQ crop it to:
/// the title and the key figures are drawn inside it.
pub const SAFE_SQUARE: (f64, f64) = (285.0, 915.0);

/// The family the Chinese images are drawn in: the pre-render registers the subset of Noto Sans
/// CJK SC in `fonts/` under this name (plotters draws each text with one face, no fallback).
pub const CJK_FONT: &str = "Noto Sans CJK SC";

/// Noto Sans CJK's line height (ascender − descender, 1160 + 288 units of 1000), which plotters'
/// ab_glyph fonts scale a size to: drawn this much larger, an ideograph is one em of the size
/// the kit lays it out at (`kit::text_width` counts it a full em).
pub const CJK_FONT_FIX: f64 = 1.448;

/// The family a language's images are drawn in.
pub fn font_family(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => CJK_FONT,
        Lang::En => "sans-serif",
    }
}

/// The style a language's images are drawn with: one logical unit a pixel, its own font.
pub fn style(lang: Lang) -> Style {
    let style = Style::new(Layout::Wide, 1.0).in_lang(lang);
    match lang {
        Lang::Zh => Style { font_family: CJK_FONT, font_fix: CJK_FONT_FIX, ..style },
        Lang::En => style,
    }
}

/// A key figure: the figure, its short label (report.toml's where it fits), and a note under
/// its value, whose `{places}` and `{period}` blanks the data fills.
struct KeyFigure {
    id: &'static str,
    label: Option<Text>,
    note: Option<Text>,
}

/// The four figures both shapes show, in reading order (two rows of two).
const KEY_FIGURES: [KeyFigure; 4] = [
    KeyFigure { id: "housing.area_renovated", label: None, note: None },
    KeyFigure {
        id: "housing.households",
        label: Some(Text { en: "Households whose housing dreams were fulfilled", zh: "惠及家庭" }),
        note: None,
    },
    KeyFigure {
        id: "services.new_schools",
        label: None,
        note: Some(Text { en: "{places} school places added", zh: "新增学位{places}" }),
    },
    KeyFigure {
        id: "services.livelihood_spending_growth",
        label: Some(Text { en: "Fiscal expenditure on people’s livelihoods", zh: "全区民生领域财政支出" }),
        note: Some(Text { en: "{period}", zh: "{period}" }),
    },
];

/// The innovation figures on the wide image's right (report.toml's labels).
const SIDE_FIGURES: [&str; 2] = ["innovation.national_awards", "innovation.municipal_award_share"];

const EYEBROW: Text = Text { en: "Shanghai · 14th Five-Year Plan · {period}", zh: "上海市杨浦区·“十四五”时期（{period}）" };
const SOURCE: Text = Text {
    en: "Source: press conference of the Shanghai Municipal Government Information Office (English text)",
    zh: "数据来源：上海市人民政府新闻办公室新闻发布会（英文文本）",
};

const BRAND: RGBColor = RGBColor(11, 61, 99);
const ON_BRAND: RGBColor = RGBColor(220, 232, 245);

/// Text sizes (logical units: pixels here).
const EYEBROW_SIZE: f64 = 17.0;
const LABEL_SIZE: f64 = 19.0;
const VALUE_SIZE: f64 = 46.0;
const UNIT_SIZE: f64 = 24.0;
const NOTE_SIZE: f64 = 17.0;
const SIDE_SIZE: f64 = 17.0;
const SOURCE_SIZE: f64 = 15.0;
const LINE: f64 = 1.3;

/// Draws the preview of `shape` in `lang` on `root`, which is `shape.size()`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    shape: Shape,
    lang: Lang,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = &style(lang);
    let p = style.palette;
    root.fill(&p.background)?;
    let pen = Pen::new(root, style);
    let (w, h) = (f64::from(shape.size().0), f64::from(shape.size().1));
    // The column with the title and the key figures: the whole square image, the centre of
    // the wide one (inside its safe square).
    let column = match shape {
        Shape::Square => (0.0, w),
        Shape::Wide => (w / 2.0 - 300.0, w / 2.0 + 300.0),
    };
    let margin = 28.0;
    let (x0, x1) = (column.0 + margin, column.1 - margin);

    // The band: eyebrow and title.
    let title_size = match lang {
        Lang::Zh => 34.0,
        Lang::En => 30.0,
    };
    let title = wrap(REPORT.title.get(lang), x1 - x0, title_size);
    let title_top = 26.0 + EYEBROW_SIZE * LINE + 10.0;
    let band = title_top + title_size * 1.22 * title.len() as f64 + 16.0;
    pen.rect(Rect::new(0.0, 0.0, w, band), BRAND)?;
    let eyebrow = EYEBROW.fill(lang, &[("period", REPORT.period.get(lang))]);
    pen.text(&eyebrow, (x0, 26.0), EYEBROW_SIZE, ON_BRAND, LEFT_TOP, true)?;
    for (i, line) in title.iter().enumerate() {
        pen.text(line, (x0, title_top + title_size * 1.22 * i as f64), title_size, WHITE, LEFT_TOP, true)?;
    }

    // The source, at the foot.
    let source = wrap(SOURCE.get(lang), x1 - x0, SOURCE_SIZE);
    let source_top = h - 18.0 - SOURCE_SIZE * LINE * source.len() as f64;
    for (i, line) in source.iter().enumerate() {
        pen.text(line, (x0, source_top + SOURCE_SIZE * LINE * i as f64), SOURCE_SIZE, p.muted, LEFT_TOP, false)?;
    }

    // The key figures, two rows of two, spread over the room between band and source.
    let gap = 24.0;
    let cell = (x1 - x0 - gap) / 2.0;
    let cells: Vec<Cell> = KEY_FIGURES.iter().filter_map(|k| Cell::new(k, lang, cell)).collect();
    let heights: Vec<f64> = cells.chunks(2).map(|row| row.iter().map(Cell::height).fold(0.0, f64::max)).collect();
    let room = source_top - band - heights.iter().sum::<f64>();
    let space = room / (heights.len() as f64 + 1.0);
    let mut y = band + space;
    for (row, height) in cells.chunks(2).zip(&heights) {
        let label_lines = row.iter().map(|c| c.label.len()).max().unwrap_or(0);
        for (i, c) in row.iter().enumerate() {
            c.draw(&pen, (x0 + (cell + gap) * i as f64, y), label_lines)?;
        }
        y += height + space;
    }

    if shape == Shape::Wide {
        let side = [(24.0, column.0 - 12.0), (column.1 + 12.0, w - 24.0)];
        let (top, bottom) = (band + 24.0, source_top - 14.0);
        for (x0, x1) in side {
            pen.rect(Rect::new(x0, top, x1, bottom), p.faint)?;
        }
        goals(&pen, (side[0].0 + 16.0, side[0].1 - 16.0), top + 16.0)?;
        side_figures(&pen, (side[1].0 + 16.0, side[1].1 - 16.0), top + 16.0)?;
    }
    Ok(())
}

/// One key figure as laid out in a cell `width` wide: label lines, value, unit, note lines.
struct Cell {
    label: Vec<String>,
    value: String,
    unit: &'static str,
    note: Vec<String>,
}

impl Cell {
    fn new(k: &KeyFigure, lang: Lang, width: f64) -> Option<Cell> {
        let f = REPORT.figure(k.id)?;
        let label = k.label.map_or(f.label.get(lang), |l| l.get(lang));
        // "7,070 school places added", "新增学位7070个": the unit is the note's own word in English.
        let places = figure_text("services.school_places", lang, if lang == Lang::En { format::value } else { format::with_unit });
        let note = k.note.map(|n| n.fill(lang, &[("places", &places), ("period", f.period.get(lang))]));
        Some(Cell {
            label: wrap(label, width, LABEL_SIZE),
            value: format::value(f, lang),
            unit: format::unit(f, lang),
            note: note.map(|n| wrap(&n, width, NOTE_SIZE)).unwrap_or_default(),
        })
    }

    fn height(&self) -> f64 {
        8.0 + LABEL_SIZE * LINE * self.label.len() as f64 + VALUE_SIZE * 1.2 + NOTE_SIZE * LINE * self.note.len() as f64
    }

    /// Draws the cell at `at`, its value below `label_lines` lines (the row's most), so the
    /// values of a row line up.
    fn draw<DB: DrawingBackend>(&self, pen: &Pen<DB>, at: (f64, f64), label_lines: usize) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let p = pen.style.palette;
        let (x, y) = at;
        pen.rect(Rect::new(x, y, x + 56.0, y + 4.0), BRAND)?;
        let label_top = y + 14.0 + LABEL_SIZE * LINE * (label_lines - self.label.len()) as f64;
        for (i, line) in self.label.iter().enumerate() {
            pen.text(line, (x, label_top + LABEL_SIZE * LINE * i as f64), LABEL_SIZE, p.ink, LEFT_TOP, false)?;
        }
        let value_top = y + 14.0 + LABEL_SIZE * LINE * label_lines as f64 + 2.0;
        pen.text(&self.value, (x, value_top), VALUE_SIZE, BRAND, LEFT_TOP, true)?;
        if !self.unit.is_empty() {
            let unit_x = x + super::kit::text_width(&self.value, VALUE_SIZE) + 6.0;
            let unit_top = value_top + VALUE_SIZE - UNIT_SIZE * 1.1;
            pen.text(self.unit, (unit_x, unit_top), UNIT_SIZE, BRAND, LEFT_TOP, true)?;
        }
        let note_top = value_top + VALUE_SIZE * 1.2;
        for (i, line) in self.note.iter().enumerate() {
            pen.text(line, (x, note_top + NOTE_SIZE * LINE * i as f64), NOTE_SIZE, p.muted, LEFT_TOP, false)?;
        }
        Ok(())
    }
}

/// The renewal goals, with their dates as the housing chart shows them («this year» included),
/// under report.toml's words for them, in the column from `x.0` to `x.1`.
fn goals<DB: DrawingBackend>(pen: &Pen<DB>, x: (f64, f64), top: f64) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let p = pen.style.palette;
    let lang = pen.style.lang;
    let width = x.1 - x.0;
    let mut y = top;
    let heading = REPORT.achievements.iter().find(|a| a.id == "housing.three_goals").map_or("", |a| a.label.get(lang));
    for line in wrap(heading, width, LABEL_SIZE) {
        pen.text(&line, (x.0, y), LABEL_SIZE, p.ink, LEFT_TOP, true)?;
        y += LABEL_SIZE * LINE;
    }
    let goals =
        ChartId::HousingRenewal.rows(lang).into_iter().filter(|r| REPORT.milestones.iter().any(|m| m.id == r.item_id));
    for row in goals {
        y += 12.0;
        for line in wrap(&row.value_text, width, SIDE_SIZE) {
            pen.text(&line, (x.0, y), SIDE_SIZE, BRAND, LEFT_TOP, true)?;
            y += SIDE_SIZE * LINE;
        }
        for line in wrap(&row.label, width, SIDE_SIZE) {
            pen.text(&line, (x.0, y), SIDE_SIZE, p.ink, LEFT_TOP, false)?;
            y += SIDE_SIZE * LINE;
        }
    }
    Ok(())
}

/// The innovation figures, each with report.toml's label, under the section's title.
fn side_figures<DB: DrawingBackend>(
    pen: &Pen<DB>,
    x: (f64, f64),
    top: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let p = pen.style.palette;
    let lang = pen.style.lang;
    let width = x.1 - x.0;
    let mut y = top;
    let heading = REPORT.sections.iter().find(|s| s.id == "innovation").map_or("", |s| s.title.get(lang));
    pen.text(heading, (x.0, y), LABEL_SIZE, p.ink, LEFT_TOP, true)?;
    y += LABEL_SIZE * LINE;
    for f in SIDE_FIGURES.iter().filter_map(|id| REPORT.figure(id)) {
        y += 12.0;
        for line in wrap(f.label.get(lang), width, SIDE_SIZE) {
            pen.text(&line, (x.0, y), SIDE_SIZE, p.ink, LEFT_TOP, false)?;
            y += SIDE_SIZE * LINE;
        }
        pen.text(&format::with_unit(f, lang), (x.0, y + 2.0), 34.0, BRAND, LEFT_TOP, true)?;
        y += 34.0 * 1.2 + 2.0;
    }
    Ok(())
}

/// Every text the image of `shape` in `lang` draws, with its box in pixels: the image drawn
/// on an SVG, for the tests and the font subset.
pub fn texts(shape: Shape, lang: Lang) -> Vec<TextBox> {
    let (_, boxes) = with_text_boxes(|| {
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, shape.size()).into_drawing_area();
        let _ = draw(&root, shape, lang);
    });
    boxes
}

/// Every character the images draw with [`CJK_FONT`], in code-point order: what the font
/// subset in `fonts/` must hold (`scripts/subset-font.sh` writes it from this).
pub fn cjk_characters() -> String {
    let mut chars: Vec<char> = ALL_SHAPES
        .iter()
        .flat_map(|shape| [Lang::Zh, Lang::En].map(|lang| (*shape, lang)))
        .filter(|(_, lang)| font_family(*lang) == CJK_FONT)
        .flat_map(|(shape, lang)| texts(shape, lang))
        .flat_map(|t| t.text.chars().collect::<Vec<_>>())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ab_glyph::{Font as _, FontRef};

    /// The committed subset of Noto Sans CJK SC, both weights.
    fn cjk_faces() -> [(&'static str, FontRef<'static>); 2] {
        let face = |bytes: &'static [u8]| FontRef::try_from_slice(bytes).expect("the subset is an OpenType font");
        [
            ("Regular", face(include_bytes!("../../../fonts/NotoSansCJKsc-Regular.subset.otf"))),
            ("Bold", face(include_bytes!("../../../fonts/NotoSansCJKsc-Bold.subset.otf"))),
        ]
    }

    /// The faces a language's images are drawn with, as the pre-render registers them.
    fn faces(lang: Lang) -> Vec<(&'static str, FontRef<'static>)> {
        match font_family(lang) {
            CJK_FONT => cjk_faces().into(),
            _ => vec![
                ("DejaVu Sans", FontRef::try_from_slice(dejavu::sans::regular()).expect("DejaVu Sans")),
                ("DejaVu Sans Bold", FontRef::try_from_slice(dejavu::sans::bold()).expect("DejaVu Sans Bold")),
            ],
        }
    }

    /// The characters of `texts` that a face has no glyph for (plotters would draw its empty
    /// box, or nothing).
    fn missing(texts: &[TextBox], face: &FontRef) -> Vec<char> {
        let mut missing: Vec<char> =
            texts.iter().flat_map(|t| t.text.chars()).filter(|c| face.glyph_id(*c).0 == 0).collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    #[test]
    fn every_character_drawn_has_a_glyph_in_its_font() {
        for shape in ALL_SHAPES {
            for lang in [Lang::Zh, Lang::En] {
                let texts = texts(shape, lang);
                assert!(texts.len() > 10, "{shape:?} {lang:?} draws its texts");
                for (name, face) in faces(lang) {
                    let missing = missing(&texts, &face);
                    assert!(
                        missing.is_empty(),
                        "{} draws {missing:?}, which {name} has no glyph for: run scripts/subset-font.sh",
                        file_name(shape, lang)
                    );
                }
            }
        }
        // The check can fail: a character the subset does not hold is found.
        let stray = [TextBox { text: "杨浦区鬱".into(), rect: Rect::new(0.0, 0.0, 1.0, 1.0), size: 1.0, role: None }];
        assert_eq!(missing(&stray, &cjk_faces()[0].1), ['鬱']);
    }

    #[test]
    fn the_subset_holds_what_the_chinese_images_draw_and_is_small() {
        let drawn = cjk_characters();
        assert!(drawn.contains('杨') && drawn.contains('万') && drawn.contains('%'), "{drawn}");
        for (name, face) in cjk_faces() {
            // Simplified Chinese forms (face 2 of the collection, not the Japanese face 0).
            let name_table = include_bytes!("../../../fonts/NotoSansCJKsc-Regular.subset.otf");
            assert!(name_table.windows(4).any(|w| w == b"C\0J\0"), "a Noto Sans CJK face");
            assert!(face.glyph_count() < drawn.chars().count() + 40, "{name}: only the characters drawn");
        }
        for file in ["Regular", "Bold"] {
            let path = format!("{}/../fonts/NotoSansCJKsc-{file}.subset.otf", env!("CARGO_MANIFEST_DIR"));
            let size = std::fs::metadata(&path).expect("the subset").len();
            assert!(size < 150_000, "{path}: {size} bytes");
        }
    }

    #[test]
    fn the_cjk_font_fix_is_noto_sans_cjk_s_line_height() {
        for (name, face) in cjk_faces() {
            let em = face.units_per_em().expect("units per em");
            let height = face.height_unscaled() / em;
            assert!((f64::from(height) - CJK_FONT_FIX).abs() < 1e-3, "{name}: {height}");
        }
    }

    #[test]
    fn the_wide_image_keeps_its_title_and_key_figures_in_the_central_square() {
        for lang in [Lang::Zh, Lang::En] {
            let texts = texts(Shape::Wide, lang);
            let inside = |t: &TextBox| t.rect.x0 >= SAFE_SQUARE.0 && t.rect.x1 <= SAFE_SQUARE.1;
            // The title, whole: the lines drawn one after another that make it up.
            let title = REPORT.title.get(lang).replace(' ', "");
            let lines = (0..texts.len())
                .flat_map(|i| (i + 1..=texts.len()).map(move |j| i..j))
                .find(|r| texts[r.clone()].iter().map(|t| t.text.replace(' ', "")).collect::<String>() == title)
                .unwrap_or_else(|| panic!("{lang:?}: the title drawn whole"));
            let title: Vec<&TextBox> = texts[lines].iter().collect();
            // The key figures' values and units, each inside.
            let mut key: Vec<&TextBox> = title;
            for k in &KEY_FIGURES {
                let f = REPORT.figure(k.id).expect("a figure");
                let value = texts.iter().find(|t| t.text == format::value(f, lang));
                key.push(value.unwrap_or_else(|| panic!("{lang:?}: {} drawn", k.id)));
                key.extend(texts.iter().filter(|t| !format::unit(f, lang).is_empty() && t.text == format::unit(f, lang)));
            }
            for t in key {
                assert!(inside(t), "{lang:?}: {:?} at {:?} is outside x {:?}", t.text, t.rect, SAFE_SQUARE);
            }
            // The square image is that column, whole.
            let square = super::texts(Shape::Square, lang);
            assert!(square.iter().all(|t| t.rect.x0 >= 0.0 && t.rect.x1 <= 600.0));
        }
    }

    #[test]
    fn file_names_and_sizes_are_the_head_s() {
        let names: Vec<String> =
            ALL_SHAPES.iter().flat_map(|s| [Lang::Zh, Lang::En].map(|l| file_name(*s, l))).collect();
        assert_eq!(names, ["social-zh.png", "social-en.png", "social-square-zh.png", "social-square-en.png"]);
        assert_eq!(Shape::Wide.size(), (1200, 630));
        assert_eq!(Shape::Square.size(), (600, 600));
        assert!(SAFE_SQUARE.1 - SAFE_SQUARE.0 == 630.0 && SAFE_SQUARE.0 + SAFE_SQUARE.1 == 1200.0);
    }
}
