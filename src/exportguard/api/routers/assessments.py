"""Assessments: ``POST /assessments`` (a case → its assessment, stored and audited),
``GET /assessments/{id}`` and its reports, and ``GET /audit`` (the audit log, checked)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel

from exportguard.api import assessing, auth
from exportguard.api.errors import ApiError, responses
from exportguard.api.state import base_url, get_cases, get_engine
from exportguard.cases import StoredAssessment

router = APIRouter(tags=["Assessments"])

_READ_ERRORS = ("missing_api_key", "invalid_api_key", "insufficient_role", "assessment_not_found", "timeout")
ASSESSMENT_ID = Path(description="The ID `POST /assessments` returned", pattern="^[0-9a-f]{32}$")


class StoredAssessmentModel(BaseModel):
    id: str
    created_at: str
    actor: str
    digest: str
    links: dict[str, str]
    case: dict[str, Any]
    assessment: dict[str, Any]


class AuditResponse(BaseModel):
    ok: bool
    entries: int
    head: str
    broken_at: int | None
    problem: str | None
    log: list[dict[str, Any]]


def _stored_json(request: Request, stored: StoredAssessment) -> dict[str, Any]:
    url = f"{base_url(request)}/assessments/{stored.id}"
    return {
        "id": stored.id, "created_at": stored.created_at, "actor": stored.actor, "digest": stored.digest,
        "links": {"self": url, "html": f"{url}/report.html", "pdf": f"{url}/report.pdf"},
        "case": stored.case, "assessment": stored.assessment,
    }  # fmt: skip


@router.post(
    "/assessments",
    summary="Assess a case",
    status_code=201,
    response_model=StoredAssessmentModel,
    responses=responses(
        "malformed_json",
        "invalid_request",
        "invalid_input",
        "missing_api_key",
        "invalid_api_key",
        "insufficient_role",
        "body_too_large",
        "not_ready",
        "store_unavailable",
        "timeout",
        "internal_error",
    ),
)
async def create_assessment(
    principal: auth.Analyst,
    request: Request,
    case: Annotated[dict[str, Any], Body(description="A case, as in `exportguard assess CASE.json`")],
) -> Any:
    """Assess a case — the export, its items, parties, destination and end use — against the lists,
    the control lists and the human-rights rules. The case and its assessment are stored (never
    changed afterwards) under a new ID and the creation is written to the audit log."""
    engine = get_engine(request)
    cases = get_cases(request)
    body = await request.body()  # the exact text, so messages point at its lines and columns

    def work() -> StoredAssessment:
        result = assessing.assess(body, engine.screener)
        return cases.save_assessment(case, result, principal.actor)

    stored = await engine.run(work)
    answer = _stored_json(request, stored)
    return JSONResponse(answer, status_code=201, headers={"Location": answer["links"]["self"]})


async def _load(request: Request, assessment_id: str) -> StoredAssessment:
    engine = get_engine(request)
    cases = get_cases(request)
    stored = await engine.run(lambda: cases.get_assessment(assessment_id), uses_engine=False)
    if stored is None:
        raise ApiError("assessment_not_found", f"no assessment {assessment_id!r}")
    return stored


@router.get(
    "/assessments/{assessment_id}",
    summary="A stored assessment",
    response_model=StoredAssessmentModel,
    responses=responses("invalid_request", *_READ_ERRORS),
)
async def get_assessment(
    _principal: auth.Analyst,
    request: Request,
    assessment_id: Annotated[str, ASSESSMENT_ID],
) -> Any:
    """The case and its assessment as stored when it was made (not re-run on today's lists)."""
    return JSONResponse(_stored_json(request, await _load(request, assessment_id)))


@router.get(
    "/assessments/{assessment_id}/report.html",
    summary="The assessment report (HTML)",
    response_model=None,
    responses={
        **responses("invalid_request", *_READ_ERRORS),
        200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "The report as HTML"},
    },
)
async def report_html(
    _principal: auth.Analyst,
    request: Request,
    assessment_id: Annotated[str, ASSESSMENT_ID],
) -> HTMLResponse:
    """The stored assessment as a printable HTML report."""
    stored = await _load(request, assessment_id)
    html = await get_engine(request).run(lambda: assessing.render_html(stored.assessment), uses_engine=False)
    return HTMLResponse(html)


@router.get(
    "/assessments/{assessment_id}/report.pdf",
    summary="The assessment report (PDF)",
    response_model=None,
    responses={
        **responses("invalid_request", *_READ_ERRORS),
        200: {
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            "description": "The report as PDF",
        },
    },
)
async def report_pdf(
    _principal: auth.Analyst,
    request: Request,
    assessment_id: Annotated[str, ASSESSMENT_ID],
) -> Response:
    """The stored assessment as a PDF report."""
    stored = await _load(request, assessment_id)
    pdf = await get_engine(request).run(lambda: assessing.render_pdf(stored.assessment), uses_engine=False)
    return Response(pdf, media_type="application/pdf")


@router.get(
    "/audit",
    summary="The audit log, checked",
    tags=["Audit"],
    response_model=AuditResponse,
    responses=responses(
        "invalid_request", "missing_api_key", "invalid_api_key", "insufficient_role", "timeout"
    ),
)
async def audit(
    _principal: auth.Admin,
    request: Request,
    after: Annotated[int, Query(ge=0, le=2**53, description="Only entries after this sequence number")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many entries")] = 100,
) -> Any:
    """Check the whole hash chain and every stored assessment against it (`ok`, `head` hash,
    first fault), and list entries. Keep the `head` hash elsewhere to detect a rewritten log."""
    cases = get_cases(request)

    def work() -> dict[str, Any]:
        check = cases.verify()
        return {**check.to_dict(), "log": [e.to_dict() for e in cases.audit_entries(after, limit)]}

    return JSONResponse(await get_engine(request).run(work, uses_engine=False))
