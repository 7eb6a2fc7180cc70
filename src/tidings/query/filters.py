"""Build parameterised WHERE clauses, so filters are shared by every query and never
interpolate user text into SQL."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def contains_any(self, columns: list[str], needle: str | None) -> None:
        """Case-insensitive substring match on any of `columns`."""
        if needle:
            ors = " OR ".join(f"contains(lower({c}), ?)" for c in columns)
            self.add(f"({ors})", *([needle.lower()] * len(columns)))

    def equals_any(self, columns: list[str], value: str | None) -> None:
        """Case-insensitive equality on any of `columns` (country codes, CAMEO roots)."""
        if value:
            ors = " OR ".join(f"upper({c}) = ?" for c in columns)
            self.add(f"({ors})", *([value.upper()] * len(columns)))

    def between(self, column: str, since: dt.date | None, until: dt.date | None) -> None:
        if since:
            self.add(f"{column} >= ?", since)
        if until:
            self.add(f"{column} <= ?", until)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def limit_sql(limit: int | None) -> str:
    return f"LIMIT {int(limit)}" if limit is not None and limit >= 0 else ""
