"""Reading and writing data files (YAML/JSON) with clear, coded problems."""

from monitoreo.io.read import dump_submission, parse_submission, read_submission, write_submission

__all__ = ["dump_submission", "parse_submission", "read_submission", "write_submission"]
