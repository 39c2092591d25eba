"""Masking the secret and the tokens in text that came from a server, before any error holds it.

A server (or a proxy, or a debugging front end) may echo what it received: the secret from the
getToken body, the token from the Authorization header. It may echo it raw, percent-encoded
(form bodies, URLs), JSON-escaped (a non-ASCII secret inside a JSON string), or inside base64 /
base64url (a Basic header, a JWT, a dump of the request). Each form is replaced by ``***``.
Base64 is matched whole (with or without padding) and at all three byte alignments, so the
secret is found inside a longer encoded string too (e.g. ``base64("key:secret")``). A value of
digits only (a customer's phone, 사업자등록번호 or card number) is also found written with
hyphens, spaces or dots between its digits. One mask serves both PortOne clients (V1's secret
and tokens, V2's API secret, a re-issue's customer details). No Qt, no I/O.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import urllib.parse

__all__ = ["MASK", "SecretMask"]

MASK = "***"

# Shorter values would mask ordinary words; real secrets and tokens are far longer.
MIN_SECRET_LENGTH = 6
# Between two digits of a customer's number as a person or a server may write it.
_SEPARATOR = r"[-\s.]?"


def _base64_forms(secret: bytes) -> set[str]:
    """The part of base64(prefix + secret + suffix) fixed by the secret, for each alignment."""
    forms: set[str] = set()
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + secret).decode("ascii").rstrip("=")
        # Characters touched by the prefix, and the last one (its low bits depend on what follows).
        start = (offset * 8 + 5) // 6 if offset else 0
        core = encoded[start:-1] if (offset + len(secret)) % 3 else encoded[start:]
        if len(core) >= MIN_SECRET_LENGTH:
            forms.add(core)
            forms.add(core.replace("+", "-").replace("/", "_"))  # base64url
    return forms


def _forms(secret: str) -> set[str]:
    raw = secret.encode("utf-8")
    forms = {
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret, safe=""),
        urllib.parse.quote(secret),
        json.dumps(secret)[1:-1],  # JSON-escaped: \uXXXX for non-ASCII, \" and \\
    }
    # The whole encoding first (longest wins): nothing of it, padding included, is left over.
    for whole in (base64.b64encode(raw), base64.urlsafe_b64encode(raw)):
        forms |= {whole.decode("ascii"), whole.decode("ascii").rstrip("=")}
    forms |= _base64_forms(raw)
    return {form for form in forms if len(form) >= MIN_SECRET_LENGTH}


class SecretMask:
    """The secrets one client knows; ``mask(text)`` hides every form of each of them."""

    def __init__(self, *secrets: str) -> None:
        self._lock = threading.Lock()
        self._forms: set[str] = set()
        self._digit_runs: set[str] = set()  # regular expressions, not literal forms
        self._pattern: re.Pattern[str] | None = None
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str) -> None:
        if len(secret) < MIN_SECRET_LENGTH:
            return
        with self._lock:
            self._forms |= _forms(secret)
            if secret.isascii() and secret.isdigit():
                # A customer's number (phone, 사업자등록번호, card) echoed as people write it:
                # 010-1234-5678, 124 81 00998, 010.1234.5678.
                self._digit_runs.add(_SEPARATOR.join(secret))
            # Longest first, so a form is not half-masked by a shorter one inside it;
            # IGNORECASE for percent-encoding's hex digits (%2f = %2F) and hex tokens.
            alternatives = sorted(self._forms, key=len, reverse=True)
            self._pattern = re.compile(
                "|".join([*sorted(self._digit_runs), *(re.escape(f) for f in alternatives)]),
                re.IGNORECASE,
            )

    def mask(self, text: str | None) -> str | None:
        if not text:
            return text
        with self._lock:
            pattern = self._pattern
        return pattern.sub(MASK, text) if pattern is not None else text
