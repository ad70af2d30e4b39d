//! Pre-renders the report into Trunk's staged `index.html` (a post_build hook), so the page
//! is complete before the wasm arrives, and without JavaScript at all.
//!
//! Usage: `prerender [index.html]`; defaults to `$TRUNK_STAGING_DIR/index.html`.

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use std::sync::Arc;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(|d| std::path::Path::new(&d).join("index.html")))
        .unwrap_or_else(|| fail("no index.html given and TRUNK_STAGING_DIR is not set"));
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("read {}: {e}", path.display())));
    let html = render_app();
    let page = insert_after_body(&page, &html).unwrap_or_else(|e| fail(&e));
    std::fs::write(&path, page).unwrap_or_else(|e| fail(&format!("write {}: {e}", path.display())));
    let dist = path.parent().unwrap_or(std::path::Path::new("."));
    write_downloads(&dist.join("downloads")).unwrap_or_else(|e| fail(&format!("write downloads: {e}")));
    write_social_preview(&dist.join("social-preview.png")).unwrap_or_else(|e| fail(&format!("social preview: {e}")));
    eprintln!("prerender: wrote {} bytes of report HTML into {}", html.len(), path.display());
}

/// Static downloads, so they work without JavaScript: each chart as SVG and CSV, and the
/// report's data package (every figure with its source sentence) as CSV and JSON.
fn write_downloads(dir: &std::path::Path) -> std::io::Result<()> {
    use yangpu_report::charts::{export, ChartId};
    std::fs::create_dir_all(dir)?;
    for chart in ChartId::ALL {
        std::fs::write(dir.join(export::file_name(chart, "svg")), export::download_svg(chart))?;
        std::fs::write(dir.join(export::file_name(chart, "csv")), export::chart_csv(chart))?;
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

/// The app as hydratable HTML.
fn render_app() -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| yangpu_report::App().into_view().to_html())
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
    fn the_pre_rendered_page_has_every_figure_and_no_inline_style_or_script() {
        let html = render_app();
        assert!(html.starts_with("<div id=\"app\""), "the app is one root element");
        for figure in REPORT.figures {
            assert!(html.contains(&yangpu_report::format::value(figure).replace('>', "&gt;")), "{}", figure.id);
            assert!(html.contains(&format!("data-figure=\"{}\"", figure.id)));
        }
        for milestone in REPORT.milestones {
            assert!(html.contains(&format!("datetime=\"{}\"", milestone.date)));
        }
        assert!(!html.contains("style="), "inline styles break the strict CSP");
        assert!(!html.contains("<script"), "inline scripts break the strict CSP");
        assert!(html.contains("«AI"), "the source text is there to its last word");
    }
}
