# Foyer — set-up and everyday commands. The README's two commands are `make run` and `make test`.
#
# Both install the Debian packages Foyer needs when they are missing (LAPACKE and OpenBLAS),
# using sudo when not run as root.

APT_PACKAGES := libopenblas-dev liblapacke-dev pkg-config
SWIFT ?= swift
ARCHETYPE ?= fr/sfh-1949-1974
# Release builds link the Swift runtime and Foundation statically: a process starts in ~13 ms
# instead of ~19 (no dynamic loading of the Swift libraries; `foyer --version`, perf stat, 7 Dec
# 2026), 6 MB less resident memory, and the binary runs where no Swift runtime is installed.
RELEASE := -c release --static-swift-stdlib

.PHONY: run test deps spark-deps spark-test report-deps report-test build release benchmark bench-batch fuzz clean caltrack-comparison

## deps: install the system libraries if they are missing
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## run: build in release mode and run foyer on a bundled archetype with the embedded climate
run: deps
	$(SWIFT) build $(RELEASE) --product foyer
	./.build/release/foyer describe $(ARCHETYPE)

## test: run every test (the validation suites read ../shared when it is present)
test: deps
	$(SWIFT) test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE)

## caltrack-comparison: savings from bills, Foyer against OpenEEmeter's CalTRACK billing method
## (issue 12, item 5b; a Python venv of its own in .build/caltrack-venv; needs ../shared/weather)
caltrack-comparison: deps
	$(SWIFT) build $(RELEASE) --product foyer
	test -x .build/caltrack-venv/bin/python || python3 -m venv .build/caltrack-venv
	.build/caltrack-venv/bin/pip install -q -r Scripts/caltrack/requirements.txt
	.build/caltrack-venv/bin/python Scripts/caltrack/compare.py

## benchmark: run the solver benchmarks (a separate package, see Benchmarks/)
benchmark: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

## bench-batch: end-to-end foyer batch throughput on 10 000 generated lines per case, 1 and 2 jobs
## (Scripts/bench-batch.sh; LINES=n for fewer)
bench-batch: deps
	$(SWIFT) build $(RELEASE) --product foyer
	./Scripts/bench-batch.sh

## spark-deps: Java for Spark (Debian's openjdk-17-jre-headless) when no java is on the PATH, and
## python3's venv module
spark-deps:
	@missing=""; command -v java >/dev/null 2>&1 || missing="openjdk-17-jre-headless"; \
	python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## spark-test: the Spark job (Scripts/spark/, Docs/Batch.md) in Spark local mode, its Parquet
## compared line for line with a local foyer batch; PySpark in a cached venv
## ($FOYER_SPARK_VENV, default ~/.cache/foyer/spark-venv). Run by CI after `make test`.
spark-test: deps spark-deps
	$(SWIFT) build --product foyer
	./Scripts/spark/test-local.sh ./.build/debug/foyer

## report-deps: Debian's headless Chromium and poppler-utils (pdfinfo), for the report test
report-deps:
	@missing=""; command -v chromium-headless-shell >/dev/null 2>&1 || command -v chromium >/dev/null 2>&1 || missing="chromium-headless-shell"; \
	command -v pdfinfo >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## report-test: each report kind and language rendered by headless Chromium to PDF and PNG;
## page count and overflow checked (Scripts/report-test.sh). Run by CI after `make test`.
report-test: deps report-deps
	$(SWIFT) build --product foyer
	./Scripts/report-test.sh ./.build/debug/foyer

## fuzz: libFuzzer + AddressSanitizer on the dwelling, tariff, load-curve and EPW readers,
## FUZZ_SECONDS (default 600) per target, two at a time (Fuzz/README.md). Not part of `make test`.
fuzz: deps
	./Fuzz/run.sh

clean:
	rm -rf .build Benchmarks/.build Fuzz/.build
