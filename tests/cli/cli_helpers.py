"""A check several CLI tests share: the command failed in exactly one line, no traceback."""
from __future__ import annotations


def one_line(result) -> str:
    """The stderr of a CLI result that must be one line with no traceback."""
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr
