"""Files written whole or not at all: the one way the core and the web app write an output file.

Contract: ``replacing(path)`` yields a fresh temporary path in ``path``'s folder, hidden and unique to
the call (``.<name>.<pid>.<random>.tmp``, so two processes or threads writing the same file never share
it, and batch commands skip it, see ``io/files.py``); when the block ends normally the temporary file is
renamed onto ``path`` (atomic on one file system), and in every case no temporary file is left behind.
``write_bytes`` / ``write_text`` write one file that way; ``write_all`` writes several files all or none
(every file is written before any is renamed into place). Files get the process's default permissions.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path renamed onto ``path`` when the block succeeds (see module docstring)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with replacing(path) as tmp, tmp.open("xb") as handle:
        handle.write(data)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    write_bytes(path, text.encode("utf-8"))


def write_all(files: Mapping[Path, str | bytes]) -> None:
    """Write every file, then rename them all into place: all or none. A target that exists and is not a
    file (a folder) is refused before anything is written; if a rename fails, the files already placed are
    taken back and any file they replaced is restored. Raises ``OSError`` naming the file."""
    for path in files:
        if path.exists() and not path.is_file():
            raise IsADirectoryError(errno.EISDIR, "es una carpeta", str(path))
    temps = {path: path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp") for path in files}
    backups = {
        path: path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.bak")
        for path in files
        if path.exists()
    }
    placed: list[Path] = []
    try:
        for path, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            with temps[path].open("xb") as handle:
                handle.write(data)
        for path in files:
            if path in backups:
                path.replace(backups[path])
            temps[path].replace(path)
            placed.append(path)
    except OSError:
        for path in placed:
            path.unlink(missing_ok=True)
        for path, backup in backups.items():
            if backup.exists():
                backup.replace(path)
        raise
    finally:
        for leftover in (*temps.values(), *backups.values()):
            leftover.unlink(missing_ok=True)
