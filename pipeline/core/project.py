"""A project on disk: where sources, catalogs and outputs live (the I/O edge's map)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .config import Config, load_config
from .document import Document
from ..cache.document_records import cached_document
from .errors import ConfigError, SourceError
from ..catalogs.glossary import GLOSSARY_NAME, Glossary, load_glossary
from ..cache.record_store import DATABASE_NAME, Store
from .text_files import decode_source, read_bytes


@dataclass(frozen=True)
class Project:
    """A root folder with ``source/``, ``locales/``, ``build/`` and ``pipeline.toml``."""

    root: Path
    config: Config

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
        if not self.source_dir.is_dir():
            raise ConfigError("source folder not found", self.shown(self.source_dir))
        return tuple(sorted(files_under(self.source_dir, ".md")))

    # The layout, once.  The ``*_file`` forms are strings for the places that name a
    # thousand files per run (fingerprints, the memo): no Path object each.
    def source_file(self, name: str) -> str:
        return f"{self.source_dir}/{name}.md"

    def template_file(self, name: str) -> str:
        return f"{self.locales_dir}/{name}.pot"

    def catalog_file(self, name: str, language: str) -> str:
        return f"{self.locales_dir}/{language}/LC_MESSAGES/{name}.po"

    def output_file(self, language: str, name: str) -> str:
        return f"{self.build_dir}/{language}/{name}.md"

    def source_path(self, name: str) -> Path:
        return Path(self.source_file(name))

    def template_path(self, name: str) -> Path:
        return Path(self.template_file(name))

    def catalog_path(self, name: str, language: str) -> Path:
        return Path(self.catalog_file(name, language))

    def output_path(self, language: str, name: str) -> Path:
        return Path(self.output_file(language, name))

    @property
    def record_database(self) -> Path:
        """The cache's records (pipeline.record_store)."""
        return self.cache_dir / DATABASE_NAME

    def catalog_store(self, name: str, language: str) -> Store:
        """Where the build finds a PO as its last writer left it (pipeline.catalog_cache)."""
        return Store(self.record_database, f"catalogs/{language}/{name}")

    def document_store(self, name: str) -> Store:
        """Where a document's segments are kept (pipeline.document_cache)."""
        return Store(self.record_database, f"documents/{name}")

    def shown(self, path: Path) -> str:
        """A path as printed in messages and ``#:`` references: relative to the root."""
        return shown_path(path, self.root)

    @cached_property
    def glossary(self) -> Glossary:
        """``locales/glossary.csv``, read once per run."""
        return load_glossary(self.locales_dir, self.shown(self.locales_dir / GLOSSARY_NAME))

    def load_document(self, name: str) -> Document:
        """Read and segment one source document (parsed once, then read from the cache)."""
        return self.keyed_document(name)[0]

    def keyed_document(self, name: str, keep: bool = True) -> tuple[Document, str, Any]:
        """:meth:`load_document`, the key of the source bytes, settings and code it was
        parsed from (the key of what is made from the document: its template) and what its
        record keeps for the template (:func:`pipeline.document_cache.cached_document`);
        without ``keep``, a document parsed now is not kept (the caller keeps it)."""
        path = self.source_path(name)
        shown = self.shown(path)
        data = read_bytes(path, shown, SourceError)
        store = self.document_store(name)
        salt = repr((segmenting(self.config), shown))
        return cached_document(data, store, salt,
                               lambda: parse_document(data, shown, self.config), keep)


def document_of_record(key: str) -> str:
    """The document a record is of, from its key (:meth:`Project.document_store`,
    :meth:`Project.catalog_store`)."""
    kind, _, rest = key.partition("/")
    return rest.partition("/")[2] if kind == "catalogs" else rest


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


def segmenting(config: Config) -> dict[str, Any]:
    """The settings that shape a document's segments (and so key its cached parse)."""
    return {"front_matter_keys": config.front_matter_keys, "html_blocks": config.html_blocks}


def parse_document(data: bytes, shown: str, config: Config) -> Document:
    """Decode and segment the bytes of a source file."""
    from ..markdown.segmenter import segment_document

    text, newline, bom = decode_source(data, shown)
    document = segment_document(text, shown, **segmenting(config))
    document.newline, document.bom = newline, bom
    return document


def open_project(root: Path) -> Project:
    """The project at ``root`` with its configuration."""
    return Project(root=root, config=load_config(root))
