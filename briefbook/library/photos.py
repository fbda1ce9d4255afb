"""Photos of counterparts: validated, turned upright, downscaled, stored as BLOBs.

Photos arrive from e-mail and web pages: huge, rotated by EXIF, CMYK,
animated, corrupt, or not images at all. Each case either becomes a sensible
picture or a message a desk officer understands.

What is stored is re-encoded from the pixels alone: no metadata segment of
the original survives (EXIF with its camera and GPS position, XMP, ICC
profiles, JPEG comments and Photoshop blocks, PNG text chunks), so none can
travel into an exported book. A file is read with a cap
(:func:`read_photo_file`): ``/dev/zero`` is refused after 40 MB, not read to
the end.
"""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Collection
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from briefbook.errors import ValidationError
from briefbook.library.records import Person
from briefbook.library.stamps import now
from briefbook.shared_methods import dataclass

if TYPE_CHECKING:
    from briefbook.store.connection import Database

MAX_SIDE = 1600
MAX_INPUT_BYTES = 40 * 1024 * 1024
MAX_INPUT_PIXELS = 80_000_000  # about 9000 x 9000; beyond that we refuse rather than risk memory
ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF", "MPO"}


@dataclass
class Photo:
    """A person's photo as stored: the image bytes, their format and size in pixels."""

    data: bytes
    format: str
    width: int
    height: int
    original_format: str
    original_width: int
    original_height: int


def read_photo_file(path: str | Path) -> bytes:
    """The bytes of a picture file, refused as soon as there are more than 40 MB (never all read first)."""
    try:
        with Path(path).open("rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
    except IsADirectoryError:
        raise ValidationError(f"{path} is a folder, not a picture.", "photo") from None
    except OSError as exc:
        raise ValidationError(f"The picture {path} cannot be read: {exc.strerror or exc}.", "photo") from None
    if len(data) > MAX_INPUT_BYTES:
        raise ValidationError(
            "The photo file is larger than 40 MB; please choose a smaller picture.", "photo"
        )
    return data


def prepare_photo(data: bytes) -> Photo:
    """Check and normalise an uploaded picture; raise ValidationError in plain words."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # on first use: opening a library needs no PIL

    if not data:
        raise ValidationError("The photo file is empty.", field="photo")
    if len(data) > MAX_INPUT_BYTES:
        raise ValidationError(
            "The photo file is larger than 40 MB; please choose a smaller picture.", "photo"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = MAX_INPUT_PIXELS
            image = Image.open(io.BytesIO(data))
            original_format = image.format or "unknown"
            width, height = image.size
            if original_format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    f"A photo must be a JPEG, PNG, GIF, WebP, BMP or TIFF picture, not {original_format}.",
                    "photo",
                )
            if width * height > MAX_INPUT_PIXELS:
                raise ValidationError(
                    f"The picture is {width} × {height} pixels, too large to use safely; "
                    "please choose a smaller picture.",
                    "photo",
                )
            image.seek(0)  # animated: the first frame
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            "The picture is far too large (it could be a 'decompression bomb'); please choose another one.",
            "photo",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(
            "This file is not a picture BriefBook can read, or it is damaged.", "photo"
        ) from None
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # The pixels alone, in a new image: Pillow carries ``info`` (comment, XMP, ICC, EXIF)
    # into what it saves, so nothing of the original's is left to carry.
    image = Image.frombytes(image.mode, image.size, image.tobytes())
    out = io.BytesIO()
    if has_alpha:
        image.save(out, format="PNG", optimize=True)
        fmt = "PNG"
    else:
        image.save(out, format="JPEG", quality=88, optimize=True)
        fmt = "JPEG"
    return Photo(out.getvalue(), fmt, image.width, image.height, original_format, width, height)


class PhotosMixin:
    """A counterpart's photo in the library: stored prepared (:func:`prepare_photo`), read, removed."""

    db: Database

    def set_photo(self, person_id: str, data: bytes) -> None:
        photo = prepare_photo(data)
        with self.transaction():
            self.get(Person, person_id)
            self.db["photos"].upsert({"person_id": person_id, **asdict(photo)}, pk="person_id")
            self.db["people"].update(person_id, {"updated_at": now()})

    def photo(self, person_id: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM photos WHERE person_id = ?", [person_id]).fetchone()
        return row[0] if row else None

    def photos(self, person_ids: Collection[str]) -> dict[str, bytes]:
        """person id -> :meth:`photo`, for those of ``person_ids`` that have one, in one query
        (a book's biographies asked for each)."""
        rows = self.db.execute(
            "SELECT person_id, data FROM photos WHERE person_id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(person_ids))],
        )
        return dict(rows.fetchall())

    def remove_photo(self, person_id: str) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM photos WHERE person_id = ?", [person_id])
