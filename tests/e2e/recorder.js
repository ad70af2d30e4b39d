// Served by the test server (server.mjs, `instrument: true`) as the first script of every
// page, in every engine: what playwright's init scripts did in Chromium alone. It records,
// from the first byte, what a test asserts on afterwards (window.__e2e):
// - errors: uncaught errors and rejections, and console.error calls;
// - warnings: console.warn calls (the report's promised warnings for ignored parameters);
// - violations: Content-Security-Policy violations;
// - added / removed: nodes added or removed after parsing (hydration must do neither);
// - measures: { name: count } of User Timing measures (each chart draw is one);
// - spoken: with `fake=speech`, a recording speech synthesis: { text, lang } for each
//   utterance spoken and { cancel: true } for each cancel, in order, so a test hears what
//   read-aloud says in engines without a voice; `speechSynthesis.end()` ends the current one.
// `?fake=a,b` on this script's URL (the server's `instrument` option) also takes features away
// before the report starts, as an engine that lacks them would: `no-speech`, `no-share`,
// `no-clipboard`, `no-paint` (no PerformanceObserver paint entries), `no-resize-observer`,
// `no-dialog` (a <dialog> without showModal and close); `share` gives a recording Web Share.
// It also asks the charts for their texts' boxes (`window.__yangpuTextBoxes`): each chart
// then writes them on its canvas as `data-text-boxes` (src/components/chart_canvas.rs), for
// the tests that check chart text fits and can be read; a reader's page never writes them.
// External and same-origin, so the strict CSP allows it; the report reads nothing else of it.
(function () {
  if (window.__e2e) return;
  window.__yangpuTextBoxes = true;
  var fakes = decodeURIComponent((document.currentScript && document.currentScript.src.split('fake=')[1]) || '').split(',');
  var has = function (name) { return fakes.indexOf(name) >= 0; };
  var e2e = (window.__e2e = { errors: [], warnings: [], violations: [], added: [], removed: [], spoken: [], shared: [] });
  var text = function (args) {
    return Array.prototype.map.call(args, function (a) { return a && a.message ? a.message : String(a); }).join(' ');
  };
  var error = console.error.bind(console);
  var warn = console.warn.bind(console);
  console.error = function () { e2e.errors.push('console error: ' + text(arguments)); error.apply(null, arguments); };
  console.warn = function () { e2e.warnings.push(text(arguments)); warn.apply(null, arguments); };
  window.addEventListener('error', function (e) { e2e.errors.push('page error: ' + (e.message || e.type)); });
  window.addEventListener('unhandledrejection', function (e) { e2e.errors.push('rejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason))); });
  document.addEventListener('securitypolicyviolation', function (e) {
    e2e.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
  });
  var describe = function (n) {
    return n.nodeType === 1 ? '<' + n.nodeName.toLowerCase() + ' class="' + n.className + '">' : '#' + n.nodeName + ':' + (n.textContent || '').slice(0, 30);
  };
  var observer = new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) { e2e.added.push(describe(n)); });
      r.removedNodes.forEach(function (n) { e2e.removed.push(describe(n)); });
    });
  });
  // Hydration is over once a test has read these: stop recording.
  e2e.stopRecording = function () { observer.disconnect(); };
  document.addEventListener('readystatechange', function () {
    if (document.readyState === 'interactive') {
      e2e.firstCard = document.querySelector('[data-testid="figure-card"]');
      // A document without a body (an SVG download opened in the tab) is watched whole.
      observer.observe(document.body || document.documentElement, { childList: true, subtree: true });
    }
  });
  // measures: how many User Timing measures of each name were made, from the first byte (the
  // app measures each chart draw as `yangpu:chart-draw`); a count, so memory stays flat.
  e2e.measures = {};
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (m) { e2e.measures[m.name] = (e2e.measures[m.name] || 0) + 1; });
    }).observe({ entryTypes: ['measure'] });
  } catch (err) {
    // No PerformanceObserver: no counts.
  }
  // `ratio`: `__e2e.setRatio(r)` changes devicePixelRatio as moving the window to another
  // screen would, and fires the `change` of every resolution media query the page holds (no
  // driver fires it: Chromium's CDP override changes the ratio but not the event).
  if (has('ratio')) {
    var queries = [];
    var matchMedia = window.matchMedia.bind(window);
    window.matchMedia = function (query) {
      var list = matchMedia(query);
      if (/resolution/.test(query)) queries.push(list);
      return list;
    };
    e2e.setRatio = function (ratio) {
      Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: function () { return ratio; } });
      queries.forEach(function (list) { list.dispatchEvent(new Event('change')); });
      return queries.length;
    };
  }
  // `share`: a Web Share that records what it was given ({ title, url }), for engines without one.
  if (has('share')) {
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: function (data) { e2e.shared.push({ title: data && data.title, url: data && data.url }); return Promise.resolve(); },
    });
  }
  if (has('speech')) {
    var voices = [{ lang: 'zh-CN', name: 'zh', default: false, localService: true, voiceURI: 'zh' }, { lang: 'en-US', name: 'en', default: true, localService: true, voiceURI: 'en' }];
    var synth = {
      speaking: false, pending: false, paused: false, onvoiceschanged: null,
      getVoices: function () { return voices; },
      speak: function (u) { e2e.spoken.push({ text: u.text, lang: u.lang }); this.speaking = true; synth.current = u; },
      cancel: function () { e2e.spoken.push({ cancel: true }); this.speaking = false; },
      end: function () { var u = synth.current; if (u && u.onend) u.onend(new Event('end')); },
      pause: function () {}, resume: function () {},
      addEventListener: function () {}, removeEventListener: function () {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    if (typeof window.SpeechSynthesisUtterance !== 'function') {
      window.SpeechSynthesisUtterance = function (t) { var u = new EventTarget(); u.text = t || ''; u.lang = ''; return u; };
    }
  }
  // Takes `name` away from `owner` as an engine without it would: not in the object at all.
  var remove = function (owner, name) {
    try {
      for (var o = owner; o; o = Object.getPrototypeOf(o)) if (Object.prototype.hasOwnProperty.call(o, name)) delete o[name];
      if (name in owner) e2e.errors.push('fake: ' + name + ' could not be removed');
    } catch (e) { e2e.errors.push('fake ' + name + ': ' + e); }
  };
  if (has('no-speech')) remove(window, 'speechSynthesis');
  if (has('no-share')) remove(navigator, 'share');
  if (has('no-clipboard')) remove(navigator, 'clipboard');
  if (has('no-resize-observer')) remove(window, 'ResizeObserver');
  if (has('no-dialog')) { remove(HTMLDialogElement.prototype, 'showModal'); remove(HTMLDialogElement.prototype, 'close'); }
  if (has('no-paint') && typeof PerformanceObserver === 'function') {
    Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { value: [], configurable: true });
  }
  // `probe`: in a frame, answers its parent's questions about this page, so a test on a host
  // page of another origin (where no engine's driver is asked to enter the frame) can read
  // the embed and act in it. The parent posts {__e2e: 'query', id, op, args}; the answer is
  // posted back as {__e2e: 'answer', id, result}. Only the parent is answered; the ops are
  // fixed here (no code is sent, so the strict CSP holds). An op that throws answers
  // {failed: message}.
  if (has('probe') && window.parent !== window) {
    var visible = function (el) { return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'; };
    var first = function (selector) {
      var el = document.querySelector(selector);
      if (!el) throw new Error('no element ' + selector);
      return el;
    };
    var box = function (el) {
      var r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    };
    var ops = {
      // The page as a whole: language, embed view, mode, theme, hydrated, #app's height.
      state: function () {
        var html = document.documentElement;
        var app = document.getElementById('app');
        return {
          href: location.href, readyState: document.readyState, lang: html.lang,
          embed: html.getAttribute('data-embed'), mode: html.getAttribute('data-mode'), theme: html.getAttribute('data-theme'),
          ready: !!document.querySelector('#app[data-ready="true"]'),
          height: app ? Math.ceil(app.getBoundingClientRect().height) : null,
          errors: e2e.errors.slice(), violations: e2e.violations.slice(),
        };
      },
      // What a reader sees of the report: the embed view, the site chrome, the sections and charts shown.
      shown: function () {
        var main = document.querySelector('main');
        return {
          embed: document.documentElement.getAttribute('data-embed'),
          masthead: visible(document.querySelector('.masthead')),
          sections: Array.prototype.filter.call(document.querySelectorAll('main > section'), visible).map(function (s) { return s.id; }),
          charts: Array.prototype.filter.call(document.querySelectorAll('.chart'), visible).map(function (c) { return c.getAttribute('data-chart'); }),
          text: main ? main.innerText.length : 0,
        };
      },
      // The elements matching `selector`: how many, and the first one's text, value, attributes, visibility.
      element: function (selector) {
        var all = document.querySelectorAll(selector);
        var el = all[0];
        if (!el) return { count: 0 };
        var attrs = {};
        Array.prototype.forEach.call(el.attributes, function (a) { attrs[a.name] = a.value; });
        return { count: all.length, text: el.innerText, textContent: el.textContent, value: el.value === undefined ? null : el.value, attrs: attrs, visible: visible(el), focused: document.activeElement === el };
      },
      // Scrolls the element into the middle of this frame's viewport; its box in this viewport
      // (for a link wrapped over two lines, its widest line's box: the middle is on the link).
      place: function (selector) {
        var el = first(selector);
        // At once: the report scrolls smoothly, and the box is read right after.
        el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
        var r = Array.prototype.slice.call(el.getClientRects()).sort(function (a, b) { return b.width - a.width; })[0];
        return r ? { left: r.left, top: r.top, width: r.width, height: r.height } : box(el);
      },
      focus: function (selector) {
        var el = first(selector);
        el.focus();
        return document.activeElement === el;
      },
      // A key pressed on the focused element, as a script would (for WebKitWebDriver, which
      // cannot send keys into a sandboxed frame of another origin).
      key: function (key) {
        var el = document.activeElement || document.body;
        el.dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true, cancelable: true }));
        el.dispatchEvent(new KeyboardEvent('keyup', { key: key, bubbles: true, cancelable: true }));
        return el.getAttribute('data-testid');
      },
    };
    window.addEventListener('message', function (event) {
      var d = event.data;
      if (event.source !== window.parent || !d || typeof d !== 'object' || d.__e2e !== 'query') return;
      var result;
      try {
        result = ops[d.op].apply(null, d.args || []);
      } catch (err) {
        result = { failed: String(err) };
      }
      event.source.postMessage({ __e2e: 'answer', id: d.id, result: result === undefined ? null : result }, '*');
    });
  }
})();
