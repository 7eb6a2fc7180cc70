"""The dateline of a wire report ("NAIROBI, July 8 (Reuters) -"): where the text begins.

A dateline's date is when the report was filed, not when anything in its first sentence
happened: "NAIROBI, July 8 - Police fired tear gas on Monday" tells a Monday. Its date stays
a time expression of the article, but no event is dated by it. The parser is given the dateline
as a sentence of its own ("DOHA. The government and the rebels signed …"): glued to the first
sentence by its dash, it is read as that sentence's subject and the real subject is lost.
"""
from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"\A\s*[A-Z][A-Z'’./\- ]{1,40}"             # the place(s), in capitals: "NAIROBI", "ST. PETERSBURG", "RIYADH/TEHRAN"
    r"(?:,\s*[A-Z][A-Za-z'’.\- ]{1,30})?"       # its region or country: ", Kenya"
    rf"(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"  # the filing date: "July 8", "Jul. 8, 2025"
    r"\s*(?:\([A-Za-z .&]{2,30}\))?"             # the agency: "(Reuters)"
    r"\s*[-–—]{1,2}\s")


_DASH = re.compile(r"\s*[-–—]{1,2}\s\Z")


def for_parser(text: str) -> str:
    """The text with its dateline's dash turned into a full stop, every offset unchanged."""
    m = _DATELINE.match(text)
    if not m:
        return text
    dash = _DASH.search(m.group())
    start = dash.start() if dash else m.end()
    return text[:start] + "." + " " * (m.end() - start - 1) + text[m.end():]


def dateline_end(text: str) -> int:
    """The character offset just after the text's dateline, or 0 when it has none."""
    m = _DATELINE.match(text)
    return m.end() if m else 0
