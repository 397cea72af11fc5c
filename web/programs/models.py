"""Program registry and published fichas.

A ``Program`` is the stable identity (slug = the submission ``id``); a ``Ficha`` is one program's report
for one monitoring edition, stored as the submission JSON plus the evaluation JSON, with denormalised key
figures for listing, filtering and sorting. ``Outcome`` rows repeat the evaluation's outcomes for
queries (findings per ministry and dimension). Only ``published`` fichas are ever shown to the public:
use ``Ficha.objects.public()``."""

from __future__ import annotations

from django.db import models


class Program(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=400)
    service = models.CharField(max_length=300, db_index=True)
    ministry = models.CharField(max_length=300, db_index=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FichaQuerySet(models.QuerySet["Ficha"]):
    def public(self) -> FichaQuerySet:
        """Published fichas only: the one filter every public view and the API start from."""
        return self.filter(published=True)


class Ficha(models.Model):
    """One program's ficha for one edition (a ``Submission`` + its ``Evaluation``)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="fichas")
    edition = models.PositiveSmallIntegerField(db_index=True)
    evaluated_year = models.PositiveSmallIntegerField()
    price_base_year = models.PositiveSmallIntegerField()
    submission = models.JSONField(help_text="Submission.model_dump(mode='json')")
    evaluation = models.JSONField(null=True, blank=True, help_text="Evaluation.model_dump(mode='json')")
    metrics = models.JSONField(default=dict, help_text="Métricas anuales sin redondear (valor o código S/I).")
    content_hash = models.CharField(
        max_length=64, help_text="sha256 de submission + evaluation (caché del PDF)."
    )
    published = models.BooleanField(default=False, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    is_latest = models.BooleanField(
        default=False, db_index=True, help_text="Última edición publicada del programa."
    )
    synthetic = models.BooleanField(
        default=False, db_index=True, help_text="Datos de demostración ficticios (Submission.synthetic)."
    )
    # Denormalised for search, filters and sorting. Sort columns are NULL when the value is a code (S/I…);
    # ``figures`` keeps the value or the code for display.
    search_text = models.TextField(
        default="", help_text="Nombre, servicio, propósito: minúsculas sin tildes."
    )
    regions = models.TextField(default="", help_text="Claves de región entre barras: |maule|biobio|")
    ods_goals = models.TextField(default="", help_text="Objetivos ODS entre barras: |2|8|")
    executed_budget = models.FloatField(null=True, db_index=True)
    coverage_pct = models.FloatField(null=True, db_index=True)
    execution_initial_pct = models.FloatField(null=True, db_index=True)
    spend_per_beneficiary = models.FloatField(null=True, db_index=True)
    figures = models.JSONField(default=dict, help_text="Cifras clave del año evaluado (valor o código).")
    findings_targeting = models.PositiveSmallIntegerField(default=0)
    findings_efficiency = models.PositiveSmallIntegerField(default=0)
    findings_effectiveness = models.PositiveSmallIntegerField(default=0)
    findings_total = models.PositiveSmallIntegerField(default=0, db_index=True)
    #: The column counting each dimension's findings (keys: ``monitoreo.domain`` dimension values).
    FINDINGS_FIELD = {
        "focalizacion": "findings_targeting",
        "eficiencia": "findings_efficiency",
        "eficacia": "findings_effectiveness",
    }

    objects = FichaQuerySet.as_manager()

    class Meta:
        ordering = ["program__name", "-edition"]
        constraints = [models.UniqueConstraint(fields=["program", "edition"], name="ficha_program_edition")]
        indexes = [models.Index(fields=["published", "is_latest", "edition"])]

    def __str__(self) -> str:
        return f"{self.program.slug} {self.edition}"


class Outcome(models.Model):
    """One rule outcome of a ficha's evaluation (copied from ``Ficha.evaluation`` for queries)."""

    ficha = models.ForeignKey(Ficha, on_delete=models.CASCADE, related_name="outcomes")
    code = models.CharField(max_length=120, db_index=True)
    rule = models.CharField(max_length=120)
    dimension = models.CharField(max_length=20, db_index=True)
    verdict = models.CharField(max_length=20, db_index=True)
    status = models.CharField(max_length=20, blank=True, default="")
    text = models.TextField()
    indicator = models.PositiveSmallIntegerField(null=True, blank=True)
    label = models.CharField(
        max_length=120,
        blank=True,
        default="",
        help_text="Rótulo del bloque en que se imprime («Ejecución presupuestaria:»).",
    )
    detail = models.TextField(
        blank=True, default="", help_text="Texto del evaluador que sigue a la frase estándar."
    )

    class Meta:
        ordering = ["ficha", "dimension", "id"]


class DataVersion(models.Model):
    """A counter bumped in the same transaction as every change of public data (load, publish, withdraw).
    Page caches key on it, so a withdrawn ficha disappears from every cached page at once."""

    version = models.PositiveBigIntegerField(default=0)


def current_version() -> int:
    """The public-data version (one indexed primary-key read)."""
    return DataVersion.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def bump_version() -> None:
    """Invalidate every versioned page cache; call inside the transaction that changes public data."""
    if not DataVersion.objects.filter(pk=1).update(version=models.F("version") + 1):
        DataVersion.objects.create(pk=1, version=1)
