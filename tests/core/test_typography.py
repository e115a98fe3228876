"""French typography: the rules of `ess_desk.typography`, and line breaking that keeps them."""

from __future__ import annotations

import datetime as dt
import email
import re
from email import policy

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from ess_desk import i18n, typography
from ess_desk.dates import clock, long_date, long_datetime
from ess_desk.documents.style import (
    TextCell,
    escape,
    footer_line,
    register_fonts,
    styles,
    wrap_text,
)
from ess_desk.mail import message
from ess_desk.typography import (
    NBSP,
    NNBSP,
    break_points,
    number,
    of,
    quote,
    time_of_day,
    typeset,
    with_article,
)


@pytest.fixture(autouse=True)
def _fonts():
    register_fonts()


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Lieu : salle du conseil", f"Lieu{NNBSP}: salle du conseil"),
        ("Objet: convocation", f"Objet{NNBSP}: convocation"),
        ("présents ; représentés ; requis", f"présents{NNBSP}; représentés{NNBSP}; requis"),
        ("Vraiment ? Oui !", f"Vraiment{NNBSP}? Oui{NNBSP}!"),
        ("Quoi?!", f"Quoi{NNBSP}?!"),
        ("(« Conseil »)", f"(«{NNBSP}Conseil{NNBSP}»)"),
        ("«Conseil»", f"«{NNBSP}Conseil{NNBSP}»"),
        ("à 18 h 30", f"à 18{NBSP}h{NBSP}30"),
        ("à 18 h", f"à 18{NBSP}h"),
        (
            "10 %, 12 p., 5 min, 30 j, 2 ans",
            f"10{NBSP}%, 12{NBSP}p., 5{NBSP}min, 30{NBSP}j, 2{NBSP}ans",
        ),
        ("M. Dupont et Mme Durand", f"M.{NBSP}Dupont et Mme{NBSP}Durand"),
        ("n° 5 et art. 15", f"n°{NBSP}5 et art.{NBSP}15"),
        ("30 000 actions", f"30{NNBSP}000 actions"),
        ("le mardi 1 décembre", f"le mardi 1er{NBSP}décembre"),
        ("le 11 décembre", f"le 11{NBSP}décembre"),
        ("Conseil de l'ESS", "Conseil de l\u2019ESS"),
        ("aujourd'hui", "aujourd\u2019hui"),
        ("voir...", "voir…"),
    ],
)
def test_french_rules(typed, printed):
    assert typeset(typed) == printed


@pytest.mark.parametrize(
    "kept",
    [
        "20:00",
        "https://visio.exemple.fr/salle?code=12;x=1",
        "écrire à contact@exemple.fr",
        "+33 6 12 34 56 78",
        "10/12/2026",
        "Quorum atteint à ____ h ____",
    ],
)
def test_what_is_left_alone(kept):
    assert typeset(kept) == kept


def test_addresses_keep_their_characters_and_the_words_around_are_set():
    assert typeset("Lien : https://x.fr/a?b=1 ; merci") == (
        f"Lien{NNBSP}: https://x.fr/a?b=1{NNBSP}; merci"
    )


def test_english_adds_no_space_but_keeps_typed_ones_unbreakable():
    assert typeset("Council's place: here ; 18 h 30", "en") == (
        f"Council\u2019s place: here{NNBSP}; 18{NBSP}h{NBSP}30"
    )


def _loose(text: str) -> str:
    """The text without its spaces, with keyboard apostrophes and dots: what typesetting
    must keep."""
    return "".join(text.replace("…", "...").replace("1er", "1").translate({0x2019: "'"}).split())


@settings(derandomize=True, max_examples=300)
@given(st.text(alphabet="ab Ml'«»:;!?.0123456789h%\u00a0\u202f-/", max_size=40))
@example("1 1 décembre")
@example("M. M. 1 000 000")
def test_typesetting_twice_changes_nothing_more_and_keeps_every_sign(text):
    once = typeset(text)
    assert typeset(once) == once
    assert _loose(once) == _loose(text)


def test_dates_and_times():
    assert long_date(dt.date(2026, 12, 1)) == f"mardi 1er{NBSP}décembre 2026"
    assert long_date(dt.date(2026, 12, 10)) == f"jeudi 10{NBSP}décembre 2026"
    assert long_datetime(dt.datetime(2026, 12, 1, 18, 0)) == (
        f"mardi 1er{NBSP}décembre 2026 à 18{NBSP}h"
    )
    assert clock(dt.time(9, 5)) == f"9{NBSP}h{NBSP}05"
    assert time_of_day(dt.time(18, 30)) == f"18{NBSP}h{NBSP}30"
    i18n.set_language("en")
    assert long_date(dt.date(2026, 12, 1)) == "Tuesday, 1 December 2026"
    assert clock(dt.time(18, 0)) == "18:00"
    assert quote("ESS") == "\u201cESS\u201d"


def test_counts_set_their_thousands_apart():
    assert [number(n) for n in (7, 512, 3512, 15281, 1234567)] == [
        "7",
        "512",
        f"3{NNBSP}512",
        f"15{NNBSP}281",
        f"1{NNBSP}234{NNBSP}567",
    ]
    assert typeset(f"retard : {number(3512)} j") == f"retard{NNBSP}: 3{NNBSP}512{NBSP}j"
    i18n.set_language("en")
    assert number(3512) == "3,512"


def test_footer_says_each_part_once():
    assert footer_line("Conseil de l'ESS de Lyon", "Conseil de l'ESS de Lyon", "10/12/2026") == (
        "Conseil de l'ESS de Lyon — 10/12/2026"
    )
    assert footer_line("Conseil", "", None, "Bureau") == "Conseil — Bureau"


# --------------------------------------------------------------------------- line breaking


def test_break_points_are_hyphenation_points_or_own_hyphens():
    assert (4, True) in break_points("Abandonné")  # Aban-donné
    assert all(n <= len("Abandonné") - 3 for n, _h in break_points("Abandonné"))
    assert (6, False) in break_points("Rhône-Alpes")
    assert break_points("f691701fa759") == ()


def _check_cuts(lines: list[str], text: str) -> None:
    """Read the lines back against the words: each cut is at one of its word's break points
    (a hyphen added at a hyphenation point, or after the word's own hyphen), nothing lost."""
    words, index, offset = text.split(), 0, 0
    for line in lines:
        for token in line.split(" "):
            word = words[index]
            rest = word[offset:]
            if token == rest:
                index, offset = index + 1, 0
            elif rest.startswith(token) and token.endswith("-"):  # after its own hyphen
                offset += len(token)
                assert (offset, False) in break_points(word), (line, word)
            else:
                assert token.endswith("-") and rest.startswith(token[:-1]), (line, word)
                offset += len(token) - 1
                assert (offset, True) in break_points(word), (line, word)
    assert index == len(words)


@pytest.mark.parametrize("width", [30, 45, 60, 90, 200])
def test_table_cells_cut_words_only_where_they_may(width):
    text = "Abandonné Auvergne-Rhône-Alpes anticonstitutionnellement coopérative"
    lines = wrap_text(text, "DejaVuSans", 8.5, width)
    _check_cuts(lines, text)


def test_paragraphs_cut_words_only_where_they_may():
    text = "Abandonné Auvergne-Rhône-Alpes anticonstitutionnellement coopérative"
    for width in (30, 45, 60, 90, 200):
        paragraph = Paragraph(escape(text), styles().cell)
        paragraph.wrap(width, 1000)
        lines = [" ".join(str(w) for w in line[1]) for line in paragraph.blPara.lines]
        _check_cuts(lines, text)


def test_a_word_without_any_break_point_is_cut_only_when_far_too_wide():
    # Up to twice the column's width it stays whole (the cell narrows it)…
    lines = wrap_text("sha f691701fa759bcec6ba8de088a539e3d fin", "DejaVuSans", 8.5, 100)
    assert "f691701fa759bcec6ba8de088a539e3d" in lines
    # …wider, narrowed it could no longer be read: cut between two characters, no hyphen added,
    # nothing lost (issue 18, item 15).
    lines = wrap_text("sha f691701fa759bcec6ba8de088a539e3d fin", "DejaVuSans", 8.5, 40)
    assert "".join(lines).replace(" ", "") == "shaf691701fa759bcec6ba8de088a539e3dfin"
    assert len(lines) > 3 and not any(line.endswith("-") for line in lines)
    assert all(stringWidth(line, "DejaVuSans", 8.5) <= 40 for line in lines)


def test_no_break_spaces_hold_in_paragraphs_and_cells():
    text = "Membres votants en exercice : 35 — quorum requis : 18 — « Conseil de l'ESS »"
    for width in range(60, 300, 7):
        paragraph = Paragraph(escape(text), styles().body)
        paragraph.wrap(width, 1000)
        lines = [" ".join(str(w) for w in line[1]) for line in paragraph.blPara.lines]
        cell_lines = wrap_text(typeset(text), "DejaVuSans", 8.5, width)
        for line in lines + cell_lines:
            assert not line.lstrip().startswith((":", ";", "!", "?", "»")), (width, line)
            assert not line.rstrip().endswith("«"), (width, line)


def test_text_cells_typeset_what_they_print():
    cell = TextCell("Lieu : salle 3", ("M. Dupont", styles().cell_bold))
    assert cell.parts[0][0] == f"Lieu{NNBSP}: salle 3"
    assert cell.parts[1][0] == f"M.{NBSP}Dupont"


@pytest.mark.parametrize(
    ("name", "article", "after_de"),
    [
        ("Conseil de l'ESS de Lyon", "le Conseil de l'ESS de Lyon", "du Conseil de l'ESS de Lyon"),
        ("Commission Emploi", "la Commission Emploi", "de la Commission Emploi"),
        ("Assemblée plénière", "l\u2019Assemblée plénière", "de l\u2019Assemblée plénière"),
        ("Service ESS de la ville", "le service ESS de la ville", "du service ESS de la ville"),
        ("CRESS Occitanie", "la CRESS Occitanie", "de la CRESS Occitanie"),
        ("Élodie Martinez", "Élodie Martinez", "d\u2019Élodie Martinez"),
        ("Hugo Berger", "Hugo Berger", "de Hugo Berger"),
        ("Les Amis du tournesol", "les Amis du tournesol", "des Amis du tournesol"),
    ],
)
def test_names_take_the_article_french_requires(name, article, after_de):
    assert with_article(name) == article
    assert of(name) == after_de


def test_names_in_english_are_left_as_they_are():
    i18n.set_language("en")
    assert with_article("Conseil de l'ESS") == "Conseil de l'ESS" == of("Conseil de l'ESS")


def test_e_mail_drafts_are_typeset():
    envelope = message.Envelope(
        to_name="Zoé",
        to_addr="zoe@exemple.fr",
        subject="Relance : vos actions",
        from_name="Conseil",
        from_addr="conseil@exemple.fr",
    )
    data = message.compose(envelope, "Bonjour ; à 18 h. Écrivez à conseil@exemple.fr !", draft=True)
    parsed = email.message_from_bytes(data, policy=policy.default)
    assert parsed["Subject"] == f"Relance{NNBSP}: vos actions"
    text = parsed.get_body(("plain",)).get_content()
    assert f"Bonjour{NNBSP}; à 18{NBSP}h." in text and "conseil@exemple.fr" in text


# The patterns of numbers as they were written first, with the look-behind before the number
# (tried at every character of a text): the ones in use must find the same.
_THOUSANDS_BEFORE = re.compile(r"(?<![\d,.])(\d{1,3})((?:[ \u00a0]\d{3})+)(?![\d,])")
_FIRST_OF_MONTH_BEFORE = re.compile(
    rf"(?<![\d,.])1(?:er)?{typography._SPACE}+({typography._MONTHS})\b"
)


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from(
            ["0", "1", "12", "123", "1234", " ", NBSP, NNBSP, "\t", ",", ".", "a", "-", "er"]
            + ["\n", "janvier", " décembre", "1er mars", "1 mai"]
        ),
        max_size=30,
    ).map("".join)
)
@example("1 234 567")
@example("1,234 567 890")
@example("x1 000.5 000")
@example("le 1 décembre, 21 décembre, 1er mars et 1\u00a0mai")
def test_numbers_are_found_where_the_patterns_first_written_find_them(text):
    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]

    assert found(typography._THOUSANDS) == found(_THOUSANDS_BEFORE)
    assert found(typography._FIRST_OF_MONTH) == found(_FIRST_OF_MONTH_BEFORE)
    assert typography._THOUSANDS.sub(typography._thousands, text) == _THOUSANDS_BEFORE.sub(
        lambda m: m.group(1) + re.sub(r"[ \u00a0]", NNBSP, m.group(2)), text
    )
