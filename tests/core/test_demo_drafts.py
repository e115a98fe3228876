"""The large demo's minutes drafts, written in bulk, against the same drafts made through the
services one call at a time (minutes.start, update, save_section, decisions.add_decision,
minutes.submit)."""

from __future__ import annotations

import pytest

from ess_desk import demo
from ess_desk.demo import drafts
from ess_desk.demo import minutes as demo_minutes
from ess_desk.integrity import check_council
from ess_desk.minutes import minutes
from ess_desk.store import chain, open_store
from tests.core.test_demo_approvals import PROFILE, written


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    """The reduced large council filled twice with one seed: its drafts in bulk (in small
    batches, so that several are written one after the other) and through the services."""
    made = {}
    for way in ("bulk", "services"):
        with pytest.MonkeyPatch.context() as monkeypatch:
            monkeypatch.setattr(drafts, "BATCH", 3)
            if way == "services":
                monkeypatch.setattr(demo_minutes, "BulkDrafts", drafts.ServiceDrafts)
            path = tmp_path_factory.mktemp(way) / "conseil.sqlite"
            store = open_store(path)
            summary = demo.fill_profile(store, PROFILE, seed=11)
            made[way] = (store, summary, written(store.db))
    yield made
    for store, _summary, _written in made.values():
        store.close()


def test_bulk_drafts_write_what_the_services_write(councils):
    bulk, services = councils["bulk"], councils["services"]
    assert bulk[1] == services[1]
    assert bulk[2].keys() == services[2].keys()
    tables = {"minutes", "minutes_sections", "decisions", "agenda_items", "audit_log"}
    assert tables <= bulk[2].keys()
    assert len(services[2]["minutes_sections"]) >= 200
    assert len(services[2]["decisions"]) >= 20
    reorders = [e for e in services[2]["audit_log"] if e[3] == "reorder"]
    assert reorders  # approval items put first on agendas that had items already
    for table in bulk[2]:
        assert bulk[2][table] == services[2][table], table


def test_bulk_drafts_keep_the_chain_and_the_checks(councils):
    store = councils["bulk"][0]
    db = store.db
    assert chain.first_break(db.conn) is None
    assert minutes.check_digests(db) == []
    assert check_council(store) == []
