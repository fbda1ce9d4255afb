"""BriefBook: prepare delegation briefing books from a local library."""

__version__ = "0.1.0"
