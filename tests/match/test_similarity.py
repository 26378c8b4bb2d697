import pytest

from exportguard.match.align import align, join_runs
from exportguard.match.similarity import token_similarity
from exportguard.normalize.adjectives import adjective_of, adjective_stem
from exportguard.normalize.given_names import same_patronymic


@pytest.mark.parametrize(
    ("a", "b", "how", "at_least", "below"),
    [
        ("john", "john", "exact", 1.0, 1.01),
        ("jon", "john", "fuzzy", 0.7, 0.8),
        ("sergey", "sergei", "spelling", 0.95, 0.96),
        ("karo", "caro", "spelling", 0.95, 0.96),
        ("alliance", "alyans", "spelling", 0.95, 0.96),  # English -ce romanised back from Cyrillic
        ("stroyservice", "stroiservis", "spelling", 0.95, 0.96),
        ("atals", "atlas", "fuzzy", 0.9, 0.91),  # swapped neighbours: a typing slip
        ("mohammed", "muhammad", "given name", 0.85, 0.86),  # one Arabic name (two edits from eight letters)
        ("krasnodar", "krasnador", "fuzzy", 0.7, 0.8),  # two edits from eight letters
        ("mohammedi", "muhammadi", "vowels", 0.85, 0.86),  # … that are like vowels
        ("mhmd", "mohammed", "consonants", 0.9, 0.91),  # vowel-less romanisation of محمد
        ("j", "john", "initial", 0.6, 0.61),
        # other vowels, more than edits allow: the same consonants with vowels in the same places
        ("nawfal", "nofal", "vowels", 0.85, 0.86),  # OFAC: NOFAL / NAWFAL, Imad Mahmoud
        ("kutherani", "kawtharani", "vowels", 0.85, 0.86),
        ("aierken", "arkin", "vowels", 0.85, 0.86),  # Uyghur: TUNIYAZI, Arkin (Entity List)
        ("bluto", "bloto", "vowels", 0.85, 0.86),  # one vowel for a like one (CSL: BLOTO INTERNATIONAL)
        ("linda", "lindau", "fuzzy", 0.8, 0.85),  # a letter added is an edit, not another vowel
    ],
)
def test_similar_tokens(a: str, b: str, how: str, at_least: float, below: float) -> None:
    sim, found = token_similarity(a, b, initials=True)
    assert found == how and at_least <= sim < below


@pytest.mark.parametrize(("a", "b"), [("ju", "chu"), ("pom", "bom"), ("eun", "un"), ("jong", "chong"), ("ri", "lee")])
def test_korean_syllables_across_romanisations(a: str, b: str) -> None:
    assert token_similarity(a, b, initials=True, korean=True) == (0.9, "romanisation")
    assert token_similarity(a, b, initials=True)[1] != "romanisation"  # not in other names


@pytest.mark.parametrize(
    ("a", "b"),
    [("sergei", "siarhei"), ("igor", "ihar"), ("aleksandr", "oleksandr"), ("grigorevich", "ryhoravich"),
     ("mykolayovych", "nikolaevich"), ("aleksandrovich", "aliaksandravich"), ("jevgenij", "yevgeniy"),
     ("sergej", "siarhei"), ("andrejevitj", "andreevich")],
)  # fmt: skip
def test_east_slavic_given_names_and_patronymics(a: str, b: str) -> None:
    assert token_similarity(a, b, initials=True) == (0.9, "given name")
    assert token_similarity(a, b)[1] != "given name"  # people only


@pytest.mark.parametrize(
    ("a", "b"),
    [("jawad", "juad"), ("qassim", "kassem"), ("osman", "cusman"), ("mohamed", "maxamed"),
     ("ismail", "esmail"), ("youssef", "youcef"), ("hossein", "husayn"), ("riza", "reza")],
)  # fmt: skip
def test_arabic_given_names_across_romanisations(a: str, b: str) -> None:
    sim, how = token_similarity(a, b, initials=True)
    # a close edit, not the near-exact match that lets two common names stand for a person
    assert how == "given name" and 0.8 <= sim < 0.9
    assert token_similarity(a, b)[1] != "given name"  # people only


def test_given_names_data_has_each_name_in_one_group() -> None:
    from exportguard.normalize.given_names import _all_groups

    names, slavic = _all_groups()
    assert names["juad"] == names["jawad"] == names["javad"]
    assert names["juad"][1] == "arabic" and "juad" not in slavic  # no patronymics from Arabic names
    assert all(w.isascii() and w.isalpha() and w == w.lower() for w in names)


def test_different_fathers_are_different_patronymics() -> None:
    assert token_similarity("petrovich", "ryhoravich", initials=True)[0] == 0.0


def test_korean_names_are_recognised_by_their_surname() -> None:
    from exportguard.normalize.korean import is_korean_name

    assert is_korean_name(("kim", "yo", "jong")) and is_korean_name(("chu", "hyok"))
    assert not is_korean_name(("tuong", "van", "minh"))  # Vietnamese
    assert not is_korean_name(("kim",))  # one word is not enough to tell
    assert not is_korean_name(("kim", "alexandrovich"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("duong", "cuong"),  # short names that differ in the first letter
        ("minghui", "mingguo"),  # two edits in seven letters
        ("brq", "barqawi"),  # skeletons equal but lengths far apart
        ("mahmud", "mohammed"),  # both spelled with vowels, in other places: no skeleton match
        ("turki", "tarik"),  # the same consonants, the vowels elsewhere: two names
        ("karen", "koran"),
        ("aph", "af"),  # a spelling key of two letters from three: APH S. DE R.L. is not OJSC AF BANK  # the same consonants and places, but an a is not an o
        ("2019", "2018"),
        ("j", "john"),  # initials only count for people (initials=False here)
        ("kkbc", "kbk"),  # acronyms (UN: KKBC, Korea Kwangson Banking Corp.; OFAC: OOO KBK BANK)
        ("iran", "iraq"),  # two places one letter apart
        ("southern", "northern"),  # SMIC Southern / SMIC Northern (Entity List)
        ("kbk", "kbr"),
    ],
)
def test_different_tokens(a: str, b: str) -> None:
    assert token_similarity(a, b)[0] == 0.0


def test_join_runs_both_ways() -> None:
    assert join_runs(["sun", "jin", "long"], {"sun", "jinlong"}) == ["sun", "jinlong"]
    assert join_runs(["abd", "allh"], {"abdallah"}) == ["abdallh"]
    assert join_runs(["a", "b"], {"a", "b"}) == ["a", "b"]
    # UK list: ایوب بشیر (romanised aywb bshyr) is AYYUB BASHIR, two names: bshyr already is
    # bashir, so the run is not joined into aywbbshyr (whose consonants look like bashir's)
    assert join_runs(["aywb", "bshyr"], {"ayyub", "bashir"}) == ["aywb", "bshyr"]


def test_alignment_is_order_free_and_weighted() -> None:
    weights = {"sun": 5.0, "jinlong": 10.0, "llc": 0.1}.get
    al = align(["jinlong", "sun"], ["sun", "jinlong", "llc"], lambda t: weights(t, 1.0))
    assert {(p.query, p.candidate) for p in al.pairs} == {("sun", "sun"), ("jinlong", "jinlong")}
    assert al.query_coverage == 1.0
    assert al.candidate_coverage == pytest.approx(15 / 15.1)
    assert al.candidate_extra == ["llc"]


def test_abjad_consonants_still_compare_without_vowels() -> None:
    # the acronym rule leaves romanised Arabic alone: محمد -> mhmd against Mohammad
    assert token_similarity("mhmd", "mohammad", abjad=True)[0] >= 0.9


def test_short_romanised_arabic_words_need_their_consonants() -> None:
    # عدي (Uday, romanised ady) and علي (Ali) are two names: the Saddam Hussein family's UN entries
    assert token_similarity("ali", "ady", abjad=True)[0] == 0.0
    assert token_similarity("ali", "aly", abjad=True)[0] >= 0.9  # one name: consonants l


@pytest.mark.parametrize(
    ("a", "b"),
    [("mykolayovich", "nikoolaevich"), ("gennadievitch", "gennadyevich")],
)
def test_patronymics_with_a_doubled_letter_or_french_ending(a: str, b: str) -> None:
    # UK list: Igor Nikoolaevich TURCHENYUK (a slip) / Mykolayovich; EU: Nikita Gennadievitch
    assert same_patronymic(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("abdreza", "abdolreza"), ("abdrahman", "abdurrahman"), ("abdaziz", "abdelaziz")],
)
def test_servant_of_joined_or_apart(a: str, b: str) -> None:
    # OFAC SDN: RAHMANI FAZLI, Abdolreza, also Abd al-Reza (written apart, then joined: abdreza)
    assert token_similarity(a, b) == (0.95, "spelling")


def test_servant_of_different_names_stay_apart() -> None:
    assert token_similarity("abdullah", "abdulrahman")[0] == 0.0


def test_a_repeated_word_counts_once_in_an_organisation_name_only() -> None:
    one = lambda _t: 1.0  # noqa: E731
    org = align(["vad"], ["vad", "vad"], one)
    assert org.candidate_coverage == 1.0 and not org.candidate_extra
    # IBRAHIM SABAWI IBRAHIM: the second Ibrahim is his father's name
    person = align(["sabawi", "ibrahim"], ["ibrahim", "sabawi", "ibrahim"], one, initials=True)
    assert person.candidate_extra == ["ibrahim"]


def test_acronym_runs_stand_for_their_words_in_organisation_names() -> None:
    from exportguard.match.align import acronym_runs

    tokens, runs = acronym_runs(["islamic", "revolution", "guards", "corps", "ground", "force"], ["irgc", "ground"])
    assert tokens == ["irgc", "ground", "force"] and runs == {0: "islamic revolution guards corps"}
    # a legal form is no part of an acronym, and a name that gives its acronym keeps its words
    assert acronym_runs(["shenyang", "aircraft", "co", "ltd"], ["sacl"])[1] == {}
    assert acronym_runs(["islamic", "revolutionary", "guard", "corps", "irgc", "navy"], ["irgc", "navy"])[1] == {}
    assert acronym_runs(["mohamed", "al", "nasser", "nasser"], ["man"])[1] == {}  # a particle, and MAN a word
    al = align(["islamic", "revolution", "guards", "corps", "ground", "force"], ["irgc", "ground", "forces"], lambda t: 1.0)
    assert [(p.query, p.how) for p in al.pairs if p.candidate == "irgc"] == [("islamic revolution guards corps", "acronym")]
    assert align(["islamic", "revolution", "guards", "corps"], ["irgc"], lambda t: 1.0, initials=True).pairs == []


def test_romanised_arabic_ta_marbuta_with_or_without_h() -> None:
    # UK list: الجلاهمة (romanised jlahma) is AL-JALAHMAH; the h of Abdullah is the word's own
    assert token_similarity("jlahma", "jalahmah", abjad=True)[0] >= 0.9
    assert token_similarity("shfyqallh", "shafiqullah", abjad=True)[0] >= 0.9
    assert token_similarity("jlahma", "jalahmah")[0] == 0.0  # no Arabic script: edits decide


def test_romanised_arabic_servant_of_with_the_article_written() -> None:
    # UN list: عبدالرحمان (abdalrhman) is Abdul Rahman, joined abdrahman
    assert token_similarity("abdalrhman", "abdrahman", abjad=True)[0] >= 0.9
    assert join_runs(["abd", "rahman", "agha"], {"abdalrhman", "agha"}, abjad=True) == ["abdrahman", "agha"]
    assert join_runs(["abd", "rahman", "agha"], {"abdalrhman", "agha"}) == ["abd", "rahman", "agha"]


def test_romanised_arabic_keeps_its_first_vowel() -> None:
    # an abjad writes a word's first vowel (alif): احمدی (ahmdy) is Ahmadi, not Hamid
    assert token_similarity("ahmdy", "ahmadi", abjad=True)[0] >= 0.9
    assert token_similarity("ahmdy", "hamid", abjad=True)[0] == 0.0


@pytest.mark.parametrize(
    ("adjective", "noun"),
    # CSL, UK list: Yaroslavskiy sudostroitelnyy zavod / Yaroslavl Shipbuilding Factory; Севастопольский
    # морской порт / SEVASTOPOL SEA PORT; FEODOSIYSKE COMPANY / FEODOSIYA ENTERPRISE; Angarsk
    [("yaroslavskiy", "yaroslavl"), ("sevastopolsky", "sevastopol"), ("feodosiyske", "feodosiya"),
     ("angarskiy", "angarsk"), ("chechenskie", "chechen"), ("kazanskaya", "kazan")],
)  # fmt: skip
def test_a_place_adjective_is_the_place_in_organisation_names(adjective: str, noun: str) -> None:
    assert token_similarity(adjective, noun) == (0.9, "adjective")
    assert token_similarity(noun, adjective) == (0.9, "adjective")
    # in people's names a surname in -sky is a name of its own (Yaroslavsky is not Yaroslav)
    assert token_similarity(adjective, noun, initials=True)[1] != "adjective"


def test_adjectives_and_their_stems() -> None:
    assert adjective_stem("sevastopolskiy") == "sevastopol"
    assert adjective_stem("angarsk") is None  # the town's name itself ends in -sk
    assert adjective_stem("minskiy") is None  # a stem of three letters is too short to tell
    assert not adjective_of("yaroslavskiy", "yaroslavskaya")  # two genders: compared as spellings
    assert not adjective_of("kazanskiy", "kazakhstan")  # the noun must be the stem and a short ending


def test_joins_whose_words_begin_alike_only_after_spelling_folds() -> None:
    # Dzh is J romanised from Russian (Джохар): the joined word begins like JOKHAR only by its key,
    # whether the first piece is shorter than four letters (its own key says nothing) or not.
    assert join_runs(["dzh", "okhar", "ali"], {"jokhar", "ali"}) == ["dzhokhar", "ali"]
    assert join_runs(["dzho", "khar", "ali"], {"jokhar", "ali"}) == ["dzhokhar", "ali"]
    assert join_runs(["dzho", "khar", "ali"], {"mokhar", "ali"}) == ["dzho", "khar", "ali"]
