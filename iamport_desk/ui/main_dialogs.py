"""The windows and dialogs the main window opens from its menus and buttons.

Each is imported at first use: the first screen shows none of them (start-up stays lean).
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from iamport_desk.jobs import CancelDecision
from iamport_desk.models import CancelReason

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from iamport_desk.models import Receipt
    from iamport_desk.ui.main_window import MainWindow

# What a ``confirm=`` seam of the main window may answer.
Answer = CancelDecision | bool | None


def confirm_cancellation(parent: QWidget, receipt: Receipt) -> CancelDecision | None:
    """The question before a cancellation (``ui.confirm_dialog``, imported at first use)."""
    from iamport_desk.ui import confirm_dialog

    return confirm_dialog.confirm_cancellation(parent, receipt)


def as_decision(answer: Answer) -> CancelDecision | None:
    """What a ``confirm=`` seam answered, as a decision: True (tests, benchmarks) is
    거래취소 without a memo; False and None keep the receipt."""
    if answer is True:
        return CancelDecision(CancelReason.TRANSACTION_CANCELLED)
    if answer is False or answer is None:
        return None
    return answer


def help_dialogs() -> ModuleType:
    """Imported at first use: the first screen does not show these dialogs."""
    from iamport_desk.ui import help_dialogs as module

    return module


def files_being_written(window: MainWindow) -> bool:
    """The history window is writing an export or a confirmation PDF on a thread; rebuilding
    the windows now would end it without a sentence. (Duck-typed: the history window is
    imported only once it is opened.)"""
    return bool(getattr(window.history_window, "writing_files", False))


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
