"""How complete a language is, and whether it is published, marked draft or withheld.

``pipeline.toml``::

    [publish]
    threshold = 0            # percent of entries with a published text (default 0)
    below_threshold = "draft"   # "draft": built and marked draft; "skip": not built
    [publish.thresholds]
    ja = 80                  # per-language override
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

import polib

from .entry_state import published_text
from .errors import ConfigError
from .pofile_io import read_catalog
from .project import Project


class Publication(str, Enum):
    """What a build does with a language."""

    PUBLISHED = "published"
    DRAFT = "draft"
    SKIPPED = "skipped"


def percent_published(catalogs: Iterable[polib.POFile], machine_drafts: bool) -> float:
    """Share (0-100) of live entries whose text a build would publish."""
    total = done = 0
    for catalog in catalogs:
        for entry in catalog:
            if entry.obsolete:
                continue
            total += 1
            done += published_text(entry, machine_drafts) is not None
    return 100.0 if total == 0 else 100.0 * done / total


def threshold(project: Project, language: str) -> float:
    """The configured completion threshold (percent) for ``language``."""
    table = project.config.extra.get("publish", {})
    per_language = table.get("thresholds", {})
    value = per_language.get(language, per_language.get(language.split("_")[0],
                                                       table.get("threshold", 0)))
    if not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ConfigError(f"[publish] threshold for {language} must be 0-100", "pipeline.toml")
    return float(value)


def publication(project: Project, language: str) -> tuple[Publication, float]:
    """Whether ``language`` is published, draft or skipped, and its completion percent."""
    catalogs = []
    for name in project.document_names():
        # No PO yet: the template's entries all count as untranslated.
        path = project.catalog_path(name, language)
        if not path.exists():
            path = project.template_path(name)
        if path.exists():
            catalogs.append(read_catalog(path, project.shown(path)))
    percent = percent_published(catalogs, project.config.publish_machine_drafts)
    if percent >= threshold(project, language):
        return Publication.PUBLISHED, percent
    action = project.config.extra.get("publish", {}).get("below_threshold", "draft")
    return (Publication.SKIPPED if action == "skip" else Publication.DRAFT), percent
