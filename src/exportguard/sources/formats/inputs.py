"""Opening list files safely: existence, emptiness, gzip/zip members, strict text decoding."""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from pathlib import Path

from exportguard.errors import InputFileError


def read_bytes(path: Path) -> bytes:
    """Read a file whole (gzip and single-member zip are unpacked); refuse missing or empty files."""
    if not path.exists():
        raise InputFileError(path, "file not found")
    if path.is_dir():
        raise InputFileError(path, "is a directory, not a file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror}") from None
    if not raw.strip():
        raise InputFileError(path, "file is empty")
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputFileError(path, f"truncated or corrupt gzip file ({exc})") from None
    elif raw[:4] == b"PK\x03\x04" and path.suffix.lower() == ".zip":
        raw = read_zip_member(path, raw)
    if not raw.strip():
        raise InputFileError(path, "file is empty")
    return raw


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def check_file(path: Path) -> None:
    """Refuse, before any format is guessed, a file no parser could read: missing, a directory,
    empty, a corrupt or truncated gzip stream, or text in UTF-16/32 (every list is UTF-8 or a
    single-byte code page). Reads in chunks, so large files cost no memory."""
    if not path.exists():
        raise InputFileError(path, "file not found")
    if not path.is_file():
        raise InputFileError(path, "is a directory, not a file" if path.is_dir() else "not a regular file")
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
            if not head.strip():
                if not fh.read(1 << 20).strip():
                    raise InputFileError(path, "file is empty")
                return
            if head[:2] == b"\x1f\x8b":
                fh.seek(0)
                _check_gzip(path, fh)
                return
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror}") from None
    if head[:4] == b"PK\x03\x04":
        return  # zip/xlsx containers are checked by the parser that opens them
    if head.startswith(_UTF16_BOMS) or b"\x00" in head:
        raise InputFileError(path, "line 1: wrong text encoding (UTF-16 or binary data; expected UTF-8 text)")


def _check_gzip(path: Path, fh: io.BufferedReader) -> None:
    inflater = zlib.decompressobj(wbits=31)
    produced = 0
    try:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            produced += len(inflater.decompress(chunk, 1 << 16))
            while inflater.unconsumed_tail:
                produced += len(inflater.decompress(inflater.unconsumed_tail, 1 << 16))
    except zlib.error as exc:
        raise InputFileError(path, f"corrupt gzip file ({exc})") from None
    if not inflater.eof:
        raise InputFileError(path, "truncated gzip file (the compressed stream ends early)")
    if produced == 0:
        raise InputFileError(path, "file is empty (an empty gzip stream)")


def read_zip_member(path: Path, raw: bytes, suffix: str | None = None) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = [n for n in zf.namelist() if not n.endswith("/")]
            if suffix:
                names = [n for n in names if n.lower().endswith(suffix)]
            if len(names) != 1:
                raise InputFileError(path, f"expected one file inside the zip archive, found {len(names)}")
            return zf.read(names[0])
    except zipfile.BadZipFile as exc:
        raise InputFileError(path, f"not a valid zip archive ({exc})") from None


def decode_text(path: Path, raw: bytes, encodings: tuple[str, ...] = ("utf-8",)) -> str:
    """Decode strictly; name the byte offset and line of the first bad byte when no encoding fits."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    first_error: UnicodeDecodeError | None = None
    for enc in encodings:
        try:
            return raw.decode(enc)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    assert first_error is not None
    line = raw.count(b"\n", 0, first_error.start) + 1
    raise InputFileError(
        path,
        f"line {line}: wrong text encoding (byte 0x{raw[first_error.start]:02x} at offset "
        f"{first_error.start} is not valid {'/'.join(encodings)})",
    )


def read_text(path: Path, encodings: tuple[str, ...] = ("utf-8",)) -> str:
    return decode_text(path, read_bytes(path), encodings)
