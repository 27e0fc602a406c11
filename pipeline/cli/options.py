"""The options of ``translate``, apart from the command: every command builds the whole
argument parser, and the engines' machinery (markdown-it, requests) is not needed for that."""

from __future__ import annotations

import argparse

from .main import add_language_option, positive_int
from ..mt.engines import ENGINES, NO_ENGINE


def configure_translate(parser: argparse.ArgumentParser) -> None:
    """The options of ``translate``."""
    add_language_option(parser, required=True)
    parser.add_argument("--engine", choices=[*ENGINES, NO_ENGINE], default=None,
                        help="machine translation engine (default: [engine] name, else "
                             "google); 'none' only extracts and updates")
    parser.add_argument("--engine-url", metavar="URL", default=None,
                        help="service URL for libre, deepl or llm (an OpenAI-compatible "
                             "/v1 endpoint)")
    parser.add_argument("--jobs", dest="engine_jobs", type=positive_int, default=None, metavar="N",
                        help="requests in flight at once (default: per engine)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line")
