# ExportLens. `make run` checks a bundled demo export; `make test` runs vet and every test.
GO      ?= go
BIN     := bin/exportlens
BIGDIR  := testdata/big
FUZZTIME ?= 20s
DEMO    := testdata/fixtures/amazon-2018/input

.PHONY: build run test vet bench fuzz fixtures tools clean

build:
	$(GO) build -o $(BIN) ./cmd/exportlens

# The demo: the 2018 household mix-up, checked as the requester who owns no Alexa device.
# Exit status 1 means "this export holds someone else's data": that is the demo's point, not a failure.
run: build
	@$(BIN) check --no-devices $(DEMO)/*; s=$$?; [ $$s -le 1 ] || exit $$s

vet:
	$(GO) vet ./...

test: vet
	$(GO) test -count=1 ./...

# Benchmarks open, parse and check a generated 1 GB export with 10,000 recordings.
bench: $(BIGDIR)/.done
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
	rm -rf bin $(BIGDIR)
