"""The print-ready briefing PDF, rendered by WeasyPrint from a print template of our own.

Not from Material's page HTML: WeasyPrint cut a 3,437-word Material page to 2 pages
without an error (issue 5). The template is Jinja2 with autoescape on; every value
from an article is text. Rendering makes no network request: the URL fetcher refuses
everything but inline data.
"""

from __future__ import annotations

from .export import PAPER_SIZES, PdfResult, export_build, export_pdf

__all__ = ["PAPER_SIZES", "PdfResult", "export_build", "export_pdf"]
