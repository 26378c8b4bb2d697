"""The shipped knowledge base: valid, consistent, fully cited, fingerprinted and versioned."""

from __future__ import annotations

import hashlib
import re

from exportguard.assess.kbcheck import REQUIRED_LANGUAGES, check, iter_cites
from exportguard.assess.knowledge import data_dir, load_knowledge


def test_knowledge_base_loads_and_is_consistent() -> None:
    kb = load_knowledge()
    assert check(kb) == []
    assert len(kb.capabilities.flags) >= 20
    assert set(kb.taxonomy.categories) == {f"T{i:02d}" for i in range(1, 17)}


def test_every_citation_names_a_known_source_and_every_source_is_used() -> None:
    kb = load_knowledge()
    parts = {name: getattr(kb, name) for name in vars(kb) if name not in ("indicators", "fingerprint", "sources")}
    used = {cite.source for _, cite in iter_cites(parts)}
    assert used <= set(kb.sources)
    assert set(kb.sources) - used == set(), "sources.yml lists sources nothing cites"


def test_every_rule_entry_carries_citations() -> None:
    kb = load_knowledge()
    assert all(f.cites for f in kb.red_flags.flags.values())
    assert all(e.cites for e in kb.controls.entries)
    assert all(p.cites for p in kb.places.places)
    assert all(r.cites for b in kb.affiliations.bodies for r in b.related)
    assert all(r.cites for r in kb.subnational.regions.values())
    assert all(r.cites for r in kb.list_effects.rules)


def test_every_capability_has_wording_in_six_languages() -> None:
    kb = load_knowledge()
    for flag, d in kb.capabilities.flags.items():
        for lang in REQUIRED_LANGUAGES:
            assert d.terms.get(lang), f"{flag} has no {lang} terms"


def test_red_flag_catalogue_has_the_domain_ids() -> None:
    ids = set(load_knowledge().red_flags.flags)
    expected = {f"I{i}" for i in range(1, 10)} | {f"E{i}" for i in range(1, 9)} | {f"U{i}" for i in range(1, 6)}
    expected |= {f"D{i}" for i in range(1, 6)} | {"X1", "X2", "R1", "R2"}
    assert ids == expected


def test_art5_applies_from_9_september_2021() -> None:
    assert load_knowledge().controls.catch_all.applies_from.isoformat() == "2021-09-09"


def test_country_indicators_are_the_documented_vdem_file() -> None:
    raw = (data_dir() / "country_indicators" / "vdem_v14.csv").read_bytes()
    sources = (data_dir() / "country_indicators" / "SOURCES.md").read_text("utf-8")
    assert hashlib.sha256(raw).hexdigest() in sources
    kb = load_knowledge()
    assert len(kb.indicators) == 179
    assert kb.indicators["CHN"]["v2x_regime"] == "0"


def test_fingerprint_is_recorded_for_the_current_version() -> None:
    """Changing any rule-set file needs a new version in ruleset.yml and a new FINGERPRINT line."""
    kb = load_knowledge()
    lines = [ln.split() for ln in (data_dir() / "FINGERPRINT").read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    recorded = {version: sha for version, sha in lines}
    assert len(recorded) == len(lines), "a version appears twice in FINGERPRINT"
    hint = f"rule-set files changed: bump `version` in ruleset.yml and append '<version> {kb.fingerprint}' to data/assess/FINGERPRINT"
    assert recorded.get(kb.ruleset.version) == kb.fingerprint, hint
    assert re.fullmatch(r"\d{4}\.\d+", kb.ruleset.version)


def test_pinpoints_contain_no_semicolons() -> None:
    """Reports join citations with '; ' - a pinpoint must not contain one."""
    kb = load_knowledge()
    parts = {name: getattr(kb, name) for name in vars(kb) if name not in ("indicators", "fingerprint", "sources")}
    assert [where for where, cite in iter_cites(parts) if cite.at and ";" in cite.at] == []
