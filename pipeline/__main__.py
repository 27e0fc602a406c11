"""Entry point for ``python -m pipeline``."""

import sys

from .cli import main

sys.exit(main())
