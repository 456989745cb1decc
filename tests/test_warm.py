"""The live-reload server's builds: one process keeps articles and merged events between
builds and updates output/ in place; what it publishes must equal a cold build's."""

from __future__ import annotations

import gc
import io
import os
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import conftest
from conftest import ROOT, copy_site, tree_digest
from notices import memo
from notices.build import cache, publish, state, warm, workers
from notices.outputs import outage_events

# The warm state the builds of the running test keep (``warm_process``), as the live-reload
# server's builds keep theirs; None: each build is a one-off.
_WARM: warm.WarmState | None = None


def build_site(site, output=None, **options):
    """``conftest.build_site`` with the warm state of the running test, if any."""
    return conftest.build_site(site, output, warm=_WARM, **options)


@pytest.fixture
def warm_process(monkeypatch):
    """Builds in this test keep state between them, as the live-reload server's do."""
    global _WARM
    state = _WARM = warm.enable()
    # Files of a fixture site were just copied (their change time is now): trust them at
    # once, as files edited more than two seconds before a build are trusted.
    monkeypatch.setattr(warm, "RACY_NS", 0)
    yield state
    _WARM = None
    warm.disable()


def cold_build(site, tmp_path, name="cold"):
    """A build in a fresh state, into its own folder with its own cache."""
    store = memo._store
    memo.install(None)
    try:
        result = conftest.build_site(site, tmp_path / name,
                                     CACHE_PATH=str(tmp_path / f"{name}-cache"))
    finally:
        memo.install(store)
    assert result.code == 0, result.err
    return tree_digest(result.output)


def edit(path, old, new):
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_series_of_edits_publishes_what_a_cold_build_would(warm_process, tmp_path):
    site = copy_site("calendars", tmp_path / "site")
    later = site / "content" / "outages" / "2024-05-04-power.md"
    shutil.move(later, tmp_path / "later.md")
    assert build_site(site).code == 0
    output = site / "output"
    tree = os.stat(output).st_ino

    news = site / "content" / "articles" / "2024-05-03-news.md"
    steps = [
        ("an article's body", lambda: edit(news, "\n---\n", "\n---\n新增的第一段。\n\n")),
        ("a schedule that cancels earlier windows",
         lambda: shutil.move(tmp_path / "later.md", later)),
        ("a removed tender", lambda: (site / "content" / "tenders" / "2024-05-01-wuye.md")
         .unlink()),
        ("a changed outage window", lambda: edit(later, '"14:00"', '"15:00"')),
    ]
    for number, (what, change) in enumerate(steps):
        change()
        result = build_site(site)
        assert result.code == 0, (what, result.err)
        assert tree_digest(output) == cold_build(site, tmp_path, f"cold{number}"), what
        assert os.stat(output).st_ino == tree, "updated in place, not swapped"
    assert warm_process.articles, "articles were kept between builds"


def test_edits_of_the_newest_schedule_resume_the_merge_and_publish_a_cold_build(
        warm_process, tmp_path, monkeypatch):
    monkeypatch.setattr(outage_events.MergeCheckpoint, "TAIL", 1)
    site = copy_site("calendars", tmp_path / "site")
    newest = site / "content" / "outages" / "2024-05-04-power.md"
    assert build_site(site).code == 0
    checkpoint = warm_process.memo[("outage-merge-checkpoint",)]
    assert checkpoint.resumed == 0
    steps = [lambda: edit(newest, '"14:00"', '"15:00"'),
             lambda: edit(newest, "慈城镇", "庄桥街道"),
             lambda: edit(newest, '"15:00"', '"14:00"')]
    for number, change in enumerate(steps):
        change()
        assert build_site(site).code == 0
        assert checkpoint.resumed == 2, "merged from the state after the two older schedules"
        assert tree_digest(site / "output") == cold_build(site, tmp_path, f"cold{number}")


def test_the_calendar_renders_again_only_the_items_of_an_edited_schedule(
        warm_process, tmp_path, monkeypatch):
    site = copy_site("calendars", tmp_path / "site")
    newest = site / "content" / "outages" / "2024-05-04-power.md"
    assert build_site(site).code == 0
    edit(newest, '"14:00"', '"15:00"')
    assert build_site(site).code == 0  # renders the 停电日历 pages, keeping their items
    items = sys.modules["outage_calendar.outage_calendar"].RenderedItems
    original = items.item
    rendered, reused = [], []

    def counting_item(self, events, key, event, render):
        made = []
        html = original(self, events, key, event, lambda: made.append(1) or render())
        (rendered if made else reused).append(event.latest.entry.notice.source_path)
        return html

    monkeypatch.setattr(items, "item", counting_item)
    edit(newest, '"15:00"', '"15:30"')
    assert build_site(site).code == 0
    assert set(rendered) == {"content/outages/2024-05-04-power.md"}
    assert "content/outages/2024-05-02-power.md" in reused
    assert tree_digest(site / "output") == cold_build(site, tmp_path)



def test_an_edit_s_feeds_are_written_from_before_the_pages_are_decided(
        warm_process, tmp_path, monkeypatch):
    # The feeds' worker starts when the catalog is ready (Pelican's writer not made yet):
    # it was the last of an outage edit's work to end, started after the pages were keyed.
    from notices.build import pelican_adapter, session

    site = copy_site("calendars", tmp_path / "site")
    newest = site / "content" / "outages" / "2024-05-04-power.md"
    assert build_site(site).code == 0
    started = []  # (whether any page was queued yet, the files of the worker)
    original = session.BuildState.background_work

    def recording(self, queued=None):
        files = [rel for rel, _, _ in (queued if queued is not None else self._deferred)]
        if files:
            started.append((pelican_adapter.current_build().writer is not None, files))
        return original(self, queued)

    monkeypatch.setattr(session.BuildState, "background_work", recording)
    edit(newest, '"14:00"', '"15:00"')
    assert build_site(site).code == 0
    before_pages = [files for queued_pages, files in started if not queued_pages]
    assert before_pages and all(f.startswith("feeds/") for f in before_pages[0])
    assert "feeds/all.atom.xml" in before_pages[0]
    assert tree_digest(site / "output") == cold_build(site, tmp_path)


def test_an_edit_s_build_leaves_collecting_to_after_the_output_is_live(
        warm_process, tmp_path, monkeypatch):
    # A collection of the young objects took 0.06-0.12 s inside each edit's build at 5,000
    # items: the edit's build (the pages, the index carried over) runs without the
    # collector, and the thread that saves the state collects them and turns it on again.
    # The first build, which reads the whole site, and the index update keep it on.
    from notices.build import pelican_adapter

    site = copy_site("basic", tmp_path / "site")
    seen = []  # the collector on during each build
    original = pelican_adapter.run

    def run(settings, state):
        seen.append(gc.isenabled())
        return original(settings, state)

    monkeypatch.setattr(pelican_adapter, "run", run)
    assert build_site(site).code == 0
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    for number in (1, 2):
        source.write_text(source.read_text("utf-8") + f"\n改{number}。\n", "utf-8")
        assert build_site(site, reuse_search=True).code == 0
    source.write_text(source.read_text("utf-8") + "\n改3。\n", "utf-8")
    assert build_site(site).code == 0  # (as the index update: seconds long, collector on)
    warm_process.settle()
    assert seen == [True, False, False, True]
    assert gc.isenabled()
    assert tree_digest(site / "output") == cold_build(site, tmp_path)

def test_a_window_in_a_new_town_appears_and_disappears_in_place(warm_process, tmp_path):
    site = copy_site("calendars", tmp_path / "site")
    assert build_site(site).code == 0
    output = site / "output"
    schedule = site / "content" / "outages" / "2024-05-04-power.md"
    town_files = ["districts/jiangbei/xinzhuang/index.html",
                  "calendars/outages/jiangbei/xinzhuang.ics",
                  "feeds/districts/jiangbei/xinzhuang.atom.xml",
                  "data/outages/jiangbei/xinzhuang.json"]
    edit(schedule, "    town: 慈城镇\n    areas: [章伊村]", "    town: 新庄镇\n    areas: [章伊村]")
    assert build_site(site).code == 0
    assert all((output / p).is_file() for p in town_files)
    assert tree_digest(output) == cold_build(site, tmp_path, "cold-new-town")
    edit(schedule, "    town: 新庄镇\n", "    town: 慈城镇\n")
    assert build_site(site).code == 0
    assert not any((output / p).exists() for p in town_files)
    assert not (output / "districts/jiangbei/xinzhuang").exists()
    assert tree_digest(output) == cold_build(site, tmp_path, "cold-town-gone")


def _count_reads(monkeypatch) -> list[str]:
    """The names of the files the reader cache is asked about from now on (files read)."""
    read = []
    original = cache.ReaderCache.key

    def counting_key(path, data):
        read.append(os.path.basename(path))
        return original(path, data)

    monkeypatch.setattr(cache.ReaderCache, "key", staticmethod(counting_key))
    return read


def test_unchanged_files_are_not_read_again(warm_process, tmp_path, monkeypatch):
    site = copy_site("basic", tmp_path / "site")
    assert build_site(site).code == 0
    read = _count_reads(monkeypatch)
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    edit(source, "联合开展改革", "联合开展改革试点")

    assert build_site(site).code == 0

    assert set(read) == {source.name}
    page = site / "output" / "articles" / "2024-05-01-two-districts.html"
    assert "改革试点" in page.read_text("utf-8")


def test_the_first_build_loads_the_state_even_when_nothing_changed(tmp_path, monkeypatch):
    # The live-reload server started on a site built before: the "nothing changed" check
    # would publish nothing and keep nothing, and the first edit would read every file.
    site = copy_site("basic", tmp_path / "site")
    assert build_site(site).code == 0  # a one-off build, before the server starts
    monkeypatch.setattr(state, "RACY_NS", 0)  # trust the just-copied files' times
    monkeypatch.setattr(warm, "RACY_NS", 0)
    assert "Nothing changed" in build_site(site).err  # what a one-off build does now
    global _WARM
    kept = _WARM = warm.enable()
    try:
        first = build_site(site)
        assert first.code == 0
        assert "Nothing changed" in first.err
        assert len(kept.articles) == 3, "the first build read the site and kept it"
        read = _count_reads(monkeypatch)
        source = site / "content" / "articles" / "2024-05-01-two-districts.md"
        edit(source, "联合开展改革", "联合开展改革试点")
        assert build_site(site).code == 0
        assert set(read) == {source.name}
        assert tree_digest(site / "output") == cold_build(site, tmp_path)
    finally:
        _WARM = None
        warm.disable()


def test_a_file_changed_just_before_it_was_read_is_read_again(tmp_path, monkeypatch):
    # Two edits within the file system's timestamp granularity can leave size and times
    # unchanged; a file changed shortly before a build is therefore never trusted.
    global _WARM
    _WARM = warm.enable()
    try:
        site = copy_site("basic", tmp_path / "site")
        source = site / "content" / "articles" / "2024-05-01-two-districts.md"
        assert build_site(site).code == 0
        stat = source.stat()
        edit(source, "联合开展改革", "联合开展变革")  # the same size in bytes
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert build_site(site).code == 0
        page = site / "output" / "articles" / "2024-05-01-two-districts.html"
        assert "变革" in page.read_text("utf-8")
    finally:
        _WARM = None
        warm.disable()


def test_a_content_error_keeps_the_last_good_site_and_the_fix_is_published(
        warm_process, tmp_path):
    site = copy_site("basic", tmp_path / "site")
    assert build_site(site).code == 0
    before = tree_digest(site / "output")
    source = site / "content" / "tenders" / "2024-05-02-wuye.md"
    good = source.read_text("utf-8")
    edit(source, "date: ", "date: 明天 ")

    failed = build_site(site)

    assert failed.code == 1
    assert failed.problems[0].startswith("content/tenders/2024-05-02-wuye.md: ")
    assert tree_digest(site / "output") == before
    source.write_text(good.replace("某小区", "某某小区"), "utf-8")
    assert build_site(site).code == 0
    assert tree_digest(site / "output") == cold_build(site, tmp_path)


def test_a_build_that_dies_while_updating_in_place_is_followed_by_a_full_render(
        warm_process, tmp_path, monkeypatch):
    site = copy_site("basic", tmp_path / "site")
    assert build_site(site).code == 0
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    edit(source, "联合开展改革", "联合开展改革试点")
    replaced = []
    real_replace = os.replace

    def dying_replace(src, dst):
        if f"{os.sep}.build-" in str(src):
            if len(replaced) == 2:  # moving the new files into output/
                raise KeyboardInterrupt  # as if killed between two files
            replaced.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(publish.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        build_site(site)
    monkeypatch.setattr(publish.os, "replace", real_replace)
    edit(source, "联合开展改革试点", "联合开展改革")  # the editor undoes the change

    again = build_site(site)

    assert again.code == 0
    assert "Nothing changed" not in again.err
    assert tree_digest(site / "output") == cold_build(site, tmp_path)


def test_a_cancelled_wait_kills_the_worker_at_once():
    import threading
    import time

    job = workers.BackgroundJob.start(lambda: time.sleep(600) or {}, lambda result: None)
    cancel = threading.Event()
    cancel.set()
    started = time.perf_counter()
    with pytest.raises(workers.BuildCancelled):
        job.result(cancel)
    assert time.perf_counter() - started < 120  # killed, not waited for (600 s)
    with pytest.raises(ChildProcessError):
        os.waitpid(job.pid, os.WNOHANG)  # reaped


def test_an_index_update_stopped_for_a_newer_edit_publishes_nothing(warm_process, tmp_path):
    # The live-reload server stops a search-index update that an edit has made out of date.
    import threading

    site = copy_site("basic", tmp_path / "site")
    assert build_site(site).code == 0
    before = tree_digest(site / "output")
    edit(site / "content" / "articles" / "2024-05-01-two-districts.md", "联合开展改革",
         "联合开展改革试点")
    assert build_site(site, reuse_search=True).code == 0  # the pages go live
    pages = tree_digest(site / "output")
    assert pages != before
    cancel = threading.Event()
    cancel.set()

    with pytest.raises(workers.BuildCancelled):
        build_site(site, cancel=cancel)

    assert tree_digest(site / "output") == pages
    assert not list(site.glob(".build-*"))
    assert build_site(site).code == 0
    assert tree_digest(site / "output") == cold_build(site, tmp_path)


def site_settings(site, tmp_path):
    """A settings file for the fixture site ``site`` (as the live-reload server is given)."""
    settings = tmp_path / "siteconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(site / 'content')!r}\nPROJECT_ROOT = {str(site)!r}\n"
        f"CACHE_PATH = {str(site / '.cache')!r}\n", "utf-8")
    return settings


def test_the_live_reload_server_follows_quick_edits(warm_process, tmp_path):
    from notices.build.serve import Rebuilder

    site = copy_site("basic", tmp_path / "site")
    settings = site_settings(site, tmp_path)
    rebuilder = Rebuilder(str(settings), str(site / "output"), quiet=0.05)
    assert rebuilder.build() == 0
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    original = source.read_text("utf-8")
    for word in ("试点", "试点工作", "试点工作方案"):
        source.write_text(original.replace("联合开展改革", f"联合开展改革{word}"), "utf-8")
        rebuilder.rebuild()  # may stop the index update that the edit before started
    rebuilder.settle()
    page = site / "output" / "articles" / "2024-05-01-two-districts.html"
    assert "改革试点工作方案" in page.read_text("utf-8")
    assert tree_digest(site / "output") == cold_build(site, tmp_path)


def test_a_stopped_index_update_says_so(warm_process, tmp_path, monkeypatch, capsys):
    from notices.build.serve import Rebuilder

    rebuilder = Rebuilder(str(ROOT / "pelicanconf.py"), str(tmp_path / "out"))

    def stopped(cancel=None):
        raise workers.BuildCancelled("a newer build was asked for")

    monkeypatch.setattr(rebuilder, "build", stopped)
    rebuilder._update_index()
    assert capsys.readouterr().err == (
        "Search index update stopped for a newer edit; it follows that edit.\n")


def test_a_state_that_cannot_be_saved_is_a_warning_not_a_failure(warm_process, tmp_path,
                                                                 monkeypatch, caplog):
    site = copy_site("basic", tmp_path / "site")

    def broken(self):
        raise OSError("disk full")

    monkeypatch.setattr(cache.ReaderCache, "save", broken)
    assert build_site(site).code == 0
    warm_process.settle()
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert [r.getMessage() for r in warnings] == ["saving the build state failed"]
    assert "OSError: disk full" in caplog.text


def _tracked_objects() -> int:
    """Objects the cycle collector tracks, frozen ones (``gc.freeze``) included."""
    gc.collect()
    return len(gc.get_objects()) + gc.get_freeze_count()


def _rss_mib() -> float | None:
    status = Path("/proc/self/status")
    if not status.exists():
        return None  # not Linux: the object count alone
    line = next(x for x in status.read_text().splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


# Measured on the basic fixture site (edits 10 to 50, pages path): tracked objects +0 to +400,
# RSS +4.5 MiB, levelling off. Before gc.freeze() was undone after each fork: +2,370 objects
# and +0.67 MiB per edit (+95,000 objects, +27 MiB over these 40 edits).
OBJECTS_BOUND = 2_000
RSS_BOUND_MIB = 16


def test_fifty_edits_through_the_live_reload_server_stay_flat(warm_process, tmp_path):
    from notices.build.serve import Rebuilder

    site = copy_site("basic", tmp_path / "site")
    rebuilder = Rebuilder(str(site_settings(site, tmp_path)), str(site / "output"))
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    original = source.read_text("utf-8")
    log = io.StringIO()
    with redirect_stdout(log), redirect_stderr(log):
        assert rebuilder.build() == 0
    measured = {}
    for number in range(1, 51):
        source.write_text(original + f"\n第{number}次修改。\n", "utf-8")
        log.seek(0)
        log.truncate()
        with redirect_stdout(log), redirect_stderr(log):
            rebuilder.rebuild()  # the pages now; the next edit stops the index update
            rebuilder.warm.settle()
        assert "Build failed" not in log.getvalue(), log.getvalue()
        if number in (10, 50):  # after ten edits every cache has been filled once
            measured[number] = (_tracked_objects(), _rss_mib())
    with redirect_stdout(log), redirect_stderr(log):
        rebuilder.settle()
        rebuilder.warm.settle()
    page = site / "output" / "articles" / "2024-05-01-two-districts.html"
    assert "第50次修改" in page.read_text("utf-8")
    (objects_10, rss_10), (objects_50, rss_50) = measured[10], measured[50]
    assert objects_50 - objects_10 < OBJECTS_BOUND, (objects_10, objects_50)
    assert gc.get_freeze_count() == 0
    if rss_10 is not None:
        assert rss_50 - rss_10 < RSS_BOUND_MIB, (rss_10, rss_50)


def test_rebuild_on_request_keeps_standard_output_for_its_replies(tmp_path):
    site = copy_site("basic", tmp_path / "site")
    result = subprocess.run(
        [sys.executable, "-m", "notices", "rebuild-on-request", "-s",
         str(site_settings(site, tmp_path)), "-o", str(site / "output")],
        input="pages\nall\n", cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    replies = result.stdout.splitlines()
    assert len(replies) == 3 and all(re.fullmatch(r"built 0 \d+\.\d{3}", r) for r in replies), (
        result.stdout)
    assert "Done: Processed" in result.stderr  # Pelican's own lines go to standard error


def test_the_live_reload_watcher_runs_a_task_once_for_the_changes_it_hears_of(tmp_path):
    import asyncio
    import threading

    from tornado import ioloop

    from notices.build.serve import watchfiles_watcher

    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / "pelicanconf.py").write_text("SITENAME = 'x'\n", "utf-8")
    patterns = [str(tmp_path / "content/**/*"), str(tmp_path / "pelicanconf.py")]
    watcher = watchfiles_watcher(patterns)
    ran, heard = [], threading.Event()

    def task():
        ran.append(watcher.filepath)
        heard.set()

    for pattern in patterns:
        watcher.watch(pattern, task)
    loops, started = [], threading.Event()

    def serve():
        asyncio.set_event_loop(asyncio.new_event_loop())
        loop = ioloop.IOLoop.current()
        loops.append(loop)
        watcher.start(watcher.examine)
        loop.add_callback(started.set)
        loop.start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        assert started.wait(60)
        for path in (tmp_path / "content" / "articles" / "new.md", tmp_path / "pelicanconf.py"):
            heard.clear()
            ran.clear()
            path.write_text("---\ntitle: x\n---\n", "utf-8")
            assert heard.wait(60), f"no rebuild after {path.name} changed"
            assert set(ran) == {str(path)}
    finally:
        watcher.stop.set()
        loops[0].add_callback(loops[0].stop)
        thread.join(60)
    # Changes heard together (an editor saving several files) run each task once.
    ran.clear()
    watcher._heard = [str(tmp_path / "content" / "a.md"), str(tmp_path / "pelicanconf.py"),
                      str(tmp_path / "output" / "index.html")]
    assert watcher.examine() == (str(tmp_path / "content" / "a.md"), None)
    assert ran == [str(tmp_path / "content" / "a.md")]
