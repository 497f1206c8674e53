// Seglens in headless Chromium: how long the page's own API takes to load an orders CSV.
//
// usage: node bench/browser_bench.mjs FILE [RUNS] [--big]        (from the repo root; RUNS defaults to 3)
//   env: SEGLENS_DIST=dir (default dist/), to measure another web build
//
// dist/web/ and FILE (as /orders.csv) are served by a tiny http server on 127.0.0.1 (random port);
// Debian's /usr/bin/chromium (software WebGL2, fresh profile) is driven by playwright-core from
// tests/e2e/node_modules. In the page, after window.seglens.ready:
//   loadFile  the CSV is fetched into a Uint8Array once (not timed), then
//             `await seglens.loadFile('orders.csv', bytes)` is timed RUNS times (loadDemo in between);
//   loadBlob  in a freshly loaded page, a Blob is taken from a second fetch of the CSV
//             (`await (await fetch(url)).blob()`, not timed), then `await seglens.loadBlob(blob)` is
//             timed RUNS times: the path of a dropped or chosen file, read in slices.
// After each phase the wasm heap size (Module.HEAPU8.length) is read: wasm memory never shrinks,
// so it is the peak of that phase. Each phase runs in its own page, so the two peaks are separate.
// --big: only the loadBlob phase, once (for files too big to hand over as one Uint8Array).
//
// Prints one JSON line (medians in seconds, MB = 1e6 bytes); progress goes to stderr. A failed
// load is reported in the line ("loadfile_error" / "loadblob_error") and the exit code is 1.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = await import(path.join(root, 'tests/e2e/node_modules/playwright-core/index.mjs'));

const args = process.argv.slice(2);
const big = args.includes('--big');
const [csv, runsArg] = args.filter((a) => a !== '--big');
if (!csv) {
  console.error('usage: node bench/browser_bench.mjs FILE [RUNS] [--big]');
  process.exit(2);
}
const runs = big ? 1 : Number(runsArg || 3);
const web = path.resolve(process.env.SEGLENS_DIST || path.join(root, 'dist'), 'web');
const size = fs.statSync(csv).size;
const mb = size / 1e6;
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const round = (x, digits = 3) => (x == null ? null : +x.toFixed(digits));
const log = (...m) => console.error('[browser_bench]', ...m);

// [SECTION] server: dist/web/ plus the CSV at /orders.csv (streamed: it may be 1 GB) ------------
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.csv': 'text/csv' };
const server = http.createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = rel === '/orders.csv' ? path.resolve(csv) : path.join(web, path.normalize(rel));
  if (file !== path.resolve(csv) && !file.startsWith(web + path.sep)) return res.writeHead(403).end();
  fs.stat(file, (err, st) => {
    if (err) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream',
      'content-length': st.size, 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// [SECTION] browser -----------------------------------------------------------------------------
const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'seglens-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  viewport: { width: 1280, height: 800 },
  handleSIGTERM: false,  // ours below: close the browser, then print what was measured
  args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader'],
});

async function openApp() {
  const page = await context.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(origin + '/');
  await page.waitForFunction(() => window.seglens, null, { timeout: 120_000 });
  await page.evaluate(() => window.seglens.ready);
  return page;
}
const heapBytes = (page) => page.evaluate(() => window.Module.HEAPU8.length);

// Times `await <call>` RUNS times in the page (loadDemo before each); window.__input holds the data.
async function timeLoads(page, label, call) {
  const times = [];
  let rows = null;
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(async (call) => {
      await window.seglens.loadDemo();
      const t0 = performance.now();
      try {
        const s = call === 'loadFile'
          ? await window.seglens.loadFile('orders.csv', window.__input)
          : await window.seglens.loadBlob(window.__input, {}, 'orders.csv');
        return { s: (performance.now() - t0) / 1000, rows: s && s.rows };
      } catch (e) {
        return { error: String(e && e.message || e) };
      }
    }, call);
    if (r.error) throw new Error(r.error);
    log(`${label} run ${i + 1}/${runs}: ${r.s.toFixed(3)} s, ${r.rows} rows`);
    times.push(r.s);
    rows = r.rows;
  }
  return { s: median(times), all: times.map((t) => round(t)), rows };
}

const out = { file_mb: round(mb, 1), runs, big };
let failed = false;
let finishing = false;
async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  const line = JSON.stringify(reason ? { ...out, error: reason } : out);  // before closing fails calls
  await context.close().catch(() => {});
  await fsp.rm(profile, { recursive: true, force: true });
  server.close();
  console.log(line);
  process.exit(code);
}
process.on('SIGTERM', () => finish(1, 'stopped by SIGTERM (a time limit?)'));
try {
  if (!big) {
    const page = await openApp();
    out.heap_start_bytes = await heapBytes(page);
    out.fetch_s = round(await page.evaluate(async () => {
      const t0 = performance.now();
      window.__input = new Uint8Array(await (await fetch('/orders.csv')).arrayBuffer());
      return (performance.now() - t0) / 1000;
    }));
    try {
      const r = await timeLoads(page, 'loadFile', 'loadFile');
      Object.assign(out, { rows: r.rows, loadfile_s: round(r.s), loadfile_MBps: round(mb / r.s, 1),
        loadfile_runs_s: r.all });
    } catch (e) { out.loadfile_error = e.message; failed = true; }
    out.heap_after_loadfile_bytes = await heapBytes(page);
    await page.close();
  }
  const page = await openApp();
  out.heap_start_bytes ??= await heapBytes(page);
  if (await page.evaluate(() => typeof window.seglens.loadBlob !== 'function')) {
    out.loadblob_error = 'this build has no window.seglens.loadBlob';
    failed = true;
  } else {
    out.blob_fetch_s = round(await page.evaluate(async () => {
      const t0 = performance.now();
      window.__input = await (await fetch('/orders.csv')).blob();
      return (performance.now() - t0) / 1000;
    }));
    try {
      const r = await timeLoads(page, 'loadBlob', 'loadBlob');
      out.rows ??= r.rows;
      Object.assign(out, { loadblob_rows: r.rows, loadblob_s: round(r.s), loadblob_MBps: round(mb / r.s, 1),
        loadblob_runs_s: r.all });
    } catch (e) { out.loadblob_error = e.message; failed = true; }
    out.heap_after_loadblob_bytes = await heapBytes(page);
  }
  await page.close();
} catch (e) {
  out.error = e.message;
  failed = true;
}
await finish(failed ? 1 : 0);
