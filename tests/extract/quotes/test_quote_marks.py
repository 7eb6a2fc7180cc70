"""The quotation-mark scanner (tidings.extract.quotes.marks): pairs, paragraphs, nesting, apostrophes."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from tidings.errors import CodebookError
from tidings.extract.quotes.marks import find_quote_spans, load_mark_pairs


def texts(s: str) -> list[str]:
    return [q.text(s) for q in find_quote_spans(s)]


def test_quote_marks_curly_and_straight_pairs() -> None:
    s = 'He said “we will respond” and she said "not now" on Friday.'
    assert texts(s) == ["we will respond", "not now"]


def test_quote_marks_continued_into_next_paragraph() -> None:
    s = ("The minister said: “Our mission is not finished. The gangs still rule.\n\n"
         "“We will review our numbers next month,” he told reporters.")
    (q,) = find_quote_spans(s)
    assert q.text(s) == "Our mission is not finished. The gangs still rule. We will review our numbers next month,"
    assert len(q.segments) == 2 and s[q.start:q.start + 3] == "Our"


def test_quote_marks_straight_marks_do_not_pair_across_a_paragraph() -> None:
    s = '"We will not yield an inch.\n\n"We are talking to allies," Marcos said. Then "fine," she said.'
    spans = find_quote_spans(s)
    assert [q.text(s) for q in spans] == ["We will not yield an inch. We are talking to allies,", "fine,"]


def test_quote_marks_unreopened_paragraph_ends_the_quote() -> None:
    s = "“We are ready to talk.\n\nThe ministry gave no details."
    assert texts(s) == ["We are ready to talk."]


def test_quote_marks_nested_quotes_stay_inside() -> None:
    s = "“Survivors said the fighters shouted ‘no one will be spared’ before firing,” the army said."
    assert texts(s) == ["Survivors said the fighters shouted ‘no one will be spared’ before firing,"]


def test_quote_marks_single_marks_and_apostrophes() -> None:
    s = "India’s minister said the response will be ‘befitting and decisive’ and the leaders’ talks ended."
    assert texts(s) == ["befitting and decisive"]
    assert texts("It was the 1990s’ worst year and Pakistan’s too.") == []


@pytest.mark.parametrize("text,quote", [
    ("»Germany stands with Ukraine«, Merz said.", "Germany stands with Ukraine"),  # German guillemets
    ("Sikorski wrote: „We expect an answer by Friday“.", "We expect an answer by Friday"),  # German low-high
    ("„This is a provocation”, the minister said.", "This is a provocation"),  # Polish low-high
    ("«Our air defence worked“, she said.", "Our air defence worked"),  # guillemet closed by an English opener
    ("«We will not negotiate\", Gil said.", "We will not negotiate"),
    ("Barrot said: « The door remains open ».", "The door remains open"),  # French spacing
])
def test_quote_marks_pairs_of_other_languages_and_mixed_marks(text: str, quote: str) -> None:
    assert texts(text) == [quote]


def test_quote_marks_mark_of_another_pair_nests_inside_the_open_quote() -> None:
    assert texts("«He told us “no” twice», Ali said.") == ["He told us “no” twice"]
    assert texts('"He told us "no" twice," Ali said.') == ['He told us "no" twice,']
    # a nested mark that never closes does not swallow the outer closing mark
    assert texts("“We hold the ‘90s record,” she said. Then “fine,” he said.") == [
        "We hold the ‘90s record,", "fine,"]


def test_quote_marks_a_mark_standing_alone_or_after_a_word_opens_nothing() -> None:
    assert texts("News » World » Asia. Talks end on Friday“ and resume.") == []


def test_quote_marks_table_rows_are_checked() -> None:
    pairs = load_mark_pairs()
    assert {"“", '"', "‘", "«", "»", "„"} <= set(pairs)
    assert pairs["‘"].apostrophe and not pairs["“"].apostrophe and pairs["«"].spaced
    with pytest.raises(CodebookError, match=r"quote_marks.tsv:3: open and close"):
        load_mark_pairs("open\tclose\tapostrophe\tspaced\tnote\n“\t”\tno\tno\tok\n«\t»»\tno\tno\tbad\n")
    with pytest.raises(CodebookError, match="listed twice"):
        load_mark_pairs("open\tclose\tapostrophe\tspaced\tnote\n“\t”\tno\tno\ta\n“\t»\tno\tno\tb\n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n“”\"‘’'«»„")), max_size=80))
def test_quote_marks_never_raise_and_spans_are_ordered_and_inside(s: str) -> None:
    spans = find_quote_spans(s)
    last = -1
    for q in spans:
        for a, b in q.segments:
            assert 0 <= a < b <= len(s) and a >= last
            last = b
