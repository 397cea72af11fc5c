"""The public count of findings (no superados) and ``Ficha.synthetic`` recomputed for stored fichas.

The recount repeats ``monitoreo.domain.outcomes.is_public_finding`` on the stored evaluation JSON (a finding
outcome whose status is not «superado»), so databases loaded before this change stop counting superados
(docs/web-portal.md, «What the public is told»)."""

from django.db import migrations

_FIELDS = {
    "focalizacion": "findings_targeting",
    "eficiencia": "findings_efficiency",
    "eficacia": "findings_effectiveness",
}


def recount(apps, schema_editor):  # type: ignore[no-untyped-def]
    Ficha = apps.get_model("programs", "Ficha")
    changed = []
    for ficha in Ficha.objects.only("id", "evaluation", "submission").iterator(chunk_size=200):
        counts = dict.fromkeys(_FIELDS.values(), 0)
        for o in (ficha.evaluation or {}).get("outcomes", []):
            if (
                o.get("verdict") == "finding"
                and o.get("status") != "superado"
                and o.get("dimension") in _FIELDS
            ):
                counts[_FIELDS[o["dimension"]]] += 1
        for name, value in counts.items():
            setattr(ficha, name, value)
        ficha.findings_total = sum(counts.values())
        ficha.synthetic = bool((ficha.submission or {}).get("synthetic", False))
        changed.append(ficha)
    Ficha.objects.bulk_update(changed, [*_FIELDS.values(), "findings_total", "synthetic"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0004_outcome_label_detail"),
    ]

    operations = [
        migrations.RunPython(recount, migrations.RunPython.noop),
    ]
