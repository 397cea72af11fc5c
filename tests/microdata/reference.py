"""The slow reference: the contract of ``monitoreo.microdata.expressions`` in plain Python over rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

from monitoreo.microdata.expressions import normalise_region


def reference(rows: Iterable[Mapping[str, Any]], cutoffs: Mapping[str, int] | None = None) -> dict[str, Any]:
    people: dict[tuple[str, int, Any], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        p = people[(str(r["program_id"]), int(r["year"]), r["person_id"])]
        p["sex"].append(r["sex"])
        p["region"].append(normalise_region(r["region"]))
        p["pct"].append(r["rsh_percentile"])
        p["carry"].append(
            str(r["new_or_carry_over"]).lower() == "arrastre" if r["new_or_carry_over"] else False
        )

    def smallest(values: list[Any]) -> Any:
        present = [v for v in values if v is not None]
        return min(present) if present else None

    programs: dict[tuple[str, int], dict[str, Any]] = {}
    members: dict[tuple[int, str], set[Any]] = defaultdict(set)
    for (program, year, person), attrs in people.items():
        out = programs.setdefault(
            (program, year),
            {
                "served": 0,
                "carry_over": 0,
                "by_sex": defaultdict(int),
                "by_region": defaultdict(int),
                "with_rsh": 0,
                "above_cutoff": 0,
            },
        )
        out["served"] += 1
        out["carry_over"] += any(attrs["carry"])
        out["by_sex"][smallest(attrs["sex"]) or "S/I"] += 1
        out["by_region"][smallest(attrs["region"]) or "S/I"] += 1
        pct = smallest(attrs["pct"])
        if pct is not None:
            out["with_rsh"] += 1
            cutoff = (cutoffs or {}).get(program)
            if cutoff is not None and pct > cutoff:
                out["above_cutoff"] += 1
        members[(year, program)].add(person)
    overlaps = {}
    by_year: dict[int, list[str]] = defaultdict(list)
    for year, program in members:
        by_year[year].append(program)
    for year, progs in by_year.items():
        for a, b in combinations(sorted(progs), 2):
            shared = len(members[(year, a)] & members[(year, b)])
            if shared:
                overlaps[(year, a, b)] = shared
    return {"programs": programs, "overlaps": overlaps}
