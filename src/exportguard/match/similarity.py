"""How alike two folded name tokens are: exact, a common romanisation variant (Sergey/Sergei),
one or two edits, an initial, or the same consonant skeleton when one side lost its vowels in transliteration (محمد -> mhmd)."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

from exportguard.normalize.adjectives import adjective_of
from exportguard.normalize.chinese import is_pinyin
from exportguard.normalize.given_names import same_given_name, same_patronymic
from exportguard.normalize.korean import korean_key
from exportguard.normalize.names import abd_key
from exportguard.normalize.phonetics import (
    begin_alike,
    is_vowelless,
    same_vowel_places,
    skeleton,
    spelling_key,
)
from exportguard.normalize.tokens import Kind, exact_only, same_meaning, same_place, token_kind

INITIAL_SIM = 0.6
SPELLING_SIM = 0.95
LONG_TOKEN = 14  # letters from which three edits are allowed (TransKomplektKholdynh)
SKELETON_SIM = 0.9
VOWEL_SIM = 0.85
ROMANISATION_SIM = 0.9
SYNONYM_SIM = 0.9
ADJECTIVE_SIM = 0.9  # a place's East Slavic adjective for the place: Yaroslavskiy (zavod) / Yaroslavl
GIVEN_NAME_SIM = 0.9  # Sergei / Siarhei: one name in two languages
# Arabic given names are few and common (Mohammed, Ahmad, Nur): their spellings count as a close
# edit (Mohammad / Mohammed), not as the near-exact match that lets two names stand for a person.
ARABIC_NAME_SIM = 0.85
SHORT_ACRONYM = 4
SHORT_ABJAD = 3  # romanised Arabic words this short match exactly or by consonants (عدي ady / علي ali)


def edit_similarity(a: str, b: str) -> float:
    """Similarity from the restricted Damerau–Levenshtein distance, allowing one edit for
    tokens of three or more letters (Jon/John) and two from eight letters (Mohammed/Muhammad)."""
    shorter = min(len(a), len(b))
    if shorter < 3:
        return 0.0
    allowed = 3 if shorter >= LONG_TOKEN else 2 if shorter >= 8 else 1
    dist = OSA.distance(a, b, score_cutoff=allowed)
    if dist > allowed:
        return 0.0
    if shorter <= 6 and a[0] != b[0] and a[:2] != b[1::-1]:
        return 0.0  # short names differing in the first letter are different names (Duong, Cuong)
    longer = max(len(a), len(b))
    if dist == 1 and len(a) == len(b) and sorted(a) == sorted(b):
        return 1.0 - 0.5 / longer  # two neighbouring letters swapped: a typing slip (Atals / Atlas)
    return max(0.6, 1.0 - dist / longer)


def _acronyms_of_other_lengths(a: str, b: str) -> bool:
    """Two words without vowels of different lengths (KKBC / KBK): acronyms, whose letters all
    count, not spellings of one word (the consonant skeletons of Arabic names are compared apart)."""
    return len(a) != len(b) and is_vowelless(a) and is_vowelless(b)


def _acronyms(a: str, b: str) -> bool:
    """Two words of at most four letters without vowels (KKBC / KBK, KBK / KBR): acronyms, which
    one letter makes another body's; only equal ones match."""
    return max(len(a), len(b)) <= SHORT_ACRONYM and is_vowelless(a) and is_vowelless(b)


def _vowels_apart(a: str, b: str) -> bool:
    """Two spellings of one word that differ in their vowels only, more than edits allow (Nawfal /
    Nofal, Kutherani / Kawtharani, Aierken / Arkin): the same three or more consonants with alike
    vowels in the same places (Turki is not Tarik, Mahmud not Mohammed, Karen not Koran)."""
    sa = skeleton(a)
    return len(sa) >= 3 and sa == skeleton(b) and same_vowel_places(a, b)


def _ta_marbuta(a: str, b: str) -> tuple[str, str]:
    """Two words without the h that one romanisation writes for a final ta marbuta and the other
    not (Jalahmah / الجلاهمة jlahma, Hamzah / Hamza); an h of the word itself stays (Abdullah)."""
    if a.endswith("ah") and b.endswith("a"):
        return a[:-1], b
    if b.endswith("ah") and a.endswith("a"):
        return a, b[:-1]
    return a, b


@lru_cache(maxsize=1 << 18)
def token_similarity(
    a: str, b: str, initials: bool = False, abjad: bool = False, korean: bool = False, chinese: bool = False
) -> tuple[float, str]:
    """(similarity in [0, 1], how) for two folded tokens; ``abjad``: one of them is romanised from
    Arabic or Hebrew script, so the consonants are compared whatever the vowels; ``korean``: both
    are words of Korean names, compared across the two romanisations (Jo / Cho, Bom / Pom);
    ``chinese``: one of them is the pinyin of a Chinese person's name written in characters, in
    which another syllable is another character (鄭建興 jianxing is not Yanxiong, 范岩 yan not Yang)."""
    if a == b:
        return 1.0, "exact"
    if not (a.isalpha() and b.isalpha()):
        return 0.0, "number"
    if initials and (len(a) == 1 or len(b) == 1):
        return (INITIAL_SIM, "initial") if a[0] == b[0] else (0.0, "")
    ka, kb = spelling_key(a), spelling_key(b)
    if min(len(a), len(b)) >= (2 if len(a) == len(b) else 3) and ka == kb and not _acronyms_of_other_lengths(a, b):
        return SPELLING_SIM, "spelling"
    if a.startswith("abd") and b.startswith("abd"):
        ja, jb = abd_key(a), abd_key(b)
        if spelling_key(ja) == spelling_key(jb):
            return SPELLING_SIM, "spelling"  # Abdolreza / Abd al-Reza, joined: abdreza
        if abjad and skeleton(ja) == skeleton(jb):
            return SKELETON_SIM, "consonants"  # عبدالرحمان abdalrhman / Abd Rahman, joined
    if same_place(a, b):
        return SPELLING_SIM, "same place"
    if (token_kind(a) is Kind.PLACE and token_kind(b) is Kind.PLACE) or (exact_only(a) and exact_only(b)):
        return 0.0, ""  # two places a letter apart are two places (Iran / Iraq), Southern is not Northern
    if same_meaning(a, b):
        return SYNONYM_SIM, "same meaning"
    if not initials and adjective_of(a, b):
        return ADJECTIVE_SIM, "adjective"  # Sevastopolskiy (port) / Sevastopol (port); not in people's names
    if korean and korean_key(a) == korean_key(b):
        return ROMANISATION_SIM, "romanisation"
    if initials:
        section = same_given_name(a, b)
        if section is not None or same_patronymic(a, b):
            return (ARABIC_NAME_SIM if section == "arabic" else GIVEN_NAME_SIM), "given name"
    if not abjad and _acronyms(a, b):
        return 0.0, ""
    if chinese and is_pinyin(a) and is_pinyin(b):
        return 0.0, ""
    # Edits counted after romanisation variants are folded (Alexander / Aleksandr: one edit).
    sim = max(edit_similarity(a, b), SPELLING_SIM * edit_similarity(ka, kb))
    if (abjad or is_vowelless(a) or is_vowelless(b)) and min(len(a), len(b)) >= 3 and sim < SKELETON_SIM:
        # an abjad's romanisation (hbyb) against a vowelled one (Habib): the consonants decide
        ta, tb = _ta_marbuta(a, b)
        sa, sb = skeleton(ta), skeleton(tb)
        if (
            len(sa) >= 2
            and sa == sb
            and 2 * min(len(a), len(b)) >= max(len(a), len(b))
            and begin_alike(a, b)
        ):
            return SKELETON_SIM, "consonants"
    if (
        sim < VOWEL_SIM
        and (sim == 0 or len(a) == len(b))  # an edit: only a vowel for a like one (Bluto / Bloto, not Linda / Lindau)
        and not (korean or chinese)
        and min(len(a), len(b)) >= 5
        and a[0] == b[0]
        and _vowels_apart(a, b)
    ):
        return VOWEL_SIM, "vowels"
    if sim > 0 and not (abjad and min(len(a), len(b)) <= SHORT_ABJAD):
        return sim, "fuzzy"
    return 0.0, ""
