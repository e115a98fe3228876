"""The publication folder of a body for a period, ready to put online as it is: for each meeting
held, its list of decisions (CGCT L. 2121-25) and its signed minutes (L. 2121-15) — the signed file
itself when it names nobody without consent, else its public version saying which signed file it
comes from —, the signed erratum sheets, the register of the period, the SCDL « Délibérations »
open-data file and an accessible `index.html`. The same database gives the same bytes; only
consenting people are named and no contact detail appears. Publishing records the day each list
and minutes went into a folder (the dashboard's deadlines)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.council import get_letterhead
from ess_desk.dates import display
from ess_desk.documents import decisions_list_pdf, minutes_pdf
from ess_desk.errors import UserError
from ess_desk.fileio import check_output, ensure_folder, temp_prefix
from ess_desk.i18n import _
from ess_desk.meetings import meetings
from ess_desk.membership import bodies
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.publication import deadlines as dl
from ess_desk.publication import decisions_list, index_html, public, scdl
from ess_desk.signing import signed
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

CSV_NAME = "deliberations.csv"
REGISTER_NAME = "registre-des-deliberations.pdf"
INDEX_NAME = "index.html"
Progress = Callable[[int, int], None]


@dataclass
class Built:
    """What a folder holds: relative path → bytes, and the index's sections."""

    files: dict[str, bytes] = field(default_factory=dict)
    sections: list[index_html.Section] = field(default_factory=list)
    published: list[tuple[int, str, str]] = field(default_factory=list)  # meeting, what, sha256

    def add(self, path: str, data: bytes, title: str, kind: str = "PDF") -> index_html.Link:
        self.files[path] = data
        return index_html.Link(title, path, kind, len(data))


def meetings_of(db: Database, body_id: int, start: dt.date, end: dt.date) -> list[meetings.Meeting]:
    """The meetings of the body held in the period (those that took place), in order."""
    found = database.column(
        db,
        "SELECT id FROM meetings WHERE body_id = ? AND status IN ('held', 'closed') "
        "AND date(starts_at) BETWEEN ? AND ? ORDER BY starts_at, id",
        [body_id, start.isoformat(), end.isoformat()],
    )
    return [meetings.get(db, meeting_id) for meeting_id in found]


def _meeting_heading(meeting: meetings.Meeting) -> str:
    """The meeting's title, with its date when the title does not say it."""
    day = display(meeting.day)
    if day in meeting.title:
        return meeting.title
    return _("Séance du {day} — {title}").format(day=day, title=meeting.title)


def _folder_name(meeting: meetings.Meeting) -> str:
    return f"{meeting.day.isoformat()}-seance-{meeting.id}"


def _minutes_files(db: Database, meeting: meetings.Meeting, folder: str, built: Built) -> list:
    """The signed minutes (or their public version) and the signed erratum sheets."""
    minutes = mn.get_minutes(db, meeting.id)
    document = signed.signed_document(db, minutes.id) if minutes else None
    if minutes is None or document is None or not document.complete:
        return []
    links = []
    when = signed.signature_line(document)
    if public.publishable_as_is(db, meeting.id):
        data = signed.content(db, document.id)
        links.append(
            built.add(
                f"{folder}/proces-verbal-signe.pdf", data, _("Procès-verbal signé électroniquement")
            )
        )
    else:
        # The signatories' names come from their certificates: said only with consent too.
        consent = rec.Publication(db, mn.view(db, meeting.id).record)
        when = public.without_contacts(consent.text(when))
        stamps = {
            s.role: public.without_contacts(
                consent.text(
                    _("Signé électroniquement par {name} le {day} : voir l'original signé.").format(
                        name=s.signer, day=display(s.signed_at)
                    )
                )
            )
            for s in document.signatures
        }
        view = mn.view(db, meeting.id, public=True)
        view = _without_contacts(db, view)
        note = _(
            "Version publique du procès-verbal signé électroniquement ({signatures}) ; "
            "SHA-256 du fichier signé : {digest}. L'original signé est tenu à la disposition "
            "du public au secrétariat."
        ).format(signatures=when, digest=document.sha256)
        data = minutes_pdf.public_bytes(view, note, stamps)
        links.append(
            built.add(
                f"{folder}/proces-verbal-version-publique.pdf",
                data,
                _("Procès-verbal (version publique du procès-verbal signé)"),
            )
        )
    built.published.append((meeting.id, dl.MINUTES, document.sha256))
    for erratum in mn.errata(db, minutes.id):
        sheet = signed.signed_document(db, minutes.id, erratum.id)
        if sheet is None or not sheet.complete:
            continue
        if public.has_contacts(erratum.text) or _names_hidden(db, meeting.id, erratum.text):
            continue  # the sheet names someone without consent: it stays at the secretariat
        links.append(
            built.add(
                f"{folder}/erratum-{erratum.recorded_on}-{erratum.id}-signe.pdf",
                signed.content(db, sheet.id),
                _("Erratum du {day}, signé").format(day=display(erratum.recorded_on)),
            )
        )
    return links


def _names_hidden(db: Database, meeting_id: int, text: str) -> bool:
    return rec.Publication(db, mn.view(db, meeting_id).record).text(text) != text


def _without_contacts(db: Database, view: mn.MinutesView) -> mn.MinutesView:
    import dataclasses

    return dataclasses.replace(
        view,
        record=public.public_record(db, view.record),
        errata=tuple(
            dataclasses.replace(
                e, reason=public.without_contacts(e.reason), text=public.without_contacts(e.text)
            )
            for e in view.errata
        ),
    )


def build(
    db: Database,
    body_id: int,
    start: dt.date,
    end: dt.date,
    progress: Progress | None = None,
) -> Built:
    """Everything the folder holds, in memory (a body's year is a few megabytes)."""
    letterhead = get_letterhead(db)
    if not letterhead.council_siret:
        raise UserError(
            _(
                "Indiquez le SIRET de la collectivité dans l'en-tête (Fichier › En-tête) : le "
                "fichier de données ouvertes SCDL l'exige (COLL_SIRET)."
            ),
            field="council_siret",
        )
    if end < start:
        raise UserError(_("La fin de la période précède son début."), field="to")
    body = bodies.get_body(db, body_id)
    period = _("du {start} au {end}").format(start=display(start), end=display(end))
    built = Built()
    lists = []
    published = []
    found = meetings_of(db, body_id, start, end)
    for n, meeting in enumerate(found, start=1):
        folder = _folder_name(meeting)
        data = decisions_list.build(db, meeting.id)
        lists.append(data)
        list_path = f"{folder}/liste-des-deliberations.pdf"
        pdf = decisions_list_pdf.list_bytes(data)
        links = [built.add(list_path, pdf, decisions_list_pdf.title())]
        built.published.append((meeting.id, dl.DECISIONS_LIST, hashlib.sha256(pdf).hexdigest()))
        url = letterhead.publication_base_url + list_path if letterhead.publication_base_url else ""
        published.append(scdl.Published(data, url))
        minutes_links = _minutes_files(db, meeting, folder, built)
        note = (
            ""
            if minutes_links
            else _(
                "Le procès-verbal sera publié ici une fois approuvé à la séance suivante et signé."
            )
        )
        built.sections.append(
            index_html.Section(_meeting_heading(meeting), note, tuple(links + minutes_links))
        )
        if progress:
            progress(n, len(found))
    register = decisions_list_pdf.register_bytes(lists, letterhead.name, body.name, period)
    csv = scdl.csv_bytes(scdl.rows(letterhead.name, letterhead.council_siret, published))
    common = index_html.Section(
        _("Registre et données ouvertes"),
        _(
            "Le fichier CSV suit le schéma national SCDL « Délibérations » (version {version}) : "
            "UTF-8, virgule, dates ISO."
        ).format(version=scdl.SCHEMA_VERSION),
        (
            built.add(
                REGISTER_NAME, register, _("Registre des délibérations et avis de la période")
            ),
            built.add(CSV_NAME, csv, _("Délibérations et avis en données ouvertes (SCDL)"), "CSV"),
        ),
    )
    title = (
        _("{body} : publications {period}").format(body=body.name, period=period)
        if body.name == letterhead.name
        else _("{council} — {body} : publications {period}").format(
            council=letterhead.name, body=body.name, period=period
        )
    )
    intro = [
        _(
            "Listes des délibérations et avis de chaque séance (CGCT, art. L. 2121-25) et "
            "procès-verbaux signés (art. L. 2121-15). Les personnes qui n'ont pas consenti à la "
            "publication de leur nom sont désignées par leur qualité."
        )
    ]
    if not found:
        intro.append(_("Aucune séance tenue sur la période."))
    sections = [*built.sections, common]
    built.files[INDEX_NAME] = index_html.page(title, intro, sections).encode("utf-8")
    return built


def _replaceable(folder: Path) -> bool:
    """An empty folder, or one this command made before (its index and open-data file)."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        raise UserError(
            _("{path} est un fichier : indiquez un dossier.").format(path=folder), field="output"
        )
    names = {p.name for p in folder.iterdir()}
    return not names or {INDEX_NAME, CSV_NAME} <= names


def write(built: Built, folder: Path | str) -> Path:
    """Write the folder whole: assembled beside it, then put in its place (a previous
    publication in the same folder is replaced; any other non-empty folder is refused)."""
    folder = check_output(folder)
    if not _replaceable(folder):
        raise UserError(
            _(
                "Le dossier {path} n'est pas vide : choisissez un dossier vide ou celui d'une "
                "publication précédente, qui sera remplacée."
            ).format(path=folder),
            field="output",
        )
    ensure_folder(folder.parent)
    tmp = Path(tempfile.mkdtemp(prefix=temp_prefix("publication"), dir=folder.parent))
    try:
        for relative, data in sorted(built.files.items()):
            target = tmp / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for path in [tmp, *tmp.rglob("*")]:  # put online: readable by all
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        old = None
        if folder.exists():
            old = folder.with_name(temp_prefix("ancienne-publication") + folder.name)
            os.replace(folder, old)
        os.replace(tmp, folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        from ess_desk.failures import from_os_error

        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise from_os_error(exc, folder) from exc
    return folder


def publish(
    store: Store,
    body_id: int,
    start: dt.date,
    end: dt.date,
    folder: Path | str,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Built:
    """Make the folder, then record the day each list and minutes was published (the first
    publication's day is kept)."""
    built = build(store.db, body_id, start, end, progress)
    write(built, folder)
    dl.record_published(store, built.published, today or dt.date.today())
    return built
