//! Browser tests: mount the report's components in headless Chromium and assert on the DOM.
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features hydrate`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yangpu_core::data::{FigureId, REPORT};
use yangpu_core::i18n::Lang;
use yangpu_report::components::{FigureCard, KeyFigures, SourceText, Timeline};
use yangpu_report::page::PageLang;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the document, so each test sees only its own component. The page is
/// English, as the tests read it (components take the page's language from `<html lang>`).
fn container() -> HtmlElement {
    let document = document();
    document.document_element().unwrap().set_attribute("lang", "en").unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
fn a_card_shows_value_unit_label_and_its_quote() {
    let root = container();
    let figure = REPORT.figure(FigureId::HousingHouseholds);
    let _mounted = leptos::mount::mount_to(root.clone(), move || view! { <FigureCard figure/> });
    assert_eq!(text(&root, ".card-number"), "20,000+");
    assert_eq!(text(&root, ".card-unit"), "households");
    assert!(text(&root, ".visually-hidden").contains("over 20,000 households"));
    assert_eq!(text(&root, "mark"), figure.quote);
    assert!(text(&root, "blockquote").starts_with("Over these five years"), "the whole sentence is shown");
    let href = root.query_selector("[data-testid=source-link]").unwrap().unwrap().get_attribute("href").unwrap();
    assert!(href.starts_with("#s") && href[2..].parse::<usize>().is_ok(), "{href}");
}

#[wasm_bindgen_test]
fn a_card_in_chinese_writes_the_number_the_chinese_way_and_keeps_the_quote_english() {
    let root = container();
    let figure = REPORT.figure(FigureId::HousingAreaRenovated);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_context(PageLang(Lang::Zh));
        view! { <FigureCard figure/> }
    });
    assert_eq!(text(&root, ".card-number"), "42.1万");
    assert_eq!(text(&root, ".card-unit"), "平方米");
    assert_eq!(text(&root, ".card-label"), "旧住房拆除重建和改造面积");
    assert_eq!(text(&root, "summary"), "出处");
    let quote = root.query_selector("blockquote").unwrap().unwrap();
    assert_eq!(quote.get_attribute("lang").as_deref(), Some("en"), "the source stays English, marked so");
    assert_eq!(text(&root, "mark"), figure.quote);
}

#[wasm_bindgen_test]
async fn the_show_all_control_waits_for_ready_then_opens_every_source() {
    let root = container();
    let ready = RwSignal::new(false);
    let _mounted = leptos::mount::mount_to(root.clone(), move || view! { <KeyFigures ready/> });
    let button: HtmlElement = root.query_selector("[data-testid=toggle-sources]").unwrap().unwrap().unchecked_into();
    assert_eq!(all(&root, "[data-testid=figure-card]").len(), REPORT.figures.len());
    assert!(button.has_attribute("disabled"), "disabled before the app is ready");
    assert!(button.has_attribute("title"), "and says why");

    ready.set(true);
    leptos::task::tick().await;
    assert!(!button.has_attribute("disabled"));
    assert!(!button.has_attribute("title"));
    assert_eq!(all(&root, "details[open]").len(), 0);

    button.click();
    leptos::task::tick().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(all(&root, "details").iter().filter(|d| d.has_attribute("open")).count(), REPORT.figures.len());

    button.click();
    leptos::task::tick().await;
    assert_eq!(all(&root, "details").iter().filter(|d| d.has_attribute("open")).count(), 0);
}

#[wasm_bindgen_test]
fn the_source_text_marks_every_cited_sentence_and_links_resolve() {
    let root = container();
    let _text = leptos::mount::mount_to(root.clone(), SourceText);
    let _cards = leptos::mount::mount_to(root.clone(), move || view! { <KeyFigures ready=Signal::stored(true)/> });
    let sentences = all(&root, "[data-testid=source-sentence]");
    assert!(sentences.len() > 20);
    let cited = all(&root, "[data-testid=source-sentence].cited");
    assert!(!cited.is_empty() && cited.len() < sentences.len(), "some, not all, sentences are cited");
    // Every "read it in context" link points at a sentence that exists and is marked cited.
    for link in all(&root, "[data-testid=source-link]") {
        let href = link.get_attribute("href").unwrap();
        let target = document().get_element_by_id(&href[1..]).unwrap_or_else(|| panic!("{href} has no target"));
        assert!(target.class_list().contains("cited"), "{href} is not marked cited");
    }
    assert!(text(&root, "[data-testid=source-cut]").contains("ends here"));
}

#[wasm_bindgen_test]
fn milestones_are_in_date_order_with_machine_readable_dates() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), Timeline);
    let dates: Vec<String> = all(&root, "time").iter().map(|t| t.get_attribute("datetime").unwrap()).collect();
    assert_eq!(dates, ["2019-11", "2021", "2022", "2023", "2024", "2025"]);
    assert_eq!(text(&root, "time"), "November 2019");
    assert_eq!(all(&root, ".basis").len(), 2, "the two years the text implies say so");
}

/// Waits `ms` milliseconds (lets ResizeObserver and effects run).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_chart_draws_its_canvas_at_the_pixel_ratio_and_answers_the_keyboard() {
    use yangpu_core::charts::ChartId;
    use yangpu_report::components::ChartCard;
    let root = container();
    root.style().set_property("width", "600px").unwrap();
    let _mounted = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ChartCard chart=ChartId::LivelihoodGrowth ready=Signal::stored(true)/> },
    );
    sleep(100).await;
    let frame = root.query_selector("[data-testid=chart-frame]").unwrap().unwrap();
    assert!(frame.class_list().contains("canvas-ready"), "the canvas has drawn");
    let canvas: web_sys::HtmlCanvasElement =
        root.query_selector("[data-testid=chart-canvas]").unwrap().unwrap().unchecked_into();
    let ratio = web_sys::window().unwrap().device_pixel_ratio();
    let css_width = f64::from(frame.client_width());
    assert!(
        (f64::from(canvas.width()) - css_width * ratio).abs() <= 1.0,
        "backing {} for CSS {css_width} × {ratio}",
        canvas.width()
    );
    assert!(canvas.get_attribute("aria-label").unwrap().contains("150.2"), "the description names the values");

    let announcement = root.query_selector("[data-testid=chart-announcement]").unwrap().unwrap();
    key(&canvas, "ArrowRight");
    leptos::task::tick().await;
    assert!(
        announcement.text_content().unwrap().contains("Start of the period: 100,"),
        "{:?}",
        announcement.text_content()
    );
    key(&canvas, "End");
    leptos::task::tick().await;
    assert!(announcement.text_content().unwrap().contains("Latest: 150.2,"));
    assert_eq!(all(&root, "[data-testid=chart-tooltip]").len(), 1);
    key(&canvas, "Escape");
    leptos::task::tick().await;
    assert_eq!(all(&root, "[data-testid=chart-tooltip]").len(), 0);
    assert_eq!(all(&root, "tbody tr").len(), 2, "the table has one row per value");
}

#[wasm_bindgen_test]
async fn the_timeline_moves_with_the_arrow_keys_home_and_end_and_announces() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), Timeline);
    let buttons = all(&root, "[data-testid=milestone-button]");
    let pressed = || {
        all(&root, "[data-testid=milestone-button]")
            .iter()
            .position(|b| b.get_attribute("aria-pressed").as_deref() == Some("true"))
    };
    let tab_stops = || {
        all(&root, "[data-testid=milestone-button]")
            .iter()
            .filter(|b| b.get_attribute("tabindex").as_deref() == Some("0"))
            .count()
    };
    assert_eq!(pressed(), None);
    assert_eq!(tab_stops(), 1, "one tab stop");
    buttons[0].unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    assert_eq!(pressed(), Some(0));
    key(&buttons[0], "ArrowRight");
    leptos::task::tick().await;
    assert_eq!(pressed(), Some(1));
    key(&buttons[1], "End");
    leptos::task::tick().await;
    assert_eq!(pressed(), Some(buttons.len() - 1));
    let announced = text(&root, "[data-testid=timeline-announcement]");
    // The text says «this year» for 2025; the announcement says so beside the year (issue 11).
    assert!(announced.starts_with("2025 («this year»): The era of «carrying chamber pots» ends."), "{announced}");
    key(&buttons[5], "Home");
    leptos::task::tick().await;
    assert_eq!(pressed(), Some(0));
    assert_eq!(tab_stops(), 1, "still one tab stop, on the selection");
    assert!(text(&root, "[data-testid=timeline-announcement]").contains("Milestone 1 of 6"));
}

#[wasm_bindgen_test]
fn a_panic_shows_a_notice_with_a_reload_link_once() {
    yangpu_report::crash::show_notice();
    yangpu_report::crash::show_notice();
    let notices = all(&document().body().unwrap(), "[data-testid=crash-notice]");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].get_attribute("role").as_deref(), Some("alert"));
    let link = notices[0].query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href"), web_sys::window().unwrap().location().href().ok());
    assert!(notices[0].text_content().unwrap().contains("Something went wrong"));
}
