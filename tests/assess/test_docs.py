"""The assessment docs keep up with the rule set: every vocabulary value, rule and scenario is
documented."""

from __future__ import annotations

import re
from pathlib import Path

from exportguard.assess.knowledge import load_knowledge
from exportguard.assess.vocab import ASSURANCES, KINDS, ROLES, SERVICES
from tests.assess.conftest import CASES

DOCS = Path(__file__).parent.parent.parent / "docs"


def test_case_file_doc_lists_every_vocabulary_value() -> None:
    text = (DOCS / "case-file.md").read_text("utf-8")
    for value in (*ROLES, *KINDS, *SERVICES, *ASSURANCES, *sorted(load_knowledge().all_flags)):
        assert f"`{value}`" in text, f"{value} is not documented in docs/case-file.md"


def test_assessment_doc_explains_every_rule_and_scenario() -> None:
    text = (DOCS / "assessment.md").read_text("utf-8")
    kb = load_knowledge()
    for rule in (*kb.decision.legal, *kb.decision.recommendation):
        assert f"| {rule} |" in text, f"{rule} is not in the decision tables of docs/assessment.md"
    for case in sorted(CASES.glob("s*.yml")):
        assert re.search(rf"^\*\*[^*\n]*\b{case.stem[:3]}\b[^*\n]*\*\*", text, re.M), f"scenario {case.stem} is not explained"
