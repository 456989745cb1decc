"""Fingerprints of code and content, and the parsed-content cache.

``ReaderCache`` keeps typed ``Notice`` objects by (path, bytes, code fingerprint); a cold
build parses the missing files in parallel worker processes. Imported by the reader plugin
and the build driver.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import pickle
import shutil
import zlib
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)


# Bump when the manifest or cache format changes.
FORMAT = "1"
PARALLEL_MIN_JOBS = 64



# ---------------------------------------------------------------------------
# Fingerprints


def hash_parts(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def tree_fingerprint(folders: Iterable[Path], suffixes: tuple[str, ...] | None = None) -> str:
    """Hash every file's relative path and bytes under ``folders``."""
    digest = hashlib.sha256()
    for folder in folders:
        folder = Path(folder)
        if not folder.exists():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and (
                    suffixes is None or path.suffix in suffixes):
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def stable_repr(value) -> str:
    """A repr without memory addresses (functions and classes by name)."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{stable_repr(v)}" for k, v in sorted(
            value.items(), key=lambda kv: repr(kv[0]))) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return "[" + ",".join(stable_repr(v) for v in items) + "]"
    if callable(value) and hasattr(value, "__qualname__"):
        return f"<{getattr(value, '__module__', '')}.{value.__qualname__}>"
    text = repr(value)
    return text if " at 0x" not in text else type(value).__qualname__


_VOLATILE_SETTINGS = {"OUTPUT_PATH", "CACHE_PATH", "WRITE_SELECTED", "PROJECT_ROOT", "PATH"}


def code_fingerprint(settings: dict) -> str:
    """Everything besides content that output depends on: code, theme, settings, versions."""

    package = Path(__file__).resolve().parent
    plugin_dirs = [Path(p) for p in settings.get("PLUGIN_PATHS", [])]
    versions = []
    for name in ("pelican", "jinja2", "markdown-it-py", "mdit-py-plugins", "pyyaml",
                 "pydantic", "feedgen", "icalendar", "numpy", "pypinyin"):
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    relevant = {k: v for k, v in settings.items() if k.isupper() and k not in _VOLATILE_SETTINGS}
    return hash_parts(
        FORMAT,
        tree_fingerprint([package], (".py",)),
        tree_fingerprint(plugin_dirs, (".py",)),
        tree_fingerprint([Path(settings["THEME"])]),
        ",".join(versions),
        stable_repr(relevant),
    )


# ---------------------------------------------------------------------------
# Parsed-content cache


@dataclass
class ReaderCache:
    """Typed notices (or their problems) by a hash of path and bytes, kept across runs."""

    path: Path | None  # a folder of pickles, one per shard (``shard``)
    code: str
    entries: dict[str, object] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    dirty: set[int] = field(default_factory=set)

    # An edit rewrites the few shards its entries fall in, not all of the cache: the
    # edited notice (old and new), and the fragments of its events.
    SHARDS = 128
    # Fragments (``BuildState.fragment``: "fragment:<kind>:<what it is of>:…") have shards
    # of their own after the notices', by what they are of (an event's key, a tender's
    # id): an event's VEVENT, record and window items, old and new, share one small shard.
    # (Spread over the notices' shards by their whole key, the fragments of one outage
    # edit rewrote 57 of 128 shards, 13 MB, at 5,000 items.)
    FRAGMENT_SHARDS = 64

    @classmethod
    def load(cls, cache_dir: str | None, code: str) -> ReaderCache:
        if not cache_dir:
            return cls(None, code)
        path = Path(cache_dir) / f"notices-{code}"
        entries: dict[str, object] = {}
        with collector_paused():
            for shard in sorted(path.glob("*.pickle")) if path.is_dir() else []:
                try:
                    with open(shard, "rb") as handle:
                        entries.update(pickle.load(handle))
                except Exception:  # noqa: BLE001 - a damaged shard is only slower
                    continue
        return cls(path, code, entries)

    @staticmethod
    def key(path: str, data: bytes) -> str:
        return hash_parts(os.path.abspath(path), data)

    @classmethod
    def shard(cls, key: str) -> int:
        if key.startswith("fragment:"):
            parts = key.split(":", 3)
            group = parts[2] if len(parts) > 2 else key
            return cls.SHARDS + zlib.crc32(group.encode("utf-8")) % cls.FRAGMENT_SHARDS
        return zlib.crc32(key.encode("utf-8")) % cls.SHARDS

    def get(self, key: str):
        self.used.add(key)
        return self.entries.get(key)

    def put(self, key: str, value) -> None:
        self.used.add(key)
        self.entries[key] = value
        self.dirty.add(self.shard(key))

    def save(self) -> None:
        """Keep the entries this run used (drop stale ones); rewrite changed shards atomically."""
        if self.path is None:
            return
        for key in set(self.entries) - self.used:
            del self.entries[key]
            self.dirty.add(self.shard(key))
        if not self.dirty:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        for old in self.path.parent.glob("notices-*"):
            if old != self.path:  # caches of other code versions
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink(missing_ok=True)
        shards: dict[int, dict] = {n: {} for n in self.dirty}
        for key, value in self.entries.items():
            shard = shards.get(self.shard(key))
            if shard is not None:
                shard[key] = value
        for number, entries in shards.items():
            target = self.path / f"{number:03d}.pickle"
            tmp = target.with_suffix(f".tmp{os.getpid()}")
            with open(tmp, "wb") as handle:
                pickle.dump(entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        self.dirty.clear()


@contextmanager
def collector_paused():
    """No cycle collection in the block: unpickling makes hundreds of thousands of
    long-lived objects and no garbage, and each collection would walk them again.

    What the block made is then put in the oldest generation at once, as if it had lived
    through the young collections (``gc.freeze`` and ``gc.unfreeze``: two list splices, no
    walk): otherwise the first young collection after the block walked all of it (0.17 s
    of a new process's edit at 5,000 items, for the reader cache alone). A full collection
    still sees these objects. Not done when something else holds objects frozen (a fork
    in progress), which ``gc.unfreeze`` would release.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def parse_in_parallel(jobs: list[tuple[str, bytes]], parse: Callable, workers: int = 2) -> list:
    """Run ``parse(path, data)`` over ``jobs`` in worker processes (fork), in order."""
    if len(jobs) < PARALLEL_MIN_JOBS or workers < 2 or not hasattr(os, "fork"):
        return [parse(path, data) for path, data in jobs]

    context = multiprocessing.get_context("fork")
    chunk = max(16, len(jobs) // (workers * 8))
    with context.Pool(workers) as pool:
        return pool.starmap(parse, jobs, chunksize=chunk)
