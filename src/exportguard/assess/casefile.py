"""The case file: one proposed export (products, parties, destination, end use, date), validated.

Unknown fields are errors; fixed vocabularies (roles, kinds, services, capability flags, country
codes) are checked; dates must be real calendar days within the rule set's coverage. The reading
of files (YAML/JSON, positions, unsafe constructs) is in ``caseload.py``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from rigour.territories import get_territory

from exportguard.assess.vocab import Assurance, AssuranceStatus, Kind, Role, Service
from exportguard.normalize.countries import country_code

MAX_YEAR = 2100
_ENTRY = re.compile(r"^(?:(?P<nat>[A-Z]{2}) )?(?P<cat>\d)(?P<grp>[A-E])(?P<num>\d{3})(?P<sub>(?:\.[a-z0-9]+)*)$", re.I)
NOT_LISTED = ("not listed", "none", "EAR99")


def _country(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected an ISO 3166-1 alpha-2 country code such as CN")
    code = value.strip().upper()
    territory = get_territory(code.lower()) if len(code) == 2 and code.isalpha() else None
    if territory is None or territory.is_historical:
        hint = country_code(value)
        tip = f" (did you mean {hint.upper()}?)" if hint and len(hint) == 2 else ""
        raise ValueError(f"unknown country code {value!r}; use an ISO 3166-1 alpha-2 code such as CN{tip}")
    return code


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a real calendar date") from None
    if day.year > MAX_YEAR:
        raise ValueError(f"{value!r} is too far in the future")
    from exportguard.assess.knowledge import load_knowledge

    covers_from = load_knowledge().ruleset_file.covers_from
    if day < covers_from:
        raise ValueError(f"{value!r} is before {covers_from.isoformat()}, the earliest date the rule set covers")
    return day


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text")
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ValueError("must not be empty")
    return value.strip()


def _entry(value: Any) -> str:
    text = _text(value)
    for special in NOT_LISTED:
        if text.lower() == special.lower():
            return special
    m = _ENTRY.match(text)
    if m is None:
        raise ValueError(f"{text!r} is not a control-list entry such as 5A001.f, DE 5A902, EAR99 or 'not listed'")
    nat = f"{m['nat'].upper()} " if m["nat"] else ""
    return f"{nat}{m['cat']}{m['grp'].upper()}{m['num']}{m['sub'].lower()}"


def _capability(value: Any) -> str:
    from exportguard.assess.knowledge import load_knowledge

    flags = load_knowledge().all_flags
    if not isinstance(value, str) or value not in flags:
        raise ValueError(f"unknown capability {value!r}; expected one of: {', '.join(sorted(flags))}")
    return value


Country = Annotated[str, BeforeValidator(_country)]
Text = Annotated[str, BeforeValidator(_text)]
ControlEntryCode = Annotated[str, BeforeValidator(_entry)]
Capability = Annotated[str, BeforeValidator(_capability)]
CaseDate = Annotated[date, BeforeValidator(_date)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Exporter(_Model):
    name: Text
    country: Country


class Destination(_Model):
    country: Country
    region: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_code(cls, value: Any) -> Any:
        return {"country": value} if isinstance(value, str) else value


class Product(_Model):
    name: Text
    description: Text
    capabilities: list[Capability] = []
    control_entries: list[ControlEntryCode] = []
    origin: Country | None = None
    subject_to_ear: bool | None = None


class Party(_Model):
    role: Role
    name: Text
    country: Country | None = None
    address: Text | None = None
    kind: Kind | None = None
    parent: Text | None = None


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class Case(_Model):
    """One proposed export, as the exporter describes it."""

    reference: Text
    date: CaseDate
    exporter: Exporter
    destination: Destination
    products: list[Product] = Field(min_length=1)
    parties: list[Party] = []
    end_use: Text | None = None
    services: Annotated[list[Service], AfterValidator(_unique)] = []
    assurances: dict[Assurance, AssuranceStatus] = {}
    authority_informed: bool = False
    prior_denial: bool = False
    notes: Text | None = None

    def parties_in(self, *roles: str) -> list[Party]:
        return [p for p in self.parties if p.role in roles]
