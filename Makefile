# ExportLens. `make run` builds the viewer and serves it; `make test` runs vet and every test,
# the browser tests included.
GO      ?= go
BIN     := bin/exportlens
BIGDIR  := testdata/big
FUZZTIME ?= 20s
DEMO    := testdata/fixtures/amazon-2018/input
CHROMIUM ?= /usr/bin/chromium
# The demo exports bundled with the viewer (copied into web/demo by webprep).
DEMOS   := $(wildcard testdata/fixtures/amazon-2018/* testdata/fixtures/amazon-clean/* testdata/fixtures/takeout-unrecognized/*) \
           $(wildcard testdata/fixtures/amazon-2018/input/* testdata/fixtures/amazon-clean/input/* testdata/fixtures/takeout-unrecognized/input/*)

.PHONY: build run demo test vet chromium bench fuzz fixtures tools clean FORCE

# The wasm first: the native binary embeds web/ (app.wasm, its brotli and gzip copies,
# GOROOT's wasm_exec.js, the demos), so it serves the app from any folder.
build: bin/.webprep
	$(GO) build -o $(BIN) ./cmd/exportlens

# webprep compresses app.wasm again only when its hash changed (bin/.wasm.sha256):
# the brotli step takes half a minute.
web/app.wasm: FORCE
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $@ ./cmd/exportlens

bin/.webprep: web/app.wasm cmd/webprep/main.go $(DEMOS)
	$(GO) run ./cmd/webprep -web web -fixtures testdata/fixtures -goroot "$$($(GO) env GOROOT)" -stamp bin/.wasm.sha256
	@mkdir -p bin && touch $@

# The viewer on http://127.0.0.1:8000 (exportlens serve --addr to change it).
run: build
	$(BIN) serve

# The command-line demo: the 2018 household mix-up, checked as the requester who owns no
# Alexa device. Exit status 1 means "this export holds someone else's data": that is the
# demo's point, not a failure; 0 is accepted too, 2 (unreadable) and 3 (cannot tell) fail.
demo: build
	@$(BIN) check --no-devices $(DEMO)/*; s=$$?; [ $$s -le 1 ] || exit $$s

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/ui ./app/browser ./cmd/exportlens

# The browser tests drive Debian's chromium and generate a 10,000-recording export with
# espeak-ng and lame (tools), and once a 100,000-recording one kept in $(BIGDIR)/100k
# (TestBrowserHuge); CI=1 makes them fail instead of skip when something they need
# is missing.
test: vet build chromium tools
	CI=$${CI:-1} $(GO) test -count=1 ./...

chromium:
	@[ -x $(CHROMIUM) ] || { apt-get update && apt-get install -y chromium; }

# Benchmarks open, parse and check a generated 1 GB export with 10,000 recordings, natively
# and in the viewer in headless chromium (time to verdict, wasm memory, click to audio).
bench: build chromium $(BIGDIR)/.done
	EXPORTLENS_BIG=$(CURDIR)/$(BIGDIR) $(GO) test -run '^$$' -bench . -benchmem ./...

$(BIGDIR)/.done:
	$(GO) run ./cmd/mkexport -big -recordings 10000 -size 1GB -out $(BIGDIR)
	touch $@

fuzz:
	@for pkg in $$($(GO) list ./app/...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# Regenerating the fixtures needs speech and audio tools (Debian packages).
fixtures: tools
	$(GO) run ./cmd/mkexport -out testdata/fixtures

tools:
	@command -v espeak-ng >/dev/null && command -v lame >/dev/null && command -v 7z >/dev/null || \
	  { apt-get update && apt-get install -y espeak-ng lame sox p7zip-full poppler-utils; }

clean:
	rm -rf bin $(BIGDIR) web/app.wasm web/app.wasm.br web/app.wasm.gz web/wasm_exec.js web/demo
