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
