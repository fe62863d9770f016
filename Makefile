# The two commands the README opens with:
#   make demo   set up, build, and render the example journeys into output/
#   make test   set up, build, and run the whole test suite
SWIFT ?= swift
BIN := .build/release/journeymap

.PHONY: setup build demo test bench fuzz format lint docs clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product journeymap
	$(SWIFT) build -c release --product journeymap-serve

demo: build
	$(BIN) render journeys -o output --view all --force
	$(BIN) report journeys -o output
	$(BIN) render journeys/air-travel.journey -o output/posters --paper A0 --landscape --view map,canvas --tile A4 --format pdf,png --force

# Lint first (seconds), then a build in which any warning is an error, then the release
# tarball (DistTests unpacks it and runs it with no toolchain on PATH), then the suite.
test: setup
	bash scripts/test-setup.sh
	$(MAKE) --no-print-directory lint
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	$(MAKE) --no-print-directory dist
	JOURNEYMAP_DIST=$$(ls -t dist/journeymap-*.tar.gz | head -n 1) $(SWIFT) test --skip-build

bench: setup
	bash bench/feedback.sh

fuzz: setup
	bash Fuzz/run.sh $(or $(FUZZ_SECONDS),60)

# The style is .swift-format's (swift-format ships with the toolchain as `swift format`).
FORMAT_PATHS := Package.swift Sources Tests Fuzz
format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

# JourneyMapKit's documentation (Documentation/JourneyMapKit.docc) with the toolchain's own
# docc, from the library modules' public symbol graphs: no package dependency (README says why).
DOCC ?= docc
KIT_GRAPHS := .build/symbol-graphs-kit
docs:
	$(SWIFT) package dump-symbol-graph --minimum-access-level public 2>&1 | tail -1
	rm -rf $(KIT_GRAPHS) && mkdir -p $(KIT_GRAPHS)
	cp .build/*/symbolgraph/Journey*.symbols.json $(KIT_GRAPHS)/
	rm -f $(KIT_GRAPHS)/JourneyTestSupport* $(KIT_GRAPHS)/JourneyMapPackage*
	$(DOCC) convert Documentation/JourneyMapKit.docc --additional-symbol-graph-dir $(KIT_GRAPHS) \
	  --output-path .build/JourneyMapKit.doccarchive --warnings-as-errors
	@echo "docs: .build/JourneyMapKit.doccarchive (serve it with a static web server, or docc preview)"

# The man page: swift-argument-parser's generate-manual tool (a small debug build) run on the
# binary being installed, dated by the last commit so the page is reproducible. Running the
# tool directly instead of through its package plugin spares a second release build.
MANUAL_DATE := $(shell git log -1 --format=%cs 2>/dev/null)
define manual_for
	$(SWIFT) build --product generate-manual
	rm -rf $(2) && mkdir -p $(2)
	.build/debug/generate-manual $(1) --output-directory $(2) $(if $(MANUAL_DATE),--date $(MANUAL_DATE))
endef
MANUAL_DIR := .build/manual
manual: build
	$(call manual_for,$(BIN),$(MANUAL_DIR))

# make install PREFIX=~/.local: binary, man page, completions for bash, zsh and fish, docs.
install: build manual
	bash scripts/install.sh "$(DESTDIR)$(PREFIX)" $(BIN) $(MANUAL_DIR)

# A relocatable tarball in dist/ whose binary needs no Swift toolchain (docs/install.md).
# Static Foundation links libcurl (FoundationNetworking) into journeymap-serve: its -dev package is needed to link.
# Its own scratch folder, so the static build and `make build`'s never overwrite each other.
DIST_SCRATCH := .build/dist
dist: setup
	@dpkg -s libcurl4-openssl-dev >/dev/null 2>&1 || $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq libcurl4-openssl-dev
	$(SWIFT) build -c release --product journeymap --static-swift-stdlib --scratch-path $(DIST_SCRATCH)
	$(SWIFT) build -c release --product journeymap-serve --static-swift-stdlib --scratch-path $(DIST_SCRATCH)
	$(call manual_for,$(DIST_SCRATCH)/release/journeymap,$(DIST_SCRATCH)/manual)
	bash scripts/dist.sh $(DIST_SCRATCH)/release/journeymap dist $(DIST_SCRATCH)/manual

clean:
	rm -rf .build
