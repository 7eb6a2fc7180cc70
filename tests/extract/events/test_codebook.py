"""Schema tests for data/cameo.tsv as read by tidings.extract.events.codebook."""
from __future__ import annotations

from importlib import resources

import pytest

from tidings.errors import CodebookError
from tidings.extract.events.codebook import CameoCode, load_codebook, lookup_code

PLOVER_TYPES = frozenset("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
                         "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())


def quad_of(root: str) -> int:
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4


@pytest.fixture(scope="module")
def book() -> dict[str, CameoCode]:
    return load_codebook()


def test_codebook_loads_all_roots(book: dict[str, CameoCode]) -> None:
    assert {c for c in book if len(c) == 2} == {f"{n:02d}" for n in range(1, 21)}
    assert len(book) > 250


def test_codebook_codes_are_digit_strings_keyed_by_themselves(book: dict[str, CameoCode]) -> None:
    for key, c in book.items():
        assert key == c.code
        assert c.code.isdigit() and 2 <= len(c.code) <= 4, c.code


def test_codebook_root_is_first_two_digits(book: dict[str, CameoCode]) -> None:
    assert [c.code for c in book.values() if c.root != c.code[:2]] == []


def test_codebook_quad_class_matches_root(book: dict[str, CameoCode]) -> None:
    wrong = [(c.code, c.quad_class) for c in book.values() if c.quad_class != quad_of(c.root)]
    assert wrong == []


def test_codebook_goldstein_in_range(book: dict[str, CameoCode]) -> None:
    assert [c.code for c in book.values() if not -10.0 <= c.goldstein <= 10.0] == []


def test_codebook_conflict_codes_score_non_positive(book: dict[str, CameoCode]) -> None:
    assert [c.code for c in book.values() if c.quad_class >= 3 and c.goldstein > 0] == []


def test_codebook_every_code_has_its_parent(book: dict[str, CameoCode]) -> None:
    assert [c for c in book if len(c) > 2 and c[:-1] not in book] == []


def test_codebook_plover_types_known(book: dict[str, CameoCode]) -> None:
    assert {c.plover for c in book.values() if c.plover} <= PLOVER_TYPES
    # PLOVER does not code CAMEO 01 and 02 (data/README.md)
    assert [c.code for c in book.values() if c.root in ("01", "02") and c.plover] == []


def test_codebook_known_values(book: dict[str, CameoCode]) -> None:
    assert book["190"].quad_class == 4 and book["190"].plover == "ASSAULT"
    assert book["0231"].root == "02"
    assert book["1384"].root == "13" and book["1384"].goldstein < 0


def test_codebook_leading_zero_matters(book: dict[str, CameoCode]) -> None:
    assert "010" in book and "10" in book
    assert book["010"].root == "01" and book["10"].root == "10"


def test_codebook_no_duplicate_rows() -> None:
    text = (resources.files("tidings") / "data" / "cameo.tsv").read_text(encoding="utf-8")
    codes = [line.split("\t")[0] for line in text.splitlines()[1:] if line.strip()]
    assert len(codes) == len(set(codes))


def test_codebook_lookup_known_code() -> None:
    assert lookup_code("0256").code == "0256"


@pytest.mark.parametrize("code", ["9999", "21", "19 ", "1"])
def test_codebook_lookup_unknown_code_is_helpful(code: str) -> None:
    with pytest.raises(CodebookError) as err:
        lookup_code(code, "my_rules.yaml", 7)
    message = str(err.value)
    assert repr(code) in message
    assert "my_rules.yaml:7" in message
    assert "cameo.tsv" in message  # says where to check
    assert err.value.path == "my_rules.yaml" and err.value.line == 7


def test_codebook_is_cached() -> None:
    assert load_codebook() is load_codebook()
