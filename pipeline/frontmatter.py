"""Segments of YAML front matter, and writing translated scalars back in their own style.

Only the configured keys are translated (dotted paths such as ``image.alt``; a list gives one
segment per item).  Positions come from ruamel.yaml's node marks, so the rest of the YAML,
comments, key order and quoting included, stays byte for byte.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .document import Segment
from .errors import SourceError

_STYLES = {None: "yaml-plain", '"': "yaml-double", "'": "yaml-single"}
_NOT_TEXT = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S*|[0-9a-fA-F:._/-]+|\W*)$")
# A plain scalar that would read back as the same string: no indicator at the start, no
# ": " or " #" inside, no surrounding spaces.
_SAFE_PLAIN = re.compile(r"^(?![-?:,\[\]{}#&*!|>'\"%@`\s])(?!.*(?::\s|\s#|:$))[^\n]*(?<!\s)$")


def front_matter_segments(text: str, start: int, content: str, first_line: int, path: str,
                          keys: Sequence[str]) -> list[Segment]:
    """Segments for the configured ``keys`` of a front matter whose YAML ``content`` begins
    at offset ``start`` (line ``first_line``) of the document text."""
    try:
        root = _yaml().compose(content)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        raise SourceError(f"invalid YAML front matter: {exc.problem or exc.context}", path,
                          line) from None
    except YAMLError as exc:
        raise SourceError(f"invalid YAML front matter: {exc}", path, first_line) from None
    if not isinstance(root, MappingNode):
        return []
    segments = []
    for key in keys:
        for node in _scalars_at(root, key.split(".")):
            if node.style not in _STYLES or not str(node.tag).endswith(":str"):
                continue  # block scalars, dates, numbers, booleans
            if _NOT_TEXT.match(node.value) or "\n" in content[node.start_mark.index:
                                                             node.end_mark.index]:
                continue  # URLs, hex strings, multi-line scalars
            segments.append(Segment(
                start=start + node.start_mark.index, end=start + node.end_mark.index,
                line=first_line + node.start_mark.line, kind=f"front matter: {key}",
                msgid=node.value, style=_STYLES[node.style]))
    return segments


@lru_cache(maxsize=1)
def _yaml() -> YAML:
    """One round-trip YAML per process: making one costs more than composing a front matter
    (it resets itself after each document, errors included)."""
    return YAML()


def _scalars_at(node: Node, path: list[str]) -> Iterator[ScalarNode]:
    if not path:
        if isinstance(node, ScalarNode):
            yield node
        elif isinstance(node, SequenceNode):
            yield from (item for item in node.value if isinstance(item, ScalarNode))
        return
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == path[0]:
                yield from _scalars_at(value, path[1:])


def render_scalar(style: str, value: str) -> str:
    """Write ``value`` as a YAML scalar in ``style``, falling back to double quotes where the
    style cannot hold it."""
    value = value.replace("\n", " ")
    if style == "yaml-single":
        return "'" + value.replace("'", "''") + "'"
    if style == "yaml-plain" and _SAFE_PLAIN.match(value) and _reads_as_string(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _reads_as_string(value: str) -> bool:
    try:
        node = _yaml().compose(f"k: {value}\n")
    except YAMLError:
        return False
    scalar = node.value[0][1]
    return isinstance(scalar, ScalarNode) and str(scalar.tag).endswith(":str") \
        and scalar.value == value
