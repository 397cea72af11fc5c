"""Identity of a program and its evaluation history (ficha section I, «ANTECEDENTES»)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from monitoreo.domain.base import Model

PERMANENT = "Permanente"


class Executor(Model):
    """A third party that carries out the program, printed with its type («Municipio», «Universidad»…)."""

    name: str = Field(min_length=1, description="Nombre del ejecutor.")
    type: str = Field(
        min_length=1, description="Tipo de ejecutor (Municipio, Servicio o Institución Pública…)."
    )


class Executors(Model):
    """Who executes the program: ``direct`` = implemented by the responsible entity with no third party
    («El programa es implementado directamente por la entidad responsable…»), else the list."""

    direct: bool = Field(default=False, description="Implementado directamente por la entidad responsable.")
    items: list[Executor] = Field(default_factory=list, description="Ejecutores con su tipo.")


class Complementarity(Model):
    """A program of the public offer this one complements, with the service's own description."""

    program: str = Field(min_length=1, description="Programa con el que se complementa.")
    description: str | None = Field(
        default=None, description="Descripción de la complementariedad (texto del servicio)."
    )


class Complementarities(Model):
    """The complementarities the service reports; an empty list prints «El programa no reporta
    complementariedades con otros programas de la oferta pública vigente al {t}.»"""

    items: list[Complementarity] = Field(default_factory=list)


class Identity(Model):
    """Who runs the program and what it is for."""

    name: str = Field(min_length=1, description="Nombre del programa, como se publica.")
    service: str = Field(min_length=1, description="Servicio responsable.")
    ministry: str = Field(min_length=1, description="Ministerio.")
    description: str = Field(description="Descripción del programa (texto publicado).")
    regions: list[str] = Field(
        default_factory=list, description="Regiones donde se implementa (claves de reference/regions.yaml)."
    )
    start_year: int = Field(ge=1900, le=2100, description="Año de inicio.")
    end_year: int | Literal["Permanente"] | None = Field(
        default=None, description="Año de término o «Permanente»; None si la ficha no lo publica."
    )
    purpose: str = Field(min_length=1, description="Propósito.")
    offer_type: str | None = Field(default=None, description="Tipo de oferta (programa social / no social).")
    target_population: str | None = Field(
        default=None, description="«Población Objetivo:» — el texto del programa (edición 2025)."
    )
    executors: Executors | None = Field(
        default=None,
        description="«Ejecutores:» (edición 2025); None si el reporte no lo informa.",
    )
    complementarities: Complementarities | None = Field(
        default=None,
        description="«Complementariedades informadas:» (edición 2025); None si el reporte no lo informa.",
    )


class PastEvaluation(Model):
    """One earlier evaluation, printed as «2021: Impacto - FAO» or
    «Evaluación Sectorial (ES) 2020 "Promoción de Exportaciones" - En curso»."""

    year: int
    type: str
    evaluator: str | None = None
    title: str | None = None
    status: str | None = None


class ExAnte(Model):
    """Ex-ante evaluation: S23 «Evaluaciones Ex Ante: Sí / 2020: Recomendado favorablemente»;
    S20 «Recomendado Favorablemente (Revisión de Diseño 2020)»."""

    done: bool
    year: int | None = None
    verdict: str | None = None
    type: str | None = None


class EvaluationList(Model):
    """A «Sí/No» line followed by the evaluations it refers to."""

    done: bool
    evaluations: list[PastEvaluation] = Field(default_factory=list)


class Monitoring(Model):
    """«Ex Dure o Monitoreo (en los últimos 3 años): Sí / 2020, 2021, 2022»."""

    done: bool
    years: list[int] = Field(default_factory=list)


class EvaluationHistory(Model):
    """«HISTORIAL EVALUATIVO». A field left ``None`` is one the ficha does not print."""

    ex_ante: ExAnte | None = None
    monitoring: Monitoring | None = None
    ex_post: EvaluationList | None = None
    other: EvaluationList | None = None
