"""The cancellation confirmation (발행취소 확인서) from the history window: the selected rows
saved as a PDF or printed (one confirmation each, or one report with totals for several), and
one report of every cancellation the window's search and filters select.

The rows of a report are read on the history reader's thread; the PDF is laid out and written
by :mod:`iamport_desk.ui.confirmation` on a thread of its own (:mod:`history_pdf_writer`). Where
to save and which printer are seams a test replaces (the window's ``ask_save_path`` and
``ask_printer``).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Slot
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from iamport_desk.history import HistoryFilter
from iamport_desk.jobs import CallResult
from iamport_desk.models import Action, HistoryEntry, Outcome
from iamport_desk.ui.confirmation_record import ConfirmationRecord, record_from_entry
from iamport_desk.ui.history_filters import kst_today
from iamport_desk.ui.history_pdf_writer import HistoryPdfWriter
from iamport_desk.ui.words import describe_error, describe_file_error

if TYPE_CHECKING:
    from iamport_desk.history import History
    from iamport_desk.ui.history_window import HistoryWindow

log = logging.getLogger(__name__)

REPORT_LIMIT = 2000  # rows in one report: about 400 pages, more than anyone files at once


def confirmable(entry: HistoryEntry) -> bool:
    """A cancellation that happened: the only rows a confirmation is for."""
    return entry.action is Action.CANCEL and entry.outcome is Outcome.CANCELLED


def record_of(entry: HistoryEntry) -> ConfirmationRecord:
    """The confirmation of a history row, with its reason, memo and original issue time."""
    return record_from_entry(
        entry,
        issued_at=entry.applied_at,
        reason=None if entry.reason is None else int(entry.reason),
        reason_memo=entry.reason_note,
    )


def report_filter(flt: HistoryFilter) -> HistoryFilter:
    """``flt`` narrowed to the cancellations that happened."""
    outcomes = frozenset({Outcome.CANCELLED})
    actions = frozenset({Action.CANCEL})
    return dataclasses.replace(
        flt,
        outcomes=outcomes if flt.outcomes is None else flt.outcomes & outcomes,
        actions=actions if flt.actions is None else flt.actions & actions,
    )


class HistoryConfirmations(QObject):
    """The window's confirmation buttons and what they do.

    No signals of its own: the window's ``confirmation_saved`` is emitted from here.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.pdf_button = QPushButton(
            QCoreApplication.translate("HistoryWindow", "Confirmation as P&DF..."), parent
        )
        self.pdf_button.setObjectName("pdf_button")
        self.pdf_button.setToolTip(
            QCoreApplication.translate(
                "HistoryWindow",
                "Save the cancellation confirmation of the selected rows as a PDF: one "
                "confirmation, or one report with totals for several rows",
            )
        )
        self.pdf_button.clicked.connect(self.on_pdf_button_clicked)
        self.print_button = QPushButton(
            QCoreApplication.translate("HistoryWindow", "Pr&int..."), parent
        )
        self.print_button.setObjectName("print_button")
        self.print_button.setToolTip(
            QCoreApplication.translate(
                "HistoryWindow", "Print the confirmation of the selected rows"
            )
        )
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.report_button = QPushButton(
            QCoreApplication.translate("HistoryWindow", "Report of the cancellations &shown..."),
            parent,
        )
        self.report_button.setObjectName("report_button")
        self.report_button.setToolTip(
            QCoreApplication.translate(
                "HistoryWindow",
                "Save every cancellation that the search and the filters select (for example "
                "today's) as one PDF report with totals",
            )
        )
        self.report_button.clicked.connect(self.on_report_button_clicked)
        self.writer = HistoryPdfWriter(self)
        self.writer.done.connect(self.on_writer_done)
        # The PDF being written: how many records, the words on rows left out, where.
        self._pending: tuple[int, str, Path] = (0, "", Path())

    @property
    def _window(self) -> HistoryWindow:
        # The window is the Qt parent; no Python reference back to it (no reference cycle).
        return cast("HistoryWindow", self.parent())

    def buttons(self) -> list[QPushButton]:
        return [self.pdf_button, self.print_button, self.report_button]

    def update(self) -> None:
        selected = any(confirmable(e) for e in self._window.row_actions.selected_entries())
        self.pdf_button.setEnabled(selected and not self.writer.running)
        self.print_button.setEnabled(selected)

    # ---- the selected rows ----------------------------------------------------------

    def _selected_records(self) -> list[ConfirmationRecord] | None:
        entries = self._window.row_actions.selected_entries()
        records = [record_of(e) for e in entries if confirmable(e)]
        if not records:
            self._window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow",
                    "No confirmation was made: none of the selected rows is a cancellation "
                    "that happened. Select a row whose outcome is Cancelled.",
                ),
                warning=True,
            )
            return None
        return records

    def _skipped_text(self, wanted: int, made: int) -> str:
        if made == wanted:
            return ""
        return " " + QCoreApplication.translate(
            "HistoryWindow", "{0} selected row(s) are not cancellations and were left out."
        ).format(wanted - made)

    @Slot()
    def on_pdf_button_clicked(self) -> None:
        records = self._selected_records()
        if records is None:
            return
        wanted = len(self._window.row_actions.selected_rows())
        name = (
            f"cancellation-{_safe_name(records[0].merchant_uid)}.pdf"
            if len(records) == 1
            else f"cancellations-{kst_today():%Y%m%d}.pdf"
        )
        self._save(records, name, scope=None, skipped=self._skipped_text(wanted, len(records)))

    @Slot()
    def on_print_button_clicked(self) -> None:
        records = self._selected_records()
        if records is None:
            return
        window = self._window
        from PySide6.QtPrintSupport import QPrinter

        from iamport_desk.ui.confirmation import print_records

        printer = (window.ask_printer or self._ask_printer)()
        if not isinstance(printer, QPrinter):
            return  # the clerk closed the print dialog

        try:
            pages = print_records(printer, records)
        except OSError:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow",
                    "Nothing was printed: the printer could not be opened. Check that it is "
                    "on and connected, then try again.",
                ),
                warning=True,
            )
            return
        window.show_message(
            QCoreApplication.translate("HistoryWindow", "Sent {0} page(s) to the printer.").format(
                pages
            )
        )
        window.confirmation_saved.emit(len(records))

    def _ask_printer(self) -> Any:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self._window)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    # ---- the report of the view -----------------------------------------------------

    @Slot()
    def on_report_button_clicked(self) -> None:
        window = self._window
        if window.filters.search_timer.isActive():
            window.apply_filter()  # what the search box says now
        flt = report_filter(window.model.filter)

        def read(history: History) -> list[HistoryEntry]:
            # One more than fits: a report whose totals leave rows out is never made.
            return history.query(
                flt, order_by="started_at", descending=False, limit=REPORT_LIMIT + 1
            )

        self.report_button.setEnabled(False)
        handle = window.model.read("confirmation report", read)
        handle.done.connect(self.on_report_read)

    @Slot(object)
    def on_report_read(self, result: CallResult) -> None:
        window = self._window
        self.report_button.setEnabled(True)
        if result.error is not None:
            window.show_message(describe_error(result.error).text, warning=True)
            return
        entries = cast("list[HistoryEntry]", result.value)
        if len(entries) > REPORT_LIMIT:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow",
                    "No report was made: more than {0} cancellations match, and a report's "
                    "totals must hold them all. Choose a shorter period or a store profile, "
                    "then try again.",
                ).format(f"{REPORT_LIMIT:,}"),
                warning=True,
            )
            return
        if not entries:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow",
                    "No report was made: no cancellation that happened matches the search and "
                    "the filters. Change them, then try again.",
                )
            )
            return
        records = [record_of(e) for e in entries]
        name = f"cancellations-report-{kst_today():%Y%m%d}.pdf"
        self._save(records, name, scope=window.filters.describe())

    # ---- saving ---------------------------------------------------------------------

    def _save(
        self,
        records: Sequence[ConfirmationRecord],
        name: str,
        *,
        scope: str | None,
        skipped: str = "",
    ) -> None:
        window = self._window
        if self.writer.running:
            return
        ask = window.ask_save_path or self._ask_pdf_path
        chosen = ask(str(Path(_documents()) / name))
        if not chosen:
            return
        dest = Path(chosen)
        if not dest.suffix:
            dest = dest.with_suffix(".pdf")
        self._pending = (len(records), skipped, dest)
        self.pdf_button.setEnabled(False)
        self.report_button.setEnabled(False)
        window.show_message(QCoreApplication.translate("HistoryWindow", "Saving the PDF..."))
        self.writer.start(dest, records, scope=scope)

    @Slot(object, object)
    def on_writer_done(self, pages: object, detail: object) -> None:
        window = self._window
        count, skipped, dest = self._pending
        self.report_button.setEnabled(True)
        self.update()
        if isinstance(pages, int) and isinstance(detail, Path):
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow", "Saved {0} cancellation(s) on {1} page(s) to {2}."
                ).format(count, pages, str(detail))
                + skipped
            )
            window.confirmation_saved.emit(count)
        elif isinstance(detail, OSError):
            window.show_message(describe_file_error(detail, dest).text, warning=True)
        else:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow",
                    "The PDF was not saved: something unexpected went wrong. The details were "
                    "written to the log file.",
                ),
                warning=True,
            )

    def _ask_pdf_path(self, default: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            QCoreApplication.translate("HistoryWindow", "Save the confirmation"),
            default,
            QCoreApplication.translate("HistoryWindow", "PDF files (*.pdf)"),
        )
        return path or None


def _documents() -> str:
    return QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())


def _safe_name(text: str) -> str:
    """An order number as part of a file name (anything but letters, digits, - and _ dropped)."""
    kept = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)
    return kept[:60] or "receipt"


__all__ = ["HistoryConfirmations", "confirmable", "record_of", "report_filter"]
