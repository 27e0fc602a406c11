"""Assertions about PO files written by a machine-translation run."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import polib
import pytest

from pipeline.core.entry_state import EntryState, entry_state
from pipeline.markdown.parser import parse_inline, walk_inline


def assert_valid_po(path: Path) -> None:
    """``msgfmt -c`` accepts the file, fuzzy entries included (skipped without msgfmt)."""
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (gettext) is not installed")
    for extra in ([], ["--use-fuzzy"]):
        result = subprocess.run(["msgfmt", "-c", *extra, "-o", "/dev/null", str(path)],
                                capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr


def entries(path: Path) -> dict[str, polib.POEntry]:
    """Live entries by msgid."""
    return {entry.msgid: entry for entry in polib.pofile(str(path), wrapwidth=0)
            if not entry.obsolete}


def machine_drafts(path: Path) -> dict[str, str]:
    """msgid → msgstr of every machine draft."""
    return {msgid: entry.msgstr for msgid, entry in entries(path).items()
            if entry_state(entry) is EntryState.MACHINE_DRAFT}


def failures(path: Path) -> dict[str, str]:
    """msgid → the 'machine translation failed' comment of every failed entry."""
    return {msgid: line for msgid, entry in entries(path).items()
            for line in (entry.tcomment or "").split("\n")
            if line.startswith("machine translation failed:")}


def code_spans(markdown: str) -> Counter[str]:
    """The inline code spans of a segment."""
    return Counter(token.content for token in walk_inline(parse_inline(markdown, {}))
                   if token.type == "code_inline")
