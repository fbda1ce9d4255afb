"""The composer is made of modules with one job each (STYLE.md 15), and keeps its translations.

``view.py`` builds the view and shows the selection, the preview and the warnings;
``shown_book.py`` which book is shown and how it follows changes; ``book_actions.py``
what is done to it. The mixins' strings must stay in the ``BookComposer`` context the
``.ts`` holds them under: a ``self.tr`` in a mixin works at run time but files the
string under the mixin's name at the next ``pyside6-lupdate``, without its Vietnamese.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.ui import composer
from briefbook.ui.composer import BookComposer
from tests.ui.translate_calls import translate_calls, untranslated

COMPOSER_DIR = Path(composer.__file__).parent
MAX_LINES = 400
MIXINS = ["shown_book.py", "book_actions.py"]

HOMES = {
    "briefbook.ui.composer.view": ["retranslate", "activate", "request_analysis", "classification"],
    "briefbook.ui.composer.shown_book": ["set_book", "reload", "add_section_item", "_on_changed"],
    "briefbook.ui.composer.book_actions": ["store", "new_book", "copy_book", "delete_book", "export_book"],
}
SECTION_TREE = {
    "briefbook.ui.composer.section_model": ["load", "data", "flags", "index", "section_at"],
    "briefbook.ui.composer.section_edits": ["setData", "moveRows", "mimeData", "dropMimeData"],
}


@pytest.mark.parametrize(("module", "name"), [(m, n) for m, names in HOMES.items() for n in names])
def test_each_part_of_the_composer_lives_in_the_module_named_for_it(module: str, name: str) -> None:
    assert getattr(BookComposer, name).__module__ == module


@pytest.mark.parametrize(("module", "name"), [(m, n) for m, names in SECTION_TREE.items() for n in names])
def test_the_sections_tree_shows_in_one_module_and_is_edited_in_another(module: str, name: str) -> None:
    from briefbook.ui.composer.section_model import SectionTreeModel

    assert getattr(SectionTreeModel, name).__module__ == module


def test_the_section_kinds_and_the_item_labels_have_their_own_modules() -> None:
    """The section list's menu and the help pane name the kinds without the tree's model."""
    from briefbook.ui.composer import section_kinds, section_model, texts

    assert section_kinds.kind_name.__module__ == section_kinds.__name__
    assert section_kinds.kind_help.__module__ == section_kinds.__name__
    assert texts.item_label.__module__ == texts.belongs_text.__module__ == texts.__name__
    assert section_model.kind_name is section_kinds.kind_name  # the model names the kinds too


def test_the_view_and_its_mixins_stay_under_a_few_hundred_lines() -> None:
    long = {
        name: n
        for name in ["view.py", *MIXINS, "section_model.py", "section_edits.py", "section_rows.py"]
        if (n := len((COMPOSER_DIR / name).read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


@pytest.mark.parametrize("name", MIXINS)
def test_the_mixins_strings_keep_the_composers_context(name: str) -> None:
    contexts, texts, self_tr = translate_calls(COMPOSER_DIR / name)
    assert self_tr == 0
    assert texts and set(contexts) == {"BookComposer"}


def test_the_mixins_strings_are_vietnamese_in_a_vietnamese_window(qapp) -> None:
    assert untranslated([COMPOSER_DIR / name for name in MIXINS], "BookComposer") == []
