"""A soft hyphen at either end of a one-line field goes, as a zero-width space does there.

A title pasted from a web page or Word can start with U+00AD. It never shows (a soft hyphen
only prints where a line breaks at it), so a topic titled with nothing but one was saved as a
topic that looks untitled everywhere ('briefbook add topic --set title=$'\\u00ad'' printed an
id; the same with U+200B is refused), and one starting with it sorted and compared as another
title than the one on screen. Inside a word it stays: it is where the word may be hyphenated.
"""

from __future__ import annotations

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Library, Topic
from briefbook.text import clean_line, is_blank

_register()


def test_a_title_of_only_a_soft_hyphen_is_refused_as_empty(library_path) -> None:
    Library.create(library_path).close()
    args = ["--library", str(library_path), "add", "topic", "--set", "title=\u00ad"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0 and "needs a title" in result.output
    with Library.open(library_path) as lib:
        assert lib.count(Topic) == 0


def test_a_soft_hyphen_at_a_titles_ends_is_not_stored(library: Library) -> None:
    topic = library.add(Topic(title="\u00adHồi hương công dân \u00ad"))
    assert library.get(Topic, topic.id).title == "Hồi hương công dân"
    assert clean_line("Hồi hư\u00adơng") == "Hồi hư\u00adơng"  # inside a word: kept
    assert is_blank("\u00ad \u200b\u00ad")
