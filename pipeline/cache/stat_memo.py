"""Small facts derived from files, remembered while the files do not change.

A build needs, for every document, its title and how complete each catalog is; computing them
means parsing a thousand PO files and front matters on every run.  The memo keeps each fact
in ``.cache/memo.json`` under the file's size and modification time (like make), so a run
with nothing changed reads only ``stat`` results.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..core.atomic_files import write_atomic
from ..core.errors import FileSystemError

T = TypeVar("T")


@dataclass
class StatMemo:
    """Facts by (kind, path), valid while the path's stat and the kind's salt hold."""

    store: Path
    facts: dict[str, list[Any]] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def open(cls, store: Path) -> StatMemo:
        """The memo kept in ``store`` (empty when missing or damaged)."""
        try:
            facts = json.loads(store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            facts = {}
        return cls(store, facts if isinstance(facts, dict) else {})

    def get(self, kind: str, path: str | Path, compute: Callable[[], T], salt: object = None,
            info: os.stat_result | None = None,
            valid: Callable[[Any], bool] = lambda value: True) -> T:
        """``compute()`` for ``path``, or the value remembered for its current stat
        (``info`` when the caller has it) if ``valid`` says it is one ``compute`` makes: a
        hand-made memo is worked out again, not believed."""
        info = info or os.stat(path)
        stamp = [info.st_mtime_ns, info.st_size, repr(salt)]
        key = f"{kind}:{path}"
        remembered = self.facts.get(key)
        if isinstance(remembered, list) and len(remembered) == 4 and remembered[:3] == stamp \
                and valid(remembered[3]):
            return remembered[3]  # type: ignore[no-any-return]
        value = compute()
        self.facts[key] = [*stamp, value]
        self.changed = True
        return value

    def put(self, kind: str, path: str | Path, value: Any, salt: object = None) -> None:
        """Remember ``value`` for ``path`` as it is now (what :meth:`get` would compute)."""
        info = os.stat(path)
        self.facts[f"{kind}:{path}"] = [info.st_mtime_ns, info.st_size, repr(salt), value]
        self.changed = True

    def holds(self, kind: str, path: str | Path, salt: object) -> bool:
        """Whether ``path`` has the stat it had when :meth:`put` recorded it (with the
        value None, a mark) with ``salt``."""
        try:
            info = os.stat(path)
        except OSError:
            return False
        return self.facts.get(f"{kind}:{path}") == \
            [info.st_mtime_ns, info.st_size, repr(salt), None]

    def save(self) -> None:
        """Write the memo back if anything was computed (a failure costs only time),
        without the facts of files that are gone (deleted documents)."""
        if self.changed:
            kept = {key: value for key, value in self.facts.items()
                    if os.path.exists(key.partition(":")[2])}
            try:
                write_atomic(self.store, json.dumps(kept, ensure_ascii=False).encode(),
                             durable=False)
            except FileSystemError:
                pass
            self.changed = False
