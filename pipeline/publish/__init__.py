"""Publishing: localized HTML pages, bilingual editions and the index of ``build/``.

The stages follow the job: :mod:`.placement` finds where each segment landed in a localized
Markdown text, :mod:`.anchors` and :mod:`.marking` decorate the token stream (heading ids
in the page's language with the source's kept beside them, ``lang`` on fallback and
machine-draft segments), :mod:`.render` turns tokens into sanitized HTML (bare URLs
linked), :mod:`.page`, :mod:`.bilingual_html` and :mod:`.index` fill the jinja2 templates
(:mod:`.html_templates`, ``templates/``), :mod:`.bilingual_markdown` interleaves the
Markdown edition, :mod:`.status_report` shows how far a project is, and :mod:`.writer` is
the I/O edge that writes the files.
"""
