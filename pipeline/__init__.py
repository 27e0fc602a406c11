"""Chinese Markdown ⇄ gettext publishing pipeline: extract, translate, review, publish.

The package's folders follow the data flow: :data:`LAYERS` lists them lowest first, and a
module imports only from its own folder and the layers below (``tests/test_layers.py``
reads every import).  The README's "How it works" says what each folder does.
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
