"""The wheel carries resources/, and a desk installed from it (no checkout) finds and loads them.

The wheel is built from a copy of the repository with this venv's setuptools and no index, then
installed into a folder of its own; a child Python that can import the desk only from there
(``-I -S``: no checkout, no editable install) does what the desk does at start and when printing.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest
from setuptools import find_namespace_packages

REPO = Path(__file__).resolve().parent.parent
RESOURCES = REPO / "resources"
FONT_LICENCES = ("FandolFang-COPYING.txt", "OFL.txt")

# Not part of the sources: environments, build output, caches, the demo station.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", ".pytest_cache", "demo-station"
)

# Run by a child Python started with -I -S: the installed folder first, then this venv's
# site-packages added as a plain folder, so its .pth files (the editable install) never run.
PRELUDE = """
import sys
sys.path[:0] = [sys.argv[1]]
sys.path.append(sys.argv[2])
import app
from pathlib import Path
assert Path(app.__file__).is_relative_to(sys.argv[1]), app.__file__
"""

STARTUP = PRELUDE + """
import json
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from app import i18n, paths
from app.printing import fonts

qt_app = QApplication([])
i18n.install_translators(qt_app, "en")
from app.views import icons

face_set = fonts.load_fonts()
print(json.dumps({
    "resources": str(paths.resources_dir()),
    "faces": sorted({str(face.path) for face in face_set.body + face_set.title}),
    "translated": QCoreApplication.translate(sys.argv[3], sys.argv[4]),
    "icon_drawn": not icons.icon("print").pixmap(32, 32).isNull(),
}))
"""

CLI = PRELUDE + """
from app.cli import main
sys.exit(main(sys.argv[3:]))
"""


def test_package_list_names_every_package_and_resource_folder():
    """pyproject.toml lists the packages by hand (to map resources/); a new one must not be left out."""
    setuptools_config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    found = set(find_namespace_packages(where=str(REPO), include=["app", "app.*", "bureau", "bureau.*"]))
    resource_folders = {f"app.resources.{name}" for name in find_namespace_packages(where=str(RESOURCES))}
    assert set(setuptools_config["packages"]) == found | {"app.resources"} | resource_folders
    assert setuptools_config["package-dir"] == {"app.resources": "resources"}


def test_frozen_desk_looks_in_the_bundle(monkeypatch, tmp_path):
    from app.paths import resources_dir

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


def _run(command: list, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{command[:4]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy so that no build/ or stale build output in the checkout counts."""
    work = tmp_path_factory.mktemp("wheel-build")
    source = work / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCES)
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--wheel-dir", work / "out", source],
        cwd=work,
    )
    (built,) = (work / "out").glob("mediation_desk-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("installed") / "site"
    _run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", target, wheel], cwd=wheel.parent)
    return target


def _desk_python(installed: Path, code: str, *args, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    site = sysconfig.get_paths()["purelib"]
    return _run([sys.executable, "-I", "-S", "-c", code, installed, site, *args], cwd=cwd, stdin=stdin)


def _a_translated_message() -> tuple[str, str, str]:
    """The first finished (context, Chinese source, English) of our English catalogue."""
    tree = ElementTree.parse(RESOURCES / "translations" / "mediation_desk_en.ts")
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") is None and translation.text and message.find("source").text:
                return context.findtext("name"), message.findtext("source"), translation.text
    raise AssertionError("the English catalogue has no finished translation")


@pytest.mark.slow
def test_wheel_carries_every_resource_and_the_font_licences(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [path.relative_to(RESOURCES).as_posix() for path in RESOURCES.rglob("*") if path.is_file()]
    assert shipped, "resources/ is empty"
    missing = [name for name in shipped if f"app/resources/{name}" not in names]
    assert missing == []
    licences = {Path(name).name for name in names if ".dist-info/licenses/" in name}
    assert licences == set(FONT_LICENCES)


@pytest.mark.slow
def test_installed_desk_starts_with_its_resources(installed, tmp_path):
    context, source, english = _a_translated_message()
    result = _desk_python(installed, STARTUP, context, source, cwd=tmp_path)
    report = json.loads(result.stdout)

    resources = installed / "app" / "resources"
    assert Path(report["resources"]) == resources
    # Bundled faces only: had they been missing, the documents would print in a system face.
    assert report["faces"] == sorted(
        str(resources / "fonts" / name)
        for name in ("FandolFang-Regular.ttf", "MediationSerifSCHan-Regular.ttf", "MediationSerifSCTitle-Bold.ttf")
    )
    assert report["translated"] == english
    assert report["icon_drawn"]


@pytest.mark.slow
def test_installed_desk_makes_a_station_and_prints_in_the_bundled_faces(installed, tmp_path):
    """``demo`` reads the category codes from the resources; ``print`` embeds the bundled faces."""
    data = tmp_path / "station"
    _desk_python(installed, CLI, "demo", "--data-dir", data, "--cases", "3", cwd=tmp_path)
    listing = _desk_python(installed, CLI, "cases", "--data-dir", data, "--json", cwd=tmp_path)
    number = next(case["number"] for case in json.loads(listing.stdout) if case["kind"] == "complaint")

    pdf = tmp_path / "register.pdf"
    _desk_python(
        installed, CLI, "print", "--data-dir", data, "--case", number, "--form", "complaint-register",
        "--out", pdf, "--user", "head", cwd=tmp_path, stdin="demo-2026\n",
    )
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF")
    # The bundled faces' PostScript names: without them the desk falls back to a system face.
    assert b"/BaseFont /AAAAAA+FandolFangTT-Regular" in content
    assert b"/BaseFont /AAAAAA+MediationSerifSCTitle-Bold" in content
