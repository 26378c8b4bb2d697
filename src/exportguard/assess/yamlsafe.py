"""A restricted YAML reader for case files: plain data only, with the position of every value.

Refused, with the line and column: anchors and aliases (the "billion laughs" bomb needs them),
merge keys, every tag outside YAML's core schema (``!!python/object`` …), duplicate keys, non-text
keys, several documents, nesting deeper than ``MAX_DEPTH``. Scalars keep YAML 1.2 meanings: only
``true``/``false`` are booleans (``NO``, Norway's code, stays text) and dates stay text so that the
case model can say precisely what is wrong with them.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from exportguard.errors import ParseError, UnsafeInputError

MAX_DEPTH = 40
Path_ = tuple[str | int, ...]
Positions = dict[Path_, tuple[int, int]]

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}


def position(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


class _Composer(yaml.SafeLoader):
    """Composes a node tree and refuses anchors and aliases as they are read."""

    source_name = "<case>"

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise UnsafeInputError(self.source_name, position(event.start_mark), "YAML aliases (*name) are not allowed in a case file")
        if getattr(event, "anchor", None) is not None:
            raise UnsafeInputError(self.source_name, position(event.start_mark), "YAML anchors (&name) are not allowed in a case file")
        return super().compose_node(parent, index)


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.positions: Positions = {}
        self.scalars = SafeConstructor()

    def fail(self, node: Node, message: str, unsafe: bool = False) -> ParseError:
        cls = UnsafeInputError if unsafe else ParseError
        return cls(self.source, position(node.start_mark), message)

    def build(self, node: Node, path: Path_ = (), depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nested more than {MAX_DEPTH} levels deep", unsafe=True)
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        tag = node.tag or ""
        if isinstance(node, MappingNode):
            if tag != _CORE + "map":
                raise self.fail(node, f"tag {tag!r} is not allowed in a case file", unsafe=True)
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            if tag != _CORE + "seq":
                raise self.fail(node, f"tag {tag!r} is not allowed in a case file", unsafe=True)
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, tag)

    def _mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _CORE + "merge":
                raise self.fail(key_node, "YAML merge keys (<<) are not allowed in a case file", unsafe=True)
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (_CORE + "str", _CORE + "int", _CORE + "bool", _CORE + "null"):
                raise self.fail(key_node, "field names must be plain text")
            key = str(key_node.value)
            if key in out:
                raise self.fail(key_node, f"field {key!r} appears twice")
            out[key] = self.build(value_node, (*path, key), depth + 1)
        return out

    def _scalar(self, node: ScalarNode, tag: str) -> Any:
        if not tag.startswith(_CORE) or tag[len(_CORE) :] not in _SCALAR_TAGS:
            raise self.fail(node, f"tag {tag!r} is not allowed in a case file", unsafe=True)
        kind = tag[len(_CORE) :]
        value: str = node.value
        if kind == "null":
            return None
        if kind == "bool":
            return {"true": True, "false": False}.get(value.lower(), value)
        if kind == "int":
            return self.scalars.construct_yaml_int(node)
        if kind == "float":
            return self.scalars.construct_yaml_float(node)
        return value  # str and timestamp stay text


def load_yaml(text: str, source: str) -> tuple[Any, Positions]:
    """Parse ``text`` as one YAML document of plain data; return it with each value's (line, column)."""
    composer = _Composer(text)
    composer.source_name = source
    try:
        node = composer.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = position(mark) if mark is not None else None
        raise ParseError(source, where, f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ParseError(source, None, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise UnsafeInputError(source, None, "nested too deeply") from None
    finally:
        composer.dispose()
    if node is None:
        return None, {}
    builder = _Builder(source)
    return builder.build(node), builder.positions
