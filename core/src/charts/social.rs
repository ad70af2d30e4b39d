//! The social preview images, in each language: a wide one (Open Graph, 1200 × 630) and a
//! square one (600 × 600, for QQ and WeChat), drawn with the same kit as the charts. Both show
//! the report's title and four key figures; the wide one adds the three renewal goals with
//! their dates as the housing chart shows them, and the innovation figures, on its sides.
//! WeChat and QQ crop a wide image to its central square, so the title and the key figures
//! stay inside it ([`SAFE_SQUARE`]). (The charts themselves do not fit legibly at this size.)
//!
//! English is drawn with DejaVu Sans (`sans-serif`), Chinese with a subset of Noto Sans CJK SC
//! ([`CJK_FONT`]): `fonts/`, made by `scripts/subset-font.sh` from [`cjk_characters`] and the
//! pictures to share's (`share::picture::cjk_characters`, which adds these), read from the
//! drawings, so changed words regenerate it. Every figure is report.toml's, written by
//! `format`.

use super::kit::{with_text_boxes, Pen, TextBox, LEFT_TOP};
use super::marks::Rect;
use super::measure::Measure;
use super::style::{Layout, Style};
use super::{figure_text, ChartId};
use crate::data::{AchievementId, FigureId, ItemId, REPORT};
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

/// The family the English images are drawn in: DejaVu Sans, as the pre-render registers it.
pub const LATIN_FONT: &str = "sans-serif";

/// plotters' ab_glyph text scales a font size to the face's line height (ascender − descender),
/// not to its em: drawn this much larger, a text's em is the size the kit lays it out at (so
/// the style's measure, DejaVu Sans Bold's widths in ems, holds). Noto Sans CJK: 1160 + 288
/// units of 1000.
pub const CJK_FONT_FIX: f64 = 1.448;
/// The same for DejaVu Sans: 1901 + 483 units of 2048.
pub const LATIN_FONT_FIX: f64 = 2384.0 / 2048.0;

/// The family a language's images are drawn in.
pub fn font_family(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => CJK_FONT,
        Lang::En => LATIN_FONT,
    }
}

/// The style a language's images are drawn with: one logical unit a pixel, its own font,
/// drawn at the sizes laid out.
pub fn style(lang: Lang) -> Style {
    let style = Style::new(Layout::Wide, 1.0).in_lang(lang);
    match lang {
        Lang::Zh => Style { font_family: CJK_FONT, font_fix: CJK_FONT_FIX, ..style },
        Lang::En => Style { font_family: LATIN_FONT, font_fix: LATIN_FONT_FIX, ..style },
    }
}

/// A key figure: its label and an optional note, templates whose blanks the data fills
/// (`{label}`, report.toml's label; `{unit}`; `{places}`; `{period}`, the figure's). Chinese
/// reads label, then the value with its unit ("旧住房拆除重建和改造面积", "42.1万平方米");
/// English the value, then the label with the unit ("421,000", "m² of old housing …").
struct KeyFigure {
    id: FigureId,
    label: Text,
    note: Option<Text>,
}

/// The four figures both shapes show, in reading order (two rows of two).
const KEY_FIGURES: [KeyFigure; 4] = [
    KeyFigure {
        id: FigureId::HousingAreaRenovated,
        label: Text { en: "{unit} of old housing demolished and renovated", zh: "{label}" },
        note: None,
    },
    KeyFigure {
        id: FigureId::HousingHouseholds,
        label: Text { en: "{unit} whose housing dreams were fulfilled", zh: "惠及家庭" },
        note: None,
    },
    KeyFigure {
        id: FigureId::ServicesNewSchools,
        label: Text { en: "new schools", zh: "{label}" },
        note: Some(Text { en: "adding {places} school places", zh: "新增学位{places}" }),
    },
    KeyFigure {
        id: FigureId::ServicesLivelihoodSpendingGrowth,
        label: Text { en: "fiscal expenditure on people’s livelihoods", zh: "{label}" },
        note: Some(Text { en: "{period}", zh: "{period}" }),
    },
];

/// The innovation figures on the wide image's right, with report.toml's labels.
const SIDE_FIGURES: [KeyFigure; 2] = [
    KeyFigure { id: FigureId::InnovationNationalAwards, label: Text { en: "{label}", zh: "{label}" }, note: None },
    KeyFigure { id: FigureId::InnovationMunicipalAwardShare, label: Text { en: "{label}", zh: "{label}" }, note: None },
];

const EYEBROW: Text = Text {
    en: "Shanghai · 14th Five-Year Plan · {period}",
    zh: "上海市杨浦区“十四五”时期（{period}）",
};
const SOURCE: Text = Text {
    en: "Source: press conference of the Shanghai Municipal Government Information Office (English text)",
    zh: "数据来源：上海市人民政府新闻办公室新闻发布会（英文文本）",
};

const BRAND: RGBColor = RGBColor(11, 61, 99);
const ON_BRAND: RGBColor = RGBColor(220, 232, 245);

/// Text sizes (logical units, pixels here: the em drawn).
const EYEBROW_SIZE: f64 = 16.0;
const SOURCE_SIZE: f64 = 14.0;
const LINE: f64 = 1.3;

/// The sizes of a figure's texts.
#[derive(Clone, Copy)]
struct Sizes {
    label: f64,
    value: f64,
    note: f64,
}

fn key_sizes(lang: Lang) -> Sizes {
    match lang {
        Lang::Zh => Sizes { label: 20.0, value: 38.0, note: 16.0 },
        Lang::En => Sizes { label: 17.0, value: 40.0, note: 15.0 },
    }
}

fn side_sizes(lang: Lang) -> Sizes {
    match lang {
        Lang::Zh => Sizes { label: 16.0, value: 30.0, note: 16.0 },
        Lang::En => Sizes { label: 15.0, value: 28.0, note: 15.0 },
    }
}

/// Draws the preview of `shape` in `lang` on `root`, which is `shape.size()`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    shape: Shape,
    lang: Lang,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = &style(lang);
    let (p, measure) = (style.palette, style.measure);
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
        Lang::En => 28.0,
    };
    let title = measure.wrap(REPORT.title.get(lang), x1 - x0, title_size);
    let title_top = 28.0 + EYEBROW_SIZE * LINE + 12.0;
    let band = title_top + title_size * 1.25 * title.len() as f64 + 12.0;
    pen.rect(Rect::new(0.0, 0.0, w, band), BRAND)?;
    let eyebrow = EYEBROW.fill(lang, &[("period", REPORT.period.get(lang))]);
    pen.text(&eyebrow, (x0, 28.0), EYEBROW_SIZE, ON_BRAND, LEFT_TOP, true)?;
    for (i, line) in title.iter().enumerate() {
        pen.text(line, (x0, title_top + title_size * 1.25 * i as f64), title_size, WHITE, LEFT_TOP, true)?;
    }

    // The source, at the foot.
    let source = measure.wrap(SOURCE.get(lang), x1 - x0, SOURCE_SIZE);
    let source_top = h - 20.0 - SOURCE_SIZE * LINE * source.len() as f64;
    for (i, line) in source.iter().enumerate() {
        pen.text(line, (x0, source_top + SOURCE_SIZE * LINE * i as f64), SOURCE_SIZE, p.muted, LEFT_TOP, false)?;
    }

    // The key figures, two rows of two, spread over the room between band and source.
    let gap = 24.0;
    let cell = (x1 - x0 - gap) / 2.0;
    let sizes = key_sizes(lang);
    let cells: Vec<Cell> = KEY_FIGURES.iter().map(|k| Cell::new(k, lang, cell, sizes, measure)).collect();
    let rows: Vec<&[Cell]> = cells.chunks(2).collect();
    let heights: Vec<f64> = rows.iter().map(|row| Cell::row_height(row)).collect();
    let space = (source_top - band - heights.iter().sum::<f64>()) / (rows.len() as f64 + 1.0);
    let mut y = band + space;
    for (row, height) in rows.iter().zip(&heights) {
        let above = row.iter().map(|c| c.above.len()).max().unwrap_or(0);
        for (i, c) in row.iter().enumerate() {
            c.draw(&pen, (x0 + (cell + gap) * i as f64, y), above)?;
        }
        y += height + space;
    }

    if shape == Shape::Wide {
        // The sides, which WeChat and QQ crop away: the renewal goals and innovation.
        let sides = [(20.0, column.0 - 20.0), (column.1 + 20.0, w - 20.0)];
        let (top, bottom) = (band + 20.0, source_top - 14.0);
        for (x0, x1) in sides {
            pen.rect(Rect::new(x0, top, x1, bottom), p.faint)?;
        }
        goals(&pen, (sides[0].0 + 16.0, sides[0].1 - 16.0), top + 16.0)?;
        innovation(&pen, (sides[1].0 + 16.0, sides[1].1 - 16.0), top + 16.0)?;
    }
    Ok(())
}

/// One figure as laid out in a cell `width` wide: lines above the value (Chinese: the label),
/// the value, lines below it (English: the label) and a note.
struct Cell {
    above: Vec<String>,
    value: String,
    below: Vec<String>,
    note: Vec<String>,
    sizes: Sizes,
}

impl Cell {
    fn new(k: &KeyFigure, lang: Lang, width: f64, sizes: Sizes, measure: Measure) -> Cell {
        let f = REPORT.figure(k.id);
        // "adding 7,070 school places", "新增学位7070个": in English the note says the unit.
        let places = figure_text(
            FigureId::ServicesSchoolPlaces,
            lang,
            if lang == Lang::En { format::value } else { format::with_unit },
        );
        let blanks = [
            ("label", f.label.get(lang)),
            ("unit", format::unit(f, lang)),
            ("places", &places),
            ("period", f.period.get(lang)),
        ];
        let label = measure.wrap(&k.label.fill(lang, &blanks), width, sizes.label);
        let note = k.note.map(|n| measure.wrap(&n.fill(lang, &blanks), width, sizes.note)).unwrap_or_default();
        match lang {
            Lang::Zh => Cell { above: label, value: format::with_unit(f, lang), below: Vec::new(), note, sizes },
            Lang::En => Cell { above: Vec::new(), value: format::value(f, lang), below: label, note, sizes },
        }
    }

    /// The height of a row of cells, whose values line up.
    fn row_height(row: &[Cell]) -> f64 {
        let above = row.iter().map(|c| c.above.len()).max().unwrap_or(0);
        row.iter().map(|c| c.height(above)).fold(0.0, f64::max)
    }

    /// From the rule above the cell to its first text: plotters draws a text's ink up to 0.16 em
    /// above a top anchor (its baseline sits half the face's line height below it).
    fn rule_gap(&self, above: usize) -> f64 {
        16.0 + 0.16 * if above > 0 { self.sizes.label } else { self.sizes.value }
    }

    fn height(&self, above: usize) -> f64 {
        let s = self.sizes;
        self.rule_gap(above)
            + s.label * LINE * (above + self.below.len()) as f64
            + s.value * 1.2
            + s.note * LINE * self.note.len() as f64
    }

    /// Draws the cell at `at`, its value below `above` lines (the row's most), so the values
    /// of a row line up.
    fn draw<DB: DrawingBackend>(
        &self,
        pen: &Pen<DB>,
        at: (f64, f64),
        above: usize,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let p = pen.style.palette;
        let s = self.sizes;
        let (x, y) = at;
        pen.rect(Rect::new(x, y, x + 48.0, y + 4.0), BRAND)?;
        let mut line_y = y + self.rule_gap(above) + s.label * LINE * (above - self.above.len()) as f64;
        for line in &self.above {
            pen.text(line, (x, line_y), s.label, p.ink, LEFT_TOP, false)?;
            line_y += s.label * LINE;
        }
        pen.text(&self.value, (x, line_y), s.value, BRAND, LEFT_TOP, true)?;
        line_y += s.value * 1.2;
        for line in &self.below {
            pen.text(line, (x, line_y), s.label, p.ink, LEFT_TOP, false)?;
            line_y += s.label * LINE;
        }
        for line in &self.note {
            pen.text(line, (x, line_y), s.note, p.muted, LEFT_TOP, false)?;
            line_y += s.note * LINE;
        }
        Ok(())
    }
}

/// The renewal goals, with their dates as the housing chart shows them («this year» included),
/// under report.toml's words for them, in the column from `x.0` to `x.1`.
fn goals<DB: DrawingBackend>(
    pen: &Pen<DB>,
    x: (f64, f64),
    top: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (p, measure) = (pen.style.palette, pen.style.measure);
    let lang = pen.style.lang;
    let (width, size) = (x.1 - x.0, side_sizes(lang).label);
    let mut y = top;
    let heading = REPORT.achievement(AchievementId::HousingThreeGoals).label.get(lang);
    for line in measure.wrap(heading, width, size + 1.0) {
        pen.text(&line, (x.0, y), size + 1.0, p.ink, LEFT_TOP, true)?;
        y += (size + 1.0) * LINE;
    }
    let goals = ChartId::HousingRenewal.rows(lang).into_iter().filter(|r| matches!(r.item_id, ItemId::Milestone(_)));
    for row in goals {
        y += 10.0;
        for line in measure.wrap(&row.value_text, width, size) {
            pen.text(&line, (x.0, y), size, BRAND, LEFT_TOP, true)?;
            y += size * LINE;
        }
        for line in measure.wrap(&row.label, width, size) {
            pen.text(&line, (x.0, y), size, p.ink, LEFT_TOP, false)?;
            y += size * LINE;
        }
    }
    Ok(())
}

/// The innovation figures under the section's title, in the column from `x.0` to `x.1`.
fn innovation<DB: DrawingBackend>(
    pen: &Pen<DB>,
    x: (f64, f64),
    top: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = pen.style.lang;
    let size = side_sizes(lang).label + 1.0;
    let heading = REPORT.sections.iter().find(|s| s.id == "innovation").map_or("", |s| s.title.get(lang));
    pen.text(heading, (x.0, top), size, pen.style.palette.ink, LEFT_TOP, true)?;
    let mut y = top + size * LINE;
    for cell in SIDE_FIGURES.iter().map(|k| Cell::new(k, lang, x.1 - x.0, side_sizes(lang), pen.style.measure)) {
        y += 4.0;
        cell.draw(pen, (x.0, y), cell.above.len())?;
        y += cell.height(cell.above.len());
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
        // The pictures to share, with and without their QR code.
        for view in crate::share::picture::View::all() {
            for lang in [Lang::Zh, Lang::En] {
                for page in [None, Some("https://example.gov.cn/yangpu/")] {
                    let texts = crate::share::picture::texts(view, lang, page);
                    for (name, face) in faces(lang) {
                        let missing = missing(&texts, &face);
                        assert!(
                            missing.is_empty(),
                            "{} draws {missing:?}, which {name} has no glyph for: run scripts/subset-font.sh",
                            crate::share::picture::file_name(view, lang)
                        );
                    }
                }
            }
        }
        // The check can fail: a character the subset does not hold is found.
        let stray =
            [TextBox { text: "杨浦区鬱".into(), rect: Rect::new(0.0, 0.0, 1.0, 1.0), size: 1.0, role: None }];
        assert_eq!(missing(&stray, &cjk_faces()[0].1), ['鬱']);
    }

    #[test]
    fn the_subset_holds_what_the_chinese_images_draw_and_is_small() {
        // The previews' characters and the pictures' (what scripts/subset-font.sh subsets to).
        let drawn = crate::share::picture::cjk_characters();
        assert!(cjk_characters().chars().all(|c| drawn.contains(c)));
        assert!(drawn.contains('杨') && drawn.contains('万') && drawn.contains('%'), "{drawn}");
        for (name, face) in cjk_faces() {
            assert!(face.glyph_count() < drawn.chars().count() + 40, "{name}: only the characters drawn");
        }
        // The Simplified Chinese face (face 2 of Debian's collections; face 0 is Japanese): its
        // name table says so, in UTF-16BE.
        let sc: Vec<u8> = "Noto Sans CJK SC".encode_utf16().flat_map(u16::to_be_bytes).collect();
        for file in ["Regular", "Bold"] {
            let path = format!("{}/../fonts/NotoSansCJKsc-{file}.subset.otf", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(&path).expect("the subset");
            assert!(bytes.windows(sc.len()).any(|w| w == sc), "{path}: Noto Sans CJK SC");
            assert!(bytes.len() < 150_000, "{path}: {} bytes", bytes.len());
        }
    }

    #[test]
    fn the_font_fixes_are_the_faces_line_heights() {
        let dejavu =
            [dejavu::sans::regular(), dejavu::sans::bold()].map(|b| FontRef::try_from_slice(b).expect("DejaVu"));
        let faces = cjk_faces().map(|(_, f)| (CJK_FONT_FIX, f)).into_iter().chain(dejavu.map(|f| (LATIN_FONT_FIX, f)));
        for (fix, face) in faces {
            let height = f64::from(face.height_unscaled() / face.units_per_em().expect("units per em"));
            assert!((height - fix).abs() < 1e-3, "{height} for {fix}");
        }
    }

    /// plotters 0.3.7 draws a glyph's ink from the pen's position, dropping its left side
    /// bearing (`FontDataInternal::draw` places the outline's pixel bounds, not its origin), so
    /// an opening quote or bracket, drawn on the right of its full-width box, would stand
    /// apart from what it opens. The subset script gives each glyph an empty contour at its
    /// origin (x = 0), so its bounds, and plotters' ink, start where the glyph does.
    #[test]
    fn the_subset_s_glyphs_start_at_their_origin() {
        for (name, face) in cjk_faces() {
            for c in crate::share::picture::cjk_characters().chars() {
                let Some(outline) = face.outline(face.glyph_id(c)) else { continue };
                assert!(
                    outline.bounds.min.x <= 0.0,
                    "{name} {c:?} starts at {}: run scripts/subset-font.sh",
                    outline.bounds.min.x
                );
            }
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
            // The key figures' values (with their units in Chinese), each inside.
            let mut key: Vec<&TextBox> = title;
            for k in &KEY_FIGURES {
                let f = REPORT.figure(k.id);
                let shown = if lang == Lang::Zh { format::with_unit(f, lang) } else { format::value(f, lang) };
                let value = texts.iter().find(|t| t.text == shown);
                key.push(value.unwrap_or_else(|| panic!("{lang:?}: {shown} drawn")));
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
