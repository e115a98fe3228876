"""Meeting pack benchmark: the pack of a big meeting in a copy of the large demo (60 members,
15 agenda items, 200 open actions, about 10 pages of minutes to approve, two annexes of 20 pages)
against a plain reportlab + pypdf script (`bench.plain_pack`, in a process of its own that never
loads ess_desk) that lays out as many pages of text in the same embedded font and merges the same
annexes, in the same run.

Ours and the baseline alternate after one untimed warm-up of each, so that machine noise hits
both alike; each figure is the median.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import PYTHON, ROOT, Figure, alternate, env, large_demo_db, settled_copy

# The clock for marking meetings held (they may lie ahead of today's date).
LATER = dt.datetime(2099, 1, 1)

RUNS = 15  # alternated with the baseline: a steady median on a busy machine
MEMBERS = 48  # titulaires; with their 12 substitutes, 60 people sit on the body
SUBSTITUTES = 12
ITEMS = 15
ACTIONS = 200
ANNEX_PAGES = 20
TODAY = dt.date(2026, 11, 28)

SUMMARY = (
    "La présidente rappelle le contexte et les engagements pris lors de la séance précédente. "
    "Les membres échangent sur le calendrier, le budget mobilisable et la place des structures "
    "de l'insertion par l'activité économique dans le dispositif. Plusieurs questions portent "
    "sur l'articulation avec le plan métropolitain et sur les moyens d'animation du réseau. "
)


def annex(path: Path, pages: int, title: str) -> Path:
    """A text-heavy annex of `pages` A4 pages, as a report attached to a meeting would be."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(1, pages + 1):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(60, 780, f"{title} — page {n}")
        c.setFont("Helvetica", 10)
        for line in range(48):
            c.drawString(60, 750 - 14 * line, f"{n}.{line} " + SUMMARY[: 95 - len(str(line))])
        c.showPage()
    c.save()
    return path


def prepare_meeting(store, folder: Path) -> tuple[int, list[Path]]:
    """In a copy of the large demo: a commission of 60 people in three colleges, a held meeting
    with 15 items and long minutes submitted for approval at the next meeting, which has 15
    items, 200 open actions to review and two annexes of 20 pages. Returns the next meeting and
    the annex files."""
    from ess_desk.actions import actions
    from ess_desk.meetings import agenda, annexes, meetings, presence
    from ess_desk.membership import bodies, mandates
    from ess_desk.minutes import minutes as mn

    body = bodies.create_body(
        store, name="Commission Économie circulaire et réemploi", kind="commission"
    )
    colleges = [
        bodies.create_college(store, body, name=name, seats=20)
        for name in ("Élus", "Structures de l'ESS", "Personnes qualifiées")
    ]
    people = [r[0] for r in store.db.execute("SELECT id FROM people ORDER BY id LIMIT 60")]
    members: list[int] = []
    for n, person in enumerate(people[:MEMBERS]):
        members.append(
            mandates.create(
                store,
                person_id=person,
                body_id=body,
                college_id=colleges[n % 3],
                role="president" if n == 0 else "member",
                start_date="2026-01-01",
            )
        )
    for n, person in enumerate(people[MEMBERS:]):
        mandates.create(
            store,
            person_id=person,
            body_id=body,
            college_id=colleges[n % 3],
            role="substitute",
            substitute_for_id=members[n],
            start_date="2026-01-01",
        )
    held = meetings.create(
        store, body_id=body, starts_at="05/11/2026 18:00", place="Hôtel de la Métropole"
    )
    following = meetings.create(
        store,
        body_id=body,
        starts_at="17/12/2026 18:00",
        ends_at="17/12/2026 21:00",
        place="Hôtel de la Métropole, salle du conseil",
        video_link="https://visio.example.org/economie-circulaire",
    )
    titles = [
        "Budget participatif du réemploi",
        "Ressourceries : maillage du territoire",
        "Commande publique circulaire",
        "Filière textile solidaire",
        "Consignes et emballages réutilisables",
        "Formation des agents au réemploi",
        "Plateforme de matériaux de construction",
        "Appel à projets économie circulaire",
        "Tiers-lieux de la réparation",
        "Observatoire des déchets évités",
        "Coopération avec les bailleurs sociaux",
        "Mobilisation des entreprises d'insertion",
        "Communication grand public",
        "Calendrier 2027",
    ]
    for n, title in enumerate(titles):
        for meeting in (held, following):
            agenda.create_item(
                store,
                meeting,
                title=title,
                kind=("information", "debate", "vote")[n % 3],
                presenter_person_id=people[n * 3],
                duration_minutes=10 + 5 * (n % 3),
                description=SUMMARY if meeting == following else "",
            )
    agenda.create_item(store, held, title="Questions diverses", kind="other_business")
    meetings.set_status(store, held, "convened")
    meetings.set_status(store, held, "held", now=LATER)
    for n, mandate in enumerate(members):
        presence.record(store, held, mandate, "present" if n % 8 else "excused")
    presence.record_opening(store, held, "18:10")
    minutes_id = mn.start(store, held)
    mn.update(store, minutes_id, secretary="Secrétariat du conseil", closing_time="21h05")
    for item in agenda.items(store.db, held):
        mn.save_section(store, minutes_id, item.id, "\n\n".join([SUMMARY * 2] * 3))
    mn.submit(store, minutes_id, today=TODAY)
    with store.write() as db:
        actions.bulk_insert(
            db,
            (
                {
                    "body_id": body,
                    "title": f"{titles[n % len(titles)]} : suite n° {n + 1}",
                    "owner_person_id": people[n % MEMBERS],
                    "created_on": "2026-06-01",
                    "due_date": (dt.date(2026, 9, 1) + dt.timedelta(days=2 * n)).isoformat(),
                    "status": "in_progress" if n % 2 else "todo",
                    "progress": 40 if n % 2 else 0,
                    "updates": [
                        {
                            "on_date": "2026-10-01",
                            "status": "in_progress",
                            "progress": 50,
                            "comment": "Point fait en commission, relance prévue.",
                        }
                    ]
                    if n % 3 == 0
                    else [],
                }
                for n in range(ACTIONS)
            ),
        )
    items = agenda.items(store.db, following)
    paths = []
    for position, name in ((2, "Étude ressourceries"), (6, "Rapport annuel")):
        paths.append(annex(folder / f"{name}.pdf", ANNEX_PAGES, name))
        annexes.attach(store, following, paths[-1], item_id=items[position].id)
    return following, paths


class PlainPack:
    """The baseline: `bench.plain_pack` in a process of its own that never loads `ess_desk`
    (whose font registration patches reportlab in the process that calls it), kept up for the
    whole measure; each build is timed inside that process."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "bench.plain_pack"],
            cwd=ROOT,
            env=env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def build(self, path: Path, pages: int, annex_paths: list[Path]) -> tuple[float, int]:
        """Milliseconds of one build of `pages` pages of paragraphs and the annexes, and the
        file's page count."""
        request = {
            "out": str(path),
            "pages": pages,
            "text": SUMMARY * 2,
            "annexes": [str(p) for p in annex_paths],
        }
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError(f"le témoin s'est arrêté (code {self.proc.wait()})")
        reply = json.loads(answer)
        return reply["ms"], reply["pages"]

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def measure_pack(runs: int = RUNS, source: Path | None = None) -> list[Figure]:
    """`source`: the large demo database to copy (default: the benchmarks' cached one)."""
    from ess_desk.documents import pack
    from ess_desk.store import open_store

    with tempfile.TemporaryDirectory(prefix="ess-bench-pack-") as tmp:
        folder = Path(tmp)
        db = folder / "large.sqlite"
        settled_copy(source or large_demo_db(), db)
        with open_store(db, auto_backup=False) as store:
            meeting, annex_paths = prepare_meeting(store, folder)
            result = pack.build(store.db, meeting, folder / "dossier.pdf", today=TODAY)
            annex_pages = ANNEX_PAGES * 2
            laid_out = result.pages - annex_pages

            def ours() -> float:
                start = time.perf_counter()
                pack.build(store.db, meeting, folder / "dossier.pdf", today=TODAY)
                return (time.perf_counter() - start) * 1000

            plain = PlainPack()
            try:

                def baseline() -> float:
                    return plain.build(folder / "temoin.pdf", laid_out, annex_paths)[0]

                _ms, written = plain.build(folder / "temoin.pdf", laid_out, annex_paths)
                if written != result.pages:
                    raise RuntimeError(f"témoin de {written} pages au lieu de {result.pages}")
                mine, theirs = alternate(ours, baseline, runs)
            finally:
                plain.close()
    return [
        Figure(
            name=(
                f"Dossier de séance ({result.pages} pages dont {annex_pages} d'annexes ; "
                f"60 membres, {ITEMS} points, {ACTIONS} actions ; médiane de {runs})"
            ),
            ours=statistics.median(mine),
            baseline=statistics.median(theirs),
            unit="ms",
            goal="≤ 1,25× le témoin (et < 1 s)",
            max_ratio=1.25,
            max_value=1000,
        )
    ]
