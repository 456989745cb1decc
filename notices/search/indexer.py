"""Writing the search index into a build's output: the indexer.

The build makes the records a batch at a time and sends them (``notices.search.records``)
to the indexer, a new process that holds none of the build's memory
(``notices.build.workers.BackgroundJob.start_fresh``); there ``index_from_messages`` reads
them back and ``write_index`` writes the files. Started by name (``records.INDEXER``) in
that process, so the build process never imports it nor numpy; imported by the search-index
plugin only when Pelican runs without the build driver. docs/search.md, "Indexer memory".
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from notices.search.index import (
    PackedRecords,
    SearchIndexError,
    delta_files,
    file_hashes,
    index_meta,
    posting_files,
    record_files,
)
from notices.search.messages import INDEX_FOLDER, SearchRecord, records_from


def resident_mib() -> int:
    """This process's resident memory now, in MiB (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE") // (1 << 20)


def index_from_messages(output_path: str, bucket_bytes: int,
                        filter_values: dict[str, list[str]], beside: Callable,
                        messages: Iterable[bytes]) -> dict:
    """In the indexer's process: read the records, then ``write_index`` (its time and
    memory counted from here)."""
    started = (time.perf_counter(), time.process_time(), resident_mib())
    records = PackedRecords()
    for message in messages:  # (held packed: ``PackedRecords``)
        records.extend(records_from([message]))
    records.seal()
    return write_index(records, output_path, bucket_bytes, filter_values, beside, started)


def write_index(records: list[SearchRecord] | PackedRecords, output_path: str, bucket_bytes: int,
                filter_values: dict[str, list[str]], beside: Callable,
                started: tuple[float, float, int] | None = None) -> dict:
    """Build and write the index under ``output_path``/search/; return what the build
    reports (JSON-able): the files written and the indexer's time and memory, or
    ``{"error": message}``.

    The postings are built here while a helper writes the display blocks and filter files
    (the two halves take about as long at 20,000 items): ``beside(work, done)`` runs
    ``work`` in a second process (forked: it shares the records) and returns a job whose
    ``result()`` waits for it. ``records`` given as ``PackedRecords`` (the indexer's
    process) are emptied once the helper has them (their count is kept). ``started``: the
    wall and CPU clocks and the resident MiB when the indexer started (now if not given).
    """
    wall_started, cpu_started, started_mib = started or (
        time.perf_counter(), time.process_time(), resident_mib())
    root = Path(output_path) / INDEX_FOLDER
    helper = beside(lambda: _record_files_written(root, records, filter_values),
                    lambda result: None)
    try:
        hashes: dict[str, str] = {}
        # Each bucket file is written as soon as it is made, not kept until the end. The
        # helper has the records it needs (forked): packed records hand their texts to the
        # postings, which drop them once numbered; this process keeps only their count.
        _, tokens, buckets = posting_files(
            records.texts(keep=False) if isinstance(records, PackedRecords) else records,
            bucket_bytes, _writer(root, hashes))
    except SearchIndexError as exc:
        helper.result()
        return {"error": str(exc)}
    hashes.update(helper.result())
    helper_usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the only child waited for
    hashes.update(write_files(root, {"index.json": index_meta(len(records), buckets, hashes)}))
    return {"files": [f"{INDEX_FOLDER}/{name}" for name in hashes],
            "records": len(records), "tokens": tokens, "buckets": buckets,
            "seconds": time.perf_counter() - wall_started,
            "cpu_seconds": time.process_time() - cpu_started,
            # Resident memory of the indexing process at its start and at its peak, and its
            # helper's peak.
            "rss_start_mib": started_mib,
            "rss_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "helper_cpu_seconds": helper_usage.ru_utime + helper_usage.ru_stime,
            "helper_peak_mib": helper_usage.ru_maxrss // 1024}


def delta_from_messages(output_path: str, bucket_bytes: int,
                        filter_values: dict[str, list[str]], main_meta: bytes,
                        removed: list[int], at: list[int], messages: Iterable[bytes]) -> dict:
    """In the indexer's process: index the records an edit added or changed beside the
    main index (``index.delta_files``); return the files written under ``search/``."""
    started = time.perf_counter(), time.process_time()
    records = records_from(messages)
    try:
        files = delta_files(records, removed, at, main_meta, bucket_bytes, filter_values)
    except SearchIndexError as exc:
        return {"error": str(exc)}
    write_files(Path(output_path) / INDEX_FOLDER, files)
    return {"files": [f"{INDEX_FOLDER}/{name}" for name in files], "records": len(records),
            "removed": len(removed), "seconds": time.perf_counter() - started[0],
            "cpu_seconds": time.process_time() - started[1]}


def _record_files_written(root: Path, records: list[SearchRecord] | PackedRecords,
                          filter_values: dict[str, list[str]]) -> dict[str, str]:
    """In the helper: write the record files as they are made; return their hashes."""
    hashes: dict[str, str] = {}
    record_files(records, filter_values, _writer(root, hashes))
    return hashes


def _writer(root: Path, hashes: dict[str, str]) -> Callable[[str, bytes], None]:
    """A sink for index files made one at a time: writes each under ``root`` at once and
    adds its hash to ``hashes``."""
    return lambda name, data: hashes.update(write_files(root, {name: data}))


def write_files(root: Path, files: dict[str, bytes]) -> dict[str, str]:
    """Write index files under ``root``; return each one's hash (for the version)."""
    made = set()
    for name, data in files.items():
        folder = (root / name).parent
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        (root / name).write_bytes(data)
    return file_hashes(files)
