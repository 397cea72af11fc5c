"""``monitoreo serve [--demo] [--host H] [--port P] [--json]``: run the public web portal (``web/``).

The core never imports Django: this command only starts processes — ``web/manage.py`` for migrations and
demo data, then gunicorn (``config.wsgi``) — with ``web/`` on ``PYTHONPATH``. Without ``--demo`` the
portal uses the environment (``DATABASE_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``; see
``docs/web-portal.md``). With ``--demo`` it creates a fresh SQLite database in ``.demo/`` (gitignored),
loads the seed fichas and a synthetic portfolio, and serves it. The address is printed once the server
accepts connections (as ``{"url": …}`` with ``--json``)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from monitoreo import formatting
from monitoreo.cli.output import EXIT_BAD_INPUT, EXIT_FINDINGS, emit_json, stderr, stdout

READY_TIMEOUT_S = 60.0


def web_dir() -> Path:
    """The Django project: ``$MONITOREO_WEB_DIR`` or ``web/`` next to ``src/`` in a source checkout."""
    configured = os.environ.get("MONITOREO_WEB_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[3] / "web"


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> typer.Exit:
    stderr.print(f"[bold red]error[/]: {message}", markup=True, highlight=False)
    return typer.Exit(code)


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def _wait_ready(host: str, port: int, server: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def _manage(web: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(web / "manage.py"), *args],
        env=env,
        cwd=web,
        capture_output=True,
        text=True,
        check=False,
    )


def _prepare_demo(web: Path, env: dict[str, str], data_dir: Path, size: int, show: bool) -> dict[str, object]:
    """Fresh database in ``data_dir``: migrate, then load seeds + ``size`` synthetic programs."""
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    (data_dir / ".gitignore").write_text("*\n", encoding="utf-8")
    env["DATABASE_URL"] = f"sqlite:///{(data_dir / 'portal.sqlite3').resolve()}"
    env["MONITOREO_CACHE_DIR"] = str((data_dir / "cache").resolve())
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    with stderr.status("Creando la base de datos de demostración…", spinner="dots") if show else _Quiet():
        for args in (("migrate", "--noinput", "-v", "0"), ("load_demo", "--size", str(size), "--json")):
            done = _manage(web, env, *args)
            if done.returncode != 0:
                raise _fail(f"falló «manage.py {args[0]}»:\n{done.stderr.strip()}", EXIT_FINDINGS)
    summary: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return summary


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class _Quiet:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def serve(
    demo: Annotated[
        bool, typer.Option("--demo", help="Base SQLite nueva con las fichas semilla y una cartera sintética.")
    ] = False,
    host: Annotated[str, typer.Option(help="Dirección en que escuchar.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Puerto.", min=1, max=65535)] = 8000,
    size: Annotated[int, typer.Option(help="Programas sintéticos de la demostración.", min=0)] = 700,
    workers: Annotated[int, typer.Option(help="Procesos de gunicorn.", min=1)] = 2,
    data_dir: Annotated[Path, typer.Option(help="Carpeta de la base de demostración.")] = Path(".demo"),
    as_json: Annotated[
        bool, typer.Option("--json", help="Escribe la dirección y el resumen en JSON.")
    ] = False,
) -> None:
    """Sirve el portal web público (fichas, búsqueda, panorama, API)."""
    web = web_dir()
    if not (web / "manage.py").is_file():
        raise _fail(f"{web}: no se encuentra el proyecto web (manage.py); defina MONITOREO_WEB_DIR")
    if not _port_free(host, port):
        raise _fail(f"{host}:{port}: el puerto está ocupado; elija otro con --port")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(web), env.get("PYTHONPATH", "")) if p)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    hosts = {h for h in env.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h}
    summary: dict[str, object] = {}
    if demo:
        env["ALLOWED_HOSTS"] = ",".join(sorted(hosts | {host, "localhost", "127.0.0.1"}))
        summary = _prepare_demo(web, env, data_dir, size, show=not as_json)
    elif not env.get("SECRET_KEY"):
        raise _fail("falta SECRET_KEY (o use --demo); ver docs/web-portal.md")
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--chdir",
        str(web),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=env, cwd=web)
    signal.signal(signal.SIGTERM, _interrupt)  # stop gunicorn too when we are asked to stop
    try:
        if not _wait_ready(host, port, server):
            server.terminate()
            raise _fail("el servidor no arrancó (ver los mensajes de gunicorn arriba)", EXIT_FINDINGS)
        url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
        if as_json:
            emit_json({"url": url, "demo": demo, **summary})
        else:
            count = formatting.number(Decimal(str(summary.get("fichas", 0))))  # «1.402», es-CL
            loaded = f" ({count} fichas de demostración)" if demo else ""
            stdout.print(f"Portal en [bold]{url}[/]{loaded} — Ctrl+C para detener", highlight=False)
            logins = summary.get("logins")
            if isinstance(logins, dict) and logins:  # demo personas of the monitoring cycle (/gestion/)
                stdout.print(
                    f"Gestión del ciclo en {url}gestion/ — usuarios de demostración:", highlight=False
                )
                cycle = summary.get("cycle_text")
                reports = cycle if isinstance(cycle, dict) else {}
                for name, secret in logins.items():
                    todo = f" — ciclo 2025: {reports[name]}" if reports.get(name) else ""
                    stdout.print(f"  {name} / {secret}{todo}", highlight=False, markup=False)
        sys.stdout.flush()
        server.wait()
    except KeyboardInterrupt:
        server.terminate()
        server.wait(timeout=10)


def register(app: typer.Typer) -> None:
    app.command()(serve)
