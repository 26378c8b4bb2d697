"""A synthetic list of any size: person and company names drawn (deterministically, by entity
number) from Faker's name and word pools of many locales. Entities are generated lazily, so a
1,000,000-name index can be built without holding a million entities in memory."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from exportguard.model import Entity
from exportguard.store.models import VersionInfo

LOCALES = (
    "en_US",
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "nl_NL",
    "pl_PL",
    "pt_BR",
    "tr_TR",
    "ru_RU",
    "uk_UA",
    "vi_VN",
    "id_ID",
)
LEGAL = ("Ltd", "LLC", "Inc", "GmbH", "S.A.", "Co., Ltd.", "JSC", "OOO", "SARL", "B.V.", "PLC", "Corp")


def _pools() -> tuple[list[str], list[str], list[str]]:
    from faker import Faker

    first: set[str] = set()
    last: set[str] = set()
    words: set[str] = set()
    for loc in LOCALES:
        fk = Faker(loc)
        fk.seed_instance(7)
        for _ in range(400):
            first.add(fk.first_name())
            last.add(fk.last_name())
        for _ in range(300):
            for w in fk.company().replace(",", " ").split():
                if w.isalpha() and len(w) > 2:
                    words.add(w)
        if hasattr(fk, "words"):
            words.update(w.capitalize() for w in fk.words(200) if w.isalpha() and len(w) > 3)
    return sorted(first), sorted(last), sorted(words)


class SyntheticStore:
    """``size`` entities, entity ``i`` always the same; the store interface the screener reads."""

    source = "opensanctions"  # any registered source ID

    def __init__(self, size: int, seed: int = 42) -> None:
        self.size = size
        self.seed = seed
        self.first, self.last, self.words = _pools()
        self.home: Path | None = None

    def name(self, i: int) -> tuple[str, str]:
        rng = random.Random(self.seed * 10_000_019 + i)
        if rng.random() < 0.6:
            parts = [rng.choice(self.first), rng.choice(self.last)]
            if rng.random() < 0.3:
                parts.insert(1, rng.choice(self.first))
            if rng.random() < 0.5:
                parts = [parts[-1].upper() + ","] + parts[:-1]
            return "Person", " ".join(parts)
        words = [rng.choice(self.words) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.7:
            words.append(rng.choice(LEGAL))
        return "Company", " ".join(words)

    def entity(self, i: int) -> Entity:
        schema, name = self.name(i)
        ent = Entity(f"{self.source}-syn{i}", schema, self.source, f"syn{i}")
        ent.add("name", name)
        return ent

    def iter_entities(self, sources: Sequence[str] | None = None) -> Iterator[Entity]:
        for i in range(self.size):
            yield self.entity(i)

    def get_entity(self, entity_id: str) -> Entity | None:
        return self.entity(int(entity_id.rsplit("syn", 1)[1]))

    def current_versions(self) -> list[VersionInfo]:
        return [
            VersionInfo(
                self.source,
                1,
                "synthetic",
                "synthetic",
                None,
                None,
                "synthetic",
                "",
                "synthetic",
                [],
                {},
                self.size,
                self.size,
            )
        ]

    def data_fingerprint(self) -> str:
        return hashlib.sha256(f"synthetic:{self.size}:{self.seed}".encode()).hexdigest()[:16]
