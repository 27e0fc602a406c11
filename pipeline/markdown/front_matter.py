"""Segments of YAML front matter, and writing translated scalars back in their own style.

Only the configured keys are translated (dotted paths such as ``image.alt``; a list gives one
segment per item).  Positions come from ruamel.yaml's node marks, so the rest of the YAML,
comments, key order and quoting included, stays byte for byte.

A value written over several lines (a plain or quoted scalar folded onto continuation lines,
or a ``|`` / ``>`` block scalar) is one segment too.  Where YAML folds a line break into a
space, the msgid joins the lines the CJK way, as the Markdown body does; the msgid is used
only when our reading of the lines gives back the value ruamel.yaml reads, else the value
itself is the msgid (flow scalars) or the scalar is left alone (block scalars).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.document import Segment
from ..core.errors import SourceError
from .line_joins import soft_break_joiner

# A plain scalar's style is None from ruamel.yaml's parser and "" from libyaml's.
_STYLES = {None: "yaml-plain", "": "yaml-plain", '"': "yaml-double", "'": "yaml-single"}
_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)*")
_BLOCK_STYLES = {"|": "yaml-literal", ">": "yaml-folded"}
# Where libyaml (YAML 1.1) reads otherwise than ruamel.yaml (1.2), found by comparing the
# two on fuzzed front matter: it accepts tabs, tag handles and a comment stuck to a block
# scalar's header that ruamel.yaml rejects, ends anchor names at other characters and breaks
# lines at NEL, LS and PS.  A tag, an anchor or a directive starts after a space, a line
# start or a flow or block indicator: inside a word ("Q&A", "50%") it is text to both.
_LIBYAML_DIFFERS = re.compile(
    "[\t\x85\u2028\u2029]|(?:^|[\\s\\[\\]{},:?-])[!%&]|[|>][-+0-9]*#", re.M)
_NOT_TEXT = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S*|[0-9a-fA-F:._/-]+|\W*)$")
# A plain scalar that would read back as the same string: no indicator at the start, no
# ": " or " #" inside, no surrounding spaces.
_SAFE_PLAIN = re.compile(r"^(?![-?:,\[\]{}#&*!|>'\"%@`\s])(?!.*(?::\s|\s#|:$))[^\n]*(?<!\s)$")


def front_matter_segments(text: str, start: int, content: str, first_line: int, path: str,
                          keys: Sequence[str]) -> list[Segment]:
    """Segments for the configured ``keys`` of a front matter whose YAML ``content`` begins
    at offset ``start`` (line ``first_line``) of the document text."""
    try:
        root = _compose(content)
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
    seen: set[int] = set()
    for key in keys:
        for node, in_flow in _scalars_at(root, key.split(".")):
            if not str(node.tag).endswith(":str") or id(node) in seen:
                continue  # dates, numbers, booleans; a value reached again by an alias
            seen.add(id(node))
            if node.style in _BLOCK_STYLES:
                cut = _block_scalar(content, node)
            elif node.style in _STYLES:
                cut = _flow_scalar(content, node)
            else:
                continue
            if cut is None or _NOT_TEXT.match(cut[2]):
                continue  # URLs, hex strings, a block scalar we cannot read back exactly
            begin, end, msgid, indent = cut
            segments.append(Segment(
                start=start + begin, end=start + end,
                line=first_line + content.count("\n", 0, begin), kind=f"front matter: {key}",
                msgid=msgid, style=_style(node, in_flow),
                prefix=indent))
    return segments


_Cut = tuple[int, int, str, str]
"""(start, end) of a value in the YAML, its msgid and the indent of its continuation lines."""


def _flow_scalar(content: str, node: ScalarNode) -> _Cut:
    begin, end = _after_properties(content, node.start_mark.index), node.end_mark.index
    raw = content[begin:end]
    if "\n" not in raw:
        return begin, end, node.value, ""
    inner = raw if not node.style else raw[1:-1]
    if node.style == "'":
        inner = inner.replace("''", "'")  # never across a line break
    lines = inner.split("\n")
    # YAML trims the whitespace around each line break, not inside the quotes' ends.
    lines = [lines[0].rstrip(" \t"), *(line.strip(" \t") for line in lines[1:-1]),
             lines[-1].lstrip(" \t")]
    if _fold(lines, lambda left, right: " ") != node.value \
            or (node.style == '"' and "\\" in inner):
        return begin, end, node.value, ""  # escapes: YAML's own reading, spaces and all
    return begin, end, _fold(lines, soft_break_joiner), ""


def _after_properties(content: str, start: int) -> int:
    """Where a node's value begins: a node starts at its anchor or tag (``&x``, ``!!str``),
    which stay skeleton."""
    properties = _PROPERTIES.match(content, start)
    return properties.end() if properties else start


def _block_scalar(content: str, node: ScalarNode) -> _Cut | None:
    begin, end = _after_properties(content, node.start_mark.index), node.end_mark.index
    header, _, body = content[begin:end].partition("\n")
    if any(char.isdigit() for char in header.split("#", 1)[0]):
        return None  # an explicit indentation indicator: rare, not worth the doubt
    lines = body.split("\n")
    filled = [k for k, line in enumerate(lines) if line.strip(" ")]
    if not filled:
        return None
    first, last = filled[0], filled[-1]
    indent = len(lines[first]) - len(lines[first].lstrip(" "))
    kept = [line[indent:] if line.strip(" ") else "" for line in lines[first:last + 1]]
    value = node.value.replace("\a", "").strip("\n")  # ruamel marks folds with \a
    if node.style == "|":
        msgid = "\n".join(kept)
        if msgid != value:
            return None
    else:
        if any(line[:1] in (" ", "\t") for line in kept):
            return None  # more-indented lines keep their breaks: not a plain fold
        if _fold(kept, lambda left, right: " ") != value:
            return None
        msgid = _fold(kept, soft_break_joiner)
    start = begin + len(header) + 1 + sum(len(line) + 1 for line in lines[:first]) + indent
    stop = begin + len(header) + 1 + sum(len(line) + 1 for line in lines[:last]) \
        + len(lines[last])
    return start, stop, msgid, " " * indent


def _fold(lines: list[str], joiner: Callable[[str, str], str]) -> str:
    """Lines folded as YAML folds them: a single break between two lines becomes
    ``joiner(left, right)``, each empty line between them a newline."""
    out = lines[0]
    empty = 0
    for line in lines[1:]:
        if not line:
            empty += 1
            continue
        out += "\n" * empty if empty else joiner(out, line)
        out += line
        empty = 0
    return out


def _compose(content: str) -> Node | None:
    """The YAML's node tree.  libyaml's parser (ruamel.yaml.clib) composes a front matter
    about ten times faster than ruamel.yaml's own, with the same nodes and marks but for
    styles ("" for plain) and folds (no ``\\a`` marks); where it
    is missing or finds an error, ruamel.yaml's parser decides, so every error reads the
    same either way."""
    fast = _libyaml()
    if fast is not None and not _LIBYAML_DIFFERS.search(content):
        try:
            root: Node | None = fast.compose(content)
            return root
        except YAMLError:
            pass
    return _ruamel_compose(content)


def _ruamel_compose(content: str) -> Node | None:
    """ruamel.yaml's round-trip node tree; what it cannot read raises YAMLError, including
    its NotImplementedError (its comment handling, on NEL in a value for one)."""
    try:
        return _yaml().compose(content)  # type: ignore[no-any-return]
    except NotImplementedError as exc:
        reason = str(exc).split(" [", 1)[0] or "not supported"
        raise YAMLError(f"ruamel.yaml cannot read it ({reason})") from None


@lru_cache(maxsize=1)
def _libyaml() -> YAML | None:
    yaml = YAML(typ="safe", pure=False)
    return yaml if "CParser" in yaml.Parser.__name__ else None


@lru_cache(maxsize=1)
def _yaml() -> YAML:
    """One round-trip YAML per process: making one costs more than composing a front matter
    (it resets itself after each document, errors included)."""
    return YAML()


def _style(node: ScalarNode, in_flow: bool) -> str:
    if node.style in _BLOCK_STYLES:
        return _BLOCK_STYLES[node.style]
    # In [a, b] or {k: v} a plain scalar cannot hold , [ ] { }: its writer must know.
    return "yaml-plain-flow" if not node.style and in_flow else _STYLES[node.style]


def _scalars_at(node: Node, path: list[str],
                in_flow: bool = False) -> Iterator[tuple[ScalarNode, bool]]:
    """The scalars at ``path``, each with whether it sits in a flow collection."""
    if isinstance(node, (MappingNode, SequenceNode)):
        in_flow = in_flow or bool(node.flow_style)
    if not path:
        if isinstance(node, ScalarNode):
            yield node, in_flow
        elif isinstance(node, SequenceNode):
            yield from ((item, in_flow) for item in node.value if isinstance(item, ScalarNode))
        return
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == path[0]:
                yield from _scalars_at(value, path[1:], in_flow)


def render_scalar(style: str, value: str) -> str:
    """Write ``value`` as a one-line YAML scalar in ``style``, falling back to double quotes
    where the style cannot hold it (a newline, for one)."""
    if style == "yaml-single" and "\n" not in value and not _UNQUOTABLE.search(value):
        return "'" + value.replace("'", "''") + "'"
    if style in ("yaml-plain", "yaml-plain-flow") and _SAFE_PLAIN.match(value) \
            and not _UNQUOTABLE.search(value) \
            and _reads_as_string(value, in_flow=style == "yaml-plain-flow"):
        return value
    # JSON's string is YAML's double-quoted scalar, but for what YAML may not hold raw:
    # DEL and the C1 controls (not YAML at all), NEL, LS and PS (line breaks to YAML).
    return json.dumps(value, ensure_ascii=False).translate(_YAML_ESCAPES)


_YAML_ESCAPES = {code: f"\\u{code:04x}" for code in [*range(0x7F, 0xA0), 0x2028, 0x2029]}
_UNQUOTABLE = re.compile("[\x7f-\x9f\u2028\u2029]")  # what only double quotes can hold


@lru_cache(maxsize=4096)  # every build writes a value twice: its page and its Markdown
def _reads_as_string(value: str, in_flow: bool) -> bool:
    try:
        node = _ruamel_compose(f"k: [{value}]\n" if in_flow else f"k: {value}\n")
    except YAMLError:
        return False
    if not isinstance(node, MappingNode):  # "k: ..." is one, but for the type checker
        return False
    scalar = node.value[0][1]
    if in_flow:
        items = scalar.value if isinstance(scalar, SequenceNode) else []
        scalar = items[0] if len(items) == 1 else None
    return isinstance(scalar, ScalarNode) and str(scalar.tag).endswith(":str") \
        and scalar.value == value
