"""Packaging: translations compiled by the build hook, resources found in every layout, the icon."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

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


def _spec_parts() -> dict[str, Any]:
    """build.spec's KEEP_PLUGINS, the Qt modules it excludes, its hidden imports and its
    ``_plugin_ok`` filter, read from its syntax tree (the spec only runs under PyInstaller)."""
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    found: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name == "KEEP_PLUGINS":
                found[name] = ast.literal_eval(node.value)
            elif name == "QT_EXCLUDES":
                assert isinstance(node.value, ast.ListComp)
                names = node.value.generators[0].iter
                assert isinstance(names, ast.Call) and isinstance(names.func, ast.Attribute)
                found[name] = ast.literal_eval(names.func.value).split()
            elif name == "a" and isinstance(node.value, ast.Call):
                hidden = next(k.value for k in node.value.keywords if k.arg == "hiddenimports")
                assert isinstance(hidden, ast.List)
                found["hiddenimports"] = [
                    e.value for e in hidden.elts if isinstance(e, ast.Constant)
                ]
        elif isinstance(node, ast.FunctionDef) and node.name == "_plugin_ok":
            namespace: dict[str, Any] = {"Path": Path, "KEEP_PLUGINS": found["KEEP_PLUGINS"]}
            exec(compile(ast.Module([node], []), "build.spec", "exec"), namespace)
            found[node.name] = namespace[node.name]
    return found


def test_the_bundle_keeps_print_support() -> None:
    """The confirmation (확인서) is printed: QtPrintSupport and its plugins stay in the bundle."""
    spec = _spec_parts()
    assert "QtPrintSupport" not in spec["QT_EXCLUDES"]
    assert "QtNetwork" in spec["QT_EXCLUDES"]  # the list is still read (and still trims)
    assert "PySide6.QtPrintSupport" in spec["hiddenimports"]
    keep = spec["_plugin_ok"]
    assert keep("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so")
    assert not keep("PySide6/Qt/plugins/sqldrivers/libqsqlite.so")  # others still go
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")


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


# --- a fresh machine: README's lines, the test extra, the layering -----------------------------

readme_commands = _load_module("readme_commands", ROOT / ".ci" / "readme_commands.py")


def _pyproject() -> dict[str, Any]:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _dist_name(requirement: str) -> str:
    """PEP 503 name of a requirement string (``PySide6-Essentials>=6.6`` -> pyside6-essentials)."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(1)).lower()


def _imported_top_names(source: Path) -> set[str]:
    """Top-level names a file imports anywhere (in functions too), and importorskip()s."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "importorskip"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value.split(".")[0])
    return names


def _third_party_imports_of_the_tests() -> dict[str, set[str]]:
    """Third-party top-level module -> the files under tests/ (or modules they load) using it."""
    tests = ROOT / "tests"
    local = {p.stem for p in tests.rglob("*.py")} | {p.name for p in tests.rglob("*") if p.is_dir()}
    local |= {"tests", "iamport_desk"}
    files = sorted(tests.rglob("*.py"))
    users: dict[str, set[str]] = {}
    seen: set[Path] = set()
    while files:
        source = files.pop()
        if source in seen:
            continue
        seen.add(source)
        for name in _imported_top_names(source):
            if name in sys.stdlib_module_names or name in local or name == "__future__":
                continue
            if (ROOT / f"{name}.py").is_file():  # a top-level module such as hatch_build.py
                files.append(ROOT / f"{name}.py")
                continue
            users.setdefault(name, set()).add(str(source.relative_to(ROOT)))
    return users


def _requirement_closure(requirements: list[str]) -> set[str]:
    """The distributions *requirements* bring, following installed metadata (no extras)."""
    wanted = [_dist_name(r) for r in requirements]
    closure: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name in closure:
            continue
        closure.add(name)
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        wanted += [_dist_name(r) for r in requires if "extra ==" not in r.replace("'", '"')]
    return closure


def test_the_test_extra_carries_everything_the_tests_import() -> None:
    """`pip install -e '.[test]'` alone must be enough for pytest to collect and run."""
    project = _pyproject()["project"]
    closure = _requirement_closure(
        project["dependencies"] + project["optional-dependencies"]["test"]
    )
    providers = importlib.metadata.packages_distributions()
    problems = []
    for module, files in sorted(_third_party_imports_of_the_tests().items()):
        dists = {_dist_name(d) for d in providers.get(module, [])}
        if not dists:
            problems.append(f"{module} (imported by {sorted(files)}) is not installed here")
        elif not dists & closure:
            problems.append(
                f"{module} (from {sorted(dists)}, imported by {sorted(files)}) "
                "is not brought by the dependencies or the test extra"
            )
    assert not problems, "\n".join(problems)


def test_the_scan_finds_hatchling_through_hatch_build() -> None:
    """The check above follows top-level modules the tests load (hatch_build -> hatchling)."""
    users = _third_party_imports_of_the_tests()
    assert "hatch_build.py" in users["hatchling"]
    assert "pytestqt" in users and "PySide6" in users


def test_import_contracts_name_every_qt_free_core_module() -> None:
    """A Qt-free top-level module (portone_v2, simulator_v2 when they land) is in contract 1."""
    grimp = pytest.importorskip("grimp")
    contracts = _pyproject()["tool"]["importlinter"]["contracts"]
    core = next(c for c in contracts if c["name"] == "The core imports no Qt")
    graph = grimp.build_graph("iamport_desk", include_external_packages=True)
    top_level = sorted(m for m in graph.modules if m.count(".") == 1)
    assert "iamport_desk.api" in top_level
    qt_free = [
        m
        for m in top_level
        if m != "iamport_desk.__main__" and not graph.chain_exists(m, "PySide6", as_packages=True)
    ]
    missing = [m for m in qt_free if m not in core["source_modules"]]
    assert not missing, f"Qt-free modules missing from {core['name']!r}: {missing}"
    listed_but_qt = [
        m for m in core["source_modules"] if graph.chain_exists(m, "PySide6", as_packages=True)
    ]
    assert not listed_but_qt


@pytest.mark.timeout(120)
def test_lint_imports_keeps_every_contract() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert re.search(r"Contracts: [1-9]\d* kept, 0 broken", result.stdout), result.stdout


def test_readme_has_one_line_per_marked_command() -> None:
    commands = readme_commands.marked_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert set(commands) == {
        "apt",
        "demo",
        "test",
        "demo-windows",
        "test-windows",
        "demo-macos",
        "test-macos",
    }
    assert commands["apt"].startswith("sudo apt-get install -y python3-venv ")
    for name in ("demo", "test", "demo-macos", "test-macos"):
        line = commands[name]
        # the line makes its own venv and never pips into the system python (PEP 668)
        assert line.startswith("python3 -m venv .venv && .venv/bin/python -m pip install "), line
    assert commands["demo"].endswith(" && .venv/bin/iamport-desk --demo")
    assert commands["test"].endswith(" && .venv/bin/python -m pytest")
    assert "-e '.[test]'" in commands["test"]
    assert commands["test-windows"].startswith("py -m venv .venv; ")
    assert commands["test-windows"].endswith(r".\.venv\Scripts\python -m pytest")


def test_every_readme_command_ci_runs_exists() -> None:
    """.ci/run and the workflows name README commands; each of them is marked in README.md."""
    commands = readme_commands.marked_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    used: set[str] = set()
    for script in [ROOT / ".ci" / "run", *sorted((ROOT / ".github" / "workflows").glob("*.yml"))]:
        used |= set(re.findall(r"readme_commands\.py ([a-z0-9-]+)", script.read_text("utf-8")))
    assert {"apt", "demo", "test", "test-windows", "test-macos"} <= used
    assert used <= set(commands)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("<!-- ci: demo -->\n```sh\nline one\nline two\n```\n", "has 2 lines"),
        ("<!-- ci: demo -->\n```sh\na\n```\n<!-- ci: demo -->\n```sh\nb\n```\n", "twice"),
        ("<!-- ci: demo -->\nnot a fence\n", "not followed by a fenced block"),
        ("<!-- ci: demo -->\n```sh\na\n", "never ends"),
    ],
)
def test_readme_commands_refuses_an_ambiguous_readme(text: str, error: str) -> None:
    with pytest.raises(readme_commands.ReadmeCommandError, match=error):
        readme_commands.marked_commands(text)


def test_readme_command_reads_a_marked_line(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("x\n<!-- ci: test -->\n```sh\n\n  run it  \n```\n", encoding="utf-8")
    assert readme_commands.readme_command("test", readme) == "run it"
    with pytest.raises(readme_commands.ReadmeCommandError, match="no command marked"):
        readme_commands.readme_command("demo", readme)


# --- the Windows installer (makensis compiles it in .ci/run; this checks what it promises) ------


def _nsi() -> str:
    raw = (ROOT / "installer" / "iamport-desk.nsi").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so makensis reads the Korean text"
    return raw.decode("utf-8-sig")


def test_installer_is_per_user_without_admin_rights() -> None:
    nsi = _nsi()
    assert re.search(r"^RequestExecutionLevel user$", nsi, re.MULTILINE)
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in nsi
    assert "HKLM" not in nsi and "$PROGRAMFILES" not in nsi
    assert '"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${APP}"' in nsi
    assert 'WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString"' in nsi
    assert 'CreateShortCut "$SMPROGRAMS\\' in nsi


def test_installer_uninstall_keeps_the_clerks_data() -> None:
    nsi = _nsi()
    uninstall = nsi[nsi.index('Section "Uninstall"') :]
    removed = re.findall(r"^\s*(?:RMDir|Delete)\b(.*)$", uninstall, re.MULTILINE)
    assert removed
    for target in removed:
        # only the program folder's own files; never a recursive delete of the folder itself
        assert "$INSTDIR\\" in target or "$SMPROGRAMS" in target or target.strip() == '"$INSTDIR"'
        assert "$LOCALAPPDATA" not in target and "$APPDATA" not in target
    assert not re.search(r'RMDir /r "\$INSTDIR"\s*$', uninstall, re.MULTILINE)
    # the confirmation page says so, in both languages
    keeps = re.findall(r"^LangString KeepsData \$\{LANG_(\w+)\} \"(.*)\"$", nsi, re.MULTILINE)
    assert dict(keeps).keys() == {"KOREAN", "ENGLISH"}
    assert all("%LOCALAPPDATA%\\iamport-desk" in text for _, text in keeps)
    assert '!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepsData)"' in nsi


def test_installer_takes_version_and_payload_from_the_command_line() -> None:
    nsi = _nsi()
    for name in ("VERSION", "PAYLOAD"):
        assert f"!ifndef {name}\n  !error" in nsi
    assert 'File /r "${PAYLOAD}/*"' in nsi
    assert '!insertmacro MUI_LANGUAGE "Korean"' in nsi
    assert '!insertmacro MUI_LANGUAGE "English"' in nsi
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "makensis -WX" in run and '-DPAYLOAD="$BUNDLE"' in run
