# clausebook: every target bootstraps .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Material 9.7+ prints a banner about MkDocs 2.0 on every build; clausebook
# already renders independently of MkDocs (see `clausebook render`).
export NO_MKDOCS_2_WARNING := 1

.PHONY: install handbook pdfs document-deps serve test check lint validate bench render clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench,dev]'
	touch $(STAMP)

install: $(STAMP)

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
	$(BIN)/clausebook pdf --out-dir site

# What the PDF and Word tests need from Debian: Pango for WeasyPrint, fonts,
# poppler-utils (pdftotext) and LibreOffice Writer (opens the redlines).
DOCUMENT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core \
	poppler-utils libreoffice-writer-nogui
document-deps:
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(DOCUMENT_DEBS)

serve: $(STAMP)
	$(BIN)/mkdocs serve

render: $(STAMP)
	$(BIN)/clausebook render --out build/pages

test: $(STAMP)
	$(BIN)/python -m pytest

# Static checks of the project's own code: ruff (style, imports, bugbear) and mypy.
check: $(STAMP)
	$(BIN)/ruff check tools tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf site build .pytest_cache
