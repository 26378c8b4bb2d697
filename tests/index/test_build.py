from pathlib import Path

from exportguard.index.build import build_index
from exportguard.index.cache import load_cached, save_cached
from exportguard.index.fuzzy import build_delete_keys, neighbours
from exportguard.index.search import search, token_matches
from tests.match.entities import ent, sample


def _group_ids(ix, eid: str) -> set[str]:  # type: ignore[no-untyped-def]
    idx = ix.entity_ids.index(eid)
    return {ix.entity_ids[m] for m in ix.groups[ix.entity_group[idx]]}


def test_groups_by_shared_keys() -> None:
    ix = build_index(sample())
    assert _group_ids(ix, "us_ofac_cons-30946") >= {"us_ofac_cons-30946", "us_trade_csl-30946-CMIC"}
    assert _group_ids(ix, "eu_fsf-13") == {"eu_fsf-13", "un_sc_sanctions-QDi.001"}


def test_groups_same_name_same_country_across_sub_lists() -> None:
    ix = build_index(sample())
    # The Entity List entry shares no key with the CMIC entries, but the same name and country.
    assert "us_trade_csl-el1" in _group_ids(ix, "us_ofac_cons-30946")
    # Same person name (any word order) and birth date in two sources.
    assert _group_ids(ix, "us_ofac_sdn-1") == {"us_ofac_sdn-1", "gb_hmt_sanctions-1"}


def test_same_name_without_shared_facts_is_not_grouped() -> None:
    a = ent("us_ofac_sdn-10", "Person", ["KIM, Chol"], birthDate="1960")
    b = ent("gb_hmt_sanctions-10", "Person", ["KIM Chol"], birthDate="1971")
    c = ent("us_bis_dpl-10", "Organization", ["Star Trading"], country="ae")
    d = ent("us_trade_csl-10", "Organization", ["Star Trading"], country="cn")
    ix = build_index([a, b, c, d])
    assert len(set(ix.entity_group)) == 4


def test_romanisation_variants_and_aliases_group_with_a_shared_birth_date() -> None:
    # Real pairs from the UK and OFAC lists: the UK writes -eevich where OFAC writes -eyevich.
    uk = ent("gb_hmt_sanctions-20", "Person", ["Stanislav Sergeevich CHEMEZOV"], birthDate="1973")
    ofac = ent("us_ofac_sdn-20", "Person", ["CHEMEZOV, Stanislav Sergeyevich"], birthDate="1973")
    # An alias of one record is the other's main name, and the birth date is the same.
    un = ent("un_sc_sanctions-21", "Person", ["DAWOOD IBRAHIM KASKAR"], birthDate="1955-12-26")
    sdn = ent("us_ofac_sdn-21", "Person", ["IBRAHIM, Dawood", "KASKAR, Dawood Ibrahim"], birthDate="1955-12-26")
    # The same alias and nothing else in common: two designations.
    x = ent("us_ofac_sdn-22", "Person", ["AL-TIKRITI, Barzan", "ABU ALI"], birthDate="1951")
    y = ent("gb_hmt_sanctions-22", "Person", ["ALI, Abu", "HASSAN, Ali"], birthDate="1962")
    # An alias shared with a long main name but no birth date: not enough on its own.
    z = ent("un_sc_sanctions-23", "Person", ["ABDUL RAHMAN YASIN HASSAN"])
    w = ent("us_ofac_sdn-23", "Person", ["YASIN, Abdul", "HASSAN ABDUL RAHMAN YASIN"])
    ix = build_index([uk, ofac, un, sdn, x, y, z, w])
    assert _group_ids(ix, "gb_hmt_sanctions-20") == {"gb_hmt_sanctions-20", "us_ofac_sdn-20"}
    assert _group_ids(ix, "us_ofac_sdn-21") == {"un_sc_sanctions-21", "us_ofac_sdn-21"}
    assert _group_ids(ix, "us_ofac_sdn-22") == {"us_ofac_sdn-22"}
    assert _group_ids(ix, "us_ofac_sdn-23") == {"us_ofac_sdn-23"}


def test_postings_and_forms() -> None:
    ix = build_index(sample())
    xpcc = ix.vocab["xpcc"]
    owners = {ix.entity_ids[ix.form_entity[f]] for f in ix.posting(xpcc)}
    assert owners == {"us_ofac_sdn-29299", "us_trade_csl-el2", "us_trade_csl-el3"}
    assert ix.token_weight("xpcc") > ix.token_weight("llc")


def test_fuzzy_neighbours_within_one_edit() -> None:
    tokens = ["john", "jon", "joan", "hikvision", "smith"]
    keys = build_delete_keys(enumerate(tokens))
    found = {tokens[t] for t, _d in neighbours(keys, tokens, "jhon")}
    assert found == {"john", "jon"}  # a transposition and a deletion; "joan" is two edits away
    assert {tokens[t] for t, _d in neighbours(keys, tokens, "hikvison")} == {"hikvision"}


def test_search_finds_brand_typo_and_identifier() -> None:
    ix = build_index(sample())
    found = {ix.entity_ids[c.entity] for c in search(ix, [("hikvison",)])}
    assert "us_trade_csl-el1" in found
    by_id = search(ix, [("nothing", "like", "it")], identifiers=["91330000733796106P"])
    assert [ix.entity_ids[c.entity] for c in by_id] == ["us_ofac_cons-30946"]
    assert token_matches(ix, "xpcc") == {ix.vocab["xpcc"]: 1.0}


def test_search_joins_syllables_written_apart() -> None:
    ix = build_index([ent("us_ofac_sdn-5", "Person", ["SUN, Jinlong"])])
    found = search(ix, [("jin", "long", "sun")])
    assert found and found[0].coverage > 0.9


def test_cache_roundtrip(tmp_path: Path) -> None:
    ix = build_index(sample(), key="k1")
    assert save_cached(tmp_path, ix) is not None
    loaded = load_cached(tmp_path, "k1")
    assert loaded is not None and loaded.entity_ids == ix.entity_ids
    assert load_cached(tmp_path, "other") is None
    ix2 = build_index(sample()[:2], key="k2")
    save_cached(tmp_path, ix2)
    assert load_cached(tmp_path, "k1") is None  # older index removed


def test_search_splits_words_written_together() -> None:
    ix = build_index([ent("us_ofac_sdn-6", "Company", ["LEBRA MOON GENERAL TRADING LLC"])])
    found = search(ix, [("lebramoon", "general", "trading", "llc")])
    assert found and ix.entity_ids[found[0].entity] == "us_ofac_sdn-6"


def test_search_finds_spelling_variants() -> None:
    ix = build_index([ent("us_ofac_sdn-7", "Person", ["JANNATI, Ahmad"])])
    assert search(ix, [("dzhannati", "akhmad")])


def test_search_finds_a_syllable_written_apart_and_spelled_another_way() -> None:
    # UN entry 690797 publishes Daba NAUALNA and, as an alias, Daba Na Walna
    ix = build_index([ent("un_sc_sanctions-690797", "Person", ["Daba NAUALNA"])])
    found = search(ix, [("daba", "na", "walna")])
    assert found and found[0].coverage > 0.8  # daba alone would be a third


def test_long_words_three_edits_apart_are_neighbours() -> None:
    # OpenSanctions: Joint-Stock Company "TransKomplektHolding", in Ukrainian TransKomplektKholdynh
    ix = build_index([ent("opensanctions-NK-1", "Company", ['Joint-Stock Company "TransKomplektHolding"'])])
    assert ix.vocab["transkomplektholding"] in token_matches(ix, "transkomplektkholdynh")
    assert not token_matches(ix, "transatlanticholdings")  # same first letters, not the same word


def test_other_spellings_of_a_given_name_are_looked_up() -> None:
    # US CSL: ESMAIL, Abdurazak, also published as ABDELRAZAK, Ismail (two edits apart)
    ix = build_index([ent("us_trade_csl-24313", "Person", ["ESMAIL, Abdurazak"])])
    assert token_matches(ix, "abdelrazak").get(ix.vocab["abdurazak"]) == 0.85
    found = search(ix, [("abdelrazak", "ismail")])
    assert found and found[0].coverage > 0.7
    assert ix.vocab["abdurazak"] not in token_matches(ix, "abdelkader")  # another name


def test_vowelled_query_words_find_romanised_arabic_script_names() -> None:
    # UK list: Bassam Ahmad AL-HUSARI, also published as بسام أحمد الحصري (romanised hsry, bsam, ahmd)
    ix = build_index(
        [
            ent("gb_hmt_sanctions-1", "Person", ["بسام أحمد الحصري"]),
            ent("us_ofac_sdn-2", "Person", ["Alexander BYKOV"]),
        ]
    )
    assert ix.vocab["hsry"] in token_matches(ix, "husari")
    found = search(ix, [("husari", "bassam", "ahmad")])
    assert found and ix.entity_ids[found[0].entity] == "gb_hmt_sanctions-1" and found[0].coverage > 0.7
    # a Latin name with few vowels is not looked up by its consonants: BABAKOV is not BYKOV
    assert ix.vocab["bykov"] not in token_matches(ix, "babakov")


def test_arabic_script_words_with_their_long_vowels_find_the_vowelled_spellings() -> None:
    # UN list QDi.299; the query in Arabic script romanises to abrahym awad abrahym al bdry: the
    # long vowels written, the short ones not, so abrahym is neither vowelless nor one edit from
    # IBRAHIM, but it has its consonants.
    ix = build_index(
        [
            ent("un_sc_sanctions-1", "Person", ["IBRAHIM AWWAD IBRAHIM ALI AL-BADRI AL-SAMARRAI"]),
            ent("us_ofac_sdn-2", "Person", ["Abraham HAYM"]),
        ]
    )
    assert ix.vocab["ibrahim"] in token_matches(ix, "abrahym", abjad=True)
    assert ix.vocab["ibrahim"] not in token_matches(ix, "abrahym")  # a Latin word with vowels: no
    # an abjad writes a first vowel: a word beginning with a consonant is not looked up so
    assert ix.vocab["haym"] not in token_matches(ix, "ahym", abjad=True)
    query = ("abrahym", "awad", "abrahym", "al", "bdry")
    found = search(ix, [query], abjad=[True])
    assert found and ix.entity_ids[found[0].entity] == "un_sc_sanctions-1" and found[0].coverage > 0.7


def test_weak_words_rank_the_forms_the_strong_words_found() -> None:
    # OFAC SDN: Hassan Scientific Corporation, among more forms with "Hassan" than are re-ranked
    from exportguard.index.search import RERANK

    others = [ent(f"us_ofac_sdn-{i}", "Organization", [f"HASSAN {chr(65 + i % 26)}{i}"]) for i in range(RERANK + 50)]
    ix = build_index([*others, ent("us_ofac_sdn-19000", "Company", ["Hassan Scientific Corporation"])])
    found = search(ix, [("hassan", "scientific", "llc")])
    assert found and ix.entity_ids[found[0].entity] == "us_ofac_sdn-19000"


def test_initials_of_query_words_find_an_acronym() -> None:
    # CSL: IRGC GROUND FORCES, also published as ISLAMIC REVOLUTION GUARDS CORPS GROUND FORCE;
    # "ground" and "force" alone are shared by more forms than are re-ranked
    from exportguard.index.search import RERANK

    others = [ent(f"us_ofac_sdn-{i}", "Organization", [f"GROUND FORCE {chr(65 + i % 26)}{i}"]) for i in range(RERANK + 50)]
    ix = build_index([*others, ent("us_trade_csl-26719", "Organization", ["IRGC GROUND FORCES"])])
    found = search(ix, [("islamic", "revolution", "guards", "corps", "ground", "force")], groups=5)
    assert [ix.entity_ids[c.entity] for c in found][:1] == ["us_trade_csl-26719"]
    # initials over a legal form are no acronym (SHENYANG AIRCRAFT CO. LTD. is not SACL)
    ix = build_index([ent("us_ofac_sdn-1", "Organization", ["SACL"])])
    assert not search(ix, [("shenyang", "aircraft", "co", "ltd")])


def test_people_with_one_full_birth_date_and_alike_names_group() -> None:
    # UK and OFAC: one person, spelled apart more than the romanisation variants fold
    # (Valerievich / Valeryevich), with the same date of birth.
    uk = ent("gb_hmt_sanctions-30", "Person", ["Dmitry Valerievich UTKIN"], birthDate="1970-06-11")
    ofac = ent("us_ofac_sdn-30", "Person", ["UTKIN, Dmitriy Valeryevich"], birthDate="1970-06-11")
    # the same birth date, another patronymic: two people
    a = ent("gb_hmt_sanctions-31", "Person", ["Sergey Borisovich IVANOV"], birthDate="1953-01-31")
    b = ent("us_ofac_sdn-31", "Person", ["IVANOV, Sergey Sergeevich"], birthDate="1953-01-31")
    # alike names, but only the year of birth in common: not enough
    c = ent("gb_hmt_sanctions-32", "Person", ["Artem Alexandrovich BICHAEV"], birthDate="1980")
    d = ent("us_ofac_sdn-32", "Person", ["BICHAYEV, Artyom Aleksandrovich"], birthDate="1980")
    ix = build_index([uk, ofac, a, b, c, d])
    assert _group_ids(ix, "us_ofac_sdn-30") == {"gb_hmt_sanctions-30", "us_ofac_sdn-30"}
    assert ix.group_reason[ix.entity_group[ix.entity_ids.index("us_ofac_sdn-30")]].startswith("alike names")
    assert _group_ids(ix, "us_ofac_sdn-31") == {"us_ofac_sdn-31"}
    assert _group_ids(ix, "us_ofac_sdn-32") == {"us_ofac_sdn-32"}


def test_a_place_adjective_and_the_place_find_each_other() -> None:
    # CSL: PAO Yaroslavskiy sudostroitelnyy zavod, also YAROSLAVL SHIPBUILDING FACTORY
    ix = build_index(
        [
            ent("us_trade_csl-1", "Organization", ["PAO Yaroslavskiy sudostroitelnyy zavod"]),
            ent("gb_hmt_sanctions-2", "Organization", ["Port of Sevastopol"]),
        ]
    )
    assert ix.vocab["yaroslavskiy"] in token_matches(ix, "yaroslavl")
    assert ix.vocab["sevastopol"] in token_matches(ix, "sevastopolskiy")
    assert ix.vocab["sevastopol"] not in token_matches(ix, "sevastopolskaya", fuzzy=False)  # exact only
    found = search(ix, [("yaroslavl", "shipbuilding", "factory")])
    assert found and ix.entity_ids[found[0].entity] == "us_trade_csl-1"
