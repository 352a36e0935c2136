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

  // German when the browser asks for it, as the app decides
  // (app/browser/lang.go).
  const german = () => String(navigator.language || "").toLowerCase().startsWith("de");

  // prerendered returns the prerendered tree while it is shown; null once
  // go-app has replaced it (or if the page has no open panel).
  function prerendered() {
    if (taken) {
      return null;
    }
    if (!shell && document.body) {
      shell = document.body.firstElementChild;
    }
    if (!shell || !shell.isConnected || !shell.querySelector("#open-files")) {
      return null;
    }
    return shell;
  }

  // say puts the texts of the prerendered open panel into the browser's
  // language and, once something was chosen, says it opens when the app
  // has loaded.
  function say() {
    const root = prerendered();
    if (!root) {
      return;
    }
    const de = german();
    for (const el of root.querySelectorAll("[data-early-en]")) {
      let text = de ? el.dataset.earlyDe : el.dataset.earlyEn;
      if (pending && el.dataset.earlyPickedEn) {
        text = de ? el.dataset.earlyPickedDe : el.dataset.earlyPickedEn;
      }
      if (text && el.textContent !== text) {
        el.textContent = text;
      }
    }
    // The switch of the page as the server sent it names English.
    const select = root.querySelector("#lang-select");
    if (select) {
      select.value = de ? "de" : "en";
    }
    if (pending) {
      root.dataset.earlyPicked = String(pending.files.length + pending.entries.length);
    }
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
