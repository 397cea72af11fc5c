"""Sustained load on the public portal: N minutes (default 10), 50 connections on loopback, against gunicorn
(2 sync workers) serving the demo database. Requests rotate over ficha pages of many programs, search
pages, the panorama, the JSON twins and the API, so the per-process caches fill up to their bounds.

Every slice of ``--slice`` seconds prints requests/s, p99, errors (non-2xx/3xx answers and socket errors)
and the server's resident memory (gunicorn master + workers, from ``/proc``); the summary says whether
memory stayed flat (last slice vs the first after warm-up). Uses ``wrk`` (Debian package) when installed,
otherwise a bounded asyncio client. Each slice is bounded in time (wrk ``--timeout``), so a hung server
shows up as errors, not as a hung benchmark.

Run: ``.venv/bin/python benchmarks/bench_load.py [--minutes 10] [--size 300]`` (``make bench`` runs it;
CI does not). Figures measured on the development machine: docs/web-portal.md («Load test»)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_web import CONNECTIONS, _env, _free_port, _ms, _prepare, _wait, start_server  # noqa: E402

STATIC_PATHS = [
    "/",
    "/?q=programa&orden=-cobertura",
    "/?q=fomento&pagina=2",
    "/programas.json?pagina=3",
    "/panorama/",
    "/panorama.json",
    "/api/programas?limit=20",
    "/docs/",
    "/programas/alianzas-productivas/",
    "/programas/alianzas-productivas.json",
]
LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def _paths(port: int, programs: int) -> list[str]:
    """Fixed pages plus the ficha pages of up to ``programs`` programs (from the API)."""
    paths = list(STATIC_PATHS)
    offset = 0
    while len(paths) < len(STATIC_PATHS) + programs:
        url = f"http://127.0.0.1:{port}/api/programas?limit=100&offset={offset}"
        with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 (loopback)
            items = json.load(answer).get("items", [])
        if not items:
            break
        paths += [p["url"] for p in items if p["url"] not in paths]
        offset += len(items)
    return paths[: len(STATIC_PATHS) + programs]


def _rss_mb(master: int) -> float:
    """Resident memory of ``master`` and its children (MB)."""
    pids = [master]
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        total += int(match.group(1)) if match else 0
    return total / 1024


def _wrk_slice(port: int, script: Path, seconds: int) -> tuple[int, float, float, int]:
    """(requests, req/s, p99 ms, errors) of one wrk run."""
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    dist = out.split("Latency Distribution", 1)[1]
    p99 = _ms(re.search(r"^\s*99%\s+(\S+)", dist, re.M).group(1))  # type: ignore[union-attr]
    errors = 0
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(bad.group(1)) if bad else 0
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors += sum(int(g) for g in sock.groups()) if sock else 0
    return total, rate, p99, errors


async def _async_slice(port: int, paths: list[str], seconds: int) -> tuple[int, float, float, int]:
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []
    errors = 0
    counter = 0

    async def worker() -> None:
        nonlocal errors, counter
        while time.perf_counter() < deadline:
            counter += 1
            path = paths[counter % len(paths)]
            start = time.perf_counter()
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
                writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
                data = await asyncio.wait_for(reader.read(), 10)
                writer.close()
                ok = data.startswith(b"HTTP/") and data[9:10] in {b"2", b"3"}
            except (OSError, TimeoutError):
                ok = False
            latencies.append(time.perf_counter() - start)
            errors += not ok

    await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    p99 = statistics.quantiles(latencies, n=100)[98] * 1000 if len(latencies) > 1 else 0.0
    return len(latencies), len(latencies) / seconds, p99, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--slice", type=int, default=30, help="segundos por tramo medido")
    parser.add_argument("--size", type=int, default=300, help="programas sintéticos de la demo")
    parser.add_argument("--programs", type=int, default=300, help="fichas distintas en la rotación")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    tool = "wrk" if shutil.which("wrk") else "asyncio"
    slices = max(1, round(args.minutes * 60 / args.slice))
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        data = Path(tmp)
        env = _env(data)
        loaded = _prepare(env, args.size)
        port = _free_port()
        server = start_server(port, args.workers, env)
        try:
            _wait(port)
            paths = _paths(port, args.programs)
            script = data / "rotate.lua"
            script.write_text(LUA % ", ".join(json.dumps(p) for p in paths), encoding="utf-8")
            print(
                f"demo: {args.size} programas sintéticos × 2 ediciones + semillas ({loaded:.0f} s) · "
                f"{len(paths)} páginas en rotación · gunicorn {args.workers} workers · {CONNECTIONS} conexiones · "
                f"cliente {tool} · {os.cpu_count()} núcleos · carga antes {os.getloadavg()[0]:.2f}"
            )
            print(f"{'min':>5} {'req/s':>8} {'p99 ms':>8} {'errores':>8} {'RSS MB':>8} {'carga':>6}")
            rss, totals, errors_total, rates, p99s = [], 0, 0, [], []
            start = time.monotonic()
            for _ in range(slices):
                if tool == "wrk":
                    count, rate, p99, errors = _wrk_slice(port, script, args.slice)
                else:
                    count, rate, p99, errors = asyncio.run(_async_slice(port, paths, args.slice))
                mem = _rss_mb(server.pid)
                rss.append(mem)
                totals, errors_total = totals + count, errors_total + errors
                rates.append(rate)
                p99s.append(p99)
                print(
                    f"{(time.monotonic() - start) / 60:5.1f} {rate:8.0f} {p99:8.1f} {errors:8d} {mem:8.1f} "
                    f"{os.getloadavg()[0]:6.2f}",
                    flush=True,
                )
            growth = rss[-1] - rss[min(1, len(rss) - 1)]
            print(
                f"total: {totals} solicitudes, {errors_total} errores, {statistics.mean(rates):.0f} req/s medio, "
                f"p99 máx {max(p99s):.1f} ms, RSS {rss[0]:.1f} → {rss[-1]:.1f} MB "
                f"(crecimiento tras el primer tramo {growth:+.1f} MB)"
            )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    print("meta: 0 errores y memoria plana (crecimiento tras el primer tramo < 10 % del RSS)")
    if errors_total or growth > 0.1 * rss[0]:
        sys.exit(1)


if __name__ == "__main__":
    main()
