"""Names replaced in free text for the public version (`ess_desk.minutes.redaction`): the same
text as one regular expression of every name over the folded text (the oracle), in any case, with
ß or ss, İ or i, accents, overlapping names and the longest first; and the folding it relies on,
checked for every character."""

from __future__ import annotations

import dataclasses
import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ess_desk.membership import people
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.minutes import redaction
from ess_desk.store import database
from tests.core.test_minutes import build_council

_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*(?:[-*•]\s+)?)$")


def _replacement(labels: dict[str, str]):
    """What `Publication` puts for a match: the label of the name matched, capitalised at the
    start of a sentence."""

    def for_text(value: str):
        def replace(name: str, start: int) -> str:
            words = labels[name]
            if _SENTENCE_START.search(value[:start]):
                words = words[:1].upper() + words[1:]
            return words

        return replace

    return for_text


def _oracle(names: list[str], labels: dict[str, str], value: str) -> str:
    """One expression of every (folded) name over the text folded character by character, each
    match put back over the characters it covers (whole), left to right."""
    if not value or not names:
        return value
    expression = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    origin = [i for i, ch in enumerate(value) for _ in redaction.folded(ch)]
    text = "".join(redaction.folded(ch) for ch in value)
    replace = _replacement(labels)(value)
    out, done = "", 0
    for m in expression.finditer(text):
        start = max(origin[m.start()], done)
        out += value[done:start] + replace(m.group(1), start)
        done = origin[m.end() - 1] + 1
    return out + value[done:]


def _names_and_labels(raw: list[tuple[str, str]]) -> tuple[list[str], dict[str, str]]:
    """As `Publication` makes them: folded, the longest first (ties in the order given)."""
    labels: dict[str, str] = {}
    for name, label in raw:
        labels.setdefault(redaction.folded(name.strip()), label)
    return sorted((n for n in labels if n), key=len, reverse=True), labels


# Letters whose case variants are not one-to-one (ß, ſ, the dotted and dotless i, the Kelvin
# sign, the final sigma, the ypogegrammeni outside words that folds to iota), accents, and what
# separates words.
LETTERS = "aAbBeéÉèiIİıoOsSſßkKKzZσΣςιͅǰ_0"
SEPARATORS = " -'’.,!?\n•\t"
ALPHABET = LETTERS + SEPARATORS

# (names sharing words, so that several can match at one place and their order decides)
words = st.sampled_from(
    ["marie", "dupont", "zoé", "zoe", "ilan", "sıs", "strauss", "de", "la"]
) | st.text(alphabet=LETTERS, min_size=1, max_size=4)
raw_names = st.lists(
    st.tuples(
        st.lists(words, min_size=1, max_size=3).map(" ".join)
        | st.text(alphabet=ALPHABET, min_size=0, max_size=6),
        st.sampled_from(["une personne", "un membre de l'instance", "un(e) invité(e)"]),
    ),
    min_size=0,
    max_size=8,
)


def _variant(draw, name: str) -> str:
    """The name as a text may write it: each letter in either case, or a look-alike."""
    swaps = {"i": "İıI", "s": "ſS", "k": "KK", "σ": "Σς", "ι": "ͅΙ", "e": "E", "é": "É"}
    if "ss" in name and draw(st.booleans()):
        name = name.replace("ss", "ß")
    out = []
    for ch in name:
        choices = ch + swaps.get(ch, ch.upper())
        out.append(draw(st.sampled_from(choices)))
    return "".join(out)


@st.composite
def cases(draw):
    raw = draw(raw_names)
    names, labels = _names_and_labels(raw)
    pieces = []
    for _n in range(draw(st.integers(0, 6))):
        if names and draw(st.booleans()):
            pieces.append(_variant(draw, draw(st.sampled_from(names))))
        else:
            pieces.append(draw(st.text(alphabet=ALPHABET, max_size=5)))
    return names, labels, "".join(pieces)


@settings(max_examples=600)
@given(cases())
@example(
    (
        ["marie dupont durand", "dupont durand", "marie dupont", "marie"],
        {
            "marie dupont durand": "une personne",
            "dupont durand": "un membre de l'instance",
            "marie dupont": "un(e) invité(e)",
            "marie": "une personne",
        },
        "Marie Dupont Durand et MARIE DUPONT. marie-dupont durand, Mariedupont, dupont durand",
    )
)
@example(
    (
        [f"{w} {w}x" for w in ("ab", "cd", "ef", "gh", "ij", "kl", "mn", "op")]
        + ["ab", "cd", "ef", "gh", "ij", "kl", "mn", "op"],
        {
            **{
                f"{w} {w}x": "une personne"
                for w in ("ab", "cd", "ef", "gh", "ij", "kl", "mn", "op")
            },
            **{w: "un(e) invité(e)" for w in ("ab", "cd", "ef", "gh", "ij", "kl", "mn", "op")},
        },
        "Ab abx, cd CDX; ef efx gh ghx ij ijx kl klx mn mnx op opx.",
    )
)
@example((["zoé", "zoe"], {"zoé": "une personne", "zoe": "un(e) invité(e)"}, "ZOÉ, Zoe, zoé"))
@example((["si"], {"si": "une personne"}, "ſİ SI ſı\u0345si"))
def test_the_same_text_as_one_expression_of_every_name(case):
    names, labels, value = case
    redactor = redaction.Redactor(names, _replacement(labels))
    expected = _oracle(names, labels, value)
    assert redactor.text(value) == expected
    assert redactor.text(value) == expected  # (the second time, as remembered)


def test_the_public_version_replaces_names_as_before(store):
    """Through `Publication` itself: the council's names without consent (both orders), the
    record's people by their quality, against the expression of every name."""
    council = build_council(store)
    for first, last in [("Jean", "Dupont"), ("Jean", "Dupont-Durand"), ("Ilan", "Sıs")]:
        people.create(store, first_name=first, last_name=last, consent_publish=False)
    people.create(store, first_name="Anne", last_name="Publique", consent_publish=True)
    record = mn.view(store.db, council["first"]).record
    publication = rec.Publication(store.db, record)
    labels = dict(publication._labels)
    names = sorted((n for n in labels if n), key=len, reverse=True)
    assert {"zoé secrète", "secrète zoé", "jean dupont-durand", "dupont jean"} <= set(names)
    assert "anne publique" not in names
    value = (
        "Zoé Secrète présente. Ensuite ZOÉ SECRÈTE et jean dupont-durand, puis Dupont Jean, "
        "ILAN SıS et Anne Publique ; Jean Dupontel reste.\n- Inès Discrète conclut."
    )
    expected = _oracle(names, labels, value)
    assert "Secrète" not in expected and "Dupontel" in expected and "Anne Publique" in expected
    assert publication.text(value) == expected
    assert [publication.text(v) for v in ("", "Personne ici.")] == ["", "Personne ici."]


def _every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_folding_is_by_character_never_shorter_and_settled():
    """What matching in the folded text relies on, over every character: a text folds as its
    characters one by one (the map back to the text's characters), each to one character or
    more, and a folded name folds to itself (names are folded once, by `Publication`)."""
    everything = _every_character()
    each = [redaction.folded(ch) for ch in everything]
    assert redaction.folded(everything) == "".join(each)
    assert min(len(f) for f in each) == 1
    assert redaction.folded("".join(each)) == "".join(each)
    assert redaction.folded("Zoé İLAN ıl ſ Strauß") == "zoé ilan il s strauss"
    text = "x İß y"
    assert redaction.folded_with_origins(text) == ("x iss y", [0, 1, 2, 3, 3, 4, 5])
    assert redaction.folded_with_origins("Zoé") == ("zoé", None)


def test_consent_is_read_for_anyone_asked(store):
    """Consent is read for the people the record names at once, for anyone else when asked;
    someone unknown or without an id never consents."""
    council = build_council(store)
    outside = people.create(store, first_name="Anne", last_name="Publique", consent_publish=True)
    hidden = people.create(store, first_name="Jean", last_name="Caché", consent_publish=False)
    record = mn.view(store.db, council["first"]).record
    publication = rec.Publication(store.db, record)
    assert publication.allowed(rec.PersonRef(name="Anne Publique", person_id=outside))
    assert not publication.allowed(rec.PersonRef(name="Jean Caché", person_id=hidden))
    assert not publication.allowed(rec.PersonRef(name="Inconnue", person_id=10**6))
    assert not publication.allowed(rec.PersonRef(name="Invitée extérieure"))
    consent = {
        r["id"]: bool(r["consent_publish"])
        for r in database.rows(store.db, "SELECT id, consent_publish FROM people")
    }
    named = [p for p in rec._people_of(record) if p.person_id is not None]
    assert named and all(publication.allowed(p) == consent[p.person_id] for p in named)
    assert publication.text("Jean Caché et Anne Publique") == "Une personne et Anne Publique"


def test_names_whose_folding_is_longer_are_replaced_and_never_crash(store):
    """Issue 13 (consent honoured): « Strauß » (folded « strauss ») and « İlknur » (« i » and a
    combining dot under `casefold`) were never replaced, and a text writing the i of « Ilan
    Martin » as « İ » raised KeyError: every way of writing them is now replaced."""
    council = build_council(store)
    for first, last in [("Anna", "Strauß"), ("İlknur", "Yılmaz"), ("Ilan", "Martin")]:
        people.create(store, first_name=first, last_name=last, consent_publish=False)
    record = mn.view(store.db, council["first"]).record
    publication = rec.Publication(store.db, record)
    value = (
        "Anna Strauß vient. ANNA STRAUSS et anna strauss, Strauss Anna ; İlknur Yılmaz, "
        "ILKNUR YILMAZ, ilknur yilmaz. Appeler İLAN MARTIN puis ılan martın. Anna Straußen reste."
    )
    assert publication.text(value) == (
        "Une personne vient. Une personne et une personne, une personne ; une personne, "
        "une personne, une personne. Appeler une personne puis une personne. Anna Straußen reste."
    )


def test_the_public_minutes_hide_those_names(store):
    """The same through the whole public record: an action titled « Appeler İLAN MARTIN » and a
    summary naming « Anna Strauß »."""
    council = build_council(store)
    for first, last in [("Anna", "Strauß"), ("Ilan", "Martin")]:
        people.create(store, first_name=first, last_name=last, consent_publish=False)
    record = mn.view(store.db, council["first"]).record
    section = record.sections[0]
    record = dataclasses.replace(
        record,
        sections=(
            dataclasses.replace(
                section,
                summary="Anna Strauß présente le budget.",
                actions=(rec.ActionRecord(title="Appeler İLAN MARTIN"),),
            ),
            *record.sections[1:],
        ),
    )
    public = rec.Publication(store.db, record).record(record)
    first = public.sections[0]
    assert first.summary == "Une personne présente le budget."
    assert [a.title for a in first.actions] == ["Appeler une personne"]
