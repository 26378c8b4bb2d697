"""Map one CSL entry (:class:`CslRecord`) to an :class:`Entity`.

Entity IDs are ``us_trade_csl-<_id>``. Rows from OFAC sub-lists use the OFAC entity number as
``_id``, and one OFAC entry can be on several sub-lists (SDN and SSI, SDN and CAP …); so that each
sub-list listing stays its own entity with a stable ID, OFAC rows on a sub-list other than SDN get
the sub-list code as a suffix (``us_trade_csl-34616-CAP``). All of them carry ``ofacUid`` so
screening can group them with each other and with the OFAC lists' own entry.

Columns without a property of the same name: ``title`` (OFAC's function field, e.g. "Member of
the State Duma") -> ``position``; ``remarks`` -> ``notes``; ``start_date`` -> ``listingDate``;
both source URLs -> ``sourceUrl`` (qualifier "source list" / "source information"); the sub-list's
agency (the part after " - ") -> ``authority``.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from exportguard.errors import ParseError
from exportguard.model import Entity, make_entity_id
from exportguard.normalize.countries import country_code
from exportguard.normalize.dates import iso_date
from exportguard.sources.base import ParseContext
from exportguard.sources.us_trade_csl.record import CslIdentifier, CslRecord
from exportguard.sources.us_trade_csl.values import (
    ID_DATE_FORMATS,
    alias_names,
    birth_dates,
    fr_citations,
    plain_date,
)

SOURCE = "us_trade_csl"
_DATE_PROPS = ("incorporationDate", "listingDate")
_COUNTRY_PROPS = ("jurisdiction",)


@cache
def vocab_mapping(vocab: str) -> dict[str, str]:
    """A vocabulary of ``source.yml`` written as a mapping: allowed value -> mapped value."""
    text = resources.files(__package__).joinpath("source.yml").read_text("utf-8")
    data = yaml.safe_load(text)["vocabularies"][vocab]
    return {str(k): str(v) for k, v in data.items()}


def sub_list_code(ctx: ParseContext, rec: CslRecord, path: Path, where: str) -> str:
    name = ctx.check_vocab("sub_list", rec.source.strip(), path, where)
    return vocab_mapping("sub_list")[name]


def _country(ent: Entity, prop: str, raw: str | None, warn: Counter[str]) -> None:
    if raw is None or not raw.strip():
        return
    code = country_code(raw)
    if code is None:
        warn[f"{prop} {raw.strip()!r} is not a known country"] += 1
    ent.add(prop, code, raw)


def _identifier(ctx: ParseContext, ent: Entity, ident: CslIdentifier, path: Path, where: str) -> None:
    id_type = ctx.check_vocab("id_type", ident.type, path, where)
    prop = vocab_mapping("id_type")[id_type]
    value: str | None = ident.number
    if prop in _DATE_PROPS:
        value = iso_date(ident.number, ID_DATE_FORMATS)
        if value is None:
            prop = "notes"  # not a date after all: keep the text
            value = ident.number
    elif prop in _COUNTRY_PROPS:
        value = country_code(ident.number)
    elif prop == "gender":
        value = ident.number.strip().lower()
    ent.add(prop, value, ident.original, ident.type)


def build_entity(ctx: ParseContext, rec: CslRecord, path: Path, warn: Counter[str]) -> Entity:
    """The entity for one entry; raises ParseError / UnknownValueError naming the entry."""
    where = f"{rec.position} (_id {rec.id or '?'})"
    record_id = rec.id.strip()
    if not record_id:
        raise ParseError(path, rec.position, "entry without an _id")
    code = sub_list_code(ctx, rec, path, where)
    kind = ctx.check_vocab("entity_type", rec.type.strip(), path, where)
    schema = vocab_mapping("entity_type")[kind]
    ofac_uid = rec.entity_number.strip() if code in ctx.meta.vocabularies["ofac_sub_list"] else ""
    if ofac_uid and code != "SDN":
        record_id = f"{record_id}-{code}"
    ent = Entity(make_entity_id(SOURCE, record_id), schema, SOURCE, record_id)
    if not rec.name.strip():
        raise ParseError(path, where, "entry without a name")
    ent.add("name", rec.name)
    for alias, published in alias_names(rec.alt_names):
        ent.add("alias", alias, published)
    ent.add("subList", rec.source, qualifier=code)
    ent.add("authority", rec.source.rsplit(" - ", 1)[-1] if " - " in rec.source else None, rec.source)
    ent.add("ofacUid", ofac_uid or None, rec.entity_number)
    for program in rec.programs:
        ent.add("program", ctx.check_vocab("program", program, path, where))
    ent.add("position", rec.title)
    _add_dates(ent, rec, path, where, warn)
    order = rec.standard_order.strip().upper()
    ent.add(
        "standardOrder", ctx.check_vocab("standard_order", order, path, where) or None, rec.standard_order
    )
    for notice in rec.federal_register_notice:
        for citation in fr_citations(notice):
            ent.add("federalRegisterNotice", citation, notice)
    ent.add("licenseRequirement", rec.license_requirement)
    ent.add("licensePolicy", rec.license_policy)
    for address in rec.addresses:
        ent.add("address", address.full)
        _country(ent, "country", address.country, warn)
    _country(ent, "country", rec.country, warn)
    for raw in rec.citizenships:
        _country(ent, "citizenship", raw, warn)
    for raw in rec.nationalities:
        _country(ent, "nationality", raw, warn)
    for place in rec.places_of_birth:
        ent.add("birthPlace", place)
    ent.add("callSign", rec.call_sign)
    ent.add("type", rec.vessel_type)
    ent.add("tonnage", rec.gross_tonnage)
    ent.add("grossRegisteredTonnage", rec.gross_registered_tonnage)
    if rec.vessel_flag.strip().lower() not in ("", "none identified"):
        _country(ent, "flag", rec.vessel_flag, warn)
    ent.add("owner", rec.vessel_owner)
    ent.add("notes", rec.remarks)
    ent.add("sourceUrl", rec.source_list_url, qualifier="source list")
    ent.add("sourceUrl", rec.source_information_url, qualifier="source information")
    for ident in rec.ids:
        _identifier(ctx, ent, ident, path, where)
    return ent


def _add_dates(ent: Entity, rec: CslRecord, path: Path, where: str, warn: Counter[str]) -> None:
    for prop, raw in (("listingDate", rec.start_date), ("endDate", rec.end_date)):
        if not raw.strip():
            continue
        value = plain_date(raw)
        if value is None:
            raise ParseError(path, where, f"{prop} {raw!r} is not a date")
        ent.add(prop, value, raw)
    for raw in rec.dates_of_birth:
        dates = birth_dates(raw)
        if dates is None:
            warn["date of birth that is not a date"] += 1
            continue
        for value in dates:
            ent.add("birthDate", value, raw)
