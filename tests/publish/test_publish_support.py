"""What the publishing tests share (a project built from a golden case, HTML facts), and
checks of those helpers themselves."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import polib

from pipeline.cli import main
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document
from pipeline.publish.edition import localized_edition, source_edition
from pipeline.publish.page import render_page
from pipeline.publish.placement import entries_by_key
from pipeline.publish.site import Site

_STYLE = re.compile(r"(<style>\n).*?(</style>)", re.S)


def build_case(case: Path, root: Path, languages: tuple[str, ...] = ("en",)) -> Path:
    """A project in ``root`` with the case's ``doc.md`` and ``<lang>.po`` files, built."""
    (root / "source").mkdir(parents=True)
    shutil.copy(case / "doc.md", root / "source" / "doc.md")
    for language in languages:
        catalog = root / "locales" / language / "LC_MESSAGES" / "doc.po"
        catalog.parent.mkdir(parents=True)
        shutil.copy(case / f"{language}.po", catalog)
    quoted = ", ".join(f'"{code}"' for code in languages)
    (root / "pipeline.toml").write_text(
        f'[pipeline]\nsource_language = "zh"\nlanguages = [{quoted}]\nproject_name = "golden"\n',
        encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0
    return root / "build"


def rendered_pages(source: str, translations: dict[str, dict[str, str]],
                   name: str = "doc", machine: frozenset[str] = frozenset()) -> dict[str, str]:
    """The page of ``source`` (Chinese) and of each language of ``translations`` (msgid →
    msgstr; a msgid without one keeps the source text; the languages of ``machine`` have
    unreviewed machine drafts), rendered the way ``build`` renders them, without a build:
    no check holds a translation back."""
    document = segment_document(source, f"{name}.md")
    site = Site("zh", tuple(translations))
    original = source_edition(document, "zh")
    pages = {"zh": render_page(original, name, site)}
    for language, table in translations.items():
        catalog = polib.POFile()
        for segment in document.segments:
            if segment.msgid in table:
                catalog.append(polib.POEntry(
                    msgid=segment.msgid, msgstr=table[segment.msgid], msgctxt=segment.context,
                    **({"flags": ["fuzzy"], "tcomment": "machine translation: test 2026-01-01"}
                       if language in machine else {})))
        entries = entries_by_key(catalog)
        text = rebuild_markdown(document, lambda s: table.get(s.msgid))
        edition = localized_edition(document, text, entries, language, "zh",
                                    original.heading_ids)
        pages[language] = render_page(edition, name, site)
    return pages


def without_style(html: str) -> str:
    """A page with its inlined style sheet left out (goldens do not repeat style.css)."""
    return _STYLE.sub(r"\1/* style.css */\n\2", html)


class Elements(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def ids(self) -> list[str]:
        return [attrs["id"] for _, attrs in self.tags if "id" in attrs]

    def fragment_links(self) -> list[str]:
        """Targets of in-page links (``href="#x"``), percent-decoded as browsers do."""
        return [unquote(attrs["href"][1:]) for tag, attrs in self.tags
                if tag == "a" and attrs.get("href", "").startswith("#")]


def test_elements_decode_fragment_links_as_browsers_do() -> None:
    page = Elements('<h2 id="二小节">x</h2><a href="#%E4%BA%8C%E5%B0%8F%E8%8A%82">y</a>'
                    '<a href="../x.html">z</a>')
    assert page.ids() == ["二小节"] and page.fragment_links() == ["二小节"]


def test_goldens_leave_the_style_sheet_out() -> None:
    assert without_style("<style>\nbody{}\n</style>") == "<style>\n/* style.css */\n</style>"
