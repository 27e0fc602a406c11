"""Chinese Markdown ⇄ gettext publishing pipeline: extract, translate, review, publish."""

__version__ = "0.1.0"
