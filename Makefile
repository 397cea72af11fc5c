# monitoreo — the two commands a fresh machine needs are `make demo` and `make test`.
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SEEDS := examples/seeds/*.yaml
# Installs come from the lock files (exact versions with hashes); `make lock` regenerates them.
DEMO_LOCK := requirements/demo.txt
TEST_LOCK := requirements/test.txt
DEMO_STAMP := $(VENV)/.demo-installed
TEST_STAMP := $(VENV)/.test-installed
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links

.PHONY: help demo test setup setup-test system lint format types unit test-unit golden bench docs clean serve lock fuzz

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	@PY=$(PY) scripts/system_packages.sh python
	$(PY) -m venv $(VENV)

# The project itself is installed without build isolation so that the build uses the locked setuptools.
$(DEMO_STAMP): $(DEMO_LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r $(DEMO_LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $@

$(TEST_STAMP): $(TEST_LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r $(TEST_LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $@ $(DEMO_STAMP)

setup: $(DEMO_STAMP) ## Virtualenv with the product (core, data, web, docs) from the lock file; no system package

setup-test: $(TEST_STAMP) ## Virtualenv with the product, the test tools and the Spark extra, from the lock file

system: ## Install the Debian packages the tests use when missing (as root): chromium, postgresql, Java
	@PY=$(PY) scripts/system_packages.sh test

demo: setup docs ## Set up and run the main job on the bundled sample data, then serve the portal (with the docs site)
	$(BIN)/monitoreo metrics $(SEEDS)
	@# The 2023 seed's narrative says «la Araucanía (12%)» where its table gives 11,4 %: validate reports it
	@# as an error (exit 1), which is the point of the demo, so make carries on.
	-$(BIN)/monitoreo validate $(SEEDS)
	$(BIN)/monitoreo render $(SEEDS) --out out/fichas
	$(BIN)/monitoreo publish $(SEEDS) --out out/datos
	@echo "Fichas en out/fichas/ (PDF y HTML); datos abiertos en out/datos/. Ahora el portal:"
	$(BIN)/monitoreo serve --demo

lint: setup-test ## ruff (lint and format check) + import-linter (the core never imports Django; the core's layers)
	$(BIN)/ruff check src web tests benchmarks scripts docs/gen
	$(BIN)/ruff format --check src web tests benchmarks scripts docs/gen
	$(BIN)/lint-imports

format: setup-test ## Apply ruff's formatter (make lint checks it)
	$(BIN)/ruff format src web tests benchmarks scripts docs/gen

types: setup-test ## mypy strict on src/monitoreo
	$(BIN)/mypy

unit: setup-test ## All tests, here and now (tests needing a missing browser, database or Java are skipped)
	$(BIN)/pytest -q -p no:cacheprovider

# As CI runs them: CI=true turns every skip for a missing tool into a failure; a throw-away PostgreSQL.
test-unit: setup-test system
	CI=true scripts/with_postgres.sh $(BIN)/pytest -q -p no:cacheprovider

golden: setup-test ## Only the real-ficha tests
	$(BIN)/pytest -q -m golden

test: lint types test-unit docs ## Install what is missing (system packages as root), then lint, types, every test with nothing skipped, docs

docs: setup ## Build the documentation site into site/ (strict; reference pages generated from code)
	NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(BIN)/mkdocs build --strict

bench: setup-test ## Benchmarks (benchmarks/bench_*.py), figures printed; bench_load.py runs 10 minutes (not in CI)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

fuzz: setup ## Long fuzz profile: 10,000 mutated inputs (data files, fichas, PDF, Excel), per-input timeout 10 s, figures printed
	$(BIN)/python scripts/fuzz.py --inputs 10000 --timeout 10 --json out/fuzz.json

serve: setup ## Run the public web portal on demo data (seeds + synthetic portfolio)
	$(BIN)/monitoreo serve --demo

lock: $(BIN)/python ## Re-resolve requirements/*.txt from pyproject.toml (newest versions within its bounds)
	$(BIN)/pip install -q 'pip-tools>=7.4,<8'
	$(BIN)/pip-compile $(LOCK_FLAGS) --upgrade --extra dev --extra data --extra web --extra docs --extra spark \
	  -o $(TEST_LOCK) pyproject.toml requirements/build.in
	$(BIN)/pip-compile $(LOCK_FLAGS) --upgrade --extra data --extra web --extra docs -o $(DEMO_LOCK) \
	  pyproject.toml requirements/build.in
	@echo "Revise y confirme requirements/*.txt; make setup-test instala lo nuevo."

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache site
