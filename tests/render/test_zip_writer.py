"""The Word file's zip writer writes what zipfile writes, and takes a member already deflated."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from briefbook.errors import BriefBookError
from briefbook.render import zip_writer
from briefbook.render.docx_xml import ZIP_DATE, write_zip, zip_info

_RNG = random.Random(11)
_WORDS = ["Việt", "Nam", "ประเทศไทย", "ລາວ", "<w:p/>"]
MEMBERS = [
    ("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'),
    (
        "word/document.xml",
        " ".join(_RNG.choices(_WORDS, k=20000)).encode(),
    ),
    ("word/fonts/font1.odttf", _RNG.randbytes(30000) + bytes(30000)),
    ("word/media/ảnh.png", b""),  # a name outside ASCII, and an empty member
]


def _zipfile_bytes(level: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in MEMBERS:
            archive.writestr(zip_info(name), data, compresslevel=level)
    return out.getvalue()


@pytest.mark.parametrize("level", [1, 3, 6, 9])
def test_the_bytes_are_zipfiles(level):
    out = io.BytesIO()
    write_zip(out, MEMBERS, compresslevel=level)
    assert out.getvalue() == _zipfile_bytes(level)


def test_a_member_already_deflated_is_written_as_it_is():
    """A font part deflated at 9 in an archive at 3: the same file zipfile writes had it
    deflated that member at 9, and every member reads back (CRC checked)."""
    ready = [(n, zip_writer.deflated(d, 9) if n.endswith(".odttf") else d) for n, d in MEMBERS]
    out = io.BytesIO()
    write_zip(out, ready, compresslevel=3)
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in MEMBERS:
            archive.writestr(zip_info(name), data, compresslevel=9 if name.endswith(".odttf") else 3)
    assert out.getvalue() == expected.getvalue()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        assert archive.testzip() is None
        assert [(i.filename, i.date_time) for i in archive.infolist()] == [(n, ZIP_DATE) for n, _ in MEMBERS]
        assert [archive.read(n) for n, _ in MEMBERS] == [d for _, d in MEMBERS]


def test_a_wrong_crc_is_caught_by_a_reader():
    """The CRC written is the one given: a kept part that lied would not pass unzip -t."""
    name, data = MEMBERS[2]
    good = zip_writer.deflated(data, 9)
    out = io.BytesIO()
    write_zip(out, [(name, zip_writer.Deflated(good.data, good.crc ^ 1, good.size))])
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        assert archive.testzip() == name


def test_too_many_parts_is_said_in_words():
    members = ((f"p{i}", b"") for i in range(0x10000))
    with pytest.raises(BriefBookError, match="65,535 parts"):
        write_zip(io.BytesIO(), members)
