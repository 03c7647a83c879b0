"""Logging to a rotating file in the station's data folder; every module logs by its own name."""

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def set_up_logging(folder: Path, *, verbose: bool = False) -> Path:
    """Send all log records to ``folder/desk.log`` (1 MB x 5 files). Returns the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "desk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
