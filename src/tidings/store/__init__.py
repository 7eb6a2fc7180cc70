"""Store: an embedded DuckDB file with numbered migrations; all writes go through `write`."""
from tidings.store.db import Store
from tidings.store.tables import SCHEMAS

TABLES = tuple(SCHEMAS)

__all__ = ["SCHEMAS", "TABLES", "Store"]
