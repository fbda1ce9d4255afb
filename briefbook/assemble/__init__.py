"""Assembly: a book definition plus the library → the document model."""

from briefbook.assemble.book import assemble, assemble_with_warnings, preflight, release_title
from briefbook.assemble.context import PreflightWarning

__all__ = ["PreflightWarning", "assemble", "assemble_with_warnings", "preflight", "release_title"]
