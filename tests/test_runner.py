"""run_documents: skipped when up to date, results handed over as each document finishes."""

from __future__ import annotations

from pipeline.project import Project, open_project
from pipeline.runner import JobResult, run_documents


def _job(project: Project, name: str) -> JobResult:
    return JobResult([f"out/{name}"], [f"{name}: warning {i}" for i in range(3)])


def _files(project: Project, name: str) -> list[str]:
    return [f"{project.source_dir}/{name}.md"]


def _project(make_project, count: int) -> Project:
    return open_project(make_project({f"d{i:02d}": "正文。\n" for i in range(count)}))


def test_results_are_echoed_in_order_and_not_kept(make_project) -> None:
    project = _project(make_project, 12)  # enough for the process pool
    seen: list[JobResult] = []
    report = run_documents(project, project.document_names(), _job, _files, "t", 2,
                           seen.append)
    assert [r.written for r in seen] == [[f"out/d{i:02d}"] for i in range(12)]
    assert sum(len(r.warnings) for r in seen) == 36
    assert report.written == [] and report.warnings == []  # handed over, not kept
    # Up to date now: nothing runs, nothing is echoed.
    seen.clear()
    again = run_documents(project, project.document_names(), _job, _files, "t", 2,
                          seen.append)
    assert seen == [] and again.skipped == 12


def test_a_parsing_library_upgrade_makes_cached_results_stale(monkeypatch) -> None:
    from pipeline import document_cache

    before = document_cache.code_digest.__wrapped__()
    real = document_cache.metadata.version
    monkeypatch.setattr(document_cache.metadata, "version",
                        lambda name: "99.0" if name == "markdown-it-py" else real(name))
    assert document_cache.code_digest.__wrapped__() != before


def test_a_config_error_crosses_processes_with_its_key() -> None:
    import pickle

    from pipeline.errors import ConfigError

    error = pickle.loads(pickle.dumps(ConfigError("bad", "pipeline.toml", key="check.warnings")))
    assert (error.message, error.path, error.key) == ("bad", "pipeline.toml", "check.warnings")
