"""The picker's "New person “…”" button names what the library will store: a name of only
invisible characters (a zero-width space pasted with it) cannot be created, and such
characters at the ends are not part of the new name. Before, the button was enabled
for "\u200b" and the library then refused the person with an error."""

from __future__ import annotations

from briefbook.library import Person
from briefbook.ui.editors import pickers


def test_invisible_only_names_are_not_offered_and_edges_are_trimmed(qtbot, window, library, filled):
    dialog = pickers.ItemPicker(window.context, "person", window)
    qtbot.addWidget(dialog)
    dialog.search.setText("\u200b \u2060\ufeff ")
    assert not dialog.create_button.isEnabled()
    dialog.search.setText("\u200b  សុខ ចិន្ដា\u200b ")
    assert dialog.create_button.isEnabled() and "“សុខ ចិន្ដា”" in dialog.create_button.text()
    dialog.create_button.click()
    assert library.get(Person, dialog.chosen_id).name == "សុខ ចិន្ដា"
