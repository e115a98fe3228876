"""Reminders to action owners: for each, a PDF of their open actions and an .eml draft listing
them with their due dates, to send once online; owners without e-mail are listed."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.actions import queries
from ess_desk.actions.queries import ActionFilter, OwnerGroup
from ess_desk.council import Letterhead, get_letterhead
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.exchange import worker_processes
from ess_desk.fileio import atomic_path, ensure_folder
from ess_desk.i18n import _, ngettext
from ess_desk.mail import message as msg
from ess_desk.mail import outbox
from ess_desk.store import database
from ess_desk.text import slug
from ess_desk.typography import number

if TYPE_CHECKING:
    from collections.abc import Iterator
    from concurrent.futures import Future, ProcessPoolExecutor

    from sqlite_utils import Database

    from ess_desk.actions.queries import ActionRow
    from ess_desk.store import Store


@dataclass
class ReminderFiles:
    pdfs: list[Path] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)
    without_email: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # asked not to be contacted by e-mail

    def summary(self) -> str:
        pdfs, drafts = len(self.pdfs), len(self.drafts)
        text = _("Écrits : {pdfs} et {drafts}.").format(
            pdfs=ngettext("{n} liste de relance", "{n} listes de relance", pdfs).format(n=pdfs),
            drafts=ngettext(
                "{n} brouillon de courriel", "{n} brouillons de courriel", drafts
            ).format(n=drafts),
        )
        if self.without_email:
            text += "\n" + _("Sans adresse électronique ({count}) : {names}").format(
                count=len(self.without_email), names=", ".join(self.without_email)
            )
        if self.refused:
            text += "\n" + _(
                "Refus d'être contacté par courriel, à relancer par courrier ({count}) : {names}"
            ).format(count=len(self.refused), names=", ".join(self.refused))
        return text


def _line(row: ActionRow) -> str:
    due = display(row.due_date) if row.due_date else _("sans échéance")
    line = _("- n°{id} {title} — échéance : {due} — {status}, {progress} %").format(
        id=row.id, title=row.title, due=due, status=row.status_label.lower(), progress=row.progress
    )
    if row.overdue:
        line += " " + ngettext(
            "(en retard de {days} jour)", "(en retard de {days} jours)", row.days_late
        ).format(days=number(row.days_late))
    return line


def message_text(group: OwnerGroup, signatory: str, council: str, today: dt.date) -> str:
    lines = "\n".join(_line(r) for r in group.rows)
    return _(
        "Bonjour,\n\nVoici les actions dont vous êtes porteur ou porteuse et qui restent "
        "ouvertes au {day} :\n\n{lines}\n\nMerci de nous indiquer où elles en sont avant la "
        "prochaine séance, en répondant à ce message.\n\nBien cordialement,\n\n{sign}"
    ).format(day=display(today), lines=lines, sign="\n".join(x for x in (signatory, council) if x))


# Owners written with a worker process: from this many (below, starting it costs more than it
# saves: about half a second), in chunks of this many written by whichever process is free
# (smaller ones at the end: `_chunks`).
IN_PROCESSES_FROM = 200
CHUNK = 24


@dataclass(frozen=True)
class _Plan:
    """What every owner's files are made from (sent to the worker processes as it is)."""

    out_dir: Path
    letterhead: Letterhead
    subject: str
    today: dt.date


# One owner's work: the group, and whether they refused to be contacted by e-mail.
_Owner = tuple[OwnerGroup, bool]
# What was written for an owner: their PDF, and their draft (None without one).
_Written = tuple[Path, Path | None]
# What was written for a chunk of owners, and the failure that stopped it (None: none did).
_Done = tuple[list[_Written], tuple[BaseException, str] | None]


def write_all(
    db: Database,
    out_dir: Path | str,
    filt: ActionFilter | None = None,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    workers: int | None = None,
) -> ReminderFiles:
    """For each owner of an open action: a PDF reminder list, and an .eml draft when they have
    an e-mail address (the PDF attached). `workers`: the processes that write them, this one
    included (None: two for many owners on a computer of two cores or more, else this process
    alone); the files are the same either way, and so is what a failure leaves (see
    `_written_in_processes`)."""
    out_dir = Path(out_dir)
    today = today or dt.date.today()
    if workers is None:
        many = (
            worker_processes.cores() >= 2
            and queries.open_owner_count(db, filt, today) >= IN_PROCESSES_FROM
        )
        workers = worker_processes.WRITERS if many else 1
    with _pool(workers) as pool:
        groups = queries.open_by_owner(db, filt, today)
        if not groups:
            raise UserError(_("Aucune action ouverte : personne à relancer."))
        ensure_folder(out_dir)
        subject = _("Relance : vos actions en cours au {day}").format(day=display(today))
        plan = _Plan(out_dir, get_letterhead(db), subject, today)
        refused = refused_contact(db, groups)
        owners = [(group, group.key in refused) for group in groups]
        if pool is not None:
            written = _written_in_processes(pool, plan, owners, progress)
        else:
            written = _written_here(plan, owners, progress)
    result = ReminderFiles()
    for (group, refuses), (pdf, draft) in zip(owners, written, strict=True):
        result.pdfs.append(pdf)
        if refuses:
            result.refused.append(group.owner)
        elif draft is not None:
            result.drafts.append(draft)
        else:
            result.without_email.append(group.owner)
    return result


@contextlib.contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """The worker processes beside this one (None: this one alone), started at once: each does
    its imports (`_get_ready`) while this process reads the owners' rows."""
    if workers <= 1:
        yield None
        return
    with worker_processes.pool(workers - 1) as pool:
        for _n in range(workers - 1):
            pool.submit(_get_ready)
        try:
            yield pool
        except BaseException:
            # (interrupted, or a worker gone: the chunks not begun are not written)
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _get_ready() -> None:
    """What a worker process needs before its first owner: the documents' modules and fonts."""
    import importlib

    from ess_desk.documents import style

    importlib.import_module("ess_desk.documents.actions_pdf")
    style.register_fonts()


def _written_here(
    plan: _Plan, owners: list[_Owner], progress: Callable[[int, int], None] | None
) -> list[_Written]:
    written = []
    for n, (group, refuses) in enumerate(owners, start=1):
        written.append(_write_owner(plan, group, refuses))
        if progress:
            progress(n, len(owners))
    return written


def _written_in_processes(
    pool: ProcessPoolExecutor,
    plan: _Plan,
    owners: list[_Owner],
    progress: Callable[[int, int], None] | None,
) -> list[_Written]:
    """The owners cut in chunks, written by this process and the worker processes of `pool`:
    every chunk is handed to the workers, and this process writes in turn each one that no
    worker has begun (it has the rows and its imports already: one worker fewer to start, and
    no core left waiting). Read back in the owners' order. At the first failure (in that
    order), the chunks not begun are dropped, the files that the owners after it had been
    given meanwhile are removed, and that failure is raised: the same message, and the same
    files in the folder, as when one process writes them in turn."""
    chunks = _chunks(owners)
    done: list[_Done | None] = [None] * len(chunks)
    reported = 0
    futures = [pool.submit(_write_chunk, plan, chunk) for chunk in chunks]
    for n, future in enumerate(futures):
        if future.cancel():  # no worker has begun it
            done[n] = _write_chunk(plan, chunks[n])
        _collect(futures, done)
        reported = _report(done, reported, len(owners), progress)
        if any(result is not None and result[1] is not None for result in done):
            break
    for future in futures:
        future.cancel()  # (after a failure: those not begun are dropped)
    for n, future in enumerate(futures):
        if done[n] is None and not future.cancelled():
            done[n] = future.result()
            reported = _report(done, reported, len(owners), progress)
    return _in_order(done)


def _chunks(owners: list[_Owner]) -> list[list[_Owner]]:
    """The owners in chunks of `CHUNK`, then, for the last ones, of an eighth of the owners left
    (two at least): when this process takes its last chunk, the worker may have two of its own
    left (the one it writes and the one queued for it), and the two processes finish close
    together instead of one waiting up to two whole chunks (0.15-0.3 s) for the other."""
    chunks = []
    n = 0
    while n < len(owners):
        size = min(CHUNK, max(2, -(-(len(owners) - n) // 8)))
        chunks.append(owners[n : n + size])
        n += size
    return chunks


def _collect(futures: list[Future], done: list[_Done | None]) -> None:
    """What the workers have given back so far, into `done`."""
    for n, future in enumerate(futures):
        if done[n] is None and future.done() and not future.cancelled():
            done[n] = future.result()


def _report(
    done: list[_Done | None],
    reported: int,
    total: int,
    progress: Callable[[int, int], None] | None,
) -> int:
    """`progress` for the owners whose files are written, from the first on without a gap; how
    many that is."""
    count = 0
    for result in done:
        if result is None or result[1] is not None:
            break
        count += len(result[0])
    if progress and count > reported:
        progress(count, total)
    return max(count, reported)


def _in_order(done: list[_Done | None]) -> list[_Written]:
    """The files of every chunk in the owners' order; at the first failure, those of the chunks
    after it removed and the failure raised."""
    written: list[_Written] = []
    for n, result in enumerate(done):
        assert result is not None  # (every chunk before the first failure is written)
        files, failure = result
        written += files
        if failure is not None:
            _remove(done[n + 1 :])
            raise worker_processes.received(*failure)
    return written


def _write_chunk(plan: _Plan, owners: list[_Owner]) -> _Done:
    """A chunk of owners' files in turn (in a worker process or in this one), until one fails:
    what was written before it, and its exception as a worker gives it back."""
    written: list[_Written] = []
    for group, refuses in owners:
        try:
            written.append(_write_owner(plan, group, refuses))
        except Exception as exc:
            return written, worker_processes.sendable(exc)
    return written, None


def _remove(later: list[_Done | None]) -> None:
    """The files of the chunks after a failure, written meanwhile (one process writing in turn
    would not have come to them)."""
    for result in later:
        for pdf, draft in result[0] if result is not None else ():
            for path in (pdf, draft):
                if path is not None:
                    with contextlib.suppress(OSError):
                        path.unlink()


def _write_owner(plan: _Plan, group: OwnerGroup, refuses: bool) -> _Written:
    """One owner's PDF, and their draft when they have an address and did not refuse e-mail."""
    from ess_desk.documents import actions_pdf  # (imported when a first owner's is written)

    kind, key = group.key
    stem = f"relance-{plan.today.isoformat()}-{slug(group.owner)}-{kind[0]}{key}"
    pdf_path = actions_pdf.reminder_lists(
        plan.out_dir / f"{stem}.pdf", [group], plan.letterhead, plan.today
    )
    if refuses or not group.email:
        return pdf_path, None
    letterhead = plan.letterhead
    envelope = msg.Envelope(
        to_name=group.owner,
        to_addr=group.email,
        subject=plan.subject,
        from_name=letterhead.name,
        from_addr=letterhead.council_email,
    )
    data = msg.compose(
        envelope,
        message_text(group, letterhead.signatory, letterhead.name, plan.today),
        [msg.Attachment.of(pdf_path.name, pdf_path.read_bytes(), "application/pdf")],
        draft=True,
    )
    return pdf_path, _write(plan.out_dir / f"{stem}.eml", data)


def _write(path: Path, data: bytes) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return path


def refused_contact(db: Database, groups: list[OwnerGroup]) -> set[tuple[str, int]]:
    """Owners who are people that refused to be contacted (an organisation has no such choice)."""
    ids = [key for kind, key in (g.key for g in groups) if kind == "person"]
    if not ids:
        return set()
    found = database.column(
        db,
        f"SELECT id FROM people WHERE consent_contact = 0 AND id IN ({','.join('?' * len(ids))})",
        ids,
    )
    return {("person", person_id) for person_id in found}


def reminder_pdf(db: Database, group: OwnerGroup, today: dt.date) -> bytes:
    import tempfile

    from ess_desk.documents import actions_pdf

    with tempfile.TemporaryDirectory(prefix="ess-desk-relance-") as folder:
        path = actions_pdf.build_reminders(db, Path(folder) / "relance.pdf", [group], today=today)
        return path.read_bytes()


@dataclass
class QueuedReminders:
    queued: outbox.Queued
    without_email: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def queue_all(
    store: Store,
    filt: ActionFilter | None = None,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> QueuedReminders:
    """Each owner's reminder in the outbox: one per owner and per day (queuing again the same
    day adds nothing); owners without address or who refused contact are listed for a letter."""
    from ess_desk.mail import settings as mail_settings

    db = store.db
    today = today or dt.date.today()
    groups = queries.open_by_owner(db, filt, today)
    if not groups:
        raise UserError(_("Aucune action ouverte : personne à relancer."))
    letterhead = get_letterhead(db)
    refused = refused_contact(db, groups)
    subject = _("Relance : vos actions en cours au {day}").format(day=display(today))
    items, result = [], QueuedReminders(outbox.Queued())
    known = set(
        database.column(
            db,
            "SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE ?",
            [f"reminder:{today.isoformat()}:%"],
        )
    )
    for n, group in enumerate(groups, start=1):
        kind, key = group.key
        if group.key in refused:
            result.refused.append(group.owner)
        elif not group.email:
            result.without_email.append(group.owner)
        elif (idem := f"reminder:{today.isoformat()}:{kind}:{key}") not in known:
            name = f"relance-{today.isoformat()}-{slug(group.owner)}.pdf"
            items.append(
                outbox.Outgoing(
                    key=idem,
                    purpose="reminder",
                    to_name=group.owner,
                    to_addr=group.email,
                    subject=subject,
                    body=message_text(group, letterhead.signatory, letterhead.name, today),
                    attachments=(
                        msg.Attachment.of(name, reminder_pdf(db, group, today), "application/pdf"),
                    ),
                    person_id=key if kind == "person" else None,
                )
            )
        if progress:
            progress(n, len(groups))
    result.queued = outbox.queue(store, items, sender=mail_settings.get(db).sender)
    return result
