/*! Yangpu report: makes its iframes at home on your page. Include once:
 *  <script src="https://<report address>/embed.js" async></script>
 * For every iframe whose src is on the report's origin it
 *  - resizes the iframe to its content (height messages from that very iframe only);
 *  - keeps the embed's view (milestone, chart, language, reading mode) in this page's address,
 *    under a parameter named after the iframe's id ("yangpu-report" without one), and
 *    reopens the embed at that view when this page is opened with it; `data-sync="off"` on
 *    the iframe opts out;
 *  - gives an embed code without `lang` the language of this page's <html lang>.
 * YangpuReport.set(iframe, {mode: "large"|"standard", theme: "light"|"dark"|"system",
 * lang: "zh"|"en"}) changes an embed's presentation, for your own accessibility toolbar.
 * Nothing from any address or message is executed or put into a page as HTML. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  var MAX_HEIGHT = 100000;
  // The view parameters the report's links use (src/state/url.rs); `embed` stays the embed code's.
  var VIEW_KEYS = ['section', 'milestone', 'chart', 'lang', 'theme', 'mode'];
  var VALUE = /^[a-z0-9:-]{1,40}$/;

  function isOurs(frame) {
    try {
      return new URL(frame.src, location.href).origin === origin;
    } catch (e) {
      return false;
    }
  }

  function sandboxed(frame) {
    return frame.hasAttribute('sandbox') && !/\ballow-same-origin\b/.test(frame.getAttribute('sandbox'));
  }

  function syncs(frame) {
    return frame.getAttribute('data-sync') !== 'off';
  }

  function key(frame) {
    return frame.id || 'yangpu-report';
  }

  // A view as this script passes it on: known parameters with plain values only; the report
  // checks each value again (and ignores what it does not know).
  function cleanView(query) {
    var out = new URLSearchParams();
    if (typeof query !== 'string' || query.length > 300) return out;
    new URLSearchParams(query).forEach(function (value, name) {
      if (VIEW_KEYS.indexOf(name) >= 0 && VALUE.test(value) && !out.has(name)) out.set(name, value);
    });
    return out;
  }

  function hostLang() {
    var tag = (document.documentElement.getAttribute('lang') || '').toLowerCase();
    if (tag.slice(0, 2) === 'zh') return 'zh';
    if (tag.slice(0, 2) === 'en') return 'en';
    return null;
  }

  // Before the embeds settle: the view kept in this page's address, and this page's language.
  function prepare(frame) {
    if (!isOurs(frame) || frame.getAttribute('data-yangpu-prepared')) return;
    frame.setAttribute('data-yangpu-prepared', '');
    var src = new URL(frame.src, location.href);
    var kept = syncs(frame) ? cleanView(new URLSearchParams(location.search).get(key(frame)) || '') : new URLSearchParams();
    var changed = false;
    kept.forEach(function (value, name) {
      if (src.searchParams.get(name) !== value) {
        src.searchParams.set(name, value);
        changed = true;
      }
    });
    var lang = hostLang();
    if (!src.searchParams.has('lang') && lang) {
      src.searchParams.set('lang', lang);
      changed = true;
    }
    if (changed) frame.src = src.href;
  }

  function frames() {
    return document.getElementsByTagName('iframe');
  }

  function prepareAll() {
    for (var i = 0; i < frames().length; i++) prepare(frames()[i]);
  }
  prepareAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', prepareAll);

  // The iframe a message comes from, if it is ours and the message is from our origin.
  function sender(event) {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source || !isOurs(frame)) continue;
      // A sandboxed iframe without allow-same-origin posts from the opaque origin "null".
      if (event.origin !== origin && !(sandboxed(frame) && event.origin === 'null')) return null;
      return frame;
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'yangpu-report:height') {
      var height = typeof data.height === 'number' ? data.height : NaN;
      if (!isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
      var frame = sender(event);
      if (!frame) return;
      frame.style.height = Math.ceil(height) + 'px';
      if (!frame.style.width) frame.style.width = '100%';
    } else if (data.type === 'yangpu-report:view') {
      if (typeof data.view !== 'string') return;
      var from = sender(event);
      if (!from || !syncs(from)) return;
      keepView(key(from), cleanView(data.view).toString());
    }
  });

  // Safari lets a page change its address at most 100 times in 10 seconds and throws after
  // that (a burst of view changes can get there): a view refused then is kept, and the
  // latest one is written once the browser allows it again.
  var unwritten = Object.create(null);
  var retry = 0;
  function keepView(name, view) {
    var address = new URL(location.href);
    if (view) address.searchParams.set(name, view);
    else address.searchParams.delete(name);
    try {
      if (address.href !== location.href) history.replaceState(history.state, '', address.href);
      delete unwritten[name];
    } catch (e) {
      unwritten[name] = view;
      if (!retry) retry = setTimeout(writeUnwritten, 2000);
    }
  }
  function writeUnwritten() {
    retry = 0;
    for (var name in unwritten) keepView(name, unwritten[name]);
  }

  var SETTINGS = { mode: ['large', 'standard'], theme: ['light', 'dark', 'system'], lang: ['zh', 'en'] };
  window.YangpuReport = {
    /** Changes an embed's reading mode, theme or language; unknown keys and values are left out. */
    set: function (frame, settings) {
      if (!frame || !frame.contentWindow || !isOurs(frame) || !settings) return false;
      var message = { type: 'yangpu-report:set' };
      for (var name in SETTINGS) {
        if (SETTINGS[name].indexOf(settings[name]) >= 0) message[name] = settings[name];
      }
      frame.contentWindow.postMessage(message, sandboxed(frame) ? '*' : origin);
      return true;
    },
  };
})();
