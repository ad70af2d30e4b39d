// Runs before the page is drawn (a small blocking script, allowed by the strict CSP).
// 1. Language: the report is pre-rendered in Chinese (index.html) and English (en.html). A
//    reader whose link (?lang=) or, failing that, browser asks for the other language is sent
//    to that page now, before anything is painted, with the same query and fragment.
// 2. An embedded report shows its view at once, by CSS alone: a valid `embed` value (the
//    rules of src/state/url.rs, which a native test keeps in step with the lists below) goes
//    on <html data-embed>, and style/main.css shows only that view of the pre-rendered page.
//    An invalid value shows the full report. Nothing waits for the wasm.
// 3. The theme and reading mode are set early for the same reason.
// 4. The wasm is requested now, while the rest of the page is parsed (src/boot.js, a module,
//    runs only after that), and handed to boot.js as the response's promise: one fetch. The
//    build (scripts/inline.mjs) puts this script into the page's head, after the wasm's
//    <meta> and before the stylesheet.
// Only known values are used; the query is never written into the page.
(function () {
  var CHARTS = ['housing-renewal', 'livelihood-share', 'livelihood-growth', 'education', 'innovation-awards'];
  var SECTIONS = ['key-figures', 'housing', 'services', 'innovation', 'milestones', 'source'];
  var params = new URLSearchParams(location.search);
  var html = document.documentElement;
  var asked = params.get('lang');
  if (asked !== 'zh' && asked !== 'en') {
    var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    asked = String(tags[0] || '').slice(0, 2).toLowerCase() === 'zh' ? 'zh' : 'en';
  }
  var here = html.lang.slice(0, 2) === 'zh' ? 'zh' : 'en';
  if (asked !== here) {
    var path = location.pathname;
    var dir = path.slice(0, path.lastIndexOf('/') + 1);
    location.replace(dir + (asked === 'en' ? 'en.html' : '') + location.search + location.hash);
    return;
  }
  // The embed view, as url.rs's parse_embed reads it: "" or "report", "timeline",
  // "chart:<chart>", "section:<section>".
  function embedView(value) {
    if (value === '' || value === 'report' || value === 'timeline') return value || 'report';
    var colon = value.indexOf(':');
    var kind = value.slice(0, colon);
    var id = value.slice(colon + 1);
    if (colon > 0 && kind === 'chart' && CHARTS.indexOf(id) >= 0) return value;
    if (colon > 0 && kind === 'section' && SECTIONS.indexOf(id) >= 0) return value;
    return null;
  }
  if (params.has('embed')) {
    var view = embedView(params.get('embed'));
    if (view) html.setAttribute('data-embed', view);
  }
  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') html.setAttribute('data-theme', theme);
  if (params.get('mode') === 'large') html.setAttribute('data-mode', 'large');
  var wasm = document.querySelector('meta[name="yangpu-report-wasm"]');
  if (wasm && typeof fetch === 'function' && typeof WebAssembly === 'object') {
    // At low priority: the page's own parse and paint come first (and Lighthouse's simulated
    // first paint does not wait for a low-priority download).
    var response = fetch(new URL(wasm.content, document.baseURI).href, { priority: 'low' });
    response['catch'](function () {}); // boot.js reports a failure; nothing is unhandled here
    window.__yangpuWasm = response;
  }
})();
