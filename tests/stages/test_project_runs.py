"""The stages as functions with plain arguments, as the commands call them: what each run
wrote reaches the caller's echo as each document is done, the rest comes in the report."""

from __future__ import annotations

from pipeline.core.project import open_project
from pipeline.stages.build import build_project
from pipeline.stages.runner import Echo, JobResult
from pipeline.stages.update import extract_project, update_project


def _collect() -> tuple[list[str], list[str], Echo]:
    written: list[str] = []
    warnings: list[str] = []

    def echo(result: JobResult) -> None:
        written.extend(result.written)
        warnings.extend(result.warnings)

    return written, warnings, echo


def test_extract_update_and_build_run_without_a_command_line(make_project) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n", "gone": "旧文。\n"})
    project = open_project(root)
    written, _, echo = _collect()
    assert extract_project(project, 1, echo).errors == []
    assert written == ["locales/doc.pot", "locales/gone.pot"]
    (root / "source/gone.md").unlink()
    written, _, echo = _collect()
    report = update_project(open_project(root), ["en"], 1, echo)
    assert (written, report.removed) == (["locales/en/LC_MESSAGES/doc.po"], ["locales/gone.pot"])
    written, _, echo = _collect()
    report = build_project(open_project(root), ["en"], 1, echo, formats=["md"])
    assert (written, report.written, report.errors) == (["build/en/doc.md"], [], [])
    assert (root / "build/en/doc.md").read_text(encoding="utf-8") == "# 标题\n\n正文。\n"


def test_a_language_below_its_threshold_is_skipped_with_a_warning_first(make_project) -> None:
    root = make_project({"doc": "正文。\n"}, '[pipeline]\nsource_language = "zh"\n'
                        'languages = ["en"]\n[publish]\nthreshold = 50\n'
                        'below_threshold = "skip"\n')
    project = open_project(root)
    update_project(project, ["en"], 1, lambda result: None)
    written, warnings, echo = _collect()
    build_project(open_project(root), ["en"], 1, echo)
    assert warnings == ["en not built: 0.0% of entries published, below the threshold of 50%"]
    assert not (root / "build/en").exists()
