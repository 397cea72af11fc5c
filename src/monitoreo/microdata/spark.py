"""A local Spark session for the beneficiary expressions (``pip install -e '.[spark]'``; Java 17).

``local_session(threads)`` starts Spark in local mode with no UI, no network listeners beyond loopback and
few shuffle partitions (small data in tests); on a cluster, build the session yourself and pass it to
``ibis.pyspark.connect``."""

from __future__ import annotations

import os
from typing import Any


def local_session(threads: int = 1) -> Any:
    """A fresh local SparkSession (``local[threads]``), UI disabled, bound to 127.0.0.1."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYARROW_IGNORE_TIMEZONE", "1")
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(f"local[{threads}]")
        .appName("monitoreo-beneficiarios")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", str(max(2, threads * 2)))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.execution.arrow.pyspark.enabled", "false")
        .getOrCreate()
    )


def stop_session(session: Any) -> None:
    """Stop the session and shut the Py4J gateway down (closes its sockets and the local JVM), so a later
    ``local_session`` starts clean and no socket is left for the garbage collector."""
    from pyspark import SparkContext

    session.stop()
    gateway = SparkContext._gateway
    if gateway is not None:
        proc = getattr(gateway, "proc", None)
        gateway.shutdown()
        if proc is not None:  # the JVM launcher: closing its stdin tells it to exit
            if proc.stdin is not None:
                proc.stdin.close()
            proc.wait(timeout=60)
        SparkContext._gateway = None
        SparkContext._jvm = None
