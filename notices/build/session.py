"""``BuildState``: the incremental state of one build, shared by the reader, the writer and
the plugins (which write their files through ``write_output``).

The build driver makes one per build with what it asks of the build (the previous output,
a warm state, a cancel event, whether the search index may be carried over) and hands it
to ``notices.build.pelican_adapter.run``, which owns it while Pelican runs: plugins ask
``pelican_adapter.current_build()`` for it. Nothing of it travels in Pelican's settings.
"""

from __future__ import annotations

import logging
import pickle
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from notices.build.cache import PARALLEL_MIN_JOBS, ReaderCache, code_fingerprint, hash_parts
from notices.build.manifest import BuildManifest
from notices.build.warm import WarmState
from notices.build.workers import RAW, BackgroundJob, BuildCancelled
from notices.timing import PHASES

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# Files written by plugins (feeds, calendars, data)


def write_rendered(root: str | Path, rel_path: str, render: Callable[[], bytes]) -> None:
    """Write ``render()`` to ``root/rel_path``, making its folder (no reuse, no record)."""
    target = Path(root) / rel_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(render())


def outputs_in_background(state: BuildState | None):
    """``state.outputs_in_background()``; a no-op context when Pelican runs without the
    build driver (files are written at once)."""
    return state.outputs_in_background() if state is not None else nullcontext()


@dataclass
class BuildState:
    """The incremental state of one build, shared by the reader, writer and plugins."""

    # What the driver asks of this build.
    previous_output: str | None = None  # the tree pages may be reused from
    # The previous search index may be carried over (the pages go live first).
    reuse_search: bool = False
    # False when the site is only read (``check``, ``read_catalog``): nothing is written,
    # so no output is started in the background.
    writes: bool = True
    # A threading.Event: set, it stops the build where it waits for workers.
    cancel: object = None
    warm: WarmState | None = None  # what a long-running process keeps between builds
    # Filled in by ``start`` once Pelican's settings are read.
    code: str = ""
    cache: ReaderCache | None = None
    manifest: BuildManifest | None = None
    output_path: Path | None = None
    catalog_fp: str = ""
    # Update the previous tree in place instead of linking a new one (``update_in_place``).
    in_place: bool = False
    workers: int = 2  # processes for parsing and rendering (NOTICE_READER's ``workers``)
    writer: object = None  # pelican_adapter.IncrementalWriter, once Pelican makes it
    # pelican_adapter.ArticleStore: a one-off build's articles kept for the next one
    articles: object = None
    _marks: dict[str, float] = field(default_factory=dict)
    _background: list[BackgroundJob] = field(default_factory=list)
    _queued: list | None = None
    _deferred: list = field(default_factory=list)  # renders queued for the second process
    _catalog_hooks: list[Callable] = field(default_factory=list)
    # Fragments made or used in a forked worker (``fragment``), sent back to this process.
    _worker_fragments: dict | None = None

    def start(self, settings: dict) -> None:
        """Begin the build with Pelican's (checked) settings: fingerprint the code, load the
        manifest of the previous output and the reader cache."""
        code = self.code = code_fingerprint(settings)
        cache_dir = settings.get("CACHE_PATH")
        if self.warm is not None:
            # PATH is not part of the code fingerprint (it does not change any output), but
            # kept articles know their path relative to it.
            self.warm.begin(f"{code}:{settings['PATH']}")
        self.manifest = BuildManifest.load(self.previous_output, code, cache_dir, self.warm)

        def load_cache() -> ReaderCache:
            return ReaderCache.load(cache_dir, code)

        self.cache = (self.warm.cache(cache_dir, load_cache) if self.warm is not None
                      else load_cache())
        self.output_path = Path(settings["OUTPUT_PATH"])
        # The live-reload server updates output/ in place when the manifest describes it.
        self.in_place = self.warm is not None and bool(self.manifest.previous)

    def when_catalog_ready(self, hook: Callable) -> None:
        """Call ``hook(catalog)`` as soon as the catalog is built, before any page is written."""
        self._catalog_hooks.append(hook)

    def catalog_ready(self, catalog) -> None:
        for hook in self._catalog_hooks:
            hook(catalog)

    def in_background(self, work: Callable[[], dict], done: Callable[[dict], None]) -> None:
        """Run ``work`` in a forked process while the build goes on (serially without fork).

        ``work`` writes its files into the staging folder and returns a JSON-able dict, which
        ``done`` receives in this process when ``join_background`` is called (after the
        pages are rendered): it records the files in the manifest or reports a problem.
        """
        self._background.append(BackgroundJob.start(work, done))

    def in_fresh_process(self, work: str, args: tuple, messages: Iterable[bytes],
                         done: Callable[[dict], None]) -> None:
        """As ``in_background``, but the function named ``work`` runs in a new process that
        holds none of this one's memory, called with ``*args`` and ``received``: the
        ``messages`` sent to it (``BackgroundJob.start_fresh``)."""
        self._background.append(BackgroundJob.start_fresh(work, args, messages, done))

    def join_background(self) -> None:
        """Wait for every background job and hand each its result (after starting the
        queued renders, if no page rendering took them)."""
        if (work := self.background_work()) is not None:
            self.in_background(*work)
        jobs, self._background = self._background, []
        for number, job in enumerate(jobs):
            try:
                job.join(self.cancel)
            except BuildCancelled:
                for other in jobs[number + 1:]:
                    other.kill()
                raise

    def mark(self, name: str) -> None:
        """Start phase ``name``, or end it (adding to the timings) on the second call."""


        now = time.perf_counter()
        if name in self._marks:
            PHASES[name] += now - self._marks.pop(name)
        else:
            self._marks[name] = now

    def write_output(self, rel_path: str, key_parts: Iterable[str], render: Callable[[], bytes]
                     ) -> None:
        """Write ``rel_path`` from ``render()`` unless the same inputs made it last time."""
        key = hash_parts(*key_parts)
        if self.manifest.reusable(rel_path, key):
            return
        if self._queued is not None:
            self._queued.append((rel_path, key, render))
            return
        write_rendered(self.output_path, rel_path, render)
        self.manifest.record(rel_path, key, [rel_path])

    def fragment(self, key: str, make: Callable[[], object]) -> object:
        """A piece of output (a calendar's serialised event) kept in the build cache under
        ``key``, which must name everything it is made from besides code and settings (the
        cache is keyed by the code fingerprint): the next build, in this process or a new
        one, takes it from there instead of making it again."""
        if self.cache is None:
            return make()
        full = "fragment:" + key
        found = self.cache.get(full)
        made = found is None
        if made:
            found = make()
            self.cache.put(full, found)
        if self._worker_fragments is not None:  # (only what is new travels back)
            self._worker_fragments[full] = found if made else None
        return found

    def keep_fragment(self, key: str) -> None:
        """Keep the fragment under ``key`` in the build cache although this build did not
        ask for it (the files that hold it were reused): the cache drops what a build
        did not use."""
        if self.cache is not None and "fragment:" + key in self.cache.entries:
            self.cache.used.add("fragment:" + key)

    def keep_fragment_variants(self, prefix: str, separator: str, bases: set[str]) -> None:
        """Keep every fragment whose key is ``prefix``, one of ``bases``, ``separator`` and
        anything after (the variants a build made of one thing: a window item per page
        depth), although this build did not ask for them."""
        if self.cache is None:
            return
        start = "fragment:" + prefix
        used = self.cache.used
        for key in self.cache.entries:
            if key.startswith(start) and key[len(start):].partition(separator)[0] in bases:
                used.add(key)

    def _fragments_from_worker(self) -> None:
        self._worker_fragments = {}

    def _fragments_for_parent(self) -> bytes:
        """The fragments a forked worker made (and the keys of those it found), pickled for
        its result (they are bytes: they travel beside its JSON, ``workers.RAW``)."""
        made, self._worker_fragments = self._worker_fragments or {}, None
        return pickle.dumps(made, pickle.HIGHEST_PROTOCOL)

    def _fragments_received(self, data: bytes | None) -> None:
        """Keep what a worker used in the build cache (it is saved by this process)."""
        if self.cache is None or not data:
            return
        for key, value in pickle.loads(data).items():
            if value is None or key in self.cache.entries:
                self.cache.used.add(key)
            else:
                self.cache.put(key, value)

    @contextmanager
    def outputs_in_background(self):
        """Within the block ``write_output`` decides reuse at once but only queues renders;
        the queued files are rendered in a second process while the build goes on.

        With many pages to render (a cold build: the articles' pages are queued before the
        feeds and calendars), that process starts when the pages are, and renders part of
        them too (``background_work``); with few (an edit), at the end of the block, so its
        files are written while the build makes and renders the rest (the live-reload
        server's outage edit: medians 1.47–1.55 → 1.32–1.45 s at 5,000 items, docs/speed.md)."""
        self._queued = []
        try:
            yield
        finally:
            queued, self._queued = self._queued, None
        self._deferred.extend(queued)
        pages = len(self.writer.jobs) if self.writer is not None else 0  # queued so far
        if pages < PARALLEL_MIN_JOBS and (work := self.background_work()):
            self.in_background(*work)

    def outputs_ahead(self, write: Callable[[], None]) -> list:
        """Run ``write`` (which calls ``write_output``) before any page is queued, when the
        catalog is ready (``when_catalog_ready``): when it queues fewer than
        ``PARALLEL_MIN_JOBS`` renders (an edit), they start in a second process at once, so
        the files are written while this process decides on and renders the pages (the
        live-reload server's outage edit waited for its feeds after its pages). More (a cold
        build) are returned, for the block where they would have been queued
        (``outputs_in_background``, ``queue``): they share the pages' one worker as before."""
        self._queued = []
        try:
            write()
        finally:
            queued, self._queued = self._queued, None
        if len(queued) >= PARALLEL_MIN_JOBS:
            return queued
        if queued:
            self.in_background(*self.background_work(queued))
        return []

    def queue(self, renders: list) -> None:
        """Queue renders held back by ``outputs_ahead``, inside an ``outputs_in_background``
        block."""
        self._queued.extend(renders)

    def background_work(self, queued: list | None = None
                        ) -> tuple[Callable[[], dict], Callable[[dict], None]] | None:
        """The renders queued by ``outputs_in_background`` blocks (and taken from the
        queue), or ``queued``: the function a forked worker runs, and the one that takes its
        result in this process (recording the files in the manifest); None when nothing is
        queued."""
        if queued is None:
            queued, self._deferred = self._deferred, []
        if not queued:
            return None
        root = self.output_path

        def work(then: Callable[[], None] | None = None) -> dict:
            # ``then``: more work of the same process (pages it renders), whose fragments
            # travel back with these files' (the next build, in a new process too, finds
            # the window items a cold build's worker rendered).
            self._fragments_from_worker()
            for rel_path, _, render in queued:
                write_rendered(root, rel_path, render)
            if then is not None:
                then()
            return {"written": [[rel_path, key] for rel_path, key, _ in queued],
                    RAW: self._fragments_for_parent()}

        def done(result: dict) -> None:
            for rel_path, key in result["written"]:
                self.manifest.record(rel_path, key, [rel_path])
            self._fragments_received(result.get(RAW))

        return work, done
