"""Behaviour tests for the rules of stop 21 (docs/coding.md section 16). Sentences are our own."""
from __future__ import annotations

import datetime as dt

from event_helpers import triples

D = dt.date


# ---- verdicts on an agreement --------------------------------------------------------------------
def test_praise_of_an_accord_goes_to_its_parties_not_to_earlier_praisers_or_pledgers(extract) -> None:
    result = extract("Kenya and Uganda agreed on Monday to reopen their border crossings. Tanzania has offered "
                     "to send customs officers. Germany welcomed the agreement on Tuesday. Japan also praised "
                     "the accord.", D(2026, 3, 4))
    praise = {(s, t) for r, s, t in triples(result) if r == "05"}
    assert ("JPN", "TZA") not in praise and ("JPN", "DEU") not in praise, praise
    assert {("DEU", "KEN"), ("DEU", "UGA"), ("JPN", "KEN"), ("JPN", "UGA")} <= praise, praise
