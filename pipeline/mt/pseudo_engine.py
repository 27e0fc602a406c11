"""``pseudo``: an offline engine for checking layout and the pipeline.

Letters become accented look-alikes, the text grows by about a third and is bracketed with
``⟦ ⟧``, so untranslated or truncated text stands out; tokens pass through untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

from .engine_api import Translate
from .protect import TOKEN
from .settings import EngineSettings

_ACCENTED = str.maketrans("AEIOUYaeiouyCcNnSsZz", "ÅÉÎÕÜÝåéîõüýÇçÑñŠšŽž")


def _pseudo_part(text: str) -> str:
    return text.translate(_ACCENTED)


def pseudo_translate(text: str) -> str:
    """The pseudo-localized form of a protected text (tokens kept in place)."""
    parts, position = [], 0
    for match in TOKEN.finditer(text):
        parts += [_pseudo_part(text[position:match.start()]), match.group()]
        position = match.end()
    parts.append(_pseudo_part(text[position:]))
    body = "".join(parts)
    padding = "·" * max(1, len(TOKEN.sub("", text).strip()) // 3)
    return f"⟦{body}{padding}⟧"


def connect(settings: EngineSettings, source: str, target: str) -> Translate:
    """``translate(texts)`` without any request."""

    def translate(texts: Sequence[str], context: str = "") -> list[str]:
        return [pseudo_translate(text) for text in texts]

    return translate
