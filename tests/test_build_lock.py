"""Issue 19, class 2: builds of one checkout run one after another (a lock), and output/ is
never missing, never left with a stale copy beside it, and ends equal to a cold build."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

from conftest import ROOT, build_site, copy_site, tree_digest
from notices.build import warm
from notices.build.state import build_lock


def _settings_file(site, tmp_path):
    """A settings file for the fixture site, so a separate process can build it."""
    settings = tmp_path / "siteconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(site / 'content')!r}\nPROJECT_ROOT = {str(site)!r}\n"
        f"CACHE_PATH = {str(site / '.cache')!r}\nOUTPUT_PATH = {str(site / 'output')!r}\n",
        "utf-8")
    return settings


# Imports first, then wait for the go file: two builds then start within a millisecond.
_LAUNCHER = """
import os, sys, time
import pelican, pelican.generators, notices.cli
go = sys.argv[1]
while go and not os.path.exists(go):
    time.sleep(0.0005)
sys.exit(notices.cli.main(sys.argv[2:]))
"""


def _start_build(settings, *args, go: str = ""):
    env = {**os.environ, "NOTICES_SYNC_DELETE": "1"}
    return subprocess.Popen([sys.executable, "-c", _LAUNCHER, go, "build", "-s", str(settings),
                             *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


class _Watcher(threading.Thread):
    """Look at output/ as a web server would, as often as possible, until stopped."""

    def __init__(self, output) -> None:
        super().__init__(daemon=True)
        self.output, self.missing, self.looks = output, 0, 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.looks += 1
            if not (self.output / "index.html").exists():
                self.missing += 1
            time.sleep(0.001)


def test_two_builds_started_at_once_never_break_output(tmp_path):
    site = copy_site("basic", tmp_path / "site")
    settings = _settings_file(site, tmp_path)
    assert build_site(site).code == 0
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    original = source.read_text("utf-8")
    watcher = _Watcher(site / "output")
    watcher.start()
    try:
        for round_number in range(5):
            source.write_text(original.replace("联合开展改革", f"联合开展改革{round_number}"),
                              "utf-8")
            first, second = tmp_path / f"go-{round_number}-a", tmp_path / f"go-{round_number}-b"
            builds = [_start_build(settings, go=str(first)), _start_build(settings, go=str(second))]
            time.sleep(1.0)  # both have imported Pelican and wait
            # The second starts at a different moment of the first each round: at once, while
            # it reads, while it writes its staging folder, while it swaps it in.
            first.touch()
            time.sleep(0.15 * round_number)
            second.touch()
            results = [(b.wait(120), *b.communicate()) for b in builds]
            for code, _, err in results:
                assert code == 0, err
                assert "Traceback" not in err
                assert sum(line.startswith("Waiting") for line in err.splitlines()) <= 1
            assert not list(site.glob(".build-*")), "no staging folder or old copy is left"
    finally:
        watcher.stop.set()
        watcher.join()
    assert watcher.looks > 100
    assert watcher.missing == 0, "output/ was missing while a build replaced it"
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert tree_digest(site / "output") == tree_digest(cold.output)


def test_a_second_build_waits_with_one_line(site):
    assert build_site(site).code == 0
    output = site / "output"
    held = threading.Event()

    def hold() -> None:
        with build_lock(str(site / ".cache"), output):
            held.set()
            time.sleep(1.0)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait()
    (site / "content" / "articles" / "2024-05-01-two-districts.md").touch()
    result = build_site(site)
    holder.join()
    assert result.code == 0, result.err
    assert result.err.splitlines()[0] == (
        f"Waiting for another build of output/ (process {os.getpid()}) to finish …")


def test_no_wait_refuses_with_one_line_and_exit_75(site, tmp_path):
    settings = _settings_file(site, tmp_path)
    with build_lock(str(site / ".cache"), site / "output"):
        build = _start_build(settings, "--no-wait")
        code = build.wait(60)
        _, err = build.communicate()
    assert code == 75
    assert err.splitlines() == [
        f"Another build of output/ is running (process {os.getpid()}); not building "
        "(--no-wait). Run it again when that build has finished"]
    assert not (site / "output").exists()


def test_an_old_copy_left_by_a_killed_build_is_removed(site):
    assert build_site(site).code == 0
    stale = site / ".build-output-killed-old"
    (stale / "articles").mkdir(parents=True)
    (stale / "articles" / "x.html").write_text("old", "utf-8")
    (site / "content" / "articles" / "2024-05-01-two-districts.md").touch()
    assert build_site(site).code == 0
    assert not list(site.glob(".build-*"))


def test_a_command_line_build_during_the_live_reload_server(tmp_path, monkeypatch):
    """The server's builds (in place, in this process) and a CLI build take turns."""
    from notices.build.serve import Rebuilder

    site = copy_site("basic", tmp_path / "site")
    settings = _settings_file(site, tmp_path)
    monkeypatch.setattr(warm, "RACY_NS", 0)
    try:
        rebuilder = Rebuilder(str(settings), str(site / "output"), quiet=0.05)
        assert rebuilder.build() == 0
        source = site / "content" / "articles" / "2024-05-01-two-districts.md"
        original = source.read_text("utf-8")
        for word in ("甲", "乙"):
            source.write_text(original.replace("联合开展改革", f"联合开展改革{word}"), "utf-8")
            cli = _start_build(settings)
            assert rebuilder.rebuild_pages() == 0
            code = cli.wait(120)
            _, err = cli.communicate()
            assert code == 0, err
        rebuilder.settle()
        rebuilder.warm.settle()
        assert rebuilder.build() == 0
        rebuilder.warm.settle()
    finally:
        warm.disable()
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert tree_digest(site / "output") == tree_digest(cold.output)
