"""Quotes: quotation marks paired over paragraphs (`marks`), and direct quotes and reported
speech attributed to a resolved speaker (`attribution`). Uses actors, never events."""
