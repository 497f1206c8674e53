// Browser end-to-end tests of the web build (dist/), through the page's contract (web/CONTRACT.md).
//
// Debian's /usr/bin/chromium (software WebGL2: ANGLE on SwiftShader) is driven by playwright-core.
//   hosted:  dist/web/ served by a tiny http server on 127.0.0.1 (random port)
//   offline: dist/seglens.html opened from file:// with the network switched off
// Each checks: the first frame is drawn and not blank (screenshots in build/e2e/), the demo data,
// loading a CSV through window.seglens.loadFile (exact summary), a broken file's message, the file
// input / drag-and-drop / download hooks, that nothing is requested beyond the page's own files
// and that the console shows no errors.
//
// usage: tests/e2e/run.sh   (or: node --test tests/e2e/)   SEGLENS_DIST=dir to test another build.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.resolve(process.env.SEGLENS_DIST || path.join(root, 'dist'));
const shotDir = path.join(root, 'build', 'e2e');
const fixturePath = path.join(here, 'fixtures', 'small.csv');
const dataDir = path.join(here, '..', 'data');
const fixture = fs.readFileSync(fixturePath);
const STEP_TIMEOUT = 60_000;

// What small.csv must read as (tests/e2e/fixtures/small.csv).
const SMALL_COLUMNS = [
  { name: 'customer_id', type: 'integer', count: 5, missing: 0, distinct: 5, min: '101', max: '105' },
  { name: 'amount', type: 'decimal', count: 5, missing: 0, distinct: 5 },
  { name: 'signup_date', type: 'date', count: 5, missing: 0, distinct: 5, min: '2024-01-05', max: '2024-04-01' },
  { name: 'segment', type: 'category', count: 5, missing: 0, distinct: 3 },
];

// [SECTION] helpers ---------------------------------------------------------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

// A static file server for `dir` on 127.0.0.1 and a free port; `log` lists every request.
async function serve(dir) {
  const log = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, path.normalize(rel));
    const entry = { method: req.method, path: url.pathname, status: 200 };
    log.push(entry);
    if (!file.startsWith(dir + path.sep)) {
      entry.status = 403;
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        entry.status = 404;
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[path.extname(file)] || 'application/octet-stream',
        'content-length': data.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  });
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', resolve).on('error', reject));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, log, close: () => new Promise((r) => server.close(r)) };
}

// Chromium with a fresh profile and software WebGL2; records every request and console error.
async function launch(options = {}, extraArgs = []) {
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'seglens-e2e-'));
  const args = [
    '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic', ...extraArgs,
  ];
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    ...options,
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  const watchPage = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  const close = async () => {
    await context.close();
    await fsp.rm(profile, { recursive: true, force: true });
  };
  return { context, requests, errors, close };
}

// Opens the app in a new page and waits for its first frame.
async function openApp(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.seglens);
  await page.evaluate(() => window.seglens.ready);
  return page;
}

const nextFrames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

// window.seglens.loadFile from node: resolves to {ok, summary} or {ok: false, message}.
function loadFile(page, name, bytes) {
  return page.evaluate(
    ([name, data]) =>
      window.seglens.loadFile(name, new Uint8Array(data)).then(
        (summary) => ({ ok: true, summary }),
        (e) => ({ ok: false, isError: e instanceof Error, message: e.message })),
    [name, Array.from(bytes)]);
}

// A minimal PNG reader (8-bit RGB/RGBA, not interlaced: what Chromium's screenshots are).
function decodePng(buf) {
  assert.equal(buf.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'not a PNG');
  let pos = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9];
      assert.equal(data[8], 8, 'PNG bit depth');
      assert.ok(colorType === 2 || colorType === 6, `PNG colour type ${colorType}`);
      assert.equal(data[12], 0, 'interlaced PNG');
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const stride = width * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1, row = y * stride, prev = row - stride;
    for (let x = 0; x < stride; ++x) {
      const a = x >= bpp ? px[row + x - bpp] : 0;
      const b = y > 0 ? px[prev + x] : 0;
      const c = x >= bpp && y > 0 ? px[prev + x - bpp] : 0;
      let v = raw[src + x];
      switch (filter) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`PNG filter ${filter}`);
      }
      px[row + x] = v & 255;
    }
  }
  return { width, height, bpp, px };
}

// Screenshot to build/e2e/<name>.png; returns how many colours it has and the share of pixels
// that differ from the most common (background) colour.
async function screenshotStats(page, name) {
  await fsp.mkdir(shotDir, { recursive: true });
  const file = path.join(shotDir, `${name}.png`);
  const png = decodePng(await page.screenshot({ path: file }));
  const counts = new Map();
  for (let i = 0; i < png.px.length; i += png.bpp) {
    const rgb = (png.px[i] << 16) | (png.px[i + 1] << 8) | png.px[i + 2];
    counts.set(rgb, (counts.get(rgb) || 0) + 1);
  }
  const total = png.width * png.height;
  const background = Math.max(...counts.values());
  return { file, width: png.width, height: png.height, colours: counts.size, nonBackground: 1 - background / total };
}

function assertNotBlank(stats) {
  assert.ok(stats.colours >= 100, `only ${stats.colours} colours in ${stats.file}: blank canvas?`);
  assert.ok(stats.nonBackground >= 0.1,
    `${(stats.nonBackground * 100).toFixed(2)}% non-background pixels in ${stats.file}: blank canvas?`);
}

function assertDemo(s) {
  assert.equal(s.demo, true);
  const byName = Object.fromEntries(s.datasets.map((d) => [d.name, d]));
  assert.ok(byName.orders, `no "orders" data set in ${s.datasets.map((d) => d.name)}`);
  assert.ok(byName.customers, `no "customers" data set in ${s.datasets.map((d) => d.name)}`);
  assert.ok(byName.orders.rows >= 45_000 && byName.orders.rows <= 55_000, `orders has ${byName.orders.rows} rows`);
  assert.ok(byName.customers.rows > 0);
  assert.equal(s.rows, s.datasets[0].rows);
}

function assertSmall(s, source = 'small.csv') {
  assert.equal(s.demo, false);
  assert.equal(s.source, source);
  assert.equal(s.rows, 5);
  assert.equal(s.datasets.length, 1);
  assert.deepEqual(s.columns.map((c) => [c.name, c.type]), SMALL_COLUMNS.map((c) => [c.name, c.type]));
  for (const [i, want] of SMALL_COLUMNS.entries()) {
    const got = s.columns[i];
    for (const [k, v] of Object.entries(want)) assert.equal(got[k], v, `${want.name}.${k}`);
  }
  const amount = s.columns[1];
  assert.ok(Math.abs(amount.sum - 72.6) < 1e-9, `amount.sum ${amount.sum}`);
  assert.ok(Math.abs(amount.mean - 14.52) < 1e-9, `amount.mean ${amount.mean}`);
  const top = Object.fromEntries(s.columns[3].top.map((t) => [t.value, t.count]));
  assert.deepEqual(top, { gold: 2, silver: 2, bronze: 1 });
  assert.equal(s.datasets[0].read.rows_rejected, 0);
  assert.equal(s.datasets[0].read.delimiter, ',');
}

// The checks both builds share, run against one page.
function sharedTests(label, get) {
  test('draws a first frame that is not blank, with the demo data', async () => {
    const { page } = get();
    const s = await page.evaluate(() => window.seglens.summary());
    assertDemo(s);
    const layout = await page.evaluate(() => {
      const r = document.getElementById('canvas').getBoundingClientRect();
      const e = document.documentElement;
      return {
        canvas: [r.left, r.top, r.width, r.height], viewport: [innerWidth, innerHeight],
        scroll: [e.scrollWidth, e.scrollHeight],
        loadingShown: getComputedStyle(document.getElementById('loading')).display !== 'none',
        errorShown: getComputedStyle(document.getElementById('error')).display !== 'none',
      };
    });
    assert.deepEqual(layout.canvas, [0, 0, ...layout.viewport], 'the canvas fills the window');
    assert.deepEqual(layout.scroll, layout.viewport, 'no scrollbars');
    assert.equal(layout.loadingShown, false, 'loading indicator hidden after the first frame');
    assert.equal(layout.errorShown, false, 'no start-up error');
    await nextFrames(page);
    assertNotBlank(await screenshotStats(page, `${label}-demo`));
  });

  test('loads a CSV through window.seglens.loadFile', async () => {
    const { page } = get();
    await page.evaluate(() => {
      window.__changes = 0;
      window.addEventListener('seglens:changed', () => ++window.__changes);
    });
    const r = await loadFile(page, 'small.csv', fixture);
    assert.equal(r.ok, true, r.message);
    assertSmall(r.summary);
    assertSmall(await page.evaluate(() => window.seglens.summary()));
    assert.ok(await page.evaluate(() => window.__changes) >= 1, 'Module.seglensStateChanged was not called');
    await nextFrames(page);
    assertNotBlank(await screenshotStats(page, `${label}-csv`));
  });

  test('a broken file rejects with a message naming it, and the data stays', async () => {
    const { page } = get();
    const r = await loadFile(page, 'broken.csv', Buffer.alloc(0));
    assert.equal(r.ok, false);
    assert.equal(r.isError, true, 'rejects with an Error');
    assert.match(r.message, /broken\.csv/);
    assertSmall(await page.evaluate(() => window.seglens.summary()));
  });

  test('reads a GBK CSV (Excel on Chinese Windows) with readable Chinese', async () => {
    const { page } = get();
    const r = await loadFile(page, 'enc_gbk.csv', fs.readFileSync(path.join(dataDir, 'enc_gbk.csv')));
    assert.equal(r.ok, true, r.message);
    assert.equal(r.summary.rows, 4);
    assert.equal(r.summary.datasets[0].read.encoding, 'GB18030');
    assert.deepEqual(r.summary.columns.map((c) => [c.name, c.type]), [
      ['客户ID', 'category'], ['姓名', 'category'], ['城市', 'category'], ['下单日期', 'date'],
      ['订单金额', 'decimal'], ['是否会员', 'boolean'], ['备注', 'category']]);
    assert.deepEqual(r.summary.columns[2].top.map((t) => t.value).sort(), ['上海', '北京', '广州', '深圳']);
    await nextFrames(page);
    assertNotBlank(await screenshotStats(page, `${label}-gbk`));
  });

  test('reads an xlsx workbook: first sheet, then another sheet by read options', async () => {
    const { page } = get();
    const bytes = fs.readFileSync(path.join(dataDir, 'orders.xlsx'));
    const r = await loadFile(page, 'orders.xlsx', bytes);
    assert.equal(r.ok, true, r.message);
    const read = r.summary.datasets[0].read;
    assert.equal(read.format, 'xlsx');
    assert.equal(read.sheet, '订单');
    assert.deepEqual(read.sheets, ['订单', '客户', '空表']);
    assert.equal(r.summary.rows, 6);
    assert.equal(read.rows_rejected, 1);
    assert.deepEqual(r.summary.columns.map((c) => c.type),
      ['category', 'date', 'decimal', 'boolean', 'datetime', 'category', 'category']);
    const other = await page.evaluate(([data]) => window.seglens.loadFile('orders.xlsx', new Uint8Array(data), { sheet: '客户' })
      .then((s) => s.datasets[0].read.sheet, (e) => e.message), [Array.from(bytes)]);
    assert.equal(other, '客户');
    const missing = await page.evaluate(([data]) => window.seglens.loadFile('orders.xlsx', new Uint8Array(data), { sheet: 'Nope' })
      .then(() => 'loaded', (e) => e.message), [Array.from(bytes)]);
    assert.match(missing, /^orders\.xlsx: .*Nope/);
  });

  test('loadBlob reads a file in slices; Cancel stops a read and keeps the data', async () => {
    const { page } = get();
    const r = await page.evaluate(async () => {
      const rows = ['id,amount'];
      for (let i = 0; i < 600000; ++i) rows.push(`${i},${i % 97}.5`);
      const blob = new Blob([rows.join('\n') + '\n']);
      const s = await window.seglens.loadBlob(blob, {}, 'big.csv');
      // Now a read cancelled while it runs (as the app's Cancel button does through the hook).
      const p = window.seglens.loadBlob(blob, {}, 'cancelled.csv');
      setTimeout(() => Module.seglensCancelLoad(), 0);
      const cancelled = await p.then(() => 'finished', (e) => e.message);
      return { rows: s.rows, size: blob.size, cancelled, after: window.seglens.summary().source };
    });
    assert.equal(r.rows, 600000);
    assert.ok(r.size > 4 << 20, 'more than one slice');
    assert.equal(r.cancelled, 'cancelled.csv: loading was cancelled');
    assert.equal(r.after, 'big.csv');
  });

  test('loadDemo goes back to the demo data', async () => {
    const { page } = get();
    assertDemo(await page.evaluate(() => window.seglens.loadDemo()));
    assertDemo(await page.evaluate(() => window.seglens.summary()));
  });
}

// [SECTION] hosted: dist/web over http ------------------------------------------------------------

describe('hosted build (dist/web over http)', { timeout: 300_000 }, () => {
  let server, browser, page;
  before(async () => {
    assert.ok(fs.existsSync(path.join(dist, 'web', 'index.html')), `no ${dist}/web/index.html: build the web preset first`);
    server = await serve(path.join(dist, 'web'));
    browser = await launch();
    page = await openApp(browser.context, `${server.origin}/`);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  sharedTests('hosted', () => ({ page }));

  test('the file input and the "Open file" hook go through loadFile', async () => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.evaluate(() => Module.seglensOpenFilePicker()),
    ]);
    await chooser.setFiles(fixturePath);
    await page.waitForFunction(() => window.seglens.summary().source === 'small.csv');
    assertSmall(await page.evaluate(() => window.seglens.summary()));
    await page.evaluate(() => window.seglens.loadDemo());
  });

  test('files dropped on the page are loaded; a failed drop shows a dismissible toast', async () => {
    const drop = (name, text) => page.evaluate(([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/csv' }));
      const canvas = document.getElementById('canvas');
      for (const type of ['dragenter', 'dragover', 'drop'])
        canvas.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, [name, text]);
    await drop('dropped.csv', fixture.toString('utf8'));
    await page.waitForFunction(() => window.seglens.summary().source === 'dropped.csv');
    assertSmall(await page.evaluate(() => window.seglens.summary()), 'dropped.csv');

    await drop('empty-drop.csv', '');
    await page.waitForSelector('#toast.shown');
    assert.match(await page.textContent('#toast-text'), /empty-drop\.csv/);
    assert.equal(await page.evaluate(() => window.seglens.summary().source), 'dropped.csv');
    await page.click('#toast-close');
    await page.waitForSelector('#toast', { state: 'hidden' });
  });

  test('the app\'s "Open file..." button opens the file chooser (Module.seglensOpenFilePicker)', async () => {
    // The button is the first widget of the top bar (src/app/views/load_view.cpp).
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 10_000 }),
      page.mouse.click(50, 18),
    ]);
    await chooser.setFiles(fixturePath);
    await page.waitForFunction(() => window.seglens.summary().source === 'small.csv');
    await page.evaluate(() => window.seglens.loadDemo());
  });

  // Resizes the window of a fresh page (through CDP, to also set the screen size) and reports the
  // canvas' drawing-buffer size, its CSS box and whether something went fullscreen.
  async function resized(width, height, screen) {
    const p = await openApp(browser.context, `${server.origin}/`);
    try {
      const cdp = await browser.context.newCDPSession(p);
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        width, height, deviceScaleFactor: 1, mobile: false, screenWidth: screen[0], screenHeight: screen[1],
      });
      for (let i = 0; i < 3; ++i) await nextFrames(p);
      return await p.evaluate(() => {
        const c = document.getElementById('canvas');
        return { buffer: [c.width, c.height], box: [c.clientWidth, c.clientHeight],
                 fullscreen: Boolean(document.fullscreenElement) };
      });
    } finally {
      await p.close();
    }
  }

  test('the canvas follows the window size', async () => {
    const m = await resized(1000, 640, [1920, 1080]);
    assert.deepEqual(m, { buffer: [1000, 640], box: [1000, 640], fullscreen: false });
  });

  // emcc 3.1.6's glfwSetWindowSize asks for fullscreen when the size equals the screen's (F11,
  // kiosk, phones): web.cpp sizes the canvas through Module.setCanvasSize instead.
  test('the canvas follows the window size when the window is as large as the screen', async () => {
    const m = await resized(1000, 640, [1000, 640]);
    assert.deepEqual(m, { buffer: [1000, 640], box: [1000, 640], fullscreen: false });
  });

  test('loads a large file (the wasm memory grows)', async () => {
    const r = await page.evaluate(async () => {
      const rows = ['order_id,customer_id,order_date,amount,channel'];
      for (let i = 0; i < 400_000; ++i)
        rows.push(`${i + 1},C${(i * 7919) % 20000},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${(i % 1000) / 4},${['App', 'Store', 'Web'][i % 3]}`);
      const bytes = new TextEncoder().encode(rows.join('\n') + '\n');
      const t0 = performance.now();
      const s = await window.seglens.loadFile('big.csv', bytes);
      return { mb: bytes.length / 1e6, ms: performance.now() - t0, rows: s.rows, types: s.columns.map((c) => c.type) };
    });
    assert.equal(r.rows, 400_000);
    assert.deepEqual(r.types, ['integer', 'category', 'date', 'decimal', 'category']);
    assert.ok(r.mb > 10, `${r.mb} MB`);
    await nextFrames(page);
    await page.evaluate(() => window.seglens.loadDemo());
  });

  test('the download hook saves the bytes under the given name', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(() => Module.seglensDownload('report.csv', 'text/csv', new TextEncoder().encode('a,b\n1,2\n'))),
    ]);
    assert.equal(download.suggestedFilename(), 'report.csv');
    const saved = await download.path();
    assert.equal(await fsp.readFile(saved, 'utf8'), 'a,b\n1,2\n');
  });

  test('loadFile called before the module has started waits for it', async () => {
    // Hold back the wasm so the call is made while the runtime is still loading.
    const early = await browser.context.newPage();
    await early.route('**/seglens.wasm', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await early.goto(`${server.origin}/`, { waitUntil: 'commit' });
    await early.waitForFunction(() => window.seglens);
    const r = await early.evaluate((text) => {
      const before = window.seglens.summary();  // null until the module has started
      return window.seglens.loadFile('early.csv', new TextEncoder().encode(text))
        .then((s) => ({ before, source: s.source, rows: s.rows }));
    }, fixture.toString('utf8'));
    assert.equal(r.before, null, 'the call was made before the module started');
    assert.deepEqual([r.source, r.rows], ['early.csv', 5]);
    await early.evaluate(() => window.seglens.ready);
    assertSmall(await early.evaluate(() => window.seglens.summary()), 'early.csv');
    await early.close();
  });

  test('sizes the drawing buffer for devicePixelRatio (HiDPI screens)', async () => {
    const hidpi = await launch({ deviceScaleFactor: 2 });
    try {
      const p = await openApp(hidpi.context, `${server.origin}/`);
      await nextFrames(p);
      const m = await p.evaluate(() => {
        const c = document.getElementById('canvas');
        return { dpr: devicePixelRatio, buffer: [c.width, c.height], css: [innerWidth, innerHeight] };
      });
      assert.equal(m.dpr, 2);
      assert.deepEqual(m.buffer, m.css.map((x) => x * m.dpr), 'canvas.width/height = CSS size x devicePixelRatio');
      assertNotBlank(await screenshotStats(p, 'hosted-hidpi'));
      assert.deepEqual(hidpi.errors, [], 'console errors');
    } finally {
      await hidpi.close();
    }
  });

  // A start that fails shows the error box instead of the loading indicator, and `ready` rejects.
  async function failedStart(extraArgs, prepare) {
    const b = await launch({}, extraArgs);
    try {
      const p = await b.context.newPage();
      if (prepare) await prepare(p);
      await p.goto(`${server.origin}/`);
      await p.waitForFunction(() => window.seglens);
      const message = await p.evaluate(() => window.seglens.ready.then(() => 'ready', (e) => e.message));
      return { message, error: await p.textContent('#error'), errorShown: await p.isVisible('#error'),
               loadingShown: await p.isVisible('#loading') };
    } finally {
      await b.close();
    }
  }

  test('shows an error box when the wasm cannot be loaded', async () => {
    const r = await failedStart([], (p) => p.route('**/seglens.wasm', (route) => route.abort()));
    assert.match(r.message, /could not start/);
    assert.equal(r.errorShown, true);
    assert.equal(r.loadingShown, false);
  });

  test('shows an error box when the browser has no WebGL 2', async () => {
    const r = await failedStart(['--disable-webgl2']);
    assert.match(r.message, /could not start/);
    assert.match(r.error, /WebGL 2/);
    assert.equal(r.errorShown, true);
    assert.equal(r.loadingShown, false);
  });

  test('asks for nothing but its own files, and logs no errors', () => {
    const own = new Set(['/', '/seglens.js', '/seglens.wasm']);
    const foreign = browser.requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      const url = new URL(u);
      return url.origin !== server.origin || !own.has(url.pathname);
    });
    assert.deepEqual(foreign, [], 'requests beyond the page\'s own files');
    assert.ok(browser.requests.some((u) => u.endsWith('/seglens.wasm')), 'the wasm was requested');
    assert.deepEqual(server.log.filter((e) => e.status !== 200), [], 'failed requests');
    assert.deepEqual(browser.errors, [], 'console errors');
  });
});

// [SECTION] offline: dist/seglens.html from file://, network off ----------------------------------

describe('offline build (dist/seglens.html from file://, network off)', { timeout: 300_000 }, () => {
  let browser, page;
  const file = path.join(dist, 'seglens.html');
  const pageUrl = pathToFileURL(file).href;
  before(async () => {
    assert.ok(fs.existsSync(file), `no ${file}: build the web preset first`);
    browser = await launch();
    await browser.context.setOffline(true);
    page = await openApp(browser.context, pageUrl);
  });
  after(async () => {
    await browser?.close();
  });

  sharedTests('offline', () => ({ page }));

  test('is one file: asks for nothing but itself, and logs no errors', () => {
    const foreign = browser.requests.filter((u) => u !== pageUrl && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests beyond the page itself');
    assert.deepEqual(browser.errors, [], 'console errors');
  });
});
