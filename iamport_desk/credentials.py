"""Store profiles: the non-secret part in the settings file, the secret in the OS keychain.

The REST API secret can cancel any payment of a store, so it is treated like a bank
password: it goes to the OS keychain (``iamport_desk.keychain.SecretStore``), or, when
there is no usable keychain, it is kept in memory for this session only and the user is
told. It is never written to a file, a log line, an exception message or a ``repr()``.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from iamport_desk.hosts import is_loopback_host
from iamport_desk.keychain import KEYRING_SERVICE, KeychainReason, KeychainStatus, SecretStore
from iamport_desk.models import Credentials, Profile
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
    "validate_api_base",
    "validate_imp_key",
    "validate_imp_secret",
    "validate_profile_name",
    "validate_tier_code",
]

log = logging.getLogger(__name__)

MAX_NAME_LENGTH = 40
MAX_TOKEN_LENGTH = 200  # PortOne keys are ~16 and secrets ~80 characters
_TIER_RE = re.compile(r"[A-Z0-9]{3}")


class CredentialError(ValueError):
    """A problem the user can fix in the form; never carries the value it refers to.

    ``field`` is one of "name", "imp_key", "imp_secret", "tier_code", "api_base";
    ``kind`` says what is wrong ("empty", "whitespace", "control", "non_ascii", "format",
    "duplicate", "too_long") so the UI can show a translated sentence. An http address to
    another computer is a "format" error of "api_base" (the fix is the same: use https).
    """

    def __init__(self, message: str, *, field: str, kind: str) -> None:
        super().__init__(message)
        self.field = field
        self.kind = kind

    def __repr__(self) -> str:
        return f"CredentialError(field={self.field!r}, kind={self.kind!r}, message={self!s})"


_FIELD_LABELS = {
    "imp_key": "The REST API key",
    "imp_secret": "The REST API secret",
    "api_base": "The API address",
}


def _is_control(char: str) -> bool:
    # Cc/Cf/Cs/Co/Cn and line/paragraph separators: invisible or layout-breaking
    # characters, which also make two names look the same.
    return unicodedata.category(char)[0] == "C" or unicodedata.category(char) in ("Zl", "Zp")


def validate_profile_name(raw: str, existing: Iterable[str] = ()) -> str:
    """Return the cleaned profile name (stripped, Unicode NFC) or raise CredentialError.

    NFC matters for Korean: text pasted on macOS may arrive decomposed into jamo, which
    would otherwise make "본점" and "본점" two different profiles.
    """
    name = unicodedata.normalize("NFC", raw.strip())
    if not name:
        raise CredentialError("Enter a name for this store.", field="name", kind="empty")
    if any(_is_control(c) for c in name):
        raise CredentialError(
            "The name contains an invisible control character.", field="name", kind="control"
        )
    if len(name) > MAX_NAME_LENGTH:
        raise CredentialError(
            f"The name is longer than {MAX_NAME_LENGTH} characters.", field="name", kind="too_long"
        )
    if name in set(existing):
        raise CredentialError(
            "Another store already has this name.", field="name", kind="duplicate"
        )
    return name


def _validate_token(raw: str, field: str) -> str:
    """Shared rules for the key and the secret; messages never include the value."""
    label = _FIELD_LABELS[field]
    value = raw.strip()
    if not value:
        raise CredentialError(f"{label} is empty.", field=field, kind="empty")
    for char in value:
        if char.isspace():
            raise CredentialError(
                f"{label} contains a space, tab or line break in the middle.",
                field=field,
                kind="whitespace",
            )
        if ord(char) < 0x20 or ord(char) == 0x7F:
            raise CredentialError(
                f"{label} contains a control character.", field=field, kind="control"
            )
        if ord(char) > 0x7E:
            raise CredentialError(
                f"{label} contains a character other than English letters, digits and "
                "symbols (perhaps an invisible character was copied along).",
                field=field,
                kind="non_ascii",
            )
    if len(value) > MAX_TOKEN_LENGTH:
        raise CredentialError(
            f"{label} is longer than {MAX_TOKEN_LENGTH} characters.", field=field, kind="too_long"
        )
    return value


def validate_imp_key(raw: str) -> str:
    """Return the REST API key without surrounding whitespace, or raise CredentialError."""
    return _validate_token(raw, "imp_key")


def validate_imp_secret(raw: str) -> str:
    """Like the key; the error message never contains the value."""
    return _validate_token(raw, "imp_secret")


def validate_tier_code(raw: str | None) -> str | None:
    """Return the 3-character tier code in upper case, or None when none was given.

    Lowercase letters are accepted and upper-cased: PortOne codes are upper case and a
    clerk who types "ab1" means "AB1".
    """
    if raw is None:
        return None
    code = raw.strip()
    if not code:
        return None
    if any(c.isspace() for c in code):
        raise CredentialError(
            "The tier code contains a space.", field="tier_code", kind="whitespace"
        )
    if not code.isascii():
        raise CredentialError(
            "The tier code uses only English letters and digits.",
            field="tier_code",
            kind="non_ascii",
        )
    code = code.upper()
    if not _TIER_RE.fullmatch(code):
        raise CredentialError(
            "The tier code is exactly 3 letters (A-Z) or digits.", field="tier_code", kind="format"
        )
    return code


def validate_api_base(raw: str) -> str:
    """Return ``scheme://host[:port]`` without a trailing slash, or raise CredentialError.

    Only https is allowed, except plain http to this computer (the built-in simulator):
    anything else would send the secret over the network in clear text.
    """
    label = _FIELD_LABELS["api_base"]
    text = raw.strip()
    if not text:
        raise CredentialError(f"{label} is empty.", field="api_base", kind="empty")
    if any(c.isspace() for c in text):
        raise CredentialError(f"{label} contains a space.", field="api_base", kind="whitespace")
    if any(_is_control(c) for c in text):
        raise CredentialError(
            f"{label} contains a control character.", field="api_base", kind="control"
        )
    if not text.isascii():
        raise CredentialError(
            f"{label} may only contain English letters and symbols.",
            field="api_base",
            kind="non_ascii",
        )

    def bad_format() -> CredentialError:
        return CredentialError(
            f"{label} must look like https://api.iamport.kr.", field="api_base", kind="format"
        )

    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port
    except ValueError:
        raise bad_format() from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("https", "http") or not host:
        raise bad_format()
    if parts.username is not None or parts.password is not None:
        raise bad_format()
    if parts.path.rstrip("/") or parts.query or parts.fragment or text.endswith(("?", "#")):
        raise bad_format()
    if scheme == "http" and not is_loopback_host(host):
        raise CredentialError(
            f"{label} must start with https:// (http only for this computer).",
            field="api_base",
            kind="format",
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return f"{scheme}://{netloc}"


class ProfileStore:
    """Profiles (non-secret, in settings) together with their secrets (SecretStore).

    Every change is validated first, then merged into the settings file as it is on disk
    now (``settings.update_settings``): another copy of the app running at the same time
    keeps what it changed. An OSError from writing propagates and leaves both the file and
    this object unchanged. ``notice`` holds the message from loading the settings (e.g. a
    damaged file) for the UI.
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

    @property
    def settings_path(self) -> Path:
        return self._path

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

        ``secret`` None keeps the existing secret (required when adding). Returns whether
        the secret is kept in the keychain (False: this session only). Raises
        CredentialError for invalid input, a name already in use included (also by a
        profile another copy of the app added meanwhile), and KeyError when
        ``previous_name`` names no profile.
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

        None when the secret is not available: ``secrets.reason(name)`` says why.
        """
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
            proxy=self._settings.proxy,
        )

    def set_language(self, language: str) -> None:
        """Persist the UI language; ValueError if it is not one of LANGUAGES."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._persist(lambda now: dataclasses.replace(now, language=language))

    def set_window_geometry(self, geometry: str | None) -> None:
        self._persist(lambda now: dataclasses.replace(now, window_geometry=geometry))

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
