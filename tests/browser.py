"""Shared plumbing of the browser tests: a real ``monitoreo serve --demo`` in its own process group, and
Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def read_address(process: subprocess.Popen[str], timeout: float = 120) -> dict[str, Any]:
    """The JSON object ``monitoreo serve --json`` prints once the server answers."""
    assert process.stdout is not None
    text, deadline = "", time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            pytest.fail(f"monitoreo serve terminó sin imprimir la dirección: {text}")
        text += line
        try:
            data: dict[str, Any] = json.loads(text)
            return data
        except json.JSONDecodeError:
            continue
    pytest.fail("monitoreo serve no imprimió la dirección a tiempo")


@contextmanager
def demo_server(data_dir: Path, *options: str, env: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
    """Run ``monitoreo serve --demo --json`` with ``options`` on a free port; yields its printed address."""
    command = [
        str(Path(sys.executable).parent / "monitoreo"),
        "serve",
        "--demo",
        "--json",
        *options,
        "--port",
        str(free_port()),
        "--data-dir",
        str(data_dir),
    ]
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY"}
    }
    process = subprocess.Popen(
        command, cwd=ROOT, env=clean | (env or {}), stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        yield read_address(process)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium; in CI its absence is a failure, elsewhere a skip."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI sin chromium: make test instala el paquete Debian chromium (como root)")
        pytest.skip("chromium no está instalado (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
