"""Entry point for ``python -m pipeline``."""

import gc
import sys

from .cli import main

# Parsing makes tens of thousands of short-lived objects per document, freed by reference
# counting (tokens hold no cycles): run the young-generation collector less often, and
# never scan the modules loaded so far.  Forked workers inherit both (spawned ones, where
# fork is not the start method, keep Python's defaults: slower, not wrong).
gc.freeze()
gc.set_threshold(20_000, 10, 10)
sys.exit(main())
