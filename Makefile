# Sovmap. `make run` and `make test` install what they need on Debian 12
# (through .ci/setup) and then build and run, or test.

GO ?= go

FYNE_TOOLS := fyne.io/tools/cmd/fyne@v1.7.4
FYNE := $(CURDIR)/build/bin/fyne

.PHONY: run test setup build unit e2e bench bench-startup generate package package-windows fyne-cli screenshot fuzz race

run: setup
	$(GO) run .

test: setup package package-windows
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -race -short ./...
	$(GO) test -count=1 -tags e2e -run E2E -v .

# The race detector over every package (the soak test is left out: -short).
race:
	$(GO) test -count=1 -race -short ./...

setup:
	@sh .ci/setup

build: setup
	$(GO) build -o sovmap .

unit:
	$(GO) test ./...

e2e: setup
	$(GO) test -count=1 -tags e2e -run E2E -v .

# Renderer and loading speed: go test benchmarks.
bench:
	$(GO) test -run XXX -bench . -benchtime 3s ./geo/...

# Start-up under Xvfb against an empty Fyne window.
bench-startup: setup
	sh .ci/bench-startup

# Rewrites assets/map from INEGI's Marco Geoestadístico (the folder INEGI,
# see README: Data and sources) and Natural Earth (rgeo's module files),
# and the icons.
INEGI ?= $(abspath ../shared/data/inegi-mg2025)
generate:
	INEGI=$(abspath $(INEGI)) $(GO) generate ./assets

# The Linux desktop bundle, build/Sovmap.tar.xz: the binary, the desktop
# entry, the hicolor icons, the AppStream metainfo, and a Makefile that
# installs them (.ci/package-linux). The fyne CLI is installed into
# build/bin at a pinned version.
package: setup fyne-cli
	sh .ci/package-linux

# build/Sovmap.exe, cross-compiled for Windows with MinGW-w64
# (.ci/package-windows); the end-to-end tests run it under Wine.
package-windows: setup fyne-cli
	sh .ci/package-windows

fyne-cli:
	@mkdir -p build/bin
	GOBIN=$(CURDIR)/build/bin $(GO) install $(FYNE_TOOLS)

# docs/screenshot.png for the README, made by the app itself under Xvfb.
screenshot: setup
	sh .ci/screenshot docs/screenshot.png

# Every fuzz target for FUZZTIME (at least 60 s each by default).
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run XXX -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./geo/storyfile
	$(GO) test -run XXX -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./geo/storyfile
	$(GO) test -run XXX -fuzz '^FuzzParseACLED$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./geo/storyfile
	$(GO) test -run XXX -fuzz '^FuzzParseSize$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./geo/export
	$(GO) test -run XXX -fuzz '^FuzzCoordinates$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./geo
