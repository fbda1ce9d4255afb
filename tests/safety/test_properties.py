"""Properties that hold for any input (Hypothesis), with example counts kept moderate.

* any text round-trips through the store: what a second connection reads back is the
  text after the documented cleaning (``clean`` for Markdown fields, ``clean_line``
  for one-line fields), and cleaning twice changes nothing;
* any word typed with or without its Vietnamese accents finds the item it names;
* search never raises, whatever the string;
* any bytes given as a photo become a picture or a plain ValidationError;
* any damage to a library file is refused untouched, or (if SQLite cannot see it)
  the library opens and searching and checking it still never raise.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from briefbook.errors import LibraryFileError, ValidationError
from briefbook.library import Library, Topic
from briefbook.library.photos import prepare_photo
from briefbook.text import clean, clean_line, fold

# Totals across this file: 200 + 150 + 100 + 300 + 150 + 60 = 960 examples.


def moderate(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# Text as users paste it: any code point (surrogates included), weighted towards the hard parts.
HARD = st.sampled_from(
    [
        *"\x00\x07\x0b\x0c\x1b\r\n\t\ufffe\uffff\ud800\udfff\u200b\u200d\u202e\ufeff<>&\"'*^:()-+{}[]\\%_",
        *("</para>", "<b>", "]]>", "&amp;", "AND", "OR", "NOT", "NEAR", "🇻🇳", "ư\u0300", "ด้", "ش"),
    ]
)
TEXT = st.lists(st.one_of(st.characters(codec=None), HARD, st.text(max_size=5)), max_size=40).map("".join)
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


@pytest.fixture
def lib(tmp_path: Path):
    library = Library.create(tmp_path / "p.briefbook")
    library.add(Topic(title="Công ước Hà Nội", background="Hợp tác chống lừa đảo trực tuyến."))
    yield library
    library.close()


def test_any_text_round_trips_through_the_store(lib: Library) -> None:
    topic = lib.add(Topic(title="Chủ đề"))
    reader = Library.open(lib.path, backup=False)  # read back through the file, not the writer's cache

    @moderate(200)
    @given(TEXT)
    def check(text: str) -> None:
        lib.update(Topic, topic.id, background=text)
        stored = reader.get(Topic, topic.id).background
        assert stored == clean(text)
        assert clean(stored) == stored

    try:
        check()
    finally:
        reader.close()


def test_cleaning_a_line_twice_changes_nothing() -> None:
    for text in ("T \u200b\r\u200b", "\u200b x \u200b \u200b", " \ufeff\u200bTên\u200d \u2060"):
        once = clean_line(text)
        assert clean_line(once) == once and not once.endswith((" ", "\u200b"))


def test_any_text_round_trips_through_a_one_line_field(lib: Library) -> None:
    topic = lib.add(Topic(title="Chủ đề"))

    @moderate(150)
    @given(TEXT)
    def check(text: str) -> None:
        lib.update(Topic, topic.id, title="T " + text)
        stored = lib.get(Topic, topic.id).title
        assert stored == clean_line("T " + text)
        assert clean_line(stored) == stored and "\n" not in stored

    check()


def test_any_vietnamese_word_is_found_with_or_without_accents(lib: Library) -> None:
    @moderate(100)
    @given(st.text(alphabet=VIETNAMESE, min_size=2, max_size=12))
    def check(word: str) -> None:
        item = lib.add(Topic(title=f"Về {word} và hơn nữa"))
        for query in (word, fold(word), word.upper()):
            assert item.id in {h.id for h in lib.search(query, limit=1000)}, query
        lib.delete(Topic, item.id)

    check()


def test_search_never_raises(lib: Library) -> None:
    @moderate(300)
    @given(TEXT, st.sampled_from([None, ("topic",), ("person", "statement")]))
    def check(query: str, kinds) -> None:
        hits = lib.search(query, kinds=kinds)
        assert isinstance(hits, list)
        for hit in hits:
            assert isinstance(hit.snippet, str)

    check()


def _picture(fmt: str, mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (24, 16), "red" if mode == "RGB" else 1).save(out, format=fmt)
    return out.getvalue()


PICTURES = [_picture("PNG"), _picture("JPEG"), _picture("GIF", "P"), _picture("BMP"), _picture("WEBP")]


@st.composite
def damaged_pictures(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(PICTURES)))
    cut = draw(st.integers(0, len(data)))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if data:
            data[at] = draw(st.integers(0, 255))
    return bytes(data[: max(cut, draw(st.integers(0, len(data))))])


@moderate(150)
@given(st.one_of(st.binary(max_size=3000), damaged_pictures()))
def test_any_bytes_as_a_photo_become_a_picture_or_a_plain_message(data: bytes) -> None:
    try:
        photo = prepare_photo(data)
    except ValidationError as exc:
        assert str(exc) and exc.field == "photo"
        return
    assert photo.format in ("JPEG", "PNG") and 0 < photo.width <= 1600 and 0 < photo.height <= 1600
    Image.open(io.BytesIO(photo.data)).load()


def test_any_damage_to_a_library_is_refused_untouched_or_harmless(lib: Library, tmp_path: Path) -> None:
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    original = lib.path.read_bytes()
    target = tmp_path / "damaged.briefbook"

    @moderate(60)
    @given(
        st.lists(
            st.tuples(st.integers(0, len(original) - 1), st.binary(min_size=1, max_size=600)), max_size=4
        ),
        st.one_of(st.none(), st.integers(0, len(original))),
    )
    def check(patches, cut) -> None:
        data = bytearray(original)
        for at, garbage in patches:
            data[at : at + len(garbage)] = garbage
        data = bytes(data[:cut] if cut is not None else data)
        for side in ("-wal", "-shm"):
            Path(f"{target}{side}").unlink(missing_ok=True)
        target.write_bytes(data)
        try:
            opened = Library.open(target, backup=False)
        except LibraryFileError as exc:
            assert target.read_bytes() == data, "a refused file was changed"
            assert str(exc)
            return
        with opened:
            opened.search("cong uoc")
            opened.check()  # a list of problems, or none: never an exception

    check()
    shutil.rmtree(tmp_path / "damaged.backups", ignore_errors=True)
