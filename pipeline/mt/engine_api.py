"""What an engine adapter is: ``connect(settings, source, target)`` gives ``translate``,
which takes texts and a context (the document's title) and returns one reply per text.
The adapters and the engine table (:mod:`.engines`) both speak it; the table names the
adapters by module, so that neither imports the other."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .settings import EngineSettings

Translate = Callable[[Sequence[str], str], list[str]]
"""``(texts, context) -> replies``: one reply per text, in order."""
Connect = Callable[[EngineSettings, str, str], Translate]
"""``(settings, source code, target code) -> translate``, codes as the engine spells them."""
