"""Parties: kind of body from the name in any language, Chinese renderings, parent units, known
bodies, regions from names and addresses."""

from __future__ import annotations

import pytest

from exportguard.assess.casefile import Party
from exportguard.assess.findings import FindingLog
from exportguard.assess.knowledge import load_knowledge
from exportguard.assess.names import NameTools
from exportguard.assess.parties import find_body, infer_kinds, profile_party
from tests.assess.fakes import make_case


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("乌鲁木齐市公安局", "public_security"),
        ("Shanghai Public Security Bureau", "public_security"),
        ("Kashgar Gong'anju", "public_security"),
        ("Ministry of State Security", "intelligence"),
        ("中华人民共和国国家安全部", "intelligence"),
        ("Bundesnachrichtendienst", "intelligence"),
        ("Polizeipräsidium München", "police"),
        ("Direction générale de la police nationale", "police"),
        ("Nationale Politie", "police"),
        ("Polismyndigheten", "police"),
        ("Kenya National Police Service", "police"),
        ("新疆第三监狱", "prison"),
        ("People's Liberation Army Unit 61398", "military"),
        ("石河子大学", "university"),
        ("Universiteit Utrecht", "university"),
        ("Institute of Forensic Science", "research"),
        ("Nordlys Dagligvare AS", "company"),
        ("广州安信安防科技有限公司", "company"),
        ("Fondation pour la liberté", "ngo"),
    ],
)
def test_kind_from_name(name: str, kind: str) -> None:
    kinds, evidence = infer_kinds(load_knowledge(), [("name", name)])
    assert kinds and kinds[0] == kind
    assert evidence and evidence[0].match in name


def test_chinese_names_are_rendered_in_english() -> None:
    tools = NameTools(load_knowledge())
    assert "Urumqi Municipal Public Security Bureau" in tools.render_zh("乌鲁木齐市公安局")
    assert tools.render_zh("新疆生产建设兵团") == ["Xinjiang Production and Construction Corps"]
    assert "Kashgar Prefecture Public Security Bureau" in tools.render_zh("喀什地区公安局")
    assert tools.render_zh("未知的公司名") == []  # unknown characters: no guess
    assert tools.render_zh("Acme Ltd") == []
    assert tools.pinyin("石河子") == "shi he zi"


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("乌鲁木齐市公安局天山区分局", "乌鲁木齐市公安局"),
        ("新疆生产建设兵团第八师", "新疆生产建设兵团"),
        ("Kashgar Prefecture Public Security Bureau, Shufu County Bureau", "Kashgar Prefecture Public Security Bureau"),
        ("Tianshan District Branch of the Urumqi Municipal Public Security Bureau", "Urumqi Municipal Public Security Bureau"),
        ("乌鲁木齐市公安局", None),
        ("Acme Trading Co., Ltd. Shanghai Branch", None),
    ],
)
def test_parent_named_inside_a_unit_name(name: str, parent: str | None) -> None:
    assert NameTools(load_knowledge()).subunit_parent(name) == parent


def test_known_bodies_by_any_of_their_names() -> None:
    kb = load_knowledge()
    assert find_body(kb, ["石河子大学"]).id == "shihezi_university"  # type: ignore[union-attr]
    assert find_body(kb, ["Shihezi University School of Medicine"]).id == "shihezi_university"  # type: ignore[union-attr]
    assert find_body(kb, ["Shihezi Universityhospital"]) is None
    assert find_body(kb, ["Tromsø University"]) is None


def test_profile_of_a_subordinate_bureau() -> None:
    kb = load_knowledge()
    loaded = make_case(destination="CN", parties="  - {role: end_user, name: 乌鲁木齐市公安局天山区分局, country: CN}")
    p = profile_party(kb, NameTools(kb), loaded.case, loaded.case.parties[0], 0, FindingLog(kb))
    assert p.kind == "public_security"
    assert p.subunit_parent == "乌鲁木齐市公安局"
    assert "Urumqi Municipal Public Security Bureau" in p.subunit_renderings
    assert p.region == "CN-XJ"


def test_declared_kind_is_checked_against_the_name() -> None:
    kb = load_knowledge()
    log = FindingLog(kb)
    party = Party(role="end_user", name="Hotan Prefecture Public Security Bureau", country="CN", kind="company")
    loaded = make_case(destination="CN")
    p = profile_party(kb, NameTools(kb), loaded.case, party, 0, log)
    assert p.kind == "public_security"
    assert any(f.rule == "PARTY-KIND" and f.severity == "aggravating" for f in log.items)
    assert p.region == "CN-XJ"  # Hotan is in Xinjiang


def test_a_place_of_another_country_does_not_set_a_region() -> None:
    kb = load_knowledge()
    loaded = make_case(destination="KZ", parties="  - {role: end_user, name: Altay Regional Akimat, country: KZ}")
    p = profile_party(kb, NameTools(kb), loaded.case, loaded.case.parties[0], 0, FindingLog(kb))
    assert p.region is None
