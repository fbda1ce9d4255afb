"""The store: the only code that knows SQL (schema, migrations, search index)."""
