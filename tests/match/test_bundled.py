"""The done-when checks of the screening engine, against the real bundled lists."""

from __future__ import annotations

from exportguard.match.screener import Screener
from exportguard.match.types import Query

EL = "Entity List (EL) - Bureau of Industry and Security"


def _sub_lists(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {s.sub_list or "" for s in result.sources}


def test_hikvision_full_name_finds_entity_list_designation_with_all_sources(
    bundled_screener: Screener,
) -> None:
    resp = bundled_screener.screen(Query("Hangzhou Hikvision Digital Technology Co., Ltd."))
    top = resp.results[0]
    assert top.match
    assert EL in _sub_lists(top)
    sources = {s.source for s in top.sources}
    assert {"us_trade_csl", "us_ofac_cons"} <= sources
    assert any("CMIC" in (s.sub_list or "") or "CMIC-EO13959" in s.programmes for s in top.sources)


def test_hikvision_brand_finds_it(bundled_screener: Screener) -> None:
    top = bundled_screener.screen(Query("HIKVISION")).results[0]
    assert top.match and EL in _sub_lists(top)


def test_jinlong_sun_finds_ofac_entry(bundled_screener: Screener) -> None:
    top = bundled_screener.screen(Query("Jinlong Sun", schema="Person")).results[0]
    assert top.match
    assert "us_ofac_sdn-29300" in top.entity_ids


def test_chinese_script_xpcc(bundled_screener: Screener) -> None:
    top = bundled_screener.screen(Query("新疆生产建设兵团")).results[0]
    assert top.match
    assert "us_ofac_sdn-29299" in top.entity_ids
    assert EL in _sub_lists(top)


def test_chinese_script_urumqi_psb(bundled_screener: Screener) -> None:
    top = bundled_screener.screen(Query("乌鲁木齐市公安局")).results[0]
    assert top.match
    assert top.caption == "Urumqi Municipal Public Security Bureau"
    assert EL in _sub_lists(top)


def test_unlisted_parties_do_not_match(bundled_screener: Screener) -> None:
    for name in ("Noldus Information Technology", "Shihezi University"):
        assert not bundled_screener.screen(Query(name)).has_match, name


def test_un_listing_mirrored_by_uk_is_one_result(bundled_screener: Screener) -> None:
    resp = bundled_screener.screen(Query("Al-Qaida", schema="Organization"))
    top = resp.results[0]
    assert {"un_sc_sanctions", "gb_hmt_sanctions"} <= {s.source for s in top.sources}


def test_persian_name_written_with_a_zero_width_non_joiner(bundled_screener: Screener) -> None:
    # The UK list writes this alias with U+200C inside the surname, as Persian spelling does;
    # a query copied from it used to be refused as containing control characters.
    top = bundled_screener.screen(Query("اسماعیل احمدی\u200cمقدم", schema="Person")).results[0]
    assert top.match
    assert "gb_hmt_sanctions-11583" in top.entity_ids


def test_chinese_registered_names_of_listed_companies_and_institutes(bundled_screener: Screener) -> None:
    # A party named in a Chinese-language contract, as the company registers itself.
    cases = {
        "深圳市大疆创新科技有限公司": "SZ DJI TECHNOLOGY CO., LTD.",  # 大疆 DJI, 创新 Innovation
        "中国电子科技集团公司第三十八研究所": "China Electronics Technology Group Corporation 38th Research Institute (CETC 38)",
        "曙光信息产业股份有限公司": "DAWNING INFORMATION INDUSTRY CO., LTD",  # 曙光 Sugon
        "同方威视技术股份有限公司": "Tongfang NucTech Technology Ltd.",
    }
    for query, caption in cases.items():
        top = bundled_screener.screen(Query(query)).results[0]
        assert top.match and top.caption == caption, (query, top.caption, top.score)


def test_russian_names_of_listed_bodies(bundled_screener: Screener) -> None:
    # A Russian-language contract names the state corporation as it calls itself: Rostec is on the
    # OFAC SDN list as STATE CORPORATION FOR THE PROMOTION ... "ROSTEC".
    for query in ("Ростех", "Госкорпорация Ростех"):
        top = bundled_screener.screen(Query(query)).results[0]
        assert top.match and "ROSTEC" in top.caption, (query, top.caption, top.score)
    top = bundled_screener.screen(Query("Технопромэкспорт")).results[0]
    assert top.match and "TECHNOPROMEXPORT" in top.caption


def test_listed_people_whose_names_read_as_legal_forms_with_the_type_not_given(
    bundled_screener: Screener,
) -> None:
    # Yu, Se, Ag, Sa'd are legal forms to rigour (llc, jsc): with the type not given, these names
    # were read as organisations' and never compared with the people they name.
    for name, entity in (
        ("YU, Jin", "us_ofac_sdn-"),
        ("KIM SE GON", "un_sc_sanctions-"),
        ("Iyad AG GHALI", "un_sc_sanctions-"),
        ("SA'D ABD-AL-MAJID AL-FAISAL AL-TIKRITI", "un_sc_sanctions-"),
    ):
        top = bundled_screener.screen(Query(name)).results[0]
        assert top.match and top.schema == "Person", (name, top.caption)
        assert any(eid.startswith(entity) for eid in top.entity_ids), (name, top.entity_ids)
    # … and a Chinese name is not read as "llc hua", one syllable that names a body (HUA is an
    # alias of HARAKAT-UL JIHAD ISLAMI)
    assert not any(r.match and r.schema != "Person" for r in bundled_screener.screen(Query("Yu Hua")).results)


def test_burmese_names_share_words_but_not_the_person(bundled_screener: Screener) -> None:
    # Soe is a Burmese name word, not rigour's soe (State Unitary Enterprise): Maung Maung SOE is
    # not Maung Maung KYAW (both OFAC SDN, Burma programme).
    results = bundled_screener.screen(Query("Maung Maung Soe", schema="Person")).results
    assert results[0].caption == "Maung Maung SOE"
    assert not any(r.match for r in results if r.caption == "Maung Maung KYAW")
