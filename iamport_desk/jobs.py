"""What the windows ask of the API thread, and what comes back: one typed result per job kind.

Qt-free plain data. A job names where its credentials come from instead of carrying the
secret: reading the keychain may wait on a system prompt, so it happens on the API thread
(``CredentialsSource.resolve``), never on the GUI thread. Errors travel as exception
*values*: they are never raised on the GUI thread, only turned into a sentence.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from iamport_desk.models import CancelReason, Credentials, HistoryEntry, Profile, Receipt

if TYPE_CHECKING:
    from iamport_desk.credentials import ProfileStore
    from iamport_desk.reissue_draft import ReissueDraft

_job_ids = itertools.count(1)


# ---- where the credentials come from ---------------------------------------------------


class CredentialsSource(Protocol):
    """Gives the credentials of a job; called on the API thread only."""

    def resolve(self) -> Credentials | None: ...


@dataclass(frozen=True)
class GivenCredentials:
    """Credentials already known (typed into a form): nothing to read."""

    credentials: Credentials

    def resolve(self) -> Credentials:
        return self.credentials


@dataclass(frozen=True)
class StoredCredentials:
    """A saved profile's credentials, its secret read from the keychain when resolved.

    ``api_base_override`` (--api-base, the demo) replaces the profile's address.
    """

    profiles: ProfileStore = field(repr=False)
    profile: str
    api_base_override: str | None = None

    def resolve(self) -> Credentials | None:
        credentials = self.profiles.credentials(self.profile)
        if credentials is not None and self.api_base_override is not None:
            credentials = replace(credentials, api_base=self.api_base_override)
        return credentials


# ---- jobs (GUI -> worker) --------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    job_id: int = field(default_factory=lambda: next(_job_ids), init=False)


@dataclass(frozen=True)
class StartupJob(Job):
    """Open the history, turn crash leftovers into 'unknown', report recent attempts."""


@dataclass(frozen=True)
class LookupJob(Job):
    credentials: CredentialsSource
    merchant_uid: str


@dataclass(frozen=True)
class CancelDecision:
    """What the clerk confirmed before a cancellation: why (취소사유) and, for 기타, a memo
    (``rules.validate_reason_note`` decides whether the memo is acceptable)."""

    reason: CancelReason = CancelReason.TRANSACTION_CANCELLED
    note: str | None = None


@dataclass(frozen=True)
class CancelJob(Job):
    """Cancel one receipt. ``reason``/``reason_note`` and ``looked_up`` (the receipt the
    clerk saw) go into the pending row before the request; None reads "not recorded"."""

    credentials: CredentialsSource
    profile: str
    merchant_uid: str
    reason: CancelReason | None = None
    reason_note: str | None = None
    looked_up: Receipt | None = None


@dataclass(frozen=True)
class TestConnectionJob(Job):
    credentials: CredentialsSource


@dataclass(frozen=True)
class ReconcileJob(Job):
    """Check every 'unknown' attempt of one profile by looking the receipt up."""

    credentials: CredentialsSource
    profile: str


@dataclass(frozen=True)
class SaveProfileJob(Job):
    """Write a profile to the settings and its secret to the keychain (ProfileStore.save_profile),
    then make it the active one."""

    profiles: ProfileStore = field(repr=False)
    profile: Profile
    secret: str | None = field(repr=False)
    previous_name: str | None


@dataclass(frozen=True)
class SecretCheckJob(Job):
    """Is a secret saved for ``profile``? (a keychain read)"""

    profiles: ProfileStore = field(repr=False)
    profile: str


@dataclass(frozen=True)
class SettingsJob(Job):
    """A settings write (``ProfileStore.set_active`` and the like), queued off the GUI thread."""

    action: Callable[[], object] = field(repr=False)
    what: str


@dataclass(frozen=True)
class IssueJob(Job):
    """Issue one cash receipt (the correction's second half): ONE POST, never resent.

    The channel key is read from the resolved credentials on the API thread; ``draft`` names
    the cancelled order it corrects (``draft.corrects_uid``), linked in the history.
    """

    credentials: CredentialsSource
    profile: str
    draft: ReissueDraft


@dataclass(frozen=True)
class CallJob(Job):
    """Any other blocking call the GUI needs done (a history read); returns its value."""

    action: Callable[[], object] = field(repr=False)
    what: str


# ---- results (worker -> the one who submitted the job) ---------------------------------


@dataclass(frozen=True)
class StartupResult:
    interrupted: int = 0  # attempts found 'pending' from a crash
    error: BaseException | None = None
    notice: str | None = None  # the history opened in a mode to tell of ("network": no WAL)


@dataclass(frozen=True)
class LookupResult:
    receipt: Receipt | None = None
    error: BaseException | None = None
    missing_secret: bool = False  # no secret saved for the profile: nothing was sent
    keychain_reason: str | None = None  # with missing_secret: why (keychain.KeychainReason)


@dataclass(frozen=True)
class CancelResult:
    receipt: Receipt | None = None
    entry: HistoryEntry | None = None
    error: BaseException | None = None
    already_cancelled: HistoryEntry | None = None  # duplicate guard hit: no DELETE sent
    found_cancelled: Receipt | None = None  # refused; a lookup found it cancelled elsewhere
    reconciled: tuple[HistoryEntry, ...] = ()
    history_error: BaseException | None = None  # the outcome could not be recorded
    missing_secret: bool = False
    keychain_reason: str | None = None


@dataclass(frozen=True)
class TestConnectionResult:
    tier_name: str | None = None
    error: BaseException | None = None
    missing_secret: bool = False


@dataclass(frozen=True)
class ReconcileResult:
    reconciled: tuple[HistoryEntry, ...] = ()
    error: BaseException | None = None
    missing_secret: bool = False
    stopped: bool = False  # the app was closing: the rest is left for the next start


@dataclass(frozen=True)
class SaveProfileResult:
    persistent: bool = False  # the secret is in the keychain (False: this session only)
    error: BaseException | None = None


@dataclass(frozen=True)
class SecretCheckResult:
    profile: str
    has_secret: bool


@dataclass(frozen=True)
class SettingsResult:
    error: BaseException | None = None


@dataclass(frozen=True)
class IssueResult:
    """How an :class:`IssueJob` ended. ``entry`` is the issue row and ``corrects`` the
    cancellation it corrects (as read back after the outcome: it names ``entry``).

    Nothing was sent when ``missing_secret``, ``missing_channel_key``, ``settled`` (an earlier
    attempt whose answer was lost turned out, by lookup, to have issued it) or
    ``already_corrected`` (this cancellation already has its issued correction) is set, or
    when ``error`` came from the lookup that settles an earlier attempt. ``derived_order``:
    PortOne said the order number already has a receipt, a lookup found none in effect under
    it, and this is the one to offer instead. ``in_effect``: PortOne said "already issued" and
    a lookup found that receipt in effect, so no other number is offered (one sale, one live
    receipt).
    """

    receipt: Receipt | None = None
    entry: HistoryEntry | None = None
    corrects: HistoryEntry | None = None
    error: BaseException | None = None
    derived_order: str | None = None
    settled: HistoryEntry | None = None
    already_corrected: HistoryEntry | None = None
    reconciled: tuple[HistoryEntry, ...] = ()
    history_error: BaseException | None = None  # the outcome could not be recorded
    missing_secret: bool = False
    keychain_reason: str | None = None
    missing_channel_key: bool = False
    in_effect: Receipt | None = None


@dataclass(frozen=True)
class CallResult:
    value: object = None
    error: BaseException | None = None


JobResult = (
    StartupResult
    | LookupResult
    | CancelResult
    | TestConnectionResult
    | ReconcileResult
    | SaveProfileResult
    | SecretCheckResult
    | SettingsResult
    | CallResult
    | IssueResult
)


class AppClosingError(RuntimeError):
    """The API thread is stopping: the job was not run."""


__all__ = [
    "AppClosingError",
    "CallJob",
    "CallResult",
    "CancelDecision",
    "CancelJob",
    "CancelResult",
    "CredentialsSource",
    "FormCredentials",
    "GivenCredentials",
    "IssueJob",
    "IssueResult",
    "Job",
    "JobResult",
    "LookupJob",
    "LookupResult",
    "ReconcileJob",
    "ReconcileResult",
    "SaveProfileJob",
    "SaveProfileResult",
    "SecretCheckJob",
    "SecretCheckResult",
    "SettingsJob",
    "SettingsResult",
    "StartupJob",
    "StartupResult",
    "StoredCredentials",
    "TestConnectionJob",
    "TestConnectionResult",
]


@dataclass(frozen=True)
class FormCredentials:
    """What a form describes, with the secret saved for ``stored_profile`` when the form's
    secret field was left empty (read from the keychain when resolved)."""

    profiles: ProfileStore = field(repr=False)
    stored_profile: str
    imp_key: str
    tier_code: str | None
    api_base: str

    def resolve(self) -> Credentials | None:
        stored = self.profiles.credentials(self.stored_profile)
        if stored is None:
            return None
        return Credentials(self.imp_key, stored.imp_secret, self.tier_code, self.api_base)
