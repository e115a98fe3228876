"""(4) The Actions page over 30,000 actions: first paint, then each filter change until painted.

The database is the large demo council (people, structures, bodies) with ten years of meetings
and 30,000 actions with their follow-up entries written by `actions.bulk_insert`; it is built
once into bench/.cache and rebuilt when this generator, the demo or the schema changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import CACHE, ROOT, Figure, demo_sources, settled_copy

ACTIONS = 30_000
YEARS = 10

VERBS = (
    "Organiser",
    "Rédiger",
    "Préparer",
    "Relancer",
    "Cartographier",
    "Présenter",
    "Réunir",
    "Évaluer",
    "Publier",
    "Étudier",
    "Mettre à jour",
    "Constituer",
)
OBJECTS = (
    "la charte de la commande publique responsable",
    "une rencontre des acteurs de l'ESS du quartier",
    "le guide des financements européens",
    "la formation des élus et des services à l'ESS",
    "le recensement des tiers-lieux",
    "une note sur les PTCE du territoire",
    "le diagnostic de la filière réemploi",
    "les clauses sociales des marchés de la métropole",
    "la consultation citoyenne sur l'alimentation",
    "un atelier avec les chambres consulaires",
    "le bilan annuel du conseil",
    "la carte des structures d'insertion",
    "un appel à projets « coopérations »",
    "le compte rendu pour le conseil métropolitain",
    "la convention avec la région",
)
COMMENTS = (
    "Relance faite par courriel.",
    "Premier jet présenté en bureau.",
    "En attente de la réponse des services.",
    "Réunion de travail tenue, suite prévue.",
    "Budget à confirmer au prochain conseil.",
    "Contacts pris avec les réseaux.",
    "",
    "",
)


def _fingerprint() -> str:
    import inspect

    digest = hashlib.sha256()
    # The data's generator, not the measure: editing the measure keeps the cached database.
    digest.update(inspect.getsource(fill_actions).encode())
    digest.update(repr((ACTIONS, YEARS, VERBS, OBJECTS, COMMENTS)).encode())
    for path in (
        *demo_sources(),
        ROOT / "ess_desk/store/schema.py",
        ROOT / "ess_desk/actions/actions.py",
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def fill_actions(store, count: int, today: dt.date, seed: int = 2026) -> int:
    """Meetings over ten years for every body (a few agenda items each) and `count` actions with
    their follow-up entries, in one transaction. Returns the number of actions written."""
    from ess_desk.actions import actions, rules, themes
    from ess_desk.meetings import agenda, meetings
    from ess_desk.membership import bodies

    rng = random.Random(seed)
    db = store.db
    people = [r[0] for r in db.execute("SELECT id FROM people WHERE archived = 0")]
    organisations = [r[0] for r in db.execute("SELECT id FROM organisations")]
    owners_pool = people[:400] or people
    theme_ids = [t.id for t in themes.list_themes(db)]
    body_ids = [b.id for b in bodies.list_bodies(db)]
    first = today - dt.timedelta(days=365 * YEARS)
    schedule: dict[int, list[tuple[int, dt.date, list[int]]]] = {}
    with store.write() as wdb:
        for body_id in body_ids:
            day = first + dt.timedelta(days=rng.randint(0, 40))
            schedule[body_id] = []
            while day <= today:
                meeting_id = meetings.add(
                    wdb, {"body_id": body_id, "starts_at": f"{day.isoformat()} 18:00"}
                )
                items = [
                    agenda.add_item(wdb, meeting_id, {"title": rng.choice(OBJECTS).capitalize()})
                    for _n in range(3)
                ]
                schedule[body_id].append((meeting_id, day, items))
                day += dt.timedelta(days=rng.randint(45, 75))
        span = (today - first).days

        def one(_n: int) -> dict[str, Any]:
            body_id = rng.choice(body_ids)
            created = first + dt.timedelta(days=int(span * rng.random() ** 0.7))
            past = [m for m in schedule[body_id] if m[1] <= created]
            meeting_id = item_id = None
            if past and rng.random() < 0.8:
                meeting_id, created, items = past[-1]
                item_id = rng.choice(items) if rng.random() < 0.7 else None
            person = rng.choice(owners_pool) if rng.random() < 0.85 else None
            organisation = (
                rng.choice(organisations) if (person is None or rng.random() < 0.2) else None
            )
            due = created + dt.timedelta(days=rng.randint(20, 400))
            entries = []
            status, progress = "todo", 0
            later = [m for m in schedule[body_id] if m[1] > created]
            age = (today - created).days
            for meeting in later[: rng.randint(0, 5)]:
                if rng.random() < 0.3:
                    entries.append({"on_date": meeting[1], "meeting_id": meeting[0], "comment": ""})
                    continue
                progress = min(100, progress + rng.choice((10, 20, 30)))
                status = "in_progress"
                if progress == 100 or (age > 500 and rng.random() < 0.5):
                    status, progress = rng.choice((("done", 100), ("abandoned", progress)))
                elif rng.random() < 0.1:
                    status = "postponed"
                entries.append(
                    {
                        "on_date": meeting[1],
                        "meeting_id": meeting[0],
                        "status": status,
                        "progress": progress,
                        "comment": rng.choice(COMMENTS),
                    }
                )
                if status in rules.CLOSED_STATUSES:
                    break
            # Most old actions were closed at some point: a council's table is not all late.
            settle = [m for m in later if m[1] >= due - dt.timedelta(days=60)]
            if status in rules.OPEN_STATUSES and settle and rng.random() < 0.9:
                meeting = settle[min(len(settle) - 1, rng.randint(0, 2))]
                if not entries or meeting[1] > entries[-1]["on_date"]:
                    status = "done" if rng.random() < 0.85 else "abandoned"
                    entries.append(
                        {
                            "on_date": meeting[1],
                            "meeting_id": meeting[0],
                            "status": status,
                            "progress": 100 if status == "done" else progress,
                            "comment": rng.choice(COMMENTS),
                        }
                    )
            return {
                "body_id": body_id,
                "title": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}",
                "description": rng.choice(("", "", "Voir le relevé de décisions de la séance.")),
                "owner_person_id": person,
                "owner_organisation_id": organisation,
                "due_date": due if rng.random() < 0.95 else None,
                "priority": rng.choice(("high", "normal", "normal", "normal", "low")),
                "theme_id": rng.choice(theme_ids) if rng.random() < 0.85 else None,
                "meeting_id": meeting_id,
                "item_id": item_id,
                "created_on": created,
                "updates": entries,
            }

        written, _updates = actions.bulk_insert(wdb, (one(n) for n in range(count)))
    return written


def actions_db(count: int = ACTIONS) -> Path:
    """The benchmark's database, built once into bench/.cache."""
    from ess_desk.demo import fill_demo
    from ess_desk.store import open_store

    folder = CACHE / f"actions-{count}-{_fingerprint()}"
    path = folder / "actions.sqlite"
    if not path.exists():
        for stale in CACHE.glob(f"actions-{count}-*"):
            shutil.rmtree(stale, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"Génération de {count} actions dans {path}…", flush=True)
        tmp = folder / "building.sqlite"
        tmp.unlink(missing_ok=True)
        with open_store(tmp, auto_backup=False) as store:
            fill_demo(store, "large")
            existing = store.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
            if existing < count:
                fill_actions(store, count - existing, dt.date.today())
        tmp.rename(path)
    return path


def _quiet(mode, context, message: str) -> None:
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _painted(app, page) -> float:
    """Milliseconds until every event is processed and the table repainted."""
    start = time.perf_counter()
    # The model's reset schedules the repaint: processing the events paints once.
    app.processEvents()
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def _changes(page) -> list[tuple[str, Any]]:
    """Ten filter changes a secretary makes, each undone by the next or reset."""
    body = page.body_filter.findData(page.body_filter.itemData(2))
    return [
        ("statut « Ouvertes »", lambda: page.status_filter.setCurrentIndex(1)),
        ("en retard", lambda: page.overdue_filter.setChecked(True)),
        ("instance", lambda: page.body_filter.setCurrentIndex(body)),
        ("thème", lambda: page.theme_filter.setCurrentIndex(3)),
        ("texte « charte »", lambda: page.search.setText("charte")),
        ("texte « élus »", lambda: page.search.setText("élus")),
        ("porteur « martin »", lambda: page.owner_filter.setText("martin")),
        ("tri par porteur", lambda: page.view.sortByColumn(2, _ascending())),
        ("regrouper par porteur", lambda: page.group_toggle.setChecked(True)),
        ("sans regroupement", lambda: page.group_toggle.setChecked(False)),
        ("effacer les filtres", page.clear_filters),
    ]


def _ascending():
    from PySide6.QtCore import Qt

    return Qt.SortOrder.AscendingOrder


def measure_page(path: Path) -> tuple[float, list[float], int]:
    """(first paint ms, ms per filter change, actions shown at first)."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from ess_desk.store import open_store

    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication([])
    with open_store(path, auto_backup=False) as store:
        from ui.pages import actions as actions_page

        start = time.perf_counter()
        page = actions_page.ActionsPage(store)
        page.resize(1500, 900)
        page.show()
        first = (time.perf_counter() - start) * 1000 + _painted(app, page)
        shown = page.model.action_count()
        times = []
        for _label, change in _changes(page):
            start = time.perf_counter()
            change()
            page.flush_filter()  # a typed filter: what the 150 ms pause ends in, without waiting
            times.append((time.perf_counter() - start) * 1000 + _painted(app, page))
        page.close()
        page.deleteLater()
        app.processEvents()
    return first, times, shown


def measure_actions_page() -> list[Figure]:
    error = ""
    first: float | None = None
    times: list[float] = []
    try:
        source = actions_db()
        with tempfile.TemporaryDirectory(prefix="ess-bench-actions-") as tmp:
            db = Path(tmp) / "actions.sqlite"
            settled_copy(source, db)
            first, times, _shown = measure_page(db)
    except Exception as exc:  # report in the table rather than crash the whole run
        error = f"page Actions : {type(exc).__name__}: {exc}"
    return [
        Figure(
            name="Page Actions ({n} actions), premier affichage".format(
                n=f"{ACTIONS:,}".replace(",", " ")
            ),
            ours=first,
            baseline=None,
            unit="ms",
            goal="—",
            error=error,
        ),
        Figure(
            name=f"Page Actions, médiane par changement de filtre ({len(times) or 10})",
            ours=statistics.median(times) if times else None,
            baseline=None,
            unit="ms",
            goal="< 100 ms",
            max_value=100.0,
        ),
        Figure(
            name="Page Actions, pire changement de filtre",
            ours=max(times) if times else None,
            baseline=None,
            unit="ms",
            goal="< 100 ms",
            max_value=100.0,
        ),
    ]


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.common import format_table

    print(format_table(measure_actions_page()))
