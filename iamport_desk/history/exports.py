"""The history's exports: the filtered rows, as CSV or as a real Excel workbook.

Both go through one row-to-cells mapping (``history_export.entry_values``) and the same
words, so a spreadsheet and a CSV of one view always say the same thing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Mapping, Sequence
from pathlib import Path
from typing import Any

from iamport_desk.history import queries
from iamport_desk.history.queries import NO_FILTER, HistoryFilter
from iamport_desk.history_export import (
    ExportRow,
    NoteWords,
    RecordWords,
    write_csv,
    write_xlsx_export,
)
from iamport_desk.models import Outcome


class HistoryExports:
    """``History``'s export methods (the class itself supplies ``_iter_rows``)."""

    def _iter_rows(
        self, flt: HistoryFilter, order_by: str, descending: bool
    ) -> Generator[ExportRow, None, None]:  # pragma: no cover - History's own
        raise NotImplementedError

    def export_csv(
        self,
        dest: Path,
        flt: HistoryFilter = NO_FILTER,
        *,
        order_by: str = "started_at",
        descending: bool = True,
        headers: Sequence[str] | None = None,
        outcome_labels: Mapping[Outcome, str] | None = None,
        type_labels: Mapping[str, str] | None = None,
        note_words: NoteWords | None = None,
        record_words: RecordWords | None = None,
    ) -> int:
        """Write the filtered history to ``dest`` as Excel-friendly CSV; returns the rows.

        Streams rows and replaces ``dest`` only when complete. ``note_words`` turns a
        row's note codes into the clerk's words (``ui.words.note_text``); without it the
        codes are written. ``record_words`` words the reason, action, source and the
        other columns of schema 4 (``ui.words.record_words()``; Korean by default).
        ``headers`` names every column, or the 18 before schema 4 (the rest are then
        ``record_words.headers``). Errors reading the history raise
        :class:`HistoryUnavailable`; errors writing ``dest`` raise ``OSError``.
        """
        words = _words(headers, outcome_labels, type_labels, note_words, record_words)
        return self._export(write_csv, dest, flt, order_by, descending, words)

    def export_xlsx(
        self,
        dest: Path,
        flt: HistoryFilter = NO_FILTER,
        *,
        order_by: str = "started_at",
        descending: bool = True,
        headers: Sequence[str] | None = None,
        outcome_labels: Mapping[Outcome, str] | None = None,
        type_labels: Mapping[str, str] | None = None,
        note_words: NoteWords | None = None,
        record_words: RecordWords | None = None,
    ) -> int:
        """:meth:`export_csv`'s rows as a real Excel workbook (identifiers as text, amounts
        as numbers in 원, times as KST date-times); the same arguments and errors."""
        words = _words(headers, outcome_labels, type_labels, note_words, record_words)
        return self._export(write_xlsx_export, dest, flt, order_by, descending, words)

    def _export(
        self,
        writer: Callable[..., int],
        dest: Path,
        flt: HistoryFilter,
        order_by: str,
        descending: bool,
        words: dict[str, Any],
    ) -> int:
        queries.order(order_by, descending)  # refuse a bad column before creating any file
        with contextlib.closing(self._iter_rows(flt, order_by, descending)) as entries:
            return writer(Path(dest), entries, **words)


def _words(
    headers: Sequence[str] | None,
    outcome_labels: Mapping[Outcome, str] | None,
    type_labels: Mapping[str, str] | None,
    note_words: NoteWords | None,
    record_words: RecordWords | None,
) -> dict[str, Any]:
    return {
        "headers": headers,
        "outcome_labels": outcome_labels,
        "type_labels": type_labels,
        "note_words": note_words,
        "record_words": record_words,
    }
