"""The officer's limits behind the portfolio's verdicts — after how many years without anything
held an agreement is quiet, then dormant; how close an expiry or a review makes it pressing —
saved into the store (they travel with it) by one desk operation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.queries.portfolio import THRESHOLD_FIELDS, Thresholds
from desktop import colours
from desktop.desk import Desk
from desktop.errors import plain_reason, report_unexpected
from desktop.labels import field_label


class PortfolioThresholdsDialog(QDialog):
    def __init__(self, desk: Desk, current: Thresholds, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("portfolioThresholds")
        self.setWindowTitle(self.tr("Portfolio thresholds"))
        intro = QLabel(
            self.tr(
                "The verdicts of the portfolio review follow these limits. They are kept in the "
                "store, so every officer sharing it sees the same verdicts."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        self.labels: dict[str, str] = {}
        for name, label, low, high in THRESHOLD_FIELDS:
            spin = QSpinBox(self)
            spin.setObjectName(name)
            spin.setRange(low, high)
            spin.setValue(getattr(current, name))
            shown = field_label(label)
            spin.setAccessibleName(shown)
            form.addRow(shown, spin)
            self.spins[name] = spin
            self.labels[shown] = name
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(colours.style(colours.warning(self.palette())))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def chosen(self) -> Thresholds:
        return Thresholds(**{name: spin.value() for name, spin in self.spins.items()})

    def accept(self) -> None:
        """Saved off the GUI thread; the dialog closes once the store has them, or stays open
        with the problem named."""
        self.problem.clear()
        self.buttons.setEnabled(False)
        self.desk.save_portfolio_thresholds(self.chosen(), self._saved, self._refused)

    def _saved(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        super().accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.problem.setText("\n".join(str(p) for p in exc.problems))
            named = [self.labels[p.field] for p in exc.problems if p.field in self.labels]
            if named:
                self.spins[named[0]].setFocus()
                self.spins[named[0]].selectAll()
            return
        reason = plain_reason(exc)
        if reason is None:
            report_unexpected(exc)
            return
        self.problem.setText(reason)
