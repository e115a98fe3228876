"""Create or edit a body (instance) and its rules: quorum, proxies, notice, mandate length."""

from __future__ import annotations

from typing import Any

from ess_desk.errors import UserError
from ess_desk.membership import bodies, rulesets
from ess_desk.membership.vocabulary import (
    BODY_KINDS,
    HOLIDAY_CALENDARS,
    MAJORITY_RULES,
    QUORUM_FORMULAS,
    label,
)
from ess_desk.store import Store
from ui import a11y, palette
from ui.dialogs.common import FieldErrors, finish_dialog
from ui.qt import QtWidgets


def _spin(minimum: int, maximum: int, suffix: str = "") -> QtWidgets.QSpinBox:
    spin = QtWidgets.QSpinBox()
    spin.setRange(minimum, maximum)
    if suffix:
        spin.setSuffix(suffix)
    return spin


class BodyDialog(QtWidgets.QDialog):
    """`BodyDialog(store, body_id=None, parent_body_id=None, parent=None)`; `body_id` once saved."""

    def __init__(
        self,
        store: Store,
        body_id: int | None = None,
        parent_body_id: int | None = None,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self.body_id = body_id
        self.setWindowTitle(
            self.tr("Nouvelle instance") if body_id is None else self.tr("Modifier l'instance")
        )
        self.errors = FieldErrors()

        self.name = QtWidgets.QLineEdit()
        self.name.setMinimumWidth(320)
        self.kind = QtWidgets.QComboBox()
        for code in BODY_KINDS:
            self.kind.addItem(label(BODY_KINDS, code), code)
        self.parent_body = QtWidgets.QComboBox()
        self.parent_body.addItem(self.tr("— aucune —"), None)
        for body in bodies.list_bodies(store.db):
            if body.id != body_id:
                self.parent_body.addItem(body.name, body.id)

        # A ready-made rule set fills the rules below; every value stays editable.
        self.rule_set = QtWidgets.QComboBox()
        self.rule_set.setObjectName("rule_set")
        self.rule_set.addItem(self.tr("— règles propres à l'instance —"), "")
        for code in rulesets.RULE_SETS:
            self.rule_set.addItem(rulesets.rule_set_label(code), code)
        self.rule_set.activated.connect(lambda _i: self.apply_rule_set(self.rule_set.currentData()))
        self.rule_source = QtWidgets.QLabel()
        self.rule_source.setObjectName("rule_source")
        self.rule_source.setWordWrap(True)
        self.rule_source.setStyleSheet(palette.text_css(palette.MUTED))
        self.quorum_formula = QtWidgets.QComboBox()
        for code in QUORUM_FORMULAS:
            self.quorum_formula.addItem(label(QUORUM_FORMULAS, code), code)
        self.remote_allowed = QtWidgets.QCheckBox(
            self.tr(
                "Participation à distance (visio ou audio) permise : les membres à distance votent"
            )
        )
        self.counts_remote = QtWidgets.QCheckBox(
            self.tr("Les membres à distance comptent pour le quorum")
        )
        self.reconvene_days = _spin(0, 90)
        self.reconvene_without_quorum = QtWidgets.QCheckBox(
            self.tr("La séance reconvoquée délibère sans condition de quorum")
        )
        self.minutes_days = _spin(0, 365, self.tr(" jours (0 : pas de délai)"))
        self.quorum_numerator = _spin(0, 99)
        self.quorum_denominator = _spin(1, 99)
        quorum = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(quorum)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.quorum_numerator)
        row.addWidget(QtWidgets.QLabel("/"))
        row.addWidget(self.quorum_denominator)
        a11y.name(self.quorum_numerator, self.tr("Quorum : numérateur"))
        a11y.name(self.quorum_denominator, self.tr("Quorum : dénominateur"))
        row.addWidget(QtWidgets.QLabel(self.tr("des membres votants en exercice")))
        row.addStretch(1)
        self.counts_represented = QtWidgets.QCheckBox(
            self.tr("Les membres représentés (pouvoir) comptent pour le quorum")
        )
        self.proxies = _spin(0, 20)
        self.notice = _spin(0, 90)
        self.mandate_years = _spin(1, 20)
        # The unit after the number agrees with it: « 1 jour franc », « 3 ans ».
        self.notice.valueChanged.connect(
            lambda n: self.notice.setSuffix(self.tr(" jours francs", "", n))
        )
        self.mandate_years.valueChanged.connect(
            lambda n: self.mandate_years.setSuffix(self.tr(" ans", "", n))
        )
        self.notice.setSuffix(self.tr(" jours francs", "", 0))
        # One message for both (a plain one beside the counted one left the English in French).
        self.reconvene_days.valueChanged.connect(
            lambda n: self.reconvene_days.setSuffix(self.tr(" jours francs", "", n))
        )
        self.reconvene_days.setSuffix(self.tr(" jours francs", "", 0))
        self.mandate_years.setSuffix(self.tr(" ans", "", 1))
        self.calendar = QtWidgets.QComboBox()
        for code in HOLIDAY_CALENDARS:
            self.calendar.addItem(label(HOLIDAY_CALENDARS, code), code)
        self.majority = QtWidgets.QComboBox()
        for code in MAJORITY_RULES:
            self.majority.addItem(label(MAJORITY_RULES, code), code)
        self.casting_vote = QtWidgets.QCheckBox(
            self.tr("Voix prépondérante de la présidence en cas d'égalité")
        )

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Nom"), self.errors.wrap("name", self.name))
        form.addRow(self.tr("Type"), self.errors.wrap("kind", self.kind))
        form.addRow(self.tr("Instance parente"), self.errors.wrap("parent_id", self.parent_body))
        form.addRow(self.tr("Jeu de règles"), self.errors.wrap("rule_set", self.rule_set))
        form.addRow("", self.rule_source)
        form.addRow(
            self.tr("Formule du quorum"), self.errors.wrap("quorum_formula", self.quorum_formula)
        )
        form.addRow(self.tr("Quorum"), self.errors.wrap("quorum_numerator", quorum))
        form.addRow("", self.errors.wrap("quorum_counts_represented", self.counts_represented))
        form.addRow("", self.errors.wrap("remote_allowed", self.remote_allowed))
        form.addRow("", self.errors.wrap("quorum_counts_remote", self.counts_remote))
        form.addRow(
            self.tr("Pouvoirs par mandataire"), self.errors.wrap("proxies_per_holder", self.proxies)
        )
        form.addRow(
            self.tr("Délai de convocation"), self.errors.wrap("notice_clear_days", self.notice)
        )
        form.addRow(
            self.tr("Durée du mandat"), self.errors.wrap("mandate_years", self.mandate_years)
        )
        form.addRow(self.tr("Jours fériés"), self.errors.wrap("holiday_calendar", self.calendar))
        form.addRow(self.tr("Majorité"), self.errors.wrap("majority_rule", self.majority))
        form.addRow("", self.errors.wrap("chair_casting_vote", self.casting_vote))
        form.addRow(
            self.tr("Nouvelle convocation après quorum manqué"),
            self.errors.wrap("reconvene_notice_days", self.reconvene_days),
        )
        form.addRow("", self.errors.wrap("reconvene_without_quorum", self.reconvene_without_quorum))
        form.addRow(
            self.tr("PV signé et publié sous"),
            self.errors.wrap("minutes_publish_days", self.minutes_days),
        )

        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Enregistrer")
        )
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Annuler")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        if store.read_only:
            notice = QtWidgets.QLabel(store.read_only_message())
            notice.setWordWrap(True)
            layout.addWidget(notice)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)

        self._fill(parent_body_id)
        if store.read_only:
            self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save).setEnabled(False)
        finish_dialog(self)

    def _fill(self, parent_body_id: int | None) -> None:
        body = bodies.get_body(self._store.db, self.body_id) if self.body_id is not None else None
        if body is None:
            kind = "commission" if parent_body_id is not None else "plenary"
            if bodies.plenary_body(self._store.db) is not None and parent_body_id is None:
                kind = "commission"
            body = bodies.Body(id=0, name="", kind=kind, parent_id=parent_body_id)
        self.name.setText(body.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(body.kind)))
        self.parent_body.setCurrentIndex(max(0, self.parent_body.findData(body.parent_id)))
        self.quorum_numerator.setValue(body.quorum_numerator)
        self.quorum_denominator.setValue(body.quorum_denominator)
        self.counts_represented.setChecked(bool(body.quorum_counts_represented))
        self.proxies.setValue(body.proxies_per_holder)
        self.notice.setValue(body.notice_clear_days)
        self.mandate_years.setValue(body.mandate_years)
        self.calendar.setCurrentIndex(max(0, self.calendar.findData(body.holiday_calendar)))
        self.majority.setCurrentIndex(max(0, self.majority.findData(body.majority_rule)))
        self.rule_set.setCurrentIndex(max(0, self.rule_set.findData(body.rule_set)))
        self._set_rules(
            {
                "quorum_formula": body.quorum_formula,
                "remote_allowed": body.remote_allowed,
                "quorum_counts_remote": body.quorum_counts_remote,
                "reconvene_notice_days": body.reconvene_notice_days,
                "reconvene_without_quorum": body.reconvene_without_quorum,
                "minutes_publish_days": body.minutes_publish_days,
            }
        )
        self._show_source(body.rule_set)
        self.casting_vote.setChecked(bool(body.chair_casting_vote))

    def _set_rules(self, values: dict[str, Any]) -> None:
        setters = {
            "quorum_formula": lambda v: self.quorum_formula.setCurrentIndex(
                max(0, self.quorum_formula.findData(v))
            ),
            "quorum_numerator": self.quorum_numerator.setValue,
            "quorum_denominator": self.quorum_denominator.setValue,
            "quorum_counts_represented": lambda v: self.counts_represented.setChecked(bool(v)),
            "quorum_counts_remote": lambda v: self.counts_remote.setChecked(bool(v)),
            "remote_allowed": lambda v: self.remote_allowed.setChecked(bool(v)),
            "proxies_per_holder": self.proxies.setValue,
            "notice_clear_days": self.notice.setValue,
            "majority_rule": lambda v: self.majority.setCurrentIndex(
                max(0, self.majority.findData(v))
            ),
            "chair_casting_vote": lambda v: self.casting_vote.setChecked(bool(v)),
            "reconvene_notice_days": self.reconvene_days.setValue,
            "reconvene_without_quorum": lambda v: self.reconvene_without_quorum.setChecked(bool(v)),
            "minutes_publish_days": self.minutes_days.setValue,
        }
        for key, value in values.items():
            setters[key](value)

    def apply_rule_set(self, code: str) -> None:
        """Fill the rules from a ready-made set (they stay editable)."""
        if code in rulesets.RULE_SETS:
            self._set_rules(rulesets.RULE_SETS[code].values)
        self.rule_set.setCurrentIndex(max(0, self.rule_set.findData(code)))
        self._show_source(code)

    def _show_source(self, code: str) -> None:
        if code not in rulesets.RULE_SETS:
            self.rule_source.setText(
                self.tr("Règles fixées par les statuts et le règlement intérieur.")
            )
            return
        self.rule_source.setText(
            self.tr(
                "Sources : délai de convocation, {notice} ; quorum et nouvelle convocation, "
                "{quorum} ; voix prépondérante, {casting} ; procès-verbal, {minutes}. Chaque "
                "valeur reste modifiable."
            ).format(
                notice=rulesets.source(code, "notice_clear_days"),
                quorum=rulesets.source(code, "quorum"),
                casting=rulesets.source(code, "chair_casting_vote"),
                minutes=rulesets.source(code, "minutes"),
            )
        )

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "parent_id": self.parent_body.currentData(),
            "quorum_numerator": self.quorum_numerator.value(),
            "quorum_denominator": self.quorum_denominator.value(),
            "quorum_counts_represented": self.counts_represented.isChecked(),
            "proxies_per_holder": self.proxies.value(),
            "notice_clear_days": self.notice.value(),
            "mandate_years": self.mandate_years.value(),
            "holiday_calendar": self.calendar.currentData(),
            "majority_rule": self.majority.currentData(),
            "chair_casting_vote": self.casting_vote.isChecked(),
            "rule_set": self.rule_set.currentData(),
            "quorum_formula": self.quorum_formula.currentData(),
            "remote_allowed": self.remote_allowed.isChecked(),
            "quorum_counts_remote": self.counts_remote.isChecked(),
            "reconvene_notice_days": self.reconvene_days.value(),
            "reconvene_without_quorum": self.reconvene_without_quorum.isChecked(),
            "minutes_publish_days": self.minutes_days.value(),
        }

    def save(self) -> None:
        """Write through the core; a refusal stays in the dialog, beside its field."""
        self.errors.clear()
        try:
            if self.body_id is None:
                self.body_id = bodies.create_body(self._store, **self.values())
            else:
                bodies.update_body(self._store, self.body_id, **self.values())
        except UserError as error:
            if error.field == "quorum_denominator":  # both numbers share the quorum row
                error = UserError(error.message, field="quorum_numerator")
            self.errors.show(error)
            return
        self.accept()
