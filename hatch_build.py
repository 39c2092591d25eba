"""Build step shared by hatchling, build.spec and the command line: compile Qt translations.

The ``.ts`` files in ``resources/translations`` are the sources; the ``.qm`` files next to them
are build products (ignored by git). They are made with Qt's ``lrelease``:

- by hatchling, for wheels and editable installs (``CustomBuildHook`` below, wired up in
  ``pyproject.toml`` under ``[tool.hatch.build.hooks.custom]``),
- by ``build.spec`` before PyInstaller collects the resources,
- by hand: ``python hatch_build.py`` (compiles ``resources/translations`` of this checkout).

A failing ``lrelease`` fails the build: an app without its translations must not ship.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent
TRANSLATIONS_DIR = ROOT / "resources" / "translations"


class TranslationBuildError(RuntimeError):
    """lrelease is missing or did not produce a usable .qm file."""


def find_lrelease() -> Path:
    """Qt's lrelease: the one shipped inside the PySide6 package, else ``pyside6-lrelease``."""
    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    # find_spec does not import PySide6 (no Qt libraries loaded just to find a file).
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / exe
            if candidate.is_file():
                return candidate
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return Path(found)
    raise TranslationBuildError(
        "Qt's lrelease was not found (looked in the PySide6 package and for pyside6-lrelease "
        "on PATH). Install PySide6-Essentials into the build environment."
    )


def compile_translations(ts_dir: Path = TRANSLATIONS_DIR) -> list[Path]:
    """Compile every ``*.ts`` in *ts_dir* to a ``.qm`` next to it; return the ``.qm`` paths.

    Does nothing (returns ``[]``) when there are no ``.ts`` files. Raises
    ``TranslationBuildError`` when lrelease fails or leaves no ``.qm`` behind.
    """
    sources = sorted(ts_dir.glob("*.ts"))
    if not sources:
        return []
    lrelease = find_lrelease()
    compiled: list[Path] = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        command = [str(lrelease), str(ts), "-qm", str(qm)]
        result = subprocess.run(  # noqa: S603 - fixed tool, our own file names
            command, capture_output=True, text=True, check=False
        )
        if result.returncode != 0 or not qm.is_file() or qm.stat().st_size == 0:
            raise TranslationBuildError(
                f"lrelease failed for {ts} (exit {result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        compiled.append(qm)
    return compiled


class CustomBuildHook(BuildHookInterface[BuilderConfig]):
    """hatchling hook: compile translations before a wheel or an editable install is built."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # the sdist ships the .ts sources; its wheel build compiles them
        # Compiled in place: the editable install reads resources/ of the checkout, and the
        # wheel's force-include of resources/ (pyproject.toml) copies the whole folder,
        # git-ignored .qm files included.
        compile_translations(Path(self.root) / "resources" / "translations")


def main() -> int:
    ts_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else TRANSLATIONS_DIR
    try:
        compiled = compile_translations(ts_dir)
    except TranslationBuildError as error:
        print(error, file=sys.stderr)
        return 1
    if not compiled:
        print(f"no .ts files in {ts_dir}")
    for qm in compiled:
        print(f"compiled {os.path.relpath(qm)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
