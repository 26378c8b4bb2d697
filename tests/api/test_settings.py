"""API settings: key entries, key files, limits — and that bad values fail loudly, naming no key."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from exportguard.api.auth import identify
from exportguard.api.errors import ApiError
from exportguard.api.settings import ApiSettings, Role, load_api_settings, parse_keys
from exportguard.errors import InputFileError, ValidationError

KEY = "a-long-enough-secret-key"


def test_keys_from_the_environment_and_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    digest = hashlib.sha256(b"file-analyst-key-0001").hexdigest()
    keys_file = tmp_path / "keys"
    keys_file.write_text(
        f"# team keys\nanalyst:sha256:{digest}\n\nadmin:admin-key-from-file-01  # ops\n", "utf-8"
    )
    monkeypatch.setenv("EXPORTGUARD_API_KEYS", f"viewer:{KEY}, viewer:second-viewer-key-0002")
    monkeypatch.setenv("EXPORTGUARD_API_KEYS_FILE", str(keys_file))
    monkeypatch.setenv("EXPORTGUARD_API_MAX_QUERIES", "7")
    settings = load_api_settings()
    assert [k.role for k in settings.keys] == [Role.viewer, Role.viewer, Role.analyst, Role.admin]
    assert settings.max_queries == 7 and settings.max_body_bytes == 1_048_576 and settings.auth_enabled
    assert identify(settings, "file-analyst-key-0001").role is Role.analyst
    principal = identify(settings, "admin-key-from-file-01")
    assert (
        principal.role is Role.admin and principal.actor.startswith("admin:") and "key" not in principal.actor
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("superuser:" + KEY, "unknown role 'superuser'"),
        ("viewer:short", "too short"),
        ("viewer:sha256:abc", "64 hexadecimal digits"),
        (KEY, "expected ROLE:KEY"),
    ],
)
def test_bad_entries_name_the_entry_not_the_key(entry: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_keys(f"viewer:{KEY}, {entry}", "EXPORTGUARD_API_KEYS", lines=False)
    assert message in str(caught.value) and "entry 2" in str(caught.value)
    assert KEY not in str(caught.value)


def test_bad_limits_and_missing_key_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EXPORTGUARD_API_TIMEOUT", "0")
    with pytest.raises(ValidationError, match="EXPORTGUARD_API_TIMEOUT"):
        load_api_settings()
    monkeypatch.delenv("EXPORTGUARD_API_TIMEOUT")
    monkeypatch.setenv("EXPORTGUARD_API_MAX_BODY", "lots")
    with pytest.raises(ValidationError, match="not a whole number"):
        load_api_settings()
    monkeypatch.setenv("EXPORTGUARD_API_MAX_BODY", "65536.5")  # a byte count is whole, not rounded
    with pytest.raises(ValidationError, match="EXPORTGUARD_API_MAX_BODY"):
        load_api_settings()
    monkeypatch.setenv("EXPORTGUARD_API_TIMEOUT", "lots")
    monkeypatch.delenv("EXPORTGUARD_API_MAX_BODY")
    with pytest.raises(ValidationError, match="not a number"):
        load_api_settings()
    monkeypatch.delenv("EXPORTGUARD_API_TIMEOUT")
    monkeypatch.setenv("EXPORTGUARD_API_KEYS_FILE", str(tmp_path / "missing"))
    with pytest.raises(InputFileError, match="API keys file"):
        load_api_settings()


def test_identify_compares_every_key() -> None:
    settings = ApiSettings(keys=tuple(parse_keys(f"viewer:{KEY} admin:{KEY}-admin", "test", lines=False)))
    assert identify(settings, KEY).role is Role.viewer
    assert identify(settings, f"{KEY}-admin").role is Role.admin
    with pytest.raises(ApiError) as wrong:
        identify(settings, KEY[:-1])
    assert wrong.value.code == "invalid_api_key"
    with pytest.raises(ApiError) as missing:
        identify(settings, None)
    assert missing.value.code == "missing_api_key"
    assert identify(ApiSettings(), None).role is Role.admin  # no keys configured: loopback use


def test_roles_are_ordered() -> None:
    assert Role.admin.allows(Role.analyst) and Role.analyst.allows(Role.viewer)
    assert not Role.viewer.allows(Role.analyst) and not Role.analyst.allows(Role.admin)
