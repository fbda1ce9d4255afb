"""``dataclass`` with its comparison and printing shared by every class, not compiled for each.

For every class it decorates, ``dataclasses.dataclass`` writes ``__repr__`` and ``__eq__``
(and, for a frozen class, ``__hash__``) as source text and compiles it, at every start of
the program: a command-line DOCX export decorates about sixty classes before it reads the
library. Made here for the forty of them outside the document model, a 100-meeting export
takes 45 M instructions fewer of its 2,060 M, a 10-meeting one 49 M of 832 M (callgrind); the
document model's fifteen took 14 M more from every process that imports it (the window's
start too). The model imports this module and nothing else of ours, so it imports nothing of
ours but the standard library. The ``__init__`` it compiles is left to it: this module would have
to compile one as well to keep the signature. :func:`dataclass` here is the standard one with
``repr=False, eq=False``, followed by the same three methods as closures over the class's
fields, made without compiling anything:

- ``__repr__``: ``Name(field=value!r, ...)`` over the fields with ``repr=True``, by the
  class's ``__qualname__``, ``...`` for an instance met again while it is being printed;
- ``__eq__``: the tuples of the fields with ``compare=True``, for two instances of the very
  same class (``NotImplemented`` otherwise);
- ``__hash__``: ``None`` for a mutable class, the hash of the same tuple for a frozen one
  (of the fields with ``hash=True``, or ``hash=None`` and ``compare=True``), as
  ``dataclass`` decides it; a method the class body writes itself is kept, as ``dataclass``
  keeps it.

``tests/test_shared_methods.py`` compares every class that uses it with the class plain
``dataclass`` makes from the same body. The one visible difference:
``__dataclass_params__`` says ``repr=False, eq=False``. Orderings (``order=True``) are not
offered.
"""

from __future__ import annotations

import dataclasses
from _thread import get_ident
from operator import attrgetter

__all__ = ["dataclass"]


def dataclass(cls: type | None = None, /, *, frozen: bool = False, **options):
    """``dataclasses.dataclass(cls, frozen=..., **options)`` with shared ``__repr__``,
    ``__eq__`` and ``__hash__`` (see the module's text); usable with or without arguments."""
    for name in ("repr", "eq", "order", "unsafe_hash"):
        if name in options:
            raise TypeError(f"shared_methods.dataclass does not take {name}=")

    def wrap(cls: type) -> type:
        body = cls.__dict__
        explicit_hash = "__hash__" in body and not (body["__hash__"] is None and "__eq__" in body)
        own_repr, own_eq = "__repr__" in body, "__eq__" in body
        made = dataclasses.dataclass(cls, frozen=frozen, repr=False, eq=False, **options)
        fields = dataclasses.fields(made)
        if not own_repr:
            _set(made, "__repr__", _repr([f.name for f in fields if f.repr]))
        if not own_eq:
            _set(made, "__eq__", _eq(_values([f.name for f in fields if f.compare])))
        if not explicit_hash:
            if frozen:
                hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
                _set(made, "__hash__", _hash(_values(hashed)))
            else:
                made.__hash__ = None  # type: ignore[assignment]  (equal by value, so unhashable)
        return made

    return wrap if cls is None else wrap(cls)


def _set(cls: type, name: str, method) -> None:
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, method)


def _values(names: list[str]):
    """A function of an instance: the tuple of its ``names``' values, read in C."""
    if not names:
        return lambda self: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return attrgetter(*names)


def _repr(names: list[str]):
    values = _values(names)
    running: set[tuple[int, int]] = set()

    def __repr__(self) -> str:
        key = id(self), get_ident()
        if key in running:
            return "..."
        running.add(key)
        try:
            shown = ", ".join([f"{name}={value!r}" for name, value in zip(names, values(self), strict=True)])
            return f"{self.__class__.__qualname__}({shown})"
        finally:
            running.discard(key)

    return __repr__


def _eq(values):
    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(values):
    def __hash__(self) -> int:
        return hash(values(self))

    return __hash__
