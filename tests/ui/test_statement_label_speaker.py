"""The composer names a statement by its speaker when the speaker is a person of the library.

Found by a user's walk (review2): the sections list and a meeting's statements showed
"06/11/2026: “Thailand stands ready…”" for a statement linked to Maris Sangiampongsa, and
the speaker only for statements whose speaker was typed as free text.
"""

from __future__ import annotations

from briefbook.library import Library, Person, Statement
from briefbook.ui.composer.texts import statement_label


def test_a_linked_speaker_names_the_statement(library: Library) -> None:
    person = library.add(Person(name="มาริษ เสงี่ยมพงษ์", name_romanised="Maris Sangiampongsa"))
    statement = library.add(Statement(speaker_id=person.id, date="2026-11-06", text="Thailand stands ready."))
    label = statement_label(library.get(Statement, statement.id))
    assert label.startswith("มาริษ เสงี่ยมพงษ์ (Maris Sangiampongsa), 06/11/2026: "), label
    free = library.add(Statement(speaker_name="Người phát ngôn", date="2026-11-06", text="Sẵn sàng."))
    assert statement_label(library.get(Statement, free.id)).startswith("Người phát ngôn, 06/11/2026: ")
