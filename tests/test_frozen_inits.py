"""Run and Origin write their own __init__ (dataclass(frozen=True) set each field through
object.__setattr__, which made a run cost twice a paragraph): it must be exactly the one
dataclasses would write. Each is compared with the dataclass made from the same fields."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
import random

import pytest

from briefbook.document.model import Origin, Run


def _reference(cls: type) -> type:
    """``cls`` as plain ``dataclass(frozen=True)`` makes it, from its own fields."""
    specs = [
        (
            f.name,
            f.type,
            dataclasses.field(default=f.default) if f.default is not dataclasses.MISSING else None,
        )
        for f in dataclasses.fields(cls)
    ]
    return dataclasses.make_dataclass(
        cls.__name__,
        [(name, kind, spec) if spec is not None else (name, kind) for name, kind, spec in specs],
        frozen=True,
        namespace={"__module__": cls.__module__},
    )


def _values(cls: type, rng: random.Random) -> tuple[list, dict]:
    """Arguments for ``cls``: some by position, some by name, some left to their defaults."""
    names = [f.name for f in dataclasses.fields(cls)]
    pool = ["", "Public", "Mật", "ທອງລຸນ", True, False, None, Origin("Internal", True, "person", "p1", "A")]
    values = [rng.choice(pool) for _ in names]
    given = rng.randint(1, len(names))
    by_position = rng.randint(1, given)
    return values[:by_position], dict(zip(names[by_position:given], values[by_position:given], strict=True))


@pytest.mark.parametrize("cls", [Run, Origin])
def test_the_same_signature_as_the_dataclass_init(cls: type) -> None:
    reference = _reference(cls)
    # (the return annotation aside: 'None' as text here, under from __future__ import annotations)
    assert inspect.signature(cls).parameters == inspect.signature(reference).parameters
    assert cls.__match_args__ == reference.__match_args__


@pytest.mark.parametrize("cls", [Run, Origin])
def test_the_same_values_equality_hash_and_repr(cls: type) -> None:
    reference = _reference(cls)
    rng = random.Random(13)
    for _ in range(300):
        args, kwargs = _values(cls, rng)
        ours, theirs = cls(*args, **kwargs), reference(*args, **kwargs)
        assert dataclasses.astuple(ours) == dataclasses.astuple(theirs)
        assert repr(ours) == repr(theirs)
        assert ours == cls(*args, **kwargs) and hash(ours) == hash(cls(*args, **kwargs))
        assert vars(ours) == vars(theirs)
        assert pickle.loads(pickle.dumps(ours)) == ours
        assert dataclasses.replace(ours, **{dataclasses.fields(cls)[0].name: "x"}) != ours or args[:1] == [
            "x"
        ]


@pytest.mark.parametrize("cls", [Run, Origin])
def test_still_frozen_and_still_refusing_what_dataclass_refuses(cls: type) -> None:
    one = cls("Public")
    first = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(one, first, "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(one, first)
    assert getattr(one, first) == "Public"
    with pytest.raises(TypeError):
        cls()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        cls("a", nonsense=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        cls(*["a"] * (len(dataclasses.fields(cls)) + 1))
