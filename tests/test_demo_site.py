"""The bundled demo site (the seed newspaper page) builds and shows every window."""

from __future__ import annotations

import re

from conftest import SEED_PAGE
from conftest import page as doc


def windows_of(page):
    return page.cssselect("li.window")


def test_a_page_per_seed_item_kind_and_district(demo_output):
    for kind, count in [("articles", 2), ("tenders", 2), ("outages", 1)]:
        pages = [p for p in (demo_output / kind).glob("*.html") if p.name != "index.html"]
        assert len(pages) == count, kind
        assert (demo_output / kind / "index.html").exists()
    assert len(list((demo_output / "districts").glob("*/index.html"))) == 11


def test_jiangbei_page_shows_ten_windows_and_the_cancelled_one(demo_output):
    page = doc(demo_output, "districts/jiangbei/index.html")
    windows = windows_of(page)
    scheduled = [w for w in windows if "window--cancelled" not in w.get("class")]
    cancelled = [w for w in windows if "window--cancelled" in w.get("class")]
    assert len(scheduled) == 10
    assert {w.get("data-start")[:10] for w in scheduled} == {
        "2019-09-23", "2019-09-24", "2019-09-25", "2019-09-26", "2019-09-27"}
    assert len(cancelled) == 1
    assert cancelled[0].get("data-start") == "2019-09-17T08:30:00+08:00"
    assert "已取消" in cancelled[0].text_content()


def _seed_windows():
    """Parse the seed's outage column independently of the importer: (date, district, start, end, text)."""
    text = SEED_PAGE.read_text(encoding="utf-8")
    column = text.split("### 计划停电预告", 1)[1].split("宁波供电公司", 1)[0]
    cancelled_part = column.split("取消：", 1)
    found = []
    for part, cancelled in ((cancelled_part[0], False), (cancelled_part[1], True)):
        day = None
        for line in part.splitlines():
            line = line.strip()
            match = re.match(r"(\d+)月(\d+)日 星期.", line)
            if match:
                day = f"2019-{int(match[1]):02d}-{int(match[2]):02d}"
                continue
            if not line:
                continue
            district = {"海曙": "海曙区", "江北": "江北区"}[line.split(" ", 1)[0]]
            for run, start, end in re.findall(r"(.*?)\((\d+:\d+)—(\d+:\d+)\)", line.split(" ", 1)[1]):
                found.append((day, district, f"{int(start[:-3]):02d}{start[-3:]}",
                              f"{int(end[:-3]):02d}{end[-3:]}", run, cancelled))
    return found


def test_every_seed_window_and_area_is_on_the_outage_page(demo_output):
    page = doc(demo_output, "outages/2019-09-16-jihua-tingdian.html")
    rendered = []
    for li in windows_of(page):
        district = li.xpath("preceding::h4[1]")[0].text_content().strip()
        rendered.append((li.get("data-start")[:10], district, li.get("data-start")[11:16],
                         li.get("data-end")[11:16], li.text_content(),
                         "window--cancelled" in li.get("class")))
    seed = _seed_windows()
    assert len(seed) == 26
    assert len(rendered) == len(seed)
    for day, district, start, end, run, cancelled in seed:
        matches = [r for r in rendered if r[:4] == (day, district, start, end) and r[5] == cancelled]
        assert matches, (day, district, start, end, run)
        areas = re.split(r"[、，]", re.sub(r"^.*?(镇|街道|乡)[·：]?", "", run, count=1)
                         if re.match(r"^\S{2,4}(镇|街道|乡)", run) else run)
        assert any(all(a in m[4] for a in areas) for m in matches), (run, areas)
