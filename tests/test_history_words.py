"""The clerk's words for the history: one sentence per reason, note codes worded at display
and export time (the store keeps codes)."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from iamport_desk.history import History, HistoryUnavailable, Reason
from iamport_desk.history_export import DEFAULT_HEADERS
from iamport_desk.models import NoteCode, Outcome
from iamport_desk.ui.words import describe_error, note_text
from tests.test_history import read_csv


def test_each_reason_has_its_own_sentence() -> None:
    texts = {reason: describe_error(HistoryUnavailable(reason)).text for reason in get_args(Reason)}
    assert len(set(texts.values())) == len(texts)
    assert "newer version" in texts["newer"]
    assert "damaged" not in texts["newer"]  # a newer file is not reported as damaged
    assert "empty" in texts["emptied"] and "network drive" in texts["network"]
    assert "disk space" in texts["full"] and "read-only" in texts["readonly"]


def test_every_note_code_has_words() -> None:
    for code in NoteCode:
        assert note_text(code) and note_text(code) != code.value
    assert note_text("interrupted; confirmed_by_lookup") == (
        "Interrupted (the app closed or crashed); Confirmed by lookup"
    )
    assert note_text("hand-edited") == "hand-edited"  # not a code: shown as it is
    assert note_text(None) == ""


@pytest.mark.usefixtures("qapp")
def test_export_words_the_notes_through_the_callers_translator(tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite3", operator="clerk") as h:
        entry_id = h.begin(profile="p", tier_code=None, merchant_uid="ORD-1")
        h.finish(entry_id, Outcome.UNKNOWN, note=NoteCode.ANSWER_LOST)
        h.export_csv(tmp_path / "codes.csv")
        h.export_csv(tmp_path / "words.csv", note_words=note_text)
    note = DEFAULT_HEADERS.index("note")  # the new columns of schema 4 come after it
    assert read_csv(tmp_path / "codes.csv")[1][note] == "answer_lost"
    assert read_csv(tmp_path / "words.csv")[1][note] == "No answer came back"
