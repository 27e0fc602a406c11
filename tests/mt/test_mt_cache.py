"""The reply cache: keyed by engine, language pair and protected text; survives reopening."""

from __future__ import annotations

from pathlib import Path

from pipeline.mt.cache import ReplyCache


def test_replies_are_kept_per_engine_and_pair(tmp_path: Path) -> None:
    path = tmp_path / ".cache" / "mt.sqlite3"
    cache = ReplyCache(path, "libre", "zh", "en")
    cache.put_many([("你好[0]", "Hello [0]"), ("世界", "World")])
    cache.close()
    again = ReplyCache(path, "libre", "zh", "en")
    assert again.get("你好[0]") == "Hello [0]"
    assert again.get("没有") is None
    other_pair = ReplyCache(path, "libre", "zh", "ja")
    other_engine = ReplyCache(path, "google", "zh-CN", "en")
    assert other_pair.get("世界") is None and other_engine.get("世界") is None
    for cache in (again, other_pair, other_engine):
        cache.close()


def test_a_damaged_cache_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "mt.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = ReplyCache(path, "libre", "zh", "en")
    assert cache.get("你好") is None
    cache.put_many([("你好", "Hello")])
    assert cache.get("你好") == "Hello"
    cache.close()
