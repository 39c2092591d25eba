"""Where the app's read-only resources are: icons, compiled translations, Qt's own translations.

Three layouts are supported, found in this order:

1. the frozen PyInstaller app: ``sys._MEIPASS/resources`` (``build.spec`` puts them there),
2. an installed wheel: ``iamport_desk/resources`` (force-included by ``pyproject.toml``),
3. a source checkout or editable install: ``resources/`` at the top of the repository.

Nothing here imports Qt at module level or touches the file system at import time.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ICON_NAME = "iamport-desk.svg"
# Inside the frozen app, Qt's own qtbase_*.qm files live here (relative to sys._MEIPASS);
# build.spec copies only the Korean and English ones.
FROZEN_QT_TRANSLATIONS = "qt_translations"


def _frozen_root() -> Path | None:
    if getattr(sys, "frozen", False):
        meipass = getattr(sys, "_MEIPASS", None)
        if meipass:
            return Path(meipass)
    return None


def resources_dir() -> Path:
    """The ``resources`` folder of whichever layout this copy of the app runs from."""
    frozen = _frozen_root()
    if frozen is not None:
        return frozen / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def translations_dir() -> Path:
    """The app's compiled translations (``iamport_desk_<lang>.qm``)."""
    return resources_dir() / "translations"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def icon_path() -> Path:
    """The app icon (SVG; Qt renders it at every size the platform asks for)."""
    return icons_dir() / APP_ICON_NAME


def qt_translations_dir() -> Path:
    """The folder with Qt's own translations (``qtbase_ko.qm`` for the standard buttons...)."""
    frozen = _frozen_root()
    if frozen is not None:
        return frozen / FROZEN_QT_TRANSLATIONS
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
