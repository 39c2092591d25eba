"""Hostile input through the window: order numbers, credentials, and what the server answers.

An order number is either refused on the spot (a clear sentence, no request at all) or
sent as exactly one GET to /receipts/external/<the id as ONE percent-encoded segment>.
tests/test_paths_encoding.py proves that property for the client with hypothesis; here a
handful of hostile ids go through the real window, worker thread and simulator.
"""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import quote

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from iamport_desk.formatting import elide, isolate
from iamport_desk.models import Receipt
from iamport_desk.paths import AppPaths
from iamport_desk.rules import MAX_MERCHANT_UID_LENGTH
from iamport_desk.service import DeskService
from iamport_desk.simulator import Fault, Simulator
from iamport_desk.worker import ApiThread, ApiWorker
from tests.test_faults_window import attempts
from tests.ui_helpers import (
    LOOKUP_FAILED,
    cancel,
    look_up,
    make_profiles,
    open_window,
    says_in_order,
)

pytestmark = pytest.mark.timeout(60)

UID = "ORDER-20261125-0001"
PREFIX = "/receipts/external/"
# What the clerk reads when an id is refused, by the reason (ui/messages.py).
REFUSALS = {
    "empty": "Enter an order number first.",
    "too_long": "The order number is far too long to be a real order number.",
    "control": "The order number contains invisible control characters",
    "unsendable": "This order number cannot be sent to PortOne as it is",
    "invisible": "The order number contains an invisible character, ",
    "bidi": "The order number contains a text-direction control character, ",
    "hangul_mode": "The order number was typed while the input method was in Korean (한글) mode",
}

HOSTILE_IDS = [
    "",
    "   ",
    "\t\n \r\n",
    "\t ORDER-20261125-0001 \r\n",  # pasted with a tab and a line break around it
    "ORD\x00ER",
    "A\x1bB",
    "tab\tinside",
    "line\nbreak",
    "del\x7f",
    "x" * 10_000,
    "/",
    "..",
    ".",
    "?",
    "#",
    "%2F",
    "%",
    "+",
    "a b",
    "주문-한글-0005",
    "주문번호 ①②③",
    "🧾💸",
    "\u200fRTL-mark",
    "\u202eevil-override",
    "ORDER-\u2066isolate\u2069",
    "ORDER\u200b-1001",
    "ORDER-\ufeffBOM",  # (QLineEdit itself drops a BOM at the very start)
    "ORDER-\u00adsoft-hyphen",
    "\u2028line-separator",
    "inner\u2028line-separator",
    "ㅐㄱㅇㄷㄱ-1001",  # ORDER-1001 typed in 한글 mode
    "\u110c\u116e\u1106\u116e\u11ab-NFD",  # 주문 decomposed: sent as typed
    "A/B 2026#7?x",
    "../../users/getToken",
    "<b>bold</b>",
    "x" * MAX_MERCHANT_UID_LENGTH,
]


BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


def must_refuse(stripped: str) -> bool:
    """The rule from the design, written apart from normalize_merchant_uid."""
    return refusal_reason(stripped) is not None


def refusal_reason(stripped: str) -> str | None:
    if not stripped:
        return "empty"
    if len(stripped) > MAX_MERCHANT_UID_LENGTH:
        return "too_long"
    for ch in stripped:  # the first offending character decides
        category = unicodedata.category(ch)
        if ch in BIDI:
            return "bidi"
        if category == "Cf":
            return "invisible"
        if category in ("Cc", "Zl", "Zp"):
            return "control"
        if category == "Cs":
            return "unsendable"
    if stripped in (".", ".."):
        return "unsendable"
    letters = [ch for ch in stripped if ch.isalpha()]
    if any(0x3131 <= ord(ch) <= 0x318E for ch in letters) and all(
        "HANGUL" in unicodedata.name(ch) for ch in letters
    ):
        return "hangul_mode"
    return None


def submit(qtbot: QtBot, window: Any, text: str) -> bool:
    """Type-in ``text`` and look it up; True when a request was started."""
    window.order_edit.setText(text)
    with qtbot.waitSignal(window.busy_changed, timeout=500, raising=False) as started:
        window.lookup()
    if not started.signal_triggered:
        return False
    qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    return True


# ------------------------------------------------------------------ order numbers


def test_hostile_order_numbers_are_refused_locally_or_sent_as_one_segment(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    for raw in HOSTILE_IDS:
        stripped = raw.strip()
        if not must_refuse(stripped) and simulator.receipt(stripped) is None:
            simulator.add_receipt(stripped, amount=1100)
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)  # the token is cached: one request per lookup from here
        for raw in HOSTILE_IDS:
            stripped = raw.strip()
            simulator.reset_requests()
            sent = submit(qtbot, window, raw)
            text = window.message.text()
            if must_refuse(stripped):
                assert not sent, f"{raw[:40]!r} should have been refused"
                assert simulator.requests == [], f"{raw[:40]!r} reached the server"
                assert text.startswith(REFUSALS[str(refusal_reason(stripped))]), (raw[:40], text)
                assert window.receipt_view.merchant_uid.text() == "-"
                assert not window.cancel_button.isEnabled()
                continue
            assert sent, f"{raw[:40]!r} was refused, but it can be sent"
            assert [(r.method, r.raw_path) for r in simulator.requests] == [
                ("GET", PREFIX + quote(stripped, safe=""))
            ], raw[:40]
            assert simulator.requests[0].path == PREFIX + stripped
            # The server found the very receipt: the id arrived whole, nothing else.
            assert window.receipt_view.merchant_uid.text() == elide(stripped), raw[:40]
            assert window.cancel_button.isEnabled(), (raw[:40], text)
        assert simulator.count("DELETE") == 0
    assert attempts(app_paths) == []


def test_pasted_order_number_with_whitespace_around_it(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        QGuiApplication.clipboard().setText("\t ORDER-20261125-0002 \r\n")
        window.order_edit.setFocus()
        window.order_edit.paste()
        assert "\n" in window.order_edit.text()  # QLineEdit keeps what was pasted
        with qtbot.waitSignal(
            window.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy
        ):
            qtbot.keyClick(window.order_edit, Qt.Key.Key_Return)
        receipt_gets = [r.raw_path for r in simulator.requests if r.method == "GET"]
        assert receipt_gets == [PREFIX + "ORDER-20261125-0002"]
        assert window.receipt_view.amount.text() == "1,250,000 won"


def test_control_character_refusal_keeps_the_text_for_correction(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        assert not submit(qtbot, window, "ORDER\x00-1")
        assert window.message.text().startswith(REFUSALS["control"])
        assert window.order_edit.text() == "ORDER\x00-1"  # nothing silently changed
        assert window.order_edit.isEnabled() and not window.busy
        assert simulator.count() == 0


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("x" * 10_000, "too_long"),
        ("..", "unsendable"),
        (".", "unsendable"),
        (" \t\r\n", "empty"),
        ("A\u0085B", "control"),
    ],
    ids=["10000-chars", "dotdot", "dot", "blank", "NEL-inside"],
)
def test_refusal_sentence_names_the_real_problem(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, raw: str, reason: str
) -> None:
    # A 10,000-character paste is not "invisible control characters"; "." is not empty.
    with open_window(qtbot, app_paths, simulator) as (window, _):
        assert not submit(qtbot, window, raw)
        assert simulator.count() == 0
        text = window.message.text()
        assert text.startswith(REFUSALS[reason]), text
        others = [sentence for key, sentence in REFUSALS.items() if key != reason]
        assert not any(sentence in text for sentence in others)


@pytest.mark.parametrize(
    ("raw", "reason", "named", "position"),
    [
        ("ORDER-\u200b1001", "invisible", "U+200B ZERO WIDTH SPACE", 7),
        ("ORDER-1001\ufeff", "invisible", "U+FEFF ZERO WIDTH NO-BREAK SPACE", 11),
        ("\u2060ORDER-1001", "invisible", "U+2060 WORD JOINER", 1),
        ("ORDER-\u202e1001", "bidi", "U+202E RIGHT-TO-LEFT OVERRIDE", 7),
        ("\u200fORDER-1001", "bidi", "U+200F RIGHT-TO-LEFT MARK", 1),
        ("ORD\u2066ER-1001", "bidi", "U+2066 LEFT-TO-RIGHT ISOLATE", 4),
    ],
    ids=["zwsp", "bom-at-end", "word-joiner", "rlo", "rlm", "lri"],
)
def test_invisible_character_is_named_with_its_position(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    raw: str,
    reason: str,
    named: str,
    position: int,
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        assert not submit(qtbot, window, f" {raw} ")
        assert simulator.count() == 0
        text = window.message.text()
        assert text.startswith(REFUSALS[reason]), text
        # Named (bidi-isolated, so the name cannot be reordered), never shown itself.
        assert isolate(named) in text
        assert f"at position {position}" in text
        assert "Type the number again instead of pasting it." in text
        [char] = [c for c in raw if unicodedata.category(c) == "Cf"]
        assert char not in text
        assert window.order_edit.text() == f" {raw} "  # kept for correction


def test_an_id_typed_in_hangul_mode_is_refused_with_the_hint(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    with open_window(qtbot, app_paths, simulator) as (window, _):
        assert not submit(qtbot, window, "ㅐㄱㅇㄷㄱ-1001")
        assert simulator.count() == 0
        text = window.message.text()
        assert text.startswith(REFUSALS["hangul_mode"]), text
        assert f"these keys spell \u201c{isolate('order-1001')}\u201d." in text
        assert "한/영" in text


def test_both_spellings_of_a_hangul_id_are_sent_as_typed(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    nfc = "주문-한글-0005"
    nfd = unicodedata.normalize("NFD", nfc)
    simulator.add_receipt(nfd, amount=2200)  # issued by a system that stored it decomposed
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        simulator.reset_requests()
        assert submit(qtbot, window, nfd)
        assert [r.raw_path for r in simulator.requests] == [PREFIX + quote(nfd, safe="")]
        assert window.cancel_button.isEnabled()


# ------------------------------------------------------------------ credentials and Tier


CREDENTIAL_CASES = [
    # (field, value, the sentence in error_label)
    ("name", "   ", "Profile name is empty."),
    ("name", "본점\x00", "Profile name contains invisible control characters."),
    ("name", "본\u2028점", "Profile name contains invisible control characters."),
    ("key", "abc def", "REST API key must not contain spaces or line breaks."),
    ("key", "abc\ndef", "REST API key must not contain spaces or line breaks."),
    ("key", "abc\tdef", "REST API key must not contain spaces or line breaks."),
    ("key", "키값1234", "REST API key may only contain English letters, digits and symbols."),
    ("key", "abc\u200bdef", "REST API key may only contain English letters, digits and symbols."),
    ("key", "abc\x01def", "REST API key contains invisible control characters."),
    ("key", "k" * 500, "REST API key is too long."),
    ("secret", "s3cr et", "REST API secret must not contain spaces or line breaks."),
    ("secret", "s3cr\r\net", "REST API secret must not contain spaces or line breaks."),
    (
        "secret",
        "비밀번호-s3cret",
        "REST API secret may only contain English letters, digits and symbols.",
    ),
    ("secret", "s3cr\u00a0et", "REST API secret must not contain spaces or line breaks."),
    ("tier", "A B", "Tier code must not contain spaces or line breaks."),
    ("tier", "A\nB", "Tier code must not contain spaces or line breaks."),
    ("tier", "가나다", "Tier code may only contain English letters, digits and symbols."),
    ("tier", "AB", "Tier code must be exactly 3 capital letters or digits (e.g. AB1)."),
    ("tier", "A-1", "Tier code must be exactly 3 capital letters or digits (e.g. AB1)."),
    ("host", "https://api. iamport.kr", "API host must not contain spaces or line breaks."),
    (
        "host",
        "https://아임포트.kr",
        "API host may only contain English letters, digits and symbols.",
    ),
    ("host", "http://api.iamport.kr", "API host must be an https:// address."),
]
GOOD = {
    "name": "강남점",
    "key": "imp_key_1234",
    "secret": "s3cret-VALUE_abc",
    "tier": "",
    "host": "https://api.iamport.kr",
}


def fill(dialog: Any, values: dict[str, str]) -> None:
    dialog.name_edit.setText(values["name"])
    dialog.key_edit.setText(values["key"])
    dialog.secret_edit.setText(values["secret"])
    dialog.tier_edit.setText(values["tier"])
    dialog.host_combo.setCurrentText(values["host"])


@pytest.fixture
def dialog_parts(qtbot: QtBot, app_paths: AppPaths) -> Any:
    from iamport_desk.ui.credentials_dialog import CredentialsDialog

    profiles = make_profiles(app_paths, secret=None)
    api = DeskService(ApiThread(ApiWorker(app_paths.history_db)))
    dialog = CredentialsDialog(profiles, api)
    qtbot.addWidget(dialog)
    try:
        yield dialog, profiles
    finally:
        if dialog.result() != dialog.DialogCode.Accepted:
            dialog.done(0)  # (done() twice would warn that the signal is already disconnected)
        api.stop()


@pytest.mark.parametrize(
    ("field", "value", "sentence"),
    CREDENTIAL_CASES,
    ids=[f"{c[0]}-{c[1][:12]!r}" for c in CREDENTIAL_CASES],
)
def test_credentials_are_validated_with_a_clear_sentence_and_nothing_saved(
    dialog_parts: Any, memory_keyring: Any, field: str, value: str, sentence: str
) -> None:
    dialog, profiles = dialog_parts
    fill(dialog, {**GOOD, field: value})
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error_label.text() == sentence
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    if field in ("key", "secret"):
        assert value.strip() not in dialog.error_label.text()  # never echoes a secret
    assert dialog.result() != dialog.DialogCode.Accepted
    assert list(profiles.profiles()) == []
    assert memory_keyring.store == {}


def test_valid_credentials_with_whitespace_around_are_saved_stripped(
    dialog_parts: Any, memory_keyring: Any
) -> None:
    dialog, profiles = dialog_parts
    fill(
        dialog, {**GOOD, "key": "  imp_key_1234\n", "secret": "\ts3cret-VALUE_abc  ", "tier": "ab1"}
    )
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error_label.text() == ""
    assert dialog.result() == dialog.DialogCode.Accepted
    [profile] = profiles.profiles()
    assert (profile.name, profile.imp_key, profile.tier_code) == ("강남점", "imp_key_1234", "AB1")
    assert list(memory_keyring.store.values()) == ["s3cret-VALUE_abc"]


# ------------------------------------------------------------------ hostile answers


def inject_receipt(simulator: Simulator, **fields: Any) -> dict[str, Any]:
    """The next GET of a receipt answers this (a seeded receipt with ``fields`` changed)."""
    receipt = {**(simulator.receipt(UID) or {}), **fields}
    simulator.inject(
        "GET", PREFIX, Fault(status=200, body={"code": 0, "message": None, "response": receipt})
    )
    return receipt


HOSTILE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)//https://receipt.example.com",
    "file:///etc/passwd",
    "file://C:/Windows/win.ini",
    "data:text/html,<script>alert(1)</script>",
    "/x",
    "//evil.example.com/x",
    "receipt.example.com/no-scheme",
    "https://",
    "http:///no-host",
    "https://receipt.example.com/a b",
    "https://receipt.example.com/\x00",
    "https://receipt.example.com/" + "a" * 5000,
    "<a href='https://evil.example.com'>영수증</a>",
]


@pytest.mark.parametrize("url", HOSTILE_URLS, ids=lambda u: repr(u[:30]))
def test_hostile_receipt_url_is_text_not_a_link_and_copy_gives_it_raw(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    monkeypatch: pytest.MonkeyPatch,
    url: str,
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda u: opened.append(u))
    inject_receipt(simulator, receipt_url=url)
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        view = window.receipt_view
        assert view.amount.text() == "33,000 won"  # the receipt itself is still shown
        assert view.url.textFormat() == Qt.TextFormat.PlainText
        assert view.url.text() == elide(url, 200)
        assert view.raw_url == url
        assert view.copy_button.isEnabled()
        with qtbot.waitSignal(view.url_copied, timeout=1000):
            view.copy_button.click()
        assert QGuiApplication.clipboard().text() == url
        view.url.linkActivated.emit(url)  # even if something tried, nothing opens
        assert opened == []


def test_safe_receipt_url_is_a_link_with_escaped_markup(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda u: opened.append(u.toString()))
    url = 'https://receipt.example.com/r?a=1&b="><b>x</b>'
    inject_receipt(simulator, receipt_url=url)
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        view = window.receipt_view
        assert view.url.textFormat() == Qt.TextFormat.RichText
        assert view.url.text().startswith('<a href="https://receipt.example.com/r?a=1&amp;b=')
        assert "<b>" not in view.url.text() and "&lt;b&gt;" in view.url.text()
        view.url.linkActivated.emit(url)
        assert len(opened) == 1


def test_server_rich_text_is_shown_literally_everywhere(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    rich = "<qt><a href='file:///etc/passwd'>여기를 누르세요</a><br><img src=x></qt>"
    simulator.inject(
        "GET",
        PREFIX + "ORDER-NONE-9999",
        Fault(status=404, body={"code": -1, "message": rich, "response": None}),
    )
    inject_receipt(
        simulator,
        apply_num="<b>123</b>",
        receipt_tid="<i>tid</i>",
        type="<font color=red>company</font>",
    )
    simulator.inject(
        "DELETE", PREFIX, Fault(status=500, body={"code": -1, "message": rich, "response": None})
    )
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        view = window.receipt_view
        for label, shown in (
            (view.apply_num, "<b>123</b>"),
            (view.receipt_tid, "<i>tid</i>"),
            (view.type, "<font color=red>company</font>"),
        ):
            assert label.textFormat() == Qt.TextFormat.PlainText
            assert label.text() == shown
        cancel(qtbot, window)
        assert window.message.text().endswith("Message from PortOne: " + rich)
        assert window.message.textFormat() == Qt.TextFormat.PlainText
        qtbot.waitUntil(lambda: window.recent_table.rowCount() == 1)
        assert window.recent_table.item(0, 4).text() == "HTTP 500 - " + rich
        look_up(qtbot, window, "ORDER-NONE-9999")
        assert says_in_order(window.message.text(), LOOKUP_FAILED, "no cash receipt was issued")
        assert window.message.text().endswith(rich)
    [row] = attempts(app_paths)
    assert (row["outcome"], row["http_status"], row["message"]) == ("failed", 500, rich)


OUT_OF_RANGE = [
    # (fields, amount label, issued-at label, status label)
    ({"amount": 10**30, "vat": 10**29}, f"{10**30:,} won", None, "Issued (not cancelled)"),
    ({"amount": -33000, "vat": -3000}, "-33,000 won", None, "Issued (not cancelled)"),
    ({"applied_at": 10**15}, "33,000 won", f"{10**15} (?)", "Issued (not cancelled)"),
    ({"applied_at": -(10**15)}, "33,000 won", f"{-(10**15)} (?)", "Issued (not cancelled)"),
    ({"applied_at": -1}, "33,000 won", "1970-01-01 08:59 (KST)", "Issued (not cancelled)"),
    ({"applied_at": 0}, "33,000 won", "1970-01-01 09:00 (KST)", "Issued (not cancelled)"),
    ({"cancelled_at": 10**15}, "33,000 won", None, "Cancelled"),
    ({"cancelled_at": 10**30}, "33,000 won", None, "Cancelled"),
]


@pytest.mark.parametrize(
    ("fields", "amount", "issued", "status"),
    OUT_OF_RANGE,
    ids=[repr(c[0])[:40] for c in OUT_OF_RANGE],
)
def test_out_of_range_numbers_do_not_crash_the_formatting(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    fields: dict[str, int],
    amount: str,
    issued: str | None,
    status: str,
) -> None:
    inject_receipt(simulator, **fields)
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, UID)
        view = window.receipt_view
        assert view.amount.text() == amount
        assert view.status.text() == status
        if issued is not None:
            assert view.applied_at.text() == issued
        if "cancelled_at" in fields:
            # "already cancelled on <a time it cannot format>", and nothing to cancel.
            assert window.message.text().startswith("This cash receipt was already cancelled")
            assert f"{fields['cancelled_at']} (?)" in window.message.text()
            assert not window.cancel_button.isEnabled()
        else:
            assert window.cancel_button.isEnabled()


def test_confirmation_dialog_shows_hostile_values_literally(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from iamport_desk.ui.main_window import confirm_cancellation

    parent = QWidget()
    qtbot.addWidget(parent)
    receipt = Receipt(
        merchant_uid="<b>주문</b>" + "x" * 5000,
        receipt_tid=None,
        apply_num="<img src=x>",
        type="person",
        amount=10**30,
        vat=-1,
        receipt_url="javascript:alert(1)",
        applied_at=10**15,
        cancelled_at=None,
    )
    seen: dict[str, Any] = {}

    def inspect_and_press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, CancelConfirmDialog)
        seen["format"] = box.question.textFormat()
        seen["text"] = box.question.text()
        seen["info"] = box.details.text()
        seen["info_format"] = box.details.textFormat()
        # The safe choice is the default: Enter keeps the receipt.
        qtbot.keyClick(box, Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer

    from iamport_desk.ui.confirm_dialog import CancelConfirmDialog

    QTimer.singleShot(50, inspect_and_press_enter)
    assert confirm_cancellation(parent, receipt) is None
    assert seen["info_format"] == Qt.TextFormat.PlainText
    assert seen["format"] == Qt.TextFormat.PlainText
    assert "<b>주문</b>" in seen["text"] and f"{10**30:,}" in seen["text"]
    assert len(seen["text"]) < 400  # the 5,000-character id is elided
    assert "<img src=x>" in seen["info"] and f"{10**15} (?)" in seen["info"]


def test_cancellation_with_an_absurd_amount_is_still_recorded(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator
) -> None:
    uid = "ORDER-HUGE-AMOUNT"
    simulator.add_receipt(uid, amount=10**30, vat=10**29)
    with open_window(qtbot, app_paths, simulator) as (window, _):
        look_up(qtbot, window, uid)
        assert window.receipt_view.amount.text() == f"{10**30:,} won"
        cancel(qtbot, window)
        assert simulator.count("DELETE") == 1
        assert simulator.receipt(uid)["cancelled_at"]
        assert window.message.text().startswith("The cash receipt was cancelled at ")
    [row] = attempts(app_paths)
    # The outcome is what matters; an amount SQLite cannot hold is left out of the row.
    assert (row["outcome"], row["http_status"], row["code"]) == ("cancelled", 200, 0)


def test_the_confirmation_isolates_the_order_number_from_the_amount() -> None:
    """Issue 12.10: an id shown inside a sentence cannot reorder the words around it."""
    from iamport_desk.models import Receipt
    from iamport_desk.ui.confirm_dialog import confirmation_text

    receipt = Receipt(
        merchant_uid="ORDER-\u202e1001",  # as a server could spell it; typed ones are refused
        receipt_tid=None,
        apply_num="012345678",
        type="person",
        amount=33_000,
        vat=3_000,
        receipt_url=None,
        applied_at=1_790_000_000,
        cancelled_at=None,
    )
    text = confirmation_text(receipt)
    start, end = text.index("\u2068"), text.index("\u2069")
    assert "\u202e" in text[start:end]  # the override stays inside the isolate ...
    assert "33,000" in text[end:]  # ... and the amount after it reads as written
