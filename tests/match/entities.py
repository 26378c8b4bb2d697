"""Small hand-made entities shaped like real list entries (names as the lists publish them)."""

from __future__ import annotations

from exportguard.model import Entity


def ent(eid: str, schema: str, names: list[str], **props: str | list[str]) -> Entity:
    source, record = eid.split("-", 1)
    e = Entity(eid, schema, source, record)
    for i, name in enumerate(names):
        e.add("name" if i == 0 else "alias", name)
    for prop, value in props.items():
        for v in value if isinstance(value, list) else [value]:
            e.add(prop, v)
    return e


def sample() -> list[Entity]:
    el = "Entity List (EL) - Bureau of Industry and Security"
    return [
        ent(
            "us_trade_csl-el1",
            "Organization",
            ["Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision"],
            country="cn",
            subList=el,
            listingDate="2019-10-09",
        ),
        ent(
            "us_ofac_cons-30946",
            "Organization",
            ["HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."],
            country="cn",
            ofacUid="30946",
            program="CMIC-EO13959",
            registrationNumber="91330000733796106P",
        ),
        ent(
            "us_trade_csl-30946-CMIC",
            "Organization",
            ["HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."],
            ofacUid="30946",
            subList="CMIC",
        ),
        ent(
            "us_ofac_sdn-29300",
            "Person",
            ["SUN, Jinlong"],
            birthDate="1962-01-01",
            ofacUid="29300",
            nationality="cn",
        ),
        ent(
            "us_ofac_sdn-29299",
            "Organization",
            ["XINJIANG PRODUCTION AND CONSTRUCTION CORPS", "XPCC"],
            ofacUid="29299",
            country="cn",
        ),
        ent(
            "us_trade_csl-el2",
            "Organization",
            ["Xinjiang Production and Construction Corps (XPCC)"],
            subList=el,
            country="cn",
        ),
        ent(
            "us_trade_csl-el3",
            "Organization",
            ["Xinjiang Production and Construction Corps (XPCC) Public Security Bureau"],
            subList=el,
        ),
        ent("us_trade_csl-el4", "Organization", ["Urumqi Municipal Public Security Bureau"], subList=el),
        ent("us_trade_csl-el5", "Organization", ["Tumushuke Municipal Public Security Bureau"], subList=el),
        ent("us_trade_csl-el6", "Organization", ["Dahua Technology"], subList=el),
        ent(
            "us_bis_dpl-1",
            "Organization",
            ["DAHUA ELECTRONICS CORPORATION"],
            address="134-12 59th Avenue, Flushing, NY",
        ),
        ent("us_ofac_sdn-1", "Person", ["SMITH, John"], birthDate="1970-05-01"),
        ent("gb_hmt_sanctions-1", "Person", ["John SMITH"], birthDate="1970-05-01"),
        ent("us_ofac_sdn-2", "Organization", ["ABC TRADING CORP"]),
        ent("us_ofac_sdn-3", "Person", ["SHOIGU, Sergei Kuzhugetovich"], birthDate="1955-05-21"),
        ent("un_sc_sanctions-QDi.001", "Organization", ["AL-QAIDA"], unReferenceNumber="QDe.004"),
        ent("eu_fsf-13", "Organization", ["Al-Qaida"], unReferenceNumber="QDe.004"),
        ent("us_ofac_sdn-4", "Vessel", ["OCEAN STAR"], imoNumber="9123456"),
    ]
