"""The cancellation confirmation (발행취소 확인서): one cancellation, or many with totals, as PDF.

The same code draws onto a :class:`QPdfWriter` (save as PDF) and a :class:`QPrinter` (print):
:func:`render` lays out a :class:`QTextDocument` for the device's page and paints it page by
page with a footer. Every value goes in through ``QTextCursor.insertText`` (plain text, never
HTML), so a server's text cannot format the page; long identifiers wrap anywhere rather than
being cut. The receipt URL is printed as text and, when it is a web address that may be opened
(:func:`formatting.safe_link`), as a QR code made with segno.

Inputs are :class:`ConfirmationRecord` values (:mod:`confirmation_record`, re-exported here),
built by :func:`record_from_entry` (a history row) or :func:`record_from_receipt` (the result
screen).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import tempfile
import time
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import segno
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)

from iamport_desk import __version__, i18n
from iamport_desk.formatting import format_kst_seconds, isolate, safe_link
from iamport_desk.ui.confirmation_record import (
    ConfirmationRecord,
    NotCancelledError,
    record_from_entry,
    record_from_receipt,
    visible,
)
from iamport_desk.ui.words import confirmation as words

if TYPE_CHECKING:
    # Only the caller that prints needs Qt's print support (a separate Qt library that the
    # bundle may leave out); saving a PDF does not.
    from PySide6.QtPrintSupport import QPrinter

PDF_RESOLUTION = 300  # dots per inch: sharp QR modules, small files
_MARGIN_MM = 15.0
_QR_MM = 32.0
_BODY_PT, _TITLE_PT, _SMALL_PT = 10.0, 16.0, 8.0
_FORMAT_DPI = 96
_HEADINGS = "iamport_desk_record_headings"  # where each record's heading block starts
_UNPAGED = 1e9  # a page height no report reaches


def save_pdf(
    dest: Path,
    records: Sequence[ConfirmationRecord],
    *,
    scope: str | None = None,
    generated_at: float | None = None,
) -> int:
    """Write the confirmation (or the report, for several records) to ``dest``; returns pages.

    Written beside ``dest`` first, readable by the user only, and moved into place when
    complete, so a failure never leaves half a PDF.
    """
    dest = Path(dest)
    fd, tmp_name = tempfile.mkstemp(prefix=".confirmation-", suffix=".pdf.tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(words.title(len(records)))
        writer.setCreator(f"iamport-desk {__version__}")
        writer.setPageLayout(a4_layout())
        pages = render(writer, records, scope=scope, generated_at=generated_at)
        del writer  # closes the file
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return pages


def print_records(
    printer: QPrinter,
    records: Sequence[ConfirmationRecord],
    *,
    scope: str | None = None,
    generated_at: float | None = None,
) -> int:
    """Print through ``printer`` (e.g. from a QPrintDialog) exactly what :func:`save_pdf` saves."""
    printer.setDocName(words.title(len(records)))
    return render(printer, records, scope=scope, generated_at=generated_at)


def a4_layout() -> QPageLayout:
    margins = QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )


def render(
    device: QPagedPaintDevice,
    records: Sequence[ConfirmationRecord],
    *,
    scope: str | None = None,
    generated_at: float | None = None,
) -> int:
    """Paint the confirmation onto ``device`` (a QPdfWriter or a QPrinter); returns pages.

    One record without a ``scope`` is a confirmation; otherwise a report with totals.
    """
    if not records:
        raise ValueError("a confirmation needs at least one cancellation")
    dpi = device.logicalDpiY()
    page = device.pageLayout().paintRectPixels(device.logicalDpiX())
    footer_h = _points_to_px(_SMALL_PT * 2.6, dpi)
    body = QSizeF(page.width(), page.height() - footer_h)
    when = time.time() if generated_at is None else generated_at
    doc = build_document(records, scope=scope, generated_at=when, device=device)
    # Plan the page breaks on one tall page (one layout), then lay out once with them: moving
    # records one at a time re-lays out the rest of the document every time.
    doc.setPageSize(QSizeF(body.width(), _UNPAGED))
    breaks = plan_page_breaks(_record_spans(doc), body.height(), _heading_margin(doc, dpi))
    if breaks:
        doc = build_document(records, scope=scope, generated_at=when, device=device, breaks=breaks)
    doc.setPageSize(body)
    keep_records_together(doc)  # a safety net: finds nothing when the plan was right
    total = doc.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for drawing")
    try:
        for number in range(total):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, number * body.height(), body.width(), body.height())
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
            _draw_footer(painter, body, footer_h, number + 1, total, records, dpi)
    finally:
        painter.end()
    return total


def _draw_footer(
    painter: QPainter,
    body: QSizeF,
    height: float,
    number: int,
    total: int,
    records: Sequence[ConfirmationRecord],
    dpi: int,
) -> None:
    font = document_font(_SMALL_PT)
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    rows = ", ".join(f"#{r.history_id}" for r in records[:3]) + (" …" if len(records) > 3 else "")
    left = f"iamport-desk {__version__} · {words.field_labels()['row']} {rows}"
    area = QRectF(0, body.height() + _points_to_px(_SMALL_PT, dpi), body.width(), height)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft), left)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignRight), words.page(number, total))


def _points_to_px(points: float, dpi: int) -> float:
    return points * dpi / 72.0


def document_font(point_size: float) -> QFont:
    """The app's Korean font choice (see :func:`i18n.hangul_families`), at ``point_size``."""
    font = QFont()
    families = _hangul_families()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(point_size)
    # Shaped runs of Noto Sans CJK draw digits inside Latin text with substituted glyphs that
    # Qt's PDF writer cannot map back to characters: the page looks right but its text (copy,
    # search, pdftotext) loses them. Korean syllables and Latin need no shaping.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


@functools.lru_cache(maxsize=1)
def _hangul_families() -> list[str]:
    # Asked once: the font database lists hundreds of families and every cell needs a font.
    return i18n.hangul_families(QFontDatabase.families())


def build_document(
    records: Sequence[ConfirmationRecord],
    *,
    scope: str | None,
    generated_at: float,
    device: QPagedPaintDevice | None = None,
    breaks: Collection[int] = (),
) -> QTextDocument:
    """The confirmation as a text document laid out for ``device``.

    ``breaks``: indexes of the records (in a report) that start a new page.
    """
    doc = QTextDocument()
    # Lengths in text formats are in 1/96 inch: Qt's layout scales them to the device.
    dpi = _FORMAT_DPI
    doc.setDefaultFont(document_font(_BODY_PT))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # ids wrap, never cut
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(0)
    cursor = QTextCursor(doc)
    headings: list[int] = []
    _paragraph(cursor, words.title(len(records)), _TITLE_PT, dpi, bold=True, first=True)
    _paragraph(
        cursor, words.generated(__version__, format_kst_seconds(generated_at)), _SMALL_PT, dpi
    )
    report = len(records) > 1 or scope is not None
    if scope is not None:
        _paragraph(cursor, words.scope(visible(scope)), _BODY_PT, dpi)
    if report:
        _totals(cursor, records, dpi)
    for number, record in enumerate(records, start=1):
        if report:
            heading = words.heading(number, isolate(visible(record.merchant_uid)))
            _paragraph(cursor, heading, _BODY_PT + 1, dpi, bold=True)
            if number - 1 in breaks:
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.mergeBlockFormat(fmt)
            headings.append(cursor.block().position())
        _record_table(doc, cursor, record, dpi)
    doc.setProperty(_HEADINGS, headings)
    if device is not None:
        # Only now: with a layout attached, every insertion above would re-lay out the page.
        doc.documentLayout().setPaintDevice(device)
    return doc


def _record_spans(doc: QTextDocument) -> list[tuple[float, float]]:
    """Top of each record's heading and bottom of its table, in the current layout."""
    layout = doc.documentLayout()
    spans = []
    for position in doc.property(_HEADINGS) or []:
        block = doc.findBlock(position)
        table = QTextCursor(block.next()).currentTable()
        if table is not None:
            top = layout.blockBoundingRect(block).top()
            spans.append((top, layout.frameBoundingRect(table).bottom()))
    return spans


def _heading_margin(doc: QTextDocument, dpi: int) -> float:
    """A heading's top margin in device pixels: where it starts on a fresh page."""
    headings = doc.property(_HEADINGS) or []
    if not headings:
        return 0.0
    return float(doc.findBlock(headings[0]).blockFormat().topMargin()) * dpi / _FORMAT_DPI


def plan_page_breaks(
    spans: Sequence[tuple[float, float]], page_height: float, margin: float
) -> frozenset[int]:
    """Which records must start a new page so that none is split, given their unpaged spans.

    A record taller than a page is left to break where it must.
    """
    breaks = set()
    shift = 0.0
    for index, (top, bottom) in enumerate(spans):
        start, end = top + shift, bottom + shift
        if end - start < page_height and int(start // page_height) != int((end - 1) // page_height):
            fresh = (int(start // page_height) + 1) * page_height + margin
            shift += fresh - start
            breaks.add(index)
    return frozenset(breaks)


def keep_records_together(doc: QTextDocument) -> None:
    """Start a record on a new page when it would otherwise be split over two.

    Needs the page size set; a record taller than a page is left to break where it must.
    """
    layout = doc.documentLayout()
    page_height = doc.pageSize().height()
    for position in doc.property(_HEADINGS) or []:
        block = doc.findBlock(position)
        top = layout.blockBoundingRect(block).top()
        table = QTextCursor(block).currentFrame()
        next_block = block.next()
        frame = QTextCursor(next_block).currentTable() if next_block.isValid() else None
        if frame is None or table is None:
            continue
        bottom = layout.frameBoundingRect(frame).bottom()
        split = int(top // page_height) != int((bottom - 1) // page_height)
        if split and bottom - top < page_height:
            fmt = QTextBlockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).mergeBlockFormat(fmt)
            layout.documentSize()  # lay out again before measuring the next record


def _paragraph(
    cursor: QTextCursor,
    text: str,
    size: float,
    dpi: int,
    *,
    bold: bool = False,
    first: bool = False,
) -> None:
    block = QTextBlockFormat()
    block.setTopMargin(0 if first else _points_to_px(size * 0.9, dpi))
    block.setBottomMargin(_points_to_px(size * 0.3, dpi))
    char = QTextCharFormat()
    char.setFont(document_font(size))
    char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    if first:
        cursor.setBlockFormat(block)
        cursor.setBlockCharFormat(char)
    else:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock(block, char)
    cursor.insertText(text, char)


def _table_format(widths: Sequence[float], dpi: int) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorder(_points_to_px(0.75, dpi))
    fmt.setBorderBrush(QColor("#888888"))
    fmt.setBorderCollapse(True)
    fmt.setCellPadding(_points_to_px(2.25, dpi))
    fmt.setCellSpacing(0)
    fmt.setTopMargin(_points_to_px(3, dpi))
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
    )
    return fmt


def _cell(cursor: QTextCursor, text: str, *, bold: bool = False) -> None:
    char = QTextCharFormat()
    char.setFont(document_font(_BODY_PT))
    char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    cursor.insertText(text, char)


def _totals(cursor: QTextCursor, records: Sequence[ConfirmationRecord], dpi: int) -> None:
    _paragraph(cursor, words.totals_heading(), _BODY_PT + 1, dpi, bold=True)
    amounts = [r.amount for r in records if r.amount is not None]
    vats = [r.vat for r in records if r.vat is not None]
    values = [
        words.count(len(records)),
        _with_missing(words.won(sum(amounts)), len(records) - len(amounts)),
        _with_missing(words.won(sum(vats)), len(records) - len(vats)),
    ]
    cursor.movePosition(QTextCursor.MoveOperation.End)
    table = cursor.insertTable(len(values), 2, _table_format([35, 65], dpi))
    for row, (label, value) in enumerate(zip(words.totals_labels(), values, strict=True)):
        _cell(table.cellAt(row, 0).firstCursorPosition(), label, bold=True)
        _cell(table.cellAt(row, 1).firstCursorPosition(), value)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _with_missing(text: str, missing: int) -> str:
    return f"{text} {words.unknown_amounts(missing)}" if missing else text


def field_values(record: ConfirmationRecord) -> dict[str, str]:
    """Every field of ``record`` as printed, keyed like :func:`words.field_labels`."""
    missing = words.not_recorded()

    def text(value: str | None) -> str:
        return visible(value) if value else missing

    def when(value: int | None) -> str:
        return format_kst_seconds(value) if value is not None else missing

    def money(value: int | None) -> str:
        return words.won(value) if value is not None else missing

    return {
        "store": text(record.store),
        "tier": text(record.tier_code),
        "order": visible(record.merchant_uid),
        "apply_num": text(record.apply_num),
        "issued": when(record.issued_at),
        "amount": money(record.amount),
        "vat": money(record.vat),
        "type": words.receipt_type(record.receipt_type),
        "cancelled": when(record.cancelled_at),
        "reason": words.reason(record.reason),
        "memo": text(record.reason_memo),
        "operator": text(record.operator),
        "url": text(record.receipt_url),
        "row": f"#{record.history_id}"
        + ("" if record.corrected_by is None else " " + words.corrected_by(record.corrected_by)),
        "version": __version__,
    }


def _record_table(
    doc: QTextDocument, cursor: QTextCursor, record: ConfirmationRecord, dpi: int
) -> None:
    labels = words.field_labels()
    values = field_values(record)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    table = cursor.insertTable(len(labels), 3, _table_format([27, 48, 25], dpi))
    for row, key in enumerate(labels):
        _cell(table.cellAt(row, 0).firstCursorPosition(), labels[key], bold=True)
        _cell(table.cellAt(row, 1).firstCursorPosition(), values[key])
    table.mergeCells(0, 2, len(labels), 1)
    qr_cursor = table.cellAt(0, 2).firstCursorPosition()
    centred = QTextBlockFormat()
    centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    qr_cursor.setBlockFormat(centred)
    image = qr_image(record.receipt_url)
    if image is None:
        _cell(qr_cursor, words.no_qr() if record.receipt_url else "")
    else:
        name = f"qr-{record.history_id}-{id(record)}"
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        fmt = QTextImageFormat()
        fmt.setName(name)
        side = _QR_MM / 25.4 * dpi
        fmt.setWidth(side)
        fmt.setHeight(side)
        qr_cursor.insertImage(fmt)
        qr_cursor.insertBlock(centred)
        char = QTextCharFormat()
        char.setFont(document_font(_SMALL_PT))
        qr_cursor.insertText(words.qr_caption(), char)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def qr_image(url: str | None) -> QImage | None:
    """The QR code of ``url`` as an image, or None when it must not be offered to a phone."""
    link = safe_link(url)
    if link is None:
        return None
    png = _qr_png(link)
    image = QImage()
    if png is None or not image.loadFromData(png, "PNG"):
        return None
    return image


@functools.lru_cache(maxsize=64)
def _qr_png(link: str) -> bytes | None:
    # Cached: a report is laid out twice (to plan its page breaks) and segno takes ~10 ms.
    try:
        code = segno.make(link, error="m", micro=False)
    except segno.DataOverflowError:
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=10, border=4)  # 4 modules of quiet zone, as specified
    return buffer.getvalue()


def qr_matrix(url: str) -> list[list[bool]]:
    """The dark modules of the QR code drawn for ``url`` (row by row), for checking."""
    code = segno.make(url, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix]


__all__ = [
    "ConfirmationRecord",
    "NotCancelledError",
    "a4_layout",
    "build_document",
    "document_font",
    "field_values",
    "keep_records_together",
    "plan_page_breaks",
    "print_records",
    "qr_image",
    "qr_matrix",
    "record_from_entry",
    "record_from_receipt",
    "render",
    "save_pdf",
    "visible",
]
