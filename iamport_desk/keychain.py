"""The OS keychain through ``keyring``, with a session-only fallback and a reason for each failure.

A locked, refused or denied keychain is not an absent secret: each get/set that does not
give a secret kept across restarts leaves a ``KeychainReason`` the UI turns into one
sentence (ui/words/keychain.py), so the clerk is never told "enter it again" when the
keychain, not the clerk, is the cause.

Platform details, from keyring's own backends:
- Windows (WinVaultKeyring) writes with *enterprise* persistence by default, which makes
  the secret roam to every domain PC the clerk signs in to; it is set to local-machine
  persistence here. An elevated or remote session may have no credential store of its own
  (ERROR_NO_SUCH_LOGON_SESSION, 1312).
- macOS wraps a denied access prompt (-128, user canceled) as KeyringLocked and a failed
  authorisation (-25293, errSecAuthFailed, e.g. an ad-hoc-signed build after an update) as
  PasswordSetError/KeyringError, with the Security framework's error as ``__cause__``.

``keyring`` is imported lazily: importing it costs start-up time.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from iamport_desk.logsetup import register_secret

log = logging.getLogger(__name__)

KEYRING_SERVICE = "iamport-desk"
# win32cred.CRED_PERSIST_LOCAL_MACHINE: the secret stays on this PC (and this user).
CRED_PERSIST_LOCAL_MACHINE = 2
_ERROR_NO_SUCH_LOGON_SESSION = 1312
_ERROR_ACCESS_DENIED = 5
_MAC_USER_CANCELED = -128
_MAC_AUTH_FAILED = -25293
_MAC_INTERACTION_NOT_ALLOWED = -25308


class KeychainReason(enum.StrEnum):
    """Why a secret is not (or not lastingly) available; ui/words/keychain.py words each."""

    ABSENT = "absent"  # no secret saved for this store on this PC
    NO_KEYCHAIN = "no_keychain"  # no system keychain at all
    DISABLED = "disabled"  # keyring is configured to the null backend
    UNSAFE = "unsafe"  # only a file-based keyring, which is not a keychain
    LOCKED = "locked"  # the keychain is locked and was not unlocked
    DENIED = "denied"  # access was denied at the system's prompt (or by macOS)
    NO_SESSION = "no_session"  # Windows: this (elevated/remote) session has no credential store
    REFUSED = "refused"  # the keychain refused the read or write for another reason
    WRITE_FAILED = "write_failed"  # it accepted the secret but did not keep it


@dataclass(frozen=True)
class KeychainStatus:
    """What the user is told about where the secret is kept."""

    persistent: bool
    backend_name: str  # human-readable; "" when there is no keychain
    reason: str | None  # why secrets are not kept across restarts; None when they are
    code: KeychainReason | None = None  # the same as a code; None when they are kept


_FRIENDLY_NAMES = {
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.SecretService.Keyring": "Secret Service",
    "keyring.backends.libsecret.Keyring": "Secret Service",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
}
_NO_KEYCHAIN = (
    "No system keychain is available, so the secret is kept only until the app is closed."
)
_Description = tuple[bool, str, str | None, KeychainReason | None]


def _describe_backend(backend: object | None) -> _Description:
    """(usable, human-readable name, reason and its code when unusable) for a backend."""
    if backend is None:
        return False, "", _NO_KEYCHAIN, KeychainReason.NO_KEYCHAIN
    import keyring.backends.chainer
    import keyring.backends.fail
    import keyring.backends.null

    cls = type(backend)
    qualified = f"{cls.__module__}.{cls.__qualname__}"
    if isinstance(backend, keyring.backends.fail.Keyring):
        return False, "", _NO_KEYCHAIN, KeychainReason.NO_KEYCHAIN
    if isinstance(backend, keyring.backends.null.Keyring):
        return (
            False,
            "",
            "The keychain is turned off in the keyring configuration, so the secret is kept "
            "only until the app is closed.",
            KeychainReason.DISABLED,
        )
    if cls.__module__.startswith("keyrings.alt.file"):
        # A plain-text file, or an encrypted one that asks for a password on the console
        # (which would hang a windowed app): neither is a keychain.
        return (
            False,
            cls.__name__,
            "Only a file-based keyring is installed, which is not a safe keychain; the "
            "secret is kept only until the app is closed.",
            KeychainReason.UNSAFE,
        )
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        for inner in _chained(backend):
            usable, name, _, _ = _describe_backend(inner)
            if usable:
                return True, name, None, None
        return False, "", _NO_KEYCHAIN, KeychainReason.NO_KEYCHAIN
    return True, _FRIENDLY_NAMES.get(qualified, cls.__name__), None, None


def _chained(backend: Any) -> list[Any]:
    try:
        return list(backend.backends)
    except Exception as exc:
        log.warning("Could not list keychain backends: %s", type(exc).__name__)
        return []


def _prefer_local_persistence(backend: Any) -> None:
    """Windows: keep the secret on this PC instead of letting it roam (keyring's default)."""
    import keyring.backends.chainer
    from keyring.backends.Windows import WinVaultKeyring

    inner = (
        _chained(backend)
        if isinstance(backend, keyring.backends.chainer.ChainerBackend)
        else [backend]
    )
    for candidate in inner:
        if isinstance(candidate, WinVaultKeyring):
            candidate.persist = CRED_PERSIST_LOCAL_MACHINE


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def keychain_error_reason(exc: BaseException) -> KeychainReason:
    """The reason code for an exception raised by a keyring backend (or its cause)."""
    import keyring.errors

    chain = list(_causes(exc))
    for error in chain:
        winerror = getattr(error, "winerror", None)
        if winerror == _ERROR_NO_SUCH_LOGON_SESSION:
            return KeychainReason.NO_SESSION
        status = error.args[0] if error.args and isinstance(error.args[0], int) else None
        if type(error).__name__ in ("KeychainDenied", "SecAuthFailure") or status in (
            _MAC_USER_CANCELED,
            _MAC_AUTH_FAILED,
        ):
            return KeychainReason.DENIED
        if status == _MAC_INTERACTION_NOT_ALLOWED:
            return KeychainReason.LOCKED
        if winerror == _ERROR_ACCESS_DENIED:
            return KeychainReason.REFUSED
    if any(isinstance(error, keyring.errors.KeyringLocked) for error in chain):
        return KeychainReason.LOCKED
    return KeychainReason.REFUSED


class SecretStore:
    """The keychain, through keyring, with a session-only fallback that is never written anywhere.

    Secrets read from or written to the keychain are cached in memory so that the
    keychain (which may prompt the user) is asked at most once per profile and session.
    A denied prompt is remembered too: the app does not ask macOS again on every click;
    saving the secret again (``set``) asks anew.
    """

    def __init__(self, backend: object | None = None) -> None:
        self._backend: Any = backend
        self._resolved = backend is not None
        self._prepared = False
        self._session: dict[str, str] = {}  # kept for this session only
        self._cache: dict[str, str] = {}  # known to be in the keychain
        self._reasons: dict[str, KeychainReason] = {}  # why get/set gave no lasting secret
        self._failure: str | None = None
        self._failure_code: KeychainReason | None = None

    def _resolve(self) -> Any:
        if not self._resolved:
            self._resolved = True
            try:
                import keyring

                self._backend = keyring.get_keyring()
            except Exception as exc:
                log.warning("No keychain backend could be loaded: %s", type(exc).__name__)
                self._backend = None
        return self._backend

    def _usable_backend(self) -> Any:
        backend = self._resolve()
        if not _describe_backend(backend)[0]:
            return None
        if not self._prepared:
            self._prepared = True
            try:
                _prefer_local_persistence(backend)
            except Exception as exc:
                log.warning("Could not set the keychain's persistence: %s", type(exc).__name__)
        return backend

    def status(self) -> KeychainStatus:
        """Whether secrets survive a restart, in which keychain, and why not."""
        usable, name, reason, code = _describe_backend(self._resolve())
        if usable and self._failure is not None:
            return KeychainStatus(False, name, self._failure, self._failure_code)
        return KeychainStatus(usable, name, reason, code)

    def reason(self, profile: str) -> KeychainReason | None:
        """Why ``profile`` has no secret kept across restarts (None: it has one, or not asked)."""
        if profile in self._cache:
            return None
        return self._reasons.get(profile)

    def get(self, profile: str) -> str | None:
        """The secret for ``profile``, or None (``reason()`` says why); never raises."""
        if profile in self._session:
            return self._session[profile]
        if profile in self._cache:
            return self._cache[profile]
        if self._reasons.get(profile) is KeychainReason.DENIED:
            return None  # do not raise the system's prompt again until the clerk saves anew
        backend = self._usable_backend()
        if backend is None:
            self._reasons[profile] = self.status().code or KeychainReason.NO_KEYCHAIN
            return None
        try:
            secret = backend.get_password(KEYRING_SERVICE, profile)
        except Exception as exc:
            code = keychain_error_reason(exc)
            self._reasons[profile] = code
            log.warning(
                "Reading the keychain failed for profile %r: %s (%s)",
                profile,
                type(exc).__name__,
                code,
            )
            return None
        if not isinstance(secret, str) or not secret:
            self._reasons[profile] = KeychainReason.ABSENT
            return None
        register_secret(secret)
        self._cache[profile] = secret
        self._reasons.pop(profile, None)
        return secret

    def set(self, profile: str, secret: str) -> bool:
        """Store the secret; True if in the keychain, False if kept for this session only."""
        register_secret(secret)
        self._session.pop(profile, None)
        self._cache.pop(profile, None)
        self._reasons.pop(profile, None)
        backend = self._usable_backend()
        if backend is None:
            self._reasons[profile] = self.status().code or KeychainReason.NO_KEYCHAIN
        else:
            try:
                backend.set_password(KEYRING_SERVICE, profile, secret)
                stored = backend.get_password(KEYRING_SERVICE, profile)
            except Exception as exc:
                code = keychain_error_reason(exc)
                # The exception text is not logged: a backend might echo its input.
                log.warning("Writing to the keychain failed: %s (%s)", type(exc).__name__, code)
                self._note_failure(
                    profile,
                    code,
                    f"The keychain refused to store the secret ({type(exc).__name__}); it is "
                    "kept only until the app is closed.",
                )
            else:
                if stored == secret:
                    self._cache[profile] = secret
                    self._failure = self._failure_code = None
                    return True
                log.warning("The keychain did not keep the secret for profile %r", profile)
                self._note_failure(
                    profile,
                    KeychainReason.WRITE_FAILED,
                    "The keychain did not keep the secret; it is kept only until the app is "
                    "closed.",
                )
            self._delete_from_keychain(backend, profile)  # no stale secret for next time
        self._session[profile] = secret
        return False

    def _note_failure(self, profile: str, code: KeychainReason, text: str) -> None:
        self._reasons[profile] = code
        self._failure = text
        self._failure_code = code

    def delete(self, profile: str) -> None:
        """Forget the secret in memory and in the keychain; a missing one is fine."""
        self._session.pop(profile, None)
        self._cache.pop(profile, None)
        self._reasons.pop(profile, None)
        backend = self._usable_backend()
        if backend is not None:
            self._delete_from_keychain(backend, profile)

    def rename(self, old: str, new: str) -> None:
        """Move the secret to a new profile name (and never leave one under the old name)."""
        if old == new:
            return
        secret = self.get(old)
        if secret is None:
            self.delete(new)  # a stale secret must not attach itself to the new name
        else:
            self.set(new, secret)
        self.delete(old)

    def has_persistent_secret(self, profile: str) -> bool:
        """True if the profile's secret is in the keychain (survives a restart)."""
        return profile not in self._session and self.get(profile) is not None

    @staticmethod
    def _delete_from_keychain(backend: Any, profile: str) -> None:
        import keyring.errors

        try:
            backend.delete_password(KEYRING_SERVICE, profile)
        except keyring.errors.PasswordDeleteError:
            pass
        except Exception as exc:
            log.warning("Deleting from the keychain failed: %s", type(exc).__name__)

    def __repr__(self) -> str:
        loaded = self._resolved
        name = (_describe_backend(self._backend)[1] or "none") if loaded else "not loaded yet"
        return (
            f"SecretStore(backend={name!r}, keychain={sorted(self._cache)!r}, "
            f"session_only={sorted(self._session)!r})"
        )
