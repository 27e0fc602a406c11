"""Running every check over an entry or a catalog, and setting checks up for a project.

``pipeline.toml`` may change what a check's problems weigh::

    [check]
    warnings = ["numbers"]      # printed, but the translation is still published
    disabled = ["length-ratio"] # not run at all

and a PO flag ``ignore-<name>`` turns one check off for the entry that carries it
(:mod:`.flags`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

import polib

from ..catalogs.glossary import project_glossary
from ..catalogs.po_files import catalog_text, msgid_lines
from ..core.document import Document
from ..core.errors import CatalogError, ConfigError
from ..core.project import Project
from ..core.text_files import read_bytes
from .checkers import CHECK_NAMES, CHECKS, HEADER_CHECKS
from .context import CheckContext, document_context
from .flags import exempted_checks
from .inline_facts import FactsCache
from .problem import ERROR, WARNING, Finding, Problem


def check_entry(entry: polib.POEntry, context: CheckContext) -> list[Problem]:
    """Every problem of one entry (none for an untranslated or obsolete one), at the level
    the project gives each check; a check the entry's ``ignore-<name>`` flag names is not
    run on it (see :mod:`.flags`)."""
    if entry.obsolete or not entry.msgstr:
        return []
    return _run(CHECKS, entry, context, exempted_checks(entry))


def check_header(catalog: polib.POFile, context: CheckContext) -> list[Problem]:
    """Every problem of a catalog's header, at the level the project gives each check."""
    return _run(HEADER_CHECKS, catalog, context)


def _run(checks: Sequence[tuple[str, Callable[[Any, CheckContext], Iterable[Finding]]]],
         subject: Any, context: CheckContext,
         exempted: Collection[str] = frozenset()) -> list[Problem]:
    """The problems ``checks`` find in ``subject`` (an entry, a catalog), at the project's
    levels; a check turned off, or ``exempted``, is not run."""
    problems = []
    for name, check in checks:
        level = context.levels.get(name)
        if level != "off" and name not in exempted:
            problems += [Problem(name, level or finding.level, finding.message)
                         for finding in check(subject, context)]
    return problems


def check_catalog(catalog: polib.POFile,
                  context: CheckContext) -> list[tuple[polib.POEntry, Problem]]:
    """Every problem of a catalog, in file order: its header's (at the header entry), then
    every entry's."""
    header = polib.POEntry(msgid="", linenum=1)  # where the file's first entry starts
    return [(header, problem) for problem in check_header(catalog, context)] + \
        [(entry, problem) for entry in catalog for problem in check_entry(entry, context)]


def has_error(problems: Iterable[Problem]) -> bool:
    """Whether any of ``problems`` keeps its translation out of a build."""
    return any(problem.level == ERROR for problem in problems)


def check_levels(table: dict[str, Any]) -> dict[str, str]:
    """Per-check levels from the ``[check]`` table of pipeline.toml."""
    levels = {}
    for key, level in (("warnings", WARNING), ("disabled", "off")):
        names = table.get(key, [])
        if not isinstance(names, list):
            raise ConfigError(f"[check] {key} must be a list of check names", "pipeline.toml",
                              key=f"check.{key}")
        for name in names:
            if name not in CHECK_NAMES:
                raise ConfigError(f"[check] {key}: unknown check '{name}' (known: "
                                  f"{', '.join(CHECK_NAMES)})", "pipeline.toml",
                                  key=f"check.{key}")
            levels[name] = level
    return levels


def project_checks(project: Project, document: Document, name: str, language: str,
                   facts_cache: FactsCache) -> CheckContext:
    """The check context for one document's catalog in ``language``: the project's
    glossary and ``[check]`` levels, the source's links and segment styles, and the
    catalog's msgid lines for messages; ``facts_cache`` may be shared by a document's
    languages."""
    path = project.catalog_path(name, language)

    def lines() -> dict[int, int]:
        try:
            return msgid_lines(catalog_text(read_bytes(path, "", CatalogError), ""))
        except CatalogError:
            return {}  # reading the catalog itself reports what is wrong with it

    return document_context(document, language,
                            source_language=project.config.source_language,
                            glossary=project_glossary(project),
                            levels=check_levels(project.config.extra.get("check", {})),
                            shown=project.shown(path), read_msgid_lines=lines,
                            facts_cache=facts_cache)
