# Two-factor synaptic consolidation — reproduction suite.
#
#   make figure2            simulate (default scale) and draw Figure 2
#   make report             check the paper's claims on the results (figures/report/index.html)
#   make check-claims       fail when a claim expected at this scale fails or was not run (after make report)
#   make test               run the test suite
#   make SCALE=paper ...    the paper's exact parameters (hours of CPU)
#   make -j1 ...            one point at a time (by default one job per core, below)
#
# Every simulation point is its own file target (a result directory with result.json),
# so an interrupted sweep resumes and `make -j` is safe: the Swift build runs once (the
# build stamp is an order-only prerequisite of every point), then the binaries are run
# directly. A point's recipe always runs `simulate`, which returns at once when a result
# with identical parameters exists and refuses one with other parameters; since it then
# leaves result.json untouched, figures are redrawn only when some result changed.

# Independent simulation points run in parallel, one job per core, so the README's plain
# `make figure2` uses the machine; a -j given on the command line takes precedence.
MAKEFLAGS += -j$(shell nproc)

SHELL        := /bin/bash
.SHELLFLAGS  := -eu -o pipefail -c
.DEFAULT_GOAL := help

SCALE   ?= default
# Empty: the sweep's own seeds (Sources/Experiments/Sweeps.swift).
SEEDS      ?=
FIG3_SEED  ?=
FLUCT_SEED ?=
FORCE   ?=
export OPENBLAS_NUM_THREADS := 1
# Layout audit of every saved panel and page (Plot reads PLOT_AUDIT): warn prints each
# finding, strict also fails the figure; `make audit` redraws the figures strict.
PLOT_AUDIT ?= warn
export PLOT_AUDIT

BIN      := .build/release
STAMP    := .build/release.stamp
FIGURES  := figures
FORCE_FLAG := $(if $(FORCE),--force,)

APT_PACKAGES := pkgconf libcairo2-dev libpango1.0-dev fonts-liberation2 libopenblas-dev poppler-utils

.PHONY: help deps build test test-long bench bench-figure3 cost-check gallery clean clean-results check-figures FORCE_RUN \
        figure2 figure3 figure5-6 figures audit report check-claims finite-size evidence check-evidence

help:
	@echo "make figure2 | figure3 | figure5-6 | report | check-claims | finite-size | evidence | check-evidence | gallery | audit | test | test-long | bench | bench-figure3 | cost-check | clean | clean-results"
	@echo "variables: SCALE=default|large|paper|tiny  SEEDS='100 101 ...' (Figure 2)  FIG3_SEED=…  FLUCT_SEED=…  FORCE=1 (recompute results)  PLOT_AUDIT=warn|strict|off"
	@echo "           REFERENCE=<folder of published panels, <figure>/<panel>.png> (make report)"
	@echo "           RUNNER=slurm: submit the figures' points to Slurm (scripts/slurm/README.md); make status: where every point stands"

# --- system packages -------------------------------------------------------------------
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing system packages:$$missing" >&2; \
	    echo "install them with: sudo apt-get install -y$$missing" >&2; exit 1; \
	  fi; \
	fi

# --- build ---------------------------------------------------------------------------
# Our Swift loops are compiled for this CPU's vector units when it has AVX2 and FMA
# (`haswell`: 8-lane AVX instead of the baseline's 4-lane SSE2). The results are the same
# bytes: Swift never fuses a*b + c into an FMA, and every loop adds in the order it is
# written (docs/benchmarks.md, "CPU target"). SWIFT_CPU= builds for any x86-64, e.g. for
# cluster nodes older than the machine that builds.
SWIFT_CPU ?= $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo && echo haswell)
SWIFT_FLAGS := -c release $(if $(SWIFT_CPU),-Xswiftc -target-cpu -Xswiftc $(SWIFT_CPU))
# Rewritten only when the flags change, so that a changed SWIFT_CPU rebuilds.
FLAGS_STAMP := .build/swift-flags
SWIFT_SOURCES := Package.swift $(shell find Sources -type f \( -name '*.swift' -o -name '*.h' -o -name '*.modulemap' \) 2>/dev/null)

$(FLAGS_STAMP): FORCE_RUN
	@mkdir -p $(@D); echo '$(SWIFT_FLAGS)' | cmp -s - $@ || echo '$(SWIFT_FLAGS)' > $@

$(STAMP): $(SWIFT_SOURCES) $(FLAGS_STAMP) | deps
	swift build $(SWIFT_FLAGS) 2>&1 | { grep -v "prohibited flag" || true; }
	@touch $@

build: $(STAMP)

test: deps
	swift test $(SWIFT_FLAGS) --disable-testable-imports 2>&1 | { grep -v "prohibited flag" || true; }

test-long: deps
	TEST_LONG=1 swift test $(SWIFT_FLAGS) --disable-testable-imports 2>&1 | { grep -v "prohibited flag" || true; }

bench: $(STAMP)
	$(BIN)/bench cpu
	$(BIN)/bench attractor
	$(BIN)/bench threads
	$(BIN)/bench floor

# --- gallery -------------------------------------------------------------------------
gallery: $(FIGURES)/gallery/gallery.pdf
# The gallery shows alignment anchors and every legend place on purpose: audit warnings only.
$(FIGURES)/gallery/gallery.pdf: $(STAMP)
	PLOT_AUDIT=$(if $(filter off,$(PLOT_AUDIT)),off,warn) $(BIN)/gallery --out $(FIGURES)/gallery

# --- simulation points ----------------------------------------------------------------
# Every figure's points come from one definition (Sources/Experiments/Sweeps.swift):
# `simulate points` prints them as Make variables into a generated include, remade when the
# build changes. Each point is a result.json target; `simulate run <dir>` reads the point
# back from its directory name, so this file knows neither the sweeps nor the name format.
empty :=
space := $(empty) $(empty)
POINTS_ARGS := --scale $(SCALE) $(if $(SEEDS),--seeds $(SEEDS)) $(if $(FIG3_SEED),--figure3-seed $(FIG3_SEED)) \
               $(if $(FLUCT_SEED),--figure5-6-seed $(FLUCT_SEED))
POINTS_MK   := .build/points/$(subst $(space),_,$(strip $(SCALE) s$(SEEDS) f$(FIG3_SEED) u$(FLUCT_SEED))).mk

ifneq ($(filter figure2 figure3 figure5-6 figures finite-size evidence,$(MAKECMDGOALS)),)
include $(POINTS_MK)
endif

$(POINTS_MK): $(STAMP)
	@mkdir -p $(@D)
	@$(BIN)/simulate points $(POINTS_ARGS) > $@.tmp && mv $@.tmp $@

# Points share the machine's cores (simulate run --share-cores, Sources/Sim/CoreShare.swift):
# each running point registers itself, and an attractor point trains on its share of the
# cores, re-counted every 500 epochs: one thread each while make -j keeps every core busy,
# and the idle cores go to the points still running at a sweep's tail. A wake–sleep point
# follows its share the same way (its sleep re-counts every 500 epochs), so make -j2 figure3
# sleeps one thread per load and the high load takes both cores once the low one ends
# (docs/benchmarks.md, Threads per point). Same numbers for any thread count.
data/results/%/result.json: FORCE_RUN | $(STAMP)
	$(BIN)/simulate run $(@D) $(FORCE_FLAG) --threads $(shell nproc) --share-cores

# --- Slurm runner ----------------------------------------------------------------------------
# RUNNER=slurm: `make figure2|figure3|figure5-6|finite-size|figures` submit the goals' missing
# points as one Slurm job array, and a job that draws the figures and the report after it,
# instead of running them here (scripts/slurm/README.md). The figure goals' local rules
# below are skipped then. `make status` shows every point's state, with or without Slurm.
RUNNER ?= local
STATUS_SWEEPS ?=
.PHONY: status slurm-submit
ifeq ($(RUNNER),slurm)
SLURM_GOALS := $(filter figure2 figure3 figure5-6 finite-size evidence,$(patsubst figures,figure2 figure3 figure5-6,$(MAKECMDGOALS)))
POINTS_figure2     = $(FIG2_POINTS)
POINTS_figure3     = $(FIG3_POINTS)
POINTS_figure5-6   = $(FIG56_POINTS)
POINTS_finite-size = $(FINITE_SIZE_POINTS)
POINTS_evidence    = $(EVIDENCE_POINTS)
figure2 figure3 figure5-6 finite-size evidence: slurm-submit
# The make variables go to the drawing job, which runs `make <goals> report` on the cluster.
slurm-submit: $(STAMP)
	$(if $(FORCE),$(error FORCE=1 does not apply with RUNNER=slurm: delete the points' result directories instead))
	@bash scripts/slurm/submit.sh SCALE=$(SCALE) 'SEEDS=$(SEEDS)' 'FIG3_SEED=$(FIG3_SEED)' 'FLUCT_SEED=$(FLUCT_SEED)' \
	  'FIGURES=$(FIGURES)' 'REFERENCE=$(REFERENCE)' 'PLOT_AUDIT=$(PLOT_AUDIT)' \
	  $(SLURM_GOALS) $(foreach g,$(SLURM_GOALS),$(POINTS_$(g)))
endif

# The cost model's prediction beside the CPU time of every result on disk (or RESULTS=dirs).
cost-check: $(STAMP)
	@$(BIN)/simulate cost --check $(or $(RESULTS),$(patsubst %/result.json,%,$(wildcard data/results/*/*/*/result.json)))

status: $(STAMP)
	@$(BIN)/simulate status --scale $(SCALE) $(if $(SEEDS),--seeds $(SEEDS)) $(if $(STATUS_SWEEPS),--sweeps $(STATUS_SWEEPS))

# --- Figure 2: attractor sweep -----------------------------------------------------------
ifneq ($(RUNNER),slurm)
figure2: $(FIGURES)/figure2/summary.csv
endif
$(FIGURES)/figure2/summary.csv: $(FIG2_POINTS) $(STAMP)
	$(BIN)/figure2 --scale $(SCALE) --out $(FIGURES) $(if $(SEEDS),--seeds $(SEEDS))

# --- Figure 3: wake–sleep consolidation ------------------------------------------------------
ifneq ($(RUNNER),slurm)
figure3: $(FIGURES)/figure3/summary.csv
endif
$(FIGURES)/figure3/summary.csv: $(FIG3_POINTS) $(STAMP)
	$(BIN)/figure3 --scale $(SCALE) --out $(FIGURES) $(if $(FIG3_SEED),--seed $(FIG3_SEED))

bench-figure3: $(STAMP)
	$(BIN)/simulate wake-sleep --scale paper --load high --bench-epochs 200
	$(BIN)/simulate wake-sleep --scale paper --load high --bench-tolerance-levels 20

# --- Figures 5 and 6: synaptic fluctuations -------------------------------------------------
# The fluctuation model is cheap: every scale but tiny runs it at the paper's size.
ifneq ($(RUNNER),slurm)
figure5-6: $(FIGURES)/figure5-6/summary.csv
endif
$(FIGURES)/figure5-6/summary.csv: $(FIG56_POINTS) $(STAMP)
	$(BIN)/figure5-6 --scale $(SCALE) --out $(FIGURES) $(if $(FLUCT_SEED),--seed $(FLUCT_SEED))

figures: gallery figure2 figure3 figure5-6

# The figures record the scale they were drawn at (figure.json); this stamp holds the last
# SCALE a figure was asked for, so switching SCALE redraws instead of keeping another
# scale's panels as up to date.
SCALE_STAMP := $(FIGURES)/.scale
ifneq ($(filter figure2 figure3 figure5-6 figures audit,$(MAKECMDGOALS)),)
$(shell mkdir -p $(FIGURES); [ "$$(cat $(SCALE_STAMP) 2>/dev/null)" = "$(SCALE)" ] || echo "$(SCALE)" > $(SCALE_STAMP))
endif
$(FIGURES)/figure2/summary.csv $(FIGURES)/figure3/summary.csv $(FIGURES)/figure5-6/summary.csv: $(SCALE_STAMP)
$(SCALE_STAMP):
	@mkdir -p $(@D); echo "$(SCALE)" > $@

# --- reproduction report -----------------------------------------------------------------
# Evaluates every claim of the paper (Sources/Claims) whose results exist at SCALE, after
# whichever figures were drawn; REFERENCE names a folder of the published panels.
REFERENCE ?=
REPORT_DIR := $(FIGURES)/report
REPORT_ARGS := --scale $(SCALE) --out $(REPORT_DIR) $(if $(SEEDS),--seeds $(SEEDS)) \
               $(if $(FIG3_SEED),--figure3-seed $(FIG3_SEED)) $(if $(FLUCT_SEED),--figure5-6-seed $(FLUCT_SEED))
# After the figures named on the same command line (`make figure2 report` under -j).
report: $(STAMP) $(filter figure2 figure3 figure5-6 figures finite-size,$(MAKECMDGOALS))
	$(BIN)/report make $(REPORT_ARGS) --figures $(FIGURES) $(if $(REFERENCE),--reference $(REFERENCE))

# Figure 2's tolerance panels at N = 1000 from the committed evidence set, which the report
# shows beside the published ones (not drawn while the set lacks points).
EVIDENCE_MANIFEST := data/evidence/manifest.json
COMMITTED_FIG2    := $(FIGURES)/figure2-committed/summary.csv
$(COMMITTED_FIG2): $(EVIDENCE_MANIFEST) $(STAMP)
	$(BIN)/figure2 --committed --out $(FIGURES)
report: $(if $(wildcard $(EVIDENCE_MANIFEST)),$(COMMITTED_FIG2))

# Reads the report's claims.json (it never rewrites the report, so REFERENCE is kept).
check-claims: $(STAMP) $(filter report,$(MAKECMDGOALS))
	$(BIN)/report check --scale $(SCALE) --out $(REPORT_DIR)

# Figure 2's finite-size study (docs/report.md): the tolerance loads α = 0.08, 0.1425, 0.33
# with the default scale's training at N = 400 (the N = 1000 points are the committed evidence
# set's; `make evidence` recomputes them).
ifneq ($(RUNNER),slurm)
finite-size: $(FINITE_SIZE_POINTS)
endif

# The committed paper-size evidence (data/README.md, docs/report.md "Paper-size evidence"):
# Figure 2 at N = 1000 at the tolerance loads, about 5 CPU-hours. `make evidence` computes the
# missing points (into data/results/large, like any point) and packs them into data/evidence;
# with RUNNER=slurm the points run as a job array and the drawing job packs.
ifneq ($(RUNNER),slurm)
evidence: $(EVIDENCE_POINTS) | $(STAMP)
	$(BIN)/simulate evidence pack
endif

# CI: recomputes the set's cheapest point from scratch and compares it byte for byte.
check-evidence: $(STAMP)
	$(BIN)/simulate evidence check

# Redraws Figures 2, 3 and 5-6 (cached results; -B so that up-to-date figures are drawn
# again) with the layout audit strict: any finding on any panel or page fails (CI: tiny).
audit:
	$(MAKE) -B PLOT_AUDIT=strict figure2 figure3 figure5-6

# Checks that every expected output exists and is a valid PDF/PNG (used by CI).
check-figures:
	bash scripts/check-figures.sh $(FIGURES)

FORCE_RUN:

# --- cleaning ------------------------------------------------------------------------
clean:
	rm -rf .build $(FIGURES)/gallery $(FIGURES)/figure2 $(FIGURES)/figure3 $(FIGURES)/figure5-6 \
	  $(FIGURES)/figure2.* $(FIGURES)/figure3.* $(FIGURES)/figure5-6.*

clean-results:
	rm -rf data/results/$(SCALE) data/checkpoints/$(SCALE)
