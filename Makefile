# Two-command quick start: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RAY_STAMP := $(VENV)/.installed-ray

.PHONY: demo test setup bench evaluate clean screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# `make test` also installs the optional Ray engine (`.[ray]`), so its tests run on a local
# Ray instance; offline, they skip and say why. `make setup` and `make demo` stay without Ray.
$(RAY_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,ray]' && touch $(RAY_STAMP) \
		|| echo "make: could not install the [ray] extra; the Ray engine tests will skip" >&2

demo: $(STAMP)
	rm -f demo.duckdb
	$(BIN)/tidings ingest examples/ --db demo.duckdb
	$(BIN)/tidings summary --db demo.duckdb
	$(BIN)/tidings events --db demo.duckdb --format table --limit 40
	@echo
	@echo "Open the dashboard:  $(BIN)/tidings serve --db demo.duckdb   then visit http://127.0.0.1:8000/"

test: $(RAY_STAMP)
	$(BIN)/lint-imports
	$(BIN)/pytest

evaluate: $(STAMP)
	$(BIN)/python scripts/evaluate.py

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_actors.py
	$(BIN)/python bench/bench_api.py

screenshots: $(STAMP)
	TIDINGS_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/web

clean:
	rm -rf $(VENV) demo.duckdb tidings.duckdb
