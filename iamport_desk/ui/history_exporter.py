"""The history window's export: the workbook or CSV file is written on a thread of its own."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from iamport_desk.history import HistoryFilter
from iamport_desk.history_export import NoteWords, RecordWords
from iamport_desk.models import Outcome

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries the end of an export from its thread to the GUI thread.

    Signals:
        done(object, object): rows written (int) or None, and the path or the error.
    """

    done = Signal(object, object)


class HistoryExporter(QObject):
    """Exports one view of the history (filter and order) to .xlsx or CSV, one at a time.

    A view without rows writes no file: ``done`` then carries 0 and None.

    Signals:
        done(object, object): rows written (``int``) and the file (``Path``), or None and
            the exception that stopped it (``HistoryUnavailable``, ``OSError`` or a bug);
            or 0 and None when the view held nothing to export.
    """

    done = Signal(object, object)

    def __init__(self, history_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = Path(history_path)
        self._relay = _Relay(self)
        self._relay.done.connect(self.on_relay_done)
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(
        self,
        dest: Path,
        flt: HistoryFilter,
        *,
        order_by: str,
        descending: bool,
        headers: Sequence[str],
        outcome_labels: Mapping[Outcome, str],
        type_labels: Mapping[str, str],
        note_words: NoteWords | None = None,
        record_words: RecordWords | None = None,
        xlsx: bool = False,
    ) -> None:
        """Write the rows of ``flt`` in that order to ``dest``: a workbook if ``xlsx``."""
        if self._thread is not None:
            raise RuntimeError("an export is already running")
        relay, path = self._relay, self._path

        def run() -> None:
            from iamport_desk.history import History, HistoryUnavailable

            # Its own connection: an sqlite3 connection belongs to the thread that opened it.
            try:
                with History(path) as history:
                    if history.count(flt) == 0:
                        relay.done.emit(0, None)  # no empty file that looks like an export
                        return
                    export = history.export_xlsx if xlsx else history.export_csv
                    rows = export(
                        dest,
                        flt,
                        order_by=order_by,
                        descending=descending,
                        headers=list(headers),
                        outcome_labels=outcome_labels,
                        type_labels=type_labels,
                        note_words=note_words,
                        record_words=record_words,
                    )
            except (HistoryUnavailable, OSError) as exc:
                relay.done.emit(None, exc)
            except Exception as exc:  # a bug: logged, and the user still gets a sentence
                log.exception("history export failed")
                relay.done.emit(None, exc)
            else:
                relay.done.emit(rows, dest)

        self._thread = threading.Thread(target=run, name="history-export")
        self._thread.start()

    @Slot(object, object)
    def on_relay_done(self, rows: object, detail: object) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        self.done.emit(rows, detail)


__all__ = ["HistoryExporter"]
