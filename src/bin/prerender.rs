//! Pre-renders the report from Trunk's staged `index.html` (a post_build hook), so the page
//! is complete before the wasm arrives, and without JavaScript at all: in Chinese into
//! `index.html`, in English into `en.html` beside it (early.js sends a reader whose
//! browser or link asks for the other language there before the first paint).
//!
//! Usage: `prerender [index.html]`; defaults to `$TRUNK_STAGING_DIR/index.html`.

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use std::sync::Arc;
use yangpu_report::components::context::PageLang;
use yangpu_report::i18n::{Lang, Text};

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(|d| std::path::Path::new(&d).join("index.html")))
        .unwrap_or_else(|| fail("no index.html given and TRUNK_STAGING_DIR is not set"));
    let template = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("read {}: {e}", path.display())));
    let dist = path.parent().unwrap_or(std::path::Path::new("."));
    for (lang, file) in [(Lang::Zh, path.clone()), (Lang::En, dist.join("en.html"))] {
        let html = render_app(lang);
        let page = localise_head(&template, lang).and_then(|page| insert_after_body(&page, &html));
        let page = page.unwrap_or_else(|e| fail(&e));
        std::fs::write(&file, page).unwrap_or_else(|e| fail(&format!("write {}: {e}", file.display())));
        eprintln!("prerender: wrote {} bytes of report HTML into {}", html.len(), file.display());
    }
    write_downloads(&dist.join("downloads")).unwrap_or_else(|e| fail(&format!("write downloads: {e}")));
    write_social_preview(&dist.join("social-preview.png")).unwrap_or_else(|e| fail(&format!("social preview: {e}")));
}

/// The head's words (index.html is written in English), in each language.
const HEAD: [Text; 5] = [
    Text {
        en: "Yangpu District: five years of building a People’s City (2021–2025)",
        zh: "杨浦区：人民城市建设五年（2021—2025年）",
    },
    Text {
        en: "What Yangpu District, Shanghai, achieved in the 14th Five-Year Plan period (2021–2025): housing renewal, public services and innovation, every figure with its source sentence from the district's press conference.",
        zh: "上海市杨浦区“十四五”时期（2021—2025年）的成就：住房更新、公共服务与创新，每个数据都附有区政府新闻发布会的原句。",
    },
    Text {
        en: "421,000 m² of old housing renovated for over 20,000 households, 14 new schools, livelihood spending up 50.2%: every figure with its source sentence.",
        zh: "旧住房拆除重建和改造42.1万平方米，2万余户受益；新建学校14所；民生财政支出增长50.2%：每个数据都附有原句。",
    },
    Text {
        en: "Key figures of Yangpu District's 14th Five-Year Plan period, with the housing renewal timeline.",
        zh: "杨浦区“十四五”时期主要数据及住房更新时间轴（英文图片）。",
    },
    Text {
        en: "Housing renewal, public services and innovation in Yangpu, 2021–2025, from the district's press conference.",
        zh: "杨浦区2021—2025年的住房更新、公共服务与创新，出自区政府新闻发布会。",
    },
];

/// The template's `<html lang>` and head texts in `lang`. Every English text must be found:
/// a changed index.html fails the build instead of shipping a half-English head.
fn localise_head(page: &str, lang: Lang) -> Result<String, String> {
    let mut page = page.to_string();
    let html_lang = ["<html lang=\"en\">", "<html lang=en>"]
        .into_iter()
        .find(|tag| page.contains(tag))
        .ok_or("index.html has no <html lang=\"en\">")?;
    page = page.replacen(html_lang, &format!("<html lang=\"{}\">", lang.tag()), 1);
    for text in HEAD {
        if !page.contains(text.en) {
            return Err(format!("index.html no longer has the head text {:?}", text.en));
        }
        page = page.replace(text.en, text.get(lang));
    }
    Ok(page)
}

/// Static downloads, so they work without JavaScript: each chart as SVG and CSV, and the
/// report's data package (every figure with its source sentence) as CSV and JSON.
fn write_downloads(dir: &std::path::Path) -> std::io::Result<()> {
    use yangpu_report::charts::{export, ChartId};
    std::fs::create_dir_all(dir)?;
    for chart in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            std::fs::write(dir.join(export::file_name(chart, "svg", lang)), export::download_svg(chart, lang))?;
            std::fs::write(dir.join(export::file_name(chart, "csv", lang)), export::chart_csv(chart, lang))?;
        }
    }
    std::fs::write(dir.join(export::FIGURES_CSV), export::figures_csv())?;
    std::fs::write(dir.join(export::REPORT_JSON), export::report_json())?;
    Ok(())
}

/// The Open Graph image, drawn by the chart code into a PNG.
fn write_social_preview(path: &std::path::Path) -> Result<(), String> {
    use plotters::prelude::*;
    use yangpu_report::charts::{social, Layout, Style};
    register_fonts()?;
    let root = BitMapBackend::new(path, social::SIZE).into_drawing_area();
    social::draw(&root, &Style::new(Layout::Wide, 1.0)).map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}

/// Text in PNGs needs a font file: DejaVu Sans, embedded in the pre-render binary.
fn register_fonts() -> Result<(), String> {
    use plotters::style::{register_font, FontStyle};
    register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular()).map_err(|_| "bad font")?;
    register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold()).map_err(|_| "bad font")?;
    Ok(())
}

/// The app as hydratable HTML, in `lang`.
fn render_app(lang: Lang) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| {
        provide_context(PageLang(lang));
        yangpu_report::App().into_view().to_html()
    })
}

/// Puts the app directly after `<body …>`: hydration needs it to be the body's first child,
/// with not even whitespace before it.
fn insert_after_body(page: &str, app: &str) -> Result<String, String> {
    if page.contains("data-testid=\"report\"") {
        return Err("index.html is already pre-rendered".into());
    }
    let open = page.find("<body").ok_or("index.html has no <body>")?;
    let close = open + page[open..].find('>').ok_or("unterminated <body> tag")? + 1;
    let rest = page[close..].trim_start();
    Ok(format!("{}{app}{rest}", &page[..close]))
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use yangpu_report::data::REPORT;

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
        assert!(zh.contains("<title>杨浦区：人民城市建设五年（2021—2025年）</title>"), "{zh}");
        assert!(HEAD.iter().all(|t| !zh.contains(t.en)), "no English left in the Chinese head");
        let en = localise_head(&template, Lang::En).unwrap();
        assert!(en.contains("<html lang=\"en\">") && en.contains(HEAD[0].en));
        assert!(localise_head("<html lang=\"en\"><title>Other</title>", Lang::Zh).is_err(), "a changed head fails");
    }

    #[test]
    fn the_pre_rendered_page_has_every_figure_and_no_inline_style_or_script() {
        for lang in [Lang::Zh, Lang::En] {
            let html = render_app(lang);
            assert!(html.starts_with("<div id=\"app\""), "the app is one root element");
            for figure in REPORT.figures {
                let value = yangpu_report::format::value(figure, lang).replace('>', "&gt;");
                assert!(html.contains(&value), "{} in {lang:?}", figure.id);
                assert!(html.contains(&format!("data-figure=\"{}\"", figure.id)));
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
