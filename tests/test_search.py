"""Search: exact Chinese substring search, checked in Chromium on the demo site.

Ground truth comes from the catalog: a query must return every record (article, tender,
schedule or outage window) whose text contains it, and nothing else, newest first.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import io
import json
import re
import subprocess
import sys
import threading
import zlib
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import html
from playwright.sync_api import expect
from search_reader import search as read_index

from conftest import SETTINGS, build_site, tree_digest
from notices import timing
from notices.build import workers
from notices.build.driver import build, read_catalog
from notices.content.model import Kind
from notices.search.index import (
    SearchIndexError,
    SearchRecord,
    bucket_count,
    build_index,
    expected_results,
    matches,
    normalize,
    packed_item,
    posting_files,
    query_plans,
    runs,
    token_hash,
    varints,
)
from notices.search.records import search_records

DONE_WHEN = ["慈城镇", "白米湾", "庄桥街道", "解放路", "广场2号箱变", "5002195984", "局长",
             "窗口坐班", "物业管理", "评估机构"]


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """Every record of the demo site, newest first (the order results are shown in)."""
    catalog = read_catalog(SETTINGS, {"CACHE_PATH": str(tmp_path_factory.mktemp("cache"))})
    return search_records(catalog)[::-1]


@pytest.fixture(scope="module")
def page(browser, demo_server):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(demo_server + "/search/")
    yield page
    context.close()
    assert errors == []


def search(page, query: str, **filters) -> None:
    """Type a query (and choose filters) the way a reader does, then wait for the results."""
    for name in ("kind", "district", "date"):
        page.select_option(f"#search-{name}", filters.get(name, ""))
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")
    page.wait_for_selector("body[data-search-state=done]", state="attached")


def shown_results(page, base: str) -> list[str]:
    """Every result's link, site-relative, pressing 显示更多 until all are shown."""
    more = page.locator("[data-search-more]")
    while more.is_visible():
        count = page.locator(".result").count()
        more.click()
        page.locator(".result").nth(count).wait_for()
    return [href.removeprefix(base + "/")
            for href in page.eval_on_selector_all(".result-title a", "as => as.map(a => a.href)")]


def status(page) -> str:
    return page.text_content("#search-status")


# ---------------------------------------------------------------------------
# In Chromium on the demo site


@pytest.mark.parametrize("query", DONE_WHEN)
def test_query_returns_every_record_containing_it_and_nothing_else(query, page, demo_server,
                                                                   records):
    expected = [r.url for r in expected_results(records, query)]
    assert expected, f"the demo content has no record containing {query}"
    assert expected == [r.url for r in records if normalize(query) in normalize(r.text)]
    search(page, query)
    assert shown_results(page, demo_server) == expected
    assert status(page) == f"找到 {len(expected)} 条包含“{query}”的结果"


def test_outage_windows_are_results_of_their_own_with_day_time_district_and_areas(
        page, demo_server):
    search(page, "白米湾")
    result = page.locator(".result").first
    link = result.locator(".result-title a")
    assert link.get_attribute("href").endswith(
        "outages/2019-09-16-jihua-tingdian.html#w-20190923-jiangbei-f30a6e9553")
    assert link.text_content() == "江北区慈城镇 08:00—16:00"
    assert " ".join(result.locator(".result-meta").text_content().split()) == (
        "停电预告 停电日期：2019年9月23日 星期一")
    assert result.locator(".result-areas").text_content() == "停电范围：白米湾村、红湾排涝站、叉车蓄电池厂"
    assert result.locator(".result-source").text_content() == "出自：计划停电预告（9月23日—27日）"
    page.click(".result-title a")
    page.wait_for_load_state()
    assert page.url.endswith("#w-20190923-jiangbei-f30a6e9553")
    assert page.locator("#w-20190923-jiangbei-f30a6e9553").is_visible()
    page.go_back()
    page.wait_for_selector("body[data-search-state=done]", state="attached")


def test_a_single_character_finds_every_record_with_it(page, demo_server, records):
    expected = [r.url for r in records if "镇" in r.text]
    search(page, "镇")
    assert shown_results(page, demo_server) == expected


def test_district_filter_narrows_to_that_district(page, demo_server, records):
    everywhere = [r.url for r in expected_results(records, "镇")]
    in_jiangbei = [r.url for r in expected_results(records, "镇") if "jiangbei" in r.districts]
    assert 0 < len(in_jiangbei) < len(everywhere)
    search(page, "镇", district="jiangbei")
    assert shown_results(page, demo_server) == in_jiangbei
    assert status(page) == f"找到 {len(in_jiangbei)} 条包含“镇”且符合筛选条件的结果"
    search(page, "镇", district="xiangshan")
    assert shown_results(page, demo_server) == []
    assert status(page) == "没有找到包含“镇”且符合筛选条件的结果"


def test_kind_and_month_filters(page, demo_server, records):
    tenders = [r.url for r in expected_results(records, "宁波") if r.kind == Kind.TENDER]
    assert 0 < len(tenders) < len(expected_results(records, "宁波"))
    search(page, "宁波", kind="tenders")
    assert shown_results(page, demo_server) == tenders
    september = [r.url for r in expected_results(records, "江北") if r.month == "2019-09"]
    search(page, "江北", date="2019-09")
    assert shown_results(page, demo_server) == september
    search(page, "江北", date="2019")
    assert shown_results(page, demo_server) == september


def test_query_in_the_url_runs_the_search(browser, demo_server, records):
    expected = [r.url for r in expected_results(records, "慈城镇") if "jiangbei" in r.districts]
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{demo_server}/search/?q={quote('慈城镇')}&district=jiangbei")
    page.wait_for_selector("body[data-search-state=done]", state="attached")
    assert page.input_value("#search-q") == "慈城镇"
    assert page.input_value("#search-district") == "jiangbei"
    assert shown_results(page, demo_server) == expected
    context.close()


def test_searching_puts_the_query_in_the_url_and_back_restores_it(page):
    search(page, "慈城镇")
    search(page, "局长", kind="articles")
    assert page.url.endswith(f"/search/?q={quote('局长')}&kind=articles")
    page.go_back()
    expect(page.locator("#search-q")).to_have_value("慈城镇")
    page.wait_for_selector("body[data-search-state=done]", state="attached")
    assert page.url.endswith(f"/search/?q={quote('慈城镇')}")
    assert page.input_value("#search-kind") == ""
    assert status(page).startswith("找到 6 条包含“慈城镇”")


def test_messages_for_no_result_and_no_query(page):
    search(page, "火星")
    assert status(page) == "没有找到包含“火星”的结果"
    assert page.locator(".result").count() == 0
    search(page, "，。", district="jiangbei")
    assert status(page) == "请输入要搜索的村名、街道、单位、户号或关键词。"


def test_results_are_announced_and_usable_by_keyboard(page, records):
    query = "区"
    total = len(expected_results(records, query))
    assert total > 20, "needs more than one page of results"
    for name in ("kind", "district", "date"):
        page.select_option(f"#search-{name}", "")
    page.fill("#search-q", "")
    page.focus("#search-q")
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_selector("body[data-search-state=done]", state="attached")
    live = page.locator("#search-status")
    assert live.get_attribute("role") == "status"
    assert live.get_attribute("aria-live") == "polite"
    assert status(page) == f"找到 {total} 条包含“区”的结果"
    assert page.locator(".result").count() == 20
    more = page.locator("[data-search-more]")
    assert more.text_content() == f"显示更多结果（还有 {total - 20} 条）"
    more.focus()
    page.keyboard.press("Enter")
    page.locator(".result").nth(20).wait_for()
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == page.locator(".result-title a").nth(20).text_content()
    assert page.locator("label[for=search-q]").text_content() == (
        "村名、街道、乡镇、单位、箱变、户号或关键词")


def test_header_search_box_leads_to_the_results(browser, demo_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(demo_server + "/districts/jiangbei/")
    page.fill("#header-q", "白米湾")
    page.press("#header-q", "Enter")
    page.wait_for_selector("body[data-search-state=done]", state="attached")
    assert page.url == f"{demo_server}/search/?q={quote('白米湾')}"
    assert page.text_content("#search-status") == "找到 1 条包含“白米湾”的结果"
    context.close()


def test_without_javascript_the_page_says_so_and_links_to_browsing(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_server}/search/?q={quote('慈城镇')}")
    notice = page.locator("[data-search-unavailable]")
    assert notice.is_visible()
    assert notice.locator("p").text_content() == (
        "搜索需要在浏览器中启用 JavaScript，目前无法使用。您可以按地区浏览停电安排、新闻和公告，"
        "或在归档中按月份查找：")
    hrefs = notice.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert "../districts/jiangbei/" in hrefs and "../archives/" in hrefs
    assert len(hrefs) == 13  # eleven districts, all districts, the archive
    context.close()


def _pack_statuses(browser, base: str, records) -> list[int]:
    """Search every DONE_WHEN query on the site at ``base``; check the results; return the
    statuses of the responses for the index packs and their offsets tables."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    statuses: list[int] = []
    # The packs and offsets tables of items and shards (a kind's preset dictionary is
    # fetched whole, once).
    page.on("response", lambda r: ("/search/p/" in r.url or "/search/i/" in r.url)
            and "-dict.bin" not in r.url and statuses.append(r.status))
    page.goto(base + "/search/")
    for query in DONE_WHEN:
        search(page, query)
        assert shown_results(page, base) == [r.url for r in expected_results(records, query)]
    context.close()
    return statuses


def test_packs_are_read_by_range_requests(browser, demo_server, records):
    statuses = _pack_statuses(browser, demo_server, records)
    assert statuses and set(statuses) == {206}


def test_a_server_without_range_support_still_gives_every_result(browser, demo_output,
                                                                   records):
    # Python's own handler ignores Range and sends 200 with the whole file: search.js keeps
    # the file and slices it.
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(demo_output))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        statuses = _pack_statuses(browser, f"http://127.0.0.1:{server.server_address[1]}",
                                  records)
    finally:
        server.shutdown()
        server.server_close()
    assert statuses and set(statuses) == {200}
    # One whole download per file, however many items were read from it.
    assert len(statuses) <= len([*(demo_output / "search" / "p").iterdir(),
                                 *(demo_output / "search" / "i").iterdir()])


def test_items_and_shards_spread_over_many_packs_are_found_in_chromium(
        browser, demo_output, records, tmp_path, monkeypatch):
    # The demo's index fits one pack of each; here the same records are indexed into tiny
    # packs and shards, so search.js reads shards and items from packs past the first.
    import shutil

    from notices.build.serve import make_server
    from notices.search import index
    from notices.search.indexer import write_files

    site = tmp_path / "output"
    shutil.copytree(demo_output, site)
    monkeypatch.setattr(index, "PACK_BYTES", 256)
    files = build_index(records[::-1], bucket_bytes=64).files
    folder = site / "search"
    for name in ("i", "p", "t"):
        shutil.rmtree(folder / name)
    write_files(folder, files)
    assert len([*(folder / "i").glob("*.bin")]) >= 10
    assert len([*(folder / "p").glob("[0-9]*.bin")]) >= 2
    server = make_server(str(site), "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        statuses = _pack_statuses(browser, f"http://127.0.0.1:{server.server_port}", records)
    finally:
        server.shutdown()
        server.server_close()
    assert statuses and set(statuses) == {206}


def test_when_the_index_cannot_be_loaded_the_page_says_so(browser, demo_server):
    context = browser.new_context()
    context.route("**/search/index.json", lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{demo_server}/search/?q={quote('慈城镇')}")
    page.wait_for_selector("body[data-search-state=done]", state="attached")
    assert page.text_content("#search-status") == "搜索暂时无法使用，请按地区或在归档中查找。"
    assert page.locator("[data-search-unavailable]").is_visible()
    context.close()


def test_browser_and_python_cut_queries_alike(page):
    for query in ["广场2号箱变", "爱科森汽车５００２１９５９８４", "LED灯 Ab-c", "镇", "高桥",
                  "宁波市江北区慈城镇白米湾村", "ＡＢＣ１２３、慈城", "𠀀𠀁𠀂 ①②", "", "，。"]:
        got = page.evaluate("q => window.noticesSearchPlans(q)", query)
        assert got == [[list(tokens), list(offsets)] for tokens, offsets in query_plans(query)]
    for units in [["镇"], ["高", "桥"], ["慈", "城", "镇"], list("欢迎符合条件的单位报名"),
                  ["5002195984", "号"], ["𠀀"]]:
        assert page.evaluate("u => window.noticesSearchHash(u)", units) == token_hash(units)


# ---------------------------------------------------------------------------
# The built files


def test_search_page_and_index_are_written(demo_output):
    doc = html.fromstring((demo_output / "search" / "index.html").read_bytes())
    form = doc.cssselect("form[data-search-form]")[0]
    assert form.get("action") == "../search/" and form.get("method") == "get"
    assert doc.cssselect("a[aria-current=page]")[0].get("href") == "../search/"
    assert not doc.cssselect(".site-header form"), "the page's own form is its search box"
    assert [o.get("value") for o in doc.cssselect("#search-date option")] == ["", "2019",
                                                                              "2019-09"]
    index = demo_output / "search"
    meta = json.loads((index / "index.json").read_bytes())
    records = search_records(read_catalog(SETTINGS, {"CACHE_PATH": str(demo_output.parent)}))
    assert meta["format"] == 5 and meta["records"] == len(records)
    # The shards are items of one pack (a small site), found by their table.
    assert sorted(p.name for p in (index / "i").iterdir()) == ["0.bin", "shards.idx"]
    spans = np.frombuffer((index / "i" / "shards.idx").read_bytes(), dtype="<u4")
    assert spans.size == 2 * meta["shards"] and spans[0] == 0
    assert spans.max() == (index / "i" / "0.bin").stat().st_size
    assert sorted(p.name for p in (index / "t").iterdir()) == ["index.bin"]
    assert sorted(p.name for p in (index / "p").iterdir()) == ["0.bin", "r-dict.bin", "r.idx", "t-dict.bin", "t.idx"]
    blocks = -(-len(records) // meta["block"])
    assert (index / "p" / "r.idx").stat().st_size == 4 * (blocks + 1)
    read = lambda path: (index / path).read_bytes()  # noqa: E731
    shown = [item["u"] for n in range(blocks)
             for item in json.loads(packed_item(read, "r", n))]
    assert shown == [r.url for r in records]
    filters = sorted(p.name for p in (index / "f").iterdir())
    assert filters == ["date-2019-09.bin", "date-2019.bin"] + [
        f"district-{slug}.bin" for slug in sorted(
            ["beilun", "citywide", "cixi", "fenghua", "haishu", "jiangbei", "ninghai",
             "xiangshan", "yinzhou", "yuyao", "zhenhai"])] + [
        "kind-articles.bin", "kind-outages.bin", "kind-tenders.bin"]
    home = html.fromstring((demo_output / "index.html").read_bytes())
    header = home.cssselect(".site-header form.header-search")[0]
    assert header.get("action") == "./search/" and header.get("role") == "search"
    assert home.cssselect("label[for=header-q]")[0].text_content() == "搜索本站"


def test_two_builds_give_byte_identical_search_files(demo_output, tmp_path):
    output = tmp_path / "output"
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        assert build(SETTINGS, str(output), {"CACHE_PATH": str(tmp_path / ".cache")}) == 0
    assert tree_digest(output / "search") == tree_digest(demo_output / "search")


def test_unknown_search_setting_names_the_key(site):
    result = build_site(site, SEARCH={"results_per_pag": 10})
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        'pelicanconf.py: SEARCH has unknown key "results_per_pag". Did you mean '
        '"results_per_page"? Known keys: index, results_per_page, bucket_bytes')


def test_search_can_be_switched_off(site):
    result = build_site(site, SEARCH={"index": False})
    assert result.code == 0, result.err
    assert not (result.output / "search" / "index.json").exists()
    doc = html.fromstring((result.output / "search" / "index.html").read_bytes())
    assert not doc.cssselect("script[src$='search.js']")
    assert doc.cssselect("[data-search-unavailable] p")[0].text_content().startswith(
        "本站暂未提供搜索。")


def test_an_index_that_cannot_be_built_stops_the_build(site, monkeypatch, caplog):
    def too_large(*args, **kwargs):
        raise SearchIndexError("a posting is out of the index format's range (0 to 2**35)")

    monkeypatch.setattr("notices.search.index._Shards", too_large)
    # The indexer is started fresh and would not see the patch: fork it for this test.
    monkeypatch.setattr(workers, "FRESH_START_METHOD", "fork")
    result = build_site(site)
    assert result.code == 70
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "search index: a posting is out of the index format's range (0 to 2**35)"]
    assert not result.output.exists()


def test_an_indexer_that_fails_in_its_fresh_process_stops_the_build_with_its_traceback(
        tmp_path):
    from notices.search.records import INDEXER

    job = workers.BackgroundJob.start_fresh(
        INDEXER, (str(tmp_path), 8192, {}, workers.BackgroundJob.start),
        [b"not what the build sends"], lambda result: None)
    with pytest.raises(workers.WorkerFailed) as failed:
        job.result()
    message = str(failed.value)
    assert message.startswith("a worker process of the build failed (exit status 1):\n"
                              "Traceback (most recent call last):\n")
    assert message.splitlines()[-1].startswith("_pickle.UnpicklingError: ")
    assert not (tmp_path / "search").exists()


def test_records_are_numbered_by_date_then_url_whole_or_made_in_batches(tmp_path):
    from notices.search.records import search_record_batches

    catalog = read_catalog(SETTINGS, {"CACHE_PATH": str(tmp_path)})
    records = search_records(catalog)
    assert len(records) == len(catalog.notices) + len(list(catalog.windows)) > 7
    keys = [(r.when, r.url) for r in records]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    for size in (1, 7, len(records)):
        batches = list(search_record_batches(catalog, size))
        assert [len(batch) for batch in batches[:-1]] == [size] * (len(batches) - 1)
        assert [r for batch in batches for r in batch] == records


def test_reading_a_site_starts_no_indexer(site, monkeypatch):
    # ``check`` and read_catalog write nothing: an indexer started there would write into
    # the temporary folder, unwaited for.
    started = []
    monkeypatch.setattr(workers.BackgroundJob, "start_fresh",
                        classmethod(lambda cls, *args: started.append(args)))
    catalog = read_catalog(SETTINGS, {"PATH": str(site / "content"),
                                      "PROJECT_ROOT": str(site),
                                      "CACHE_PATH": str(site / ".cache")})
    assert catalog.notices and started == []


def test_the_build_process_never_imports_the_indexer_nor_numpy(site):
    # It makes the records (notices.search.records) and sends them; numpy costs every
    # process that imports it about 20 MiB and 0.2 s.
    overrides = {"PATH": str(site / "content"), "PROJECT_ROOT": str(site),
                 "CACHE_PATH": str(site / ".cache")}
    script = ("import sys\nfrom notices.build.driver import build\n"
              f"code = build({SETTINGS!r}, {str(site / 'output')!r}, {overrides!r})\n"
              "print(code, *(name in sys.modules for name in\n"
              "              ('notices.search.index', 'notices.search.indexer', 'numpy')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=Path(SETTINGS).parent, check=False)
    assert done.stdout.split()[-4:] == ["0", "False", "False", "False"], done.stderr
    assert (site / "output" / "search" / "index.json").exists()


def test_the_indexer_starts_without_the_build_processs_memory(site):
    # A forked indexer starts with the build's whole heap resident (447 MiB at 20,000
    # items); a fresh one with the interpreter, numpy and its modules (about 50 MiB).
    ballast = b"\1" * (256 << 20)  # written, so resident in the build process
    timing.reset()
    result = build_site(site)
    assert result.code == 0, result.err
    note = timing.NOTES["search indexer"]
    started = int(re.search(r"\((\d+) MiB at its start\)", note)[1])
    assert 0 < started < len(ballast) >> 20, note


# ---------------------------------------------------------------------------
# The index, without a browser: reading it as search.js does (tests/search_reader.py)
# finds exactly the records containing the query.


def test_runs_and_plans():
    assert runs("宁波市江北区 慈城镇·白米湾村、广场2号箱变") == [
        list("宁波市江北区"), list("慈城镇"), list("白米湾村"), ["广", "场", "2", "号", "箱", "变"]]
    assert runs("爱科森汽车５００２１９５９８４ LED灯") == [
        ["爱", "科", "森", "汽", "车", "5002195984"], ["led", "灯"]]
    assert query_plans("广场2号箱变 5002195984 镇 高桥") == [
        (["广 场 2", "号 箱 变"], [0, 3]), (["5002195984"], [0]), (["镇"], [0]),
        (["高 桥"], [0])]
    assert query_plans("医院11号环网柜") == [(["医 院 11", "号 环 网", "环 网 柜"], [0, 3, 4])]


def test_pack_items_never_cross_a_pack_and_are_read_back(monkeypatch):
    from notices.search import index

    monkeypatch.setattr(index, "PACK_BYTES", 10)
    items = [b"abcd", b"efgh", b"", b"ijk", b"0123456789"]
    files = index.pack_items([("r", items[:3]), ("t", items[3:])])
    assert files["p/0.bin"] == b"abcdefgh" and files["p/1.bin"] == b"ijk"
    assert files["p/2.bin"] == b"0123456789"
    assert np.frombuffer(files["p/r.idx"], "<u4").tolist() == [0, 4, 8, 8]
    assert np.frombuffer(files["p/t.idx"], "<u4").tolist() == [10, 20, 30]
    with pytest.raises(SearchIndexError, match="larger than a pack"):
        index.pack_items([("r", [b"x" * 11])])
    assert index.pack_items([("r", []), ("t", [])]) == {"p/r.idx": b"\0" * 4,
                                                       "p/t.idx": b"\0" * 4}
    # packed_item reads an item as stored (compressed with the kind's preset dictionary)
    # and inflates it after the dictionary's own stream, as search.js does.
    items = ["宁波 one".encode(), "宁波 two".encode(), b"three"]
    dictionary = index.dictionary_of(items)
    assert dictionary == b"".join(items)  # small enough to take every item
    stored = index.pack_items([("r", [index.deflate(x, dictionary) for x in items])])
    stored["p/r-dict.bin"] = index.dictionary_file(dictionary)
    assert stored["p/r-dict.bin"][0] == len(dictionary)
    assert [index.packed_item(stored.__getitem__, "r", n) for n in range(3)] == items
    # Without the dictionary's stream before it, an item does not inflate to itself.
    assert len(stored["p/0.bin"]) < len(b"".join(items))
    stored["p/r-dict.bin"] = index.dictionary_file(b"")
    with pytest.raises(zlib.error):
        index.packed_item(stored.__getitem__, "r", 1)
    stored = index.pack_items([("t", [index.deflate(b"plain")])])
    stored["p/t-dict.bin"] = index.dictionary_file(b"")
    assert index.packed_item(stored.__getitem__, "t", 0) == b"plain"


def test_record_files_handed_over_as_made_are_the_files_kept_at_once(monkeypatch):
    # The indexer's helper writes each pack as it fills (index.record_files with a sink), so
    # the display blocks and text pages are never all in memory; the files are the same, and
    # each kind's items come back through its own dictionary.
    from notices.search import index

    monkeypatch.setattr(index, "PACK_BYTES", 4096)  # several packs
    records = [SearchRecord(kind=Kind.ARTICLE, url=f"articles/{n}.html",
                            when=dt.datetime(2024, 3, 1 + n % 28), districts=("haishu",),
                            text=f"第{n}条 海曙区鼓楼街道停电通知 " + "".join(
                                chr(0x4E00 + (n * 7919 + i * 104729) % 20000)
                                for i in range(20 + n % 50)),
                            display={"title": f"标题{n}", "n": n})
               for n in range(300)]
    kept = index.record_files(records, {"district": ["haishu", "yinzhou"]})
    handed: dict[str, bytes] = {}
    assert index.record_files(records, {"district": ["haishu", "yinzhou"]},
                              handed.__setitem__) == {}
    assert handed == kept
    assert len([name for name in kept if name.endswith(".bin") and name[2:-4].isdigit()]) >= 2
    for number in (0, 77, 149):
        block = json.loads(index.packed_item(kept.__getitem__, "r", number))
        assert block == [r.display for r in records[2 * number:2 * number + 2]]
    pages, _ = index.text_pages(records)
    assert [index.packed_item(kept.__getitem__, "t", n) for n in range(len(pages))] == list(pages)


def test_the_indexer_s_packed_records_write_the_files_of_the_records(tmp_path):
    # The indexer's process holds its records packed (index.PackedRecords: buffers, not an
    # object per record), hands their texts to the postings once its helper has forked and
    # keeps only their count: the files are those of the records themselves.
    from notices.search import index, indexer
    from notices.search.messages import record_messages

    records = _place_records() + [
        SearchRecord(kind=Kind.TENDER, url=f"tenders/{n}.html", when=dt.datetime(2024, 5, n),
                     districts=("yinzhou", "yinzhou"), text=f"招标 {n} “引号”\t",
                     display={"t": f"标题 \"{n}\"", "w": ["鄞州区"], "x": n})
        for n in range(1, 9)]
    values = {"district": ["haishu", "yinzhou", "cixi"], "kind": ["articles", "tenders"]}
    result = indexer.index_from_messages(str(tmp_path), 256, values, workers.BackgroundJob.start,
                                         record_messages([records[:5], records[5:]]))
    assert result["records"] == len(records)
    written = {str(path.relative_to(tmp_path / "search")): path.read_bytes()
               for path in (tmp_path / "search").rglob("*") if path.is_file()}
    assert written == build_index(records, 256, values).files
    packed = index.PackedRecords(records)
    assert index.PackedRecords(records).displays(0, 3) == json.dumps(
        [r.display for r in records[:3]], ensure_ascii=False, separators=(",", ":")).encode()
    texts = packed.texts(keep=False)
    assert list(texts) == [r.text for r in records] and len(packed) == len(records)
    assert not packed.filters  # the rest let go of: the helper (forked) has them


def test_the_indexer_s_process_imports_neither_the_catalog_nor_the_content_model():
    # (pydantic and markdown-it: about 11 MiB of the indexer's private memory)
    script = ("import sys\nfrom notices.build.workers import _fresh_main\n"
              "import notices.search.indexer\n"
              "print(*(name in sys.modules for name in ('pydantic', 'markdown_it',\n"
              "        'notices.content.model', 'notices.content.catalog')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False)
    assert done.stdout.split() == ["False"] * 4, done.stderr


def test_full_width_folding_is_the_nfkc_table():
    from notices.search.index import _FULL_WIDTH, fold_full_width

    every = "".join(chr(c) for c in range(0x20000) if not 0xD800 <= c < 0xE000)
    assert fold_full_width(every) == every.translate(_FULL_WIDTH)
    assert fold_full_width("ＡＢ　１２，停电") == "AB 12,停电"
    assert fold_full_width("plain") == "plain"


def test_varints_and_bucket_count():
    assert varints([0, 1, 127, 128, 300, 2**35 - 1]) == bytes(
        [0, 1, 127, 0x80, 1, 0xAC, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
    with pytest.raises(SearchIndexError):
        varints([2**35])
    assert [bucket_count(n, 8192) for n in (0, 8192, 8193, 10**6)] == [1, 1, 2, 128]


ALPHABET = list("镇桥高村湾头") + ["1", "2", "a", "、", " ", "\n", "𠀀"]
texts = st.text(alphabet=ALPHABET, max_size=40)


def _record(text: str, number: int, district: str = "jiangbei") -> SearchRecord:
    import datetime as dt

    return SearchRecord(kind=Kind.OUTAGE, url=f"r{number}", when=dt.datetime(2019, 9, 1),
                        districts=(district,), text=text)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=12), st.text(alphabet=ALPHABET, min_size=1,
                                                         max_size=7),
       st.sampled_from([64, 100000]))
def test_index_lookups_find_exactly_the_records_containing_the_query(texts, query, size):
    records = [_record(text, n) for n, text in enumerate(texts)]
    files = build_index(records, bucket_bytes=size).files
    expected = [n for n in range(len(records) - 1, -1, -1) if matches(texts[n], query)]
    assert read_index(files, query) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=12), st.text(alphabet=ALPHABET, min_size=1,
                                                         max_size=7))
def test_rare_tokens_sharing_a_fingerprint_are_told_apart_by_the_text(texts, query):
    # Every token hashed alike: one shard, one fingerprint for every rare token, so a rare
    # term's candidates are every record with a rare token and only the text decides.
    import numpy as np

    from notices.search import index

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index, "_hash_array", lambda u, at, width, hashes: np.zeros(
            at.size, dtype=np.uint32))
        patch.setattr(index, "token_hash", lambda units: 0)
        records = [_record(text, n) for n, text in enumerate(texts)]
        files = build_index(records, bucket_bytes=64).files
        expected = [n for n in range(len(records) - 1, -1, -1) if matches(texts[n], query)]
        assert read_index(files, query) == expected


def test_common_phrases_are_one_lookup_with_their_count():
    from search_reader import shard

    stock = "欢迎符合条件的单位报名"
    records = [_record(f"第{n}号公告，{stock}。" if n % 3 else f"第{n}号", n)
               for n in range(300)]
    files = build_index(records).files
    common, _, _ = shard(files, list(stock))
    assert common[stock] == [n for n in range(300) if n % 3]
    assert len(stock) <= 16 and read_index(files, stock) == [n for n in range(299, -1, -1)
                                                             if n % 3]
    common, rare, fingerprint = shard(files, list("第7号"))
    assert "第7号" not in common  # in one record: rare, found by fingerprint
    assert 7 in rare[fingerprint] and read_index(files, "第7号") == [7]


def test_filters_keep_the_records_of_their_value():
    records = [_record("高桥镇", 0), _record("高桥镇", 1, "beilun"), _record("高桥", 2)]
    files = build_index(records, filter_values={"district": ["jiangbei", "beilun", "cixi"]}
                        ).files
    assert read_index(files, "高桥") == [2, 1, 0]
    assert read_index(files, "高桥镇", district="jiangbei") == [0]
    assert read_index(files, "高桥", district="beilun") == [1]
    assert read_index(files, "高桥", district="cixi") == []
    assert read_index(files, "桥", date="2019-09") == [2, 1, 0]


def test_long_words_and_many_records():
    words = [f"户号{n:010d}" for n in range(3000)]
    records = [_record(f"{w}、广场2号箱变" if n % 7 == 0 else w, n) for n, w in enumerate(words)]
    files = build_index(records, bucket_bytes=1024).files
    assert read_index(files, "户号0000002999") == [2999]
    assert read_index(files, "0000002999") == [2999]
    assert read_index(files, "000000299") == []  # an ASCII word is matched whole
    assert read_index(files, "广场2号箱变") == list(range(2996, -1, -7))


def _place_records() -> list[SearchRecord]:
    """400 records of place names in changing combinations, each with its own number."""
    places = ["慈城镇", "白米湾村", "广场2号箱变", "户号5002195984", "庄桥街道", "的"]
    return [_record("、".join(places[(n + k) % len(places)] for k in range(n % 4 + 1))
                    + f"第{n}号", n) for n in range(400)]


def test_postings_sorted_in_many_parts_or_handed_to_a_sink_give_the_same_files(monkeypatch):
    from notices.search import index

    records = _place_records()
    whole, tokens, buckets = posting_files(records, 1024)
    monkeypatch.setattr(index, "PART_POSTINGS", 50)  # dozens of parts instead of one
    handed: dict[str, bytes] = {}
    kept, parted_tokens, parted_buckets = posting_files(records, 1024, handed.__setitem__)
    assert kept == {}
    assert (handed, parted_tokens, parted_buckets) == (whole, tokens, buckets)
    files = build_index(records, bucket_bytes=1024).files
    for query in ["广场2号箱变", "白米湾村", "户号5002195984", "第12号", "的"]:
        assert read_index(files, query) == [n for n in range(399, -1, -1)
                                            if matches(records[n].text, query)]


def test_shards_over_several_packs_are_found_by_their_table(monkeypatch):
    # Shards are laid out part by part (not by number) in packs of their own; the table
    # i/shards.idx gives each one's span, and no shard crosses into the next pack.
    from notices.search import index

    records = _place_records()
    monkeypatch.setattr(index, "PART_POSTINGS", 50)  # several parts: shards out of order
    shards: dict[int, bytes] = {}
    built = index._Shards([r.text for r in records], 256)
    built.build(shards.__setitem__)
    assert list(shards) != sorted(shards) and sorted(shards) == list(range(built.shards))
    monkeypatch.setattr(index, "PACK_BYTES", 1024)
    files = build_index(records, bucket_bytes=256).files
    packs = [name for name in files if name.startswith("i/") and name.endswith(".bin")]
    assert len(packs) >= 3 and all(len(files[name]) <= 1024 for name in packs)
    spans = np.frombuffer(files["i/shards.idx"], "<u4").reshape(-1, 2)
    assert len(spans) == built.shards
    assert all(start // 1024 == (end - 1) // 1024 for start, end in spans)
    assert {n: index.shard_item(files.__getitem__, n) for n in shards} == shards
    for query in ["广场2号箱变", "白米湾村", "户号5002195984", "第12号", "的"]:
        assert read_index(files, query) == [n for n in range(399, -1, -1)
                                            if matches(records[n].text, query)]


@given(st.text(alphabet=list("镇桥高村湾头"), min_size=1, max_size=30),
       st.text(alphabet=list("镇桥高村湾头"), min_size=1, max_size=5))
def test_for_chinese_text_matching_is_substring_search(text, query):
    assert matches(text, query) == (query in text)


def test_postings_sort_is_stable_both_ways():
    # One integer sort of (key, index) when both fit in 63 bits, a stable argsort when not:
    # the same order either way, ties in their original order.
    import numpy as np

    from notices.search.index import _sort_by_key

    rng = np.random.default_rng(7)
    keys = rng.integers(0, 50, 2000).astype(np.int64)
    at = np.arange(2000, dtype=np.int32) * 3
    packed = _sort_by_key(keys.copy(), at, 50)
    fallback = _sort_by_key(keys.copy(), at, 1 << 62)
    order = np.argsort(keys, kind="stable")
    for got_keys, got_at in (packed, fallback):
        assert got_keys.tolist() == keys[order].tolist()
        assert got_at.tolist() == at[order].tolist()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFF65),  # full-width forms
    st.sampled_from("\u3000\u0301\u0308\u00bd\u2460\u1100\u1161\uac00慈城镇ＡＢ１２,.é"),
    st.characters(max_codepoint=0x2FFF)), max_size=40))
def test_normalize_is_nfkc_then_lower_case(text):
    # The full-width shortcut must give exactly what the browser's NFKC gives.
    import unicodedata

    from notices.search.index import normalize

    assert normalize(text) == unicodedata.normalize("NFKC", text).lower()


def test_common_record_lists_take_the_smallest_of_three_codes():
    from search_reader import _Cursor, rice_records, set_records, shard

    from notices.search import index

    # 密 in every record: Rice-coded with k = 0, one bit a record like a bitmap (mode 1, not
    # chosen on a tie); 疏 in every 37th: k = 5, seven bits a record where varint deltas
    # take a byte each.
    records = [_record(("密" + ("疏" if n % 37 == 0 else "")) + f"第{n}号", n)
               for n in range(2000)]
    files = build_index(records).files
    modes = {}
    for word, want in (("密", list(range(2000))), ("疏", list(range(0, 2000, 37)))):
        common, _, _ = shard(files, [word])
        assert common[word] == want
        meta = json.loads(files["index.json"])
        data = index.shard_item(files.__getitem__, index.shard_of([word], meta["shards"]))
        cursor = _Cursor(data)
        for _ in range(cursor.next()):
            size = cursor.next()
            name = data[cursor.at:cursor.at + size].decode()
            cursor.at += size
            length = cursor.next()
            payload = data[cursor.at:cursor.at + length]
            cursor.at += length
            if name == word:
                modes[word] = (payload[0] & 3, len(payload))
                assert set_records(payload) == want
    assert modes["密"] == (2, 3 + 250)  # head (2 bytes), k, 2,000 bits
    assert modes["疏"][0] == 2 and modes["疏"][1] < 55  # 55 records: varints take 56+
    # Gaps 0, 1, 4 with k = 1, bits from the lowest: 1 0, 1 1, 0 0 1 0.
    assert rice_records(bytes([1, 0b01001101]), 0, 3) == [0, 2, 7]


# --- a delta beside the index (the live-reload server, --defer-search) ---------------------

def _dated(text: str, url: str, minute: float) -> SearchRecord:
    when = dt.datetime(2019, 9, 1) + dt.timedelta(minutes=minute)
    return SearchRecord(kind=Kind.ARTICLE, url=url, when=when, districts=("jiangbei",),
                        text=text)


def _source_key(record: SearchRecord) -> tuple[str, str, str]:
    return (f"n|{record.text}", record.when.isoformat(), record.url)


_EDITS = st.lists(st.tuples(st.sampled_from(["edit", "drop", "add"]), st.integers(0, 30),
                            texts), max_size=5)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=10), _EDITS,
       st.one_of(st.sampled_from(list("镇桥村")),
                 st.text(alphabet=ALPHABET, min_size=1, max_size=6)),
       st.sampled_from([64, 100000]))
@example(["镇桥"] * 4, [("add", 2, "高镇"), ("edit", 3, "村"), ("drop", 0, "")], "镇", 64)
def test_an_index_and_its_delta_find_what_an_index_of_the_new_records_would(old, edits, query,
                                                                           size):
    from search_reader import search_with_delta

    from notices.search.index import delta_files
    from notices.search.records import delta_plan

    indexed = [_dated(text, f"r{n:02d}", n) for n, text in enumerate(old)]
    now = list(indexed)
    for number, (what, at, text) in enumerate(edits):
        if what == "add" or not now:
            now.append(_dated(text, f"a{number}", at % (len(old) + 1) - 0.5))
        elif what == "edit":
            record = now[at % len(now)]
            now[at % len(now)] = _dated(text, record.url, (record.when.minute
                                                           + record.when.second / 60))
        else:
            del now[at % len(now)]
    now.sort(key=lambda r: (r.when, r.url))
    plan = delta_plan([_source_key(r) for r in indexed], [_source_key(r) for r in now])
    files = build_index(indexed, bucket_bytes=size).files
    files.update(delta_files([now[n] for n in plan.added], plan.removed, plan.at,
                             files["index.json"], size))
    place = {r.url: n for n, r in enumerate(now)}
    found = [place[indexed[n].url] if where == "main" else plan.added[n]
             for where, n in search_with_delta(files, query)]
    assert found == [n for n in range(len(now) - 1, -1, -1) if matches(now[n].text, query)]


def test_in_chromium_an_edit_is_found_through_the_delta_before_the_full_build(browser, tmp_path):
    # A deferred build (the live-reload server, --defer-search) indexes the edited record
    # beside the previous index: search.js finds the new words, not the old record, in order.
    import threading

    from conftest import copy_site
    from notices.build.serve import make_server

    site = copy_site("basic", tmp_path / "site")
    assert build_site(site).code == 0
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    source.write_text(source.read_text("utf-8").replace("联合开展改革", "联合开展改革试点"),
                      "utf-8")
    # and new articles: one dated between two records of the index, one in a month the
    # index has no record of (its filter file is in the delta only)
    for name, when in (("2024-05-02-new", "2024-05-02 12:00"), ("2024-04-30-new", "2024-04-30")):
        (site / "content" / "articles" / f"{name}.md").write_text(
            f"---\ntitle: 江北区新设便民服务点\ndate: {when}\ndistricts: [江北区]\n---\n"
            "江北区新设便民服务点。\n", "utf-8")
    assert build_site(site, reuse_search=True).code == 0
    meta = json.loads((site / "output" / "search" / "index.json").read_text("utf-8"))
    assert (meta["delta"]["records"], meta["delta"]["at"]) == (3, [0, 0, 3])
    assert not (site / "output" / "search" / "f" / "date-2024-04.bin").exists()
    server = make_server(str(site / "output"), "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page.goto(base + "/search/")
        search(page, "改革试点")
        assert page.evaluate("window.noticesSearchResults()") == ["d1"]
        assert shown_results(page, base) == ["articles/2024-05-01-two-districts.html"]
        search(page, "联合开展改革")  # in the main index too, where the delta replaces it
        assert page.evaluate("window.noticesSearchResults()") == ["d1"]
        search(page, "区")  # main records and the delta's, newest first, as a new index gives
        after = page.evaluate("window.noticesSearchResults()")
        shown = shown_results(page, base)
        search(page, "区", district="haishu", date="2024-05")
        filtered = shown_results(page, base)
        search(page, "区", date="2024-04")  # a value of the delta only
        april = shown_results(page, base)
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    assert errors == []
    catalog = read_catalog(SETTINGS, {"PATH": str(site / "content"),
                                      "CACHE_PATH": str(tmp_path / "read-cache")})
    assert {"d0", "d1", "d2"} <= set(after) and len(after) > 5
    newest_first = search_records(catalog)[::-1]
    assert shown == [r.url for r in expected_results(newest_first, "区")]
    assert filtered == [r.url for r in expected_results(newest_first, "区")
                        if "haishu" in r.districts and r.month == "2024-05"] != []
    assert april == ["articles/2024-04-30-new.html"]
