"""tidings.cli stage."""
