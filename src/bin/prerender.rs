//! Pre-renders the report from Trunk's staged `index.html` (a post_build hook), so the page
//! is complete before the wasm arrives, and without JavaScript at all: in Chinese into
//! `index.html`, in English into `en.html` beside it (early.js sends a reader whose
//! browser or link asks for the other language there before the first paint). It also
//! writes the static downloads and the social preview. What is written is composed in
//! `yangpu_report::prerender`, where the tests read it.
//!
//! Usage: `prerender [index.html]`; defaults to `$TRUNK_STAGING_DIR/index.html`.

use std::path::{Path, PathBuf};
use yangpu_report::i18n::Lang;
use yangpu_report::prerender;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(|d| Path::new(&d).join("index.html")))
        .unwrap_or_else(|| fail("no index.html given and TRUNK_STAGING_DIR is not set"));
    let template = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("read {}: {e}", path.display())));
    let dist = path.parent().unwrap_or(Path::new("."));
    for lang in [Lang::Zh, Lang::En] {
        let (file, page) = prerender::page(&template, lang).unwrap_or_else(|e| fail(&e));
        let file = dist.join(file);
        std::fs::write(&file, &page).unwrap_or_else(|e| fail(&format!("write {}: {e}", file.display())));
        eprintln!("prerender: wrote {} bytes into {}", page.len(), file.display());
    }
    let downloads = dist.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap_or_else(|e| fail(&format!("downloads: {e}")));
    for (name, content) in prerender::downloads() {
        std::fs::write(downloads.join(&name), content).unwrap_or_else(|e| fail(&format!("write {name}: {e}")));
    }
    write_social_preview(&dist.join("social-preview.png")).unwrap_or_else(|e| fail(&format!("social preview: {e}")));
}

/// The Open Graph image, drawn by the chart code into a PNG.
fn write_social_preview(path: &Path) -> Result<(), String> {
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

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1)
}
