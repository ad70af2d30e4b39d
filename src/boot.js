// Starts the wasm under the strict CSP (script-src 'self' and early.js's hash). Trunk's
// preload link and meta tag carry the hashed URLs of the JS glue and the wasm.
const glue = document.querySelector('link[rel="modulepreload"]');
const wasm = document.querySelector('meta[name="yangpu-report-wasm"]');
const root = document.documentElement;

function unavailable(error) {
  console.warn('Interactive features are unavailable:', error);
  // A panic has already said so, with a reload link (src/crash.rs): one message is enough.
  if (document.getElementById('crash-notice')) return;
  // The pre-rendered report stays readable; say that interactivity is not there.
  root.classList.add('wasm-failed');
}

// The report is readable before the wasm runs, and it runs only once the first paint has
// reached the screen, so starting it never delays that paint. A frame that does not paint (a
// hidden tab, an off-screen embed the browser throttles) starts after 1.5 s all the same.
function afterFirstPaint(start) {
  let started = false;
  const once = () => {
    if (!started) {
      started = true;
      start();
    }
  };
  if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    new PerformanceObserver((_, observer) => {
      observer.disconnect();
      setTimeout(once, 0);
    }).observe({ type: 'paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(once, 0));
  }
  setTimeout(once, 1500);
}

if (!glue || !wasm || typeof WebAssembly !== 'object') {
  unavailable(new Error('this browser cannot run the report\'s WebAssembly'));
} else {
  // Fetched and compiled now, while the page is painted: streaming compilation works off the
  // main thread as the bytes arrive (it needs the server's application/wasm;
  // without it, or without compileStreaming, the glue fetches and compiles the usual way).
  // early.js (inline in the page's head) has usually requested it already.
  const url = new URL(wasm.content, document.baseURI);
  const response = window.__yangpuWasm ?? fetch(url);
  const compiled = typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(response).catch(() => url)
    : Promise.resolve(response);
  const loaded = import(glue.href);
  afterFirstPaint(() => Promise.all([loaded, compiled])
    .then(([m, module]) => m.default({ module_or_path: module }))
    .catch(unavailable));
}
