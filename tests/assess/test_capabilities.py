"""Capability inference from descriptions in English, Chinese, German, French, Dutch and Swedish."""

from __future__ import annotations

import pytest

from exportguard.assess.capabilities import profile_product
from exportguard.assess.casefile import Product
from exportguard.assess.findings import FindingLog
from exportguard.assess.knowledge import load_knowledge


def flags(description: str, declared: list[str] | None = None) -> set[str]:
    kb = load_knowledge()
    product = Product(name="P", description=description, capabilities=declared or [])
    return set(profile_product(kb, product, 0, FindingLog(kb)).capabilities)


@pytest.mark.parametrize(
    ("lang", "description", "expected"),
    [
        ("en", "Live facial recognition against a watchlist of 1 million faces", {"face_recognition", "live", "one_to_many", "identifies_individuals"}),
        ("zh", "实时人脸识别系统，支持黑名单布控和轨迹分析", {"face_recognition", "live", "one_to_many", "location_tracking"}),
        ("de", "Echtzeit-Gesichtserkennung mit Abgleich gegen Fahndungslisten", {"face_recognition", "live", "one_to_many"}),
        ("fr", "Logiciel de reconnaissance faciale en temps réel avec liste de surveillance", {"face_recognition", "live", "one_to_many"}),
        ("nl", "Software voor emotieherkenning en analyse van gezichtsuitdrukkingen", {"infers_emotion"}),
        ("sv", "Känsloigenkänning och analys av ansiktsuttryck i realtid", {"infers_emotion", "live"}),
        ("en", "Attribute analytics: age, gender and ethnicity of each passer-by", {"infers_ethnicity"}),
        ("zh", "支持维吾尔族识别与民族属性分析", {"infers_ethnicity"}),
        ("de", "IMSI-Catcher für Mobilfunküberwachung", {"mobile_interception"}),
        ("fr", "Interception légale : centre de surveillance avec analyse de liens", {"ingests_telecom_data", "relationship_mapping"}),
        ("nl", "Heimelijk binnendringen in telefoons via een trojaan", {"delivers_intrusion_software"}),
        ("sv", "Dold kamera för hemlig dataavläsning", {"covert_design", "captures_video", "delivers_intrusion_software"}),
        ("en", "Mobile forensics: extraction from locked phones with passcode bypass", {"device_forensics", "circumvents_authentication"}),
        ("en", "Deep packet inspection for carrier-grade networks with hard selectors", {"ip_network_surveillance", "carrier_class", "hard_selectors"}),
    ],
)
def test_capabilities_in_six_languages(lang: str, description: str, expected: set[str]) -> None:
    found = flags(description)
    assert expected <= found, f"{lang}: missing {expected - found}"


def test_negated_capabilities_are_not_set_but_reported() -> None:
    kb = load_knowledge()
    product = Product(name="Cam", description="Netzwerkkamera ohne Gesichtserkennung, keine Videoanalyse")
    profile = profile_product(kb, product, 0, FindingLog(kb))
    assert set(profile.capabilities) == {"captures_video"}
    assert {e.match for e in profile.negated} >= {"Gesichtserkennung", "Videoanalyse"}


def test_plain_camera_is_category_t01_only() -> None:
    kb = load_knowledge()
    profile = profile_product(kb, Product(name="Dome camera", description="4 MP network camera, H.265, IR. No analytics."), 0, FindingLog(kb))
    assert [c.id for c in profile.categories] == ["T01"]


def test_declared_capabilities_are_checked_against_the_description() -> None:
    kb = load_knowledge()
    log = FindingLog(kb)
    product = Product(name="Cam", description="Camera with face recognition", capabilities=["captures_video"])
    profile = profile_product(kb, product, 0, log)
    assert profile.capabilities["captures_video"].provenance == "declared"
    assert profile.capabilities["face_recognition"].provenance == "inferred"
    assert [f.rule for f in log.items] == ["CAP-UNDECLARED"]
    assert log.items[0].sources


def test_description_without_any_capability_is_reported() -> None:
    kb = load_knowledge()
    log = FindingLog(kb)
    profile = profile_product(kb, Product(name="Cable", description="Shielded copper cable, 100 m"), 0, log)
    assert not profile.capabilities and not profile.categories
    assert [f.rule for f in log.items] == ["CAP-NONE"]
