"""Reads the audit history on a thread of its own, for the history window's table.

Opening the file (and migrating it), searching and counting may take long on a big
history or a slow disk, so none of it runs on the GUI thread. The reads do not queue
behind the API thread's network requests either: this thread only reads, through its own
SQLite connection (WAL lets it read while the API thread writes).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from iamport_desk.jobs import CallJob, CallResult
from iamport_desk.service import JobHandle

if TYPE_CHECKING:
    from iamport_desk.history import History

log = logging.getLogger(__name__)

_read_ids = itertools.count(1)

Read = Callable[["History"], object]


class _Relay(QObject):
    """Carries a read's result from the reader thread to the GUI thread.

    Signals:
        finished(int, object): a read (its id) ended with a ``CallResult``.
    """

    finished = Signal(int, object)


_CLOSE = object()  # tells the reader thread to release the connection and end


def _serve(path: Path, requests: queue.SimpleQueue[object], relay: _Relay) -> None:
    """The reader thread: one History connection, reads in the order they came."""
    from iamport_desk.history import History, HistoryUnavailable

    history: History | None = None
    try:
        while True:
            request = requests.get()
            if request is _CLOSE:
                return
            assert isinstance(request, tuple)
            read_id, read = request
            try:
                if history is None:
                    history = History(path)
                result = CallResult(value=read(history))
            except HistoryUnavailable as exc:
                result = CallResult(error=exc)
            except Exception as exc:  # a bug: logged; the window still says something
                log.exception("reading the history failed")
                result = CallResult(error=exc)
            try:
                relay.finished.emit(read_id, result)
            except RuntimeError:  # the window is gone; nobody waits for this any more
                return
    finally:
        if history is not None:
            try:
                history.close()
            except Exception:  # closing must never be what breaks anything
                log.exception("could not close the history's read connection")


class HistoryReader(QObject):
    """GUI-side handle of the reader thread: ``read(fn)`` runs ``fn(history)`` there.

    The thread starts at the first read; :meth:`close` lets it release the connection and
    end (the next read starts a new one). It is a daemon Python thread, not a QThread: a
    window destroyed while a read runs leaves nothing that could abort the process, and the
    read-only connection needs no goodbye at exit.

    Signals: none (each read's result comes through its ``JobHandle``).
    """

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = Path(path)
        self._relay = _Relay(self)
        self._relay.finished.connect(self.on_relay_finished)
        self._requests: queue.SimpleQueue[object] | None = None
        self._pending: dict[int, JobHandle] = {}

    def read(self, what: str, read: Read) -> JobHandle:
        """Run ``read(history)`` on the reader thread; the handle's ``done`` carries a
        ``CallResult`` (the value, or a ``HistoryUnavailable`` as its error)."""
        if self._requests is None:
            self._requests = queue.SimpleQueue()
            threading.Thread(
                target=_serve,
                args=(self._path, self._requests, self._relay),
                name="iamport-desk-history-reader",
                daemon=True,
            ).start()
        read_id = next(_read_ids)
        handle = JobHandle(CallJob(lambda: None, what))
        self._pending[read_id] = handle
        self._requests.put((read_id, read))
        return handle

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int, object)
    def on_relay_finished(self, read_id: int, result: CallResult) -> None:
        handle = self._pending.pop(read_id, None)
        if handle is not None:
            handle.deliver(result)

    def close(self) -> None:
        """Release the read connection and end the thread (after the read in flight);
        answers still to come are dropped."""
        if self._requests is not None:
            self._requests.put(_CLOSE)
            self._requests = None
        self._pending.clear()


__all__ = ["HistoryReader"]
