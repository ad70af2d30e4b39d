//! The interface's own words (buttons, headings, hints), in both languages. `ALL` lists
//! every one, so a test can check that no text is empty and that both languages of a
//! template have the same blanks.

use super::Text;

macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident: $en:literal, $zh:literal;)*) => {
        $($(#[$doc])* pub const $name: Text = Text { en: $en, zh: $zh };)*
        /// Every interface text, with its name (for test messages).
        pub const ALL: &[(&str, Text)] = &[$((stringify!($name), $name)),*];
    };
}

texts! {
    // The page around the report.
    PAGE_TITLE: "Yangpu District: five years of building a People’s City ({period})", "杨浦区“十四五”建设发展成就（{period}）";
    SKIP_LINK: "Skip to the report", "跳至正文";
    NAV: "Sections and display", "章节与显示";
    DISPLAY: "Display", "显示";
    LARGE_TEXT: "Large text", "大字版";
    DARK_MODE: "Dark mode", "深色模式";
    /// The language switch names the language it switches to, in that language.
    SWITCH_LANGUAGE: "中文", "English";
    SWITCH_LANGUAGE_LABEL: "阅读中文版", "Read in English";
    KEY_FIGURES: "Key figures", "主要数据";
    MILESTONES: "Milestones", "大事记";
    SOURCE_TEXT: "Source text", "英文文本";
    FOOTER_SOURCE: "Source: the English text of the press conference on Yangpu District’s achievements held by the Shanghai Municipal Government Information Office, the sixth in its {series} series on Shanghai’s 14th Five-Year Plan achievements.", "来源：上海市人民政府新闻办公室举行的杨浦区“十四五”时期建设发展成就新闻发布会（上海“十四五”成就系列第六场）的英文文本。";
    FOOTER_CUT: "The text available to this report is cut off mid-sentence; nothing beyond it is shown.", "所据英文文本至此中断，以下内容未收录。";
    WASM_FAILED: "Interactive features are unavailable in this browser; the whole report is readable as it is.", "当前浏览器无法使用互动功能，不影响阅读报告全文。";
    // Masthead.
    EYEBROW: "Yangpu District, Shanghai · 14th Five-Year Plan", "上海市杨浦区·“十四五”建设发展成就";
    PERIOD: "Period", "时期";
    SHARE_REPORT: "Share or embed the report", "分享报告";
    THE_WHOLE_REPORT: "the whole report", "整份报告";
    CONCEPT_LABEL: "The concept behind the report, proposed in {date}:", "{date}提出的“人民城市”重要理念：";
    SOURCE: "Source", "出处";
    // Key figures.
    SHOW_ALL_SOURCES: "Show all sources", "显示全部出处";
    AVAILABLE_WHEN_LOADED: "Available once the page has finished loading", "页面加载完成后可用";
    // Sections.
    SHARE_SECTION: "Share this section", "分享本节";
    IN_FIGURES: "In figures", "数据";
    ACHIEVEMENTS: "Achievements", "成就";
    // Timeline.
    TIMELINE_HELP: "Select a milestone to see where it comes from and the charts it relates to.", "点击任一节点，可查看出处和相关图表。";
    /// Shown only where there is a keyboard (CSS: a fine pointer), always to screen readers.
    TIMELINE_KEYS: "The arrow keys move between them.", "用方向键可在节点之间移动。";
    MILESTONE_POSITION: "{date}: {title}. Milestone {i} of {n}.", "{date}：{title}。第{i}条，共{n}条。";
    MILESTONE_SHARE: "Milestone {date}", "{date}大事";
    SHARE_MILESTONE: "Share this milestone", "分享这条大事";
    RELATED: "Related", "相关内容";
    RELATED_CHART: "Chart: {title}", "图表：{title}";
    RELATED_SECTION: "Section: {title}", "章节：{title}";
    RELATED_CONCEPT: "The «People’s City» concept", "“人民城市”理念";
    RELATED_KEY_FIGURES: "Key figures of the period", "“十四五”时期主要数据";
    // Source text and quotes.
    SOURCE_TITLE: "The source: the press conference text", "出处：新闻发布会英文文本";
    SOURCE_INTRO: "Every figure in this report comes from this text, an English text of the press conference held by the Shanghai Municipal Government Information Office, shown unchanged. Sentences the report cites are", "本报告所有数据均出自以下新闻发布会英文文本，原样照录，未作改动。报告引用的句子已";
    SOURCE_MARKED: "marked", "标出";
    FULL_STOP: ".", "。";
    SOURCE_CUT: "[The text ends here, mid-sentence.]", "（原文至此中断）";
    DATA_PACKAGE: "Every figure with its source sentence and a citation:", "全部数据及其出处句子和引用信息：";
    QUOTE_CAPTION: "Press conference text,", "新闻发布会英文文本，";
    READ_IN_CONTEXT: "read it in context", "查看上下文";
    ENGLISH_ORIGINAL: "English original:", "英文文本：";
    // Read aloud.
    READ_ALOUD: "Read aloud", "朗读";
    STOP_READING: "Stop reading", "停止朗读";
    READ_ALOUD_LABEL: "{action}: {what}", "{action}：{what}";
    // Charts.
    CHART_HELP: "Use the arrow keys to move between the values, Escape to leave.", "用方向键在数值之间移动，按Esc键退出。";
    CHART_POSITION: "{label}: {value}, {period}. {i} of {n}.", "{label}：{value}，{period}。第{i}项，共{n}项。";
    CHART_SOURCE: "Source: press conference text,", "出处：新闻发布会英文文本，";
    CHART_SOURCE_LINK: "the sentence this comes from", "查看上下文";
    SHOW_AS_TABLE: "Show as table", "以表格显示";
    MEASURE: "Measure", "指标";
    VALUE: "Value", "数值";
    NOTE: "Note", "说明";
    DOWNLOAD: "Download:", "下载：";
    SHARE_OR_EMBED: "Share or embed", "分享图表";
    UNITS: "Units: {units}.", "单位：{units}。";
    // Share dialog.
    SHARE_TITLE: "Share:", "分享：";
    LINK_TO_VIEW: "Link to this view", "本页链接";
    COPY_LINK: "Copy link", "复制链接";
    LINK_COPIED: "Link copied.", "链接已复制。";
    COPY_REFUSED: "Automatic copying is not available here. The text is selected: copy it with your device’s copy command.", "此处无法自动复制。文本已选中，请用设备的复制功能复制。";
    SHARE_NATIVE: "Share…", "其他分享方式";
    QR_LABEL: "QR code of the link, for scanning with a phone", "本页链接的二维码";
    QR_HELP: "Scan with a phone camera or WeChat to open this view.", "用微信扫一扫，或用手机相机扫码，即可打开本页。";
    SAVE_PICTURE: "Save picture", "保存图片";
    /// Beside the picture: WeChat's in-app browser ignores download links; a long press saves.
    SAVE_PICTURE_HELP: "Press and hold the picture to save it, or download it where your browser allows.", "长按图片即可保存到手机，也可直接下载。";
    PICTURE_ALT: "{title}: one picture with the key figures, the charts and the source, to save and share", "{title}：一图读懂，含主要数据、图表和出处";
    DOWNLOAD_PICTURE: "Download the picture", "下载图片";
    /// The plain link to a view's picture (chart cards, sections, the masthead), also without JavaScript.
    PICTURE_LINK: "Picture to share", "分享图片";
    EMBED_CODE: "Embed code for a website", "网站嵌入代码";
    COPY_EMBED: "Copy embed code", "复制嵌入代码";
    EMBED_COPIED: "Embed code copied.", "嵌入代码已复制。";
    CLOSE: "Close", "关闭";
    // Panic notice.
    CRASHED: "Something went wrong in the interactive part of this report. Everything below is still here to read; reloading usually fixes it.", "报告的交互功能出现问题。以下内容仍可正常阅读，刷新页面一般即可恢复。";
    RELOAD: "Reload the report", "刷新页面";
}

#[cfg(test)]
mod tests {
    /// Blanks only the English template has, each with its text's name: the series' English
    /// title, which the Chinese texts do not set in Chinese prose.
    const EN_ONLY_BLANKS: &[(&str, &str)] = &[("FOOTER_SOURCE", "series")];

    use super::super::blanks;
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages_with_the_same_blanks() {
        assert!(ALL.len() > 50, "the list is generated with the constants");
        for (name, text) in ALL {
            assert!(!text.en.trim().is_empty() && !text.zh.trim().is_empty(), "{name} is empty in a language");
            let mut en = blanks(text.en);
            // The series' English title is the source's own words: the Chinese texts leave it to
            // the source panel (data/chinese-style.md: no «» in Chinese text).
            en.retain(|b| !(EN_ONLY_BLANKS.contains(&(*name, *b))));
            assert_eq!(en, blanks(text.zh), "{name}: the languages' templates differ");
        }
    }

    #[test]
    fn chinese_texts_are_chinese() {
        // A copy-pasted English text in the Chinese column would pass the checks above.
        let han = |s: &str| {
            s.chars().any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}'))
        };
        for (name, text) in ALL {
            // The language switch speaks the language it switches to.
            if !name.starts_with("SWITCH_LANGUAGE") {
                assert!(han(text.zh), "{name} has no Chinese");
            }
        }
    }
}
