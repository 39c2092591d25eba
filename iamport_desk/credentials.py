"""Store profiles: the non-secret part in the settings file, the secret in the OS keychain.

The REST API secret can cancel any payment of a store, so it is treated like a bank
password: it goes to the OS keychain (``iamport_desk.keychain.SecretStore``), or, when
there is no usable keychain, it is kept in memory for this session only and the user is
told. It is never written to a file, a log line, an exception message or a ``repr()``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar

from iamport_desk import rules
from iamport_desk.keychain import KEYRING_SERVICE, KeychainReason, KeychainStatus, SecretStore
from iamport_desk.models import Credentials, Profile, StoreApi
from iamport_desk.rules import validate_proxy_url
from iamport_desk.settings import (
    LANGUAGES,
    Settings,
    SettingsChange,
    load_settings,
    update_settings,
)

__all__ = [
    "KEYRING_SERVICE",
    "CredentialError",
    "KeychainReason",
    "KeychainStatus",
    "ProfileStore",
    "SecretStore",
    "clean_profile",
    "clean_secret",
    "secret_field",
    "validate_api_base",
    "validate_channel_key",
    "validate_imp_key",
    "validate_imp_secret",
    "validate_profile_name",
    "validate_store_id",
    "validate_tier_code",
    "validate_v2_api_secret",
    "validate_v2_base_url",
]

log = logging.getLogger(__name__)


class CredentialError(rules.RuleError):
    """A problem the user can fix in the form; never carries the value it refers to.

    ``field`` is one of "name", "imp_key", "imp_secret", "tier_code", "api_base" (V2 stores:
    "api_secret", "store_id"); ``kind`` says what is wrong ("empty", "whitespace", "control",
    "non_ascii", "format", "duplicate", "too_long", "too_short") so the UI can show a
    translated sentence. An http address to
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


def validate_v2_api_secret(raw: str) -> str:
    """A V2 store's API secret (printable ASCII, 16..512 characters), or CredentialError."""
    return _checked(lambda: rules.validate_v2_api_secret(raw))


def validate_store_id(raw: str | None) -> str | None:
    """A V2 store id ("store-..."), None when none was given, or CredentialError."""
    return _checked(lambda: rules.validate_store_id(raw))


def validate_channel_key(raw: str | None) -> str | None:
    """A channel key ("channel-key-..."), None when none was given, or CredentialError."""
    return _checked(lambda: rules.validate_channel_key(raw))


def validate_v2_base_url(raw: str) -> str:
    """A V2 store's host (https://api.portone.io or this computer), or CredentialError."""
    return _checked(lambda: rules.validate_v2_base_url(raw))


def secret_field(api: StoreApi) -> str:
    """The form field that holds the secret of a store of this kind."""
    return "api_secret" if api is StoreApi.V2 else "imp_secret"


def clean_profile(profile: Profile, existing: Iterable[str] = ()) -> Profile:
    """``profile`` validated by the rules of its kind (fields of the other kind dropped)."""
    name = validate_profile_name(profile.name, existing)
    if profile.api is StoreApi.V2:
        return Profile(
            name=name,
            api=StoreApi.V2,
            store_id=validate_store_id(profile.store_id),
            api_base=validate_v2_base_url(profile.api_base),
            channel_key=validate_channel_key(profile.channel_key),
        )
    return Profile(
        name=name,
        imp_key=validate_imp_key(profile.imp_key),
        tier_code=validate_tier_code(profile.tier_code),
        api_base=validate_api_base(profile.api_base),
        channel_key=validate_channel_key(profile.channel_key),
    )


def clean_secret(api: StoreApi, raw: str) -> str:
    """The secret of a store of kind ``api``, validated; the error never holds the value."""
    return validate_v2_api_secret(raw) if api is StoreApi.V2 else validate_imp_secret(raw)


class ProfileStore:
    """Profiles (non-secret, in settings) together with their secrets (SecretStore).

    Every change is validated first, then merged into the settings file as it is on disk
    now (``settings.update_settings``): another copy of the app running at the same time
    keeps what it changed. An OSError from writing propagates and leaves both the file and
    this object unchanged. ``notice`` holds the message from loading the settings (e.g. a
    damaged file) for the UI.

    ``session_hosts`` sends every store of a kind to one host for this session, whatever its
    profile says (the demo: V1 stores to the V1 simulator, V2 stores to the V2 one); it is
    applied by ``credentials()`` and never written to the file.
    """

    def __init__(
        self,
        settings_path: Path,
        secrets: SecretStore,
        *,
        session_hosts: Mapping[StoreApi, str] | None = None,
    ) -> None:
        self._path = settings_path
        self._secrets = secrets
        self._session_hosts = {
            api: validate_api_base(h) for api, h in (session_hosts or {}).items()
        }
        self._settings, notice = load_settings(settings_path)
        self.notice: str | None = notice

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def secrets(self) -> SecretStore:
        return self._secrets

    @property
    def settings_path(self) -> Path:
        return self._path

    def session_host(self, api: StoreApi) -> str | None:
        """Where every store of kind ``api`` is sent this session, or None (its own host)."""
        return self._session_hosts.get(api)

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

        def change(current: Settings) -> Settings:
            if not _has(current, name):
                raise KeyError(name)  # removed by another copy meanwhile
            return dataclasses.replace(current, active_profile=name)

        self._persist(change)

    def save_profile(
        self, profile: Profile, secret: str | None, *, previous_name: str | None = None
    ) -> bool:
        """Add a profile (``previous_name`` None) or update/rename the one named ``previous_name``.

        ``secret`` None keeps the existing secret (required when adding, and when the store
        changes from V1 to V2 or back: the other API's secret would be refused). The secret
        of a V2 store is its API secret, kept like V1's under the profile name. Returns
        whether the secret is kept in the keychain (False: this session only). Raises
        CredentialError for invalid input, a name already in use included (also by a
        profile another copy of the app added meanwhile), and KeyError when
        ``previous_name`` names no profile.
        """
        current = self._settings.profiles
        before = self.get(previous_name) if previous_name is not None else None
        if previous_name is not None and before is None:
            raise KeyError(previous_name)
        others = [p.name for p in current if p.name != previous_name]
        clean = clean_profile(profile, others)
        new_secret = clean_secret(clean.api, secret) if secret is not None else None
        if new_secret is None and (before is None or before.api is not clean.api):
            label = "V2 API" if clean.api is StoreApi.V2 else "REST API"
            raise CredentialError(
                f"The {label} secret is empty.", field=secret_field(clean.api), kind="empty"
            )

        def change(now: Settings) -> Settings:
            if previous_name is not None and not _has(now, previous_name):
                raise KeyError(previous_name)  # deleted by another copy meanwhile
            validate_profile_name(
                clean.name, [p.name for p in now.profiles if p.name != previous_name]
            )
            if previous_name is None:
                profiles = (*now.profiles, clean)
            else:
                profiles = tuple(clean if p.name == previous_name else p for p in now.profiles)
            active = now.active_profile
            if active is None or active == previous_name:
                active = clean.name
            return dataclasses.replace(now, profiles=profiles, active_profile=active)

        self._persist(change)

        renamed = previous_name is not None and previous_name != clean.name
        if new_secret is not None:
            persistent = self._secrets.set(clean.name, new_secret)
            if renamed and previous_name is not None:
                self._secrets.delete(previous_name)
            return persistent
        if renamed and previous_name is not None:
            self._secrets.rename(previous_name, clean.name)
        return self._secrets.has_persistent_secret(clean.name)

    def delete_profile(self, name: str) -> None:
        """Remove the profile and its secret; the first remaining one becomes active if needed."""

        def change(now: Settings) -> Settings:
            profiles = tuple(p for p in now.profiles if p.name != name)
            active = now.active_profile
            if active == name:
                active = profiles[0].name if profiles else None
            return dataclasses.replace(now, profiles=profiles, active_profile=active)

        self._persist(change)
        self._secrets.delete(name)

    def credentials(self, name: str | None = None) -> Credentials | None:
        """Everything a client needs for ``name`` (the active store by default), or None.

        None when the secret is not available: ``secrets.reason(name)`` says why. The host
        is the profile's, or this session's for its kind (``session_host``).
        """
        profile = self.get(name) if name is not None else self.active()
        if profile is None:
            return None
        secret = self._secrets.get(profile.name)
        if secret is None:
            return None
        credentials = profile.with_secret(secret, proxy=self._settings.proxy)
        host = self._session_hosts.get(profile.api)
        return credentials if host is None else dataclasses.replace(credentials, api_base=host)

    def set_language(self, language: str) -> None:
        """Persist the UI language; ValueError if it is not one of LANGUAGES."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._persist(lambda now: dataclasses.replace(now, language=language))

    def set_window_geometry(self, geometry: str | None) -> None:
        self._persist(lambda now: dataclasses.replace(now, window_geometry=geometry))

    def set_history_columns(self, state: str | None) -> None:
        """Remember the history table's columns (``ui.history_columns``' opaque text)."""
        self._persist(lambda now: dataclasses.replace(now, history_columns=state))

    def set_proxy(self, proxy: str | None) -> None:
        """Use ``proxy`` (http(s)://host:port) for every store; None or "" for the system's.

        ValueError when it is not such an address.
        """
        clean = validate_proxy_url(proxy)
        self._persist(lambda now: dataclasses.replace(now, proxy=clean))

    def reload(self) -> Settings:
        """Read the settings again (e.g. to see what another copy changed)."""
        self._settings, _ = load_settings(self._path)
        return self._settings

    def _persist(self, change: SettingsChange) -> None:
        self._settings = update_settings(self._path, change)

    def __repr__(self) -> str:
        names = [p.name for p in self._settings.profiles]
        return (
            f"ProfileStore(path={str(self._path)!r}, profiles={names!r}, secrets={self._secrets!r})"
        )


def _has(settings: Settings, name: str) -> bool:
    return any(p.name == name for p in settings.profiles)
