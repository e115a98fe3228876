"""ess_desk.record.Record: the records that replaced NamedTuples on the start path are built,
compared, hashed, shown and copied as the NamedTuples were."""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import pickle
from pathlib import Path
from typing import NamedTuple

import pytest

from ess_desk.actions.queries import Counts, Origin
from ess_desk.dashboard import overview
from ess_desk.meetings.calendar import ScheduledDate
from ess_desk.publication.deadlines import Finding
from ess_desk.record import Record
from ess_desk.store.backup import BackupInfo
from ess_desk.store.lock import LockInfo
from ess_desk.store.network import NetworkDrive

RECORDS = [
    Counts,
    Origin,
    ScheduledDate,
    Finding,
    LockInfo,
    BackupInfo,
    NetworkDrive,
    *(
        v
        for v in vars(overview).values()
        if isinstance(v, type) and issubclass(v, Record) and v is not Record
    ),
]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_a_record_names_its_fields_in_the_order_it_is_built(cls):
    """Built by position as the NamedTuple was: `__init__` takes the fields in their order, and
    every field is a slot."""
    assert cls.__slots__ == cls._fields
    parameters = list(inspect.signature(cls.__init__).parameters)[1:]
    assert parameters == list(cls._fields)


class _Tuple(NamedTuple):
    path: Path
    kind: str
    taken_at: dt.datetime | None


def test_a_record_is_equal_hashed_shown_and_copied_as_its_named_tuple():
    when = dt.datetime(2026, 12, 5, 15, 0)
    info, same = (
        BackupInfo(Path("a.sqlite"), "auto", when),
        BackupInfo(Path("a.sqlite"), "auto", when),
    )
    as_tuple = _Tuple(Path("a.sqlite"), "auto", when)
    assert info == same and (info != same) is False and hash(info) == hash(same) == hash(as_tuple)
    assert info != BackupInfo(Path("a.sqlite"), "auto", None)
    assert repr(info) == repr(as_tuple).replace("_Tuple", "BackupInfo")
    assert len({info, same}) == 1 and [info] == [same]
    for copied in (copy.copy(info), copy.deepcopy(info), pickle.loads(pickle.dumps(info))):
        assert copied == info and type(copied) is BackupInfo
    # Unlike a NamedTuple, equal to a record of its own class only.
    assert info != tuple(as_tuple) and NetworkDrive("SMB", "/m") != LockInfo("SMB", "/m", 1, "", "")
