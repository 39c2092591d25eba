"""Order numbers: what may be sent, the key the history files them under, 한글 mode."""

from __future__ import annotations

import unicodedata

from iamport_desk.errors import InvalidMerchantUid

# PortOne publishes no limit for the receipt paths (other V1 endpoints allow 40 characters).
# Far longer is a paste mistake, and HTTP front ends refuse long URLs anyway.
MAX_MERCHANT_UID_LENGTH = 1000

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
