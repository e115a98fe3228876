"""The large demo's minutes drafts, written in bulk, against the same drafts made through the
services one call at a time (minutes.start, update, save_section, decisions.add_decision,
minutes.submit)."""

from __future__ import annotations

import pytest

from ess_desk.demo import drafts
from ess_desk.demo import minutes as demo_minutes
from tests.core.test_demo_approvals import assert_same_tables, assert_sound, filled_both_ways


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    """The council's drafts in bulk, in batches of three, and through the services."""

    def services(monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(demo_minutes, "BulkDrafts", drafts.ServiceDrafts)

    yield from filled_both_ways(tmp_path_factory, services, (drafts, 3))


def test_bulk_drafts_write_what_the_services_write(councils):
    bulk, services = councils["bulk"], councils["services"]
    assert bulk[1] == services[1]
    tables = {"minutes", "minutes_sections", "decisions", "agenda_items", "audit_log"}
    assert tables <= bulk[2].keys()
    assert len(services[2]["minutes_sections"]) >= 200
    assert len(services[2]["decisions"]) >= 20
    reorders = [e for e in services[2]["audit_log"] if e[3] == "reorder"]
    assert reorders  # approval items put first on agendas that had items already
    assert_same_tables(bulk[2], services[2])


def test_bulk_drafts_keep_the_chain_and_the_checks(councils):
    store = councils["bulk"][0]
    assert_sound(store)
