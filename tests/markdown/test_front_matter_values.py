"""Front-matter values written back: a translation must read, as YAML, as exactly that
translation, whatever the value's style.  Values over several lines (folded plain and quoted
scalars, ``|`` and ``>`` block scalars) are one segment each (the golden case
``front-matter-multiline`` shows the msgids); plain scalars in ``[…]`` and ``{…}`` cannot
hold the flow indicators."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from pipeline.core.document import Document, Segment
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document


def _front_matter(yaml_text: str) -> str:
    return f"---\n{yaml_text}---\n\n正文\n"


def _values(markdown: str) -> dict[str, object]:
    return YAML(typ="safe").load(markdown.split("---\n")[1])


def _document(yaml_text: str, keys: tuple[str, ...] = ("description",)) -> Document:
    """A document of this front matter and one paragraph, ``keys`` translated."""
    return segment_document(_front_matter(yaml_text), "source/doc.md", keys)


def _segments(yaml_text: str, keys: tuple[str, ...] = ("description",)) -> list[Segment]:
    return _document(yaml_text, keys).segments[:-1]  # the paragraph is last


@pytest.mark.parametrize("yaml_text, msgid", [
    ("description: 第一行\n  第二行\n", "第一行第二行"),
    ("description: first line\n  second line\n", "first line second line"),
    ('description: "引号里的\n  两行"\n', "引号里的两行"),
    ("description: 'It''s\n  两行'\n", "It's两行"),
    ("description: 段一\n\n  段二\n", "段一\n段二"),
    ("description: |\n  第一行\n  第二行\n\n  第三行\n", "第一行\n第二行\n\n第三行"),
    ("description: >-\n  折叠的\n  两行\n\n  and a\n  paragraph\n", "折叠的两行\nand a paragraph"),
    # Escapes: YAML's own reading, fold spaces included.
    ('description: "转\\u4e49\n  跨行"\n', "转义 跨行"),
])
def test_msgid_joins_folded_lines_the_cjk_way(yaml_text: str, msgid: str) -> None:
    [segment] = _segments(yaml_text)
    assert segment.msgid == msgid


@pytest.mark.parametrize("yaml_text", [
    "description: |2\n    缩进指示符\n  的块\n",  # explicit indentation indicator
    "description: >\n  折叠\n    更深缩进的行\n  保留换行\n",  # more-indented lines
])
def test_block_scalars_we_cannot_read_back_exactly_stay_skeleton(yaml_text: str) -> None:
    document = _document(yaml_text)
    assert document.segments[:-1] == []
    assert rebuild_markdown(document, lambda s: "X").startswith(f"---\n{yaml_text}---")


YAML_CASES = {
    "plain": "description: 第一行\n  第二行\nnext: 1\n",
    "double": 'description: "第一行\n  第二行"\nnext: 1\n',
    "single": "description: '第一行\n  第二行'\nnext: 1\n",
    "plain paragraphs": "description: 段一\n\n  段二\nnext: 1\n",
    "literal": "description: |\n  第一行\n  第二行\nnext: 1\n",
    "literal strip": "description: |-\n    第一行\n\n    第二行\n\n\nnext: 1\n",
    "folded": "description: >\n  第一行\n  第二行\nnext: 1\n",
    "in a list": "description:\n  - >-\n    第一行\n    第二行\n  - 其他\nnext: 1\n",
    # Properties before a block header, digits in them: not an indentation indicator.
    "literal with an anchor": "description: &d1 |\n  第一行\n  第二行\nnext: 1\n",
    "folded with a tag": "description: !!str >-\n  第一行\n  第二行\nnext: 1\n",
}
TRANSLATIONS = [
    "One line: with a colon # and a hash",
    "Two paragraphs.\nThe second one.",
    "Three\n\nparagraphs, one empty line between two of them",
    "  leading spaces and 'quotes' and \"double quotes\"",
    "- looks like a list item",
]


@pytest.mark.parametrize("translation", TRANSLATIONS)
@pytest.mark.parametrize("case", list(YAML_CASES))
def test_translation_reads_back_as_the_value(case: str, translation: str) -> None:
    yaml_text = YAML_CASES[case]
    document = _document(yaml_text)
    segment = document.segments[0]
    before = _values(document.text)
    after = _values(rebuild_markdown(
        document, lambda s: translation if s is segment else None))
    old = before["description"]
    new = after["description"]
    if isinstance(old, list):
        old, new = old[0], new[0]
        assert after["description"][1:] == before["description"][1:]
    assert after["next"] == 1
    expected = translation
    if segment.style in ("yaml-plain", "yaml-double", "yaml-single") \
            and "\n" not in segment.msgid:
        expected = expected.replace("\n", " ")  # its msgid has no newline: one line
    if segment.style == "yaml-literal":
        expected = expected.lstrip()  # spaces starting a block would be its indentation
    if segment.style == "yaml-folded":
        expected = "\n".join(line.strip() for line in expected.split("\n"))
    # The chomping indicator of a block scalar still decides its final newlines.
    assert new.rstrip("\n") == expected
    assert new[len(new.rstrip("\n")):] == old[len(old.rstrip("\n")):]


def test_a_one_line_value_stays_one_line() -> None:
    document = _document("title: 标题\n", ("title",))
    rebuilt = rebuild_markdown(document, lambda s: "A\ntitle" if s.kind.startswith("front")
                               else None)
    assert _values(rebuilt)["title"] == "A title"



FLOW_CASES = {
    "sequence": ("tags: [标签, 其他]\n", ("tags", 0)),
    "mapping": ("image: {alt: 封面, path: a.png}\n", ("image", "alt")),
}


@pytest.mark.parametrize("translation", ["Deep learning, extended", "[not] a list",
                                         "{not: a map}", "Key: value", "Plain words"])
@pytest.mark.parametrize("case", list(FLOW_CASES))
def test_a_plain_value_in_a_flow_collection_stays_one_value(case: str, translation: str) -> None:
    yaml_text, path = FLOW_CASES[case]
    document = _document(yaml_text, ("tags", "image.alt"))
    segment = document.segments[0]
    assert segment.style == "yaml-plain-flow"
    rebuilt = rebuild_markdown(document, lambda s: translation if s is segment else None)
    before, after = _values(document.text), _values(rebuilt)
    *parents, last = path
    holder: object = after
    for step in parents:
        holder = holder[step]  # type: ignore[index]
    assert holder[last] == translation  # type: ignore[index]
    holder[last] = segment.msgid  # type: ignore[index]
    assert after == before  # the same items and keys: nothing split or merged
    if translation == "Plain words":
        assert f'"{translation}"' not in rebuilt  # still plain where plain reads the same


def test_anchors_tags_and_aliases_survive_a_translation() -> None:
    yaml_text = ('title: &x 中文标题\ndescription: *x\ntags: [!!str 标签, 其他]\n'
                 'keywords: !!str "关键词"\n')
    document = _document(yaml_text, ("title", "description", "tags", "keywords"))
    # The alias is the anchored value again: one entry, not two cuts of the same span.
    assert [s.msgid for s in document.segments[:-1]] == ["中文标题", "标签", "其他", "关键词"]
    rebuilt = rebuild_markdown(document, lambda s: f"T: {s.msgid}")
    assert _values(rebuilt) == {"title": "T: 中文标题", "description": "T: 中文标题",
                                "tags": ["T: 标签", "T: 其他"], "keywords": "T: 关键词"}
    assert "&x " in rebuilt and "!!str " in rebuilt


def test_what_ruamel_yaml_cannot_read_is_a_yaml_error() -> None:
    """ruamel.yaml raises NotImplementedError on some values with NEL; every caller of the
    round-trip parser (segments, and the check that a translation reads back as written)
    gets a YAMLError it handles instead."""
    from ruamel.yaml.error import YAMLError

    from pipeline.markdown.front_matter import _ruamel_compose, _yaml

    content = "a: \x85\n  b\x85\nc: d\n"
    with pytest.raises(NotImplementedError):
        _yaml().compose(content)
    with pytest.raises(YAMLError, match=r"^ruamel.yaml cannot read it \(overlap in comment\)$"):
        _ruamel_compose(content)


@pytest.mark.parametrize("case", ["literal", "folded", "in a list", "folded with a tag"])
@pytest.mark.parametrize("mark", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_a_yaml_line_break_in_a_block_translation_is_written_as_one(case: str,
                                                                    mark: str) -> None:
    """YAML reads NEL, LS and PS as line breaks: raw in a block scalar they broke its
    indentation, the front matter no longer read, and the page lost its title."""
    document = _document(YAML_CASES[case])
    segment = document.segments[0]
    after = _values(rebuild_markdown(
        document, lambda s: f"First.{mark}title: taken over" if s is segment else None))
    assert set(after) == {"description", "next"} and after["next"] == 1
    new = after["description"]
    new = new[0] if isinstance(new, list) else new
    assert new.rstrip("\n") == "First.\ntitle: taken over"


@pytest.mark.parametrize("case", ["plain", "double", "single"])
@pytest.mark.parametrize("mark", ["\x85", "\x7f", "\x9f", "\u2028"], ids=["NEL", "DEL", "C1", "LS"])
def test_a_character_yaml_cannot_hold_raw_is_escaped_in_a_quoted_value(case: str,
                                                                       mark: str) -> None:
    """DEL and the C1 controls made the front matter unreadable (the page lost its title),
    NEL in quotes read back as a space."""
    document = _document(YAML_CASES[case])
    segment = document.segments[0]
    after = _values(rebuild_markdown(
        document, lambda s: f"A{mark}B" if s is segment else None))
    assert after == {"description": f"A{mark}B", "next": 1}
