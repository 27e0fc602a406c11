"""``python -m pipeline check [-l LANG...] [--fix]``: every check on every catalog.

Problems print one a line, compiler style, on stdout::

    locales/ja/LC_MESSAGES/aigc-intro.po:57: [code-spans] code span `GAN` missing

and the exit status is 1 when any of them is an error.  ``--fix`` first applies the safe
mechanical fixes (punctuation, spacing) and writes the catalogs it changed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import polib

from ..catalogs.extract import now_stamp
from ..checks import ERROR, check_catalog, format_problem, project_checks
from ..checks.context import CheckContext
from ..checks.fixes import fix_entry
from ..checks.inline_facts import FactsCache
from ..catalogs.po_files import read_catalog, write_catalog
from ..core.project import Project
from ..catalogs.sources import load_document


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


def run_check(project: Project, languages: Sequence[str], fix: bool = False) -> int:
    """Check (and with ``fix``, first fix) the catalog of every document in ``languages``;
    print the problems; 1 when an error-level problem exists."""
    counts = {"error": 0, "warning": 0}
    checked = 0
    for name in project.document_names():
        document = load_document(project, name)
        facts_cache: FactsCache = {}  # msgids are read once
        for language in languages:
            path = project.catalog_path(name, language)
            if not path.exists():
                continue
            catalog = read_catalog(path, project.shown(path))
            context = project_checks(project, document, name, language, facts_cache)
            if fix:
                fixed = fix_catalog(catalog, context)
                if fixed:
                    write_catalog(path, catalog, now_stamp(), "PO-Revision-Date")
                    print("\n".join(fixed))
                    # Lines move when a wrapped file is written back unwrapped.
                    catalog = read_catalog(path, project.shown(path))
                    context = project_checks(project, document, name, language, facts_cache)
            checked += 1
            for entry, problem in check_catalog(catalog, context):
                counts[problem.level] += 1
                print(format_problem(context.place(entry), problem))
    print(_summary(counts, checked), file=sys.stderr)
    return 1 if counts[ERROR] else 0


def _summary(counts: dict[str, int], checked: int) -> str:
    def plural(number: int, word: str) -> str:
        return f"{number} {word}{'' if number == 1 else 's'}"
    return (f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')} "
            f"in {plural(checked, 'catalog')}")
