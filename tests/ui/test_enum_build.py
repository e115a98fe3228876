"""PySide6's enumeration classes built by ui.enum_build's shorter road are the standard ones.

Every enumeration of QtCore, QtGui and QtWidgets (as PySide6 asks for them: 635 classes, some
6,500 members) is built both ways and compared attribute by attribute, in order: the class's
dictionary, each member's own, the maps and lists, the flag masks, the chosen methods; and so are
random enumerations (aliases, zero, negative and unsorted values, names a base class uses).
"""

from __future__ import annotations

import enum
import json
import pickle
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ui import enum_build

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] != (3, 11) or enum_build.standard_steps() != enum_build.FOLLOWED,
    reason="another `enum`: the shorter road is not installed",
)

BASES = {base.__name__: base for base in (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)}

# What PySide6 asks `enum` for, recorded on the standard road in a fresh interpreter.
RECORD = textwrap.dedent(
    """
    import enum, json, sys
    asked = []
    standard = enum.EnumType._create_
    def recording(cls, class_name, names, **options):
        asked.append([cls.__name__, class_name, [list(item) for item in names],
                      options["boundary"].name, options["module"], options["qualname"],
                      options["type"] is None, options["start"]])
        return standard(cls, class_name, names, **options)
    enum.EnumType._create_ = recording
    from PySide6 import QtCore, QtGui, QtWidgets
    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):
            getattr(module, name)
    json.dump(asked, sys.stdout)
    """
)


def same(a: Any, b: Any, built_a: type, built_b: type) -> bool:
    """Whether `a` (of class `built_a`'s build) and `b` (of `built_b`'s) are the same value,
    each class standing for the other."""
    if a is b:
        return True
    if a is built_a:
        return b is built_b
    if isinstance(a, enum.Enum):
        return type(a) is built_a and type(b) is built_b and same_member(a, b, built_a, built_b)
    if isinstance(a, enum.property):  # a member in front of a base class's attribute
        return (
            type(b) is type(a)
            and (a.fget, a.fset, a.fdel, a.name) == (b.fget, b.fset, b.fdel, b.name)
            and same(getattr(a, "member", None), getattr(b, "member", None), built_a, built_b)
        )
    if hasattr(a, "__func__") and hasattr(a, "__self__"):  # a bound method
        return a.__func__ is b.__func__ and same(a.__self__, b.__self__, built_a, built_b)
    if isinstance(a, dict):
        return (
            type(b) is dict
            and list(a) == list(b)
            and all(same(a[k], b[k], built_a, built_b) for k in a)
        )
    if isinstance(a, list):
        return (
            type(b) is list
            and len(a) == len(b)
            and all(same(x, y, built_a, built_b) for x, y in zip(a, b, strict=True))
        )
    return type(a) is type(b) and a == b


def same_member(a: enum.Enum, b: enum.Enum, built_a: type, built_b: type) -> bool:
    own_a, own_b = a.__dict__, b.__dict__
    if list(own_a) != list(own_b):
        return False
    for key, value in own_a.items():
        if key == "__objclass__":
            if not (value is built_a and own_b[key] is built_b):
                return False
        elif not (type(value) is type(own_b[key]) and value == own_b[key]):
            return False
    return not isinstance(a, int) or int(a) == int(b)


def differences(standard: type, shorter: type) -> list[str]:
    found = []
    if list(standard.__dict__) != list(shorter.__dict__):
        found.append(f"attributes {list(standard.__dict__)} != {list(shorter.__dict__)}")
    for key, value in standard.__dict__.items():
        if key in shorter.__dict__ and not same(value, shorter.__dict__[key], standard, shorter):
            found.append(key)
    for name in ("__name__", "__qualname__", "__module__", "__doc__", "__bases__"):
        if getattr(standard, name) != getattr(shorter, name):
            found.append(name)
    if standard.__mro__[1:] != shorter.__mro__[1:] or type(standard) is not type(shorter):
        found.append("bases")
    return found


def both_ways(base: str, name: str, members: list[tuple[Any, Any]], **options: Any) -> tuple:
    built = []
    for create in (enum_build.STANDARD_CREATE, enum_build._create_):
        try:
            built.append(create(BASES[base], name, list(members), **options))
        except Exception as exc:  # the same refusal both ways
            built.append((type(exc), str(exc)))
    return tuple(built)


@pytest.fixture(scope="module")
def asked_by_pyside() -> list[list[Any]]:
    done = subprocess.run(
        [sys.executable, "-c", RECORD], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_every_enumeration_of_qt_is_built_the_same(asked_by_pyside: list[list[Any]]) -> None:
    assert len(asked_by_pyside) > 500
    shorter = 0
    for base, name, items, boundary, _module, qualname, plain, start in asked_by_pyside:
        members = [tuple(item) for item in items]
        if enum_build._plain_members(BASES[base], members) is not None and plain:
            shorter += 1
        standard, built = both_ways(
            base,
            name,
            members,
            module="PySide6.QtCore",
            qualname=qualname,
            boundary=getattr(enum.FlagBoundary, boundary),
            start=start,
        )
        assert isinstance(standard, type), (name, standard)
        assert differences(standard, built) == [], name
        assert [(m.name, m.value) for m in standard] == [(m.name, m.value) for m in built]
    # PySide still asks in the shape the shorter road takes (else the start lost ~17 ms).
    assert shorter >= 0.95 * len(asked_by_pyside)


names = st.sampled_from(["A", "B", "C", "D", "E", "name", "value", "mro", "_x", "F"])
values = st.one_of(st.integers(-4, 70), st.sampled_from([0, 1, 2, 4, 6, 1 << 40, -1]))


@settings(max_examples=300, deadline=None)
@given(
    base=st.sampled_from(sorted(BASES)),
    members=st.lists(st.tuples(names, values), max_size=8),
    boundary=st.sampled_from([enum.KEEP, enum.STRICT, enum.CONFORM, enum.EJECT, None]),
)
def test_random_enumerations_are_built_the_same(
    base: str, members: list[tuple[str, int]], boundary: enum.FlagBoundary | None
) -> None:
    standard, built = both_ways(base, "Random", members, module=__name__, boundary=boundary)
    if not isinstance(standard, type):
        assert built == standard  # refused the same way
        return
    assert differences(standard, built) == []
    for value in range(-3, 9):  # lookups by value, pseudo-members of flags
        found = []
        for klass in (standard, built):
            try:
                found.append(repr(klass(value)))
            except (ValueError, TypeError) as exc:  # not a member, or no members at all
                found.append(f"{type(exc).__name__}: {exc}")
        assert found[0] == found[1]


def test_the_functional_api_still_names_its_caller() -> None:
    assert enum.EnumType._create_ is enum_build._create_  # installed by ui.qt (conftest)
    made = enum.IntEnum("Made", [("ONE", 1), ("TWO", 2)])
    assert made.__module__ == __name__
    by_names = enum.Enum("ByNames", "RED GREEN")  # another shape: the standard road
    assert by_names.__module__ == __name__
    assert [m.value for m in by_names] == [1, 2]


Picklable = enum.IntFlag("Picklable", [("READ", 4), ("WRITE", 2), ("BOTH", 6)])


def test_a_member_pickles_and_combines() -> None:
    both = Picklable.READ | Picklable.WRITE
    assert both is Picklable.BOTH
    assert pickle.loads(pickle.dumps(Picklable.WRITE)) is Picklable.WRITE
    assert list(Picklable) == [Picklable.READ, Picklable.WRITE]  # unsorted values: as defined


def test_not_installed_where_enum_takes_other_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(enum_build, "FOLLOWED", enum_build.FOLLOWED + 1)
    assert enum_build.install() is False


def test_not_installed_where_a_step_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(enum, "_is_single_bit")
    assert enum_build.standard_steps() == 0
    assert enum_build.install() is False
