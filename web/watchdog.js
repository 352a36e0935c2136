// ExportLens watchdog: notices when the Go program (app.wasm) has stopped
// for good and says so over the page, in the page's language, with a reload
// button. Go recovers panics where the app catches them, but a fatal error
// (out of memory, a runtime throw, a deadlock), a panic in a goroutine
// nobody guards, or a wasm trap ends the program: the page stays on screen
// and answers nothing. Only JavaScript can notice that.
//
// How: this is a plain (not deferred) script, so it runs while the page is
// parsed, before the deferred wasm_exec.js and app.js. wasm_exec.js
// (GOROOT's copy, never edited) assigns globalThis.Go; the setter below
// wraps that class, so every Go instance reports
//   - its exit(code), which wasm_exec.js calls from runtime.wasmExit when
//     the program ends (code 2 after a fatal error or an unrecovered panic),
//   - a rejected run() (a trap while starting),
// and the page's error events report "Go program has already exited" (a
// click or timer calling into the stopped program) and traps.
//
// The overlay is appended to <body>, outside go-app's nodes, and is built
// with textContent and a real <button>: no HTML strings, no inline script
// (the CSP allows script-src 'self' only). File names of what the person
// chose are kept in this page's memory only, to say what was open.
(() => {
  "use strict";

  const texts = {
    en: {
      title: "ExportLens has stopped",
      body:
        "The app ran out of memory or hit an error it cannot recover from, so this page no longer responds. " +
        "Nothing was sent anywhere. Reload the page and open the export again.",
      last: "Last opened: “%s”.",
      details: "Details",
      reload: "Reload",
    },
    de: {
      title: "ExportLens wurde beendet",
      body:
        "Der App ging der Speicher aus, oder sie stieß auf einen Fehler, von dem sie sich nicht erholen kann; " +
        "diese Seite reagiert deshalb nicht mehr. Es wurde nichts gesendet. " +
        "Laden Sie die Seite neu und öffnen Sie den Export noch einmal.",
      last: "Zuletzt geöffnet: „%s“.",
      details: "Details",
      reload: "Neu laden",
    },
  };

  let shown = false;
  let lastOpened = ""; // names of the files last chosen or dropped
  let output = ""; // the tail of what the Go program wrote to stderr

  // The page's language: the app's own switch, else the browser's.
  function language() {
    const select = document.getElementById("lang-select");
    const lang = (select && select.value) || navigator.language || "en";
    return String(lang).toLowerCase().startsWith("de") ? "de" : "en";
  }

  // fatalLine is the line of Go's last words that says why
  // ("fatal error: out of memory", "panic: ..."), if it wrote one.
  function fatalLine() {
    const lines = output.split("\n");
    for (const line of lines) {
      if (/^(fatal error|panic|runtime: out of memory)/.test(line)) {
        return line.slice(0, 300);
      }
    }
    return "";
  }

  function show(reason) {
    if (shown || !document.body) {
      return;
    }
    shown = true;
    const t = texts[language()];
    const box = document.createElement("div");
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", "wasm-stopped-title");
    box.setAttribute("aria-describedby", "wasm-stopped-text");
    box.dataset.testid = "wasm-stopped";
    box.dataset.reason = reason;
    box.className = "wasm-stopped";
    // CSSOM, not a style attribute or sheet: works under any style-src.
    Object.assign(box.style, {
      position: "fixed",
      inset: "0",
      zIndex: "2147483647",
      display: "flex",
      alignItems: "center",
      justifyContent: "center",
      background: "rgba(0, 0, 0, 0.55)",
      font: "16px/1.5 system-ui, sans-serif",
    });
    const card = document.createElement("div");
    Object.assign(card.style, {
      maxWidth: "34rem",
      margin: "1rem",
      padding: "1.5rem",
      background: "#ffffff",
      color: "#1b1b1b",
      borderRadius: "8px",
      boxShadow: "0 4px 24px rgba(0, 0, 0, 0.3)",
    });
    const title = document.createElement("h2");
    title.id = "wasm-stopped-title";
    title.textContent = t.title;
    title.style.marginTop = "0";
    const text = document.createElement("p");
    text.id = "wasm-stopped-text";
    text.textContent = t.body;
    card.append(title, text);
    if (lastOpened) {
      const last = document.createElement("p");
      last.dataset.testid = "wasm-stopped-file";
      last.textContent = t.last.replace("%s", lastOpened);
      card.append(last);
    }
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = t.details;
    const code = document.createElement("code");
    code.textContent = [fatalLine(), reason].filter(Boolean).join(" · ");
    details.append(summary, code);
    const reload = document.createElement("button");
    reload.type = "button";
    reload.className = "button";
    reload.dataset.testid = "wasm-reload";
    reload.textContent = t.reload;
    reload.style.marginTop = "1rem";
    reload.addEventListener("click", () => location.reload());
    card.append(details, reload);
    box.append(card);
    document.body.append(box);
    reload.focus();
  }

  // Keeps the tail of the program's stderr (fd 2), where Go writes its
  // fatal errors; the console gets it as before.
  function watchOutput() {
    const fs = globalThis.fs;
    if (!fs || typeof fs.writeSync !== "function" || fs.writeSync.watched) {
      return;
    }
    const write = fs.writeSync;
    const decoder = new TextDecoder("utf-8");
    const watched = function (fd, buf) {
      if (fd === 2) {
        try {
          output = (output + decoder.decode(buf)).slice(-8192);
        } catch (e) {
          // the console still gets it
        }
      }
      return write.apply(this, arguments);
    };
    watched.watched = true;
    fs.writeSync = watched;
  }

  function wrap(Go) {
    if (typeof Go !== "function" || Go.watched) {
      return Go;
    }
    watchOutput();
    class WatchedGo extends Go {
      constructor(...args) {
        super(...args);
        const exit = this.exit;
        this.exit = (code) => {
          try {
            if (typeof exit === "function") {
              exit.call(this, code);
            }
          } finally {
            show("exit code " + code);
          }
        };
      }
      // run starts the program on a turn of its own, so that the end of
      // the module's compile and Go's start are not one long task. go-app
      // removes its loader as soon as run() first returns, which is when
      // Go first waits; the app's start waits on purpose between its
      // steps (cmd/exportlens/main_wasm.go), so the loader stays until the
      // app has mounted its first page and removes it
      // (app/browser/loader_wasm.go).
      run(instance) {
        const loader = document.getElementById("app-wasm-loader");
        if (loader) {
          loader.remove = () => {};
        }
        return new Promise((resolve) => setTimeout(resolve, 0))
          .then(() => super.run(instance))
          .catch((err) => {
            show(String((err && err.message) || err));
            throw err;
          });
      }
    }
    WatchedGo.watched = true;
    return WatchedGo;
  }

  let Go = wrap(globalThis.Go);
  Object.defineProperty(globalThis, "Go", {
    configurable: true,
    enumerable: true,
    get() {
      return Go;
    },
    set(v) {
      Go = wrap(v);
    },
  });

  // stopped reports whether err says the program is gone.
  function stopped(err) {
    if (!err) {
      return false;
    }
    if (typeof WebAssembly !== "undefined" && err instanceof WebAssembly.RuntimeError) {
      return true;
    }
    return String(err.message || err).includes("Go program has already exited");
  }
  window.addEventListener("error", (e) => {
    if (stopped(e.error) || stopped(e.message)) {
      show(String(e.message || e.error));
    }
  });
  window.addEventListener("unhandledrejection", (e) => {
    if (stopped(e.reason)) {
      show(String((e.reason && e.reason.message) || e.reason));
    }
  });

  // What was opened, to name it if the program stops. Capture listeners on
  // window run before the app's own handlers (which clear the input).
  const remember = (files) => {
    if (files && files.length) {
      lastOpened = Array.from(files, (f) => f.name).join(", ").slice(0, 300);
    }
  };
  window.addEventListener(
    "change",
    (e) => {
      const el = e.target;
      if (el && el.tagName === "INPUT" && el.type === "file") {
        remember(el.files);
      }
    },
    { capture: true }
  );
  window.addEventListener("drop", (e) => remember(e.dataTransfer && e.dataTransfer.files), { capture: true });
})();
