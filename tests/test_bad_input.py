"""Issue 6: the bad-input corpus. Each case prints its exact line, exits 1, keeps output/."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import shutil
import signal
import socket
import stat

import pytest

from bad_input_cases import ACCEPTED, ARTICLE, CASES, Case
from conftest import SETTINGS, build_site, copy_site, tree_digest
from notices.build.driver import read_catalog


def _install(case: Case, site, tmp_path, monkeypatch) -> list[str]:
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
    elif case.name == "unreadable-file":
        target.write_text(ARTICLE.format(extra=""), "utf-8")
        target.chmod(0)
        if os.geteuid() == 0:  # root reads anything: refuse this one file as the kernel would
            _refuse_reading(monkeypatch, target)
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
def test_bad_input(case: Case, basic_built_site, tmp_path, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(basic_built_site, site, symlinks=True)
    before = tree_digest(site / "output")
    expected = _install(case, site, tmp_path, monkeypatch)

    result = _build_within(site, 20)

    assert result.problems == expected
    assert result.code == 1
    assert "Traceback" not in result.err
    assert tree_digest(site / "output") == before


def _refuse_reading(monkeypatch, target) -> None:
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if os.path.abspath(path) == str(target):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    real_io_open = io.open

    def refusing_io_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.path.abspath(file) == str(target):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_io_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_io_open)
    monkeypatch.setattr(io, "open", refusing_io_open)


def test_an_internal_error_exits_70_not_1(site, monkeypatch, capsys):
    from notices import cli
    from notices.build import driver

    def broken(settings):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(driver, "_run_pelican", broken)
    code = cli.main(["build", "-o", str(site / "output")])
    err = capsys.readouterr().err
    assert code == 70
    assert err.splitlines()[-1] == ("internal error (a bug in the build, not a content "
                                    "problem); please report it with the lines above")


def test_static_link_never_reads_outside_content_nor_writes_outside_output(tmp_path):
    site = copy_site("basic", tmp_path / "site")
    (site / "secret.txt").write_text("secret", "utf-8")
    (site / "content" / "articles" / "leak.md").write_text(
        ARTICLE.format(extra="") + "[s]({static}/../secret.txt)\n", "utf-8")
    elsewhere = tmp_path / "public" / "www"
    result = build_site(site, output=elsewhere)
    assert result.code == 1
    assert not [p for p in tmp_path.rglob("secret.txt") if p != site / "secret.txt"]


def test_a_newer_article_never_empties_the_calendars(site):
    (site / "content" / "articles" / "later.md").write_text(
        ARTICLE.format(extra="").replace("2024-05-01", "2025-04-30"), "utf-8")
    result = build_site(site)
    assert result.code == 0, result.err
    records = json.loads((result.output / "data" / "outages.json").read_text("utf-8"))
    assert records["events"], "retention counts back from the newest outage schedule"


def test_editor_lock_and_backup_files_are_skipped(site):
    articles = site / "content" / "articles"
    (articles / ".#2024-05-01-two-districts.md").symlink_to("editor@host.4242:1717171717")
    (articles / "#2024-05-01-two-districts.md#").write_text("half-saved", "utf-8")
    (articles / "2024-05-01-two-districts.md~").write_text("old copy", "utf-8")
    (articles / ".2024-05-01-two-districts.md.swp").write_bytes(b"\x00vim swap")
    result = build_site(site)
    assert result.code == 0, result.err
    assert result.err.splitlines()[-1].startswith("Built output/ in ")


def test_html_and_rst_attachments_are_copied_as_they_are(site):
    content = site / "content"
    (content / "images").mkdir()
    (content / "files").mkdir()
    page = b"<html><body><h1>map</h1></body></html>\n"
    text = b"Title\n=====\n\nbody\n"
    (content / "images" / "map.html").write_bytes(page)
    (content / "files" / "rules.rst").write_bytes(text)
    result = build_site(site)
    assert result.code == 0, result.err
    assert (result.output / "images" / "map.html").read_bytes() == page
    assert (result.output / "files" / "rules.rst").read_bytes() == text


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


@pytest.mark.parametrize("written", ["2024-06-30T20:00:00Z", '"2024-06-30 20:00 +00:00"',
                                     '"2024-07-01T05:00:00+09:00"'])
def test_a_date_with_an_offset_is_converted_to_ningbo_time(site, written):
    """Issue 19, class 5: 20:00 UTC on 30 June is 04:00 on 1 July in Ningbo."""
    (site / "content" / "articles" / "2024-07-01-utc.md").write_text(
        ARTICLE.format(extra="").replace("2024-05-01", written), "utf-8")
    result = build_site(site)
    assert result.code == 0, result.err
    page = (result.output / "articles" / "2024-07-01-utc.html").read_text("utf-8")
    assert "2024年7月1日" in page and "6月30日" not in page
    catalog = read_catalog(SETTINGS, {"PATH": str(site / "content"), "PROJECT_ROOT": str(site)})
    notice = next(n for n in catalog.notices if n.slug == "2024-07-01-utc")
    assert notice.date.isoformat() == "2024-07-01T04:00:00+08:00"
    assert notice.month_key == "2024-07"


def test_published_files_and_folders_are_world_readable(site):
    """Issue 19, class 8: a web server's user must read output/ (mkdtemp makes 0700)."""
    (site / "content" / "images").mkdir()
    photo = site / "content" / "images" / "private.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xd9")
    photo.chmod(0o600)
    previous = os.umask(0o077)
    try:
        result = build_site(site)
    finally:
        os.umask(previous)
    assert result.code == 0, result.err
    assert stat.S_IMODE(result.output.stat().st_mode) == 0o755
    for path in result.output.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        if path.is_dir():
            assert mode == 0o755, path
        else:
            assert mode & 0o644 == 0o644, path


def test_an_image_linked_from_outside_content_is_refused(site, tmp_path):
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"\xff\xd8secret")
    (site / "content" / "images").mkdir()
    (site / "content" / "images" / "photo.jpg").symlink_to(secret)
    result = build_site(site)
    assert result.problems == [f'content/images/photo.jpg: is a link to "{secret}", outside '
                               "content/; copy the file into content/ instead"]
    assert result.code == 1
