"""The jinja2 environment over ``pipeline/publish/templates/`` (autoescape on everywhere)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Templates from the package, HTML-escaped unless a value is ``Markup``."""
    return Environment(loader=PackageLoader("pipeline.publish", "templates"), autoescape=True,
                       undefined=StrictUndefined, keep_trailing_newline=True,
                       trim_blocks=True, lstrip_blocks=True)


def render_template(name: str, **context: Any) -> str:
    """Fill the template ``name`` (``page.html``, ``bilingual.html``, ``index.html``)."""
    return environment().get_template(name).render(**context)
