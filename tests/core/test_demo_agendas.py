"""The large demo's agenda items, written a meeting at a time in bulk, against the same items
created through the service one call at a time (agenda.create_item)."""

from __future__ import annotations

import pytest

from ess_desk.demo import meetings as demo_meetings
from ess_desk.meetings import agenda
from tests.core.test_demo_approvals import assert_same_tables, assert_sound, filled_both_ways


def through_the_service(demo_state, meeting_id, fields):
    """The items as the small demo creates them."""
    return [agenda.create_item(demo_state.store, meeting_id, **values) for values in fields]


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    """The council's agenda items in bulk and through the service."""

    def services(monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(demo_meetings, "_add_items", through_the_service)

    yield from filled_both_ways(tmp_path_factory, services)


def test_bulk_items_write_what_the_service_writes(councils):
    bulk, services = councils["bulk"], councils["services"]
    assert bulk[1] == services[1]
    assert {"agenda_items", "meetings", "audit_log"} <= bulk[2].keys()
    items = services[2]["agenda_items"]
    assert len(items) >= 300
    assert any(row[5] is not None for row in items)  # presenters among the members
    created = [e for e in services[2]["audit_log"] if e[1:4:2] == ("agenda_item", "create")]
    assert len(created) >= len(items) - 50  # postponed meetings' copies are created otherwise
    assert_same_tables(bulk[2], services[2])


def test_bulk_items_keep_the_chain_and_the_checks(councils):
    store = councils["bulk"][0]
    assert_sound(store)
