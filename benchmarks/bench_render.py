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
from typing import Any


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


FLOOR_TEMPLATE = """#let d = json(bytes(sys.inputs.data))
#set text(font: "DejaVu Sans", size: 7.8pt, lang: "es", region: "CL", hyphenate: false)
#set page(paper: "a4", margin: (x: 1.5cm, top: 1.4cm, bottom: 1.6cm))
#for t in d { par(t) }
"""


def _texts(data: dict[str, Any]) -> list[str]:
    """Every printed string of a ficha's model (titles, paragraphs, cells, captions, notes), in order."""
    out = list(data["title"].values())
    for section in data["sections"]:
        out.append(section.get("title") or "")
        for block in section["blocks"]:
            kind = block["kind"]
            if kind in ("heading", "paragraph"):
                out += [block.get("label") or "", block["text"]]
            elif kind == "fields":
                out += [
                    x for item in block["items"] for x in (item["label"], item["value"], *item["details"])
                ]
            elif kind == "list":
                out += block["items"]
            elif kind == "table":
                out.append(block["caption"])
                out += [
                    x
                    for row in block["header"] + block["rows"]
                    for c in row["cells"]
                    for x in (c["text"], *c["lines"])
                ]
            elif kind == "chart":
                out += [block["title"], *block["legend"]]
            elif kind == "notes":
                out += [n["text"] for n in block["items"]]
    return [t for t in out if t]


def typst_profile(files: list[Path]) -> dict[str, float]:
    """CPU ms per Typst compile of the same fichas, with parts removed from the data: where Typst's time
    goes, and the floor — the ficha's text alone, one paragraph per string, no table, chart or rule."""
    import typst

    from monitoreo.io import read_submission
    from monitoreo.sheet.batch import _evaluate
    from monitoreo.sheet.build import build_sheet
    from monitoreo.sheet.pdf import FONTS, TEMPLATE

    models = []
    for path in files:
        submission = read_submission(path)
        models.append(json.loads(build_sheet(submission, _evaluate(submission)[0]).model_dump_json()))

    def without(kinds: set[str]) -> list[str]:
        out = []
        for data in models:
            sections = [
                dict(s, blocks=[b for b in s["blocks"] if b["kind"] not in kinds]) for s in data["sections"]
            ]
            out.append(json.dumps(dict(data, sections=sections)))
        return out

    def per_compile(template: Path, inputs: list[str]) -> float:
        compiler = typst.Compiler(
            str(template), root=str(template.parent), font_paths=[str(FONTS)], ignore_system_fonts=True
        )
        compiler.compile(format="pdf", sys_inputs={"data": inputs[0]})  # warm: fonts, template
        clock = time.process_time()
        for data in inputs:
            compiler.compile(format="pdf", sys_inputs={"data": data})
        return round((time.process_time() - clock) / len(inputs) * 1000, 1)

    with tempfile.TemporaryDirectory(prefix="bench-typst-") as tmp:
        floor = Path(tmp) / "floor.typ"
        floor.write_text(FLOOR_TEMPLATE, encoding="utf-8")
        return {
            "ficha": per_compile(TEMPLATE, without(set())),
            "without_charts": per_compile(TEMPLATE, without({"chart"})),
            "without_tables": per_compile(TEMPLATE, without({"table"})),
            "without_tables_and_charts": per_compile(TEMPLATE, without({"table", "chart"})),
            "text_only_floor": per_compile(floor, [json.dumps(_texts(m)) for m in models]),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--sample", type=int, default=100, help="fichas for the per-stage breakdown (0: skip)"
    )
    parser.add_argument(
        "--typst-profile", type=int, default=50, help="fichas for the Typst profile by part removed (0: skip)"
    )
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
        # Incremental rerun (issue #19, goal ≤ 1,5 s): change 10 of the N data files, render the folder again.
        for path in files[:10]:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("name: ", "name: Cambiado ", 1), encoding="utf-8")
        rerun = render_batch([data_dir], out_dir, ("pdf", "html"), workers=args.workers)
        figures["incremental_rerun_s"] = round(rerun.seconds, 2)
        figures["incremental_rendered"] = len(rerun.rendered) - len(rerun.skipped)
        figures["incremental_skipped"] = len(rerun.skipped)
        figures["goal_incremental_rerun_s"] = 1.5
        if args.sample:
            figures["cpu_ms_per_ficha_by_stage"] = stage_breakdown(files[: args.sample + 1])
        if args.typst_profile:
            figures["typst_cpu_ms_per_compile"] = typst_profile(files[: args.typst_profile])
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    for outcome in result.failed[:5]:
        print("fallo:", outcome.file, [str(p) for p in outcome.problems], file=sys.stderr)
    return 0 if not result.failed else 1


if __name__ == "__main__":
    sys.exit(main())
