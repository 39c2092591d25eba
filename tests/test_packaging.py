"""Packaging: translations compiled by the build hook, resources found in every layout, the icon."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

import iamport_desk
from iamport_desk import resources

ROOT = Path(__file__).resolve().parents[1]


def _load_module(name: str, module_file: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, module_file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# hatch_build.py sits at the top of the checkout, which need not be on sys.path.
hatch_build = sys.modules.get("hatch_build") or _load_module("hatch_build", ROOT / "hatch_build.py")

TS_KO = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>PackagingTest</name>
    <message>
        <source>Cancel receipt</source>
        <translation>영수증 취소</translation>
    </message>
    <message>
        <source>Not translated yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


def _write_ts(folder: Path, name: str = "sample_ko.ts", text: str = TS_KO) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    ts = folder / name
    ts.write_text(text, encoding="utf-8")
    return ts


# --- translations ------------------------------------------------------------------------------


def test_lrelease_is_found() -> None:
    assert hatch_build.find_lrelease().is_file()


def test_compile_translations_makes_a_qm_that_qt_loads(qapp: object, tmp_path: Path) -> None:
    _write_ts(tmp_path)

    compiled = hatch_build.compile_translations(tmp_path)

    assert compiled == [tmp_path / "sample_ko.qm"]
    translator = QTranslator()
    assert translator.load(str(compiled[0]))
    assert translator.translate("PackagingTest", "Cancel receipt") == "영수증 취소"
    # unfinished entries are left out, so Qt falls back to the source text
    assert translator.translate("PackagingTest", "Not translated yet") == ""


def test_compile_translations_without_ts_files_does_nothing(tmp_path: Path) -> None:
    assert hatch_build.compile_translations(tmp_path) == []
    assert list(tmp_path.iterdir()) == []


def test_compile_translations_fails_loudly_on_a_broken_ts(tmp_path: Path) -> None:
    _write_ts(tmp_path, text="<TS><context><name>broken")

    with pytest.raises(hatch_build.TranslationBuildError, match=r"lrelease failed"):
        hatch_build.compile_translations(tmp_path)


def test_build_hook_compiles_for_wheels_only(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    _write_ts(tmp_path / "resources" / "translations")
    qm = tmp_path / "resources" / "translations" / "sample_ko.qm"

    def hook(target: str) -> hatch_build.CustomBuildHook:
        return hatch_build.CustomBuildHook(
            str(tmp_path), {}, None, None, str(tmp_path / "dist"), target
        )

    hook("sdist").initialize("standard", {})
    assert not qm.exists()
    hook("wheel").initialize("editable", {})
    assert qm.is_file()
    qm.unlink()
    hook("wheel").initialize("standard", {})
    assert qm.is_file()


def test_the_project_translations_compile(tmp_path: Path) -> None:
    """Every .ts in the repository compiles (copied, so the checkout is left as it is)."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    if not sources:
        pytest.skip("no .ts files in resources/translations yet")
    for ts in sources:
        (tmp_path / ts.name).write_bytes(ts.read_bytes())
    compiled = hatch_build.compile_translations(tmp_path)
    assert [qm.stem for qm in compiled] == [ts.stem for ts in sources]


# --- where resources are found -----------------------------------------------------------------


def test_resources_found_in_the_source_layout() -> None:
    assert resources.resources_dir().is_dir()
    assert resources.translations_dir().parent == resources.resources_dir()
    assert resources.icon_path().is_file()
    assert resources.icon_path().suffix == ".svg"


def test_qt_translations_dir_has_korean_and_english_qtbase() -> None:
    folder = resources.qt_translations_dir()
    assert (folder / "qtbase_ko.qm").is_file()
    assert (folder / "qtbase_en.qm").is_file()


def test_resources_found_in_the_frozen_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert resources.resources_dir() == tmp_path / "resources"
    assert resources.icon_path() == tmp_path / "resources" / "icons" / "iamport-desk.svg"
    assert resources.qt_translations_dir() == tmp_path / resources.FROZEN_QT_TRANSLATIONS


def test_resources_found_in_the_wheel_layout(tmp_path: Path) -> None:
    """site-packages/iamport_desk/resources/ (force-included) wins over ../resources."""
    package = tmp_path / "site-packages" / "iamport_desk"
    (package / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "site-packages" / "resources").mkdir()  # a decoy one level up
    module_file = package / "resources.py"
    module_file.write_bytes(Path(resources.__file__).read_bytes())

    copy = _load_module("resources_copy", module_file)

    assert copy.resources_dir() == package / "resources"
    assert copy.icon_path() == package / "resources" / "icons" / "iamport-desk.svg"


def test_build_spec_and_resources_agree_on_the_frozen_layout() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    match = re.search(r'^QT_TRANSLATIONS_DEST = "([^"]+)"', spec, re.MULTILINE)
    assert match and match.group(1) == resources.FROZEN_QT_TRANSLATIONS
    assert '(str(ROOT / "resources"), "resources")' in spec


def test_wheel_force_includes_resources_into_the_package() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"]["resources"] == "iamport_desk/resources"
    assert config["tool"]["hatch"]["build"]["hooks"]["custom"]["path"] == "hatch_build.py"


# --- the icon ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [16, 32, 256])
def test_icon_renders(qapp: object, size: int) -> None:
    renderer = QSvgRenderer(str(resources.icon_path()))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()

    opaque = sum(
        1 for y in range(size) for x in range(size) if image.pixelColor(x, y).alpha() > 128
    )
    # a real drawing: well covered, but not a filled square
    assert 0.3 * size * size < opaque < 0.95 * size * size


# --- version -----------------------------------------------------------------------------------


def test_version_has_one_source() -> None:
    try:
        installed = importlib.metadata.version("iamport-desk")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("iamport-desk is not installed (pip install -e .)")
    assert installed == iamport_desk.__version__
