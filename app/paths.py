"""Where the desk keeps its files: one place, with a ``--data-dir`` override for every command."""

import sys
from pathlib import Path

import platformdirs

APP_NAME = "MediationDesk"


def default_data_dir() -> Path:
    """The platform's user data folder (``%LOCALAPPDATA%``, ``~/.local/share``)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """The shipped resources (fonts, icons, translations, data).

    Frozen (installer/mediation-desk.spec): ``resources`` in the bundle. Installed from the wheel:
    ``app/resources``, where pyproject.toml maps the repository's ``resources/``. A checkout or an
    editable install has no ``app/resources``: the repository's ``resources/`` beside ``app``.
    Always a real folder, since Qt and reportlab open the files by path.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


class StationPaths:
    """The files of one station under its data folder."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)

    @property
    def store(self) -> Path:
        return self.data_dir / "station.db"

    @property
    def lock(self) -> Path:
        return self.data_dir / "station.lock"

    @property
    def identity(self) -> Path:
        """Non-secret facts needed before the store is open (its ID, for the keyring entry)."""
        return self.data_dir / "station.json"

    @property
    def demo_key(self) -> Path:
        """Only for a demo station, which holds no real data; a real station never has this file."""
        return self.data_dir / "DEMO-STATION-KEY-NOT-SECRET.txt"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def attachments(self) -> Path:
        """Attached files, encrypted, named by the SHA-256 of their plain bytes."""
        return self.data_dir / "attachments"
