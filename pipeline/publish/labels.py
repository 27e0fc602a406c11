"""The few words a page says itself (notices, navigation), in the reader's language where we
have them; other languages get English, marked ``lang="en"``."""

from __future__ import annotations

from dataclasses import dataclass

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "languages": "Languages",
        "index": "All documents",
        "bilingual": "Bilingual edition",
        "document": "Document",
        "draft": "This translation is a draft: it is not complete yet.",
        "machine": "Parts of this page are machine translations that nobody has reviewed "
                   "yet. They are marked with a dotted line.",
        "machine_segment": "Machine translation, not reviewed",
        "draft_badge": "draft",
    },
    "zh": {
        "languages": "语言",
        "index": "全部文档",
        "bilingual": "双语版",
        "document": "文档",
        "draft": "此译本为草稿，尚未完成。",
        "machine": "本页部分内容为尚未审校的机器翻译，以虚线标出。",
        "machine_segment": "机器翻译，尚未审校",
        "draft_badge": "草稿",
    },
    "ja": {
        "languages": "言語",
        "index": "文書一覧",
        "bilingual": "対訳版",
        "document": "文書",
        "draft": "この翻訳は下書きで、まだ完成していません。",
        "machine": "このページの一部は、まだ誰も校閲していない機械翻訳です。点線で示しています。",
        "machine_segment": "機械翻訳（未校閲）",
        "draft_badge": "下書き",
    },
}


@dataclass(frozen=True)
class Labels:
    """The words of one language, and which language they are really in."""

    lang: str
    texts: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.texts[key]


def labels(language: str) -> Labels:
    """The labels for ``language`` (``zh_Hant`` uses ``zh``), else English."""
    base = language.split("_")[0]
    code = base if base in _TEXTS else "en"
    return Labels(code, _TEXTS[code])
