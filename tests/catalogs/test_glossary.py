"""Reading ``locales/glossary.csv``: what it means, and every way it can be wrong, each an
error at its line."""

from __future__ import annotations

import pytest

from pipeline.catalogs.glossary import GlossaryEntry, parse_glossary, project_glossary
from pipeline.core.errors import ConfigError
from pipeline.core.project import open_project

HEADER = "source,target,language,note\n"


def test_rows_become_entries_in_order() -> None:
    glossary = parse_glossary(HEADER + 'AIGC,,,"kept, with a comma"\n'
                              "人工智能, artificial intelligence ,en,\n"
                              "人工智能,jinkō chinō,ja-JP,\n,,,\n", "g.csv")
    assert glossary.entries == (
        GlossaryEntry("AIGC", note="kept, with a comma"),
        GlossaryEntry("人工智能", "artificial intelligence", "en"),
        GlossaryEntry("人工智能", "jinkō chinō", "ja_JP"),
    )
    assert glossary.keep_terms() == ["AIGC"]
    assert glossary.forced("en") == {"人工智能": "artificial intelligence"}


def test_columns_may_come_in_any_order_and_some_may_be_missing() -> None:
    glossary = parse_glossary(" note ,source\n外来语,GAN\n", "g.csv")
    assert glossary.entries == (GlossaryEntry("GAN", note="外来语"),)
    # A row may stop short of the last columns.
    assert parse_glossary(HEADER + "GAN\n", "g.csv").entries == (GlossaryEntry("GAN"),)


def test_languages_are_spelled_as_the_configuration_spells_them() -> None:
    glossary = parse_glossary(HEADER + "模型,modelo,pt-br,\n算法,演算法,zh-hant,\n", "g.csv")
    assert [entry.language for entry in glossary.entries] == ["pt_BR", "zh_Hant"]
    assert glossary.forced("pt_BR") == {"模型": "modelo"}
    assert glossary.forced("zh_Hant_TW") == {"算法": "演算法"}
    # The same row twice in two spellings is no conflict...
    assert len(parse_glossary(HEADER + "模型,modelo,pt_BR,\n模型,modelo,pt-br,\n", "g.csv")
               .entries) == 2
    # ... and two targets in two spellings are a conflict.
    with pytest.raises(ConfigError, match="'模型' \\(pt_BR\\): 'modelo' here, 'módulo' at line 2"):
        parse_glossary(HEADER + "模型,módulo,pt_BR,\n模型,modelo,pt-br,\n", "g.csv")


def test_trailing_empty_columns_are_harmless() -> None:
    text = "source,target,language,note,,\nAIGC,,,,,\n模型,model,en,,,,\n"
    assert parse_glossary(text, "g.csv").entries == (GlossaryEntry("AIGC"),
                                                      GlossaryEntry("模型", "model", "en"))


def test_the_most_specific_forced_translation_wins_whatever_the_order() -> None:
    glossary = parse_glossary(HEADER + "模型,modelo,pt_BR,\n模型,model,,\n模型,modèle,pt,\n"
                              "算法,演算法,zh_Hant,\n算法,算法,zh,\n", "g.csv")
    assert glossary.forced("pt_BR") == {"模型": "modelo"}
    assert glossary.forced("pt_PT") == {"模型": "modèle"}
    assert glossary.forced("de") == {"模型": "model"}
    assert glossary.forced("zh_Hant_HK") == {"模型": "model", "算法": "演算法"}
    assert glossary.forced("zh_Hans") == {"模型": "model", "算法": "算法"}


@pytest.mark.parametrize("text, line, message", [
    ("", 1, "glossary needs a header row with a 'source' column"),
    ("term,target\nAIGC,\n", 1, "glossary needs a header row with a 'source' column"),
    ("source,target,lang\nAIGC,,\n", 1,
     "unknown glossary column(s) 'lang': the columns are source, target, language, note"),
    ("source,note,note\nAIGC,,\n", 1, "glossary column(s) named twice: 'note'"),
    (HEADER + "AIGC,,,\nGAN,,,note,extra\n", 3, "field 5 has no column name in the header"),
    ("source,,note\nAIGC,x,\n", 2, "field 2 has no column name in the header"),
    (HEADER + "模型,model,klingon,\n", 2, "unknown language code 'klingon'"),
    (HEADER + "GPT,,ja,\n", 2,
     "'GPT' is kept as it is in every language: leave its 'language' empty (or give a target)"),
    # A stray quote after a quoted field, on a row that starts on line 3 of a file whose
    # row 2 spans two lines.
    (HEADER + 'VAE,,,"two\nlines"\n"GAN"x,,,\n', 4, "invalid CSV: ',' expected after '\"'"),
    (HEADER + "GPT,,,\nGPT,ジーピーティー,ja,\n", 3,
     "'GPT': 'ジーピーティー' here, kept as it is at line 2"),
    (HEADER + "模型,model,en,\n模型,,,\n", 3, "'模型': kept as it is here, 'model' at line 2"),
    (HEADER + "模型,model,en,\n模型,pattern,en,\n", 3,
     "'模型' (en): 'pattern' here, 'model' at line 2"),
])
def test_a_bad_glossary_is_an_error_at_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_glossary(text, "locales/glossary.csv")
    assert (error.value.path, error.value.line, error.value.message) == \
        ("locales/glossary.csv", line, message)


def test_rows_that_agree_are_no_conflict() -> None:
    text = HEADER + "GPT,,,\nGPT,,,again\n模型,model,en,\n模型,model,en,\n模型,Modell,de,\n"
    assert len(parse_glossary(text, "g.csv").entries) == 5


def test_a_project_reads_its_glossary_once_per_run(make_project) -> None:
    root = make_project({"doc": "正文。\n"})
    (root / "locales").mkdir()
    (root / "locales/glossary.csv").write_text("source,target,language,note\nAIGC,,,\n",
                                                 encoding="utf-8")
    project = open_project(root)
    first = project_glossary(project)
    assert first.keep_terms() == ["AIGC"]
    (root / "locales/glossary.csv").write_text("source,target,language,note\n", encoding="utf-8")
    assert project_glossary(project) is first  # one run, one reading
    assert project_glossary(open_project(root)).keep_terms() == []  # the next run reads anew
