"""The hostile-photo corpus: a picture carries its pixels into the library, and nothing else.

Each case is a picture with something planted in a metadata segment (EXIF with
a GPS position, XMP, ICC, a JPEG comment, Photoshop IPTC, APPn blocks, PNG text
chunks, private chunks, data after the end) or a size that would exhaust memory.
For every case the stored photo holds none of it: the canary text is in no byte
of the stored photo nor of the exported files, and the stored file has only the
segments an image needs. Size limits hold while reading (``/dev/zero``).
"""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from briefbook.errors import ValidationError
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library
from briefbook.library.books import new_book
from briefbook.library.photos import MAX_INPUT_BYTES, read_photo_file

CANARY = "CANARY-5d9c"
WORKS = "works"
# The only JPEG markers an image needs (Pillow writes JFIF APP0, which says nothing of the sender).
JPEG_MARKERS = {0xD8, 0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDA, 0xD9, 0xDD}
PNG_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


@dataclass(frozen=True)
class Case:
    id: str
    data: Callable[[], bytes]
    expect: str = WORKS


def _image(mode: str = "RGB", size: tuple[int, int] = (64, 48)) -> Image.Image:
    image = Image.new(mode, size)
    image.putdata(
        [
            (x * 4 % 256, y * 5 % 256, 90) + ((200,) if mode == "RGBA" else ())
            for y in range(48)
            for x in range(64)
        ]
    )
    return image


def _save(fmt: str, mode: str = "RGB", **options) -> Callable[[], bytes]:
    def make() -> bytes:
        out = io.BytesIO()
        _image(mode).save(out, format=fmt, **options)
        return out.getvalue()

    return make


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010E] = CANARY  # ImageDescription
    exif[0x013B] = CANARY  # Artist
    exif[0x8298] = CANARY  # Copyright
    gps = {1: "N", 2: (21.0, 1.0, 42.0), 3: "E", 4: (105.0, 51.0, 0.0)}
    exif[0x8825] = gps  # GPSInfo: where the picture was taken
    return exif


XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
    f'dc:creator="{CANARY}"/></rdf:RDF></x:xmpmeta>'
).encode()


def _jpeg_with_segment(marker: int, payload: bytes) -> Callable[[], bytes]:
    """A JPEG with one raw segment inserted after SOI."""

    def make() -> bytes:
        plain = _save("JPEG")()
        segment = bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload
        return plain[:2] + segment + plain[2:]

    return make


def _png_with_chunk(kind: bytes, payload: bytes, *, after_end: bool = False) -> Callable[[], bytes]:
    def make() -> bytes:
        plain = _save("PNG")()
        chunk = (
            struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
        )
        if after_end:
            return plain + chunk
        return plain[:33] + chunk + plain[33:]  # after IHDR

    return make


def _png_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", CANARY)
    info.add_text("Comment", CANARY, zip=True)
    info.add_itxt("Description", CANARY, lang="vi", tkey=CANARY)
    out = io.BytesIO()
    _image().save(out, format="PNG", pnginfo=info)
    return out.getvalue()


FAKE_ICC = b"\x00\x00\x02\x0cappl\x02\x10\x00\x00mntrRGB XYZ " + CANARY.encode() * 20


def _gif_comment() -> bytes:
    out = io.BytesIO()
    _image().convert("P").save(out, format="GIF", comment=CANARY.encode())
    return out.getvalue()


CASES = [
    Case("jpeg-comment", _save("JPEG", comment=CANARY)),
    Case("jpeg-exif-with-gps", _save("JPEG", exif=_exif())),
    Case("jpeg-xmp", _jpeg_with_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP)),
    Case("jpeg-icc-profile", _save("JPEG", icc_profile=FAKE_ICC)),
    Case(
        "jpeg-photoshop-iptc",
        _jpeg_with_segment(0xED, b"Photoshop 3.0\x008BIM\x04\x04\x00\x00" + CANARY.encode()),
    ),
    Case("jpeg-app15-private-block", _jpeg_with_segment(0xEF, CANARY.encode() * 10)),
    Case("jpeg-com-raw", _jpeg_with_segment(0xFE, CANARY.encode())),
    Case("jpeg-data-after-the-end", lambda: _save("JPEG")() + CANARY.encode() * 50),
    Case("jpeg-progressive-with-exif", _save("JPEG", progressive=True, exif=_exif())),
    Case("png-text-ztxt-itxt", _png_text),
    Case("png-exif-chunk", _save("PNG", exif=_exif())),
    Case("png-icc-profile", _save("PNG", icc_profile=FAKE_ICC)),
    Case("png-private-chunk", _png_with_chunk(b"prVt", CANARY.encode())),
    Case("png-xmp-itxt", _png_with_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP)),
    Case("png-data-after-the-end", _png_with_chunk(b"tEXt", b"Author\x00" + CANARY.encode(), after_end=True)),
    Case("png-transparent-with-text", lambda: _png_text_rgba()),
    Case("gif-comment", _gif_comment),
    Case("webp-exif-and-xmp", _save("WEBP", exif=_exif(), xmp=XMP)),
    Case("tiff-description-and-artist", _save("TIFF", tiffinfo={270: CANARY, 315: CANARY})),
    Case("bmp-data-after-the-end", lambda: _save("BMP")() + CANARY.encode() * 20),
    Case(
        "jpeg-claims-65000-square", lambda: _sof_claims(65000, 65000), "too large|far too large|not a picture"
    ),
    Case("empty", lambda: b"", "empty"),
    Case("41-MB-of-zeros", lambda: b"\xff\xd8" + b"\x00" * (41 * 1024 * 1024), "larger than 40 MB"),
]


def _png_text_rgba() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", CANARY)
    out = io.BytesIO()
    _image("RGBA").save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def _sof_claims(width: int, height: int) -> bytes:
    plain = bytearray(_save("JPEG")())
    at = plain.find(b"\xff\xc0")
    plain[at + 5 : at + 9] = struct.pack(">HH", height, width)
    return bytes(plain)


def _jpeg_markers(data: bytes) -> set[int]:
    markers, i = set(), 2
    assert data[:2] == b"\xff\xd8"
    markers.add(0xD8)
    while i < len(data):
        assert data[i] == 0xFF, "bytes outside any segment"
        marker = data[i + 1]
        markers.add(marker)
        if marker == 0xD9:
            assert i + 2 == len(data), "data after the end of the picture"
            break
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if marker == 0xDA:  # scan data runs to the next marker that is not a restart or a stuffed 0xFF
            j = i + 2 + length
            while not (data[j] == 0xFF and data[j + 1] not in (0x00, *range(0xD0, 0xD8))):
                j += 1
            i = j
        else:
            i += 2 + length
    return markers


def _png_chunks(data: bytes) -> set[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, i = set(), 8
    while i < len(data):
        length = struct.unpack(">I", data[i : i + 4])[0]
        kind = data[i + 4 : i + 8]
        chunks.add(kind)
        i += 12 + length
        if kind == b"IEND":
            assert i == len(data), "data after the end of the picture"
    return chunks


def test_corpus_size() -> None:
    assert len(CASES) >= 20 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_photo(case: Case, library: Library, filled: dict) -> None:
    person = filled["person"].id
    data = case.data()
    if case.expect != WORKS:
        with pytest.raises(ValidationError, match=case.expect):
            library.set_photo(person, data)
        assert library.photo(person) is None
        return
    assert any(n in data for n in (CANARY.encode(), b"Exif", b"eXIf", b"iCCP"))  # the case plants something
    library.set_photo(person, data)
    stored = library.photo(person) or b""
    assert CANARY.encode() not in stored
    for needle in (b"Exif", b"http://ns.adobe.com", b"ICC_PROFILE", b"Photoshop", b"8BIM"):
        assert needle not in stored, needle
    if stored[:2] == b"\xff\xd8":
        assert _jpeg_markers(stored) <= JPEG_MARKERS
    else:
        assert _png_chunks(stored) <= PNG_CHUNKS
    assert Image.open(io.BytesIO(stored)).size == (64, 48)


def test_no_planted_metadata_reaches_an_export(library: Library, filled: dict, tmp_path: Path) -> None:
    from briefbook.library import Person

    for case in CASES:
        if case.expect == WORKS:
            someone = library.add(Person(name=f"Người {case.id}"))
            library.set_participant(filled["meeting"].id, someone.id, "counterpart")
            library.set_photo(someone.id, case.data())
    book = new_book(library, filled["event"].id, language="en")
    paths = export_book(library, book.id, tmp_path / "book", ExportOptions())
    for path in paths:
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                media = [n for n in z.namelist() if n.startswith("word/media/")]
                assert media, "the photos are in the Word file"
                for name in z.namelist():
                    assert CANARY.encode() not in z.read(name), name
        else:
            assert CANARY.encode() not in path.read_bytes()


def test_dev_zero_is_refused_while_reading() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError, match="larger than 40 MB"):
            read_photo_file("/dev/zero")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_INPUT_BYTES


def test_cli_photo_from_dev_zero_and_from_a_folder(
    library: Library, filled: dict, library_path: Path, tmp_path: Path
):
    from click.testing import CliRunner

    from briefbook.cli.main import _register, cli

    _register()
    library.close()
    person = filled["person"].id
    for source, message in (("/dev/zero", "larger than 40 MB"), (str(tmp_path), "is a directory")):
        if source == "/dev/zero" and not Path(source).exists():
            continue
        result = CliRunner().invoke(cli, ["--library", str(library_path), "photo", person, source])
        assert result.exit_code != 0 and message in result.output, result.output
        assert "Traceback" not in result.output
