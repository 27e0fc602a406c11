"""Link targets that run code or carry a document of their own: what no translation may
add, link or not (markdown-it refuses to make links of them, other renderers of the built
Markdown may not)."""

from __future__ import annotations

import re

SCRIPT_TARGET = re.compile(
    r"(?<![\w.+-])(?:(?:java|vb)script:(?=\S)|data:[a-z]+/[a-z0-9.+-]+[;,])", re.I)
"""``javascript:alert(1)``, ``vbscript:…``, ``data:image/svg+xml;base64,…``: a scheme at a
word's start with its target right after the colon (``JavaScript: a language`` and
``metadata:`` are prose)."""
