"""Pelican plugin: the search page and its index.

Writes ``search/index.html`` (template ``search.html``) and, once per build, the index of
one record per article, tender, schedule and outage window into ``search/`` inside the
build's staging folder, so the index is swapped in with the pages it describes. How records
are cut, matched and indexed lives in ``notices.search.index``; docs/search.md explains why.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections import defaultdict
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pydantic import Field

from notices import timing
from notices.build.pelican_adapter import current_build
from notices.build.workers import BackgroundJob
from notices.content.model import KIND_LABELS
from notices.content.settings import PluginSettings, load_plugin_settings
from notices.memo import remember
from notices.search import records
from notices.search.records import INDEX_FOLDER

MANIFEST_ENTRY = "::search"
DELTA_ENTRY = "::search-delta"
# What the delta is made by, in a new process (see ``records.INDEXER``).
DELTA_INDEXER = "notices.search.indexer.delta_from_messages"
# What the next delta's plan compares with, kept in the cache folder (builds/) by the build
# that made the index in output/: each notice's hash, URL and record numbers
# (``records.delta_basis``), then, in a second pickle, each record's source key
# (``records.source_keys``).
SOURCES_FILE = "search-sources.pickle"
# Above this many added or changed records a delta is not made (the index is carried over
# unchanged until the full build): about an indexer's start-up of work.
DELTA_LIMIT = 2000


# Under "pelican" so the build driver counts an indexing failure as an error of the build.
log = logging.getLogger("pelican.plugins.search_index")


class SearchSettings(PluginSettings):
    """``SEARCH`` in pelicanconf.py."""

    #: Build the search index (off, the search page says search is unavailable).
    index: bool = True
    #: Results shown at once; "显示更多" shows this many more.
    results_per_page: int = Field(20, ge=1)
    #: About the average size of a shard file (search/i/) in bytes. A query term costs one
    #: shard, a rare one of n characters up to 1 + n / 3 (measurements in docs/search.md).
    bucket_bytes: int = Field(8192, ge=512)


class SearchPageGenerator(Generator):
    """Write the search page and, when enabled, the search index."""

    def generate_context(self) -> None:
        self.options = load_plugin_settings(self.settings, "SEARCH", SearchSettings)
        self.context["SEARCH"] = self.options
        state = current_build()
        if state is not None and state.writes and self.options.index:
            state.when_catalog_ready(lambda catalog: self._start_index(catalog, state))

    def generate_output(self, writer) -> None:
        catalog = self.context["catalog"]
        months: dict[str, list[str]] = defaultdict(list)
        window_months = remember((catalog.windows.key, "months"), lambda: {
            f"{day:%Y-%m}" for day in {e.window.date for e in catalog.windows}})
        for month in sorted({n.month_key for n in catalog.notices} | window_months,
                            reverse=True):
            months[month[:4]].append(month)
        writer.write_file(
            "search/index.html", self.get_template("search"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], page_name="search/index",
            search_kinds=[(k.value, label) for k, label in KIND_LABELS.items()],
            search_districts=[(d.slug, d.name) for d in catalog.districts],
            search_months=list(months.items()), search_index=self.options.index,
        )
        if self.options.index and current_build() is None:
            self._index_done(self._write_index(catalog), None, "")  # Pelican run directly

    def _start_index(self, catalog, state) -> None:
        if self._reuse_previous_index(catalog, state):
            return
        # The catalog's fingerprint covers every notice and URL the records come from (and
        # the manifest is dropped when code, theme or settings change).
        key = hashlib.sha256(f"{MANIFEST_ENTRY}|{state.catalog_fp}|"
                             f"{self.options.bucket_bytes}".encode()).hexdigest()[:32]
        if _whole(state.manifest.previous.get(MANIFEST_ENTRY)) and \
                state.manifest.reusable(MANIFEST_ENTRY, key):
            return  # the same records: the previous index is linked into the new tree
        # Indexing needs only the records: it runs in a new process (not a fork of this
        # one, which would start with this process's whole heap) while the pages, feeds
        # and calendars are written, and is waited for before the tree is swapped in.
        # The records are made a batch at a time as they are sent (the process starts
        # meanwhile) and are never all held here; this process never imports the indexer
        # (nor numpy).
        with timing.phase("search-records"):
            sources = records.record_sources(catalog)
            keys = records.source_keys(catalog, sources)
            # (two pickles, one after the other: every record's key is read only when the
            # plan cannot be made by notice)
            kept = pickle.dumps({"key": key, "basis": records.delta_basis(
                catalog, sources, keys)}, pickle.HIGHEST_PROTOCOL) + pickle.dumps(
                keys, pickle.HIGHEST_PROTOCOL)
            del sources, keys
            state.in_fresh_process(
                records.INDEXER, (self.output_path, self.options.bucket_bytes,
                                  self._filter_values(catalog), BackgroundJob.start),
                records.record_messages(records.search_record_batches(
                    catalog, records.RECORDS_PER_MESSAGE)),
                lambda result: self._index_done(result, state, key, kept))

    def _filter_values(self, catalog) -> dict[str, list[str]]:
        """Values that get a filter file even when no record has them."""
        return {"kind": [k.value for k in KIND_LABELS],
                "district": [d.slug for d in catalog.districts]}

    def _write_index(self, catalog) -> dict:
        """Build and write the index in this process (Pelican run directly)."""
        # lazy: the indexer (and numpy) cost 0.4 s to import, and only a Pelican run
        # without the build driver calls it here
        from notices.search.indexer import write_index

        return write_index(records.search_records(catalog), self.output_path,
                           self.options.bucket_bytes, self._filter_values(catalog),
                           BackgroundJob.start)

    def _sources_path(self) -> Path | None:
        # (in a folder of its own: a file added at the top of the cache folder would change
        # that folder's stat, which the "nothing changed" check reads)
        cache = self.settings.get("CACHE_PATH")
        return Path(cache) / "builds" / SOURCES_FILE if cache else None

    def _index_done(self, result: dict, state, key: str, kept: bytes | None = None) -> None:
        if "error" in result:
            log.error("search index: %s", result["error"])
            return
        if kept is not None and (path := self._sources_path()) is not None:
            # (pickle: a cache file of this build's own, read back by the next build only)
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.getpid()}")
            temporary.write_bytes(kept)
            os.replace(temporary, path)
        timing.PHASES["search"] += result["seconds"]
        timing.NOTES["search indexer"] = (
            f"{result['seconds']:.2f} s wall, {result['cpu_seconds']:.2f} s CPU, "
            f"peak {result['rss_peak_mib']} MiB resident "
            f"({result['rss_start_mib']} MiB at its start); "
            f"its helper {result['helper_cpu_seconds']:.2f} s CPU, "
            f"peak {result['helper_peak_mib']} MiB")
        if state is not None:
            state.manifest.record(MANIFEST_ENTRY, key, result["files"])
        log.info("search index: %d records, %d tokens in %d shards, %d files in %.2f s",
                 result["records"], result["tokens"], result["buckets"], len(result["files"]),
                 result["seconds"])

    def _reuse_previous_index(self, catalog, state) -> bool:
        """Carry the previous build's index over, with a delta of what changed since.

        Only when the build driver asks for it (``BuildState.reuse_search``): the pages go
        live at once, the records an edit added or changed are indexed beside the previous
        index (``search/d/``, a new process, a fraction of a second) so search finds them,
        and a full build right after makes one index again, which keeps indexing off an
        editor's critical path. Without what a delta needs (the previous index's source
        keys), the previous index is carried over unchanged.
        """
        previous = state.manifest.previous
        if not state.reuse_search or MANIFEST_ENTRY not in previous:
            return False
        # Keeping the previous key makes the next full build see that the index is out of
        # date and replace it.
        key = previous[MANIFEST_ENTRY]["key"]
        delta = self._delta_plan(catalog, state, key)
        if delta is None or _whole(previous[MANIFEST_ENTRY]) and not (
                delta[0].added or delta[0].removed):
            # Carried over as it is (with its delta, if the previous build made one).
            entries = [(MANIFEST_ENTRY, key)]
            if DELTA_ENTRY in previous:
                entries.append((DELTA_ENTRY, previous[DELTA_ENTRY]["key"]))
            return state.manifest.reusable_all(entries)
        plan, main_meta, made_from = delta
        # The main index's files are linked; its index.json (and any previous delta) is
        # written anew by the delta's process.
        main = [f for f in previous[MANIFEST_ENTRY]["files"]
                if f != f"{INDEX_FOLDER}/index.json"]
        if not state.manifest.reuse_part(MANIFEST_ENTRY, key, main):
            return False
        delta_key = hashlib.sha256(repr((key, plan)).encode()).hexdigest()[:32]
        state.in_fresh_process(
            DELTA_INDEXER, (self.output_path, self.options.bucket_bytes,
                            self._filter_values(catalog), main_meta, plan.removed, plan.at),
            records.record_messages([[make(item) for _, _, make, item in made_from]]),
            lambda result: self._delta_done(result, state, delta_key))
        return True

    def _delta_plan(self, catalog, state, key: str):
        """(the plan, the main index.json, what the added records are made from) of a delta
        against the index in the previous tree, or None when there is none to make."""
        path = self._sources_path()
        if path is None or state.manifest.previous_dir is None:
            return None
        try:
            with path.open("rb") as kept_file:
                kept = pickle.load(kept_file)
                main_meta = (state.manifest.previous_dir / INDEX_FOLDER / "index.json"
                             ).read_bytes()
                if kept.get("key") != key:
                    return None  # the index in output/ is not the one these keys describe
                # By notice: keys and records of the notices that changed only (the index's
                # build kept each notice's hash, URL and records); else every record's key.
                by_notice = kept.get("basis") and records.notice_delta(kept["basis"], catalog)
                if by_notice:
                    plan, made_from = by_notice
                else:
                    sources = records.record_sources(catalog)
                    plan = records.delta_plan(pickle.load(kept_file),
                                              records.source_keys(catalog, sources))
                    made_from = [sources[n] for n in plan.added]
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError):
            return None  # (a file of another form: the index is carried over unchanged)
        if len(plan.added) > DELTA_LIMIT:
            return None
        # (An empty plan still makes a delta when the previous tree's index.json is a
        # delta's: an edit undone needs the main index.json back.)
        return plan, main_meta, made_from

    def _delta_done(self, result: dict, state, key: str) -> None:
        if "error" in result:
            log.error("search index: %s", result["error"])
            return
        state.manifest.record(DELTA_ENTRY, key, result["files"])
        log.info("search index: a delta of %d records (%d replaced) in %.2f s",
                 result["records"], result["removed"], result["seconds"])


def _whole(entry: dict | None) -> bool:
    """Whether a manifest entry of the index holds its index.json: not the main index of a
    build that wrote a delta beside it (its index.json is the delta's entry's)."""
    return bool(entry) and f"{INDEX_FOLDER}/index.json" in entry["files"]


def get_generators(pelican):
    return SearchPageGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
