"""Review and QA: checks a translator can trust.

- :mod:`.inline_facts` reads what a text must keep (code spans, link targets, markup, its
  prose) from markdown-it's tokens;
- :mod:`.checkers` is the table of checks, each a tiny ``(entry, context) -> problems``;
- :mod:`.review` runs them over entries and catalogs, minus those an entry's
  ``ignore-<check>`` flags turn off (:mod:`.flags`);
- :mod:`.fixes` applies the safe mechanical fixes of ``check --fix``.
"""

from .checkers import CHECK_NAMES, CHECKS, understood_flags
from .context import CheckContext, document_context
from .problem import ERROR, WARNING, Problem, format_problem
from .review import check_catalog, check_entry, has_error, project_checks

__all__ = ["CHECKS", "CHECK_NAMES", "CheckContext", "ERROR", "Problem", "WARNING",
           "check_catalog", "check_entry", "document_context", "format_problem", "has_error",
           "project_checks", "understood_flags"]
