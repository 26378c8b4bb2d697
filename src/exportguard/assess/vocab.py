"""Fixed vocabularies of the case file (roles, kinds of body, services, assurances)."""

from __future__ import annotations

from typing import Literal, get_args

Role = Literal["end_user", "consignee", "reseller", "integrator", "intermediary", "bank", "owner"]
Kind = Literal[
    "public_security",
    "police",
    "military",
    "intelligence",
    "prison",
    "university",
    "research",
    "company",
    "government",
    "ngo",
    "person",
]
Service = Literal["installation", "training", "maintenance", "updates", "remote_support"]
Assurance = Literal["end_use_statement", "no_reexport", "human_rights_clause", "audit_rights"]
AssuranceStatus = Literal["given", "pending", "refused"]

ROLES: tuple[str, ...] = get_args(Role)
KINDS: tuple[str, ...] = get_args(Kind)
SERVICES: tuple[str, ...] = get_args(Service)
ASSURANCES: tuple[str, ...] = get_args(Assurance)
ASSURANCE_STATUSES: tuple[str, ...] = get_args(AssuranceStatus)
INTERMEDIARY_ROLES: tuple[str, ...] = ("consignee", "reseller", "integrator", "intermediary")
