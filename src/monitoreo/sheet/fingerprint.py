"""What a rendered ficha depends on besides its data: a short key for caches of rendered fichas.

Contract: ``fingerprint()`` is a 16-hex-digit string that changes when the installed ``monitoreo``
version changes or when any byte of a file under ``sheet/templates`` (Typst, Jinja2, CSS) or
``sheet/fonts`` changes; it is computed once per process. A cache keyed on (data hash, fingerprint)
never serves a ficha rendered with another template or font (docs/web-portal.md).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources

_FOLDERS = ("templates", "fonts")


@cache
def fingerprint() -> str:
    """The key (see module docstring)."""
    digest = hashlib.sha256(metadata.version("monitoreo").encode())
    package = resources.files("monitoreo.sheet")
    for folder in _FOLDERS:
        entries = sorted(package.joinpath(folder).iterdir(), key=lambda entry: entry.name)
        for entry in entries:
            if entry.is_file():
                digest.update(f"\0{folder}/{entry.name}\0".encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]
