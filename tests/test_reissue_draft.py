"""The correction form's rules and model (issue 15): what the clerk typed, checked first."""

from __future__ import annotations

import pytest

from iamport_desk.models import Receipt
from iamport_desk.reissue_draft import check_draft, draft_defaults
from iamport_desk.rules import (
    IdentifierError,
    RuleError,
    validate_issue_amount,
    validate_issue_vat,
    validate_order_name,
)

RECEIPT = Receipt("00012345", "tid", "000123457", "person", 55000, 5000, None, 1, 2)


@pytest.mark.parametrize(
    ("raw", "amount"),
    [("55000", 55000), ("55,000", 55000), ("55,000원", 55000), ("５５０００", 55000)],
)
def test_an_amount_is_whole_won_with_grouping_allowed(raw: str, amount: int) -> None:
    assert validate_issue_amount(raw) == amount


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("", "empty"),
        ("0", "zero"),
        ("55.5", "not_digits"),
        ("-1", "not_digits"),
        ("9" * 20, "too_large"),
    ],
)
def test_a_bad_amount_is_refused_by_kind(raw: str, kind: str) -> None:
    with pytest.raises(RuleError) as caught:
        validate_issue_amount(raw)
    assert (caught.value.field, caught.value.kind) == ("amount", kind)


def test_the_vat_is_optional_and_within_the_amount() -> None:
    assert validate_issue_vat("", 55000) is None
    assert validate_issue_vat("5,000", 55000) == 5000
    with pytest.raises(RuleError) as caught:
        validate_issue_vat("60000", 55000)
    assert (caught.value.field, caught.value.kind) == ("vat", "too_large")


@pytest.mark.parametrize(
    ("raw", "kind"), [("  ", "empty"), ("사무\u200b용품", "control"), ("가" * 101, "too_long")]
)
def test_a_bad_item_name_is_refused_by_kind(raw: str, kind: str) -> None:
    with pytest.raises(RuleError) as caught:
        validate_order_name(raw)
    assert (caught.value.field, caught.value.kind) == ("order_name", kind)


def test_the_defaults_come_from_the_receipt_being_corrected() -> None:
    defaults = draft_defaults(RECEIPT)
    assert (defaults.merchant_uid, defaults.amount, defaults.vat) == ("00012345", 55000, 5000)
    assert (defaults.receipt_type, defaults.identifier_kind) == ("person", "phone")


def test_a_checked_draft_sends_digits_and_never_shows_them() -> None:
    draft = check_draft(
        draft_defaults(RECEIPT),
        receipt_type="company",
        order_name=" 사무용품 ",
        amount="55,000",
        vat="",
        identifier="124-81-00998",
        identifier_kind="business",
    )
    assert draft.identifier == "1248100998" and draft.vat is None
    assert draft.order_name == "사무용품" and draft.corrects_uid == "00012345"
    assert "1248100998" not in repr(draft)
    request = draft.request("channel-key-1")
    assert (request.payment_id, request.identity_number_type) == ("00012345", "BUSINESS")
    assert "1248100998" not in repr(request)
    assert draft.identifier_masked == "******0998"


def test_a_wrong_identifier_is_refused_before_anything_else() -> None:
    with pytest.raises(IdentifierError) as caught:
        check_draft(
            draft_defaults(RECEIPT),
            receipt_type="company",
            order_name="",
            amount="",
            vat="",
            identifier="1248100999",
            identifier_kind="business",
        )
    assert caught.value.kind == "check_digit"


def test_derived_numbers_count_up_past_those_tried() -> None:
    draft = check_draft(
        draft_defaults(RECEIPT),
        receipt_type="person",
        order_name="x",
        amount="1",
        vat="",
        identifier="01012345678",
        identifier_kind="phone",
    )
    assert draft.next_derived() == "00012345-R1"
    derived = draft.under("00012345-R1")
    assert derived.is_derived and not draft.is_derived
    assert derived.next_derived(frozenset({"00012345"})) == "00012345-R2"
