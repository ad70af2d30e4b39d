//! What the build writes beside the app (native, feature `ssr`): the two pre-rendered pages
//! with their heads in each language, the static downloads and the social preview image.
//! The `prerender` binary only writes these to disk, so tests read exactly what ships.

use crate::charts::{export, ChartId};
use crate::data::REPORT;
use crate::format;
use crate::i18n::{Lang, Text};
use crate::package;
use crate::page::PageLang;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use std::sync::Arc;

/// The head's words, as `index.html` writes them in English: templates whose blanks the
/// data fills, so no figure is written by hand (`{title}`, `{period}`, `{area}`, …).
pub const HEAD: [Text; 4] = [
    Text { en: "{title}", zh: "{title}" },
    Text {
        en: "What Yangpu District, Shanghai, achieved in the 14th Five-Year Plan period ({period}): housing renewal, public services and innovation, every figure with its source sentence from the press conference of the Shanghai Municipal Government Information Office.",
        zh: "上海市杨浦区“十四五”时期（{period}）的成就：住房更新、公共服务与创新，每个数据都附有上海市人民政府新闻办公室新闻发布会的原句。",
    },
    Text {
        en: "{area} of old housing demolished and renovated for {households}, {schools} new schools, fiscal expenditure on people’s livelihoods up {growth}: every figure with its source sentence.",
        zh: "旧住房拆除重建和改造{area}，惠及{households}；新建学校{schools}所；民生领域财政支出增长{growth}。每个数据都附有原句。",
    },
    Text {
        en: "Key figures of Yangpu District’s 14th Five-Year Plan period, with the three renewal goals.",
        zh: "杨浦区“十四五”时期主要数据及三大更新目标（英文图片）。",
    },
];

/// The head's blanks in `lang`, from the data.
fn head_blanks(lang: Lang) -> Vec<(&'static str, String)> {
    let figure = |id: &str, text: fn(&crate::data::Figure, Lang) -> String| crate::charts::figure_text(id, lang, text);
    vec![
        ("title", format::page_title(lang)),
        ("period", REPORT.period.get(lang).into()),
        ("area", figure("housing.area_renovated", format::with_unit)),
        ("households", figure("housing.households", format::spoken)),
        ("schools", figure("services.new_schools", format::value)),
        ("growth", figure("services.livelihood_spending_growth", format::value).trim_start_matches('+').into()),
    ]
}

/// The template's `<html lang>` and head texts in `lang`. Every English template must be
/// found: a changed index.html fails the build instead of shipping a half-English head.
pub fn localise_head(page: &str, lang: Lang) -> Result<String, String> {
    let mut page = page.to_string();
    let html_lang = ["<html lang=\"en\">", "<html lang=en>"]
        .into_iter()
        .find(|tag| page.contains(tag))
        .ok_or("index.html has no <html lang=\"en\">")?;
    page = page.replacen(html_lang, &format!("<html lang=\"{}\">", lang.tag()), 1);
    let blanks = head_blanks(lang);
    let blanks = crate::charts::blank_refs(&blanks);
    // Each template is found as a whole element text (>…<) or attribute value ("…").
    for text in HEAD {
        let quoted = [format!(">{}<", text.en), format!("\"{}\"", text.en)];
        if !quoted.iter().any(|q| page.contains(q.as_str())) {
            return Err(format!("index.html no longer has the head text {:?}", text.en));
        }
        let filled = html_escape(&text.fill(lang, &blanks));
        for q in &quoted {
            let (open, close) = (&q[..1], &q[q.len() - 1..]);
            page = page.replace(q.as_str(), &format!("{open}{filled}{close}"));
        }
    }
    Ok(page)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The app as hydratable HTML, in `lang`.
pub fn render_app(lang: Lang) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| {
        provide_context(PageLang(lang));
        crate::App().into_view().to_html()
    })
}

/// Puts the app directly after `<body …>`: hydration needs it to be the body's first child,
/// with not even whitespace before it.
pub fn insert_after_body(page: &str, app: &str) -> Result<String, String> {
    if page.contains("data-testid=\"report\"") {
        return Err("index.html is already pre-rendered".into());
    }
    let open = page.find("<body").ok_or("index.html has no <body>")?;
    let close = open + page[open..].find('>').ok_or("unterminated <body> tag")? + 1;
    let rest = page[close..].trim_start();
    Ok(format!("{}{app}{rest}", &page[..close]))
}

/// The page in `lang`, from Trunk's staged `index.html`: its file name and its HTML.
pub fn page(template: &str, lang: Lang) -> Result<(&'static str, String), String> {
    let file = match lang {
        Lang::Zh => "index.html",
        Lang::En => "en.html",
    };
    let page = localise_head(template, lang)?;
    Ok((file, insert_after_body(&page, &render_app(lang))?))
}

/// Static downloads (in `downloads/`), so they work without JavaScript: each chart as SVG and
/// CSV in each language, and the report's data package (every figure with its source
/// sentence) as CSV and JSON.
pub fn downloads() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for chart in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            files.push((export::file_name(chart, "svg", lang), export::download_svg(chart, lang)));
            files.push((export::file_name(chart, "csv", lang), export::chart_csv(chart, lang)));
        }
    }
    files.push((package::FIGURES_CSV.into(), package::figures_csv()));
    files.push((package::REPORT_JSON.into(), package::report_json()));
    files
}

/// The social preview as SVG: the same drawing as the PNG, for reading its texts.
pub fn social_preview_svg() -> String {
    use crate::charts::{social, Layout, Style};
    use plotters::prelude::*;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, social::SIZE).into_drawing_area();
        let _ = social::draw(&root, &Style::new(Layout::Wide, 1.0));
        let _ = root.present();
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_goes_directly_after_body() {
        let page = "<html><head></head><body class=\"x\">\n  <script src=\"a.js\"></script>\n</body></html>";
        let out = insert_after_body(page, "<div id=\"app\" data-testid=\"report\"></div>").unwrap();
        assert!(out.contains("<body class=\"x\"><div id=\"app\""), "{out}");
        assert!(out.contains("</div><script src=\"a.js\">"));
        assert!(insert_after_body(&out, "<div></div>").is_err(), "a page is pre-rendered once");
        assert!(insert_after_body("<html></html>", "x").is_err());
    }

    #[test]
    fn each_page_has_its_language_and_head() {
        let template = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
        let zh = localise_head(&template, Lang::Zh).unwrap();
        assert!(zh.contains("<html lang=\"zh-CN\">"));
        // The title as the data makes it: the period from report.toml.
        assert!(zh.contains("<title>杨浦区：人民城市建设五年（2021—2025年）</title>"), "{zh}");
        // The social card's description carries the figures as report.toml states them.
        assert!(zh.contains("旧住房拆除重建和改造42.1万平方米，惠及2万余户"), "{zh}");
        assert!(!zh.contains('{'), "every blank is filled");
        let en = localise_head(&template, Lang::En).unwrap();
        assert!(en.contains("<html lang=\"en\">"));
        assert!(en.contains("<title>Yangpu District: five years of building a People’s City (2021–2025)</title>"));
        assert!(en
            .contains("421,000 m² of old housing demolished and renovated for over 20,000 households, 14 new schools"));
        assert!(!en.contains('{'), "every blank is filled");
        assert!(localise_head("<html lang=\"en\"><title>Other</title>", Lang::Zh).is_err(), "a changed head fails");
    }

    #[test]
    fn the_pre_rendered_page_has_every_figure_and_no_inline_style_or_script() {
        // What each figure looks like on the page, from report.toml's values, written out.
        let expected: [(&str, &str, &str); 8] = [
            ("housing.area_renovated", "421,000", "42.1万"),
            ("housing.households", "20,000+", "2万余"),
            ("services.livelihood_spending_growth", "+50.2%", "+50.2%"),
            ("services.livelihood_share", "43.5% → 52.3%", "43.5% → 52.3%"),
            ("services.new_schools", "14", "14"),
            ("services.school_places", "7,070", "7070"),
            ("innovation.national_awards", "18", "18"),
            ("innovation.municipal_award_share", "&gt; 40%", "超过40%"),
        ];
        assert_eq!(expected.len(), REPORT.figures.len(), "one expectation per figure");
        for lang in [Lang::Zh, Lang::En] {
            let html = render_app(lang);
            assert!(html.starts_with("<div id=\"app\""), "the app is one root element");
            for (id, en, zh) in expected {
                let value = if lang == Lang::En { en } else { zh };
                let card = html.split(&format!("data-figure=\"{id}\"")).nth(1).unwrap_or_else(|| panic!("{id} card"));
                let card: String = card.chars().take(1000).collect();
                assert!(card.contains(value), "{id} in {lang:?}: {value}");
            }
            assert!(html.contains(REPORT.title.get(lang)), "{lang:?}");
        }
        let html = render_app(Lang::Zh);
        assert!(!html.contains(REPORT.title.en), "the Chinese page is in Chinese");
        for milestone in REPORT.milestones {
            assert!(html.contains(&format!("datetime=\"{}\"", milestone.date)));
        }
        assert!(!html.contains("style="), "inline styles break the strict CSP");
        assert!(!html.contains("<script"), "inline scripts break the strict CSP");
        assert!(html.contains("«AI"), "the source text is there to its last word");
    }
}
