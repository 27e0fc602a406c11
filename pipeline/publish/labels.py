"""The few words a page says itself (notices, navigation), in the reader's language where we
have them; other languages get English, marked ``lang="en"``.  Traditional Chinese has its
own (a reader in Taipei or Hong Kong should not get Simplified characters)."""

from __future__ import annotations

from dataclasses import dataclass

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "status": "Translation status",
        "languages": "Languages",
        "index": "All documents",
        "bilingual": "Bilingual edition",
        "document": "Document",
        "draft": "This translation is a draft: it is not complete yet.",
        "machine": "Parts of this page are machine translations that nobody has reviewed "
                   "yet. They are marked with a dotted line.",
        "machine_segment": "Machine translation, not reviewed",
        "draft_badge": "draft",
        "untranslated": "This page is not translated yet: you are reading the original.",
        "partial": "Parts of this page are not translated yet and are shown in the original.",
    },
    "zh": {
        "status": "翻译进度",
        "languages": "语言",
        "index": "全部文档",
        "bilingual": "双语版",
        "document": "文档",
        "draft": "此译本为草稿，尚未完成。",
        "machine": "本页部分内容为尚未审校的机器翻译，以虚线标出。",
        "machine_segment": "机器翻译，尚未审校",
        "draft_badge": "草稿",
        "untranslated": "本页尚未翻译，您正在阅读原文。",
        "partial": "本页部分内容尚未翻译，以原文显示。",
    },
    "ja": {
        "status": "翻訳の進み具合",
        "languages": "言語",
        "index": "文書一覧",
        "bilingual": "対訳版",
        "document": "文書",
        "draft": "この翻訳は下書きで、まだ完成していません。",
        "machine": "このページの一部は、まだ誰も校閲していない機械翻訳です。点線で示しています。",
        "machine_segment": "機械翻訳（未校閲）",
        "draft_badge": "下書き",
        "untranslated": "このページはまだ翻訳されていません。原文を表示しています。",
        "partial": "このページの一部はまだ翻訳されておらず、原文のまま表示しています。",
    },
    "zh_Hant": {
        "status": "翻譯進度",
        "languages": "語言",
        "index": "全部文件",
        "bilingual": "雙語版",
        "document": "文件",
        "draft": "此譯本為草稿，尚未完成。",
        "machine": "本頁部分內容為尚未審校的機器翻譯，以虛線標出。",
        "machine_segment": "機器翻譯，尚未審校",
        "draft_badge": "草稿",
        "untranslated": "本頁尚未翻譯，您正在閱讀原文。",
        "partial": "本頁部分內容尚未翻譯，以原文顯示。",
    },
    "ko": {
        "status": "번역 진행 상황",
        "languages": "언어",
        "index": "모든 문서",
        "bilingual": "대역판",
        "document": "문서",
        "draft": "이 번역은 초안이며 아직 완성되지 않았습니다.",
        "machine": "이 페이지의 일부는 아직 아무도 검토하지 않은 기계 번역입니다. 점선으로 표시되어 "
                   "있습니다.",
        "machine_segment": "기계 번역, 검토되지 않음",
        "draft_badge": "초안",
        "untranslated": "이 페이지는 아직 번역되지 않았습니다. 원문을 보고 계십니다.",
        "partial": "이 페이지의 일부는 아직 번역되지 않아 원문으로 표시됩니다.",
    },
    "fr": {
        "status": "État des traductions",
        "languages": "Langues",
        "index": "Tous les documents",
        "bilingual": "Édition bilingue",
        "document": "Document",
        "draft": "Cette traduction est un brouillon : elle n’est pas encore terminée.",
        "machine": "Certaines parties de cette page sont des traductions automatiques que "
                   "personne n’a encore relues. Elles sont soulignées en pointillés.",
        "machine_segment": "Traduction automatique, non relue",
        "draft_badge": "brouillon",
        "untranslated": "Cette page n’est pas encore traduite : vous lisez l’original.",
        "partial": "Certaines parties de cette page ne sont pas encore traduites et sont "
                   "affichées dans la langue originale.",
    },
    "de": {
        "status": "Stand der Übersetzungen",
        "languages": "Sprachen",
        "index": "Alle Dokumente",
        "bilingual": "Zweisprachige Ausgabe",
        "document": "Dokument",
        "draft": "Diese Übersetzung ist ein Entwurf: Sie ist noch nicht vollständig.",
        "machine": "Teile dieser Seite sind maschinelle Übersetzungen, die noch niemand "
                   "geprüft hat. Sie sind gepunktet unterstrichen.",
        "machine_segment": "Maschinelle Übersetzung, nicht geprüft",
        "draft_badge": "Entwurf",
        "untranslated": "Diese Seite ist noch nicht übersetzt: Sie lesen das Original.",
        "partial": "Teile dieser Seite sind noch nicht übersetzt und werden im Original "
                   "angezeigt.",
    },
    "es": {
        "status": "Estado de las traducciones",
        "languages": "Idiomas",
        "index": "Todos los documentos",
        "bilingual": "Edición bilingüe",
        "document": "Documento",
        "draft": "Esta traducción es un borrador: todavía no está completa.",
        "machine": "Partes de esta página son traducciones automáticas que nadie ha revisado "
                   "todavía. Están marcadas con una línea de puntos.",
        "machine_segment": "Traducción automática, sin revisar",
        "draft_badge": "borrador",
        "untranslated": "Esta página aún no está traducida: está leyendo el original.",
        "partial": "Partes de esta página aún no están traducidas y se muestran "
                   "en el original.",
    },
    "pt": {
        "status": "Estado das traduções",
        "languages": "Idiomas",
        "index": "Todos os documentos",
        "bilingual": "Edição bilíngue",
        "document": "Documento",
        "draft": "Esta tradução é um rascunho: ainda não está completa.",
        "machine": "Partes desta página são traduções automáticas que ninguém revisou ainda. "
                   "Estão marcadas com uma linha pontilhada.",
        "machine_segment": "Tradução automática, não revisada",
        "draft_badge": "rascunho",
        "untranslated": "Esta página ainda não foi traduzida: você está lendo o original.",
        "partial": "Partes desta página ainda não foram traduzidas e são mostradas "
                   "no original.",
    },
    "ru": {
        "status": "Состояние переводов",
        "languages": "Языки",
        "index": "Все документы",
        "bilingual": "Двуязычное издание",
        "document": "Документ",
        "draft": "Этот перевод — черновик: он ещё не завершён.",
        "machine": "Части этой страницы — машинный перевод, который ещё никто не проверил. "
                   "Они подчёркнуты пунктиром.",
        "machine_segment": "Машинный перевод, не проверен",
        "draft_badge": "черновик",
        "untranslated": "Эта страница ещё не переведена: вы читаете оригинал.",
        "partial": "Части этой страницы ещё не переведены и показаны в оригинале.",
    },
}
_TRADITIONAL = {"Hant", "TW", "HK", "MO"}


@dataclass(frozen=True)
class Labels:
    """The words of one language, and which language they are really in."""

    lang: str
    texts: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.texts[key]


def labels(language: str) -> Labels:
    """The labels for ``language`` (``pt_BR`` uses ``pt``; ``zh_TW``, ``zh_HK`` and
    ``zh_Hant`` use ``zh_Hant``), else English."""
    base, *rest = language.split("_")
    if base == "zh" and _TRADITIONAL.intersection(rest):
        return Labels("zh_Hant", _TEXTS["zh_Hant"])
    code = base if base in _TEXTS else "en"
    return Labels(code, _TEXTS[code])
