"""``python -m pipeline``: the argument parser and one module per command."""
