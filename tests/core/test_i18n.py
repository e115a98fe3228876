"""The core's message catalogue: every French source string has its English rendering, in a
gettext catalogue that the code, the window's catalogue and Babel's checkers all agree with."""

from __future__ import annotations

import ast
import functools
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import ess_desk
from ess_desk import i18n

CORE = Path(ess_desk.__file__).parent
ROOT = CORE.parent
POT = CORE / "locale" / "ess_desk.pot"
PO = CORE / "locale" / "en" / "LC_MESSAGES" / "ess_desk.po"
TS = ROOT / "resources" / "translations" / "ess_desk_en.ts"

# The marking functions of ess_desk.i18n, with the position of (context, singular, plural).
KEYWORDS = {
    "_": (None, 0, None),
    "N_": (None, 0, None),
    "ngettext": (None, 0, 1),
    "pgettext": (0, 1, None),
    "npgettext": (0, 1, 2),
}

# What `_()` may translate besides a literal: a label looked up in a table marked with N_().
VARIABLE = (ast.Name, ast.Attribute, ast.Subscript)

Key = tuple[str | None, str | tuple[str, str]]  # (context, msgid or (singular, plural))


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


@functools.cache
def marked_calls() -> tuple[tuple[Path, str, ast.Call, bool], ...]:
    """Every call of a marking function in the core: (file, function, call, inside an f-string).
    Parsed once per run: the core does not change while the tests read it."""
    found = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {
            id(child)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for child in ast.walk(node)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in KEYWORDS
            ):
                found.append((path, node.func.id, node, id(node) in in_fstring))
    return tuple(found)


def literals(function: str, call: ast.Call) -> list[str | None] | None:
    """The (context, singular, plural) literals of a call, None where the call has none."""
    positions = KEYWORDS[function]
    texts = [
        _literal(call.args[p]) if p is not None and p < len(call.args) else None for p in positions
    ]
    complete = all(t is not None for t, p in zip(texts, positions, strict=True) if p is not None)
    return texts if complete else None


@functools.cache
def source_strings() -> frozenset[Key]:
    """Every literal message marked in the core, as the catalogue keys it."""
    found: set[Key] = set()
    for _path, function, call, _fstring in marked_calls():
        texts = literals(function, call)
        if texts is None:
            continue
        context, singular, plural = texts
        assert singular is not None
        found.add((context, (singular, plural) if plural is not None else singular))
    return frozenset(found)


@pytest.fixture(scope="module")
def catalogue():
    with PO.open("rb") as f:
        return read_po(f)


def entries(catalogue) -> dict[Key, object]:
    return {(m.context, m.id): m for m in catalogue if m.id}


def test_every_core_message_has_an_english_translation(catalogue):
    known = entries(catalogue)
    missing = sorted(map(str, source_strings() - set(known)))
    assert not missing, "Sans traduction anglaise (make po, puis remplir msgstr) :\n" + "\n".join(
        missing
    )


def test_the_catalogue_is_the_code_s(catalogue):
    """No entry the code no longer marks, and the template holds what the .po holds: `make po`
    has been run after the last change of a message."""
    stale = sorted(map(str, set(entries(catalogue)) - source_strings()))
    assert not stale, "Entrées que le code n'utilise plus (make po) :\n" + "\n".join(stale)
    with POT.open("rb") as f:
        template = {(m.context, m.id) for m in read_po(f) if m.id}
    assert template == set(entries(catalogue))


def test_no_message_is_hidden_from_extraction():
    """Extraction reads literals only, and (Python 3.11) not inside f-strings: such a message
    would be translated nowhere. `_(TABLE[code])` and `_(variable)` translate labels marked
    elsewhere with N_()."""
    hidden = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path, function, call, fstring in marked_calls()
        if fstring
        or (
            literals(function, call) is None
            and not (function == "_" and call.args and isinstance(call.args[0], VARIABLE))
        )
    ]
    assert not hidden, "Messages que pybabel ne voit pas :\n" + "\n".join(hidden)


def test_no_entry_is_fuzzy_or_empty(catalogue):
    assert not catalogue.fuzzy
    bad = [
        m.id
        for m in catalogue
        if m.id
        and (
            m.fuzzy
            or not (all(s.strip() for s in m.string) if m.pluralizable else m.string.strip())
        )
    ]
    assert bad == []


def test_babel_checkers_find_nothing(catalogue):
    """Babel's own checks: the number of plural forms, python-format (%) placeholders."""
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalogue.check()]
    assert problems == []
    assert catalogue.num_plurals == 2


def fields(text: str) -> set[tuple[str, str | None, str | None]]:
    """Each {placeholder} with its format spec and conversion: `{minute:02d}` stays as is."""
    return {(name, spec, conv) for _lit, name, spec, conv in string.Formatter().parse(text) if name}


def test_translations_keep_their_placeholders(catalogue):
    wrong = []
    for m in catalogue:
        if not m.id:
            continue
        sources = list(m.id) if m.pluralizable else [m.id]
        translations = list(m.string) if m.pluralizable else [m.string]
        wanted = fields(sources[-1])
        if any(fields(text) != wanted for text in sources + translations):
            wrong.append(m.id)
    assert wrong == []


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
    from ess_desk.privacy import information
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
        "privacy.information.FIELD_LABELS": information.FIELD_LABELS,
        "minutes.history.FIELD_LABELS": history.FIELD_LABELS,
        "search.index.KIND_LABELS": search_index.KIND_LABELS,
    }


def test_every_label_table_has_an_english_translation(catalogue):
    """Each label is marked with N_() (so `make po` keeps it) and translated."""
    known = {m.id: m.string for m in catalogue if m.id and not m.context}
    missing = sorted(
        f"{name}: {french}"
        for name, table in label_tables().items()
        for french in table.values()
        if not known.get(french) or (None, french) not in source_strings()
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


def window_messages() -> list[tuple[str, str, str | None, str]]:
    """(Qt context, source, disambiguation, translation) of every live message of the window."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            found.append(
                (
                    context.findtext("name") or "",
                    message.findtext("source") or "",
                    message.findtext("comment"),
                    translation.text or "",
                )
            )
    return found


def test_a_string_of_both_the_core_and_the_window_is_translated_alike(catalogue):
    """A French string the window shares with the core means one thing and reads the same in
    English. A word with two meanings carries a context in the core (`pgettext("last name",
    "Nom")`) and the same disambiguation in the window (`self.tr("Nom", "last name")`)."""
    core = {(m.context, m.id): m.string for m in catalogue if m.id and not m.pluralizable}
    shared = 0
    different = []
    for qt_context, source, disambiguation, translation in window_messages():
        if (disambiguation, source) not in core:
            continue
        shared += 1
        if translation != core[(disambiguation, source)]:
            different.append(
                f"{source!r} ({qt_context}): fenêtre {translation!r}, cœur "
                f"{core[(disambiguation, source)]!r}"
            )
    assert shared > 100
    assert not different, "Traduits différemment :\n" + "\n".join(different)


def test_language_switch():
    from ess_desk.errors import UserError
    from ess_desk.membership.validation import email

    i18n.set_language("en")
    try:
        with pytest.raises(UserError, match="is not valid"):
            email("x@")
        assert i18n.language() == "en"
    finally:
        i18n.set_language("fr")
    with pytest.raises(UserError, match="n'est pas valide"):
        email("x@")
    assert i18n.language() == "fr"


def test_plurals_follow_each_language():
    """French takes the singular for 0 and 1, English for 1 only; a message missing from the
    catalogue falls back to its French, French plural rule included."""
    forms = ("{n} pouvoir", "{n} pouvoirs")
    assert [i18n.ngettext(*forms, n).format(n=n) for n in (0, 1, 2)] == [
        "0 pouvoir",
        "1 pouvoir",
        "2 pouvoirs",
    ]
    i18n.set_language("en")
    try:
        # Not in the catalogue: its French stays, French plural rule included.
        assert [i18n.ngettext(*forms, n) for n in (0, 1, 2)] == [forms[0], forms[0], forms[1]]
        assert i18n.pgettext("last name", "Nom") == "Last name"
        assert i18n._("Nom") == "Name"
        assert i18n.pgettext("absent context", "Nom") == "Nom"
    finally:
        i18n.set_language("fr")
    assert i18n.pgettext("last name", "Nom") == "Nom"
    assert i18n.N_("Fait") == "Fait"


# "(s)", "(es)", "(x)", "(aux)", "(nt)", "(ies)": a plural left to the reader. The gender-inclusive
# "(e)" of "suppléant(e)" is a different matter and stays.
PLURAL_MARK = re.compile(r"\((?:s|es|x|aux|nt|ies)\)")


def test_no_parenthesised_plural_in_the_core_catalogue(catalogue):
    """Counted words go through ngettext, in French and in English: never "1 pouvoir(s)"."""
    found = [
        text
        for m in catalogue
        if m.id
        for text in ([*m.id, *m.string] if m.pluralizable else [m.id, m.string])
        if PLURAL_MARK.search(text)
    ]
    assert found == []
