"""The DOCX writer's one scan of a run answers what its two scans answered.

``RunWriter.run`` asked ``Chain.all_primary`` and then ``_PLAIN.search`` of nearly every run;
``Chain.primary_without(_PLAIN_CODES)`` answers both at once (aa5bb2d). A run the one scan
calls plain is written without cleaning, escaping or a cut into fonts, so a character it
wrongly let through would reach the file raw (an ``&``, a control XML cannot hold) or in a font
that lacks it. The two sets of characters are kept side by side: one as a regex, one as codes."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefbook.render.docx_fonts import chain_of
from briefbook.render.docx_runs import _PLAIN, _PLAIN_CODES
from briefbook.render.template import load_template
from tests.render.scripts_samples import NAMES


def _two_scans(chain, text: str) -> bool:
    return chain.all_primary(text) and _PLAIN.search(text) is None


def test_the_codes_are_the_regex_s_characters() -> None:
    assert {c for c in range(0x110000) if _PLAIN.match(chr(c))} == _PLAIN_CODES


def test_one_scan_agrees_on_every_character_of_the_planes_people_write() -> None:
    chain = chain_of(load_template("formal-a4"))
    one = chain.primary_without(_PLAIN_CODES).search
    differ = [hex(c) for c in range(0x30000) if (one(chr(c)) is None) != _two_scans(chain, chr(c))]
    assert not differ


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
@example("Bộ trưởng Ngoại giao & UNODC <Bangkok>")
@example("ສົມພອນ ວົງສາ\tប្រាក់ សុខុន\u202e")
@example(" \u00a0\r\n")
def test_one_scan_agrees_on_texts(text: str) -> None:
    chain = chain_of(load_template("formal-a4"))
    assert (chain.primary_without(_PLAIN_CODES).search(text) is None) == _two_scans(chain, text)


def test_one_scan_agrees_on_the_names_of_every_script() -> None:
    chain = chain_of(load_template("formal-a4"))
    one = chain.primary_without(_PLAIN_CODES).search
    for text in NAMES.values():
        assert (one(text) is None) == _two_scans(chain, text), text
