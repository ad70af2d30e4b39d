//! Native tests: every chart drawn to SVG, asserted on what it contains; hit-testing through
//! the same mapping that drew it; downloads that match the data.

use super::export::{chart_csv, download_svg, page_svg};
use super::marks::Marks;
use super::style::{Layout, Style};
use super::{surface_size, ChartId};
use crate::data::{FigureId, ItemId, REPORT};
use crate::i18n::Lang;
use crate::package::{figures_csv, report_json};
use plotters::prelude::*;

/// A chart drawn in English (most tests read its words).
fn draw_svg(chart: ChartId, layout: Layout, scale: f64) -> (String, Marks) {
    draw_styled(chart, Style::new(layout, scale).in_lang(Lang::En))
}

fn draw_styled(chart: ChartId, style: Style) -> (String, Marks) {
    draw_sized(chart, style, surface_size(chart, &style))
}

fn draw_sized(chart: ChartId, style: Style, size: (u32, u32)) -> (String, Marks) {
    let mut svg = String::new();
    let marks;
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        marks = chart.draw(&area, &style.for_svg()).expect("draws");
        area.present().expect("presents");
    }
    (svg, marks)
}

/// An element of an SVG, as an XML parser (quick-xml) reads it: its name, its attributes and
/// its text (entities decoded).
#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: std::collections::BTreeMap<String, String>,
    text: String,
}

/// Every element of `svg`, in document order.
fn elements(svg: &str) -> Vec<Element> {
    use quick_xml::events::{BytesStart, Event};
    let read = |tag: &BytesStart| Element {
        name: String::from_utf8_lossy(tag.name().as_ref()).into_owned(),
        attributes: tag
            .attributes()
            .map(|a| a.expect("an attribute"))
            .map(|a| {
                let value = a.unescape_value().expect("an attribute's value").into_owned();
                (String::from_utf8_lossy(a.key.as_ref()).into_owned(), value)
            })
            .collect(),
        text: String::new(),
    };
    let mut reader = quick_xml::Reader::from_str(svg);
    let (mut out, mut open): (Vec<Element>, Vec<usize>) = (Vec::new(), Vec::new());
    loop {
        match reader.read_event().expect("well-formed SVG") {
            Event::Start(tag) => {
                open.push(out.len());
                out.push(read(&tag));
            }
            Event::Empty(tag) => out.push(read(&tag)),
            Event::Text(text) => {
                if let Some(&i) = open.last() {
                    out[i].text += &text.unescape().expect("a text");
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The text content of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    elements(svg).into_iter().filter(|e| e.name == "text").map(|e| e.text.trim().to_string()).collect()
}

/// How many `<name>` elements `svg` has.
fn count(svg: &str, name: &str) -> usize {
    elements(svg).iter().filter(|e| e.name == name).count()
}

#[test]
fn every_chart_draws_its_values_and_one_mark_per_row_in_both_layouts_and_languages() {
    for (chart, lang) in ChartId::ALL.into_iter().flat_map(|c| [(c, Lang::En), (c, Lang::Zh)]) {
        for layout in [Layout::Compact, Layout::Wide] {
            let style = Style::new(layout, 1.0).in_lang(lang);
            let (svg, marks) = draw_styled(chart, style);
            let rows = chart.rows(lang);
            assert_eq!(marks.len(), rows.len(), "{chart:?} {layout:?}: one mark per row");
            let all_text = texts(&svg).join(" | ");
            for row in &rows {
                assert!(
                    all_text.contains(&row.value_text),
                    "{chart:?} {layout:?} {lang:?}: value {:?} not drawn in {all_text}",
                    row.value_text
                );
            }
            let (w, h) = surface_size(chart, &style);
            for mark in &marks.0 {
                let b = mark.bounds().expect("a mark has a box");
                assert!(
                    b.x0 >= 0.0 && b.y0 >= 0.0 && b.x1 <= f64::from(w) + 1.0 && b.y1 <= f64::from(h) + 1.0,
                    "{chart:?} {layout:?}: {} outside the surface: {b:?}",
                    mark.label
                );
            }
        }
    }
}

#[test]
fn charts_draw_their_labels_and_the_right_number_of_units() {
    let (svg, _) = draw_svg(ChartId::LivelihoodShare, Layout::Wide, 1.0);
    let t = texts(&svg);
    for label in ["Start of the period", "Latest", "43.5%", "52.3%", "0%", "60%"] {
        assert!(t.iter().any(|x| x == label), "{label} in {t:?}");
    }
    assert_eq!(count(&svg, "circle"), 2, "two points");

    let (svg, _) = draw_svg(ChartId::LivelihoodGrowth, Layout::Wide, 1.0);
    let t = texts(&svg);
    for label in ["100", "150.2", "+50.2%"] {
        assert!(t.iter().any(|x| x == label), "{label} in {t:?}");
    }

    // 14 schools + 71 squares of 100 places (70 full, one 0.7 full): 85 outlines.
    let (svg, _) = draw_svg(ChartId::Education, Layout::Wide, 1.0);
    let outlines = svg.matches("fill=\"none\"").count();
    assert_eq!(outlines, 14 + 71, "unit outlines");

    // 18 national awards, one dot each.
    let (svg, _) = draw_svg(ChartId::InnovationAwards, Layout::Compact, 1.0);
    assert_eq!(count(&svg, "circle"), 18);
    let joined = texts(&svg).join(" ");
    assert!(joined.contains("> 40% of municipal-level"), "the share keeps its 'over': {joined}");

    let (svg, _) = draw_svg(ChartId::HousingRenewal, Layout::Wide, 1.0);
    let t = texts(&svg);
    for year in ["2021", "2022", "2023", "2024", "2025"] {
        assert!(t.iter().any(|x| x == year), "axis year {year}");
    }
    assert!(t.iter().any(|x| x.starts_with("421,000 m²")));
    assert!(t.iter().any(|x| x.starts_with("20,000+ households")));
}

#[test]
fn charts_in_chinese_draw_chinese_words_and_numbers() {
    let (svg, _) = draw_styled(ChartId::HousingRenewal, Style::new(Layout::Wide, 1.0).in_lang(Lang::Zh));
    // Chinese labels wrap between characters: look at the text as one string.
    let t = texts(&svg).concat();
    for expected in ["42.1万平方米", "2万余户", "2022年", "小梁薄板房屋", "告别“拎马桶”", "五年合计"]
    {
        assert!(t.contains(expected), "{expected} in {t}");
    }
    assert!(!t.contains("households") && !t.contains("Goal"), "no English words: {t}");
    let (svg, _) = draw_styled(ChartId::InnovationAwards, Style::new(Layout::Compact, 1.0).in_lang(Lang::Zh));
    assert!(texts(&svg).iter().any(|x| x.contains("超过40%")), "the share keeps its 'over' in Chinese");
}

#[test]
fn svg_text_is_the_size_the_canvas_uses() {
    // plotters' SVG backend divides font sizes by 1.24; `for_svg` compensates, so a 20 px
    // value label is 20 px in both surfaces.
    let svg = page_svg(ChartId::LivelihoodShare, Layout::Wide, Lang::En);
    let sizes: Vec<f64> =
        svg.split("font-size=\"").skip(1).map(|s| s.split('"').next().unwrap().parse().unwrap()).collect();
    let has = |px: f64| sizes.iter().any(|s| (s - px).abs() < 0.01);
    assert!(has(20.0), "value labels at 20 px: {sizes:?}");
    assert!(has(16.0), "axis labels at 16 px: {sizes:?}");
    assert!(sizes.iter().all(|s| [16.0, 17.0, 20.0].iter().any(|px| (s - px).abs() < 0.01)), "{sizes:?}");
    assert!(svg.contains("viewBox=\"0 0 640 320\""), "scales with its container");
}

#[test]
fn hit_testing_finds_each_mark_at_its_centre_and_nothing_in_empty_space() {
    for chart in ChartId::ALL {
        for (layout, scale) in [(Layout::Compact, 1.0), (Layout::Wide, 2.0), (Layout::Wide, 3.0)] {
            let (_, marks) = draw_svg(chart, layout, scale);
            for (i, mark) in marks.0.iter().enumerate() {
                let b = mark.boxes[0];
                let hit = marks.hit_test((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
                assert_eq!(hit, Some(i), "{chart:?} {layout:?} ×{scale}: centre of {}", mark.label);
            }
            let (w, h) = surface_size(chart, &Style::new(layout, scale).in_lang(Lang::En));
            assert_eq!(marks.hit_test(1.0, f64::from(h) - 1.0), None, "{chart:?}: bottom-left corner is empty");
            assert_eq!(marks.hit_test(f64::from(w) + 5.0, 5.0), None, "{chart:?}: outside the surface");
        }
    }
}

#[test]
fn marks_scale_with_the_surface() {
    let (_, one) = draw_svg(ChartId::LivelihoodGrowth, Layout::Wide, 1.0);
    let (_, two) = draw_svg(ChartId::LivelihoodGrowth, Layout::Wide, 2.0);
    let (a, b) = (one.0[1].bounds().unwrap(), two.0[1].bounds().unwrap());
    assert!((b.x0 - 2.0 * a.x0).abs() <= 2.0 && (b.y1 - 2.0 * a.y1).abs() <= 2.0, "{a:?} vs {b:?}");
}

#[test]
fn the_download_svg_carries_title_takeaway_units_and_source() {
    for chart in ChartId::ALL {
        let svg = download_svg(chart, Lang::En);
        let all_text = texts(&svg).join(" ");
        for word in chart.title(Lang::En).split_whitespace().chain(chart.takeaway(Lang::En).split_whitespace()) {
            assert!(all_text.contains(word), "{chart:?}: {word:?} missing");
        }
        assert!(all_text.contains("Government Information Office"), "{chart:?}: source line");
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        // Chinese wraps between characters, so compare without the line breaks.
        let svg = download_svg(chart, Lang::Zh);
        let all_text: String = texts(&svg).concat();
        assert!(all_text.contains(&chart.title(Lang::Zh)), "{chart:?}: Chinese title");
        assert!(all_text.contains(&chart.takeaway(Lang::Zh)), "{chart:?}: Chinese takeaway");
        assert!(all_text.contains("新闻办公室"), "{chart:?}: Chinese source line");
    }
}

/// A CSV file's records, header first, read by the csv crate.
fn csv_records(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes());
    reader.records().map(|r| r.expect("a CSV record").iter().map(str::to_string).collect()).collect()
}

/// A CSV line as the source states it: item, value, as shown, and whether it is derived.
type CsvLine = (&'static str, f64, &'static str, &'static str);

/// Each chart's CSV carries the figures the source states (written out here from the text,
/// not from the chart's own rows).
#[test]
fn chart_csv_values_match_the_data() {
    let expected: [(ChartId, &[CsvLine]); 5] = [
        (
            ChartId::HousingRenewal,
            &[
                ("housing.area_renovated", 421_000.0, "421,000 m²", "no"),
                ("housing.households", 20_000.0, "20,000+ households", "no"),
                ("m2022", 2022.0, "2022", "no"),
                ("m2024", 2024.0, "2024", "no"),
                // The text says «this year»: the year is its basis, and the CSV says so.
                ("m2025", 2025.0, "2025 («this year»)", "yes"),
            ],
        ),
        (
            ChartId::LivelihoodShare,
            &[("services.livelihood_share", 43.5, "43.5%", "no"), ("services.livelihood_share", 52.3, "52.3%", "no")],
        ),
        (
            ChartId::LivelihoodGrowth,
            // An index from the stated increase of 50.2%: derived, and marked so.
            &[
                ("services.livelihood_spending_growth", 100.0, "100", "yes"),
                ("services.livelihood_spending_growth", 150.2, "150.2", "yes"),
            ],
        ),
        (
            ChartId::Education,
            &[
                ("services.new_schools", 14.0, "14 schools", "no"),
                ("services.school_places", 7070.0, "7,070 school places", "no"),
            ],
        ),
        (
            ChartId::InnovationAwards,
            &[
                ("innovation.national_awards", 18.0, "18", "no"),
                ("innovation.municipal_award_share", 40.0, "> 40%", "no"),
            ],
        ),
    ];
    assert_eq!(expected.len(), ChartId::ALL.len(), "one expectation per chart");
    for (chart, rows) in expected {
        let records = csv_records(&chart_csv(chart, Lang::En));
        let (head, body) = records.split_first().expect("a header");
        let col = |name: &str| head.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} column"));
        assert_eq!(body.len(), rows.len(), "{chart:?}: one line per figure");
        for (cells, (item, value, shown, derived)) in body.iter().zip(rows) {
            assert_eq!(cells[col("chart")], chart.slug());
            assert_eq!(cells[col("item_id")], *item, "{chart:?}");
            assert_eq!(cells[col("value")].parse::<f64>().unwrap(), *value, "{chart:?} {item}");
            assert_eq!(cells[col("value_shown")], *shown, "{chart:?} {item}");
            assert_eq!(cells[col("derived")], *derived, "{chart:?} {item}");
            // The sentence is the source's own, holding the item's quote.
            let sentence = &cells[col("source_sentence")];
            assert!(REPORT.source.contains(sentence.as_str()), "{chart:?} {item}: a sentence of the source");
            let quote = ItemId::from_id(item).unwrap_or_else(|| panic!("{item} in report.toml")).quote();
            assert!(sentence.contains(quote), "{chart:?} {item}: the sentence holds its quote");
        }
        // The Chinese CSV has the same values.
        let zh_values: Vec<String> =
            csv_records(&chart_csv(chart, Lang::Zh)).iter().skip(1).map(|c| c[col("value")].clone()).collect();
        let en_values: Vec<String> = body.iter().map(|c| c[col("value")].clone()).collect();
        assert_eq!(zh_values, en_values, "{chart:?}: the Chinese CSV has the same values");
    }
}

#[test]
fn the_data_package_has_every_figure_with_its_sentence() {
    let json: serde_json::Value = serde_json::from_str(&report_json()).expect("valid JSON");
    let figures = json["figures"].as_array().unwrap();
    assert_eq!(figures.len(), REPORT.figures.len());
    for (f, data) in figures.iter().zip(REPORT.figures) {
        assert_eq!(f["value"].as_f64(), Some(data.value));
        let sentence = f["source_sentence"].as_str().unwrap();
        assert!(sentence.contains(data.quote) && REPORT.source.contains(sentence));
    }
    assert_eq!(json["milestones"].as_array().unwrap().len(), REPORT.milestones.len());
    let records = csv_records(&figures_csv());
    assert_eq!(records.len(), REPORT.figures.len() + 1, "a header and a record per figure");
    assert!(records.iter().flatten().any(|cell| cell == "20,000+ households"), "a value with a comma is one cell");
}

#[test]
fn descriptions_state_the_values() {
    for (chart, lang) in ChartId::ALL.into_iter().flat_map(|c| [(c, Lang::En), (c, Lang::Zh)]) {
        let d = chart.description(lang);
        for row in chart.rows(lang) {
            // The value as shown, or as said ("over 20,000 households" for "20,000+").
            let said = row.item_id.figure().map(|f| crate::format::spoken(f, lang)).unwrap_or_default();
            let core = row.value_text.trim_start_matches("> ").trim_start_matches("超过");
            let core = core.split_whitespace().next().unwrap();
            assert!(
                d.contains(core) || d.contains(&row.value_text) || (!said.is_empty() && d.contains(&said)),
                "{chart:?}: {d} lacks {}",
                row.value_text
            );
        }
    }
}

#[test]
#[ignore = "writes preview files for looking at the charts"]
fn write_previews() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/chart-previews");
    std::fs::create_dir_all(&dir).unwrap();
    let mut html = String::from("<!doctype html><meta charset=utf-8><body>");
    for chart in ChartId::ALL {
        for layout in [Layout::Compact, Layout::Wide] {
            html += &page_svg(chart, layout, Lang::En);
            html += &page_svg(chart, layout, Lang::Zh);
        }
        html += &download_svg(chart, Lang::En);
        html += &download_svg(chart, Lang::Zh);
    }
    std::fs::write(dir.join("index.html"), html).unwrap();
}

/// A social preview image as SVG.
fn social_svg(shape: super::social::Shape, lang: Lang) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, shape.size()).into_drawing_area();
        super::social::draw(&area, shape, lang).expect("draws");
        area.present().expect("presents");
    }
    svg
}

#[test]
fn the_social_previews_draw_the_title_and_key_figures_in_each_language() {
    use super::social::{Shape, ALL_SHAPES};
    for shape in ALL_SHAPES {
        let svg = social_svg(shape, Lang::En);
        let t = texts(&svg).join(" | ");
        for expected in ["421,000", "20,000+", "14", "7,070", "+50.2%", "Yangpu District", "Source"] {
            assert!(t.contains(expected), "{shape:?}: {expected} in {t}");
        }
        let zh = texts(&social_svg(shape, Lang::Zh)).join(" | ");
        for expected in ["42.1万", "平方米", "2万余", "户", "14", "新增学位7070个", "+50.2%", "杨浦区", "数据来源："]
        {
            assert!(zh.contains(expected), "{shape:?}: {expected} in {zh}");
        }
        assert!(!zh.contains("Yangpu") && !zh.contains('«'), "the Chinese image is in Chinese: {zh}");
    }
    // The wide image adds the renewal goals with their dates as the housing chart shows them,
    // and the innovation figures.
    let t = texts(&social_svg(Shape::Wide, Lang::En)).join(" | ");
    for expected in ["2022", "2024", "2025 («this year»)", "18", "> 40%"] {
        assert!(t.contains(expected), "{expected} in {t}");
    }
    let zh = texts(&social_svg(Shape::Wide, Lang::Zh)).join(" | ");
    for expected in ["2022年", "2024年", "2025年", "告别“拎马桶”", "18项", "超过40%"] {
        assert!(zh.contains(expected), "{expected} in {zh}");
    }
    // Every text inside the image, and none over another.
    for shape in ALL_SHAPES {
        for lang in [Lang::Zh, Lang::En] {
            let boxes = super::social::texts(shape, lang);
            let (w, h) = (f64::from(shape.size().0), f64::from(shape.size().1));
            for (i, a) in boxes.iter().enumerate() {
                assert!(
                    a.rect.x0 >= 0.0 && a.rect.y0 >= 0.0 && a.rect.x1 <= w && a.rect.y1 <= h,
                    "{shape:?} {lang:?}: {:?} leaves the image",
                    a.text
                );
                for b in &boxes[i + 1..] {
                    let ox = a.rect.x1.min(b.rect.x1) - a.rect.x0.max(b.rect.x0);
                    let oy = a.rect.y1.min(b.rect.y1) - a.rect.y0.max(b.rect.y0);
                    assert!(ox <= 1.0 || oy <= 1.0, "{shape:?} {lang:?}: {:?} overlaps {:?}", a.text, b.text);
                }
            }
        }
    }
}

#[test]
fn large_mode_draws_larger_text_and_thicker_marks_inside_the_surface() {
    for chart in ChartId::ALL {
        for layout in [Layout::Compact, Layout::Wide] {
            let (normal, _) = draw_svg(chart, layout, 1.0);
            // Large mode reflows the chart taller (its frame takes its large height).
            let style = Style { large: true, ..Style::new(layout, 1.0) };
            let (w, h) = surface_size(chart, &style);
            let (large, marks) = draw_sized(chart, style, (w, h));
            let max_size = |svg: &str| -> f64 {
                svg.split("font-size=\"")
                    .skip(1)
                    .map(|s| s.split('"').next().unwrap().parse::<f64>().unwrap())
                    .fold(0.0, f64::max)
            };
            assert!(max_size(&large) > max_size(&normal) * 1.2, "{chart:?} {layout:?}: larger text");
            for mark in &marks.0 {
                let b = mark.bounds().unwrap();
                assert!(
                    b.x1 <= f64::from(w) + 1.0 && b.y1 <= f64::from(h) + 1.0,
                    "{chart:?} {layout:?} large: {} outside",
                    mark.label
                );
            }
        }
    }
    let (svg, _) = draw_styled(ChartId::LivelihoodShare, Style { large: true, ..Style::new(Layout::Wide, 1.0) });
    assert!(svg.contains("stroke-width=\"5\""), "the slope line is 1.5 × 3 px thick");
}

#[test]
fn dark_palette_text_keeps_high_contrast() {
    use super::style::{DARK, LIGHT};
    fn luminance(c: plotters::style::RGBColor) -> f64 {
        let f = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
    }
    fn contrast(a: plotters::style::RGBColor, b: plotters::style::RGBColor) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }
    for p in [LIGHT, DARK] {
        assert!(contrast(p.ink, p.background) >= 7.0);
        assert!(contrast(p.muted, p.background) >= 7.0, "muted text {:.1}", contrast(p.muted, p.background));
        assert!(contrast(p.primary, p.background) >= 3.0, "marks against the background");
    }
}

/// Every layout, language and reading mode (large or not) a chart is drawn in.
fn every_layout_language_and_mode() -> impl Iterator<Item = (Layout, Lang, bool)> {
    [Layout::Compact, Layout::Wide]
        .into_iter()
        .flat_map(|l| [(l, Lang::En), (l, Lang::Zh)])
        .flat_map(|(l, g)| [(l, g, false), (l, g, true)])
}

#[test]
fn every_text_fits_inside_its_chart_in_every_layout_language_and_mode() {
    // Laid out with DejaVu Sans Bold's widths (the widest face `sans-serif` resolves to), no
    // text may cross the drawing area: then it cannot in any engine. Large mode has a taller
    // chart (`ChartId::height`) for its larger text.
    let mut problems = Vec::new();
    for chart in ChartId::ALL {
        for (layout, lang, large) in every_layout_language_and_mode() {
            let style = Style { large, ..Style::new(layout, 1.0).in_lang(lang) };
            let (w, h) = surface_size(chart, &style);
            let (_, boxes) = super::kit::with_text_boxes(|| draw_sized(chart, style, (w, h)));
            assert!(!boxes.is_empty(), "{chart:?}: texts are logged");
            for b in boxes {
                let r = b.rect;
                if r.x0 < 0.0 || r.y0 < 0.0 || r.x1 > f64::from(w) || r.y1 > f64::from(h) {
                    problems.push(format!(
                        "{chart:?} {layout:?} {lang:?} large={large}: {:?} at {:.0},{:.0}–{:.0},{:.0} in {w}×{h}",
                        b.text, r.x0, r.y0, r.x1, r.y1
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} texts cross their chart's edge:\n{}", problems.len(), problems.join("\n"));
}

/// No label, value or tick of a chart is drawn over another, in either layout, language or
/// reading mode (the widest-font metrics the SVG and downloads are laid out with).
#[test]
fn no_two_texts_of_a_chart_overlap() {
    let mut problems = Vec::new();
    for chart in ChartId::ALL {
        for (layout, lang, large) in every_layout_language_and_mode() {
            let style = Style { large, ..Style::new(layout, 1.0).in_lang(lang) };
            let (w, h) = surface_size(chart, &style);
            let (_, boxes) = super::kit::with_text_boxes(|| draw_sized(chart, style, (w, h)));
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let (ra, rb) = (a.rect, b.rect);
                    let ox = ra.x1.min(rb.x1) - ra.x0.max(rb.x0);
                    let oy = ra.y1.min(rb.y1) - ra.y0.max(rb.y0);
                    if ox > 1.0 && oy > 1.0 {
                        problems.push(format!(
                            "{chart:?} {layout:?} {lang:?} large={large}: {:?} overlaps {:?}",
                            a.text, b.text
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} overlaps:\n{}", problems.len(), problems.join("\n"));
}

/// The lowest point of every shape an SVG draws (rectangles, circles, lines, polylines and
/// polygons; text is checked by its box), in its pixels.
fn lowest_shape(svg: &str) -> f64 {
    let attr = |tag: &str, name: &str| -> Option<f64> {
        let start = tag.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3)?;
        tag[start..].split('"').next()?.parse().ok()
    };
    let mut lowest: f64 = 0.0;
    for name in ["rect", "circle", "line", "polyline", "polygon"] {
        for tag in svg.split(&format!("<{name} ")).skip(1).map(|t| t.split('>').next().unwrap_or_default()) {
            let bottom = match name {
                "rect" => attr(tag, "y").unwrap_or(0.0) + attr(tag, "height").unwrap_or(0.0),
                "circle" => attr(tag, "cy").unwrap_or(0.0) + attr(tag, "r").unwrap_or(0.0),
                "line" => attr(tag, "y1").unwrap_or(0.0).max(attr(tag, "y2").unwrap_or(0.0)),
                _ => {
                    let points = tag.split(" points=\"").nth(1).and_then(|t| t.split('"').next()).unwrap_or_default();
                    points
                        .split_whitespace()
                        .filter_map(|p| p.split(',').nth(1)?.parse::<f64>().ok())
                        .fold(0.0, f64::max)
                }
            };
            lowest = lowest.max(bottom);
        }
    }
    lowest
}

/// Issue 22: a chart is as tall as what it draws, in each language, layout and reading mode
/// (the Chinese housing and innovation charts had the English heights, with 150–170 px of
/// empty canvas under them on a phone). Drawn at its height, at most one line
/// (`Style::line`) is left empty under its lowest text or mark box, and nothing, box or
/// shape, reaches below that height.
#[test]
fn every_chart_is_as_tall_as_what_it_draws_with_at_most_a_line_under_it() {
    let mut problems = Vec::new();
    let mut fitted = 0;
    for chart in ChartId::ALL {
        for (layout, lang, large) in every_layout_language_and_mode() {
            let style = Style { large, ..Style::new(layout, 1.0).in_lang(lang) };
            let (w, h) = surface_size(chart, &style);
            let ((svg, marks), texts) = super::kit::with_text_boxes(|| draw_sized(chart, style, (w, h)));
            let h = f64::from(h);
            let at = format!("{chart:?} {layout:?} {lang:?} large={large} ({h} tall)");
            let lowest_text = texts.iter().map(|t| t.rect.y1).fold(0.0, f64::max);
            let lowest_mark = marks.0.iter().flat_map(|m| &m.boxes).map(|b| b.y1).fold(0.0, f64::max);
            let lowest = lowest_text.max(lowest_mark);
            if h - lowest > style.line() {
                problems.push(format!(
                    "{at}: {:.1} empty under the lowest box (at {lowest:.1}), more than a line ({:.1})",
                    h - lowest,
                    style.line()
                ));
            }
            if lowest > h {
                problems.push(format!("{at}: a box reaches {lowest:.1}, below the chart"));
            }
            let shape = lowest_shape(&svg);
            if shape > h {
                problems.push(format!("{at}: a shape reaches {shape:.1}, below the chart"));
            }
            if matches!(chart.spec().height, super::Height::Fitted) {
                fitted += 1;
            }
        }
    }
    assert!(problems.is_empty(), "{} charts do not fit their height:\n{}", problems.len(), problems.join("\n"));
    assert!(fitted > 0, "some charts are fitted to what they draw");
}

/// A fitted chart's height follows its language: the Chinese housing and innovation charts,
/// whose words take fewer lines, are shorter than the English ones on a phone, and a chart
/// in large mode is taller than in standard mode.
#[test]
fn a_fitted_chart_s_height_follows_its_language_and_reading_mode() {
    for chart in [ChartId::HousingRenewal, ChartId::InnovationAwards] {
        let (en, zh) = (chart.height(Layout::Compact, Lang::En, false), chart.height(Layout::Compact, Lang::Zh, false));
        assert!(zh < en, "{chart:?}: Chinese {zh} is shorter than English {en}");
    }
    for chart in ChartId::ALL {
        for layout in [Layout::Compact, Layout::Wide] {
            for lang in [Lang::En, Lang::Zh] {
                let (standard, large) = (chart.height(layout, lang, false), chart.height(layout, lang, true));
                assert!(large > standard, "{chart:?} {layout:?} {lang:?}: large {large} > standard {standard}");
                assert_eq!(standard.fract(), 0.0, "{chart:?}: whole units, as the SVG's viewBox is");
            }
        }
    }
    // The page's SVG is as tall as the chart in its language (the frame takes its height).
    let svg = page_svg(ChartId::HousingRenewal, Layout::Compact, Lang::Zh);
    let h = ChartId::HousingRenewal.height(Layout::Compact, Lang::Zh, false);
    assert!(svg.contains(&format!("viewBox=\"0 0 300 {h}\"")), "{}", &svg[..200]);
}

/// The words each chart shows, as the report writes them (checked against the source by the
/// audit, which reads every number of the shipped pages): the registry must give exactly
/// these, in both languages, with the section and the items the chart cites.
#[test]
fn every_chart_reads_as_the_report_writes_it() {
    struct Expected {
        chart: ChartId,
        slug: &'static str,
        section: &'static str,
        title: [&'static str; 2],
        takeaway: [&'static str; 2],
        units: [&'static str; 2],
        items: &'static [&'static str],
        quote_starts: &'static str,
    }
    let expected = [
        Expected {
            chart: ChartId::HousingRenewal,
            slug: "housing-renewal",
            section: "housing",
            title: ["Housing renewal: three major goals achieved, 2021–2025", "住房与城市更新三大目标均已实现（2021—2025年）"],
            takeaway: [
                "421,000 m² of old housing was demolished and renovated for over 20,000 households, and the three major goals were achieved in 2022, 2024 and 2025 («this year»).",
                "旧住房拆除重建和改造42.1万平方米，惠及2万余户；三大目标分别于2022年、2024年和2025年实现。",
            ],
            units: ["Square metres and households (totals for 2021–2025); years", "平方米、户（2021—2025年合计）"],
            items: &["housing.area_renovated", "housing.households", "m2022", "m2024", "m2025"],
            quote_starts: "Over these five years, a total of 421,000 square meters",
        },
        Expected {
            chart: ChartId::LivelihoodShare,
            slug: "livelihood-share",
            section: "services",
            title: ["Livelihood spending’s share of the budget", "民生领域财政支出占一般公共预算支出比重"],
            takeaway: [
                "Livelihood spending rose from 43.5% to 52.3% of general public budget expenditure.",
                "“十四五”以来，占比从43.5%升至52.3%。",
            ],
            units: ["Per cent of general public budget expenditure", "占一般公共预算支出的百分比"],
            items: &["services.livelihood_share"],
            quote_starts: "with its share of general public budget expenditure rising from 43.5% to 52.3%",
        },
        Expected {
            chart: ChartId::LivelihoodGrowth,
            slug: "livelihood-growth",
            section: "services",
            title: ["Fiscal expenditure on people’s livelihoods", "民生领域财政支出"],
            takeaway: [
                "Fiscal expenditure on people’s livelihoods has increased by 50.2% since the start of the period.",
                "“十四五”以来，全区民生领域财政支出增长50.2%。",
            ],
            units: [
                "Index, start of the period = 100 (derived; the source gives no amounts)",
                "指数，以“十四五”初为100（据增幅推算；原文未给出金额）",
            ],
            items: &["services.livelihood_spending_growth"],
            quote_starts: "fiscal expenditure on people’s livelihoods in the district has increased by 50.2%",
        },
        Expected {
            chart: ChartId::Education,
            slug: "education",
            section: "services",
            title: ["New schools and school places", "新建学校与新增学位"],
            takeaway: ["14 new schools added 7,070 school places.", "新建学校14所，新增学位7070个。"],
            units: ["Schools; school places (one square = 100 places)", "学校（所）；学位（每格代表100个学位）"],
            items: &["services.new_schools", "services.school_places"],
            quote_starts: "14 new schools have been built",
        },
        Expected {
            chart: ChartId::InnovationAwards,
            slug: "innovation-awards",
            section: "innovation",
            title: ["Science and technology awards from Yangpu", "源自杨浦的科学技术奖"],
            takeaway: [
                "18 National Science and Technology Awards and over 40% of municipal-level awards originated from Yangpu.",
                "“十四五”以来，源自杨浦的国家科学技术奖18项，市级科学技术奖占比超过40%。",
            ],
            units: ["Awards; per cent of municipal-level awards", "奖项（项）；占市级科学技术奖的百分比"],
            items: &["innovation.national_awards", "innovation.municipal_award_share"],
            quote_starts: "18 National Science and Technology Awards and over 40% of municipal-level",
        },
    ];
    assert_eq!(ChartId::ALL.to_vec(), expected.iter().map(|e| e.chart).collect::<Vec<_>>(), "the report's order");
    for e in &expected {
        let c = e.chart;
        assert_eq!(c.slug(), e.slug);
        assert_eq!(ChartId::from_slug(e.slug), Some(c));
        assert_eq!(c.section(), e.section, "{}", e.slug);
        for (i, lang) in [Lang::En, Lang::Zh].into_iter().enumerate() {
            assert_eq!(c.title(lang), e.title[i], "{} {lang:?}", e.slug);
            assert_eq!(c.takeaway(lang), e.takeaway[i], "{} {lang:?}", e.slug);
            assert_eq!(c.units(lang), e.units[i], "{} {lang:?}", e.slug);
        }
        assert_eq!(c.item_ids().into_iter().map(ItemId::id).collect::<Vec<_>>(), e.items, "{}", e.slug);
        assert!(c.source_quote().starts_with(e.quote_starts), "{}: {}", e.slug, c.source_quote());
    }
    for bad in ["", "Education", "education ", "housing", "chart:education"] {
        assert_eq!(ChartId::from_slug(bad), None, "{bad:?}");
    }
}

#[test]
fn each_registry_row_sits_at_its_id_s_place() {
    for (i, spec) in super::REGISTRY.iter().enumerate() {
        assert_eq!(spec.id as usize, i, "{}", spec.slug);
        assert_eq!(spec.id.spec().slug, spec.slug);
    }
}

#[test]
fn a_drawn_chart_has_marks_and_no_marks_is_empty() {
    assert!(Marks::default().is_empty());
    for chart in ChartId::ALL {
        let (_, marks) = draw_svg(chart, Layout::Wide, 1.0);
        assert!(!marks.is_empty(), "{chart:?}");
        assert_eq!(marks.len(), chart.rows(Lang::En).len(), "{chart:?}: a mark per row");
    }
}

#[test]
fn a_colon_is_the_language_s_own() {
    assert_eq!(super::colon(Lang::En), ": ");
    assert_eq!(super::colon(Lang::Zh), "：");
    let blanks = vec![("a", "1".to_string()), ("b", "two".to_string())];
    assert_eq!(super::blank_refs(&blanks), vec![("a", "1"), ("b", "two")]);
}

/// The drawings a person has looked at and approved (in the contact sheets of every engine
/// and `write_previews`), by the SHA-256 of their SVG: every chart in both layouts and
/// languages, standard and large, one in the dark palette and one halfway through its
/// entrance; the social previews; the pictures to share; every chart's download in both languages. A drawing that changes fails here, with the new SVG written to
/// `target/chart-previews/changed/` to look at; if it is right, approve it with
/// `UPDATE_APPROVED=1 cargo test -p yangpu-core approved`.
#[test]
fn every_drawing_is_the_approved_one() {
    use sha2::Digest as _;
    let mut cases = Vec::new();
    for chart in ChartId::ALL {
        for layout in [Layout::Compact, Layout::Wide] {
            for lang in [Lang::En, Lang::Zh] {
                for large in [false, true] {
                    let name = format!(
                        "{} {} {lang:?} {}",
                        chart.slug(),
                        layout.name(),
                        if large { "large" } else { "standard" }
                    );
                    cases.push((name, chart, Style { large, ..Style::new(layout, 1.0).in_lang(lang) }));
                }
            }
        }
        let wide = Style::new(Layout::Wide, 1.0).in_lang(Lang::En);
        cases.push((format!("{} wide En dark", chart.slug()), chart, Style { palette: super::style::DARK, ..wide }));
        cases.push((format!("{} wide En halfway", chart.slug()), chart, Style { progress: 0.5, ..wide }));
    }
    // Each drawing's line (its name and hash); a drawing not approved is written out to look at.
    let approved = include_str!("approved-drawings.txt");
    let mut actual = String::new();
    let mut drawn = 0;
    let mut approve = |name: String, svg: &str| {
        let hash: String = sha2::Sha256::digest(svg.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        let line = format!("{name}: {hash}");
        if !approved.lines().any(|l| l == line) {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/chart-previews/changed");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(format!("{}.svg", name.replace([' ', ':', '/'], "-"))), svg).unwrap();
        }
        actual += &format!("{line}\n");
        drawn += 1;
    };
    // The social previews, by their file names.
    for shape in super::social::ALL_SHAPES {
        for lang in [Lang::Zh, Lang::En] {
            approve(super::social::file_name(shape, lang), &social_svg(shape, lang));
        }
    }
    // The pictures to share (share::picture), by their file names, with their QR code of the
    // example address and without it (the words of where the report is).
    for view in crate::share::picture::View::all() {
        for lang in [Lang::Zh, Lang::En] {
            for page in [None, Some("https://example.gov.cn/yangpu/")] {
                let qr = if page.is_some() { "with QR" } else { "without address" };
                let name = format!("{} {qr}", crate::share::picture::file_name(view, lang));
                approve(name, &crate::share::picture::svg(view, lang, page));
            }
        }
    }
    // The downloads: the chart with its title, takeaway, units and source.
    for chart in ChartId::ALL {
        for lang in [Lang::En, Lang::Zh] {
            approve(format!("{} download {lang:?}", chart.slug()), &download_svg(chart, lang));
        }
    }
    for (name, chart, style) in &cases {
        approve(name.clone(), &draw_styled(*chart, *style).0);
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/charts/approved-drawings.txt");
    if std::env::var_os("UPDATE_APPROVED").is_some() {
        std::fs::write(path, &actual).unwrap();
    }
    let approved = std::fs::read_to_string(path).unwrap_or_default();
    let changed: Vec<&str> = actual.lines().filter(|l| !approved.lines().any(|a| a == *l)).collect();
    assert!(
        changed.is_empty(),
        "drawings that changed (see target/chart-previews/changed/; approve with UPDATE_APPROVED=1):\n{}",
        changed.join("\n")
    );
    assert_eq!(approved.lines().count(), drawn, "every approved drawing is still drawn");
}

/// An SVG `<rect>` as plotters writes it: position, size, fill and stroke.
#[derive(Debug)]
struct SvgRect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    fill: String,
    stroke: String,
}

fn rects(svg: &str) -> Vec<SvgRect> {
    elements(svg)
        .into_iter()
        .filter(|e| e.name == "rect")
        .map(|e| {
            let attr = |name: &str| e.attributes.get(name).cloned().unwrap_or_default();
            let num = |name: &str| attr(name).parse::<f64>().unwrap_or(f64::NAN);
            SvgRect {
                x: num("x"),
                y: num("y"),
                w: num("width"),
                h: num("height"),
                fill: attr("fill"),
                stroke: attr("stroke"),
            }
        })
        .collect()
}

/// The README: one square per school and one per 100 school places, the last one filled to
/// its fraction, in rows read left to right; report.toml's figures give the counts.
#[test]
fn education_draws_a_square_per_school_and_per_hundred_places_in_rows() {
    let schools = REPORT.figure(FigureId::ServicesNewSchools).value;
    let places = REPORT.figure(FigureId::ServicesSchoolPlaces).value / super::education::PLACES_PER_UNIT;
    for layout in [Layout::Compact, Layout::Wide] {
        for lang in [Lang::En, Lang::Zh] {
            let (svg, marks) = draw_styled(ChartId::Education, Style::new(layout, 1.0).in_lang(lang));
            let all = rects(&svg);
            let outlines: Vec<&SvgRect> = all.iter().filter(|r| r.fill == "none").collect();
            // The schools' squares come first, then the places', each group in one colour.
            let first = &outlines[0].stroke;
            let split = outlines.iter().position(|r| &r.stroke != first).expect("two groups");
            let groups = [(&outlines[..split], schools, 0), (&outlines[split..], places, 1)];
            for (squares, count, mark) in groups {
                let at = format!("{layout:?} {lang:?} mark {mark}");
                assert_eq!(squares.len() as f64, count.ceil(), "{at}: squares");
                let size = squares[0].w;
                assert!(squares.iter().all(|s| s.w == size && s.h == size), "{at}: all squares alike");
                // A grid: columns fill a row left to right, at one pitch, then the next row.
                let columns = squares.iter().filter(|s| s.y == squares[0].y).count();
                let pitch = squares[1].x - squares[0].x;
                assert!(pitch > size, "{at}: squares apart");
                for (i, s) in squares.iter().enumerate() {
                    let (col, row) = ((i % columns) as f64, (i / columns) as f64);
                    assert!((s.x - (squares[0].x + col * pitch)).abs() <= 1.0, "{at}: square {i} x");
                    assert!((s.y - (squares[0].y + row * pitch)).abs() <= 1.0, "{at}: square {i} y");
                }
                // Filled to the value: whole squares, and the last to its fraction.
                let color = &squares[0].stroke;
                let filled: f64 =
                    all.iter().filter(|r| &r.fill == color && r.stroke == "none").map(|r| r.w * r.h).sum::<f64>();
                let expected = count * size * size;
                assert!((filled - expected).abs() <= size, "{at}: filled {filled} px², {count} squares are {expected}");
                // The mark (tooltip, keyboard) covers exactly its squares.
                let b = marks.get(mark).and_then(|m| m.bounds()).expect("a mark");
                let (x0, y0) = (squares.iter().map(|s| s.x).fold(f64::MAX, f64::min), squares[0].y);
                let x1 = squares.iter().map(|s| s.x + s.w).fold(0.0, f64::max);
                let y1 = squares.iter().map(|s| s.y + s.h).fold(0.0, f64::max);
                for (got, want) in [(b.x0, x0), (b.y0, y0), (b.x1, x1), (b.y1, y1)] {
                    assert!((got - want).abs() <= 1.0, "{at}: mark box {b:?} vs squares {x0},{y0}–{x1},{y1}");
                }
            }
        }
    }
}

/// The canvas draws at CSS size × the pixel ratio: at scale 2 every shape is where it is at
/// scale 1, twice as far from the corner and twice as large (to the pixel).
#[test]
fn at_twice_the_scale_every_shape_is_twice_as_large() {
    let mut lines = 0;
    for chart in ChartId::ALL {
        for layout in [Layout::Compact, Layout::Wide] {
            let (one, _) = draw_svg(chart, layout, 1.0);
            let (two, _) = draw_svg(chart, layout, 2.0);
            let (a, b) = (rects(&one), rects(&two));
            assert_eq!(a.len(), b.len(), "{chart:?} {layout:?}: the same shapes");
            for (r1, r2) in a.iter().zip(&b) {
                for (v1, v2) in [(r1.x, r2.x), (r1.y, r2.y), (r1.w, r2.w), (r1.h, r2.h)] {
                    assert!((v2 - 2.0 * v1).abs() <= 2.0, "{chart:?} {layout:?}: {r1:?} at 2× is {r2:?}");
                }
            }
            let circles = |svg: &str| count(svg, "circle");
            assert_eq!(circles(&one), circles(&two));
            // Text twice as large.
            let sizes = |svg: &str| -> Vec<f64> {
                svg.split("font-size=\"").skip(1).filter_map(|t| t.split('"').next()?.parse().ok()).collect()
            };
            let (s1, s2) = (sizes(&one), sizes(&two));
            assert_eq!(s1.len(), s2.len(), "{chart:?} {layout:?}: the same texts");
            for (a, b) in s1.iter().zip(&s2) {
                assert!((b - 2.0 * a).abs() <= 1.0, "{chart:?} {layout:?}: {a} px text is {b} px at 2×");
            }
            // Lines twice as thick.
            let widths = |svg: &str| -> Vec<f64> {
                svg.split("stroke-width=\"").skip(1).filter_map(|t| t.split('"').next()?.parse().ok()).collect()
            };
            let (w1, w2) = (widths(&one), widths(&two));
            assert_eq!(w1.len(), w2.len(), "{chart:?} {layout:?}: the same lines");
            lines += w1.len();
            for (a, b) in w1.iter().zip(&w2) {
                assert!((b - 2.0 * a).abs() <= 1.0, "{chart:?} {layout:?}: a {a} px line is {b} px at 2×");
            }
        }
    }
    assert!(lines > 0, "the charts draw lines");
}
