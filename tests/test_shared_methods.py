"""shared_methods.dataclass must make the classes plain ``dataclass`` makes: the same repr,
equality and hash (or unhashability), the same refusals of a frozen class; only without
compiling __repr__, __eq__ and __hash__ for each class at start-up."""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefbook import shared_methods

ROOT = Path(__file__).resolve().parents[1]


def _bodies(make):
    """Pairs of classes made by ``make`` (a decorator factory) from the same bodies."""

    @make()
    class Plain:
        name: str
        level: str = "Public"
        tags: list = dataclasses.field(default_factory=list)

    @make()
    class Chosen:
        shown: str = ""
        hidden: str = dataclasses.field(default="", repr=False)
        uncompared: int = dataclasses.field(default=0, compare=False)

    @make()
    class Child(Plain):
        extra: int = 0

    @make(frozen=True)
    class Frozen:
        level: str
        kind: str = ""
        note: str = dataclasses.field(default="", hash=False)
        weight: int = dataclasses.field(default=0, compare=False, hash=True)

    @make(frozen=True)
    class One:
        only: str

    @make(frozen=True)
    class Nothing:
        pass

    @make()
    class OwnMethods:
        a: int = 0

        def __repr__(self) -> str:
            return "own"

        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = object.__hash__

    @make(frozen=True)
    class OwnHash:
        a: int = 0

        def __hash__(self) -> int:
            return 7

    @make()
    class Node:
        label: str = ""
        child: object = None

    return {
        "Plain": (Plain, [("a",), ("a", "Mật", [1]), ("b",)]),
        "Chosen": (Chosen, [(), ("x", "h", 1), ("x", "other", 2), ("y",)]),
        "Child": (Child, [("a",), ("a", "Public", [], 3)]),
        "Frozen": (Frozen, [("Public",), ("Public", "", "n", 5), ("Mật", "person")]),
        "One": (One, [("a",), ("b",)]),
        "Nothing": (Nothing, [()]),
        "OwnMethods": (OwnMethods, [(), (1,)]),
        "OwnHash": (OwnHash, [(), (2,)]),
        "Node": (Node, [(), ("a",)]),
    }


def _plain(**options):
    return lambda cls: dataclasses.dataclass(cls, **options)


def _shared(**options):
    return lambda cls: shared_methods.dataclass(cls, **options)


def _behaviour(cls: type, args: tuple, others: list[tuple]) -> dict:
    one = cls(*args)
    try:
        hashed: object = hash(one)
        if hashed == object.__hash__(one):
            hashed = "by identity"  # (an address: another in each class's instance)
    except TypeError as error:
        hashed = f"unhashable: {error}"
    result = {
        "repr": repr(one),
        "equal to a copy": one == cls(*args),
        "unequal to a copy": one != cls(*args),
        "equal to others": [one == cls(*o) for o in others],
        "against an object": one.__eq__(object()),
        "hash": hashed,
        "copy's hash the same": not isinstance(hashed, int) or hash(cls(*args)) == hashed,
        "fields": [f.name for f in dataclasses.fields(cls)],
        "match args": cls.__match_args__,
    }
    if dataclasses.fields(cls) and cls.__dataclass_params__.frozen:
        first = dataclasses.fields(cls)[0].name
        for act in (lambda: setattr(one, first, "x"), lambda: delattr(one, first)):
            with pytest.raises(dataclasses.FrozenInstanceError) as raised:
                act()
            result.setdefault("refusals", []).append(str(raised.value))
    return result


@pytest.mark.parametrize("name", list(_bodies(_plain)))
def test_the_same_class_as_plain_dataclass_makes(name: str) -> None:
    ours, cases = _bodies(_shared)[name]
    theirs, _ = _bodies(_plain)[name]
    for args in cases:
        assert _behaviour(ours, args, cases) == _behaviour(theirs, args, cases), args
    assert ours.__repr__.__qualname__ == theirs.__repr__.__qualname__
    assert ours.__dataclass_params__.frozen == theirs.__dataclass_params__.frozen


def test_a_subclass_compares_as_plain_dataclass_compares() -> None:
    for make in (_plain, _shared):
        bodies = _bodies(make)
        plain, child = bodies["Plain"][0], bodies["Child"][0]
        assert plain("a") != child("a")  # another class: never equal
        assert plain("a").__eq__(child("a")) is NotImplemented


def test_a_repr_that_meets_itself_again_prints_dots() -> None:
    for make in (_plain, _shared):
        node = _bodies(make)["Node"][0]
        loop = node("a")
        loop.child = loop
        assert repr(loop) == "_bodies.<locals>.Node(label='a', child=...)"


def test_orderings_and_the_methods_it_writes_are_not_taken() -> None:
    for option in ("order", "eq", "repr", "unsafe_hash"):
        with pytest.raises(TypeError):
            shared_methods.dataclass(**{option: True})


def _converted() -> list[type]:
    """Every class of briefbook's core made by shared_methods.dataclass."""
    found = []
    for path in sorted((ROOT / "briefbook").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if "ui" in rel.parts or "shared_methods import dataclass" not in path.read_text(encoding="utf-8"):
            continue
        module = importlib.import_module(".".join(rel.parts))
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == module.__name__
                and getattr(value.__eq__, "__module__", "") == "briefbook.shared_methods"
            ):
                found.append(value)
    return found


def _filled(cls: type, values: dict) -> object:
    """An instance holding ``values`` (set as a frozen class's __init__ sets them: some
    classes' __post_init__ needs real values, and only the fields matter here)."""
    one = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(one, name, value)
    return one


def test_every_converted_class_prints_compares_and_hashes_as_its_dataclass_would() -> None:
    classes = _converted()
    assert len(classes) > 30
    for cls in classes:
        fields = dataclasses.fields(cls)
        args = {f.name: f"v{i}" for i, f in enumerate(fields)}
        one, same = _filled(cls, args), _filled(cls, args)
        shown = ", ".join(f"{f.name}={getattr(one, f.name)!r}" for f in fields if f.repr)
        assert repr(one) == f"{cls.__qualname__}({shown})", cls
        assert one == same and (one != same) is False, cls
        compared = [f for f in fields if f.compare]
        if compared:
            other = _filled(cls, {**args, compared[-1].name: "another"})
            assert one != other, cls
        if cls.__dataclass_params__.frozen:
            hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
            assert hash(one) == hash(tuple(getattr(one, n) for n in hashed)), cls
        else:
            with pytest.raises(TypeError):
                hash(one)


PROBE = """
import dataclasses, json, sys
import briefbook.cli.main, briefbook.export, briefbook.render.docx, briefbook.exchange.changes
compiled = {"repr": [], "eq": []}
for name, module in sorted(sys.modules.items()):
    if not name.startswith("briefbook."):
        continue
    for value in vars(module).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name:
            for method in compiled:
                if getattr(value.__dataclass_params__, method):
                    compiled[method].append(f"{name}.{value.__qualname__}")
print(json.dumps(compiled))
"""


def test_a_docx_export_compiles_no_repr_or_eq() -> None:
    """What a DOCX export imports has no __repr__ or __eq__ compiled by dataclass, the document
    model's included, but for one class without equality."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    ).stdout
    compiled = json.loads(out.strip().splitlines()[-1])
    assert compiled["eq"] == []
    assert compiled["repr"] == ["briefbook.render.docx_repertoire.EmbeddedFont"]  # (eq=False: no __eq__)
