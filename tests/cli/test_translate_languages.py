"""Adding a language is one step: ``translate -l fr`` adds fr to pipeline.toml (its
comments and layout kept), so that the next build, the index and every page's language
switcher include it; ``--no-register`` leaves the file alone; without ``-l``, the
configured languages; with no network, the run ends with the offline choices."""

from __future__ import annotations

import tomllib

from conftest import run_pipeline
from standins import closed_port_url

CONFIG = """\
# The project's settings (a comment that stays).
[pipeline]
source_language = "zh"
languages = ["en"]   # what make builds
project_name = "demo"

[engine]
name = "pseudo"
"""


def test_a_new_language_is_added_to_the_project(make_project) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n"}, CONFIG)
    result = run_pipeline(root, "translate", "-l", "fr", "-q")
    assert result.returncode == 0, result.stderr
    assert "added fr to [pipeline] languages in pipeline.toml" in result.stdout
    text = (root / "pipeline.toml").read_text(encoding="utf-8")
    assert text == CONFIG.replace('languages = ["en"]', 'languages = ["en", "fr"]')
    assert tomllib.loads(text)["pipeline"]["languages"] == ["en", "fr"]
    # The next build without -l builds fr, and the pages link it.
    assert run_pipeline(root, "build").returncode == 0
    assert (root / "build/fr/doc.html").is_file()
    assert 'hreflang="fr"' in (root / "build/en/doc.html").read_text(encoding="utf-8")
    assert "fr/doc.html" in (root / "build/index.html").read_text(encoding="utf-8")
    # Asked again, nothing is added and the file stays as it is.
    again = run_pipeline(root, "translate", "-l", "fr", "-q")
    assert "added" not in again.stdout
    assert (root / "pipeline.toml").read_text(encoding="utf-8") == text


def test_no_register_leaves_the_settings_alone(make_project) -> None:
    root = make_project({"doc": "正文。\n"}, CONFIG)
    result = run_pipeline(root, "translate", "-l", "de", "-q", "--no-register")
    assert result.returncode == 0, result.stderr
    assert (root / "pipeline.toml").read_text(encoding="utf-8") == CONFIG


def test_a_project_without_the_languages_key_keeps_its_defaults(make_project) -> None:
    root = make_project({"doc": "正文。\n"}, '[pipeline]\nsource_language = "zh"\n')
    assert run_pipeline(root, "translate", "-l", "ko", "--engine", "pseudo", "-q").returncode == 0
    languages = tomllib.loads((root / "pipeline.toml").read_text(encoding="utf-8"))
    assert languages["pipeline"]["languages"] == ["en", "ja", "ko"]


def test_without_l_the_configured_languages_are_translated(make_project) -> None:
    root = make_project({"doc": "正文。\n"}, CONFIG)
    result = run_pipeline(root, "translate", "-q")
    assert result.returncode == 0, result.stderr
    assert "translated en with pseudo" in result.stdout
    assert not (root / "locales/ja").exists()


def test_an_unreachable_engine_ends_with_the_offline_choices(make_project,
                                                             monkeypatch) -> None:
    monkeypatch.delenv("LIBRE_API_KEY", raising=False)
    root = make_project({"doc": "正文。\n"}, CONFIG.replace('"pseudo"', '"libre"') +
                        "timeout = 0.3\nretries = 0\ngive_up_after = 1\n")
    result = run_pipeline(root, "translate", "-l", "en", "-q", "--engine-url",
                          closed_port_url())
    assert result.returncode == 1
    assert "hint: the engine cannot be reached (no network?)" in result.stderr
    for choice in ("--engine none", "--engine llm", "--engine pseudo"):
        assert choice in result.stderr


def test_requests_in_flight_and_processes_have_names_of_their_own(make_project) -> None:
    root = make_project({"doc": "正文。\n"}, CONFIG)
    assert run_pipeline(root, "-j", "1", "translate", "-q", "--requests", "2").returncode == 0
    assert run_pipeline(root, "translate", "-q", "--jobs", "2").returncode == 0  # the old name
    help_text = " ".join(run_pipeline(root, "translate", "--help").stdout.split())
    assert "--requests N" in help_text and "default: [pipeline] languages" in help_text


def test_a_language_taken_out_of_the_settings_loses_its_editions(make_project) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n"}, CONFIG.replace('["en"]', '["en", "ja"]'))
    assert run_pipeline(root, "update").returncode == 0
    assert run_pipeline(root, "build").returncode == 0
    (root / "build/ja/notes.txt").write_text("mine", encoding="utf-8")  # not generated
    (root / "build/assets").mkdir()
    (root / "build/assets/logo.html").write_text("<p>mine</p>", encoding="utf-8")
    (root / "pipeline.toml").write_text(CONFIG, encoding="utf-8")  # ja taken out
    result = run_pipeline(root, "build")
    assert result.returncode == 0, result.stderr
    assert "removed build/ja/" in result.stdout.splitlines()
    assert "removed build/bilingual/zh-ja/" in result.stdout.splitlines()
    assert sorted(p.name for p in (root / "build/ja").iterdir()) == ["notes.txt"]
    assert not (root / "build/bilingual/zh-ja").exists()
    assert (root / "build/assets/logo.html").is_file()  # not a language's folder
    assert (root / "build/en/doc.html").is_file() and (root / "build/zh/doc.html").is_file()
    assert (root / "locales/ja/LC_MESSAGES/doc.po").is_file()  # translations kept
    # A language built on request is not withdrawn.
    assert run_pipeline(root, "build", "-l", "ja").returncode == 0
    assert (root / "build/ja/doc.html").is_file()


def test_building_a_language_without_catalogs_says_how_to_make_them(make_project) -> None:
    root = make_project({"doc": "正文。\n"}, CONFIG)
    assert run_pipeline(root, "update").returncode == 0
    result = run_pipeline(root, "build", "-l", "de")
    assert result.returncode == 0
    assert result.stderr == ("warning: de: no catalogs yet, so its pages show the original "
                             "('python -m pipeline update -l de' makes them for translators, "
                             "'make translate LANG=de' with machine drafts)\n")
