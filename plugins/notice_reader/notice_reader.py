"""Pelican plugin: read content files into the shared content model and build the catalog.

The only plugin that parses front matter. It registers ``NoticeReader`` for ``.md`` files,
collects every content problem of the run, and after all generators have read their
content either builds the ``catalog`` (put in the template context for every output) or
stops the build before anything is written.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlparse

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.readers import BaseReader

from notices.build import pelican_adapter
from notices.build.cache import ReaderCache, parse_in_parallel
from notices.build.pelican_adapter import IncrementalWriter, current_build
from notices.build.session import BuildState
from notices.content.catalog import Catalog, newest_first
from notices.content.districts import district_table
from notices.content.files import ContentTree, walk_content
from notices.content.frontmatter import FrontMatterError
from notices.content.model import KIND_LABELS, Kind
from notices.content.problems import PROBLEMS, ContentError, Problem, project_relative, quote
from notices.content.reader import check_location, forget_resolved_folders, read_bytes, read_notice
from notices.content.settings import PluginSettings, load_plugin_settings
from notices.content.towns import add_known_slugs, known_slugs
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
    except OSError as exc:
        raise ContentError([Problem(rel, f"cannot be read ({exc.strerror}); check its "
                                         "permissions")]) from None
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
        kept = state.warm if state.warm is not None else state.articles
        if kept is not None and kept.fresh(path) is not None:
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
    return html.escape(text, quote=False)


class _DropReportedFailures(logging.Filter):
    """Pelican logs "Could not process" for files whose problems we already listed."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == pelican_adapter.COULD_NOT_PROCESS and record.args:
            # Pelican names the file relative to the content folder.
            return os.path.normpath(str(record.args[0])) not in PROBLEMS.failed_sources
        return True


_FILTER = _DropReportedFailures()
#: The reader cache's entry of the town slugs made so far (see notices.content.towns).
TOWN_SLUGS = "town-slugs"


def on_initialized(pelican) -> None:
    """Check settings and reset per-run state (autoreload runs many builds in one process)."""
    PROBLEMS.reset()
    _TREES.clear()
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
    pelican_adapter.use_only_reader(readers, "md", NoticeReader)


_TREES: dict[str, ContentTree] = {}


def content_tree(settings: dict) -> ContentTree:
    """The one walk of content/ in this build (regular files, and what else is there)."""
    root = settings["PATH"]
    if root not in _TREES:
        _TREES[root] = walk_content(root, project_root(settings))
    return _TREES[root]


def _ask_files_once(generator, static: bool) -> None:
    """Pelican's file listing answered from the safe walk (regular files only, no folder
    links); attachments under the static folders are never read as content."""
    settings = generator.settings
    excluded = () if static else tuple(settings["NOTICE_READER_SETTINGS"].static_folders)
    state = current_build()
    warm_state = state.warm if state is not None else None
    pelican_adapter.ask_files_once(
        generator, warm_state.listing if warm_state is not None else None,
        files=content_tree(settings).files, excluded=excluded,
        tag="static" if static else "content")


def on_static_generator_init(generator) -> None:
    _ask_files_once(generator, static=True)


def on_generator_init(generator) -> None:
    state = current_build()
    pelican_adapter.accept_extension(generator, "md")
    _ask_files_once(generator, static=False)
    state.mark("read")
    if state.warm is not None:
        pelican_adapter.keep_articles(generator, state.warm)
    elif state.cache is not None and state.cache.path is not None:
        # A one-off build: last build's articles of unchanged files, from the cache folder.
        with phase("articles"):
            state.articles = pelican_adapter.ArticleStore(generator, state.cache, state.code)
        pelican_adapter.keep_articles(generator, state.articles)
    if state.cache is not None:
        add_known_slugs(state.cache.get(TOWN_SLUGS) or {})
    prefill_cache(generator)


def get_writer(pelican):
    return IncrementalWriter


def on_finalized(pelican) -> None:
    """Finish the pages if Pelican ran without the adapter's last step (``pelican`` on the
    command line), then save the reader cache."""
    state = current_build()
    if state.writer is not None:
        state.writer.finish()
    slugs = known_slugs()
    if slugs != state.cache.get(TOWN_SLUGS):
        state.cache.put(TOWN_SLUGS, slugs)
    if state.warm is not None:  # a live-reload server saves it after publishing
        state.warm.later(state.cache.save)
    else:
        with phase("cache"):
            state.cache.save()
            if state.articles is not None:
                state.articles.save()
    # The build driver records the manifest once the new tree is in place.


def _stray_files(settings: dict) -> list[Problem]:
    """Files under content/ that no reader takes would vanish silently: report them, with
    everything that is not a regular file."""
    static = set(settings["NOTICE_READER_SETTINGS"].static_folders)
    tree = content_tree(settings)
    problems = list(tree.problems)
    for rel in tree.files:
        if rel.split("/", 1)[0] in static and "/" in rel or rel.endswith(".md"):
            continue
        path = os.path.join(settings["PATH"], rel)
        problems.append(Problem(project_relative(path, project_root(settings)), (
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


def _duplicates(articles, settings: dict) -> list[Problem]:
    problems = []
    # A kind's list page: an item with the slug "index" would silently replace it.
    seen: dict[str, str] = {settings["CATEGORY_SAVE_AS"].format(slug=kind.value):
                            f"the list of {kind.value}" for kind in Kind}
    for article in sorted(articles, key=lambda a: a.notice.source_path):
        notice = article.notice
        if article.save_as in seen:
            problems.append(Problem(notice.source_path, (
                f'slug "{notice.slug}" gives the URL "{article.url}", already used by '
                f"{seen[article.save_as]}; set a different slug in the front matter")))
        else:
            seen[article.save_as] = notice.source_path
    return problems


def _inside_content(path: str, relative_dir: str) -> str | None:
    """A link's target relative to content/ (``/x`` from the top), or None if it leads out."""
    path = path[1:] if path.startswith("/") else posixpath.join(relative_dir, path)
    path = posixpath.normpath(path)
    return None if path.startswith(("../", "/")) or path == ".." else path


def _broken_links(articles, context: dict) -> list[Problem]:
    """Internal links and photos must lead to a file under content/ that is published."""
    problems = []
    known = set(context.get("generated_content", {})) | set(context.get("static_content", {}))
    links = articles[0]._get_intrasite_link_regex() if articles else None  # Pelican's own
    for article in articles:
        notice = article.notice
        if "{" not in notice.body_html and "|" not in notice.body_html and not getattr(
                notice.fields, "image", None):
            continue  # no internal link, no photo (most items): skip the regex
        folder = posixpath.dirname(article.get_relative_source_path().replace(os.sep, "/"))
        for match in links.finditer(notice.body_html):
            if match.group("what") not in ("filename", "static", "attach"):
                continue
            link = html.unescape(match.group("path"))
            target = _inside_content(unquote(urlparse(html.unescape(
                match.group("value"))).path), folder)
            if target is None:
                problems.append(Problem(notice.source_path, (
                    f'body: link "{link}" leads outside content/; link only to files under '
                    "content/")))
            elif target not in known:
                problems.append(Problem(notice.source_path, (
                    f'body: link "{link}" leads to content/{target}, which does not exist; '
                    "check the path")))
        image = getattr(notice.fields, "image", None)
        if image is not None and image.src:
            target = _inside_content("/" + image.src.lstrip("/"), "")
            if target is None or target not in known:
                problems.append(Problem(notice.source_path, (
                    f"image.src {quote(image.src)} is not a file under content/; check the "
                    "path (photos go in content/images/)")))
    return problems


def _date_typos(articles) -> list[Problem]:
    """An item dated far beyond all others (2094 for 2024) would move every "newest"
    (feeds, the calendars' retention point): take it for a typing mistake."""
    notices = sorted((a.notice for a in articles), key=lambda n: n.date, reverse=True)
    if len(notices) < 2:
        return []
    newest, other = notices[0], notices[1]
    gap = newest.date.date() - other.date.date()
    if gap <= dt.timedelta(days=366):
        return []
    return [Problem(newest.source_path, (
        f'date "{_show_date(newest.date)}" is {gap.days // 365} years after the newest other '
        f"item ({_show_date(other.date)}); a date more than a year ahead of all others is "
        "taken for a typing mistake. Check the year"))]


def _show_date(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d" if moment.time() == dt.time() else "%Y-%m-%d %H:%M")


def on_all_generators_finalized(generators) -> None:
    """Build the catalog, or stop the build with every problem of the run."""
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    settings = articles_generator.settings
    articles = list(articles_generator.articles) + list(articles_generator.drafts)
    PROBLEMS.extend(_stray_files(settings))
    PROBLEMS.extend(_duplicates(articles, settings))
    PROBLEMS.extend(_broken_links(articles, articles_generator.context))
    PROBLEMS.extend(_date_typos(articles))
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
    # (notices parsed in worker processes made their towns' slugs there)
    add_known_slugs({t.name: t.slug for t in catalog.towns if not t.declared})
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


def on_article_generator_finalized(generator) -> None:
    """A {static} link that leads out of content/ is reported (``_broken_links``); it must not
    even be read by the static files' generator, which would copy it out of the output."""
    links = generator.context.get("static_links")
    if links:
        for link in [p for p in links if _inside_content("/" + p.replace(os.sep, "/"), "")
                     is None]:
            links.discard(link)
    pelican_adapter.spare_quadratic_loops(generator)
    pelican_adapter.spare_link_refresh(generator)


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.article_generator_init.connect(on_generator_init)
    signals.static_generator_init.connect(on_static_generator_init)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(on_finalized)
    signals.content_object_init.connect(pelican_adapter.freeze_urls)
    signals.article_generator_finalized.connect(on_article_generator_finalized)
