"""The scorer's rules on small gold/output pairs built by hand."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.errors import EvaluationError
from tidings.evaluation import Score, parse_output, read_gold, score

DAY = "2025-05-01"


def gold_event(src, tgt, root, lo=DAY, hi=DAY, **flags) -> dict:
    return {"src": list(src), "tgt": list(tgt), "root": list(root), "date": [lo, hi], **flags}


def passage(events=(), forbidden=(), quotes=(), timex=(), pid="p1") -> dict:
    return {"id": pid, "date": DAY, "text": "…", "events": list(events), "forbidden": list(forbidden),
            "quotes": list(quotes), "timex": list(timex)}


def event(src, tgt, cameo, date=DAY, root=None) -> dict:
    e = {"cameo": cameo, "source": {"country": src} if src else None,
         "target": {"country": tgt} if tgt else None, "date": date}
    if root is not None:
        e["root"] = root
    return e


def output(events=(), quotes=(), timexes=(), pid="p1") -> dict:
    return {pid: {"article": {"id": pid}, "events": list(events), "quotes": list(quotes), "timexes": list(timexes)}}


def run(gold_passage: dict, out: dict) -> Score:
    return score([gold_passage], out)


# --- events ----------------------------------------------------------------------------------------

def test_score_match_counts_a_true_positive_and_its_date():
    res = run(passage([gold_event(["IND"], ["USA"], ["04"])]), output([event("IND", "USA", "040")]))
    assert (res.events.tp, res.events.fp, res.events.fn, res.events.dated) == (1, 0, 0, 1)
    assert res.events.precision == res.events.recall == res.events.f1 == 1.0


def test_score_wrong_direction_is_a_false_positive_and_a_miss_without_sym():
    res = run(passage([gold_event(["IND"], ["USA"], ["04"])]), output([event("USA", "IND", "040")]))
    assert (res.events.tp, res.events.fp, res.events.fn) == (0, 1, 1)
    assert res.events.f1 == 0.0


def test_score_sym_accepts_either_direction():
    res = run(passage([gold_event(["IND"], ["USA"], ["04"], sym=True)]), output([event("USA", "IND", "042")]))
    assert res.events.tp == 1


def test_score_root_comes_from_root_before_cameo():
    g = passage([gold_event(["IND"], ["PAK"], ["11"])])
    assert run(g, output([event("IND", "PAK", "190", root="11")])).events.tp == 1
    assert run(g, output([event("IND", "PAK", "112")])).events.tp == 1
    assert run(g, output([event("IND", "PAK", "120")])).events.fp == 1


def test_score_star_accepts_a_missing_actor_and_any_root():
    res = run(passage([gold_event(["*"], ["NGA"], ["*"])]), output([event(None, "NGA", "190")]))
    assert res.events.tp == 1
    assert run(passage([gold_event(["NGA"], ["*"], ["19"])]), output([event(None, "NGA", "190")])).events.tp == 0


def test_score_code_list_accepts_any_member():
    g = passage([gold_event(["AFU", "UGA"], ["SOM"], ["05", "03"])])
    assert run(g, output([event("UGA", "SOM", "030")])).events.tp == 1


def test_score_opt_is_neither_required_nor_an_error():
    g = passage([gold_event(["IND"], ["USA"], ["04"]), gold_event(["IND"], ["USA"], ["03"], opt=True)])
    res = run(g, output([event("IND", "USA", "040"), event("IND", "USA", "036")]))
    assert (res.events.tp, res.events.fp, res.events.fn, res.events.optional) == (1, 0, 0, 1)
    assert run(g, output([event("IND", "USA", "036")])).events.fn == 1  # an opt event never fills a required one


def test_score_repeat_of_a_matched_event_is_neutral():
    res = run(passage([gold_event(["IND"], ["USA"], ["04"])]), output([event("IND", "USA", "040")] * 3))
    assert (res.events.tp, res.events.fp, res.events.repeats) == (1, 0, 2)


def test_score_two_gold_events_alike_need_two_system_events():
    g = passage([gold_event(["RUS"], ["UKR"], ["19"])] * 2)
    res = run(g, output([event("RUS", "UKR", "190")]))
    assert (res.events.tp, res.events.fn, res.events.repeats) == (1, 1, 0)


def test_score_unmatched_root_01_is_a_bare_statement_not_an_error():
    res = run(passage([gold_event(["IND"], ["USA"], ["04"])]), output([event("IND", "PAK", "010")]))
    assert (res.events.fp, res.events.statements, res.events.fn) == (0, 1, 1)
    assert res.events.precision == 0.0  # nothing counted: 0 / 0


def test_score_root_01_that_fits_gold_counts_as_a_match():
    res = run(passage([gold_event(["PAK"], ["IND"], ["01", "12"])]), output([event("PAK", "IND", "010")]))
    assert (res.events.tp, res.events.statements) == (1, 0)


def test_score_forbidden_is_checked_first_and_ignores_dates():
    g = passage([gold_event(["IND"], ["PAK"], ["19"])],
                forbidden=[gold_event(["IND"], ["PAK"], ["19"], "1900-01-01", "1900-01-02")])
    res = run(g, output([event("IND", "PAK", "190", date="2025-05-01")]))
    assert (res.events.tp, res.events.fp, res.events.forbidden, res.events.fn) == (0, 1, 1, 1)
    assert any("forbidden" in m for m in res.misses)


def test_score_forbidden_statement_still_counts_against():
    g = passage(forbidden=[gold_event(["PAK"], ["IND"], ["*"])])
    res = run(g, output([event("PAK", "IND", "010")]))
    assert (res.events.fp, res.events.forbidden, res.events.statements) == (1, 1, 0)


def test_score_date_outside_range_is_matched_but_not_dated():
    g = passage([gold_event(["IND"], ["USA"], ["04"], "2025-04-28", "2025-04-30")])
    res = run(g, output([event("IND", "USA", "040", date="2025-05-01T00:00:00")]))
    assert (res.events.tp, res.events.dated, res.events.date_accuracy) == (1, 0, 0.0)
    ok = run(g, output([event("IND", "USA", "040", date="2025-04-30T23:59:00+00:00")]))
    assert ok.events.dated == 1


def test_score_prefers_the_gold_event_whose_date_fits():
    g = passage([gold_event(["IND"], ["USA"], ["04"], "2025-04-30", "2025-04-30"),
                 gold_event(["IND"], ["USA"], ["04"], "2025-05-01", "2025-05-01")])
    res = run(g, output([event("IND", "USA", "040", date="2025-05-01"),
                         event("IND", "USA", "040", date="2025-04-30")]))
    assert (res.events.tp, res.events.dated) == (2, 2)


def test_score_f1_and_rounding():
    g = passage([gold_event(["IND"], ["USA"], ["04"]), gold_event(["IND"], ["PAK"], ["11"]),
                 gold_event(["PAK"], ["IND"], ["13"])])
    res = run(g, output([event("IND", "USA", "040"), event("USA", "PAK", "190")]))
    d = res.to_dict()["events"]
    assert (d["precision"], d["recall"], d["f1"]) == (0.5, 0.333, 0.4)


def test_score_missing_article_counts_all_its_events_as_misses():
    res = score([passage([gold_event(["IND"], ["USA"], ["04"])])], {})
    assert (res.missing, res.events.fn) == (1, 1)
    assert res.to_dict()["articles_missing"] == 1


# --- quotes ----------------------------------------------------------------------------------------

def quote(text, speaker=None, name=None, country=None) -> dict:
    return {"text": text, "speaker": speaker, "speaker_actor": {"name": name, "country": country}}


def test_score_quote_found_by_start_and_attributed_by_surname():
    g = passage(quotes=[{"speaker": "Rajnath Singh", "country": "IND", "starts": "Pakistan has"}])
    res = run(g, output(quotes=[quote("“pakistan has a history”", speaker="Singh")]))
    assert (res.quotes.gold, res.quotes.found, res.quotes.attributed) == (1, 1, 1)
    res = run(g, output(quotes=[quote("Pakistan has a history", speaker="he", name="Rajnath Singh")]))
    assert res.quotes.attributed == 1


def test_score_quote_given_to_someone_else_is_found_not_attributed():
    g = passage(quotes=[{"speaker": "Rajnath Singh", "country": "IND", "starts": "Pakistan has"}])
    res = run(g, output(quotes=[quote("Pakistan has a history", speaker="Hegseth", country="IND")]))
    assert (res.quotes.found, res.quotes.attributed, res.quotes.accuracy) == (1, 0, 0.0)


def test_score_organisation_quote_is_matched_on_country():
    g = passage(quotes=[{"speaker": "", "country": "PAK", "starts": "the army"}])
    assert run(g, output(quotes=[quote("The army will respond", speaker="ISPR", country="PAK")])).quotes.attributed == 1
    assert run(g, output(quotes=[quote("The army will respond", speaker="ISPR", country="IND")])).quotes.attributed == 0


def test_score_quote_not_found():
    g = passage(quotes=[{"speaker": "Marco Rubio", "country": "USA", "starts": "maintain peace"}])
    res = run(g, output(quotes=[quote("keep the peace", speaker="Rubio")]))
    assert (res.quotes.found, res.quotes.attributed) == (0, 0)
    assert any("not found" in m for m in res.misses)


# --- timex -----------------------------------------------------------------------------------------

def test_score_timex_contains_text_and_compares_the_date_part():
    g = passage(timex=[{"text": "Wednesday", "value": "2025-04-30"}, {"text": "last week", "value": "2025-W17"}])
    res = run(g, output(timexes=[{"text": "shortly after midnight on Wednesday", "value": "2025-04-30T00"},
                                 {"text": "last week", "value": "2025-W18"}]))
    assert (res.timex.gold, res.timex.found, res.timex.right) == (2, 2, 1)
    assert res.to_dict()["timex"]["value_accuracy"] == 0.5


def test_score_timex_not_found_when_the_system_span_is_shorter():
    g = passage(timex=[{"text": "following day", "value": "2025-05-02"}])
    assert run(g, output(timexes=[{"text": "day", "value": "2025-05-02"}])).timex.found == 0


# --- pooling, reading ------------------------------------------------------------------------------

def test_score_pooled_scores_add_counts_not_ratios():
    a = run(passage([gold_event(["IND"], ["USA"], ["04"])]), output([event("IND", "USA", "040")]))
    b = run(passage([gold_event(["IND"], ["USA"], ["04"])] * 3), output([event("IND", "USA", "040")]))
    pooled = sum([a, b], Score())
    assert (pooled.articles, pooled.events.tp, pooled.events.fn) == (2, 2, 2)
    assert pooled.events.recall == 0.5 and sum([a, b]) == pooled


def test_score_parse_output_keys_by_article_id_and_names_bad_lines():
    docs = parse_output(['{"article": {"id": "a"}, "events": []}', "", '{"article": {"id": "b"}}'])
    assert set(docs) == {"a", "b"}
    with pytest.raises(EvaluationError) as err:
        parse_output(['{"article": {"id": "a"}}', "{oops"], "out.jsonl")
    assert err.value.line == 2 and "out.jsonl:2" in str(err.value)


def test_score_read_gold_rejects_a_bad_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "x", "events": [{"src": "IND", "tgt": ["USA"], "root": ["04"],
                                                       "date": [DAY, DAY]}]}]), encoding="utf-8")
    with pytest.raises(EvaluationError, match="src, tgt or root list"):
        read_gold(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(EvaluationError, match="cannot read"):
        read_gold(bad)


def test_score_output_built_from_the_seed_gold_scores_one():
    gold = read_gold(Path(__file__).resolve().parents[1] / "gold" / "seed.json")
    out = {}
    for p in gold:
        events = [event(None if g["src"][0] == "*" else g["src"][0], None if g["tgt"][0] == "*" else g["tgt"][0],
                        g["root"][0] + "0", date=g["date"][0]) for g in p["events"]]
        quotes = [quote(f"“{q['starts']} …”", speaker=q["speaker"], country=q["country"]) for q in p["quotes"]]
        out.update(output(events, quotes, [dict(t) for t in p["timex"]], pid=p["id"]))
    res = score(gold, out)
    assert (res.events.f1, res.events.date_accuracy, res.quotes.accuracy, res.timex.accuracy) == (1, 1, 1, 1)
    assert res.events.forbidden == 0 and not res.misses
