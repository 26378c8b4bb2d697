"""Safe XML parsing with lxml: no DTDs, no entities, no network; errors name line and column."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from exportguard.errors import ParseError, UnsafeInputError
from exportguard.sources.formats.inputs import read_bytes


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=True
    )


def parse_xml_bytes(path: Path, raw: bytes) -> etree._Element:
    """Parse XML bytes into an element tree, refusing any document type declaration.

    Official lists never carry a DTD; one is the carrier of external-entity (XXE) and
    entity-expansion ("billion laughs") attacks, so it is refused outright.
    """
    prolog = raw[: _root_start(raw)]
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise UnsafeInputError(path, "line 1", "XML with a document type declaration (DTD/entities) is refused")
    try:
        tree = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        msg = str(exc.msg).split(", line ")[0] if exc.msg else "malformed XML"
        raise ParseError(path, f"line {line}, column {col}", f"malformed or truncated XML: {msg}") from None
    if tree.getroottree().docinfo.doctype:
        raise UnsafeInputError(path, "line 1", "XML with a document type declaration (DTD/entities) is refused")
    return tree


def parse_xml(path: Path) -> etree._Element:
    return parse_xml_bytes(path, read_bytes(path))


def local(tag: object) -> str:
    """Tag name without its namespace."""
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def _root_start(raw: bytes) -> int:
    """Offset of the root element's ``<`` (or the length of ``raw`` when there is none)."""
    i = 0
    n = len(raw)
    while i < n:
        j = raw.find(b"<", i)
        if j < 0 or j + 1 >= n:
            return n
        if raw[j + 1 : j + 2] in (b"?", b"!"):
            i = j + 2
            continue
        return j
    return n


def root_name(raw: bytes) -> str | None:
    """Name (without namespace) of the root element, read cheaply for format sniffing."""
    n = len(raw)
    j = _root_start(raw)
    if j >= n:
        return None
    end = j + 1
    while end < n and raw[end : end + 1] not in (b" ", b">", b"/", b"\n", b"\r", b"\t"):
        end += 1
    return raw[j + 1 : end].decode("utf-8", "replace").rsplit(":", 1)[-1]
