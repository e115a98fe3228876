"""A small base for records read by field name on the window's start path."""

from __future__ import annotations

from typing import ClassVar


class Record:
    """A record read by field names, hashed and shown as the NamedTuple it replaces, and equal
    to a record of its own class with the same values; unlike a NamedTuple, never to a tuple nor
    to a record of another class with the same values (an Ink and a Fill of one colour). A
    subclass names its fields in `__slots__` and `_fields` and assigns them in `__init__`.
    Plain classes, because the window defines such records at its start and `typing.NamedTuple`
    compiles every field's annotation into a `ForwardRef` (about 0.13 ms a class against 0.01).
    Only for records no caller uses as tuples (unpacking, indexing, ordering, `_replace`,
    `_asdict`)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"
