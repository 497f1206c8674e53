// Seglens page glue (linked with emcc --pre-js, so it runs inside the module's script, before the
// module starts). It is the page half of web/CONTRACT.md:
//   - the Module.seglens* hooks the C++ side (src/platform/web.cpp) calls;
//   - window.seglens = { ready, loadFile, summary, loadDemo }, a thin wrapper over the sl_* exports;
//   - the file input and drag-and-drop, both going through loadFile;
//   - the loading indicator, the start-up error box and the failed-load toast of web/shell.html.
(function () {
  'use strict';

  const canvas = document.getElementById('canvas');
  const fileInput = document.getElementById('file-input');
  const body = document.body;

  // [SECTION] start-up state ----------------------------------------------------------------------
  // `started`: main() has run (postRun), so the sl_* functions may be called.
  // `ready`: the first frame was drawn.
  let resolveStarted, rejectStarted, resolveReady, rejectReady;
  const started = new Promise((res, rej) => { resolveStarted = res; rejectStarted = rej; });
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  started.catch(() => {});  // callers see the rejection; an unused one is not an error
  ready.catch(() => {});
  let isStarted = false, isReady = false, hasFailed = false;

  function fail(message) {
    if (hasFailed) return;
    hasFailed = true;
    if (isReady) document.getElementById('error-title').textContent = 'Seglens stopped.';
    document.getElementById('error-text').textContent = '\n' + message;
    body.classList.add('failed');
    const err = new Error('Seglens ' + (isReady ? 'stopped' : 'could not start') + ': ' + message);
    rejectStarted(err);
    rejectReady(err);
  }

  function webglError() {
    if (typeof WebAssembly !== 'object') return 'This browser has no WebAssembly.';
    const probe = document.createElement('canvas').getContext('webgl2');
    if (!probe) return 'This browser has WebGL 2 turned off or unavailable (check hardware acceleration).';
    const lose = probe.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return '';
  }
  const unsupported = webglError();
  if (unsupported) fail(unsupported);

  // Before the first frame any uncaught error means the start failed (emcc 3.1.6 leaves a failed
  // wasm fetch as an unhandled rejection); later ones are shown as a toast.
  const onUncaught = (reason) => {
    const msg = reason && reason.message ? reason.message : String(reason);
    if (!isReady) fail(msg); else showToast('Internal error: ' + msg);
  };
  window.addEventListener('error', (e) => onUncaught(e.error || e.message));
  window.addEventListener('unhandledrejection', (e) => onUncaught(e.reason));

  // [SECTION] Module settings and the hooks called by src/platform/web.cpp ------------------------
  Module.canvas = canvas;
  Module.onAbort = (what) => fail(String(what));
  Module.postRun = [() => { isStarted = true; resolveStarted(); }];
  Module.onExit = (code) => fail('The app exited (code ' + code + '); the browser console has details.');

  Module.seglensFrameDrawn = (n) => {
    if (isReady) return;
    isReady = true;
    body.classList.add('ready');
    resolveReady();
  };
  Module.seglensStateChanged = () => {
    window.dispatchEvent(new CustomEvent('seglens:changed'));
  };
  Module.seglensOpenFilePicker = () => {
    fileInput.click();
  };
  Module.seglensDownload = (name, mime, bytes) => {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime || 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };

  // [SECTION] window.seglens ----------------------------------------------------------------------
  // The current summary object; null until the module has started.
  function summary() {
    if (!isStarted) return null;
    return JSON.parse(Module.UTF8ToString(Module._sl_summary()));
  }

  // Copies `bytes` (and the name, NUL-terminated) into wasm memory.
  function toWasm(bytes) {
    const ptr = Module._malloc(Math.max(bytes.length, 1));
    if (ptr) Module.HEAPU8.set(bytes, ptr);  // HEAPU8 read after malloc: memory may have grown
    return ptr;
  }

  // [SECTION] chunked loading
  // A file is read in slices: each goes into wasm memory and is parsed there (sl_feed), so a
  // large file is never held whole. Between bursts of about 30 ms the loop yields to the event
  // loop (a MessageChannel task: not throttled like timers in a background tab), so the app keeps
  // drawing its progress bar and the Cancel button works. Only one read runs at a time.
  const SLICE = 4 << 20;
  const BURST_MS = 30;
  const channel = new MessageChannel();
  const yieldQueue = [];
  channel.port1.onmessage = () => { const r = yieldQueue.shift(); if (r) r(); };
  const yieldToPage = () => new Promise((r) => { yieldQueue.push(r); channel.port2.postMessage(0); });
  let current = null;  // { cancelled }

  Module.seglensCancelLoad = () => { if (current) current.cancelled = true; };

  function withCString(str, fn) {
    const ptr = toWasm(new TextEncoder().encode(str + '\0'));
    try { return fn(ptr); } finally { Module._free(ptr); }
  }

  function feed(bytes) {
    const ptr = toWasm(bytes);
    if (!ptr) return 2;
    try { return Module._sl_feed(ptr, bytes.length); } finally { Module._free(ptr); }
  }

  // Reads `size` bytes through `slice(begin, end) -> Promise<Uint8Array>`; resolves to the summary.
  async function readSlices(name, size, slice, options) {
    await started;
    name = String(name);
    if (current) current.cancelled = true;  // a new file replaces a read still running
    const me = { cancelled: false };
    current = me;
    const optionsJson = JSON.stringify(options || {});
    const ok = withCString(name, (n) => withCString(optionsJson, (o) => Module._sl_begin_load(n, o, size)));
    if (ok !== 0) throw new Error(Module.UTF8ToString(Module._sl_last_error()));
    try {
      let burst = performance.now();
      let next = size > 0 ? slice(0, Math.min(SLICE, size)) : null;
      for (let at = 0; at < size; at += SLICE) {
        const bytes = await next;
        next = at + SLICE < size ? slice(at + SLICE, Math.min(at + 2 * SLICE, size)) : null;  // read ahead
        if (me.cancelled) throw new Error(name + ': loading was cancelled');
        const rc = feed(bytes);
        if (rc === 2) throw new Error(name + ': not enough memory to load this file');
        if (rc !== 0) break;  // the read failed: finish reports why
        if (performance.now() - burst > BURST_MS) {
          await yieldToPage();
          burst = performance.now();
          if (me.cancelled) throw new Error(name + ': loading was cancelled');
        }
      }
      if (Module._sl_finish_load() !== 0)
        throw new Error(Module.UTF8ToString(Module._sl_last_error()) || name + ': could not be loaded');
      return summary();
    } catch (e) {
      if (current === me) Module._sl_cancel_load();
      throw e instanceof Error ? e : new Error(name + ': internal error while loading (' + e + ')');
    } finally {
      if (current === me) current = null;
    }
  }

  // Loads bytes already in memory. Resolves to the new summary; rejects with the module's message
  // (which names the file) and leaves the previous data loaded.
  function loadFile(name, bytes, options) {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    return readSlices(name, data.length, (a, b) => Promise.resolve(data.subarray(a, b)), options);
  }

  // Loads a File or Blob without reading it whole into memory first.
  function loadBlob(blob, options, name) {
    return readSlices(name || blob.name || 'file', blob.size,
      (a, b) => blob.slice(a, b).arrayBuffer().then((buf) => new Uint8Array(buf)), options);
  }

  function loadDemo() {
    return started.then(() => {
      Module._sl_load_demo();
      return summary();
    });
  }

  // The last file the user opened, so the app can read it again with other options
  // (encoding, delimiter, sheet, date order).
  let lastBlob = null;
  Module.seglensReload = (optionsJson) => {
    if (!lastBlob) return;
    loadBlob(lastBlob, JSON.parse(optionsJson)).then(hideToast, (e) => showToast(e.message));
  };

  window.seglens = Object.freeze({ ready, loadFile, loadBlob, summary, loadDemo });

  // [SECTION] file input, drag-and-drop, toast ----------------------------------------------------
  const toast = document.getElementById('toast');
  function showToast(message) {
    document.getElementById('toast-text').textContent = message;
    toast.classList.add('shown');
  }
  function hideToast() { toast.classList.remove('shown'); }
  document.getElementById('toast-close').addEventListener('click', hideToast);

  function loadUserFile(file) {
    if (!file) return;
    lastBlob = file;
    loadBlob(file).then(hideToast, (e) => { if (!/was cancelled$/.test(e.message)) showToast(e.message); });
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files[0];
    fileInput.value = '';  // choosing the same file again fires 'change' again
    loadUserFile(file);
  });

  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  let dragDepth = 0;
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (++dragDepth === 1) body.classList.add('dragging');
  });
  window.addEventListener('dragleave', () => {
    if (dragDepth > 0 && --dragDepth === 0) body.classList.remove('dragging');
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (e) => {
    dragDepth = 0;
    body.classList.remove('dragging');
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();  // never let the browser navigate to the dropped file
    loadUserFile(e.dataTransfer.files[0]);
  });

  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
})();
