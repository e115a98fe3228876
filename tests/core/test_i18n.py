"""The core's message catalogue: every French source string has its English rendering."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ess_desk
from ess_desk import i18n
from ess_desk.i18n_en import EN

CORE = Path(ess_desk.__file__).parent


def source_strings() -> set[str]:
    """Every literal passed to `_()` anywhere in the core."""
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_every_core_message_has_an_english_translation():
    missing = sorted(source_strings() - set(EN))
    assert not missing, "Sans traduction anglaise :\n" + "\n".join(missing)


def label_tables() -> dict[str, dict[str, str]]:
    """The tables of French labels that code translates through a variable (`label()`, `_(t[k])`)."""
    from ess_desk.actions import rules
    from ess_desk.documents import pack
    from ess_desk.exchange import members_import
    from ess_desk.meetings import attendance, compliance, votes
    from ess_desk.meetings import vocabulary as meetings
    from ess_desk.membership import rulesets
    from ess_desk.membership import vocabulary as membership
    from ess_desk.minutes import history
    from ess_desk.minutes import vocabulary as minutes
    from ess_desk.search import index as search_index

    return {
        "actions.rules.STATUSES": rules.STATUSES,
        "documents.pack.VARIANTS": pack.VARIANTS,
        "actions.rules.PRIORITIES": rules.PRIORITIES,
        "exchange.members_import.FIELDS": members_import.FIELDS,
        "meetings.attendance.STATUSES": attendance.STATUSES,
        "meetings.vocabulary.MEETING_KINDS": meetings.MEETING_KINDS,
        "meetings.vocabulary.MEETING_STATUSES": meetings.MEETING_STATUSES,
        "meetings.vocabulary.ITEM_KINDS": meetings.ITEM_KINDS,
        "meetings.vocabulary.OUTCOMES": meetings.OUTCOMES,
        "membership.vocabulary.ORGANISATION_KINDS": membership.ORGANISATION_KINDS,
        "membership.vocabulary.BODY_KINDS": membership.BODY_KINDS,
        "membership.vocabulary.ROLES": membership.ROLES,
        "membership.vocabulary.HOLIDAY_CALENDARS": membership.HOLIDAY_CALENDARS,
        "membership.vocabulary.MAJORITY_RULES": membership.MAJORITY_RULES,
        "membership.vocabulary.QUORUM_FORMULAS": membership.QUORUM_FORMULAS,
        "membership.rulesets.RULE_SET_LABELS": rulesets.RULE_SET_LABELS,
        "meetings.votes.VOTE_KINDS": votes.VOTE_KINDS,
        "meetings.votes.CHOICES": votes.CHOICES,
        "meetings.compliance.CHECKS": compliance.CHECKS,
        "minutes.vocabulary.MINUTES_STATUSES": minutes.MINUTES_STATUSES,
        "minutes.vocabulary.DECISION_KINDS": minutes.DECISION_KINDS,
        "minutes.vocabulary.DECISION_STATUSES": minutes.DECISION_STATUSES,
        "minutes.vocabulary.FORMS": minutes.FORMS,
        "minutes.history.FIELD_LABELS": history.FIELD_LABELS,
        "search.index.KIND_LABELS": search_index.KIND_LABELS,
    }


def test_every_label_table_has_an_english_translation():
    missing = sorted(
        f"{name}: {french}"
        for name, table in label_tables().items()
        for french in table.values()
        if french not in EN
    )
    assert not missing, "Libellés sans traduction anglaise :\n" + "\n".join(missing)


def test_label_tables_list_every_table_translated_through_a_variable():
    """`label(TABLE, code)` and `_(TABLE[key])` in the core only use tables checked above."""
    listed = {name.rsplit(".", 1)[1] for name in label_tables()}
    used: set[str] = set()
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            first = node.args[0]
            if node.func.id == "label":
                table = first
            elif node.func.id == "_" and isinstance(first, ast.Subscript):
                table = first.value
            else:
                continue
            if isinstance(table, ast.Name):
                used.add(table.id)
            elif isinstance(table, ast.Attribute):
                used.add(table.attr)
    used.discard("table")  # the parameter of `label()` itself
    assert used <= listed, (
        f"Tables de libellés à ajouter à label_tables() : {sorted(used - listed)}"
    )


def test_translations_keep_their_placeholders():
    import string

    def fields(text: str) -> set[tuple[str, str | None, str | None]]:
        """Each placeholder with its format spec and conversion: `{minute:02d}` stays as is."""
        return {
            (name, spec, conv) for _lit, name, spec, conv in string.Formatter().parse(text) if name
        }

    for french, english in EN.items():
        assert fields(french) == fields(english), french


def test_language_switch():
    from ess_desk.errors import UserError
    from ess_desk.membership.validation import email

    i18n.set_language("en")
    try:
        with pytest.raises(UserError, match="is not valid"):
            email("x@")
    finally:
        i18n.set_language("fr")
    with pytest.raises(UserError, match="n'est pas valide"):
        email("x@")
