"""The sentences for issuing (issue 15): the identifier's refusals and the issue's outcomes."""

from __future__ import annotations

import itertools

import pytest

from iamport_desk.errors import ApiError, NetworkError, OutcomeUnknown
from iamport_desk.rules import IdentifierError, validate_identifier
from iamport_desk.ui.words import (
    derived_order_sentence,
    describe_error,
    describe_issue_error,
    identifier_kind_label,
    identifier_problem,
)

KINDS = ("phone", "business", "taxcard")
WHYS = ("empty", "not_digits", "mobile_prefix", "length", "check_digit")


@pytest.mark.parametrize(("identifier_kind", "why"), list(itertools.product(KINDS, WHYS)))
def test_every_refusal_has_a_sentence_and_describe_error_uses_it(
    identifier_kind: str, why: str
) -> None:
    error = IdentifierError("x", kind=why, identifier_kind=identifier_kind)
    text = identifier_problem(error)
    assert text and "{0}" not in text
    assert describe_error(error).text == text
    assert describe_issue_error(error).text == text


def test_the_sentences_fit_the_case() -> None:
    def sentence(raw: str, kind: str) -> str:
        with pytest.raises(IdentifierError) as caught:
            validate_identifier(raw, kind)
        return identifier_problem(caught.value)

    assert "digits only" in sentence("010.1234.5678", "phone")
    assert "mobile number" in sentence("010.1234.5678", "phone")
    assert "010, 011" in sentence("0212345678", "phone")
    assert "10 digits" in sentence("123", "business")
    assert "certificate" in sentence("1248100990", "business")
    assert "13 to 19" in sentence("123", "taxcard")
    assert "cash receipt card number" in sentence("", "taxcard")
    for text in (sentence("010.1234.5678", "phone"), sentence("1248100990", "business")):
        assert "1234" not in text and "1248100990" not in text  # never the value


def test_kind_labels() -> None:
    assert [identifier_kind_label(k) for k in KINDS] == [
        "mobile number",
        "business registration number",
        "cash receipt card number",
    ]


@pytest.mark.parametrize(
    "reason", ["no_answer", "unreadable", "other_order", "redirect", "deadline", "aborted"]
)
def test_unknown_issues_say_so_and_never_suggest_issuing_again(reason: str) -> None:
    text = describe_issue_error(OutcomeUnknown("x", reason=reason)).text
    assert text.startswith("It is not known whether the receipt was issued: ")
    assert "Do not issue it again" in text and "look the order number up" in text
    assert "cancel" not in text


def test_a_refusal_shows_portones_words_apart() -> None:
    message = describe_issue_error(ApiError("x", status=400, code=-1, message="이미 발행됨"))
    assert message.text.startswith("PortOne refused to issue the receipt. Nothing was issued.")
    assert message.text.endswith("(HTTP 400, code -1)")
    assert message.server == "이미 발행됨"
    pg = describe_issue_error(ApiError("x", status=500, code=-1, message="[PG] 실패"))
    assert pg.text.startswith("The payment gateway refused or failed to issue the receipt.")


def test_other_failures_are_described_as_usual() -> None:
    error = NetworkError("x", kind="refused")
    assert describe_issue_error(error) == describe_error(error)


def test_the_derived_order_number_is_shown_isolated() -> None:
    text = derived_order_sentence("00012345-R1")
    assert "\u206800012345-R1\u2069" in text and "books" in text
