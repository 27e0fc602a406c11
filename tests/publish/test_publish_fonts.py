"""Code keeps its monospace face in every page language: the style sheet's Japanese,
Traditional Chinese and Korean text faces must not win over the ``code, pre`` rule (a bare
``:lang(ja)`` did, and Chromium showed code on Japanese pages in ``system-ui``).

Measured in headless Chromium (Debian's ``chromium``, no network): a probe script in a COPY
of each page writes the computed ``font-family`` of its elements into the DOM, which
``--dump-dom`` prints.  Skipped, with the reason, where ``/usr/bin/chromium`` is absent.
"""

from __future__ import annotations

import html
import json
import re
from concurrent.futures import ThreadPoolExecutor

import polib
import pytest
from test_publish_browser import CHROMIUM, chromium
from test_publish_support import rendered_pages

from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document
from pipeline.publish.bilingual_html import render_bilingual
from pipeline.publish.edition import localized_edition, source_edition
from pipeline.publish.placement import entries_by_key
from pipeline.publish.site import Site

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install chromium)")

SOURCE = "# 标题\n\n运行`pip install pipeline`即可。\n\n```bash\nmake test\n```\n"
TRANSLATIONS = {
    "en": {"标题": "Title", "运行`pip install pipeline`即可。": "Run `pip install pipeline`."},
    "ja": {"标题": "タイトル", "运行`pip install pipeline`即可。": "`pip install pipeline`を実行します。"},
    "zh_Hant": {"标题": "標題", "运行`pip install pipeline`即可。": "執行`pip install pipeline`即可。"},
    "ko": {"标题": "제목", "运行`pip install pipeline`即可。": "`pip install pipeline`을 실행합니다."},
}
MONOSPACE = "ui-monospace"  # the first face of the code, pre rule of style.css
TEXT_FACES = {"ja": "Hiragino Sans", "zh-Hant": "PingFang TC", "ko": "Apple SD Gothic Neo",
              "zh": "PingFang SC", "en": "PingFang SC"}
"""A face that only that language's text stack names: the text rules still apply."""
PROBE = """<script>
const family = e => [e.closest('[lang]').getAttribute('lang'), getComputedStyle(e).fontFamily];
const probe = document.createElement('pre');
probe.id = 'probe';
probe.textContent = JSON.stringify({
  lang: document.documentElement.lang,
  code: [...document.querySelectorAll('article code, article pre, .pairs code, .pairs pre')]
    .map(family),
  text: [...document.querySelectorAll('article p, .pairs p')].map(family)});
document.body.appendChild(probe);
</script>
"""


def _bilingual_japanese() -> str:
    # The side-by-side page of Japanese beside the Chinese original: each column in its own lang.
    document = segment_document(SOURCE, "doc.md")
    table = TRANSLATIONS["ja"]
    catalog = polib.POFile()
    for msgid, msgstr in table.items():
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    source = source_edition(document, "zh")
    ids = source.heading_ids
    target = localized_edition(document, rebuild_markdown(document, lambda s: table[s.msgid]),
                               entries_by_key(catalog), "ja", "zh", ids)
    return render_bilingual(source, target, "doc", Site("zh", ("ja",)))


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict[str, dict]:
    """Page name → what the probe found in it."""
    work = tmp_path_factory.mktemp("fonts")
    pages = {**rendered_pages(SOURCE, TRANSLATIONS), "bilingual-ja": _bilingual_japanese()}
    paths = {}
    for name, page in pages.items():
        paths[name] = work / f"{name}.html"
        paths[name].write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")

    def run(name: str) -> dict:
        dom = chromium(paths[name], work / f"profile-{name}", "--dump-dom")
        found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
        assert found, dom[-1000:]
        return json.loads(html.unescape(found.group(1)))

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(pages, pool.map(run, pages)))


@pytest.mark.parametrize("page, lang", [("zh", "zh"), ("en", "en"), ("ja", "ja"),
                                        ("zh_Hant", "zh-Hant"), ("ko", "ko"),
                                        ("bilingual-ja", "ja")])
def test_code_is_monospace_in_every_language(measured: dict[str, dict], page: str,
                                             lang: str) -> None:
    found = measured[page]
    code = [family for element_lang, family in found["code"] if element_lang == lang]
    assert len(code) >= 2, found  # the code span and the code block, in that language
    for family in code:
        assert family.startswith(MONOSPACE), (page, family)
        assert "system-ui" not in family, (page, family)
    text = [family for element_lang, family in found["text"] if element_lang == lang]
    assert text and all(TEXT_FACES[lang] in family for family in text), (page, text)
