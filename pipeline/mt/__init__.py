"""Machine translation of empty catalog entries, without breaking the Markdown.

The stages, a module each:

- :mod:`.worklist`: the empty entries of a language's POs, deduplicated across documents.
- :mod:`.inline_spans`, :mod:`.protect`: inline code, URLs, link targets, HTML, labels,
  ``[n]`` citations and glossary terms become letter-free tokens ``[0]``, ``[1]`` before a
  segment goes to an engine, and come back from our own table afterwards.
- :mod:`.cache`: replies already paid for (SQLite under ``.cache/``).
- :mod:`.scheduler` with :mod:`.batching`: many segments per request, many requests in
  flight, retries with backoff, 429 handling, fallbacks for bad batches.
- :mod:`.engines`: the table of adapters (:mod:`.deep_translator_clients`,
  :mod:`.deepl_engine`, :mod:`.llm_engine`, :mod:`.pseudo_engine`, all speaking
  :mod:`.engine_api`) with their language codes (:mod:`.language_codes`), every request
  through :mod:`.http_session` (timeouts, our errors from :mod:`.engine_errors`),
  configured by :mod:`.settings`.
- :mod:`.reply_checks`, :mod:`.punctuation`: a reply is accepted only if it is not empty,
  unchanged, truncated or shouting, adds no HTML and carries exactly our tokens; full-width
  punctuation is normalized for targets that do not use it.
- :mod:`.drafts`: fuzzy machine drafts (or the reason for a failure) saved into the POs as
  results arrive.
- :mod:`.translate_language` runs one language, :mod:`.progress` its progress line; the
  command, ``python -m pipeline translate -l LANG``, is :mod:`pipeline.cli.translate`.
"""
