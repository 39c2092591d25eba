"""The windows and dialogs the main window opens from its menus and buttons.

Each is imported at first use: the first screen shows none of them (start-up stays lean).
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iamport_desk.ui.main_window import MainWindow


def help_dialogs() -> ModuleType:
    """Imported at first use: the first screen does not show these dialogs."""
    from iamport_desk.ui import help_dialogs as module

    return module


def open_history(window: MainWindow) -> None:
    """Show the audit history window (one per main window), brought to the front."""
    from iamport_desk.ui.history_window import HistoryWindow

    if window.history_window is None:
        window.history_window = HistoryWindow(
            window.paths.history_db,
            window.service,
            window.profiles,
            parent=window,
            credentials_provider=window.credentials_source,
        )
    window.history_window.show()
    window.history_window.raise_()
    window.history_window.activateWindow()


def show_network(window: MainWindow) -> None:
    from iamport_desk.ui.network_dialog import NetworkDialog

    NetworkDialog(window.profiles, api_base_override=window.api_base_override, parent=window).exec()


def default_open_credentials(window: MainWindow, reason: str | None) -> bool:
    from iamport_desk.ui.credentials_dialog import ask_credentials

    return ask_credentials(
        window, window.profiles, window.service, reason, window.api_base_override
    )
