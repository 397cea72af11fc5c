# monitoreo — the two commands a fresh machine needs are `make demo` and `make test`.
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS := examples/seeds/*.yaml

.PHONY: help demo test setup lint types unit golden bench docs clean serve fuzz

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml Makefile
	@command -v $(PY) >/dev/null || { echo "Se necesita $(PY)"; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,data,web,docs,spark]'
	touch $(STAMP)

setup: $(STAMP) ## Create the virtualenv and install everything from PyPI

demo: setup docs ## Set up and run the main job on the bundled sample data, then serve the portal (with the docs site)
	$(BIN)/monitoreo metrics $(SEEDS)
	@# The 2023 seed's narrative says «la Araucanía (12%)» where its table gives 11,4 %: validate reports it
	@# as an error (exit 1), which is the point of the demo, so make carries on.
	-$(BIN)/monitoreo validate $(SEEDS)
	$(BIN)/monitoreo render $(SEEDS) --out out/fichas
	$(BIN)/monitoreo publish $(SEEDS) --out out/datos
	@echo "Fichas en out/fichas/ (PDF y HTML); datos abiertos en out/datos/. Ahora el portal:"
	$(BIN)/monitoreo serve --demo

lint: setup ## ruff + import-linter (the core never imports Django)
	$(BIN)/ruff check src tests benchmarks scripts docs/gen
	$(BIN)/lint-imports

types: setup ## mypy strict on src/monitoreo
	$(BIN)/mypy

unit: setup ## All tests
	$(BIN)/pytest -q -p no:cacheprovider

golden: setup ## Only the real-ficha tests
	$(BIN)/pytest -q -m golden

test: lint types unit docs ## Set up and run lint, type checks, all tests and the docs build

docs: setup ## Build the documentation site into site/ (strict; reference pages generated from code)
	NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(BIN)/mkdocs build --strict

bench: setup ## Benchmarks (benchmarks/bench_*.py), figures printed; bench_load.py runs 10 minutes (not in CI)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

fuzz: setup ## Long fuzz profile: 10,000 mutated inputs (data files, fichas, PDF, Excel), per-input timeout 10 s, figures printed
	$(BIN)/python scripts/fuzz.py --inputs 10000 --timeout 10 --json out/fuzz.json

serve: setup ## Run the public web portal on demo data (seeds + synthetic portfolio)
	$(BIN)/monitoreo serve --demo

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache site
