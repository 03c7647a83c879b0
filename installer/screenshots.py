"""Screenshots of the desk on a demo station, for the README: run it under a virtual display.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python installer/screenshots.py [OUT_DIR]

It makes (or reuses) a demo station in a temporary folder, signs in as the station head, and
saves the main window, a case's detail and the intake form as PNG files (docs/screenshots/).
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app import demo
from app.desk import build_main_window, close_windows, prepare_application
from app.models.store import create_store, open_store
from app.paths import StationPaths
from app.services import accounts
from app.services.queries import list_cases

ROOT = Path(__file__).resolve().parent.parent


def _demo_store(folder: Path):
    paths = StationPaths(folder)
    if not paths.store.exists():
        store, _code = create_store(paths, demo=True)
        for _done in demo.populate(store, 200):
            pass
        store.close()
    return open_store(paths)


def _save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(f"saved {path}")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = prepare_application()
    with tempfile.TemporaryDirectory() as folder:
        store = _demo_store(Path(folder) / "demo-station")
        head = accounts.authenticate(store, "head", demo.DEMO_PASSWORD)
        window = build_main_window(store, head)
        window.resize(1400, 800)
        window.show()

        def shoot() -> None:
            _save(window, out / "main-window.png")
            case = next(row for row in list_cases(store, limit=50, viewer=head) if row.kind.value == "complaint")
            case_window = window.open_case(case.id, case.number)
            case_window.resize(1000, 900)
            _save(case_window, out / "case-detail.png")
            case_window.close()
            intake = window.open_intake()
            intake.resize(1000, 950)
            _save(intake, out / "intake-form.png")
            app.quit()

        QTimer.singleShot(500, shoot)
        app.exec()
        close_windows(window)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
