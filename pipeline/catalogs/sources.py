"""A project's source documents, segmented once: the input of extraction and of every
later stage.  The first stage that needs a document parses it; later stages and re-runs
read it back from its record (:mod:`pipeline.cache.document_records`)."""

from __future__ import annotations

from typing import Any

from ..cache.document_records import cached_document, document_store
from ..core.config import CONFIG_NAME, Config, settings_table
from ..core.document import Document
from ..core.errors import ConfigError, SourceError
from ..core.project import Project
from ..core.text_files import decode_source, read_bytes


def load_document(project: Project, name: str) -> Document:
    """Read and segment one source document (parsed once, then read from the cache)."""
    return keyed_document(project, name)[0]


MAX_FILE_MB = 10.0
"""``[markdown] max_file_mb``'s default: a hundred long articles' worth.  Parsing takes about
45 MB of memory per MB of Markdown and a build about 70 (markdown-it's tokens), so a file
far larger is refused before any work instead of exhausting the machine."""
_MARKDOWN_KEYS = {"max_file_mb"}


def max_file_bytes(config: Config) -> int:
    """The largest source file parsed: ``[markdown] max_file_mb`` (default
    :data:`MAX_FILE_MB`)."""
    value = settings_table(config, "markdown", _MARKDOWN_KEYS).get("max_file_mb", MAX_FILE_MB)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(f"[markdown] max_file_mb must be a number above 0, not {value!r}",
                          CONFIG_NAME, key="markdown.max_file_mb")
    return int(value * 2**20)


def keyed_document(project: Project, name: str, keep: bool = True) -> tuple[Document, str, Any]:
    """:func:`load_document`, the key of the source bytes, settings and code it was parsed
    from (the key of what is made from the document: its template) and what its record
    keeps for the template (:func:`pipeline.cache.document_records.cached_document`);
    without ``keep``, a document parsed now is not kept (the caller keeps it)."""
    path = project.source_path(name)
    shown = project.shown(path)
    limit = max_file_bytes(project.config)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # reading it says what is wrong
    if size > limit:
        raise SourceError(f"{size / 2**20:.1f} MB is more than [markdown] max_file_mb = "
                          f"{limit / 2**20:g} allows (raise it in pipeline.toml to take the "
                          "file)", shown)
    data = read_bytes(path, shown, SourceError)
    salt = repr((segmenting(project.config), shown))
    return cached_document(data, document_store(project, name), salt,
                           lambda: parse_document(data, shown, project.config), keep)


def segmenting(config: Config) -> dict[str, Any]:
    """The settings that shape a document's segments (and so key its cached parse)."""
    return {"front_matter_keys": config.front_matter_keys, "html_blocks": config.html_blocks}


def parse_document(data: bytes, shown: str, config: Config) -> Document:
    """Decode and segment the bytes of a source file."""
    from ..markdown.segmenter import segment_document  # markdown-it: only when parsing

    text, newline, bom = decode_source(data, shown)
    document = segment_document(text, shown, **segmenting(config))
    document.newline, document.bom = newline, bom
    return document
