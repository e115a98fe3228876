"""Member import: reading office files, mapping headers, checking every row, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ess_desk.cli import main
from ess_desk.errors import UserError
from ess_desk.exchange import members_import as mi
from ess_desk.exchange.tabular import read_table
from ess_desk.membership import bodies, mandates, organisations, people, roster, validation
from ess_desk.service import fetch
from ess_desk.store import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
D = dt.date

HEADER = "Nom;Prénom;Courriel;Structure;Collège;Rôle;Suppléant de;Début de mandat;Fin de mandat"


@pytest.fixture
def council(store):
    """A plenary council with two colleges, one limited to 2 seats, and a commission."""
    body = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    elected = bodies.create_college(store, body, name="Élus", seats=2)
    actors = bodies.create_college(store, body, name="Structures de l'ESS", seats=None)
    commission = bodies.create_body(store, name="Commission Emploi", kind="commission")
    return {
        "store": store,
        "body": body,
        "elected": elected,
        "actors": actors,
        "commission": commission,
    }


def write(tmp_path: Path, text: str, name: str = "membres.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table: what "the database is unchanged" means."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        # Sorted rather than ORDER BY rowid: the search index has tables WITHOUT ROWID.
        return {
            t: sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def import_file(store, path: Path, body_name: str | None = None) -> mi.ImportResult:
    plan = mi.plan_import(store.db, path, body_name=body_name)
    assert plan.problems == []
    return mi.apply_import(store, plan)


def person_named(db, first: str, last: str) -> people.Person:
    person_id = people.find(db, first, last)
    assert person_id is not None, f"{first} {last} not imported"
    return people.get(db, person_id)


def mandates_of(db, person_id: int) -> list[mandates.Mandate]:
    ids = [r[0] for r in db.execute("SELECT id FROM mandates WHERE person_id = ?", [person_id])]
    return [mandates.get(db, i) for i in ids]


# Headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Nom", "last_name"),
        ("NOM", "last_name"),
        ("Nom de famille", "last_name"),
        ("Last name", "last_name"),
        ("Prénom", "first_name"),
        ("PRENOM", "first_name"),
        ("First Name", "first_name"),
        ("Civilité", "civility"),
        ("Courriel", "email"),
        ("E-mail", "email"),
        ("Adresse e-mail", "email"),
        ("Téléphone", "phone"),
        ("Tél.", "phone"),
        ("Phone", "phone"),
        ("Structure", "organisation"),
        ("Organisme", "organisation"),
        ("Organisation", "organisation"),
        ("Fonction", "position"),
        ("Qualité", "position"),
        ("Position", "position"),
        ("Instance", "body"),
        ("Body", "body"),
        ("Collège", "college"),
        ("college", "college"),
        ("Rôle", "role"),
        ("Titulaire/Suppléant", "role"),
        ("Titulaire / suppléant", "role"),
        ("Role", "role"),
        ("Suppléant de", "substitute_for"),
        ("Suppléant(e) de", "substitute_for"),
        ("Substitute for", "substitute_for"),
        ("Début de mandat", "start_date"),
        ("Date de début du mandat", "start_date"),
        ("Mandate start", "start_date"),
        ("Fin de mandat", "end_date"),
        ("Fin du mandat", "end_date"),
        ("Mandate end", "end_date"),
        ("Adresse", "address"),
        ("Adresse postale", "address"),
        ("Adresse 1", "address"),
        ("Street address", "address"),
        ("Code postal", "postcode"),
        ("CP", "postcode"),
        ("C.P.", "postcode"),
        ("Postcode", "postcode"),
        ("ZIP code", "postcode"),
        ("Ville", "city"),
        ("Commune", "city"),
        ("City", "city"),
        ("Town", "city"),
        ("Remarques", None),
        ("", None),
    ],
)
def test_headers_are_matched_ignoring_case_accents_punctuation_and_small_words(header, key):
    assert mi.guess_mapping([header]) == {0: key}


def test_fields_are_in_display_order_and_a_field_is_mapped_once():
    assert list(mi.FIELDS) == [
        "last_name",
        "first_name",
        "civility",
        "email",
        "phone",
        "organisation",
        "position",
        "body",
        "college",
        "role",
        "substitute_for",
        "start_date",
        "end_date",
        "address",
        "postcode",
        "city",
    ]
    assert mi.guess_mapping(["Nom", "Courriel", "E-mail"]) == {
        0: "last_name",
        1: "email",
        2: None,
    }


# Reading files ---------------------------------------------------------------------------

ROWS = [
    ["Lefèvre", "Hélène", "helene@tisserands.coop", "Œuvre d'Été", "Élus", "Titulaire", ""],
    ["Garçon", "François", "", "Coopérative Les Tisserands", "Élus", "Suppléant", ""],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_every_encoding_and_delimiter_reads_the_same(tmp_path, encoding, delimiter):
    header = ["Nom", "Prénom", "Courriel", "Structure", "Collège", "Rôle", "Début de mandat"]
    lines = [header] + [[*r[:6], "01/02/2024"] for r in ROWS]
    text = "\r\n".join(delimiter.join(cells) for cells in lines) + "\r\n"
    table = read_table(write(tmp_path, text, encoding=encoding))
    assert table.headers == header
    assert table.rows == [(2, [*ROWS[0][:6], "01/02/2024"]), (3, [*ROWS[1][:6], "01/02/2024"])]


def test_windows_1252_fixture_with_accents_imports(council):
    store = council["store"]
    result = import_file(store, FIXTURES / "membres_windows1252.csv")
    assert (result.people, result.organisations, result.mandates) == (3, 3, 3)
    helene = person_named(store.db, "Hélène", "Lefèvre")
    assert organisations.get(store.db, helene.organisation_id).name == "Coopérative Les Tisserands"
    assert helene.position == "Gérante" and helene.phone == "03 88 12 34 56"
    zoe = person_named(store.db, "Zoé", "Müller")
    assert zoe.civility == "Mme"
    (chair,) = mandates_of(store.db, zoe.id)
    assert chair.role == "president" and chair.college_id == council["elected"]
    francois = person_named(store.db, "François", "Garçon")
    (sub,) = mandates_of(store.db, francois.id)
    (member,) = mandates_of(store.db, helene.id)
    assert sub.role == "substitute" and sub.substitute_for_id == member.id
    # An empty end: the body's default length (3 years).
    assert (sub.start_date, sub.end_date) == ("2024-01-01", "2026-12-31")
    assert organisations.find_by_name(store.db, "Œuvre des Jardins d'Été") is not None


def test_english_headers_iso_dates_quoted_commas_and_bom(council):
    store = council["store"]
    import_file(store, FIXTURES / "members_english_utf8_bom.csv")
    helene = person_named(store.db, "Hélène", "Lefèvre")
    org = organisations.get(store.db, helene.organisation_id)
    assert org.name == "Coopérative Les Tisserands, SCOP"
    (member,) = mandates_of(store.db, helene.id)
    assert (member.start_date, member.end_date, member.role) == (
        "2024-01-01",
        "2026-12-31",
        "member",
    )
    francois = person_named(store.db, "François", "Garçon")
    (sub,) = mandates_of(store.db, francois.id)
    # "Lefèvre Hélène": the paired member named last name first.
    assert sub.substitute_for_id == member.id and sub.college_id == council["actors"]


def test_tab_file_keeps_line_numbers_across_blank_lines(council, tmp_path):
    table = read_table(FIXTURES / "membres_tabulations.txt")
    assert [line for line, _cells in table.rows] == [2, 4]
    store = council["store"]
    import_file(store, FIXTURES / "membres_tabulations.txt")
    zoe = person_named(store.db, "Zoé", "Müller")
    (guest,) = mandates_of(store.db, zoe.id)
    assert guest.role == "permanent_guest" and guest.start_date == "2024-03-15"


def test_xlsx_with_real_dates_numbers_and_blank_rows(council):
    store = council["store"]
    table = read_table(FIXTURES / "membres.xlsx")
    assert [line for line, _cells in table.rows] == [2, 4]
    assert table.rows[0][1][4] == "388123456" and table.rows[0][1][9] == "2024-01-01"
    import_file(store, FIXTURES / "membres.xlsx")
    helene = person_named(store.db, "Hélène", "Lefèvre")
    (member,) = mandates_of(store.db, helene.id)
    assert (member.start_date, member.end_date) == ("2024-01-01", "2026-12-31")
    francois = person_named(store.db, "François", "Garçon")
    (co_chair,) = mandates_of(store.db, francois.id)
    assert co_chair.role == "co_president" and co_chair.start_date == "2024-02-01"


def test_excel_sep_hint_utf16_and_multiline_cells(tmp_path):
    hinted = write(tmp_path, "sep=,\nNom,Prénom\nDurand,Luc\n", "hint.csv")
    table = read_table(hinted)
    assert table.headers == ["Nom", "Prénom"] and table.rows == [(3, ["Durand", "Luc"])]
    utf16 = write(tmp_path, "Nom\tPrénom\r\nLefèvre\tHélène\r\n", "unicode.txt", "utf-16")
    assert read_table(utf16).rows == [(2, ["Lefèvre", "Hélène"])]
    multiline = write(tmp_path, 'Nom;Fonction\nA;"deux\nlignes"\nB;x\n', "multi.csv")
    assert read_table(multiline).rows == [(2, ["A", "deux\nlignes"]), (4, ["B", "x"])]


def test_semicolon_file_with_commas_in_values_is_not_mistaken(tmp_path):
    path = write(tmp_path, "Nom;Prénom;Structure\nDurand;Luc;Coop, SCIC, et réseau\n")
    assert read_table(path).rows == [(2, ["Durand", "Luc", "Coop, SCIC, et réseau"])]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("vide.csv", b"", "est vide"),
        ("blanc.csv", b"  \r\n\r\n", "est vide"),
        ("entete.csv", "Nom;Prénom\n".encode(), "que la ligne d'en-tête"),
        ("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "pas un fichier texte"),
        ("liste.pdf", b"%PDF-1.4", "ni un CSV ni un classeur XLSX"),
        ("ancien.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel 97-2003"),
        ("casse.xlsx", b"PK\x03\x04 not really a workbook", "pas un classeur XLSX lisible"),
        ("texte.xlsx", b"Nom;Prenom\nA;B\n", "pas un classeur XLSX lisible"),
    ],
)
def test_unreadable_files_raise_a_user_error_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=reason) as info:
        read_table(path)
    assert str(path) in info.value.message


def test_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="absent.csv est introuvable"):
        read_table(tmp_path / "absent.csv")


# Values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("05/03/2024", "04/03/2027", (D(2024, 3, 5), D(2027, 3, 4))),
        ("2024-03-05", "2027-03-04", (D(2024, 3, 5), D(2027, 3, 4))),
        ("5/3/2024", "", (D(2024, 3, 5), D(2027, 3, 4))),
        ("05.03.2024", "sans fin", (D(2024, 3, 5), None)),
    ],
)
def test_dates_day_first_or_iso_and_default_or_open_end(council, tmp_path, start, end, expected):
    store = council["store"]
    path = write(tmp_path, f"{HEADER}\nDurand;Luc;;;Élus;;;{start};{end}\n")
    import_file(store, path)
    (mandate,) = mandates_of(store.db, person_named(store.db, "Luc", "Durand").id)
    assert mandate.period == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Titulaire", "member"),
        ("Membre titulaire", "member"),
        ("member", "member"),
        ("Suppléant", "substitute"),
        ("Suppléante", "substitute"),
        ("Suppléant(e)", "substitute"),
        ("substitute", "substitute"),
        ("Président(e)", "president"),
        ("Présidente", "president"),
        ("Co-président(e)", "co_president"),
        ("co_president", "co_president"),
        ("Vice-présidente", "vice_president"),
        ("Invité(e) permanent(e)", "permanent_guest"),
        ("Invitée permanente", "permanent_guest"),
        ("Secrétariat", "secretariat"),
        ("", "member"),
    ],
)
def test_role_labels_and_codes_in_french_or_english(council, tmp_path, text, role):
    store = council["store"]
    path = write(tmp_path, f"{HEADER}\nDurand;Luc;;;Structures de l'ESS;{text};;01/01/2024;\n")
    import_file(store, path)
    (mandate,) = mandates_of(store.db, person_named(store.db, "Luc", "Durand").id)
    assert mandate.role == role


def test_fast_email_reading_agrees_with_the_validator():
    for address in ["Anne.Martin@Exemple.FR", "a+b@sub.domaine.org", "x@y.test", "é@x.fr"]:
        try:
            expected = validation.email(address)
        except UserError:
            with pytest.raises(UserError):
                mi.read_email(address)
        else:
            assert mi.read_email(address) == expected


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[A-Za-z0-9._+'-]{1,12}@[A-Za-z0-9.-]{1,12}\.[A-Za-z]{2,4}", fullmatch=True))
def test_fast_email_reading_property(address):
    try:
        expected = validation.email(address)
    except UserError:
        with pytest.raises(UserError):
            mi.read_email(address)
    else:
        assert mi.read_email(address) == expected


_ADDRESS = st.from_regex(
    r"[A-Za-z0-9._+'-]{1,12}@[A-Za-z0-9.-]{1,12}\.(?:[A-Za-z]{2,4}|test|local)", fullmatch=True
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_ADDRESS | st.sampled_from(["", "a@b.fr", "x\ny@z.fr", "a@b--c.fr"]), max_size=5))
def test_a_column_of_plain_emails_is_read_as_each_of_its_cells(texts):
    """`plain_emails` finds in one pass a column whose every address `read_email` gives back as
    it is: each address it lets through must be so (the others are read one by one)."""
    found = mi.plain_emails(texts)
    assert found <= {t for t in texts if t}
    for text in found:
        assert mi.read_email(text) == text
    plain = [t for t in texts if t]
    usual = (_reads_as_itself(t) and t == t.lower() and "--" not in t for t in plain)
    if plain and all(usual):
        assert found == set(plain)  # the usual column: lower case, read as it is


def _reads_as_itself(text: str) -> bool:
    try:
        return mi.read_email(text) == text
    except UserError:
        return False


# Matching --------------------------------------------------------------------------------


def test_organisations_colleges_and_people_are_matched_or_created(council, tmp_path):
    store = council["store"]
    org = organisations.create(store, name="Coopérative Les Tisserands", kind="scop")
    known = people.create(store, first_name="Anne", last_name="Martin", email="anne@ville.fr")
    by_name = people.create(store, first_name="Hélène", last_name="Lefèvre")
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Martin;Anne;ANNE@ville.fr;;ÉLUS;;;01/01/2024;\n"
        "LEFEVRE;helene;;;elus;;;01/01/2024;\n"
        "Durand;Luc;;COOPERATIVE LES TISSERANDS;Réseaux;;;01/01/2024;\n"
        "Roux;Léa;;Nouvelle Asso;réseaux;;;01/01/2024;\n",
    )
    plan = mi.plan_import(store.db, path)
    assert plan.problems == []
    assert (plan.new_people, plan.new_organisations, plan.new_colleges, plan.new_mandates) == (
        2,
        1,
        1,
        4,
    )
    assert plan.known_people == 2
    assert plan.summary() == (
        "2 personnes, 1 structure, 1 collège et 4 mandats seront créés. "
        "2 personnes déjà enregistrées reçoivent un mandat.\n"
        "Structures regroupées (noms qui ne diffèrent que par les majuscules, les accents, les "
        "espaces ou la ponctuation) : « COOPERATIVE LES TISSERANDS » → « Coopérative Les "
        "Tisserands »."
    )
    mi.apply_import(store, plan)
    assert [m.college_id for m in mandates_of(store.db, known)] == [council["elected"]]
    assert len(mandates_of(store.db, by_name)) == 1
    assert person_named(store.db, "Luc", "Durand").organisation_id == org
    new_college = bodies.find_college(store.db, council["body"], "Réseaux")
    assert bodies.get_college(store.db, new_college).seats is None
    assert roster.vacant_seats(store.db, council["body"], D(2024, 6, 1))[-1].seats is None


# One organisation per name, however it is typed -------------------------------------------
#
# The rule: names that differ only by case, accents, spaces or punctuation between words
# (ess_desk.text.name_key) are one organisation. Secretaries type « Coopérative du Nord »,
# « COOPERATIVE DU NORD » and « Coopérative  du-Nord » for the same structure; two structures
# told apart only by an accent do not occur. The import folds them and says so; the
# organisations service refuses to create the second.

SAME_ORGANISATION = [
    ("Structure Ae", "Structure AÉ"),
    ("Structure Ae", "structure ae"),
    ("Coopérative du Nord", "COOPERATIVE DU NORD"),
    ("Coopérative du Nord", "Coopérative  du-Nord"),
    ("L'Atelier", "L Atelier"),
    ("Œuvre commune", "oeuvre commune"),
]
OTHER_ORGANISATION = [
    ("Structure Ae", "Structure Aé B"),
    ("Structure Ae", "Structure Ea"),
    ("ABC", "A.B.C."),
    ("Coopérative du Nord", "Coopérative du Nord 2"),
]


@pytest.mark.parametrize(("first", "second"), SAME_ORGANISATION)
def test_the_service_refuses_a_name_that_designates_an_existing_organisation(store, first, second):
    kept = organisations.create(store, name=first)
    with pytest.raises(UserError) as info:
        organisations.create(store, name=second)
    assert info.value.field == "name" and f"« {first} »" in info.value.message
    assert organisations.find_by_name(store.db, second) == kept
    other = organisations.create(store, name="Autre structure")
    with pytest.raises(UserError):
        organisations.update(store, other, name=second)
    organisations.update(store, kept, name=second)  # its own name, written otherwise
    assert organisations.get(store.db, kept).name == validation.clean_text(second)


@pytest.mark.parametrize(("first", "second"), OTHER_ORGANISATION)
def test_names_that_differ_otherwise_are_two_organisations(store, council, tmp_path, first, second):
    organisations.create(store, name=first)
    organisations.create(store, name=second)
    path = write(
        tmp_path,
        f"{HEADER}\nDurand;Luc;;{first};Structures de l'ESS;;;01/01/2024;\nRoux;Léa;;{second};Structures de l'ESS;;;01/01/2024;\n",
    )
    plan = mi.plan_import(store.db, path)
    assert plan.problems == [] and plan.new_organisations == 0
    assert plan.merged_organisations == {}


def test_the_import_folds_names_of_one_organisation_and_says_which(council, tmp_path, db_path):
    store = council["store"]
    nord = organisations.create(store, name="Coopérative du Nord")
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Durand;Luc;;Structure Ae;Structures de l'ESS;;;01/01/2024;\n"
        "Roux;Léa;;Structure AÉ;Structures de l'ESS;;;01/01/2024;\n"
        "Petit;Jean;;structure-ae;Structures de l'ESS;;;01/01/2024;\n"
        "Blanc;Rose;;Structure Ae;Structures de l'ESS;;;01/01/2024;\n"
        "Noir;Paul;;COOPERATIVE DU NORD;Structures de l'ESS;;;01/01/2024;\n",
    )
    plan = mi.plan_import(store.db, path)
    assert plan.problems == [] and plan.new_organisations == 1
    # Each other spelling once, in the order of the file, with the name that is kept.
    assert plan.merged_organisations == {
        "Structure AÉ": "Structure Ae",
        "structure-ae": "Structure Ae",
        "COOPERATIVE DU NORD": "Coopérative du Nord",
    }
    assert plan.summary().splitlines()[1] == (
        "Structures regroupées (noms qui ne diffèrent que par les majuscules, les accents, les "
        "espaces ou la ponctuation) : « Structure AÉ » → « Structure Ae », « structure-ae » → "
        "« Structure Ae », « COOPERATIVE DU NORD » → « Coopérative du Nord »."
    )
    mi.apply_import(store, plan)
    structure = organisations.find_by_name(store.db, "STRUCTURE AE")
    assert person_named(store.db, "Léa", "Roux").organisation_id == structure
    assert person_named(store.db, "Jean", "Petit").organisation_id == structure
    assert person_named(store.db, "Paul", "Noir").organisation_id == nord
    assert organisations.get(store.db, structure).name == "Structure Ae"


def test_the_dry_run_lists_the_folded_names(council, tmp_path, db_path, capsys):
    council["store"].close()
    path = write(
        tmp_path,
        f"{HEADER}\nDurand;Luc;;Structure Ae;Structures de l'ESS;;;01/01/2024;\nRoux;Léa;;Structure AÉ;Structures de l'ESS;;;01/01/2024;\n",
    )
    assert main(["--db", str(db_path), "import-members", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "2 personnes, 1 structure, aucun collège et 2 mandats seront créés." in out
    assert "« Structure AÉ » → « Structure Ae »" in out


ORGANISATION_NAME = st.text(alphabet="aeAEéÉèç -'", min_size=1, max_size=6).map(
    lambda s: "Structure " + s
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=ORGANISATION_NAME, second=ORGANISATION_NAME)
def test_the_import_and_the_service_reach_the_same_verdict(tmp_path_factory, first, second):
    folder = tmp_path_factory.mktemp("orgs")
    with open_store(folder / "c.sqlite", auto_backup=False) as s:
        bodies.create_body(s, name="Conseil de l'ESS", kind="plenary")
        path = write(
            folder,
            f"{HEADER}\nDurand;Luc;;{first};;;;01/01/2024;\nRoux;Léa;;{second};;;;01/01/2024;\n",
        )
        plan = mi.plan_import(s.db, path)
        assert plan.problems == []
        organisations.create(s, name=first)
        try:
            organisations.create(s, name=second)
            refused = False
        except UserError:
            refused = True
        assert refused == (plan.new_organisations == 1)
        written_otherwise = validation.clean_text(first) != validation.clean_text(second)
        assert bool(plan.merged_organisations) == (refused and written_otherwise)


def test_instance_column_routes_rows_and_body_option_sets_the_default(council, tmp_path):
    store = council["store"]
    path = write(
        tmp_path,
        "Nom;Prénom;Instance;Début de mandat\n"
        "Durand;Luc;commission emploi;01/01/2024\n"
        "Roux;Léa;;01/01/2024\n",
    )
    plan = mi.plan_import(store.db, path, body_name="Commission Emploi")
    assert plan.problems == []
    mi.apply_import(store, plan)
    rows = store.db.execute("SELECT DISTINCT body_id FROM mandates").fetchall()
    assert rows == [(council["commission"],)]


def test_without_instance_column_rows_go_to_the_plenary_council(council, tmp_path):
    store = council["store"]
    path = write(tmp_path, "Nom;Prénom;Début de mandat\nDurand;Luc;01/01/2024\n")
    # The plenary council has colleges: a member must name one.
    plan = mi.plan_import(store.db, path)
    assert [p.message for p in plan.problems] == [
        "Indiquez le collège de ce mandat : l'instance « Conseil de l'ESS » en a."
    ]
    import_file(store, path, body_name="Commission Emploi")
    (mandate,) = mandates_of(store.db, person_named(store.db, "Luc", "Durand").id)
    assert mandate.body_id == council["commission"]


def test_no_body_at_all_is_said_clearly(store, tmp_path):
    path = write(tmp_path, "Nom;Prénom;Début de mandat\nDurand;Luc;01/01/2024\n")
    plan = mi.plan_import(store.db, path)
    assert len(plan.problems) == 1
    assert "pas de conseil plénier" in plan.problems[0].message
    # …and says how to create one without the window.
    assert "ess-desk body add" in plan.problems[0].message
    assert "ess-desk college add" in plan.problems[0].message
    plan = mi.plan_import(store.db, path, body_name="Bureau")
    assert [str(p) for p in plan.problems] == [
        "Aucune instance ne s'appelle « Bureau » : un import ne crée pas d'instance, "
        "créez-la d'abord. " + mi.how_to_create_a_body()
    ]


# Problems --------------------------------------------------------------------------------


def test_every_problem_is_listed_with_line_column_and_reason(council, db_path):
    store = council["store"]
    before = dump(db_path)
    plan = mi.plan_import(store.db, FIXTURES / "membres_erreurs.csv")
    assert [(p.line, p.column) for p in plan.problems] == [
        (2, "Courriel"),
        (3, "Instance"),
        (4, "Rôle"),
        (4, "Début de mandat"),
        (5, "Fin de mandat"),
    ]
    messages = [str(p) for p in plan.problems]
    assert messages[0] == (
        "Ligne 2, colonne « Courriel » : L'adresse électronique « helene@@tisserands » "
        "n'est pas valide."
    )
    assert "Commission fantôme" in messages[1]
    assert "Trésorière" in messages[2] and "32/01/2024" in messages[3]
    assert "précède son début" in messages[4]
    with pytest.raises(UserError) as info:
        mi.apply_import(store, plan)
    assert info.value.problems == plan.problems
    assert dump(db_path) == before


def test_missing_required_column_is_one_clear_problem(council, tmp_path):
    path = write(tmp_path, "Nom;Courriel;Début de mandat\nDurand;a@b.fr;01/01/2024\n")
    plan = mi.plan_import(council["store"].db, path)
    assert len(plan.problems) == 1
    assert str(plan.problems[0]).startswith("Colonne obligatoire absente : « Prénom ».")
    assert "« Courriel »" in plan.problems[0].message


def test_civility_required_cells_and_extra_cells(council, tmp_path):
    path = write(
        tmp_path,
        "Civilité;Nom;Prénom;Collège;Début de mandat\n"
        "Docteur;Durand;Luc;Élus;01/01/2024\n"
        ";;Léa;Élus;01/01/2024\n"
        "Mme;Roux;Léa;Élus;;\n"
        "Mme;Petit;Zoé;Élus;01/01/2024;en trop\n",
    )
    plan = mi.plan_import(council["store"].db, path)
    assert [(p.line, p.column) for p in plan.problems] == [
        (2, "Civilité"),
        (3, "Nom"),
        (4, "Début de mandat"),
        (5, None),
    ]
    assert "séparateur" in plan.problems[-1].message


def test_seat_limit_of_a_limited_college_is_checked(council, tmp_path, db_path):
    store = council["store"]
    sitting = people.create(store, first_name="Anne", last_name="Martin")
    mandates.create(
        store,
        person_id=sitting,
        body_id=council["body"],
        college_id=council["elected"],
        role="member",
        start_date="2023-01-01",
        end_date="2025-12-31",
    )
    before = dump(db_path)
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Durand;Luc;;;Élus;Titulaire;;01/01/2024;31/12/2026\n"
        "Roux;Léa;;;Élus;Président(e);;01/06/2024;31/12/2026\n"
        "Petit;Zoé;;;Élus;Suppléant;;01/06/2024;31/12/2026\n"
        "Blanc;Paul;;;Élus;Titulaire;;01/01/2026;31/12/2026\n",
    )
    plan = mi.plan_import(store.db, path)
    assert [(p.line, p.column) for p in plan.problems] == [(3, "Collège")]
    assert "« Élus » compte 2 sièges" in plan.problems[0].message
    assert "01/06/2024" in plan.problems[0].message
    assert dump(db_path) == before


def test_overlapping_mandates_in_the_file_or_the_database(council, tmp_path):
    store = council["store"]
    anne = people.create(store, first_name="Anne", last_name="Martin")
    mandates.create(
        store,
        person_id=anne,
        body_id=council["body"],
        college_id=council["actors"],
        role="member",
        start_date="2023-01-01",
        end_date="2025-12-31",
    )
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Martin;Anne;;;Structures de l'ESS;;;01/01/2025;\n"
        "Durand;Luc;;;Structures de l'ESS;;;01/01/2024;31/12/2024\n"
        "Durand;Luc;;;Structures de l'ESS;;;01/06/2024;\n"
        "Durand;Luc;;;Structures de l'ESS;;;01/01/2025;\n",
    )
    plan = mi.plan_import(store.db, path)
    assert [(p.line, p.column) for p in plan.problems] == [
        (2, "Début de mandat"),
        (4, "Début de mandat"),
    ]
    assert "Anne Martin a déjà un mandat" in plan.problems[0].message
    assert "Luc Durand a déjà, ligne 3, un mandat" in plan.problems[1].message


def test_substitute_pairing_rules(council, tmp_path):
    store = council["store"]
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Roux;Léa;;;;Suppléante;Luc Durand;01/01/2024;\n"
        "Durand;Luc;;;Structures de l'ESS;Titulaire;;01/01/2024;\n"
        "Petit;Zoé;;;;Suppléante;Durand Luc;01/06/2024;\n"
        "Blanc;Paul;;;;;Jeanne Inconnue;01/01/2024;\n"
        "Noir;Max;;;Élus;;Luc Durand;01/01/2030;\n"
        "Vert;Ève;;;;Titulaire;Luc Durand;01/01/2024;\n",
    )
    plan = mi.plan_import(store.db, path)
    found = [(p.line, p.column, p.message) for p in plan.problems]
    assert [(line, column) for line, column, _m in found] == [
        (4, "Suppléant de"),
        (5, "Suppléant de"),
        (6, "Suppléant de"),
        (7, "Suppléant de"),
    ]
    assert "déjà un(e) suppléant(e)" in found[0][2]
    assert "« Jeanne Inconnue » ne siège pas comme titulaire" in found[1][2]
    assert "pendant ce mandat" in found[2][2]
    assert "Seul un(e) suppléant(e)" in found[3][2]


def test_substitute_listed_before_their_member_is_paired_and_takes_the_college(council, tmp_path):
    store = council["store"]
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Roux;Léa;;;;;Luc Durand;01/01/2024;\n"
        "Durand;Luc;;;Structures de l'ESS;Titulaire;;01/01/2024;\n",
    )
    import_file(store, path)
    (member,) = mandates_of(store.db, person_named(store.db, "Luc", "Durand").id)
    (sub,) = mandates_of(store.db, person_named(store.db, "Léa", "Roux").id)
    assert sub.role == "substitute" and sub.substitute_for_id == member.id
    assert sub.college_id == member.college_id == council["actors"]
    (entry,) = [
        e for e in roster.roster(store.db, council["body"], D(2024, 2, 1)) if e.role == "member"
    ]
    assert entry.substitutes == ("Léa Roux",)


def test_substitute_of_a_member_already_in_the_database(council, tmp_path):
    store = council["store"]
    luc = people.create(store, first_name="Luc", last_name="Durand")
    member = mandates.create(
        store,
        person_id=luc,
        body_id=council["body"],
        college_id=council["elected"],
        role="member",
        start_date="2024-01-01",
    )
    path = write(tmp_path, f"{HEADER}\nRoux;Léa;;;Structures de l'ESS;;Luc Durand;01/01/2024;\n")
    plan = mi.plan_import(store.db, path)
    assert [p.column for p in plan.problems] == ["Collège"]
    assert "« Élus »" in plan.problems[0].message
    path = write(tmp_path, f"{HEADER}\nRoux;Léa;;;;;Luc Durand;01/01/2024;\n")
    import_file(store, path)
    (sub,) = mandates_of(store.db, person_named(store.db, "Léa", "Roux").id)
    assert sub.substitute_for_id == member and sub.college_id == council["elected"]


def test_a_person_cannot_be_their_own_substitute(council, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Durand;Luc;;;Élus;Titulaire;;01/01/2024;31/12/2024\n"
        "Durand;Luc;;;;;Luc Durand;01/06/2024;31/12/2024\n",
    )
    plan = mi.plan_import(council["store"].db, path)
    assert any("sa propre suppléante" in p.message for p in plan.problems)


# Writing ---------------------------------------------------------------------------------


def test_apply_is_audited_and_reports_progress(council, tmp_path):
    store = council["store"]
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Durand;Luc;luc@asso.fr;Asso A;Réseaux;;;01/01/2024;\n"
        "Roux;Léa;;Asso A;Réseaux;;Luc Durand;01/01/2024;\n",
    )
    before = store.db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]
    steps: list[tuple[int, int]] = []
    plan = mi.plan_import(store.db, path)
    result = mi.apply_import(store, plan, progress=lambda done, total: steps.append((done, total)))
    assert (result.people, result.organisations, result.colleges, result.mandates) == (2, 1, 1, 2)
    assert steps[0] == (0, 6) and steps[-1] == (6, 6)
    entries = store.db.execute(
        "SELECT entity, entity_id, action, after FROM audit_log WHERE id > ? ORDER BY id", [before]
    ).fetchall()
    assert [e[0] for e in entries] == [
        "organisation",
        "college",
        "person",
        "person",
        "mandate",
        "mandate",
        "import",
    ]
    luc = person_named(store.db, "Luc", "Durand")
    logged = next(json.loads(e[3]) for e in entries if e[0] == "person" and e[1] == luc.id)
    assert logged == fetch(store.db, "people", luc.id)
    assert logged["email"] == "luc@asso.fr"
    assert "Import terminé" in result.summary()


def test_a_large_import_writes_what_a_row_by_row_one_writes(tmp_path, monkeypatch):
    """Into a council with few members, a file of 1,000 lines or more has the people's and
    mandates' indexes made after their rows (store.bulk.indexes_sorted_after): the same rows,
    entries and schema as an import that keeps the indexes, and the indexes whole."""
    from ess_desk.store import bulk

    lines = [
        f"Nom{i % 97};Prénom{i};p{i}@asso.fr;Asso {i % 40};{('Élus', 'Réseaux')[i % 3 % 2]};"
        f"{('', 'Titulaire')[i % 7 % 2]};;{1 + i % 28:02}/{1 + i % 12:02}/20{10 + i % 15};"
        f"{'' if i % 5 else '31/12/2040'}"
        for i in range(1100)
    ]
    path = write(tmp_path, HEADER + "\n" + "\n".join(lines) + "\n")
    dumps, schemas = [], []
    for sorted_from in (bulk.SORTED_FROM, 10**9):
        monkeypatch.setattr(bulk, "SORTED_FROM", sorted_from)
        db_path = tmp_path / f"conseil-{sorted_from}.sqlite"
        with open_store(db_path) as store:
            body = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
            college = bodies.create_college(store, body, name="Élus", seats=None)
            person = people.create(store, first_name="Anne", last_name="Déjà")
            mandates.create(
                store,
                person_id=person,
                body_id=body,
                college_id=college,
                role="member",
                start_date="2020-01-01",
            )
            before = store.db.execute(
                "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
            ).fetchall()
            assert import_file(store, path).mandates == 1100
            schemas.append(
                store.db.execute(
                    "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
                ).fetchall()
            )
            assert schemas[-1] == before
            assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        dumped = dump(db_path)
        del dumped["settings"], dumped["_sqlite_migrations"]  # the file's own id, its moments
        # The entries but for their moment and hashes.
        dumped["audit_log"] = sorted((r[0], *r[2:8], r[8]) for r in dumped["audit_log"])
        dumps.append(dumped)
    assert dumps[0] == dumps[1]


def large_plan(store, tmp_path: Path) -> mi.ImportPlan:
    """The plan of 1,100 new people with a mandate each in the council's college without seats:
    enough for their indexes to be made after their rows (store.bulk.indexes_sorted_after)."""
    college = "Structures de l'ESS"
    lines = [
        f"Nom{i};Prénom{i};p{i}@asso.fr;Asso {i % 40};{college};;;01/01/2020;" for i in range(1100)
    ]
    path = write(tmp_path, HEADER + "\n" + "\n".join(lines) + "\n")
    plan = mi.plan_import(store.db, path, body_name="Conseil de l'ESS")
    assert plan.problems == []
    return plan


@pytest.mark.parametrize("where", ["rows written, indexes set aside", "indexes made again"])
def test_a_large_import_failing_leaves_the_file_as_it_was(council, tmp_path, monkeypatch, where):
    """All or nothing holds when the people's and mandates' indexes were set aside for the rows
    (store.bulk.indexes_sorted_after): a failure with the rows written and the indexes not made
    again, or after they were, leaves the file byte for byte as it was, its indexes included."""
    from ess_desk import audit

    store = council["store"]
    plan = large_plan(store, tmp_path)
    indexes = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people'"
    seen: list[set[str]] = []

    def failing(*_args, **_kwargs):
        seen.append({r[0] for r in store.db.execute(indexes).fetchall()})
        raise RuntimeError("disque plein")

    before = {r[0] for r in store.db.execute(indexes).fetchall()}
    if where == "indexes made again":
        monkeypatch.setattr(audit, "record", failing)  # the import's own entry, at the end
    else:
        monkeypatch.setattr(mi, "_folded_keys", failing)  # in the block, after the rows
    content = store.path.read_bytes()
    with pytest.raises(RuntimeError, match="disque plein"):
        mi.apply_import(store, plan)
    # The failure came where it was meant to: the indexes set aside, or made again.
    if where == "indexes made again":
        assert seen == [before]
    else:
        assert len(seen) == 1 and seen[0] < before
    assert store.path.read_bytes() == content
    assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_an_import_whose_transaction_sqlite_ended_says_why(council, tmp_path, monkeypatch):
    """A full disk in the write: SQLite rolls the whole transaction back itself. The import says
    so, not what putting back the triggers set aside for the rows met then (« trigger …
    already exists »), and the file is as it was."""
    store = council["store"]
    plan = large_plan(store, tmp_path)

    def disk_full(*_args: object) -> None:
        store.db.conn.execute("ROLLBACK")  # what SQLite does on SQLITE_FULL
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(mi, "_folded_keys", disk_full)  # in the write, after the rows
    content = store.path.read_bytes()
    with pytest.raises(UserError) as raised:
        mi.apply_import(store, plan)
    assert str(raised.value) == (
        "L'import a échoué (database or disk is full) : rien n'a été importé."
    )
    assert store.path.read_bytes() == content


def test_a_stale_plan_is_checked_again_before_writing(council, tmp_path, db_path):
    store = council["store"]
    path = write(
        tmp_path, f"{HEADER}\nDurand;Luc;;;Élus;;;01/01/2024;\nRoux;Léa;;;Élus;;;01/01/2024;\n"
    )
    plan = mi.plan_import(store.db, path)
    assert plan.problems == []
    # Meanwhile the secretariat fills the two seats of « Élus ».
    for first in ("Anne", "Paul"):
        pid = people.create(store, first_name=first, last_name="Martin")
        mandates.create(
            store,
            person_id=pid,
            body_id=council["body"],
            college_id=council["elected"],
            role="member",
            start_date="2020-01-01",
        )
    before = dump(db_path)
    with pytest.raises(UserError, match="La base a changé") as info:
        mi.apply_import(store, plan)
    assert len(info.value.problems) == 2
    assert dump(db_path) == before


def test_a_stale_plan_that_still_holds_is_written_with_fresh_ids(council, tmp_path):
    store = council["store"]
    path = write(tmp_path, f"{HEADER}\nDurand;Luc;;Asso B;Réseaux;;;01/01/2024;\n")
    plan = mi.plan_import(store.db, path)
    people.create(store, first_name="Anne", last_name="Martin")
    organisations.create(store, name="Asso A")
    mi.apply_import(store, plan)
    luc = person_named(store.db, "Luc", "Durand")
    assert organisations.get(store.db, luc.organisation_id).name == "Asso B"
    (mandate,) = mandates_of(store.db, luc.id)
    assert bodies.get_college(store.db, mandate.college_id).name == "Réseaux"


def test_read_only_store_refuses_to_import(council, tmp_path, db_path):
    path = write(tmp_path, f"{HEADER}\nDurand;Luc;;;Élus;;;01/01/2024;\n")
    other = open_store(db_path)
    assert other.read_only
    plan = mi.plan_import(other.db, path)
    with pytest.raises(UserError, match="lecture seule"):
        mi.apply_import(other, plan)
    other.close()


def test_hand_mapping_from_the_preview(council, tmp_path):
    store = council["store"]
    path = write(tmp_path, "Colonne A;Colonne B;Depuis le;Groupe\nDurand;Luc;01/01/2024;Élus\n")
    plan = mi.plan_import(store.db, path)
    assert len(plan.problems) == 2  # Nom and Prénom are missing
    mapping = {0: "last_name", 1: "first_name", 2: "start_date", 3: "college"}
    plan = mi.plan_import(store.db, plan.source, mapping=mapping)
    assert plan.problems == []
    twice = mi.plan_import(store.db, plan.source, mapping={**mapping, 3: "last_name"})
    assert any("Deux colonnes" in p.message for p in twice.problems)


def test_problem_text_forms():
    assert str(mi.Problem(4, "Courriel", "x")) == "Ligne 4, colonne « Courriel » : x"
    assert str(mi.Problem(4, None, "x")) == "Ligne 4 : x"
    assert str(mi.Problem(None, "Nom", "x")) == "Colonne « Nom » : x"
    assert str(mi.Problem(None, None, "x")) == "x"


# Command line ----------------------------------------------------------------------------


def test_cli_import_dry_run_and_real(council, tmp_path, db_path, capsys):
    council["store"].close()
    path = FIXTURES / "membres_windows1252.csv"
    before = dump(db_path)
    assert main(["--db", str(db_path), "import-members", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "3 personnes, 3 structures, aucun collège et 3 mandats seront créés." in out
    assert "Simulation" in out
    assert dump(db_path) == before
    assert main(["--db", str(db_path), "import-members", str(path)]) == 0
    assert "Import terminé." in capsys.readouterr().out
    with open_store(db_path) as s:
        assert s.db.execute("SELECT COUNT(*) FROM mandates").fetchone()[0] == 3


def test_cli_import_lists_problems_and_exits_1(council, db_path, capsys):
    council["store"].close()
    before = dump(db_path)
    code = main(["--db", str(db_path), "import-members", str(FIXTURES / "membres_erreurs.csv")])
    assert code == 1
    err = capsys.readouterr().err
    assert "5 problèmes : rien n'a été importé." in err
    assert (
        "- Ligne 2, colonne « Courriel »" in err and "- Ligne 5, colonne « Fin de mandat »" in err
    )
    assert "Traceback" not in err
    after = dump(db_path)
    assert {t: v for t, v in after.items() if t != "audit_log"} == {
        t: v for t, v in before.items() if t != "audit_log"
    }
    assert after["audit_log"] == before["audit_log"]


def test_cli_import_unreadable_file_and_unknown_body(council, tmp_path, db_path, capsys):
    council["store"].close()
    bad = tmp_path / "liste.pdf"
    bad.write_bytes(b"%PDF")
    assert main(["--db", str(db_path), "import-members", str(bad)]) == 1
    assert str(bad) in capsys.readouterr().err
    good = FIXTURES / "membres_tabulations.txt"
    assert main(["--db", str(db_path), "import-members", str(good), "--body", "Bureau"]) == 1
    assert "Aucune instance ne s'appelle « Bureau »" in capsys.readouterr().err


# Properties ------------------------------------------------------------------------------

GOOD_ROW = st.tuples(
    st.sampled_from(["Élus", "Structures de l'ESS", "Réseaux", "Partenaires"]),
    st.sampled_from(["Titulaire", "Suppléant", "Invité permanent", "Secrétariat", ""]),
    st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31)),
    st.integers(min_value=0, max_value=2000),
)
BAD_CELLS = st.sampled_from(
    [
        (2, "pas-une-adresse"),
        (5, "Grand manitou"),
        (7, "31/02/2024"),
        (8, "hier"),
        (4, "Collège qui ne sert pas"),  # Valid on its own: the row stays good.
    ]
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(GOOD_ROW, min_size=1, max_size=25),
    bad=st.none() | st.tuples(st.integers(min_value=0, max_value=24), BAD_CELLS),
    style=st.sampled_from([(";", "utf-8"), (",", "cp1252"), ("\t", "utf-8-sig")]),
)
def test_an_import_writes_all_its_rows_or_none(tmp_path_factory, rows, bad, style):
    folder = tmp_path_factory.mktemp("prop")
    db_path = folder / "conseil.sqlite"
    store = open_store(db_path, auto_backup=False)
    try:
        body = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
        bodies.create_college(store, body, name="Élus", seats=None)
        delimiter, encoding = style
        lines = []
        for i, (college, role, start, days) in enumerate(rows):
            end = start + dt.timedelta(days=days)
            cells = [
                f"Nom{i}",
                "Prénom",
                f"p{i}@exemple.fr",
                f"Structure {i % 3}",
                college,
                role,
                "",
                start.strftime("%d/%m/%Y"),
                end.isoformat(),
            ]
            lines.append(cells)
        bad_line = None
        if bad is not None:
            index, (column, value) = bad
            index %= len(lines)
            lines[index][column] = value
            bad_line = index + 2 if column != 4 else None
        text = "\n".join(delimiter.join(c) for c in [HEADER.split(";"), *lines]) + "\n"
        path = folder / "membres.csv"
        path.write_bytes(text.encode(encoding))
        before = dump(db_path)
        plan = mi.plan_import(store.db, path)
        if plan.problems:
            assert bad_line is not None
            assert [p.line for p in plan.problems] == [bad_line]
            with pytest.raises(UserError):
                mi.apply_import(store, plan)
            assert dump(db_path) == before
        else:
            assert bad_line is None
            mi.apply_import(store, plan)
            count = store.db.execute("SELECT COUNT(*) FROM mandates").fetchone()[0]
            assert count == len(rows)
    finally:
        store.close()


def test_substitute_in_another_college_and_homonym_members(council, tmp_path):
    store = council["store"]
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Durand;Luc;luc1@asso.fr;;Élus;Titulaire;;01/01/2024;\n"
        "Roux;Léa;;;Structures de l'ESS;;Luc Durand;01/01/2024;\n",
    )
    plan = mi.plan_import(store.db, path)
    assert [(p.line, p.column) for p in plan.problems] == [(3, "Collège")]
    assert "collège du titulaire qu'il remplace (« Élus »)" in plan.problems[0].message
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Durand;Luc;luc1@asso.fr;;Élus;Titulaire;;01/01/2024;\n"
        "Durand;Luc;luc2@asso.fr;;Élus;Titulaire;;01/01/2024;\n"
        "Roux;Léa;;;;;Luc Durand;01/01/2024;\n",
    )
    plan = mi.plan_import(store.db, path)
    # Same name, different e-mail: people.find matches by name, so this is one person twice.
    assert [(p.line, p.column) for p in plan.problems] == [(3, "Début de mandat")]
    homonym = people.create(store, first_name="Luc", last_name="Durand", email="autre@asso.fr")
    mandates.create(
        store,
        person_id=homonym,
        body_id=council["body"],
        college_id=council["actors"],
        role="member",
        start_date="2024-01-01",
    )
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Durand;Luc;luc1@asso.fr;;Élus;Titulaire;;01/01/2024;\n"
        "Roux;Léa;;;;;Luc Durand;01/01/2024;\n",
    )
    plan = mi.plan_import(store.db, path)
    # The file's Luc Durand is the one already in the database (same name): an overlap.
    assert (2, "Début de mandat") in [(p.line, p.column) for p in plan.problems]


def test_a_substitute_naming_two_sitting_homonyms_is_refused(council, tmp_path):
    store = council["store"]
    for email, college in (("a@asso.fr", council["actors"]), ("b@asso.fr", council["elected"])):
        pid = people.create(store, first_name="Luc", last_name="Durand", email=email)
        mandates.create(
            store,
            person_id=pid,
            body_id=council["body"],
            college_id=college,
            role="member",
            start_date="2024-01-01",
        )
    path = write(tmp_path, f"{HEADER}\nRoux;Léa;;;;;Luc Durand;01/01/2024;\n")
    plan = mi.plan_import(store.db, path)
    assert [(p.line, p.column) for p in plan.problems] == [(2, "Suppléant de")]
    assert "Plusieurs titulaires" in plan.problems[0].message


def test_a_cell_corrected_or_a_row_left_out_before_importing(council, tmp_path):
    """One bad e-mail among good rows: corrected in the preview, or its row left out; the file
    itself never changes and the good rows import either way."""
    from ess_desk.exchange.tabular import amended

    store = council["store"]
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Dupré;Hélène;helene@tisserands.fr;Les Tisserands;Structures de l'ESS;Titulaire;;01/01/2025;\n"
        "Lefèvre;Marc;marc@@solidarites;Solidarités Nord;Structures de l'ESS;Titulaire;;01/01/2025;\n"
        "Martin;Zoé;zoe@ville.fr;;Élus;Titulaire;;01/01/2025;\n",
    )
    table = read_table(path)
    bad = mi.plan_import(store.db, table, body_name="Conseil de l'ESS")
    assert [(p.line, p.column) for p in bad.problems] == [(3, "Courriel")]
    email = table.headers.index("Courriel")
    corrected = amended(table, {(3, email): " marc@solidarites.org "})
    assert corrected.rows[1] == (
        3,
        [*table.rows[1][1][:email], "marc@solidarites.org", *table.rows[1][1][email + 1 :]],
    )
    assert mi.plan_import(store.db, corrected, body_name="Conseil de l'ESS").problems == []
    assert table.rows[1][1][email] == "marc@@solidarites"  # the table read is unchanged
    without = amended(table, left_out={3})
    plan = mi.plan_import(store.db, without, body_name="Conseil de l'ESS")
    assert plan.problems == [] and [line for line, _v in without.rows] == [2, 4]
    mi.apply_import(store, plan)
    assert people.find(store.db, "Marc", "Lefèvre") is None
    assert people.find(store.db, "Zoé", "Martin") is not None


# Postal addresses ------------------------------------------------------------------------


def _plan(council, tmp_path: Path, text: str) -> mi.ImportPlan:
    return mi.plan_import(council["store"].db, write(tmp_path, text), body_name="Commission Emploi")


def test_english_headers_with_postal_addresses_are_stored_on_new_people(council, tmp_path):
    text = (
        "Last name,First name,E-mail,Street address,Postcode,City,Mandate start\n"
        '"Martin","Anne","anne@exemple.fr","Résidence Les Pins\n12  rue des Lilas",'
        '"69 003","Lyon",2025-01-01\n'
        "Durand,Paul,,3 place Carnot,1000,Bourg-en-Bresse,2025-01-01\n"
        "Petit,Léa,,5 chemin Vert,,Annecy,2025-01-01\n"
        "Roux,Max,,,,,2025-01-01\n"
    )
    plan = _plan(council, tmp_path, text)
    assert plan.problems == []
    assert [str(w) for w in plan.warnings] == [
        "Ligne 4, colonne « Postcode » : Code postal « 1000 » lu « 01000 » : le tableur a sans "
        "doute retiré le zéro du début. Vérifiez-le.",
        "Ligne 5, colonne « Postcode » : Adresse postale incomplète (il manque : code postal) : "
        "elle est enregistrée telle quelle, mais les lettres par la poste prendront l'adresse "
        "de la structure, ou seront listées sans adresse.",
    ]
    assert "3 nouvelles personnes ont une adresse postale" in plan.summary()
    mi.apply_import(council["store"], plan)
    db = council["store"].db
    anne = person_named(db, "Anne", "Martin")
    assert (anne.address, anne.postcode, anne.city) == (
        "Résidence Les Pins\n12 rue des Lilas",
        "69003",
        "Lyon",
    )
    paul = person_named(db, "Paul", "Durand")
    assert (paul.address, paul.postcode, paul.city) == (
        "3 place Carnot",
        "01000",
        "Bourg-en-Bresse",
    )
    lea = person_named(db, "Léa", "Petit")
    assert (lea.address, lea.postcode, lea.city) == ("5 chemin Vert", "", "Annecy")
    max_ = person_named(db, "Max", "Roux")
    assert (max_.address, max_.postcode, max_.city) == ("", "", "")


def test_bad_postcodes_are_problems_with_line_and_column_and_nothing_is_written(
    council, tmp_path, db_path
):
    text = (
        "Nom;Prénom;Adresse;CP;Ville;Début de mandat\n"
        "Martin;Anne;1 rue A;7500A;Paris;01/01/2025\n"
        "Durand;Paul;2 rue B;750011;Paris;01/01/2025\n"
        "Petit;Léa;3 rue C;2A004;Ajaccio;01/01/2025\n"
        "Roux;Max;4 rue D;00123;Nulle-part;01/01/2025\n"
        "Blanc;Eva;5 rue E;0750;Paris;01/01/2025\n"
        "Noir;Luc;6 rue F;69 007;Lyon;01/01/2025\n"
    )
    before = dump(db_path)
    plan = _plan(council, tmp_path, text)
    assert [(p.line, p.column) for p in plan.problems] == [
        (2, "CP"),
        (3, "CP"),
        (4, "CP"),
        (5, "CP"),
        (6, "CP"),
    ]
    assert str(plan.problems[0]) == (
        "Ligne 2, colonne « CP » : Le code postal « 7500A » n'est pas valide : un code postal "
        "français compte cinq chiffres (par exemple 75011)."
    )
    with pytest.raises(UserError, match="5 problèmes"):
        mi.apply_import(council["store"], plan)
    assert dump(db_path) == before


def test_a_known_person_keeps_their_address_and_the_difference_is_said(council, tmp_path):
    store = council["store"]
    known = people.create(
        store,
        first_name="Anne",
        last_name="Martin",
        address="8 quai Nord",
        postcode="69002",
        city="Lyon",
    )
    text = (
        "Nom;Prénom;Adresse;Code postal;Ville;Début de mandat\n"
        "Martin;Anne;1 rue Sud;69001;Lyon;01/01/2025\n"
        "Martin;Anne;8 quai Nord;69002;Lyon;01/01/2029\n"
    )
    plan = _plan(council, tmp_path, text)
    assert plan.problems == []
    (warning,) = plan.warnings
    assert (warning.line, warning.column) == (2, "Adresse")
    assert "Anne Martin a déjà une autre adresse postale" in warning.message
    mi.apply_import(store, plan)
    assert people.get(store.db, known).address == "8 quai Nord"


def test_address_columns_in_part_are_said_once_for_the_file(council, tmp_path):
    plan = _plan(
        council,
        tmp_path,
        "Nom;Prénom;Adresse;Début de mandat\nMartin;Anne;1 rue Sud;01/01/2025\n",
    )
    assert plan.problems == []
    assert [str(w) for w in plan.warnings] == [
        "Le fichier n'a pas de colonne « Code postal », « Ville » : les adresses postales "
        "resteront incomplètes, et les lettres par la poste prendront l'adresse de la structure."
    ]


def test_the_cli_prints_the_points_to_check_and_imports(council, tmp_path, db_path, capsys):
    council["store"].close()
    path = write(
        tmp_path, "Nom;Prénom;CP;Ville;Adresse;Début\nMartin;Anne;1000;Bourg;1 rue A;01/01/2025\n"
    )
    code = main(["--db", str(db_path), "import-members", str(path), "--body", "Commission Emploi"])
    err = capsys.readouterr().err
    assert code == 0
    assert "1 point à vérifier (il n'empêche pas l'import) :" in err
    assert "- Ligne 2, colonne « CP » : Code postal « 1000 » lu « 01000 »" in err


def test_a_column_is_cleaned_as_each_of_its_cells_would_be():
    """`_clean_column` finds most columns clean in one pass over the whole column: it must give
    what `_cell` gives for each cell, whatever spaces, apostrophes or NULs the cells hold."""
    alphabet = st.sampled_from(list(" a'\t\n\r\xa0\u2003\u202f\x00\x1c\x85=+-"))

    @settings(max_examples=500, derandomize=True)
    @given(st.lists(st.text(alphabet, max_size=6), max_size=6))
    def same(texts):
        assert mi._clean_column(texts) == [mi._cell(t) for t in texts]

    same()
