"""Addresses: the V1 and V2 API base, a proxy set by hand, and the Tier code sent beside them."""

from __future__ import annotations

import ipaddress
import re
import urllib.parse

from iamport_desk.hosts import is_loopback_host
from iamport_desk.models import V2_API_BASE
from iamport_desk.rules.errors import FIELD_LABELS, RuleError, is_control

_TIER_RE = re.compile(r"[A-Z0-9]{3}", re.ASCII)
# A DNS name (underscores tolerated: some office gateways have them) or an IPv4 address.
_LABEL = r"[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?"
_HOST_RE = re.compile(rf"{_LABEL}(?:\.{_LABEL})*", re.ASCII)
# One path segment of RFC 3986 (pchar), with percent escapes that are complete.
_SEGMENT_RE = re.compile(r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})+", re.ASCII)


def validate_tier_code(raw: str | None) -> str | None:
    """None for "no sub-merchant"; else the 3-character code in upper case, or RuleError.

    One rule for the client, the settings and the dialog: strip, refuse anything that is
    not ASCII (checked before upper-casing, because "ı".upper() is "I" and "ﬀ".upper() is
    "FF"), upper-case, then exactly 3 of A-Z and 0-9. PortOne's codes are upper case and a
    clerk who types "ab1" means "AB1"; refusing it would only send them back to the form.
    """
    if raw is None:
        return None
    code = raw.strip()
    if not code:
        return None
    label = FIELD_LABELS["tier_code"]
    rule = "must be exactly 3 characters, English letters A-Z or digits 0-9"
    if any(c.isspace() for c in code):
        raise RuleError(f"{label} {rule}, without spaces.", field="tier_code", kind="whitespace")
    if not code.isascii():
        raise RuleError(
            f"{label} {rule} (not Korean or full-width characters).",
            field="tier_code",
            kind="non_ascii",
        )
    code = code.upper()
    if not _TIER_RE.fullmatch(code):
        raise RuleError(f"{label} {rule}.", field="tier_code", kind="format")
    return code


def validate_base_url(raw: str) -> str:
    """Return the API base as ``scheme://host[:port][/prefix]`` without a trailing "/".

    The one rule for the client, the settings and the dialog (they used to differ on path
    prefixes): https with a host, an optional port and an optional path prefix (an office
    gateway such as ``https://gw.example.co.kr/iamport`` forwards PortOne's paths under
    one); no user name or password (it would travel in every log of the URL), no query and
    no fragment (the client appends paths, which would land inside them). Plain http only to
    this computer (the built-in simulator): a token sent in clear text to anywhere else could
    be read on the way. Only ASCII: an internationalised host is entered as punycode, so a
    look-alike letter cannot point the secret at another server. Raises RuleError with
    ``field="api_base"``; http to another computer is a "format" error (the fix: https).
    """
    label = FIELD_LABELS["api_base"]
    text = raw.strip()
    if not text:
        raise RuleError(f"{label} is empty.", field="api_base", kind="empty")
    if any(c.isspace() for c in text):
        raise RuleError(f"{label} contains a space.", field="api_base", kind="whitespace")
    if any(is_control(c) for c in text):
        raise RuleError(f"{label} contains a control character.", field="api_base", kind="control")
    if not text.isascii():
        raise RuleError(
            f"{label} may only contain English letters, digits and symbols.",
            field="api_base",
            kind="non_ascii",
        )

    def bad(why: str) -> RuleError:
        return RuleError(
            f"{label} must look like https://api.iamport.kr ({why}).",
            field="api_base",
            kind="format",
        )

    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port
    except ValueError:
        raise bad("it is not a valid address") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("https", "http") or not host:
        raise bad("https:// followed by a host name")
    if parts.username is not None or parts.password is not None:
        raise bad("without a user name or password")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise bad("without '?' or '#'")
    if port == 0:
        raise bad("port 0 is not a port")
    if not _valid_host(host):
        raise bad("the host name is not valid")
    prefix = parts.path.rstrip("/")
    if prefix and not all(
        _SEGMENT_RE.fullmatch(s) and s not in (".", "..") for s in prefix[1:].split("/")
    ):
        raise bad("the path after the host is not valid")
    if scheme == "http" and not is_loopback_host(host):
        raise RuleError(
            f"{label} must start with https://. Plain http is allowed only to this computer "
            "(127.0.0.1, [::1] or localhost, for the built-in simulator).",
            field="api_base",
            kind="format",
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return f"{scheme}://{netloc}{prefix}"


def _valid_host(host: str) -> bool:
    if ":" in host:  # an IPv6 literal; a zone id ("%eth0") cannot be written back safely
        try:
            return "%" not in host and ipaddress.IPv6Address(host) is not None
        except ValueError:
            return False
    return _HOST_RE.fullmatch(host) is not None


def validate_proxy_url(raw: str | None) -> str | None:
    """A proxy set by hand as ``scheme://host:port`` (http or https), or None for none.

    Empty means "use the system's or the environment's proxy". No user name or password:
    the settings file never holds a secret. Raises ValueError for anything else.
    """
    text = (raw or "").strip()
    if not text:
        return None
    if not text.isascii() or any(c.isspace() or not c.isprintable() for c in text):
        raise ValueError("a proxy address uses only English letters, digits and symbols")
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port
    except ValueError:
        raise ValueError("a proxy address looks like http://proxy.example:8080") from None
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https") or not host or port is None:
        raise ValueError("a proxy address looks like http://proxy.example:8080")
    if parts.username is not None or parts.password is not None:
        raise ValueError("a proxy address must not carry a user name or password")
    if parts.path.rstrip("/") or parts.query or parts.fragment:
        raise ValueError("a proxy address has no path, query or fragment")
    netloc = f"[{host}]" if ":" in host else host
    return f"{parts.scheme.lower()}://{netloc}:{port}"


def validate_v2_base_url(raw: str) -> str:
    """A V2 store's host: https://api.portone.io, or the simulator on this computer.

    Stricter than V1's on purpose: V1's hosts answer V2's paths with "not found", which a
    clerk would read as "no receipt". RuleError ``field="api_base"``, ``kind="format"``.
    """
    base = validate_base_url(raw)
    if base == V2_API_BASE or is_loopback_host(urllib.parse.urlsplit(base).hostname or ""):
        return base
    raise RuleError(
        f"{FIELD_LABELS['api_base']} of a V2 store must be {V2_API_BASE}.",
        field="api_base",
        kind="format",
    )
