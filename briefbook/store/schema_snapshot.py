"""This version's schema, as :func:`briefbook.store.schema_check.built_entries` builds it.

Written by ``briefbook.store.schema_check.write_snapshot()``, then ``ruff format``.
Never edit it by hand.
"""

# ruff: noqa: E501
MIGRATIONS = (
    "0001_initial",
    "0002_level_keys_and_labels",
    "0003_exchange_versions",
    "0004_deleted_items",
    "0005_export_records",
    "0006_meeting_their_positions",
    "0007_search_index_fingerprints",
    "0008_stored_sort_keys",
    "0009_short_sort_keys",
    "0010_versions_count_exports",
    "0011_link_indexes",
    "0012_sort_keys_read_as_text",
    "0013_export_record_language",
)
MIGRATIONS_TABLE_ENTRY = (
    "_sqlite_migrations",
    'CREATE TABLE "_sqlite_migrations" ( "id" INTEGER PRIMARY KEY, "migration_set" TEXT, "name" TEXT, "applied_at" TEXT )',
)
ENTRIES = {
    ("index", "books_event"): ("books", "CREATE INDEX books_event ON books(event_id)"),
    ("index", "books_title_sort_key"): (
        "books",
        "CREATE INDEX books_title_sort_key ON books(title_sort_key)",
    ),
    ("index", "classification_levels_key"): (
        "classification_levels",
        "CREATE UNIQUE INDEX classification_levels_key ON classification_levels(key)",
    ),
    ("index", "deleted_items_item"): (
        "deleted_items",
        "CREATE INDEX deleted_items_item ON deleted_items(item_id, id)",
    ),
    ("index", "event_delegation_person"): (
        "event_delegation",
        "CREATE INDEX event_delegation_person ON event_delegation(person_id)",
    ),
    ("index", "events_city_sort_key"): (
        "events",
        "CREATE INDEX events_city_sort_key ON events(city_sort_key)",
    ),
    ("index", "events_title_sort_key"): (
        "events",
        "CREATE INDEX events_title_sort_key ON events(title_sort_key)",
    ),
    ("index", "idx__sqlite_migrations_migration_set_name"): (
        "_sqlite_migrations",
        'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name" ON "_sqlite_migrations" ("migration_set", "name")',
    ),
    ("index", "item_versions_item"): (
        "item_versions",
        "CREATE INDEX item_versions_item ON item_versions(item_id, seq)",
    ),
    ("index", "meeting_participants_person"): (
        "meeting_participants",
        "CREATE INDEX meeting_participants_person ON meeting_participants(person_id)",
    ),
    ("index", "meeting_topics_topic"): (
        "meeting_topics",
        "CREATE INDEX meeting_topics_topic ON meeting_topics(topic_id)",
    ),
    ("index", "meetings_event"): ("meetings", "CREATE INDEX meetings_event ON meetings(event_id, starts_at)"),
    ("index", "meetings_title_sort_key"): (
        "meetings",
        "CREATE INDEX meetings_title_sort_key ON meetings(title_sort_key)",
    ),
    ("index", "meetings_venue_sort_key"): (
        "meetings",
        "CREATE INDEX meetings_venue_sort_key ON meetings(venue_sort_key)",
    ),
    ("index", "organisations_name_sort_key"): (
        "organisations",
        "CREATE INDEX organisations_name_sort_key ON organisations(name_sort_key)",
    ),
    ("index", "people_name_sort_key"): (
        "people",
        "CREATE INDEX people_name_sort_key ON people(name_sort_key)",
    ),
    ("index", "people_organisation"): (
        "people",
        "CREATE INDEX people_organisation ON people(organisation_id)",
    ),
    ("index", "people_position_sort_key"): (
        "people",
        "CREATE INDEX people_position_sort_key ON people(position_sort_key)",
    ),
    ("index", "revisions_item"): (
        "revisions",
        "CREATE INDEX revisions_item ON revisions(table_name, item_id, field, id)",
    ),
    ("index", "sqlite_autoindex_books_1"): ("books", ""),
    ("index", "sqlite_autoindex_classification_levels_1"): ("classification_levels", ""),
    ("index", "sqlite_autoindex_event_delegation_1"): ("event_delegation", ""),
    ("index", "sqlite_autoindex_events_1"): ("events", ""),
    ("index", "sqlite_autoindex_exchange_conflicts_1"): ("exchange_conflicts", ""),
    ("index", "sqlite_autoindex_export_records_1"): ("export_records", ""),
    ("index", "sqlite_autoindex_item_versions_1"): ("item_versions", ""),
    ("index", "sqlite_autoindex_meeting_participants_1"): ("meeting_participants", ""),
    ("index", "sqlite_autoindex_meeting_topics_1"): ("meeting_topics", ""),
    ("index", "sqlite_autoindex_meetings_1"): ("meetings", ""),
    ("index", "sqlite_autoindex_organisations_1"): ("organisations", ""),
    ("index", "sqlite_autoindex_people_1"): ("people", ""),
    ("index", "sqlite_autoindex_photos_1"): ("photos", ""),
    ("index", "sqlite_autoindex_search_docs_1"): ("search_docs", ""),
    ("index", "sqlite_autoindex_settings_1"): ("settings", ""),
    ("index", "sqlite_autoindex_statement_topics_1"): ("statement_topics", ""),
    ("index", "sqlite_autoindex_statements_1"): ("statements", ""),
    ("index", "sqlite_autoindex_talking_points_1"): ("talking_points", ""),
    ("index", "sqlite_autoindex_topics_1"): ("topics", ""),
    ("index", "statement_topics_topic"): (
        "statement_topics",
        "CREATE INDEX statement_topics_topic ON statement_topics(topic_id)",
    ),
    ("index", "statements_occasion_sort_key"): (
        "statements",
        "CREATE INDEX statements_occasion_sort_key ON statements(occasion_sort_key)",
    ),
    ("index", "statements_speaker"): (
        "statements",
        "CREATE INDEX statements_speaker ON statements(speaker_id)",
    ),
    ("index", "statements_text_sort_key"): (
        "statements",
        "CREATE INDEX statements_text_sort_key ON statements(text_sort_key)",
    ),
    ("index", "talking_points_text_sort_key"): (
        "talking_points",
        "CREATE INDEX talking_points_text_sort_key ON talking_points(text_sort_key)",
    ),
    ("index", "talking_points_topic"): (
        "talking_points",
        "CREATE INDEX talking_points_topic ON talking_points(topic_id, position)",
    ),
    ("index", "topics_title_sort_key"): (
        "topics",
        "CREATE INDEX topics_title_sort_key ON topics(title_sort_key)",
    ),
    ("table", "_sqlite_migrations"): (
        "_sqlite_migrations",
        'CREATE TABLE "_sqlite_migrations" ( "id" INTEGER PRIMARY KEY, "migration_set" TEXT, "name" TEXT, "applied_at" TEXT )',
    ),
    ("table", "books"): (
        "books",
        "CREATE TABLE books (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, title TEXT NOT NULL, subtitle TEXT NOT NULL DEFAULT '', template TEXT NOT NULL DEFAULT 'formal-a4', ceiling TEXT NOT NULL DEFAULT '', drafts TEXT NOT NULL DEFAULT 'mark', language TEXT NOT NULL DEFAULT 'vi', recipient TEXT NOT NULL DEFAULT '', copy_number TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '', drafted_by TEXT NOT NULL DEFAULT '', cleared_by TEXT NOT NULL DEFAULT '', issue_date TEXT NOT NULL DEFAULT '', sections TEXT NOT NULL DEFAULT '[]', version INTEGER NOT NULL DEFAULT 1, last_export_at TEXT NOT NULL DEFAULT '', title_sort_key BLOB)",
    ),
    ("table", "classification_levels"): (
        "classification_levels",
        "CREATE TABLE classification_levels (rank INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, key TEXT, labels TEXT NOT NULL DEFAULT '{}')",
    ),
    ("table", "deleted_items"): (
        "deleted_items",
        "CREATE TABLE deleted_items (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, item_id TEXT NOT NULL, title TEXT NOT NULL, deleted_at TEXT NOT NULL, snapshot TEXT NOT NULL)",
    ),
    ("table", "event_delegation"): (
        "event_delegation",
        "CREATE TABLE event_delegation ( event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE, role TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (event_id, person_id))",
    ),
    ("table", "events"): (
        "events",
        "CREATE TABLE events (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, title TEXT NOT NULL, start_date TEXT NOT NULL DEFAULT '', end_date TEXT NOT NULL DEFAULT '', city TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', hosts TEXT NOT NULL DEFAULT '', scene_setter TEXT NOT NULL DEFAULT '', objectives TEXT NOT NULL DEFAULT '', classification TEXT NOT NULL DEFAULT 'Public', title_sort_key BLOB, city_sort_key BLOB)",
    ),
    ("table", "exchange_conflicts"): (
        "exchange_conflicts",
        "CREATE TABLE exchange_conflicts (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, item_id TEXT NOT NULL, their_vid TEXT NOT NULL, their_hash TEXT NOT NULL, their_item TEXT NOT NULL, their_history TEXT NOT NULL, package TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, UNIQUE (item_id, their_vid))",
    ),
    ("table", "export_records"): (
        "export_records",
        "CREATE TABLE export_records (id INTEGER PRIMARY KEY AUTOINCREMENT, book_id TEXT NOT NULL REFERENCES books(id) ON DELETE CASCADE, version INTEGER NOT NULL, exported_at TEXT NOT NULL, ceiling TEXT NOT NULL DEFAULT '', for_sharing INTEGER NOT NULL DEFAULT 0, items TEXT NOT NULL, content_hash TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '', UNIQUE (book_id, version))",
    ),
    ("table", "item_versions"): (
        "item_versions",
        "CREATE TABLE item_versions (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, item_id TEXT NOT NULL, vid TEXT NOT NULL, content_hash TEXT NOT NULL, UNIQUE (item_id, vid))",
    ),
    ("table", "meeting_participants"): (
        "meeting_participants",
        "CREATE TABLE meeting_participants ( meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE, role TEXT NOT NULL DEFAULT 'counterpart', position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (meeting_id, person_id))",
    ),
    ("table", "meeting_topics"): (
        "meeting_topics",
        "CREATE TABLE meeting_topics ( meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, topic_id TEXT NOT NULL REFERENCES topics(id) ON DELETE CASCADE, position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (meeting_id, topic_id))",
    ),
    ("table", "meetings"): (
        "meetings",
        "CREATE TABLE meetings (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, title TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'plenary', starts_at TEXT NOT NULL DEFAULT '', ends_at TEXT NOT NULL DEFAULT '', venue TEXT NOT NULL DEFAULT '', purpose TEXT NOT NULL DEFAULT '', objectives TEXT NOT NULL DEFAULT '', classification TEXT NOT NULL DEFAULT 'Public', position INTEGER NOT NULL DEFAULT 0, their_positions TEXT NOT NULL DEFAULT '', title_sort_key BLOB, venue_sort_key BLOB)",
    ),
    ("table", "organisations"): (
        "organisations",
        "CREATE TABLE organisations (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, name TEXT NOT NULL, acronym TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'government', description TEXT NOT NULL DEFAULT '', name_sort_key BLOB)",
    ),
    ("table", "people"): (
        "people",
        "CREATE TABLE people (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, name TEXT NOT NULL, name_romanised TEXT NOT NULL DEFAULT '', honorific TEXT NOT NULL DEFAULT '', position TEXT NOT NULL DEFAULT '', organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL, country TEXT NOT NULL DEFAULT '', biography TEXT NOT NULL DEFAULT '', languages TEXT NOT NULL DEFAULT '', pronunciation TEXT NOT NULL DEFAULT '', form_of_address TEXT NOT NULL DEFAULT '', interests TEXT NOT NULL DEFAULT '', sensitivities TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', classification TEXT NOT NULL DEFAULT 'Public', name_sort_key BLOB, position_sort_key BLOB)",
    ),
    ("table", "photos"): (
        "photos",
        "CREATE TABLE photos (person_id TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE, data BLOB NOT NULL, format TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, original_format TEXT NOT NULL, original_width INTEGER NOT NULL, original_height INTEGER NOT NULL)",
    ),
    ("table", "revisions"): (
        "revisions",
        "CREATE TABLE revisions (id INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL, item_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, created_at TEXT NOT NULL)",
    ),
    ("table", "search_docs"): (
        "search_docs",
        "CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, item_id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, body TEXT NOT NULL, fingerprint BLOB)",
    ),
    ("table", "search_trigrams"): (
        "search_trigrams",
        "CREATE VIRTUAL TABLE search_trigrams USING fts5(text, tokenize = 'trigram')",
    ),
    ("table", "search_trigrams_config"): (
        "search_trigrams_config",
        "CREATE TABLE 'search_trigrams_config'(k PRIMARY KEY, v) WITHOUT ROWID",
    ),
    ("table", "search_trigrams_content"): (
        "search_trigrams_content",
        "CREATE TABLE 'search_trigrams_content'(id INTEGER PRIMARY KEY, c0)",
    ),
    ("table", "search_trigrams_data"): (
        "search_trigrams_data",
        "CREATE TABLE 'search_trigrams_data'(id INTEGER PRIMARY KEY, block BLOB)",
    ),
    ("table", "search_trigrams_docsize"): (
        "search_trigrams_docsize",
        "CREATE TABLE 'search_trigrams_docsize'(id INTEGER PRIMARY KEY, sz BLOB)",
    ),
    ("table", "search_trigrams_idx"): (
        "search_trigrams_idx",
        "CREATE TABLE 'search_trigrams_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID",
    ),
    ("table", "search_words"): (
        "search_words",
        "CREATE VIRTUAL TABLE search_words USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    ),
    ("table", "search_words_config"): (
        "search_words_config",
        "CREATE TABLE 'search_words_config'(k PRIMARY KEY, v) WITHOUT ROWID",
    ),
    ("table", "search_words_content"): (
        "search_words_content",
        "CREATE TABLE 'search_words_content'(id INTEGER PRIMARY KEY, c0, c1)",
    ),
    ("table", "search_words_data"): (
        "search_words_data",
        "CREATE TABLE 'search_words_data'(id INTEGER PRIMARY KEY, block BLOB)",
    ),
    ("table", "search_words_docsize"): (
        "search_words_docsize",
        "CREATE TABLE 'search_words_docsize'(id INTEGER PRIMARY KEY, sz BLOB)",
    ),
    ("table", "search_words_idx"): (
        "search_words_idx",
        "CREATE TABLE 'search_words_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID",
    ),
    ("table", "settings"): ("settings", "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    ("table", "sqlite_sequence"): ("sqlite_sequence", "CREATE TABLE sqlite_sequence(name,seq)"),
    ("table", "statement_topics"): (
        "statement_topics",
        "CREATE TABLE statement_topics ( statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE, topic_id TEXT NOT NULL REFERENCES topics(id) ON DELETE CASCADE, PRIMARY KEY (statement_id, topic_id))",
    ),
    ("table", "statements"): (
        "statements",
        "CREATE TABLE statements (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, speaker_id TEXT REFERENCES people(id) ON DELETE SET NULL, speaker_name TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '', occasion TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', link TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, language TEXT NOT NULL DEFAULT 'vi', classification TEXT NOT NULL DEFAULT 'Public', text_sort_key BLOB, occasion_sort_key BLOB)",
    ),
    ("table", "talking_points"): (
        "talking_points",
        "CREATE TABLE talking_points (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, topic_id TEXT NOT NULL REFERENCES topics(id) ON DELETE RESTRICT, kind TEXT NOT NULL DEFAULT 'key_message', question TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, language TEXT NOT NULL DEFAULT 'vi', status TEXT NOT NULL DEFAULT 'draft', drafted_by TEXT NOT NULL DEFAULT '', cleared_by TEXT NOT NULL DEFAULT '', cleared_on TEXT NOT NULL DEFAULT '', classification TEXT NOT NULL DEFAULT 'Public', position INTEGER NOT NULL DEFAULT 0, text_sort_key BLOB)",
    ),
    ("table", "topics"): (
        "topics",
        "CREATE TABLE topics (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, title TEXT NOT NULL, background TEXT NOT NULL DEFAULT '', classification TEXT NOT NULL DEFAULT 'Public', title_sort_key BLOB)",
    ),
}
