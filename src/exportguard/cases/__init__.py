"""Case records: stored assessments and the append-only, hash-chained audit log."""

from exportguard.cases.audit import AuditCheck, AuditEntry, verify_chain
from exportguard.cases.store import CaseStore, StoredAssessment

__all__ = ["AuditCheck", "AuditEntry", "CaseStore", "StoredAssessment", "verify_chain"]
