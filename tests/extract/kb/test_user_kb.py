"""Tests for user dictionaries (tidings.extract.kb.user): YAML and TSV, checks, overrides."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidings.errors import CodebookError
from tidings.extract.kb.knowledge import KnowledgeBase
from tidings.extract.kb.loader import load_kb
from tidings.extract.kb.user import read_user_file

D = dt.date
THU = D(2025, 5, 1)
USER_HEADER = "name\taliases\tcountry\troles\tstart_date\tend_date"


def write_tsv(tmp_path: Path, *rows: str, header: str = USER_HEADER) -> Path:
    path = tmp_path / "my_actors.tsv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def write_yaml(tmp_path: Path, text: str, name: str = "my_actors.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def countries(kb: KnowledgeBase, surface: str, day: dt.date | None = None) -> set[str | None]:
    return {e.country for e in kb.lookup(surface, day)}


YAML = """\
# a small dictionary for a Colombia desk
actors:
  - name: Pedro Sánchez Suárez
    aliases: [Pedro Sánchez]
    country: COL
    roles: [GOV, MIL]
    start: 2025-02-01
  - name: Acme Mining
    country: PER
    roles: [BUS]
    kind: institution
places:
  - {name: Pétion-Ville, country: HTI, lat: 18.513, lon: -72.285, kind: town}
roles:
  - {term: harbour master, roles: [GOV], kind: title}
"""


# ---- YAML ---------------------------------------------------------------------------------------
def test_user_kb_yaml_adds_actors_places_and_roles(tmp_path: Path) -> None:
    kb = load_kb([write_yaml(tmp_path, YAML)])
    (entry,) = kb.lookup("Pedro Sánchez", THU)
    assert (entry.name, entry.country, entry.roles, entry.kind) == ("Pedro Sánchez Suárez", "COL", ("GOV", "MIL"), "person")
    assert entry.origin and entry.origin.endswith("my_actors.yaml:3")
    assert kb.lookup("Pedro Sánchez", D(2025, 1, 31)) == []  # before his start date
    assert kb.lookup("Acme Mining")[0].kind == "institution"
    (place,) = kb.places["Pétion-Ville"]
    assert (place.country, place.lat, place.place_kind) == ("HTI", 18.513, "town")
    assert kb.roles["harbour master"] == (("GOV",), "title")
    assert countries(kb, "India", THU) == {"IND"}  # the packaged entries are still there


def test_user_kb_yaml_overrides_packaged_homonym(tmp_path: Path) -> None:
    kb = load_kb([write_yaml(tmp_path, YAML)])
    assert countries(kb, "Pedro Sánchez", THU) == {"COL"}
    assert "ESP" in countries(load_kb(), "Pedro Sánchez", THU)  # the cached packaged base is untouched
    assert kb.igo_parent == load_kb().igo_parent  # UN agencies still count as the UN


def test_user_kb_empty_yaml_is_fine(tmp_path: Path) -> None:
    assert read_user_file(write_yaml(tmp_path, "# nothing yet\n")).names == {}


@pytest.mark.parametrize("text, line, problem", [
    ("actors:\n  - name: Jane Roe\n    country: Kenya\n", 2, "field 'country': bad country code 'Kenya'"),
    ("actors:\n  - name: Jane Roe\n  - name: Jon Roe\n    roles: [BOSS]\n", 3, "field 'roles': Value error, unknown role code(s) ['BOSS']"),
    ("actors:\n  - name: Jane Roe\n    start: 2024-13-01\n", 2, "field 'start'"),
    ("actors:\n  - name: Jane Roe\n    start: 2024-05-01\n    end: 2024-01-01\n", 2, "field 'end': before 'start'"),
    ("actors:\n  - name: Jane Roe\n    contry: KEN\n", 2, "field 'contry': Extra inputs are not permitted"),
    ("actors:\n  - aliases: [X]\n", 2, "field 'name': Field required"),
    ("places:\n  - {name: Town, country: KEN, lat: 95, lon: 1}\n", 2, "field 'lat'"),
    ("people:\n  - name: Jane Roe\n", 1, "unknown section 'people'"),
    ("actors:\n  - Jane Roe\n", 2, "each entry must be a mapping"),
    ("actors: Jane Roe\n", 1, "expected a list of entries"),
    ("actors:\n  - name: [unclosed\n", 3, "not valid YAML"),
])
def test_user_kb_bad_yaml_names_file_line_and_field(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = write_yaml(tmp_path, text)
    with pytest.raises(CodebookError) as err:
        load_kb([path])
    assert f"{path}:{line}:" in str(err.value)
    assert problem in str(err.value)
    assert "\n" not in str(err.value).strip()
    assert err.value.path == str(path) and err.value.line == line


# ---- the TSV form ---------------------------------------------------------------------------------
def test_user_kb_tsv_adds_entries(tmp_path: Path) -> None:
    kb = load_kb([write_tsv(tmp_path, "Jane Roe\tJ. Roe|Minister Roe\tKEN\tGOV|MIL\t2024-01-01\t")])
    for surface in ("Jane Roe", "J. Roe", "Minister Roe"):
        (entry,) = kb.lookup(surface, THU)
        assert (entry.name, entry.country, entry.roles) == ("Jane Roe", "KEN", ("GOV", "MIL"))
    assert kb.lookup("Jane Roe", D(2023, 12, 31)) == []


def test_user_kb_tsv_without_date_columns(tmp_path: Path) -> None:
    path = write_tsv(tmp_path, "Acme Corp\t\tKEN\tBUS", header="name\taliases\tcountry\troles")
    assert countries(load_kb([path]), "Acme Corp", THU) == {"KEN"}


def test_user_kb_later_file_wins(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_tsv(tmp_path / "a", "Jane Roe\t\tKEN\tGOV\t\t")
    second = write_yaml(tmp_path / "b", "actors:\n  - {name: Jane Roe, country: UGA, roles: [GOV]}\n")
    assert countries(load_kb([first, second]), "Jane Roe") == {"UGA"}


@pytest.mark.parametrize("row, line, problem", [
    ("Jane Roe\t\tKEN\tGOV", 3, "expected 6 fields, found 4"),
    ("Jane Roe\t\tKEN\tGOV\t2024-13-01\t", 3, "field 'start'"),
    ("Jane Roe\t\tKEN\tGOV\t\tyesterday", 3, "field 'end'"),
    ("Jane Roe\t\tKenya\tGOV\t\t", 3, "bad country code 'Kenya'"),
    ("Jane Roe\t\tXYZ\tGOV\t\t", 3, "bad country code 'XYZ'"),
])
def test_user_kb_bad_tsv_names_file_and_line(tmp_path: Path, row: str, line: int, problem: str) -> None:
    path = write_tsv(tmp_path, "John Doe\t\tKEN\tGOV\t\t", row)
    with pytest.raises(CodebookError) as err:
        load_kb([path])
    assert f"{path}:{line}:" in str(err.value) and problem in str(err.value)


def test_user_kb_tsv_missing_column(tmp_path: Path) -> None:
    path = write_tsv(tmp_path, "Jane Roe\t\tGOV", header="name\taliases\troles")
    with pytest.raises(CodebookError, match=r"my_actors\.tsv:1: missing columns \['country'\]"):
        load_kb([path])


def test_user_kb_missing_path(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="nowhere.yaml"):
        load_kb([tmp_path / "nowhere.yaml"])
