"""Names replaced in free text for the public version (`ess_desk.minutes.redaction`): the same
text as one regular expression of every name (the implementation it replaced, kept here as the
oracle), in any case, with accents, overlapping names and the longest first; and the folding it
relies on, checked for every character."""

from __future__ import annotations

import _sre
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
    """What `Publication` puts for a match (its replacement, as it was)."""

    def for_text(value: str):
        def replace(match: re.Match[str]) -> str:
            words = labels[match.group(1).casefold()]
            if _SENTENCE_START.search(value[: match.start()]):
                words = words[:1].upper() + words[1:]
            return words

        return replace

    return for_text


def _oracle(names: list[str], labels: dict[str, str], value: str) -> str:
    """`Publication.text` before: one expression of every name, over each text."""
    if not value or not names:
        return value
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE
    )
    return pattern.sub(_replacement(labels)(value), value)


def _outcome(fn, *args):
    try:
        return ("text", fn(*args))
    except KeyError as e:  # a match whose own folding is no name (« İ » for « i »): both fail
        return ("error", type(e).__name__)


def _names_and_labels(raw: list[tuple[str, str]]) -> tuple[list[str], dict[str, str]]:
    """As `Publication` makes them: folded, the longest first (ties in the order given)."""
    labels: dict[str, str] = {}
    for name, label in raw:
        labels.setdefault(name.strip().casefold(), label)
    return sorted((n for n in labels if n), key=len, reverse=True), labels


# Letters whose case variants are not one-to-one (ß, ſ, the dotted and dotless i, the Kelvin
# sign, the final sigma, the ypogegrammeni outside words that folds to iota), accents, and what
# separates words.
LETTERS = "aAbBeéÉèiIİıoOsSſßkKKzZσΣςιͅǰ_0"
SEPARATORS = " -'’.,!?\n•\t"
ALPHABET = LETTERS + SEPARATORS

# (names sharing words, so that several can match at one place and their order decides)
words = st.sampled_from(["marie", "dupont", "zoé", "zoe", "ilan", "sıs", "de", "la"]) | st.text(
    alphabet=LETTERS, min_size=1, max_size=4
)
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
    expected = _outcome(_oracle, names, labels, value)
    assert _outcome(redactor.text, value) == expected
    assert _outcome(redactor.text, value) == expected  # (the second time, as remembered)


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


def _word(ch: str) -> bool:
    return re.match(r"\w", ch) is not None


def _every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_every_case_variant_folds_as_the_letter_of_the_name():
    """What the search through words relies on: a character a name's letter matches in any case
    folds to the same text as that letter. A letter of a (case-folded) name that has no case
    matches only itself; one with case, only characters that have case too (checked over every
    character with one class of them all), whose folding is compared one by one."""
    everything = _every_character()
    cased = "".join(
        ch
        for ch in everything
        if _sre.unicode_iscased(ord(ch)) or _sre.unicode_tolower(ord(ch)) != ord(ch)
    )
    letters = [ch for ch in cased if ch.casefold() == ch and _sre.unicode_iscased(ord(ch))]
    any_letter = re.compile("[" + "".join(re.escape(ch) for ch in letters) + "]", re.IGNORECASE)
    assert set(any_letter.findall(everything)) <= set(cased)
    wrong = [
        (letter, ch)
        for letter in letters
        for ch in re.findall(re.escape(letter), cased, re.IGNORECASE)
        if redaction.folded(ch) != redaction.folded(letter)
    ]
    assert wrong == []


def test_outside_words_folds_outside_words_but_the_ypogegrammeni():
    """The other half: around a name's match the text's characters are outside words, and
    folded they stay so (their words stay whole), all but U+0345, for which every name is
    tried."""
    odd = [
        ch
        for ch in _every_character()
        if not _word(ch) and any(_word(f) for f in redaction.folded(ch))
    ]
    assert odd == ["\u0345"]
    assert redaction.folded("Zoé İLAN ıl ſ") == "zoé ilan il s"


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
