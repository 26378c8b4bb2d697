from exportguard.match.evidence import apply_steps, compare_countries, compare_dates, compare_identifiers


def test_dates() -> None:
    same = compare_dates("1962", ("1962-01-01",))
    assert same is not None and same.delta > 0
    day = compare_dates("1962-02-03", ("1962-01-01",))
    assert day is not None and day.delta < 0
    near = compare_dates("1963", ("1962-01-01",))
    assert near is not None and near.delta == 0
    far = compare_dates("1980", ("1962-01-01",))
    assert far is not None and far.delta < day.delta
    assert compare_dates("1962", ()) is None


def test_countries_and_identifiers() -> None:
    match = compare_countries(["cn"], ("cn", "hk"))
    miss = compare_countries(["us"], ("cn",))
    assert match is not None and match.delta > 0
    assert miss is not None and miss.delta < 0
    ident = compare_identifiers(["91330000733796106P"], ("91330000733796106P",))
    assert ident is not None
    assert apply_steps(0.2, [ident]) >= 0.9  # an identifier match lifts a weak name score
    assert apply_steps(0.95, [miss]) < 0.95
