# make site   set up .venv, build the site from seeds/ into site/
# make test   set up .venv, run the whole test suite
# make serve  live preview; editing a file in seeds/ rebuilds the affected pages
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve check clean goldens bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# The pip that ships with Python 3.11 mis-resolves lxml[html-clean]; upgrade it first.
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/briefing check

test: $(STAMP)
	$(BIN)/python -m pytest

# Rewrite the golden files after an intended change; review them with `git diff`.
goldens: $(STAMP)
	$(BIN)/python -m pytest tests/test_goldens.py --update-goldens

clean:
	rm -rf site .pytest_cache

# Benchmarks (not tests): writes benchmarks/results.json and the table in benchmarks/README.md.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	$(BIN)/python -m benchmarks.run
