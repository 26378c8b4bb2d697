"""Plausibility checks on screening candidates: places and kinds of body."""

from __future__ import annotations

from exportguard.assess.hitcheck import HitChecker, country_conflict
from exportguard.assess.knowledge import load_knowledge
from exportguard.assess.names import NameTools


def checker() -> HitChecker:
    kb = load_knowledge()
    return HitChecker(kb, NameTools(kb))


def test_bureaus_of_different_cities_are_different_bodies() -> None:
    c = checker()
    assert c.place_conflict("Shanghai Municipal Public Security Bureau", ["Kelamayi Municipality Public Security Bureau"])
    assert c.place_conflict("上海市公安局", ["Urumqi Municipal Public Security Bureau"])
    assert c.place_conflict("Kashi Prefecture PSB", ["Kashgar Prefecture Public Security Bureau"]) is None  # same place


def test_a_place_inside_a_region_does_not_conflict() -> None:
    c = checker()
    assert c.place_conflict("Urumqi Municipal Public Security Bureau", ["XINJIANG PUBLIC SECURITY BUREAU"]) is None
    assert c.place_conflict("Shihezi Municipality Public Security Bureau", ["Xinjiang Production and Construction Corps"]) is None
    assert c.place_conflict("Acme", ["Shanghai Acme"]) is None  # no place on one side


def test_kinds_of_body() -> None:
    c = checker()
    assert c.kind_conflict("Xinjiang Production and Construction Corps", "XPCC PUBLIC SECURITY BUREAU")
    assert c.kind_conflict("Xinjiang Police College", "XINJIANG PUBLIC SECURITY BUREAU") is None
    assert c.kind_conflict("Hikvision", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.") is None


def test_country_conflict_for_near_misses() -> None:
    assert country_conflict(["eg"], ["sy"])
    assert not country_conflict(["eg"], ["EG", "sy"])
    assert not country_conflict(["eg"], [])
