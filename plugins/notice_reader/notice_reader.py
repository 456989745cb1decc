"""Pelican plugin: read content files into the shared content model and build the catalog.

The only plugin that parses front matter. It registers ``NoticeReader`` for ``.md`` files,
collects every content problem of the run, and after all generators have read their
content either builds the ``catalog`` (put in the template context for every output) or
stops the build before anything is written.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.readers import BaseReader

from notices.build import warm
from notices.build.cache import ReaderCache, code_fingerprint, parse_in_parallel
from notices.build.manifest import BuildManifest
from notices.build.session import BuildState
from notices.build.writer import IncrementalWriter
from notices.content.catalog import Catalog, newest_first
from notices.content.districts import district_table
from notices.content.frontmatter import FrontMatterError
from notices.content.model import KIND_LABELS, Kind
from notices.content.problems import PROBLEMS, ContentError, Problem, project_relative
from notices.content.reader import check_location, forget_resolved_folders, read_bytes, read_notice
from notices.content.settings import PluginSettings, load_plugin_settings
from notices.timing import phase


class NoticeReaderSettings(PluginSettings):
    """``NOTICE_READER`` in pelicanconf.py."""

    #: Characters in a summary made from the body when the front matter has none.
    summary_chars: int = 120
    #: Folders under content/ whose files are copied as they are (images, attachments).
    static_folders: tuple[str, ...] = ("images", "files")
    #: Worker processes for parsing and rendering (1 turns parallel work off).
    workers: int = 2


class ContentProblems(Exception):
    """The build stops: content has problems (already listed in ``PROBLEMS``)."""

    exitcode = 1

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__(
            "\n".join(lines) + f"\n{len(lines)} problem{'s' if len(lines) != 1 else ''} found; "
            "nothing was written"
        )


def project_root(settings: dict) -> str:
    """The folder holding pelicanconf.py; paths in messages are relative to it."""
    return settings.get("PROJECT_ROOT") or os.getcwd()


class NoticeReader(BaseReader):
    """Read ``*.md`` with YAML front matter into a typed ``Notice``."""

    enabled = True
    file_extensions = ["md"]

    def read(self, source_path):
        settings = self.settings
        try:
            notice = cached_notice(settings, source_path)
        except ContentError as exc:
            PROBLEMS.extend(exc.problems)
            PROBLEMS.failed_sources.add(os.path.relpath(source_path, settings["PATH"]))
            raise
        metadata = {
            "title": notice.title,
            "date": notice.date,
            "slug": notice.slug,
            "category": self.process_metadata("category", notice.kind.value),
            "template": notice.kind.singular,
            "summary": _escape(notice.summary),
            "notice": notice,
        }
        return notice.body_html, metadata


def _parse(settings: dict, path: str, data: bytes, key: str):
    """Parse one file: a Notice, or the list of its problems (both are cached)."""
    try:
        return read_notice(path, settings["PATH"], settings["DISTRICT_TABLE"],
                           project_root(settings),
                           summary_chars=settings["NOTICE_READER_SETTINGS"].summary_chars,
                           data=data, content_hash=key)
    except ContentError as exc:
        return exc.problems


def cached_notice(settings: dict, source_path: str):
    """Return the file's Notice from the cache (keyed by path and bytes) or parse it."""
    state: BuildState = settings["NOTICES_BUILD_STATE"]
    path = Path(source_path)
    rel = project_relative(source_path, project_root(settings))
    check_location(path, Path(settings["PATH"]), rel)
    try:
        data = read_bytes(path)
    except FrontMatterError as exc:
        raise ContentError([Problem(rel, str(exc))]) from None
    key = ReaderCache.key(source_path, data)
    result = state.cache.get(key)
    if result is None:
        result = _parse(settings, source_path, data, key)
        state.cache.put(key, result)
    if isinstance(result, list):
        raise ContentError(result)
    return result


_PARSE_SETTINGS: dict = {}


def _parse_job(path: str, data: bytes):
    return _parse(_PARSE_SETTINGS, path, data, ReaderCache.key(path, data))


def prefill_cache(generator) -> None:
    """Parse every new or changed .md file up front, in parallel worker processes."""
    settings = generator.settings
    state: BuildState = settings["NOTICES_BUILD_STATE"]
    jobs = []
    # The same question Pelican asks next (get_files_once answers it once).
    for rel in generator.get_files(settings["ARTICLE_PATHS"],
                                   exclude=settings["ARTICLE_EXCLUDES"]):
        if not rel.endswith(".md"):
            continue
        path = os.path.join(generator.path, rel)
        if warm.WARM is not None and warm.WARM.fresh(path) is not None:
            continue
        try:
            if os.path.islink(path) or os.path.getsize(path) > 2 * 1024 * 1024:
                continue  # the reader reports these
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if ReaderCache.key(path, data) not in state.cache.entries:
            jobs.append((path, data))
    if len(jobs) < 2:
        return
    _PARSE_SETTINGS.clear()
    _PARSE_SETTINGS.update(settings)
    workers = settings["NOTICE_READER_SETTINGS"].workers
    with phase("parse"):
        results = parse_in_parallel(jobs, _parse_job, workers)
    for (path, data), result in zip(jobs, results, strict=True):
        state.cache.put(ReaderCache.key(path, data), result)


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


class _DropReportedFailures(logging.Filter):
    """Pelican logs "Could not process" for files whose problems we already listed."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == "Could not process %s" and record.args:
            # Pelican names the file relative to the content folder.
            return os.path.normpath(str(record.args[0])) not in PROBLEMS.failed_sources
        return True


_FILTER = _DropReportedFailures()


def on_initialized(pelican) -> None:
    """Check settings and reset per-run state (autoreload runs many builds in one process)."""
    PROBLEMS.reset()
    forget_resolved_folders()  # a folder may have become a link since the last build
    settings = pelican.settings
    settings["DISTRICT_TABLE"] = district_table(settings)
    settings["NOTICE_READER_SETTINGS"] = load_plugin_settings(
        settings, "NOTICE_READER", NoticeReaderSettings
    )
    settings["KIND_LABELS"] = {k.value: v for k, v in KIND_LABELS.items()}
    if settings.get("ARTICLE_ORDER_BY") == "reversed-date":  # Pelican's default
        # The same date is no order: list the kind pages as the catalog lists every page.
        settings["ARTICLE_ORDER_BY"] = newest_first
    code = code_fingerprint(settings)
    if warm.WARM is not None:
        # PATH is not part of the code fingerprint (it does not change any output), but
        # kept articles know their path relative to it.
        warm.WARM.begin(f"{code}:{settings['PATH']}")
    manifest = BuildManifest.load(settings.get("NOTICES_PREVIOUS_OUTPUT"), code,
                                  settings.get("CACHE_PATH"))
    def load_cache() -> ReaderCache:
        return ReaderCache.load(settings.get("CACHE_PATH"), code)

    settings["NOTICES_BUILD_STATE"] = BuildState(
        code=code,
        cache=(warm.WARM.cache(settings.get("CACHE_PATH"), load_cache) if warm.WARM is not None
               else load_cache()),
        manifest=manifest,
        output_path=Path(settings["OUTPUT_PATH"]),
        # The live-reload server updates output/ in place when the manifest describes it.
        in_place=warm.WARM is not None and bool(manifest.previous),
        cancel=settings.get("NOTICES_CANCEL"),
    )
    logger = logging.getLogger("pelican.generators")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)


def on_readers_init(readers) -> None:
    readers.reader_classes["md"] = NoticeReader


def get_files_once(generator) -> None:
    """Pelican walks the content folder for each question about it; within one build the
    answer to the same question is the same (one walk instead of two: 5,000 files)."""
    get_files = generator.get_files
    answers: dict[tuple, set[str]] = {}

    def get_files_once(paths, exclude=None, extensions=None):
        key = (repr(paths), repr(exclude), repr(extensions))
        if key not in answers:
            def answer():
                return get_files(paths, exclude=exclude, extensions=extensions)

            # A live-reload server asks its folders first (the walk: 0.1 s at 20,000 files).
            answers[key] = (warm.WARM.listing(generator.path, (generator.path, *key), answer)
                            if warm.WARM is not None else answer())
        return set(answers[key])

    generator.get_files = get_files_once


def on_generator_init(generator) -> None:
    # Pelican lists python-markdown's reader as "disabled" for .md and warns about every
    # file; NoticeReader handles .md, so that warning is wrong here.
    generator.readers.disabled_readers.pop("md", None)
    get_files_once(generator)
    generator.settings["NOTICES_BUILD_STATE"].mark("read")
    if warm.WARM is not None:
        warm.WARM.attach(generator)
    prefill_cache(generator)


def get_writer(pelican):
    return IncrementalWriter


def on_finalized(pelican) -> None:
    """Render the queued pages (in parallel), link reused ones, record the manifest."""
    settings = pelican.settings
    state: BuildState = settings["NOTICES_BUILD_STATE"]
    state.mark("write")
    if state.writer is not None:
        with phase("render"):
            state.writer.flush(settings["NOTICE_READER_SETTINGS"].workers)
    with phase("wait"):
        state.join_background()
    if warm.WARM is not None:  # a live-reload server saves it after publishing
        warm.WARM.later(state.cache.save)
    else:
        with phase("cache"):
            state.cache.save()
    if state.manifest.unchanged or state.in_place:
        return  # the build driver keeps the previous output, or updates it in place
    with phase("link"):
        state.manifest.link_reused(state.output_path)
    # The build driver records the manifest once the new tree is in place.


def _stray_files(settings: dict) -> list[Problem]:
    """Files under content/ that no reader takes would vanish silently: report them."""
    root = Path(settings["PATH"])
    static = set(settings["NOTICE_READER_SETTINGS"].static_folders)
    problems = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel_dir = Path(dirpath).relative_to(root)
        if rel_dir.parts and rel_dir.parts[0] in static:
            continue
        for name in sorted(filenames):
            if name.startswith(".") or name.endswith(".md"):
                continue
            rel = project_relative(os.path.join(dirpath, name), project_root(settings))
            problems.append(Problem(rel, (
                "is not a .md file, so it would not be published; content files end in .md "
                f"(images and attachments go in content/{'/, content/'.join(sorted(static))}/)")))
    return problems


def static_fingerprint(settings: dict) -> str:
    """Paths, sizes and modification times of the files Pelican copies as they are."""
    root = Path(settings["PATH"])
    parts = []
    for folder in settings.get("STATIC_PATHS", []):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def _duplicates(articles) -> list[Problem]:
    problems = []
    seen: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.notice.source_path):
        notice = article.notice
        if article.save_as in seen:
            problems.append(Problem(notice.source_path, (
                f'slug "{notice.slug}" gives the URL "{article.url}", already used by '
                f"{seen[article.save_as]}; set a different slug in the front matter")))
        else:
            seen[article.save_as] = notice.source_path
    return problems


def on_all_generators_finalized(generators) -> None:
    """Build the catalog, or stop the build with every problem of the run."""
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    settings = articles_generator.settings
    articles = list(articles_generator.articles) + list(articles_generator.drafts)
    PROBLEMS.extend(_stray_files(settings))
    PROBLEMS.extend(_duplicates(articles))
    if PROBLEMS:
        raise ContentProblems(PROBLEMS.lines())
    notices = []
    for article in articles:
        article.notice.url = article.url
        notices.append(article.notice)
    catalog = Catalog(notices, settings["DISTRICT_TABLE"], settings)
    state: BuildState = settings["NOTICES_BUILD_STATE"]
    state.mark("read")
    state.catalog_fp = catalog.fingerprint
    # Static files are copied by Pelican on every build; record them so that a changed
    # image alone still counts as a change.
    static_key = static_fingerprint(settings)
    if not state.manifest.reusable("::static", static_key):
        state.manifest.record("::static", static_key, [])
    for generator in generators:
        generator.context["catalog"] = catalog
        generator.context["Kind"] = Kind
    state.mark("write")
    state.catalog_ready(catalog)


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


def on_article_generator_finalized(generator) -> None:
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


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.article_generator_init.connect(on_generator_init)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(on_finalized)
    signals.content_object_init.connect(freeze_urls)
    signals.article_generator_finalized.connect(on_article_generator_finalized)
