"""The long fuzz profile (``make fuzz``): N mutated inputs across data files, text and PDF fichas and Excel
workbooks, each run through the real entry points (``tests/fuzz/check.py``), in worker subprocesses with a
per-input timeout and an address-space cap; prints the figures docs/hardening-inputs.md quotes.

Each worker is a separate Python process that runs inputs one by one and answers after each; the driver
waits at most ``--timeout`` seconds per input, then kills the worker (a hang) and starts a fresh one. A
worker is recycled every ``--recycle`` inputs so one input's memory is not blamed on the next; its peak RSS
(``VmHWM``) is reported after every input and the figure printed is the maximum over all workers. The cap
(``RLIMIT_AS``) turns a memory blow-up into a ``MemoryError`` (counted as a failure) instead of swapping the
machine. Failing inputs are written to ``--keep`` for replay (``--replay KIND SEED``).

    python scripts/fuzz.py --inputs 10000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import selectors
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Share of each kind in a run (the PDF path is the slowest: one pdftotext process per input).
MIX = {"data": 0.40, "ficha": 0.22, "pdf": 0.08, "excel": 0.30}


def plan(inputs: int, first_seed: int) -> list[tuple[str, int]]:
    """``inputs`` (kind, seed) pairs in the proportions of ``MIX``, interleaved."""
    counts = {kind: round(inputs * share) for kind, share in MIX.items()}
    counts["data"] += inputs - sum(counts.values())
    tasks: list[tuple[str, int]] = []
    for kind, count in counts.items():
        tasks += [(kind, first_seed + i) for i in range(count)]
    return sorted(tasks, key=lambda t: (t[1] * 7919 + sum(map(ord, t[0]))) % 100003)


def _peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(cap_mb: int) -> None:
    """Read «kind seed» lines, answer one JSON line each (the outcome plus this process's peak RSS)."""
    cap = cap_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    sys.path.insert(0, str(ROOT))
    from tests.fuzz.check import Outcome, run_input
    from tests.fuzz.corpus import warm

    warm()
    folder = Path(tempfile.mkdtemp(prefix="monitoreo-fuzz-"))
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    for line in sys.stdin:
        kind, seed = line.split()
        try:
            outcome = run_input(kind, int(seed), folder / "in")
        except MemoryError:
            outcome = Outcome(kind, int(seed), "memory", "MemoryError under the cap")
        answer = outcome.as_dict() | {"rss_mb": round(_peak_rss_mb(), 1)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


class Worker:
    """One worker process; ready once it has built the corpus (the base PDFs take seconds to render)."""

    def __init__(self, cap_mb: int) -> None:
        self.proc = subprocess.Popen(  # noqa: S603 - our own script
            [sys.executable, __file__, "--worker", "--cap-mb", str(cap_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )
        assert self.proc.stdout is not None
        ready = self.proc.stdout.readline()
        if ready.strip() != "ready":
            raise RuntimeError(f"the fuzz worker did not start ({ready!r})")
        self.done = 0

    def send(self, kind: str, seed: int) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{kind} {seed}\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


class Driver:
    """Hands inputs to the workers, times them out, tallies the outcomes (module docstring)."""

    def __init__(
        self,
        tasks: list[tuple[str, int]],
        workers: int,
        timeout: float,
        cap_mb: int,
        recycle: int,
        keep: Path,
    ) -> None:
        self.pending = list(reversed(tasks))
        self.total, self.timeout, self.cap_mb, self.recycle, self.keep = (
            len(tasks),
            timeout,
            cap_mb,
            recycle,
            keep,
        )
        self.pool = [Worker(cap_mb) for _ in range(min(workers, len(tasks)))]
        self.busy: dict[Worker, tuple[str, int, float]] = {}
        self.selector = selectors.DefaultSelector()
        self.statuses: Counter[str] = Counter()
        self.by_kind: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.failures: list[dict[str, object]] = []
        self.slowest = self.peak_rss = 0.0

    def send(self, w: Worker) -> None:
        if not self.pending:
            return
        kind, seed = self.pending.pop()
        w.send(kind, seed)
        self.busy[w] = (kind, seed, time.perf_counter())
        assert w.proc.stdout is not None
        self.selector.register(w.proc.stdout, selectors.EVENT_READ, w)

    def release(self, w: Worker) -> tuple[str, int, float]:
        assert w.proc.stdout is not None
        self.selector.unregister(w.proc.stdout)
        return self.busy.pop(w)

    def replace(self, w: Worker) -> Worker:
        w.stop()
        fresh = Worker(self.cap_mb)
        self.pool[self.pool.index(w)] = fresh
        return fresh

    def fail(self, kind: str, seed: int, status: str, detail: str) -> None:
        self.statuses[status] += 1
        self.failures.append({"kind": kind, "seed": seed, "status": status, "detail": detail})
        from tests.fuzz.corpus import write_input

        self.keep.mkdir(parents=True, exist_ok=True)
        write_input(kind, seed, self.keep)

    def answer(self, w: Worker) -> None:
        assert w.proc.stdout is not None
        line = w.proc.stdout.readline()
        kind, seed, _ = self.release(w)
        self.by_kind[kind] += 1
        if not line:  # the worker died (killed by the cap, a crash in C code)
            self.fail(kind, seed, "crash", f"worker exit {w.proc.poll()}")
            self.send(self.replace(w))
            return
        got = json.loads(line)
        self.slowest = max(self.slowest, got["seconds"])
        self.peak_rss = max(self.peak_rss, got["rss_mb"])
        if got["status"] in ("accepted", "rejected"):
            self.statuses[got["status"]] += 1
            if got["status"] == "rejected":
                self.codes.update(got["detail"].split())
        else:
            self.fail(kind, seed, got["status"], got["detail"])
        w.done += 1
        done = sum(self.by_kind.values())
        if done % 500 == 0:
            print(f"{done}/{self.total} inputs, {dict(self.statuses)}", file=sys.stderr, flush=True)
        self.send(self.replace(w) if w.done >= self.recycle else w)

    def run(self) -> dict[str, object]:
        started = time.perf_counter()
        for w in self.pool:
            self.send(w)
        while self.busy:
            deadline = min(start + self.timeout for _, _, start in self.busy.values())
            events = self.selector.select(max(0.0, deadline - time.perf_counter()))
            while events:
                for key, _ in events:
                    if key.data in self.busy:
                        self.answer(key.data)
                # Answers that arrived while a worker was being replaced (a fresh one takes seconds to
                # start) are read before any input is declared a hang.
                events = self.selector.select(0)
            now = time.perf_counter()
            for w, (kind, seed, start) in list(self.busy.items()):
                if now - start > self.timeout:
                    self.release(w)
                    self.by_kind[kind] += 1
                    self.fail(kind, seed, "hang", f"no answer in {self.timeout:.0f} s")
                    self.send(self.replace(w))
        for w in self.pool:
            w.stop()
        s = self.statuses
        return {
            "inputs": self.total,
            "by_kind": dict(self.by_kind),
            "statuses": dict(s),
            "tracebacks": s["traceback"] + s["crash"],
            "uncoded": s["uncoded"],
            "bad_exit": s["bad_exit"],
            "hangs": s["hang"],
            "memory": s["memory"],
            "slowest_seconds": self.slowest,
            "peak_rss_mb": self.peak_rss,
            "wall_seconds": round(time.perf_counter() - started, 1),
            "codes": dict(self.codes.most_common()),
            "failures": self.failures[:50],
        }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input before it is a hang")
    parser.add_argument("--cap-mb", type=int, default=3072, help="address-space cap of a worker (RLIMIT_AS)")
    parser.add_argument("--recycle", type=int, default=250, help="inputs per worker before a fresh one")
    parser.add_argument("--keep", type=Path, default=ROOT / "out" / "fuzz-failures")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--replay", nargs=2, metavar=("KIND", "SEED"), help="run one input in this process")
    args = parser.parse_args()
    if args.worker:
        worker(args.cap_mb)
        return 0
    if args.replay:
        sys.path.insert(0, str(ROOT))
        from tests.fuzz.check import run_input

        print(
            json.dumps(
                run_input(args.replay[0], int(args.replay[1]), Path(tempfile.mkdtemp())).as_dict(),
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("MONITOREO_FUZZ_CACHE", str(args.keep.parent / "fuzz-cache"))
    figures = Driver(
        plan(args.inputs, args.first_seed), args.workers, args.timeout, args.cap_mb, args.recycle, args.keep
    ).run()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in figures.items() if k not in ("codes", "failures")}, indent=2))
    print("codes of the rejections:", ", ".join(f"{c} {n}" for c, n in list(figures["codes"].items())[:25]))  # type: ignore[union-attr]
    for failure in figures["failures"]:  # type: ignore[attr-defined]
        print("FAIL", failure)
    bad = sum(figures[k] for k in ("tracebacks", "uncoded", "bad_exit", "hangs", "memory"))  # type: ignore[misc]
    ok = bad == 0 and figures["peak_rss_mb"] < 1024  # type: ignore[operator]
    print(
        f"{figures['inputs']} inputs: {figures['tracebacks']} tracebacks, {figures['hangs']} hangs over "
        f"{args.timeout:.0f} s, {figures['uncoded']} uncoded rejections, peak RSS {figures['peak_rss_mb']:.0f} MB"
        f" — {'OK' if ok else 'FAILED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
