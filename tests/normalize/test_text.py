from hypothesis import given
from hypothesis import strategies as st

from exportguard.normalize.text import control_chars, fold, squash


def test_fold_removes_case_diacritics_and_punctuation() -> None:
    assert fold("Nguyễn Văn  A.") == "nguyen van a"
    assert fold("O'Brien & Co.") == "obrien co"
    assert fold("ＨＩＫＶＩＳＩＯＮ") == "hikvision"  # full-width letters


def test_fold_keeps_other_scripts() -> None:
    assert fold("Сергей Шойгу") == "сергеи шоигу"
    assert fold("乌鲁木齐市公安局") == "乌鲁木齐市公安局"
    assert fold("김정은") == "김정은"  # Hangul syllables survive decomposition


def test_control_chars_names_them() -> None:
    assert control_chars("abc\x00d\u200b") == ["U+0000", "U+200B"]
    assert control_chars("tab\tok") == []


def test_persian_joiners_and_direction_marks_are_part_of_names() -> None:
    # علی‌اکبر is written with a zero-width non-joiner; pasted Arabic text carries direction marks.
    assert control_chars("علی\u200cاکبر \u200fولایتی\u200e") == []
    assert control_chars("a\u200db") == []
    assert fold("\u200fHayel\u200e Asad") == "hayel asad"
    assert control_chars("a\u200bb\ufeff") == ["U+200B", "U+FEFF"]  # zero-width space, BOM: still refused


def test_squash() -> None:
    assert squash("  a \n b  ") == "a b"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
