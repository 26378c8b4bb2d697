"""The finding log: numbers findings as they are made and resolves their citations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from exportguard.assess.kbmodels import Cite, Condition, Severity
from exportguard.assess.knowledge import Knowledge
from exportguard.assess.results import Citation, Evidence, Finding
from exportguard.assess.text import TermHit

SEVERITY_ORDER: dict[str, int] = {"hard_stop": 3, "critical": 2, "aggravating": 1, "info": 0}


def worst(severities: Iterable[str]) -> str:
    return max(severities, key=lambda s: SEVERITY_ORDER[s], default="info")


def holds(cond: Condition | None, flags: set[str] | frozenset[str]) -> bool:
    """``any`` (at least one, or no ``any`` list), ``all`` (every one) and ``none`` (no one) of the flags."""
    if cond is None:
        return False
    if cond.any and not flags.intersection(cond.any):
        return False
    if any(f not in flags for f in cond.all):
        return False
    return not flags.intersection(cond.none)


def evidence_from(hit: TermHit, field_name: str) -> Evidence:
    return Evidence(field=field_name, excerpt=hit.excerpt, match=hit.matched, term=hit.term, lang=hit.lang, negated=hit.negated)


@dataclass
class FindingLog:
    """Findings in the order they are made (F01, F02 …), each with resolved citations."""

    kb: Knowledge
    items: list[Finding] = field(default_factory=list)

    def cite(self, cites: Iterable[Cite]) -> list[Citation]:
        out: list[Citation] = []
        for c in cites:
            src = self.kb.sources[c.source]
            citation = Citation(source=c.source, title=src.title, at=c.at, url=src.url, evidence=src.evidence)
            if citation not in out:
                out.append(citation)
        return out

    def add(
        self,
        *,
        rule: str,
        topic: str,
        severity: Severity,
        title: str,
        detail: str,
        cites: Iterable[Cite] = (),
        citations: Sequence[Citation] = (),
        subject: str | None = None,
        evidence: Sequence[Evidence] = (),
    ) -> Finding:
        sources = [*citations, *self.cite(cites)]
        finding = Finding(
            id=f"F{len(self.items) + 1:02d}",
            rule=rule,
            topic=topic,  # type: ignore[arg-type]
            severity=severity,
            title=title,
            detail=detail,
            subject=subject,
            evidence=list(evidence),
            sources=sources,
        )
        self.items.append(finding)
        return finding

    def by_rule(self, *rules: str) -> list[Finding]:
        return [f for f in self.items if f.rule in rules]
