"""The one place that leans on how polib's parser reads its input (polib 1.x, pinned in
pyproject.toml): a str whose ``splitlines`` cuts at "\n" only.  The tests of
:mod:`pipeline.catalogs.po_files` read strings holding every other line break through it
and check them with msgfmt; a polib that reads its input otherwise fails them."""

from __future__ import annotations


class PoLines(str):
    """PO text for polib, which cuts a text into lines with ``str.splitlines``: that also
    cuts at U+2028, NEL, form feeds and other characters a msgid may hold (a PO line ends
    at "\n" only, for msgfmt as for our writer), and polib then reads a wrong msgid."""

    def splitlines(self, keepends: bool = False) -> list[str]:
        lines = [line + "\n" for line in self.split("\n")] if keepends else self.split("\n")
        last = lines.pop()  # what follows the last "\n": a line only if not empty
        return lines + [last.removesuffix("\n")] if last.removesuffix("\n") else lines
