"""Putting translations back into the skeleton.

The writer copies every character outside a segment verbatim.  A segment whose translation
is missing or equal to its msgid keeps its exact source bytes (line wrapping included), so an
identity translation rebuilds the source byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.document import Document, Segment
from .front_matter import render_scalar

Translate = Callable[[Segment], "str | None"]
_UNESCAPED_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")
_NEWLINES = re.compile(r"\n+")


def _inline(segment: Segment, translation: str) -> str:
    return translation.replace("\n", "\n" + segment.prefix)


def _line(segment: Segment, translation: str) -> str:
    return " ".join(translation.split("\n"))


def _cell(segment: Segment, translation: str) -> str:
    text = _UNESCAPED_PIPE.sub(r"\1\\|", _line(segment, translation))
    # A backslash ending the cell would escape the pipe after it and join two cells (the
    # table rule looks at the one character before a pipe, doubled backslashes or not); a
    # space after it keeps it the literal backslash the translator wrote.
    return text + " " if text.endswith("\\") else text


def _html(segment: Segment, translation: str) -> str:
    # A blank line would end the HTML block and turn the rest into Markdown.
    return _inline(segment, "\n".join(line for line in translation.split("\n") if line.strip()))


def _yaml(segment: Segment, translation: str) -> str:
    if "\n" not in segment.msgid:
        translation = translation.replace("\n", " ")  # a one-line value stays one line
    return render_scalar(segment.style, translation)


def _yaml_literal(segment: Segment, translation: str) -> str:
    first, *rest = _yaml_breaks(translation).strip("\n").split("\n")
    # Spaces starting the first line would be read as the block's indentation.
    return "\n".join([first.lstrip(" \t"),
                      *(segment.prefix + line if line else "" for line in rest)])


def _yaml_folded(segment: Segment, translation: str) -> str:
    # One line per paragraph (YAML folds nothing then); each newline of the value is one
    # more empty line.  A line starting with a space would keep its breaks: trim it.
    text = "\n".join(line.strip(" \t") for line in _yaml_breaks(translation).split("\n"))
    text = text.strip("\n")
    return _NEWLINES.sub(lambda m: "\n" * (len(m.group()) + 1) + segment.prefix, text)


def _yaml_breaks(translation: str) -> str:
    # YAML reads NEL, LS and PS as line breaks: raw in a block scalar, they broke its
    # indentation and the whole front matter.  Written as the line breaks they are.
    return translation.translate(_YAML_BREAKS)


_YAML_BREAKS = str.maketrans({"\x85": "\n", "\u2028": "\n", "\u2029": "\n"})

WRITERS: dict[str, Callable[[Segment, str], str]] = {
    "inline": _inline,
    "line": _line,
    "cell": _cell,
    "html": _html,
    "yaml-plain": _yaml,
    "yaml-plain-flow": _yaml,
    "yaml-double": _yaml,
    "yaml-single": _yaml,
    "yaml-literal": _yaml_literal,
    "yaml-folded": _yaml_folded,
}


def render_segment(segment: Segment, translation: str) -> str:
    """The text that replaces ``segment``'s span for ``translation``."""
    return WRITERS[segment.style](segment, translation)


def rebuild_markdown(document: Document, translate: Translate) -> str:
    """The document with each segment replaced by ``translate(segment)`` where that gives a
    new text; skeleton and untranslated segments are copied from the source."""
    out: list[str] = []
    position = 0
    for segment in document.segments:
        translation = translate(segment)
        out.append(document.text[position:segment.start])
        if translation is None or translation == segment.msgid:
            out.append(document.text[segment.start:segment.end])
        else:
            out.append(render_segment(segment, translation))
        position = segment.end
    out.append(document.text[position:])
    return "".join(out)
