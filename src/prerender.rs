//! What the build writes beside the app (native, feature `ssr`): the two pre-rendered pages
//! with their heads in each language, the static downloads and the social preview images.
//! The `prerender` binary only writes these to disk, so tests read exactly what ships.

use crate::head::BaseUrl;
use crate::page::PageLang;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use std::sync::Arc;
use yangpu_core::charts::{export, ChartId};
use yangpu_core::i18n::Lang;
use yangpu_core::package;

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

/// The page in `lang`, from Trunk's staged `index.html`: its file name and its HTML, its
/// head's addresses absolute when the report's public address is given.
pub fn page(template: &str, lang: Lang, base: Option<&BaseUrl>) -> Result<(&'static str, String), String> {
    let file = yangpu_core::vocabulary::page_file(lang);
    let page = crate::head::localise(template, lang, base)?;
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

/// A social preview image as SVG: the same drawing as its PNG (`social::file_name(shape,
/// lang)`), for reading its texts.
pub fn social_svg(shape: yangpu_core::charts::social::Shape, lang: Lang) -> String {
    use plotters::prelude::*;
    use yangpu_core::charts::social;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, shape.size()).into_drawing_area();
        let _ = social::draw(&root, shape, lang);
        let _ = root.present();
    }
    svg
}

/// The public address of the page in `lang`, which the pictures' QR codes open (`None`
/// without a base address: the pictures then say where the report is in words).
pub fn picture_page(base: Option<&BaseUrl>, lang: Lang) -> Option<String> {
    base.map(|base| base.of(yangpu_core::vocabulary::page_file(lang)))
}

/// A picture (`share::picture`) as SVG: the same drawing as its PNG, for reading its texts.
pub fn picture_svg(view: yangpu_core::share::picture::View, lang: Lang, base: Option<&BaseUrl>) -> String {
    yangpu_core::share::picture::svg(view, lang, picture_page(base, lang).as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use yangpu_core::data::{FigureId, REPORT};

    #[test]
    fn the_app_goes_directly_after_body() {
        let page = "<html><head></head><body class=\"x\">\n  <script src=\"a.js\"></script>\n</body></html>";
        let out = insert_after_body(page, "<div id=\"app\" data-testid=\"report\"></div>").unwrap();
        assert!(out.contains("<body class=\"x\"><div id=\"app\""), "{out}");
        assert!(out.contains("</div><script src=\"a.js\">"));
        assert!(insert_after_body(&out, "<div></div>").is_err(), "a page is pre-rendered once");
        assert!(insert_after_body("<html></html>", "x").is_err());
    }

    /// Every text file the build ships, as the build writes it: both pages (from the template
    /// as it is and as Trunk's minifier leaves it), every download and the social images' SVG.
    fn shipped_texts() -> Vec<(String, String)> {
        let template = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
        // Trunk's release minifier unquotes attributes: the shipped head once read content={title}.
        let minified = template.replace("=\"en\"", "=en").replace("</head>", "");
        let base = BaseUrl::parse("https://example.gov.cn/yangpu/").unwrap();
        let mut files = Vec::new();
        for t in [&template, &minified] {
            for lang in [Lang::Zh, Lang::En] {
                for base in [None, Some(&base)] {
                    let (file, html) = page(t, lang, base).expect("the page renders");
                    files.push((file.to_string(), html));
                }
            }
        }
        files.extend(downloads());
        for shape in yangpu_core::charts::social::ALL_SHAPES {
            for lang in [Lang::Zh, Lang::En] {
                files.push((yangpu_core::charts::social::file_name(shape, lang), social_svg(shape, lang)));
            }
        }
        files
    }

    #[test]
    fn no_shipped_file_has_an_unfilled_blank() {
        let files = shipped_texts();
        assert!(files.iter().any(|(f, _)| f.ends_with(".json")) && files.iter().any(|(f, _)| f.ends_with(".csv")));
        for (file, text) in files {
            let left = yangpu_core::i18n::blanks_left(&text);
            assert!(left.is_empty(), "{file} has unfilled blanks: {left:?}");
        }
    }

    /// Every read-aloud text of a pre-rendered page, as the browser reads the attribute.
    fn spoken_texts(html: &str) -> Vec<String> {
        let attribute = crate::components::ReadAloudIsland::TEXT;
        let selector = scraper::Selector::parse(&format!("[{attribute}]")).expect("a selector");
        let page = scraper::Html::parse_document(html);
        page.select(&selector).filter_map(|el| el.value().attr(attribute)).map(str::to_string).collect()
    }

    #[test]
    fn every_text_read_aloud_on_either_page_is_written_for_the_ear() {
        let template = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let (_, html) = page(&template, lang, None).unwrap();
            let spoken = spoken_texts(&html);
            // A read-aloud for each section and each chart.
            assert_eq!(spoken.len(), REPORT.sections.len() + ChartId::ALL.len(), "{lang:?}");
            for text in spoken {
                let problems = yangpu_core::speech::problems(&text, lang);
                assert!(problems.is_empty(), "{lang:?} read-aloud says {problems:?}: «{text}»");
            }
        }
        // The check bites on a page: a period said with its dash is heard.
        let bad = "<button data-speak=\"时期为2021—2025年。\">";
        assert_eq!(spoken_texts(bad), ["时期为2021—2025年。"]);
        assert!(!yangpu_core::speech::problems(&spoken_texts(bad)[0], Lang::Zh).is_empty());
    }

    #[test]
    fn the_pre_rendered_page_has_every_figure_and_no_inline_style_or_script() {
        // What each figure looks like on the page, from report.toml's values, written out.
        let expected: [(FigureId, &str, &str); 8] = [
            (FigureId::HousingAreaRenovated, "421,000", "42.1万"),
            (FigureId::HousingHouseholds, "20,000+", "2万余"),
            (FigureId::ServicesLivelihoodSpendingGrowth, "+50.2%", "+50.2%"),
            (FigureId::ServicesLivelihoodShare, "43.5% → 52.3%", "43.5% → 52.3%"),
            (FigureId::ServicesNewSchools, "14", "14"),
            (FigureId::ServicesSchoolPlaces, "7,070", "7070"),
            (FigureId::InnovationNationalAwards, "18", "18"),
            (FigureId::InnovationMunicipalAwardShare, "&gt; 40%", "超过40%"),
        ];
        assert_eq!(expected.len(), REPORT.figures.len(), "one expectation per figure");
        for lang in [Lang::Zh, Lang::En] {
            let html = render_app(lang);
            assert!(html.starts_with("<div id=\"app\""), "the app is one root element");
            for (id, en, zh) in expected.map(|(f, en, zh)| (f.id(), en, zh)) {
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
