"""Where BriefBook keeps a user's files (platform data folder), and how to override it."""

from __future__ import annotations

import os
from pathlib import Path

ENV_LIBRARY = "BRIEFBOOK_LIBRARY"
LIBRARY_SUFFIX = ".briefbook"


def data_dir() -> Path:
    """The user's BriefBook folder (created on demand); BRIEFBOOK_DATA_DIR overrides it for tests."""
    override = os.environ.get("BRIEFBOOK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs  # here: 1.5 ms of every command's start, for a command given no --library

        path = Path(platformdirs.user_data_dir("BriefBook", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_library_path() -> Path:
    """The library used when none is named: $BRIEFBOOK_LIBRARY, else library.briefbook in the data folder."""
    env = os.environ.get(ENV_LIBRARY)
    return Path(env) if env else data_dir() / f"library{LIBRARY_SUFFIX}"
