"""Check that README.md's apt line is enough for Qt on a fresh Debian/Ubuntu.

    .venv/bin/python .ci/qt_system_libs.py

Two checks over the Qt libraries and plugins the app loads (from the installed PySide6):

1. every system library they link resolves here (``ldd``: no "not found");
2. every Debian package that provides one of those libraries is on a fresh machine after the
   README's apt line: it is among the README's packages, a base-system package (Priority
   required, or Essential), python3, or something they depend on (``apt-cache depends
   --recurse``). This machine may have more installed than a fresh one; this check does not
   count on it, so a package missing from the README fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readme_commands import readme_command  # a sibling script, not a package

# The Qt parts the app uses (Widgets on xcb or offscreen, SVG icons, input methods, printing).
QT_LIBS = ("Core", "Gui", "Widgets", "Svg", "DBus", "XcbQpa", "PrintSupport")
QT_PLUGINS = (
    "platforms/libqxcb.so",
    "platforms/libqoffscreen.so",
    "platforms/libqminimal.so",
    "imageformats/libqsvg.so",
    "imageformats/libqico.so",
    "iconengines/libqsvgicon.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    "printsupport/libcupsprintersupport.so",  # printing the confirmation (libcups2)
)
_LDD_LINE = re.compile(r"^\s*(\S+) => (\S+)")


def qt_files() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    libs = [qt / "lib" / f"libQt6{name}.so.6" for name in QT_LIBS]
    return [*libs, *(qt / "plugins" / plugin for plugin in QT_PLUGINS)]


def readme_packages() -> list[str]:
    line = readme_command("apt")
    prefix = "sudo apt-get install -y "
    if not line.startswith(prefix):
        raise SystemExit(f"README's apt line should start with {prefix!r}: {line}")
    return line.removeprefix(prefix).split()


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def linked_system_libraries(files: list[Path]) -> tuple[set[Path], list[str]]:
    """The system libraries *files* link (outside PySide6's own folder), and those not found."""
    found: set[Path] = set()
    missing: list[str] = []
    for file in files:
        for line in run("ldd", str(file)).splitlines():
            if "not found" in line:
                missing.append(f"{file.name}: {line.strip()}")
                continue
            match = _LDD_LINE.match(line)
            if match and "site-packages" not in match.group(2):
                found.add(Path(match.group(2)).resolve())
    return found, missing


def owner_package(library: Path) -> str | None:
    """The Debian package that ships *library* (merged /usr: try both spellings)."""
    candidates = [str(library)]
    if str(library).startswith("/usr/"):
        candidates.append(str(library).removeprefix("/usr"))
    else:
        candidates.append("/usr" + str(library))
    for path in candidates:
        result = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def fresh_machine_packages(readme: list[str]) -> set[str]:
    """Packages on a fresh machine after README's line: base system, python3, and readme."""
    base = [
        name
        for name, priority, essential in (
            row.split("\t")
            for row in run(
                "dpkg-query", "-W", "-f", "${Package}\t${Priority}\t${Essential}\n"
            ).splitlines()
        )
        if priority == "required" or essential == "yes"
    ]
    roots = sorted({*base, "python3", *readme})
    tree = run(
        "apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
        "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", *roots,
    )  # fmt: skip
    names = {line.strip() for line in tree.splitlines() if line and not line[0].isspace()}
    return {name.split(":")[0] for name in names if not name.startswith("<")}


def main() -> int:
    files = qt_files()
    absent = [str(f) for f in files if not f.is_file()]
    if absent:
        print("not in this PySide6:\n  " + "\n  ".join(absent))
        return 1
    libraries, missing = linked_system_libraries(files)
    print(f"checked {len(files)} Qt libraries and plugins: {len(libraries)} system libraries")
    if missing:
        print("missing system libraries:\n  " + "\n  ".join(missing))
        return 1
    readme = readme_packages()
    fresh = fresh_machine_packages(readme)
    problems = []
    owners: set[str] = set()
    for library in sorted(libraries):
        owner = owner_package(library)
        if owner is None:
            problems.append(f"{library}: no Debian package ships it")
        elif owner not in fresh:
            problems.append(f"{library}: from {owner}, which README's apt line does not bring")
        else:
            owners.add(owner)
    if problems:
        print("README.md's apt line is not enough on a fresh machine:\n  " + "\n  ".join(problems))
        return 1
    print(f"ok: they come from {len(owners)} packages, all brought by README's apt line or base")
    return 0


if __name__ == "__main__":
    sys.exit(main())
