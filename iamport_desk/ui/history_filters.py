"""The history window's filters bar: order number search, outcome, profile, date range."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from iamport_desk.formatting import KST
from iamport_desk.history import HistoryFilter
from iamport_desk.models import Outcome
from iamport_desk.ui.words import outcome_label

SEARCH_DELAY_MS = 200
DEFAULT_DAYS = 30  # the date range offered when "any date" is unticked


def kst_day_start(day: dt.date) -> float:
    """00:00 of ``day`` in Seoul, as UNIX seconds."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=KST).timestamp()


def kst_today() -> dt.date:
    return dt.datetime.now(KST).date()


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class HistoryFilterBar(QWidget):
    """The controls that describe which attempts the table shows.

    Typing waits for a pause (``SEARCH_DELAY_MS``) before the filter changes; the other
    controls change it at once.

    Signals:
        changed(): the filter the controls describe changed (apply ``current_filter()``).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel(self.tr("Order &number:"), self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("Part of an order number"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(1000)
        self.search_edit.setAccessibleName(self.tr("Search by order number"))
        search_label.setBuddy(self.search_edit)
        self.search_edit.textChanged.connect(self.on_search_edit_textChanged)
        self.search_edit.returnPressed.connect(self.on_search_edit_returnPressed)

        outcome_label_widget = QLabel(self.tr("&Outcome:"), self)
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("outcome_combo")
        self.outcome_combo.setAccessibleName(self.tr("Filter by outcome"))
        self.outcome_combo.addItem(self.tr("All outcomes"), None)
        for outcome in Outcome:
            self.outcome_combo.addItem(outcome_label(outcome), outcome.value)
        outcome_label_widget.setBuddy(self.outcome_combo)
        self.outcome_combo.currentIndexChanged.connect(self.on_outcome_combo_currentIndexChanged)

        profile_label = QLabel(self.tr("&Profile:"), self)
        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("profile_combo")
        self.profile_combo.setAccessibleName(self.tr("Filter by store profile"))
        self.profile_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.profile_combo.setMinimumContentsLength(14)
        self.profile_combo.addItem(self.tr("All profiles"), None)
        profile_label.setBuddy(self.profile_combo)
        self.profile_combo.currentIndexChanged.connect(self.on_profile_combo_currentIndexChanged)

        today = kst_today()
        self.any_date_check = QCheckBox(self.tr("&Any date"), self)
        self.any_date_check.setObjectName("any_date_check")
        self.any_date_check.setChecked(True)
        self.any_date_check.setAccessibleName(self.tr("Show attempts of any date"))
        since_label = QLabel(self.tr("&From:"), self)
        self.since_edit = self._date_edit("since_edit", today - dt.timedelta(days=DEFAULT_DAYS))
        self.since_edit.setAccessibleName(self.tr("First day (Korean time)"))
        since_label.setBuddy(self.since_edit)
        until_label = QLabel(self.tr("&To:"), self)
        self.until_edit = self._date_edit("until_edit", today)
        self.until_edit.setAccessibleName(self.tr("Last day (Korean time)"))
        until_label.setBuddy(self.until_edit)
        self.any_date_check.toggled.connect(self.on_any_date_check_toggled)
        self.since_edit.dateChanged.connect(self.on_since_edit_dateChanged)
        self.until_edit.dateChanged.connect(self.on_until_edit_dateChanged)
        self._set_dates_enabled(False)

        grid.addWidget(search_label, 0, 0)
        grid.addWidget(self.search_edit, 0, 1, 1, 3)
        grid.addWidget(outcome_label_widget, 0, 4)
        grid.addWidget(self.outcome_combo, 0, 5)
        grid.addWidget(profile_label, 0, 6)
        grid.addWidget(self.profile_combo, 0, 7)
        dates = QHBoxLayout()
        dates.addWidget(self.any_date_check)
        dates.addSpacing(12)
        dates.addWidget(since_label)
        dates.addWidget(self.since_edit)
        dates.addWidget(until_label)
        dates.addWidget(self.until_edit)
        dates.addStretch(1)
        grid.addLayout(dates, 1, 0, 1, 8)
        grid.setColumnStretch(1, 2)

        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.on_search_timer_timeout)

    def _date_edit(self, name: str, value: dt.date) -> QDateEdit:
        edit = QDateEdit(_to_qdate(value), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _set_dates_enabled(self, enabled: bool) -> None:
        self.since_edit.setEnabled(enabled)
        self.until_edit.setEnabled(enabled)

    def current_filter(self) -> HistoryFilter:
        """The filter the controls describe now (the search text without the delay)."""
        outcome = self.outcome_combo.currentData()
        profile = self.profile_combo.currentData()
        since = until = None
        if not self.any_date_check.isChecked():
            since = kst_day_start(_to_date(self.since_edit.date()))
            until = kst_day_start(_to_date(self.until_edit.date()) + dt.timedelta(days=1))
        return HistoryFilter(
            text=self.search_edit.text().strip(),
            outcomes=None if outcome is None else frozenset({Outcome(str(outcome))}),
            profile=None if profile is None else str(profile),
            since=since,
            until=until,
        )

    def describe(self) -> str:
        """What the controls select, in one line (the scope printed on a report)."""
        parts = []
        text = self.search_edit.text().strip()
        if text:
            parts.append(self.tr("order numbers containing \u201c{0}\u201d").format(text))
        if self.profile_combo.currentData() is not None:
            parts.append(self.tr("store {0}").format(self.profile_combo.currentText()))
        if not self.any_date_check.isChecked():
            since, until = self.since_edit.date(), self.until_edit.date()
            parts.append(
                self.tr("started {0} to {1} (KST)").format(
                    since.toString("yyyy-MM-dd"), until.toString("yyyy-MM-dd")
                )
            )
        if not parts:
            return self.tr("Cancellations in the whole history")
        return self.tr("Cancellations with {0}").format("; ".join(parts))

    def set_profiles(self, names: list[str]) -> None:
        """Offer the profiles found in the history; the choice is kept while it exists."""
        current = self.profile_combo.currentData()
        known = [self.profile_combo.itemData(i) for i in range(1, self.profile_combo.count())]
        if names == known:
            return
        self.profile_combo.blockSignals(True)
        try:
            while self.profile_combo.count() > 1:
                self.profile_combo.removeItem(1)
            for name in names:
                # Names are user text: shown as plain text by the combo box, never markup.
                self.profile_combo.addItem(name.replace("\n", " "), name)
            index = self.profile_combo.findData(current) if current is not None else 0
            self.profile_combo.setCurrentIndex(max(index, 0))
        finally:
            self.profile_combo.blockSignals(False)
        if current is not None and self.profile_combo.currentData() != current:
            self.changed.emit()

    # ---- slots -----------------------------------------------------------------------

    @Slot(str)
    def on_search_edit_textChanged(self, _text: str) -> None:
        self.search_timer.start()  # restarts: waits for a pause in the typing

    @Slot()
    def on_search_edit_returnPressed(self) -> None:
        self.changed.emit()

    @Slot()
    def on_search_timer_timeout(self) -> None:
        self.changed.emit()

    @Slot(int)
    def on_outcome_combo_currentIndexChanged(self, _index: int) -> None:
        self.changed.emit()

    @Slot(int)
    def on_profile_combo_currentIndexChanged(self, _index: int) -> None:
        self.changed.emit()

    @Slot(bool)
    def on_any_date_check_toggled(self, checked: bool) -> None:
        self._set_dates_enabled(not checked)
        self.changed.emit()

    @Slot(QDate)
    def on_since_edit_dateChanged(self, value: QDate) -> None:
        if self.until_edit.date() < value:
            self.until_edit.setDate(value)  # applies the filter through its own signal
        else:
            self.changed.emit()

    @Slot(QDate)
    def on_until_edit_dateChanged(self, value: QDate) -> None:
        if self.since_edit.date() > value:
            self.since_edit.setDate(value)
        else:
            self.changed.emit()


__all__ = ["HistoryFilterBar", "kst_day_start", "kst_today"]
