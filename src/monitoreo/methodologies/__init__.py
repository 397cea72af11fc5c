"""Methodology editions as data: one reviewed YAML file per edition (``2020.yaml``, ``2023.yaml``,
``2025.yaml``), loaded by ``monitoreo.methodology.load_edition``. This package holds no code."""
