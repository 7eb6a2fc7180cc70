"""CSV/TSV quotes (issue 14, item 3): where a quote closes lines later on a record with the
wrong number of cells, the swallowed lines cannot be told from text, so the one reject names
the line range it took, and the rows after it are read."""
from __future__ import annotations

from tidings.ingest import read_inputs
from tidings.models import Article, Reject


def test_tabular_a_quote_closing_lines_later_names_the_range_it_took(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("id,date,text\n"
                    "r1,2025-05-01,Egypt hosted talks on Monday.\n"
                    'r2,2025-05-01,"a field opened here\n'
                    "goes on, without a date\n"
                    'and closes here",one cell too many\n'
                    "r3,2025-05-01,Chile and Peru met on Monday.\n", encoding="utf-8")
    records = list(read_inputs([str(path)]))
    assert [r.id for r in records if isinstance(r, Article)] == ["r1", "r3"]
    (reject,) = [r for r in records if isinstance(r, Reject)]
    assert reject.line == 3 and "expected 3 columns, found 4" in reject.message
    assert "lines 3-5" in reject.message
