"""Open data: the cycle as CSV + Parquet tables with a Frictionless ``datapackage.json`` (see
``docs/open-data.md``). ``publish_bundle`` writes a bundle atomically; ``reload_bundle`` reads it back."""

from monitoreo.publish.bundle import BundleManifest, publish_bundle
from monitoreo.publish.reload import read_table, reload_bundle
from monitoreo.publish.schema import TABLES

__all__ = ["TABLES", "BundleManifest", "publish_bundle", "read_table", "reload_bundle"]
