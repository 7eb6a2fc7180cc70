"""The CAMEO codebook with Goldstein scores, QuadClass and the PLOVER crosswalk (data/cameo.tsv)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from tidings.errors import CodebookError, Errors
from tidings.extract.kb.knowledge import read_tsv


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str
    plover: str | None


@functools.lru_cache(maxsize=1)
def load_codebook() -> dict[str, CameoCode]:
    """All CAMEO codes keyed by their string code ("0231"; leading zeros matter)."""
    path = "tidings/data/cameo.tsv"
    text = (resources.files("tidings") / "data" / "cameo.tsv").read_text(encoding="utf-8")
    book: dict[str, CameoCode] = {}
    for n, r in read_tsv(path, text, ("code", "root", "quad_class", "goldstein", "name", "plover")):
        try:
            book[r["code"]] = CameoCode(r["code"], r["root"], int(r["quad_class"]), float(r["goldstein"]),
                                        r["name"], r["plover"] or None)
        except ValueError as exc:
            raise CodebookError(Errors.E101.format(path=path, line=n, problem=str(exc)), path=path, line=n) from exc
    return book


def lookup_code(code: str, where: str = "?", line: int = 0) -> CameoCode:
    """Return a CAMEO code's record, or raise naming where the unknown code came from."""
    book = load_codebook()
    if code not in book:
        raise CodebookError(Errors.E102.format(code=code, path=where, line=line), path=where, line=line)
    return book[code]
