"""A body's rules on the Instances page, each in words with its figure: quorum (its formula,
whether proxies count), remote members, proxies, notice, a missed quorum, mandates, holidays,
majority, the minutes' time limit; « Modifier les règles… » under them."""

from __future__ import annotations

from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import HOLIDAY_CALENDARS, MAJORITY_RULES, label
from ui.fitting import WrappingLabel
from ui.qt import Qt, QtWidgets


class BodyRulesBox(QtWidgets.QGroupBox):
    """« Règles de fonctionnement »: `show_body(body)`, `clear()`; `rule_labels` by rule."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Règles de fonctionnement"))
        self.rules_form = QtWidgets.QFormLayout()
        self.rules_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.rules_form.setVerticalSpacing(4)
        self.rule_labels: dict[str, QtWidgets.QLabel] = {}
        for key, text in [
            ("quorum", self.tr("Quorum")),
            ("remote", self.tr("À distance")),
            ("proxies", self.tr("Pouvoirs")),
            ("notice", self.tr("Convocation")),
            ("reconvene", self.tr("Quorum manqué")),
            ("mandate", self.tr("Durée des mandats")),
            ("calendar", self.tr("Jours fériés")),
            ("majority", self.tr("Majorité")),
            ("minutes", self.tr("Procès-verbal")),
        ]:
            # Every line of a rule shown, however narrow the group (fitting.WrappingLabel).
            value = WrappingLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.rule_labels[key] = value
            self.rules_form.addRow(text, value)
        self.edit_rules_button = QtWidgets.QPushButton(self.tr("Modifier les règles…"))
        rules_layout = QtWidgets.QVBoxLayout(self)
        rules_layout.addLayout(self.rules_form)
        rules_buttons = QtWidgets.QHBoxLayout()
        rules_buttons.addStretch(1)
        rules_buttons.addWidget(self.edit_rules_button)
        rules_layout.addLayout(rules_buttons)

    def clear(self) -> None:
        for value in self.rule_labels.values():
            value.clear()

    def show_body(self, body: bodies.Body) -> None:
        represented = (
            self.tr("présents ou représentés")
            if body.quorum_counts_represented
            else self.tr("présents (les pouvoirs ne comptent pas)")
        )
        # The formula of the rule set (issue 11): « at least half » or « more than half ».
        quorum = (
            self.tr("plus de {num}/{den} des membres votants en exercice, {represented}")
            if body.quorum_formula == "more_than"
            else self.tr("au moins {num}/{den} des membres votants en exercice, {represented}")
        )
        self.rule_labels["quorum"].setText(
            quorum.format(
                num=body.quorum_numerator, den=body.quorum_denominator, represented=represented
            )
        )
        self.rule_labels["proxies"].setText(
            self.tr("%n pouvoirs au plus par mandataire", "", body.proxies_per_holder)
        )
        self.rule_labels["notice"].setText(
            self.tr("%n jours francs avant la séance", "", body.notice_clear_days)
        )
        self.rule_labels["mandate"].setText(self.tr("%n ans", "", body.mandate_years))
        self.rule_labels["calendar"].setText(label(HOLIDAY_CALENDARS, body.holiday_calendar))
        self.rule_labels["majority"].setText(
            label(MAJORITY_RULES, body.majority_rule)
            + (
                self.tr(" ; voix prépondérante de la présidence en cas d'égalité")
                if body.chair_casting_vote
                else ""
            )
        )
        self._show_law_rules(body)

    def _show_law_rules(self, body: bodies.Body) -> None:
        """The rules of the body's rule set (issue 11): remote members, the meeting called
        again after a missed quorum, the minutes' time limit."""
        if not body.remote_allowed:
            remote = self.tr("non prévue : seuls les présents votent")
        elif body.quorum_counts_remote:
            remote = self.tr("les membres à distance votent et comptent pour le quorum")
        else:
            remote = self.tr("les membres à distance votent, sans compter pour le quorum")
        self.rule_labels["remote"].setText(remote)
        reconvene = self.tr(
            "nouvelle convocation %n jours francs avant au moins", "", body.reconvene_notice_days
        )
        if body.reconvene_without_quorum:
            reconvene += self.tr(", séance sans condition de quorum")
        self.rule_labels["reconvene"].setText(reconvene)
        self.rule_labels["minutes"].setText(
            self.tr("signé et publié sous %n jours", "", body.minutes_publish_days)
            if body.minutes_publish_days
            else self.tr("pas de délai fixé")
        )
