"""Reports are written atomically: a failure leaves no file and no temporary file behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportguard.assess.results import Assessment
from exportguard.errors import InputFileError, ValidationError
from exportguard.reports import report_format, write_report
from exportguard.reports.writing import write_atomic


def test_format_from_the_file_name(tmp_path: Path) -> None:
    assert report_format(tmp_path / "r.HTML") == "html"
    assert report_format(tmp_path / "r.htm") == "html"
    assert report_format(tmp_path / "r.out", "pdf") == "pdf"
    with pytest.raises(ValidationError, match="unknown report format 'docx'"):
        report_format(tmp_path / "r.docx")


def test_write_each_format(tmp_path: Path, s01: Assessment) -> None:
    for ext in ("html", "json"):
        path = write_report(s01, tmp_path / f"r.{ext}")
        assert path.stat().st_size > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.json"]


def test_failed_render_leaves_the_old_file_untouched(tmp_path: Path, s01: Assessment, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.html"
    target.write_text("old report", "utf-8")

    def broken(*_: object, **__: object) -> str:
        raise RuntimeError("template bug")

    monkeypatch.setattr("exportguard.reports.html.render_html", broken)
    with pytest.raises(RuntimeError):
        write_report(s01, target)
    assert target.read_text("utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "r.html", b"x")
    with pytest.raises(InputFileError, match="a directory has that name"):
        write_atomic(tmp_path, b"x")


def test_written_file_respects_the_umask(tmp_path: Path) -> None:
    path = write_atomic(tmp_path / "r.json", b"{}")
    assert path.stat().st_mode & 0o777 != 0o600 or (path.stat().st_mode & 0o044) == 0
