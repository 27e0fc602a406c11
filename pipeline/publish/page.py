"""The standalone page of one edition: ``build/<lang>/<doc>.html``.

Everything a page shows comes from its edition: ``lang``/``dir`` and the date's wording from
babel's data for the language, title, description and cover image from the (translated)
front matter, the body from the decorated tokens, sanitized.
"""

from __future__ import annotations

import datetime
import re
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


def notices(edition: Edition, site: Site, words: Labels) -> list[Notice]:
    """The draft notice of a language below its threshold, and the machine-draft notice."""
    found = []
    if edition.language in site.drafts:
        found.append(Notice(words["draft"], bcp47(words.lang), "draft"))
    if edition.machine_drafts:
        found.append(Notice(words["machine"], bcp47(words.lang), "machine"))
    return found


def render_page(edition: Edition, name: str, site: Site) -> str:
    """The complete HTML page of ``edition`` of document ``name``."""
    language = edition.language
    origin = page_path(language, name)
    words = labels(language)
    description = edition.front_matter.get("description")
    bilingual = None if language == site.source or not site.bilingual else \
        link(origin, bilingual_path(site.source, language, name, ".html"))
    return render_template(
        "page.html", lang=bcp47(language), dir=text_direction(language),
        title=page_title(edition, name),
        description=description if isinstance(description, str) else "",
        date=page_date(edition.front_matter.get("date"), language),
        image=cover_image(edition.front_matter),
        languages=language_links(site, name, origin, language),
        notices=notices(edition, site, words), words=words, words_lang=bcp47(words.lang),
        bilingual=bilingual, index=link(origin, INDEX_PATH),
        body=Markup(sanitize_html(render_tokens(edition.tokens, edition.env)).strip()))
