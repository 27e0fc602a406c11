"""``build/index.html``: every document in every language, with links and completion."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.languages import language_name
from .html_templates import render_template
from .labels import labels
from .site import INDEX_PATH, STATUS_PAGE, IndexRow, Site, bcp47, bilingual_path, link, \
    page_path


def render_index(documents: Sequence[IndexRow], site: Site, project_name: str,
                 status: bool = False) -> str:
    """The index page, in the source language's words; with ``status``, a link to the
    status page (``stats`` writes it beside the index)."""
    words = labels(site.source)
    columns = [{"code": code, "lang": bcp47(code), "name": language_name(code),
                "draft": code in site.drafts} for code in site.languages]
    rows = [{"title": doc.title, "href": link(INDEX_PATH, page_path(site.source, doc.name)),
             "cells": [{"href": link(INDEX_PATH, page_path(code, doc.name)),
                        "bilingual": link(INDEX_PATH,
                                          bilingual_path(site.source, code, doc.name, ".html"))
                        if site.bilingual else None,
                        "percent": round(doc.completion.get(code, 0.0)),
                        "lang": bcp47(code)}
                       for code in site.languages]}
            for doc in documents]
    return render_template("index.html", lang=bcp47(site.source), title=project_name,
                           words=words, words_lang=bcp47(words.lang),
                           source_name=language_name(site.source),
                           columns=columns, rows=rows,
                           status=link(INDEX_PATH, STATUS_PAGE) if status else None)
