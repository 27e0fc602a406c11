"""``python -m pipeline``: the argument parser (:mod:`.main`), the options every command
shares (:mod:`.options`), what a run prints (:mod:`.report`), and one module per command:
:mod:`.extract`, :mod:`.update`, :mod:`.build`, :mod:`.check`, :mod:`.stats`,
:mod:`.translate`."""

from .main import main

__all__ = ["main"]
