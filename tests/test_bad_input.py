"""Issue 6: the bad-input corpus. Each case prints its exact line, exits 1, keeps output/."""

from __future__ import annotations

import os
import shutil
import signal
import socket

import pytest

from bad_input_cases import ACCEPTED, ARTICLE, CASES, Case
from conftest import build_site, copy_site
from test_build import tree_digest


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    site = copy_site("basic", tmp_path_factory.mktemp("good") / "site")
    result = build_site(site)
    assert result.code == 0, result.err
    return site


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
    elif case.name == "fifo-named-md":
        os.mkfifo(target)
    elif case.name == "socket-named-md":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(target))
    elif case.name == "folder-named-md":
        target.mkdir()
        (target / "inside.md").write_text(ARTICLE.format(extra=""), "utf-8")
    elif case.name == "symlink-loop":
        target.symlink_to(target.name)
    elif case.name == "folder-link-loop":
        target.symlink_to("..")
    elif case.name == "dangling-link":
        target.symlink_to("missing.md")
    elif isinstance(case.data, bytes):
        target.write_bytes(case.data)
    else:
        target.write_text(case.data, encoding="utf-8")
    return expected


def test_corpus_has_at_least_40_cases():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input(case: Case, good_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(good_site, site, symlinks=True)
    before = tree_digest(site / "output")
    expected = _install(case, site, tmp_path)

    result = _build_within(site, 20)

    assert result.problems == expected
    assert result.code == 1
    assert "Traceback" not in result.err
    assert tree_digest(site / "output") == before


def _build_within(site, seconds: int, command: str = "build"):
    """Build, failing the test (instead of hanging it) if the build blocks."""
    signal.signal(signal.SIGALRM, _blocked)
    signal.alarm(seconds)
    try:
        return build_site(site, command=command)
    finally:
        signal.alarm(0)


def _blocked(signum, frame):
    raise AssertionError("the build blocked")


def test_check_never_opens_a_fifo(site):
    os.mkfifo(site / "content" / "outages" / "pipe.md")
    result = _build_within(site, 20, command="check")
    assert result.problems == ["content/outages/pipe.md: is a named pipe (FIFO), not a regular "
                               "file; content files must be ordinary files. Remove it"]
    assert result.code == 1


def test_a_folder_loop_is_one_line_and_kinds_stay_apart(site):
    (site / "content" / "tenders" / "up").symlink_to("../articles")
    result = _build_within(site, 20)
    assert result.problems == ['content/tenders/up: is a link to the folder "content/articles"; links to '
                               "folders are not followed. Move the files into content/ instead"]


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
