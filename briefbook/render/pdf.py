"""Render a :class:`~briefbook.document.model.Document` as a PDF.

The book is laid out in one pass. Page numbers that are only known at the end
(the contents entries, "of Y" in the footer) are forward references to form
XObjects defined after the last page (see :mod:`briefbook.render.pdf_layout`).
The file is written atomically: built in a temporary file beside the target,
then renamed over it; on any failure or cancel the target is left as it was.

Parts: ``pdf_fonts`` (fonts, styles, safe markup), ``pdf_layout`` (the build's
state, the page template, bookmarks, forms), ``pdf_furniture`` (banners, DRAFT,
running header, footer), ``pdf_flowables`` (paragraphs broken once, keep-with-next
groups), ``pdf_blocks`` (blocks to flowables), ``pdf_cover`` (the cover page),
``pdf_crypt`` (AES-256 password).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from reportlab.platypus import Spacer
from reportlab.platypus.doctemplate import LayoutError

from briefbook.document.model import Document, Metadata
from briefbook.errors import BriefBookError
from briefbook.render.pdf_blocks import build_flowables, starts_with_cover
from briefbook.render.pdf_crypt import AES256Encryption
from briefbook.render.pdf_layout import BookDoc, BookState
from briefbook.render.template import Template
from briefbook.text import clean_line

__all__ = ["build_bare", "render_pdf"]

PRODUCER = "BriefBook"


def render_pdf(
    document: Document,
    template: Template,
    target: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    password: str | None = None,
    allow_printing: bool = True,
    page_numbers: dict[str, int] | None = None,
) -> Path:
    """Write ``document`` to ``target`` as a PDF and return the target's path.

    ``progress(done, total)`` is called as blocks are laid out (and at each new
    page); if it raises :class:`~briefbook.errors.Cancelled` the export stops and
    no file is left behind. With ``password`` the file is encrypted with AES-256
    and needs the password to open; ``allow_printing`` sets its print permission.
    ``page_numbers``, if given, is filled with the page each heading anchor landed
    on, so that the DOCX contents can print the same numbers.
    Raises :class:`~briefbook.errors.BriefBookError` with a plain message if the
    file cannot be written.
    """
    target = Path(target)
    encrypt = AES256Encryption(password, allow_printing=allow_printing) if password else None
    with _atomic(target) as temp:
        state = _build(document, template, temp, forward_refs=True, progress=progress, encrypt=encrypt)
    if page_numbers is not None:
        page_numbers.update(state.pages)
    return target


def build_bare(document: Document, template: Template, target: str | Path) -> Path:
    """The same flowables in one plain reportlab pass: no outline, no bookmarks, no
    contents page numbers or "of Y" totals. The yardstick for :func:`render_pdf`'s speed."""
    target = Path(target)
    _build(document, template, str(target), forward_refs=False, progress=None, encrypt=None)
    return target


def _build(
    document: Document,
    template: Template,
    filename: str,
    *,
    forward_refs: bool,
    progress: Callable[[int, int], None] | None,
    encrypt,
) -> BookState:
    state = BookState(document, template, forward_refs=forward_refs, progress=progress)
    state.report(0)
    flowables = build_flowables(state) or [Spacer(1, 1)]  # a PDF needs at least one page
    meta = document.meta
    keywords = [k for k in (clean_line(k) for k in meta.keywords) if k]
    doc = book_doc(filename, state, meta, encrypt, cover_first=starts_with_cover(document), keywords=keywords)
    try:
        doc.build(flowables)
    except LayoutError as exc:
        raise BriefBookError(
            "The PDF could not be laid out: an item of the book is too large for the page. "
            f"(reportlab said: {str(exc).splitlines()[0][:200]})"
        ) from None
    return state


def book_doc(filename: str, state: BookState, meta: Metadata, encrypt, **extra) -> BookDoc:
    """The book's document template with its metadata (one-line, cleaned; our name as its
    producer): the same for a book and its cards."""
    return BookDoc(
        filename,
        state,
        title=clean_line(meta.title),
        author=clean_line(meta.author),
        subject=clean_line(meta.subject),
        creator=PRODUCER,
        producer=PRODUCER,
        lang=clean_line(meta.language) or None,
        displayDocTitle=1,
        encrypt=encrypt,
        **extra,
    )


def _why(exc: OSError) -> str:
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if isinstance(exc, PermissionError):
        return "the folder is read-only or you are not allowed to write there"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    return (exc.strerror or str(exc)).lower()


@contextlib.contextmanager
def _atomic(target: Path) -> Iterator[str]:
    """Yield a temporary file name beside ``target``; rename it onto ``target`` on success."""
    folder = target.absolute().parent
    if target.is_dir():
        raise BriefBookError(f"Cannot write the PDF to {target}: that is a folder.")
    if not folder.is_dir():
        reason = "the folder does not exist" if not folder.exists() else f"{folder} is not a folder"
        raise BriefBookError(f"Cannot write the PDF to {target}: {reason}.")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.stem[:40]}-", suffix=".pdf.part", dir=folder)
    except OSError as exc:
        raise BriefBookError(f"Cannot write the PDF to {target}: {_why(exc)}.") from None
    os.close(fd)
    try:
        try:
            yield temp
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
            with open(temp, "rb+") as f:
                os.fsync(f.fileno())
            os.chmod(temp, mode)
            try:
                os.replace(temp, target)
            except PermissionError:
                raise BriefBookError(
                    f"Cannot write the PDF to {target}: the file is read-only or open in another program."
                ) from None
        except OSError as exc:
            raise BriefBookError(f"Cannot write the PDF to {target}: {_why(exc)}.") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
