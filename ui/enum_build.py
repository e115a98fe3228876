"""PySide6's enumeration classes, built by a shorter road to the same classes (Python 3.11).

PySide6 makes a Python `enum` class for every C++ enumeration of a Qt class the first time the
class is used (`enum.IntEnum(name, [(member, value), …], boundary=KEEP)`, through
`EnumType._create_`): some 200 classes and 3,000 members before the window's first frame, about
29 ms of processor time, a sixth of the start (the `Qt` namespace's 104 alone, ~15 ms). The time
is Python's `enum` checking each member as if a class body had written it (`_EnumDict`), then
turning each into a member one by one (`_proto_member.__set_name__`: a class attribute deleted
and set again, a search of the bases for a descriptor, the flag masks rewritten on the class).

`_create_` here does the same steps in the same order for that one shape of call (a list of
`(str, int)` pairs, a plain name, one of the four base classes, no mixed-in type) and reaches the
same class: the same attributes in the same order, the same members with the same attributes,
the same maps and masks, and `EnumType.__new__`'s own code for everything after the members
(the methods chosen, the flag structures, the iteration order). What `__prepare__`,
`_get_mixins_`, `_find_new_` and `_find_data_repr_` answer depends on the base class alone here:
they are asked once per base. Any other call, and any member
name a base class already uses (`name`, `value`…), goes the standard way. `tests/ui/
test_enum_build.py` builds every enumeration of QtCore, QtGui and QtWidgets both ways and compares
them attribute by attribute.

Installed only where `enum`'s steps are those it copies, known by a checksum of their bytecode
(Python 3.11.7's; `FOLLOWED`): on any other version `install()` does nothing, and the start pays
the standard way.
"""

from __future__ import annotations

import enum
import sys
from typing import Any

_ENUM_TYPE: Any = enum.EnumType  # its private steps are not in the type stubs
# The standard library's, kept for the comparison (tests); None where `enum` has no such step.
STANDARD_CREATE = getattr(_ENUM_TYPE, "_create_", None)
# The checksum of the standard steps this module follows where it was written and checked
# (CPython 3.11.7): another `enum` (3.12 has other steps) keeps the standard road.
FOLLOWED = 792352633
_FLAG_PARTS = ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__", "__invert__")
_MIXIN_CHECKED = ("__repr__", "__str__", "__format__", "__reduce_ex__")


def standard_steps() -> int:
    """The checksum of the bytecode and names of the standard steps this module follows, in
    this interpreter; 0 where one of them is missing."""
    import zlib  # a C module PySide6's signature loader imports anyway

    module: Any = enum
    checksum = 0
    try:
        steps = (
            STANDARD_CREATE,
            _ENUM_TYPE.__new__,
            _ENUM_TYPE.__prepare__,
            module._proto_member.__set_name__,
            module._EnumDict.__setitem__,
            module._is_single_bit,
            module._make_class_unpicklable,
        )
        for step in steps:
            code = step.__code__
            checksum = zlib.crc32(code.co_code, checksum)
            checksum = zlib.crc32(" ".join(code.co_names).encode(), checksum)
    except AttributeError:
        return 0
    return checksum


def install() -> bool:
    """Put the shorter road in place (once); False where `enum`'s steps are not those it
    follows."""
    if sys.version_info[:2] != (3, 11) or standard_steps() != FOLLOWED:
        return False
    if getattr(_ENUM_TYPE._create_, "shorter", False):
        return True
    _ENUM_TYPE._create_ = _create_
    return True


def _plain_members(cls: type, names: object) -> list[tuple[str, int]] | None:
    """The `(name, value)` pairs when `names` is PySide's shape and each name would become an
    ordinary member; None otherwise (the standard road then decides)."""
    if type(names) is not list or cls not in _BASES:
        return None
    seen: set[str] = set()
    inherited = _BASES[cls]
    for item in names:
        if type(item) is not tuple or len(item) != 2:
            return None
        name, value = item
        if (
            type(name) is not str
            or type(value) is not int
            or not name
            or name[0] == "_"
            or name == "mro"
            or name in seen
            or name in inherited
        ):
            return None
        seen.add(name)
    return names


def _create_(
    cls: enum.EnumType,
    class_name: str,
    names: Any,
    *,
    module: str | None = None,
    qualname: str | None = None,
    type: type | None = None,  # noqa: A002 (the standard signature)
    start: int = 1,
    boundary: enum.FlagBoundary | None = None,
) -> enum.EnumType:
    """EnumType._create_ (3.11), with the shorter road for PySide's shape of call."""
    if module is None:
        # The standard guess (called as the standard one is: this frame is _create_'s).
        try:
            module = sys._getframe(2).f_globals["__name__"]
        except (AttributeError, ValueError, KeyError):
            module = None
    members = _plain_members(cls, names) if type is None else None
    if members is not None and module is not None:
        return _build(cls, class_name, members, module, qualname, boundary)
    return _standard(cls, class_name, names, module, qualname, type, start, boundary)


_create_.shorter = True  # type: ignore[attr-defined]


def _standard(
    cls: enum.EnumType,
    class_name: str,
    names: Any,
    module: str | None,
    qualname: str | None,
    type: type | None,  # noqa: A002
    start: int,
    boundary: enum.FlagBoundary | None,
) -> enum.EnumType:
    """The rest of EnumType._create_ (3.11) as the standard library writes it, the module
    already found (None: the class cannot be pickled)."""
    metacls: Any = cls.__class__
    bases = (cls,) if type is None else (type, cls)
    _, first_enum = metacls._get_mixins_(class_name, bases)
    classdict = metacls.__prepare__(class_name, bases)
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        original_names, names = names, []
        last_values: list[Any] = []
        for count, name in enumerate(original_names):
            value = first_enum._generate_next_value_(name, start, count, last_values[:])
            last_values.append(value)
            names.append((name, value))
    if names is None:
        names = ()
    for item in names:
        if isinstance(item, str):
            member_name, member_value = item, names[item]
        else:
            member_name, member_value = item
        classdict[member_name] = member_value
    if module is None:
        enum._make_class_unpicklable(classdict)  # type: ignore[attr-defined]
    else:
        classdict["__module__"] = module
    if qualname is not None:
        classdict["__qualname__"] = qualname
    return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)


def _build(
    base: enum.EnumType,
    class_name: str,
    members: list[tuple[str, int]],
    module: str,
    qualname: str | None,
    boundary: enum.FlagBoundary | None,
) -> enum.EnumType:
    metacls: Any = base.__class__
    bases = (base,)
    steps = _BASE_STEPS.get(base) or _base_steps(base)
    # EnumType._create_ then writes the members, `__module__` and `__qualname__`; __new__ drops
    # `_ignore_` and `_order_`, then adds its own keys. The members are left out of the class
    # body: the standard road puts a placeholder at each name, which `__set_name__` deletes and
    # sets again, so that every member ends up after every other attribute, in order — as here.
    next_value, member_type, first_enum, new_member, save_new, use_args, value_repr = steps
    classdict: dict[str, Any] = {"_generate_next_value_": next_value}
    classdict["__module__"] = module
    if qualname is not None:
        classdict["__qualname__"] = qualname
    classdict["_new_member_"] = new_member
    classdict["_use_args_"] = use_args
    member_names: list[str] = []
    member_map: dict[str, Any] = {}
    value2member: dict[int, Any] = {}
    classdict["_member_names_"] = member_names
    classdict["_member_map_"] = member_map
    classdict["_value2member_map_"] = value2member
    classdict["_unhashable_values_"] = []
    classdict["_member_type_"] = member_type
    classdict["_value_repr_"] = value_repr
    classdict["_boundary_"] = boundary or getattr(first_enum, "_boundary_", None)
    classdict["_flag_mask_"] = 0
    classdict["_singles_mask_"] = 0
    classdict["_all_bits_"] = 0
    classdict["_inverted_"] = None
    enum_class: Any = type.__new__(metacls, class_name, bases, classdict)
    is_flag = issubclass(enum_class, enum.Flag)
    plain_init = enum_class.__init__ is enum.Enum.__init__
    set_attribute = type.__setattr__
    flag_mask = singles_mask = 0
    for name, given in members:
        # _proto_member.__set_name__, for an int value of a plain name.
        member = new_member(enum_class, given) if use_args else new_member(enum_class)
        if not hasattr(member, "_value_"):
            member._value_ = given if member_type is object else member_type(given)
        value = member._value_
        member._name_ = name
        member.__objclass__ = enum_class
        if not plain_init:
            member.__init__(given)
        member._sort_order_ = len(member_names)
        if is_flag:
            flag_mask |= value
            if _single_bit(value):
                singles_mask |= value
        canonical = value2member.get(value)
        if canonical is not None:
            member = canonical  # an alias
        elif not is_flag or _single_bit(value):
            member_names.append(name)
        set_attribute(enum_class, name, member)
        member_map[name] = member
        value2member.setdefault(value, member)
    if is_flag and members:
        set_attribute(enum_class, "_flag_mask_", flag_mask)
        set_attribute(enum_class, "_singles_mask_", singles_mask)
        set_attribute(enum_class, "_all_bits_", 2 ** (flag_mask.bit_length()) - 1)
    _finish(enum_class, member_type, first_enum, save_new, new_member, is_flag)
    return enum_class


def _finish(
    enum_class: Any,
    member_type: Any,
    first_enum: Any,
    save_new: bool,
    new_member: Any,
    is_flag: bool,
) -> None:
    """The end of EnumType.__new__ (3.11), as it runs for these classes (no `_order_`). Its
    `classdict`, updated with the class's own attributes, is read here only for whether the class
    has an attribute of its own: `own` answers (every key of the body is one). None of the names
    set or deleted is a member's, so EnumType's own __setattr__ and __delattr__, which refuse a
    member's, are type's."""
    own = enum_class.__dict__
    set_attribute = type.__setattr__
    if enum.ReprEnum in enum_class.__bases__:
        if "__format__" not in own:
            set_attribute(enum_class, "__format__", member_type.__format__)
        if "__str__" not in own:
            method = member_type.__str__
            if method is object.__str__:
                method = member_type.__repr__
            set_attribute(enum_class, "__str__", method)
    for name in _MIXIN_CHECKED:
        if name not in own:
            enum_method = getattr(first_enum, name)
            found_method = getattr(enum_class, name)
            if found_method in (getattr(member_type, name), getattr(object, name)):
                set_attribute(enum_class, name, enum_method)
    if is_flag:
        for name in _FLAG_PARTS:
            if name not in own:
                set_attribute(enum_class, name, getattr(enum.Flag, name))
    if save_new:
        set_attribute(enum_class, "__new_member__", new_member)
    set_attribute(enum_class, "__new__", enum.Enum.__new__)
    if not is_flag:
        for name in ("_boundary_", "_flag_mask_", "_singles_mask_", "_all_bits_", "_inverted_"):
            type.__delattr__(enum_class, name)
    else:
        values = [m._value_ for m in enum_class]
        if values != sorted(values):
            set_attribute(enum_class, "_iter_member_", enum_class._iter_member_by_def_)


def _base_steps(base: enum.EnumType) -> tuple[Any, ...]:
    """What EnumType.__prepare__, _get_mixins_, _find_new_ and _find_data_repr_ answer for a
    class of one of the four bases and a body without `__new__` (they read nothing else): asked
    once per base. In order: `_generate_next_value_`, the member type, the first enum, the
    member's `__new__`, whether to save it, whether it takes the value, the value's repr."""
    metacls: Any = base.__class__
    bases = (base,)
    prepared = metacls.__prepare__(base.__name__, bases)
    member_type, first_enum = metacls._get_mixins_(base.__name__, bases)
    new_member, save_new, use_args = metacls._find_new_({}, member_type, first_enum)
    steps = (
        prepared["_generate_next_value_"],
        member_type,
        first_enum,
        new_member,
        save_new,
        use_args,
        metacls._find_data_repr_(base.__name__, bases),
    )
    _BASE_STEPS[base] = steps
    return steps


_BASE_STEPS: dict[Any, tuple[Any, ...]] = {}


def _single_bit(value: int) -> bool:
    # enum._is_single_bit
    if value == 0:
        return False
    value &= value - 1
    return value == 0


def _inherited(base: type) -> frozenset[str]:
    """Names a member may not take on the shorter road: anything a base class defines (the
    standard road then puts a property in front of such a member)."""
    return frozenset(name for klass in base.__mro__ for name in klass.__dict__)


_BASES = {base: _inherited(base) for base in (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)}
