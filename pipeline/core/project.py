"""A project on disk: where sources, catalogs and outputs live (the I/O edge's map).

Every path the pipeline reads or writes comes from here, and none leads out of the root: a
configured folder, a symbolic link in ``source/``, ``locales/``, ``build/`` or ``.cache/``
that resolves outside it is refused (:class:`OutsideProject`) before any byte moves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .config import CONFIG_NAME, Config, load_config
from .errors import ConfigError, OutsideProject


@dataclass(frozen=True)
class Project:
    """A root folder with ``source/``, ``locales/``, ``build/`` and ``pipeline.toml``."""

    root: Path
    config: Config
    once: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)
    """What a run reads from the project's files once and keeps, by name (the glossary:
    :func:`pipeline.catalogs.glossary.project_glossary`), filled by the layer that reads
    it."""

    @cached_property  # asked for thousands of times in a run: made once
    def source_dir(self) -> Path:
        return self.root / self.config.source_dir

    @cached_property
    def locales_dir(self) -> Path:
        return self.root / self.config.locales_dir

    @cached_property
    def build_dir(self) -> Path:
        return self.root / self.config.build_dir

    @cached_property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    def document_names(self) -> list[str]:
        """Every source document as ``<doc>``: its path under ``source/`` without ``.md``
        (listed once per project object: one command run)."""
        return list(self._document_names)

    @cached_property
    def _document_names(self) -> tuple[str, ...]:
        self.require_sources()
        return tuple(sorted(files_under(self.source_dir, ".md")))

    def require_sources(self) -> None:
        """Raise ConfigError unless the source folder is there: a folder without one is no
        project, and nothing should be made in it."""
        if not self.source_dir.is_dir():
            raise ConfigError("source folder not found", self.shown(self.source_dir))

    # The layout, once.  The ``*_file`` forms are strings for the places that name a
    # thousand files per run (fingerprints, the memo): no Path object each, and only their
    # size and time are read through them; the ``*_path`` forms are what is read and
    # written, and are confined to the project.
    def source_file(self, name: str) -> str:
        return f"{self.source_dir}/{name}.md"

    def template_file(self, name: str) -> str:
        return f"{self.locales_dir}/{name}.pot"

    def catalog_file(self, name: str, language: str) -> str:
        return f"{self.locales_dir}/{language}/LC_MESSAGES/{name}.po"

    def output_file(self, language: str, name: str) -> str:
        return f"{self.build_dir}/{language}/{name}.md"

    def source_path(self, name: str) -> Path:
        return self.confined(self.source_file(name))

    def template_path(self, name: str) -> Path:
        return self.confined(self.template_file(name))

    def catalog_path(self, name: str, language: str) -> Path:
        return self.confined(self.catalog_file(name, language))

    def output_path(self, language: str, name: str) -> Path:
        return self.confined(self.output_file(language, name))

    def build_path(self, relative: str) -> Path:
        """A file under ``build/`` (pages, the index, the status page)."""
        return self.confined(f"{self.build_dir}/{relative}")

    def cache_path(self, name: str) -> Path:
        """A file under ``.cache/`` (records, memo, fingerprints, the lock)."""
        return self.confined(f"{self.cache_dir}/{name}")

    def confined(self, path: str | Path) -> Path:
        """``path``, when reading or writing it stays inside the project: its folder's real
        place is inside, and, if it is a symbolic link, so is what it leads to.  Else
        OutsideProject: a cloned project's ``build/en -> ../victim`` would be written
        through, its ``source/notes.md -> ~/.ssh/id_rsa`` read and sent to an engine."""
        text = os.fspath(path)
        folder = os.path.dirname(text)
        real = self._real_folders.get(folder)
        if real is None:
            real = self._real_folders[folder] = os.path.realpath(folder)
        if not _within(real, self._real_root) or (
                os.path.islink(text) and not _within(os.path.realpath(text), self._real_root)):
            raise OutsideProject("leads outside the project (a symbolic link): refused",
                                 self.shown(Path(text)))
        return Path(text)

    @cached_property
    def _real_root(self) -> str:
        return os.path.realpath(self.root)

    @cached_property
    def _real_folders(self) -> dict[str, str]:
        """Real places of the folders asked about, each resolved once per run."""
        return {}

    def catalogs_of_documents(self, languages: Sequence[str], templates: bool = False
                              ) -> Iterator[tuple[str, list[tuple[str, Path]]]]:
        """Each document in order, with ``(language, path)`` for each of ``languages`` whose
        catalog it has; with ``templates``, the document's POT stands in for a catalog not
        made yet (it counts as all untranslated)."""
        for name in self.document_names():
            catalogs = []
            for language in languages:
                path = self.catalog_path(name, language)
                if templates and not path.exists():
                    path = self.template_path(name)
                if path.exists():
                    catalogs.append((language, path))
            yield name, catalogs

    def shown(self, path: Path) -> str:
        """A path as printed in messages and ``#:`` references: relative to the root."""
        return shown_path(path, self.root)


def shown_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` in posix form when inside it, else as it is."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def files_under(folder: Path, suffix: str) -> list[str]:
    """The files ending in ``suffix`` anywhere under ``folder``, as posix paths relative to
    it without the suffix (unsorted)."""
    return files_by_suffix(folder, (suffix,))[suffix]


def files_by_suffix(folder: Path, suffixes: Sequence[str]) -> dict[str, list[str]]:
    """:func:`files_under` for several suffixes in one walk.  Strings and os.scandir, whose
    entries know their type: a Path or a stat per file costs a re-run more than its work.
    Like Path.rglob, it does not enter links to folders; links to files count."""
    found: dict[str, list[str]] = {suffix: [] for suffix in suffixes}

    def visit(path: str, prefix: str) -> None:
        try:
            with os.scandir(path) as listing:
                entries = list(listing)
        except OSError:
            return  # gone, or not a folder: nothing under it, as os.walk has it
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                visit(entry.path, prefix + entry.name + "/")
                continue
            for suffix in suffixes:
                if entry.name.endswith(suffix) and entry.is_file():
                    found[suffix].append(prefix + entry.name[:-len(suffix)])

    visit(str(folder), "")
    return found


def find_root(start: Path) -> Path:
    """The project ``start`` is in: the nearest folder from ``start`` upward that holds
    ``pipeline.toml`` (as git finds ``.git``), else ``start`` itself."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return start


def _within(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


_FOLDERS = ("source_dir", "locales_dir", "build_dir")


def open_project(root: Path) -> Project:
    """The project at ``root`` with its configuration; a configured folder (or ``.cache``)
    that lies outside the root is a ConfigError at its key."""
    project = Project(root=root, config=load_config(root))
    for key in _FOLDERS:
        folder = getattr(project, key)
        if not _within(os.path.realpath(folder), project._real_root):
            raise ConfigError(f"[pipeline] {key} '{getattr(project.config, key)}' leads "
                              "outside the project: refused", "pipeline.toml",
                              key=f"pipeline.{key}")
    if not _within(os.path.realpath(project.cache_dir), project._real_root):
        raise OutsideProject("leads outside the project (a symbolic link): refused", ".cache")
    return project
