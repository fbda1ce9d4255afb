"""Photos as they arrive from e-mail and the web."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from briefbook.errors import ValidationError
from briefbook.library import Library, Person
from briefbook.library.photos import MAX_SIDE, prepare_photo


def _image(size=(400, 300), mode="RGB", fmt="JPEG", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "red" if mode != "CMYK" else (0, 255, 255, 0)).save(out, format=fmt, **save)
    return out.getvalue()


def test_a_big_photo_is_downscaled_and_stored(library: Library) -> None:
    person = library.add(Person(name="Delphine Schantz"))
    library.set_photo(person.id, _image((4000, 3000)))
    stored = Image.open(io.BytesIO(library.photo(person.id)))
    assert max(stored.size) == MAX_SIDE and stored.format == "JPEG"


def test_a_small_photo_is_not_upscaled() -> None:
    assert (prepare_photo(_image((120, 90))).width, prepare_photo(_image((120, 90))).height) == (120, 90)


def test_cmyk_and_png_with_alpha() -> None:
    assert prepare_photo(_image(mode="CMYK")).format == "JPEG"
    assert prepare_photo(_image(mode="RGBA", fmt="PNG")).format == "PNG"


def test_exif_rotation_is_applied() -> None:
    image = Image.new("RGB", (400, 200), "blue")
    exif = image.getexif()
    exif[0x0112] = 6  # rotate 90° when shown
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    photo = prepare_photo(out.getvalue())
    assert (photo.width, photo.height) == (200, 400)


def test_animated_gif_keeps_its_first_frame() -> None:
    frames = [Image.new("P", (50, 50), i) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:])
    assert prepare_photo(out.getvalue()).width == 50


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"%PDF-1.4 not an image", "not a picture"),
        (_image()[:200], "not a picture|damaged"),
    ],
)
def test_bad_files_get_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        prepare_photo(data)


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size, as a decompression bomb does."""
    png = bytearray(_image((1, 1), fmt="PNG"))
    ihdr = png.index(b"IHDR")
    png[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    png[ihdr + 17 : ihdr + 21] = struct.pack(">I", zlib.crc32(bytes(png[ihdr : ihdr + 17])))
    return bytes(png)


@pytest.mark.parametrize("size", [(40_000, 40_000), (20_000, 5_000)])
def test_a_decompression_bomb_is_refused(size: tuple[int, int]) -> None:
    with pytest.raises(ValidationError, match="too large"):
        prepare_photo(_png_claiming(*size))


def test_removing_a_photo(library: Library) -> None:
    person = library.add(Person(name="x"))
    library.set_photo(person.id, _image())
    library.remove_photo(person.id)
    assert library.photo(person.id) is None
