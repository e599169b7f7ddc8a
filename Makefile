# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_HOME := .data/demo
export ANONYMIZED_TELEMETRY := False

.PHONY: setup demo test lint typecheck unit eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	SUMMARIZER_HOME=$(DEMO_HOME) $(BIN)/summarizer ingest examples/reports
	SUMMARIZER_HOME=$(DEMO_HOME) $(BIN)/summarizer reports
	SUMMARIZER_HOME=$(DEMO_HOME) $(BIN)/ask "which projects slipped?"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

eval: setup
	$(BIN)/summarizer eval

test: lint typecheck unit eval

bench: setup
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.ledger
	$(BIN)/python -m bench.ask

clean:
	rm -rf $(VENV) .data
