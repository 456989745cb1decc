"""Incremental builds: reuse what did not change, and never serve stale output."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from conftest import ROOT, build_site, copy_site, tree_digest
from notices.build import state, warm


def published(folder):
    return tree_digest(folder)


def test_nothing_changed_keeps_output_untouched(site):
    assert build_site(site).code == 0
    index = site / "output" / "index.html"
    inode = index.stat().st_ino
    again = build_site(site)
    assert again.code == 0
    assert "Nothing changed; output/ kept as it was" in again.err
    assert index.stat().st_ino == inode


def test_edit_rewrites_only_dependent_pages_and_matches_a_cold_build(site, tmp_path):
    assert build_site(site).code == 0
    before = tree_digest(site / "output")
    inodes = {p: (site / "output" / p).stat().st_ino for p in before}
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    source.write_text(source.read_text("utf-8").replace("联合开展改革", "联合开展改革试点"),
                      "utf-8")

    assert build_site(site).code == 0

    after = tree_digest(site / "output")
    changed = sorted(p for p in after if before.get(p) != after[p] and p.endswith(".html")
                     and not p.startswith("search/"))
    # The item's page, and the lists that show its summary: its kind, its districts, home.
    assert changed == ["articles/2024-05-01-two-districts.html", "articles/index.html",
                       "districts/jiangbei/index.html", "districts/yinzhou/index.html",
                       "index.html"]
    # Pages that show nothing of the edited item are reused, not rendered again.
    reused = [p for p in after if p.startswith("districts/haishu") or p.startswith("outages/")]
    assert reused and all((site / "output" / p).stat().st_ino == inodes[p] for p in reused)
    feeds = {p for p in after if p.startswith("feeds/") and before.get(p) != after[p]}
    assert "feeds/districts/jiangbei.atom.xml" in feeds
    assert "feeds/districts/haishu.atom.xml" not in feeds
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert cold.code == 0
    assert published(cold.output) == published(site / "output")


def test_changed_template_rebuilds_every_page(site, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "themes" / "digest", theme)
    assert build_site(site, THEME=str(theme)).code == 0
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text("utf-8").replace(
        "停电信息以供电公司发布为准。", "停电信息以供电公司发布为准（模板已修改）。"), "utf-8")

    assert build_site(site, THEME=str(theme)).code == 0

    pages = list((site / "output").rglob("*.html"))
    assert len(pages) > 15
    assert all("（模板已修改）" in p.read_text("utf-8") for p in pages)


def test_changed_setting_rebuilds_every_page(site):
    assert build_site(site).code == 0
    assert build_site(site, SITENAME="甬城通告测试版").code == 0
    pages = list((site / "output").rglob("*.html"))
    assert all("甬城通告测试版" in p.read_text("utf-8") for p in pages)


def test_removed_item_disappears(site):
    assert build_site(site).code == 0
    (site / "content" / "tenders" / "2024-05-02-wuye.md").unlink()
    assert build_site(site).code == 0
    assert not (site / "output" / "tenders" / "2024-05-02-wuye.html").exists()
    assert "某小区" not in (site / "output" / "index.html").read_text("utf-8")


def _search_files(output: Path) -> dict[str, bytes]:
    root = output / "search"
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and p.name != "index.html"}


def test_deferred_search_keeps_the_previous_index_with_a_delta_until_a_full_build(site,
                                                                                  tmp_path):
    from search_reader import search_with_delta

    assert build_site(site).code == 0
    index = sorted((site / "output" / "search").rglob("*"))
    inodes = {p.relative_to(site / "output"): p.stat().st_ino for p in index
              if p.is_file() and p.name not in ("index.html", "index.json")}
    before = search_with_delta(_search_files(site / "output"), "联合开展改革")
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    source.write_text(source.read_text("utf-8").replace("联合开展改革", "联合开展改革试点"),
                      "utf-8")

    quick = build_site(site, reuse_search=True)

    assert quick.code == 0, quick.err
    page = site / "output" / "articles" / "2024-05-01-two-districts.html"
    assert "改革试点" in page.read_text("utf-8")
    # The previous index's files are the same files; beside them, a delta of the one
    # record the edit changed, replacing that record of the index.
    assert all((site / "output" / p).stat().st_ino == ino for p, ino in inodes.items())
    files = _search_files(site / "output")
    delta = json.loads(files["index.json"])["delta"]
    assert (delta["records"], len(delta["removed"])) == (1, 1)
    assert [n for where, n in before if where == "main"] == delta["removed"]
    assert search_with_delta(files, "改革试点") == [("delta", 0)]
    assert search_with_delta(files, "联合开展改革") == [("delta", 0)]
    full = build_site(site)
    assert full.code == 0
    assert not (site / "output" / "search" / "d").exists()
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert published(cold.output) == published(site / "output")


def test_a_second_deferred_build_makes_its_delta_against_the_full_index(site):
    from search_reader import search_with_delta

    assert build_site(site).code == 0
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    for word in ("试点", "试点二"):
        source.write_text(source.read_text("utf-8").replace("联合开展改革", f"联合开展改革{word}",
                                                            1), "utf-8")
        assert build_site(site, reuse_search=True).code == 0
    files = _search_files(site / "output")
    assert json.loads(files["index.json"])["delta"]["records"] == 1
    assert search_with_delta(files, "改革试点二") == [("delta", 0)]
    assert search_with_delta(files, "改革试点试点") == []


def test_a_failure_in_a_background_worker_stops_the_build_and_keeps_the_output(
        site, monkeypatch, caplog):
    # Calendars, feeds and the search index are written by forked workers while the pages
    # are rendered; a worker that fails must fail the build like the main process would.
    assert build_site(site).code == 0
    before = published(site / "output")
    source = site / "content" / "outages" / "2024-05-02-power.md"
    source.write_text(source.read_text("utf-8").replace("计划停电", "计划停电（更新）", 1),
                      "utf-8")

    def broken(component):
        raise RuntimeError("calendar serialisation failed")

    monkeypatch.setattr("notices.outputs.calendars._serialized", broken)
    result = build_site(site)

    assert result.code == 70
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1
    assert errors[0].startswith("a worker process of the build failed (exit status 1):\n")
    assert errors[0].endswith("RuntimeError: calendar serialisation failed")
    assert "nothing was published" in result.err
    assert published(site / "output") == before
    assert not list(site.glob(".build-*"))


def test_a_new_cancellation_updates_the_earlier_schedule_page(tmp_path):
    """A schedule's page links each window's calendar file, which a later 取消 removes:
    the earlier page depends on other notices, and must not be reused stale."""
    site = copy_site("calendars", tmp_path / "site")
    later = site / "content" / "outages" / "2024-05-04-power.md"
    kept = tmp_path / "later.md"
    shutil.move(later, kept)
    assert build_site(site).code == 0
    shutil.move(kept, later)
    assert build_site(site).code == 0
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert cold.code == 0
    assert published(cold.output) == published(site / "output")


def test_a_same_size_edit_that_keeps_the_modification_time_is_still_built(site, monkeypatch):
    # The "nothing changed" check compares sizes and times of every input file (not their
    # bytes): the change time counts too, which tools that restore mtime cannot set.
    monkeypatch.setattr(warm, "RACY_NS", 0)  # trust the just-copied fixture files
    assert build_site(site).code == 0
    assert "Nothing changed" in build_site(site).err
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    stat = source.stat()
    source.write_text(source.read_text("utf-8").replace("联合开展改革", "联合开展变革"),
                      "utf-8")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert source.stat().st_size == stat.st_size

    assert build_site(site).code == 0

    page = site / "output" / "articles" / "2024-05-01-two-districts.html"
    assert "变革" in page.read_text("utf-8")


def test_files_changed_moments_ago_are_compared_by_content(site, monkeypatch):
    # Timestamps are a few milliseconds coarse: a second same-size edit in the same tick
    # keeps size and times. Right after an edit the build does not trust them. "Moments"
    # are made a day long here, so however long the first build takes, the copied files
    # still count as just changed when the second build starts.
    monkeypatch.setattr(state, "RACY_NS", 86_400 * 10**9)
    assert build_site(site).code == 0
    again = build_site(site)
    assert "Nothing changed" in again.err
    assert "Done: Processed" in again.out  # the full check ran (content hashes)


def test_a_new_process_takes_unchanged_calendar_events_from_the_cache(tmp_path, monkeypatch):
    """The serialised VEVENTs are kept in the build cache: after an edit of one schedule, a
    new build makes only the events that schedule publishes (every calendar listing the others takes
    their bytes from the cache), and the output is still a cold build's."""
    site = copy_site("calendars", tmp_path / "site")
    assert build_site(site).code == 0
    # A build that renders no calendar keeps the events in the cache all the same.
    article = site / "content" / "articles" / "2024-05-03-news.md"
    article.write_text(article.read_text("utf-8") + "\n补充。\n", "utf-8")
    assert build_site(site).code == 0
    edited = site / "content" / "outages" / "2024-05-04-power.md"
    edited.write_text(edited.read_text("utf-8") + "\n补充说明。\n", "utf-8")
    from notices.outputs import calendars

    made = calendars.outage_vevent

    def only_the_edited(event, namespace, absolute):
        # (an event the edited schedule changes or cancels lists it among its revisions)
        sources = [r.entry.notice.source_path for r in event.revisions]
        assert any(s.endswith("2024-05-04-power.md") for s in sources), sources
        return made(event, namespace, absolute)

    # (loaded by Pelican from PLUGIN_PATHS in the first build)
    plugin = sys.modules["outage_calendar.outage_calendar"]
    monkeypatch.setattr(plugin, "outage_vevent", only_the_edited)
    assert build_site(site).code == 0
    monkeypatch.undo()
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert cold.code == 0
    assert published(cold.output) == published(site / "output")


def test_a_new_process_reads_only_the_edited_file_and_matches_a_cold_build(
        site, tmp_path, monkeypatch):
    """A one-off build keeps its articles in the cache folder (``ArticleStore``): the next
    build in a new process gives Pelican's reader only the edited file, and a build that
    fails for a content problem leaves the kept articles as they were."""

    # The files were copied moments ago: trust their times all the same.
    monkeypatch.setattr(warm, "RACY_NS", 0)
    assert build_site(site).code == 0
    reader = sys.modules["notice_reader.notice_reader"].NoticeReader
    read_file = reader.read
    seen: list[str] = []

    def counting(self, source_path):
        seen.append(os.path.basename(source_path))
        return read_file(self, source_path)

    monkeypatch.setattr(reader, "read", counting)
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    text = source.read_text("utf-8")
    source.write_text(text.replace("title:", "title: [", 1), "utf-8")  # broken YAML
    assert build_site(site).code == 1
    assert seen == ["2024-05-01-two-districts.md"]
    source.write_text(text.replace("联合开展改革", "联合开展改革试点"), "utf-8")
    seen.clear()
    assert build_site(site).code == 0
    assert seen == ["2024-05-01-two-districts.md"]
    assert "改革试点" in (site / "output" / "articles" / "2024-05-01-two-districts.html"
                      ).read_text("utf-8")
    seen.clear()
    (site / "content" / "articles" / "2024-05-01-two-districts.md").unlink()
    assert build_site(site).code == 0
    assert seen == []
    assert not (site / "output" / "articles" / "2024-05-01-two-districts.html").exists()
    monkeypatch.undo()
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert cold.code == 0
    assert published(cold.output) == published(site / "output")


def test_an_outage_edit_renders_the_pages_of_its_towns_only(tmp_path):
    """A town's page depends on that town's events only: editing a schedule renders the
    pages of the towns it names, not every town's (and matches a cold build)."""
    site = copy_site("calendars", tmp_path / "site")
    assert build_site(site).code == 0
    towns = site / "output" / "districts"
    inodes = {p: p.stat().st_ino for p in towns.glob("*/*/index.html")}
    edited = site / "content" / "outages" / "2024-05-02-power.md"  # names no 大碶街道
    edited.write_text(edited.read_text("utf-8") + "\n补充说明。\n", "utf-8")
    assert build_site(site).code == 0
    kept = sorted(str(p.relative_to(towns)) for p in inodes if p.stat().st_ino == inodes[p])
    assert kept == ["beilun/daqi/index.html"]
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert cold.code == 0
    assert published(cold.output) == published(site / "output")


def test_an_outage_edit_renders_the_calendar_pages_of_its_districts_only(tmp_path):
    """A district's page and its 停电日历 page show its own events and the others' counts:
    an edit that keeps every count renders those of the districts the schedule names, not
    every district's."""
    site = copy_site("calendars", tmp_path / "site")
    assert build_site(site).code == 0
    output = site / "output"
    pages = [*output.glob("calendar/*/index.html"), *output.glob("districts/*/index.html")]
    inodes = {p: p.stat().st_ino for p in pages}
    edited = site / "content" / "outages" / "2024-05-04-power.md"
    edited.write_text(edited.read_text("utf-8") + "\n补充说明。\n", "utf-8")
    assert build_site(site).code == 0
    rendered = sorted(str(p.relative_to(output)) for p in inodes
                      if p.stat().st_ino != inodes[p])
    named = ["beilun", "haishu", "jiangbei", "yinzhou", "zhenhai"]  # by the schedule
    assert rendered == sorted(f"{folder}/{slug}/index.html" for folder in ("calendar",
                                                                          "districts")
                              for slug in named)
    assert len(inodes) > len(rendered) + 10  # (eleven districts)
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert cold.code == 0
    assert published(cold.output) == published(site / "output")


def test_a_new_process_renders_only_the_edited_schedule_s_calendar_items(tmp_path, monkeypatch):
    """A one-off build keeps each event's rendered 停电日历 item in the build cache: after an
    edit of one schedule the next build renders only the items of that schedule's events,
    and publishes a cold build's output."""
    site = copy_site("calendars", tmp_path / "site")
    assert build_site(site).code == 0
    plugin = sys.modules["outage_calendar.outage_calendar"]
    item_fragment = plugin.OutageCalendars._item_fragment
    made: list[list[str]] = []

    def counting(self, macro, event, siteurl, link, ics, make):
        def making():
            made.append([r.entry.notice.source_path for r in event.revisions])
            return make()

        return item_fragment(self, macro, event, siteurl, link, ics, making)

    monkeypatch.setattr(plugin.OutageCalendars, "_item_fragment", counting)
    outages = site / "content" / "outages"
    for number, path in enumerate([outages / "2024-05-04-power.md",
                                   outages / "2024-05-02-power.md"]):
        path.write_text(path.read_text("utf-8") + f"\n补充说明{number}。\n", "utf-8")
        made.clear()
        assert build_site(site).code == 0
        assert made, "the items of the edited schedule's events are rendered again"
        assert all(any(p.endswith(path.name) for p in sources) for sources in made), made
        calendar = (site / "output" / "calendar" / "index.html").read_text("utf-8")
        assert calendar.count('class="window') > len(made), "the others were kept"
        cold = build_site(site, tmp_path / f"cold{number}",
                          CACHE_PATH=str(tmp_path / f"cold{number}-cache"))
        assert cold.code == 0
        assert published(cold.output) == published(site / "output")


def test_kept_calendar_items_follow_a_changed_template_and_settings(tmp_path):
    """The kept items are made with the code, theme and settings of the build that made
    them (the build cache is kept per code fingerprint): a changed window macro or site URL
    renders every item again."""
    site = copy_site("calendars", tmp_path / "site")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "themes" / "digest", theme)
    assert build_site(site, THEME=str(theme)).code == 0
    macros = theme / "templates" / "macros.html"
    macros.write_text(macros.read_text("utf-8").replace(
        '<span class="status" data-status hidden></span>',
        '<span class="status" data-status hidden></span><!-- 已修改 -->'), "utf-8")
    assert build_site(site, THEME=str(theme)).code == 0
    calendar = (site / "output" / "calendar" / "index.html").read_text("utf-8")
    assert calendar.count("<!-- 已修改 -->") == calendar.count('<span class="status"') > 3
    settings = {"THEME": str(theme), "RELATIVE_URLS": False, "SITEURL": "https://example.org"}
    assert build_site(site, **settings).code == 0
    calendar = (site / "output" / "calendar" / "index.html").read_text("utf-8")
    assert 'class="window-link" href="https://example.org/outages/' in calendar
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"),
                      **settings)
    assert cold.code == 0
    assert published(cold.output) == published(site / "output")


def test_an_edit_undone_after_a_delta_gives_the_index_back_whole(site, tmp_path):
    # After a delta, the main index's manifest entry lacks index.json (the delta's entry has
    # it): a later build with the main index's records again must not link that entry as a
    # whole index.
    from search_reader import search_with_delta

    assert build_site(site).code == 0
    cold = _search_files(site / "output")
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    original = source.read_text("utf-8")
    source.write_text(original.replace("联合开展改革", "联合开展改革试点"), "utf-8")
    assert build_site(site, reuse_search=True).code == 0
    source.write_text(original, "utf-8")

    assert build_site(site, reuse_search=True).code == 0  # undone, search still deferred
    files = _search_files(site / "output")
    assert json.loads(files["index.json"])["delta"] == {
        "version": json.loads(files["index.json"])["delta"]["version"], "records": 0,
        "removed": [], "at": []}
    assert search_with_delta(files, "改革试点") == []
    assert search_with_delta(files, "联合开展改革") == search_with_delta(cold, "联合开展改革")
    assert build_site(site).code == 0  # and the full build after it
    assert _search_files(site / "output") == cold


def test_an_edit_undone_by_a_full_build_after_a_delta_gives_the_index_back_whole(site):
    assert build_site(site).code == 0
    cold = _search_files(site / "output")
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    original = source.read_text("utf-8")
    source.write_text(original.replace("联合开展改革", "联合开展改革试点"), "utf-8")
    assert build_site(site, reuse_search=True).code == 0
    source.write_text(original, "utf-8")

    assert build_site(site).code == 0

    assert _search_files(site / "output") == cold


def test_a_delta_keys_and_makes_the_records_of_the_changed_notices_only(site, monkeypatch):
    # The delta's plan compares each notice's content hash and URL with those the index's
    # build kept, and keys and makes the records of the notices that differ:
    # not every record's source key (17,580 at 5,000 items) to find the few an edit changed.
    from notices.search import records

    assert build_site(site).code == 0
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    source.write_text(source.read_text("utf-8").replace("联合开展改革", "联合开展改革试点"),
                      "utf-8")
    listed, keyed, made = [], [], []
    for name, calls in (("_sources", listed), ("_source_key", keyed),
                        ("_notice_record", made), ("_window_record", made)):
        original = getattr(records, name, None)
        if original is not None:
            monkeypatch.setattr(records, name, lambda *args, _original=original, _calls=calls:
                                _calls.append(1) or _original(*args))
    assert build_site(site, reuse_search=True).code == 0
    assert (len(listed), len(keyed), len(made)) == (0, 0, 1)
    index = json.loads((site / "output" / "search" / "index.json").read_text("utf-8"))
    assert index["delta"]["records"] == 1


def test_a_delta_by_notice_is_the_plan_of_every_record_s_key(site, tmp_path, monkeypatch):
    # Edits of every sort, each followed by a build carrying the index over: the plan by
    # notice, and the records it makes, are those of matching every record's source key.
    import pickle

    from notices.search import records

    assert build_site(site).code == 0
    kept = site / ".cache" / "builds" / "search-sources.pickle"
    checked = []
    by_notice = records.notice_delta

    def compared(basis, catalog):
        result = by_notice(basis, catalog)
        sources = records.record_sources(catalog)
        with kept.open("rb") as kept_file:
            pickle.load(kept_file)
            indexed = pickle.load(kept_file)  # every record's source key, after the basis
        plan = records.delta_plan(indexed, records.source_keys(catalog, sources))
        assert result is not None
        assert result[0] == plan
        assert result[1] == [sources[n] for n in plan.added]
        checked.append((len(plan.added), len(plan.removed)))
        return result

    monkeypatch.setattr(records, "notice_delta", compared)
    content = site / "content"
    outage = content / "outages" / "2024-05-02-power.md"
    original = outage.read_text("utf-8")
    edits = [
        lambda: outage.write_text(original.replace("白米湾村", "白米湾村更正"), "utf-8"),
        lambda: (content / "outages" / "2024-05-03-power.md").write_text(
            original.replace("2024-05-02", "2024-05-03").replace("慈城镇", "庄桥街道"),
            "utf-8"),
        lambda: (content / "tenders" / "2024-05-02-wuye.md").unlink(),
        lambda: outage.write_text(original.replace("date: 2024-05-02", "date: 2024-05-01"),
                                  "utf-8"),
        lambda: outage.write_text(original, "utf-8"),
    ]
    for edit in edits:
        edit()
        result = build_site(site, reuse_search=True)
        assert result.code == 0, result.err
    assert len(checked) == len(edits)
    assert all(added or removed for added, removed in checked[:-1])
    full = build_site(site)
    assert full.code == 0
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert published(cold.output) == published(site / "output")


def test_a_delta_the_notices_cannot_plan_is_planned_from_every_record_s_key(site, tmp_path,
                                                                           monkeypatch):
    # When the plan by notice cannot say (a notice's bytes at another URL, times of another
    # form, two records with one time and URL), every record's key is read back and matched.
    from search_reader import search_with_delta

    from notices.search import records

    assert build_site(site).code == 0
    before = search_with_delta(_search_files(site / "output"), "联合开展改革")
    source = site / "content" / "articles" / "2024-05-01-two-districts.md"
    source.write_text(source.read_text("utf-8").replace("联合开展改革", "联合开展改革试点"),
                      "utf-8")
    monkeypatch.setattr(records, "notice_delta", lambda basis, catalog: None)
    assert build_site(site, reuse_search=True).code == 0
    files = _search_files(site / "output")
    delta = json.loads(files["index.json"])["delta"]
    assert (delta["records"], delta["removed"]) == (1, [n for where, n in before
                                                        if where == "main"])
    assert search_with_delta(files, "改革试点") == [("delta", 0)]


def test_each_window_s_part_of_its_district_and_town_keys_is_made_once(tmp_path, monkeypatch):
    # The district and town pages are keyed by their own windows; the two groupings were two
    # passes over every window of the site, each making every entry's part of the key.
    from notices.content import catalog as catalog_module

    site = copy_site("calendars", tmp_path / "site")
    made = []
    part = catalog_module._entry_part
    monkeypatch.setattr(catalog_module, "_entry_part",
                        lambda entry: made.append(id(entry)) or part(entry))
    assert build_site(site).code == 0
    assert made and len(made) == len(set(made))
