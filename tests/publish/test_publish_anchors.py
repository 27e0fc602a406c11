"""Heading ids: readable in the page's language (``#introduction`` on the English page),
unique on the page, with the source heading's id kept as an alias so that every link to it,
in any edition, still lands on its section."""

from __future__ import annotations

import pytest
from test_publish_support import Elements, rendered_pages

from pipeline.publish.anchors import unique_ids

SOURCE = """# 引言

正文[见下](#小节)，[回到开头](#引言)。

## 小节

甲。

## 小节

乙。

## 未译

丙。
"""
ENGLISH = {"引言": "Introduction", "正文[见下](#小节)，[回到开头](#引言)。":
           "Text ([see below](#小节), [back to the top](#引言)).",
           "小节": "Section", "甲。": "A.", "乙。": "B.", "丙。": "C."}


def headings(page: str) -> list[tuple[str, list[str]]]:
    """Each heading's id with the ids inside it (its aliases), in order."""
    found: list[tuple[str, list[str]]] = []
    inside = False
    for tag, attrs in Elements(page).tags:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            found.append((attrs["id"], []))
            inside = True
        elif tag in ("p", "ul", "ol", "table"):
            inside = False
        elif inside and "id" in attrs:
            found[-1][1].append(attrs["id"])
    return found


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return rendered_pages(SOURCE, {"en": ENGLISH,
                                   "ru": {"引言": "Введение", "小节": "Раздел"}})


def test_the_english_page_has_readable_ids_and_keeps_the_shared_ones(
        pages: dict[str, str]) -> None:
    assert headings(pages["en"]) == [("introduction", ["引言"]), ("section", ["小节"]),
                                     ("section-1", ["小节-1"]), ("未译", [])]
    assert '<a class="anchor" href="#introduction">¶</a>' in pages["en"]


def test_ids_are_readable_in_any_script(pages: dict[str, str]) -> None:
    assert [own for own, _ in headings(pages["ru"])] == ["введение", "раздел", "раздел-1",
                                                        "未译"]


def test_the_source_page_keeps_its_ids(pages: dict[str, str]) -> None:
    assert headings(pages["zh"]) == [("引言", []), ("小节", []), ("小节-1", []), ("未译", [])]
    assert "<span id=" not in pages["zh"]


@pytest.mark.parametrize("language", ["zh", "en", "ru"])
def test_every_link_lands_and_no_id_is_twice(pages: dict[str, str], language: str) -> None:
    page = Elements(pages[language])
    ids = page.ids()
    assert len(ids) == len(set(ids))
    assert {"小节", "引言"} <= set(page.fragment_links()) <= set(ids)


def test_links_between_languages_keep_working(pages: dict[str, str]) -> None:
    # build/zh/doc.html#小节-1 and build/en/doc.html#小节-1 are the same section.
    for language in ("zh", "en", "ru"):
        assert any("小节-1" in (own, *aliases) and index == 2
                   for index, (own, aliases) in enumerate(headings(pages[language])))


def test_a_readable_id_never_takes_another_headings_shared_id() -> None:
    # The first heading reads "乙" in this language: "#乙" still means the second one.
    page = rendered_pages("# 甲\n\n## 乙\n", {"en": {"甲": "乙"}})["en"]
    assert headings(page) == [("乙-1", ["甲"]), ("乙", [])]


@pytest.mark.parametrize("slugs, shared, ids", [
    (["a", "a", "a"], [], ["a", "a-1", "a-2"]),
    (["a", "a-1", "a"], [], ["a", "a-1", "a-2"]),  # GitHub's github-slugger does the same
    (["x", "y"], ["a", "b"], ["x", "y"]),
    (["b", "b"], ["a", "b"], ["b-1", "b"]),  # b is the second heading's
    (["a-1", "a"], ["a", "a-1"], ["a-1-1", "a-1"]),
    (["a", "b", "extra"], ["a", "b"], ["a", "b", "extra"]),
    (["a", "extra"], ["a", "extra"], ["a", "extra"]),
    (["a", "a"], ["a"], ["a", "a-1"]),  # beyond the source's headings
])
def test_unique_ids(slugs: list[str], shared: list[str], ids: list[str]) -> None:
    got = unique_ids(slugs, shared)
    assert got == ids
    assert len(set(got)) == len(got)
    for position, own in enumerate(got):  # no heading takes another's shared id
        assert own not in set(shared) - set(shared[position:position + 1])
