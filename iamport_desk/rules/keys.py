"""Keys and names of a store profile: profile name, V1 key and secret, V2 secret, store id."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from iamport_desk.models import StoreApi
from iamport_desk.rules.errors import FIELD_LABELS, RuleError, is_control

MAX_NAME_LENGTH = 40
MAX_TOKEN_LENGTH = 200  # PortOne keys are ~16 and secrets ~80 characters


def validate_profile_name(raw: str, existing: Iterable[str] = ()) -> str:
    """Return the cleaned profile name (stripped, Unicode NFC) or raise RuleError.

    NFC matters for Korean: text pasted on macOS may arrive decomposed into jamo, which
    would otherwise make "본점" and "본점" two different profiles.
    """
    name = unicodedata.normalize("NFC", raw.strip())
    if not name:
        raise RuleError("Enter a name for this store.", field="name", kind="empty")
    if any(is_control(c) for c in name):
        raise RuleError(
            "The name contains an invisible control character.", field="name", kind="control"
        )
    if len(name) > MAX_NAME_LENGTH:
        raise RuleError(
            f"The name is longer than {MAX_NAME_LENGTH} characters.", field="name", kind="too_long"
        )
    if name in set(existing):
        raise RuleError("Another store already has this name.", field="name", kind="duplicate")
    return name


def _validate_token(raw: str, field: str) -> str:
    """Shared rules for the key and the secret; messages never include the value."""
    label = FIELD_LABELS[field]
    value = raw.strip()
    if not value:
        raise RuleError(f"{label} is empty.", field=field, kind="empty")
    for char in value:
        if char.isspace():
            raise RuleError(
                f"{label} contains a space, tab or line break in the middle.",
                field=field,
                kind="whitespace",
            )
        if ord(char) < 0x20 or ord(char) == 0x7F:
            raise RuleError(f"{label} contains a control character.", field=field, kind="control")
        if ord(char) > 0x7E:
            raise RuleError(
                f"{label} contains a character other than English letters, digits and "
                "symbols (perhaps an invisible character was copied along).",
                field=field,
                kind="non_ascii",
            )
    if len(value) > MAX_TOKEN_LENGTH:
        raise RuleError(
            f"{label} is longer than {MAX_TOKEN_LENGTH} characters.", field=field, kind="too_long"
        )
    return value


def validate_imp_key(raw: str) -> str:
    """Return the REST API key without surrounding whitespace, or raise RuleError."""
    return _validate_token(raw, "imp_key")


def validate_imp_secret(raw: str) -> str:
    """Like the key; the error message never contains the value."""
    return _validate_token(raw, "imp_secret")


# --------------------------------------------------------------------------- stores: V1 or V2
# (area "stores", issue 16: the rules of a PortOne V2 store profile)

# PortOne's console issues V2 API secrets of about 80 letters and digits. Fewer than 16 is a
# copy that missed part of it (16 is also the shortest V1 key); the upper bound is V1's
# MAX_TOKEN_LENGTH, 2.5 times that. An access token (a JWT from /login/api-secret) expires
# within hours and is refused as "format", however long.
MIN_V2_SECRET_LENGTH = 16
MAX_V2_SECRET_LENGTH = MAX_TOKEN_LENGTH
# PortOne names a store "store-" + a UUID (42 characters); any "store-" + letters, digits and
# inner hyphens is accepted (the server knows which stores exist; the practice store's id is of
# that looser form). What is plainly no store id (a channel key, the merchant id) is refused.
MAX_STORE_ID_LENGTH = 64
_STORE_ID_RE = re.compile(r"store-[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?", re.ASCII)
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_STORE_UUID_RE = re.compile(rf"store-{_UUID}", re.ASCII | re.IGNORECASE)
_JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*", re.ASCII)


def validate_store_api(raw: object) -> StoreApi:
    """The store's API kind; None or "" is V1 (every file written before V2 stores existed).

    RuleError with ``field="api"``, ``kind="format"`` for anything else ("v3", a number).
    """
    if raw is None or raw == "":
        return StoreApi.V1
    if isinstance(raw, str) and raw.strip().lower() in ("v1", "v2"):
        return StoreApi(raw.strip().lower())
    raise RuleError(f"{FIELD_LABELS['api']} must be V1 or V2.", field="api", kind="format")


def validate_v2_api_secret(raw: str) -> str:
    """The V2 API secret without surrounding whitespace, or RuleError (``field="api_secret"``).

    The V1 secret's rules (printable ASCII, no space inside: "PortOne <secret>" pasted from a
    header is refused), MIN_V2_SECRET_LENGTH..MAX_V2_SECRET_LENGTH long ("too_short" /
    "too_long"), and no access token ("format"). The message never holds the value.
    """
    label = FIELD_LABELS["api_secret"]
    if _JWT_RE.fullmatch(raw.strip()):
        raise RuleError(
            f"{label} looks like an access token, which expires; enter the API secret itself.",
            field="api_secret",
            kind="format",
        )
    value = _validate_token(raw, "api_secret")
    if len(value) < MIN_V2_SECRET_LENGTH:
        raise RuleError(
            f"{label} is shorter than {MIN_V2_SECRET_LENGTH} characters; copy all of it.",
            field="api_secret",
            kind="too_short",
        )
    return value


def validate_store_id(raw: str | None) -> str | None:
    """None for "the secret's own store"; else the store id as typed, or RuleError.

    ``field="store_id"``; kinds "whitespace", "control", "non_ascii", "too_long", and "format"
    for anything but "store-" + letters, digits and inner hyphens.
    """
    return _console_id(
        raw, "store_id", _STORE_ID_RE, MAX_STORE_ID_LENGTH, "store-xxxxxxxx-xxxx-..."
    )


def _console_id(
    raw: str | None, field: str, form: re.Pattern[str], longest: int, example: str
) -> str | None:
    """An id copied from PortOne's console (a store id, a channel key): None when empty,
    else as typed, or RuleError naming ``field`` and never holding the value."""
    value = (raw or "").strip()
    if not value:
        return None
    label = FIELD_LABELS[field]
    checks = (
        (any(c.isspace() for c in value), "whitespace", "contains a space"),
        (any(is_control(c) for c in value), "control", "contains a control character"),
        (not value.isascii(), "non_ascii", "may only contain English letters, digits and -"),
        (len(value) > longest, "too_long", f"is over {longest} characters"),
        (not form.fullmatch(value), "format", f"must look like {example}"),
    )
    for broken, kind, why in checks:
        if broken:
            raise RuleError(f"{label} {why}.", field=field, kind=kind)
    return value


# A channel key (the PG channel a receipt is issued through, needed to issue one) is
# "channel-key-" + a UUID in PortOne's console; any "channel-key-" + letters, digits and inner
# hyphens is accepted, as for store ids (the demo's key is of that looser form).
MAX_CHANNEL_KEY_LENGTH = 80
_CHANNEL_KEY_RE = re.compile(r"channel-key-[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?", re.ASCII)


def validate_channel_key(raw: str | None) -> str | None:
    """None for "no channel key set" (issuing then asks for one); else the key, or RuleError.

    ``field="channel_key"``; kinds "whitespace", "control", "non_ascii", "too_long", and
    "format" for anything but "channel-key-" + letters, digits and inner hyphens.
    """
    return _console_id(
        raw, "channel_key", _CHANNEL_KEY_RE, MAX_CHANNEL_KEY_LENGTH, "channel-key-xxxxxxxx-..."
    )


def is_portone_store_uuid(store_id: str) -> bool:
    """True for the form PortOne's console issues ("store-" + a UUID)."""
    return _STORE_UUID_RE.fullmatch(store_id) is not None
