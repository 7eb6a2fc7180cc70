"""Numbered SQL migrations (`migrations/NNN_name.sql`), applied once each, in order."""
from __future__ import annotations

import datetime as dt
import importlib.resources
import re

from tidings.errors import Errors, StoreError

_NAME = re.compile(r"^(\d{3})_[\w-]+\.sql$")


def available() -> list[tuple[int, str]]:
    """(version, SQL) for every shipped migration, lowest first."""
    found = []
    for entry in importlib.resources.files("tidings.store").joinpath("migrations").iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def current_version(con) -> int:
    exists = con.execute("SELECT count(*) FROM information_schema.tables "
                         "WHERE table_name = 'schema_version'").fetchall()[0][0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def migrate(con, path: str) -> int:
    """Bring the schema up to date, each migration in its own transaction; return the version."""
    steps = available()
    known = steps[-1][0] if steps else 0
    version = current_version(con)
    if version > known:
        raise StoreError(Errors.E204.format(path=path, found=version, known=known), path=path)
    for number, sql in steps:
        if number <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                        "(version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
            con.execute(sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?)",
                        [number, dt.datetime.now(dt.timezone.utc)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        version = number
    return version
