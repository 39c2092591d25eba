"""The one long-lived API thread: a worker QObject that owns the PortOne client and
the history connection, and receives jobs through queued signals.

Widgets never run here; results go back to the GUI thread as plain dataclasses.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from iamport_desk.models import Credentials, HistoryEntry, NoteCode, Outcome, Receipt
from iamport_desk.rules import order_key

if TYPE_CHECKING:
    from iamport_desk.errors import IamportError
    from iamport_desk.history import History
    from iamport_desk.receipt_api import ReceiptApi

log = logging.getLogger(__name__)

ClientFactory = Callable[[Credentials], "ReceiptApi"]
_job_ids = itertools.count(1)


def default_client_factory(credentials: Credentials) -> ReceiptApi:
    from iamport_desk.api import IamportClient

    return IamportClient(
        credentials.imp_key,
        credentials.imp_secret,
        base_url=credentials.api_base,
        tier_code=credentials.tier_code,
    )


def _error_fields(exc: IamportError) -> dict[str, Any]:
    """What the history keeps of a failure: the server's own words, else our diagnosis."""
    from iamport_desk.history.notes import for_error

    fields: dict[str, Any] = {"http_status": exc.status, "code": exc.code, "message": exc.message}
    if exc.message is None:
        fields["note"] = for_error(exc)  # a code; the words are chosen when shown
    return fields


# ---- jobs (GUI -> worker) -------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    job_id: int = field(default_factory=lambda: next(_job_ids), init=False)


@dataclass(frozen=True)
class StartupJob(Job):
    """Open the history, turn crash leftovers into 'unknown', report recent attempts."""


@dataclass(frozen=True)
class LookupJob(Job):
    credentials: Credentials
    merchant_uid: str


@dataclass(frozen=True)
class CancelJob(Job):
    credentials: Credentials
    profile: str
    merchant_uid: str


@dataclass(frozen=True)
class TestConnectionJob(Job):
    credentials: Credentials


@dataclass(frozen=True)
class ReconcileJob(Job):
    """Check every 'unknown' attempt of one profile by looking the receipt up."""

    credentials: Credentials
    profile: str


# ---- results (worker -> GUI) ----------------------------------------------------------


@dataclass(frozen=True)
class JobResult:
    """What came of a job. ``error`` is an exception *value*: it is never raised on the
    GUI thread, only turned into a sentence for the clerk."""

    job: Job
    receipt: Receipt | None = None
    entry: HistoryEntry | None = None
    error: BaseException | None = None
    tier_name: str | None = None
    already_cancelled: HistoryEntry | None = None  # duplicate guard hit: no DELETE sent
    reconciled: tuple[HistoryEntry, ...] = ()
    interrupted: int = 0  # attempts found 'pending' from a crash at start-up
    history_error: BaseException | None = None  # the outcome could not be recorded


class ApiWorker(QObject):
    """Runs PortOne calls and history writes on the API thread.

    Signals:
        finished(JobResult): a job ended, successfully or not.
        history_changed(list): the newest attempts (``list[HistoryEntry]``) after a write.
        unresolved_changed(int): how many attempts still have an unknown outcome.
    """

    finished = Signal(object)
    history_changed = Signal(list)
    unresolved_changed = Signal(int)

    RECENT = 20

    def __init__(
        self,
        history_path: Path,
        client_factory: ClientFactory = default_client_factory,
        history_factory: Callable[[Path], History] | None = None,
    ) -> None:
        super().__init__()
        self._history_path = history_path
        self._client_factory = client_factory
        self._history_factory = history_factory
        self._history: History | None = None
        self._client: ReceiptApi | None = None
        self._client_credentials: Credentials | None = None

    # The client is rebuilt whenever the credentials differ (another profile, a
    # re-entered secret): a token is never carried over to another key or Tier.
    def _client_for(self, credentials: Credentials) -> ReceiptApi:
        if self._client is None or self._client_credentials != credentials:
            self._close_client()
            self._client = self._client_factory(credentials)
            self._client_credentials = credentials
        return self._client

    def _close_client(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client = None
        self._client_credentials = None

    def _open_history(self) -> History:
        if self._history is None:
            if self._history_factory is not None:
                self._history = self._history_factory(self._history_path)
            else:
                from iamport_desk.history import History, HistoryUnavailable

                try:
                    self._history_path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise HistoryUnavailable(
                        "io", f"cannot create the history folder: {exc.strerror}"
                    ) from exc
                self._history = History(self._history_path)
        return self._history

    @Slot(object)
    def run(self, job: Job) -> None:
        """Entry point for every job; never lets an exception escape into Qt."""
        try:
            result = self._dispatch(job)
        except Exception as exc:
            log.exception("job %s failed", type(job).__name__)
            result = JobResult(job, error=exc)
        self.finished.emit(result)

    def _dispatch(self, job: Job) -> JobResult:
        if isinstance(job, StartupJob):
            return self._startup(job)
        if isinstance(job, LookupJob):
            # Imported here, not above: the StartupJob runs while the window is first
            # shown, and importing httpx then would compete with it for the GIL.
            from iamport_desk.errors import IamportError

            try:
                receipt = self._client_for(job.credentials).lookup(job.merchant_uid)
            except IamportError as exc:
                return JobResult(job, error=exc)
            return JobResult(job, receipt=receipt)
        if isinstance(job, CancelJob):
            return self._cancel(job)
        if isinstance(job, TestConnectionJob):
            return self._test_connection(job)
        if isinstance(job, ReconcileJob):
            return self._reconcile(job)
        raise TypeError(f"unknown job {type(job).__name__}")

    def _startup(self, job: StartupJob) -> JobResult:
        history = self._open_history()
        interrupted = history.recover_interrupted()
        self._publish_history()
        return JobResult(job, interrupted=interrupted)

    def _publish_history(self) -> None:
        history = self._open_history()
        self.history_changed.emit(history.recent(self.RECENT))
        self.unresolved_changed.emit(len(history.unresolved()))

    def _cancel(self, job: CancelJob) -> JobResult:
        from iamport_desk.errors import IamportError, OutcomeUnknown

        history = self._open_history()  # HistoryUnavailable -> no request is sent
        tier = job.credentials.tier_code
        previous = history.last_cancelled(job.merchant_uid, profile=job.profile, tier_code=tier)
        if previous is not None:
            return JobResult(job, already_cancelled=previous)
        settled = self._settle_unknown_first(job, history)
        if settled is not None:
            return settled
        # Audit first: a durable 'pending' row, or no DELETE at all.
        entry_id = history.begin(profile=job.profile, tier_code=tier, merchant_uid=job.merchant_uid)
        client = self._client_for(job.credentials)
        receipt: Receipt | None = None
        error: BaseException | None = None
        try:
            receipt = client.cancel(job.merchant_uid)
        except OutcomeUnknown as exc:
            error = exc
            outcome, fields = Outcome.UNKNOWN, _error_fields(exc)
        except IamportError as exc:
            error = exc
            outcome, fields = Outcome.FAILED, _error_fields(exc)
        except BaseException:
            # A bug after the row was written: the DELETE may have gone out.
            self._finish(history, entry_id, Outcome.UNKNOWN, note=NoteCode.INTERNAL_ERROR)
            raise
        else:
            if receipt.is_cancelled:
                outcome, fields = Outcome.CANCELLED, {"http_status": 200, "code": 0}
            else:
                # 200 without a cancellation time: do not claim success; a lookup decides.
                outcome = Outcome.UNKNOWN
                fields = {
                    "http_status": 200,
                    "code": 0,
                    "note": NoteCode.NO_CANCELLATION_TIME,
                }
        entry, history_error = self._finish(history, entry_id, outcome, receipt=receipt, **fields)
        return JobResult(
            job, entry=entry, receipt=receipt, error=error, history_error=history_error
        )

    def _settle_unknown_first(self, job: CancelJob, history: History) -> JobResult | None:
        """An earlier attempt on this order has no known outcome: ask PortOne (GET) before
        another DELETE, so a cancellation that did go through is never sent twice."""
        from iamport_desk.errors import IamportError, ReceiptNotFound

        earlier = [
            entry
            for entry in history.unresolved()
            if order_key(entry.merchant_uid) == order_key(job.merchant_uid)
            and entry.profile == job.profile
            and entry.tier_code == job.credentials.tier_code
        ]
        if not earlier:
            return None
        client = self._client_for(job.credentials)
        try:
            receipt: Receipt | None = client.lookup(job.merchant_uid)
        except ReceiptNotFound:
            receipt = None
        except IamportError as exc:
            return JobResult(job, error=exc)  # still unknown: no DELETE on a guess
        settled = [history.reconcile(entry.id, receipt) for entry in earlier]
        self._publish_history()
        if receipt is not None and receipt.is_cancelled:
            return JobResult(job, already_cancelled=settled[-1], reconciled=tuple(settled))
        return None

    def _finish(
        self, history: History, entry_id: int, outcome: Outcome, **fields: Any
    ) -> tuple[HistoryEntry | None, BaseException | None]:
        """Record an outcome; a failing history must not hide what PortOne answered."""
        from iamport_desk.history import HistoryUnavailable

        try:
            entry = history.finish(entry_id, outcome, **fields)
        except HistoryUnavailable as exc:
            log.error("could not record outcome %s of attempt %d: %s", outcome, entry_id, exc)
            return None, exc
        try:
            self._publish_history()
        except HistoryUnavailable as exc:
            log.warning("could not read the history back: %s", exc)
        return entry, None

    def _test_connection(self, job: TestConnectionJob) -> JobResult:
        from iamport_desk.errors import IamportError

        # A fresh client: testing must not disturb the one in use, nor reuse its token.
        client = self._client_factory(job.credentials)
        try:
            return JobResult(job, tier_name=client.check_access())
        except IamportError as exc:
            return JobResult(job, error=exc)
        finally:
            client.close()

    def _reconcile(self, job: ReconcileJob) -> JobResult:
        from iamport_desk.errors import ReceiptNotFound

        history = self._open_history()
        client = self._client_for(job.credentials)

        def lookup(entry: HistoryEntry) -> Receipt | None:
            try:
                return client.lookup(entry.merchant_uid)
            except ReceiptNotFound:
                return None

        # A row that cannot be settled stays unknown with why; the others go on.
        report = history.reconcile_all(
            lookup,
            include=lambda e: e.profile == job.profile and e.tier_code == job.credentials.tier_code,
        )
        self._publish_history()
        return JobResult(job, reconciled=report.settled, error=report.error)

    @Slot()
    def shutdown(self) -> None:
        """Release the client and the database on the thread that owns them, then end the
        thread's loop. Queued after every job already submitted, so those finish first."""
        self._close_client()
        if self._history is not None:
            self._history.close()
            self._history = None
        thread = self.thread()
        if thread is not QThread.currentThread():  # pragma: no cover - called directly
            return
        thread.quit()


class ApiThread(QObject):
    """GUI-side handle of the API thread: starts it, submits jobs, stops it cleanly.

    Signals:
        finished(JobResult): forwarded from the worker, delivered on the GUI thread.
        history_changed(list): forwarded from the worker.
        unresolved_changed(int): forwarded from the worker.
        submitted(Job): internal; carries a job across to the worker thread.
    """

    finished = Signal(object)
    history_changed = Signal(list)
    unresolved_changed = Signal(int)
    submitted = Signal(object)
    _shutdown = Signal()

    def __init__(self, worker: ApiWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("iamport-desk-api")
        self.worker = worker
        worker.moveToThread(self._thread)
        self.submitted.connect(worker.run)
        self._shutdown.connect(worker.shutdown)
        worker.finished.connect(self.finished)
        worker.history_changed.connect(self.history_changed)
        worker.unresolved_changed.connect(self.unresolved_changed)
        self._stopped = False
        self._thread.start()

    def submit(self, job: Job) -> int:
        if self._stopped:
            raise RuntimeError("the API thread was stopped")
        self.submitted.emit(job)
        return job.job_id

    def request_stop(self) -> None:
        """Ask the thread to stop after the jobs already queued, without waiting.

        The window calls this when it closes, so that closing never blocks on a request in
        flight; ``stop()`` (at exit) then waits for the thread to end.
        """
        if self._stopped:
            return
        self._stopped = True
        self._shutdown.emit()  # the worker quits its own loop once it has released everything

    def stop(self, timeout_ms: int = 60_000) -> bool:
        """Request the stop and wait for the thread (quit() by the worker, then wait())."""
        self.request_stop()
        if self._thread.isFinished():
            return True
        ok = self._thread.wait(timeout_ms)
        if not ok:
            log.error("API thread did not stop within %d ms", timeout_ms)
        return bool(ok)


__all__ = [
    "ApiThread",
    "ApiWorker",
    "CancelJob",
    "Job",
    "JobResult",
    "LookupJob",
    "ReconcileJob",
    "StartupJob",
    "TestConnectionJob",
]
