"""Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 per district, per kind and for the whole site.

Built from the fixture site tests/sites/feeds/ and read back with feedparser and lxml.
The W3C Feed Validator's rules that can be checked offline are checked for every feed of the
fixture and of the demo site (``feed_rule_problems``). Golden files are re-recorded with
REGOLD=1.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
import time
from pathlib import Path

import feedparser
import html5lib
import pytest
import yaml
from lxml import etree
from lxml import html as lxml_html

import pelicanconf
from conftest import build_site, built_fixture_site, copy_site, tree_digest
from notices.content.catalog import Catalog, schedule_windows
from notices.content.districts import district_table
from notices.content.model import ArticleFields, Kind, Notice, OutageFields
from notices.outputs.feeds import (
    DistrictFeedsSettings,
    FeedDirectory,
    FeedItems,
    build_feeds,
    feed_files,
    outage_title,
)

SITE = "https://notices.example.cn"
URLS = {"SITEURL": SITE, "FEED_DOMAIN": SITE}
GOLDEN = Path(__file__).resolve().parent / "golden" / "feeds"
DISTRICTS = district_table({"DISTRICTS": pelicanconf.DISTRICTS})
SLUGS = [d["slug"] for d in pelicanconf.DISTRICTS]
NS = {"atom": "http://www.w3.org/2005/Atom",
      "content": "http://purl.org/rss/1.0/modules/content/",
      "dc": "http://purl.org/dc/elements/1.1/"}
TAG = "tag:ningbo-notices.cn,2019:"


#: The towns the fixture's windows name, by district in declared order: each gets a feed.
TOWN_KEYS = ["haishu/shiqi", "jiangbei/cicheng", "jiangbei/hongtang", "yinzhou/jiangshan",
             "beilun/daqi"]


def feed_keys() -> list[str]:
    keys = ["all", "kinds/articles", "kinds/tenders", "kinds/outages"]
    for slug in SLUGS:
        keys += [f"districts/{slug}", f"districts/{slug}/outages"]
    return keys + [f"districts/{key}" for key in TOWN_KEYS]


def feed_paths() -> list[str]:
    return [f"feeds/{key}.{ext}" for key in feed_keys() for ext in ("rss.xml", "atom.xml", "json")]


@pytest.fixture(scope="module")
def feeds_output(tmp_path_factory) -> Path:
    return built_fixture_site(tmp_path_factory, "feeds", **URLS).output


def rss(output: Path, key: str):
    return etree.parse(str(output / f"feeds/{key}.rss.xml")).getroot()


def items(output: Path, key: str) -> list[dict]:
    """Each RSS item as title, guid and content, in feed order."""
    return [{"title": i.findtext("title"), "guid": i.findtext("guid"),
             "link": i.findtext("link"),
             "content": i.findtext("content:encoded", namespaces=NS)}
            for i in rss(output, key).iter("item")]


def parsed(path: Path):
    result = feedparser.parse(path.read_bytes())
    assert not result.bozo, f"{path}: {result.get('bozo_exception')}"
    return result


# ---------------------------------------------------------------------------
# Which feeds exist, and every one reads back


def test_every_feed_is_written_at_its_permanent_url(feeds_output):
    written = sorted(str(p.relative_to(feeds_output)) for p in (feeds_output / "feeds").rglob("*")
                     if p.is_file())
    assert written == sorted(feed_paths())


def test_every_feed_reads_back_with_feedparser_and_lxml(feeds_output):
    for path in feed_paths():
        file = feeds_output / path
        if path.endswith(".json"):
            document = json.loads(file.read_bytes())
            assert document["version"] == "https://jsonfeed.org/version/1.1"
            continue
        etree.fromstring(file.read_bytes())
        result = parsed(file)
        assert result.version == ("rss20" if path.endswith(".rss.xml") else "atom10"), path
        assert result.feed.title.startswith("甬城通告 · ")
        assert result.feed.language == "zh-CN"


def test_item_in_two_districts_is_in_both_district_feeds(feeds_output):
    for slug in ("jiangbei", "yinzhou"):
        titles = [i["title"] for i in items(feeds_output, f"districts/{slug}")]
        assert "两区联合开展“最多跑一次”改革" in titles, slug
    assert "两区联合开展“最多跑一次”改革" not in [
        i["title"] for i in items(feeds_output, "districts/haishu")]


def test_each_district_feed_holds_the_items_naming_it_newest_first(feeds_output):
    def guids(key):
        return [i["guid"].removeprefix(TAG) for i in items(feeds_output, key)]

    assert guids("districts/jiangbei") == [
        "articles/2024-05-03-photo", "outages/2024-05-02-power#jiangbei",
        "articles/2024-05-01-two-districts"]
    assert guids("districts/haishu") == ["tenders/2024-05-02-wuye",
                                         "outages/2024-05-02-power#haishu"]
    assert guids("districts/beilun") == ["outages/2024-04-20-cancelled#beilun"]
    assert guids("districts/jiangbei/outages") == ["outages/2024-05-02-power#jiangbei"]
    assert guids("kinds/outages") == ["outages/2024-05-02-power", "outages/2024-04-20-cancelled"]
    assert guids("all") == [
        "articles/2024-05-03-photo", "tenders/2024-05-02-wuye", "outages/2024-05-02-power",
        "articles/2024-05-01-two-districts", "outages/2024-04-20-cancelled"]


def test_district_with_nothing_has_a_valid_empty_feed(feeds_output):
    for ext in ("rss.xml", "atom.xml"):
        for key in ("districts/xiangshan", "districts/xiangshan/outages"):
            result = parsed(feeds_output / f"feeds/{key}.{ext}")
            assert result.entries == []
            assert result.feed.title.startswith("甬城通告 · 象山县")
    document = json.loads((feeds_output / "feeds/districts/xiangshan.json").read_bytes())
    assert document["items"] == []
    # Its stamp is the site's newest content date, never the build clock.
    channel = rss(feeds_output, "districts/xiangshan").find("channel")
    assert channel.findtext("lastBuildDate") == "Fri, 03 May 2024 09:30:00 +0800"
    atom = etree.parse(str(feeds_output / "feeds/districts/xiangshan.atom.xml")).getroot()
    assert atom.findtext("atom:updated", namespaces=NS) == "2024-05-03T09:30:00+08:00"


def test_outage_in_a_district_feed_lists_that_district_only(feeds_output):
    [item] = items(feeds_output, "districts/jiangbei/outages")
    assert item["title"] == "江北区计划停电：5月6日—7日，共2处，取消1处"
    assert item["guid"] == TAG + "outages/2024-05-02-power#jiangbei"
    assert item["link"] == f"{SITE}/outages/2024-05-02-power.html#w-20240506-jiangbei-c7dd6b881a"
    content = lxml_html.fromstring(item["content"]).text_content()
    assert "白米湾村" in content and "广场2号箱变（线路检修）" in content
    assert "地铁产业" in content and "已取消" in content
    assert "爱科森汽车" not in content and "走马塘村" not in content
    [yinzhou] = items(feeds_output, "districts/yinzhou/outages")
    assert yinzhou["title"] == "鄞州区计划停电：5月7日，共1处"
    [beilun] = items(feeds_output, "districts/beilun/outages")
    assert beilun["title"] == "北仑区取消计划停电：4月22日—23日，共2处"
    # The same item in the district feed and the district's outage feed: one guid.
    assert items(feeds_output, "districts/jiangbei")[1] == item
    # The whole schedule keeps its own title and guid in the site and kind feeds.
    full = items(feeds_output, "kinds/outages")[0]
    assert full["title"] == "计划停电预告（5月6日—7日）"
    assert full["guid"] == TAG + "outages/2024-05-02-power"
    assert "爱科森汽车" in full["content"] and "走马塘村" in full["content"]


def test_outage_title_across_months():
    notice = Notice(Kind.OUTAGE, OutageFields.model_validate({
        "title": "计划停电", "date": "2024-05-30", "source": {"name": "宁波供电公司"},
        "windows": [{"date": d, "district": "江北区", "areas": [a], "start": "08:00",
                     "end": "12:00"} for d, a in (("2024-05-31", "甲"), ("2024-06-02", "乙"))],
    }, context={"districts": DISTRICTS}), "content/outages/x.md", "x", "", "")
    jiangbei = DISTRICTS.get("江北区")
    assert outage_title(jiangbei, schedule_windows(notice)) == \
        "江北区计划停电：5月31日—6月2日，共2处"


def test_items_have_dates_categories_authors_and_full_content(feeds_output):
    result = parsed(feeds_output / "feeds/districts/jiangbei.atom.xml")
    photo, outage, article = result.entries
    assert [t.term for t in article.tags] == ["新闻", "江北区", "鄞州区"]
    assert [a.name for a in article.authors] == ["记者甲", "记者乙"]
    assert [a.name for a in photo.authors] == ["摄影丙"]
    assert [a.name for a in outage.authors] == ["宁波供电公司"]
    assert outage.published == outage.updated == "2024-05-02T00:00:00+08:00"
    assert photo.published == "2024-05-03T09:30:00+08:00"
    assert article.content[0].type == "text/html"
    channel = rss(feeds_output, "districts/haishu").find("channel")
    tender = channel.find("item")
    assert tender.findtext("pubDate") == "Thu, 02 May 2024 00:00:00 +0800"
    assert tender.findtext("dc:creator", namespaces=NS) == "宁波某房地产有限公司"
    content = tender.findtext("content:encoded", namespaces=NS)
    assert '<a href="tel:13900000000">139 0000 0000</a>' in content
    assert "2024年5月10日 09:30—10:30；地点：海曙区某路1号" in content


def test_every_url_inside_content_is_absolute(feeds_output):
    article = next(i for i in items(feeds_output, "all") if "两区" in i["title"])
    doc = lxml_html.fragment_fromstring(article["content"], create_parent="div")
    hrefs = [a.get("href") for a in doc.iter("a")]
    assert hrefs == [
        "http://daily.cnnb.com.cn/nbrb/",
        f"{SITE}/outages/2024-05-02-power.html",  # {filename} link
        f"{SITE}/articles/guide/steps.html",  # relative to the item's page
        f"{SITE}/articles/2024-05-01-two-districts.html#fn1",
        f"{SITE}/articles/2024-05-01-two-districts.html#fnref1",
    ]
    assert [i.get("src") for i in doc.iter("img")] == [f"{SITE}/articles/images/hall.png"]
    photo = next(i for i in items(feeds_output, "all") if "慈城" in i["title"])
    doc = lxml_html.fragment_fromstring(photo["content"], create_parent="div")
    assert [i.get("src") for i in doc.iter("img")] == [f"{SITE}/images/cicheng.jpg"]
    assert [a.get("href") for a in doc.iter("a")] == [f"{SITE}/districts/jiangbei/"]


def test_json_feed_beside_each_rss_feed(feeds_output):
    document = json.loads((feeds_output / "feeds/districts/jiangbei.json").read_bytes())
    assert document["feed_url"] == f"{SITE}/feeds/districts/jiangbei.json"
    assert document["home_page_url"] == f"{SITE}/districts/jiangbei/"
    assert document["language"] == "zh-CN"
    assert [i["id"] for i in document["items"]] == [
        i["guid"] for i in items(feeds_output, "districts/jiangbei")]
    outage = document["items"][1]
    assert outage["title"] == "江北区计划停电：5月6日—7日，共2处，取消1处"
    assert outage["date_published"] == "2024-05-02T00:00:00+08:00"
    assert outage["tags"] == ["停电预告", "江北区"]
    assert outage["authors"] == [{"name": "宁波供电公司"}]


# ---------------------------------------------------------------------------
# Guids survive edits, URL patterns and build dates; builds are byte-identical


def guids_by_title(output: Path, key: str) -> dict[str, str]:
    return {i["guid"]: i["title"] for i in items(output, key)}


def test_guid_survives_a_title_change(tmp_path):
    site = copy_site("feeds", tmp_path / "site")
    before = build_site(site, tmp_path / "one", **URLS)
    assert before.code == 0, before.err
    for path in (site / "content/articles/2024-05-01-two-districts.md",
                 site / "content/outages/2024-05-02-power.md"):
        text = path.read_text("utf-8")
        path.write_text(re.sub(r"^title: .*$", "title: 改过的标题", text, count=1, flags=re.M),
                        "utf-8")
    after = build_site(site, tmp_path / "two", **URLS)
    assert after.code == 0, after.err
    for key in ("all", "districts/jiangbei", "districts/yinzhou/outages"):
        old, new = guids_by_title(before.output, key), guids_by_title(after.output, key)
        assert list(old) == list(new), key
    assert guids_by_title(after.output, "all")[TAG + "articles/2024-05-01-two-districts"] == \
        "改过的标题"


def test_guid_survives_a_change_of_url_pattern(tmp_path, feeds_output):
    site = copy_site("feeds", tmp_path / "site")
    moved = build_site(site, ARTICLE_URL="{category}/{date:%Y}/{slug}/",
                       ARTICLE_SAVE_AS="{category}/{date:%Y}/{slug}/index.html", **URLS)
    assert moved.code == 0, moved.err
    for key in feed_keys():
        assert [i["guid"] for i in items(moved.output, key)] == \
            [i["guid"] for i in items(feeds_output, key)], key
    links = [i["link"] for i in items(moved.output, "all")]
    assert f"{SITE}/articles/2024/2024-05-01-two-districts/" in links
    article = next(i for i in items(moved.output, "all") if "两区" in i["title"])
    assert f'href="{SITE}/outages/2024/2024-05-02-power/"' in article["content"]


def test_two_builds_give_byte_identical_feeds(tmp_path):
    site = copy_site("feeds", tmp_path / "site")
    one = build_site(site, tmp_path / "one", **URLS)
    time.sleep(1.1)  # a clock read anywhere would now show in the seconds
    two = build_site(site, tmp_path / "two", **URLS)
    assert one.code == two.code == 0
    first, second = tree_digest(one.output / "feeds"), tree_digest(two.output / "feeds")
    assert first == second and len(first) == len(feed_paths())
    page = "subscribe/index.html"
    assert (one.output / page).read_bytes() == (two.output / page).read_bytes()


# ---------------------------------------------------------------------------
# Hostile text


HOSTILE_TITLE = '<script>alert("x")</script> & ]]> &amp; 停电' + "长" * 2000


def test_hostile_text_gives_well_formed_xml_and_escaped_html(tmp_path):
    site = copy_site("feeds", tmp_path / "site")
    item = {
        "title": HOSTILE_TITLE, "date": "2024-05-04",
        "source": {"name": "<b>供电</b> & ]]>"},
        "windows": [{"date": "2024-05-08", "district": "江北区", "town": "<i>慈城</i>",
                     "areas": ["]]>", "<script>alert(1)</script>", "&lt;&"], "start": "08:00",
                     "end": "16:00", "note": "\"'&"}],
    }
    body = ("<script>alert(1)</script> ]]> & &amp; 控制\x01\x08\x0b\x0c\x1b\x7f\x85\ufffd字符\n\n"
            '<img src=x onerror="alert(1)"> [x](javascript:alert(1))\n')
    (site / "content/outages/2024-05-04-hostile.md").write_text(
        f"---\n{yaml.safe_dump(item, allow_unicode=True)}---\n{body}", "utf-8")
    result = build_site(site, **URLS)
    assert result.code == 0, result.err
    for path in feed_paths():
        data = (result.output / path).read_bytes()
        if path.endswith(".json"):
            json.loads(data)
            continue
        etree.fromstring(data)
        parsed(result.output / path)
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", data), path
        assert b"\x7f" not in data and "\x85".encode() not in data, path
    # Titles come back exactly; HTML arrives escaped, as text, never as elements.
    full = next(i for i in items(result.output, "kinds/outages") if i["title"] == HOSTILE_TITLE)
    doc = lxml_html.fragment_fromstring(full["content"], create_parent="div")
    assert not doc.xpath("//script | //b | //i | //img[@onerror] | //@*[starts-with(name(), 'on')]")
    assert not [a for a in doc.iter("a") if a.get("href", "").startswith("javascript:")]
    text = doc.text_content()
    assert "<script>alert(1)</script> ]]> & & 控制字符" in text  # &amp; is Markdown for &
    assert "<b>供电</b> & ]]>" in text and "<i>慈城</i>" in text
    [scoped] = [i for i in items(result.output, "districts/jiangbei/outages")
                if "5月8日" in i["title"]]
    assert scoped["title"] == "江北区计划停电：5月8日，共1处"
    atom = parsed(result.output / "feeds/kinds/outages.atom.xml")
    assert atom.entries[0].title == HOSTILE_TITLE
    problems = [p for path in feed_paths() if not path.endswith(".json")
                for p in feed_rule_problems(result.output / path, f"{SITE}/{path}")
                if "contains HTML" not in p]  # the validator warns about HTML-like titles
    assert problems == []


def test_control_characters_from_an_importer_are_stripped_at_the_feed_layer():
    # The content model refuses control characters in front matter; a future importer
    # building Notices directly must still never produce an unparseable feed.
    fields = ArticleFields.model_construct(
        title="标题\x01\x1f\ud800\uffff", date=dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
        districts=[DISTRICTS.get("江北区")], authors=["作者\x02"], photographers=[],
        source=None, image=None, column=None, summary=None, tags=[], slug=None)
    notice = Notice(Kind.ARTICLE, fields, "content/articles/x.md", "x",
                    "<p>正文\x03\x1b]]></p>", "摘要\x04", url="articles/x.html")
    catalog = Catalog([notice], DISTRICTS)
    settings = {"SITEURL": SITE, "SITENAME": "甬城通告", "AUTHOR": "甬城通告编辑部"}
    options = DistrictFeedsSettings()
    directory = FeedDirectory(settings, options, DISTRICTS)
    feeds = build_feeds(catalog, directory, FeedItems(settings, options, DISTRICTS))
    for path, data in feed_files(feeds, directory):
        if path.endswith(".json"):
            assert "\\u0001" not in data.decode()
            continue
        root = etree.fromstring(data)
        assert not feedparser.parse(data).bozo, path
        if path == "feeds/all.rss.xml":
            item = root.find("channel/item")
            assert item.findtext("title") == "标题"
            assert item.findtext("pubDate") == "Wed, 01 May 2024 08:00:00 +0800"
            assert item.findtext("dc:creator", namespaces=NS) == "作者"
            assert "正文]]&gt;" in item.findtext("content:encoded", namespaces=NS)


# ---------------------------------------------------------------------------
# Settings


def test_item_limit(tmp_path):
    site = copy_site("feeds", tmp_path / "site")
    result = build_site(site, DISTRICT_FEEDS={"limit": 2}, **URLS)
    assert result.code == 0, result.err
    assert [i["title"] for i in items(result.output, "all")] == [
        "慈城古县城迎来赏花季", "某小区前期物业管理服务招标公告"]
    assert len(items(result.output, "districts/jiangbei")) == 2


def test_district_kinds_and_title_prefix(tmp_path):
    site = copy_site("feeds", tmp_path / "site")
    result = build_site(site, DISTRICT_FEEDS={
        "district_kinds": ["outages", "tenders"], "title_prefix": "宁波通告", "json_feed": False,
    }, **URLS)
    assert result.code == 0, result.err
    tenders = rss(result.output, "districts/haishu/tenders").find("channel")
    assert tenders.findtext("title") == "宁波通告 · 海曙区招标与报名公告"
    assert [i.findtext("title") for i in tenders.iter("item")] == ["某小区前期物业管理服务招标公告"]
    assert not list((result.output / "feeds").rglob("*.json"))


@pytest.mark.parametrize("value, message", [
    ({"limt": 5}, 'pelicanconf.py: DISTRICT_FEEDS has unknown key "limt". Did you mean "limit"? '
                  "Known keys: limit, title_prefix, guid_namespace, district_kinds, json_feed"),
    ({"limit": 0}, "pelicanconf.py: DISTRICT_FEEDS['limit'] is 0; input should be greater than "
                   "or equal to 1"),
    ({"guid_namespace": "https://notices.example.cn"},
     "pelicanconf.py: DISTRICT_FEEDS['guid_namespace'] is \"https://notices.example.cn\"; "
     "expected a domain name and a date it was yours, as in tag: URIs (RFC 4151), e.g. "
     '"ningbo-notices.cn,2019"'),
    ({"guid_namespace": "ningbo-notices.cn,2019-02-30"},
     "pelicanconf.py: DISTRICT_FEEDS['guid_namespace'] is \"ningbo-notices.cn,2019-02-30\"; "
     "expected a domain name and a date it was yours, as in tag: URIs (RFC 4151), e.g. "
     '"ningbo-notices.cn,2019"'),
    ({"district_kinds": ["outage"]},
     "pelicanconf.py: DISTRICT_FEEDS['district_kinds.0'] is \"outage\"; input should be "
     "'articles', 'tenders' or 'outages'"),
])
def test_setting_errors_name_the_key_and_what_was_expected(site, value, message):
    result = build_site(site, DISTRICT_FEEDS=value)
    assert result.code == 2
    assert result.err.splitlines()[0] == message
    assert not (site / "output").exists()


# ---------------------------------------------------------------------------
# Discovery and the 订阅 page


def alternates(output: Path, page: str) -> list[tuple[str, str]]:
    doc = lxml_html.fromstring((output / page).read_bytes())
    return [(link.get("type"), link.get("href"))
            for link in doc.xpath('//head/link[@rel="alternate"]')]


def test_every_page_announces_the_site_feed(feeds_output):
    site_feeds = [("application/rss+xml", f"{SITE}/feeds/all.rss.xml"),
                  ("application/atom+xml", f"{SITE}/feeds/all.atom.xml"),
                  ("application/feed+json", f"{SITE}/feeds/all.json")]
    pages = [p for p in feeds_output.rglob("*.html")]
    assert len(pages) > 20
    for page in pages:
        found = alternates(feeds_output, str(page.relative_to(feeds_output)))
        assert all(f in found for f in site_feeds), page


def test_district_and_kind_pages_announce_their_own_feeds_first(feeds_output):
    assert alternates(feeds_output, "districts/jiangbei/index.html")[:6] == [
        ("application/rss+xml", f"{SITE}/feeds/districts/jiangbei.rss.xml"),
        ("application/atom+xml", f"{SITE}/feeds/districts/jiangbei.atom.xml"),
        ("application/feed+json", f"{SITE}/feeds/districts/jiangbei.json"),
        ("application/rss+xml", f"{SITE}/feeds/districts/jiangbei/outages.rss.xml"),
        ("application/atom+xml", f"{SITE}/feeds/districts/jiangbei/outages.atom.xml"),
        ("application/feed+json", f"{SITE}/feeds/districts/jiangbei/outages.json"),
    ]
    assert alternates(feeds_output, "outages/index.html")[:3] == [
        ("application/rss+xml", f"{SITE}/feeds/kinds/outages.rss.xml"),
        ("application/atom+xml", f"{SITE}/feeds/kinds/outages.atom.xml"),
        ("application/feed+json", f"{SITE}/feeds/kinds/outages.json"),
    ]
    doc = lxml_html.fromstring((feeds_output / "districts/jiangbei/index.html").read_bytes())
    assert [a.get("href") for a in doc.cssselect(".feed-note a")] == [
        f"{SITE}/feeds/districts/jiangbei.rss.xml",
        f"{SITE}/feeds/districts/jiangbei/outages.rss.xml",
        "../../subscribe/#feeds-jiangbei",  # RELATIVE_URLS: pages link relatively
    ]
    # Discovery as a reader does it: feedparser finds the feed the page announces.
    result = parsed(feeds_output / "feeds/districts/jiangbei.rss.xml")
    assert result.feed.links[0].href == f"{SITE}/districts/jiangbei/"


def test_subscribe_page_lists_every_feed_with_its_plain_url(feeds_output):
    doc = lxml_html.fromstring((feeds_output / "subscribe/index.html").read_bytes())
    assert [h.text_content() for h in doc.xpath("//h1")] == ["订阅"]
    assert doc.cssselect('nav.site-nav a[aria-current="page"]')[0].text_content() == "订阅"
    listed = [(a.get("href"), a.text_content()) for a in doc.cssselect("a.feed-url")]
    district_level = [p for p in feed_paths()
                      if not any(f"districts/{key}." in p for key in TOWN_KEYS)]
    assert listed == [(f"{SITE}/{p}", f"{SITE}/{p}") for p in district_level]
    # Town feeds are reached through the town chooser: district, then town, then its page.
    towns = [a.get("href") for a in doc.cssselect("#towns .town-list a")]
    assert towns == [f"../districts/{key}/#subscribe" for key in TOWN_KEYS]
    text = doc.text_content()
    for reader in ("Inoreader", "Feedly", "NetNewsWire", "Thunderbird"):
        assert reader in text
    assert doc.cssselect("#feeds-xiangshan")[0].text_content() == "象山县"


# ---------------------------------------------------------------------------
# The W3C Feed Validator's rules that can be checked offline


SAFE_TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl",
             "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
             "img", "ins", "li", "ol", "p", "pre", "q", "s", "section", "small", "span",
             "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
             "u", "ul"}
SAFE_ATTRIBUTES = {"href", "src", "alt", "title", "class", "id", "colspan", "rowspan", "datetime",
                   "style"}
URL_ATTRIBUTES = {"href", "src", "cite"}
RFC822 = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                    r"Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0800")
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00")
# RFC 4151, as the validator matches it.
TAG_URI = re.compile(r"tag:[a-z0-9.-]+,\d{4}(-\d\d(-\d\d)?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*"
                     r"(#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?")
ABSOLUTE_URI = re.compile(r"[a-zA-Z][0-9a-zA-Z+.-]*:(//)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+")
HTML_END_TAG = re.compile(r"</(\w+)>")


def _date_problems(where: str, value: str | None, rfc822: bool) -> list[str]:
    if value is None:
        return [f"{where}: missing"]
    if not (RFC822 if rfc822 else RFC3339).fullmatch(value):
        return [f"{where}: {value!r} is not {'RFC 822 with +0800' if rfc822 else 'RFC 3339'}"]
    when = (email.utils.parsedate_to_datetime(value) if rfc822
            else dt.datetime.fromisoformat(value))
    problems = []
    if rfc822 and when.strftime("%a") != value[:3]:
        problems.append(f"{where}: {value!r} has the wrong day of the week")
    if when.timestamp() > time.time() + 600 or when.year < 1990:
        problems.append(f"{where}: {value!r} is implausible")
    return problems


def _html_problems(where: str, fragment: str | None) -> list[str]:
    if fragment is None:
        return []
    try:
        tree = html5lib.HTMLParser(strict=True).parseFragment(fragment)
    except html5lib.html5parser.ParseError as exc:
        return [f"{where}: invalid HTML ({exc})"]
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag == "DOCUMENT_FRAGMENT":
            continue
        tag = element.tag.split("}")[-1]
        if tag not in SAFE_TAGS:
            problems.append(f"{where}: <{tag}> is a security risk")
        for name, value in element.attrib.items():
            if name not in SAFE_ATTRIBUTES:
                problems.append(f"{where}: attribute {name} on <{tag}>")
            if name == "style" and not re.fullmatch(r"text-align:(left|right|center)", value):
                problems.append(f"{where}: style {value!r}")
            if name in URL_ATTRIBUTES and not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", value):
                problems.append(f"{where}: relative URL {value!r}")
    return problems


def _text_problems(where: str, value: str | None) -> list[str]:
    if not value or not value.strip():
        return [f"{where}: missing or blank"]
    problems = []
    if any(0x80 <= ord(c) <= 0x9F or c == "\ufffd" for c in value):
        problems.append(f"{where}: bad characters")
    if [t for t in HTML_END_TAG.findall(value) if t.lower() in SAFE_TAGS | {"script"}]:
        problems.append(f"{where}: contains HTML")
    return problems


def _uri_problems(where: str, value: str | None, tag: bool = False) -> list[str]:
    if value is None:
        return [f"{where}: missing"]
    if tag:
        return [] if TAG_URI.fullmatch(value) else [f"{where}: {value!r} is not a tag: URI"]
    if not ABSOLUTE_URI.fullmatch(value) or not value.startswith(("http://", "https://")):
        return [f"{where}: {value!r} is not an absolute http(s) URI"]
    return []


def _rss_problems(root, url: str) -> list[str]:
    problems = []
    if root.tag != "rss" or root.get("version") != "2.0":
        return ["root: not RSS 2.0"]
    channel = root.find("channel")
    problems += _text_problems("channel/title", channel.findtext("title"))
    problems += _uri_problems("channel/link", channel.findtext("link"))
    if channel.find("description") is None:
        problems.append("channel/description: missing")
    if channel.findtext("language") != "zh-CN":
        problems.append("channel/language: not zh-CN")
    selfs = channel.findall("atom:link[@rel='self']", NS)
    if [(s.get("href"), s.get("type")) for s in selfs] != [(url, "application/rss+xml")]:
        problems.append(f"channel/atom:link rel=self is not {url}")
    problems += _date_problems("channel/lastBuildDate", channel.findtext("lastBuildDate"), True)
    guids = []
    for n, item in enumerate(channel.findall("item")):
        where = f"item[{n}]"
        problems += _text_problems(f"{where}/title", item.findtext("title"))
        problems += _uri_problems(f"{where}/link", item.findtext("link"))
        guid = item.find("guid")
        if guid is None or guid.get("isPermaLink") != "false":
            problems.append(f"{where}/guid: missing or not isPermaLink=\"false\"")
        else:
            problems += _uri_problems(f"{where}/guid", guid.text, tag=True)
            guids.append(guid.text)
        problems += _date_problems(f"{where}/pubDate", item.findtext("pubDate"), True)
        children = [etree.QName(c).localname for c in item]
        if "encoded" in children and children.index("encoded") < children.index("description"):
            problems.append(f"{where}: content:encoded before description")
        if item.find("author") is not None:
            problems.append(f"{where}/author: must be an e-mail address; use dc:creator")
        problems += _html_problems(f"{where}/description", item.findtext("description"))
        problems += _html_problems(f"{where}/content:encoded",
                                   item.findtext("content:encoded", namespaces=NS))
        for category in item.findall("category"):
            problems += _text_problems(f"{where}/category", category.text)
    if len(set(guids)) != len(guids):
        problems.append("guids are not unique")
    return problems


def _atom_problems(root, url: str) -> list[str]:
    problems = []
    if root.tag != "{http://www.w3.org/2005/Atom}feed":
        return ["root: not Atom"]
    if root.get("{http://www.w3.org/XML/1998/namespace}lang") != "zh-CN":
        problems.append("feed/@xml:lang: not zh-CN")
    problems += _uri_problems("feed/id", root.findtext("atom:id", namespaces=NS), tag=True)
    problems += _text_problems("feed/title", root.findtext("atom:title", namespaces=NS))
    problems += _date_problems("feed/updated", root.findtext("atom:updated", namespaces=NS), False)
    if not root.findtext("atom:author/atom:name", namespaces=NS):
        problems.append("feed/author: missing")
    links = [(link.get("rel", "alternate"), link.get("type"), link.get("href"))
             for link in root.findall("atom:link", NS)]
    if ("self", "application/atom+xml", url) not in links:
        problems.append(f"feed/link rel=self is not {url}")
    if len({(rel, kind) for rel, kind, _ in links}) != len(links):
        problems.append("feed/link: duplicate rel and type")
    for rel, _, href in links:
        problems += _uri_problems(f"feed/link[@rel={rel}]", href)
    ids = []
    for n, entry in enumerate(root.findall("atom:entry", NS)):
        where = f"entry[{n}]"
        entry_id = entry.findtext("atom:id", namespaces=NS)
        problems += _uri_problems(f"{where}/id", entry_id, tag=True)
        ids.append(entry_id)
        problems += _text_problems(f"{where}/title", entry.findtext("atom:title", namespaces=NS))
        for name in ("updated", "published"):
            problems += _date_problems(f"{where}/{name}",
                                       entry.findtext(f"atom:{name}", namespaces=NS), False)
        alternates = [link.get("href") for link in entry.findall("atom:link", NS)
                      if link.get("rel", "alternate") == "alternate"]
        if len(alternates) != 1:
            problems.append(f"{where}/link: expected one alternate")
        problems += [p for href in alternates for p in _uri_problems(f"{where}/link", href)]
        for name in ("content", "summary"):
            element = entry.find(f"atom:{name}", NS)
            if element is None or element.get("type") != "html":
                problems.append(f"{where}/{name}: missing or not type=html")
            else:
                problems += _html_problems(f"{where}/{name}", element.text)
    if len(set(ids)) != len(ids):
        problems.append("entry ids are not unique")
    return problems


def _json_problems(document: dict, url: str) -> list[str]:
    problems = []
    if document.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("version: not JSON Feed 1.1")
    if document.get("feed_url") != url:
        problems.append(f"feed_url is not {url}")
    problems += _uri_problems("home_page_url", document.get("home_page_url"))
    if document.get("language") != "zh-CN":
        problems.append("language: not zh-CN")
    ids = [item.get("id") for item in document.get("items", [])]
    if len(set(ids)) != len(ids):
        problems.append("item ids are not unique")
    for n, item in enumerate(document.get("items", [])):
        problems += _uri_problems(f"items[{n}].id", item.get("id"), tag=True)
        problems += _uri_problems(f"items[{n}].url", item.get("url"))
        problems += _date_problems(f"items[{n}].date_published", item.get("date_published"),
                                   False)
        problems += _html_problems(f"items[{n}].content_html", item.get("content_html"))
    return problems


def feed_rule_problems(path: Path, url: str) -> list[str]:
    """The validator's offline rules a feed file breaks, one line each (none is good)."""
    data = path.read_bytes()
    if path.suffix == ".json":
        return [f"{path.name}: {p}" for p in _json_problems(json.loads(data), url)]
    if not data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>"):
        return [f"{path.name}: no XML declaration with UTF-8"]
    root = etree.fromstring(data)
    check = _rss_problems if path.name.endswith(".rss.xml") else _atom_problems
    return [f"{path.name}: {p}" for p in check(root, url)]


def test_feed_rules_catch_what_the_validator_warns_about(tmp_path):
    bad = tmp_path / "bad.rss.xml"
    bad.write_bytes(b"""<?xml version='1.0' encoding='UTF-8'?>
<rss version="2.0"><channel><title>t</title><link>feeds/x</link><description>d</description>
<lastBuildDate>Mon, 03 May 2024 09:30:00 GMT</lastBuildDate>
<item><title>a</title><link>http://x.cn/a</link><guid>tag:x.cn,2019:a</guid>
<pubDate>Thu, 02 May 2024 00:00:00 +0800</pubDate>
<description>&lt;a href="b.html"&gt;b&lt;/a&gt;&lt;script&gt;x&lt;/script&gt;</description>
</item></channel></rss>""")
    assert feed_rule_problems(bad, "https://x.cn/bad.rss.xml") == [
        "bad.rss.xml: channel/link: 'feeds/x' is not an absolute http(s) URI",
        "bad.rss.xml: channel/language: not zh-CN",
        "bad.rss.xml: channel/atom:link rel=self is not https://x.cn/bad.rss.xml",
        "bad.rss.xml: channel/lastBuildDate: 'Mon, 03 May 2024 09:30:00 GMT' is not RFC 822 "
        "with +0800",
        'bad.rss.xml: item[0]/guid: missing or not isPermaLink="false"',
        "bad.rss.xml: item[0]/description: relative URL 'b.html'",
        "bad.rss.xml: item[0]/description: <script> is a security risk",
    ]


def test_fixture_feeds_pass_the_validator_rules(feeds_output):
    problems = [p for path in feed_paths()
                for p in feed_rule_problems(feeds_output / path, f"{SITE}/{path}")]
    assert problems == []


def test_demo_site_feeds_pass_the_validator_rules(demo_output):
    base = pelicanconf.FEED_DOMAIN
    paths = sorted(str(p.relative_to(demo_output)) for p in (demo_output / "feeds").rglob("*")
                   if p.is_file())
    # Every district-level feed, and one feed per town of the seed week (9 towns).
    assert set(feed_paths()) - {p for p in feed_paths() if "/districts/" in p and p.count("/") > 2
                                } <= set(paths)
    assert len([p for p in paths if p.count("/") == 3 and not p.endswith(
        ("outages.rss.xml", "outages.atom.xml", "outages.json"))]) == 9 * 3
    problems = [p for path in paths
                for p in feed_rule_problems(demo_output / path, f"{base}/{path}")]
    assert problems == []


# ---------------------------------------------------------------------------
# Golden files


@pytest.mark.parametrize("name", [
    "feeds/districts/jiangbei.rss.xml",
    "feeds/districts/jiangbei/outages.atom.xml",
    "feeds/districts/jiangbei.json",
    "feeds/districts/xiangshan.atom.xml",
])
def test_golden_feeds(feeds_output, name):
    got = (feeds_output / name).read_bytes()
    golden = GOLDEN / name.removeprefix("feeds/")
    if os.environ.get("REGOLD") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(got)
    assert golden.is_file(), f"{golden} is missing; run REGOLD=1 pytest -k golden"
    assert got == golden.read_bytes(), f"{name} differs; if intended, re-record with REGOLD=1"
