# Two-command quick start: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup bench evaluate clean screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb
	$(BIN)/tidings ingest examples/ --db demo.duckdb
	$(BIN)/tidings summary --db demo.duckdb
	$(BIN)/tidings events --db demo.duckdb --format table --limit 40
	@echo
	@echo "Open the dashboard:  $(BIN)/tidings serve --db demo.duckdb   then visit http://127.0.0.1:8000/"

test: $(STAMP)
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
