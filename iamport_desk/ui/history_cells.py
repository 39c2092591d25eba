"""The history table's columns, and untrusted text made safe to show in a cell or tooltip.

Everything in a row may come from a server (messages) or from another program writing the
same file, so every cell is plain text, stripped of control and bidirectional formatting
characters and shortened to a sane length; tooltips are escaped HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Final

from iamport_desk.formatting import elide
from iamport_desk.history import SORT_COLUMNS
from iamport_desk.ui.noop import QT_TRANSLATE_NOOP

# Cells are shortened to this many characters; tooltips show up to TOOLTIP_LIMIT.
CELL_LIMIT: Final = 200
TOOLTIP_LIMIT: Final = 2000

# Unicode controls that reorder or hide text (a "Trojan source" order number could
# otherwise look like another one). C0/C1 controls are handled separately.
_BIDI_AND_INVISIBLE: Final = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)

_CLEAN_TABLE: Final = {
    **{code: " " for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)},
    **{ord(ch): None for ch in _BIDI_AND_INVISIBLE},
}


def plain_cell(text: str | None, limit: int = CELL_LIMIT) -> str:
    """Untrusted text as one line of plain text, at most ``limit`` characters."""
    if not text:
        return ""
    # Cut first (a megabyte of server text is not worth cleaning), then clean.
    cut = len(text) > limit * 2
    cleaned = text[: limit * 2].translate(_CLEAN_TABLE).strip()
    if cut and len(cleaned) < limit:
        cleaned += "…"
    return elide(cleaned, limit)


def html_tooltip(text: str) -> str:
    """A tooltip that Qt can never render as markup from the text itself.

    QToolTip guesses rich text with ``Qt::mightBeRichText``; escaping the text and
    wrapping it in ``<qt>`` makes the guess certain and the content inert.
    """
    return "<qt>" + html.escape(text, quote=False) + "</qt>"


@dataclass(frozen=True)
class Column:
    title: str  # untranslated source text (context "HistoryTableModel")
    sort_key: str | None  # a History.SORT_COLUMNS key, or None: not sortable
    numeric: bool = False  # right-aligned
    technical: bool = False  # hidden until the clerk asks for it (the column chooser)


# The model's (logical) columns. The first twelve are the first release's, in its order (the
# copied row keeps them); the table shows them in BOOKS_ORDER instead.
COLUMNS: Final[tuple[Column, ...]] = (
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Started (KST)"), "started_at"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Profile"), "profile"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Tier"), "tier_code"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Order number"), "merchant_uid"),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Operator"), "operator", technical=True),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Outcome"), "outcome"),
    Column(
        QT_TRANSLATE_NOOP("HistoryTableModel", "HTTP status"), None, numeric=True, technical=True
    ),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Code"), None, numeric=True, technical=True),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Message"), None),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Amount"), "amount", numeric=True),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Approval number"), None),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Receipt link"), None),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Reason"), None),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Action"), None),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Correction"), None),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "Row"), None, numeric=True, technical=True),
    Column(QT_TRANSLATE_NOOP("HistoryTableModel", "API"), None, technical=True),
)

(
    COL_STARTED,
    COL_PROFILE,
    COL_TIER,
    COL_ORDER,
    COL_OPERATOR,
    COL_OUTCOME,
    COL_STATUS,
    COL_CODE,
    COL_MESSAGE,
    COL_AMOUNT,
    COL_APPROVAL,
    COL_URL,
    COL_REASON,
    COL_ACTION,
    COL_PAIR,
    COL_ROW_ID,
    COL_API,
) = range(len(COLUMNS))

COPIED_COLUMNS: Final = 12  # a copied row: the first release's columns, for what it is pasted into

# What the books read first, left to right; the technical columns last (hidden).
BOOKS_ORDER: Final[tuple[int, ...]] = (
    COL_STARTED,
    COL_ORDER,
    COL_OUTCOME,
    COL_AMOUNT,
    COL_APPROVAL,
    COL_REASON,
    COL_ACTION,
    COL_PAIR,
    COL_URL,
    COL_MESSAGE,
    COL_PROFILE,
    COL_TIER,
    COL_OPERATOR,
    COL_STATUS,
    COL_CODE,
    COL_API,
    COL_ROW_ID,
)

assert sorted(BOOKS_ORDER) == list(range(len(COLUMNS)))
assert all(c.sort_key is None or c.sort_key in SORT_COLUMNS for c in COLUMNS)
