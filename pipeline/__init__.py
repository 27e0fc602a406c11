"""Chinese Markdown ⇄ gettext publishing pipeline: extract, translate, review, publish.

The folders follow the data flow, and a module imports only from its own folder and from
the layers below it (``tests/test_layers.py`` holds every import to :data:`LAYERS`)::

    core/       the intermediate representation (Document, Segment), errors, languages,
                script tables, text files and atomic writes, settings, the project's layout
    markdown/   markdown-it-py configured once; source -> skeleton + segments; front
                matter; translations put back into the skeleton
    cache/      derived data under .cache/: parsed documents, catalogs as written, file
                facts, and the keys that tell when they are stale
    catalogs/   templates extracted from documents, PO files read and written, merge
                (msgmerge), glossary, progress counts
    checks/     what a translation must keep, a table of checks, safe fixes
    mt/         machine translation: protect spans, engines, scheduling, drafts into POs
    publish/    pages, bilingual editions, the index and status page (jinja2, nh3)
    stages/     what a command runs over a project: per-document jobs and their runner,
                extract and update, the build and its plan, publication, review, status
    cli/        python -m pipeline: the parser and one module per command
"""

__version__ = "0.1.0"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("markdown", "cache"),
    ("catalogs",),
    ("checks", "mt", "publish"),
    ("stages",),
    ("cli",),
)
"""The folders of the package, lowest first.  A module may import its own folder's modules
and those of any lower layer; folders of one layer do not import each other."""
