"""Download official list files with retries, length and checksum checks."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from exportguard import __version__
from exportguard.errors import DownloadError
from exportguard.sources.metadata import DownloadSpec, SourceMeta

USER_AGENT = f"exportguard/{__version__} (+list update)"


@dataclass(frozen=True, slots=True)
class Downloaded:
    spec: DownloadSpec
    path: Path
    sha256: str
    size: int
    last_modified: str | None


def choose_downloads(meta: SourceMeta, format: str | None = None) -> list[DownloadSpec]:
    """The files of one format of ``meta`` (default: the first format its metadata lists)."""
    if not meta.urls:
        raise DownloadError(f"{meta.id}: no official download URL is known")
    wanted = format or meta.urls[0].format
    chosen = [u for u in meta.urls if u.format == wanted]
    if not chosen:
        formats = sorted({u.format for u in meta.urls})
        raise DownloadError(f"{meta.id}: no download in format {wanted!r} (available: {', '.join(formats)})")
    return chosen


def _mirror_sums(client: httpx.Client, base: str) -> dict[str, str]:
    """A mirror may publish ``SHA256SUMS`` (``<hex>  <filename>`` lines); use it when present."""
    try:
        resp = client.get(f"{base.rstrip('/')}/SHA256SUMS")
    except httpx.HTTPError:
        return {}
    if resp.status_code != 200:
        return {}
    sums = {}
    for line in resp.text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            sums[parts[1].lstrip("*")] = parts[0].lower()
    return sums


def download_files(
    specs: list[DownloadSpec],
    dest: Path,
    *,
    mirror: str | None = None,
    retries: int = 3,
    timeout: float = 60.0,
    backoff: float = 1.0,
    on_progress: Callable[[str, int, int | None], None] | None = None,
) -> list[Downloaded]:
    """Fetch every spec into ``dest``; ``mirror`` replaces the official host (``<mirror>/<filename>``).

    Each file is retried ``retries`` times on network errors and 5xx answers, checked against the
    announced Content-Length, and against a known SHA-256 (from the metadata or the mirror's
    ``SHA256SUMS``) when there is one.
    """
    dest.mkdir(parents=True, exist_ok=True)
    out: list[Downloaded] = []
    with httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client:
        sums = _mirror_sums(client, mirror) if mirror else {}
        for spec in specs:
            url = f"{mirror.rstrip('/')}/{spec.filename}" if mirror else spec.url
            expected_sha = spec.sha256 or sums.get(spec.filename)
            out.append(_fetch(client, spec, url, dest / spec.filename, expected_sha, retries, backoff, on_progress))
    return out


def _fetch(
    client: httpx.Client,
    spec: DownloadSpec,
    url: str,
    target: Path,
    expected_sha: str | None,
    retries: int,
    backoff: float,
    on_progress: Callable[[str, int, int | None], None] | None,
) -> Downloaded:
    last_error = "no attempt made"
    for attempt in range(1, retries + 1):
        size = 0
        total: int | None = None
        try:
            with client.stream("GET", url) as resp:
                if resp.status_code >= 500 or resp.status_code == 429:
                    last_error = f"HTTP {resp.status_code}"
                    raise _Retry()
                if resp.status_code != 200:
                    raise DownloadError(f"{url}: HTTP {resp.status_code}")
                announced = resp.headers.get("content-length")
                total = int(announced) if announced and announced.isdigit() else None
                h = hashlib.sha256()
                with target.open("wb") as fh:
                    for chunk in resp.iter_bytes():
                        fh.write(chunk)
                        h.update(chunk)
                        size += len(chunk)
                        if on_progress:
                            on_progress(spec.filename, size, total)
                if total is not None and size != total:
                    last_error = f"truncated download ({size} of {total} bytes)"
                    raise _Retry()
                digest = h.hexdigest()
                if expected_sha and digest != expected_sha.lower():
                    raise DownloadError(f"{url}: checksum mismatch (got sha256 {digest[:16]}…, expected {expected_sha[:16]}…)")
                if size == 0:
                    raise DownloadError(f"{url}: empty download")
                return Downloaded(spec, target, digest, size, resp.headers.get("last-modified"))
        except _Retry:
            pass
        except httpx.HTTPError as exc:
            if total is not None and size < total:  # the server closed the body early
                last_error = f"truncated download ({size} of {total} bytes; {type(exc).__name__})"
            else:
                last_error = f"{type(exc).__name__}: {exc}"
        if attempt < retries:
            time.sleep(backoff * attempt)
    raise DownloadError(f"{url}: failed after {retries} attempt{'s' if retries != 1 else ''} ({last_error})")


class _Retry(Exception):
    pass
