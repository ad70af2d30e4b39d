//! The pre-rendered pages' heads, in each language (native, feature `ssr`): the title that
//! WeChat shows as its card, the description, Open Graph for DingTalk, Weibo and Feishu,
//! QQ's `itemprop` tags, Twitter's card, and, when the build is given the report's public
//! address (`YANGPU_BASE_URL`), the canonical and alternate links and absolute `og:url` and
//! image addresses that crawlers need. Every text is a template whose blanks the data fills,
//! and every value is escaped; the template `index.html` carries none of these tags, so
//! Trunk's minifier cannot unquote a blank before it is filled.

use yangpu_core::charts::social::{self, Shape};
use yangpu_core::data::{FigureId, REPORT};
use yangpu_core::format;
use yangpu_core::i18n::{Lang, Text};
use yangpu_core::vocabulary::page_file;

/// The environment variable that gives the report's public address at build time.
pub const BASE_URL_VAR: &str = "YANGPU_BASE_URL";

/// The report's name as a site, for `og:site_name`.
const SITE_NAME: Text =
    Text { en: "Yangpu District Five-Year Report", zh: "杨浦区“十四五”建设发展成就报告" };
/// The page's description, for search engines and link cards that show one.
const DESCRIPTION: Text = Text {
    en: "What Yangpu District, Shanghai, achieved in the 14th Five-Year Plan period ({period}): housing and urban renewal, public services and innovation, every figure with its source sentence from the press conference held by the Shanghai Municipal Government Information Office.",
    zh: "上海市杨浦区“十四五”时期（{period}）建设发展成就，涵盖住房与城市更新、公共服务、创新发展三个方面。每项数据均注明出处：上海市人民政府新闻办公室新闻发布会英文文本中的原句。",
};
/// The link card's description: the headline figures.
const CARD_DESCRIPTION: Text = Text {
    en: "{area} of old housing demolished and renovated for {households}, {schools} new schools, fiscal expenditure on people’s livelihoods up {growth}: every figure with its source sentence.",
    zh: "五年来，杨浦区拆除重建和改造旧住房{area}，惠及{households}；“十四五”以来，新建学校{schools}所，民生领域财政支出增长{growth}。每项数据均附出处。",
};
/// The preview images' text alternative.
const IMAGE_ALT: Text = Text {
    en: "Key figures of Yangpu District’s 14th Five-Year Plan period: old housing demolished and renovated, households, new schools and livelihood spending.",
    zh: "杨浦区“十四五”时期主要数据：旧住房拆除重建和改造面积、惠及户数、新建学校数和民生领域财政支出增幅。",
};

/// The report's public address, checked: `http(s)://…/`, ending with a slash.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Reads an address such as `https://example.gov.cn/yangpu/`. A missing final slash is
    /// added; anything but an absolute http(s) address without spaces, quotes or angle
    /// brackets is refused with the reason.
    pub fn parse(text: &str) -> Result<BaseUrl, String> {
        let text = text.trim();
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| format!("{BASE_URL_VAR}={text:?}: not an http(s):// address"))?;
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() {
            return Err(format!("{BASE_URL_VAR}={text:?}: no host"));
        }
        if host.contains('@') {
            return Err(format!("{BASE_URL_VAR}={text:?}: a user name or password would be published in every page"));
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c)) {
            return Err(format!("{BASE_URL_VAR}={text:?}: has a space, a quote or an angle bracket"));
        }
        if text.contains(['?', '#']) {
            return Err(format!("{BASE_URL_VAR}={text:?}: a base address has no query or fragment"));
        }
        let slash = if text.ends_with('/') { "" } else { "/" };
        Ok(BaseUrl(format!("{text}{slash}")))
    }

    /// From the environment: `None` when the variable is unset or empty.
    pub fn from_env() -> Result<Option<BaseUrl>, String> {
        match std::env::var(BASE_URL_VAR) {
            Ok(v) if !v.trim().is_empty() => BaseUrl::parse(&v).map(Some),
            Ok(_) | Err(std::env::VarError::NotPresent) => Ok(None),
            Err(std::env::VarError::NotUnicode(v)) => Err(format!("{BASE_URL_VAR}={v:?}: not UTF-8")),
        }
    }

    /// The address of a file of the site: the Chinese page is the base itself.
    pub fn of(&self, file: &str) -> String {
        let file = if file == page_file(Lang::Zh) { "" } else { file };
        format!("{}{file}", self.0)
    }

    /// The address of the page in `lang`.
    pub fn page(&self, lang: Lang) -> String {
        self.of(page_file(lang))
    }
}

/// A file's address: absolute with a base, else relative to the page.
fn address(base: Option<&BaseUrl>, file: &str) -> String {
    match base {
        Some(base) => base.of(file),
        None => file.to_string(),
    }
}

/// The head's blanks in `lang`, from the data.
fn blanks(lang: Lang) -> Vec<(&'static str, String)> {
    let figure = |id: FigureId, text: fn(&yangpu_core::data::Figure, Lang) -> String| {
        yangpu_core::charts::figure_text(id, lang, text)
    };
    vec![
        ("period", REPORT.period.get(lang).into()),
        ("area", figure(FigureId::HousingAreaRenovated, format::with_unit)),
        ("households", figure(FigureId::HousingHouseholds, format::spoken)),
        ("schools", figure(FigureId::ServicesNewSchools, format::value)),
        // A running sentence says "up 50.2%", without the sign the value shows.
        ("growth", figure(FigureId::ServicesLivelihoodSpendingGrowth, format::value).trim_start_matches('+').into()),
    ]
}

use yangpu_core::share::escape_attribute as escape;

/// Open Graph's name of a language: zh_CN, en_GB (the report writes British English).
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh_CN",
        Lang::En => "en_GB",
    }
}

/// The head's tags for the page in `lang`, each on its line.
pub fn tags(lang: Lang, base: Option<&BaseUrl>) -> String {
    let blanks = blanks(lang);
    let blanks = yangpu_core::charts::blank_refs(&blanks);
    let fill = |t: Text| escape(&t.fill(lang, &blanks));
    let title = escape(&format::page_title(lang));
    let (description, card, alt) = (fill(DESCRIPTION), fill(CARD_DESCRIPTION), fill(IMAGE_ALT));
    let image = |shape: Shape| escape(&address(base, &social::file_name(shape, lang)));
    let (wide, square) = (image(Shape::Wide), image(Shape::Square));
    let ((w, h), (sw, sh)) = (Shape::Wide.size(), Shape::Square.size());
    let mut out =
        vec![format!("<title>{title}</title>"), format!("<meta name=\"description\" content=\"{description}\">")];
    if let Some(base) = base {
        out.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(&base.page(lang))));
        for other in [Lang::Zh, Lang::En] {
            let href = escape(&base.page(other));
            out.push(format!("<link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\">", other.tag()));
        }
    }
    out.extend([
        "<meta property=\"og:type\" content=\"article\">".to_string(),
        format!("<meta property=\"og:site_name\" content=\"{}\">", fill(SITE_NAME)),
        format!("<meta property=\"og:locale\" content=\"{}\">", og_locale(lang)),
        format!("<meta property=\"og:locale:alternate\" content=\"{}\">", og_locale(lang.other())),
        format!("<meta property=\"og:title\" content=\"{title}\">"),
        format!("<meta property=\"og:description\" content=\"{card}\">"),
    ]);
    if let Some(base) = base {
        out.push(format!("<meta property=\"og:url\" content=\"{}\">", escape(&base.page(lang))));
    }
    out.extend([
        format!("<meta property=\"og:image\" content=\"{wide}\">"),
        "<meta property=\"og:image:type\" content=\"image/png\">".to_string(),
        format!("<meta property=\"og:image:width\" content=\"{w}\">"),
        format!("<meta property=\"og:image:height\" content=\"{h}\">"),
        format!("<meta property=\"og:image:alt\" content=\"{alt}\">"),
        // The square one for platforms that crop to a square (WeChat, QQ).
        format!("<meta property=\"og:image\" content=\"{square}\">"),
        "<meta property=\"og:image:type\" content=\"image/png\">".to_string(),
        format!("<meta property=\"og:image:width\" content=\"{sw}\">"),
        format!("<meta property=\"og:image:height\" content=\"{sh}\">"),
        format!("<meta property=\"og:image:alt\" content=\"{alt}\">"),
        // QQ reads schema.org's microdata names.
        format!("<meta itemprop=\"name\" content=\"{title}\">"),
        format!("<meta itemprop=\"description\" content=\"{card}\">"),
        format!("<meta itemprop=\"image\" content=\"{square}\">"),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_string(),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{card}\">"),
        format!("<meta name=\"twitter:image\" content=\"{wide}\">"),
        format!("<meta name=\"twitter:image:alt\" content=\"{alt}\">"),
    ]);
    out.join("\n")
}

/// The template `index.html` in `lang`: its `<html lang>`, and the head's tags at the end of
/// its head (before `</head>`, or before `<body>` where the minifier left out `</head>`).
pub fn localise(page: &str, lang: Lang, base: Option<&BaseUrl>) -> Result<String, String> {
    let html_lang = ["<html lang=\"en\">", "<html lang=en>"]
        .into_iter()
        .find(|tag| page.contains(tag))
        .ok_or("index.html has no <html lang=\"en\">")?;
    let head = &page[..page.find("<body").unwrap_or(page.len())];
    if head.contains("<title") || head.contains("property=\"og:") || head.contains("property=og:") {
        return Err("index.html has its own <title> or Open Graph tags: the pre-render writes them".into());
    }
    let page = page.replacen(html_lang, &format!("<html lang=\"{}\">", lang.tag()), 1);
    let at = page.find("</head>").or_else(|| page.find("<body")).ok_or("index.html has neither </head> nor <body>")?;
    Ok(format!("{}{}\n{}", &page[..at], tags(lang, base), &page[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap()
    }

    /// What Trunk's release minifier does to a template: unquoted attribute values (the
    /// shipped head had `content={title}`), no `</head>`.
    fn minified(template: &str) -> String {
        template.replace("=\"en\"", "=en").replace("=\"utf-8\"", "=utf-8").replace("</head>", "")
    }

    #[test]
    fn each_page_has_its_language_title_and_card() {
        for page in [template(), minified(&template())] {
            let zh = localise(&page, Lang::Zh, None).unwrap();
            assert!(zh.contains("<html lang=\"zh-CN\">"));
            // The title as the data makes it: the period from report.toml.
            assert!(zh.contains("<title>杨浦区“十四五”建设发展成就（2021—2025年）</title>"), "{zh}");
            // The card's description carries the figures as report.toml states them.
            // Every figure filled (421,000 m², over 20,000 households, 14 schools, +50.2%), each
            // under the source's own time phrase: "Over these five years" for the housing,
            // "Since the start of the 14th Five-Year Plan period" for the spending (and the
            // schools, in the same paragraph), never one 五年来 over all three.
            let card = "五年来，杨浦区拆除重建和改造旧住房42.1万平方米，惠及2万余户；“十四五”以来，新建学校14所，民生领域财政支出增长50.2%。";
            assert!(zh.contains(card), "{zh}");
            assert!(zh.contains("<meta property=\"og:locale\" content=\"zh_CN\">"));
            assert!(zh.contains("<meta property=\"og:image\" content=\"social-zh.png\">"));
            assert!(zh.contains("<meta itemprop=\"image\" content=\"social-square-zh.png\">"));
            assert!(zh.contains("<meta itemprop=\"name\" content=\"杨浦区"));
            let title = zh.find("<title>").unwrap();
            assert!(title < zh.find("<body").unwrap(), "the tags are in the head");
            assert!(zh[..title].rfind("<!--") <= zh[..title].rfind("-->"), "and not inside a comment");
            assert!(
                yangpu_core::i18n::blanks_left(&zh).is_empty(),
                "every blank is filled: {:?}",
                yangpu_core::i18n::blanks_left(&zh)
            );
            let en = localise(&page, Lang::En, None).unwrap();
            assert!(en.contains("<html lang=\"en\">"));
            assert!(en.contains("<title>Yangpu District: five years of building a People’s City (2021–2025)</title>"));
            assert!(en.contains(
                "421,000 m² of old housing demolished and renovated for over 20,000 households, 14 new schools, fiscal expenditure on people’s livelihoods up 50.2%: every figure"
            ));
            assert!(en.contains("<meta property=\"og:image\" content=\"social-en.png\">"));
            assert!(yangpu_core::i18n::blanks_left(&en).is_empty(), "every blank is filled");
        }
        assert!(localise("<html lang=\"en\"><title>Other</title>", Lang::Zh, None).is_err(), "a head of its own fails");
        assert!(localise("<html><head></head><body>", Lang::Zh, None).is_err(), "a page without lang fails");
    }

    #[test]
    fn a_base_url_makes_every_address_absolute() {
        let base = BaseUrl::parse("https://example.gov.cn/yangpu").unwrap();
        let zh = localise(&template(), Lang::Zh, Some(&base)).unwrap();
        assert!(zh.contains("<meta property=\"og:url\" content=\"https://example.gov.cn/yangpu/\">"), "{zh}");
        assert!(zh.contains("<meta property=\"og:image\" content=\"https://example.gov.cn/yangpu/social-zh.png\">"));
        assert!(zh.contains("<meta itemprop=\"image\" content=\"https://example.gov.cn/yangpu/social-square-zh.png\">"));
        assert!(zh.contains("<link rel=\"canonical\" href=\"https://example.gov.cn/yangpu/\">"));
        assert!(zh.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.cn/yangpu/en.html\">"));
        let en = localise(&template(), Lang::En, Some(&base)).unwrap();
        assert!(en.contains("<meta property=\"og:url\" content=\"https://example.gov.cn/yangpu/en.html\">"));
        // Without one, no address pretends to be absolute.
        let plain = localise(&template(), Lang::Zh, None).unwrap();
        assert!(!plain.contains("og:url") && !plain.contains("canonical") && !plain.contains("https://"));
    }

    #[test]
    fn a_bad_base_url_is_refused_with_its_reason() {
        for (bad, reason) in [
            ("example.gov.cn", "not an http(s):// address"),
            ("ftp://example.gov.cn/", "not an http(s):// address"),
            ("https://", "no host"),
            ("https://a b/", "a space"),
            ("https://x/\"><script>", "a quote"),
            ("https://x/?a=1", "no query"),
            ("https://user:secret@example.gov.cn/", "password"),
        ] {
            let err = BaseUrl::parse(bad).expect_err(bad);
            assert!(err.contains(BASE_URL_VAR) && err.contains(reason), "{bad}: {err}");
        }
        assert_eq!(BaseUrl::parse("http://127.0.0.1:8080").unwrap().of("en.html"), "http://127.0.0.1:8080/en.html");
    }

    #[test]
    fn every_head_text_is_in_both_languages_with_the_same_blanks() {
        for t in [SITE_NAME, DESCRIPTION, CARD_DESCRIPTION, IMAGE_ALT] {
            assert_eq!(yangpu_core::i18n::blanks(t.en), yangpu_core::i18n::blanks(t.zh), "{}", t.en);
            assert!(t.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", t.zh);
        }
    }
}
