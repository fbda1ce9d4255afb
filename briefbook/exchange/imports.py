"""One entry point for every import: the file and what it holds → a proposal (nothing written)."""

from __future__ import annotations

from pathlib import Path

from briefbook.errors import ValidationError
from briefbook.exchange.proposals import Proposal
from briefbook.library import Library

AS_CHOICES = ("talking-points", "statements", "people")


def propose(
    library: Library,
    path: str | Path,
    as_kind: str,
    *,
    topic_id: str | None = None,
    event_id: str | None = None,
) -> Proposal:
    """What importing ``path`` as talking points, statements or people would write."""
    if as_kind == "talking-points":
        if event_id:
            raise ValidationError("--event applies to statements; talking points go under topics (--topic).")
        from briefbook.exchange.word_points import propose_talking_points

        return propose_talking_points(library, path, topic_id=topic_id)
    if as_kind == "statements":
        from briefbook.exchange.articles import propose_statements

        return propose_statements(library, path, topic_id=topic_id, event_id=event_id)
    if as_kind == "people":
        if topic_id or event_id:
            raise ValidationError("--topic and --event do not apply to a contact list.")
        from briefbook.exchange.contacts import propose_people

        return propose_people(library, path)
    raise ValidationError(f"Import as one of: {', '.join(AS_CHOICES)}.")


def propose_text(
    library: Library,
    text: str,
    *,
    topic_id: str | None = None,
    event_id: str | None = None,
) -> Proposal:
    """What importing pasted text (a news article's) as statements would write.

    The window's pasted text and the CLI's standard input share this, so both
    meet the same size limit as an article read from a file.
    """
    from briefbook.exchange.article_text import MAX_ARTICLE
    from briefbook.exchange.articles import propose_statements
    from briefbook.exchange.limits import TooLarge, megabytes

    if len(text) > MAX_ARTICLE or len(text.encode("utf-8", errors="replace")) > MAX_ARTICLE:
        raise TooLarge(
            f"The pasted text is larger than {megabytes(MAX_ARTICLE)}; BriefBook does not read it."
        )
    if not text.strip():
        raise ValidationError("The pasted text is empty: paste a news article to import its statements.")
    return propose_statements(library, text=text, topic_id=topic_id, event_id=event_id)
