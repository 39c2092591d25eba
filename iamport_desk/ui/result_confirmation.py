"""The result screen's record of a cancellation: why it was cancelled, and its confirmation
(발행취소 확인서) to save as PDF or to print.

Shown after a cancellation (from the finished history row), and after a lookup of a receipt
that is already cancelled when the history knows the cancellation (read on the history's
reader thread, never on the GUI thread). A new lookup or cancellation takes it away. The file
dialog and the print dialog are seams (``ask_pdf_path``, ``ask_printer``) a test replaces.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QStandardPaths, Qt, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from iamport_desk.formatting import elide, isolate
from iamport_desk.jobs import CallResult
from iamport_desk.models import HistoryEntry, Outcome, Receipt
from iamport_desk.ui.confirmation_record import ConfirmationRecord, record_from_entry
from iamport_desk.ui.history_reader import HistoryReader
from iamport_desk.ui.words import UserMessage, describe_file_error, reason_said
from iamport_desk.ui.words import confirmation as words

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from iamport_desk.history import History

log = logging.getLogger(__name__)

_UNSAFE_IN_NAMES = re.compile(r"[^0-9A-Za-z가-힣._-]+")


class _Window(Protocol):
    """What this bar needs of the main window (it holds no reference to it)."""

    def show_message(
        self, message: UserMessage | str, *, warning: bool = False, success: bool = False
    ) -> None: ...


def ask_pdf_path(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, words.save_dialog_title(), suggested, words.pdf_filter()
    )
    return path or None


def ask_printer(parent: QWidget) -> QPrinter | None:
    # Qt's print support is a library of its own: loaded only when the clerk prints.
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(words.print_action().replace("&", "").rstrip("."))
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def suggested_path(record: ConfirmationRecord) -> str:
    """Documents (or home), and a file name with the order number made safe for any disk."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    order = _UNSAFE_IN_NAMES.sub("_", record.merchant_uid)[:80] or "order"
    return str(Path(folder) / words.file_name(order))


class ResultConfirmation(QWidget):
    """The reason recorded for the cancellation shown, and its confirmation actions.

    Signals:
        offered(object): a cancellation's confirmation is ready (its ``ConfirmationRecord``).
        saved(str): the confirmation PDF was written to this path.
        printed(int): the confirmation was printed (pages sent).
    """

    offered = Signal(object)
    saved = Signal(str)
    printed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultConfirmation")
        self.ask_pdf_path: Callable[[QWidget, str], str | None] = ask_pdf_path
        self.ask_printer: Callable[[QWidget], QPrinter | None] = ask_printer
        self.record: ConfirmationRecord | None = None
        self._wanted: str | None = None  # the order whose history row is being read
        self._watching = False

        self.label = QLabel(self)
        self.label.setObjectName("resultReason")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the memo is the clerk's text
        self.label.setWordWrap(True)
        self.save_button = QPushButton(words.save_action(), self)
        self.save_button.setObjectName("saveConfirmationButton")
        self.print_button = QPushButton(words.print_action(), self)
        self.print_button.setObjectName("printConfirmationButton")
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_confirmation)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.print_button)
        self.hide()

    # ---- what is offered --------------------------------------------------------------

    def offer(self, entry: HistoryEntry | None) -> None:
        """Show the reason and the actions for a cancelled history row (else nothing)."""
        self._wanted = None
        if entry is None or entry.outcome is not Outcome.CANCELLED:
            self.withdraw()
            return
        self._watch_window()
        self.record = record_from_entry(entry)
        self.label.setText(
            words.for_order(
                isolate(elide(entry.merchant_uid, 60)), reason_said(entry.reason, entry.reason_note)
            )
        )
        self.show()
        self.offered.emit(self.record)

    def offer_known(self, receipt: Receipt, profile: str | None, history_path: Path) -> None:
        """A lookup showed ``receipt`` already cancelled: offer its confirmation if the
        history (``history_path``) holds that cancellation by ``profile``. Read on a reader
        thread of its own, which ends with the answer."""
        self.withdraw()
        if not receipt.is_cancelled:
            return
        uid = receipt.merchant_uid
        self._wanted = uid

        def read(history: History) -> HistoryEntry | None:
            return history.last_cancelled(uid, profile=profile)

        reader = HistoryReader(history_path, self)
        handle = reader.read("the cancellation of the receipt shown", read)
        handle.done.connect(lambda result: self._on_known(reader, uid, result))

    def _on_known(self, reader: HistoryReader, uid: str, result: object) -> None:
        reader.close()
        reader.deleteLater()
        if self._wanted != uid:  # another lookup came since: this answer is stale
            return
        self._wanted = None
        if isinstance(result, CallResult) and isinstance(result.value, HistoryEntry):
            self.offer(result.value)
        elif isinstance(result, CallResult) and result.error is not None:
            log.warning("could not read the history for a confirmation: %s", result.error)

    @Slot()
    def withdraw(self) -> None:
        self._wanted = None
        self.record = None
        self.label.clear()
        self.hide()

    def _watch_window(self) -> None:
        # A new lookup or cancellation makes what is shown here stale.
        busy_changed = getattr(self.window(), "busy_changed", None)
        if not self._watching and busy_changed is not None:  # None: shown on its own
            self._watching = True
            cast("SignalInstance", busy_changed).connect(self.on_window_busy_changed)

    @Slot(str)
    def on_window_busy_changed(self, kind: str) -> None:
        if kind in ("lookup", "cancel"):
            self.withdraw()

    # ---- the actions ------------------------------------------------------------------

    def _say(self, message: UserMessage | str, *, warning: bool = False) -> None:
        window = self.window()
        if hasattr(window, "show_message"):
            cast("_Window", window).show_message(message, warning=warning, success=not warning)

    @Slot()
    def save_pdf(self) -> None:
        record = self.record
        if record is None:
            return
        chosen = self.ask_pdf_path(self, suggested_path(record))
        if not chosen:
            return
        dest = Path(chosen)
        if dest.suffix.lower() != ".pdf":
            dest = dest.with_name(dest.name + ".pdf")
        # The renderer (segno, QtPrintSupport, the PDF writer) loads at the first confirmation,
        # not with the main window: the first screen shows no PDF (issue 18).
        from iamport_desk.ui import confirmation

        try:
            confirmation.save_pdf(dest, [record])
        except OSError as exc:
            self._say(describe_file_error(exc, dest), warning=True)
            return
        except Exception:  # a bug while laying the page out: logged, and said, never silent
            log.exception("saving the confirmation failed")
            self._say(words.save_failed(), warning=True)
            return
        self._say(words.saved(str(dest)))
        self.saved.emit(str(dest))

    @Slot()
    def print_confirmation(self) -> None:
        record = self.record
        if record is None:
            return
        printer = self.ask_printer(self)
        if printer is None:
            return
        from iamport_desk.ui import confirmation

        try:
            pages = confirmation.print_records(printer, [record])
        except Exception:  # the printer could not be opened for drawing, or a bug
            log.exception("printing the confirmation failed")
            self._say(words.print_failed(), warning=True)
            return
        self._say(words.printed(pages))
        self.printed.emit(pages)


__all__ = ["ResultConfirmation", "ask_pdf_path", "ask_printer", "suggested_path"]
