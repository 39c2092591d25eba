"""What the clerk reads when an issue job ends (issue 15): outcome first, then what to do, then
the history rows; and the form's refusals."""

from __future__ import annotations

import pytest

from iamport_desk.errors import ApiError, OutcomeUnknown
from iamport_desk.jobs import IssueResult
from iamport_desk.models import Action, HistoryEntry, Outcome, Receipt
from iamport_desk.rules import RuleError
from iamport_desk.ui.words import history_reference, issue_said
from iamport_desk.ui.words import reissue as words

RECEIPT = Receipt("00012345", "t", "000999", "company", 55000, 5000, None, 1, None)


def row(entry_id: int, action: Action, outcome: Outcome, uid: str = "00012345") -> HistoryEntry:
    return HistoryEntry(entry_id, 1.0, 2.0, "p", None, uid, "op", outcome, action=action)


CANCEL = row(7, Action.CANCEL, Outcome.CANCELLED)
ISSUED = row(8, Action.ISSUE, Outcome.CANCELLED)


def test_an_issued_receipt_names_both_linked_rows() -> None:
    said = issue_said(IssueResult(receipt=RECEIPT, entry=ISSUED, corrects=CANCEL), "00012345")
    assert said.success and not said.retry
    text = said.message.text
    assert text.index("issued again") < text.index("row 7") < text.index("row 8")
    assert "000999" in text


def test_a_derived_number_reminds_of_the_books() -> None:
    said = issue_said(IssueResult(receipt=RECEIPT, entry=ISSUED), "00012345-R1", derived=True)
    assert "note it on the cash sale" in said.message.text
    assert history_reference(IssueResult(entry=ISSUED)) == "History: row 8."


@pytest.mark.parametrize(
    ("result", "words_in"),
    [
        (IssueResult(missing_channel_key=True), ("channel key", "Ctrl+K")),
        (IssueResult(missing_secret=True), ("secret", "Ctrl+K")),
        (IssueResult(already_corrected=ISSUED, corrects=CANCEL), ("already corrected",)),
    ],
    ids=["no-channel-key", "no-secret", "already-corrected"],
)
def test_nothing_sent_says_so_first(result: IssueResult, words_in: tuple[str, ...]) -> None:
    said = issue_said(result, "00012345")
    assert not said.success and said.message.text.startswith("Nothing was issued")
    for word in words_in:
        assert word in said.message.text


def test_a_refusal_keeps_the_form_open_and_an_unknown_does_not() -> None:
    failed = row(8, Action.ISSUE, Outcome.FAILED)
    refusal = ApiError("refused", status=400, code=-1, message="identifier 오류")
    said = issue_said(IssueResult(error=refusal, entry=failed, corrects=CANCEL), "00012345")
    assert said.retry and said.message.server == "identifier 오류"
    unknown = row(8, Action.ISSUE, Outcome.UNKNOWN)
    lost = OutcomeUnknown("lost", reason="aborted")
    said = issue_said(IssueResult(error=lost, entry=unknown, corrects=CANCEL), "00012345")
    assert not said.retry and not said.success
    assert said.message.text.startswith("It is not known whether the receipt was issued")


def test_a_settled_attempt_says_nothing_was_sent_again() -> None:
    said = issue_said(IssueResult(settled=ISSUED, receipt=RECEIPT, corrects=CANCEL), "00012345")
    assert said.success and said.message.text.startswith("Nothing was sent again")


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("amount", "empty"),
        ("amount", "zero"),
        ("amount", "not_digits"),
        ("amount", "too_large"),
        ("vat", "not_digits"),
        ("vat", "too_large"),
        ("order_name", "empty"),
        ("order_name", "control"),
        ("order_name", "too_long"),
    ],
)
def test_every_form_refusal_has_its_own_sentence(field: str, kind: str) -> None:
    text = words.field_problem(RuleError("x", field=field, kind=kind))
    assert text != words.field_problem(RuleError("x", field="?", kind="?"))


def test_an_answer_that_proves_nothing_is_not_told_as_success() -> None:
    """A 200 naming the cancelled receipt: the row is unknown, and so is the sentence."""
    cancelled = Receipt("00012345", "t", "000999", "company", 55000, 5000, None, 1, 2)
    unknown = row(8, Action.ISSUE, Outcome.UNKNOWN)
    said = issue_said(IssueResult(receipt=cancelled, entry=unknown, corrects=CANCEL), "00012345")
    assert not said.success and not said.retry
    text = said.message.text.replace("\u2068", "").replace("\u2069", "")  # bidi isolates
    assert text.startswith("It is not known whether the receipt of 00012345")
    assert "Do not issue it again" in text


def test_a_receipt_in_effect_is_said_and_no_number_offered() -> None:
    failed = row(8, Action.ISSUE, Outcome.FAILED)
    result = IssueResult(
        entry=failed, corrects=CANCEL, error=ApiError("already issued"), in_effect=RECEIPT
    )
    said = issue_said(result, "00012345")
    assert not said.success and not said.retry
    text = said.message.text.replace("\u2068", "").replace("\u2069", "")  # bidi isolates
    assert text.startswith("Nothing was issued: a cash receipt of 00012345 is already issued")
    assert "000999" in text and "one sale keeps one receipt" in text


def test_an_unknown_channel_and_a_pg_that_cannot_issue_say_where_the_fix_is() -> None:
    from iamport_desk.portone_v2 import V2ChannelNotFound
    from iamport_desk.ui.words.issue import describe_issue_error

    channel = describe_issue_error(
        V2ChannelNotFound("no channel", status=404, error_type="CHANNEL_NOT_FOUND")
    ).text
    assert channel.startswith("Nothing was issued: PortOne knows no channel")
    assert "Channel key" in channel and "채널 관리" in channel
    pg = describe_issue_error(ApiError("not supported", status=501, code=-1)).text
    assert pg.startswith("Nothing was issued: this PG cannot issue cash receipts")
    assert "cancel" not in pg.lower()  # not the cancellation's sentence
