"""The rules module: each rule once, and its cases (no Qt, no network).

The two rules that used to disagree (a path prefix in the API address, a lower-case Tier
code) are pinned here; tests/test_rules_callers.py runs the same inputs through every caller
(client, settings file, credentials store and the dialog) and checks that they agree.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iamport_desk import formatting, history_export, rules
from iamport_desk.errors import InvalidMerchantUid
from iamport_desk.rules import (
    BIDI_CONTROLS,
    MAX_MERCHANT_UID_LENGTH,
    ZERO_WIDTH,
    RefusedCharacter,
    RuleError,
    TypedInHangulMode,
    hangul_mode_keys,
    normalize_merchant_uid,
    order_key,
    typed_in_hangul_mode,
    validate_base_url,
    validate_tier_code,
)

# ------------------------------------------------------------------ the API address

BASE_ACCEPTED = [
    ("https://api.iamport.kr", "https://api.iamport.kr"),
    ("  https://API.iamport.kr/  ", "https://api.iamport.kr"),
    ("HTTPS://static-api.iamport.kr:443/", "https://static-api.iamport.kr:443"),
    # An office gateway that forwards PortOne's paths under a prefix (the old dialog refused it).
    ("https://gw.example.co.kr/iamport/", "https://gw.example.co.kr/iamport"),
    ("https://gw.example.co.kr/a/B-1/v%2D1//", "https://gw.example.co.kr/a/B-1/v%2D1"),
    ("https://api.iamport.kr/v1", "https://api.iamport.kr/v1"),
    ("https://10.0.0.5:8443", "https://10.0.0.5:8443"),
    ("https://[2001:db8::1]:8443", "https://[2001:db8::1]:8443"),
    ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
    ("http://127.9.8.7", "http://127.9.8.7"),
    ("http://localhost:5000", "http://localhost:5000"),
    ("HTTP://[::1]:5000", "http://[::1]:5000"),
]

BASE_REFUSED = [
    ("", "empty"),
    ("   ", "empty"),
    ("https://api .iamport.kr", "whitespace"),
    ("https://api.iamport.kr/\tv1", "whitespace"),
    ("https://api.\u200biamport.kr", "control"),
    ("https://아임포트.kr", "non_ascii"),
    ("https://аpi.iamport.kr", "non_ascii"),  # a Cyrillic "а": a look-alike host
    ("api.iamport.kr", "format"),
    ("ftp://api.iamport.kr", "format"),
    ("https://", "format"),
    ("https:///iamport", "format"),
    ("http://api.iamport.kr", "format"),
    ("http://10.0.0.5:8080", "format"),
    ("http://localhost.evil.com", "format"),
    ("http://128.0.0.1", "format"),
    ("https://user:pw@api.iamport.kr", "format"),
    ("https://user@api.iamport.kr", "format"),
    ("https://api.iamport.kr\\@evil.example", "format"),
    ("https://api.iamport.kr/?x=1", "format"),
    ("https://api.iamport.kr?", "format"),
    ("https://api.iamport.kr#frag", "format"),
    ("https://api.iamport.kr:99999", "format"),
    ("https://api.iamport.kr:0", "format"),
    ("https://api.iamport.kr:http", "format"),
    ("https://-bad-.example", "format"),
    ("https://a..b.example", "format"),
    ("https://[fe80::1%25eth0]", "format"),
    ("https://gw.example.co.kr/../iamport", "format"),
    ("https://gw.example.co.kr/a//b", "format"),
    ("https://gw.example.co.kr/a%zz", "format"),
    ("https://gw.example.co.kr/<b>", "format"),
]


@pytest.mark.parametrize(("raw", "expected"), BASE_ACCEPTED)
def test_base_url_accepted(raw: str, expected: str) -> None:
    assert validate_base_url(raw) == expected
    assert validate_base_url(expected) == expected  # the clean form is a fixed point


@pytest.mark.parametrize(("raw", "kind"), BASE_REFUSED)
def test_base_url_refused_with_a_kind(raw: str, kind: str) -> None:
    with pytest.raises(RuleError) as caught:
        validate_base_url(raw)
    assert (caught.value.field, caught.value.kind) == ("api_base", kind)
    assert isinstance(caught.value, ValueError)  # what the client has always raised
    assert str(caught.value).startswith("The API address")


def test_base_url_message_never_holds_the_address() -> None:
    # A password in the address must not reach a log line through the exception.
    raw = "https://clerk:Sx9vQ2kLm4TzR8wPq1nB@api.iamport.kr"
    with pytest.raises(RuleError) as caught:
        validate_base_url(raw)
    for text in (str(caught.value), repr(caught.value)):
        assert "Sx9vQ2kLm4TzR8wPq1nB" not in text and "clerk" not in text


def test_plain_http_refusal_says_https() -> None:
    with pytest.raises(RuleError, match="https://") as caught:
        validate_base_url("http://api.iamport.kr")
    assert "only to this computer" in str(caught.value)


# ------------------------------------------------------------------ the Tier code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        ("  ", None),
        ("DM1", "DM1"),
        (" 0A9 ", "0A9"),
        ("dm1", "DM1"),  # the client used to refuse this one, while the dialog accepted it
        ("x9z", "X9Z"),
    ],
)
def test_tier_code_accepted(raw: str | None, expected: str | None) -> None:
    assert validate_tier_code(raw) == expected


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("DM", "format"),
        ("DM12", "format"),
        ("D-1", "format"),
        ("A_1", "format"),
        ("D M", "whitespace"),
        ("가나다", "non_ascii"),
        ("ＤＭ１", "non_ascii"),
        ("DM\u0661", "non_ascii"),
        ("dmı", "non_ascii"),  # dotless i: upper-cased it would pass as "DMI"
        ("ﬀ1", "non_ascii"),  # a ligature: upper-cased it would pass as "FF1"
    ],
)
def test_tier_code_refused(raw: str, kind: str) -> None:
    with pytest.raises(RuleError, match="exactly 3 characters") as caught:
        validate_tier_code(raw)
    assert (caught.value.field, caught.value.kind) == ("tier_code", kind)


@given(st.text(max_size=6))
def test_tier_code_result_is_three_ascii_capitals_or_digits(raw: str) -> None:
    try:
        code = validate_tier_code(raw)
    except RuleError:
        return
    assert code is None or (
        len(code) == 3 and all(c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" for c in code)
    )
    assert validate_tier_code(code) == code


# ------------------------------------------------------------------ order numbers


@pytest.mark.parametrize("char", sorted(ZERO_WIDTH | BIDI_CONTROLS))
@pytest.mark.parametrize("position", [1, 7, 11])
def test_invisible_and_bidi_characters_are_refused_by_position(char: str, position: int) -> None:
    visible = "ORDER-1001"
    uid = visible[: position - 1] + char + visible[position - 1 :]
    with pytest.raises(RefusedCharacter) as caught:
        normalize_merchant_uid(f"  {uid}\n")  # counted in the number, not the padding
    error = caught.value
    assert isinstance(error, InvalidMerchantUid) and isinstance(error, ValueError)
    assert error.reason == ("bidi" if char in BIDI_CONTROLS else "invisible")
    assert error.codepoint == ord(char)
    assert error.position == position
    assert error.char_name == unicodedata.name(char)
    assert error.label == f"U+{ord(char):04X} {unicodedata.name(char)}"
    assert f"position {position}" in str(error)


def test_the_first_refused_character_is_named() -> None:
    with pytest.raises(RefusedCharacter) as caught:
        normalize_merchant_uid("AB\u202eCD\u200bEF")
    assert (caught.value.codepoint, caught.value.position) == (0x202E, 3)
    assert caught.value.label == "U+202E RIGHT-TO-LEFT OVERRIDE"


@pytest.mark.parametrize(
    ("raw", "reason", "codepoint"),
    [
        ("\ufeffORDER-1", "invisible", 0xFEFF),  # a BOM at the start is refused, not stripped
        ("ORDER-1\ufeff", "invisible", 0xFEFF),
        ("ORDER\u00ad-1", "invisible", 0x00AD),  # soft hyphen
        ("ORDER\U000e0041-1", "invisible", 0xE0041),  # tag character
        ("ORDER\u061c-1", "bidi", 0x061C),
        ("A\tB", "control", 0x09),
        ("A\x85B", "control", 0x85),
        ("A\u2028B", "control", 0x2028),
        ("A\u2029B", "control", 0x2029),
    ],
)
def test_refusal_reasons(raw: str, reason: str, codepoint: int) -> None:
    with pytest.raises(RefusedCharacter) as caught:
        normalize_merchant_uid(raw)
    assert (caught.value.reason, caught.value.codepoint) == (reason, codepoint)


def test_control_characters_have_a_name_too() -> None:
    with pytest.raises(RefusedCharacter) as caught:
        normalize_merchant_uid("A\tB")
    assert caught.value.label == "U+0009 TAB"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        (" \t ", "empty"),
        ("x" * (MAX_MERCHANT_UID_LENGTH + 1), "too_long"),
        (".", "unsendable"),
        ("..", "unsendable"),
        ("A\ud800B", "unsendable"),
    ],
)
def test_other_refusals(raw: str, reason: str) -> None:
    with pytest.raises(InvalidMerchantUid) as caught:
        normalize_merchant_uid(raw)
    assert caught.value.reason == reason
    assert not isinstance(caught.value, RefusedCharacter)


@pytest.mark.parametrize(
    "uid",
    [
        "ORDER-1001",
        "주문-한글-0005",
        "a b",
        "a/b?c#d%2F+",
        "...",
        "🧾💸",
        "x" * MAX_MERCHANT_UID_LENGTH,
    ],
)
def test_sendable_ids_come_back_as_typed(uid: str) -> None:
    assert normalize_merchant_uid(f" {uid}\r\n") == uid


def test_hangul_ids_are_sent_as_typed_but_filed_as_one_order() -> None:
    nfc = "주문-한글-0005"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    # Sent as typed: a receipt issued under the decomposed spelling stays reachable.
    assert normalize_merchant_uid(nfd) == nfd
    assert normalize_merchant_uid(nfc) == nfc
    # One order for the history's search and guard.
    assert order_key(nfd) == order_key(nfc) == nfc
    assert not typed_in_hangul_mode(nfd)  # conjoining jamo of NFD are not the IME's jamo


@pytest.mark.parametrize(
    ("uid", "expected"),
    [
        ("ㅐㄱㅇㄷㄱ-1001", True),  # ORDER-1001 typed in 한글 mode
        ("ㅒㄲㅇㄸㄲ", True),  # with Shift
        ("ㅊㅁ노-2026-07", True),  # CASH: a key pair that made a syllable
        ("ㅑㅜㅍ_0001", True),
        ("ㅋ", True),
        ("주문-한글-0005", False),  # real Korean words
        ("해새", False),  # GOTO in 한글 mode: all syllables, cannot be told from a word
        ("ORDER-ㅋ", False),  # Latin letters: the IME was not in 한글 mode for them
        ("1234-5678", False),
        ("", False),
        ("ᄀ", False),  # a conjoining jamo (from NFD), not the IME's compatibility jamo
    ],
)
def test_typed_in_hangul_mode(uid: str, expected: bool) -> None:
    assert typed_in_hangul_mode(uid) is expected


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        ("ㅐㄱㅇㄷㄱ-1001", "order-1001"),
        ("ㅒㄲㅇㄸㄲ-1001", "order-1001"),  # with Shift: the case cannot be read back
        ("ㅊㅁ노-2026-07", "cash-2026-07"),  # a syllable is read back key by key
        ("ㅑㅜㅍ_0001", "inv_0001"),
        ("ㅇ뮤-ㅏㅐㄱㄷㅁ", "dab-korea"),
        ("뷁ㄳ", "qnpfrrt"),  # compound vowel and finals are two keys each
        ("12-34", "12-34"),
    ],
)
def test_hangul_mode_keys_reads_the_keys_back(typed: str, keys: str) -> None:
    assert hangul_mode_keys(typed) == keys


def test_an_id_typed_in_hangul_mode_carries_its_english_reading() -> None:
    with pytest.raises(TypedInHangulMode) as caught:
        normalize_merchant_uid("  ㅐㄱㅇㄷㄱ-1001 ")
    assert (caught.value.reason, caught.value.keys) == ("hangul_mode", "order-1001")
    assert isinstance(caught.value, InvalidMerchantUid)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_every_jamo_key_reads_back_as_its_key(keys: str) -> None:
    # Typed one key at a time with no syllable forming: each key gives exactly one jamo.
    from iamport_desk.rules.orders import _JAMO_KEYS

    by_key = {k: j for j, k in _JAMO_KEYS.items() if len(k) == 1}
    assert hangul_mode_keys("".join(by_key[k] for k in keys)) == keys


@given(st.text(max_size=40))
def test_normalize_is_idempotent_and_only_strips(raw: str) -> None:
    try:
        uid = normalize_merchant_uid(raw)
    except InvalidMerchantUid:
        return
    assert uid == raw.strip()
    assert normalize_merchant_uid(uid) == uid
    assert not any(c in ZERO_WIDTH or c in BIDI_CONTROLS for c in uid)
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in uid)


# ------------------------------------------------------------------ profile names and keys


def test_profile_name_and_tokens_raise_rule_errors() -> None:
    with pytest.raises(RuleError) as caught:
        rules.validate_profile_name("a\u200bb")
    assert (caught.value.field, caught.value.kind) == ("name", "control")
    with pytest.raises(RuleError) as caught:
        rules.validate_imp_secret("x" * (rules.MAX_TOKEN_LENGTH + 1))
    assert (caught.value.field, caught.value.kind) == ("imp_secret", "too_long")
    assert rules.validate_imp_key(" key-1 ") == "key-1"
    assert rules.validate_profile_name("x" * rules.MAX_NAME_LENGTH) == "x" * rules.MAX_NAME_LENGTH


# ------------------------------------------------------------------ defined once


def test_kst_is_defined_once() -> None:
    assert history_export.KST is formatting.KST
    assert formatting.KST.utcoffset(None).total_seconds() == 9 * 3600


def test_rules_and_settings_import_neither_qt_nor_httpx_nor_credentials() -> None:
    # A fresh interpreter: what importing the rules and the settings pulls in.
    code = (
        "import sys; import iamport_desk.rules, iamport_desk.settings; "
        "print(sorted(m for m in ('PySide6', 'httpx', 'iamport_desk.credentials', "
        "'iamport_desk.api') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_api_reexports_the_rules_not_copies() -> None:
    from iamport_desk import api, credentials

    assert api.validate_base_url is rules.validate_base_url
    assert api.validate_tier_code is rules.validate_tier_code
    assert api.normalize_merchant_uid is rules.normalize_merchant_uid
    assert api.MAX_MERCHANT_UID_LENGTH == rules.MAX_MERCHANT_UID_LENGTH
    assert issubclass(credentials.CredentialError, RuleError)
