"""Assessment of a proposed surveillance-technology export: taxonomy and capabilities, control
entries and the Art. 5 catch-all, parties and screening, red flags, destination risk, decision.

Public surface::

    from exportguard.assess import load_case, assess_case
    loaded = load_case("case.yml")                       # validated Case (+ source, sha256)
    assessment = assess_case(loaded, screener)           # screener: get_screener(store)

``screen_parties(screener, plan_queries(...), threshold=...)`` is the one place the screening
engine is called. Rules are data in ``exportguard/data/assess/`` (see ``knowledge.py``).
"""

from __future__ import annotations

from exportguard.assess.casefile import Case, Party, Product
from exportguard.assess.caseload import CaseFileError, LoadedCase, load_case, parse_case
from exportguard.assess.engine import assess_case
from exportguard.assess.knowledge import load_knowledge
from exportguard.assess.results import SCHEMA_ID, Assessment
from exportguard.assess.screening import Screener, plan_queries, screen_parties

__all__ = [
    "SCHEMA_ID",
    "Assessment",
    "Case",
    "CaseFileError",
    "LoadedCase",
    "Party",
    "Product",
    "Screener",
    "assess_case",
    "load_case",
    "load_knowledge",
    "parse_case",
    "plan_queries",
    "screen_parties",
]
