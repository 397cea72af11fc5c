"""Benchmark: render N synthetic fichas (PDF + HTML) with ``render_batch`` across processes.

Goal (issue 4): ≥ 100 fichas/s, i.e. 1,000 fichas in ≤ 10 s on the 2-core development machine.

Prints, for the end-to-end batch (read YAML → evaluate → build → HTML + PDF → atomic write, worker start-up
included): wall time, fichas/s, peak RSS of the parent and of the largest worker; then a per-stage CPU
breakdown measured in this process on a sample, to show what dominates. Run: ``make bench`` or
``.venv/bin/python benchmarks/bench_render.py [--n 1000] [--workers 2] [--sample 100]``.
The machine is shared: figures are noisy while others use the CPU (the load average is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def stage_breakdown(files: list[Path]) -> dict[str, float]:
    """CPU milliseconds per ficha for each stage, measured in this process (warm compiler)."""
    from monitoreo.io import read_submission
    from monitoreo.sheet.batch import _evaluate
    from monitoreo.sheet.build import build_sheet
    from monitoreo.sheet.html import render_html
    from monitoreo.sheet.pdf import render_pdf

    render_pdf(build_sheet(read_submission(files[0])))  # warm-up: compiler, fonts, template
    totals = dict.fromkeys(("read", "evaluate", "build", "html", "pdf"), 0.0)
    for path in files[1:]:
        clock = time.process_time()
        submission = read_submission(path)
        totals["read"] += time.process_time() - clock
        clock = time.process_time()
        evaluation, _ = _evaluate(submission)
        totals["evaluate"] += time.process_time() - clock
        clock = time.process_time()
        model = build_sheet(submission, evaluation)
        totals["build"] += time.process_time() - clock
        clock = time.process_time()
        render_html(model)
        totals["html"] += time.process_time() - clock
        clock = time.process_time()
        render_pdf(model)
        totals["pdf"] += time.process_time() - clock
    n = max(len(files) - 1, 1)
    return {k: round(v / n * 1000, 2) for k, v in totals.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--sample", type=int, default=100, help="fichas for the per-stage breakdown (0: skip)")
    args = parser.parse_args()

    from monitoreo.sheet.batch import render_batch
    from monitoreo.synth import write_portfolio

    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:
        data_dir, out_dir = Path(tmp) / "data", Path(tmp) / "out"
        clock = time.perf_counter()
        files = write_portfolio(data_dir, args.n, args.seed, edition=2023)
        setup = time.perf_counter() - clock
        load = os.getloadavg()[0]
        result = render_batch([data_dir], out_dir, ("pdf", "html"), workers=args.workers)
        pdfs = sorted(out_dir.glob("*.pdf"))
        htmls = sorted(out_dir.glob("*.html"))
        mb = sum(p.stat().st_size for p in pdfs) / 1e6
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        parent = resource.getrusage(resource.RUSAGE_SELF)
        figures = {
            "fichas": args.n,
            "workers": args.workers,
            "cpus": os.cpu_count(),
            "load_average_1min_before": round(load, 2),
            "setup_generate_and_write_yaml_s": round(setup, 2),
            "wall_s": round(result.seconds, 2),
            "fichas_per_s": round(len(result.rendered) / result.seconds, 1),
            "cpu_s_workers": round(children.ru_utime + children.ru_stime, 2),
            "failed": len(result.failed),
            "pdf_files": len(pdfs),
            "html_files": len(htmls),
            "pdf_total_mb": round(mb, 1),
            "peak_rss_largest_worker_mb": round(children.ru_maxrss / 1024, 1),
            "peak_rss_parent_mb": round(parent.ru_maxrss / 1024, 1),
            "goal_fichas_per_s": 100,
        }
        if args.sample:
            figures["cpu_ms_per_ficha_by_stage"] = stage_breakdown(files[: args.sample + 1])
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    for outcome in result.failed[:5]:
        print("fallo:", outcome.file, [str(p) for p in outcome.problems], file=sys.stderr)
    return 0 if not result.failed else 1


if __name__ == "__main__":
    sys.exit(main())
