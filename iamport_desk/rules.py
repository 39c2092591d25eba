"""The rules, each defined once: what a valid order number, Tier code, address, key or name is.

The client, the settings, the history and the dialogs all call these; none keeps a copy.
No Qt, no httpx, no I/O. A broken rule raises :class:`RuleError` (a ``ValueError`` with a
``field`` and a ``kind``) or, for order numbers, ``errors.InvalidMerchantUid``; callers that
need another error type (``credentials.CredentialError``) wrap these in a thin adapter.
No message ever contains the value it refers to: a key, a secret or an address with a
password in it must not end up in a log line through an exception.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable

from iamport_desk.errors import InvalidMerchantUid
from iamport_desk.hosts import is_loopback_host
from iamport_desk.models import V2_API_BASE, CancelReason, StoreApi

__all__ = [
    "BIDI_CONTROLS",
    "IDENTIFIER_VISIBLE",
    "MAX_MERCHANT_UID_LENGTH",
    "MAX_NAME_LENGTH",
    "MAX_REASON_NOTE_LENGTH",
    "MAX_STORE_ID_LENGTH",
    "MAX_TOKEN_LENGTH",
    "MAX_V2_SECRET_LENGTH",
    "MIN_V2_SECRET_LENGTH",
    "ZERO_WIDTH",
    "RefusedCharacter",
    "RuleError",
    "TypedInHangulMode",
    "character_name",
    "hangul_mode_keys",
    "is_portone_store_uuid",
    "mask_identifier",
    "normalize_merchant_uid",
    "order_key",
    "typed_in_hangul_mode",
    "validate_base_url",
    "validate_imp_key",
    "validate_imp_secret",
    "validate_profile_name",
    "validate_reason_note",
    "validate_store_api",
    "validate_store_id",
    "validate_tier_code",
    "validate_v2_api_secret",
    "validate_v2_base_url",
]

# PortOne publishes no limit for the receipt paths (other V1 endpoints allow 40 characters).
# Far longer is a paste mistake, and HTTP front ends refuse long URLs anyway.
MAX_MERCHANT_UID_LENGTH = 1000
MAX_NAME_LENGTH = 40
MAX_TOKEN_LENGTH = 200  # PortOne keys are ~16 and secrets ~80 characters

# Characters that take no room on screen: an id holding one looks like another id.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# Characters that reorder the text around them ("Trojan source"): U+202E once reversed an
# amount in the confirmation sentence.
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
)

# Hangul Compatibility Jamo: what a Latin-letter key gives while the IME is in 한글 mode and
# no syllable forms (ORDER -> ㅐㄱㅇㄷㄱ). Written Korean never leaves them standing alone.
_COMPAT_JAMO = range(0x3131, 0x318F)
# The keys of the standard (2-beolsik) layout, for U+3131..U+3163 in block order: consonants
# (clusters as their two keys), then vowels. Shift gives ㄲㄸㅃㅆㅉ and ㅒㅖ; other keys lose
# their case in 한글 mode.
_KEYS = (  # noqa: SIM905 - two rows of a table read better than 51 quoted items
    "r R rt s sw sg e E f fr fa fq ft fx fv fg a q Q qt t T d w W c z x v g "
    "k o i O j p u P h hk ho hl y n nj np nl b m ml l"
).split()
_JAMO_KEYS = {chr(0x3131 + i): keys for i, keys in enumerate(_KEYS)}
# A precomposed syllable is initial * 588 + medial * 28 + final (Unicode's Hangul algorithm).
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

_TIER_RE = re.compile(r"[A-Z0-9]{3}", re.ASCII)
# A DNS name (underscores tolerated: some office gateways have them) or an IPv4 address.
_LABEL = r"[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?"
_HOST_RE = re.compile(rf"{_LABEL}(?:\.{_LABEL})*", re.ASCII)
# One path segment of RFC 3986 (pchar), with percent escapes that are complete.
_SEGMENT_RE = re.compile(r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})+", re.ASCII)


class RuleError(ValueError):
    """A value that breaks a rule; the message never contains the value.

    ``field`` is one of "name", "imp_key", "imp_secret", "tier_code", "api_base" (and, for
    V2 stores, "api", "api_secret", "store_id"); ``kind`` says what is wrong: "empty",
    "whitespace", "control", "non_ascii", "format", "duplicate", "too_long" or "too_short"
    (the dialogs choose their sentence by these two).
    """

    def __init__(self, message: str, *, field: str, kind: str) -> None:
        super().__init__(message)
        self.field = field
        self.kind = kind

    def __repr__(self) -> str:
        return f"{type(self).__name__}(field={self.field!r}, kind={self.kind!r}, message={self!s})"


class RefusedCharacter(InvalidMerchantUid):
    """An order number refused for one character, which the clerk is told about.

    ``reason`` is "control", "invisible" (zero-width or another format character, a BOM
    included) or "bidi" (a text-direction control); ``codepoint`` is the character's number
    (0x200B), ``char_name`` its Unicode name ("ZERO WIDTH SPACE") and ``position`` where it
    is, counting from 1 in the number as stripped of surrounding whitespace.
    """

    def __init__(self, *, reason: str, char: str, position: int) -> None:
        self.codepoint = ord(char)
        self.char_name = character_name(char)
        self.position = position
        super().__init__(
            f"The order number contains {self.label} at position {position}.", reason=reason
        )

    @property
    def label(self) -> str:
        """'U+200B ZERO WIDTH SPACE': how the character is named in a sentence."""
        return f"U+{self.codepoint:04X} {self.char_name}"


class TypedInHangulMode(InvalidMerchantUid):
    """An order number typed while the input method was in 한글 mode (reason "hangul_mode").

    ``keys`` is what the same keys spell on an English keyboard ("order-1001"), in lower
    case because 한글 mode drops the case of most letters.
    """

    def __init__(self, keys: str) -> None:
        super().__init__(
            "The order number looks typed with the input method in Hangul mode.",
            reason="hangul_mode",
        )
        self.keys = keys


def character_name(char: str) -> str:
    """The Unicode name of ``char``; controls, which have none, by their usual name."""
    name = unicodedata.name(char, "")
    if name:
        return name
    known = {0x09: "TAB", 0x0A: "LINE FEED", 0x0D: "CARRIAGE RETURN", 0x00: "NULL"}
    return known.get(ord(char), "CONTROL CHARACTER")


# --------------------------------------------------------------------------- order numbers


def order_key(merchant_uid: str) -> str:
    """The form under which the history files, searches and guards an order number.

    Two spellings of one Hangul id (NFC and NFD) are one order: both map to NFC.
    """
    return unicodedata.normalize("NFC", merchant_uid)


def normalize_merchant_uid(raw: str) -> str:
    """Strip surrounding whitespace and refuse what cannot be an order number.

    Refused, each with its own ``reason``: empty ids ("empty"); ids over
    MAX_MERCHANT_UID_LENGTH characters ("too_long"); control characters and line or
    paragraph separators ("control": a pasted tab or line break is a mistake, not part of an
    id); zero-width characters, a BOM and other invisible format characters ("invisible");
    text-direction controls ("bidi": they make the id on screen differ from the id sent);
    an id typed while the input method was in 한글 mode ("hangul_mode", see
    :func:`typed_in_hangul_mode`); lone surrogates and the ids "." and ".." ("unsendable":
    URL normalisation turns those into another path on the way).

    Everything else is returned exactly as typed, Hangul included, and NOT normalised to
    NFC: PortOne compares the bytes the store's system used when it issued the receipt, so
    an id sent as typed finds a receipt issued under that spelling, while a rewritten id
    could never find a receipt issued decomposed (NFD, e.g. from a Mac). The history files
    both spellings under one :func:`order_key`, so its search and its guard against a second
    cancellation still see them as one order.
    """
    if not isinstance(raw, str):
        raise InvalidMerchantUid("The order number must be text.", reason="empty")
    uid = raw.strip()
    if not uid:
        raise InvalidMerchantUid("The order number is empty.", reason="empty")
    if len(uid) > MAX_MERCHANT_UID_LENGTH:
        raise InvalidMerchantUid(
            f"The order number is too long ({len(uid):,} characters; "
            f"at most {MAX_MERCHANT_UID_LENGTH:,}).",
            reason="too_long",
        )
    for position, char in enumerate(uid, start=1):
        reason = _refusal(char)
        if reason == "unsendable":
            raise InvalidMerchantUid("The order number contains an invalid character.")
        if reason is not None:
            raise RefusedCharacter(reason=reason, char=char, position=position)
    if uid in (".", ".."):
        raise InvalidMerchantUid("The order number cannot be sent in a URL path (. or ..).")
    if typed_in_hangul_mode(uid):
        raise TypedInHangulMode(hangul_mode_keys(uid))
    return uid


def _refusal(char: str) -> str | None:
    """Why one character cannot be part of an order number, or None when it can."""
    if char in BIDI_CONTROLS:
        return "bidi"
    if char in ZERO_WIDTH:
        return "invisible"
    category = unicodedata.category(char)
    if category in ("Cc", "Zl", "Zp"):
        return "control"
    if category == "Cf":  # soft hyphen, invisible operators, tag characters...
        return "invisible"
    if category == "Cs":
        return "unsendable"
    return None


def typed_in_hangul_mode(uid: str) -> bool:
    """True when ``uid`` reads like Latin keys typed while the IME was in 한글 mode.

    That is: at least one standalone Hangul compatibility jamo (ㄱ, ㅐ, ...), and no letter
    other than Hangul (digits and punctuation do not count). Typing ORDER-1001 in 한글 mode
    gives ㅐㄱㅇㄷㄱ-1001. Such ids are refused before sending rather than hinted at after a
    "not found": written Korean never leaves jamo standing alone and an order number is
    generated by the store's system, so no real id is made of them, and refusing at once
    tells the clerk the cause without a request. Ids whose keys all happened to form
    syllables (GOTO -> 해새) cannot be told from Korean words and are sent as typed.
    """
    has_jamo = False
    for char in uid:
        if ord(char) in _COMPAT_JAMO:
            has_jamo = True
        elif unicodedata.category(char).startswith("L") and not _is_hangul(char):
            return False
    return has_jamo


def hangul_mode_keys(text: str) -> str:
    """The keys that give ``text`` in 한글 mode, read on an English keyboard: ㅐㄱㅇㄷㄱ -> "order".

    Jamo and precomposed syllables are read back key by key (노 -> "sh"), in lower case (Shift
    gives only some jamo, so the case cannot be known); everything else is kept as it is.
    """
    out: list[str] = []
    for char in text:
        index = ord(char) - 0xAC00
        if 0 <= index < 11172:
            initial, rest = divmod(index, 588)
            medial, final = divmod(rest, 28)
            for jamo in (_INITIALS[initial], _MEDIALS[medial], _FINALS[final]):
                out.append(_JAMO_KEYS.get(jamo, "").lower())
        else:
            out.append(_JAMO_KEYS[char].lower() if char in _JAMO_KEYS else char)
    return "".join(out)


def _is_hangul(char: str) -> bool:
    return "HANGUL" in unicodedata.name(char, "")


# --------------------------------------------------------------------------- store profiles


def _is_control(char: str) -> bool:
    # Cc/Cf/Cs/Co/Cn and line/paragraph separators: invisible or layout-breaking
    # characters, which also make two names look the same.
    return unicodedata.category(char)[0] == "C" or unicodedata.category(char) in ("Zl", "Zp")


def validate_profile_name(raw: str, existing: Iterable[str] = ()) -> str:
    """Return the cleaned profile name (stripped, Unicode NFC) or raise RuleError.

    NFC matters for Korean: text pasted on macOS may arrive decomposed into jamo, which
    would otherwise make "본점" and "본점" two different profiles.
    """
    name = unicodedata.normalize("NFC", raw.strip())
    if not name:
        raise RuleError("Enter a name for this store.", field="name", kind="empty")
    if any(_is_control(c) for c in name):
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


_FIELD_LABELS = {
    "imp_key": "The REST API key",
    "imp_secret": "The REST API secret",
    "api_base": "The API address",
    "tier_code": "The sub-merchant (Tier) code",
}


def _validate_token(raw: str, field: str) -> str:
    """Shared rules for the key and the secret; messages never include the value."""
    label = _FIELD_LABELS[field]
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
    label = _FIELD_LABELS["tier_code"]
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


# --------------------------------------------------------------------------- the API address


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
    label = _FIELD_LABELS["api_base"]
    text = raw.strip()
    if not text:
        raise RuleError(f"{label} is empty.", field="api_base", kind="empty")
    if any(c.isspace() for c in text):
        raise RuleError(f"{label} contains a space.", field="api_base", kind="whitespace")
    if any(_is_control(c) for c in text):
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
    import urllib.parse

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


# --------------------------------------------------------------------------- issue: identifiers
# Area "issue" (issue 15): the customer's identifier on a cash receipt to be issued.
# The identifier is personal data: no message here contains it, and ``mask_identifier`` is
# the one way it is shown outside the field being edited.

__all__ += [
    "IDENTIFIER_KINDS",
    "IdentifierError",
    "business_number_check_digit",
    "derived_order_number",
    "identifier_kind_for",
    "mask_identifier",
    "validate_identifier",
]

IDENTIFIER_KINDS = ("phone", "business", "taxcard")  # PortOne V1's identifier_type values
MOBILE_PREFIXES = ("010", "011", "016", "017", "018", "019")
BUSINESS_NUMBER_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)  # 국세청's published check-digit weights
# Separators a pasted number carries ("010-1234-5678", "123 45 67890"): they are removed, so
# what is sent is digits only (a KSNET note: a hyphen silently produces no receipt).
_IDENTIFIER_SEPARATORS = frozenset(" -\u00a0\u2010\u2011\u2012\u2013\u2014\u2212\u3000")


class IdentifierError(RuleError):
    """A customer identifier that breaks its rule (``field`` "identifier").

    ``kind`` is "empty", "not_digits" (a letter or another symbol than a hyphen or a space),
    "mobile_prefix" (not 010/011/016/017/018/019), "length" or "check_digit" (a 사업자등록번호
    whose last digit is wrong); ``identifier_kind`` is which identifier was expected
    ("phone", "business" or "taxcard"). The message never contains the value.
    """

    def __init__(self, message: str, *, kind: str, identifier_kind: str) -> None:
        super().__init__(message, field="identifier", kind=kind)
        self.identifier_kind = identifier_kind


def _is_ascii_digit(char: str) -> bool:
    return "0" <= char <= "9"


def business_number_check_digit(first_nine: str) -> int:
    """The 10th digit of a 사업자등록번호 whose first nine digits are ``first_nine``.

    The published rule: the nine digits times 1,3,7,1,3,7,1,3,5, summed, plus the tens
    digit of (9th digit x 5); the check digit is (10 - sum mod 10) mod 10.
    """
    if len(first_nine) != 9 or not all(_is_ascii_digit(char) for char in first_nine):
        raise ValueError("nine digits are needed")
    digits = [int(char) for char in first_nine]
    total = sum(d * w for d, w in zip(digits, BUSINESS_NUMBER_WEIGHTS, strict=True))
    total += digits[8] * 5 // 10
    return (10 - total % 10) % 10


def identifier_kind_for(receipt_type: str) -> str:
    """The identifier a receipt type is usually issued to: person -> phone, company -> business."""
    kinds = {"person": "phone", "company": "business"}
    if receipt_type not in kinds:
        raise ValueError("the receipt type must be 'person' or 'company'")
    return kinds[receipt_type]


def validate_identifier(raw: str, kind: str) -> str:
    """The identifier as it will be sent: digits only, checked for ``kind``.

    Hyphens and spaces (as pasted: "010-1234-5678") are removed, not refused: they carry
    nothing, and the window shows the digits that will be sent. Full-width digits become
    ASCII. Anything else that is not a digit is refused. ``kind`` is "phone" (010, 011 or
    016-019 and 7 or 8 more digits), "business" (사업자등록번호: 10 digits, the last one the
    check digit) or "taxcard" (현금영수증 card: 13 to 19 digits). Raises IdentifierError.
    """
    if kind not in IDENTIFIER_KINDS:
        raise ValueError(f"the identifier kind must be one of {', '.join(IDENTIFIER_KINDS)}")

    def refuse(why: str, message: str) -> IdentifierError:
        return IdentifierError(message, kind=why, identifier_kind=kind)

    text = unicodedata.normalize("NFKC", raw).strip()
    digits = "".join(char for char in text if char not in _IDENTIFIER_SEPARATORS)
    if not digits:
        raise refuse("empty", "The identifier is empty.")
    if not all(_is_ascii_digit(char) for char in digits):
        raise refuse("not_digits", "The identifier may contain digits only.")
    if kind == "phone":
        if not digits.startswith(MOBILE_PREFIXES):
            raise refuse("mobile_prefix", "A mobile number starts with 010, 011 or 016-019.")
        if not 10 <= len(digits) <= 11:
            raise refuse("length", "A mobile number has 10 or 11 digits.")
    elif kind == "business":
        if len(digits) != 10:
            raise refuse("length", "A business registration number has 10 digits.")
        if business_number_check_digit(digits[:9]) != int(digits[9]):
            raise refuse("check_digit", "The business registration number's check digit is wrong.")
    elif not 13 <= len(digits) <= 19:
        raise refuse("length", "A cash receipt card number has 13 to 19 digits.")
    return digits


def derived_order_number(merchant_uid: str, attempt: int = 1) -> str:
    """The order number offered when PortOne says the original already has a receipt.

    "00012345" -> "00012345-R1" (then -R2, ...): shown plainly, so the clerk can note it on
    the cash sale for the books. Raises InvalidMerchantUid when the result cannot be sent.
    """
    if attempt < 1:
        raise ValueError("attempt counts from 1")
    return normalize_merchant_uid(f"{normalize_merchant_uid(merchant_uid)}-R{attempt}")


# --------------------------------------------------------------------------- records (issues 14-16)
# Area "records": the reason memo and the masked customer identifier kept in the history.

MAX_REASON_NOTE_LENGTH = 100  # a short memo beside 기타, not a letter
IDENTIFIER_VISIBLE = 4  # the history keeps the last four characters of an identifier


def validate_reason_note(raw: str | None, reason: CancelReason | None) -> str | None:
    """The cancellation reason's memo, stripped and NFC, or None when there is none.

    Reason 3 (기타, OTHER) requires one; the others may carry one. No control, invisible
    or text-direction characters (they would reorder the memo in a printed confirmation)
    and at most :data:`MAX_REASON_NOTE_LENGTH` characters. Raises RuleError with
    ``field="reason_note"`` and kind "empty", "control" or "too_long".
    """
    note = unicodedata.normalize("NFC", (raw or "").strip())
    if not note:
        if reason is not None and CancelReason(reason) is CancelReason.OTHER:
            raise RuleError(
                "Write a short memo for the reason \u201cOther\u201d.",
                field="reason_note",
                kind="empty",
            )
        return None
    if any(_is_control(c) or c in BIDI_CONTROLS or c in ZERO_WIDTH for c in note):
        raise RuleError(
            "The memo contains an invisible control character.",
            field="reason_note",
            kind="control",
        )
    if len(note) > MAX_REASON_NOTE_LENGTH:
        raise RuleError(
            f"The memo is longer than {MAX_REASON_NOTE_LENGTH} characters.",
            field="reason_note",
            kind="too_long",
        )
    return note


def mask_identifier(value: str) -> str:
    """A customer's identifier with all but its last four characters as "*".

    "010-1234-5678" -> "*******5678" (spaces and hyphens dropped first). Idempotent: a
    masked value masks to itself, so a caller that masks twice stores the same text. An
    identifier of four characters or fewer is masked whole: showing all of it would not
    be masking.
    """
    compact = "".join(c for c in value.strip() if c not in _IDENTIFIER_SEPARATORS)
    if len(compact) <= IDENTIFIER_VISIBLE:
        return "*" * len(compact)
    hidden = len(compact) - IDENTIFIER_VISIBLE
    return "*" * hidden + compact[hidden:]


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
_FIELD_LABELS.update(
    {"api": "The API kind", "api_secret": "The V2 API secret", "store_id": "The store id"}
)


def validate_store_api(raw: object) -> StoreApi:
    """The store's API kind; None or "" is V1 (every file written before V2 stores existed).

    RuleError with ``field="api"``, ``kind="format"`` for anything else ("v3", a number).
    """
    if raw is None or raw == "":
        return StoreApi.V1
    if isinstance(raw, str) and raw.strip().lower() in ("v1", "v2"):
        return StoreApi(raw.strip().lower())
    raise RuleError(f"{_FIELD_LABELS['api']} must be V1 or V2.", field="api", kind="format")


def validate_v2_api_secret(raw: str) -> str:
    """The V2 API secret without surrounding whitespace, or RuleError (``field="api_secret"``).

    The V1 secret's rules (printable ASCII, no space inside: "PortOne <secret>" pasted from a
    header is refused), MIN_V2_SECRET_LENGTH..MAX_V2_SECRET_LENGTH long ("too_short" /
    "too_long"), and no access token ("format"). The message never holds the value.
    """
    label = _FIELD_LABELS["api_secret"]
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
    value = (raw or "").strip()
    if not value:
        return None
    label = _FIELD_LABELS["store_id"]
    checks = (
        (any(c.isspace() for c in value), "whitespace", "contains a space"),
        (any(_is_control(c) for c in value), "control", "contains a control character"),
        (not value.isascii(), "non_ascii", "may only contain English letters, digits and -"),
        (len(value) > MAX_STORE_ID_LENGTH, "too_long", f"is over {MAX_STORE_ID_LENGTH} characters"),
        (not _STORE_ID_RE.fullmatch(value), "format", "must look like store-xxxxxxxx-xxxx-..."),
    )
    for broken, kind, why in checks:
        if broken:
            raise RuleError(f"{label} {why}.", field="store_id", kind=kind)
    return value


def is_portone_store_uuid(store_id: str) -> bool:
    """True for the form PortOne's console issues ("store-" + a UUID)."""
    return _STORE_UUID_RE.fullmatch(store_id) is not None


def validate_v2_base_url(raw: str) -> str:
    """A V2 store's host: https://api.portone.io, or the simulator on this computer.

    Stricter than V1's on purpose: V1's hosts answer V2's paths with "not found", which a
    clerk would read as "no receipt". RuleError ``field="api_base"``, ``kind="format"``.
    """
    base = validate_base_url(raw)
    if base == V2_API_BASE or is_loopback_host(urllib.parse.urlsplit(base).hostname or ""):
        return base
    raise RuleError(
        f"{_FIELD_LABELS['api_base']} of a V2 store must be {V2_API_BASE}.",
        field="api_base",
        kind="format",
    )
