//! The pictures to save and share (一图读懂): the whole report as one long picture, and a
//! picture of each chart and each section, in each language, 1080 px wide, as WeChat shows a
//! saved image full width. A picture travels where a link shows only a grey card (Moments, a
//! group chat), so each carries its source line and a QR code of its view's link (the link
//! the share dialog shows for that view), or, when the build has no public address, says in
//! words where the report is found. They are drawn by the chart code itself: each chart's
//! own `draw` (compact layout in the long picture and a section's, wide in a chart's own
//! picture, both in the large reading mode so that no text is under [`MIN_TEXT_PX`] at 1080
//! px), with the same fonts as the social previews (`charts::social`). The pre-render writes
//! them as PNG into `pictures/` ([`file_name`]); their SVG twins are what the audit and the
//! glyph test read.

use crate::charts::kit::{with_text_boxes, Pen, TextBox, LEFT_TOP};
use crate::charts::marks::Rect;
use crate::charts::social::{self, CJK_FONT};
use crate::charts::style::{Layout, Style};
use crate::charts::ChartId;
use crate::data::{Figure, REPORT};
use crate::format;
use crate::i18n::{ui, Lang, Text};
use crate::state::{ViewState, SECTIONS};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What a picture shows: the whole report, one chart or one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Report,
    Chart(ChartId),
    Section(&'static str),
}

impl View {
    /// Every picture the build writes (in each language): the report, each chart, each section.
    pub fn all() -> Vec<View> {
        let mut views = vec![View::Report];
        views.extend(ChartId::ALL.map(View::Chart));
        views.extend(SECTIONS.iter().filter(|s| REPORT.section(s).is_some()).map(|s| View::Section(s)));
        views
    }

    /// The picture of a shared view: a chart's or a section's own, else (the report, a
    /// milestone, the milestones) the long picture of the report.
    pub fn of(state: &ViewState) -> View {
        match (state.chart, state.section) {
            (Some(chart), _) => View::Chart(chart),
            (None, Some(section)) if REPORT.section(section).is_some() => View::Section(section),
            _ => View::Report,
        }
    }

    /// What the picture shows: the report's, the chart's or the section's title.
    pub fn title(self, lang: Lang) -> String {
        match self {
            View::Report => REPORT.title.get(lang).into(),
            View::Chart(chart) => chart.title(lang),
            View::Section(id) => REPORT.section(id).map_or(id, |s| s.title.get(lang)).into(),
        }
    }

    /// The view the picture's QR code opens: the one its share button shares.
    pub fn state(self) -> ViewState {
        match self {
            View::Report => ViewState::default(),
            View::Chart(chart) => ViewState { chart: Some(chart), ..ViewState::default() },
            View::Section(section) => ViewState { section: Some(section), ..ViewState::default() },
        }
    }
}

/// The picture's file, from the site's root: `pictures/report-zh.png`,
/// `pictures/chart-education-en.png`, `pictures/section-housing-zh.png`. Built from the
/// registry's slugs and the sections' ids only.
pub fn file_name(view: View, lang: Lang) -> String {
    let lang = lang.code();
    match view {
        View::Report => format!("{DIR}/report-{lang}.png"),
        View::Chart(chart) => format!("{DIR}/chart-{}-{lang}.png", chart.slug()),
        View::Section(section) => format!("{DIR}/section-{section}-{lang}.png"),
    }
}

/// The folder the pictures are written to, beside the pages.
pub const DIR: &str = "pictures";

/// The pictures' width in pixels: WeChat shows a saved picture full width.
pub const WIDTH: u32 = 1080;
/// No text is drawn smaller than this at [`WIDTH`] (legible on a phone without zooming).
pub const MIN_TEXT_PX: f64 = 28.0;
/// The long picture stays under this height.
pub const MAX_HEIGHT: u32 = 5000;

/// The link a view's QR code holds: the share dialog's link to it, on the page in `lang` at
/// its public address `page` (`https://…/` or `https://…/en.html`).
pub fn link(view: View, page: &str) -> String {
    super::link(page, &view.state())
}

const MARGIN: f64 = 60.0;
const GAP: f64 = 40.0;
const LINE: f64 = 1.3;
const BRAND: RGBColor = RGBColor(11, 61, 99);
const ON_BRAND: RGBColor = RGBColor(220, 232, 245);

/// Text sizes in pixels.
const EYEBROW_PX: f64 = 30.0;
const TITLE_PX: f64 = 48.0;
const HEADING_PX: f64 = 38.0;
const VALUE_PX: f64 = 46.0;
const SMALL_PX: f64 = 28.0;
/// Body text: labels, milestones, what the QR code opens. English, longer, at the least size.
fn body_px(lang: Lang) -> f64 {
    match lang {
        Lang::Zh => 30.0,
        Lang::En => MIN_TEXT_PX,
    }
}
/// A chart's title over it: no smaller than the chart's own values (24.5 units in the large
/// compact layout, about 37 px in a column) in Chinese; English, longer, a little smaller,
/// so the long picture keeps under its height.
fn chart_title_px(lang: Lang) -> f64 {
    match lang {
        Lang::Zh => 38.0,
        Lang::En => 32.0,
    }
}
/// A QR module's side in pixels (a phone reads it from the screen or a print).
const QR_MODULE: f64 = 6.0;
/// The quiet zone around the code, in modules.
const QR_QUIET: f64 = 4.0;

const SCAN_REPORT: Text = Text { en: "Scan to read the whole report", zh: "扫码阅读报告全文" };
const SCAN_CHART: Text = Text { en: "Scan to open this chart in the report", zh: "扫码查看本图表" };
const SCAN_SECTION: Text = Text { en: "Scan to open this section of the report", zh: "扫码查看本部分" };
const SCAN_HINT: Text = Text {
    en: "Every figure with the sentence it comes from, the charts and their data.",
    zh: "网页版载有每项数据的出处、全部图表及其数据。",
};
/// Where the report is found when the build has no public address: its title, in words (in
/// English on a line of its own: plotters draws DejaVu's opening quote apart from the word).
const FIND_REPORT: Text = Text {
    en: "The whole report, with every figure’s source sentence, is on the web under its title:\n{title}",
    zh: "完整报告见网页版《{title}》，每项数据均附出处。",
};
const EYEBROW: Text = Text {
    en: "Shanghai · 14th Five-Year Plan · {period}",
    zh: "上海市杨浦区·“十四五”建设发展成就·{period}",
};

/// The palette and fonts of the pictures in `lang`, one unit a pixel.
fn style(lang: Lang) -> Style {
    social::style(lang)
}

/// A chart's style inside a picture: the picture's font, the large reading mode, `layout` at
/// `scale` pixels a unit.
fn chart_style(lang: Lang, layout: Layout, scale: f64) -> Style {
    Style { layout, scale, large: true, ..style(lang) }
}

/// The scale of a chart in a column `width` pixels wide.
fn chart_scale(layout: Layout, width: f64) -> f64 {
    width / layout.logical_width()
}

/// Draws the picture of `view` in `lang` on `root` ([`WIDTH`] × [`height`]); `page` is the
/// public address of the page in `lang`, if the build has one, for the QR code. Returns the
/// height the drawing takes.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: View,
    lang: Lang,
    page: Option<&str>,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let style = &style(lang);
    root.fill(&style.palette.background)?;
    let pen = Pen::new(root, style);
    let mut y = band(&pen, view)?;
    match view {
        View::Report => {
            y = heading(&pen, ui::KEY_FIGURES.get(lang), y)?;
            y = figures(&pen, REPORT.figures.iter().collect(), y)?;
            pen.rect(Rect::new(MARGIN, y, MARGIN + 64.0, y + 6.0), BRAND)?;
            y += 28.0;
            y = charts(root, &pen, &ChartId::ALL, y)?;
            y = heading(&pen, ui::MILESTONES.get(lang), y)?;
            y = milestones(&pen, y)?;
        }
        View::Section(id) => {
            y = figures(&pen, REPORT.figures.iter().filter(|f| f.section == id).collect(), y)?;
            let charts_of: Vec<ChartId> = ChartId::ALL.into_iter().filter(|c| c.section() == id).collect();
            // One chart takes the whole width, under its title; more share two columns.
            if let [chart] = charts_of[..] {
                y = lines_at(
                    &pen,
                    &chart.title(lang),
                    (MARGIN, f64::from(WIDTH) - MARGIN),
                    y,
                    chart_title_px(lang),
                    style.palette.ink,
                    true,
                )?;
                y = wide_chart(root, &pen, chart, y)?;
            } else {
                y = charts(root, &pen, &charts_of, y)?;
            }
        }
        View::Chart(chart) => y = wide_chart(root, &pen, chart, y)?,
    }
    y = source(&pen, view, y)?;
    finder(&pen, view, page, y)
}

/// The height of the picture of `view` in `lang` (with or without a QR code).
pub fn height(view: View, lang: Lang, page: Option<&str>) -> u32 {
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, (WIDTH, MAX_HEIGHT * 2)).into_drawing_area();
    draw(&root, view, lang, page).unwrap_or_default().ceil() as u32
}

/// The picture's size in pixels.
pub fn size(view: View, lang: Lang, page: Option<&str>) -> (u32, u32) {
    (WIDTH, height(view, lang, page))
}

/// The picture as SVG: the same drawing as its PNG, for reading its texts.
pub fn svg(view: View, lang: Lang, page: Option<&str>) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size(view, lang, page)).into_drawing_area();
        let _ = draw(&root, view, lang, page);
        let _ = root.present();
    }
    svg
}

/// Every text the picture draws, with its box in pixels (a chart's relative to the chart) and
/// its size in logical units.
pub fn texts(view: View, lang: Lang, page: Option<&str>) -> Vec<TextBox> {
    with_text_boxes(|| svg(view, lang, page)).1
}

/// Every character the pictures and the social previews draw with [`CJK_FONT`], in
/// code-point order: what the font subset in `fonts/` must hold (`scripts/subset-font.sh`
/// writes it from this).
pub fn cjk_characters() -> String {
    let mut chars: Vec<char> = social::cjk_characters().chars().collect();
    for lang in [Lang::Zh, Lang::En].into_iter().filter(|l| social::font_family(*l) == CJK_FONT) {
        for view in View::all() {
            for page in [None, Some("https://example.gov.cn/")] {
                chars.extend(texts(view, lang, page).iter().flat_map(|t| t.text.chars().collect::<Vec<_>>()));
            }
        }
    }
    chars.sort_unstable();
    chars.dedup();
    chars.into_iter().collect()
}

/// Lines of `text` wrapped to the content's width, from `y`; returns the y under them.
fn paragraph<DB: DrawingBackend>(
    pen: &Pen<DB>,
    text: &str,
    y: f64,
    size: f64,
    color: RGBColor,
    bold: bool,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    lines_at(pen, text, (MARGIN, f64::from(WIDTH) - MARGIN), y, size, color, bold)
}

/// Lines of `text` wrapped to the column from `x.0` to `x.1`, from `y`; returns the y under them.
fn lines_at<DB: DrawingBackend>(
    pen: &Pen<DB>,
    text: &str,
    x: (f64, f64),
    mut y: f64,
    size: f64,
    color: RGBColor,
    bold: bool,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    for line in pen.style.measure.wrap(text, x.1 - x.0, size) {
        pen.text(&line, (x.0, y), size, color, LEFT_TOP, bold)?;
        y += size * LINE;
    }
    Ok(y)
}

/// The band at the top: the report's name and period, and what the picture shows.
fn band<DB: DrawingBackend>(pen: &Pen<DB>, view: View) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = pen.style.lang;
    let x = (MARGIN, f64::from(WIDTH) - MARGIN);
    let (title, lead): (String, Option<String>) = match view {
        View::Report => (REPORT.title.get(lang).into(), None),
        View::Chart(chart) => (chart.title(lang), Some(chart.takeaway(lang))),
        View::Section(id) => {
            let section = REPORT.section(id);
            let lead = section.map(|s| match lang {
                Lang::Zh => s.lead_zh.to_string(),
                Lang::En => s.lead_quote.to_string(),
            });
            (section.map_or(id, |s| s.title.get(lang)).into(), lead)
        }
    };
    // Measured first, drawn on the band.
    let title_lines = pen.style.measure.wrap(&title, x.1 - x.0, TITLE_PX);
    let lead_lines = lead.as_deref().map(|l| pen.style.measure.wrap(l, x.1 - x.0, body_px(lang))).unwrap_or_default();
    let eyebrow = EYEBROW.fill(lang, &[("period", REPORT.period.get(lang))]);
    let eyebrow_lines = pen.style.measure.wrap(&eyebrow, x.1 - x.0, EYEBROW_PX);
    let top = 40.0;
    let title_top = top + EYEBROW_PX * LINE * eyebrow_lines.len() as f64 + 16.0;
    let lead_top = title_top + TITLE_PX * 1.25 * title_lines.len() as f64 + 12.0;
    let bottom = lead_top + body_px(lang) * LINE * lead_lines.len() as f64 + 28.0;
    pen.rect(Rect::new(0.0, 0.0, f64::from(WIDTH), bottom), BRAND)?;
    for (i, line) in eyebrow_lines.iter().enumerate() {
        pen.text(line, (x.0, top + EYEBROW_PX * LINE * i as f64), EYEBROW_PX, ON_BRAND, LEFT_TOP, false)?;
    }
    for (i, line) in title_lines.iter().enumerate() {
        pen.text(line, (x.0, title_top + TITLE_PX * 1.25 * i as f64), TITLE_PX, WHITE, LEFT_TOP, true)?;
    }
    for (i, line) in lead_lines.iter().enumerate() {
        pen.text(line, (x.0, lead_top + body_px(lang) * LINE * i as f64), body_px(lang), ON_BRAND, LEFT_TOP, false)?;
    }
    Ok(bottom + 32.0)
}

/// A heading with a rule above it.
fn heading<DB: DrawingBackend>(pen: &Pen<DB>, text: &str, y: f64) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    pen.rect(Rect::new(MARGIN, y, MARGIN + 64.0, y + 6.0), BRAND)?;
    let y = paragraph(pen, text, y + 20.0, HEADING_PX, pen.style.palette.ink, true)?;
    Ok(y + 8.0)
}

/// Figures two a row, each its label, then its value with its unit (label before number).
fn figures<DB: DrawingBackend>(
    pen: &Pen<DB>,
    figures: Vec<&Figure>,
    mut y: f64,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = pen.style.lang;
    let p = pen.style.palette;
    let cell = (f64::from(WIDTH) - 2.0 * MARGIN - GAP) / 2.0;
    for row in figures.chunks(2) {
        let labels: Vec<Vec<String>> =
            row.iter().map(|f| pen.style.measure.wrap(f.label.get(lang), cell, body_px(lang))).collect();
        let above = labels.iter().map(Vec::len).max().unwrap_or(0);
        let mut bottom = y;
        for (i, (f, label)) in row.iter().zip(&labels).enumerate() {
            let x = MARGIN + (cell + GAP) * i as f64;
            pen.rect(Rect::new(x, y, x + cell, y + 2.0), p.grid)?;
            let mut line_y = y + 16.0;
            for line in label {
                pen.text(line, (x, line_y), body_px(lang), p.ink, LEFT_TOP, false)?;
                line_y += body_px(lang) * LINE;
            }
            // The values of a row line up.
            line_y = y + 16.0 + body_px(lang) * LINE * above as f64;
            let value = pen.style.measure.wrap(&format::with_unit(f, lang), cell, VALUE_PX);
            for line in value {
                pen.text(&line, (x, line_y), VALUE_PX, BRAND, LEFT_TOP, true)?;
                line_y += VALUE_PX * 1.2;
            }
            bottom = bottom.max(line_y);
        }
        y = bottom + 16.0;
    }
    Ok(y + 8.0)
}

/// Charts in two columns, in the compact layout, each under its title: each chart goes
/// into the column that ends higher, so a tall chart beside two short ones leaves no hole.
fn charts<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    pen: &Pen<DB>,
    charts: &[ChartId],
    y: f64,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = pen.style.lang;
    let cell = (f64::from(WIDTH) - 2.0 * MARGIN - GAP) / 2.0;
    let chart_style = chart_style(lang, Layout::Compact, chart_scale(Layout::Compact, cell));
    let mut bottoms = [y, y];
    for chart in charts {
        let column = if bottoms[1] < bottoms[0] { 1 } else { 0 };
        let x = MARGIN + (cell + GAP) * column as f64;
        let top = lines_at(
            pen,
            &chart.title(lang),
            (x, x + cell),
            bottoms[column],
            chart_title_px(lang),
            pen.style.palette.ink,
            true,
        )?;
        let height = (chart.height(Layout::Compact, lang, true) * chart_style.scale).round();
        let area = root.clone().shrink((x as i32, top as i32), (cell as u32, height as u32));
        chart.draw(&area, &chart_style)?;
        bottoms[column] = top + height + 28.0;
    }
    Ok(bottoms[0].max(bottoms[1]))
}

/// A chart across the whole width, in the wide layout, with its units under it.
fn wide_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    pen: &Pen<DB>,
    chart: ChartId,
    y: f64,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = pen.style.lang;
    let width = f64::from(WIDTH) - 2.0 * MARGIN;
    let chart_style = chart_style(lang, Layout::Wide, chart_scale(Layout::Wide, width));
    let height = (chart.height(Layout::Wide, lang, true) * chart_style.scale).round();
    let area = root.clone().shrink((MARGIN as i32, y as i32), (width as u32, height as u32));
    chart.draw(&area, &chart_style)?;
    let units = ui::UNITS.fill(lang, &[("units", &chart.units(lang))]);
    Ok(paragraph(pen, &units, y + height + 8.0, SMALL_PX, pen.style.palette.muted, false)? + 8.0)
}

/// The milestones, each its date, then what happened.
fn milestones<DB: DrawingBackend>(pen: &Pen<DB>, mut y: f64) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = pen.style.lang;
    let p = pen.style.palette;
    let shown = REPORT.milestones;
    // The dates' column is as wide as the widest date.
    let widest = shown
        .iter()
        .map(|m| pen.style.measure.width(&format::milestone_date(m, lang), body_px(lang)))
        .fold(0.0, f64::max);
    let x = MARGIN + widest + 24.0;
    for m in shown {
        pen.text(&format::milestone_date(m, lang), (MARGIN, y), body_px(lang), BRAND, LEFT_TOP, true)?;
        y = lines_at(pen, m.title.get(lang), (x, f64::from(WIDTH) - MARGIN), y, body_px(lang), p.ink, false)? + 12.0;
    }
    Ok(y + 12.0)
}

/// The source line; the long picture adds that the text is cut off.
fn source<DB: DrawingBackend>(pen: &Pen<DB>, view: View, y: f64) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = pen.style.lang;
    let p = pen.style.palette;
    pen.rect(Rect::new(MARGIN, y, f64::from(WIDTH) - MARGIN, y + 2.0), p.grid)?;
    let source = ui::FOOTER_SOURCE.fill(lang, &[("series", REPORT.series_title())]);
    let mut y = paragraph(pen, &source, y + 24.0, SMALL_PX, p.muted, false)?;
    if view == View::Report {
        y = paragraph(pen, ui::FOOTER_CUT.get(lang), y + 8.0, SMALL_PX, p.muted, false)?;
    }
    Ok(y + 32.0)
}

/// Where to find the report: the QR code of the view's link with what it opens, or, without a
/// public address, the report's title in words.
fn finder<DB: DrawingBackend>(
    pen: &Pen<DB>,
    view: View,
    page: Option<&str>,
    y: f64,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = pen.style.lang;
    let p = pen.style.palette;
    let modules = page.and_then(|page| super::qr::modules(&link(view, page)));
    let Some(modules) = modules else {
        let words = FIND_REPORT.fill(lang, &[("title", REPORT.title.get(lang))]);
        let mut y = y;
        // The title, last, in bold.
        let parts: Vec<&str> = words.split('\n').collect();
        for (i, part) in parts.iter().enumerate() {
            y = paragraph(pen, part, y, body_px(lang), p.ink, i + 1 == parts.len())?;
        }
        return Ok(y + 48.0);
    };
    let n = modules.len() as f64;
    let side = (n + 2.0 * QR_QUIET) * QR_MODULE;
    pen.rect(Rect::new(MARGIN, y, MARGIN + side, y + side), WHITE)?;
    pen.outline(Rect::new(MARGIN, y, MARGIN + side, y + side), p.grid, 2.0)?;
    for (row, line) in modules.iter().enumerate() {
        for (col, dark) in line.iter().enumerate() {
            if *dark {
                let (x0, y0) = (MARGIN + (col as f64 + QR_QUIET) * QR_MODULE, y + (row as f64 + QR_QUIET) * QR_MODULE);
                pen.rect(Rect::new(x0, y0, x0 + QR_MODULE, y0 + QR_MODULE), BLACK)?;
            }
        }
    }
    let scan = match view {
        View::Report => SCAN_REPORT,
        View::Chart(_) => SCAN_CHART,
        View::Section(_) => SCAN_SECTION,
    };
    let x = (MARGIN + side + GAP, f64::from(WIDTH) - MARGIN);
    let text_y = lines_at(pen, scan.get(lang), x, y + 24.0, body_px(lang), p.ink, true)?;
    lines_at(pen, SCAN_HINT.get(lang), x, text_y + 8.0, SMALL_PX, p.muted, false)?;
    Ok(y + side + 48.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://example.gov.cn/yangpu/";
    /// A longer address, as a district's site may give: a larger QR code.
    const LONG_PAGE: &str = "https://www.shyp.gov.cn/shypq/yangpu-14th-five-year-plan-achievements/report/en.html";

    #[test]
    fn file_names_come_from_slugs_and_section_ids() {
        let names: Vec<String> = View::all().into_iter().map(|v| file_name(v, Lang::Zh)).collect();
        assert_eq!(names[0], "pictures/report-zh.png");
        assert!(names.contains(&"pictures/chart-education-zh.png".to_string()));
        assert!(names.contains(&"pictures/section-housing-zh.png".to_string()));
        assert_eq!(names.len(), 1 + ChartId::ALL.len() + 3);
        assert_eq!(file_name(View::Section("innovation"), Lang::En), "pictures/section-innovation-en.png");
    }

    #[test]
    fn a_shared_view_has_its_picture() {
        let chart = ViewState { chart: Some(ChartId::Education), ..ViewState::default() };
        assert_eq!(View::of(&chart), View::Chart(ChartId::Education));
        let section = ViewState { section: Some("services"), ..ViewState::default() };
        assert_eq!(View::of(&section), View::Section("services"));
        let milestone = ViewState { milestone: Some(crate::data::MilestoneId::M2022), ..ViewState::default() };
        assert_eq!(View::of(&milestone), View::Report, "a milestone shares the long picture");
        let milestones = ViewState { section: Some("milestones"), ..ViewState::default() };
        assert_eq!(View::of(&milestones), View::Report);
        for view in View::all() {
            assert_eq!(View::of(&view.state()), view);
        }
        assert_eq!(link(View::Chart(ChartId::Education), PAGE), format!("{PAGE}?chart=education#chart-education"));
    }

    #[test]
    fn every_text_is_at_least_28_px_and_the_pictures_fit() {
        for lang in [Lang::Zh, Lang::En] {
            for view in View::all() {
                for page in [None, Some(PAGE), Some(LONG_PAGE)] {
                    let texts = texts(view, lang, page);
                    assert!(texts.len() > 8, "{view:?} {lang:?} draws its texts");
                    for t in &texts {
                        // A text box is 1.2 em tall, in pixels.
                        let px = (t.rect.y1 - t.rect.y0) / 1.2;
                        assert!(px >= MIN_TEXT_PX - 0.01, "{view:?} {lang:?}: {:?} is {px:.1} px", t.text);
                    }
                    let (w, h) = size(view, lang, page);
                    assert_eq!(w, WIDTH);
                    assert!(h <= MAX_HEIGHT, "{view:?} {lang:?}: {h} px tall");
                }
            }
        }
    }

    #[test]
    fn the_long_picture_has_every_key_figure_label_first_and_every_milestone() {
        for lang in [Lang::Zh, Lang::En] {
            let texts: Vec<String> = texts(View::Report, lang, None).into_iter().map(|t| t.text).collect();
            for f in REPORT.figures {
                // The value as drawn, its first line ("20,000+" of "20,000+ households").
                let shown = style(lang).measure.wrap(&format::with_unit(f, lang), 460.0, VALUE_PX).remove(0);
                let value = texts.iter().position(|t| *t == shown);
                let value = value.unwrap_or_else(|| panic!("{lang:?}: {shown} drawn"));
                let first_word = style(lang).measure.wrap(f.label.get(lang), 460.0, body_px(lang)).remove(0);
                let label = texts.iter().position(|t| *t == first_word);
                assert!(label.is_some_and(|l| l < value), "{lang:?}: {first_word} before its value");
            }
            for m in REPORT.milestones {
                assert!(texts.contains(&format::milestone_date(m, lang)), "{lang:?}: {}", m.id);
            }
            let joined = texts.concat().replace(' ', "");
            assert!(joined.contains(&ui::FOOTER_CUT.get(lang).replace(' ', "")), "{lang:?}: the cut is said");
            assert!(!joined.contains("http"), "no address is drawn without one");
        }
    }
}
