"""Several segments per request, and detecting replies that lost a separator."""

from __future__ import annotations

from pipeline.mt.batching import join_texts, joinable, make_batches, split_reply

TEXTS = ["你好[0]", "世界", "第三段[0]和[1]"]


def test_join_and_split_round_trip() -> None:
    joined = join_texts(TEXTS)
    assert split_reply(joined, len(TEXTS)) == TEXTS


def test_split_tolerates_mangled_separators() -> None:
    reply = "Hello [0] ［9001］ World\n[ 9002 ]\nThird [0] and [1]"
    assert split_reply(reply, 3) == ["Hello [0]", "World", "Third [0] and [1]"]


def test_split_detects_lost_or_moved_separators() -> None:
    assert split_reply("Hello [0] World [9002] Third", 3) is None
    assert split_reply("Hello [9002] World [9001] Third", 3) is None
    assert split_reply("Hello [9001] World [9001] [9002] Third", 3) is None


def test_batches_respect_both_limits() -> None:
    texts = [f"段落{i}" for i in range(10)]
    assert [len(b) for b in make_batches(texts, max_chars=10_000, max_items=4)] == [4, 4, 2]
    assert all(len(b) == 1 for b in make_batches(texts, max_chars=5, max_items=4))
    assert sum(make_batches(texts, 40, 100), []) == texts


def test_texts_with_huge_token_numbers_go_alone() -> None:
    assert not joinable("你好[9005]")
    assert make_batches(["a", "b[9005]", "c"], 1000, 10) == [["a"], ["b[9005]"], ["c"]]
