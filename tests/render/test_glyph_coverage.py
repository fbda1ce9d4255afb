"""Nothing vanishes in silence: every character of a book is in the PDF's text layer,
or the preflight names it (with its item and field) and the file shows U+FFFD."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefbook.assemble import preflight
from briefbook.document.model import Document, Metadata, Paragraph, Run
from briefbook.library import Library, Person
from briefbook.library.books import new_book
from briefbook.library.records import Event
from briefbook.render.font_chain import chain_for, is_ignorable
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template

EXAMPLES = 300
_EMOJI_SEQUENCES = ["👨‍👩‍👧", "👍🏽", "☎️", "🏳️‍🌈", "1️⃣", "🇻🇳"]
_JOINERS = ["\u200d", "\u200c", "\u00ad", "\ufe0f", "\u200b", "\u2060"]
_pieces = st.one_of(
    st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),  # every assigned code point
    st.characters(categories=("Mn", "Mc", "Me")),  # combining marks
    st.characters(min_codepoint=0x0E00, max_codepoint=0x109F),  # Thai, Lao, Tibetan, Myanmar
    st.characters(min_codepoint=0x1780, max_codepoint=0x17FF),  # Khmer
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # Arabic
    st.sampled_from(_JOINERS),
    st.sampled_from(_EMOJI_SEQUENCES),
    st.just(" "),
)
texts = st.lists(_pieces, min_size=1, max_size=40).map("".join)


@pytest.fixture(scope="module")
def a4():
    return load_template("formal-a4")


def _layer(path) -> str:
    return unicodedata.normalize("NFC", "".join(p.extract_text() for p in PdfReader(path).pages))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
# A right-to-left paragraph is extracted in visual order, so a mark drawn on an Arabic
# letter can follow the Latin letter beside it and compose with it; hence the NFD below.
@example("\u060b\u0300\u0ed0E")
@example("\u00c0\u00ad\u0323")
def test_every_character_is_in_the_text_layer_or_named(a4, tmp_path_factory, text):
    source = unicodedata.normalize("NFC", text)
    chain = chain_for(a4.body_font, a4.thai_font)
    named = set(chain.uncovered(source))
    path = tmp_path_factory.mktemp("g") / "g.pdf"
    render_pdf(Document(Metadata(title="g"), [Paragraph([Run(source)])]), a4, path)
    layer = _layer(path)
    decomposed = unicodedata.normalize("NFD", layer)
    for char in source:
        if char.isspace() or is_ignorable(char):
            continue
        # (each of its letters and marks, not the sequence: an invisible character dropped
        # between two marks lets them reorder, "À" + soft hyphen + dot below prints "Ạ̀")
        found = char in layer or all(part in decomposed for part in unicodedata.normalize("NFD", char))
        assert found or char in named, (char, f"U+{ord(char):04X}", unicodedata.name(char, "?"))
    if named:
        assert "\ufffd" in layer  # shown, not dropped


def test_the_preflight_names_the_character_item_and_field(library: Library):
    event = library.add(Event(title="Hội nghị"))
    person = library.add(
        Person(name="ທ່ານ ສອນໄຊ 𓀀", position="Bộ trưởng", biography="Sinh năm 1966 ⰀⰁ ở Champasak")
    )
    library.set_delegate(event.id, person.id, "Khách mời")
    book = new_book(library, event.id, title="Sổ tay")
    found = [w for w in preflight(library, book) if w.code == "glyph_missing"]
    messages = " ".join(w.message for w in found)
    assert {w.item_id for w in found} == {person.id}
    assert "U+13000" in messages and "field “name”" in messages
    assert "U+2C00" in messages and "field “biography”" in messages
    assert "ສອນໄຊ" not in messages.split("field")[0] or "Lao" not in messages  # Lao itself is printable


def test_the_preflight_says_when_no_chinese_font_is_installed(library: Library, monkeypatch):
    from briefbook.render import font_chain, font_files

    monkeypatch.setattr(font_files, "_system_cjk", [None])
    monkeypatch.setattr(font_chain, "_CHAINS", {})
    event = library.add(Event(title="Hội nghị"))
    person = library.add(Person(name="王毅"))
    library.set_delegate(event.id, person.id, "Khách mời")
    book = new_book(library, event.id, title="Sổ tay")
    warnings = preflight(library, book)
    assert any(w.code == "font_missing" and "Chinese" in w.message for w in warnings)
    assert any(w.code == "glyph_missing" and "U+738B" in w.message for w in warnings)


def test_a_printable_book_has_no_glyph_warnings(library: Library):
    event = library.add(Event(title="Hội nghị"))
    for name in ("สีหศักดิ์", "ສອນໄຊ", "ហ៊ុន ម៉ាណែត", "မင်းအောင်လှိုင်", "محمد", "Lê Anh Tuấn 🙂"):
        person = library.add(Person(name=name))
        library.set_delegate(event.id, person.id, "Khách mời")
    book = new_book(library, event.id, title="Sổ tay")
    assert not [w for w in preflight(library, book) if w.code in ("glyph_missing", "font_missing")]
