"""Web portal under load on loopback: the ficha page and the search page, 50 concurrent connections,
served by gunicorn (2 sync workers) from the demo database (seeds + 700 synthetic programs, two editions).

Goal: ficha page ≥ 500 req/s with p99 < 50 ms. Uses ``wrk`` (Debian package) when installed, otherwise a
small asyncio client (less precise: it competes with the server for the same cores). The machine has
2 cores shared with other work, so figures are noisy; the script prints what it measured, never a verdict
it did not measure.

Run: ``.venv/bin/python benchmarks/bench_web.py [--size 700] [--seconds 10]`` (``make bench`` runs it)."""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"
CONNECTIONS = 50
TARGETS = {
    "ficha": "/programas/alianzas-productivas/",
    "búsqueda": "/?q=programa&orden=-cobertura",
    "ficha .json": "/programas/alianzas-productivas.json",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="bench-no-secreto",
        DATABASE_URL=f"sqlite:///{data / 'portal.sqlite3'}",
        MONITOREO_CACHE_DIR=str(data / "cache"),
        STATIC_ROOT=str(data / "static"),
        PYTHONPATH=str(WEB),
    )
    return env


def _prepare(env: dict[str, str], size: int) -> float:
    start = time.perf_counter()
    for args in (["migrate", "--noinput", "-v", "0"], ["load_demo", "--size", str(size)]):
        subprocess.run([sys.executable, str(WEB / "manage.py"), *args], env=env, cwd=WEB, check=True)
    return time.perf_counter() - start


def start_server(port: int, workers: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """The portal under gunicorn on loopback, in its own session (stopped with its process group)."""
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--chdir",
        str(WEB),
        "--log-level",
        "warning",
        "--backlog",
        "2048",
    ]
    return subprocess.Popen(argv, env=env, cwd=WEB, start_new_session=True)


def _wait(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn no arrancó")


async def _one(port: int, path: str) -> tuple[float, int]:
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    data = await reader.read()
    writer.close()
    status = int(data[9:12]) if data.startswith(b"HTTP/") else 0
    return time.perf_counter() - start, status


async def _load(port: int, path: str, seconds: float) -> tuple[int, list[float], int]:
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []
    errors = 0

    async def worker() -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            latency, status = await _one(port, path)
            latencies.append(latency)
            errors += status != 200

    await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    return len(latencies), latencies, errors


def _python_client(port: int, path: str, seconds: float) -> tuple[float, float, float, int]:
    count, latencies, errors = asyncio.run(_load(port, path, seconds))
    cuts = statistics.quantiles(latencies, n=100)
    return count / seconds, cuts[49] * 1000, cuts[98] * 1000, errors


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def _wrk(port: int, path: str, seconds: float) -> tuple[float, float, float, int]:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{int(seconds)}s",
            "--latency",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    # Read the percentiles in wrk's «Latency Distribution» block only (the URL may contain «%»).
    dist = out.split("Latency Distribution", 1)[1]
    p50 = _ms(re.search(r"^\s*50%\s+(\S+)", dist, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s*99%\s+(\S+)", dist, re.M).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = int(bad.group(1)) if bad else 0
    return rate, p50, p99, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=700)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    tool = "wrk" if shutil.which("wrk") else "asyncio"
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        data = Path(tmp)
        env = _env(data)
        loaded = _prepare(env, args.size)
        print(f"demo: {args.size} programas sintéticos × 2 ediciones + 2 semillas cargados en {loaded:.1f} s")
        port = _free_port()
        server = start_server(port, args.workers, env)
        try:
            _wait(port)
            for path in TARGETS.values():  # warm every worker's per-process caches
                for _ in range(20):
                    asyncio.run(_one(port, path))
            print(
                f"gunicorn {args.workers} workers sync · {CONNECTIONS} conexiones · {args.seconds:.0f} s · "
                f"cliente {tool} · {os.cpu_count()} núcleos compartidos"
            )
            for name, path in TARGETS.items():
                rate, p50, p99, errors = (_wrk if tool == "wrk" else _python_client)(port, path, args.seconds)
                print(
                    f"{name:12} {rate:8.0f} req/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   errores {errors}"
                )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    print("meta (ficha): ≥ 500 req/s y p99 < 50 ms")


if __name__ == "__main__":
    main()
