"""Language codes per engine, validated before any request."""

from __future__ import annotations

import pytest

from pipeline.core.errors import ConfigError
from pipeline.core.languages import normalize_language
from pipeline.mt.language_codes import (
    baidu_code,
    deepl_code,
    google_code,
    language_name,
    libre_code,
    microsoft_code,
    mymemory_code,
)

CODES = [  # (engine function, our code as typed, engine code)
    (google_code, "zh", "zh-CN"), (google_code, "zh-CN", "zh-CN"), (google_code, "zh-TW", "zh-TW"),
    (google_code, "zh-Hant", "zh-TW"), (google_code, "he", "iw"), (google_code, "iw", "iw"),
    (google_code, "jv", "jw"), (google_code, "fil", "tl"), (google_code, "nb", "no"),
    (google_code, "pt-BR", "pt"), (google_code, "ja", "ja"),
    (libre_code, "zh", "zh"), (libre_code, "zh-CN", "zh"), (libre_code, "ja", "ja"),
    (mymemory_code, "en", "en-US"), (mymemory_code, "en-GB", "en-GB"),
    (mymemory_code, "zh", "zh-CN"), (mymemory_code, "zh-TW", "zh-TW"),
    (mymemory_code, "ja", "ja-JP"), (mymemory_code, "he", "he-IL"),
    (deepl_code, "en", "EN-US"), (deepl_code, "en-GB", "EN-GB"), (deepl_code, "pt", "PT-BR"),
    (deepl_code, "pt-PT", "PT-PT"), (deepl_code, "zh-TW", "ZH-HANT"), (deepl_code, "ja", "JA"),
    (microsoft_code, "zh", "zh-hans"), (microsoft_code, "zh-Hant", "zh-hant"),
    (baidu_code, "ja", "jp"), (baidu_code, "ko", "kor"), (baidu_code, "zh-TW", "cht"),
    (language_name, "ja", "Japanese"),
]


@pytest.mark.parametrize("code_for, typed, expected", CODES,
                         ids=[f"{f.__name__}-{typed}" for f, typed, _ in CODES])
def test_engine_codes(code_for, typed: str, expected: str) -> None:
    assert code_for(normalize_language(typed), True) == expected


def test_deepl_source_has_no_variant() -> None:
    assert deepl_code("en", False) == "EN"
    assert deepl_code("zh", False) == "ZH"


@pytest.mark.parametrize("code_for, typed", [(libre_code, "zh-TW"), (libre_code, "sw"),
                                             (google_code, "ii"), (deepl_code, "sw"),
                                             (baidu_code, "sw")])
def test_unsupported_languages_fail_up_front(code_for, typed: str) -> None:
    with pytest.raises(ConfigError, match="does not support"):
        code_for(normalize_language(typed), True)
