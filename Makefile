# clausebook: every target bootstraps .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Material 9.7+ prints a banner about MkDocs 2.0 on every build; clausebook
# already renders independently of MkDocs (see `clausebook render`).
export NO_MKDOCS_2_WARNING := 1

.PHONY: install handbook serve test check lint validate bench render clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench,dev]'
	touch $(STAMP)

# axe-core for the accessibility tests, from npm at the version package-lock.json pins.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(AXE)

install: $(STAMP) $(AXE)

validate: $(STAMP)
	$(BIN)/clausebook validate

lint: $(STAMP)
	$(BIN)/clausebook lint

handbook: $(STAMP)
	$(BIN)/clausebook validate
	$(BIN)/mkdocs build --strict --site-dir site

# The preview lives under site_url's path (e.g. /clausebook/), as it will when published.
serve: $(STAMP)
	@$(BIN)/python -c "import sys, urllib.parse, yaml; c = yaml.load(open('mkdocs.yml'), Loader=yaml.BaseLoader); print('The handbook will be at http://127.0.0.1:8000' + (urllib.parse.urlsplit(c.get('site_url') or '/').path or '/'))"
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

render: $(STAMP)
	$(BIN)/clausebook render --out build/pages

test: $(STAMP) $(AXE)
	$(BIN)/python -m pytest

# Static checks of the project's own code: ruff (style, imports, bugbear) and mypy.
check: $(STAMP)
	$(BIN)/ruff check tools tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf site build .pytest_cache
