# Sovmap. `make run` and `make test` install what they need on Debian 12
# (through .ci/setup) and then build and run, or test.

GO ?= go

.PHONY: run test setup build unit e2e bench bench-startup generate

run: setup
	$(GO) run .

test: setup
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -tags e2e -run E2E -v .

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
	$(GO) test -run XXX -bench . -benchtime 3s ./geo

# Start-up under Xvfb against an empty Fyne window.
bench-startup: setup
	sh .ci/bench-startup

# Rewrites assets/map from Natural Earth (rgeo's module files).
generate:
	$(GO) generate ./assets
