//! Pre-renders the report from Trunk's staged `index.html` (a post_build hook), so the page
//! is complete before the wasm arrives, and without JavaScript at all: in Chinese into
//! `index.html`, in English into `en.html` beside it (early.js sends a reader whose
//! browser or link asks for the other language there before the first paint). It also
//! writes the static downloads and the social preview images (`charts::social`). What is
//! written is composed in `yangpu_report::prerender`, where the tests read it.
//!
//! Usage: `prerender [index.html]`; defaults to `$TRUNK_STAGING_DIR/index.html`.

use std::path::{Path, PathBuf};
use yangpu_core::charts::social;
use yangpu_core::i18n::blanks_left;
use yangpu_core::i18n::Lang;
use yangpu_core::share::picture;
use yangpu_report::head::BaseUrl;
use yangpu_report::prerender;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(|d| Path::new(&d).join("index.html")))
        .unwrap_or_else(|| fail("no index.html given and TRUNK_STAGING_DIR is not set"));
    let template = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("read {}: {e}", path.display())));
    let dist = path.parent().unwrap_or(Path::new("."));
    // The report's public address, if the deployment gives one (README, "Deploying").
    let base = BaseUrl::from_env().unwrap_or_else(|e| fail(&e));
    for lang in [Lang::Zh, Lang::En] {
        let (file, page) = prerender::page(&template, lang, base.as_ref()).unwrap_or_else(|e| fail(&e));
        let file = dist.join(file);
        std::fs::write(&file, &page).unwrap_or_else(|e| fail(&format!("write {}: {e}", file.display())));
        eprintln!("prerender: wrote {} bytes into {}", page.len(), file.display());
    }
    let downloads = dist.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap_or_else(|e| fail(&format!("downloads: {e}")));
    for (name, content) in prerender::downloads() {
        std::fs::write(downloads.join(&name), content).unwrap_or_else(|e| fail(&format!("write {name}: {e}")));
    }
    refuse_unfilled_blanks(dist);
    register_fonts().unwrap_or_else(|e| fail(&e));
    for shape in social::ALL_SHAPES {
        for lang in [Lang::Zh, Lang::En] {
            let file = dist.join(social::file_name(shape, lang));
            write_social_image(&file, shape, lang).unwrap_or_else(|e| fail(&format!("{}: {e}", file.display())));
        }
    }
    std::fs::create_dir_all(dist.join(picture::DIR)).unwrap_or_else(|e| fail(&format!("{}: {e}", picture::DIR)));
    for view in picture::View::all() {
        for lang in [Lang::Zh, Lang::En] {
            let file = dist.join(picture::file_name(view, lang));
            let page = prerender::picture_page(base.as_ref(), lang);
            write_picture(&file, view, lang, page.as_deref())
                .unwrap_or_else(|e| fail(&format!("{}: {e}", file.display())));
        }
    }
}

/// A picture to save and share (`share::picture`), drawn by the chart code into a PNG.
fn write_picture(path: &Path, view: picture::View, lang: Lang, page: Option<&str>) -> Result<(), String> {
    let (size, pixels) = picture_pixels(view, lang, page)?;
    std::fs::write(path, encode_png(size, &pixels)?).map_err(|e| e.to_string())
}

/// The picture's RGB pixels, drawn by the chart code, and its size.
fn picture_pixels(view: picture::View, lang: Lang, page: Option<&str>) -> Result<((u32, u32), Vec<u8>), String> {
    use plotters::prelude::*;
    let (w, h) = picture::size(view, lang, page);
    let mut pixels = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        picture::draw(&root, view, lang, page).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(((w, h), pixels))
}

/// RGB pixels as a PNG at the best compression with adaptive filters (a third smaller than
/// plotters' own encoding: the long picture stays under 1 MB).
fn encode_png((w, h): (u32, u32), pixels: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(pixels).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// A social preview image, drawn by the chart code into a PNG.
fn write_social_image(path: &Path, shape: social::Shape, lang: Lang) -> Result<(), String> {
    use plotters::prelude::*;
    let root = BitMapBackend::new(path, shape.size()).into_drawing_area();
    social::draw(&root, shape, lang).map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}

/// The subset of Noto Sans CJK SC (OFL 1.1, `fonts/OFL.txt`) that the Chinese images draw:
/// only the characters they use (`scripts/subset-font.sh`). Only this binary embeds it, so the
/// wasm never carries it.
const CJK_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansCJKsc-Regular.subset.otf");
const CJK_BOLD: &[u8] = include_bytes!("../../fonts/NotoSansCJKsc-Bold.subset.otf");

/// Text in PNGs needs a font file: DejaVu Sans for English and the CJK subset for Chinese,
/// embedded in the pre-render binary.
fn register_fonts() -> Result<(), String> {
    use plotters::style::{register_font, FontStyle};
    let bad = |name: &'static str| move |_| format!("bad font: {name}");
    register_font(social::LATIN_FONT, FontStyle::Normal, dejavu::sans::regular()).map_err(bad("DejaVu Sans"))?;
    register_font(social::LATIN_FONT, FontStyle::Bold, dejavu::sans::bold()).map_err(bad("DejaVu Sans Bold"))?;
    register_font(social::CJK_FONT, FontStyle::Normal, CJK_REGULAR).map_err(bad(social::CJK_FONT))?;
    register_font(social::CJK_FONT, FontStyle::Bold, CJK_BOLD).map_err(bad(social::CJK_FONT))?;
    Ok(())
}

/// Fails the build if any text file it ships (HTML, SVG, CSV, JSON) still has a `{name}`
/// blank: what Trunk's minifier did to the head once, unnoticed.
fn refuse_unfilled_blanks(dist: &Path) {
    let mut dirs = vec![dist.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| fail(&format!("read {}: {e}", dir.display())));
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| ["html", "svg", "csv", "json"].iter().any(|e| x == *e)) {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| fail(&format!("read {} to check its blanks: {e}", path.display())));
                let left = blanks_left(&text);
                if !left.is_empty() {
                    fail(&format!("{} has unfilled blanks: {left:?}", path.display()));
                }
            }
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    /// The QR codes a picture's pixels hold, decoded as a phone's camera would (rqrr).
    fn decoded((w, h): (u32, u32), pixels: &[u8]) -> Vec<String> {
        let grey = |x: usize, y: usize| {
            let i = (y * w as usize + x) * 3;
            ((u16::from(pixels[i]) + u16::from(pixels[i + 1]) + u16::from(pixels[i + 2])) / 3) as u8
        };
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, grey);
        image.detect_grids().iter().filter_map(|g| g.decode().ok()).map(|(_, text)| text).collect()
    }

    /// Every picture to share, as the build writes it: 1080 px wide, at most 5000 px tall, a
    /// PNG under 1 MB, and its QR code decodes to exactly its view's link, the one the share
    /// dialog shows, on the page in its language; without an address there is no QR code.
    #[test]
    fn every_picture_is_a_small_png_whose_qr_code_opens_its_view() {
        register_fonts().expect("the fonts register");
        let base = yangpu_report::head::BaseUrl::parse("https://example.gov.cn/yangpu/").unwrap();
        for view in picture::View::all() {
            for lang in [Lang::Zh, Lang::En] {
                let name = picture::file_name(view, lang);
                let page = prerender::picture_page(Some(&base), lang);
                let (size, pixels) = picture_pixels(view, lang, page.as_deref()).expect("draws");
                assert_eq!(size.0, picture::WIDTH, "{name}");
                assert!(size.1 <= picture::MAX_HEIGHT, "{name}: {} px tall", size.1);
                let png = encode_png(size, &pixels).expect("encodes");
                assert!(png.len() < 1_000_000, "{name}: {} bytes", png.len());
                let state = picture::View::state(view);
                let expected = yangpu_core::share::link(&base.of(yangpu_core::vocabulary::page_file(lang)), &state);
                assert_eq!(decoded(size, &pixels), std::slice::from_ref(&expected), "{name}");
                assert!(expected.starts_with("https://example.gov.cn/yangpu/"), "{expected}");
                // Without an address, no code: the words say where the report is.
                let (size, pixels) = picture_pixels(view, lang, None).expect("draws");
                assert!(decoded(size, &pixels).is_empty(), "{name}: no QR code without an address");
            }
        }
        // The decoder reads what it is given: a code of another link is not this one.
        let other = picture::link(picture::View::Report, "https://example.gov.cn/yangpu/en.html");
        assert_eq!(other, "https://example.gov.cn/yangpu/en.html");
    }

    /// Every social image draws as a PNG with the embedded fonts (a family the images name but
    /// the pre-render does not register fails here), and its text is drawn: the title band holds
    /// white ink.
    #[test]
    fn every_social_image_draws_with_the_embedded_fonts() {
        register_fonts().expect("the fonts register");
        for shape in social::ALL_SHAPES {
            for lang in [Lang::Zh, Lang::En] {
                let (w, h) = shape.size();
                let mut pixels = vec![0u8; (w * h * 3) as usize];
                {
                    let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
                    social::draw(&root, shape, lang).unwrap_or_else(|e| panic!("{shape:?} {lang:?}: {e}"));
                    root.present().expect("presents");
                }
                let white = pixels[..(w * 120 * 3) as usize].chunks(3).filter(|p| p.iter().all(|c| *c > 240)).count();
                assert!(white > 500, "{}: the title is drawn ({white} white pixels)", social::file_name(shape, lang));
            }
        }
    }
}
