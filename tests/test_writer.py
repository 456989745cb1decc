"""Pages that must be rendered share one forked worker with the build's other queued output
(feeds, calendars): the worker writes that first, then takes pages from the end of the list
while the build takes them from the start (``notices.build.writer.render_in_parallel``)."""

from __future__ import annotations

import os
import time
from types import SimpleNamespace

import pytest

from notices.build import writer
from notices.build.cache import PARALLEL_MIN_JOBS
from notices.build.workers import BackgroundJob, WorkerFailed


class WhoRendered:
    """A template whose output names the page and the process that rendered it."""

    def render(self, context: dict) -> str:
        time.sleep(0.002)  # long enough for both processes to take pages
        return f"{context['number']} {os.getpid()}"


def pages(tmp_path, count: int) -> list:
    template = WhoRendered()
    return [(str(tmp_path / "pages" / f"{number}.html"), template, {"number": number}, {})
            for number in range(count)]


def renderers(tmp_path, count: int) -> dict[int, list[int]]:
    """Which process wrote which pages, each page checked to be there once, in order."""
    found: dict[int, list[int]] = {}
    for number in range(count):
        written, pid = (tmp_path / "pages" / f"{number}.html").read_text().split()
        assert int(written) == number
        found.setdefault(int(pid), []).append(number)
    return found


def background(tmp_path):
    """Feeds-and-calendars work: writes a file, then renders its share of the pages
    (``then``), returns where it ran."""

    def work(then=None) -> dict:
        (tmp_path / "feed.xml").write_text("feed", encoding="utf-8")
        if then is not None:
            then()
        return {"pid": os.getpid()}

    return work


def test_one_worker_writes_the_queued_output_then_pages_from_the_end(tmp_path):
    count = PARALLEL_MIN_JOBS * 2
    received = []
    writer.render_in_parallel(pages(tmp_path, count), 2, (background(tmp_path), received.append))
    assert len(received) == 1 and (tmp_path / "feed.xml").read_text() == "feed"
    worker = received[0]["pid"]
    assert worker != os.getpid()
    found = renderers(tmp_path, count)
    assert set(found) == {os.getpid(), worker}  # two processes, the build and one worker
    first = len(found[os.getpid()])
    assert found[os.getpid()] == list(range(first))  # the build from the start
    assert found[worker] == list(range(first, count))  # the worker from the end


def test_the_worker_is_joined_with_the_builds_other_background_work(tmp_path):
    count = PARALLEL_MIN_JOBS * 2
    started, received = [], []

    def start(work, done):
        started.append(BackgroundJob.start(work, done))

    writer.render_in_parallel(pages(tmp_path, count), 2, (background(tmp_path), received.append),
                              start)
    assert len(started) == 1 and received == []  # handed over, not waited for
    job = started[0]
    job.done(job.result())
    assert received == [{"pid": job.pid}]
    assert set(renderers(tmp_path, count)) == {os.getpid(), job.pid}


def test_few_pages_are_rendered_here_and_the_worker_does_only_the_queued_output(tmp_path):
    count = PARALLEL_MIN_JOBS - 1
    received = []
    writer.render_in_parallel(pages(tmp_path, count), 2, (background(tmp_path), received.append))
    assert received[0]["pid"] != os.getpid()
    assert renderers(tmp_path, count) == {os.getpid(): list(range(count))}


def test_with_one_worker_setting_every_page_is_rendered_here(tmp_path):
    count = PARALLEL_MIN_JOBS * 2
    writer.render_in_parallel(pages(tmp_path, count), 1)
    assert renderers(tmp_path, count) == {os.getpid(): list(range(count))}


def test_a_failing_worker_fails_the_render_with_its_traceback(tmp_path):
    def work(then=None) -> dict:
        raise ValueError("feed template broke")

    with pytest.raises(WorkerFailed, match="feed template broke"):
        writer.render_in_parallel(pages(tmp_path, PARALLEL_MIN_JOBS), 2,
                                  (work, lambda result: None))


class EveryFileNew:
    """A manifest that reuses nothing and records what was written."""

    def __init__(self) -> None:
        self.recorded: list[str] = []

    def reusable(self, rel_path: str, key: str) -> bool:
        return False

    def record(self, rel_path: str, key: str, files: list[str]) -> None:
        self.recorded.append(rel_path)


@pytest.mark.parametrize("pages, started", [(0, True), (PARALLEL_MIN_JOBS - 1, True),
                                            (PARALLEL_MIN_JOBS, False)])
def test_with_few_pages_the_queued_output_starts_at_the_end_of_its_block(tmp_path, pages,
                                                                         started):
    # An edit queues few pages: its feeds and calendars are written while the build goes on
    # (the live-reload server's edit waited for them after its pages). A cold build queues
    # many: they wait for the pages, to share one worker with them.
    from notices.build.session import BuildState

    queued = SimpleNamespace(jobs=[("page.html", WhoRendered(), {}, {})] * pages)  # the writer's
    state = BuildState(output_path=tmp_path, manifest=EveryFileNew(), writer=queued)
    with state.outputs_in_background():
        state.write_output("feeds/all.xml", ["k"], lambda: b"<feed/>")
    assert bool(state._background) is started  # a worker writes the feed already
    assert bool(state._deferred) is not started  # kept for the pages' worker
    state.join_background()  # (starts what is still queued, then waits)
    assert state.manifest.recorded == ["feeds/all.xml"]
    assert (tmp_path / "feeds" / "all.xml").read_bytes() == b"<feed/>"



@pytest.mark.parametrize("files", [1, PARALLEL_MIN_JOBS - 1, PARALLEL_MIN_JOBS])
def test_few_files_decided_before_the_pages_are_written_from_then_on(tmp_path, files):
    # The feeds are decided on when the catalog is ready, before any page is queued: an
    # edit's few feed files start in a worker at once (the live-reload server's outage
    # edit no longer waits for them after its pages); a cold build's many are held for
    # their block, where they are queued to share the pages' worker as before.
    from notices.build.session import BuildState

    state = BuildState(output_path=tmp_path, manifest=EveryFileNew(), writer=None)
    names = [f"feeds/{n}.xml" for n in range(files)]

    def write() -> None:
        for name in names:
            state.write_output(name, ["k"], lambda name=name: name.encode())

    held = state.outputs_ahead(write)
    few = files < PARALLEL_MIN_JOBS
    assert bool(state._background) is few and not state._deferred
    assert [rel for rel, _, _ in held] == ([] if few else names)
    state.writer = SimpleNamespace(jobs=[])
    with state.outputs_in_background():
        state.queue(held)
    state.join_background()
    assert sorted(state.manifest.recorded) == sorted(names)
    assert all((tmp_path / name).read_bytes() == name.encode() for name in names)

def test_fragments_made_by_the_worker_s_pages_come_back_to_the_build_cache(tmp_path):
    """What the forked worker keeps in the build cache while it renders its share of the
    pages (a cold build's 停电日历 items) travels back with its result, as what its queued
    files made does."""
    from notices.build.cache import ReaderCache
    from notices.build.manifest import BuildManifest
    from notices.build.session import BuildState

    state = BuildState(cache=ReaderCache(None, "code"), manifest=BuildManifest(None),
                       output_path=tmp_path)
    state._deferred = [("feed.xml", "key", lambda: state.fragment("feed", lambda: b"1") * 2)]
    work, done = state.background_work()

    def second() -> dict:
        return work(lambda: state.fragment("item:page", lambda: f"made in {os.getpid()}"))

    job = BackgroundJob.start(second, done)
    job.join()
    assert (tmp_path / "feed.xml").read_bytes() == b"11"
    assert state.cache.entries["fragment:feed"] == b"1"
    made = state.cache.entries["fragment:item:page"]
    assert made.startswith("made in ") and made != f"made in {os.getpid()}"
    assert state.manifest.entries["feed.xml"]["key"] == "key"


def test_queued_pages_share_one_copy_of_the_shared_context_while_it_is_the_same():
    from notices.build.pelican_adapter import _local_context, _page_context

    copies = writer.ContextCopies()
    context = {"SITEURL": "", "articles": [1, 2], "localsiteurl": ""}
    made = []
    for name, relative in (("a/1.html", True), ("b.html", False), ("a/2.html", True)):
        page = _page_context(copies, context, name, {"article": name}, relative)
        # (the local context Pelican's writer would have made at this moment)
        assert page.made() == _local_context(context, name, {"article": name}, relative)
        if page.localsiteurl:
            context["localsiteurl"] = page.localsiteurl  # as the writer does
        made.append(page)
    assert len({id(page.base) for page in made}) == 1  # the pages' own site URLs aside
    context["later"] = True  # the shared context changed: pages queued now see it
    page = _page_context(copies, context, "c.html", {}, False)
    assert page.base is not made[0].base and page.made()["later"]
    assert "later" not in made[0].made()  # pages queued before do not


def test_a_worker_s_bytes_come_back_as_they_are_beside_its_json():
    # (a cold build's worker sends the fragments its pages made, 7.7 MB pickled at 5,000
    # items: as base64 inside the JSON they cost both processes about 30 MB at the end)
    from notices.build.workers import RAW

    data = bytes(range(256)) * 1000 + b"\0raw"
    job = BackgroundJob.start(lambda: {"written": [["a.html", "k"]], RAW: data},
                              lambda result: None)
    assert job.result() == {"written": [["a.html", "k"]], RAW: data}
    job = BackgroundJob.start(lambda: {"text": "\0raw"}, lambda result: None)
    assert job.result() == {"text": "\0raw"}


@pytest.mark.parametrize("output", ["out", "out/", "./out/../out", "/abs/site/out"])
def test_a_page_s_path_under_the_output_folder_is_what_relpath_gives(tmp_path, monkeypatch,
                                                                     output):
    # The incremental writer names every page's file relative to the output folder; it cuts
    # the folder off the path sanitised_join made (relpath cost 0.08 s a build at 5,000).
    from pelican.utils import sanitised_join

    from notices.build.manifest import BuildManifest
    from notices.build.pelican_adapter import IncrementalWriter, running
    from notices.build.session import BuildState

    monkeypatch.chdir(tmp_path)
    settings = {"PAGINATED_TEMPLATES": {}, "DEFAULT_PAGINATION": False}
    with running(BuildState(output_path=tmp_path, manifest=BuildManifest(None))):
        made = IncrementalWriter(output, settings=settings)
    for name in ("index.html", "outages/2026/x.html", "a/./b/../c.html", "日历/页.html"):
        path = sanitised_join(output, name)
        assert made._relative(path) == os.path.relpath(path, output)
        assert path.startswith(made._base)  # (cut, not worked out by relpath)
