"""Schema of data/gdelt2_event_columns.tsv: 61 rows, indexes in order, known types, a note each."""
from __future__ import annotations

from tidings.query.export import GDELT_TYPES, gdelt_columns


def test_gdelt_columns_file_schema():
    cols = gdelt_columns()
    assert [c.index for c in cols] == list(range(61))
    assert len({c.name for c in cols}) == 61 and all(c.type in GDELT_TYPES and c.note for c in cols)
    assert (cols[0].name, cols[1].name, cols[59].name, cols[60].name) == \
        ("GLOBALEVENTID", "SQLDATE", "DATEADDED", "SOURCEURL")
