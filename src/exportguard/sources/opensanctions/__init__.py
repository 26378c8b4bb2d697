"""OpenSanctions: FollowTheMoney (FtM) entity data aggregated from official lists and other
sources. Licensed CC BY-NC 4.0 — not bundled for commercial use; see source.yml.

Persons, organisations, companies, vessels and aircraft become listed entities; Sanction,
Address, identity-document and relationship entities are folded into them (:mod:`.folding`).
"""

from exportguard.sources.base import FormatSpec
from exportguard.sources.opensanctions import forms

FORMATS: list[FormatSpec] = [
    FormatSpec(
        forms.DELTA, "OpenSanctions delta, FtM operations as JSON Lines (entities.delta.json)",
        forms.sniff_delta, forms.parse_delta,
    ),
    FormatSpec(
        forms.FULL, "OpenSanctions entities, FtM JSON Lines (entities.ftm.json)",
        forms.sniff_full, forms.parse_full,
    ),
]  # fmt: skip
