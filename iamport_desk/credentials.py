"""Store profiles: the non-secret part in the settings file, the secret in the OS keychain.

The REST API secret can cancel any payment of a store, so it is treated like a bank
password: it goes to the OS keychain through ``keyring``, or, when there is no usable
keychain, it is kept in memory for this session only and the user is told. It is never
written to a file, a log line, an exception message or a ``repr()``.

``keyring`` is imported lazily, inside methods: importing it costs measurable start-up
time and the first window must appear before the keychain is needed.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from iamport_desk import rules
from iamport_desk.logsetup import register_secret
from iamport_desk.models import Credentials, Profile
from iamport_desk.settings import LANGUAGES, Settings, load_settings, save_settings

log = logging.getLogger(__name__)

KEYRING_SERVICE = "iamport-desk"


class CredentialError(rules.RuleError):
    """A problem the user can fix in the form; never carries the value it refers to.

    ``field`` is one of "name", "imp_key", "imp_secret", "tier_code", "api_base";
    ``kind`` says what is wrong ("empty", "whitespace", "control", "non_ascii", "format",
    "duplicate", "too_long") so the UI can show a translated sentence. An http address to
    another computer is a "format" error of "api_base" (the fix is the same: use https).
    The rules themselves live in :mod:`iamport_desk.rules`; the functions below only turn
    their RuleError into this type, which the dialog catches.
    """

    def __repr__(self) -> str:
        return f"CredentialError(field={self.field!r}, kind={self.kind!r}, message={self!s})"


_T = TypeVar("_T")


def _checked(rule: Callable[[], _T]) -> _T:
    try:
        return rule()
    except CredentialError:
        raise
    except rules.RuleError as exc:
        raise CredentialError(str(exc), field=exc.field, kind=exc.kind) from None


def validate_profile_name(raw: str, existing: Iterable[str] = ()) -> str:
    """Return the cleaned profile name (stripped, Unicode NFC) or raise CredentialError."""
    return _checked(lambda: rules.validate_profile_name(raw, existing))


def validate_imp_key(raw: str) -> str:
    """Return the REST API key without surrounding whitespace, or raise CredentialError."""
    return _checked(lambda: rules.validate_imp_key(raw))


def validate_imp_secret(raw: str) -> str:
    """Like the key; the error message never contains the value."""
    return _checked(lambda: rules.validate_imp_secret(raw))


def validate_tier_code(raw: str | None) -> str | None:
    """The 3-character tier code in upper case, None when none was given, or CredentialError."""
    return _checked(lambda: rules.validate_tier_code(raw))


def validate_api_base(raw: str) -> str:
    """``scheme://host[:port][/prefix]`` without a trailing slash, or CredentialError."""
    return _checked(lambda: rules.validate_base_url(raw))


@dataclass(frozen=True)
class KeychainStatus:
    """What the user is told about where the secret is kept."""

    persistent: bool
    backend_name: str  # human-readable; "" when there is no keychain
    reason: str | None  # why secrets are not kept across restarts; None when they are


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


def _describe_backend(backend: object | None) -> tuple[bool, str, str | None]:
    """(usable, human-readable name, reason when unusable) for a keyring backend."""
    if backend is None:
        return False, "", _NO_KEYCHAIN
    import keyring.backends.chainer
    import keyring.backends.fail
    import keyring.backends.null

    cls = type(backend)
    qualified = f"{cls.__module__}.{cls.__qualname__}"
    if isinstance(backend, keyring.backends.fail.Keyring):
        return False, "", _NO_KEYCHAIN
    if isinstance(backend, keyring.backends.null.Keyring):
        return (
            False,
            "",
            (
                "The keychain is turned off in the keyring configuration, so the secret is kept "
                "only until the app is closed."
            ),
        )
    if cls.__module__.startswith("keyrings.alt.file"):
        # A plain-text file, or an encrypted one that asks for a password on the console
        # (which would hang a windowed app): neither is a keychain.
        return (
            False,
            cls.__name__,
            (
                "Only a file-based keyring is installed, which is not a safe keychain; the "
                "secret is kept only until the app is closed."
            ),
        )
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        try:
            chained = list(backend.backends)
        except Exception as exc:
            log.warning("Could not list keychain backends: %s", type(exc).__name__)
            chained = []
        for inner in chained:
            usable, name, _ = _describe_backend(inner)
            if usable:
                return True, name, None
        return False, "", _NO_KEYCHAIN
    return True, _FRIENDLY_NAMES.get(qualified, cls.__name__), None


class SecretStore:
    """The keychain, through keyring, with a session-only fallback that is never written anywhere.

    Secrets read from or written to the keychain are cached in memory so that the
    keychain (which may prompt the user) is asked at most once per profile and session.
    """

    def __init__(self, backend: object | None = None) -> None:
        self._backend: Any = backend
        self._resolved = backend is not None
        self._session: dict[str, str] = {}  # kept for this session only
        self._cache: dict[str, str] = {}  # known to be in the keychain
        self._failure: str | None = None

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
        usable, _, _ = _describe_backend(backend)
        return backend if usable else None

    def status(self) -> KeychainStatus:
        """Whether secrets survive a restart, in which keychain, and why not."""
        usable, name, reason = _describe_backend(self._resolve())
        if usable and self._failure is not None:
            return KeychainStatus(False, name, self._failure)
        return KeychainStatus(usable, name, reason)

    def get(self, profile: str) -> str | None:
        """The secret for ``profile``, or None; keychain errors are logged, not raised."""
        if profile in self._session:
            return self._session[profile]
        if profile in self._cache:
            return self._cache[profile]
        backend = self._usable_backend()
        if backend is None:
            return None
        try:
            secret = backend.get_password(KEYRING_SERVICE, profile)
        except Exception as exc:
            log.warning(
                "Reading the keychain failed for profile %r: %s", profile, type(exc).__name__
            )
            return None
        if not isinstance(secret, str) or not secret:
            return None
        register_secret(secret)
        self._cache[profile] = secret
        return secret

    def set(self, profile: str, secret: str) -> bool:
        """Store the secret; True if in the keychain, False if kept for this session only."""
        register_secret(secret)
        self._session.pop(profile, None)
        self._cache.pop(profile, None)
        backend = self._usable_backend()
        if backend is not None:
            try:
                backend.set_password(KEYRING_SERVICE, profile, secret)
                stored = backend.get_password(KEYRING_SERVICE, profile)
            except Exception as exc:
                # The exception text is not logged: a backend might echo its input.
                log.warning("Writing to the keychain failed: %s", type(exc).__name__)
                self._failure = (
                    f"The keychain refused to store the secret ({type(exc).__name__}); it is "
                    "kept only until the app is closed."
                )
            else:
                if stored == secret:
                    self._cache[profile] = secret
                    self._failure = None
                    return True
                log.warning("The keychain did not keep the secret for profile %r", profile)
                self._failure = (
                    "The keychain did not keep the secret; it is kept only until the app is closed."
                )
            self._delete_from_keychain(backend, profile)  # no stale secret for next time
        self._session[profile] = secret
        return False

    def delete(self, profile: str) -> None:
        """Forget the secret in memory and in the keychain; a missing one is fine."""
        self._session.pop(profile, None)
        self._cache.pop(profile, None)
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


class ProfileStore:
    """Profiles (non-secret, in settings) together with their secrets (SecretStore).

    Every change is validated first and written to the settings file atomically; an
    OSError from writing propagates and leaves both the file and this object unchanged.
    ``notice`` holds the message from loading the settings (e.g. a damaged file) for the UI.
    """

    def __init__(self, settings_path: Path, secrets: SecretStore) -> None:
        self._path = settings_path
        self._secrets = secrets
        self._settings, notice = load_settings(settings_path)
        self.notice: str | None = notice

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def secrets(self) -> SecretStore:
        return self._secrets

    def profiles(self) -> tuple[Profile, ...]:
        return self._settings.profiles

    def get(self, name: str) -> Profile | None:
        return next((p for p in self._settings.profiles if p.name == name), None)

    def active(self) -> Profile | None:
        name = self._settings.active_profile
        return self.get(name) if name is not None else None

    def set_active(self, name: str) -> None:
        """Make ``name`` the active store; KeyError if there is no such profile."""
        if self.get(name) is None:
            raise KeyError(name)
        self._persist(dataclasses.replace(self._settings, active_profile=name))

    def save_profile(
        self, profile: Profile, secret: str | None, *, previous_name: str | None = None
    ) -> bool:
        """Add a profile (``previous_name`` None) or update/rename the one named ``previous_name``.

        ``secret`` None keeps the existing secret (required when adding). Returns whether
        the secret is kept in the keychain (False: this session only). Raises
        CredentialError for invalid input, a name already in use included, and KeyError
        when ``previous_name`` names no profile.
        """
        current = self._settings.profiles
        if previous_name is not None and self.get(previous_name) is None:
            raise KeyError(previous_name)
        others = [p.name for p in current if p.name != previous_name]
        clean = Profile(
            name=validate_profile_name(profile.name, others),
            imp_key=validate_imp_key(profile.imp_key),
            tier_code=validate_tier_code(profile.tier_code),
            api_base=validate_api_base(profile.api_base),
        )
        clean_secret = validate_imp_secret(secret) if secret is not None else None
        if clean_secret is None and previous_name is None:
            raise CredentialError("The REST API secret is empty.", field="imp_secret", kind="empty")

        if previous_name is None:
            profiles = (*current, clean)
        else:
            profiles = tuple(clean if p.name == previous_name else p for p in current)
        active = self._settings.active_profile
        if active is None or active == previous_name:
            active = clean.name
        self._persist(dataclasses.replace(self._settings, profiles=profiles, active_profile=active))

        renamed = previous_name is not None and previous_name != clean.name
        if clean_secret is not None:
            persistent = self._secrets.set(clean.name, clean_secret)
            if renamed and previous_name is not None:
                self._secrets.delete(previous_name)
            return persistent
        if renamed and previous_name is not None:
            self._secrets.rename(previous_name, clean.name)
        return self._secrets.has_persistent_secret(clean.name)

    def delete_profile(self, name: str) -> None:
        """Remove the profile and its secret; the first remaining one becomes active if needed."""
        profiles = tuple(p for p in self._settings.profiles if p.name != name)
        active = self._settings.active_profile
        if active == name:
            active = profiles[0].name if profiles else None
        if profiles != self._settings.profiles or active != self._settings.active_profile:
            self._persist(
                dataclasses.replace(self._settings, profiles=profiles, active_profile=active)
            )
        self._secrets.delete(name)

    def credentials(self, name: str | None = None) -> Credentials | None:
        """Everything a client needs for ``name`` (the active store by default), or None."""
        profile = self.get(name) if name is not None else self.active()
        if profile is None:
            return None
        secret = self._secrets.get(profile.name)
        if secret is None:
            return None
        return Credentials(
            imp_key=profile.imp_key,
            imp_secret=secret,
            tier_code=profile.tier_code,
            api_base=profile.api_base,
        )

    def set_language(self, language: str) -> None:
        """Persist the UI language; ValueError if it is not one of LANGUAGES."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._persist(dataclasses.replace(self._settings, language=language))

    def set_window_geometry(self, geometry: str | None) -> None:
        self._persist(dataclasses.replace(self._settings, window_geometry=geometry))

    def _persist(self, settings: Settings) -> None:
        save_settings(self._path, settings)
        self._settings = settings

    def __repr__(self) -> str:
        names = [p.name for p in self._settings.profiles]
        return (
            f"ProfileStore(path={str(self._path)!r}, profiles={names!r}, secrets={self._secrets!r})"
        )
