"""A stand-in screening engine for unit tests: canned results per screened name.

Scenario tests use the real screener over the bundled lists (see ``conftest.py``); these fakes let
the decision rules be tested one at a time without loading any list.
"""

from __future__ import annotations

from pathlib import Path

from exportguard.assess.caseload import LoadedCase, parse_case
from exportguard.assess.text import fold_text
from exportguard.match.types import Explanation, ListVersion, Query, Result, ScreenResponse, SourceRef

LISTS = [ListVersion("us_trade_csl", 1, "2022-05-16"), ListVersion("us_ofac_sdn", 1, "2024-05-03")]


def listing(source: str, sub_list: str | None, programmes: list[str] | None = None, listed_on: str | None = None) -> SourceRef:
    return SourceRef(source, f"{source}-x", sub_list, programmes or [], listed_on)


def result(caption: str, score: float, *refs: SourceRef, rid: str | None = None) -> Result:
    return Result(
        id=rid or f"r-{fold_text(caption).replace(' ', '-')}",
        caption=caption,
        schema="Organization",
        score=score,
        match=True,
        sources=list(refs),
        properties={"name": [caption]},
        explanation=[Explanation("name", score, 1.0, f"{caption} (fake)", caption, caption)],
    )


ENTITY_LIST = "Entity List (EL) - Bureau of Industry and Security"
SDN = "Specially Designated Nationals (SDN) - Treasury Department"


class FakeScreener:
    """Returns the canned results of the exact (folded) name, nothing otherwise; records queries."""

    def __init__(self, canned: dict[str, list[Result]] | None = None) -> None:
        self.canned = {fold_text(k): v for k, v in (canned or {}).items()}
        self.queries: list[Query] = []

    def screen(self, query: Query) -> ScreenResponse:
        self.queries.append(query)
        return ScreenResponse(query, list(self.canned.get(fold_text(query.name), [])), "fake", "0", LISTS)


def case_from_yaml(text: str, name: str = "case.yml") -> LoadedCase:
    return LoadedCase(parse_case(text, name, "yaml"), name, "0" * 64, "yaml")


def case_from_file(path: Path) -> LoadedCase:
    from exportguard.assess.caseload import load_case

    return load_case(path)


BASE = """reference: T-1
date: {date}
exporter: {{name: Exporter AB, country: {exporter}}}
destination: {destination}
products:
  - name: Product
    description: {description}
parties:
{parties}
end_use: {end_use}
"""


def make_case(
    description: str = "IP camera",
    parties: str = "  - {role: end_user, name: Acme Retail AS, country: 'NO'}",
    destination: str = "'NO'",
    date: str = "2025-01-01",
    exporter: str = "SE",
    end_use: str = "Store security",
    extra: str = "",
) -> LoadedCase:
    text = BASE.format(date=date, exporter=exporter, destination=destination, description=description, parties=parties, end_use=end_use)
    return case_from_yaml(text + extra)
