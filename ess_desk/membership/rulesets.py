"""Ready-made rule sets for a body, each naming the texts it follows; every value stays editable.

The sources (read for this module):
- Commission consultative: décret n° 2006-672 du 8 juin 2006, articles 9 to 14, codified in the
  code des relations entre le public et l'administration (CRPA), R. 133-3 et suivants: notice
  received « cinq jours au moins avant la date de la réunion » with the agenda and documents
  (art. 9); one mandate at most per member (art. 10); quorum « la moitié au moins des membres
  composant la commission », members taking part by telephone or video conference and members
  who gave a mandate included, and after a failed quorum a new notice on the same agenda « sans
  condition de quorum » (art. 11); « à la majorité des voix des membres présents ou
  représentés », the chair's casting vote in a tie (art. 12); members with a personal interest
  take no part (art. 13). No time limit for the minutes: none is set.
- Organe délibérant: code général des collectivités territoriales. Notice five clear days before
  in communes of 3 500 inhabitants and more, three below (L. 2121-11, L. 2121-12); quorum « la
  majorité de ses membres en exercice est présente », i.e. more than half of them in the room,
  proxies not counted, and if it fails a new notice « à trois jours au moins d'intervalle », the
  council then deliberating without quorum (L. 2121-17); one written proxy per member, decisions
  by the absolute majority of votes cast, the mayor's vote decisive in a tie « sauf cas de
  scrutin secret » (L. 2121-20); the minutes adopted at the next meeting, signed and published
  within the week (L. 2121-15). No remote participation for a municipal council (the
  téléconférence of L. 5211-11-1 concerns intercommunal councils only).
- Association: what statutes and internal rules commonly say; the council types its own.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ess_desk.i18n import N_, _
from ess_desk.membership.vocabulary import label


class RuleSet(NamedTuple):
    code: str
    label: str  # French, with its source: shown in the window and the command line
    values: dict[str, Any]


RULE_SETS: dict[str, RuleSet] = {
    "consultative": RuleSet(
        "consultative",
        N_("Commission consultative (décret n° 2006-672 / CRPA R. 133-3 et suivants)"),
        {
            "quorum_formula": "at_least",
            "quorum_numerator": 1,
            "quorum_denominator": 2,
            "quorum_counts_represented": 1,
            "quorum_counts_remote": 1,
            "remote_allowed": 1,
            "proxies_per_holder": 1,
            "notice_clear_days": 5,
            "majority_rule": "absolute",
            "chair_casting_vote": 1,
            "reconvene_notice_days": 5,
            "reconvene_without_quorum": 1,
            "minutes_publish_days": 0,
        },
    ),
    "deliberative": RuleSet(
        "deliberative",
        N_("Organe délibérant (CGCT, L. 2121-10 et suivants)"),
        {
            "quorum_formula": "more_than",
            "quorum_numerator": 1,
            "quorum_denominator": 2,
            "quorum_counts_represented": 0,
            "quorum_counts_remote": 0,
            "remote_allowed": 0,
            "proxies_per_holder": 1,
            "notice_clear_days": 5,
            "majority_rule": "simple",
            "chair_casting_vote": 1,
            "reconvene_notice_days": 3,
            "reconvene_without_quorum": 1,
            "minutes_publish_days": 7,
        },
    ),
    "association": RuleSet(
        "association",
        N_("Association (statuts et règlement intérieur)"),
        {
            "quorum_formula": "at_least",
            "quorum_numerator": 1,
            "quorum_denominator": 2,
            "quorum_counts_represented": 1,
            "quorum_counts_remote": 1,
            "remote_allowed": 1,
            "proxies_per_holder": 1,
            "notice_clear_days": 15,
            "majority_rule": "simple",
            "chair_casting_vote": 1,
            "reconvene_notice_days": 6,
            "reconvene_without_quorum": 1,
            "minutes_publish_days": 30,
        },
    ),
}

# The sets' names with their sources, as a label table (translated through `label`).
RULE_SET_LABELS: dict[str, str] = {code: rule_set.label for code, rule_set in RULE_SETS.items()}

# Where each rule of a set comes from, shown beside the values in the window.
SOURCES: dict[str, dict[str, str]] = {
    "consultative": {
        "notice_clear_days": "décret n° 2006-672, art. 9",
        "proxies_per_holder": "décret n° 2006-672, art. 10",
        "quorum": "décret n° 2006-672, art. 11",
        "reconvene": "décret n° 2006-672, art. 11",
        "majority_rule": "décret n° 2006-672, art. 12",
        "chair_casting_vote": "décret n° 2006-672, art. 12",
        "withdrawal": "décret n° 2006-672, art. 13",
        "minutes": "décret n° 2006-672, art. 14",
    },
    "deliberative": {
        "notice_clear_days": "CGCT, art. L. 2121-11 et L. 2121-12",
        "proxies_per_holder": "CGCT, art. L. 2121-20",
        "quorum": "CGCT, art. L. 2121-17",
        "reconvene": "CGCT, art. L. 2121-17",
        "majority_rule": "CGCT, art. L. 2121-20",
        "chair_casting_vote": "CGCT, art. L. 2121-20",
        "withdrawal": "CGCT, art. L. 2131-11",
        "minutes": "CGCT, art. L. 2121-15",
    },
    "association": {},
}

# The fields a rule set fills (and that `ess-desk body set --rules` replaces).
RULE_FIELDS = tuple(RULE_SETS["consultative"].values)


def rule_set_label(code: str) -> str:
    """The set's name with its source, in the current language; '' for none."""
    return label(RULE_SET_LABELS, code) if code in RULE_SET_LABELS else ""


def source(rule_set: str, rule: str) -> str:
    """The text a rule of the body follows, or « statuts et règlement intérieur » by default."""
    return SOURCES.get(rule_set, {}).get(rule) or _("statuts et règlement intérieur de l'instance")
