"""Pelican plugin: the search page and its index.

Writes ``search/index.html`` (template ``search.html``) and, once per build, the index of
one record per article, tender, schedule and outage window into ``search/`` inside the
build's staging folder, so the index is swapped in with the pages it describes. How records
are cut, matched and indexed lives in ``notices.search.index``; docs/search.md explains why.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict

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

MANIFEST_ENTRY = "::search"


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
        if self._reuse_previous_index(state):
            return
        # The catalog's fingerprint covers every notice and URL the records come from (and
        # the manifest is dropped when code, theme or settings change).
        key = hashlib.sha256(f"{MANIFEST_ENTRY}|{state.catalog_fp}|"
                             f"{self.options.bucket_bytes}".encode()).hexdigest()[:32]
        if state.manifest.reusable(MANIFEST_ENTRY, key):
            return  # the same records: the previous index is linked into the new tree
        # Indexing needs only the records: it runs in a new process (not a fork of this
        # one, which would start with this process's whole heap) while the pages, feeds
        # and calendars are written, and is waited for before the tree is swapped in.
        # The records are made a batch at a time as they are sent (the process starts
        # meanwhile) and are never all held here; this process never imports the indexer
        # (nor numpy).
        with timing.phase("search-records"):
            state.in_fresh_process(
                records.INDEXER, (self.output_path, self.options.bucket_bytes,
                                  self._filter_values(catalog), BackgroundJob.start),
                records.record_messages(records.search_record_batches(
                    catalog, records.RECORDS_PER_MESSAGE)),
                lambda result: self._index_done(result, state, key))

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

    def _index_done(self, result: dict, state, key: str) -> None:
        if "error" in result:
            log.error("search index: %s", result["error"])
            return
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

    def _reuse_previous_index(self, state) -> bool:
        """Carry the previous build's index over unchanged.

        Only when the build driver asks for it (``BuildState.reuse_search``): the pages go live
        at once and a full build right after brings the index up to date, which keeps
        indexing off an editor's critical path.
        """
        previous = state.manifest.previous
        if not state.reuse_search or MANIFEST_ENTRY not in previous:
            return False
        # Keeping the previous entries (and keys) makes the next full build see that the
        # index is out of date and replace it.
        return state.manifest.reusable(MANIFEST_ENTRY, previous[MANIFEST_ENTRY]["key"])


def get_generators(pelican):
    return SearchPageGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
