"""tidings: who did what to whom, when and where, and what they said."""

__version__ = "0.1.0"
