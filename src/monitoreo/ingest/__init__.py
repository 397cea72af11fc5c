"""Outside world → domain: published fichas (text or PDF) imported into data files.

Public API: ``import_ficha(path)`` and ``parse_ficha_text(text, source)`` → ``ImportResult``; the issue codes
are in ``IMPORT_CODES`` (``docs/ficha-import.md``)."""

from monitoreo.ingest.api import import_ficha, parse_ficha_text
from monitoreo.ingest.issues import IMPORT_CODES, ImportIssue, ImportResult

__all__ = ["IMPORT_CODES", "ImportIssue", "ImportResult", "import_ficha", "parse_ficha_text"]
