"""notices.build.pelican_adapter: the Pelican it was checked against, and Pelican's plugin
contract kept: ``content_written`` once for every page, reused ones included, after the
file exists, with Pelican's arguments; the real pelican-sitemap plugin (PyPI) lists every
page after a cold and after an incremental build."""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import re
import runpy
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree
from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.paginator import Paginator
from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG

from conftest import ROOT, build_site
from notices.build import pelican_adapter, warm

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


# ---------------------------------------------------------------------------
# The Pelican this adapter was checked against


def test_the_installed_pelican_has_everything_the_adapter_relies_on():
    assert pelican_adapter.pelican_problems() == []
    assert pelican_adapter.sitemap_problems() == []


def test_pyproject_pins_the_checked_ranges():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pins = {re.split(r"[<>=]", dep, maxsplit=1)[0]: dep for dep in project["dependencies"]}
    assert pins["pelican"] == "pelican" + ",".join(pelican_adapter.PELICAN_VERSIONS)
    assert pins["pelican-sitemap"] == "pelican-sitemap" + ",".join(
        pelican_adapter.SITEMAP_VERSIONS)


def test_the_instance_attributes_it_sets_or_reads_exist_on_real_objects(tmp_path):
    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path), OUTPUT_PATH=str(tmp_path / "out"),
                    CACHE_PATH=str(tmp_path / "cache"))
    context = dict(settings, generated_content={}, static_links=set(), static_content={},
                   localsiteurl="")
    # Plain Pelican objects: the plugins a build of this process connected stay out.
    with contextlib.ExitStack() as quiet:
        for name in ("generator_init", "article_generator_init", "article_generator_preread",
                     "article_generator_context", "article_generator_pretaxonomy",
                     "article_generator_finalized", "readers_init", "content_object_init"):
            quiet.enter_context(getattr(signals, name).muted())
        generator = ArticlesGenerator(context=context, settings=settings, path=str(tmp_path),
                                      theme=settings["THEME"], output_path=str(tmp_path / "out"))
        generator.generate_context()
    article = Article("<p>x</p>", {"title": "t", "date": dt.datetime(2024, 5, 1)},
                      settings=settings, source_path=str(tmp_path / "a.md"), context=context)
    paginator = Paginator("index.html", "", [article], settings, 10)
    objects = {"Content": article, "Readers": Readers(settings), "ArticlesGenerator": generator,
               "Paginator": paginator, "Page": paginator.page(1)}
    missing = [f"{kind}.{name}" for kind, names in pelican_adapter.INSTANCE_ATTRIBUTES.items()
               for name in names if not hasattr(objects[kind], name)]
    assert missing == []
    # freeze_urls sets override_url and override_save_as, which Pelican's URLs then return.
    article.notice = object()
    article.settings = dict(settings, ARTICLE_URL="kept/{slug}.html",
                            ARTICLE_SAVE_AS="kept/{slug}.html")
    pelican_adapter.freeze_urls(article)
    article.settings = settings
    assert (article.override_url, article.url) == ("kept/t.html", "kept/t.html")
    assert (article.override_save_as, article.save_as) == ("kept/t.html", "kept/t.html")


def _linked_articles(tmp_path, settings):
    """Articles whose summaries hold no link, a {filename} link, or a '|' that is none."""
    context = dict(settings, generated_content={}, static_links=set(), static_content={},
                   localsiteurl="")
    target = Article("<p>t</p>", {"title": "target", "date": dt.datetime(2024, 5, 2)},
                     settings=settings, source_path=str(tmp_path / "target.md"),
                     context=context)
    context["generated_content"]["target.md"] = target
    summaries = ["<p>停电通知：无链接。</p>", '<p><a href="{filename}target.md">见</a></p>',
                 "<p>甲 | 乙</p>", '<p><a href="|filename|target.md">旧式</a></p>']
    made = []
    for number, summary in enumerate(summaries):
        made.append(Article("<p>x</p>", {"title": f"t{number}", "summary": summary,
                                          "date": dt.datetime(2024, 5, 1)}, settings=settings,
                            source_path=str(tmp_path / f"a{number}.md"), context=context))
    return made


def test_link_refresh_skips_summaries_without_a_link_and_gives_pelicans_result(
        tmp_path, monkeypatch):
    # Pelican runs its intrasite link pattern over every summary again after reading (0.1 s
    # a build at 5,000 items); a summary without '{' or '|' cannot match it.
    from pelican.contents import Content

    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path), OUTPUT_PATH=str(tmp_path / "out"))
    expected = _linked_articles(tmp_path, settings)
    for article in expected:
        article.refresh_metadata_intersite_links()
    assert 'href="/target.html"' in expected[1].metadata["summary"]  # (a real link)

    articles = _linked_articles(tmp_path, settings)
    generator = SimpleNamespace(
        settings=settings, articles=articles, translations=[], drafts=[],
        drafts_translations=[], hidden_articles=[], hidden_translations=[])
    updated = []
    update = Content._update_content

    def counted(self, content, siteurl):
        updated.append(content)
        return update(self, content, siteurl)

    monkeypatch.setattr(Content, "_update_content", counted)
    pelican_adapter.spare_link_refresh(generator)
    generator.refresh_metadata_intersite_links()
    assert [a.metadata["summary"] for a in articles] == [
        a.metadata["summary"] for a in expected]
    assert [a._summary for a in articles] == [a._summary for a in expected]
    assert [a.summary for a in articles] == [a.summary for a in expected]
    assert updated == [expected_summary for expected_summary in (
        '<p><a href="{filename}target.md">见</a></p>', "<p>甲 | 乙</p>",
        '<p><a href="|filename|target.md">旧式</a></p>')]


def test_the_message_for_a_rejected_file_is_still_pelicans():
    # notice_reader drops it for files whose problems it has listed already.
    import pelican.generators

    source = inspect.getsource(pelican.generators)
    assert pelican.generators.logger.name == pelican_adapter.GENERATORS_LOG
    assert re.search(r'logger\.exception\(\s*"' + re.escape(pelican_adapter.COULD_NOT_PROCESS)
                     + '"', source)


def test_a_pelican_that_changed_fails_loudly(monkeypatch):
    from pelican.contents import Content
    from pelican.writers import Writer

    def write_file(self, name, template, context, relative_urls=False, **kwargs):
        pass  # a Pelican whose write_file lost parameters

    monkeypatch.setattr(Writer, "write_file", write_file)
    monkeypatch.delattr(Content, "get_url_setting")
    monkeypatch.setattr(pelican_adapter.metadata, "version", lambda name: "5.0.1")
    monkeypatch.setattr(pelican_adapter, "_checked", False)

    with pytest.raises(pelican_adapter.PelicanChanged) as raised:
        pelican_adapter.check_pelican()

    message = str(raised.value)
    assert message.startswith("notices.build.pelican_adapter was checked against Pelican "
                              ">=4.12,<4.13; the installed one differs:\n")
    assert "  - Pelican 5.0.1 is outside the checked range >=4.12,<4.13" in message
    assert "  - pelican.contents.Content.get_url_setting is missing" in message
    assert ("  - pelican.writers.Writer.write_file takes (name, template, context, "
            "relative_urls, kwargs), expected (name, template, context, relative_urls, "
            "paginated, template_name, override_output, url, kwargs)") in message


def test_every_relied_on_signature_is_checked_with_its_parameters():
    """The table is not vacuous: each entry with parameters names a callable."""
    for owner, attribute, parameters in pelican_adapter.RELIED_ON:
        if parameters is not None:
            value = inspect.getattr_static(pelican_adapter._owner(owner), attribute)
            assert callable(getattr(value, "func", value)), (owner, attribute)


# ---------------------------------------------------------------------------
# content_written: once per page, after the file exists, with Pelican's arguments


class _Written:
    """Records each ``content_written`` as Pelican sends it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, bool, dict]] = []

    def __call__(self, path, context=None, **rest) -> None:
        assert rest == {}, rest
        self.calls.append((path, Path(path).is_file(), context))


@pytest.fixture
def written():
    recorder = _Written()
    signals.content_written.connect(recorder)
    yield recorder
    signals.content_written.disconnect(recorder)


def _staging_relative(path: str) -> str:
    # The build writes into a staging folder beside output/ (.build-output-…/<page>).
    return path.split("/.build-", 1)[1].split("/", 1)[1]


def _check_calls(recorder: _Written, output: Path) -> list[str]:
    pages = sorted(str(p.relative_to(output)) for p in output.rglob("*.html"))
    sent = [_staging_relative(path) for path, _, _ in recorder.calls]
    assert sorted(sent) == pages, "once for every page"
    assert all(existed for _, existed, _ in recorder.calls), "after the file exists"
    for path, _, context in recorder.calls:  # Pelican's local context of the page
        assert context["output_file"] == _staging_relative(path)
        assert context["SITENAME"] == "甬城通告"
        assert "catalog" in context
    articles = {c["article"].notice.source_path: c for _, _, c in recorder.calls
                if "article" in c}
    assert sorted(articles) == ["content/articles/2024-05-01-two-districts.md",
                                "content/outages/2024-05-02-power.md",
                                "content/tenders/2024-05-02-wuye.md"]
    return sent


def test_content_written_fires_once_for_every_page_cold_and_incremental(site, written):
    assert build_site(site).code == 0
    cold = _check_calls(written, site / "output")
    written.calls.clear()
    _edit(site)

    assert build_site(site).code == 0

    assert _check_calls(written, site / "output") == cold  # reused pages too, in Pelican's order


def test_content_written_in_a_warm_process_that_updates_output_in_place(site, written,
                                                                          monkeypatch):
    state = warm.enable()
    monkeypatch.setattr(warm, "RACY_NS", 0)
    try:
        assert build_site(site, warm=state).code == 0
        written.calls.clear()
        _edit(site)
        assert build_site(site, warm=state).code == 0
    finally:
        warm.disable()
    _check_calls(written, site / "output")


# ---------------------------------------------------------------------------
# The real pelican-sitemap plugin


def _edit(site: Path) -> None:
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    source.write_text(source.read_text("utf-8").replace("联合开展改革", "联合开展改革试点"),
                      "utf-8")


def _sitemap_urls(output: Path) -> list[str]:
    tree = etree.parse(str(output / "sitemap.xml"))
    return [loc.text for loc in tree.getroot().iterfind("s:url/s:loc", SITEMAP_NS)]


def _every_page(output: Path) -> list[str]:
    """Each page's URL as the site links it (folders end in /), but the 404 page."""
    urls = []
    for page in sorted(output.rglob("*.html")):
        rel = str(page.relative_to(output))
        if rel != "404.html":
            urls.append("/" + re.sub(r"(^|/)index\.html$", r"\1", rel))
    return sorted(urls)


def test_the_sitemap_lists_every_page_cold_and_incremental(site, tmp_path):
    assert build_site(site).code == 0
    assert sorted(_sitemap_urls(site / "output")) == _every_page(site / "output")
    _edit(site)

    assert build_site(site).code == 0
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))

    assert cold.code == 0
    incremental = site / "output"
    assert sorted(_sitemap_urls(incremental)) == _every_page(incremental)
    assert (incremental / "sitemap.xml").read_bytes() == (cold.output / "sitemap.xml"
                                                           ).read_bytes()


def test_the_sitemap_of_a_warm_process_equals_a_cold_builds(site, tmp_path, monkeypatch):
    state = warm.enable()
    monkeypatch.setattr(warm, "RACY_NS", 0)
    try:
        assert build_site(site, warm=state).code == 0
        # A build that stops for a content problem must not leave the plugin waiting.
        source = site / "content" / "tenders" / "2024-05-02-wuye.md"
        good = source.read_text("utf-8")
        source.write_text(good.replace("date: ", "date: 明天 "), "utf-8")
        assert build_site(site, warm=state).code == 1
        source.write_text(good, "utf-8")
        _edit(site)
        # The sitemap alone listens: its pages are not linked into the staging folder.
        assert pelican_adapter._content_written_listeners() == [
            "pelican.plugins.sitemap.sitemap"]
        assert build_site(site, warm=state).code == 0
        state.settle()
    finally:
        warm.disable()
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert cold.code == 0
    assert (site / "output" / "sitemap.xml").read_bytes() == (cold.output / "sitemap.xml"
                                                               ).read_bytes()


def test_sitemap_urls_are_absolute_with_the_published_siteurl_and_robots_names_it(site):
    result = build_site(site, SITEURL="https://notices.example.cn", RELATIVE_URLS=False,
                        FEED_DOMAIN="https://notices.example.cn")

    assert result.code == 0, result.err
    urls = _sitemap_urls(result.output)
    assert urls and all(u.startswith("https://notices.example.cn/") for u in urls)
    assert sorted(u.removeprefix("https://notices.example.cn") for u in urls) == _every_page(
        result.output)
    # Items have their own date; lists and other pages the newest item's (not build time).
    lastmod = {url.findtext("s:loc", namespaces=SITEMAP_NS).removeprefix(
        "https://notices.example.cn"): url.findtext("s:lastmod", namespaces=SITEMAP_NS)
        for url in etree.parse(str(result.output / "sitemap.xml")).getroot()
        .iterfind("s:url", SITEMAP_NS)}
    assert lastmod["/articles/2024-05-01-two-districts.html"] == "2024-05-01T00:00:00+08:00"
    assert lastmod["/"] == lastmod["/districts/haishu/"] == "2024-05-02T00:00:00+08:00"
    assert set(lastmod.values()) == {"2024-05-01T00:00:00+08:00", "2024-05-02T00:00:00+08:00"}
    assert (result.output / "robots.txt").read_text("utf-8") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://notices.example.cn/sitemap.xml\n")


def test_the_demo_settings_enable_the_sitemap():
    settings = runpy.run_path(str(ROOT / "pelicanconf.py"))
    assert "pelican.plugins.sitemap" in settings["PLUGINS"]
    assert settings["SITEMAP"]["format"] == "xml"
