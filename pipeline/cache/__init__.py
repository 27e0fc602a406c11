"""Derived data kept between runs under ``.cache/``: records of parsed documents and written
catalogs, facts about files, and the keys that say when they are stale."""
