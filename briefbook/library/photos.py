"""Photos of counterparts: validated, turned upright, downscaled, stored as BLOBs.

Photos arrive from e-mail and web pages: huge, rotated by EXIF, CMYK,
animated, corrupt, or not images at all. Each case either becomes a sensible
picture or a message a desk officer understands.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from briefbook.errors import ValidationError

MAX_SIDE = 1600
MAX_INPUT_BYTES = 40 * 1024 * 1024
MAX_INPUT_PIXELS = 80_000_000  # about 9000 x 9000; beyond that we refuse rather than risk memory
ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF", "MPO"}


@dataclass
class Photo:
    data: bytes
    format: str
    width: int
    height: int
    original_format: str
    original_width: int
    original_height: int


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
    out = io.BytesIO()
    if has_alpha:
        image.save(out, format="PNG", optimize=True)
        fmt = "PNG"
    else:
        image.save(out, format="JPEG", quality=88, optimize=True)
        fmt = "JPEG"
    return Photo(out.getvalue(), fmt, image.width, image.height, original_format, width, height)
