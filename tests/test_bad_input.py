"""Issue 6: the bad-input corpus. Each case prints its exact line, exits 1, keeps output/."""

from __future__ import annotations

import shutil

import pytest

from bad_input_cases import ACCEPTED, CASES, Case
from conftest import build_site, tree_digest


def _install(case: Case, site, tmp_path) -> list[str]:
    target = site / "content" / case.path
    target.parent.mkdir(parents=True, exist_ok=True)
    expected = list(case.expected)
    if case.name == "huge-file":
        with open(target, "wb") as handle:
            handle.write(b"---\n")
            handle.truncate(50 * 1024 * 1024)
    elif case.name == "symlink-outside-content":
        outside = tmp_path / "outside.md"
        outside.write_text("---\ntitle: x\n---\n", encoding="utf-8")
        target.symlink_to(outside)
        expected = [line.replace("<outside>", str(outside)) for line in expected]
    elif isinstance(case.data, bytes):
        target.write_bytes(case.data)
    else:
        target.write_text(case.data, encoding="utf-8")
    return expected


def test_corpus_has_at_least_40_cases():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input(case: Case, basic_built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(basic_built_site, site, symlinks=True)
    before = tree_digest(site / "output")
    expected = _install(case, site, tmp_path)

    result = build_site(site)

    assert result.problems == expected
    assert result.code == 1
    assert "Traceback" not in result.err
    assert tree_digest(site / "output") == before


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_input(name, site):
    target = site / "content" / ("outages" if name == "unquoted-times" else "articles")
    (target / "accepted.md").write_bytes(ACCEPTED[name].encode("utf-8"))
    result = build_site(site)
    assert result.code == 0, result.err


def test_all_problems_of_a_run_are_listed_together(site, tmp_path):
    cases = [c for c in CASES if isinstance(c.data, str) and c.path.startswith("outages/")][:5]
    for index, case in enumerate(cases):
        (site / "content" / "outages" / f"case{index}.md").write_text(case.data, "utf-8")
    result = build_site(site)
    assert result.code == 1
    assert len(result.problems) == len(cases)
    assert result.err.splitlines()[-1] == f"{len(cases)} problems in {len(cases)} files; " \
        "nothing was published"
