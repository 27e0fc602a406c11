"""Entry point for ``python -m pipeline`` (the ``pipeline`` command is :func:`console`)."""

import sys

from .cli import console

sys.exit(console())
