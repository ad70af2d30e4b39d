// Runs before the page is drawn (a small blocking script, allowed by the strict CSP).
// 1. Language: the report is pre-rendered in Chinese (index.html) and English (en.html). A
//    reader whose link (?lang=) or, failing that, browser asks for the other language is sent
//    to that page now, before anything is painted, with the same query and fragment.
// 2. An embedded report is hidden until the wasm has applied its view, so a portal never
//    sees the full report flash before the chart it asked for.
// 3. The theme and reading mode are set early for the same reason.
// Only known values are used; the query is never written into the page.
(function () {
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
  if (params.has('embed')) html.setAttribute('data-embed-pending', '');
  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') html.setAttribute('data-theme', theme);
  if (params.get('mode') === 'large') html.setAttribute('data-mode', 'large');
  // Never leave the page hidden: if the wasm has not applied the view in 4 s, show it.
  setTimeout(function () { html.removeAttribute('data-embed-pending'); }, 4000);
})();
