"""Time expressions: found in an article's text and resolved to TIMEX3 values against its date
(`timex`), by rules (`rules`) over a vocabulary (`grammar`, data/timex.tsv) and calendar
arithmetic (`calendar`). Works on text alone; knows nothing of actors or events."""
