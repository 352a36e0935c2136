// ExportLens early picks: keeps the files a person chooses or drops while
// the page is shown but the Go program (app.wasm) has not started yet, so
// that the app opens them when it starts (app/browser/early_wasm.go takes
// them), and says on the page that the app is still loading.
//
// Why: the server sends the page prerendered, with the file inputs in it,
// and go-app replaces that whole prerendered tree when the wasm starts. A
// file chosen in the prerendered input went with it, and a drop before the
// app listened made the browser leave the page for the file.
//
// Only the prerendered tree (the body's first element when the page was
// parsed) is ever read or changed here: go-app discards it at its first
// mount and never updates it, and from then on every event belongs to the
// app. Texts come from the page (data-* attributes the app's Go texts
// rendered, in English and German), set with textContent only. A plain
// script from 'self', as the CSP wants: no inline code, no HTML strings.
(() => {
  "use strict";

  let shell = null; // the prerendered tree, while it is in the page
  let pending = null; // {files: File[], entries: FileSystemEntry[]}
  let taken = false; // the app has started and took what was kept
  let failed = null; // {kind: "nowasm" | "failed", reason}: the app cannot start

  // German when the browser asks for it, as the app decides
  // (app/browser/lang.go).
  const german = () => String(navigator.language || "").toLowerCase().startsWith("de");

  // page returns the prerendered tree while it is shown; null once go-app
  // has replaced it.
  function page() {
    if (taken) {
      return null;
    }
    if (!shell && document.body) {
      shell = document.body.firstElementChild;
    }
    return shell && shell.isConnected ? shell : null;
  }

  // prerendered returns the prerendered tree while it is shown and has the
  // open panel (the home page); else null.
  function prerendered() {
    const root = page();
    return root && root.querySelector("#open-files") ? root : null;
  }

  // say puts the texts of the prerendered open panel into the browser's
  // language and, once something was chosen, says it opens when the app
  // has loaded; on any prerendered page, once the app cannot start, it
  // shows why (the top bar's message) and turns the pickers off.
  function say() {
    const root = page();
    if (!root) {
      return;
    }
    const de = german();
    for (const el of root.querySelectorAll("[data-early-en]")) {
      let text = de ? el.dataset.earlyDe : el.dataset.earlyEn;
      if (pending && el.dataset.earlyPickedEn) {
        text = de ? el.dataset.earlyPickedDe : el.dataset.earlyPickedEn;
      }
      if (failed && el.dataset.earlyFailEn) {
        text = de ? el.dataset.earlyFailDe : el.dataset.earlyFailEn;
      }
      if (text && el.textContent !== text) {
        el.textContent = text;
      }
    }
    // The switch of the page as the server sent it names English (the
    // home page's; elsewhere it stays as sent).
    const select = prerendered() && root.querySelector("#lang-select");
    if (select) {
      select.value = de ? "de" : "en";
    }
    if (pending) {
      root.dataset.earlyPicked = String(pending.files.length + pending.entries.length);
    }
    const msg = root.querySelector("[data-testid=early-fail]");
    if (failed && msg) {
      const key = failed.kind === "nowasm" ? "earlyNowasm" : "earlyFailed";
      msg.textContent = String(msg.dataset[key + (de ? "De" : "En")] || "").replace("%s", failed.reason);
      msg.setAttribute("role", "alert");
      msg.hidden = false;
      for (const input of root.querySelectorAll("input[type=file]")) {
        input.disabled = true;
      }
    }
  }

  // fail says the app cannot start: kind "nowasm" when the browser has no
  // WebAssembly, "failed" when app.wasm did not load or compile (reason:
  // the browser's words, as go-app's loader shows them). go-app's loader
  // leaves the page: its spinner would promise a start that never comes.
  function fail(kind, reason) {
    if (failed || !page()) {
      return;
    }
    failed = { kind, reason: String(reason || "").slice(0, 200) };
    const loader = document.getElementById("app-wasm-loader");
    if (loader) {
      loader.remove();
    }
    say();
  }

  // watchStart notices that the app cannot start. Without WebAssembly (or
  // with ?wasm=false, go-app's switch to not load it) nothing is tried;
  // else go-app's loader shows a failure by its icon ceasing to spin and
  // its label taking the error.
  function watchStart() {
    const off = new URLSearchParams(location.search).get("wasm") === "false";
    if (off || typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      fail("nowasm", "");
      return;
    }
    const icon = document.getElementById("app-wasm-loader-icon");
    if (!icon) {
      return;
    }
    const check = () => {
      if (icon.isConnected && !icon.classList.contains("goapp-spin")) {
        const label = document.getElementById("app-wasm-loader-label");
        fail("failed", label ? label.textContent : "");
      }
    };
    new MutationObserver(check).observe(icon, { attributes: true, attributeFilter: ["class"] });
    check();
  }

  function keep(files, entries) {
    if (!files.length && !entries.length) {
      return;
    }
    pending = { files, entries };
    say();
  }

  // A choice in a prerendered file input. Capture on window: this runs
  // before anything else sees the event.
  window.addEventListener(
    "change",
    (e) => {
      const el = e.target;
      const root = prerendered();
      if (!root || !el || el.tagName !== "INPUT" || el.type !== "file" || !root.contains(el)) {
        return;
      }
      keep(Array.from(el.files || []), []);
    },
    { capture: true }
  );

  // A drop anywhere on the prerendered page. The browser drops only where
  // a dragover was refused its default; the DataTransfer lives only during
  // the drop event, so the entries (folders are walked later, by the app)
  // and the files are taken now.
  window.addEventListener("dragover", (e) => {
    if (prerendered()) {
      e.preventDefault();
    }
  });
  window.addEventListener("drop", (e) => {
    if (!prerendered()) {
      return;
    }
    e.preventDefault();
    const dt = e.dataTransfer;
    if (!dt) {
      return;
    }
    const files = [];
    const entries = [];
    if (dt.items) {
      for (const item of Array.from(dt.items)) {
        if (item.kind !== "file") {
          continue;
        }
        const entry = typeof item.webkitGetAsEntry === "function" ? item.webkitGetAsEntry() : null;
        if (entry) {
          entries.push(entry);
          continue;
        }
        const f = item.getAsFile();
        if (f) {
          files.push(f);
        }
      }
    } else {
      files.push(...Array.from(dt.files || []));
    }
    keep(files, entries);
  });

  document.addEventListener("DOMContentLoaded", () => {
    prerendered();
    say();
    watchStart();
  });

  // The app takes what was kept, once, when its own handlers listen.
  Object.defineProperty(globalThis, "exportlensEarly", {
    value: Object.freeze({
      take() {
        const p = pending;
        pending = null;
        taken = true;
        return p;
      },
    }),
  });
})();
