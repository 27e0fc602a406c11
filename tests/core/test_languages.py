"""Language codes in gettext form: babel decides, and the spellings its data files carry are
recognised without importing it."""

from __future__ import annotations

import os

import babel
import pytest
from babel import Locale

from pipeline.core.errors import ConfigError
from pipeline.core.languages import normalize_language

DATA = sorted(name[:-4] for name in os.listdir(os.path.join(os.path.dirname(babel.__file__),
                                                            "locale-data"))
              if name.endswith(".dat"))


def test_every_name_of_babels_data_is_what_babel_makes_of_it() -> None:
    assert len(DATA) > 500
    assert [normalize_language(code) for code in DATA] == [str(Locale.parse(code))
                                                           for code in DATA]


@pytest.mark.parametrize(("typed", "expected"), [
    ("ja", "ja"), ("pt-BR", "pt_BR"), ("zh-hant", "zh_Hant"), ("zh_TW", "zh_Hant_TW"),
    ("zh-CN", "zh_Hans_CN"), (" en ", "en"), ("EN", "en")])
def test_spellings_are_put_in_gettext_form(typed: str, expected: str) -> None:
    assert normalize_language(typed) == expected


@pytest.mark.parametrize("typed", ["xx", "", "../en", "en/../ja", "locale-data"])
def test_unknown_codes_are_refused(typed: str) -> None:
    with pytest.raises(ConfigError, match="unknown language code"):
        normalize_language(typed)
