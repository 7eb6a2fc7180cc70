"""Self-consistency check for tidings gold files (format of shared/eval/score.py).

    python scripts/check_gold.py tests/gold/*.json

Besides the shared format, a passage may carry keys that only `scripts/evaluate.py` scores
(see tests/gold/README.md): `places`, `threats`, `hedged`, `timex_full`.
"""
import datetime as dt
import json
import re
import sys

IGO = {"UNO", "EEC", "NAT", "AFU", "IRC"}
KEYS = {"id", "date", "text", "events", "forbidden", "quotes", "timex"}
EXTRA = {"places", "threats", "hedged", "timex_full"}
EKEYS = {"src", "tgt", "root", "date", "sym", "opt"}
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
errors = []


def err(pid, msg):
    errors.append(f"{pid}: {msg}")


def iso(s):
    return dt.date.fromisoformat(s)


def week(d):
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def expected_timex(text, d):
    t = text.lower()
    if t in DAYS:
        return str(d - dt.timedelta(days=(d.weekday() - DAYS.index(t)) % 7))
    simple = {"yesterday": str(d - dt.timedelta(1)), "today": str(d),
              "two days ago": str(d - dt.timedelta(2)),
              "last week": week(d - dt.timedelta(7)), "this week": week(d),
              "next week": week(d + dt.timedelta(7)), "earlier this month": d.strftime("%Y-%m"),
              "last month": (d.replace(day=1) - dt.timedelta(1)).strftime("%Y-%m"),
              "last year": str(d.year - 1)}
    if t in simple:
        return simple[t]
    if t in MONTHS:
        m = MONTHS.index(t) + 1
        return f"{d.year if m < d.month else d.year - 1}-{m:02d}"
    m = re.fullmatch(r"([a-z]+) (\d{1,2})", t)
    if m and m.group(1) in MONTHS:
        x = dt.date(d.year, MONTHS.index(m.group(1)) + 1, int(m.group(2)))
        return str(x if x <= d else x.replace(year=d.year - 1))
    return None  # relative to another date in the text: checked by hand


def check_codes(pid, where, codes):
    if not isinstance(codes, list) or not codes:
        return err(pid, f"{where}: codes must be a non-empty list")
    for c in codes:
        if c != "*" and not (re.fullmatch(r"[A-Z]{3}", c)):
            err(pid, f"{where}: bad actor code {c!r}")


def check_event(pid, where, e, art):
    if set(e) != EKEYS:
        return err(pid, f"{where}: keys {sorted(e)}")
    check_codes(pid, where + ".src", e["src"])
    check_codes(pid, where + ".tgt", e["tgt"])
    for r in e["root"]:
        if r != "*" and not (re.fullmatch(r"\d\d", r) and 1 <= int(r) <= 20):
            err(pid, f"{where}: bad root {r!r}")
    if not (isinstance(e["sym"], bool) and isinstance(e["opt"], bool)):
        err(pid, f"{where}: sym/opt must be bools")
    lo, hi = e["date"]
    try:
        if iso(lo) > iso(hi):
            err(pid, f"{where}: date {lo} > {hi}")
        if not where.startswith("forbidden") and iso(hi) > art:
            err(pid, f"{where}: event ends {hi} after the article date {art}")
    except ValueError as x:
        err(pid, f"{where}: bad date {x}")


def overlap(a, b):
    inter = lambda x, y: "*" in x or "*" in y or set(x) & set(y)
    if not inter(a["root"], b["root"]):
        return False
    if inter(a["src"], b["src"]) and inter(a["tgt"], b["tgt"]):
        return True
    return (a["sym"] or b["sym"]) and inter(a["src"], b["tgt"]) and inter(a["tgt"], b["src"])


def check_extras(pid, p):
    """The project's own keys: places by name, threats by threatened act, hedged events."""
    for i, pl in enumerate(p.get("places", [])):
        if set(pl) != {"text", "country"} or pl["text"] not in p["text"]:
            err(pid, f"places[{i}]: needs text (in the passage) and country")
    for key in ("threats", "hedged"):
        for i, e in enumerate(p.get(key, [])):
            if not {"src", "tgt", "root"} <= set(e):
                err(pid, f"{key}[{i}]: needs src, tgt, root")
                continue
            check_codes(pid, f"{key}[{i}].src", e["src"])
            check_codes(pid, f"{key}[{i}].tgt", e["tgt"])
            if key == "threats" and not e.get("act"):
                err(pid, f"threats[{i}]: needs act (the threatened roots)")
    for i, t in enumerate(p.get("timex_full", [])):
        if set(t) != {"text", "type", "value"} or t["text"] not in p["text"]:
            err(pid, f"timex_full[{i}]: needs text (in the passage), type, value")
        elif t["type"] not in {"DATE", "TIME", "DURATION", "SET"}:
            err(pid, f"timex_full[{i}]: bad type {t['type']!r}")


def check_passage(p, seen):
    pid = p.get("id", "?")
    if not KEYS <= set(p) <= KEYS | EXTRA:
        err(pid, f"keys {sorted(p)}")
        return
    check_extras(pid, p)
    if pid in seen:
        err(pid, "duplicate id")
    seen.add(pid)
    art = iso(p["date"])
    text = p["text"]
    n = len(re.findall(r"[.!?][”\"]?(\s|$)", text))
    if not 1 <= n <= 6:
        err(pid, f"{n} sentences")
    for i, e in enumerate(p["events"]):
        check_event(pid, f"events[{i}]", e, art)
    for i, f in enumerate(p["forbidden"]):
        check_event(pid, f"forbidden[{i}]", f, art)
        if f["opt"]:
            err(pid, f"forbidden[{i}] is opt")
        for j, e in enumerate(p["events"]):
            if overlap(e, f):
                err(pid, f"events[{j}] overlaps forbidden[{i}]")
    for i, q in enumerate(p["quotes"]):
        if set(q) != {"speaker", "country", "starts"}:
            err(pid, f"quotes[{i}] keys")
            continue
        if q["starts"] not in text:
            err(pid, f"quotes[{i}] starts {q['starts']!r} not in text")
        if q["speaker"] and q["speaker"].split()[-1] not in text:
            err(pid, f"quotes[{i}] speaker last name not in text")
        if not re.fullmatch(r"[A-Z]{3}", q["country"]):
            err(pid, f"quotes[{i}] bad country")
    for i, t in enumerate(p["timex"]):
        if set(t) != {"text", "value"}:
            err(pid, f"timex[{i}] keys")
            continue
        if t["text"] not in text:
            err(pid, f"timex[{i}] {t['text']!r} not in text")
        if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?|-W\d\d|-(SP|SU|FA|WI)|-Q[1-4])?", t["value"]):
            err(pid, f"timex[{i}] bad value {t['value']!r}")
        want = expected_timex(t["text"], art)
        if want is not None and want != t["value"] and t["text"].lower() in DAYS \
                and iso(want) + dt.timedelta(days=7) == iso(t["value"]):
            print(f"  note {pid}: timex {t['text']!r} = {t['value']}: a future weekday, checked by hand")
        elif want is not None and want != t["value"]:
            err(pid, f"timex[{i}] {t['text']!r} = {t['value']}, expected {want}")
        if want is None:
            print(f"  note {pid}: timex {t['text']!r} = {t['value']} checked by hand")
    if not p["events"] and not p["forbidden"]:
        err(pid, "no events and no forbidden")


def main(paths):
    seen = set()
    for path in paths:
        data = json.load(open(path, encoding="utf-8"))
        if not isinstance(data, list):
            errors.append(f"{path}: not a list")
            continue
        for p in data:
            check_passage(p, seen)
        req = sum(not e["opt"] for p in data for e in p["events"])
        print(f"{path}: {len(data)} passages, {req} required events, "
              f"{sum(len(p['forbidden']) for p in data)} forbidden, "
              f"{sum(len(p['quotes']) for p in data)} quotes, {sum(len(p['timex']) for p in data)} timex")
    print("\n".join(errors) or "OK: no errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
