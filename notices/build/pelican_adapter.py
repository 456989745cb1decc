"""The one place where the project meets Pelican's internals.

Checked against Pelican ``PELICAN_VERSIONS`` (pyproject.toml pins the same range). Every
private attribute read or set, every method replaced on a Pelican object, and every
Pelican behaviour the incremental build re-implements is here and nowhere else; ``RELIED_ON``
lists them, and ``check_pelican`` (run once per process before the first build, and by
tests/test_pelican_adapter.py) fails loudly, naming each one, on a Pelican that changed them.

What it does with them:

- **The build this process runs** (``run``, ``current_build``): the driver hands over a
  ``notices.build.session.BuildState`` and Pelican runs with it; plugins, the reader and the
  writer ask ``current_build()`` for it. It never travels in Pelican's settings.
- **The writer** (``IncrementalWriter``): Pelican's ``Writer.write_file`` re-implemented
  (its local context, its overwrite rules, its pagination) so that a page whose inputs are
  unchanged is linked from the previous output and the others are rendered in parallel.
- **Pelican's plugin contract kept**: ``content_written`` is sent once for every page of the
  published output, reused pages included, after the file exists in the output folder and
  with Pelican's arguments (``path``, ``context=`` the page's local context), before
  ``finalized``: a ``_PagesWritten`` step runs after every other generator (before Pelican's
  ``StaticGenerator``, which Pelican keeps last). pelican-sitemap relies on exactly this.
- **A warm process** (``keep_articles``, ``ask_files_once``, ``forget_memoized_content``):
  Pelican's per-file cache hooks answered from ``notices.build.warm.WarmState``.
- **Speed-ups**: URLs worked out once (``freeze_urls``), two quadratic loops spared
  (``spare_quadratic_loops``).

Imported only by the build driver (lazily: importing Pelican takes a tenth of a second, and
the "nothing changed" check must not pay it) and the plugins.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import itertools
import logging
import os
import pickle
import re
import shutil
import sys
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import metadata

from pelican import Pelican, signals
from pelican.contents import Content
from pelican.generators import Generator, StaticGenerator
from pelican.paginator import Paginator
from pelican.readers import Readers
from pelican.utils import get_relative_path, path_to_url, posixize_path, sanitised_join
from pelican.writers import Writer

from notices.build.cache import collector_paused
from notices.build.session import BuildState
from notices.build.warm import KeptArticles
from notices.build.writer import ContextCopies, PageContext, PageKeys, render_in_parallel
from notices.timing import phase

log = logging.getLogger(__name__)

#: The Pelican releases this module was checked against (pyproject.toml pins the same).
PELICAN_VERSIONS = (">=4.12", "<4.13")

# ---------------------------------------------------------------------------
# What we rely on, checked


#: (object, attribute, the parameters after ``self`` it must take, or None for a plain
#: attribute): each private attribute and replaced method of Pelican's used here, and the
#: public ones whose behaviour the writer re-implements.
RELIED_ON: list[tuple[str, str, tuple[str, ...] | None]] = [
    ("pelican.Pelican", "_get_generator_classes", ()),  # the tail step; read_contexts
    ("pelican.Pelican", "run", ()),
    ("pelican.writers.Writer", "__init__", ("output_path", "settings")),
    # Re-implemented by IncrementalWriter.write_file (same parameters, same rules).
    ("pelican.writers.Writer", "write_file",
     ("name", "template", "context", "relative_urls", "paginated", "template_name",
      "override_output", "url", "kwargs")),
    ("pelican.paginator.Paginator", "__init__",
     ("name", "url", "object_list", "settings", "per_page")),
    ("pelican.paginator.Paginator", "page", ("number",)),
    # Read by the writer and by notices.build.keys (a page's fingerprint).
    ("pelican.paginator.Paginator", "num_pages", None),
    ("pelican.paginator.Paginator", "count", None),
    ("pelican.paginator.Page", "save_as", None),
    ("pelican.utils", "sanitised_join", ("base_directory", "parts")),
    ("pelican.utils", "get_relative_path", ("path",)),
    ("pelican.utils", "path_to_url", ("path",)),
    # Replaced on each ArticlesGenerator (keep_articles, ask_files_once).
    ("pelican.generators.Generator", "get_files", ("paths", "exclude", "extensions")),
    ("pelican.generators.Generator", "_include_path", ("path", "extensions")),
    ("pelican.generators.Generator", "add_source_path", ("content", "static")),
    ("pelican.cache.FileStampDataCacher", "get_cached_data", ("filename", "default")),
    ("pelican.cache.FileStampDataCacher", "cache_data", ("filename", "data")),
    # Contents: the memoized HTML (forget_memoized_content), URLs (freeze_urls).
    ("pelican.contents.Content", "get_content", ("siteurl",)),
    ("pelican.contents.Content", "get_summary", ("_siteurl",)),
    ("pelican.contents.Content", "get_url_setting", ("key",)),
    ("pelican.contents.Content", "get_relative_source_path", ("source_path",)),
    ("pelican.contents.Content", "url", None),
    ("pelican.contents.Content", "save_as", None),
    ("pelican.readers.Readers", "__init__", ("settings", "cache_name")),
    # Replaced on each ArticlesGenerator by one that skips text with no link (spare_link_refresh).
    ("pelican.generators.ArticlesGenerator", "refresh_metadata_intersite_links", ()),
    ("pelican.contents.Content", "refresh_metadata_intersite_links", ()),
    ("pelican.contents.Content", "_update_content", ("content", "siteurl")),
    ("pelican.contents.Content", "_get_intrasite_link_regex", ()),
]
#: Attributes set on instances (checked on real ones in tests/test_pelican_adapter.py).
INSTANCE_ATTRIBUTES = {
    # (and ``override_url`` / ``override_save_as``, which ``get_url_setting`` honours)
    "Content": ("_context",),
    "Readers": ("reader_classes", "disabled_readers"),
    "Paginator": ("object_list", "per_page", "orphans"),
    "Page": ("number", "paginator", "object_list"),
    "ArticlesGenerator": ("readers", "context", "path", "categories", "authors",
                          "get_cached_data", "cache_data", "add_source_path", "get_files",
                          "articles", "translations", "drafts", "drafts_translations",
                          "hidden_articles", "hidden_translations"),
}
#: Pelican logs this (under the logger ``GENERATORS_LOG``) for a file its reader rejected.
COULD_NOT_PROCESS = "Could not process %s"
GENERATORS_LOG = "pelican.generators"


class PelicanChanged(RuntimeError):
    """The installed Pelican differs from the one this adapter was checked against."""


def _owner(dotted: str):
    """The module or class named ``dotted`` (None if it is gone)."""
    try:
        return importlib.import_module(dotted)
    except ImportError:
        module, _, name = dotted.rpartition(".")
        try:
            return getattr(importlib.import_module(module), name, None)
        except ImportError:
            return None


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def pelican_problems() -> list[str]:
    """Each way the installed Pelican differs from what this module relies on."""
    problems = []
    version = metadata.version("pelican")
    low, high = (_version(bound) for bound in PELICAN_VERSIONS)
    if not low <= _version(version) < high:
        problems.append(f"Pelican {version} is outside the checked range "
                        f"{','.join(PELICAN_VERSIONS)}")
    for owner_name, attribute, parameters in RELIED_ON:
        owner = _owner(owner_name)
        if owner is None:
            problems.append(f"{owner_name} is missing")
            continue
        if not hasattr(owner, attribute):
            problems.append(f"{owner_name}.{attribute} is missing")
            continue
        if parameters is None:
            continue
        value = inspect.getattr_static(owner, attribute)
        target = getattr(value, "func", value)  # pelican.utils.memoized keeps the function
        try:
            names = tuple(inspect.signature(target).parameters)
        except (TypeError, ValueError):
            problems.append(f"{owner_name}.{attribute} has no signature to check")
            continue
        if names[:1] == ("self",):
            names = names[1:]
        if names != parameters:
            problems.append(f"{owner_name}.{attribute} takes ({', '.join(names)}), "
                            f"expected ({', '.join(parameters)})")
    return problems


_checked = False


def check_pelican() -> None:
    """Raise ``PelicanChanged`` listing every difference (once per process)."""
    global _checked
    if _checked:
        return
    problems = pelican_problems()
    if problems:
        raise PelicanChanged(
            "notices.build.pelican_adapter was checked against Pelican "
            f"{','.join(PELICAN_VERSIONS)}; the installed one differs:\n  - "
            + "\n  - ".join(problems))
    _checked = True


# ---------------------------------------------------------------------------
# The build this process runs


_current: BuildState | None = None
_adopted = False  # _current came from a run without the driver (``adopt``)


def current_build() -> BuildState | None:
    """The state of the build running in this process (None outside a build)."""
    return _current


@contextmanager
def running(state: BuildState) -> Iterator[BuildState]:
    """Make ``state`` the build of this process for the duration of the block."""
    global _current, _adopted
    if _current is not None and _current is not state and not _adopted:
        raise RuntimeError("a build is already running in this process")
    _current, _adopted = state, False
    try:
        yield state
    finally:
        _current = None


def adopt(state: BuildState) -> BuildState:
    """Pelican run without the build driver (``pelican`` on the command line): this state
    is the build of the process until the next one."""
    global _current, _adopted
    _current, _adopted = state, True
    return state


class _Pelican(Pelican):
    """Pelican with the step that finishes the pages before ``finalized``."""

    def _get_generator_classes(self):
        classes = super()._get_generator_classes()
        # Pelican keeps StaticGenerator last; the pages are finished just before it.
        at = classes.index(StaticGenerator) if StaticGenerator in classes else len(classes)
        classes.insert(at, _PagesWritten)
        return classes


def run(settings: dict, state: BuildState) -> None:
    """Run Pelican with ``settings`` as the build ``state``."""
    check_pelican()
    with running(state):
        _Pelican(settings).run()


def read_contexts(settings: dict, state: BuildState, output_path: str) -> dict:
    """Pelican's reading half (each generator's context, then ``all_generators_finalized``),
    writing nothing; return the shared context."""
    check_pelican()
    with running(state):
        pelican = Pelican(settings)
        context = settings.copy()
        context.update(generated_content={}, static_links=set(), static_content={},
                       localsiteurl=settings["SITEURL"])
        generators = [
            cls(context=context, settings=settings, path=pelican.path, theme=pelican.theme,
                output_path=output_path)
            for cls in pelican._get_generator_classes()
        ]
        for generator in generators:
            if hasattr(generator, "generate_context"):
                generator.generate_context()
        signals.all_generators_finalized.send(generators)
    return context


class _PagesWritten:
    """A generator that runs after all others have written their pages: renders the
    queued ones, waits for the work in the background, links the reused pages and sends
    ``content_written`` for each page (``IncrementalWriter.finish``)."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs) -> None:
        # What Pelican gives every generator (plugins look at these on each of them).
        self.context, self.settings, self.path = context, settings, path
        self.theme, self.output_path = theme, output_path

    def generate_output(self, writer) -> None:
        if isinstance(writer, IncrementalWriter):
            writer.finish()


# ---------------------------------------------------------------------------
# The writer


class IncrementalWriter(Writer):
    """Pelican's writer with page reuse by key and parallel rendering.

    ``write_file`` takes Pelican's parameters and keeps its rules (the local context, one
    write per file unless overriding, pagination), but a page is only decided on here:
    reused (linked from the previous output at the end) or queued for rendering.
    ``finish`` writes them all and then sends ``content_written`` for each, in the order
    they were asked for.
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        state = current_build()
        if state is None:
            raise RuntimeError("IncrementalWriter needs a build (pelican_adapter.run)")
        self.state = state
        state.writer = self
        self.keys = PageKeys(state.cache)
        self.jobs: list[tuple[str, object, dict, dict]] = []
        # (path, name, context, kwargs, relative_urls, local context if rendered)
        self.pages: list[tuple[str, str, dict, dict, bool, dict | None]] = []
        self.finished = False
        self._claimed: set[str] = set()
        self._kept: set[str] = set()  # written with override_output: later writes skip
        self._copies = ContextCopies()  # the shared context as pages queued now see it
        self._base = os.path.join(posixize_path(os.path.abspath(output_path)), "")

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        if not name:
            return
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in ("articles", "dates")}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            self._write_pages(name, template, context, relative_urls, paginated, template_name,
                              override_output, url, kwargs)
            return
        path = sanitised_join(self.output_path, name)
        if not self._claim(path, override_output):
            return
        state = self.state
        key = self.keys.key(template, context, kwargs, relative_urls, template_name, url,
                            state.catalog_fp)
        rel = self._relative(path)
        # Notices carry override_save_as (freeze_urls), so Pelican passes override_output
        # for every article page; the key alone decides reuse.
        if state.manifest.reusable(name, key):
            self.pages.append((path, name, context, kwargs, relative_urls, None))
            return
        localcontext = _page_context(self._copies, context, name, kwargs, relative_urls)
        if localcontext.localsiteurl:
            context["localsiteurl"] = localcontext.localsiteurl  # as Pelican does
        self.jobs.append((path, template, localcontext, context))
        self.pages.append((path, name, context, kwargs, relative_urls, localcontext))
        state.manifest.record(name, key, [rel])

    def _relative(self, path: str) -> str:
        """``os.path.relpath(path, output_path)`` of a path ``sanitised_join`` made (absolute
        and normalised): the part after the output folder. relpath normalises and splits
        both paths again, 0.08 s for the 5,400 pages of every build at 5,000 items."""
        if path.startswith(self._base):
            return path[len(self._base):]
        return os.path.relpath(path, self.output_path)

    def _claim(self, path: str, override: bool) -> bool:
        """Pelican's ``_open_w`` rules: a file is written once, unless one write (and no
        more) overrides; a file written with override keeps it (later writes are skipped)."""
        if path in self._kept:
            if override:
                raise RuntimeError(f'Failed to overwrite "{path}" a second time')
            return False
        if path in self._claimed and not override:
            raise RuntimeError(f'Failed to overwrite "{path}": written before in this build')
        if override:
            self._kept.add(path)
        self._claimed.add(path)
        return True

    def _write_pages(self, name, template, context, relative_urls, paginated, template_name,
                     override_output, url, kwargs) -> None:
        """Pelican's pagination, with a key per page: an edited notice re-renders the page
        that shows it (and its neighbours, which link to it), not every page of the list."""
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

    def finish(self) -> None:
        """Render the queued pages, wait for the background work, link the reused pages,
        then send ``content_written`` for every page (each file exists by then)."""
        if self.finished:
            return
        self.finished = True
        state = self.state
        state.mark("write")
        jobs, self.jobs = self.jobs, []
        with phase("render"):
            render_in_parallel(jobs, state.workers, state.background_work(),
                               state.in_background)
        with phase("wait"):
            state.join_background()
        listeners = _content_written_listeners()
        listened = bool(listeners)
        # An unchanged build keeps the previous tree and an update in place moves only new
        # files; the reused pages are linked anyway when a plugin that may read them wants
        # to see every page (linking 2,000 pages takes 0.5 s on the development machine).
        if (any(module not in PATH_ONLY_LISTENERS for module in listeners)
                or not (state.manifest.unchanged or state.in_place)):
            with phase("link"):
                state.manifest.link_reused(state.output_path)
        if listened:
            for path, name, context, kwargs, relative_urls, localcontext in self.pages:
                if localcontext is None:
                    localcontext = _local_context(context, name, kwargs, relative_urls)
                elif isinstance(localcontext, PageContext):
                    localcontext = localcontext.made()
                signals.content_written.send(path, context=localcontext)
        self.pages = []


#: Modules whose ``content_written`` receivers use only the path and the context, never the
#: file (read in the checked release: pelican-sitemap's ``queue_page`` keeps the path and
#: the page's article). For them alone the reused pages of an update in place are not linked
#: into the staging folder, where the signal's path points.
PATH_ONLY_LISTENERS = frozenset({"pelican.plugins.sitemap.sitemap"})


def _content_written_listeners() -> list[str]:
    """The module of each live ``content_written`` receiver."""
    modules = []
    for receiver in list(signals.content_written.receivers.values()):
        if isinstance(receiver, weakref.ref):
            receiver = receiver()
        if receiver is not None:
            modules.append(getattr(receiver, "__module__", "") or "")
    return modules


def _page_context(copies: ContextCopies, context: dict, name: str, kwargs: dict,
                  relative_urls: bool) -> PageContext:
    """``_local_context`` of a page queued for rendering, made when it is rendered: the
    shared context as it is now (a copy shared with the pages queued before while it stays
    the same) and what the page sets on top."""
    localsiteurl = context.get("localsiteurl", None)
    siteurl = None
    if relative_urls:
        siteurl = localsiteurl = path_to_url(get_relative_path(name))
    return PageContext(copies.now(context), localsiteurl, siteurl, name, kwargs)


def _local_context(context: dict, name: str, kwargs: dict, relative_urls: bool) -> dict:
    """A page's template context, as Pelican's ``Writer.write_file`` makes it."""
    localcontext = context.copy()
    localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
    if relative_urls:
        relative_url = path_to_url(get_relative_path(name))
        localcontext["SITEURL"] = relative_url
        localcontext["localsiteurl"] = relative_url
    localcontext["output_file"] = name
    localcontext.update(kwargs)
    return localcontext


# ---------------------------------------------------------------------------
# Readers and generators


def use_only_reader(readers: Readers, extension: str, reader_class: type) -> None:
    """Read files ending in ``extension`` with ``reader_class``, and nothing else as content
    (``readers_init``): Pelican's HTML and reStructuredText readers would take an attachment
    such as ``files/x.html`` as an article."""
    for other in [e for e in readers.reader_classes if e != "static"]:
        del readers.reader_classes[other]
    readers.reader_classes[extension] = reader_class


def accept_extension(generator: Generator, extension: str) -> None:
    """Pelican lists python-markdown's reader as "disabled" for .md and warns about every
    file; our reader handles .md, so that warning is wrong here."""
    generator.readers.disabled_readers.pop(extension, None)


def ask_files_once(generator: Generator, listing: Callable | None, *, files: Iterable[str],
                   excluded: Iterable[str] = (), tag: str = "") -> None:
    """Answer Pelican's ``get_files`` from ``files`` (relative paths with ``/``, from the one
    safe walk of the content folder) instead of its own ``os.walk``, which follows folder
    links and opens what it finds; ``excluded`` folders are left out.

    Pelican asks the same question more than once; within one build the answer is the
    same. ``listing(root, question, answer)`` (``WarmState.listing``) may answer from the
    last build; ``tag`` keeps the questions of different generators apart.
    """
    files = list(files)
    excluded = tuple(excluded)

    def get_files(paths, exclude=None, extensions=None):
        prefixes = [p.strip("/") for p in ([paths] if isinstance(paths, str) else paths)]
        skip = [e.strip("/") for e in (exclude or [])] + list(excluded)
        found = set()
        for rel in files:
            if not any(p == "" or rel == p or rel.startswith(p + "/") for p in prefixes):
                continue
            if any(rel == e or rel.startswith(e + "/") for e in skip):
                continue
            rel = rel.replace("/", os.sep)
            if generator._include_path(rel, extensions):
                found.add(rel)
        return found

    answers: dict[tuple, set[str]] = {}

    def get_files_once(paths, exclude=None, extensions=None):
        key = (tag, repr(paths), repr(exclude), repr(extensions))
        if key not in answers:
            def answer():
                return get_files(paths, exclude=exclude, extensions=extensions)

            # A live-reload server asks its folders first (the walk: 0.1 s at 20,000 files).
            answers[key] = (listing(generator.path, (generator.path, *key), answer)
                            if listing is not None else answer())
        return set(answers[key])

    generator.get_files = get_files_once


def keep_articles(generator: Generator, warm) -> None:
    """Let Pelican's ArticlesGenerator ask ``warm`` (a ``WarmState``) before it reads a file,
    and tell it each article it read."""
    root = generator.path

    def get_cached_data(rel, default=None):
        article = warm.kept_article(os.path.join(root, rel), generator.context)
        return default if article is None else article

    def cache_data(rel, article):
        warm.keep_article(os.path.join(root, rel), article)

    add_source_path = generator.add_source_path

    def add_kept_source_path(content, static=False):
        # Pelican works the relative path out again for every article (os.path.relpath,
        # 0.02 ms each); a kept article keeps it.
        location = getattr(content, "_notices_source_location", None)
        if location is None:
            add_source_path(content, static)
            location = content._notices_source_location = content.get_relative_source_path()
        generator.context["static_content" if static else "generated_content"][
            location] = content

    generator.get_cached_data = get_cached_data
    generator.cache_data = cache_data
    generator.add_source_path = add_kept_source_path


class ArticleStore(KeptArticles):
    """A one-off build's articles, kept in the cache folder for the next build in a new
    process: what ``WarmState`` keeps in memory for a long-running one (the same answers,
    ``warm.KeptArticles``), so that a build after one edit does not pay Pelican's reading
    of every unchanged file (its reader, ``Article``, URLs).

    An article is given back when its file's size, times and inode are unchanged and it was
    not changed just before it was read (``KeptArticles.fresh``), and its notice is still
    in the reader cache. It is pickled without what belongs to the build that made it:
    the settings and the context are this build's (persistent ids), and its notice and
    body are taken from the reader cache, which holds them anyway. The folder is named
    after the code fingerprint and the content folder, like the reader cache; an article's
    shard is the CRC-32 of its path under the content folder mod ``SHARDS`` (the same on
    every machine), and a build rewrites only the shards whose articles it read or dropped
    (an edit: one of 32, about 170 KB of 5.3 MB at 5,000 items; saving the whole store
    again took 0.1-0.3 s). A damaged or missing shard is only slower: its articles are read
    again, and the shard is written anew.
    """

    SHARDS = 32

    def __init__(self, generator: Generator, cache, code: str) -> None:
        self.generator, self.cache = generator, cache
        self.settings, self.context = generator.settings, generator.context
        digest = hashlib.sha256(f"{code}:{generator.path}".encode()).hexdigest()[:32]
        self.path = cache.path.parent / f"articles-{digest}" if cache.path else None
        self.articles: dict[str, tuple[tuple, object, int]] = {}
        self._next: dict[str, tuple[tuple, object, int]] = {}
        self._fresh: dict[str, object] = {}
        self._loaded: dict[int, dict] = {}  # each shard as it was read
        self._root = len(os.path.join(generator.path, ""))  # keys are root + relative path
        self.read = 0  # articles Pelican read this build
        if self.path is None or not self.path.is_dir():
            return
        with collector_paused():
            for number in range(self.SHARDS):
                shard = self.path / f"{number:02d}.pickle"
                try:
                    with open(shard, "rb") as handle:
                        entries = _StoreUnpickler(handle, self).load()
                except FileNotFoundError:
                    continue
                except Exception:  # noqa: BLE001 - a damaged shard is only slower
                    log.debug("article store shard %s not used", shard, exc_info=True)
                    continue
                self._loaded[number] = entries
                self.articles.update(entries)

    def shard(self, path: str) -> int:
        """The shard of the article read from ``path`` (a file under the content folder)."""
        return zlib.crc32(path[self._root:].encode("utf-8", "surrogatepass")) % self.SHARDS

    def _used_cache(self):
        return self.cache

    def _usable(self, article) -> bool:
        return getattr(article, "notice", None) is not None  # its notice is in the cache

    def keep_article(self, path: str, article) -> None:
        self.read += 1
        super().keep_article(path, article)

    def save(self) -> None:
        """Write the shards whose articles changed this build (after a successful build;
        nothing when every article came from the store and none is gone)."""
        if self.path is None:
            return
        shards: dict[int, dict] = {}
        for path, entry in self._next.items():
            shards.setdefault(self.shard(path), {})[path] = entry
        changed = [number for number in range(self.SHARDS)
                   if _shard_changed(self._loaded.get(number, {}), shards.get(number, {}))]
        if not changed:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        for old in self.path.parent.glob("articles-*"):
            if old != self.path:  # other code versions or content folders
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink(missing_ok=True)
        for number in changed:
            target = self.path / f"{number:02d}.pickle"
            entries = shards.get(number)
            if not entries:
                target.unlink(missing_ok=True)
                continue
            tmp = target.with_suffix(f".tmp{os.getpid()}")
            with open(tmp, "wb") as handle:
                _StorePickler(handle, self, entries).dump(entries)
            os.replace(tmp, target)


def _shard_changed(loaded: dict, entries: dict) -> bool:
    """True when a shard's entries are not exactly those it was read with."""
    return loaded.keys() != entries.keys() or any(
        entry is not loaded[path] for path, entry in entries.items())


class _StorePickler(pickle.Pickler):
    """Pickles articles without this build's settings, context, notices and bodies."""

    def __init__(self, handle, store: ArticleStore, entries: dict) -> None:
        super().__init__(handle, pickle.HIGHEST_PROTOCOL)
        self.ids = {id(store.settings): "S", id(store.context): "C"}
        for _, article, _ in entries.values():
            notice = getattr(article, "notice", None)
            if notice is not None and store.cache.entries.get(notice.content_hash) is notice:
                self.ids[id(notice)] = ("N", notice.content_hash)
                self.ids[id(notice.body_html)] = ("B", notice.content_hash)
            settings = getattr(article, "settings", None)
            if settings is not None and id(settings) not in self.ids:
                self.ids[id(settings)] = "S"

    def persistent_id(self, obj):
        return self.ids.get(id(obj))


class _StoreUnpickler(pickle.Unpickler):
    def __init__(self, handle, store: ArticleStore) -> None:
        super().__init__(handle)
        self.store = store

    def persistent_load(self, pid):
        if pid == "S":
            return self.store.settings
        if pid == "C":
            return self.store.context
        kind, key = pid
        notice = self.store.cache.entries.get(key)
        if not hasattr(notice, "body_html"):  # gone from the reader cache (or a problem)
            return None  # (the article is then not fresh)
        return notice if kind == "N" else notice.body_html


def forget_memoized_content() -> None:
    """Pelican memoizes each article's HTML by (article, site URL) for the life of the
    process; a kept article must resolve its links against the new build's context."""
    for name in ("get_content", "get_summary"):
        memo = Content.__dict__.get(name)
        if memo is not None and hasattr(memo, "cache"):
            memo.cache.clear()


def freeze_urls(content) -> None:
    """Work out a notice's URL and file name once, with Pelican's own URL settings.

    Pelican formats ``url`` and ``save_as`` again on every access (six times per article
    per build, a second at 5,000 items); its ``override_`` attributes hold the result.
    """
    if getattr(content, "notice", None) is not None:
        content.override_url = content.get_url_setting("url")
        content.override_save_as = content.get_url_setting("save_as")


class _Listing(list):
    """A category's articles, as Pelican keeps them, with ``in`` in constant time."""

    def __init__(self, items) -> None:
        super().__init__(items)
        self._ids = {id(item) for item in self}

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


def spare_quadratic_loops(generator) -> None:
    """Spare Pelican two loops that are quadratic in the number of articles.

    Before writing each category and author page Pelican keeps ``[a for a in dates if a in
    articles]``, a list scan per article: 6.6 s at 20,000 items. Categories (our kinds)
    get lists with a constant-time ``in``; authors are dropped, since this site writes no
    author pages (``AUTHOR_SAVE_AS`` is empty) and every article has the one default author.
    """
    generator.categories[:] = [(category, _Listing(articles))
                               for category, articles in generator.categories]
    if not generator.settings.get("AUTHOR_SAVE_AS"):
        generator.authors[:] = []


#: Pelican's default ``INTRASITE_LINK_REGEX``: a link's path starts with ``{`` or ``|``.
_LINK_MARKS_REGEX = "[{|](?P<what>.*?)[|}]"


def _no_link(value) -> bool:
    """Whether ``_update_content`` would give ``value`` back as it is: a string in which the
    intrasite link pattern cannot match (every match starts with ``{`` or ``|``)."""
    return isinstance(value, str) and "{" not in value and "|" not in value


def spare_link_refresh(generator) -> None:
    """Pelican's ``refresh_metadata_intersite_links`` for the articles, skipping the fields
    that cannot hold a link.

    After reading, Pelican runs the intrasite link pattern over every article's summary
    (and other ``FORMATTED_FIELDS``) again, building and looking up the pattern per call:
    0.1 s a build at 5,000 items, though a notice's summary is plain text. A field with no
    ``{`` or ``|`` is what the pattern's substitution would return unchanged; the others go
    through Pelican's own ``_update_content``. Only with Pelican's default pattern.
    """
    if generator.settings.get("INTRASITE_LINK_REGEX") != _LINK_MARKS_REGEX:
        return
    fields = generator.settings["FORMATTED_FIELDS"]

    def refresh(content) -> None:
        # Content.refresh_metadata_intersite_links, step by step.
        metadata = content.metadata
        for key in fields:
            if key in metadata and key != "summary":
                value = metadata[key]
                if not _no_link(value):
                    value = content._update_content(value, content.get_siteurl())
                metadata[key] = value
                setattr(content, key.lower(), value)
        if "summary" in fields:
            if hasattr(content, "_summary"):
                metadata["summary"] = content._summary
            if "summary" in metadata:
                value = metadata["summary"]
                if not _no_link(value):
                    value = content._update_content(value, content.get_siteurl())
                metadata["summary"] = value
                content._summary = value

    def refresh_all() -> None:
        for content in itertools.chain(
                generator.articles, generator.translations, generator.drafts,
                generator.drafts_translations, generator.hidden_articles,
                generator.hidden_translations):
            own = getattr(type(content), "refresh_metadata_intersite_links", None)
            if own is Content.refresh_metadata_intersite_links:
                refresh(content)
            elif own is not None:
                content.refresh_metadata_intersite_links()  # (a class's own)

    generator.refresh_metadata_intersite_links = refresh_all


# ---------------------------------------------------------------------------
# pelican-sitemap (PyPI), when PLUGINS lists it

#: The pelican-sitemap releases checked (pyproject.toml pins the same range).
SITEMAP_VERSIONS = (">=1.2", "<1.3")
#: What of its one module-level ``SitemapGenerator`` object is set here.
SITEMAP_RELIED_ON = ("generator", "now", "page_queue", "_main_pelican", "queue_page",
                     "finalize", "init")
#: pelican-sitemap's ``content_written`` receiver: these parameters, and no file read.
SITEMAP_QUEUE_PAGE = ("path", "context")


def _sitemap():
    """pelican-sitemap's ``SitemapGenerator`` object, if the plugin is loaded."""
    module = sys.modules.get("pelican.plugins.sitemap.sitemap")
    return getattr(module, "generator", None)


def reset_sitemap() -> None:
    """Forget what pelican-sitemap kept of an earlier build of this process.

    It resets itself only on ``finalized``: after a build that stopped for a content
    problem, or a check (which runs no ``finalized``), it would keep waiting for that
    build's Pelican and never write the sitemap again (the live-reload server).
    """
    sitemap = _sitemap()
    if sitemap is not None:
        sitemap._main_pelican = None
        sitemap.page_queue = []


def date_index_pages(newest) -> None:
    """pelican-sitemap gives pages without a date of their own (lists, district pages) the
    time it was imported as ``lastmod``, so no two builds would agree; give them the date
    of the newest item instead: a list changes when an item is added."""
    sitemap = _sitemap()
    if sitemap is not None and newest is not None:
        sitemap.now = newest


def sitemap_problems() -> list[str]:
    """Each way the installed pelican-sitemap differs from what is relied on here."""
    try:
        version = metadata.version("pelican-sitemap")
    except metadata.PackageNotFoundError:
        return ["pelican-sitemap is not installed"]
    problems = []
    low, high = (_version(bound) for bound in SITEMAP_VERSIONS)
    if not low <= _version(version) < high:
        problems.append(f"pelican-sitemap {version} is outside the checked range "
                        f"{','.join(SITEMAP_VERSIONS)}")
    module = importlib.import_module("pelican.plugins.sitemap.sitemap")
    sitemap = getattr(module, "generator", None)
    for name in SITEMAP_RELIED_ON[1:]:
        if sitemap is None or not hasattr(sitemap, name):
            problems.append(f"pelican.plugins.sitemap.sitemap.generator.{name} is missing")
    if sitemap is not None and hasattr(sitemap, "queue_page"):
        queue_page = type(sitemap).queue_page
        names = tuple(inspect.signature(queue_page).parameters)[1:]
        if names != SITEMAP_QUEUE_PAGE:
            problems.append(f"pelican-sitemap's queue_page takes ({', '.join(names)}), "
                            f"expected ({', '.join(SITEMAP_QUEUE_PAGE)})")
        if re.search(r"\bopen\(|exists\(|read_", inspect.getsource(queue_page)):
            problems.append("pelican-sitemap's queue_page reads the file now "
                            "(PATH_ONLY_LISTENERS must not list it)")
    return problems
