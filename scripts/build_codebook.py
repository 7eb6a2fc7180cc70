"""Build src/tidings/data/cameo.tsv from the shared reference files.

Run once when the reference changes:
    python scripts/build_codebook.py ../shared/reference > src/tidings/data/cameo.tsv
It joins the CAMEO codes (root, QuadClass, Goldstein, name) with the CAMEO→PLOVER
crosswalk (type, mode, context). Codes the crosswalk leaves out inherit their parent's type.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")] + ["", "", ""]
        out[code.strip()] = (parts[0], parts[1], parts[2])
    return out


def main(ref: Path) -> None:
    plover = read_plover(ref / "CAMEO2PLOVER-2021.txt")
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["code", "root", "quad_class", "goldstein", "name", "plover", "plover_mode", "plover_context"])
    with open(ref / "cameo_codes.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            code = row["code"]
            p = next((plover[c] for c in (code, code[:3], code[:2]) if c in plover), ("", "", ""))
            w.writerow([code, row["root"], row["quad_class"], row["goldstein"],
                        " ".join(row["name"].split()), *p])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
