"""Front matter is composed by libyaml (ruamel.yaml.clib) where it reads as ruamel.yaml's own
parser does: the same segments, and where either finds an error, ruamel.yaml's message.

Compared on the sample, the corpus articles and fuzzed front matter built from pieces that
trip YAML parsers up (indicators, quotes, tabs, anchors, tags, NEL and LS, folded lines)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode

from conftest import ROOT, SAMPLE, corpus_articles
from pipeline.core.errors import SourceError
from pipeline.markdown import front_matter as frontmatter

KEYS = ("title", "description", "keywords", "categories", "tags", "image.alt")
_ODD = ["中文", "a b", "x: y", "#号", "a #c", "- 项", "? q", "'", '"', "\\", "\\n", "\t", " ", "",
        "😀", "2023-01-01", "yes", "1.5", "~", "http://x.y/z", "&a", "*a", "!!str", "{", "}",
        "[", "]", ",", ":", "%", "@", "`", "|", ">", "\u2028", "\x85", "\u00a0", "---", "...",
        "\n"]
_PLAIN = ["中文", "标题", "a b", "AIGC", "x-y", "2023", "😀", "，", "。", "“引”", "(括号)", "ok"]


def _word(rng: random.Random, odd: float) -> str:
    return "".join(rng.choice(_ODD if rng.random() < odd else _PLAIN)
                   for _ in range(rng.randint(1, 4)))


def _scalar(rng: random.Random, odd: float, indent: str) -> str:
    word = _word(rng, odd)
    lines = "".join(f"{indent}  {_word(rng, odd).replace(chr(10), '')}\n"
                    for _ in range(rng.randint(1, 3))).rstrip("\n")
    return [
        '"' + word.replace('"', '\\"') + '"',
        "'" + word.replace("'", "''") + "'",
        "|\n" + lines, ">-\n" + lines,
        "[" + ", ".join(_word(rng, odd).replace("\n", " ") for _ in range(rng.randint(0, 3))) + "]",
        "\n" + "".join(f"{indent}- {_word(rng, odd)}\n" for _ in range(rng.randint(1, 3))).rstrip(),
        f"{word}\n{indent}  {_word(rng, odd)}",
        word, word, word,
    ][rng.randrange(10)]


def _fuzzed(seed: int, count: int, odd: float) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 6)):
            key = rng.choice(KEYS + ("date", "image", "other"))
            if key == "image":
                lines.append(f"image:\n  alt: {_scalar(rng, odd, '  ')}\n  path: x.png")
            else:
                properties = rng.choice(["&x ", "!!str "]) if rng.random() < 0.05 else ""
                lines.append(f"{key}: {properties}{_scalar(rng, odd, '')}")
            if rng.random() < 0.1:
                lines.append("# " + _word(rng, odd))
            if rng.random() < 0.05:
                lines.append("alias: *x")
        yield "\n".join(lines) + "\n"


def _front_matter_of(text: str) -> str | None:
    """The YAML between a document's ``---`` lines, if it starts with one."""
    if text.startswith("---\n") and "\n---\n" in text[3:]:
        return text[4:text.index("\n---\n", 3) + 1]
    return None


def _front_matters() -> list[str]:
    """Every test fixture's, the sample's and 40 corpus articles' front matter."""
    texts = [path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
             for path in sorted((ROOT / "tests").rglob("*.md")) + [SAMPLE]]
    found = [_front_matter_of(text) for text in texts + corpus_articles(40)]
    return [content for content in found if content is not None]


def _segments(content: str, libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patch:
        if not libyaml:
            patch.setattr(frontmatter, "_libyaml", lambda: None)
        try:
            return [(s.start, s.end, s.line, s.kind, s.msgid, s.style, s.prefix) for s in
                    frontmatter.front_matter_segments(content, 0, content, 2, "p.md", KEYS)]
        except SourceError as exc:
            return str(exc)


def test_libyaml_is_installed() -> None:
    # A declared dependency: without it every extract composes front matter ten times slower.
    assert frontmatter._libyaml() is not None


def _assert_both_read_alike(cases: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """Compare the two parsers' segments on ``cases``; return how many libyaml composed
    (the comparison must cover libyaml's side, not only the cases it hands back)."""
    libyaml = frontmatter._libyaml()
    assert libyaml is not None
    composed = 0
    for content in cases:
        assert _segments(content, True, monkeypatch) == \
            _segments(content, False, monkeypatch), content
        if not frontmatter._LIBYAML_DIFFERS.search(content):
            composed += _composed(libyaml, content) != "error"
    return composed


@pytest.mark.filterwarnings("ignore::Warning")  # ruamel.yaml warns of reused anchors
@pytest.mark.parametrize("odd", [0.1, 1.0], ids=["mostly-text", "odd-pieces"])
def test_libyaml_reads_fuzzed_front_matter_as_ruamel_yaml(
        odd: float, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = list(_fuzzed(7, 800, odd))
    assert _assert_both_read_alike(cases, monkeypatch) > len(cases) // (2 if odd < 1 else 20)


def test_libyaml_reads_real_front_matter_as_ruamel_yaml(
        monkeypatch: pytest.MonkeyPatch) -> None:
    cases = _front_matters()
    assert len(cases) > 40
    assert _assert_both_read_alike(cases, monkeypatch) > len(cases) // 2


@pytest.mark.parametrize("content", [
    "title: 1.5\t\n",           # a tab after a value: libyaml accepts, ruamel.yaml does not
    "tags: !!str!!str x\n",     # an undefined tag handle
    "title: &ahttp://x 中文\n",  # libyaml ends the anchor name at ":"
    "tags: |#c\n  x\n",         # a comment stuck to a block header
    "title: 中\x85文\n",         # NEL: a line break to libyaml
])
def test_what_libyaml_reads_otherwise_goes_to_ruamel_yaml(
        content: str, monkeypatch: pytest.MonkeyPatch) -> None:
    libyaml, ruamel_yaml = frontmatter._libyaml(), frontmatter._yaml()
    assert libyaml is not None
    assert _composed(libyaml, content) != _composed(ruamel_yaml, content)
    assert frontmatter._LIBYAML_DIFFERS.search(content)  # so ruamel.yaml reads it


def _composed(yaml: YAML, content: str) -> object:
    """What a parser reads: each value, with its span, or that it found an error."""
    try:
        root = yaml.compose(content)
    except YAMLError:
        return "error"
    return [(value.value, value.start_mark.index, value.end_mark.index)
            for _key, value in root.value] if isinstance(root, MappingNode) else root


@pytest.mark.parametrize("content", ["title: Q&A：50%的人\n", "tags: [AI&ML, 100%]\n",
                                     "description: 你好!世界\n"])
def test_ampersands_and_percents_inside_words_stay_with_libyaml(
        content: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tag, an anchor or a directive starts after a space or an indicator: inside a word
    these are text to both parsers, and libyaml composes them (ten times faster)."""
    assert not frontmatter._LIBYAML_DIFFERS.search(content)
    assert _composed(frontmatter._libyaml(), content) != "error"
    assert _segments(content, True, monkeypatch) == _segments(content, False, monkeypatch)
