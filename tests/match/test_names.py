"""The name score's containment rules, on alignments with explicit token rarities."""

from __future__ import annotations

from exportguard.match.align import align
from exportguard.match.names import name_score
from exportguard.normalize.names import name_forms

MAX_IDF = 12.0
THRESHOLD = 0.7


def _score(query: str, candidate: str, rarity: dict[str, float], person: bool = True) -> float:
    schema = "Person" if person else "Organization"
    q = name_forms(query, schema)[0].tokens
    c = name_forms(candidate, schema)[0].tokens

    def weight(token: str) -> float:
        return rarity.get(token, 0.9) * MAX_IDF

    return name_score(align(q, c, weight, initials=person), person, MAX_IDF)


def test_fewer_names_of_a_person_match_when_both_are_uncommon() -> None:
    # OFAC SDN: FLORES DE MADURO, Cilia Adela, queried by two of her names (rarities as in the lists)
    rarity = {"cilia": 0.93, "flores": 0.66, "de": 0.3, "maduro": 0.9, "adela": 0.85}
    assert _score("FLORES, Cilia", "FLORES DE MADURO, Cilia Adela", rarity) >= THRESHOLD


def test_fewer_names_of_a_person_do_not_match_when_one_is_common() -> None:
    # Maria (0.62 of the rarest word's weight on the bundled lists) inside a longer name
    rarity = {"maria": 0.62, "lopez": 0.63, "luisa": 0.8, "sanchez": 0.7}
    assert _score("Maria LOPEZ", "MARIA LUISA SANCHEZ LOPEZ", rarity) < THRESHOLD


def test_a_query_with_a_word_of_its_own_is_not_contained() -> None:
    rarity = {"cilia": 0.93, "flores": 0.66, "maduro": 0.9, "adela": 0.85, "perez": 0.7}
    assert _score("Cilia PEREZ FLORES", "FLORES DE MADURO, Cilia Adela", rarity) < THRESHOLD
