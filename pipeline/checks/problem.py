"""What a check finds: a problem with one translation, and how it is printed."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
"""The translation would break the page or lose something: a build does not publish it."""
WARNING = "warning"
"""Worth a look; the translation is published."""


@dataclass(frozen=True)
class Finding:
    """What one check function says of one entry; the check's name is the table's
    (:data:`pipeline.checks.checkers.CHECKS`)."""

    level: str
    """``error`` or ``warning``, before the project's ``[check]`` levels."""
    message: str
    """What is wrong, in words a translator acts on."""


@dataclass(frozen=True)
class Problem:
    """One problem a check found in one PO entry."""

    check: str
    """The check's name as printed between brackets: ``code-spans``, ``numbers`` ..."""
    level: str
    """``error`` or ``warning``."""
    message: str
    """What is wrong, in words a translator acts on."""


def format_problem(place: str, problem: Problem) -> str:
    """``locales/ja/LC_MESSAGES/doc.po:12: [code-spans] message``; a warning says so."""
    level = "warning: " if problem.level == WARNING else ""
    return f"{place}: [{problem.check}] {level}{problem.message}"
