"""The standalone page of one edition: ``build/<lang>/<doc>.html``.

Everything a page shows comes from its edition: ``lang``/``dir`` and the date's wording from
babel's data for the language, title, description and cover image from the (translated)
front matter, the body from the decorated tokens, sanitized.  A page whose segments all fell
back to the source text is the original: its ``lang`` is the source's, and a notice in the
reader's language says so; a page with some of them says that too (those passages carry
their own ``lang``, see :mod:`.marking`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from babel import Locale
from babel.dates import format_date
from markupsafe import Markup

from ..core.languages import language_name
from .anchors import heading_text
from .edition import Edition
from .html_templates import render_template
from .labels import Labels, labels
from .render import render_tokens, sanitize_html
from .site import INDEX_PATH, Site, bcp47, bilingual_path, link, page_path

_SAFE_URL = re.compile(r"^(?:https?://[^\s\"'<>]+|[^\s:\"'<>]+)$", re.I)


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher (and one ``hreflang`` alternate)."""

    name: str
    """The language's name in itself: 日本語, English, 中文."""
    hreflang: str
    href: str
    current: bool


@dataclass(frozen=True)
class Notice:
    """A visible notice at the top of a page, in the language its words are in."""

    text: str
    lang: str
    kind: str


def text_direction(language: str) -> str:
    """``rtl`` for right-to-left scripts (ar, he, fa, ur), else ``ltr``."""
    order = Locale.parse(language).character_order
    return "rtl" if order == "right-to-left" else "ltr"


def page_date(value: Any, language: str) -> tuple[str, str] | None:
    """(ISO date, date in the reader's words) of a front-matter date, None if it is none."""
    if isinstance(value, datetime.datetime):
        day = value.date()  # the author's local date, as written
    elif isinstance(value, datetime.date):
        day = value
    elif isinstance(value, str):
        try:
            day = datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    else:
        return None
    return day.isoformat(), format_date(day, "long", locale=Locale.parse(language))


def page_title(edition: Edition, fallback: str) -> str:
    """The front matter's title, else the first heading, else ``fallback``."""
    title = edition.front_matter.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    tokens = edition.tokens
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            return heading_text(tokens[index + 1]).strip() or fallback
    return fallback


def cover_image(front_matter: dict[str, Any]) -> dict[str, str] | None:
    """``image.path`` (an http(s) or relative URL) with its translated ``image.alt``."""
    image = front_matter.get("image")
    path, alt = (image, "") if isinstance(image, str) else (
        (image.get("path"), image.get("alt", "")) if isinstance(image, dict) else (None, ""))
    if not isinstance(path, str) or not _SAFE_URL.match(path.strip()):
        return None
    return {"src": path.strip(), "alt": alt if isinstance(alt, str) else ""}


def language_links(site: Site, name: str, origin: str, current: str) -> list[LanguageLink]:
    """The switcher: every built language by its own name, linking to this document."""
    return [LanguageLink(language_name(code), bcp47(code),
                         link(origin, page_path(code, name)), code == current)
            for code in site.all_languages]


NoticeRule = tuple[str, Callable[[Edition, Site], bool]]
"""A notice's kind (its label and CSS class) and when an edition's page carries it."""


def _draft(edition: Edition, site: Site) -> bool:
    return edition.language in site.drafts


def _machine(edition: Edition, site: Site) -> bool:
    return edition.machine_drafts > 0


def _untranslated(edition: Edition, site: Site) -> bool:
    return edition.untranslated


def _partial(edition: Edition, site: Site) -> bool:
    return edition.fallbacks > 0 and not edition.untranslated


EDITION_NOTICES: tuple[NoticeRule, ...] = (("draft", _draft), ("machine", _machine))
"""What an edition says of itself on its page and on its bilingual page, in this order."""

PAGE_NOTICES: tuple[NoticeRule, ...] = (
    ("untranslated", _untranslated), ("draft", _draft), ("partial", _partial),
    ("machine", _machine))
"""A standalone page says too what it shows in the original (the bilingual page shows the
original anyway)."""


def notices(edition: Edition, site: Site, words: Labels,
            rules: Sequence[NoticeRule] = EDITION_NOTICES) -> list[Notice]:
    """The notices of ``rules`` that ``edition`` carries, in the reader's ``words``."""
    return [Notice(words[kind], bcp47(words.lang), kind)
            for kind, applies in rules if applies(edition, site)]


def shown_language(edition: Edition, site: Site) -> str:
    """The language of the text a page shows: the source's when nothing is translated."""
    return site.source if edition.untranslated else edition.language


def render_page(edition: Edition, name: str, site: Site) -> str:
    """The complete HTML page of ``edition`` of document ``name``."""
    language = edition.language
    shown = shown_language(edition, site)
    origin = page_path(language, name)
    words = labels(language)
    description = edition.front_matter.get("description")
    bilingual = None if language == site.source or not site.bilingual else \
        link(origin, bilingual_path(site.source, language, name, ".html"))
    return render_template(
        "page.html", lang=bcp47(shown), dir=text_direction(shown),
        title=page_title(edition, name),
        description=description if isinstance(description, str) else "",
        date=page_date(edition.front_matter.get("date"), language),
        # The date is in the reader's words even where the text is the original's.
        date_lang=bcp47(language) if shown != language else None,
        image=cover_image(edition.front_matter),
        languages=language_links(site, name, origin, language),
        notices=notices(edition, site, words, PAGE_NOTICES), words=words,
        words_lang=bcp47(words.lang),
        bilingual=bilingual, index=link(origin, INDEX_PATH),
        body=Markup(sanitize_html(render_tokens(edition.tokens, edition.env)).strip()))
