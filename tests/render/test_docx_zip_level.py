"""The zip's deflate level is the one asked for, and a lower one leaves every part's bytes alone."""

from __future__ import annotations

import io
import random
import zipfile

from briefbook.render import docx_package
from briefbook.render.docx_xml import write_zip

_WORDS = "Việt Nam đánh giá cao hợp tác quốc tế ประเทศไทย ความร่วมมือ ສປປ ລາວ chống lừa đảo trực tuyến".split()
_RNG = random.Random(7)
MEMBERS = [
    (
        "word/document.xml",
        "".join(
            f'<w:p><w:r><w:t xml:space="preserve">{" ".join(_RNG.choices(_WORDS, k=12))}</w:t></w:r></w:p>'
            for _ in range(3000)
        ).encode(),
    ),
    ("word/fonts/font1.odttf", _RNG.randbytes(20000) + bytes(20000)),
]


def _zipped(level: int) -> bytes:
    out = io.BytesIO()
    write_zip(out, MEMBERS, compresslevel=level)
    return out.getvalue()


def test_the_level_asked_for_is_the_level_written():
    # zipfile ignores the archive's level for a member written from a ZipInfo: every level gave
    # level 6's bytes until the level was passed to each member.
    fast, default, best = _zipped(1), _zipped(6), _zipped(9)
    assert len(fast) > len(default) > len(best)


def test_every_part_reads_back_the_same_at_the_export_level():
    data = _zipped(docx_package.EXPORT_ZIP_LEVEL)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert [(i.filename, i.compress_type, i.date_time) for i in archive.infolist()] == [
            (name, zipfile.ZIP_DEFLATED, (1980, 1, 1, 0, 0, 0)) for name, _ in MEMBERS
        ]
        assert [archive.read(name) for name, _ in MEMBERS] == [blob for _, blob in MEMBERS]
