"""Translations: the .ts sources are complete, match the code, compile, and switch the UI.

- Every message of ``iamport_desk_ko.ts`` is translated (not unfinished, vanished or obsolete),
  keeps the ``{n}`` placeholders and the mnemonic letter, Windows-Korean style ``조회(&L)``.
- ``pyside6-lupdate`` run over today's code finds no string that the committed ``.ts`` files
  lack (a new ``tr()`` without a Korean translation fails here) and none they keep in vain.
- The main window and the dialogs read Korean with the Korean translators installed (Qt's own
  ``qtbase_ko`` included, for the standard buttons), and English again after switching.

Translators are always removed after a test, so the rest of the suite keeps English.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

import hatch_build
from iamport_desk import i18n, resources
from iamport_desk.credentials import ProfileStore
from iamport_desk.models import Outcome, Receipt
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.simulator import Simulator
from tests.ui_helpers import PROFILE, look_up, make_profiles, open_window, running_service

if TYPE_CHECKING:
    from iamport_desk.app import Desk

pytestmark = pytest.mark.timeout(60)

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
KO_TS = TS_DIR / "iamport_desk_ko.ts"
EN_TS = TS_DIR / "iamport_desk_en.ts"
# Keep in step with resources/translations/README.md.
LUPDATE_OPTIONS = [
    "-extensions",
    "py",
    "-no-obsolete",
    "-locations",
    "none",
    "-source-language",
    "en",
]
UPDATE_HINT = (
    "Run the lupdate command in resources/translations/README.md and translate the "
    "new strings (Qt Linguist or any text editor)."
)

PLACEHOLDER = re.compile(r"\{\d+\}")
# "&X" marks a mnemonic; "&&" is a literal ampersand.
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Korean style: the letter in parentheses at the end, before "..." or ":" if any.
KOREAN_MNEMONIC_END = re.compile(r"\(&([A-Za-z0-9])\)(\.\.\.|:)?$")
# Korean translations that are rightly the same as the English (product words).
NO_HANGUL_NEEDED = {"Tier"}


# ---- reading .ts files ------------------------------------------------------------------


@dataclass(frozen=True)
class TsMessage:
    context: str
    source: str
    translation: str
    kind: str  # "" (finished), "unfinished", "vanished", "obsolete"
    numerus: tuple[str, ...]


def read_ts(path: Path) -> list[TsMessage]:
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: <message> without <translation>"
            forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            messages.append(
                TsMessage(
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type", ""),
                    forms,
                )
            )
    return messages


def keys(messages: list[TsMessage]) -> set[tuple[str, str]]:
    return {(m.context, m.source) for m in messages}


def texts_of(message: TsMessage) -> list[str]:
    return list(message.numerus) if message.numerus else [message.translation]


def describe(message: TsMessage) -> str:
    return f"[{message.context}] {message.source!r}"


# ---- the .ts files themselves -----------------------------------------------------------


@pytest.mark.parametrize("path, language", [(KO_TS, "ko"), (EN_TS, "en")])
def test_ts_header_names_the_languages(path: Path, language: str) -> None:
    root = ET.parse(path).getroot()
    assert root.get("language") == language
    assert root.get("sourcelanguage") == "en"


@pytest.mark.parametrize("path", [KO_TS, EN_TS], ids=["ko", "en"])
def test_every_message_is_finished(path: Path) -> None:
    messages = read_ts(path)
    assert messages, f"{path.name} is empty"
    bad = [
        describe(m) + f" ({m.kind or 'empty'})"
        for m in messages
        if m.kind in ("unfinished", "vanished", "obsolete")
        or not all(text.strip() for text in texts_of(m))
    ]
    assert not bad, f"{path.name}: not translated:\n" + "\n".join(bad) + "\n" + UPDATE_HINT
    duplicates = [
        key for key, count in Counter((m.context, m.source) for m in messages).items() if count > 1
    ]
    assert not duplicates


@pytest.mark.parametrize("path", [KO_TS, EN_TS], ids=["ko", "en"])
def test_placeholders_survive_translation(path: Path) -> None:
    bad = []
    for message in read_ts(path):
        wanted = Counter(PLACEHOLDER.findall(message.source))
        for text in texts_of(message):
            if Counter(PLACEHOLDER.findall(text)) != wanted:
                bad.append(f"{describe(message)} -> {text!r}")
    assert not bad, "placeholders differ:\n" + "\n".join(bad)


def test_korean_keeps_the_mnemonic_letter_in_windows_style() -> None:
    bad = []
    for message in read_ts(KO_TS):
        source_letters = MNEMONIC.findall(message.source)
        for text in texts_of(message):
            letters = MNEMONIC.findall(text)
            if not source_letters:
                if letters:
                    bad.append(f"{describe(message)}: mnemonic added in {text!r}")
                continue
            end = KOREAN_MNEMONIC_END.search(text)
            if (
                len(letters) != 1
                or end is None
                or end.group(1).lower() != source_letters[0].lower()
            ):
                bad.append(
                    f"{describe(message)}: want '(&{source_letters[0].upper()})' at "
                    f"the end, got {text!r}"
                )
    assert not bad, "\n".join(bad)


def test_korean_translations_are_korean() -> None:
    """Catches English copied over as the 'translation'."""
    bad = [
        f"{describe(m)} -> {m.translation!r}"
        for m in read_ts(KO_TS)
        if m.source not in NO_HANGUL_NEEDED and not all(HANGUL.search(t) for t in texts_of(m))
    ]
    assert not bad, "\n".join(bad)


def test_english_translation_is_the_source_text() -> None:
    bad = [describe(m) for m in read_ts(EN_TS) if not m.numerus and m.translation != m.source]
    assert not bad, "\n".join(bad)


def find_lupdate() -> Path:
    import PySide6

    for folder in PySide6.__path__:
        for name in ("lupdate", "lupdate.exe"):
            candidate = Path(folder) / name
            if candidate.is_file():
                return candidate
    found = shutil.which("pyside6-lupdate")
    if found is None:
        pytest.fail("pyside6-lupdate not found; PySide6-Essentials ships it")
    return Path(found)


@pytest.mark.parametrize("path, language", [(KO_TS, "ko"), (EN_TS, "en")], ids=["ko", "en"])
def test_committed_ts_matches_the_source(tmp_path: Path, path: Path, language: str) -> None:
    """A string added to (or removed from) the code without updating the .ts fails here."""
    fresh = tmp_path / f"fresh_{language}.ts"
    result = subprocess.run(
        [
            str(find_lupdate()),
            *LUPDATE_OPTIONS,
            "-target-language",
            language,
            str(ROOT / "iamport_desk"),
            "-ts",
            str(fresh),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    current = keys(read_ts(fresh))
    assert current, "lupdate found no strings at all: " + result.stdout
    committed = keys(read_ts(path))
    missing = sorted(current - committed)
    stale = sorted(committed - current)
    assert not missing, (
        f"{path.name} lacks strings that are in the code:\n"
        + "\n".join(f"[{c}] {s!r}" for c, s in missing)
        + "\n"
        + UPDATE_HINT
    )
    assert not stale, (
        f"{path.name} keeps strings no longer in the code:\n"
        + "\n".join(f"[{c}] {s!r}" for c, s in stale)
        + "\n"
        + UPDATE_HINT
    )


# ---- compiled translations and switching the language -----------------------------------


@pytest.fixture(scope="session")
def compiled_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts files compiled by the build's own hook, into a folder of their own."""
    folder = tmp_path_factory.mktemp("translations")
    for ts in TS_DIR.glob("*.ts"):
        shutil.copy(ts, folder / ts.name)
    compiled = hatch_build.compile_translations(folder)
    assert {qm.name for qm in compiled} == {"iamport_desk_ko.qm", "iamport_desk_en.qm"}
    return folder


class Languages:
    """Installs the app's translators like the app does, and always removes them again."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.installed: list[QTranslator] = []

    def install(self, language: str) -> None:
        self.remove()
        self.installed = i18n.install_translators(self.app, language)

    def remove(self) -> None:
        i18n.remove_translators(self.app, self.installed)
        self.installed = []


@pytest.fixture
def languages(
    qapp: QApplication, compiled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Languages]:
    monkeypatch.setattr(resources, "translations_dir", lambda: compiled_dir)
    previous_locale = QLocale()
    langs = Languages(qapp)
    try:
        yield langs
    finally:
        langs.remove()
        QLocale.setDefault(previous_locale)


def test_compiled_korean_file_loads_and_translates(compiled_dir: Path) -> None:
    translator = QTranslator()
    assert translator.load("iamport_desk_ko", str(compiled_dir))
    assert translator.translate("MainWindow", "&Look up") == "조회(&L)"
    assert translator.translate("Format", "{0} won") == "{0}원"


def test_install_translators_loads_ours_and_qts(languages: Languages) -> None:
    languages.install("ko")
    assert len(languages.installed) == 2  # qtbase_ko and iamport_desk_ko
    assert QCoreApplication.translate("MainWindow", "&Look up") == "조회(&L)"
    assert QLocale().language() == QLocale.Language.Korean
    languages.install("en")
    assert len(languages.installed) == 1  # English is the source: only qtbase_en
    assert QCoreApplication.translate("MainWindow", "&Look up") == "&Look up"
    assert QLocale().language() == QLocale.Language.English
    languages.remove()
    assert QCoreApplication.translate("MainWindow", "&Look up") == "&Look up"


@pytest.mark.parametrize(
    "setting, system, expected",
    [
        ("system", QLocale.Language.English, "en"),
        ("system", QLocale.Language.Korean, "ko"),
        ("system", QLocale.Language.German, "ko"),
        ("system", QLocale.Language.Japanese, "ko"),
        ("en", QLocale.Language.Korean, "en"),
        ("ko", QLocale.Language.English, "ko"),
    ],
)
def test_resolve_language(setting: str, system: QLocale.Language, expected: str) -> None:
    assert i18n.resolve_language(setting, QLocale(system)) == expected


@pytest.fixture
def api(app_paths: AppPaths) -> Iterator[DeskService]:
    with running_service(app_paths) as service:
        yield service


@pytest.fixture
def profiles(app_paths: AppPaths) -> ProfileStore:
    return make_profiles(app_paths)


def form_label(layout: QFormLayout, field: QWidget) -> str:
    label = layout.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


def button_texts(box: QDialogButtonBox) -> set[str]:
    return {button.text() for button in box.buttons()}


EXPECTED_MAIN = {
    "ko": {
        "title": "iamport-desk - 현금영수증 발행취소",
        "lookup": "조회(&L)",
        "cancel": "이 영수증 발행취소(&C)...",
        "menus": ["파일(&F)", "영수증(&R)", "설정(&S)", "도움말(&H)"],
        "group": "현금영수증",
        "labels": {
            "amount": "금액",
            "vat": "부가세",
            "apply_num": "승인번호",
            "type": "발행 용도",
            "merchant_uid": "주문번호",
        },
        "amount": "33,000원",
        "type": "소득공제(개인)",
        "status": "발행됨 (취소 안 됨)",
        "headers": ["시각 (KST)", "주문번호", "결과", "금액", "상세 내용"],
    },
    "en": {
        "title": "iamport-desk - cash receipt cancellation",
        "lookup": "&Look up",
        "cancel": "&Cancel this receipt...",
        "menus": ["&File", "&Receipt", "&Settings", "&Help"],
        "group": "Cash receipt",
        "labels": {
            "amount": "Amount",
            "vat": "VAT",
            "apply_num": "Approval number",
            "type": "Issued for",
            "merchant_uid": "Order number",
        },
        "amount": "33,000 won",
        "type": "Income deduction (individual)",
        "status": "Issued (not cancelled)",
        "headers": ["Time (KST)", "Order number", "Result", "Amount", "Details"],
    },
}


def check_main_window(
    qtbot: QtBot, paths: AppPaths, simulator: Simulator, profiles: ProfileStore, language: str
) -> None:
    want = EXPECTED_MAIN[language]
    with open_window(qtbot, paths, simulator, profiles=profiles) as (window, _):
        assert window.windowTitle() == want["title"]
        assert window.lookup_button.text() == want["lookup"]
        assert window.cancel_button.text() == want["cancel"]
        assert [a.text() for a in window.menuBar().actions()] == want["menus"]
        view = window.receipt_view
        assert view.title() == want["group"]
        for name, text in want["labels"].items():
            assert view.label_for(getattr(view, name)).text() == text
        table = window.recent_table
        assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == (
            want["headers"]
        )
        look_up(qtbot, window, "ORDER-20261125-0001")
        assert view.amount.text() == want["amount"]
        assert view.type.text() == want["type"]
        assert view.status.text() == want["status"]
        assert "(KST)" in view.applied_at.text()


def test_main_window_switches_between_korean_and_english(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    profiles: ProfileStore,
    languages: Languages,
) -> None:
    languages.install("ko")
    check_main_window(qtbot, app_paths, simulator, profiles, "ko")
    languages.install("en")
    check_main_window(qtbot, app_paths, simulator, profiles, "en")


EXPECTED_DIALOGS = {
    "ko": {
        "credentials": "상점 프로필 및 API 키",
        "credential_labels": {
            "name_edit": "프로필 이름(&M):",
            "key_edit": "REST API 키(&K):",
            "secret_edit": "REST API 시크릿(&E):",
            "tier_edit": "Tier 코드(&T):",
        },
        "credential_buttons": {"저장", "닫기"},
        "test": "연결 테스트(&N)",
        "shortcuts": "단축키",
        "shortcut_headers": ["키", "동작"],
        "focus_order": "주문번호 입력란으로 이동",
        "about": "iamport-desk 정보",
        "open": "열기",
        "close": {"닫기"},
    },
    "en": {
        "credentials": "Store profiles and API keys",
        "credential_labels": {
            "name_edit": "Profile na&me:",
            "key_edit": "REST API &key:",
            "secret_edit": "REST API s&ecret:",
            "tier_edit": "&Tier code:",
        },
        "credential_buttons": {"&Save", "&Close"},
        "test": "Test co&nnection",
        "shortcuts": "Keyboard shortcuts",
        "shortcut_headers": ["Keys", "Action"],
        "focus_order": "Go to the order number field",
        "about": "About iamport-desk",
        "open": "Open",
        "close": {"&Close"},
    },
}


def label_for(dialog: QWidget, buddy: QWidget) -> str:
    for label in dialog.findChildren(QLabel):
        if label.buddy() is buddy:
            return label.text()
    raise AssertionError(f"no label has {buddy!r} as its buddy")


def without_mnemonic(texts: set[str]) -> set[str]:
    return {text.replace("&", "") for text in texts}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_dialogs_in_both_languages(
    qtbot: QtBot,
    app_paths: AppPaths,
    api: DeskService,
    profiles: ProfileStore,
    languages: Languages,
    language: str,
) -> None:
    from iamport_desk.ui import shortcuts
    from iamport_desk.ui.credentials_dialog import CredentialsDialog
    from iamport_desk.ui.help_dialogs import AboutDialog, ShortcutsDialog

    want = EXPECTED_DIALOGS[language]
    languages.install(language)

    credentials = CredentialsDialog(profiles, api)
    qtbot.addWidget(credentials)
    assert credentials.windowTitle() == want["credentials"]
    for name, text in want["credential_labels"].items():
        assert label_for(credentials, getattr(credentials, name)) == text
    # Qt's standard buttons come from qtbase_<lang>.qm (platforms differ in the "&").
    assert without_mnemonic(button_texts(credentials.buttons)) == without_mnemonic(
        want["credential_buttons"]
    )
    assert credentials.test_button.text() == want["test"]

    shortcuts_dialog = ShortcutsDialog()
    qtbot.addWidget(shortcuts_dialog)
    assert shortcuts_dialog.windowTitle() == want["shortcuts"]
    table = shortcuts_dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == want["shortcut_headers"]
    row = shortcuts.ALL.index(shortcuts.FOCUS_ORDER)
    assert table.item(row, 1).text() == want["focus_order"]
    box = shortcuts_dialog.findChild(QDialogButtonBox)
    assert without_mnemonic(button_texts(box)) == without_mnemonic(want["close"])

    about = AboutDialog(app_paths)
    qtbot.addWidget(about)
    assert about.windowTitle() == want["about"]
    assert {b.text() for b in about.folder_buttons} == {want["open"]}
    box = about.findChild(QDialogButtonBox)
    assert without_mnemonic(button_texts(box)) == without_mnemonic(want["close"])


def read_confirmation(qtbot: QtBot, parent: QWidget, receipt: Receipt) -> dict[str, object]:
    """Opens the real confirmation, reads it, and answers with its safe button."""
    from iamport_desk.ui.confirm_dialog import CancelConfirmDialog
    from iamport_desk.ui.main_window import confirm_cancellation

    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CancelConfirmDialog):
            QTimer.singleShot(20, answer)
            return
        box = dialog.buttons
        seen["title"] = dialog.windowTitle()
        seen["text"] = dialog.question.text()
        seen["informative"] = dialog.details.text()
        seen["reason_box"] = dialog.reason_box.title()
        seen["reasons"] = [b.text() for b in dialog.reason_box.choices.values()]
        seen["hint"] = dialog.reason_box.hint.text()
        seen["buttons"] = {box.buttonRole(b): b.text() for b in box.buttons()}
        default = [b.text() for b in box.buttons() if b.isDefault()]  # type: ignore[attr-defined]
        seen["default"] = default[0] if default else None
        keep = [
            b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.RejectRole
        ]
        keep[0].click()

    QTimer.singleShot(0, answer)
    seen["result"] = confirm_cancellation(parent, receipt)
    return seen


def confirmation_receipt() -> Receipt:
    import datetime as dt

    kst = dt.timezone(dt.timedelta(hours=9))
    issued = dt.datetime(2026, 11, 25, 14, 3, tzinfo=kst)
    return Receipt(
        merchant_uid="ORDER-20261125-0001",
        receipt_tid="T-1",
        apply_num="123456789",
        type="person",
        amount=12300,
        vat=1118,
        receipt_url="https://example.com/r/1",
        applied_at=int(issued.timestamp()),
        cancelled_at=None,
    )


EXPECTED_CONFIRM = {
    "ko": {
        "title": "발행취소 확인",
        "cancel": "발행취소(&C)",
        "keep": "취소하지 않음(&K)",
        "text": ("12,300원", "ORDER-20261125-0001", "발행취소하시겠습니까"),
        "informative": ("승인번호", "2026-11-25 14:03 (KST)"),
        "reason_box": "취소 사유",
        "reasons": ["거래취소(&T)", "오류발급(&E)", "기타 (메모 필요)(&O)"],
        "hint": "거래취소",
    },
    "en": {
        "title": "Cancel the cash receipt?",
        "cancel": "&Cancel the receipt",
        "keep": "&Keep it",
        "text": ("12,300 won", "ORDER-20261125-0001", "cannot be undone"),
        "informative": ("Approval number", "2026-11-25 14:03 (KST)"),
        "reason_box": "Reason for cancelling",
        "reasons": ["&Transaction cancelled", "Issued in &error", "&Other (write a memo)"],
        "hint": "Transaction cancelled is chosen",
    },
}


@pytest.mark.parametrize(
    "language",
    [
        "ko",
        "en",
    ],
)
def test_cancel_confirmation_in_both_languages(
    qtbot: QtBot, languages: Languages, language: str
) -> None:
    from iamport_desk.ui.main_window import MainWindow

    class Parent(QWidget):  # looks up like the real parent does: under "MainWindow"
        pass

    Parent.__name__ = Parent.__qualname__ = MainWindow.__name__
    languages.install(language)
    want = EXPECTED_CONFIRM[language]
    parent = Parent()
    qtbot.addWidget(parent)
    seen = read_confirmation(qtbot, parent, confirmation_receipt())
    assert seen["result"] is None  # kept: no decision
    assert seen["reason_box"] == want["reason_box"]
    assert seen["reasons"] == want["reasons"]
    assert str(want["hint"]) in str(seen["hint"])
    buttons = seen["buttons"]
    assert isinstance(buttons, dict)
    assert seen["default"] == want["keep"]
    for piece in want["text"]:
        assert piece in str(seen["text"])
    for piece in want["informative"]:
        assert piece in str(seen["informative"])
    assert buttons[QDialogButtonBox.ButtonRole.DestructiveRole] == want["cancel"]
    assert buttons[QDialogButtonBox.ButtonRole.RejectRole] == want["keep"]
    assert seen["title"] == want["title"]


EXPECTED_HISTORY = {
    "ko": {
        "title": "처리 기록",
        "search": "주문번호(&N):",
        "outcome": "결과(&O):",
        "all_outcomes": "모든 결과",
        "header0": "시작 시각 (KST)",
    },
    "en": {
        "title": "Audit history",
        "search": "Order &number:",
        "outcome": "&Outcome:",
        "all_outcomes": "All outcomes",
        "header0": "Started (KST)",
    },
}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_history_window_in_both_languages(
    qtbot: QtBot,
    app_paths: AppPaths,
    api: DeskService,
    profiles: ProfileStore,
    languages: Languages,
    language: str,
) -> None:
    from PySide6.QtCore import Qt

    history_window = pytest.importorskip("iamport_desk.ui.history_window")
    languages.install(language)
    want = EXPECTED_HISTORY[language]
    window = history_window.HistoryWindow(app_paths.history_db, api, profiles)
    qtbot.addWidget(window)
    try:
        assert window.windowTitle() == want["title"]
        assert label_for(window, window.search_edit) == want["search"]
        assert label_for(window, window.outcome_combo) == want["outcome"]
        assert window.outcome_combo.itemText(0) == want["all_outcomes"]
        assert (
            window.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            == want["header0"]
        )
    finally:
        window.close()


# ---- every string looked up at run time has a Korean translation ------------------------


class RecordingTranslator(QTranslator):
    """Installed last (so asked first): notes every lookup, answers nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, str]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:  # type: ignore[override]
        self.seen.add((context, source))
        return None


def all_error_messages() -> list[str]:
    from iamport_desk import api, rules
    from iamport_desk.history import HistoryUnavailable
    from iamport_desk.ui.words import describe_error

    errors: list[BaseException] = [
        api.InvalidMerchantUid("x"),
        api.AuthenticationError("x", message="m"),
        *(api.InvalidMerchantUid("x", reason=reason) for reason in ("empty", "too_long")),
        *(
            rules.RefusedCharacter(reason=reason, char=char, position=3)
            for reason, char in (("control", "\t"), ("invisible", "\u200b"), ("bidi", "\u202e"))
        ),
        rules.TypedInHangulMode("order-1001"),
        api.ReceiptNotFound("x", status=404),
        api.OutcomeUnknown("x"),
        *(
            api.NetworkError("x", kind=kind)
            for kind in (
                "refused",
                "dns",
                "tls",
                "connect_timeout",
                "read_timeout",
                "proxy",
                "other",
            )
        ),
        *(
            api.ApiError("x", status=status, code=code, message=message)
            for status, code, message in (
                (407, None, None),
                (500, 1, "m"),
                (501, 1, "m"),
                (400, 1, "m"),
                (200, 1, "m"),
                (502, None, None),
                (503, 1, "m"),
            )
        ),
        *(
            HistoryUnavailable(reason)
            for reason in (
                "readonly",
                "full",
                "locked",
                "corrupt",
                "io",
                "newer",
                "emptied",
                "network",
            )
        ),
        RuntimeError("bug"),
    ]
    texts = [describe_error(error).full_text() for error in errors]
    texts += [
        describe_error(
            api.ApiError("x", status=500, code=1, message="m"), cancelling=True
        ).full_text()
    ]
    return texts


def test_every_string_looked_up_in_korean_is_translated(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    api: DeskService,
    profiles: ProfileStore,
    languages: Languages,
    qapp: QApplication,
) -> None:
    from iamport_desk.models import Outcome
    from iamport_desk.ui import shortcuts
    from iamport_desk.ui.credentials_dialog import CredentialsDialog
    from iamport_desk.ui.help_dialogs import AboutDialog, LanguageDialog, ShortcutsDialog
    from iamport_desk.ui.words import outcome_label

    languages.install("ko")
    recorder = RecordingTranslator()
    qapp.installTranslator(recorder)
    try:
        with open_window(qtbot, app_paths, simulator, profiles=profiles) as (window, _):
            look_up(qtbot, window, "ORDER-20261125-0001")
            look_up(qtbot, window, "ORDER-20261120-0003")  # already cancelled
            look_up(qtbot, window, "ORDER-NONE-9999")
            read_confirmation(qtbot, window, confirmation_receipt())
        for widget in (
            CredentialsDialog(profiles, api),
            ShortcutsDialog(),
            AboutDialog(app_paths),
            LanguageDialog("system"),
        ):
            qtbot.addWidget(widget)
        history_window = pytest.importorskip("iamport_desk.ui.history_window")
        history = history_window.HistoryWindow(app_paths.history_db, api, profiles)
        qtbot.addWidget(history)
        history.close()
        for outcome in Outcome:
            outcome_label(outcome)
        for shortcut in shortcuts.ALL:
            shortcut.label()
        all_error_messages()
    finally:
        qapp.removeTranslator(recorder)

    translated = {(m.context, m.source) for m in read_ts(KO_TS) if m.kind == ""}
    ours = {
        (context, source)
        for context, source in recorder.seen
        if context and not context.startswith("Q")
    }
    assert ("MainWindow", "&Look up") in ours
    missing = ours - translated
    assert not missing, "looked up at run time but not in iamport_desk_ko.ts:\n" + "\n".join(
        f"[{c}] {s!r}" for c, s in sorted(missing)
    )


def desk_on(
    qapp: QApplication,
    app_paths: AppPaths,
    profiles: ProfileStore,
    api: DeskService,
    simulator: Simulator,
    languages: Languages,
) -> Desk:
    """The app's Desk (the window's owner, which switches languages) on the test's service."""
    from iamport_desk.app import Desk

    return Desk(
        qapp,
        app_paths,
        profiles,
        api,
        api_base=simulator.base_url,
        demo_orders=None,
        translators=languages.installed,
    )


def test_switching_the_language_applies_at_once_and_keeps_working(
    qtbot: QtBot,
    qapp: QApplication,
    languages: Languages,
    app_paths: AppPaths,
    simulator: Simulator,
    api: DeskService,
    profiles: ProfileStore,
) -> None:
    """Settings > Language rebuilds the window in the new language, on the same API thread."""
    languages.install("en")
    desk = desk_on(qapp, app_paths, profiles, api, simulator, languages)
    first = desk.show_window()
    qtbot.addWidget(first)
    assert first.lookup_button.text() == "&Look up"
    desk.switch_language("ko")
    languages.installed = desk.translators  # so the fixture removes what is installed now
    second = desk.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert second.lookup_button.text() == "조회(&L)"
    assert not first.isVisible() and second.isVisible()
    # The rebuilt window still talks to the same worker thread.
    second.order_edit.setText("ORDER-20261125-0001")
    with qtbot.waitSignal(second.receipt_shown, timeout=10_000):
        second.lookup()
    assert second.receipt_view.amount.text() == "33,000원"
    second.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: raise_() at open
def test_no_language_switch_drops_a_job_or_an_export_in_flight(
    qtbot: QtBot,
    qapp: QApplication,
    languages: Languages,
    app_paths: AppPaths,
    simulator: Simulator,
    api: DeskService,
    profiles: ProfileStore,
    tmp_path: Path,
) -> None:
    """Rebuilding the windows would drop the answer of a lookup in flight, or end an export
    without a sentence: the switch waits, says so (help_dialogs), and works once idle."""
    from iamport_desk.history import History, HistoryFilter
    from iamport_desk.ui import main_dialogs
    from iamport_desk.ui.words import export_words

    languages.install("en")
    with History(app_paths.history_db) as history:
        entry = history.begin(profile=PROFILE, tier_code=None, merchant_uid="ORDER-20261125-0009")
        history.finish(entry, Outcome.CANCELLED, http_status=200, code=0)
    desk = desk_on(qapp, app_paths, profiles, api, simulator, languages)
    first = desk.show_window()
    qtbot.addWidget(first)
    simulator.latency = 0.5
    first.order_edit.setText("ORDER-20261125-0001")
    with qtbot.waitSignal(first.receipt_shown, timeout=10_000):
        first.lookup()
        assert first.busy
        assert desk.switch_language("ko") is False  # a lookup in flight
        assert desk.window is first
    simulator.latency = 0.0
    main_dialogs.open_history(first)
    history_window = first.history_window
    assert history_window is not None
    exporter = history_window.exporter  # type: ignore[attr-defined]
    with qtbot.waitSignal(exporter.done, timeout=10_000) as export:
        exporter.start(
            tmp_path / "history.csv", HistoryFilter(), order_by="started_at", descending=True,
            **export_words(),
        )  # fmt: skip
        assert main_dialogs.files_being_written(first)
        assert desk.switch_language("ko") is False  # an export in flight
        assert desk.window is first and first.lookup_button.text() == "&Look up"
    assert export.args[0] == 1 and (tmp_path / "history.csv").exists()
    assert not main_dialogs.files_being_written(first)
    assert desk.switch_language("ko") is True
    languages.installed = desk.translators
    second = desk.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert second.lookup_button.text() == "조회(&L)"
    second.close()


def test_the_clerk_is_told_in_korean_that_the_language_waits(
    qtbot: QtBot,
    qapp: QApplication,
    languages: Languages,
    app_paths: AppPaths,
    simulator: Simulator,
    api: DeskService,
    profiles: ProfileStore,
) -> None:
    """Settings > Language while a lookup is in flight: saved, not applied, and said (in the
    clerk's language: the sentence was once filed under a context nothing looked up)."""
    from PySide6.QtWidgets import QMessageBox

    from iamport_desk.ui.help_dialogs import LanguageDialog, choose_language

    languages.install("ko")
    desk = desk_on(qapp, app_paths, profiles, api, simulator, languages)
    qapp.switch_language = desk.switch_language  # type: ignore[attr-defined]
    try:
        window = desk.show_window()
        qtbot.addWidget(window)
        said: list[str] = []

        def answer_dialogs() -> None:
            modal = QApplication.activeModalWidget()
            if isinstance(modal, LanguageDialog):
                modal.combo.setCurrentIndex(modal.combo.findData("en"))
                modal.accept()
            elif isinstance(modal, QMessageBox):
                said.append(modal.text())
                modal.accept()
                return
            QTimer.singleShot(20, answer_dialogs)

        simulator.latency = 0.8
        window.order_edit.setText("ORDER-20261125-0001")
        window.lookup()
        assert window.busy
        QTimer.singleShot(20, answer_dialogs)
        choose_language(window, profiles)
        assert said and said[0].startswith("언어는 저장했지만 아직 바꾸지 않았습니다"), said
        assert profiles.settings.language == "en"  # saved
        assert desk.window is window and window.lookup_button.text() == "조회(&L)"
        qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
        window.close()
    finally:
        del qapp.switch_language  # type: ignore[attr-defined]
        languages.installed = desk.translators


def test_refused_order_number_sentences_in_korean(languages: Languages) -> None:
    from iamport_desk import rules
    from iamport_desk.formatting import isolate
    from iamport_desk.ui.words import describe_error

    languages.install("ko")
    zwsp = rules.RefusedCharacter(reason="invisible", char="\u200b", position=7)
    text = describe_error(zwsp).text
    assert text.startswith("주문번호의 7번째 글자에 보이지 않는 문자 ")
    assert isolate("U+200B ZERO WIDTH SPACE") in text
    rlo = rules.RefusedCharacter(reason="bidi", char="\u202e", position=1)
    assert (
        "글자 방향 제어 문자 " + isolate("U+202E RIGHT-TO-LEFT OVERRIDE")
        in describe_error(rlo).text
    )
    hangul = describe_error(rules.TypedInHangulMode("order-1001")).text
    assert "영문 자판으로는 “" + isolate("order-1001") + "”입니다." in hangul
