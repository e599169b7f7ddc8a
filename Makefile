# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_HOME := .data/demo
export ANONYMIZED_TELEMETRY := False

.PHONY: setup browser demo test lint typecheck unit checks-unit-examples eval eval-zoo eval-examples cassettes zoo-vectors bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,serve]'
	touch $(STAMP)

setup: $(STAMP)

# The HTML report's browser test needs Chromium and a CJK font (Chinese text in the screenshot).
# Installed from Debian's packages only when missing, and only as root with apt-get; elsewhere
# the line below says what to install, and the test fails under `make test`.
browser:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium and a CJK font (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	  else \
	    echo "chromium is missing: install it (Debian: apt-get install chromium fonts-wqy-microhei)"; \
	  fi; \
	fi

demo: setup
	SUMMARIZER_HOME=$(DEMO_HOME) $(BIN)/summarizer ingest examples/reports
	SUMMARIZER_HOME=$(DEMO_HOME) $(BIN)/summarizer reports
	SUMMARIZER_HOME=$(DEMO_HOME) $(BIN)/ask "which projects slipped?"
	@echo
	@echo "The web page over this index (questions with clickable citations, summary, risks, slips):"
	@echo "  SUMMARIZER_HOME=$(DEMO_HOME) $(BIN)/summarizer serve    then open http://127.0.0.1:8000/"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy

unit: setup browser
	SUMMARIZER_REQUIRE_BROWSER=1 $(BIN)/pytest

# The local eval, then the qa, summary and risks suites through the openai client against the
# replay server (zero cassette misses is a hard gate); retrieval and ledger do not depend on the engine.
eval: setup
	$(BIN)/summarizer eval
	$(BIN)/summarizer eval --engine replay --suite qa --suite summary --suite risks

# The same gates split in two: the style zoo (its own index in .data/zoo, most of the eval's time)
# and the examples' suites (.data/eval, which a unit test's eval opens too).
eval-zoo: setup
	$(BIN)/summarizer eval --suite zoo

eval-examples: setup
	$(BIN)/summarizer eval --suite retrieval --suite qa --suite ledger --suite summary --suite risks
	$(BIN)/summarizer eval --engine replay --suite qa --suite summary --suite risks

# Rewrite every hand-written cassette (ask, summary, rollup, risks) after a change to a prompt,
# retrieval, the summaries or the ledger (e.g. after merging main): one command, then commit them.
cassettes: setup
	$(BIN)/python -m evals.cassettes

# Rewrite the zoo's seed vectors (evals/zoo/vectors.npz) after new series or a chunking change, so
# a fresh checkout's zoo suite does not embed its ~24,000 chunks and ~6,000 questions again;
# commit the file.
zoo-vectors: setup
	$(BIN)/python -m evals.zoo_vectors

# The unit tests and the zoo share nothing, and each leaves a CPU idle most of the time (one Python
# thread; the zoo's embedding takes what the load leaves), so they run side by side with lint and
# types before the unit tests and the examples' suites after them. Output stays grouped per target.
test: setup
	$(MAKE) --no-print-directory -j2 --output-sync=target eval-zoo checks-unit-examples

# Lint, types and the unit tests take one CPU between them while the zoo takes the other (it runs
# longest, so it starts first). The examples' suites open .data/eval, which a unit test's eval
# opens too: they follow the unit tests.
checks-unit-examples: lint typecheck unit
	$(MAKE) --no-print-directory eval-examples

bench: setup
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.ledger
	$(BIN)/python -m bench.ask
	$(BIN)/python -m bench.summary
	$(BIN)/python -m bench.prompts
	$(BIN)/python -m bench.summary_prompts
	$(BIN)/python -m bench.serve

clean:
	rm -rf $(VENV) .data
