"""Quality: our scores and nomenklatura's logic-v2 on the same queries and the same candidates
(the candidates our index retrieves), each at its threshold."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from datasets import Case

from exportguard.errors import ValidationError
from exportguard.match.screener import Screener
from exportguard.match.types import DEFAULT_THRESHOLD, Query
from exportguard.model.ftm import to_ftm

REFERENCE_CANDIDATES = 40  # entities per query re-scored by logic-v2 (our index retrieves about 20–40)


@dataclass(slots=True)
class Tally:
    queries: int = 0
    positives: int = 0
    correct: int = 0  # positive queries whose expected designation matched
    wrong: int = 0  # matched designations that are not the expected one
    queries_with_wrong: int = 0
    invalid: int = 0
    misses: list[str] = field(default_factory=list)
    false_matches: list[str] = field(default_factory=list)

    def add(
        self, case: Case, matched: set[int], expected: set[int], captions: dict[int, str] | None = None
    ) -> None:
        self.queries += 1
        if expected:
            self.positives += 1
            hit = bool(matched & expected)
            self.correct += hit
            if not hit and len(self.misses) < 12:
                self.misses.append(f"{case.name!r} ({case.note})")
        extra = len(matched - expected)
        if extra and captions is not None and len(self.false_matches) < 12:
            wrong = sorted(captions.get(g, "?") for g in matched - expected)
            self.false_matches.append(f"{case.name!r} → {', '.join(wrong[:2])}")
        self.wrong += extra
        self.queries_with_wrong += extra > 0

    def metrics(self) -> dict[str, float]:
        recall = self.correct / self.positives if self.positives else float("nan")
        denom = self.correct + self.wrong
        precision = self.correct / denom if denom else (1.0 if self.positives else float("nan"))
        f1 = (
            2 * precision * recall / (precision + recall)
            if self.positives and precision + recall
            else float("nan")
        )
        fpr = self.queries_with_wrong / self.queries if self.queries else float("nan")
        return {"recall": recall, "precision": precision, "f1": f1, "fp_rate": fpr}


class Reference:
    """nomenklatura logic-v2 over FtM proxies of our entities."""

    def __init__(self) -> None:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig

        self.model = model
        algo = get_algorithm("logic-v2")
        assert algo is not None
        self.algo = algo
        self.config = ScoringConfig.defaults()
        self.proxies: dict[str, Any] = {}
        self.queries = 0

    def proxy(self, screener: Screener, entity_id: str) -> Any:
        if entity_id not in self.proxies:
            ent = screener.entity(entity_id)
            assert ent is not None
            data = next(to_ftm(ent))
            try:
                self.proxies[entity_id] = self.model.get_proxy(data, cleaned=False)
            except Exception:  # noqa: BLE001 - FtM refuses some values; fall back to the names
                proxy = self.model.make_entity(ent.schema)
                proxy.id = ent.id
                for name in ent.names():
                    proxy.add("name", name)
                self.proxies[entity_id] = proxy
        return self.proxies[entity_id]

    def query(self, case: Case) -> Any:
        proxy = self.model.make_entity(case.schema)
        self.queries += 1
        proxy.id = f"query-{self.queries}"  # nomenklatura caches name analysis by entity ID
        proxy.add("name", case.name)
        return proxy

    def score(self, query: Any, candidate: Any) -> float:
        return float(self.algo.compare(query, candidate, self.config).score)


def evaluate(
    screener: Screener,
    cases: list[Case],
    reference: Reference | None,
    threshold: float = DEFAULT_THRESHOLD,
    schema: str | None = None,
) -> dict[str, dict[str, Tally]]:
    """Per category, a tally for ``ours`` and for ``logic-v2`` (left empty without a
    ``reference``). ``schema``: query every case as this type instead of its own (``LegalEntity``:
    the party's type not given, as in a party file without a type column)."""
    ix = screener.index
    by_id = {eid: i for i, eid in enumerate(ix.entity_ids)}
    out: dict[str, dict[str, Tally]] = defaultdict(lambda: {"ours": Tally(), "logic-v2": Tally()})
    for case in cases:
        sets = [out[case.category]] + [out[f"{case.category}: {subset}"] for subset in case.subsets]
        expected = {ix.entity_group[by_id[e]] for e in case.expected if e in by_id}
        q = Query(case.name, schema=schema or case.schema, sources=case.sources, limit=10, threshold=threshold)
        try:
            response = screener.screen(q)
            _ctx, scored = screener.candidates(q)
        except ValidationError:
            for tallies in sets:
                tallies["ours"].invalid += 1
                tallies["logic-v2"].invalid += 1
            continue
        captions = {ix.entity_group[by_id[r.entity_ids[0]]]: r.caption for r in response.results if r.match}
        for tallies in sets:
            tallies["ours"].add(case, set(captions), expected, captions)
        if reference is None:
            continue
        qproxy = reference.query(case)
        theirs: set[int] = set()
        for s in scored[:REFERENCE_CANDIDATES]:
            cand = reference.proxy(screener, ix.entity_ids[s.entity])
            if reference.score(qproxy, cand) >= threshold:
                theirs.add(ix.entity_group[s.entity])
        for tallies in sets:
            tallies["logic-v2"].add(case, theirs, expected)
    return out
