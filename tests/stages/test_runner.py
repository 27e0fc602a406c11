"""run_documents: skipped when up to date, results handed over as each document finishes."""

from __future__ import annotations

from pipeline.core.project import Project, open_project
from pipeline.stages.runner import JobResult, run_documents


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


def test_a_parsing_library_upgrade_makes_cached_results_stale(monkeypatch, tmp_path) -> None:
    from pipeline.cache import document_records as document_cache

    before = document_cache.code_digest.__wrapped__()
    assert document_cache.code_digest.__wrapped__() == before  # stable while nothing moves
    upgraded = tmp_path / "__init__.py"
    upgraded.write_text('__version__ = "99.0"\n', encoding="utf-8")
    real = document_cache.find_spec

    def find(name: str) -> object:
        spec = real(name)
        if name == "markdown_it" and spec is not None:
            spec.origin = str(upgraded)
        return spec

    monkeypatch.setattr(document_cache, "find_spec", find)
    assert document_cache.code_digest.__wrapped__() != before


def test_a_config_error_crosses_processes_with_its_key() -> None:
    import pickle

    from pipeline.core.errors import ConfigError

    error = pickle.loads(pickle.dumps(ConfigError("bad", "pipeline.toml", key="check.warnings")))
    assert (error.message, error.path, error.key) == ("bad", "pipeline.toml", "check.warnings")


def test_a_deleted_document_leaves_no_fingerprint_or_memo_behind(make_project) -> None:
    import json

    from pipeline.cache.record_store import keys
    from pipeline.cli import main

    root = make_project({"keep": "正文。\n", "gone": "另一篇。\n"})
    assert main(["--root", str(root), "update"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    assert "catalogs/en/gone" in keys(root / ".cache/records.sqlite3")
    (root / "source" / "gone.md").unlink()
    assert main(["--root", str(root), "update"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    fingerprints = json.loads((root / ".cache/fingerprints.json").read_text(encoding="utf-8"))
    memo = json.loads((root / ".cache/memo.json").read_text(encoding="utf-8"))
    assert [key for key in fingerprints if key.endswith(":keep")]
    assert not [key for key in fingerprints if "gone" in key]
    assert [key for key in memo if "keep" in key]
    # Its POs stay (they hold translations), and so do their counts; nothing else.
    assert any("gone" in key and key.endswith(".po") for key in memo)
    assert [key for key in memo if "gone" in key] == \
        [key for key in memo if "gone" in key and key.endswith(".po")]
    assert (root / "locales/en/LC_MESSAGES/gone.po").is_file()
    # The parsed copies go: the catalog's, which only the build of the document reads.
    assert sorted(keys(root / ".cache/records.sqlite3")) == [
        "catalogs/en/keep", "catalogs/ja/keep", "documents/keep"]
