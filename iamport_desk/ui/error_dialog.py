"""The short apology for a bug: the app keeps running and the log says what happened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

_showing = False


def show_unexpected_error(error: BaseException, log_file: Path) -> None:
    """Called from the excepthook; may run on any thread, so hop to the GUI thread."""
    app = QApplication.instance()
    if app is None:
        return
    if QThread.currentThread() is not app.thread():
        QTimer.singleShot(0, app, lambda: show_unexpected_error(error, log_file))
        return
    global _showing
    if _showing:  # one apology at a time, not a cascade of boxes
        return
    _showing = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Something went wrong"))
        box.setText(
            QCoreApplication.translate(
                "ErrorDialog",
                "Sorry, iamport-desk hit an unexpected problem. You can keep working; nothing "
                "already recorded was lost. The details were written to the log file:\n{0}",
            ).format(log_file)
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
    finally:
        _showing = False
