import pytest

from exportguard.errors import ValidationError
from exportguard.match.types import Query
from exportguard.match.validate import validate_query

SOURCES = ("us_ofac_sdn", "us_trade_csl")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (Query(""), "name is empty"),
        (Query("   \t "), "name is empty"),
        (Query("x" * 10_000), "10000 characters long"),
        (Query("abc\x00def"), "control characters (U+0000)"),
        (Query("!!!"), "no letters or digits"),
        (Query("Acme", schema="Robot"), "unknown schema 'Robot'"),
        (Query("Acme", countries=["Atlantis"]), "unknown country 'Atlantis'"),
        (Query("Acme", birth_date="2021-02-30"), "not a real date"),
        (Query("Acme", birth_date="yesterday"), "not a real date"),
        (Query("Acme", identifiers=["ab"]), "too short"),
        (Query("Acme", threshold=1.5), "threshold"),
        (Query("Acme", limit=0), "limit"),
        (Query("Acme", sources=["nope"]), "unknown source 'nope'"),
    ],
)
def test_bad_queries_have_one_clear_message(query: Query, message: str) -> None:
    with pytest.raises(ValidationError) as exc:
        validate_query(query, SOURCES)
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)


def test_valid_query_is_normalised() -> None:
    q = validate_query(
        Query("  Hikvision \n Ltd ", countries=["China", "CN"], birth_date="1962", sources=["us_ofac_sdn"]),
        SOURCES,
    )
    assert q.name == "Hikvision Ltd"
    assert q.countries == ["cn"]
    assert q.birth_date == "1962"


def test_mixed_scripts_are_accepted() -> None:
    assert validate_query(Query("Hikvision 海康威视 Сергей")).name == "Hikvision 海康威视 Сергей"
