"""The foundation: a fixture site builds into pages per item, kind and district."""

from __future__ import annotations

from conftest import build_site, copy_site, page, tree_digest


def test_pages_per_item_kind_and_district(basic_output):
    for path in [
        "index.html", "404.html", "archives/index.html", "districts/index.html",
        "articles/index.html", "tenders/index.html", "outages/index.html",
        "articles/2024-05-01-two-districts.html", "tenders/2024-05-02-wuye.html",
        "outages/2024-05-02-power.html",
        *(f"districts/{slug}/index.html" for slug in [
            "haishu", "jiangbei", "yinzhou", "zhenhai", "beilun", "fenghua", "yuyao", "cixi",
            "ninghai", "xiangshan", "citywide"]),
    ]:
        assert (basic_output / path).is_file(), path


def test_item_in_two_districts_is_listed_in_both(basic_output):
    for slug in ("jiangbei", "yinzhou"):
        doc = page(basic_output, f"districts/{slug}/index.html")
        titles = [a.text_content() for a in doc.cssselect(".item-title a")]
        assert "两区联合开展“最多跑一次”改革" in titles
    doc = page(basic_output, "districts/haishu/index.html")
    assert "两区联合开展“最多跑一次”改革" not in doc.text_content()


def test_outage_page_has_an_anchor_per_window_and_cancelled_marked(basic_output):
    doc = page(basic_output, "outages/2024-05-02-power.html")
    windows = doc.cssselect("li.window")
    assert len(windows) == 4
    assert all(w.get("id") for w in windows)
    assert len({w.get("id") for w in windows}) == 4
    cancelled = doc.cssselect("li.window--cancelled")
    assert len(cancelled) == 1
    assert "已取消" in cancelled[0].text_content()
    assert "地铁产业、排水公司泵站" in cancelled[0].text_content()
    night = [w for w in windows if "爱科森汽车5002195984" in w.text_content()][0]
    assert night.get("data-start") == "2024-05-06T22:00:00+08:00"
    assert night.get("data-end") == "2024-05-07T06:00:00+08:00"
    assert "22:00—次日06:00" in " ".join(night.text_content().split())


def test_unquoted_time_reads_as_time_not_base60(basic_output):
    doc = page(basic_output, "outages/2024-05-02-power.html")
    first = [w for w in doc.cssselect("li.window") if "白米湾村" in w.text_content()][0]
    assert first.get("data-start") == "2024-05-06T08:00:00+08:00"


def test_district_page_lists_its_windows_by_day(basic_output):
    doc = page(basic_output, "districts/jiangbei/index.html")
    days = [s.get("data-day") for s in doc.cssselect("section.day")]
    assert days == ["2024-05-03", "2024-05-06", "2024-05-07"]
    windows = doc.xpath('//section[@aria-labelledby="d-outages"]')[0].text_content()
    assert "白米湾村" in windows and "爱科森汽车" not in windows


def test_tender_page_has_tel_links_and_status_data(basic_output):
    doc = page(basic_output, "tenders/2024-05-02-wuye.html")
    assert [a.get("href") for a in doc.cssselect('a[href^="tel:"]')] == ["tel:13900000000"]
    status = doc.cssselect(".tender-status")[0]
    assert status.get("data-closes") == "2024-05-10T10:30:00+08:00"


def test_internal_filename_links_are_resolved(basic_output):
    doc = page(basic_output, "articles/2024-05-01-two-districts.html")
    hrefs = [a.get("href") for a in doc.cssselect(".prose a")]
    assert hrefs == ["../outages/2024-05-02-power.html"]
    assert doc.cssselect(".prose table")


def test_accessible_skeleton(basic_output):
    for path in ["index.html", "outages/2024-05-02-power.html", "districts/jiangbei/index.html"]:
        doc = page(basic_output, path)
        assert doc.get("lang") == "zh-CN"
        assert doc.cssselect("a.skip-link")[0].get("href") == "#main"
        assert len(doc.cssselect("main#main")) == 1
        assert len(doc.cssselect("h1")) == 1
        assert doc.cssselect('nav[aria-label="主导航"]')
        assert not doc.xpath("//script[not(@src)]"), "inline script breaks the CSP"
        assert not doc.xpath('//*[starts-with(@src, "http")]'), "no external assets"


def test_two_builds_are_byte_identical(site, tmp_path):
    first = build_site(site, tmp_path / "one")
    second = build_site(site, tmp_path / "two")
    assert first.code == second.code == 0
    assert tree_digest(first.output) == tree_digest(second.output)


def test_check_validates_without_writing(site):
    result = build_site(site, command="check")
    assert result.code == 0, result.err
    assert "OK: 3 items checked, no problems" in result.out
    assert not (site / "output").exists()


def test_archive_has_a_page_per_year_and_an_index_of_counts(tmp_path):
    site = copy_site("calendars", tmp_path / "site")  # items from 2023 and 2024
    result = build_site(site)
    assert result.code == 0, result.err
    index = page(result.output, "archives/index.html")
    years = [a.get("href") for a in index.cssselect("h2 a")]
    assert years == ["../archives/2024/", "../archives/2023/"]
    listed = []
    for year in ("2024", "2023"):
        doc = page(result.output, f"archives/{year}/index.html")
        links = [a.get("href") for a in doc.cssselect("ul.archive a")]
        assert all(f"/{year}-" in href for href in links)
        listed += links
    sources = list((site / "content").rglob("*.md"))
    assert len(listed) == len(set(listed)) == len(sources)
    counts = [int(c.text_content().split()[0]) for c in index.cssselect("h2 .count")]
    assert sum(counts) == len(sources)
    older = page(result.output, "archives/2023/index.html")
    assert [a.get("href") for a in older.cssselect("nav.pagination a")] == ["../../archives/2024/"]
