"""A small, fast, deterministic sample of the fault campaign (`make faults` runs it whole): kill -9
inside a few write paths, mutated import files, a full and a read-only disk, a read-only file
without root's rights, simultaneous opens."""

from __future__ import annotations

import pytest

from faults import campaign
from faults.common import anonymisable_person, make_template
from tests.faults import can_mount


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("modele")
    home = root / "home"
    home.mkdir()
    return make_template(root, home)


def test_kill_9_inside_writes_leaves_a_file_that_holds(tmp_path, template):
    names = ("anonymisation", "migration depuis 0006")
    rows = campaign.kill_campaign(
        tmp_path, trials=1, seed=11, names=names, template=template, by_step=True
    )
    assert [r.case for r in rows] == [f"kill -9 : {n}" for n in names]
    # Every trial killed the command inside the write it names, and the file held.
    assert all((r.trials, r.interrupted, r.failed) == (1, 1, 0) for r in rows), (
        campaign.format_table(rows)
    )


def test_the_anonymisation_trials_pick_a_person_it_accepts(template):
    council, facts = template
    assert facts["person"] == str(anonymisable_person(council))
    import datetime as dt

    from ess_desk.privacy.anonymise import running_mandates
    from ess_desk.store import open_store

    with open_store(council, read_only=True) as store:
        assert running_mandates(store.db, int(facts["person"]), dt.date.today()) == []


def test_mutated_import_files_are_refused_or_accepted_whole(tmp_path):
    (row,) = campaign.import_campaign(tmp_path, files=30, seed=5)
    assert row.trials == 30 and row.failed == 0, campaign.format_table([row])


@pytest.mark.skipif(not can_mount(), reason="un petit disque plein demande les droits root")
def test_full_and_read_only_disks_and_a_read_only_file_refuse_with_a_sentence(tmp_path, template):
    rows = campaign.storage_campaign(tmp_path, template, commands=2)
    assert [r.trials for r in rows] == [2, 2, 2], campaign.format_table(rows)
    assert all(r.failed == 0 for r in rows), campaign.format_table(rows)


def test_simultaneous_opens_give_exactly_one_writer(tmp_path):
    (row,) = campaign.writers_campaign(tmp_path, rounds=3)
    assert row.trials == 3 and row.failed == 0, campaign.format_table([row])


def test_the_table_counts_trials_interrupted_held_and_failed():
    row = campaign.Row("cas", interrupted=1)
    row.add(True)
    row.add(False, "essai 1 : raté")
    table = campaign.format_table([row])
    assert "cas" in table and "essai 1 : raté" in table and "interrompus" in table
    assert (row.trials, row.held, row.failed) == (2, 1, 1)
