"""opensanctions, delta form: ADD/MOD entities, DEL IDs, applied on top of the stored version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exportguard.errors import UnknownValueError
from exportguard.sources.base import ParseContext, ParsedList
from exportguard.sources.opensanctions import forms
from exportguard.sources.registry import get_meta
from exportguard.store import Store
from exportguard.store.loading import load_paths

FIXTURES = Path(__file__).parent.parent / "fixtures" / "opensanctions"
DELTA = FIXTURES / "delta_excerpt.json"


def _parse(path: Path = DELTA) -> ParsedList:
    return forms.parse_delta(ParseContext(get_meta("opensanctions")), [path])


@pytest.fixture(scope="module")
def parsed() -> ParsedList:
    return _parse()


def test_delta_entities_and_deletions(parsed: ParsedList) -> None:
    assert parsed.is_delta and parsed.format == "ftm_delta_json"
    assert parsed.records == 17
    assert parsed.deleted == ["opensanctions-NK-3MDjERC9RyRHv3wEq9xWe4"]
    ids = {e.record_id for e in parsed.entities}
    assert ids == {
        "NK-2T3S8Hu29ktYnKSTgQp2wL", "NK-2XAfkJ9t2UuWnoRG5EBoYu", "NK-KgFknxwkVpyY8zsGANLZGf",
        "NK-Ld5SyGNpr7mmysNh4czCXJ", "NK-mz7Dgcw5RGh4VRpKjKcnXB", "Q4670365",
        "ir-san-0b7a5f0876638d1dabf2afbc5043f378f1370ce3", "ir-san-1f19497bcb492fb6fc38d771ffe56ba0133457bc",
        "ir-san-e8ecd81bdcf78a33fa8d860ea6aa07dc1a6e5178",
    }  # fmt: skip
    assert parsed.published == "2024-05-30"


def test_delta_folds_sanctions_and_passports_it_carries(parsed: ParsedList) -> None:
    by_id = {e.record_id: e for e in parsed.entities}
    assert by_id["Q4670365"].get("program") == ["DTTOT"]  # from the MOD Sanction on line 10
    assert by_id["NK-Ld5SyGNpr7mmysNh4czCXJ"].get("passportNumber")  # from the Passport on line 16
    assert by_id["NK-2T3S8Hu29ktYnKSTgQp2wL"].get("ofacUid") == ["8759"]
    assert "unsc-113966" in by_id["NK-2T3S8Hu29ktYnKSTgQp2wL"].get("referent")
    assert by_id["ir-san-1f19497bcb492fb6fc38d771ffe56ba0133457bc"].schema == "LegalEntity"


def test_later_operations_win(tmp_path: Path) -> None:
    lines = DELTA.read_text("utf-8").splitlines()
    readd = json.loads(lines[4])  # ADD GLOBAL RELIEF FOUNDATION
    extra = [
        json.dumps({"op": "DEL", "entity": {"id": readd["entity"]["id"]}}),
        json.dumps({"op": "DEL", "entity": {"id": "NK-2XAfkJ9t2UuWnoRG5EBoYu"}}),
        json.dumps({"op": "MOD", "entity": json.loads(lines[1])["entity"]}),
    ]
    path = tmp_path / "entities.delta.json"
    path.write_text("\n".join(lines + extra) + "\n", "utf-8")
    parsed = _parse(path)
    assert "opensanctions-NK-KgFknxwkVpyY8zsGANLZGf" in parsed.deleted
    assert "NK-KgFknxwkVpyY8zsGANLZGf" not in {e.record_id for e in parsed.entities}
    assert "opensanctions-NK-2XAfkJ9t2UuWnoRG5EBoYu" not in parsed.deleted  # MOD after DEL
    assert "NK-2XAfkJ9t2UuWnoRG5EBoYu" in {e.record_id for e in parsed.entities}


def test_unknown_op_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "entities.delta.json"
    path.write_text('{"op": "UPSERT", "entity": {"id": "x", "schema": "Person"}}\n', "utf-8")
    with pytest.raises(UnknownValueError, match="line 1: unknown op 'UPSERT'"):
        _parse(path)


def test_delta_applies_on_top_of_the_stored_version(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite3", keep_versions=3)
    full = load_paths(store, "opensanctions", [FIXTURES / "t1.ftm.json"])
    before = full.version.entity_count
    deleted_one = tmp_path / "entities.delta.json"
    deleted_one.write_text(
        json.dumps({"op": "DEL", "entity": {"id": "NK-2PacmNpiLUmoz4XD2mSt7A"}}) + "\n"
        + DELTA.read_text("utf-8").splitlines()[4] + "\n",
        "utf-8",
    )  # fmt: skip
    outcome = load_paths(store, "opensanctions", [deleted_one])
    assert outcome.version.format == "ftm_delta_json"
    assert outcome.version.entity_count == before - 1 + 1  # IRGC removed, GRF added
