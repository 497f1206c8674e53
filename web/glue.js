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

  // Copies the bytes into wasm memory, loads them, frees them. Resolves to the new summary;
  // rejects with the module's message (which names the file) and leaves the previous data loaded.
  function loadFile(name, bytes) {
    return started.then(() => {
      name = String(name);
      const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
      const namePtr = toWasm(new TextEncoder().encode(name + '\0'));
      const dataPtr = namePtr && toWasm(data);
      let rc = 1;
      try {
        if (!dataPtr) throw new Error(name + ': not enough memory to load this file');
        rc = Module._sl_load_file(namePtr, dataPtr, data.length);
      } catch (e) {
        throw e instanceof Error ? e : new Error(name + ': internal error while loading (' + e + ')');
      } finally {
        Module._free(dataPtr);
        Module._free(namePtr);
      }
      if (rc !== 0) throw new Error(Module.UTF8ToString(Module._sl_last_error()) || name + ': could not be loaded');
      return summary();
    });
  }

  function loadDemo() {
    return started.then(() => {
      Module._sl_load_demo();
      return summary();
    });
  }

  window.seglens = Object.freeze({ ready, loadFile, summary, loadDemo });

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
    file.arrayBuffer()
      .then((buf) => loadFile(file.name, new Uint8Array(buf)))
      .then(hideToast, (e) => showToast(e.message));
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
