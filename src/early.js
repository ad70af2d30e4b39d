// Runs before the page is drawn (a small blocking script, allowed by the strict CSP): an
// embedded report is hidden until the wasm has applied its view, so a portal never sees the
// full report flash before the chart it asked for. The theme and reading mode are set early
// for the same reason. Only known values are used; the query is never written into the page.
(function () {
  var params = new URLSearchParams(location.search);
  var html = document.documentElement;
  if (params.has('embed')) html.setAttribute('data-embed-pending', '');
  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') html.setAttribute('data-theme', theme);
  if (params.get('mode') === 'large') html.setAttribute('data-mode', 'large');
  // Never leave the page hidden: if the wasm has not applied the view in 4 s, show it.
  setTimeout(function () { html.removeAttribute('data-embed-pending'); }, 4000);
})();
