"""Exchange: what comes into a library from files and goes out as packages.

Imports (Word talking points, news articles, contact lists) become proposals
the user confirms before anything is written; exchange packages carry items
between libraries and merge without duplicates or lost edits. Everything read
here is untrusted input (size limits while reading, clear refusals), and every
write goes through the Library API. No Qt here.
"""
