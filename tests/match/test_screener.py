from pathlib import Path

import pytest

from exportguard.errors import ValidationError
from exportguard.index.memory import MemoryStore
from exportguard.match.screener import ALGORITHM_NAME, ALGORITHM_VERSION, Screener, get_screener
from exportguard.match.types import Query
from tests.match.entities import ent, sample


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(MemoryStore(sample()), persist=False)


def test_one_result_per_designation_with_every_source(screener: Screener) -> None:
    resp = screener.screen(Query("Hangzhou Hikvision Digital Technology Co., Ltd."))
    top = resp.results[0]
    assert top.match and top.score == 1.0
    assert set(top.entity_ids) == {"us_trade_csl-el1", "us_ofac_cons-30946", "us_trade_csl-30946-CMIC"}
    assert len({r.id for r in resp.results}) == len(resp.results)
    assert resp.algorithm_name == ALGORITHM_NAME and resp.algorithm_version == ALGORITHM_VERSION
    assert {v.source for v in resp.lists} >= {"us_ofac_sdn", "us_trade_csl"}


def test_explanation_names_the_matched_names(screener: Screener) -> None:
    resp = screener.screen(Query("Jinlong Sun", schema="Person", birth_date="1962", countries=["CN"]))
    top = resp.results[0]
    assert top.caption == "SUN, Jinlong"
    features = {e.feature: e for e in top.explanation}
    assert features["name"].query_value == "Jinlong Sun"
    assert features["name"].candidate_value == "SUN, Jinlong"
    assert features["birth_date"].weight > 0 and features["country"].weight > 0


def test_birth_date_contradiction_lowers_score(screener: Screener) -> None:
    plain = screener.screen(Query("Jinlong Sun", schema="Person")).results[0].score
    wrong = screener.screen(Query("Jinlong Sun", schema="Person", birth_date="1990")).results[0].score
    assert wrong < plain


def test_schema_filters_and_source_filter(screener: Screener) -> None:
    person = screener.screen(Query("Hikvision", schema="Person"))
    assert not person.results
    only = screener.screen(Query("Hikvision", sources=["us_ofac_cons"]))
    assert only.results[0].entity_ids == ["us_ofac_cons-30946"]
    assert [v.source for v in only.lists] == ["us_ofac_cons"]


def test_identifier_finds_entity_with_other_name(screener: Screener) -> None:
    resp = screener.screen(Query("Totally Different Name", identifiers=["91330000733796106P"]))
    assert resp.results[0].match
    assert any(e.feature == "identifier" for e in resp.results[0].explanation)


def test_no_match_for_unlisted_names(screener: Screener) -> None:
    assert not screener.screen(Query("Noldus Information Technology")).has_match
    assert not screener.screen(Query("XYZ Trading Corp")).has_match


def test_bad_query_raises_validation_error(screener: Screener) -> None:
    with pytest.raises(ValidationError):
        screener.screen(Query(" "))


def test_to_dict_shape(screener: Screener) -> None:
    data = screener.screen(Query("XPCC")).to_dict()
    assert set(data) == {"query", "results", "algorithm", "lists"}
    result = data["results"][0]
    assert {"id", "caption", "schema", "score", "match", "sources", "properties", "explanation"} <= set(
        result
    )
    assert set(result["explanation"][0]) == {
        "feature",
        "score",
        "weight",
        "detail",
        "query_value",
        "candidate_value",
    }
    assert set(result["sources"][0]) >= {"source", "sub_list", "programmes", "listed_on"}


def test_screen_many_and_shared_screener(tmp_path: Path) -> None:
    store = MemoryStore(sample(), home=tmp_path)
    screener = get_screener(store)
    assert get_screener(store) is screener
    out = screener.screen_many([Query("XPCC"), Query("Hikvision")])
    assert [r.has_match for r in out] == [True, True]
    assert list((tmp_path / "index").glob("*.index.pickle"))  # persisted for the next process


def test_arabic_script_finds_the_latin_listing_by_its_consonants() -> None:
    """Arabic writes no short vowels: محمد حمزة زبيدي is listed as MUHAMMAD HAMZA ZUBAIDI (UN)."""
    from tests.match.entities import ent

    listed = ent("un_sc_sanctions-6908056", "Person", ["MUHAMMAD HAMZA ZUBAIDI"])
    other = ent("un_sc_sanctions-1", "Person", ["MUHAMMAD HAMZA"])  # a shorter namesake
    screener = Screener(MemoryStore([listed, other]), persist=False)
    top = screener.screen(Query("محمد حمزة زبيدي", schema="Person")).results[0]
    assert top.id == "un_sc_sanctions-6908056" and top.match, top
    detail = top.explanation[0].detail
    assert "hmza≈hamza" in detail and "zbydy≈zubaidi (consonants" in detail


def test_arabic_script_long_vowels_do_not_hide_equal_consonants() -> None:
    """هايل الأسد keeps its long vowels (hayl al asd), yet Hayel AL-ASAD is the same name."""
    from tests.match.entities import ent

    screener = Screener(MemoryStore([ent("us_ofac_sdn-1", "Person", ["Hayel AL-ASAD"])]), persist=False)
    top = screener.screen(Query("هايل الأسد", schema="Person")).results[0]
    assert top.match, top.explanation[0].detail
    assert "hayl≈hayel (consonants" in top.explanation[0].detail
    # a Latin query with the same letters is compared by spelling, not by consonants
    latin = screener.screen(Query("Hayl Asd", schema="Person", threshold=0.3)).results
    assert latin and all("consonants" not in r.explanation[0].detail for r in latin)


def test_a_name_several_sources_publish_is_aligned_once_per_query(monkeypatch: pytest.MonkeyPatch) -> None:
    import exportguard.match.scoring as scoring

    # One name in three sources that share no key (three designations, as the index sees them).
    names = ["ZHEJIANG UNIVIEW TECHNOLOGIES CO., LTD."]
    entities = [ent(f"{src}-1", "Organization", names) for src in ("us_trade_csl", "us_bis_dpl", "opensanctions")]
    screener = Screener(MemoryStore(entities), persist=False)
    calls = []
    real = scoring.align

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[:2])
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring, "align", counting)
    resp = screener.screen(Query("Zhejiang Uniview Technologies"))
    assert {eid for r in resp.results for eid in r.entity_ids} == {e.id for e in entities}
    assert len({r.score for r in resp.results}) == 1  # the same name, the same score
    assert len(calls) == len(set(calls))  # each pair of names aligned once, not once per entity
