"""``check`` over a project: every check on every catalog, and with ``fix`` the safe
mechanical fixes first (punctuation, spacing), written back to the catalogs they changed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import polib

from ..catalogs.extract import now_stamp
from ..catalogs.po_files import msgid_lines, parse_catalog, read_catalog, write_translation_text
from ..catalogs.sources import load_document
from ..catalogs.wrapping import catalog_wrap
from ..checks import CheckContext, Problem, check_catalog, project_checks
from ..checks.fixes import fix_entry
from ..checks.inline_facts import FactsCache
from ..core.project import Project


@dataclass
class CatalogReview:
    """What checking one catalog found (and fixed)."""

    fixed: list[str] = field(default_factory=list)
    """``path:line: fixed [full-width, whitespace]``, one line per entry fixed."""
    problems: list[tuple[str, Problem]] = field(default_factory=list)
    """Each problem with the ``path:line`` of its entry's msgid, in file order."""


def fix_catalog(catalog: polib.POFile, context: CheckContext) -> list[str]:
    """Apply the safe fixes to every entry of ``catalog`` (in memory); one line per entry
    fixed: ``path:line: fixed [full-width, whitespace]``."""
    lines = []
    for entry in catalog:
        fixed, applied = fix_entry(entry, context)
        if applied:
            entry.msgstr = fixed
            lines.append(f"{context.place(entry)}: fixed [{', '.join(applied)}]")
    return lines


def review_catalogs(project: Project, languages: Sequence[str],
                    fix: bool = False) -> Iterator[CatalogReview]:
    """Check (and with ``fix``, first fix) the catalog of every document in ``languages``,
    one review per catalog as it is done."""
    wrap = catalog_wrap(project.config) if fix else 0  # a bad setting fails before any check
    for name, catalogs in project.catalogs_of_documents(languages):
        document = load_document(project, name)
        facts_cache: FactsCache = {}  # msgids are read once
        for language, path in catalogs:
            catalog = read_catalog(path, project.shown(path))
            context = project_checks(project, document, name, language, facts_cache)
            review = CatalogReview()
            if fix:
                review.fixed = fix_catalog(catalog, context)
                if review.fixed:
                    text = write_translation_text(path, catalog, now_stamp(), wrap)[1]
                    # Lines move where a fixed string takes more or fewer lines.
                    catalog = parse_catalog(text, project.shown(path))
                    context.msgid_lines = msgid_lines(text)
            review.problems = [(context.place(entry), problem)
                               for entry, problem in check_catalog(catalog, context)]
            yield review
