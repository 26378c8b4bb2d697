"""A real third-party yente client, unmodified: nomenklatura's ``YenteEnricher``.

The enricher matches a client's entity against the server (``POST /match/default``), a human
confirms the candidate, and enrichment fetches the listed entity with its nested designation
(``GET /entities/{id}?nested=true``) — the enricher's whole protocol.
"""

from __future__ import annotations

from pathlib import Path

from followthemoney import Dataset, StatementEntity
from nomenklatura.cache import Cache
from nomenklatura.db import make_session
from nomenklatura.enrich import enrich, make_enricher, match
from nomenklatura.judgement import Judgement
from nomenklatura.resolver import Resolver

from tests.api.conftest import KEYS, Server


def test_yente_enricher_enriches_an_entity_with_a_listed_match(api_server: Server, tmp_path: Path) -> None:
    session = make_session(f"sqlite:///{tmp_path / 'nomenklatura.db'}")
    dataset = Dataset.make({"name": "client_records", "title": "Client records"})
    config = {
        "type": "nomenklatura.enrich.yente:YenteEnricher",
        "api": f"{api_server.url}/",
        "dataset": "default",
        "api_key": KEYS["viewer"],
        "cache_days": 0,
    }
    enricher = make_enricher(dataset, Cache(session, dataset, create=True), config)
    resolver = Resolver[StatementEntity](session, create=True)
    customer = StatementEntity.from_data(
        dataset,
        {
            "id": "customer-17",
            "schema": "Person",
            "properties": {"name": ["Kim Jong Un"], "birthDate": ["1984-01-08"], "nationality": ["kp"]},
        },
    )

    found = [e for e in match(enricher, resolver, [customer]) if e.id != customer.id]
    listed = next(e for e in found if e.id == "us_ofac_sdn-20157")
    assert listed.schema.name == "Person"
    assert "1984-01-08" in listed.get("birthDate")
    assert resolver.get_judgement(customer.id, listed.id) == Judgement.NO_JUDGEMENT  # suggested, scored

    resolver.decide(customer.id, listed.id, Judgement.POSITIVE)
    enriched = list(enrich(enricher, resolver, [customer]))
    schemata = {e.schema.name for e in enriched}
    assert schemata == {"Person", "Sanction"}
    sanction = next(e for e in enriched if e.schema.name == "Sanction")
    assert "DPRK3" in sanction.get("program")
    person = next(e for e in enriched if e.schema.name == "Person")
    assert "KIM, Jong Un" in person.get("name")
    enricher.close()
    session.close()
