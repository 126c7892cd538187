# tradefacts: `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UV_VERSION := 0.13.8
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)

.DEFAULT_GOAL := help
.PHONY: help setup run test test-fast lint format evaluate quality bench peer-suites lock clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes --compile-bytecode requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP) ## create .venv and install the locked, pinned dependencies
	@echo "Installed into $(VENV)"

run: $(STAMP) ## set up, then run the flow on seeds/articles into warehouse/
	$(BIN)/tradefacts run

test: $(STAMP) ## set up, then run the whole test suite (unit + end-to-end)
	$(BIN)/pytest

test-fast: $(STAMP) ## unit tests only (no Prefect server, seconds)
	$(BIN)/pytest -m "not e2e"

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## ruff format and autofix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

evaluate: $(STAMP) ## extraction quality on the untuned holdout corpus
	$(BIN)/tradefacts evaluate --input tests/corpus/holdout --gold tests/gold/holdout.jsonl

quality: $(STAMP) ## F1 per table on every labelled corpus, tuning and untuned splits (bench/quality.py)
	$(BIN)/python bench/quality.py

peer-suites: $(STAMP) ## the amount extractor against four peer parsers' cases (prints the pass rate)
	$(BIN)/pytest -q -s tests/unit/test_peer_suites.py

bench: $(STAMP) ## throughput and peak memory benchmark (see bench/README.md)
	$(BIN)/python bench/run.py

lock: ## re-resolve requirements.lock from pyproject.toml (needs the registry)
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes -o requirements.lock

clean: ## remove the warehouse, exports and Prefect home (keeps .venv)
	rm -rf warehouse/*.duckdb* warehouse/exports warehouse/.staging .prefect
