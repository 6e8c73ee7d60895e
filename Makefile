# Two entry points: `make demo` (records for seeds/ in out/) and `make test`.
# Each one creates the virtualenv from pyproject.toml when it is missing or stale.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/extractor run seeds --out out

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: demo
	$(BIN)/extractor eval nerel ../shared/eval/nerel/dev --baseline natasha
	$(BIN)/extractor eval --gold ../shared/gold/seeds.gold.json --records out

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --memory

clean:
	rm -rf $(VENV) out build *.egg-info
