"""`tidings score GOLD.json OUT.jsonl`: accuracy of extraction output against a gold file."""
from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from tidings import evaluation
from tidings.cli.options import handles_errors


@handles_errors
def score(gold: Annotated[str, typer.Argument(metavar="GOLD", help="A gold file (JSON list of passages).",
                                              show_default=False)],
          output: Annotated[str, typer.Argument(metavar="OUTPUT", show_default=False,
                                                help="`tidings extract --format jsonl` output, or - for stdin.")],
          as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
          verbose: Annotated[bool, typer.Option("--misses", help="List every miss on stderr.")] = False) -> None:
    """Score extraction output against gold: event P/R/F1 and dates, quote attribution, timex values."""
    passages = evaluation.read_gold(gold)
    docs = evaluation.parse_output(sys.stdin, "<stdin>") if output == "-" else evaluation.read_output(output)
    result = evaluation.score(passages, docs)
    if verbose:
        for miss in result.misses:
            print(f"  {miss}", file=sys.stderr)
    if as_json:
        print(json.dumps(result.to_dict()))
        return
    ev, qu, tx = result.events, result.quotes, result.timex
    print(f"articles {result.articles} (missing from output: {result.missing})")
    print(f"events  P {ev.precision:.3f}  R {ev.recall:.3f}  F1 {ev.f1:.3f}  (tp {ev.tp} fp {ev.fp} fn {ev.fn}; "
          f"forbidden {ev.forbidden}; date accuracy {ev.date_accuracy:.3f})")
    print(f"quotes  attributed {qu.attributed}/{qu.gold} (found {qu.found})")
    print(f"timex   right {tx.right}/{tx.gold} (found {tx.found})")
