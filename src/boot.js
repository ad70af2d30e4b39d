// Starts the wasm without inline script, so the page runs under a strict CSP
// (script-src 'self'). Trunk's preload link and meta tag carry the hashed URLs of the JS
// glue and the wasm.
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

// The report is readable before the wasm runs: fetch it once the first paint has reached
// the screen, so it does not compete with that paint for a slow phone's bandwidth. A frame
// that does not paint (a hidden tab, an off-screen embed the browser throttles) starts
// after 1.5 s all the same.
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
  afterFirstPaint(() => import(glue.href)
    .then((m) => m.default({ module_or_path: new URL(wasm.content, document.baseURI) }))
    .catch(unavailable));
}
