"""The programs the document tests read PDFs and Word files with, or a clean skip without them.

Without poppler-utils, WeasyPrint's libraries or LibreOffice the tests that
need them are skipped, unless CLAUSEBOOK_REQUIRE_DOCUMENT_TOOLS=1 (CI), which
makes a missing tool a failure instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def need(what: str, present: bool) -> None:
    if present:
        return
    message = f"{what} is not installed (make document-deps)"
    if os.environ.get("CLAUSEBOOK_REQUIRE_DOCUMENT_TOOLS") == "1":
        pytest.fail(message + "; CLAUSEBOOK_REQUIRE_DOCUMENT_TOOLS=1 forbids skipping")
    pytest.skip(message)


def weasyprint_loads() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def need_pdf_tools() -> None:
    need("WeasyPrint's libraries (Pango)", weasyprint_loads())
    need("pdftotext (poppler-utils)", shutil.which("pdftotext") is not None)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def page_texts(pdf: Path) -> list[str]:
    """The text layer of every page (pdftotext separates pages with form feeds)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def outline(pdf: Path) -> list[str]:
    """The PDF's outline (bookmark) titles, as pdftohtml lists them."""
    out = subprocess.run(["pdftohtml", "-stdout", "-xml", "-i", "-q", "-f", "1", "-l", "1", str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    import re

    return [m for m in re.findall(r"<item[^>]*>([^<]*)</item>", out)]


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdf_fonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]
