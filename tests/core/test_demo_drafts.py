"""The large demo's minutes drafts, written in bulk, against the same drafts made through the
services one call at a time (minutes.start, update, save_section, decisions.add_decision,
minutes.submit)."""

from __future__ import annotations

import pytest

from ess_desk.demo import drafts
from ess_desk.demo import minutes as demo_minutes
from ess_desk.integrity import check_council
from ess_desk.minutes import minutes
from ess_desk.store import chain
from tests.core.test_demo_approvals import filled_both_ways


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    """The council's drafts in bulk, in batches of three, and through the services."""

    def services(monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(demo_minutes, "BulkDrafts", drafts.ServiceDrafts)

    yield from filled_both_ways(tmp_path_factory, services, (drafts, 3))


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
