"""The bundled sample through a stand-in engine: code spans, human work, msgfmt."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from pipeline.cli import main
from standins import LibreTranslateHandler, StandIn
from standins.po_checks import assert_valid_po, code_spans, entries, failures, machine_drafts

HUMAN = {
    "上图简单的展示了生成式AI和`AIGC`相关搜索指数的比较。":
        "The figure above compares search indexes of generative AI and `AIGC`.",
    "下面我们将按照这个版图为大家进行全面的介绍。": "We now go through this map in full.",
}
GLOSSARY = "source,target,language,note\nAIGC,,,\nGAN,,,\nChatGPT,,,\n生成式人工智能,generative AI,en,\n"


@pytest.fixture(autouse=True)
def local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    for name in ("HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_sample_with_a_stand_in_engine(sample_project: Path) -> None:
    root, language = sample_project, "en"
    (root / "locales").mkdir(exist_ok=True)
    (root / "locales" / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    (root / "pipeline.toml").write_text(
        '[pipeline]\nsource_language = "zh"\nlanguages = ["en", "ja"]\n\n[engine]\n'
        'timeout = 2\nflush_interval = 0\n', encoding="utf-8")
    assert main(["--root", str(root), "update", "-l", language]) == 0
    path = root / "locales" / language / "LC_MESSAGES" / "aigc-intro.po"
    catalog = polib.pofile(str(path), wrapwidth=0)
    for msgid, msgstr in HUMAN.items():
        catalog.find(msgid).msgstr = msgstr
    catalog.save()

    with StandIn(LibreTranslateHandler) as server:
        command = ["--root", str(root), "translate", "-l", language, "--engine", "libre",
                   "--engine-url", server.url, "-q"]
        assert main(command) == 0
        requests = server.behaviour.requests
        assert main(command) == 0
        assert server.behaviour.requests == requests  # nothing new: not one request

    assert_valid_po(path)
    live = entries(path)
    for msgid, msgstr in HUMAN.items():
        assert (live[msgid].msgstr, live[msgid].fuzzy) == (msgstr, False)
    drafts = machine_drafts(path)
    assert len(drafts) == len(live) - len(HUMAN) and not failures(path)
    for msgid, msgstr in drafts.items():
        assert code_spans(msgstr) == code_spans(msgid), msgid
    assert all("。" not in msgstr and "，" not in msgstr for msgstr in drafts.values())
    assert any("generative AI" in msgstr for msgstr in drafts.values())
    built = (root / "build" / language / "aigc-intro.md").read_text(encoding="utf-8")
    assert HUMAN["下面我们将按照这个版图为大家进行全面的介绍。"] in built
