"""Towns (镇, 街道, 乡): a page, a calendar, three feeds and open data per town, the town
chooser, the optional ``updated`` date, and one face for an area printed twice.

The seed week (content/, built as ``demo_output``) is the main fixture; feeds and calendars
are read back with feedparser, lxml, icalendar and vobject, and the same offline W3C feed
rules as the district feeds (``test_feeds.feed_rule_problems``). The calendar clients
(libical, ical.js) read every .ics file of the calendars fixture in test_calendar_clients.py,
town calendars included.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import icalendar
import pytest
import vobject
from lxml import etree
from lxml import html as lxml_html
from test_feeds import feed_rule_problems

import pelicanconf
from conftest import build_site, copy_site, tree_digest
from notices.content.districts import district_table
from notices.content.towns import town_slug

SEED_TOWNS = ["haishu/dongqiao", "haishu/gaoqiao", "haishu/longguan", "haishu/shiqi",
              "haishu/zhangshui", "jiangbei/cicheng", "jiangbei/hongtang", "jiangbei/zhuangqiao",
              "jiangbei/yongjiang"]
TZ = "Asia/Shanghai"


def read_ics(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def events(path: Path) -> list[icalendar.Event]:
    return sorted(read_ics(path).events, key=lambda e: e.decoded("DTSTART"))


def page(path: Path):
    return lxml_html.fromstring(path.read_bytes())


# ---------------------------------------------------------------------------
# Slugs and the TOWNS table


def test_slug_is_the_pinyin_of_the_name_without_its_ending():
    assert [town_slug(n) for n in ("慈城镇", "洪塘街道", "龙观乡", "石碶街道", "镇")] == [
        "cicheng", "hongtang", "longguan", "shiqi", "zhen"]


def test_declared_aliases_read_as_the_town():
    table = district_table({"DISTRICTS": pelicanconf.DISTRICTS, "TOWNS": pelicanconf.TOWNS})
    jiangbei = table.get("江北区")
    assert table.towns.get(jiangbei, "慈城") == table.towns.get(jiangbei, "慈城镇")
    assert table.towns.get(jiangbei, "慈城").declared
    assert table.towns.get(jiangbei, "甬江").name == "甬江街道"  # every town of Ningbo
    undeclared = table.towns.get(jiangbei, "新城街道")
    assert (undeclared.slug, undeclared.declared, undeclared.key) == (
        "xincheng", False, "jiangbei/xincheng")


def test_a_bad_towns_table_is_a_settings_error(site):
    result = build_site(site, TOWNS=[{"district": "江东区", "name": "慈城镇"},
                                     {"district": "江北区", "name": "慈城镇", "slug": "Ci Cheng"},
                                     {"district": "江北区", "name": "洪塘街道", "aliasse": []}])
    assert result.code == 2
    assert ('pelicanconf.py: TOWNS[0].district is "江东区"; expected a district declared in '
            'DISTRICTS, e.g. "江北区"') in result.err
    assert ('pelicanconf.py: TOWNS[1].slug is "Ci Cheng"; expected lower-case ASCII letters, '
            'digits and hyphens (not a kind name), e.g. "cicheng"') in result.err
    assert ('pelicanconf.py: TOWNS[2] has unknown key "aliasse". Did you mean "aliases"? '
            "Known keys: district, name, slug, aliases") in result.err


def _add_window(site: Path, town: str, area: str = "新区一带", day: str = "2024-05-09",
                district: str = "江北区") -> Path:
    path = site / "content" / "outages" / f"{day}-new-town.md"
    path.write_text(
        "---\ntitle: 计划停电预告（新镇）\ndate: 2024-05-06\nsource:\n  name: 宁波供电公司\n"
        f"windows:\n  - date: {day}\n    district: {district}\n    town: {town}\n"
        f"    areas: [{area}]\n    start: \"08:00\"\n    end: \"12:00\"\n---\n", "utf-8")
    return path


def test_two_towns_with_one_slug_are_a_content_problem(site):
    _add_window(site, "慈城镇", day="2024-05-09")
    other = _add_window(site, "慈城街道", day="2024-05-10")
    result = build_site(site)
    assert result.code == 1
    assert result.problems == [
        f"content/outages/{other.name}: town \"慈城街道\" gets the slug \"cicheng\", which "
        "\"慈城镇\" in 江北区 already has. Declare a slug for one of them in TOWNS in "
        "pelicanconf.py"]


def test_a_town_declared_in_another_district_is_a_content_problem(site):
    """慈城镇 is declared in 江北区: a window putting it in 海曙区 would make a second 慈城镇 whose
    calendar and feeds nobody subscribed to, so the build refuses it and says where the town
    is declared (an alias too); a town no district declares stays free in any district."""
    path = _add_window(site, "慈城", area="白米湾村", day="2024-05-09", district="海曙区")
    _add_window(site, "新镇", day="2024-05-10", district="海曙区")
    result = build_site(site)
    assert result.code == 1
    assert result.problems == [
        f"content/outages/{path.name}: windows[0].town \"慈城\" is declared in 江北区 (TOWNS in "
        "pelicanconf.py), not in 海曙区; correct the district, or declare the town in 海曙区 "
        "too"]


def test_updated_before_the_publication_date_is_a_content_problem(site):
    path = site / "content" / "articles" / "2024-05-01-two-districts.md"
    path.write_text(path.read_text("utf-8").replace(
        "date: 2024-05-01", 'date: 2024-05-01\nupdated: "2024-04-30 09:00"', 1), "utf-8")
    result = build_site(site)
    assert result.code == 1
    assert result.problems == [
        'content/articles/2024-05-01-two-districts.md: updated "2024-04-30 09:00" is before '
        'date "2024-05-01 00:00"; expected the time of the correction, after publication']


# ---------------------------------------------------------------------------
# The seed week: calendars


def test_seed_builds_one_calendar_per_town(demo_output):
    written = sorted(str(p.relative_to(demo_output / "calendars/outages"))[:-4]
                     for p in (demo_output / "calendars/outages").glob("*/*.ics"))
    assert written == sorted(SEED_TOWNS)


def test_cicheng_calendar_holds_exactly_its_six_windows_at_local_times(demo_output):
    path = demo_output / "calendars/outages/jiangbei/cicheng.ics"
    calendar = read_ics(path)
    assert str(calendar["X-WR-CALNAME"]) == "甬城通告·慈城镇（江北区）停电"
    assert str(calendar["NAME"]) == "甬城通告·慈城镇（江北区）停电"
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert "X-PUBLISHED-TTL" in calendar
    found = events(path)
    assert [(e.decoded("DTSTART").strftime("%m-%d %H:%M"), e.decoded("DTEND").strftime("%H:%M"))
            for e in found] == [("09-23 08:00", "16:00"), ("09-24 08:30", "11:00"),
                                ("09-24 10:00", "13:00"), ("09-25 08:00", "16:00"),
                                ("09-26 08:00", "16:00"), ("09-27 08:00", "16:00")]
    assert all(e["DTSTART"].params["TZID"] == TZ for e in found)
    assert all(str(e["STATUS"]) == "CONFIRMED" for e in found)
    # The same events as in the district calendar: same UID, SEQUENCE and text.
    district = {str(e["UID"]): e for e in events(demo_output / "calendars/outages/jiangbei.ics")}
    for event in found:
        twin = district[str(event["UID"])]
        assert event.to_ical() == twin.to_ical()
    # The district calendar has 10 windows and the cancelled one: the resident of 慈城镇 no
    # longer gets the other four.
    assert sum(str(e["STATUS"]) == "CONFIRMED" for e in district.values()) == 10


def test_hongtang_calendar_keeps_its_cancelled_window(demo_output):
    found = events(demo_output / "calendars/outages/jiangbei/hongtang.ics")
    assert [(e.decoded("DTSTART").strftime("%m-%d %H:%M"), str(e["STATUS"])) for e in found] == [
        ("09-17 08:30", "CANCELLED"), ("09-26 08:00", "CONFIRMED")]
    assert str(found[0]["SUMMARY"]).startswith("【已取消】")


def test_every_town_calendar_parses_with_a_second_parser(demo_output):
    for key in SEED_TOWNS:
        data = (demo_output / f"calendars/outages/{key}.ics").read_bytes()
        assert data.endswith(b"END:VCALENDAR\r\n")
        assert all(len(line) <= 75 for line in data.split(b"\r\n")), key
        parsed = list(vobject.readComponents(data.decode("utf-8"), validate=True))
        assert len(parsed) == 1
        ours = sorted(str(e["UID"]) for e in read_ics(
            demo_output / f"calendars/outages/{key}.ics").events)
        assert sorted(e.uid.value for e in parsed[0].contents["vevent"]) == ours


# ---------------------------------------------------------------------------
# The seed week: feeds


@pytest.mark.parametrize("key", SEED_TOWNS)
def test_every_town_has_three_feeds_that_pass_the_feed_rules(key, demo_output):
    base = pelicanconf.FEED_DOMAIN
    for ext in ("rss.xml", "atom.xml", "json"):
        path = f"feeds/districts/{key}.{ext}"
        assert feed_rule_problems(demo_output / path, f"{base}/{path}") == []
        guid = f"tag:ningbo-notices.cn,2019:outages/2019-09-16-jihua-tingdian#{key}"
        if ext == "json":
            feed = json.loads((demo_output / path).read_text("utf-8"))
            assert feed["version"] == "https://jsonfeed.org/version/1.1"
            assert [i["id"] for i in feed["items"]] == [guid]
            continue
        parsed = feedparser.parse((demo_output / path).read_bytes())
        assert not parsed.bozo, path
        assert [e.id for e in parsed.entries] == [guid]


def test_town_feed_item_lists_only_its_towns_windows(demo_output):
    parsed = feedparser.parse((demo_output / "feeds/districts/jiangbei/cicheng.atom.xml")
                              .read_bytes())
    entry = parsed.entries[0]
    assert parsed.feed.title == "甬城通告 · 慈城镇（江北区）停电"
    assert entry.title == "慈城镇计划停电：9月23日—27日，共6处"
    content = lxml_html.fromstring(entry.content[0].value)
    windows = [li.text_content() for li in content.iter("li")]
    assert len(windows) == 6 and all("慈城镇" in w for w in windows)
    assert entry.link.endswith("#w-20190923-jiangbei-f30a6e9553")
    hongtang = json.loads((demo_output / "feeds/districts/jiangbei/hongtang.json")
                          .read_text("utf-8"))
    assert hongtang["items"][0]["title"] == "洪塘街道计划停电：9月26日，共1处，取消1处"


# ---------------------------------------------------------------------------
# Open data


def test_towns_json_lists_every_town_with_counts_and_urls(demo_output):
    document = json.loads((demo_output / "data/towns.json").read_text("utf-8"))
    assert document["count"] == 9
    towns = {f"{t['district']['slug']}/{t['slug']}": t for t in document["towns"]}
    assert sorted(towns) == sorted(SEED_TOWNS)
    cicheng = towns["jiangbei/cicheng"]
    assert (cicheng["town"], cicheng["windows"], cicheng["events"], cicheng["declared"]) == (
        "慈城镇", 6, 6, True)
    assert towns["jiangbei/hongtang"]["cancelled"] == 1
    base = pelicanconf.FEED_DOMAIN
    assert cicheng["calendar"] == f"{base}/calendars/outages/jiangbei/cicheng.ics"
    assert cicheng["feeds"] == {
        "rss": f"{base}/feeds/districts/jiangbei/cicheng.rss.xml",
        "atom": f"{base}/feeds/districts/jiangbei/cicheng.atom.xml",
        "json": f"{base}/feeds/districts/jiangbei/cicheng.json"}
    for town in document["towns"]:
        for url in (town["page"], town["calendar"], town["data"], *town["feeds"].values()):
            path = demo_output / url[len(base) + 1:]
            assert (path / "index.html" if url.endswith("/") else path).is_file(), url


def test_town_open_data_has_the_events_of_its_calendar(demo_output):
    for key in SEED_TOWNS:
        data = json.loads((demo_output / f"data/outages/{key}.json").read_text("utf-8"))
        uids = [e["uid"] for e in data["events"]]
        assert sorted(uids) == sorted(str(e["UID"]) for e in events(
            demo_output / f"calendars/outages/{key}.ics"))
        assert data["town"]["slug"] == key.split("/")[1]
        assert all(e["town_slug"] == key.split("/")[1] for e in data["events"])


# ---------------------------------------------------------------------------
# Pages


def test_town_page_lists_its_windows_and_links_to_its_subscriptions(demo_output):
    doc = page(demo_output / "districts/jiangbei/cicheng/index.html")
    assert [h.text_content() for h in doc.xpath("//h1")] == ["慈城镇江北区"]
    assert len(doc.cssselect("li.window")) == 6
    assert all(a.get("href").startswith("../../../outages/2019-09-16-jihua-tingdian.html#w-")
               for a in doc.cssselect("li.window a.window-link"))
    subscribe = doc.get_element_by_id("subscribe")
    hrefs = [a.get("href") for a in subscribe.iter("a")]
    assert "webcal://localhost:8000/calendars/outages/jiangbei/cicheng.ics" in hrefs
    for ext in ("rss.xml", "atom.xml", "json"):
        assert f"http://localhost:8000/feeds/districts/jiangbei/cicheng.{ext}" in hrefs


def test_district_page_lists_its_towns_with_counts(demo_output):
    doc = page(demo_output / "districts/jiangbei/index.html")
    towns = [" ".join(li.text_content().split()) for li in doc.cssselect("ul.town-list li")]
    assert towns == ["慈城镇 6 处", "洪塘街道 2 处", "庄桥街道 2 处", "甬江街道 1 处"]
    haishu = page(demo_output / "districts/haishu/index.html")
    # Undeclared towns are listed under their district too.
    assert "洞桥镇 2 处" in [" ".join(li.text_content().split())
                            for li in haishu.cssselect("ul.town-list li")]


def test_every_window_with_a_town_links_to_its_towns_subscription(demo_output):
    for path in ("districts/jiangbei/index.html", "calendar/index.html",
                 "outages/2019-09-16-jihua-tingdian.html", "index.html"):
        doc = page(demo_output / path)
        for link in doc.cssselect("li.window a.window-town"):
            town = link.text_content().split("（")[0]
            target = (demo_output / path).parent / link.get("href").split("#")[0]
            assert link.get("href").endswith("/#subscribe"), path
            assert town in page(target / "index.html").xpath("//h1")[0].text_content()


def test_town_chooser_lists_towns_by_district_without_javascript(demo_output):
    for path in ("calendar/index.html", "subscribe/index.html"):
        doc = page(demo_output / path)
        chooser = doc.get_element_by_id("towns")
        groups = {g.get("data-district"): [a.text_content() for a in g.cssselect("a")]
                  for g in chooser.cssselect(".town-group")}
        assert list(groups) == ["haishu", "jiangbei"]
        assert groups["jiangbei"] == ["慈城镇", "洪塘街道", "庄桥街道", "甬江街道"]
        assert chooser.cssselect("[data-town-filter]")[0].get("hidden") is not None


def test_an_area_printed_twice_is_shown_once_except_on_the_schedule_page(demo_output):
    doubled = "四车头村、浙江省水电建筑安装有限公司、浙江省水电建筑安装有限公司"
    once = "四车头村、浙江省水电建筑安装有限公司"
    schedule = (demo_output / "outages/2019-09-16-jihua-tingdian.html").read_text("utf-8")
    assert doubled in schedule
    for path in ("districts/jiangbei/index.html", "districts/jiangbei/cicheng/index.html",
                 "calendar/index.html", "feeds/districts/jiangbei/outages.atom.xml",
                 "feeds/districts/jiangbei/cicheng.json", "data/outages/jiangbei/cicheng.json",
                 "calendars/outages/jiangbei/cicheng.ics"):
        text = (demo_output / path).read_text("utf-8")
        if path.endswith(".ics"):
            text = text.replace("\r\n ", "")
        assert doubled not in text, path
        assert once in text or '"浙江省水电建筑安装有限公司"' in text, path


# ---------------------------------------------------------------------------
# updated


@pytest.fixture(scope="module")
def updated_output(tmp_path_factory) -> Path:
    site = copy_site("basic", tmp_path_factory.mktemp("updated") / "site")
    path = site / "content" / "articles" / "2024-05-01-two-districts.md"
    path.write_text(path.read_text("utf-8").replace(
        "date: 2024-05-01", 'date: 2024-05-01\nupdated: "2024-05-03 10:30"', 1), "utf-8")
    result = build_site(site)
    assert result.code == 0, result.err
    return result.output


def test_updated_shows_on_the_page_and_in_every_feed_format(updated_output):
    doc = page(updated_output / "articles/2024-05-01-two-districts.html")
    stamp = doc.cssselect("dd.updated")[0]
    assert " ".join(stamp.text_content().split()) == "更新于2024年5月3日 10:30"
    assert stamp.cssselect("time")[0].get("datetime") == "2024-05-03T10:30:00+08:00"

    atom = etree.parse(str(updated_output / "feeds/kinds/articles.atom.xml")).getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = atom.find("a:entry", ns)
    assert entry.findtext("a:updated", namespaces=ns) == "2024-05-03T10:30:00+08:00"
    assert entry.findtext("a:published", namespaces=ns) == "2024-05-01T00:00:00+08:00"
    assert atom.findtext("a:updated", namespaces=ns) == "2024-05-03T10:30:00+08:00"

    feed = json.loads((updated_output / "feeds/kinds/articles.json").read_text("utf-8"))
    assert feed["items"][0]["date_modified"] == "2024-05-03T10:30:00+08:00"
    assert feed["items"][0]["date_published"] == "2024-05-01T00:00:00+08:00"

    rss = feedparser.parse((updated_output / "feeds/kinds/articles.rss.xml").read_bytes())
    assert rss.entries[0].summary.startswith("更新于2024年5月3日 10:30。")
    assert "更新于2024年5月3日 10:30" in rss.entries[0].content[0].value


CORRECTIONS = ["5月6日 江北区慈城镇 叉车蓄电池厂等3处：更改",
               "5月7日 江北区洪塘街道 排水公司泵站等2处：取消",
               "5月8日 江北区庄桥街道 老街等4处：取消",
               "5月8日 鄞州区 广场2号箱变：部分取消",
               "5月10日 镇海区招宝山街道 城河路：更改"]


def test_a_correcting_schedule_says_so_on_its_page_and_in_its_feed_items(cal_output):  # noqa: F811
    doc = page(cal_output / "outages/2024-05-04-power.html")
    listed = doc.cssselect(".corrections li a")
    assert [a.text_content() for a in listed] == CORRECTIONS
    assert all(doc.get_element_by_id(a.get("href")[1:]) is not None for a in listed)
    assert "本通告更正了此前发布的 5 处停电" in doc.cssselect(".corrections")[0].text_content()
    for key, expected in (("kinds/outages", CORRECTIONS), ("districts/jiangbei", CORRECTIONS[:3]),
                          ("districts/jiangbei/cicheng", CORRECTIONS[:1])):
        feed = json.loads((cal_output / f"feeds/{key}.json").read_text("utf-8"))
        item = next(i for i in feed["items"] if "2024-05-04-power" in i["id"])
        content = lxml_html.fromstring(item["content_html"])
        first_list = content.cssselect("ul")[0]
        assert [a.text_content() for a in first_list.cssselect("a")] == expected, key
    # The first schedule corrected nothing.
    assert page(cal_output / "outages/2024-05-02-power.html").cssselect(".corrections") == []


def test_corrections_follow_the_earlier_schedule_incrementally(tmp_path):
    site = copy_site("calendars", tmp_path / "site")
    assert build_site(site).code == 0
    (site / "content/outages/2024-05-02-power.md").unlink()
    assert build_site(site).code == 0
    doc = page(site / "output/outages/2024-05-04-power.html")
    assert doc.cssselect(".corrections") == []
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert tree_digest(cold.output) == tree_digest(site / "output")


def test_a_schedule_corrected_in_place_dates_its_events_by_updated(site):
    path = site / "content" / "outages" / "2024-05-02-power.md"
    path.write_text(path.read_text("utf-8").replace(
        "date: 2024-05-02", 'date: 2024-05-02\nupdated: "2024-05-03 18:00"', 1), "utf-8")
    result = build_site(site)
    assert result.code == 0, result.err
    for event in read_ics(result.output / "calendars/outages.ics").events:
        assert event.decoded("LAST-MODIFIED").isoformat() == "2024-05-03T10:00:00+00:00"
        assert event.decoded("DTSTAMP") == event.decoded("LAST-MODIFIED")
    doc = page(result.output / "outages/2024-05-02-power.html")
    assert " ".join(doc.cssselect("dd.updated")[0].text_content().split()) == (
        "更新于2024年5月3日 18:00")


# ---------------------------------------------------------------------------
# Incremental builds: a new town's outputs appear, then disappear


TOWN_OUTPUTS = ["districts/jiangbei/xinzhuang/index.html",
                "calendars/outages/jiangbei/xinzhuang.ics",
                "data/outages/jiangbei/xinzhuang.json",
                "feeds/districts/jiangbei/xinzhuang.rss.xml",
                "feeds/districts/jiangbei/xinzhuang.atom.xml",
                "feeds/districts/jiangbei/xinzhuang.json"]


def test_a_new_town_appears_and_disappears_incrementally(site, tmp_path):
    assert build_site(site).code == 0
    before = tree_digest(site / "output")
    added = _add_window(site, "新庄镇")
    assert build_site(site).code == 0
    output = site / "output"
    assert all((output / p).is_file() for p in TOWN_OUTPUTS)
    towns = json.loads((output / "data/towns.json").read_text("utf-8"))
    assert "新庄镇" in [t["town"] for t in towns["towns"]]
    assert "新庄镇" in (output / "subscribe/index.html").read_text("utf-8")
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert cold.code == 0
    assert tree_digest(cold.output) == tree_digest(output)

    added.unlink()
    assert build_site(site).code == 0
    assert not any((output / p).exists() for p in TOWN_OUTPUTS)
    assert "新庄镇" not in (output / "subscribe/index.html").read_text("utf-8")
    shutil.rmtree(tmp_path / "cold")
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache-2"))
    assert tree_digest(cold.output) == tree_digest(output) == before


def test_two_builds_of_the_seed_are_byte_identical(demo_output, tmp_path):
    from conftest import SETTINGS
    from notices.build.driver import build

    again = tmp_path / "again"
    import contextlib
    import io
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        assert build(SETTINGS, str(again), {"CACHE_PATH": str(tmp_path / "cache")}) == 0
    paths = [p for p in tree_digest(demo_output) if "/jiangbei/" in p or p.startswith("data/")]
    assert len(paths) > 20
    assert {p: tree_digest(again)[p] for p in paths} == {
        p: tree_digest(demo_output)[p] for p in paths}


# ---------------------------------------------------------------------------
# In Chromium


def _visible_towns(page) -> list[str]:
    return [a.text_content() for a in page.locator("#towns .town-list a").all() if a.is_visible()]


def test_from_a_window_in_search_results_one_click_reaches_its_town_subscription(
        browser, demo_server):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{demo_server}/search/?q=%E7%99%BD%E7%B1%B3%E6%B9%BE")  # 白米湾
        page.wait_for_selector("body[data-search-state=done]", state="attached")
        link = page.locator(".result").first.locator(".result-town a")
        assert link.text_content() == "订阅慈城镇停电"
        link.click()
        page.wait_for_load_state()
        assert page.url == f"{demo_server}/districts/jiangbei/cicheng/#subscribe"
        subscribe = page.locator("#subscribe")
        assert subscribe.is_visible()
        assert subscribe.locator("a.button").get_attribute("href") == (
            "webcal://localhost:8000/calendars/outages/jiangbei/cicheng.ics")
    finally:
        context.close()


def test_town_chooser_filters_by_district_and_name_with_javascript(browser, demo_server):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(demo_server + "/calendar/")
        assert page.locator("[data-town-filter]").is_visible()
        assert len(_visible_towns(page)) == 9
        page.fill("#town-query", "洪塘")
        assert _visible_towns(page) == ["洪塘街道"]
        assert page.locator("[data-town-status]").text_content() == "找到 1 个镇（街道）"
        page.fill("#town-query", "")
        page.select_option("#town-district", "haishu")
        # (In the order TOWNS declares them: 街道 first, as the district lists its towns.)
        assert _visible_towns(page) == ["石碶街道", "高桥镇", "洞桥镇", "章水镇", "龙观乡"]
        assert not page.locator('.town-group[data-district="jiangbei"]').is_visible()
        page.fill("#town-query", "慈城")
        assert _visible_towns(page) == []
        assert "没有找到" in page.locator("[data-town-status]").text_content()
        page.select_option("#town-district", "jiangbei")
        page.locator("#towns .town-list a", has_text="慈城镇").click()
        page.wait_for_load_state()
        assert page.url.endswith("/districts/jiangbei/cicheng/#subscribe")
    finally:
        context.close()


def test_town_chooser_works_without_javascript(browser, demo_server):
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_server + "/subscribe/")
        assert not page.locator("[data-town-filter]").is_visible()
        assert len(_visible_towns(page)) == 9
        page.locator("#towns .town-list a", has_text="庄桥街道").click()
        page.wait_for_load_state()
        assert page.url.endswith("/districts/jiangbei/zhuangqiao/#subscribe")
        assert page.locator("#subscribe a.button").get_attribute("href").endswith(
            "/calendars/outages/jiangbei/zhuangqiao.ics")
    finally:
        context.close()
