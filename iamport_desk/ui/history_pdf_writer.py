"""The history window's confirmation PDFs are laid out and written on a thread of their own.

A report of 200 cancellations takes seconds to lay out (about 100 pages); the window keeps
answering meanwhile. Qt supports painting onto a QPdfWriter, and laying out a QTextDocument,
outside the GUI thread, but the layout starts Qt timers: the thread is a QThread, whose event
dispatcher lives as long as ``run()`` (in a plain Python thread a second PDF logged "event
dispatcher has already been destroyed"). A QThread must not be destroyed while it runs, so
each is kept in ``_RUNNING`` until it has ended, whatever happened to the window meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from iamport_desk.ui.confirmation_record import ConfirmationRecord

log = logging.getLogger(__name__)

_RUNNING: set[_PdfThread] = set()


class _PdfThread(QThread):
    """One PDF, written in ``run()``.

    Signals:
        written(object, object): pages written (int) or None, and the path or the error.
    """

    written = Signal(object, object)

    def __init__(self, dest: Path, records: Sequence[ConfirmationRecord], scope: str | None):
        super().__init__()
        self.setObjectName("history-confirmation-pdf")
        self._dest, self._records, self._scope = dest, list(records), scope

    def run(self) -> None:
        from iamport_desk.ui.confirmation import save_pdf

        try:
            pages = save_pdf(self._dest, self._records, scope=self._scope)
        except OSError as exc:
            self.written.emit(None, exc)
        except Exception as exc:  # a bug: logged, and the clerk still gets a sentence
            log.exception("writing the confirmation PDF failed")
            self.written.emit(None, exc)
        else:
            self.written.emit(pages, self._dest)


def wait_for_all() -> None:
    """Let every PDF in progress finish (at exit: a QThread destroyed running aborts)."""
    for thread in list(_RUNNING):
        thread.wait()
    _RUNNING.clear()


_hooked: list[QCoreApplication] = []  # the application whose aboutToQuit waits for the PDFs


def _wait_at_exit() -> None:
    app = QCoreApplication.instance()
    if app is not None and app not in _hooked:
        app.aboutToQuit.connect(wait_for_all)
        _hooked[:] = [app]


class HistoryPdfWriter(QObject):
    """Writes one confirmation or report PDF at a time, off the GUI thread.

    Signals:
        done(object, object): pages written (``int``) and the file (``Path``), or None and
            the exception that stopped it (``OSError``, or a bug's).
    """

    done = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _PdfThread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(
        self, dest: Path, records: Sequence[ConfirmationRecord], *, scope: str | None
    ) -> None:
        if self._thread is not None:
            raise RuntimeError("a PDF is already being written")
        _wait_at_exit()
        thread = _PdfThread(dest, records, scope)
        thread.written.connect(self.on_thread_written)  # queued: self lives in the GUI thread
        _RUNNING.add(thread)
        self._thread = thread
        thread.start()

    @Slot(object, object)
    def on_thread_written(self, pages: object, detail: object) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait()  # run() is returning; only then may the QThread go
            _RUNNING.discard(thread)
        self.done.emit(pages, detail)


__all__ = ["HistoryPdfWriter", "wait_for_all"]
