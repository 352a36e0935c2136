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

.PHONY: build run demo test vet chromium webkit firefox axe bench fuzz fixtures tools clean FORCE

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

# vet: go vet natively and for the wasm build, gofmt, go.mod kept tidy, staticcheck (pinned,
# installed into bin/) natively and for the wasm build.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/ui ./app/browser ./cmd/exportlens
	@out=$$(gofmt -l app cmd web); [ -z "$$out" ] || { echo "gofmt -w needed:"; echo "$$out"; exit 1; }
	$(GO) mod tidy -diff
	GOBIN=$(abspath bin) $(GO) install $(STATICCHECK)
	bin/staticcheck ./...
	GOOS=js GOARCH=wasm bin/staticcheck ./app/... ./cmd/exportlens

# The browser tests drive Debian's chromium and generate a 10,000-recording export with
# espeak-ng and lame (tools), and once a 100,000-recording one kept in $(BIGDIR)/100k
# (TestBrowserHuge); CI=1 makes them fail instead of skip when something they need
# is missing.
# The browser tests take about 8 minutes of cmd/exportlens (go test's default limit is 10).
# app/browser's wasm build runs its tests under node (npm's, which axe installs).
# The domain packages run with the race detector (their readers and checks run on
# goroutines of their own in the viewer); the rest without it.
DOMAIN := ./app/archive/... ./app/export ./app/check ./app/pack ./app/media
test: vet build chromium webkit firefox tools axe
	CI=$${CI:-1} $(GO) test -race -count=1 $(DOMAIN)
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./app/browser
	CI=$${CI:-1} $(GO) test -count=1 -timeout 20m $$($(GO) list ./... | grep -v -e /app/archive -e /app/export -e /app/check -e /app/pack -e /app/media)

chromium:
	@[ -x $(CHROMIUM) ] || { apt-get update && apt-get install -y chromium; }

# WebKitGTK's WebDriver and a virtual display for the WebKit test (TestWebKitKeyFlows).
webkit:
	@command -v WebKitWebDriver >/dev/null && command -v xvfb-run >/dev/null || \
	  { apt-get update && apt-get install -y webkit2gtk-driver xvfb xauth; }

# Firefox ESR for the Firefox test (TestFirefoxKeyFlows, driven over Marionette: no geckodriver).
firefox:
	@command -v firefox-esr >/dev/null || { apt-get update && apt-get install -y firefox-esr; }

# axe-core (pinned) for the accessibility tests (TestBrowserAxe), with npm from Debian when
# it is missing; kept in bin/npm, never committed.
AXE_VERSION := 4.14.1
AXE := bin/npm/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE):
	@command -v npm >/dev/null || { apt-get update && apt-get install -y npm; }
	npm install --prefix bin/npm --no-audit --no-fund --save-exact axe-core@$(AXE_VERSION)

# Benchmarks: cmd/mkexport -big writes one export per shape (BIG_SHAPES: stored WAVs, deflated
# WAVs, 2 kB WAVs, Alexa split over 5 ZIPs, one export.zip of the category ZIPs) of 10,000
# recordings and 1 GB of WAVs (small: 20 MB) into $(BIGDIR)/<shape>-10k, once (a .done stamp;
# delete the folder to write it again). Then every benchmark runs on each, BENCHTIME iterations:
# natively BenchmarkCheckBig (wall, allocations, peak RSS of bin/exportlens) and
# BenchmarkStagesBig, in headless chromium BenchmarkBrowserOpenBig (verdict, wasm memory, click
# to audio, longest task) and BenchmarkBrowserCancel, each with its ratio to the directory-read
# floor of the same files measured in the same run (the browser ones BENCHTIME times, the
# others for Go's default second).
# EXPORTLENS_BENCH_100K=1 adds the shapes at 100,000 recordings ($(BIGDIR)/<shape>-100k,
# BIG100K_SIZE of WAVs, 2 GB by default: 4 × 2 GB of disk; small: 200 MB); they are behind the
# variable because opening one takes 10–20 s in the viewer, so the run takes half an hour more.
BENCHTIME    ?= 3x
BIG_SHAPES   := stored deflated small parts nested
BIG100K_SIZE ?= 2GB
BIG_EXPORTS  := $(BIG_SHAPES:%=$(BIGDIR)/%-10k) $(if $(EXPORTLENS_BENCH_100K),$(BIG_SHAPES:%=$(BIGDIR)/%-100k))
empty :=
space := $(empty) $(empty)

bench: build chromium $(BIG_EXPORTS:%=%/.done)
	EXPORTLENS_BIG=$(subst $(space),:,$(abspath $(BIG_EXPORTS))) \
	  $(GO) test -run '^$$' -bench . -skip '^BenchmarkBrowser' -benchmem -timeout 1h ./...
	EXPORTLENS_BIG=$(subst $(space),:,$(abspath $(BIG_EXPORTS))) \
	  $(GO) test -run '^$$' -bench '^BenchmarkBrowser' -benchtime $(BENCHTIME) -timeout 3h ./cmd/exportlens

$(BIGDIR)/%-10k/.done:
	rm -rf $(@D)
	$(GO) run ./cmd/mkexport -big -shape $* -recordings 10000 -size 1GB -out $(@D)
	touch $@

$(BIGDIR)/%-100k/.done:
	rm -rf $(@D)
	$(GO) run ./cmd/mkexport -big -shape $* -recordings 100000 -size $(BIG100K_SIZE) -out $(@D)
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
