"""Pictures for the DOCX renderer: check the data, find the natural size,
turn it upright. A damaged picture becomes ``None`` (the renderer writes a
short note instead), never an exception."""

from __future__ import annotations

import io
import warnings

from briefbook.render.docx_markup import attr
from briefbook.shared_methods import dataclass


@dataclass
class Picture:
    """An image ready to embed: bytes Word can show and its natural size."""

    data: bytes
    width_mm: float
    height_mm: float


def probe_picture(data: bytes | None) -> Picture | None:
    """Check that ``data`` is a readable picture; ``None`` if it is damaged.

    The natural size comes from pixels and DPI (96 when the file does not say or
    says something outside 50-1200, as Word, pandoc and our PDF renderer assume).
    A picture turned by its EXIF orientation is stored upright; formats other than
    PNG and JPEG become PNG.
    """
    if not data:
        return None
    from PIL import Image as PILImage  # on first picture: a book without one needs no Pillow
    from PIL import ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with PILImage.open(io.BytesIO(data)) as im:
                fmt, (px_w, px_h) = im.format, im.size
                if px_w < 1 or px_h < 1 or px_w * px_h > 80_000_000:
                    return None
                dpi = tuple(im.info.get("dpi") or (96, 96))
                dpi_x = float(dpi[0]) if 50 <= float(dpi[0]) <= 1200 else 96.0
                dpi_y = float(dpi[1]) if 50 <= float(dpi[1]) <= 1200 else dpi_x
                upright = im.getexif().get(0x0112, 1) in (0, 1)
                if fmt == "JPEG" and upright:
                    im.draft(im.mode, (max(1, px_w // 8), max(1, px_h // 8)))  # decode small, still whole
                im.load()
                if not upright or fmt not in ("PNG", "JPEG"):
                    turned = ImageOps.exif_transpose(im)
                    if turned.size != (px_w, px_h):
                        dpi_x, dpi_y = dpi_y, dpi_x
                    px_w, px_h = turned.size
                    alpha = turned.mode in ("RGBA", "LA", "PA") or "transparency" in turned.info
                    out = io.BytesIO()
                    if fmt in ("JPEG", "MPO") and not alpha:
                        turned.convert("RGB").save(out, format="JPEG", quality=92)
                    else:
                        turned.convert("RGBA" if alpha else "RGB").save(out, format="PNG")
                    data = out.getvalue()
    except Exception:  # Pillow raises many types for damaged data; all mean "cannot show it"
        return None
    return Picture(data, px_w / dpi_x * 25.4, px_h / dpi_y * 25.4)


_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


def drawing_xml(shape_id: int, rid: str, filename: str, cx: int, cy: int, description: str) -> str:
    """A ``w:drawing`` showing the picture part ``rid`` inline at ``cx`` x ``cy`` EMU, as
    python-docx's ``new_pic_inline`` made it, with no wrap distances (LibreOffice assumes
    1/8 inch when they are absent) and ``description`` for readers (``descr``)."""
    return (
        f'<w:drawing><wp:inline xmlns:wp="{_WP}" xmlns:a="{_A}" xmlns:pic="{_PIC}" '
        'distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="{shape_id}" name="Picture {shape_id}" descr="{attr(description)}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic><a:graphicData uri="{_PIC}"><pic:pic><pic:nvPicPr>'
        f'<pic:cNvPr id="0" name="{attr(filename)}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{attr(rid)}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>'
    )
