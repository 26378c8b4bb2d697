"""Term matching: folding, the term syntax, Chinese substrings, negation, excerpts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportguard.assess.knowledge import load_knowledge
from exportguard.assess.text import TermSet, compile_term, excerpt, fold, fold_text


def found(terms: dict[str, list[str]], text: str) -> list[tuple[str, bool]]:
    return [(h.matched, h.negated) for h in TermSet(terms).find(text, load_knowledge().negation)]


def test_fold_removes_case_accents_and_keeps_a_map_to_the_original() -> None:
    folded = fold("Gesichtserkennung für Straße")
    assert folded.text == "gesichtserkennung fur strasse"
    start = folded.text.index("strasse")
    assert folded.span(start, start + len("strasse")) == (22, 28)  # "Straße" in the original


def test_whole_word_allows_inflections_but_not_other_words() -> None:
    assert found({"en": ["camera"]}, "Two cameras and a camcorder") == [("cameras", False)]
    assert found({"en": ["live"]}, "delivered livestock") == []


def test_prefix_and_infix_terms() -> None:
    assert found({"en": ["watchlist*"]}, "watchlisting") == [("watchlisting", False)]
    assert found({"de": ["*gesichtserkennung*"]}, "Echtzeit-Gesichtserkennungssoftware") == [("Gesichtserkennungssoftware", False)]


def test_spaces_and_hyphens_are_interchangeable() -> None:
    assert [m for m, _ in found({"en": ["real-time"]}, "real time, realtime and real-time")] == ["real time", "realtime", "real-time"]


def test_short_terms_get_no_inflection() -> None:
    assert found({"fr": ["SA"]}, "San Francisco SA") == [("SA", False)]


def test_chinese_terms_match_as_substrings() -> None:
    assert found({"zh": ["人脸识别"]}, "支持实时人脸识别与黑名单布控") == [("人脸识别", False)]


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("IP camera, no facial recognition", True),
        ("camera without any facial recognition", True),
        ("facial recognition, no cloud", False),
        ("not only cameras but also facial recognition", False),
        ("Kamera ohne Gesichtserkennung", True),
        ("Caméra sans reconnaissance faciale", True),
        ("Camera zonder gezichtsherkenning", True),
        ("Kamera utan ansiktsigenkänning", True),
        ("inte bara kameror utan också ansiktsigenkänning", False),
        ("网络摄像机，不含人脸识别功能", True),
        ("网络摄像机，支持人脸识别", False),
    ],
)
def test_negation_in_six_languages(text: str, negated: bool) -> None:
    terms = {"en": ["facial recognition"], "de": ["*gesichtserkennung*"], "fr": ["reconnaissance faciale"],
             "nl": ["*gezichtsherkenning*"], "sv": ["*ansiktsigenkänning*"], "zh": ["人脸识别"]}
    hits = found(terms, text)
    assert len(hits) == 1
    assert hits[0][1] is negated


def test_excerpt_keeps_the_original_wording_around_the_match() -> None:
    text = "A" * 100 + " Gesichtserkennung " + "B" * 100
    start = text.index("Gesichts")
    snippet = excerpt(text, start, start + 17, width=10)
    assert "Gesichtserkennung" in snippet and snippet.startswith("…") and snippet.endswith("…")


def test_empty_term_is_rejected() -> None:
    with pytest.raises(ValueError):
        compile_term("*", "en")


@given(st.text(max_size=200))
def test_folding_never_crashes_and_is_idempotent(text: str) -> None:
    once = fold_text(text)
    assert fold_text(once) == once
    TermSet({"en": ["camera"], "zh": ["人脸"]}).find(text)
