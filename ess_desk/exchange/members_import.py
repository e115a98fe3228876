"""Member import from CSV/XLSX: map the columns, check every row against the membership rules, then
write people, organisations, colleges and mandates in one audited transaction — or nothing."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import ess_desk.store.database as database
from ess_desk.dates import add_years, display, read_full_date
from ess_desk.documents import collector
from ess_desk.errors import UserError
from ess_desk.exchange.tabular import SourceTable, read_table, restore_neutralised
from ess_desk.i18n import N_, _, ngettext
from ess_desk.membership import bodies, checker, people, rules, validation
from ess_desk.membership.vocabulary import ROLES, SEAT_ROLES
from ess_desk.store import Store
from ess_desk.text import control_characters, fold, has_control_characters, name_key

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = [
    "FIELDS",
    "REQUIRED",
    "ImportPlan",
    "ImportResult",
    "PlannedMandate",
    "Problem",
    "SourceTable",
    "apply_import",
    "guess_mapping",
    "plan_import",
    "read_table",
]

# Field key -> French label, in display order; the labels are also the export's headers.
FIELDS: dict[str, str] = {
    "last_name": N_("Nom"),
    "first_name": N_("Prénom"),
    "civility": N_("Civilité"),
    "email": N_("Courriel"),
    "phone": N_("Téléphone"),
    "organisation": N_("Structure"),
    "position": N_("Fonction"),
    "body": N_("Instance"),
    "college": N_("Collège"),
    "role": N_("Rôle"),
    "substitute_for": N_("Suppléant de"),
    "start_date": N_("Début de mandat"),
    "end_date": N_("Fin de mandat"),
    # The person's own postal address (letters by post: convening.postal_lines), else the
    # organisation's is used. The street may hold several lines (one cell, line breaks kept).
    # Last, so that the columns of files written before them keep their places.
    "address": N_("Adresse"),
    "postcode": N_("Code postal"),
    "city": N_("Ville"),
}

# Without these columns no row can be read.
REQUIRED = ("last_name", "first_name", "start_date")
ADDRESS_FIELDS = ("address", "postcode", "city")

# What an end-of-mandate cell says when the mandate has no end (the export writes the first one).
NO_END = "sans fin"

_SMALL_WORDS = frozenset({"de", "du", "des", "d", "l", "la", "le", "les", "of", "the"})
_GENDER_MARKS = re.compile(r"\((?:e|ne|le|s|es)\)|[·.](?:e|ne)\b")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def how_to_create_a_body() -> str:
    """How to create a body and its colleges without the window (an IT department preparing
    several councils)."""
    return _(
        'Sans la fenêtre : ess-desk body add "Conseil de l\'ESS" --kind plenary --rules '
        'consultative, puis ess-desk college add "Conseil de l\'ESS" "Structures de l\'ESS" '
        "--seats 20."
    )


def header_key(text: str) -> str:
    """A header as compared: no case, accents, punctuation, gender marks or small words."""
    words = _NOT_ALNUM.split(_GENDER_MARKS.sub("", fold(text)))
    return "".join(w for w in words if w and w not in _SMALL_WORDS)


# Names as compared, cached: a file repeats its organisations, colleges, first and last names.
_name_key = functools.lru_cache(maxsize=16384)(name_key)


@functools.lru_cache(maxsize=4096)  # roles, colleges, civilities: a few values, many rows
def value_key(text: str) -> str:
    """A cell value as compared (roles, markers): no case, accents, punctuation or gender marks."""
    return _NOT_ALNUM.sub("", _GENDER_MARKS.sub("", fold(text)))


_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "last_name": (
        "nom",
        "noms",
        "nomfamille",
        "nomusage",
        "nomnaissance",
        "lastname",
        "surname",
        "familyname",
    ),
    "first_name": ("prenom", "prenoms", "firstname", "givenname", "forename"),
    "civility": ("civilite", "civ", "title", "salutation"),
    "email": (
        "courriel",
        "email",
        "mail",
        "mel",
        "adressecourriel",
        "adresseemail",
        "adressemail",
        "adressemel",
        "adresseelectronique",
        "courrielelectronique",
        "emailaddress",
    ),
    "phone": (
        "telephone",
        "tel",
        "phone",
        "numerotelephone",
        "telephonenumber",
        "phonenumber",
        "portable",
        "mobile",
        "telephoneportable",
    ),
    "address": (
        "adresse",
        "adresse1",
        "adressepostale",
        "adressepersonnelle",
        "adresseperso",
        "adressedomicile",
        "domicile",
        "rue",
        "voie",
        "numerovoie",
        "address",
        "address1",
        "addressline1",
        "postaladdress",
        "streetaddress",
        "street",
        "homeaddress",
        "mailingaddress",
    ),
    "postcode": ("codepostal", "cp", "cpostal", "postcode", "postalcode", "zip", "zipcode"),
    "city": ("ville", "commune", "localite", "villecommune", "city", "town", "locality"),
    "organisation": (
        "structure",
        "organisme",
        "organisation",
        "organization",
        "nomstructure",
        "nomorganisme",
        "structurerepresentee",
        "organismerepresente",
        "raisonsociale",
        "company",
        "employer",
    ),
    "position": ("fonction", "qualite", "position", "poste", "jobtitle"),
    "body": ("instance", "nominstance", "body", "organe", "committee"),
    "college": ("college", "nomcollege"),
    "role": ("role", "titulairesuppleant", "typemandat", "mandat", "statut", "qualitemandat"),
    "substitute_for": (
        "suppleant",
        "suppleantde",
        "substitutefor",
        "alternatefor",
        "remplace",
        "titulaireremplace",
    ),
    "start_date": (
        "debutmandat",
        "datedebutmandat",
        "debut",
        "datedebut",
        "depuis",
        "dateentree",
        "mandatestart",
        "mandatestartdate",
        "startdate",
        "start",
    ),
    "end_date": (
        "finmandat",
        "datefinmandat",
        "fin",
        "datefin",
        "echeance",
        "echeancemandat",
        "jusqua",
        "mandateend",
        "mandateenddate",
        "enddate",
        "end",
    ),
}
HEADER_ALIASES: dict[str, str] = {
    alias: key for key, aliases in _HEADER_ALIASES.items() for alias in aliases
} | {header_key(label): key for key, label in FIELDS.items()}

_ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "member": (
        "titulaire",
        "membretitulaire",
        "membre",
        "tit",
        "t",
        "member",
        "fullmember",
        "votingmember",
    ),
    "substitute": (
        "suppleant",
        "suppleante",
        "membresuppleant",
        "membresuppleante",
        "sup",
        "suppl",
        "s",
        "substitute",
        "alternate",
    ),
    "president": (
        "president",
        "presidente",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
    ),
    "co_president": ("copresident", "copresidente", "cochair", "cochairman", "cochairwoman"),
    "vice_president": ("vicepresident", "vicepresidente", "vicechair", "vicechairman"),
    "permanent_guest": (
        "invitepermanent",
        "invitepermanente",
        "inviteepermanente",
        "invite",
        "invitee",
        "permanentguest",
        "guest",
    ),
    "secretariat": ("secretariat", "secretary", "secretariattechnique"),
}
ROLE_ALIASES: dict[str, str] = (
    {alias: code for code, aliases in _ROLE_ALIASES.items() for alias in aliases}
    | {value_key(code): code for code in ROLES}
    | {value_key(label): code for code, label in ROLES.items()}
)
_NO_END_KEYS = frozenset(
    {"sansfin", "aucune", "illimite", "illimitee", "indetermine", "indeterminee", "noend", "none"}
)
_MISS_ALIASES = {"mlle": "Mme", "melle": "Mme", "mademoiselle": "Mme", "miss": "Mme"}


class Problem(NamedTuple):
    """One thing wrong in the file: where (line as in the file, column header) and why."""

    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.line is not None and self.column is not None:
            return _("Ligne {line}, colonne « {column} » : {message}").format(
                line=self.line, column=self.column, message=self.message
            )
        if self.line is not None:
            return _("Ligne {line} : {message}").format(line=self.line, message=self.message)
        if self.column is not None:
            return _("Colonne « {column} » : {message}").format(
                column=self.column, message=self.message
            )
        return self.message


def guess_mapping(headers: list[str]) -> dict[int, str | None]:
    """Column index -> field key (None for a column we do not know); a field is taken once."""
    mapping: dict[int, str | None] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = HEADER_ALIASES.get(header_key(header))
        if key is not None and key in taken:
            key = None
        if key is not None:
            taken.add(key)
        mapping[index] = key
    return mapping


# What the plan holds -------------------------------------------------------------------------


# The plan's records, the plan and the result are plain classes and NamedTuples rather than
# dataclasses: the command's path does not import `dataclasses` (with `inspect`, `ast` and
# `dis`) nor make its classes (bench/NOTES.md, perf21). The records are compared by identity.


class PlannedOrganisation:
    __slots__ = ("name", "id")

    def __init__(self, name: str, id: int | None = None) -> None:  # noqa: A002 (the row's id)
        self.name = name
        self.id = id


class PlannedCollege:
    __slots__ = ("body_id", "name", "id")

    def __init__(self, body_id: int, name: str, id: int | None = None) -> None:  # noqa: A002
        self.body_id = body_id
        self.name = name
        self.id = id


class PlannedPerson:
    __slots__ = (
        "line",
        "civility",
        "first_name",
        "last_name",
        "email",
        "phone",
        "organisation",
        "position",
        "address",
        "postcode",
        "city",
        "id",
    )  # one per line of a file: no __dict__ for each

    def __init__(
        self,
        line: int,
        civility: str,
        first_name: str,
        last_name: str,
        email: str,
        phone: str,
        organisation: int | PlannedOrganisation | None,
        position: str,
        address: str = "",
        postcode: str = "",
        city: str = "",
        id: int | None = None,  # noqa: A002 (the row's id once written)
    ) -> None:
        self.line = line
        self.civility = civility
        self.first_name = first_name
        self.last_name = last_name
        self.email = email
        self.phone = phone
        self.organisation = organisation
        self.position = position
        self.address = address
        self.postcode = postcode
        self.city = city
        self.id = id

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class PlannedMandate:
    """One row of the file once read: who, where, as what, when."""

    __slots__ = (
        "line",
        "person",
        "body_id",
        "college",
        "role",
        "start",
        "end",
        "substitute_for_text",
        "substitute_for",
        "id",
    )

    def __init__(
        self,
        line: int,
        person: int | PlannedPerson,
        body_id: int,
        college: int | PlannedCollege | None,
        role: str,
        start: dt.date,
        end: dt.date | None,
        substitute_for_text: str = "",
        substitute_for: int | PlannedMandate | None = None,
        id: int | None = None,  # noqa: A002 (the row's id once written)
    ) -> None:
        self.line = line
        self.person = person
        self.body_id = body_id
        self.college = college
        self.role = role
        self.start = start
        self.end = end
        self.substitute_for_text = substitute_for_text
        self.substitute_for = substitute_for
        self.id = id

    @property
    def period(self) -> rules.Period:
        return (self.start, self.end)


class ImportPlan:
    """What an import would do, found without writing anything; `problems` empty means it can."""

    def __init__(
        self,
        source: SourceTable,
        mapping: dict[int, str | None],
        problems: list[Problem],
        *,
        warnings: list[Problem] | None = None,
        body_name: str | None = None,
        fingerprint: tuple[Any, ...] = (),
    ) -> None:
        self.source = source
        self.mapping = mapping
        self.problems = problems
        # What is imported anyway but deserves a look (an address left incomplete, a postcode
        # whose leading zero the spreadsheet dropped, a known person's address left unchanged).
        self.warnings: list[Problem] = [] if warnings is None else warnings
        self.new_people = 0
        self.new_organisations = 0
        self.new_colleges = 0
        self.new_mandates = 0
        self.known_people = 0
        self.new_addresses = 0  # new people with a postal address of their own
        # Organisation names of the file written otherwise than the one they designate (same
        # name but for case, accents or spaces: ess_desk.text.name_key): typed -> kept, in file
        # order.
        self.merged_organisations: dict[str, str] = {}
        self.body_name = body_name
        self.organisations: list[PlannedOrganisation] = []
        self.colleges: list[PlannedCollege] = []
        self.people: list[PlannedPerson] = []
        self.mandates: list[PlannedMandate] = []
        self.fingerprint = fingerprint

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        text = _("{people}, {organisations}, {colleges} et {mandates} seront créés.").format(
            people=_count(self.new_people, "person"),
            organisations=_count(self.new_organisations, "organisation"),
            colleges=_count(self.new_colleges, "college"),
            mandates=_count(self.new_mandates, "mandate"),
        )
        if self.known_people == 1:
            text += " " + _("1 personne déjà enregistrée reçoit un mandat.")
        elif self.known_people > 1:
            text += " " + _("{count} personnes déjà enregistrées reçoivent un mandat.").format(
                count=self.known_people
            )
        if self.new_addresses:
            text += " " + ngettext(
                "{count} nouvelle personne a une adresse postale (lettres par la poste).",
                "{count} nouvelles personnes ont une adresse postale (lettres par la poste).",
                self.new_addresses,
            ).format(count=self.new_addresses)
        if self.merged_organisations:
            text += "\n" + _(
                "Structures regroupées (noms qui ne diffèrent que par les majuscules, les "
                "accents, les espaces ou la ponctuation) : {pairs}."
            ).format(
                pairs=", ".join(
                    _("« {typed} » → « {kept} »").format(typed=typed, kept=kept)
                    for typed, kept in self.merged_organisations.items()
                )
            )
        return text


def _count(n: int, what: str) -> str:
    if what == "person":
        forms = (_("aucune personne"), _("1 personne"), _("{n} personnes"))
    elif what == "organisation":
        forms = (_("aucune structure"), _("1 structure"), _("{n} structures"))
    elif what == "college":
        forms = (_("aucun collège"), _("1 collège"), _("{n} collèges"))
    else:
        forms = (_("aucun mandat"), _("1 mandat"), _("{n} mandats"))
    return forms[min(n, 2)].format(n=n)


class ImportResult(NamedTuple):
    people: int
    organisations: int
    colleges: int
    mandates: int
    mandate_ids: tuple[int, ...] = ()

    def summary(self) -> str:
        return _(
            "Import terminé : {people}, {organisations}, {colleges} et {mandates} créés."
        ).format(
            people=_count(self.people, "person"),
            organisations=_count(self.organisations, "organisation"),
            colleges=_count(self.colleges, "college"),
            mandates=_count(self.mandates, "mandate"),
        )


# Reading one cell ----------------------------------------------------------------------------

_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@functools.lru_cache(maxsize=8192)  # mandates of a file share their dates
def read_date(text: str) -> dt.date | None:
    """A mandate's date: complete (day, month and year), day-first or ISO; « 60 » or « 21/01 »
    are refused rather than guessed (the usual shapes read here, fast; the rest by
    ess_desk.dates.read_full_date)."""
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO.fullmatch(text)
        if not match:
            return read_full_date(text)
        year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return read_full_date(text)  # raises the usual message


_LOCAL_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_EMAIL = re.compile(rf"({_LOCAL_ATOM}(?:\.{_LOCAL_ATOM})*)@((?:{_LABEL}\.)+[A-Za-z]{{2,63}})")
_SPECIAL_USE = ("arpa", "invalid", "local", "localhost", "onion", "test")


def read_email(text: str) -> str:
    """validation.email, with its result computed directly for plain ASCII addresses (fast)."""
    match = _PLAIN_EMAIL.fullmatch(text)
    if (
        match
        and len(match.group(1)) <= 64
        and len(text) <= 254
        and "--" not in match.group(2)
        and match.group(2).rsplit(".", 1)[-1].lower() not in _SPECIAL_USE
    ):
        return f"{match.group(1)}@{match.group(2).lower()}"
    return validation.email(text)


# A column of addresses read_email gives back as they are, checked in one pass of the pattern
# over the whole column (one per line): plain ASCII, lower case, no « -- », no special-use
# domain, none longer than 64 characters (so neither is its local part).
_PLAIN_EMAIL_LINES = re.compile(
    rf"(?:{_LOCAL_ATOM}(?:\.{_LOCAL_ATOM})*@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}\n)*"
    rf"{_LOCAL_ATOM}(?:\.{_LOCAL_ATOM})*@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}"
)
_SPECIAL_USE_END = re.compile(rf"\.(?:{'|'.join(_SPECIAL_USE)})$", re.MULTILINE | re.IGNORECASE)


def plain_emails(texts: list[str]) -> frozenset[str]:
    """The cells of an e-mail column when each is an address `read_email` gives back unchanged,
    found in a few passes of C over the column joined by line breaks (no cell holds one); an
    empty set when any is not (then each is read by `read_email`). Empty cells are left out."""
    emails = [t for t in texts if t]
    if not emails or max(map(len, emails)) > 64:
        return frozenset()
    joined = "\n".join(emails)
    if (
        joined.count("\n") != len(emails) - 1
        or "--" in joined
        or joined != joined.lower()
        or _PLAIN_EMAIL_LINES.fullmatch(joined) is None
        or _SPECIAL_USE_END.search(joined) is not None
    ):
        return frozenset()
    return frozenset(emails)


def _cell(text: str) -> str:
    if text.startswith("'"):
        text = restore_neutralised(text)
    return " ".join(text.split())


def _clean_column(texts: list[str]) -> list[str]:
    """`_cell` of each text. Most columns have nothing to clean: no space but single ones between
    words, no apostrophe first; that is checked on the whole column joined by NULs (a character
    no readable line holds) in a few passes of C, else the usual case (no apostrophe first) is
    cleaned without a call per cell."""
    joined = "\x00".join(texts)
    if (
        joined.count("\x00") == len(texts) - 1
        and " ".join(joined.split()) == joined
        and "\x00 " not in joined
        and " \x00" not in joined
        and "\x00'" not in joined
        and joined[:1] != "'"
    ):
        return list(texts)
    return [_cell(t) if t[:1] == "'" else " ".join(t.split()) for t in texts]


def _lines(text: str) -> str:
    """A street address cell: its lines kept (each cleaned), empty lines dropped."""
    if text.startswith("'"):
        text = restore_neutralised(text)
    return validation.address_lines(text)


def read_postcode(text: str) -> tuple[str, bool]:
    """(postcode, restored): a French postcode of five digits; four digits are taken as a code
    whose leading zero the spreadsheet dropped (01000 Bourg-en-Bresse read as the number 1000),
    restored and flagged to be checked; anything else raises the validator's UserError."""
    digits = "".join(text.split())
    if len(digits) == 4 and digits.isascii() and digits.isdigit() and digits[0] != "0":
        return "0" + digits, True
    return validation.postcode(text), False


@functools.lru_cache(maxsize=256)
def read_civility(text: str) -> str:
    return people.normalise_civility(_MISS_ALIASES.get(value_key(text), text))


# Planning ------------------------------------------------------------------------------------


def fingerprint(db: Database) -> tuple[Any, ...]:
    """Changes whenever the rows an import depends on change (every service write is audited)."""
    parts: list[Any] = []
    for table in ("audit_log", "bodies", "colleges", "organisations", "people", "mandates"):
        found = database.row(
            db, f"SELECT COALESCE(MAX(id), 0) AS last, COUNT(*) AS rows FROM [{table}]"
        )
        assert found is not None  # an aggregate always reads one row
        parts.extend((found["last"], found["rows"]))
    return tuple(parts)


class _Body(NamedTuple):
    name: str
    mandate_years: int


class _College(NamedTuple):
    body_id: int
    name: str
    seats: int | None


class _Mandate(NamedTuple):
    """A body's mandate already in the database, as the mandate checks read it."""

    id: int
    person_id: int
    college_id: int | None
    role: str
    start: dt.date
    end: dt.date | None
    substitute_for_id: int | None


class _Existing:
    """What the database already holds, in dicts: one query per table for the whole file."""

    def __init__(
        self,
        db: Database,
        bodies: dict[int, _Body],
        body_by_key: dict[str, int],
        college_by_key: dict[tuple[int, str], int],
        college_info: dict[int, _College],
        colleges_of_body: dict[int, int],  # body id -> count
        org_by_key: dict[str, int],
        org_name: dict[int, str],
        person_by_email: dict[str, int],
        person_by_name: dict[tuple[str, str], int],
        person_name: dict[int, tuple[str, str]],
        person_address: dict[int, tuple[str, str, str]],  # (address, postcode, city)
    ) -> None:
        self.db = db
        self.bodies = bodies
        self.body_by_key = body_by_key
        self.college_by_key = college_by_key
        self.college_info = college_info
        self.colleges_of_body = colleges_of_body
        self.org_by_key = org_by_key
        self.org_name = org_name
        self.person_by_email = person_by_email
        self.person_by_name = person_by_name
        self.person_name = person_name
        self.person_address = person_address
        self.mandates_by_body: dict[int, list[_Mandate]] = {}

    @classmethod
    def load(cls, db: Database) -> _Existing:
        bodies = {
            r["id"]: _Body(r["name"], r["mandate_years"])
            for r in database.each_row(db, "SELECT id, name, mandate_years FROM bodies")
        }
        colleges = {
            r["id"]: _College(r["body_id"], r["name"], r["seats"])
            for r in database.each_row(db, "SELECT id, body_id, name, seats FROM colleges")
        }
        colleges_of_body: dict[int, int] = {}
        for college in colleges.values():
            colleges_of_body[college.body_id] = colleges_of_body.get(college.body_id, 0) + 1
        person_by_email: dict[str, int] = {}
        person_by_name: dict[tuple[str, str], int] = {}
        person_name: dict[int, tuple[str, str]] = {}
        person_address: dict[int, tuple[str, str, str]] = {}
        for r in database.each_row(
            db,
            "SELECT id, first_name, last_name, email, address, postcode, city FROM people "
            "ORDER BY id",
        ):
            pid, first, last, email = r["id"], r["first_name"], r["last_name"], r["email"]
            if email:
                person_by_email.setdefault(email.lower(), pid)
            person_by_name.setdefault((name_key(first), name_key(last)), pid)
            person_name[pid] = (first, last)
            address = (r["address"], r["postcode"], r["city"])
            if any(address):
                person_address[pid] = address
        org_by_key: dict[str, int] = {}
        org_name: dict[int, str] = {}
        for r in database.each_row(db, "SELECT id, name FROM organisations ORDER BY id"):
            org_by_key.setdefault(name_key(r["name"]), r["id"])
            org_name[r["id"]] = r["name"]
        return cls(
            db=db,
            bodies=bodies,
            body_by_key={name_key(b.name): body_id for body_id, b in bodies.items()},
            college_by_key={
                (c.body_id, name_key(c.name)): college_id for college_id, c in colleges.items()
            },
            college_info=colleges,
            colleges_of_body=colleges_of_body,
            org_by_key=org_by_key,
            org_name=org_name,
            person_by_email=person_by_email,
            person_by_name=person_by_name,
            person_name=person_name,
            person_address=person_address,
        )

    def mandates_of(self, body_id: int) -> list[_Mandate]:
        """A body's mandates in the database."""
        found = self.mandates_by_body.get(body_id)
        if found is None:
            found = [
                _Mandate(
                    r["id"],
                    r["person_id"],
                    r["college_id"],
                    r["role"],
                    dt.date.fromisoformat(r["start_date"]),
                    dt.date.fromisoformat(r["end_date"]) if r["end_date"] else None,
                    r["substitute_for_id"],
                )
                for r in database.each_row(
                    self.db,
                    "SELECT id, person_id, college_id, role, start_date, end_date, "
                    "substitute_for_id FROM mandates WHERE body_id = ?",
                    [body_id],
                )
            ]
            self.mandates_by_body[body_id] = found
        return found


@functools.lru_cache(maxsize=4096)
def _default_end(start: dt.date, years: int) -> dt.date:
    # The same rule as mandates.default_end, with the body's length already known.
    return add_years(start, years)


# How a reading step reports a problem: the field's key (None: the whole line) and the sentence.
_Report = Callable[[str | None, str], None]


def _column_header(table: SourceTable, index: int) -> str:
    """The title of a file's column, or its number when it has none."""
    text = table.headers[index] if index < len(table.headers) else ""
    return text or _("n° {n}").format(n=index + 1)


def _read_columns(
    table: SourceTable,
    mapping: dict[int, str | None],
    problems: list[Problem],
    warnings: list[Problem],
) -> dict[str, int]:
    """Each field's column in the file: an unknown field, a field given two columns or a
    required one missing is a problem; part of an address without the rest, a warning."""
    columns: dict[str, int] = {}
    width = len(table.headers)
    for index, key in sorted(mapping.items()):
        if key is None:
            continue
        if key not in FIELDS:
            problems.append(Problem(None, None, _("Champ inconnu : « {key} ».").format(key=key)))
            continue
        if index >= width:
            continue
        if key in columns:
            problems.append(
                Problem(
                    None,
                    table.headers[index] or None,
                    _(
                        "Deux colonnes sont associées au champ « {field} » : « {first} » "
                        "et celle-ci."
                    ).format(field=_(FIELDS[key]), first=_column_header(table, columns[key])),
                )
            )
            continue
        columns[key] = index
    _check_address_columns(columns, warnings)
    for key in REQUIRED:
        if key not in columns:
            problems.append(
                Problem(
                    None,
                    None,
                    _(
                        "Colonne obligatoire absente : « {label} ». Les en-têtes lus sont : "
                        "{headers}."
                    ).format(
                        label=_(FIELDS[key]),
                        headers=", ".join(f"« {h} »" for h in table.headers if h),
                    ),
                )
            )
    return columns


def _check_address_columns(columns: dict[str, int], warnings: list[Problem]) -> None:
    """Part of an address without the rest: said once, for the whole file."""
    present = [key for key in ADDRESS_FIELDS if key in columns]
    missing = [key for key in ADDRESS_FIELDS if key not in columns]
    if present and missing:
        labels = [_(FIELDS[key]) for key in missing]
        warnings.append(
            Problem(
                None,
                None,
                _(
                    "Le fichier n'a pas de colonne {missing} : les adresses postales "
                    "resteront incomplètes, et les lettres par la poste prendront l'adresse "
                    "de la structure."
                ).format(missing=", ".join(f"« {label} »" for label in labels)),
            )
        )


def _readable_rows(table: SourceTable, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    """The lines of the file that can be read: not one cell too many, no control character
    (the others are listed in `problems`)."""
    width = len(table.headers)
    # One search over the whole file: nearly every file has no control character at all.
    suspect = has_control_characters(itertools.chain.from_iterable(c for _l, c in table.rows))
    readable = []
    for line, cells in table.rows:
        if len(cells) > width and any(cells[width:]):
            problems.append(
                Problem(
                    line,
                    None,
                    ngettext(
                        "Cette ligne a {cells} cellules pour {columns} colonne : une valeur "
                        "contient-elle le séparateur ?",
                        "Cette ligne a {cells} cellules pour {columns} colonnes : une valeur "
                        "contient-elle le séparateur ?",
                        width,
                    ).format(cells=len(cells), columns=width),
                )
            )
        elif not (suspect and _refuse_control_characters(table, line, cells, problems)):
            readable.append((line, cells))
    return readable


def _refuse_control_characters(
    table: SourceTable, line: int, cells: list[str], problems: list[Problem]
) -> bool:
    """A cell holding an invisible control character (a bell, an escape… pasted from an old
    system) is refused: it would be saved unseen and break the exports."""
    if not has_control_characters(cells):
        return False  # one search over the whole line
    found = False
    for index, cell in enumerate(cells):
        codes = control_characters(cell)
        if codes:
            found = True
            column = table.headers[index] if index < len(table.headers) else None
            problems.append(
                Problem(
                    line,
                    column,
                    _(
                        "Caractère de contrôle invisible ({codes}) dans cette cellule : "
                        "retirez-le du fichier (il vient souvent d'un copier-coller)."
                    ).format(codes=", ".join(codes)),
                )
            )
    return found


class _MandateRules:
    """The file's planned mandates checked against the mandates held and against each other,
    through the one mandate checker (`membership.checker`): a part of `_Planner`."""

    existing: _Existing
    table: SourceTable
    columns: dict[str, int]
    problems: list[Problem]
    colleges: list[PlannedCollege]
    mandates: list[PlannedMandate]

    def header(self, key: str) -> str:
        return _column_header(self.table, self.columns[key])

    def person_names(self, person: int | PlannedPerson) -> tuple[str, str]:
        if isinstance(person, PlannedPerson):
            return (person.first_name, person.last_name)
        return self.existing.person_name.get(person, ("", ""))

    def person_name(self, person: int | PlannedPerson) -> str:
        return " ".join(self.person_names(person)).strip()

    def college_name(self, college: int | PlannedCollege | None) -> str:
        if college is None:
            return ""
        if isinstance(college, PlannedCollege):
            return college.name
        return self.existing.college_info[college].name

    def check_rules(self) -> None:
        """Each mandate of the file against the database's and the file's lines accepted before
        it, by the one mandate checker (`membership.checker`) the service uses too."""
        existing = self.existing
        ledger = checker.Ledger()
        # Per body and name: who holds a seat (a substitute names its holder in the file).
        holders: dict[tuple[int, str], list[int | PlannedMandate]] = {}
        bodies_with_colleges = {b for b, n in existing.colleges_of_body.items() if n}
        bodies_with_colleges |= {c.body_id for c in self.colleges}
        # The seats a substitute may stand in for are only looked up when a line names one.
        pairing = any(m.substitute_for_text for m in self.mandates)

        def add_holder(body_id: int, first: str, last: str, ref: int | PlannedMandate) -> None:
            first, last = _name_key(first), _name_key(last)
            for key in {f"{first} {last}".strip(), f"{last} {first}".strip()}:
                holders.setdefault((body_id, key), []).append(ref)

        for body_id in {m.body_id for m in self.mandates}:
            for held in existing.mandates_of(body_id):
                period = (held.start, held.end)
                ledger.book(
                    body_id,
                    held.person_id,
                    held.role,
                    period,
                    college=held.college_id,
                    holder=held.substitute_for_id,
                )
                if pairing and held.role in SEAT_ROLES:
                    ledger.holders[held.id] = checker.Holder(
                        held.person_id, held.college_id, self.college_name(held.college_id), period
                    )
                    name = existing.person_name.get(held.person_id, ("", ""))
                    add_holder(body_id, *name, held.id)
        for m in self.mandates:
            if pairing and m.role in SEAT_ROLES:
                ledger.holders[m] = checker.Holder(
                    m.person, m.college, self.college_name(m.college), m.period
                )
                add_holder(m.body_id, *self.person_names(m.person), m)
        for m in self.mandates:
            self._check_mandate(m, ledger, holders, m.body_id in bodies_with_colleges)

    def _check_mandate(
        self,
        m: PlannedMandate,
        ledger: checker.Ledger,
        holders: dict[tuple[int, str], list[int | PlannedMandate]],
        body_has_colleges: bool,
    ) -> None:
        college = m.college
        seats = self.existing.college_info[college].seats if isinstance(college, int) else None
        if not m.substitute_for_text and ledger.clear(
            m.body_id, m.person, m.role, college, seats, body_has_colleges
        ):
            # Nothing the checker could say (most lines): booked as an accepted line below is.
            ledger.book(
                m.body_id,
                m.person,
                m.role,
                m.period,
                college=college if isinstance(college, int) else None,
                line=m.line,
            )
            return
        problems: list[Problem] = []

        def problem(key: str | None, message: str) -> None:
            column = self.header(key) if key and key in self.columns else None
            problems.append(Problem(m.line, column, message))

        body_name = self.existing.bodies[m.body_id].name
        chosen = (
            self._holder(m, ledger, holders, body_name, problem) if m.substitute_for_text else None
        )
        verdict = ledger.problems(
            checker.Candidate(
                person=m.person,
                person_name=self.person_name(m.person),
                body=m.body_id,
                body_name=body_name,
                role=m.role,
                period=m.period,
                college=college,
                college_name=self.college_name(college),
                seats=seats,
                # A substitute whose holder was not found has no college to take: not asked.
                body_has_colleges=body_has_colleges and not problems,
                holder=chosen,
                holder_name=m.substitute_for_text,
            )
        )
        m.college = cast("int | PlannedCollege | None", verdict.college)
        if chosen is not None:
            m.substitute_for = chosen
        for found in verdict.problems:
            problem(_IMPORT_COLUMN.get(found.field, found.field), found.message)
        if problems:
            self.problems.extend(problems)
            return
        ledger.book(
            m.body_id,
            m.person,
            m.role,
            m.period,
            college=m.college if isinstance(m.college, int) else None,
            holder=m.substitute_for,
            line=m.line,
        )

    def _holder(
        self,
        m: PlannedMandate,
        ledger: checker.Ledger,
        holders: dict[tuple[int, str], list[int | PlannedMandate]],
        body_name: str,
        problem: Callable[[str | None, str], None],
    ) -> int | PlannedMandate | None:
        """The seat a substitute stands in for, found by the name typed in the file: the one in
        force when the substitute starts, else one that overlaps; None (and why) when none is."""
        refs = holders.get((m.body_id, _name_key(m.substitute_for_text)), [])
        # Planned people compare by identity (eq=False), database people by id.
        persons = {ledger.holders[r].person for r in refs}
        if not refs:
            problem(
                "substitute_for",
                _(
                    "« {name} » ne siège pas comme titulaire dans « {body} » (ni dans "
                    "le fichier, ni dans la base)."
                ).format(name=m.substitute_for_text, body=body_name),
            )
            return None
        if len(persons) > 1:
            problem(
                "substitute_for",
                _(
                    "Plusieurs titulaires de « {body} » s'appellent « {name} » : "
                    "rattachez ce suppléant à la main après l'import."
                ).format(name=m.substitute_for_text, body=body_name),
            )
            return None
        overlapping = [r for r in refs if rules.overlaps(ledger.holders[r].period, m.period)]
        current = [r for r in overlapping if rules.in_force(ledger.holders[r].period, m.start)]
        if not (current or overlapping):
            problem(
                "substitute_for",
                _("« {name} » n'est pas titulaire dans « {body} » pendant ce mandat.").format(
                    name=m.substitute_for_text, body=body_name
                ),
            )
            return None
        return (current or overlapping)[0]


class _Planner(_MandateRules):
    def __init__(self, db: Database, table: SourceTable, mapping: dict[int, str | None]):
        self.db = db
        self.table = table
        self.mapping = mapping
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.existing = _Existing.load(db)
        self.columns: dict[str, int] = {}
        self.organisations: list[PlannedOrganisation] = []
        self.org_by_key: dict[str, int | PlannedOrganisation] = dict(self.existing.org_by_key)
        self.merged_organisations: dict[str, str] = {}
        # Each organisation's name as written in the file -> what it designates (person_for).
        self.org_by_text: dict[str, int | PlannedOrganisation] = {}
        self.colleges: list[PlannedCollege] = []
        self.college_by_key: dict[tuple[int, str], int | PlannedCollege] = dict(
            self.existing.college_by_key
        )
        self.people: list[PlannedPerson] = []
        self.person_by_email: dict[str, int | PlannedPerson] = dict(self.existing.person_by_email)
        self.person_by_name: dict[tuple[str, str], int | PlannedPerson] = dict(
            self.existing.person_by_name
        )
        self.known_people: set[int] = set()
        # The file's e-mails known to be read as they are (plain_emails), and the periods read
        # without a problem by the (start, end) cells they come from: a file repeats its dates.
        self.plain_emails: frozenset[str] = frozenset()
        self.periods: dict[tuple[str, str], tuple[dt.date | None, dt.date | None, bool]] = {}
        self.mandates: list[PlannedMandate] = []
        self.default_body: int | None = None

    # Columns and bodies -------------------------------------------------------------------

    def check_columns(self) -> bool:
        self.columns = _read_columns(self.table, self.mapping, self.problems, self.warnings)
        return not self.problems

    def choose_default_body(self, body_name: str | None) -> bool:
        if body_name:
            body_id = self.find_body(body_name)
            if body_id is None:
                self.problems.append(
                    Problem(
                        None,
                        None,
                        _(
                            "Aucune instance ne s'appelle « {name} » : un import ne crée pas "
                            "d'instance, créez-la d'abord."
                        ).format(name=body_name)
                        + " "
                        + how_to_create_a_body(),
                    )
                )
                return False
            self.default_body = body_id
            return True
        self.default_body = bodies.plenary_body(self.db)
        if self.default_body is None and "body" not in self.columns:
            self.problems.append(
                Problem(
                    None,
                    None,
                    _(
                        "Aucune instance où importer ces membres : la base n'a pas de conseil "
                        "plénier et le fichier n'a pas de colonne « Instance ». Créez "
                        "l'instance d'abord, ou précisez-la (option --body)."
                    )
                    + " "
                    + how_to_create_a_body(),
                )
            )
            return False
        return True

    def find_body(self, name: str) -> int | None:
        return self.existing.body_by_key.get(_name_key(name))

    # Rows ---------------------------------------------------------------------------------

    def read_rows(self) -> None:
        """Every line of the file, read column by column (each column's cells cleaned in one
        pass), then checked line by line."""
        rows = _readable_rows(self.table, self.problems)
        keys = list(self.columns)
        lines = [cells for _line, cells in rows]
        columns = [
            _clean_column(list(map(operator.itemgetter(self.columns[key]), lines))) for key in keys
        ]
        if "address" in self.columns:  # its line breaks are kept
            index = self.columns["address"]
            columns[keys.index("address")] = [_lines(cells[index]) for _line, cells in rows]
        if "email" in self.columns:
            self.plain_emails = plain_emails(columns[keys.index("email")])
        # A field without a column reads the empty cell put last on every line.
        columns.append([""] * len(rows))
        plain = _plain_reader(self, {key: keys.index(key) if key in keys else -1 for key in FIELDS})
        for (line, _cells), values in zip(rows, zip(*columns, strict=True), strict=True):
            if not plain(line, values):
                self.read_row(line, dict(zip(keys, values, strict=False)))

    def read_row(self, line: int, v: dict[str, str]) -> None:
        """One line of the file: the person, then the mandate it gives them (nothing planned
        for a line with problems; they are all listed)."""
        problems: list[Problem] = []

        def problem(key: str | None, message: str) -> None:
            problems.append(Problem(line, self.header(key) if key else None, message))

        last_name, first_name = v["last_name"], v["first_name"]
        if not last_name:
            problem("last_name", _("Le nom est obligatoire."))
        if not first_name:
            problem("first_name", _("Le prénom est obligatoire."))
        civility, email = self._read_contact(v, problem)
        address = self.read_address(line, v, problem)
        body_id = self._read_body(v, problem)
        substitute_for_text = v.get("substitute_for", "")
        role = self._read_role(v, substitute_for_text, problem)
        cells = (v.get("start_date", ""), v.get("end_date", ""))
        period = self.periods.get(cells)
        if period is None:
            before = len(problems)
            period = self._read_period(v, problem)
            if len(problems) == before:
                self.periods[cells] = period
        start, end, open_ended = period
        if problems or start is None or body_id is None or role is None:
            self.problems.extend(problems)
            return
        if end is None and not open_ended:
            end = _default_end(start, self.existing.bodies[body_id].mandate_years)

        person = self.person_for(
            line,
            civility,
            first_name,
            last_name,
            email,
            v.get("phone", ""),
            v.get("organisation", ""),
            v.get("position", ""),
        )
        self.take_address(line, person, address)
        college = self._college_for(body_id, v.get("college", ""))
        # By position (line, person, body, college, role, start, end, holder's name typed).
        self.mandates.append(
            PlannedMandate(line, person, body_id, college, role, start, end, substitute_for_text)
        )

    def _read_contact(self, v: dict[str, str], problem: _Report) -> tuple[str, str]:
        """The civility and e-mail of a line, as the service would store them."""
        civility = email = ""
        try:
            civility = read_civility(v.get("civility", ""))
        except UserError as exc:
            problem("civility", exc.message)
        text = v.get("email")
        if text in self.plain_emails:
            email = text
        elif text:
            try:
                email = read_email(text)
            except UserError as exc:
                problem("email", exc.message)
        return civility, email

    def _read_body(self, v: dict[str, str], problem: _Report) -> int | None:
        """The line's body: its « Instance » cell, else the one chosen for the whole file."""
        body_text = v.get("body", "")
        if body_text:
            body_id = self.find_body(body_text)
            if body_id is None:
                problem(
                    "body",
                    _(
                        "Aucune instance ne s'appelle « {name} » (un import ne crée pas "
                        "d'instance)."
                    ).format(name=body_text),
                )
            return body_id
        if self.default_body is None:
            problem(
                "body",
                _("Instance non indiquée, et la base n'a pas de conseil plénier où la mettre."),
            )
        return self.default_body

    @staticmethod
    def _read_role(v: dict[str, str], substitute_for_text: str, problem: _Report) -> str | None:
        """The mandate's role: as typed, else a substitute when a holder is named."""
        role_text = v.get("role", "")
        if not role_text:
            return "substitute" if substitute_for_text else "member"
        role = ROLE_ALIASES.get(value_key(role_text))
        if role is None:
            problem(
                "role",
                _(
                    "Rôle inconnu : « {value} » (attendu : Titulaire, Suppléant(e), "
                    "Président(e), Co-président(e), Vice-président(e), Invité(e) "
                    "permanent(e) ou Secrétariat)."
                ).format(value=role_text),
            )
        elif substitute_for_text and role != "substitute":
            problem(
                "substitute_for",
                _(
                    "Seul un(e) suppléant(e) peut être rattaché(e) à un titulaire : le rôle "
                    "de cette ligne est « {role} »."
                ).format(role=_(ROLES[role])),
            )
        return role

    @staticmethod
    def _read_period(
        v: dict[str, str], problem: _Report
    ) -> tuple[dt.date | None, dt.date | None, bool]:
        """The mandate's start and end as typed; True when the end is said to be open."""
        start = end = None
        start_text = v.get("start_date", "")
        if not start_text:
            problem("start_date", _("La date de début du mandat est obligatoire."))
        else:
            try:
                start = read_date(start_text)
            except UserError as exc:
                problem("start_date", exc.message)
        end_text = v.get("end_date", "")
        open_ended = bool(end_text) and value_key(end_text) in _NO_END_KEYS
        if end_text and not open_ended:
            try:
                end = read_date(end_text)
            except UserError as exc:
                problem("end_date", exc.message)
        if start is not None and end is not None and end < start:
            problem(
                "end_date",
                _("La fin du mandat ({end}) précède son début ({start}).").format(
                    end=display(end), start=display(start)
                ),
            )
        return start, end, open_ended

    def _college_for(self, body_id: int, college_text: str) -> int | PlannedCollege | None:
        """The college named on the line (planned when the body has none by that name)."""
        if not college_text:
            return None
        key = (body_id, _name_key(college_text))
        college = self.college_by_key.get(key)
        if college is None:
            college = PlannedCollege(body_id=body_id, name=college_text)
            self.colleges.append(college)
            self.college_by_key[key] = college
        return college

    def person_for(
        self,
        line: int,
        civility: str,
        first_name: str,
        last_name: str,
        email: str,
        phone: str,
        organisation: str,
        position: str,
    ) -> int | PlannedPerson:
        """The person a row names: same e-mail, else same first and last name (as people.find)."""
        email_key = email.lower()
        name = (_name_key(first_name), _name_key(last_name))
        found = self.person_by_email.get(email_key) if email_key else None
        if found is None:
            found = self.person_by_name.get(name)
        if found is not None:
            if isinstance(found, int):
                self.known_people.add(found)
            return found
        org: int | PlannedOrganisation | None = None
        if organisation:
            # A file names its organisations again and again, mostly written the same way.
            org = self.org_by_text.get(organisation)
            if org is None:
                org_key = _name_key(organisation)
                org = self.org_by_key.get(org_key)
                if org is None:
                    org = PlannedOrganisation(name=organisation)
                    self.organisations.append(org)
                    self.org_by_key[org_key] = org
                else:
                    self.note_merged(organisation, org)
                self.org_by_text[organisation] = org
        # By position: faster than by keywords, for 10,000 lines.
        person = PlannedPerson(line, civility, first_name, last_name, email, phone, org, position)
        self.people.append(person)
        if email_key:
            self.person_by_email[email_key] = person
        self.person_by_name.setdefault(name, person)
        return person

    def warn(self, line: int | None, key: str | None, message: str) -> None:
        column = self.header(key) if key and key in self.columns else None
        self.warnings.append(Problem(line, column, message))

    def read_address(
        self, line: int, v: dict[str, str], problem: Callable[[str | None, str], None]
    ) -> tuple[str, str, str]:
        """(street lines, postcode, city) of a row; a postcode that is not French is a problem
        (the letter could not be addressed), an incomplete address a warning (imported as is:
        the letter takes the organisation's address, or is listed without one)."""
        street, postcode_text, city = v.get("address", ""), v.get("postcode", ""), v.get("city", "")
        if not (street or postcode_text or city):
            return ("", "", "")  # most lines: nothing to read or to warn about
        postcode = ""
        if postcode_text:
            try:
                postcode, restored = read_postcode(postcode_text)
            except UserError as exc:
                problem("postcode", exc.message)
            else:
                if restored:
                    self.warn(
                        line,
                        "postcode",
                        _(
                            "Code postal « {value} » lu « {postcode} » : le tableur a sans doute "
                            "retiré le zéro du début. Vérifiez-le."
                        ).format(value=postcode_text, postcode=postcode),
                    )
        parts = {"address": street, "postcode": postcode_text, "city": city}
        missing = [key for key in ADDRESS_FIELDS if not parts[key] and key in self.columns]
        if any(parts.values()) and missing:
            self.warn(
                line,
                missing[0],
                _(
                    "Adresse postale incomplète (il manque : {missing}) : elle est enregistrée "
                    "telle quelle, mais les lettres par la poste prendront l'adresse de la "
                    "structure, ou seront listées sans adresse."
                ).format(missing=", ".join(_(FIELDS[key]).lower() for key in missing)),
            )
        return (street, postcode, city)

    def take_address(
        self, line: int, person: int | PlannedPerson, address: tuple[str, str, str]
    ) -> None:
        """A new person gets the row's address; a known one keeps theirs (said when it differs)."""
        if not any(address):
            return
        if isinstance(person, PlannedPerson):
            if person.line == line:
                person.address, person.postcode, person.city = address
                return
            known = (person.address, person.postcode, person.city)
        else:
            known = self.existing.person_address.get(person, ("", "", ""))
        if known != address:
            self.warn(
                line,
                "address",
                _(
                    "{name} a déjà une autre adresse postale (dans la base ou plus haut dans "
                    "le fichier) : l'import ne la change pas (modifiez-la dans sa fiche)."
                ).format(name=self.person_name(person)),
            )

    def note_merged(self, typed: str, org: int | PlannedOrganisation) -> None:
        """Remember a name written otherwise than the organisation it designates, to show it."""
        kept = org.name if isinstance(org, PlannedOrganisation) else self.existing.org_name[org]
        if typed != kept:
            self.merged_organisations.setdefault(typed, kept)

    # Mandate rules, in memory -------------------------------------------------------------


def _plain_reader(planner: _Planner, at: dict[str, int]) -> Callable[[int, tuple[str, ...]], bool]:
    """What `_Planner.read_row` does for a usual line, done straight from its cells (`at`: each
    field's place in them) with what the earlier lines found kept (civilities, roles,
    periods): names given, a civility and a role as known, an e-mail `plain_emails` let
    through, no address, body or holder named, a period read before without a problem. It
    returns False, having done nothing, for any other line, which read_row then reads."""
    last_at, first_at, civility_at, email_at = (
        at[k] for k in ("last_name", "first_name", "civility", "email")
    )
    rest = operator.itemgetter(*(at[k] for k in ("phone", "organisation", "position")))
    college_at, role_at, start_at, end_at = (
        at[k] for k in ("college", "role", "start_date", "end_date")
    )
    # The cells that send a line to read_row when any is filled.
    elsewhere = operator.itemgetter(*(at[k] for k in ("body", "substitute_for", *ADDRESS_FIELDS)))
    civilities: dict[str, str] = {}
    roles = {"": "member"}  # no holder named: an empty role is a member's
    body_id = planner.default_body
    years = planner.existing.bodies[body_id].mandate_years if body_id is not None else 0

    def plain(line: int, v: tuple[str, ...]) -> bool:
        last, first, email = v[last_at], v[first_at], v[email_at]
        if not (last and first and body_id) or any(elsewhere(v)):
            return False
        if email and email not in planner.plain_emails:
            return False
        civility = civilities.get(v[civility_at])
        if civility is None:
            try:
                civility = civilities[v[civility_at]] = read_civility(v[civility_at])
            except UserError:
                return False
        role_text = v[role_at]
        role = roles.get(role_text)
        if role is None:
            role = ROLE_ALIASES.get(value_key(role_text))
            if role is None:
                return False
            roles[role_text] = role
        period = planner.periods.get((v[start_at], v[end_at]))
        if period is None:  # read by read_row the first time
            return False
        start, end, open_ended = period
        if start is None or body_id is None:
            return False
        if end is None and not open_ended:
            end = _default_end(start, years)
        person = planner.person_for(line, civility, first, last, email, *rest(v))
        college = planner._college_for(body_id, v[college_at])
        planner.mandates.append(PlannedMandate(line, person, body_id, college, role, start, end))
        return True

    return plain


# The checker names the service's fields; the import's columns are named after what they hold.
_IMPORT_COLUMN = {"substitute_for_id": "substitute_for", "college_id": "college"}


# An import makes a few hundred thousand objects (cells, planned rows, audit texts) and no garbage
# in cycles: the collector's passes over them were about a twentieth of its time (bench/NOTES.md).
@collector.paused()
def plan_import(
    db: Database,
    source: Path | SourceTable,
    body_name: str | None = None,
    mapping: dict[int, str | None] | None = None,
) -> ImportPlan:
    """Read and check a member file against the database; writes nothing."""
    table = source if isinstance(source, SourceTable) else read_table(source)
    mapping = dict(mapping) if mapping is not None else guess_mapping(table.headers)
    planner = _Planner(db, table, mapping)
    plan = ImportPlan(
        source=table,
        mapping=mapping,
        problems=planner.problems,
        warnings=planner.warnings,
        body_name=body_name,
        fingerprint=fingerprint(db),
    )
    columns_ok = planner.check_columns()
    if not planner.choose_default_body(body_name) or not columns_ok:
        return plan
    planner.read_rows()
    planner.check_rules()
    planner.problems.sort(key=lambda p: p.line or 0)
    planner.warnings.sort(key=lambda p: p.line or 0)
    plan.organisations = planner.organisations
    plan.colleges = planner.colleges
    plan.people = planner.people
    plan.mandates = planner.mandates
    plan.new_people = len(planner.people)
    plan.new_organisations = len(planner.organisations)
    plan.new_colleges = len(planner.colleges)
    plan.new_mandates = len(planner.mandates)
    plan.known_people = len(planner.known_people)
    plan.new_addresses = sum(1 for p in planner.people if p.address or p.postcode or p.city)
    plan.merged_organisations = planner.merged_organisations
    return plan


# Writing -------------------------------------------------------------------------------------

_ORG_COLUMNS = (
    "id",
    "name",
    "kind",
    "siret",
    "address",
    "postcode",
    "city",
    "website",
    "email",
    "phone",
    "archived",
)
_COLLEGE_COLUMNS = ("id", "body_id", "name", "seats", "voting")
_PERSON_COLUMNS = (
    "id",
    "civility",
    "first_name",
    "last_name",
    "email",
    "phone",
    "organisation_id",
    "position",
    "consent_publish",
    "consent_contact",
    "notes",
    "archived",
    "address",
    "postcode",
    "city",
)
_MANDATE_COLUMNS = (
    "id",
    "person_id",
    "body_id",
    "college_id",
    "role",
    "start_date",
    "end_date",
    "substitute_for_id",
    "notes",
)
_CHUNK = 1000


def _ref_id(ref: Any) -> int | None:
    if ref is None or isinstance(ref, int):
        return ref
    return ref.id


@collector.paused()
def apply_import(
    store: Store, plan: ImportPlan, progress: Callable[[int, int], None] | None = None
) -> ImportResult:
    """Write what the plan found, all or nothing, in one audited transaction."""
    if plan.problems:
        raise UserError(
            ngettext(
                "{count} problème : rien n'a été importé.",
                "{count} problèmes : rien n'a été importé.",
                len(plan.problems),
            ).format(count=len(plan.problems)),
            problems=plan.problems,
        )
    import sqlite3

    try:
        with store.write() as db:
            if fingerprint(db) != plan.fingerprint:
                # The database changed since the preview: check again against what it holds now.
                plan = plan_import(db, plan.source, plan.body_name, plan.mapping)
                if plan.problems:
                    raise UserError(
                        ngettext(
                            "La base a changé depuis la vérification du fichier : {count} "
                            "problème, rien n'a été importé.",
                            "La base a changé depuis la vérification du fichier : {count} "
                            "problèmes, rien n'a été importé.",
                            len(plan.problems),
                        ).format(count=len(plan.problems)),
                        problems=plan.problems,
                    )
            return _write(db, plan, progress)
    except sqlite3.Error as exc:
        raise UserError(
            _("L'import a échoué ({reason}) : rien n'a été importé.").format(reason=exc)
        ) from exc


def _write(
    db: Database, plan: ImportPlan, progress: Callable[[int, int], None] | None
) -> ImportResult:
    from ess_desk import audit
    from ess_desk.store import seats
    from ess_desk.store.bulk import indexed_in_bulk, indexes_sorted_after, insert_rows

    total = len(plan.organisations) + len(plan.colleges) + len(plan.people) + len(plan.mandates)
    done = 0
    if progress:
        progress(0, total)

    def next_id(table: str) -> int:
        return int(database.scalar(db, f"SELECT COALESCE(MAX(id), 0) + 1 FROM [{table}]"))

    def insert(table: str, entity: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        nonlocal done
        for i in range(0, len(rows), _CHUNK):
            chunk = rows[i : i + _CHUNK]
            insert_rows(db.conn, table, columns, chunk)
            audit.record_many(db, entity, "create", audit.created_rows(columns, chunk))
            done += len(chunk)
            if progress:
                progress(done, total)

    # A few hundred rows per statement (insert_rows); the search index of the new people and
    # organisations, and the words index of their audit entries, are written at the end in one
    # statement per table, in the same transaction.
    keys: dict[str, list[tuple[Any, ...]]] = {}
    # Into a council with few members yet, the people's and mandates' indexes are made after
    # their rows rather than row by row.
    adding = {"people": len(plan.people), "mandates": len(plan.mandates)}
    # The colleges' seats kept for the dashboard (ess_desk.store.seats) are written again once,
    # after the mandates and their indexes, rather than for each new mandate.
    with (
        seats.mandates_added(db),
        indexed_in_bulk(db, "organisations", "people", "audit_log", keys=keys),
        indexes_sorted_after(db, adding),
    ):
        _insert_all(plan, insert, next_id)
        keys.update(_folded_keys(plan))
    audit.record(
        db,
        "import",
        None,
        "import",
        None,
        {
            "file": str(plan.source.path),
            "people": len(plan.people),
            "organisations": len(plan.organisations),
            "colleges": len(plan.colleges),
            "mandates": len(plan.mandates),
        },
    )
    return ImportResult(
        people=len(plan.people),
        organisations=len(plan.organisations),
        colleges=len(plan.colleges),
        mandates=len(plan.mandates),
        mandate_ids=tuple(m.id for m in plan.mandates if m.id is not None),
    )


def _folded_keys(plan: ImportPlan) -> dict[str, list[tuple[Any, ...]]]:
    """The folded keys of the new people and organisations (ess_desk.store.derived), from the
    values the plan holds rather than read back from the rows by SQL (the keys refresh_keys
    would compute): names repeat, each distinct one is folded once."""
    from ess_desk.store import derived

    folded = functools.lru_cache(maxsize=None)(fold)
    return {
        "people": [
            (p.id, derived.person_name_key(p.last_name, p.first_name, folded), fold(p.email))
            for p in plan.people
        ],
        "organisations": [(o.id, folded(o.name)) for o in plan.organisations],
    }


def _insert_all(
    plan: ImportPlan,
    insert: Callable[[str, str, tuple[str, ...], list[tuple]], None],
    next_id: Callable[[str], int],
) -> None:
    """The plan's rows, table after table, each given its id first."""
    first = next_id("organisations")
    for i, org in enumerate(plan.organisations):
        org.id = first + i
    insert(
        "organisations",
        "organisation",
        _ORG_COLUMNS,
        [(o.id, o.name, "autre", None, "", "", "", "", "", "", 0) for o in plan.organisations],
    )
    first = next_id("colleges")
    for i, college in enumerate(plan.colleges):
        college.id = first + i
    insert(
        "colleges",
        "college",
        _COLLEGE_COLUMNS,
        [(c.id, c.body_id, c.name, None, 1) for c in plan.colleges],
    )
    first = next_id("people")
    for i, person in enumerate(plan.people):
        person.id = first + i
    insert(
        "people",
        "person",
        _PERSON_COLUMNS,
        [
            (
                p.id,
                p.civility,
                p.first_name,
                p.last_name,
                p.email,
                p.phone,
                _ref_id(p.organisation),
                p.position,
                0,
                0,
                "",
                0,
                p.address,
                p.postcode,
                p.city,
            )
            for p in plan.people
        ],
    )
    first = next_id("mandates")
    for i, mandate in enumerate(plan.mandates):
        mandate.id = first + i

    def mandate_row(m: PlannedMandate) -> tuple:
        return (
            m.id,
            _ref_id(m.person),
            m.body_id,
            _ref_id(m.college),
            m.role,
            m.start.isoformat(),
            m.end.isoformat() if m.end else None,
            _ref_id(m.substitute_for),
            "",
        )

    # Members before the substitutes that point at them (foreign keys are checked row by row).
    insert(
        "mandates",
        "mandate",
        _MANDATE_COLUMNS,
        [mandate_row(m) for m in plan.mandates if m.substitute_for is None],
    )
    insert(
        "mandates",
        "mandate",
        _MANDATE_COLUMNS,
        [mandate_row(m) for m in plan.mandates if m.substitute_for is not None],
    )
