// The same article built with ECharts, for the benchmark (scripts/bench.sh): what a government
// web team would otherwise ship for this report. Made at bench time, never committed: each of
// the report's built pages (dist/index.html, dist/en.html) with its scripts and wasm removed
// (same text, same inline CSS), and the full ECharts build (npm echarts, dist/echarts.min.js)
// drawing the five charts where the report's canvases were, from the same figures (the chart
// CSVs in dist/downloads/). Each chart is a plain bar chart with its values as labels, a
// tooltip and ECharts' aria description, as the short peer page (../shared/peer/) draws its.
// Also writes measure.js, which both peers load after echarts.min.js: it records when the
// first chart and every chart were first drawn (ECharts' `rendered` event) in
// `window.__charts`, as the benchmark reads the report's.
// Usage: node scripts/same-article-peer.mjs DIST OUT  (OUT gets index.html, en.html,
// charts-zh.js, charts-en.js; echarts.min.js and measure.js go into OUT/..)
import fs from 'node:fs';
import path from 'node:path';

/** The rows of a CSV file (RFC 4180: quoted fields, doubled quotes), as objects. */
function readCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [head, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** The measuring hook both peers load right after echarts.min.js. */
export const MEASURE = `(function () {
  var init = echarts.init, drawn = 0, total = document.querySelectorAll('.chart').length;
  window.__charts = window.__charts || { first: null, all: null };
  echarts.init = function () {
    var chart = init.apply(this, arguments), seen = false;
    chart.on('rendered', function () {
      if (seen) return;
      seen = true;
      drawn += 1;
      var t = performance.now();
      if (window.__charts.first === null) window.__charts.first = t;
      if (drawn === total) window.__charts.all = t;
    });
    return chart;
  };
})();
`;

function chartsScript(dist, lang) {
  const suffix = lang === 'zh' ? '-zh' : '';
  const charts = {};
  for (const name of fs.readdirSync(path.join(dist, 'downloads'))) {
    const m = name.match(new RegExp(`^yangpu-(.+?)${suffix}\\.csv$`));
    if (!m || (!suffix && m[1].endsWith('-zh'))) continue;
    const rows = readCsv(fs.readFileSync(path.join(dist, 'downloads', name), 'utf8'));
    if (!rows.length || rows[0].chart !== m[1]) continue;
    charts[m[1]] = rows.map((r) => ({ name: r.label, value: Number(r.value), shown: r.value_shown }));
  }
  if (Object.keys(charts).length !== 5) throw new Error(`same-article peer: expected 5 chart CSVs (${lang}), found ${Object.keys(charts).length}`);
  return `(function () {
  var DATA = ${JSON.stringify(charts)};
  var made = [];
  document.querySelectorAll('[data-chart]').forEach(function (figure) {
    var rows = DATA[figure.getAttribute('data-chart')];
    var frame = figure.querySelector('.chart-frame');
    if (!rows || !frame) return;
    figure.classList.add('chart');
    frame.innerHTML = '';
    var box = document.createElement('div');
    box.style.height = '320px';
    frame.appendChild(box);
    var chart = echarts.init(box);
    chart.setOption({
      tooltip: { trigger: 'item' },
      aria: { enabled: true },
      grid: { containLabel: true, left: 8, right: 8 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: rows.map(function (r) { return { value: r.value, shown: r.shown }; }),
        label: { show: true, position: 'top', formatter: function (p) { return p.data.shown; } } }]
    });
    made.push(chart);
  });
  window.addEventListener('resize', function () { made.forEach(function (c) { c.resize(); }); });
})();
`;
}

function page(html, lang) {
  const out = html
    .replace(/<script\b[^>]*>[^]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="?modulepreload"?[^>]*>/g, '')
    .replace(/<meta\b[^>]*\bname="?yangpu-report-wasm"?[^>]*>/g, '')
    .replace(/<noscript>[^]*?<\/noscript>/g, '');
  if (/<script|_bg\.wasm|modulepreload/.test(out)) throw new Error('same-article peer: a script of the report is left');
  if (!/<style>/.test(out)) throw new Error('same-article peer: the page has lost its inline CSS');
  // As a page ships ECharts: at the end of the body, after the content.
  const scripts = `<script src="../echarts.min.js"></script><script src="../measure.js"></script><script src="charts-${lang}.js"></script>`;
  return out.includes('</body>') ? out.replace('</body>', `${scripts}</body>`) : out + scripts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = 'dist', outDir] = process.argv.slice(2);
  if (!outDir) throw new Error('usage: node scripts/same-article-peer.mjs DIST OUT');
  fs.mkdirSync(outDir, { recursive: true });
  for (const [file, lang] of [['index.html', 'zh'], ['en.html', 'en']]) {
    fs.writeFileSync(path.join(outDir, file), page(fs.readFileSync(path.join(dist, file), 'utf8'), lang));
    fs.writeFileSync(path.join(outDir, `charts-${lang}.js`), chartsScript(dist, lang));
  }
  fs.copyFileSync(path.join(dist, 'favicon.svg'), path.join(outDir, 'favicon.svg'));
  fs.writeFileSync(path.join(outDir, '..', 'measure.js'), MEASURE);
  console.error(`same-article peer written to ${outDir}`);
}
