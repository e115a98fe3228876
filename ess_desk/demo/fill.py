"""Filling a council: the parts in order, on an empty file only."""

from __future__ import annotations

import random
from collections.abc import Callable

from ess_desk import demo_data as data
from ess_desk.demo.bodies import (
    _add_bodies,
    _add_contacts,
    _add_guests_and_secretariat,
    _add_mandatures,
    _add_working_groups,
    _archive_leavers,
)
from ess_desk.demo.follow_up import _add_actions
from ess_desk.demo.meetings import _add_meetings, _write_membership
from ess_desk.demo.minutes import _add_minutes, _approve_minutes
from ess_desk.demo.organisations import _add_organisations
from ess_desk.demo.profiles import PROFILES, Profile
from ess_desk.demo.state import _BulkSink, _Demo, _ServiceSink
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.store import Store, database

Progress = Callable[[int, int], None]


def fill_demo(
    store: Store, size: str = "small", seed: int = 2026, progress: Progress | None = None
) -> str:
    """Fill an empty database with a demonstration council; returns a short French summary."""
    profile = PROFILES.get(size)
    if profile is None:
        raise UserError(
            _("Taille de démonstration inconnue : « {size} » (small, large ou huge).").format(
                size=size
            )
        )
    return fill_profile(store, profile, seed=seed, progress=progress)


def fill_profile(
    store: Store, profile: Profile, seed: int = 2026, progress: Progress | None = None
) -> str:
    """`fill_demo` for any profile (tests build reduced ones with dataclasses.replace)."""
    store.ensure_writable()
    _refuse_non_empty(store)
    rng = random.Random(seed)
    demo = _Demo(
        store=store,
        sink=_BulkSink(store) if profile.bulk else _ServiceSink(store),
        rng=rng,
        profile=profile,
        city=rng.choice(data.CITIES),
        address_rng=random.Random(f"{seed}:adresses"),
    )
    parts: list[Callable[[_Demo], None]] = [
        _add_organisations,
        _add_bodies,
        _add_mandatures,
        _add_working_groups,
        _add_guests_and_secretariat,
        _add_contacts,
        _archive_leavers,
        _write_membership,
        _add_meetings,
        _add_minutes,
        _add_actions,
        _approve_minutes,
    ]
    total = len(parts)
    # The whole council is written in one transaction: a page cache large enough to hold it
    # keeps SQLite from spilling pages to the journal again and again (the huge demo writes a
    # gigabyte). Given back at the end.
    (cache_size,) = store.conn.execute("PRAGMA cache_size").fetchone()
    store.conn.execute("PRAGMA cache_size = -1048576")
    try:
        return _fill(store, demo, parts, total, progress, profile, seed)
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(cache_size)}")


def _fill(
    store: Store,
    demo: _Demo,
    parts: list[Callable[[_Demo], None]],
    total: int,
    progress: Progress | None,
    profile: Profile,
    seed: int,
) -> str:
    from ess_desk.store.bulk import indexes_rebuilt_after

    with store.write() as db, indexes_rebuilt_after(db):
        for done, part in enumerate(parts):
            part(demo)
            if progress is not None:
                progress(done + 1, total)
        counts = {
            table: database.count(db, f"SELECT COUNT(*) FROM {table}")
            for table in ("meetings", "decisions", "actions", "action_updates")
        }
    return _(
        "Démonstration créée : {council}, {people} personnes, {orgs} structures, "
        "{bodies} instances, {mandates} mandats, {meetings} séances, {approved} procès-verbaux "
        "approuvés, {decisions} décisions, {actions} actions et {updates} points de suivi "
        "(graine {seed})."
    ).format(
        council=profile.plenary_name.format(city=demo.city.name),
        people=len(demo.people),
        orgs=len(demo.orgs),
        bodies=demo.body_count,
        mandates=demo.mandate_count,
        meetings=counts["meetings"],
        approved=demo.approved,
        decisions=counts["decisions"],
        actions=counts["actions"],
        updates=counts["action_updates"],
        seed=seed,
    )


def _refuse_non_empty(store: Store) -> None:
    db = store.db
    people_count = database.scalar(db, "SELECT COUNT(*) FROM people")
    if people_count:
        raise UserError(
            ngettext(
                "La base {path} contient déjà {count} personne : la démonstration ne remplit "
                "qu'une base vide. Choisissez un nouveau fichier (--db).",
                "La base {path} contient déjà {count} personnes : la démonstration ne remplit "
                "qu'une base vide. Choisissez un nouveau fichier (--db).",
                people_count,
            ).format(path=store.path, count=people_count)
        )
    others = database.scalar(
        db, "SELECT (SELECT COUNT(*) FROM organisations) + (SELECT COUNT(*) FROM bodies)"
    )
    if others:
        raise UserError(
            _(
                "La base {path} contient déjà des structures ou des instances : la démonstration "
                "ne remplit qu'une base vide. Choisissez un nouveau fichier (--db)."
            ).format(path=store.path)
        )
