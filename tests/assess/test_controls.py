"""Control entries, the exporter's own classification, the Art. 2(20) checklist and Art. 5 - all
as they stood on the case date."""

from __future__ import annotations

from exportguard.assess.capabilities import profile_product
from exportguard.assess.controls import ControlResult, art2_20, assess_controls
from exportguard.assess.findings import FindingLog
from exportguard.assess.knowledge import load_knowledge
from tests.assess.fakes import make_case


def controls(description: str, date: str = "2024-01-01", exporter: str = "DE", destination: str = "EG") -> ControlResult:
    kb = load_knowledge()
    loaded = make_case(description=description, date=date, exporter=exporter, destination=destination)
    log = FindingLog(kb)
    profile = profile_product(kb, loaded.case.products[0], 0, log)
    return assess_controls(kb, profile, loaded.case, log)


def entry(result: ControlResult, entry_id: str) -> tuple[str, bool] | None:
    for e in result.entries:
        if e.id == entry_id:
            return e.strength, e.in_force
    return None


def test_art_2_20_plain_camera_is_not_a_cyber_surveillance_item() -> None:
    check = art2_20(load_knowledge(), frozenset({"captures_video"}))
    assert check.verdict == "no"
    assert {e.id: e.status for e in check.elements}["specially_designed"] == "no"


def test_art_2_20_facial_recognition_is_uncertain_and_spyware_is_yes() -> None:
    kb = load_knowledge()
    assert art2_20(kb, frozenset({"face_recognition", "identifies_individuals"})).verdict == "uncertain"
    assert art2_20(kb, frozenset({"delivers_intrusion_software", "covert_design"})).verdict == "yes"


def test_intrusion_software_listed_only_from_31_december_2014() -> None:
    before = controls("Government trojan with exploit delivery", date="2014-12-30")
    after = controls("Government trojan with exploit delivery", date="2014-12-31")
    assert entry(before, "4A005") == ("likely", False) and not before.listed
    assert entry(after, "4A005") == ("likely", True) and {e.id for e in after.listed} == {"4A005", "4D004"}


def test_art5_applies_from_9_september_2021_only() -> None:
    before = controls("Live facial recognition", date="2021-09-08")
    after = controls("Live facial recognition", date="2021-09-09")
    assert before.art5.candidate and not before.art5.in_force and not before.art5.applies
    assert "Art. 5 applies only from 2021-09-09" in before.art5.reason
    assert after.art5.applies


def test_art5_needs_an_export_from_the_eu() -> None:
    assert not controls("Live facial recognition", exporter="US").art5.applies
    assert not controls("Live facial recognition", exporter="SE", destination="DE").art5.applies
    assert controls("Live facial recognition", exporter="GB", date="2020-06-01").art5.reason.startswith("Art. 5 applies only")
    assert not controls("Live facial recognition", exporter="GB", date="2022-06-01").art5.applies


def test_imsi_catcher_is_5a001f_and_not_an_art5_candidate() -> None:
    result = controls("IMSI catcher for mobile phones")
    assert entry(result, "5A001.f") == ("likely", True)
    assert not result.art5.candidate


def test_dpi_needs_carrier_class_for_5a001j_and_qos_is_excluded() -> None:
    assert entry(controls("Deep packet inspection platform for carrier-grade networks"), "5A001.j") == ("likely", True)
    assert entry(controls("Deep packet inspection platform for enterprise networks"), "5A001.j") == ("possible", True)
    assert entry(controls("Deep packet inspection for quality of service and billing"), "5A001.j") is None


def test_national_entry_only_for_exporters_in_that_country() -> None:
    description = "Monitoring centre for lawful interception with call detail records"
    assert entry(controls(description, exporter="DE"), "DE 5A902") == ("likely", True)
    assert entry(controls(description, exporter="FR"), "DE 5A902") is None
    assert entry(controls(description, exporter="DE", date="2015-07-17"), "DE 5A902") == ("likely", False)


def test_exporter_classification_is_checked_not_trusted() -> None:
    kb = load_knowledge()
    loaded = make_case(description="IMSI catcher")
    product = loaded.case.products[0].model_copy(update={"control_entries": ["not listed"]})
    log = FindingLog(kb)
    result = assess_controls(kb, profile_product(kb, product, 0, log), loaded.case, log)
    assert [(d.entry, d.status) for d in result.declared] == [("not listed", "contradicted")]
    declared = loaded.case.products[0].model_copy(update={"description": "IP camera", "control_entries": ["5A002"]})
    result2 = assess_controls(kb, profile_product(kb, declared, 0, log), loaded.case, log)
    assert [(d.entry, d.status) for d in result2.declared] == [("5A002", "not_in_catalogue")]
    assert [e.id for e in result2.listed] == ["5A002"]  # the exporter's own listed classification stands
