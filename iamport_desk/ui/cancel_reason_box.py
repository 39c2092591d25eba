"""The reason asked before a cancellation (취소사유): three choices, and a memo for 기타.

거래취소 is chosen when the box opens, as it is the common case, and the box says so; the
clerk changes it with the mouse, the arrow keys or the choices' mnemonics. 기타 needs a memo
(``rules.validate_reason_note``): until it has an acceptable one, :meth:`decision` is None
and the box says why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.jobs import CancelDecision
from iamport_desk.models import CancelReason
from iamport_desk.rules import MAX_REASON_NOTE_LENGTH, RuleError, validate_reason_note
from iamport_desk.ui.words import WARNING_COLOUR, label_style
from iamport_desk.ui.words import records as words

DEFAULT_REASON = CancelReason.TRANSACTION_CANCELLED


class CancelReasonBox(QGroupBox):
    """The reason choices and the memo.

    Signals:
        changed(): the reason or the memo changed (``decision()`` may have changed with it).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(words.reason_box_title(), parent)
        self.setObjectName("cancelReasonBox")
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.choices: dict[CancelReason, QRadioButton] = {}
        for reason in CancelReason:
            button = QRadioButton(words.reason_choice_text(reason), self)
            button.setObjectName(f"reason{reason.value}")
            self.group.addButton(button, reason.value)
            self.choices[reason] = button
            layout.addWidget(button)
        self.choices[DEFAULT_REASON].setChecked(True)

        self.memo_label = QLabel(words.reason_memo_label(), self)
        self.memo = QLineEdit(self)
        self.memo.setObjectName("reasonMemo")
        self.memo.setMaxLength(MAX_REASON_NOTE_LENGTH)
        self.memo.setPlaceholderText(words.reason_memo_placeholder())
        self.memo_label.setBuddy(self.memo)
        layout.addWidget(self.memo_label)
        layout.addWidget(self.memo)

        self.hint = QLabel(self)
        self.hint.setObjectName("reasonHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        # Room for the longest sentence: the dialog need not grow when the hint changes.
        self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing() * 3)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.hint)

        self.group.idToggled.connect(self.on_group_idToggled)
        self.memo.textChanged.connect(self.on_memo_textChanged)
        self._update()

    def reason(self) -> CancelReason:
        return CancelReason(self.group.checkedId())

    def problem(self) -> str | None:
        """Why the reason cannot be confirmed as it stands, or None."""
        try:
            validate_reason_note(self.memo.text(), self.reason())
        except RuleError as exc:
            return words.reason_note_problem(exc.kind)
        return None

    def decision(self) -> CancelDecision | None:
        """The reason and its memo (checked by the rules), or None while they cannot be used."""
        reason = self.reason()
        try:
            note = validate_reason_note(self.memo.text(), reason)
        except RuleError:
            return None
        return CancelDecision(reason, note)

    def focus_reason(self) -> None:
        self.choices[self.reason()].setFocus(Qt.FocusReason.TabFocusReason)

    @Slot(int, bool)
    def on_group_idToggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._update()
            self.changed.emit()

    @Slot(str)
    def on_memo_textChanged(self, _text: str) -> None:
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.hint.setText(problem)
            self.hint.setStyleSheet(label_style("reasonHint", WARNING_COLOUR))
        elif self.reason() is DEFAULT_REASON:
            # Preselected: the clerk must see that a reason will be recorded, and which.
            self.hint.setText(words.reason_preselected(DEFAULT_REASON))
            self.hint.setStyleSheet("")
        else:
            self.hint.setText("")
            self.hint.setStyleSheet("")


__all__ = ["DEFAULT_REASON", "CancelReasonBox"]
