"""The checks of a catalog's header: each ``(catalog, context) -> Iterable[Finding]``, named
in :data:`pipeline.checks.checkers.HEADER_CHECKS`."""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterable, Iterator

import polib

from .context import CheckContext
from .problem import ERROR, Finding

HeaderCheck = Callable[[polib.POFile, CheckContext], Iterable[Finding]]

_PLURAL_FORMS = re.compile(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*")


def plural_forms_valid(catalog: polib.POFile, context: CheckContext) -> Iterator[Finding]:
    """The header's ``Plural-Forms`` is what msgfmt -c accepts: ``nplurals=N;
    plural=EXPRESSION;``, an expression of n (read by Python's gettext) giving forms from 0
    to N - 1."""
    value = catalog.metadata.get("Plural-Forms")
    if value is None:
        return
    match = _PLURAL_FORMS.fullmatch(value)
    if match is None:
        yield Finding(ERROR, f"Plural-Forms is not 'nplurals=N; plural=EXPRESSION;': {value!r}")
        return
    count = int(match.group(1))
    try:
        rule = gettext.c2py(match.group(2))
        forms = {rule(n) for n in range(1001)}
    except (ValueError, ZeroDivisionError, RecursionError) as error:
        yield Finding(ERROR, f"Plural-Forms: {error}: {match.group(2)!r}")
        return
    if count < 1 or not all(0 <= form < count for form in forms):
        yield Finding(ERROR, f"Plural-Forms: the expression gives forms beyond "
                      f"nplurals={count}: {match.group(2)!r}")
