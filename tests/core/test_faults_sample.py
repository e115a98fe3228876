"""A small, fast, deterministic sample of the fault campaign (`make faults` runs it whole): a few
kill -9 trials, mutated import files, simultaneous opens."""

from __future__ import annotations

from faults import campaign


def test_kill_9_during_writes_leaves_a_file_that_holds(tmp_path):
    rows = campaign.kill_campaign(tmp_path, trials=2, seed=11, names=("migration depuis 0006",))
    assert [r.trials for r in rows] == [2]
    assert all(r.failed == 0 for r in rows), campaign.format_table(rows)


def test_mutated_import_files_are_refused_or_accepted_whole(tmp_path):
    (row,) = campaign.import_campaign(tmp_path, files=30, seed=5)
    assert row.trials == 30 and row.failed == 0, campaign.format_table([row])


def test_simultaneous_opens_give_exactly_one_writer(tmp_path):
    (row,) = campaign.writers_campaign(tmp_path, rounds=3)
    assert row.trials == 3 and row.failed == 0, campaign.format_table([row])


def test_the_table_counts_trials_held_and_failed():
    row = campaign.Row("cas")
    row.add(True)
    row.add(False, "essai 1 : raté")
    table = campaign.format_table([row])
    assert "cas" in table and "essai 1 : raté" in table
    assert (row.trials, row.held, row.failed) == (2, 1, 1)
