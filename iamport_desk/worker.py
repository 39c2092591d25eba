"""The one long-lived API thread: a worker QObject that owns the PortOne client and
the history connection, and receives jobs through queued signals.

Widgets never run here; results go back to the GUI thread as plain dataclasses
(:mod:`iamport_desk.jobs`), each to the one who submitted the job
(:mod:`iamport_desk.service`). The keychain and the settings file are used here too, so that
the GUI thread never waits on a disk or a keychain prompt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from iamport_desk.attempt_fields import failure_fields, request_key
from iamport_desk.jobs import (
    AppClosingError,
    CallJob,
    CallResult,
    CancelJob,
    CancelResult,
    IssueJob,
    IssueResult,
    Job,
    JobResult,
    LookupJob,
    LookupResult,
    ReconcileJob,
    ReconcileResult,
    SaveProfileJob,
    SaveProfileResult,
    SecretCheckJob,
    SecretCheckResult,
    SettingsJob,
    SettingsResult,
    StartupJob,
    StartupResult,
    StoredCredentials,
    TestConnectionJob,
    TestConnectionResult,
)
from iamport_desk.models import Credentials, HistoryEntry, NoteCode, Outcome, Receipt, StoreApi
from iamport_desk.refused_cancel import found_cancelled
from iamport_desk.rules import order_key

if TYPE_CHECKING:
    from iamport_desk.history import History
    from iamport_desk.receipt_api import ReceiptApi

log = logging.getLogger(__name__)

ClientFactory = Callable[[Credentials], "ReceiptApi"]


def default_client_factory(credentials: Credentials) -> ReceiptApi:
    """The store's receipt API by its kind (V1 or V2), with its host, Tier/store id and proxy."""
    from iamport_desk.store_clients import client_for

    return client_for(credentials)


def _why_missing(source: object) -> str | None:
    """Why a saved profile's secret could not be had (locked, denied, absent, ...): asked of
    the keychain here, on the API thread, so the window can say so instead of asking again."""
    if isinstance(source, StoredCredentials):
        return source.profiles.secrets.reason(source.profile)
    return None


def _abort_all(clients: Iterable[ReceiptApi]) -> None:
    """``abort()`` each client's call in flight (thread-safe); never raises: cutting a
    request must never be what breaks the exit or the window."""
    for client in list(clients):
        try:
            client.abort()
        except Exception:
            log.exception("could not interrupt a request")


def failed_result(job: Job, error: BaseException) -> JobResult:
    """The result of ``job`` when it ended with ``error`` before producing anything."""
    if isinstance(job, StartupJob):
        return StartupResult(error=error)
    if isinstance(job, LookupJob):
        return LookupResult(error=error)
    if isinstance(job, CancelJob):
        return CancelResult(error=error)
    if isinstance(job, IssueJob):
        return IssueResult(error=error)
    if isinstance(job, TestConnectionJob):
        return TestConnectionResult(error=error)
    if isinstance(job, ReconcileJob):
        return ReconcileResult(error=error, stopped=isinstance(error, AppClosingError))
    if isinstance(job, SaveProfileJob):
        return SaveProfileResult(error=error)
    if isinstance(job, SecretCheckJob):
        return SecretCheckResult(job.profile, has_secret=False)
    if isinstance(job, SettingsJob):
        return SettingsResult(error=error)
    return CallResult(error=error)


class ApiWorker(QObject):
    """Runs PortOne calls and history writes on the API thread.

    Signals:
        finished(int, object): a job (its id) ended with this typed result
            (see :data:`iamport_desk.jobs.JobResult`), successfully or not.
        history_changed(list): the newest attempts (``list[HistoryEntry]``) after a write;
            after a recorded outcome it follows that job's ``finished``.
        unresolved_changed(int): how many attempts still have an unknown outcome (right
            after ``history_changed``).
    """

    finished = Signal(int, object)
    history_changed = Signal(list)
    unresolved_changed = Signal(int)

    RECENT = 20
    # The history is read and written on this thread; it is opened at the first job.

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
        # Set from the GUI thread by interrupt(): no new job starts, loops stop between rows.
        self._stopping = threading.Event()
        self._clients_lock = threading.Lock()
        self._running: Job | None = None  # the job on the API thread now (under the lock)
        self._open_clients: set[ReceiptApi] = set()  # every client that may be in a request
        self._publish_after_result = False  # _finish recorded an outcome (see run())

    # The client is rebuilt whenever the credentials differ (another profile, a
    # re-entered secret): a token is never carried over to another key or Tier.
    def _client_for(self, credentials: Credentials) -> ReceiptApi:
        if self._client is None or self._client_credentials != credentials:
            self._close_client()
            self._client = self._new_client(credentials)
            self._client_credentials = credentials
        return self._client

    def _new_client(self, credentials: Credentials) -> ReceiptApi:
        client = self._client_factory(credentials)
        with self._clients_lock:
            self._open_clients.add(client)
        return client

    def _release(self, client: ReceiptApi) -> None:
        with self._clients_lock:
            self._open_clients.discard(client)
        client.close()

    def _close_client(self) -> None:
        if self._client is not None:
            self._release(self._client)
        self._client = None
        self._client_credentials = None

    @property
    def holds_resources(self) -> bool:
        """True while a client or the history connection is open (False after shutdown)."""
        return self._client is not None or self._history is not None

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def interrupt(self) -> None:
        """Cut every request in flight and refuse new jobs; called from the GUI thread at exit.

        The ONE place where a request is interrupted: ``ReceiptApi.abort()`` (thread-safe) shuts
        the sockets down, which also wakes a blocked read (closing alone does not, on Linux). A
        DELETE cut here stays 'pending' in the history and is settled by a lookup at the next
        start, never sent again.
        """
        self._stopping.set()
        self._abort_open_clients()

    def abandon_lookup(self) -> bool:
        """From the GUI thread: the clerk stopped waiting for a lookup, so cut the read in
        flight (it ends at once with NetworkError "aborted") and keep the worker usable.

        Refused (False) while a cancellation or an issue runs: a DELETE or POST once sent
        cannot be taken back, only settled by a lookup, so it is left to finish.
        """
        with self._clients_lock:  # the job cannot change while we look and cut
            if isinstance(self._running, (CancelJob, IssueJob)):
                return False
            _abort_all(self._open_clients)
        return True

    def _abort_open_clients(self) -> None:
        with self._clients_lock:
            clients = list(self._open_clients)
        _abort_all(clients)

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
        with self._clients_lock:
            self._running = job
        try:
            if self._stopping.is_set() and not isinstance(job, SettingsJob):
                raise AppClosingError("the app is closing")
            result = self._dispatch(job)
        except AppClosingError as exc:
            result = failed_result(job, exc)
        except Exception as exc:
            if self._stopping.is_set():  # cut by interrupt(): expected at exit
                log.info("job %s interrupted at exit: %s", type(job).__name__, type(exc).__name__)
            else:
                log.exception("job %s failed", type(job).__name__)
            result = failed_result(job, exc)
        with self._clients_lock:
            self._running = None
        self.finished.emit(job.job_id, result)
        if self._publish_after_result:
            # After the result: the clerk's receipt first, the table a query later.
            self._publish_after_result = False
            self._publish_recorded()

    def _dispatch(self, job: Job) -> JobResult:
        if isinstance(job, StartupJob):
            return self._startup()
        if isinstance(job, LookupJob):
            return self._lookup(job)
        if isinstance(job, CancelJob):
            return self._cancel(job)
        if isinstance(job, IssueJob):
            return self._issue(job)
        if isinstance(job, TestConnectionJob):
            return self._test_connection(job)
        if isinstance(job, ReconcileJob):
            return self._reconcile(job)
        if isinstance(job, SaveProfileJob):
            return self._save_profile(job)
        if isinstance(job, SecretCheckJob):
            has_secret = job.profiles.credentials(job.profile) is not None
            return SecretCheckResult(job.profile, has_secret)
        if isinstance(job, SettingsJob):
            try:
                job.action()
            except OSError as exc:
                log.warning("could not write the settings (%s): %s", job.what, exc)
                return SettingsResult(error=exc)
            return SettingsResult()
        if isinstance(job, CallJob):
            return CallResult(value=job.action())
        raise TypeError(f"unknown job {type(job).__name__}")

    @staticmethod
    def _save_profile(job: SaveProfileJob) -> SaveProfileResult:
        from iamport_desk.credentials import CredentialError

        try:
            persistent = job.profiles.save_profile(
                job.profile, job.secret, previous_name=job.previous_name
            )
            job.profiles.set_active(job.profile.name)
        except (CredentialError, KeyError, OSError) as exc:  # the form shows these
            return SaveProfileResult(error=exc)
        return SaveProfileResult(persistent=persistent)

    def _startup(self) -> StartupResult:
        history = self._open_history()
        interrupted = history.recover_interrupted()
        self._publish_history()
        return StartupResult(interrupted=interrupted, notice=history.notice)

    def _lookup(self, job: LookupJob) -> LookupResult:
        # Imported here, not above: the StartupJob runs while the window is first
        # shown, and importing httpx then would compete with it for the GIL.
        from iamport_desk.errors import IamportError

        credentials = job.credentials.resolve()  # may read the keychain
        if credentials is None:
            return LookupResult(missing_secret=True, keychain_reason=_why_missing(job.credentials))
        try:
            receipt = self._client_for(credentials).lookup(job.merchant_uid)
        except IamportError as exc:
            return LookupResult(error=exc)
        return LookupResult(receipt=receipt)

    def _publish_history(self) -> None:
        history = self._open_history()
        self.history_changed.emit(history.recent(self.RECENT))
        self.unresolved_changed.emit(len(history.unresolved()))

    def _cancel(self, job: CancelJob) -> CancelResult:
        from iamport_desk.errors import IamportError

        credentials = job.credentials.resolve()  # may read the keychain
        if credentials is None:
            return CancelResult(missing_secret=True, keychain_reason=_why_missing(job.credentials))
        history = self._open_history()  # HistoryUnavailable -> no request is sent
        tier = credentials.tier_code
        previous = history.last_cancelled(
            job.merchant_uid, profile=job.profile, tier_code=tier, in_effect=True
        )
        if previous is not None:
            return CancelResult(already_cancelled=previous)
        settled, earlier_key = self._settle_unknown_first(job, credentials, history)
        if settled is not None:
            return settled
        # Audit first: a durable 'pending' row (why, what the lookup showed, the V2 key the
        # request will carry), or no request at all. After a lost answer that a lookup just
        # found not done, V2's POST goes again under that attempt's key: should PortOne still
        # be working on the first one, it answers with its result instead of acting twice.
        key = earlier_key or request_key(credentials)
        entry_id = history.begin(
            profile=job.profile,
            tier_code=tier,
            merchant_uid=job.merchant_uid,
            reason=job.reason,
            reason_note=job.reason_note,
            looked_up=job.looked_up,
            api=credentials.api.value,
            idempotency_key=key,
        )
        client = self._client_for(credentials)
        receipt: Receipt | None = None
        error: BaseException | None = None
        try:
            receipt = client.cancel(job.merchant_uid, idempotency_key=key)
        except IamportError as exc:
            error = exc
            outcome, fields = failure_fields(exc)
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
        # Refused: if PortOne has it cancelled already (elsewhere), the window shows that.
        found = (
            None if self._stopping.is_set() else found_cancelled(client, job.merchant_uid, error)
        )
        return CancelResult(
            receipt, entry, error, history_error=history_error, found_cancelled=found
        )

    def _settle_unknown_first(
        self, job: CancelJob, credentials: Credentials, history: History
    ) -> tuple[CancelResult | None, str | None]:
        """An earlier attempt on this order has no known outcome: ask PortOne (GET) before
        another DELETE, so a cancellation that did go through is never sent twice.

        Returns the result to give instead of sending (or None), and the V2 Idempotency-Key
        of the latest earlier attempt found not done, for the next request to reuse."""
        from iamport_desk.errors import IamportError, ReceiptNotFound

        earlier = [
            entry
            for entry in history.unresolved()
            if order_key(entry.merchant_uid) == order_key(job.merchant_uid)
            and entry.profile == job.profile
            and entry.tier_code == credentials.tier_code
        ]
        if not earlier:
            return None, None
        client = self._client_for(credentials)
        try:
            receipt: Receipt | None = client.lookup(job.merchant_uid)
        except ReceiptNotFound:
            receipt = None
        except IamportError as exc:
            return CancelResult(error=exc), None  # still unknown: no DELETE on a guess
        settled = [history.reconcile(entry.id, receipt) for entry in earlier]
        self._publish_history()
        if receipt is not None and receipt.is_cancelled:
            return CancelResult(already_cancelled=settled[-1], reconciled=tuple(settled)), None
        keys = [e.idempotency_key for e in earlier if e.api == "v2" and e.idempotency_key]
        reuse = keys[-1] if keys and credentials.api is StoreApi.V2 else None
        return None, reuse

    def _issue(self, job: IssueJob) -> IssueResult:
        from iamport_desk.issue_runner import run_issue

        credentials = job.credentials.resolve()  # may read the keychain; the channel key too
        if credentials is None:
            return IssueResult(missing_secret=True, keychain_reason=_why_missing(job.credentials))
        history = self._open_history()  # HistoryUnavailable -> no request is sent
        return run_issue(
            job,
            credentials,
            history,
            self._client_for(credentials),
            finish=self._finish,
            publish=self._publish_history,
        )

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
        self._publish_after_result = True
        return entry, None

    def _publish_recorded(self) -> None:
        from iamport_desk.history import HistoryUnavailable

        try:
            self._publish_history()
        except HistoryUnavailable as exc:
            log.warning("could not read the history back: %s", exc)

    def _test_connection(self, job: TestConnectionJob) -> TestConnectionResult:
        from iamport_desk.errors import IamportError

        credentials = job.credentials.resolve()  # may read the keychain
        if credentials is None:
            return TestConnectionResult(missing_secret=True)
        # A fresh client: testing must not disturb the one in use, nor reuse its token.
        client = self._new_client(credentials)
        try:
            return TestConnectionResult(tier_name=client.check_access())
        except IamportError as exc:
            return TestConnectionResult(error=exc)
        finally:
            self._release(client)

    def _reconcile(self, job: ReconcileJob) -> ReconcileResult:
        from iamport_desk.errors import ReceiptNotFound

        credentials = job.credentials.resolve()  # may read the keychain
        if credentials is None:
            return ReconcileResult(missing_secret=True)
        history = self._open_history()
        client = self._client_for(credentials)

        def lookup(entry: HistoryEntry) -> Receipt | None:
            try:
                return client.lookup(entry.merchant_uid)
            except ReceiptNotFound:
                return None

        # A row that cannot be settled stays unknown with why; the others go on.
        report = history.reconcile_all(
            lookup,
            include=lambda e: e.profile == job.profile and e.tier_code == credentials.tier_code,
            should_stop=self._stopping.is_set,  # closing: the rest waits for the next start
        )
        self._publish_history()
        return ReconcileResult(
            reconciled=report.settled, error=report.error, stopped=self._stopping.is_set()
        )

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

    Windows do not use it directly: they go through :class:`iamport_desk.service.DeskService`,
    which hands each result to whoever submitted the job.

    Signals:
        finished(int, object): forwarded from the worker (job id, typed result), delivered
            on the GUI thread.
        history_changed(list): forwarded from the worker.
        unresolved_changed(int): forwarded from the worker.
        submitted(Job): internal; carries a job across to the worker thread.
    """

    finished = Signal(int, object)
    history_changed = Signal(list)
    unresolved_changed = Signal(int)
    submitted = Signal(object)
    _shutdown = Signal()

    # How long stop() waits for a request that was interrupted to give the thread back.
    STOP_TIMEOUT_MS = 5_000

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

    @property
    def stopped(self) -> bool:
        """True once a stop was requested: no job is accepted any more."""
        return self._stopped

    def submit(self, job: Job) -> int:
        if self._stopped:
            raise RuntimeError("the API thread was stopped")
        self.submitted.emit(job)
        return job.job_id

    def request_stop(self) -> None:
        """Ask the thread to stop after the jobs already queued, without waiting.

        The window calls this when it closes, so that closing never blocks on a request in
        flight; ``stop()`` (at exit) then interrupts what is still running and waits.
        """
        if self._stopped:
            return
        self._stopped = True
        self._shutdown.emit()  # the worker quits its own loop once it has released everything

    def stop(self, timeout_ms: int | None = None) -> bool:
        """End the thread before the process ends: interrupt what runs, then wait (bounded).

        Returns False if the thread is still running after ``timeout_ms`` (a request that
        could not be interrupted); the caller must then not destroy this object.
        """
        self.request_stop()
        if self._thread.isFinished():
            return True
        self.worker.interrupt()
        ok = self._thread.wait(self.STOP_TIMEOUT_MS if timeout_ms is None else timeout_ms)
        if not ok:
            log.error("API thread did not stop within %d ms", timeout_ms or self.STOP_TIMEOUT_MS)
        return bool(ok)

    def wait(self, timeout_ms: int) -> bool:
        """Wait up to ``timeout_ms`` for the thread to end (asking nothing, cutting nothing)."""
        return bool(self._thread.isFinished() or self._thread.wait(timeout_ms))

    @property
    def running(self) -> bool:
        return bool(self._thread.isRunning())

    @property
    def finished_running(self) -> bool:
        return bool(self._thread.isFinished())


__all__ = ["ApiThread", "ApiWorker", "ClientFactory", "default_client_factory", "failed_result"]
