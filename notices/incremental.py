"""Incremental builds: parse each file once, render only pages whose inputs changed.

Three pieces, all keyed by content hashes rather than modification times:

- ``ReaderCache``: typed ``Notice`` objects by (path, bytes, code fingerprint); a cold build
  parses the missing files in parallel worker processes.
- ``BuildManifest``: what each output of the previous build was made from. It is kept in the
  cache folder with the identity (inode) of the output tree it describes, and ignored when
  that tree is not the one in place, so ``output/`` itself holds only the site.
- ``IncrementalWriter``: Pelican's writer, but a page whose key (template fingerprint,
  settings, the notices it shows) is unchanged is hard-linked from the previous output
  instead of rendered; pages that must be rendered are rendered in parallel at the end.

A page's key covers what its template reads: its arguments (for a list, the items of that
page), and from the content-derived objects of the shared context what they say a page read
from them (``page_fingerprint``: ``catalog``, ``outage_calendar``).

The build still happens in a staging folder that is swapped in atomically
(``notices.build``); reused files are hard links, so nothing of the live tree is modified.
If nothing changed at all, the staging folder is dropped and ``output/`` is left alone. The
live-reload server (``notices.warm``) instead moves the few files it wrote into ``output/``
(``update_in_place``).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import logging
import os
import pickle
import shutil
import zlib
from collections.abc import Callable, Iterable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from pelican.writers import Writer

from . import warm
from .build import state_dir

log = logging.getLogger(__name__)

# Bump when the manifest or cache format changes.
FORMAT = "1"
PARALLEL_MIN_JOBS = 64


# ---------------------------------------------------------------------------
# Fingerprints


def _hash(*parts: str | bytes) -> str:
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


def _stable_repr(value) -> str:
    """A repr without memory addresses (functions and classes by name)."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{_stable_repr(v)}" for k, v in sorted(
            value.items(), key=lambda kv: repr(kv[0]))) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return "[" + ",".join(_stable_repr(v) for v in items) + "]"
    if callable(value) and hasattr(value, "__qualname__"):
        return f"<{getattr(value, '__module__', '')}.{value.__qualname__}>"
    text = repr(value)
    return text if " at 0x" not in text else type(value).__qualname__


_VOLATILE_SETTINGS = {"OUTPUT_PATH", "NOTICES_PREVIOUS_OUTPUT", "NOTICES_REUSE_SEARCH",
                      "NOTICES_CANCEL", "CACHE_PATH", "WRITE_SELECTED",
                      "PROJECT_ROOT", "PATH"}


def code_fingerprint(settings: dict) -> str:
    """Everything besides content that output depends on: code, theme, settings, versions."""
    from importlib import metadata

    package = Path(__file__).resolve().parent
    plugin_dirs = [Path(p) for p in settings.get("PLUGIN_PATHS", [])]
    versions = []
    for name in ("pelican", "jinja2", "markdown-it-py", "mdit-py-plugins", "pyyaml",
                 "pydantic", "feedgen", "icalendar", "numpy"):
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    relevant = {k: v for k, v in settings.items() if k.isupper() and k not in _VOLATILE_SETTINGS}
    return _hash(
        FORMAT,
        tree_fingerprint([package], (".py",)),
        tree_fingerprint(plugin_dirs, (".py",)),
        tree_fingerprint([Path(settings["THEME"])]),
        ",".join(versions),
        _stable_repr(relevant),
    )


# ---------------------------------------------------------------------------
# Parsed-content cache


@dataclass
class ReaderCache:
    """Typed notices (or their problems) by a hash of path and bytes, kept across runs."""

    path: Path | None  # a folder of SHARDS pickles; a key's shard is its CRC-32 mod SHARDS
    code: str
    entries: dict[str, object] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    dirty: set[int] = field(default_factory=set)

    SHARDS = 32  # an edit rewrites one shard (a 32nd of the cache), not all of it

    @classmethod
    def load(cls, cache_dir: str | None, code: str) -> ReaderCache:
        if not cache_dir:
            return cls(None, code)
        path = Path(cache_dir) / f"notices-{code}"
        entries: dict[str, object] = {}
        for shard in sorted(path.glob("*.pickle")) if path.is_dir() else []:
            try:
                with open(shard, "rb") as handle:
                    entries.update(pickle.load(handle))
            except Exception:  # noqa: BLE001 - a damaged shard is only slower
                continue
        return cls(path, code, entries)

    @staticmethod
    def key(path: str, data: bytes) -> str:
        return _hash(os.path.abspath(path), data)

    @classmethod
    def shard(cls, key: str) -> int:
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
            target = self.path / f"{number:02d}.pickle"
            tmp = target.with_suffix(f".tmp{os.getpid()}")
            with open(tmp, "wb") as handle:
                pickle.dump(entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        self.dirty.clear()


def parse_in_parallel(jobs: list[tuple[str, bytes]], parse: Callable, workers: int = 2) -> list:
    """Run ``parse(path, data)`` over ``jobs`` in worker processes (fork), in order."""
    if len(jobs) < PARALLEL_MIN_JOBS or workers < 2 or not hasattr(os, "fork"):
        return [parse(path, data) for path, data in jobs]
    import multiprocessing

    context = multiprocessing.get_context("fork")
    chunk = max(16, len(jobs) // (workers * 8))
    with context.Pool(workers) as pool:
        return pool.starmap(parse, jobs, chunksize=chunk)


# ---------------------------------------------------------------------------
# Output manifest


@dataclass
class BuildManifest:
    """Which inputs each output of a build was made from."""

    previous_dir: Path | None
    previous: dict[str, dict] = field(default_factory=dict)
    entries: dict[str, dict] = field(default_factory=dict)
    pending_links: list[str] = field(default_factory=list)
    rendered: int = 0
    reused: int = 0
    # The previous tree is known to hold every file of ``previous``: this process wrote
    # it and its manifest (a live-reload server), so reuse need not look at each file.
    verified: bool = False

    @classmethod
    def load(cls, previous_dir: str | None, code: str, cache_dir: str | None) -> BuildManifest:
        if not previous_dir or not cache_dir:
            return cls(None)
        kept = warm.WARM.saved_manifest if warm.WARM is not None else None
        if kept is not None:
            path, signature, tree, kept_code, entries = kept
            try:
                if (path == manifest_path(cache_dir, previous_dir)
                        and signature == warm.file_signature(path) and kept_code == code
                        and tree == os.stat(previous_dir).st_ino):
                    return cls(Path(previous_dir), entries, verified=True)
            except OSError:
                pass
        try:
            data = json.loads(manifest_path(cache_dir, previous_dir).read_text("utf-8"))
            tree = os.stat(previous_dir).st_ino
        except (OSError, ValueError):
            return cls(Path(previous_dir))
        if data.get("code") != code or data.get("tree") != tree:
            # Code, theme or settings changed, or the tree is not the one described.
            return cls(Path(previous_dir))
        return cls(Path(previous_dir), data.get("entries", {}))

    def reusable(self, name: str, key: str) -> bool:
        """True when ``name`` was built from the same inputs and its files are still there."""
        old = self.previous.get(name)
        if not old or old["key"] != key or self.previous_dir is None:
            return False
        folder = str(self.previous_dir) + os.sep
        if not self.verified and not all(os.path.isfile(folder + f) for f in old["files"]):
            return False  # (no pathlib: 66k calls at 20,000 items)
        self.entries[name] = old
        self.pending_links.extend(old["files"])
        self.reused += len(old["files"])
        return True

    def record(self, name: str, key: str, files: list[str]) -> None:
        self.entries[name] = {"key": key, "files": sorted(files)}
        self.rendered += len(files)

    @property
    def unchanged(self) -> bool:
        """Nothing rendered and the same outputs as before: the old tree is the new tree."""
        return self.rendered == 0 and (self.entries.keys() - {UNRECORDED}
                                       == self.previous.keys() - {UNRECORDED})

    def files(self, entries: dict[str, dict]) -> set[str]:
        return {rel for entry in entries.values() for rel in entry["files"]}

    def link_reused(self, staging: Path) -> None:
        """Hard-link reused files from the previous tree (never written to: safe to share)."""
        assert self.previous_dir is not None or not self.pending_links
        made: set[str] = set()
        source, destination = str(self.previous_dir) + os.sep, str(staging) + os.sep
        for rel in self.pending_links:  # strings, not pathlib: tens of thousands of files
            target = destination + rel
            parent = os.path.dirname(target)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            try:
                os.link(source + rel, target)
            except FileExistsError:
                pass
        self.pending_links.clear()

    def save(self, cache_dir: str, output_dir: Path, code: str) -> None:
        """Record the manifest for the tree now at ``output_dir`` (call after the swap)."""
        data = {"code": code, "tree": os.stat(output_dir).st_ino,
                "entries": dict(sorted(self.entries.items()))}
        path = manifest_path(cache_dir, output_dir)
        write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        if warm.WARM is not None:  # the next build of this process need not parse it
            warm.WARM.saved_manifest = (path, warm.file_signature(path), data["tree"], code,
                                        data["entries"])


# Files a build writes that no key describes (static files Pelican copies every build):
# recorded so that an update in place knows to delete them once they are gone.
UNRECORDED = "::unrecorded"


def update_in_place(staging: Path, output_dir: Path, manifest: BuildManifest,
                    cache_dir: str) -> None:
    """Move the files this build wrote from ``staging`` into ``output_dir`` and delete the
    previous build's files that this one does not make (the live-reload server: the
    rebuild after an edit touches a few files, not the whole tree).

    Each file is replaced atomically, but not the tree as a whole, so the manifest is
    removed first: if the process dies half-way, the next build trusts nothing of the tree
    and renders every page.
    """
    manifest_path(cache_dir, output_dir).unlink(missing_ok=True)
    (state_dir(cache_dir, output_dir) / "inputs").unlink(missing_ok=True)
    made, written = set(), []
    source_root = str(staging)
    for folder, _, names in os.walk(source_root):
        rel_folder = os.path.relpath(folder, source_root)
        for name in names:
            rel = name if rel_folder == "." else os.path.join(rel_folder, name)
            target = os.path.join(output_dir, rel)
            parent = os.path.dirname(target)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            os.replace(os.path.join(folder, name), target)
            written.append(rel)
    recorded = manifest.files(manifest.entries)
    manifest.entries.pop(UNRECORDED, None)
    unrecorded = sorted(set(written) - recorded)
    if unrecorded:
        manifest.entries[UNRECORDED] = {"key": "", "files": unrecorded}
    for rel in sorted(manifest.files(manifest.previous) - recorded - set(unrecorded)):
        path = os.path.join(output_dir, rel)
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue
        folder = os.path.dirname(path)
        while folder != str(output_dir):
            try:
                os.rmdir(folder)  # only when empty
            except OSError:
                break
            folder = os.path.dirname(folder)


def manifest_path(cache_dir: str, output_dir: str | Path) -> Path:
    return state_dir(cache_dir, output_dir) / "manifest.json"


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------
# Dependency keys for pages


def _notice_fp(value) -> str:
    return f"N{value.content_hash}:{value.url}"


def _content_fp(value) -> str:
    notice = getattr(value, "notice", None)
    return _notice_fp(notice) if notice else f"C{value.source_path}"


def _window_fp(value) -> str:
    return f"W{value.notice.content_hash}:{value.anchor}:{value.cancelled}"


def _keyed_fp(value) -> str:
    return "D" + value.key


def _page_fp(value) -> str:
    # A page is fingerprinted as itself and as its neighbours' previous and next page.
    found = getattr(value, "_notices_fingerprint", None)
    if found is None:
        found = value._notices_fingerprint = "P" + ",".join(
            [str(value.number), str(value.paginator.num_pages)]
            + [fingerprint_value(v) for v in value.object_list])
    return found


def _paginator_fp(value) -> str:  # what a page shows of it: the counts
    return f"G{value.count}:{value.num_pages}:{value.per_page}:{value.orphans}"


def _catalog_fp(value) -> str:
    return "K" + value.fingerprint


def _dict_fp(value) -> str:
    return "{" + ",".join(f"{k}={fingerprint_value(v)}"
                          for k, v in sorted(value.items())) + "}"


def _sequence_fp(value) -> str:
    return "[" + ",".join(fingerprint_value(v) for v in value) + "]"


def _repr_fp(value) -> str:
    return _stable_repr(value)


@functools.cache
def _fingerprinter(kind: type) -> Callable:
    """How to fingerprint values of a type (asked once per type: pages are many)."""
    from pelican.contents import Content
    from pelican.paginator import Page, Paginator

    from .catalog import Catalog, Keyed, WindowEntry
    from .model import Notice

    for base, fingerprint in ((Notice, _notice_fp), (Content, _content_fp),
                              (WindowEntry, _window_fp), (Keyed, _keyed_fp), (Page, _page_fp),
                              (Paginator, _paginator_fp), (Catalog, _catalog_fp),
                              (dict, _dict_fp), (list, _sequence_fp), (tuple, _sequence_fp)):
        if issubclass(kind, base):
            return fingerprint
    return _repr_fp


def fingerprint_value(value) -> str:
    """A stable text standing for what a template argument shows."""
    return _fingerprinter(type(value))(value)


def context_fingerprints(context: dict, names: Iterable[str], shown: dict) -> list[str]:
    """What a page read from content-derived objects of the shared context.

    An object there whose answers depend on content (``catalog``, ``outage_calendar``) has
    ``page_fingerprint(shown)``: a text that changes whenever anything the page can have
    asked it changes, given the page's own arguments ``shown``.
    """
    parts = []
    for name in names:
        fingerprint = getattr(context.get(name), "page_fingerprint", None)
        if fingerprint is not None:
            parts.append(f"{name}={fingerprint(shown)}")
    return parts


class TemplateDependencies:
    """Which context names a template (with everything it extends or imports) reads."""

    # Pelican's site-wide lists. Objects of ours in the context say themselves what a page
    # read from them (``page_fingerprint``, e.g. ``catalog``).
    GLOBAL_NAMES = {"articles", "dates", "categories", "tags", "authors", "pages",
                    "hidden_articles", "drafts", "all_articles", "period_archives"}

    def __init__(self, store: ReaderCache | None = None) -> None:
        self._cache: dict[str, frozenset[str]] = {}
        self._own: dict[str, tuple[frozenset[str], list[str]]] = {}
        # Parsing templates is slow; the answer only changes with the theme, which is part of
        # the code fingerprint that keys the on-disk cache.
        self._store = store

    def names(self, template) -> frozenset[str]:
        """Every context name the template (and what it extends or imports) reads."""
        name = template.name
        if name not in self._cache:
            key = f"template-names:{name}"
            found = self._store.get(key) if self._store is not None else None
            if found is None:
                found = frozenset(self._names(template.environment, name, set()))
                if self._store is not None:
                    self._store.put(key, found)
            self._cache[name] = found
        return self._cache[name]

    def reads_whole_site(self, template, given: Iterable[str] = ()) -> bool:
        """True when the template reads a site-wide list that the call does not pass in."""
        return bool((self.names(template) & self.GLOBAL_NAMES) - set(given))

    def _names(self, env, name: str, seen: set[str]) -> set[str]:
        if name in seen:
            return set()
        seen.add(name)
        own, children = self._parsed(env, name)
        names = set(own)
        for child in children:
            names |= self._names(env, child, seen)
        return names

    def _parsed(self, env, name: str) -> tuple[frozenset[str], list[str]]:
        """The names one template reads and the templates it names (each parsed once:
        base.html and macros.html are under every page template)."""
        if name not in self._own:
            from jinja2 import meta

            ast = env.parse(env.loader.get_source(env, name)[0])
            self._own[name] = (frozenset(meta.find_undeclared_variables(ast)),
                               [c for c in meta.find_referenced_templates(ast) if c])
        return self._own[name]


# ---------------------------------------------------------------------------
# The writer


class _Deferred(str):
    """Stands for a page whose rendering is postponed to the parallel flush."""

    __slots__ = ("job",)


class _DeferredTemplate:
    def __init__(self, template, shared_context: dict):
        self.template, self.shared_context = template, shared_context

    def render(self, localcontext):
        marker = _Deferred("")
        marker.job = (self.template, localcontext, self.shared_context)
        return marker


class _Recorder:
    """A file object for Pelican's writer that queues deferred pages instead of writing."""

    def __init__(self, writer: IncrementalWriter, path: str, encoding: str):
        self.writer, self.path, self.encoding = writer, path, encoding

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, text):
        if isinstance(text, _Deferred):
            self.writer.jobs.append((self.path, *text.job))
        else:
            with open(self.path, "w", encoding=self.encoding) as handle:
                handle.write(text)


class IncrementalWriter(Writer):
    """Pelican's writer with page reuse by key and parallel rendering."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        state: BuildState = settings["NOTICES_BUILD_STATE"]
        self.state = state
        state.writer = self
        self.jobs: list[tuple[str, object, dict, dict]] = []
        self._files_of_call: list[str] | None = None
        self._deps = TemplateDependencies(state.cache)
        self._plans: dict[tuple, tuple[bool, list[str], list[str]]] = {}

    def _open_w(self, filename, encoding, override=False):
        # Pelican's bookkeeping (no file is written twice), without opening the file now:
        # each file is created once, when its page is rendered.
        if filename in self._overridden_files:
            if override:
                raise RuntimeError(f'Failed to overwrite "{filename}" a second time')
            return _Recorder(self, os.devnull, encoding)
        if filename in self._written_files and not override:
            raise RuntimeError(f'Failed to overwrite "{filename}": written before in this build')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        if self._files_of_call is not None:
            self._files_of_call.append(os.path.relpath(filename, self.output_path))
        return _Recorder(self, filename, encoding)

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        if not name:
            return None
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in ("articles", "dates")}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            self._write_pages(name, template, context, relative_urls, paginated, template_name,
                              override_output, url, kwargs)
            return None
        state = self.state
        whole_site, shown_names, from_context = self._reads(template, kwargs)
        # Only what the template reads counts (Pelican passes e.g. all_articles everywhere).
        shown = {k: kwargs[k] for k in shown_names}
        key = _hash(template.name, str(relative_urls), str(template_name), str(url),
                    fingerprint_value(shown),
                    state.catalog_fp if whole_site else "",
                    *context_fingerprints(context, from_context, shown))
        # Notices carry override_save_as (freeze_urls in notice_reader), so Pelican passes
        # override_output for every article page; the key alone decides reuse.
        if state.manifest.reusable(name, key):
            return None
        self._files_of_call = []
        try:
            super().write_file(name, _DeferredTemplate(template, context), context, relative_urls,
                               paginated, template_name, override_output, url, **kwargs)
            state.manifest.record(name, key, self._files_of_call)
        finally:
            self._files_of_call = None
        return None

    def _reads(self, template, given) -> tuple[bool, list[str], list[str]]:
        """For a template called with arguments ``given``: whether it reads a site-wide list
        of Pelican's, which arguments it reads, and which names of the shared context it
        reads (sorted). Worked out once per template and set of argument names."""
        cache_key = (template.name, frozenset(given))
        found = self._plans.get(cache_key)
        if found is None:
            read = self._deps.names(template)
            found = self._plans[cache_key] = (
                self._deps.reads_whole_site(template, given),
                [k for k in given if k in read], sorted(read - set(given)))
        return found

    def _write_pages(self, name, template, context, relative_urls, paginated, template_name,
                     override_output, url, kwargs) -> None:
        """Pelican's pagination, with a key per page: an edited notice re-renders the page
        that shows it (and its neighbours, which link to it), not every page of the list."""
        from pelican.paginator import Paginator

        per_page = (self.settings["PAGINATED_TEMPLATES"][template_name]
                    or self.settings["DEFAULT_PAGINATION"])
        paginators = {key: Paginator(name, url, items, self.settings, per_page)
                      for key, items in paginated.items()}
        # One Page object per page, shared by its neighbours (Pelican makes three).
        pages = {key: [paginator.page(n) for n in range(1, paginator.num_pages + 1)]
                 for key, paginator in paginators.items()}
        for number in range(next(iter(paginators.values())).num_pages):
            page_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                page = pages[key][number]
                page_kwargs.update({
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": pages[key][number - 1] if number > 0 else None,
                    f"{key}_next_page": (pages[key][number + 1]
                                         if number + 1 < paginator.num_pages else None),
                })
            # As one page without pagination: Pelican renders each page exactly so.
            self.write_file(page.save_as, template, context, relative_urls, {}, template_name,
                            override_output, None, **page_kwargs)

    def flush(self, workers: int = 2) -> None:
        """Render and write every queued page, using a second process when it pays."""
        jobs, self.jobs = self.jobs, []
        if not jobs:
            return
        if len(jobs) < PARALLEL_MIN_JOBS or workers < 2:
            _render_jobs(jobs)
            return
        share = jobs[len(jobs) // 2:]
        worker = BackgroundJob.start(lambda: _render_jobs(share) or {}, lambda result: None)
        _render_jobs(jobs[: len(jobs) // 2])
        worker.result()  # raises WorkerFailed (a RuntimeError) with the worker's traceback


def _render_jobs(jobs) -> None:
    made: set[str] = set()
    for path, template, localcontext, shared in jobs:
        if localcontext.get("localsiteurl"):
            # As Pelican does: Content objects read the page's site URL from the shared context.
            shared["localsiteurl"] = localcontext["localsiteurl"]
        output = template.render(localcontext)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(output)


# ---------------------------------------------------------------------------
# Work beside the build (the search index)


def die_with_parent(parent: int) -> None:
    """In a forked worker: be killed when the build process dies (Linux), so a worker of a
    build that was killed stops writing into the abandoned staging folder."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: the worker finishes its work into the abandoned folder
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


@dataclass
class BackgroundJob:
    """A function running in a forked child; its JSON result comes back through a pipe.

    Without ``os.fork`` (not POSIX) the function runs at once, in this process.
    """

    pid: int | None
    reader: int | None
    done: Callable[[dict], None]
    finished: dict | None = None  # the result, when the work ran in this process

    @classmethod
    def start(cls, work: Callable[[], dict], done: Callable[[dict], None]) -> BackgroundJob:
        if not hasattr(os, "fork"):
            return cls(None, None, done, work())
        reader, writer = os.pipe()
        gc.freeze()  # the collector leaves the parent's objects alone: fewer copied pages
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send the result, exit without cleanup
            die_with_parent(parent)
            os.close(reader)
            code = 0
            try:
                result = work()
            except BaseException:  # noqa: BLE001 - sent to the build process, which reports it
                import traceback

                result, code = {FAILURE: traceback.format_exc()}, 1
            try:
                with os.fdopen(writer, "wb") as pipe:
                    pipe.write(json.dumps(result).encode("utf-8"))
            finally:
                os._exit(code)
        os.close(writer)
        return cls(pid, reader, done)

    def result(self, cancel=None) -> dict:
        """Wait for the worker and return its result; raise ``WorkerFailed`` if it failed.

        ``cancel`` (a ``threading.Event``): when it is set while waiting, the worker is
        killed and ``BuildCancelled`` raised.
        """
        if self.pid is None:
            return self.finished
        if cancel is not None:
            import select

            while True:  # (what a finished worker made is out of date too)
                if cancel.is_set():
                    self.kill()
                    raise BuildCancelled("a newer build was asked for")
                if select.select([self.reader], [], [], 0.05)[0]:
                    break
        with os.fdopen(self.reader, "rb") as pipe:  # read to the end before waiting
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        try:
            result = json.loads(data) if data else {}
        except ValueError:
            result = {}
        if code != 0 or FAILURE in result:
            raise WorkerFailed(f"a worker process of the build failed (exit status {code}):\n"
                               + result.get(FAILURE, "(no traceback: it was killed)").rstrip())
        return result

    def kill(self) -> None:
        """Stop the worker (the build is abandoned)."""
        if self.pid is None:
            return
        import signal

        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.reader)

    def join(self, cancel=None) -> None:
        """Wait for the worker; hand ``done`` its result, or log its failure as an error
        of the build (which then publishes nothing and exits with status 70)."""
        try:
            result = self.result(cancel)
        except WorkerFailed as exc:
            build_log.error("%s", exc)
            return
        self.done(result)


class WorkerFailed(RuntimeError):
    """A forked worker raised or was killed; the message holds its traceback."""


class BuildCancelled(Exception):
    """The build was stopped while it waited for a worker (``NOTICES_CANCEL`` was set):
    nothing is published. The live-reload server stops a search-index update so."""


FAILURE = "__failure__"
# Under "pelican": the build driver counts errors logged there and then publishes nothing.
build_log = logging.getLogger("pelican.notices.workers")


# ---------------------------------------------------------------------------
# Files written by plugins (feeds, calendars, data)


def write_rendered(root: str | Path, rel_path: str, render: Callable[[], bytes]) -> None:
    """Write ``render()`` to ``root/rel_path``, making its folder (no reuse, no record)."""
    target = Path(root) / rel_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(render())


def outputs_in_background(settings: dict):
    """``BuildState.outputs_in_background`` of the build running with ``settings``; a
    no-op context when Pelican runs without the build driver (files are written at once)."""
    state = settings.get("NOTICES_BUILD_STATE")
    return state.outputs_in_background() if state is not None else nullcontext()


@dataclass
class BuildState:
    """The incremental state of one build, shared by the reader, writer and plugins."""

    code: str
    cache: ReaderCache
    manifest: BuildManifest
    output_path: Path
    catalog_fp: str = ""
    # Update the previous tree in place instead of linking a new one (``update_in_place``).
    in_place: bool = False
    # A threading.Event: set, it stops the build where it waits for workers.
    cancel: object = None
    writer: IncrementalWriter | None = None
    _marks: dict[str, float] = field(default_factory=dict)
    _background: list[BackgroundJob] = field(default_factory=list)
    _queued: list | None = None
    _catalog_hooks: list[Callable] = field(default_factory=list)

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

    def join_background(self) -> None:
        """Wait for every background job and hand each its result."""
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
        import time

        from .timing import PHASES

        now = time.perf_counter()
        if name in self._marks:
            PHASES[name] += now - self._marks.pop(name)
        else:
            self._marks[name] = now

    def write_output(self, rel_path: str, key_parts: Iterable[str], render: Callable[[], bytes]
                     ) -> None:
        """Write ``rel_path`` from ``render()`` unless the same inputs made it last time."""
        key = _hash(*key_parts)
        if self.manifest.reusable(rel_path, key):
            return
        if self._queued is not None:
            self._queued.append((rel_path, key, render))
            return
        write_rendered(self.output_path, rel_path, render)
        self.manifest.record(rel_path, key, [rel_path])

    @contextmanager
    def outputs_in_background(self):
        """Within the block ``write_output`` decides reuse at once but only queues renders;
        at the end of the block the queued files are rendered and written in a second
        process (``in_background``), while the build goes on."""
        self._queued = []
        try:
            yield
        finally:
            queued, self._queued = self._queued, None
        if not queued:
            return
        root = self.output_path

        def work() -> dict:
            for rel_path, _, render in queued:
                write_rendered(root, rel_path, render)
            return {"written": [[rel_path, key] for rel_path, key, _ in queued]}

        def done(result: dict) -> None:
            for rel_path, key in result["written"]:
                self.manifest.record(rel_path, key, [rel_path])

        self.in_background(work, done)
