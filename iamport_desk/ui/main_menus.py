"""The main window's menu bar: every action with its shortcut (see ``ui/shortcuts.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from iamport_desk.ui import shortcuts


class MenuOwner(Protocol):
    """What the menus call on the window."""

    def open_history(self) -> None: ...
    def close(self) -> bool: ...
    def focus_order(self) -> None: ...
    def cancel_receipt(self) -> None: ...
    def copy_receipt_url(self) -> None: ...
    def reconcile(self) -> None: ...
    def edit_credentials(self, reason: str | None) -> bool: ...
    def choose_language(self) -> None: ...
    def show_network(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


@dataclass(frozen=True)
class MenuActions:
    """The actions the window enables, disables or triggers itself."""

    quit: QAction
    cancel: QAction
    receipt_menu: QMenu  # for actions whose owners are built elsewhere (the correction)


def build_menus(window: QMainWindow, owner: MenuOwner) -> MenuActions:
    bar = window.menuBar()
    # Titles marked with the main window's context, where their translations live.
    menus = {
        "file": bar.addMenu(QCoreApplication.translate("MainWindow", "&File")),
        "receipt": bar.addMenu(QCoreApplication.translate("MainWindow", "&Receipt")),
        "settings": bar.addMenu(QCoreApplication.translate("MainWindow", "&Settings")),
        "help": bar.addMenu(QCoreApplication.translate("MainWindow", "&Help")),
    }

    def add(
        menu: QMenu, text: str, shortcut: shortcuts.Shortcut | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut.sequence())
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    add(
        menus["file"],
        QCoreApplication.translate("MainWindow", "Audit &history..."),
        shortcuts.HISTORY,
        owner.open_history,
    )
    quit_action = add(
        menus["file"],
        QCoreApplication.translate("MainWindow", "&Quit"),
        shortcuts.QUIT,
        owner.close,
    )
    add(
        menus["receipt"],
        QCoreApplication.translate("MainWindow", "Go to &order number"),
        shortcuts.FOCUS_ORDER,
        owner.focus_order,
    )
    cancel_action = add(
        menus["receipt"],
        QCoreApplication.translate("MainWindow", "&Cancel this receipt..."),
        shortcuts.CANCEL_RECEIPT,
        owner.cancel_receipt,
    )
    cancel_action.setEnabled(False)
    add(
        menus["receipt"],
        QCoreApplication.translate("MainWindow", "Copy receipt &link"),
        shortcuts.COPY_URL,
        owner.copy_receipt_url,
    )
    add(
        menus["receipt"],
        QCoreApplication.translate("MainWindow", "Check &unknown outcomes"),
        shortcuts.RECONCILE,
        owner.reconcile,
    )
    add(
        menus["settings"],
        QCoreApplication.translate("MainWindow", "Store profiles and &keys..."),
        shortcuts.CREDENTIALS,
        lambda: owner.edit_credentials(None),
    )
    add(
        menus["settings"],
        QCoreApplication.translate("MainWindow", "&Language..."),
        None,
        owner.choose_language,
    )
    add(
        menus["settings"],
        QCoreApplication.translate("MainWindow", "&Network..."),
        None,
        owner.show_network,
    )
    add(
        menus["help"],
        QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"),
        shortcuts.HELP,
        owner.show_shortcuts,
    )
    add(
        menus["help"],
        QCoreApplication.translate("MainWindow", "&About iamport-desk"),
        None,
        owner.show_about,
    )
    return MenuActions(quit=quit_action, cancel=cancel_action, receipt_menu=menus["receipt"])


__all__ = ["MenuActions", "MenuOwner", "build_menus"]
