"""``python -m pipeline``: the argument parser (:mod:`.main`), the options every command
shares (:mod:`.options`), what a run prints (:mod:`.report`), and one module per command:
:mod:`.extract`, :mod:`.update`, :mod:`.build`, :mod:`.check`, :mod:`.stats`,
:mod:`.translate`."""

import gc

from .main import main

__all__ = ["console", "main"]


def console() -> int:
    """``python -m pipeline`` and the ``pipeline`` command: :func:`main`, with the
    garbage collector set for parsing."""
    # Parsing makes tens of thousands of short-lived objects per document, freed by
    # reference counting (tokens hold no cycles): run the young-generation collector less
    # often, and never scan the modules loaded so far.  Forked workers inherit both
    # (spawned ones, where fork is not the start method, keep Python's defaults: slower,
    # not wrong).
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)
    return main()
