"""UN Security Council reference numbers (``QDi.001``), the key UN, EU and UK listings share.

The UN publishes ``QDi.001``; the EU writes ``@unitedNationId="LYi.28"`` (no zero padding); OFSI
writes ``(UN Ref):QDi.001.`` or ``CDi. 038`` or ``QDE.013``; the pre-2022 OFSI list carries the
older permanent references (``QI.B.62.02``). ``un_reference`` brings every spelling of one number
to one form, so the same designation compares equal whichever publisher it came from.
"""

from __future__ import annotations

import re

# Current form: two-letter regime prefix, i(ndividual)/e(ntity), a running number.
_CURRENT = re.compile(r"([A-Za-z]{2})\s*([ieIE])\s*[.,]?\s*(\d{1,4})(?!\d)")
# Older permanent references (QI.A.123.03, TE.R.12.01, E.23.I.1): dotted groups with a digit.
_LEGACY = re.compile(r"([A-Za-z]{1,2}(?:[.,][A-Za-z0-9]+)+)")
_PREFIX = re.compile(r"^\s*(?:UN\s*Ref(?:erence)?(?:\s*Number)?\s*[:.]?\s*)", re.IGNORECASE)


def un_reference(text: str | None) -> str | None:
    """The canonical form of the UN reference number at the start of ``text``, or ``None``.

    >>> un_reference("LYi.28"), un_reference("CDi. 038."), un_reference("UN Ref QI.B.62.02.")
    ('LYi.028', 'CDi.038', 'QI.B.62.02')
    """
    if text is None:
        return None
    raw = _PREFIX.sub("", text.strip()).lstrip(".,:; ")
    m = _CURRENT.match(raw)
    if m:
        return f"{m.group(1).upper()}{m.group(2).lower()}.{int(m.group(3)):03d}"
    m = _LEGACY.match(raw)
    if m:
        ref = m.group(1).replace(",", ".")
        if any(ch.isdigit() for ch in ref):
            return ref.upper()
    return None
