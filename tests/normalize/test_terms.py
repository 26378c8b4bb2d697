from exportguard.normalize.terms import load_terms, terms_digest


def test_term_lists_load_with_versions() -> None:
    data = load_terms()
    assert data.zh["公安局"].en[0] == "Public Security Bureau"
    assert data.zh["乌鲁木齐"].en[0] == "Urumqi"
    assert data.zh["生产建设兵团"].kind == "org"
    assert "gmbh" in data.legal and "trading" in data.generic and "bin" in data.particles
    assert data.version.count("+") == 2
    assert len(terms_digest()) == 12


def test_no_word_is_both_legal_and_weaker_kind() -> None:
    data = load_terms()
    assert not data.generic & data.legal
    assert not data.particles & data.legal


def test_synonym_groups_are_generic_words_that_match_each_other() -> None:
    from exportguard.normalize.tokens import Kind, same_meaning, token_kind

    data = load_terms()
    assert data.synonyms["zavod"] == data.synonyms["plant"] != data.synonyms["industries"]
    assert all(token_kind(w) in (Kind.GENERIC, Kind.LEGAL) for w in data.synonyms)
    assert same_meaning("zavod", "factory") and not same_meaning("zavod", "bank")


def test_korean_data_is_folded_and_its_surnames_are_not_ambiguous_short_words() -> None:
    from exportguard.normalize.korean import _data

    surnames, same, folds = _data()
    assert all(s.isascii() and s.isalpha() and s == s.lower() for s in surnames | set(same))
    assert not surnames & {"i", "o", "u", "an", "ho", "so", "ma", "no"}  # Burmese, Vietnamese, Chinese too
    assert folds[0] == ("eo", "o")


def test_a_word_yaml_reads_as_a_boolean_is_an_error() -> None:
    import pytest
    import yaml

    from exportguard.errors import ParseError
    from exportguard.normalize.terms import _words

    values = yaml.safe_load("[ro, no, noh]")  # the surname No, unquoted
    with pytest.raises(ParseError, match="quote it"):
        _words("korean.yml", values)
    assert _words("korean.yml", yaml.safe_load('[ro, "no", noh]')) == ["ro", "no", "noh"]


def test_pinyin_of_generic_terms_means_their_translation() -> None:
    from exportguard.normalize.tokens import same_meaning

    assert same_meaning("xinxi", "information") and same_meaning("keji", "technology")
    assert not same_meaning("zhongguo", "china")  # a place, not a generic word


def test_generic_words_across_languages() -> None:
    from exportguard.normalize.tokens import Kind, same_meaning, token_kind

    # Spanish and Russian forms on the lists (GRUPO MBS LIMITADA, BANCO VTB AFRICA SA, ...)
    pairs = [("grupo", "group"), ("banco", "bank"), ("servicios", "services"), ("lizing", "leasing")]
    assert all(same_meaning(a, b) for a, b in pairs)
    assert token_kind("kompaniya") is Kind.LEGAL and token_kind("korporatsiya") is Kind.LEGAL
