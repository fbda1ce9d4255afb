"""Editors: a form per kind of item, generated from the record's fields and metadata."""
