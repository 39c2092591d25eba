"""The sentences for issue 12's network and API cases: outcome first, then what to do."""

from __future__ import annotations

import pytest

from iamport_desk.errors import NetworkError, OtherOrderAnswer, OutcomeUnknown
from iamport_desk.ui.words import describe_error
from tests.ui_helpers import says_in_order

NEW_KINDS = ["proxy_auth", "proxy_unreachable", "proxy_page", "deadline", "aborted"]


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_network_sentences_start_with_the_outcome(kind: str) -> None:
    error = NetworkError("x", kind=kind, status=407 if kind == "proxy_auth" else None)
    assert describe_error(error, cancelling=True).text.startswith("The receipt was not cancelled.")
    looked_up = describe_error(error).text
    assert looked_up.startswith("Nothing was changed.")
    assert "{0}" not in looked_up


def test_the_proxy_status_is_shown_as_a_detail() -> None:
    text = describe_error(NetworkError("x", kind="proxy_page", status=403)).text
    assert "(HTTP 403)" in text and "api.iamport.kr" in text


@pytest.mark.parametrize("reason", ["unreadable", "other_order", "redirect", "deadline", "aborted"])
def test_unknown_outcomes_say_so_first_and_never_suggest_cancelling_again(reason: str) -> None:
    message = describe_error(OutcomeUnknown("x", reason=reason), cancelling=True)
    assert message.text.startswith("It is not known whether the receipt was cancelled: ")
    assert "Do not cancel it again" in message.text


def test_an_unknown_reason_falls_back_to_no_answer() -> None:
    error = OutcomeUnknown("x", reason="nonsense")
    assert error.reason == "no_answer"
    assert says_in_order(
        describe_error(error).text,
        "It is not known whether the receipt was cancelled",
        "the cancellation was sent, but no answer",
    )


def test_another_orders_answer_names_it_isolated() -> None:
    text = describe_error(OtherOrderAnswer("x", answered_uid="\u202eORDER-7")).text
    assert "(\u2068\u202eORDER-7\u2069)" in text
    assert "nothing can be cancelled" in text
