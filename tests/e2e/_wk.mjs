import { spawn } from 'node:child_process';
const port = 4455;
const t0 = Date.now();
const driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
const base = `http://127.0.0.1:${port}`;
async function call(method, path, body) {
  const r = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  return r.json();
}
for (let i = 0; i < 50; i++) { try { await call('GET', '/status'); break; } catch { await new Promise(r => setTimeout(r, 200)); } }
const s = await call('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } } } });
const id = s.value.sessionId;
console.log('session', id, Date.now() - t0);
await call('POST', `/session/${id}/window/rect`, { width: 375, height: 800 });
await call('POST', `/session/${id}/url`, { url: 'data:text/html,<h1 id=x>hello</h1>' });
const r = await call('POST', `/session/${id}/execute/sync`, { script: 'return [document.getElementById("x").textContent, innerWidth, devicePixelRatio, navigator.userAgent]', args: [] });
console.log(r.value);
await call('DELETE', `/session/${id}`);
process.kill(-driver.pid);
console.log('done', Date.now() - t0);
