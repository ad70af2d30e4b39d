// Starts the wasm without inline script, so the page runs under a strict CSP
// (script-src 'self'). Trunk's preload links carry the hashed URLs of the JS glue and wasm.
const glue = document.querySelector('link[rel="modulepreload"]');
const wasm = document.querySelector('link[rel="preload"][as="fetch"]');
const root = document.documentElement;

function unavailable(error) {
  // The pre-rendered report stays readable; say that interactivity is not there.
  root.classList.add('wasm-failed');
  root.removeAttribute('data-embed-pending');
  console.warn('Interactive features are unavailable:', error);
}

if (!glue || !wasm || typeof WebAssembly !== 'object') {
  unavailable(new Error('this browser cannot run the report\'s WebAssembly'));
} else {
  import(glue.href)
    .then((m) => m.default({ module_or_path: wasm.href }))
    .catch(unavailable);
}
