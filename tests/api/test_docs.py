"""Meta-test: every endpoint of the OpenAPI schema is in docs/api.md's endpoint table."""

from __future__ import annotations

from pathlib import Path

from exportguard.api.app import create_app
from exportguard.api.settings import ApiSettings
from exportguard.settings import Settings

DOCS = Path(__file__).parent.parent.parent / "docs" / "api.md"


def test_every_endpoint_is_documented(tmp_path: Path) -> None:
    schema = create_app(Settings(home=tmp_path), ApiSettings()).openapi()
    docs = DOCS.read_text("utf-8")
    missing = [
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
        if f"| `{method.upper()} {path}` |" not in docs
    ]
    assert not missing, f"endpoints missing from docs/api.md: {missing}"
    assert len(schema["paths"]) >= 17
