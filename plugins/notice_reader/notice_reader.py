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

from notices.build import pelican_adapter
from notices.build.cache import ReaderCache, parse_in_parallel
from notices.build.pelican_adapter import IncrementalWriter, current_build
from notices.build.session import BuildState
from notices.content.catalog import Catalog
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
    state: BuildState = current_build()
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
    state: BuildState = current_build()
    jobs = []
    # The same question Pelican asks next (get_files_once answers it once).
    for rel in generator.get_files(settings["ARTICLE_PATHS"],
                                   exclude=settings["ARTICLE_EXCLUDES"]):
        if not rel.endswith(".md"):
            continue
        path = os.path.join(generator.path, rel)
        if state.warm is not None and state.warm.fresh(path) is not None:
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
        if record.msg == pelican_adapter.COULD_NOT_PROCESS and record.args:
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
    # The build driver runs Pelican with a build state; ``pelican`` on the command line
    # gets a one-off one.
    state = current_build() or pelican_adapter.adopt(BuildState())
    state.workers = settings["NOTICE_READER_SETTINGS"].workers
    state.start(settings)
    if state.warm is not None:
        pelican_adapter.forget_memoized_content()
    pelican_adapter.reset_sitemap()
    logger = logging.getLogger(pelican_adapter.GENERATORS_LOG)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)


def on_readers_init(readers) -> None:
    pelican_adapter.use_reader(readers, "md", NoticeReader)


def on_generator_init(generator) -> None:
    state = current_build()
    pelican_adapter.accept_extension(generator, "md")
    pelican_adapter.ask_files_once(generator,
                                   state.warm.listing if state.warm is not None else None)
    state.mark("read")
    if state.warm is not None:
        pelican_adapter.keep_articles(generator, state.warm)
    prefill_cache(generator)


def get_writer(pelican):
    return IncrementalWriter


def on_finalized(pelican) -> None:
    """Finish the pages if Pelican ran without the adapter's last step (``pelican`` on the
    command line), then save the reader cache."""
    state = current_build()
    if state.writer is not None:
        state.writer.finish()
    if state.warm is not None:  # a live-reload server saves it after publishing
        state.warm.later(state.cache.save)
    else:
        with phase("cache"):
            state.cache.save()
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
    clashes = catalog.town_problems()
    if clashes:
        PROBLEMS.extend(Problem(path, message) for path, message in clashes)
        raise ContentProblems(PROBLEMS.lines())
    state: BuildState = current_build()
    state.mark("read")
    state.catalog_fp = catalog.fingerprint
    pelican_adapter.date_index_pages(catalog.newest_date)
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


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.article_generator_init.connect(on_generator_init)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(on_finalized)
    signals.content_object_init.connect(pelican_adapter.freeze_urls)
    signals.article_generator_finalized.connect(pelican_adapter.spare_quadratic_loops)
