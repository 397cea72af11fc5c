"""Start-up of the command line (issue #19, goal: `metrics`/`validate`/`evaluate` on one file ≤ 0,3 s).

Runs each command as a fresh process several times and prints the median wall time and the peak memory
(RSS) of the child, plus `import monitoreo.cli` alone. Plain script; run by `make bench`. The machine is
shared: read the figures with the load average printed beside them."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from monitoreo import formatting

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "examples" / "seeds" / "alianzas-productivas-2023.yaml")
EXE = str(Path(sys.executable).with_name("monitoreo"))
GOAL_S = 0.3
RUNS = 7

COMMANDS = {
    "import monitoreo.cli": [sys.executable, "-c", "import monitoreo.cli"],
    "monitoreo metrics FILE": [EXE, "metrics", SEED],
    "monitoreo validate FILE": [EXE, "validate", SEED],
    "monitoreo evaluate FILE": [EXE, "evaluate", SEED],
}


def _run(argv: list[str]) -> tuple[float, float]:
    """(median seconds, peak RSS in MB of the process) over ``RUNS`` runs; exit 0/1 are normal results."""
    times, peaks = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} falló con salida {os.waitstatus_to_exitcode(status)}")
    return statistics.median(times), max(peaks)


def main() -> None:
    load = formatting.number(Decimal(str(os.getloadavg()[0])), 2)
    print(f"Arranque de la CLI, mediana de {RUNS} procesos; carga {load} ({os.cpu_count()} núcleos)")
    for name, argv in COMMANDS.items():
        seconds, peak = _run(argv)
        goal = formatting.number(Decimal(str(GOAL_S)), 1)
        mark = (
            ""
            if name.startswith("import")
            else ("  meta cumplida" if seconds <= GOAL_S else f"  > meta {goal} s")
        )
        print(
            f"  {name:<26} {formatting.number(Decimal(str(seconds)), 3):>7} s  "
            f"RSS máx. {formatting.number(Decimal(str(peak)), 0):>4} MB{mark}"
        )


if __name__ == "__main__":
    main()
