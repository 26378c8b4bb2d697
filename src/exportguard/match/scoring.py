"""Scoring one entity against a query: the name feature, then the evidence steps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from exportguard.index.data import HOWS, IndexData
from exportguard.index.evidence import address_tokens
from exportguard.match.align import Alignment, align
from exportguard.match.evidence import Step, apply_steps, evidence_steps
from exportguard.match.names import ACRONYM_PAIR_CAP, WEAK_ALIAS_FACTOR, NameMatch, name_score
from exportguard.match.types import Explanation, Query
from exportguard.normalize.identifiers import normalize_identifier
from exportguard.normalize.korean import is_korean_name
from exportguard.normalize.names import AFTER_ACRONYM, NameForm, maybe_person, name_forms
from exportguard.normalize.scripts import has_abjad
from exportguard.normalize.tokens import names_organisation, token_kind


@dataclass(slots=True)
class QueryContext:
    """A validated query with its name forms and normalised evidence, plus per-query caches."""

    query: Query
    forms: tuple[NameForm, ...]
    identifiers: list[str]
    address: frozenset[str]
    person: bool
    organisation: bool  # the name carries a legal form (Ltd, GmbH, S/A …): not a person
    _weights: dict[str, float] = field(default_factory=dict)
    # (query form, entity form tokens, flags) -> alignment and name score: the same name is often
    # published by several sources, and their entities are candidates of one query together
    _aligned: dict[tuple[int, tuple[int, ...], bool, bool, bool, bool], tuple[Alignment, float]] = field(
        default_factory=dict
    )

    @classmethod
    def of(cls, query: Query) -> QueryContext:
        idents = [i for i in (normalize_identifier(v) for v in query.identifiers) if i]
        address = address_tokens([query.address]) if query.address else frozenset()
        schema = None if query.schema == "LegalEntity" else query.schema
        forms = name_forms(query.name, schema)
        org = (
            query.schema != "Person"
            and any(names_organisation(f.tokens) for f in forms)
            and not (query.schema == "LegalEntity" and maybe_person(query.name))
        )
        return cls(query, forms, idents, address, query.schema == "Person", org)

    def weight(self, ix: IndexData, token: str) -> float:
        w = self._weights.get(token)
        if w is None:
            w = self._weights[token] = ix.token_weight(token)
        return w


@dataclass(slots=True)
class EntityScore:
    entity: int
    score: float
    name: NameMatch | None
    steps: list[Step]

    def explanation(self) -> list[Explanation]:
        out = []
        if self.name is not None:
            out.append(
                Explanation(
                    "name",
                    round(self.name.score, 4),
                    1.0,
                    self.name.detail(),
                    self.name.query_name,
                    self.name.candidate_name,
                )
            )
        for s in self.steps:
            out.append(
                Explanation(
                    s.feature,
                    1.0 if s.delta >= 0 else 0.0,
                    round(s.delta, 4),
                    s.detail,
                    s.query_value,
                    s.candidate_value,
                )
            )
        return out


def _whole(al: Alignment) -> bool:
    """Whether two names match word for word, but for legal forms and particles: how an acronym
    taken from a name must match (DCB, of DAEDONG CREDIT BANK (DCB), is not DCB FINANCE LIMITED)."""
    return not any(token_kind(t) not in AFTER_ACRONYM for t in (*al.query_extra, *al.candidate_extra))


def best_name(ix: IndexData, ctx: QueryContext, entity: int, forms: Sequence[int] = ()) -> NameMatch | None:
    """The best pair of query form and entity form (``forms``: only these of the entity's)."""
    person = ctx.person or ix.entity_schema[entity] == "Person"
    max_idf = ix.max_idf()

    def weight(token: str) -> float:
        return ctx.weight(ix, token)

    best: NameMatch | None = None
    korean_query = [person and is_korean_name(qform.tokens) for qform in ctx.forms]
    for form_id in forms or ix.forms_of(entity):
        ctoks = tuple(ix.tokens[t] for t in ix.form_tokens[form_id])
        name_id = ix.form_name[form_id]
        weak = name_id in ix.weak_names
        cname = ix.names[name_id]
        chow = HOWS[ix.form_how[form_id]]
        for qi, (qform, korean_form) in enumerate(zip(ctx.forms, korean_query, strict=True)):
            abjad = has_abjad(qform.name) or has_abjad(cname)
            korean = korean_form and is_korean_name(ctoks)
            chinese = person and "pinyin" in (qform.how, chow)
            key = (qi, ix.form_tokens[form_id], person, abjad, korean, chinese)
            done = ctx._aligned.get(key)
            if done is None:
                al = align(qform.tokens, ctoks, weight, initials=person, abjad=abjad, korean=korean, chinese=chinese)
                done = ctx._aligned[key] = (al, name_score(al, person, max_idf))
            al, score = done
            if "acronym" in (qform.how, chow) and not _whole(al):
                continue
            if qform.how == "acronym":
                score = min(score, ACRONYM_PAIR_CAP)
            if weak:
                score *= WEAK_ALIAS_FACTOR
            if best is None or score > best.score:
                best = NameMatch(score, al, qform.name, qform.how, cname, chow, weak)
    return best


def score_entity(ix: IndexData, ctx: QueryContext, entity: int, forms: Sequence[int] = ()) -> EntityScore:
    name = best_name(ix, ctx, entity, forms)
    base = name.score if name is not None else 0.0
    q = ctx.query
    steps = evidence_steps(ix.evidence_of(entity), q.countries, q.birth_date, ctx.identifiers, ctx.address)
    return EntityScore(entity, round(apply_steps(base, steps), 4), name, steps)
