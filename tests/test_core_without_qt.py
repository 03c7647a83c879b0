"""The core (models, domain, services, printing, the command line) works where Qt cannot load."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_with_pyside6_unimportable():
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class NoQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
                    raise ImportError("PySide6 is blocked for this test")
                return None

        sys.meta_path.insert(0, NoQt())
        import app
        core = ["app.domain", "app.models", "app.services", "app.printing", "app.sync"]
        for package in core:
            module = importlib.import_module(package)
            for info in pkgutil.walk_packages(module.__path__, package + "."):
                if ".migrations" not in info.name:
                    importlib.import_module(info.name)
        for name in ("app.cli", "app.cli_station", "app.demo", "app.keystore", "app.paths", "app.logs"):
            importlib.import_module(name)
        assert not any(m.startswith("PySide6") for m in sys.modules), "Qt was imported"
        print("core ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "core ok" in done.stdout


def test_no_core_source_file_imports_qt():
    offenders = []
    for folder in ("app/domain", "app/models", "app/services", "app/printing", "app/sync"):
        for path in (ROOT / folder).rglob("*.py"):
            for line in path.read_text(encoding="utf-8").splitlines():
                stripped = line.strip()
                if stripped.startswith(("import PySide6", "from PySide6")):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
