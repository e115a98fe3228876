"""The convocations of a meeting, complete: for each person convened, the letter (worded for the
capacity they sit in), the agenda, the annexes marked for the members and the calendar
invitation; by e-mail through the outbox, or in one PDF to print for the letters to post (each
letter followed by the agenda and the annexes, the address where a window envelope shows it).

When the e-mail would pass the size the secretariat set, the plan says so before anything is
done, and offers two ways: the annexes merged into one PDF (MERGE), or the largest left out with
a line in the letter saying where to find them (LINK)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.dates import display, long_datetime
from ess_desk.documents import convocation as letters
from ess_desk.errors import UserError
from ess_desk.exchange import ics
from ess_desk.fileio import atomic_path, ensure_folder
from ess_desk.i18n import _
from ess_desk.mail import message as msg
from ess_desk.mail import outbox, proof
from ess_desk.mail.headers import file_name
from ess_desk.mail.settings import MailSettings
from ess_desk.meetings import annexes, convening
from ess_desk.store import database
from ess_desk.text import slug

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

ATTACH, MERGE, LINK = "attach", "merge", "link"
ANNEX_MODES = (ATTACH, MERGE, LINK)
# A letter with its proxy form weighs some 40 kB; the invitation a few kB.
LETTER_ESTIMATE = 64 * 1024

Progress = Callable[[int, int], None]


def user_documents() -> Path:
    """The user's Documents folder (or their home when there is none)."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def meeting_folder(conv: convening.Convening, root: Path | None = None) -> Path:
    """The folder of a meeting's files: « 2026-12-10 Bureau — Séance du 10/12/2026 »."""
    name = f"{conv.meeting.day.isoformat()} {conv.body.name} — {conv.meeting.title}"
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", " ".join(name.split())).strip(" .")[:120]
    return (root or user_documents()) / name


@dataclass
class Plan:
    """What the convocations will be, shown before anything is written or sent."""

    conv: convening.Convening
    mode: str
    location: str
    size_limit: int
    agenda: msg.Attachment
    annex_attachments: list[msg.Attachment] = field(default_factory=list)
    left_out: list[annexes.Annex] = field(default_factory=list)
    annex_total: int = 0

    @property
    def message_size(self) -> int:
        """What one e-mail weighs, encoded (its letter estimated)."""
        sizes = [self.agenda, *self.annex_attachments]
        return msg.encoded_size(sizes) + LETTER_ESTIMATE * 4 // 3

    @property
    def full_size(self) -> int:
        """What one e-mail would weigh with every annex attached."""
        return msg.encoded_size([self.agenda]) + self.annex_total * 4 // 3 + LETTER_ESTIMATE

    @property
    def over_limit(self) -> bool:
        return self.message_size > self.size_limit

    @property
    def email(self) -> list[convening.Addressee]:
        return self.conv.by_channel(convening.EMAIL)

    @property
    def post(self) -> list[convening.Addressee]:
        return self.conv.by_channel(convening.POST)

    @property
    def cancelled(self) -> bool:
        return self.conv.meeting.status == "cancelled"

    @property
    def purpose(self) -> str:
        return "cancellation" if self.cancelled else "convocation"

    def only_post(self) -> Plan:
        """The same plan for the letters to post only (their PDF, no e-mail drafts)."""
        import dataclasses

        conv = dataclasses.replace(self.conv, addressees=tuple(self.post))
        return dataclasses.replace(self, conv=conv)

    def key(self, who: convening.Addressee) -> str:
        m = self.conv.meeting
        if self.cancelled:
            return proof.cancellation_key(m.id, who.person_id)
        return proof.convocation_key(m.id, who.person_id, m.ics_sequence)


def _annex_attachment(db: Database, annex: annexes.Annex) -> msg.Attachment:
    return msg.Attachment(
        name=file_name(annex.name),
        mime="application/pdf",
        sha256=annex.sha256,
        size=annex.size,
        load=lambda: annexes.content(db, annex.id),
    )


def _merged(db: Database, conv: convening.Convening) -> msg.Attachment:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for annex in conv.annexes:
        writer.append(io.BytesIO(annexes.content(db, annex.id)), outline_item=annex.name)
    buffer = io.BytesIO()
    writer.write(buffer)
    name = _("documents-seance-{day}.pdf").format(day=conv.meeting.day.isoformat())
    return msg.Attachment.of(name, buffer.getvalue(), "application/pdf")


def prepare(
    db: Database,
    meeting_id: int,
    *,
    mode: str = ATTACH,
    location: str = "",
    size_limit: int | None = None,
    today: dt.date | None = None,
) -> Plan:
    """The plan of a meeting's convocations (or of its cancellation notices)."""
    from ess_desk.mail import settings as mail_settings

    if mode not in ANNEX_MODES:
        raise UserError(_("Mode d'envoi des annexes inconnu : « {mode} ».").format(mode=mode))
    conv = convening.load(db, meeting_id, today)
    config = mail_settings.get(db)
    limit = size_limit if size_limit is not None else config.size_limit
    location = location or config.annex_location or _default_location(conv)
    agenda = msg.Attachment.of(
        _("ordre-du-jour-{day}.pdf").format(day=conv.meeting.day.isoformat()),
        letters.agenda_pdf(conv),
        "application/pdf",
    )
    plan = Plan(conv, mode, location, limit, agenda, annex_total=sum(a.size for a in conv.annexes))
    if plan.cancelled or not conv.annexes:
        return plan
    if mode == MERGE:
        plan.annex_attachments = [_merged(db, conv)]
    else:
        plan.annex_attachments = [_annex_attachment(db, a) for a in conv.annexes]
    if mode == LINK:
        for annex in sorted(conv.annexes, key=lambda a: -a.size):
            if not plan.over_limit:
                break
            plan.left_out.append(annex)
            plan.annex_attachments = [a for a in plan.annex_attachments if a.sha256 != annex.sha256]
    return plan


def _default_location(conv: convening.Convening) -> str:
    email = conv.letterhead.council_email
    if email:
        return _("sur simple demande au secrétariat ({email})").format(email=email)
    return _("sur simple demande au secrétariat")


def message_text(plan: Plan, who: convening.Addressee) -> str:
    """The e-mail's own words: short, the letter attached says the rest."""
    conv = plan.conv
    values = {
        "polite": letters.salutation(who.civility),
        "title": conv.meeting.title,
        "body": conv.body.name,
        "when": long_datetime(conv.meeting.start),
        "sign": conv.letterhead.signatory,
        "org": conv.letterhead.name,
    }
    if plan.cancelled:
        text = _(
            "{polite},\n\nLa séance « {title} » de l'instance « {body} », prévue le {when}, est "
            "annulée. Vous trouverez ci-joint le courrier d'annulation et la mise à jour de "
            "votre agenda.\n\nBien cordialement,\n\n{sign}\n{org}"
        )
    elif who.capacity == convening.GUEST:
        text = _(
            "{polite},\n\nVous trouverez ci-joint votre invitation à la séance « {title} » de "
            "l'instance « {body} », le {when}, avec l'ordre du jour, les documents de la séance "
            "et une invitation à ajouter à votre agenda.\n\nBien cordialement,\n\n{sign}\n{org}"
        )
    else:
        text = _(
            "{polite},\n\nVous trouverez ci-joint votre convocation à la séance « {title} » de "
            "l'instance « {body} », le {when}, avec l'ordre du jour, les documents de la séance "
            "et une invitation à ajouter à votre agenda.\n\nBien cordialement,\n\n{sign}\n{org}"
        )
    text = text.format(**values)
    if plan.left_out:
        text += "\n\n" + _(
            "Documents non joints (trop volumineux), disponibles {location} : {names}."
        ).format(location=plan.location, names=", ".join(a.name for a in plan.left_out))
    return text


def subject(plan: Plan, who: convening.Addressee) -> str:
    conv = plan.conv
    values = {"body": conv.body.name, "day": display(conv.meeting.day)}
    if plan.cancelled:
        return _("Annulation — {body}, séance du {day}").format(**values)
    if who.capacity == convening.GUEST:
        return _("Invitation — {body}, séance du {day}").format(**values)
    return _("Convocation — {body}, séance du {day}").format(**values)


def _letter_name(plan: Plan, who: convening.Addressee) -> str:
    what = _("annulation") if plan.cancelled else _("convocation")
    return f"{what}-{plan.conv.meeting.day.isoformat()}-{slug(who.name)}.pdf"


def attachments(plan: Plan, db: Database, who: convening.Addressee) -> list[msg.Attachment]:
    """What one person's e-mail carries: letter, agenda, annexes (by the plan), invitation."""
    conv = plan.conv
    letter = letters.letter_pdf(conv, who, left_out=plan.left_out, location=plan.location)
    invite = ics.invitation(
        db,
        conv.meeting.id,
        ics.Participant(who.name, who.email, required=who.capacity != convening.GUEST),
        ics.Participant(conv.letterhead.name, conv.letterhead.council_email),
    )
    files = [msg.Attachment.of(_letter_name(plan, who), letter, "application/pdf")]
    if not plan.cancelled:
        files += [plan.agenda, *plan.annex_attachments]
    files.append(
        msg.Attachment.of(
            "invitation.ics", invite, "text/calendar", method=ics.method_of(invite), charset="utf-8"
        )
    )
    return files


def outgoing(plan: Plan, db: Database, who: convening.Addressee) -> outbox.Outgoing:
    return outbox.Outgoing(
        key=plan.key(who),
        purpose=plan.purpose,
        to_name=who.name,
        to_addr=who.email,
        subject=subject(plan, who),
        body=message_text(plan, who),
        attachments=tuple(attachments(plan, db, who)),
        annex_digests=frozenset(a.sha256 for a in plan.conv.annexes if plan.mode != MERGE),
        meeting_id=plan.conv.meeting.id,
        person_id=who.person_id,
    )


def _recipients(plan: Plan, db: Database, channel: str) -> list[convening.Addressee]:
    """Those to write to by `channel`; a cancellation goes only to those convened before."""
    people = plan.conv.by_channel(channel)
    if not plan.cancelled:
        return people
    convened = set(
        database.column(
            db,
            "SELECT person_id FROM outbox WHERE purpose = 'convocation' AND meeting_id = ? "
            "UNION SELECT person_id FROM posted_letters WHERE purpose = 'convocation' "
            "AND meeting_id = ?",
            [plan.conv.meeting.id, plan.conv.meeting.id],
        )
    )
    return [p for p in people if p.person_id in convened]


def queue(store: Store, plan: Plan, progress: Progress | None = None) -> outbox.Queued:
    """Put each e-mail in the outbox (one already there for this meeting and person is kept,
    not queued twice) and record the letters to post."""
    from ess_desk.mail import settings as mail_settings

    db = store.db
    people = _recipients(plan, db, convening.EMAIL)
    known = {
        r["idempotency_key"]: r["id"]
        for r in database.each_row(
            db,
            "SELECT idempotency_key, id FROM outbox WHERE meeting_id = ?",
            [plan.conv.meeting.id],
        )
    }
    items, already = [], []
    for n, who in enumerate(people, start=1):
        key = plan.key(who)
        if key in known:  # built and queued before: never twice
            already.append(known[key])
        else:
            items.append(outgoing(plan, db, who))
        if progress:
            progress(n, len(people))
    result = outbox.queue(store, items, sender=mail_settings.get(db).sender)
    result.already = already + result.already
    record_postal(store, plan)
    return result


def record_postal(store: Store, plan: Plan) -> None:
    """The letters to post, recorded with the address they carry and the documents with them
    (their posting day is recorded once they are posted)."""
    people = _recipients(plan, store.db, convening.POST)
    docs = [plan.agenda.describe()] + [
        {"name": a.name, "mime": "application/pdf", "size": a.size, "sha256": a.sha256}
        for a in plan.conv.annexes
    ]
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    with store.write() as db:
        for who in people:
            db.execute(
                "INSERT INTO posted_letters (purpose, meeting_id, person_id, name, address, "
                "sequence, documents, prepared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (purpose, meeting_id, person_id, sequence) DO UPDATE SET "
                "name = excluded.name, address = excluded.address, documents = excluded.documents",
                [
                    plan.purpose,
                    plan.conv.meeting.id,
                    who.person_id,
                    who.name,
                    "\n".join(who.postal),
                    plan.conv.meeting.ics_sequence,
                    json.dumps(docs if not plan.cancelled else [], ensure_ascii=False),
                    now,
                ],
            )


# -- files on disk -------------------------------------------------------------------------------


@dataclass
class ConvocationFiles:
    folder: Path
    letters: list[Path] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)
    by_post: Path | None = None
    to_post: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    without_address: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            _("Dossier : {folder}").format(folder=self.folder),
            _("Lettres PDF : {letters} ; brouillons de courriel (.eml) : {drafts}.").format(
                letters=len(self.letters), drafts=len(self.drafts)
            ),
        ]
        if self.by_post is not None:
            lines.append(
                _("Lettres à poster ({count}) : {path}").format(
                    count=len(self.to_post), path=self.by_post.name
                )
            )
        if self.refused:
            lines.append(
                _("Par courrier (refus d'être contacté par courriel) : {names}").format(
                    names=", ".join(self.refused)
                )
            )
        if self.without_address:
            lines.append(
                _("Lettres sans adresse postale, à compléter avant l'envoi : {names}").format(
                    names=", ".join(self.without_address)
                )
            )
        return "\n".join(lines)


def postal_batch(plan: Plan, db: Database, people: list[convening.Addressee]) -> bytes:
    """One PDF to print: each letter, then the agenda and the annexes."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    annex_bytes = [] if plan.cancelled else [annexes.content(db, a.id) for a in plan.conv.annexes]
    for who in people:
        writer.append(io.BytesIO(letters.letter_pdf(plan.conv, who)), outline_item=who.name)
        if plan.cancelled:
            continue
        writer.append(io.BytesIO(plan.agenda.load()))
        for content in annex_bytes:
            writer.append(io.BytesIO(content))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_files(
    db: Database,
    plan: Plan,
    folder: Path | str,
    settings: MailSettings | None = None,
    progress: Progress | None = None,
) -> ConvocationFiles:
    """Each letter as a PDF and each e-mail as an .eml draft, and the letters to post in one
    PDF. Each file is written whole or not at all."""
    from ess_desk.mail import settings as mail_settings

    folder = ensure_folder(Path(folder))
    settings = settings or mail_settings.get(db)
    result = ConvocationFiles(folder=folder)
    emails, posts = plan.email, plan.post
    total = len(emails) + len(posts) + 1
    cache = msg.PartCache()
    for n, who in enumerate(emails, start=1):
        item = outgoing(plan, db, who)
        letter = item.attachments[0]
        result.letters.append(_write(folder / letter.name, letter.load()))
        envelope = msg.Envelope(
            to_name=who.name,
            to_addr=who.email,
            subject=item.subject,
            from_name=settings.sender_name,
            from_addr=settings.sender or plan.conv.letterhead.council_email,
            reply_to=settings.reply_to,
        )
        data = msg.compose(envelope, item.body, item.attachments, draft=True, cache=cache)
        result.drafts.append(_write(folder / letter.name.replace(".pdf", ".eml"), data))
        if progress:
            progress(n, total)
    for who in posts:
        result.to_post.append(who.name)
        if who.why_post == convening.REFUSED:
            result.refused.append(who.name)
        if not who.postal:
            result.without_address.append(who.name)
    if posts:
        what = _("annulations") if plan.cancelled else _("convocations")
        name = f"{what}-{plan.conv.meeting.day.isoformat()}-courrier.pdf"
        result.by_post = _write(folder / name, postal_batch(plan, db, posts))
    if not plan.cancelled:
        _write(folder / plan.agenda.name, plan.agenda.load())
    if progress:
        progress(total, total)
    return result


def _write(path: Path, data: bytes) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return path


def write_all(
    db: Database,
    meeting_id: int,
    out_dir: Path | str,
    today: dt.date | None = None,
    progress: Progress | None = None,
    mode: str = ATTACH,
) -> ConvocationFiles:
    """Every file of a meeting's convocations, in `out_dir` (no sending)."""
    plan = prepare(db, meeting_id, mode=mode, today=today)
    return write_files(db, plan, out_dir, progress=progress)


def messages(plan: Plan, db: Database) -> Iterator[outbox.Outgoing]:
    for who in _recipients(plan, db, convening.EMAIL):
        yield outgoing(plan, db, who)
