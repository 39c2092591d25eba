"""The customer identifier's rules (issue 15): by kind, digits only, masked when shown."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iamport_desk.rules import (
    IdentifierError,
    RuleError,
    business_number_check_digit,
    identifier_kind_for,
    mask_identifier,
    validate_identifier,
)

# 사업자등록번호 with a valid check digit (124-81-00998 is a widely published one; the
# others were checked by hand with the weights below).
KNOWN_VALID_BUSINESS_NUMBERS = ("1248100998", "2208162517", "1208147521")


@pytest.mark.parametrize("number", KNOWN_VALID_BUSINESS_NUMBERS)
def test_known_business_numbers_pass(number: str) -> None:
    assert business_number_check_digit(number[:9]) == int(number[9])
    assert validate_identifier(number, "business") == number
    assert validate_identifier(f"{number[:3]}-{number[3:5]}-{number[5:]}", "business") == number


def test_check_digit_by_hand() -> None:
    # 1,2,4,8,1,0,0,9,9 x 1,3,7,1,3,7,1,3,5 = 1+6+28+8+3+0+0+27+45 = 118; + (9*5)//10 = 4
    # -> 122; (10 - 2) % 10 = 8.
    assert business_number_check_digit("124810099") == 8
    assert business_number_check_digit("000000000") == 0


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_exactly_one_check_digit_passes(first_nine: str) -> None:
    right = business_number_check_digit(first_nine)
    assert 0 <= right <= 9
    for last in range(10):
        number = f"{first_nine}{last}"
        if last == right:
            assert validate_identifier(number, "business") == number
        else:
            with pytest.raises(IdentifierError) as caught:
                validate_identifier(number, "business")
            assert caught.value.kind == "check_digit"
            assert number not in str(caught.value) and number not in repr(caught.value)


@given(
    st.sampled_from(["010", "011", "016", "017", "018", "019"]),
    st.text(alphabet="0123456789", min_size=7, max_size=8),
)
def test_every_mobile_prefix_with_seven_or_eight_digits(prefix: str, rest: str) -> None:
    number = prefix + rest
    assert validate_identifier(number, "phone") == number
    assert validate_identifier(f"{prefix}-{rest[:-4]}-{rest[-4:]}", "phone") == number


@pytest.mark.parametrize(
    ("raw", "kind", "why"),
    [
        ("", "phone", "empty"),
        (" - ", "phone", "empty"),
        ("02-123-4567", "phone", "mobile_prefix"),
        ("0151234567", "phone", "mobile_prefix"),
        ("010123456", "phone", "length"),
        ("010123456789", "phone", "length"),
        ("010.1234.5678", "phone", "not_digits"),
        ("010-1234-567o", "phone", "not_digits"),
        ("+821012345678", "phone", "not_digits"),
        ("124810099", "business", "length"),
        ("1248100990", "business", "check_digit"),
        ("123456789012", "taxcard", "length"),
        ("12345678901234567890", "taxcard", "length"),
        ("1234\u200b567890123", "taxcard", "not_digits"),
    ],
)
def test_refusals_name_the_kind_and_never_the_value(raw: str, kind: str, why: str) -> None:
    with pytest.raises(IdentifierError) as caught:
        validate_identifier(raw, kind)
    error = caught.value
    assert isinstance(error, RuleError) and isinstance(error, ValueError)
    assert (error.field, error.kind, error.identifier_kind) == ("identifier", why, kind)
    digits = "".join(c for c in raw if c.isdigit())
    if len(digits) >= 4:
        assert digits not in str(error) and digits not in repr(error)


def test_separators_are_removed_and_full_width_digits_become_ascii() -> None:
    assert validate_identifier(" 010 1234 5678\n", "phone") == "01012345678"
    assert validate_identifier("010\u20131234\u20135678", "phone") == "01012345678"  # en dash
    assert validate_identifier("０１０－１２３４－５６７８", "phone") == "01012345678"
    assert validate_identifier("1234-5678-9012-3456", "taxcard") == "1234567890123456"


def test_the_card_number_lengths() -> None:
    assert validate_identifier("1" * 13, "taxcard") == "1" * 13
    assert validate_identifier("1" * 19, "taxcard") == "1" * 19


def test_an_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="kind") as caught:
        validate_identifier("01012345678", "resident")
    assert not isinstance(caught.value, IdentifierError)


def test_the_default_kind_per_receipt_type() -> None:
    assert identifier_kind_for("person") == "phone"
    assert identifier_kind_for("company") == "business"
    with pytest.raises(ValueError):
        identifier_kind_for("PERSONAL")


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("01012345678", "*******5678"),
        ("1248100998", "******0998"),
        ("010-1234-5678", "*******5678"),  # separators carry nothing: dropped first
        ("12345", "*2345"),
        ("1234", "****"),
        ("", ""),
    ],
)
def test_mask_identifier(value: str, masked: str) -> None:
    assert mask_identifier(value) == masked


@given(st.text(alphabet="0123456789", min_size=5, max_size=19))
def test_masking_keeps_only_the_last_four_digits(value: str) -> None:
    masked = mask_identifier(value)
    assert len(masked) == len(value)
    assert masked[-4:] == value[-4:]
    assert set(masked[:-4]) <= {"*"}


def test_the_derived_order_number_keeps_the_original_visible() -> None:
    from iamport_desk.errors import InvalidMerchantUid
    from iamport_desk.rules import MAX_MERCHANT_UID_LENGTH, derived_order_number

    assert derived_order_number(" 00012345 ") == "00012345-R1"
    assert derived_order_number("00000202611250000017", 2) == "00000202611250000017-R2"
    with pytest.raises(ValueError):
        derived_order_number("00012345", 0)
    with pytest.raises(InvalidMerchantUid):
        derived_order_number("9" * MAX_MERCHANT_UID_LENGTH)


def test_every_identifier_kind_has_an_identity_number_type() -> None:
    from iamport_desk.models import IDENTITY_NUMBER_TYPE_FOR_KIND
    from iamport_desk.rules import IDENTIFIER_KINDS
    from iamport_desk.v1_issue import IDENTIFIER_TYPES, V1_IDENTIFIER_TYPES

    assert set(IDENTITY_NUMBER_TYPE_FOR_KIND) == set(IDENTIFIER_KINDS)
    assert set(IDENTITY_NUMBER_TYPE_FOR_KIND.values()) == {"PHONE", "BUSINESS", "CARD"}
    # The rules' kinds are V1's own identifier_type values, sent as they are.
    assert V1_IDENTIFIER_TYPES == {"PHONE": "phone", "BUSINESS": "business", "CARD": "taxcard"}
    assert set(IDENTIFIER_KINDS) <= set(IDENTIFIER_TYPES)
