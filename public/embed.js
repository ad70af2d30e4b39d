/*! Yangpu report: resizes its iframes on your page. Include once:
 *  <script src="https://<report address>/embed.js" async></script>
 * It listens for height messages from iframes whose src is on the report's origin, checks
 * that each message comes from that origin and from the very iframe it resizes, and ignores
 * everything else. It needs no other markup or call. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  var MAX_HEIGHT = 100000;

  function isOurs(frame) {
    try {
      return new URL(frame.src, location.href).origin === origin;
    } catch (e) {
      return false;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'yangpu-report:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || !isOurs(frame)) continue;
      // A sandboxed iframe without allow-same-origin posts from the opaque origin "null".
      var sandboxed = frame.hasAttribute('sandbox') && !/\ballow-same-origin\b/.test(frame.getAttribute('sandbox'));
      if (event.origin !== origin && !(sandboxed && event.origin === 'null')) return;
      frame.style.height = Math.ceil(height) + 'px';
      if (!frame.style.width) frame.style.width = '100%';
      return;
    }
  });
})();
