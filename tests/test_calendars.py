"""Outage and tender calendars, open data and the 停电日历 page (plugins/outage_calendar).

The fixture site tests/sites/calendars has two outage schedules two days apart: the later
one moves, repeats, cancels (by identity, by overlapping areas, partly, and with no earlier
window) windows of the first. Calendars are read back with icalendar and with vobject, an
independent parser. Golden files are re-recorded with REGOLD=1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from conftest import ROOT, build_site, copy_site, page, tree_digest
from notices.content.catalog import WindowEntry
from notices.content.districts import district_table
from notices.content.model import Kind, Notice
from notices.content.validate import validate_fields
from notices.outputs.outage_events import (
    Change,
    MergeCheckpoint,
    merge_schedules,
    retained,
    retention_cutoff,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
GOLDEN = Path(__file__).resolve().parent / "golden" / "calendars"
DISTRICT_SLUGS = ["haishu", "jiangbei", "yinzhou", "zhenhai", "beilun", "fenghua", "yuyao",
                  "cixi", "ninghai", "xiangshan", "citywide"]


def ics_files(output: Path) -> list[Path]:
    return sorted((output / "calendars").rglob("*.ics"))


def read_ics(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def events_of(path: Path) -> dict[str, icalendar.Event]:
    """The events of a calendar file by SUMMARY without the 【已取消】 prefix."""
    return {str(e["SUMMARY"]).removeprefix("【已取消】"): e for e in read_ics(path).events}


def local(event: icalendar.Event, name: str) -> dt.datetime:
    return event.decoded(name).astimezone(SHANGHAI).replace(tzinfo=None)


# ---------------------------------------------------------------------------
# Every file: two parsers, time zones, folding, line ends, UIDs


def test_every_calendar_is_written(cal_output):
    expected = {"calendars/outages.ics", "calendars/tenders.ics",
                "calendars/schedules/2024-05-02-power.ics",
                "calendars/schedules/2024-05-04-power.ics"}
    expected |= {f"calendars/outages/{s}.ics" for s in DISTRICT_SLUGS}
    expected |= {f"calendars/tenders/{s}.ics" for s in DISTRICT_SLUGS}
    # One calendar per town a window names (the expired 2023 window's 慈城镇 has others).
    expected |= {f"calendars/outages/{key}.ics" for key in (
        "beilun/daqi", "haishu/shiqi", "jiangbei/cicheng", "jiangbei/hongtang",
        "jiangbei/zhuangqiao", "zhenhai/zhaobaoshan")}
    written = {str(p.relative_to(cal_output)) for p in ics_files(cal_output)}
    assert expected <= written
    windows = {p for p in written if p.startswith("calendars/windows/")}
    assert len(windows) == 9  # nine events in the retention period
    # The schedule of 2023 holds only an expired window: no file for it.
    assert "calendars/schedules/2023-01-05-old-power.ics" not in written
    assert len(written) == len(expected) + len(windows)


def test_every_calendar_parses_with_icalendar_and_vobject(cal_output):
    for path in ics_files(cal_output):
        data = path.read_bytes()
        first = icalendar.Calendar.from_ical(data)
        second = list(vobject.readComponents(data.decode("utf-8"), validate=True))
        assert len(second) == 1, path
        uids_first = sorted(str(e["UID"]) for e in first.events)
        uids_second = sorted(e.uid.value for e in second[0].contents.get("vevent", []))
        assert uids_first == uids_second, path
        for event in second[0].contents.get("vevent", []):
            start = event.dtstart.value
            if isinstance(start, dt.datetime):
                # vobject resolved TZID through the file's own VTIMEZONE.
                assert start.utcoffset() == dt.timedelta(hours=8), path
                assert event.dtend.value > start if "dtend" in event.contents else True


def test_no_tzid_without_vtimezone(cal_output):
    for path in ics_files(cal_output):
        cal = read_ics(path)
        declared = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
        used = set()
        for component in cal.walk():
            for prop in component.property_items(recursive=False):
                if "TZID" in getattr(prop[1], "params", {}):
                    used.add(prop[1].params["TZID"])
        assert used <= declared, path
        assert declared == {"Asia/Shanghai"}, path
        assert cal.get_missing_tzids() == set(), path


def test_lines_folded_at_75_octets_with_crlf_and_whole_characters(cal_output):
    for path in ics_files(cal_output):
        data = path.read_bytes()
        assert data.endswith(b"\r\n"), path
        assert b"\n" not in data.replace(b"\r\n", b""), f"{path}: bare LF"
        assert b"\r" not in data.replace(b"\r\n", b""), f"{path}: bare CR"
        for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
            assert len(line) <= 75, f"{path}:{number} is {len(line)} octets"
            line.decode("utf-8")  # each physical line is whole UTF-8: no split character


def test_folding_really_happens_inside_chinese_text(cal_output):
    data = (cal_output / "calendars/outages/jiangbei.ics").read_bytes()
    continued = [line for line in data.split(b"\r\n") if line.startswith(b" ")]
    assert continued and any(len(line) >= 70 for line in data.split(b"\r\n"))


def test_uids_are_unique_per_file(cal_output):
    for path in ics_files(cal_output):
        uids = [str(e["UID"]) for e in read_ics(path).events]
        assert len(uids) == len(set(uids)), path


def test_no_empty_properties(cal_output):
    for path in ics_files(cal_output):
        unfolded = path.read_bytes().decode("utf-8").replace("\r\n ", "")
        for line in unfolded.split("\r\n")[:-1]:
            name, _, value = re.match(r"([^:;]+)((?:;[^:]*)?):(.*)", line).groups()
            assert value.strip(), f"{path}: empty {name}"


def test_subscription_calendar_properties(cal_output):
    text = (cal_output / "calendars/outages/jiangbei.ics").read_bytes().decode()
    unfolded = text.replace("\r\n ", "")
    header = unfolded.split("BEGIN:VTIMEZONE")[0]
    assert header.splitlines() == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ningbo Notices//Outage Calendar 1.0//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "DESCRIPTION:江北区的计划停电。供电公司更改或取消停电时，日历中的原事件随之更新。",
        "X-WR-CALDESC:江北区的计划停电。供电公司更改或取消停电时，日历中的原事件随之更新。",
        "NAME:甬城通告·江北区停电",
        "X-WR-CALNAME:甬城通告·江北区停电",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "URL:http://localhost:8000/calendar/jiangbei/",
        "X-PUBLISHED-TTL:PT6H",
        "X-WR-TIMEZONE:Asia/Shanghai",
    ]
    cal = read_ics(cal_output / "calendars/outages/jiangbei.ics")
    assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert cal.decoded("REFRESH-INTERVAL") == dt.timedelta(hours=6)


def test_files_to_add_once_do_not_create_a_calendar(cal_output):
    for path in [*sorted((cal_output / "calendars/windows").glob("*.ics")),
                 cal_output / "calendars/schedules/2024-05-04-power.ics"]:
        cal = read_ics(path)
        assert str(cal["METHOD"]) == "PUBLISH"
        for name in ("NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
            assert name not in cal, f"{path}: {name}"


def test_empty_district_calendar_is_valid(cal_output):
    cal = read_ics(cal_output / "calendars/outages/cixi.ics")
    assert list(cal.events) == []
    assert str(cal["X-WR-CALNAME"]) == "甬城通告·慈溪市停电"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]


# ---------------------------------------------------------------------------
# Events


def test_event_fields(cal_output):
    events = events_of(cal_output / "calendars/outages/haishu.ics")
    night = events["停电：海曙区石碶街道 爱科森汽车5002195984"]
    # Past midnight: ends on the next day, in Ningbo time.
    assert local(night, "DTSTART") == dt.datetime(2024, 5, 6, 22, 0)
    assert local(night, "DTEND") == dt.datetime(2024, 5, 7, 6, 0)
    assert night["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert str(night["LOCATION"]) == "海曙区石碶街道 爱科森汽车5002195984"
    assert str(night["TRANSP"]) == "TRANSPARENT"
    assert str(night["STATUS"]) == "CONFIRMED"
    assert night.categories == ["停电", "海曙区"]
    key = str(night["UID"]).split("@")[0]
    assert str(night["UID"]) == f"{key}@ningbo-notices"
    assert str(night["URL"]) == (
        f"http://localhost:8000/outages/2024-05-04-power.html#w-20240506-haishu-{key}")
    # The latest schedule names no web address for its publisher: the schedule stands in.
    assert str(night["ORGANIZER"]) == "http://localhost:8000/outages/2024-05-04-power.html"
    assert night["ORGANIZER"].params["CN"] == "宁波供电公司"
    # DTSTAMP in UTC from the content: the 5月2日 schedule (nothing changed since).
    assert night.decoded("DTSTAMP") == dt.datetime(2024, 5, 1, 16, 0, tzinfo=dt.UTC)
    assert night.to_ical().decode().count("DTSTAMP:20240501T160000Z") == 1
    assert str(night["DESCRIPTION"]) == (
        "停电时间：2024年5月6日 22:00—次日06:00\n"
        "停电范围：海曙区石碶街道 爱科森汽车5002195984\n"
        "发布单位：宁波供电公司\n"
        "通告记录：\n"
        "· 2024年5月2日 发布：计划停电预告（5月6日—10日）\n"
        "· 2024年5月4日 重复发布，无变化：计划停电预告（更正）\n"
        f"详情：http://localhost:8000/outages/2024-05-04-power.html#w-20240506-haishu-{key}\n"
        "停电信息以供电公司发布为准。"
    )


def test_summary_counts_areas(cal_output):
    summaries = sorted(events_of(cal_output / "calendars/outages.ics"))
    assert "停电：江北区慈城镇 叉车蓄电池厂等3处" in summaries
    assert "停电：鄞州区 广场1号箱变" in summaries


def test_a_repeat_with_no_change_keeps_sequence(cal_output):
    night = events_of(cal_output / "calendars/outages/haishu.ics")[
        "停电：海曙区石碶街道 爱科森汽车5002195984"]
    assert night["SEQUENCE"] == 0
    assert night.decoded("LAST-MODIFIED") == night.decoded("CREATED")


def _two_builds(tmp_path) -> tuple[Path, Path]:
    """Build the fixture without the later schedule, then with it."""
    site = copy_site("calendars", tmp_path / "site")
    later = site / "content/outages/2024-05-04-power.md"
    kept = later.read_bytes()
    later.unlink()
    before = build_site(site, tmp_path / "before")
    later.write_bytes(kept)
    after = build_site(site, tmp_path / "after")
    assert before.code == after.code == 0, before.err + after.err
    return before.output, after.output


@pytest.fixture(scope="module")
def before_after(tmp_path_factory):
    return _two_builds(tmp_path_factory.mktemp("two-builds"))


def _by_uid(path: Path) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in read_ics(path).events}


def test_a_later_notice_that_changes_the_time_keeps_uid_and_raises_sequence(before_after):
    before, after = before_after
    old = [e for e in _by_uid(before / "calendars/outages/jiangbei.ics").values()
           if "白米湾村" in str(e["LOCATION"])]
    assert len(old) == 1
    uid = str(old[0]["UID"])
    new = _by_uid(after / "calendars/outages/jiangbei.ics")[uid]
    assert (old[0]["SEQUENCE"], new["SEQUENCE"]) == (0, 1)
    assert (local(old[0], "DTSTART"), local(old[0], "DTEND")) == (
        dt.datetime(2024, 5, 6, 8), dt.datetime(2024, 5, 6, 16))
    assert (local(new, "DTSTART"), local(new, "DTEND")) == (
        dt.datetime(2024, 5, 6, 9), dt.datetime(2024, 5, 6, 17))
    assert new.decoded("LAST-MODIFIED") == dt.datetime(2024, 5, 3, 16, tzinfo=dt.UTC)
    assert new.decoded("DTSTAMP") == new.decoded("LAST-MODIFIED")
    assert new.decoded("CREATED") == dt.datetime(2024, 5, 1, 16, tzinfo=dt.UTC)
    assert str(new["STATUS"]) == "CONFIRMED"
    # The window file keeps its name too, so the 加入日历 link is stable.
    key = uid.split("@")[0]
    assert (before / f"calendars/windows/{key}.ics").is_file()
    assert _by_uid(after / f"calendars/windows/{key}.ics")[uid]["SEQUENCE"] == 1


def test_a_later_cancellation_gives_the_same_uid_as_cancelled(before_after):
    before, after = before_after
    old = [e for e in _by_uid(before / "calendars/outages/jiangbei.ics").values()
           if "地铁产业" in str(e["LOCATION"])]
    assert len(old) == 1
    uid = str(old[0]["UID"])
    new = _by_uid(after / "calendars/outages/jiangbei.ics")[uid]
    assert str(old[0]["STATUS"]) == "CONFIRMED" and str(new["STATUS"]) == "CANCELLED"
    assert new["SEQUENCE"] > old[0]["SEQUENCE"]
    assert str(new["SUMMARY"]) == "【已取消】停电：江北区洪塘街道 地铁产业等2处"
    assert new.categories == ["停电", "江北区", "已取消"]
    assert local(new, "DTSTART") == dt.datetime(2024, 5, 7, 8, 30)  # it stays in place
    assert "本次停电已取消。" in str(new["DESCRIPTION"])


def test_every_earlier_uid_is_still_there_after_the_later_notice(before_after):
    before, after = before_after
    old = set(_by_uid(before / "calendars/outages.ics"))
    new = _by_uid(after / "calendars/outages.ics")
    assert old <= set(new), "a later notice must never replace an event by a new UID"
    added = {str(new[u]["SUMMARY"]) for u in set(new) - old}
    assert added == {"【已取消】停电：北仑区大碶街道 高塘村"}


def test_calendar_and_open_data_agree(cal_output):
    for slug in [None, *DISTRICT_SLUGS]:
        ics = cal_output / ("calendars/outages.ics" if slug is None
                            else f"calendars/outages/{slug}.ics")
        data = json.loads((cal_output / ("data/outages.json" if slug is None
                                         else f"data/outages/{slug}.json")).read_text("utf-8"))
        events = _by_uid(ics)
        assert [r["uid"] for r in data["events"]] == [str(e["UID"]) for e in
                                                     read_ics(ics).events]
        for record in data["events"]:
            event = events[record["uid"]]
            assert record["sequence"] == event["SEQUENCE"]
            assert record["status"] == str(event["STATUS"]).lower()
            assert record["summary"] == str(event["SUMMARY"])
            assert dt.datetime.fromisoformat(record["start"]) == event.decoded("DTSTART")
            assert dt.datetime.fromisoformat(record["end"]) == event.decoded("DTEND")
            assert record["url"] == str(event["URL"])


def test_open_data_document(cal_output):
    raw = (cal_output / "data/outages/yinzhou.json").read_text("utf-8")
    assert "鄞州区" in raw, "ensure_ascii=False: Chinese as it is"
    data = json.loads(raw)
    assert list(data) == ["name", "district", "timezone", "as_of", "retained_since",
                          "calendar", "count", "events"]
    assert data["district"] == {"name": "鄞州区", "slug": "yinzhou"}
    assert data["as_of"] == "2024-05-04T00:00:00+08:00"
    assert data["retained_since"] == "2023-11-04T00:00:00+08:00"
    assert data["calendar"] == "http://localhost:8000/calendars/outages/yinzhou.ics"
    assert data["count"] == len(data["events"]) == 1
    record = data["events"][0]
    assert list(record) == [
        "uid", "key", "status", "sequence", "summary", "date", "start", "end", "district",
        "town", "town_slug", "areas", "cancelled_areas", "note", "location", "url", "calendar", "created",
        "last_modified", "source", "history"]
    assert record["areas"] == ["广场1号箱变"]
    assert record["cancelled_areas"] == ["广场2号箱变"]
    assert [h["change"] for h in record["history"]] == ["published", "partly_cancelled"]
    assert record["calendar"] == f"http://localhost:8000/calendars/windows/{record['key']}.ics"


def test_retention_drops_windows_ended_before_the_newest_content_date(cal_output, tmp_path):
    everything = json.loads((cal_output / "data/outages.json").read_text("utf-8"))
    assert all(r["date"] >= "2024" for r in everything["events"])
    assert "旧村" not in (cal_output / "calendars/outages/jiangbei.ics").read_text("utf-8")
    site = copy_site("calendars", tmp_path / "site")
    kept = build_site(site, OUTAGE_CALENDAR={"retention": None})
    assert kept.code == 0, kept.err
    data = json.loads((kept.output / "data/outages.json").read_text("utf-8"))
    assert data["retained_since"] is None
    assert [r["date"] for r in data["events"]][0] == "2023-01-10"


# ---------------------------------------------------------------------------
# The matching rules, one by one, on notices made in memory

DISTRICTS = district_table({"DISTRICTS": [
    {"name": "江北区", "slug": "jiangbei", "aliases": ["江北"]},
    {"name": "鄞州区", "slug": "yinzhou"},
]})


def schedule(day: str, windows=(), cancelled=(), slug: str | None = None) -> Notice:
    fields, problems = validate_fields(Kind.OUTAGE, {
        "title": f"计划停电预告 {day}", "date": day, "source": {"name": "宁波供电公司"},
        "windows": list(windows), "cancelled": list(cancelled)}, DISTRICTS)
    assert not problems, problems
    slug = slug or f"{day}-power"
    return Notice(Kind.OUTAGE, fields, f"content/outages/{slug}.md", slug, "", "",
                  url=f"outages/{slug}.html")


def window(areas, start="08:00", end="12:00", day="2024-05-06", town="慈城镇",
           district="江北区", **extra) -> dict:
    return {"date": day, "district": district, "town": town, "areas": areas,
            "start": start, "end": end, **extra}


def history(event) -> list[tuple[str, int, str]]:
    return [(r.change.value, r.sequence, r.matched_by) for r in event.revisions]


def test_rule_identity_ignores_area_order_and_duplicates():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲", "乙"])]),
        schedule("2024-05-02", [window(["乙", "甲", "乙"])]),
    ])
    [event] = merged.events
    assert history(event) == [("published", 0, "new"), ("repeated", 0, "identity")]


def test_rule_changed_note_raises_sequence_but_time_is_not_identity():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲"])]),
        schedule("2024-05-02", [window(["甲"], note="提前送电")]),
        schedule("2024-05-03", [window(["甲"], start="13:00", end="17:00", note="提前送电")]),
    ])
    [event] = merged.events
    assert history(event) == [("published", 0, "new"), ("changed", 1, "identity"),
                              ("changed", 2, "identity")]
    assert event.last_modified.date() == dt.date(2024, 5, 3)
    assert str(event.window.start) == "13:00"


def test_rule_different_area_set_is_a_different_event():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲", "乙"])]),
        schedule("2024-05-02", [window(["甲", "乙", "丙"])]),
    ])
    assert len(merged.events) == 2


def test_rule_explicit_id_wins_over_areas():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲", "乙"], id="cut-1")]),
        schedule("2024-05-02", [window(["甲"], town="洪塘街道", id="cut-1")]),
    ])
    [event] = merged.events
    assert history(event) == [("published", 0, "new"), ("changed", 1, "identity")]
    assert event.window.town == "洪塘街道"


def test_rule_repeats_in_one_notice_match_by_time_first():
    first = schedule("2024-05-01", [window(["甲"], "14:00", "17:00"), window(["甲"])])
    merged = merge_schedules([
        first,
        # Only the afternoon window again: it is ordinal 0 in this notice, but matches the
        # earlier afternoon window by its time, not the morning one.
        schedule("2024-05-02", [window(["甲"], "14:00", "17:00")]),
    ])
    morning, afternoon = merged.events
    assert history(morning) == [("published", 0, "new")]
    assert history(afternoon) == [("published", 0, "new"), ("repeated", 0, "identity")]
    assert morning.key != afternoon.key


def test_rule_cancellation_by_identity():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲", "乙"])]),
        schedule("2024-05-02", cancelled=[window(["乙", "甲"], "09:00", "10:00")]),
    ])
    [event] = merged.events
    assert history(event) == [("published", 0, "new"), ("cancelled", 1, "identity")]
    assert event.cancelled and event.summary == "【已取消】停电：江北区慈城镇 甲等2处"


def test_rule_cancellation_by_overlap_covering_every_area():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲", "乙"])]),
        schedule("2024-05-02", cancelled=[window(["甲", "乙", "丙"])]),
    ])
    [event] = merged.events
    assert history(event) == [("published", 0, "new"), ("cancelled", 1, "overlap")]


def test_rule_cancellation_of_some_areas_keeps_the_rest():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲", "乙", "丙"])]),
        schedule("2024-05-02", cancelled=[window(["乙"])]),
    ])
    [event] = merged.events
    assert history(event) == [("published", 0, "new"), ("partly_cancelled", 1, "overlap")]
    assert not event.cancelled
    assert event.areas == ("甲", "丙") and event.cancelled_areas == ("乙",)
    assert event.summary == "停电：江北区慈城镇 甲等2处"


def test_rule_a_window_of_only_the_remaining_areas_is_the_same_event():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲", "乙"])]),
        schedule("2024-05-02", cancelled=[window(["乙"])]),
        schedule("2024-05-03", [window(["甲"])]),
    ])
    [event] = merged.events
    assert [r.change for r in event.revisions] == [
        Change.PUBLISHED, Change.PARTLY_CANCELLED, Change.REPEATED]


def test_rule_overlap_needs_same_day_district_and_town():
    for other in (dict(day="2024-05-07"), dict(town="洪塘街道"), dict(town=None),
                  dict(district="鄞州区")):
        merged = merge_schedules([
            schedule("2024-05-01", [window(["甲", "乙"])]),
            schedule("2024-05-02", cancelled=[window(["甲"], **other)]),
        ])
        scheduled, cancelled = sorted(merged.events, key=lambda e: e.cancelled)
        assert history(scheduled) == [("published", 0, "new")], other
        assert history(cancelled) == [("cancelled", 0, "new")], other


def test_rule_cancellation_with_no_earlier_window_is_an_event_of_its_own():
    merged = merge_schedules([schedule("2024-05-02", cancelled=[window(["甲"])])])
    [event] = merged.events
    assert event.cancelled and event.sequence == 0
    # The UID the window would have had: adding the original schedule later is no duplicate.
    merged = merge_schedules([schedule("2024-05-01", [window(["甲"])]),
                              schedule("2024-05-02", cancelled=[window(["甲"])])])
    assert [e.key for e in merged.events] == [event.key]


def test_rule_explicit_id_cancellation_does_not_fall_back_to_overlap():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲"])]),
        schedule("2024-05-02", cancelled=[window(["甲"], id="other")]),
    ])
    assert sorted(e.cancelled for e in merged.events) == [False, True]


def test_rule_a_window_scheduled_again_after_its_cancellation_is_reinstated():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲"])]),
        schedule("2024-05-02", cancelled=[window(["甲"])]),
        schedule("2024-05-03", [window(["甲"])]),
    ])
    [event] = merged.events
    assert history(event)[-1] == ("reinstated", 2, "identity") and not event.cancelled


def test_rule_notices_of_one_day_are_ordered_by_source_id():
    cancel = schedule("2024-05-01", cancelled=[window(["甲"])], slug="b-cancel")
    publish = schedule("2024-05-01", [window(["甲"])], slug="a-publish")
    for order in ([cancel, publish], [publish, cancel]):
        [event] = merge_schedules(order).events
        assert [r.change for r in event.revisions] == [Change.PUBLISHED, Change.CANCELLED]


def test_rule_the_entry_links_to_its_event():
    notice = schedule("2024-05-01", [window(["甲"])])
    merged = merge_schedules([notice])
    entry = WindowEntry(notice.fields.windows[0], notice, False)
    assert merged.for_entry(entry) == merged.events


def test_retention_is_measured_from_content_not_the_clock():
    merged = merge_schedules([schedule("2024-05-01", [window(["甲"], day="2024-05-06")])])
    newest = dt.datetime(2024, 6, 5, 12, tzinfo=SHANGHAI)
    assert retention_cutoff(newest, dt.timedelta(days=30)) == dt.datetime(
        2024, 5, 6, 12, tzinfo=SHANGHAI)
    # The window ends 12:00 on 5月6日: kept when the cutoff is at its end, gone a minute later.
    assert retained(merged, retention_cutoff(newest, dt.timedelta(days=30))).events
    assert not retained(merged, retention_cutoff(
        newest + dt.timedelta(minutes=1), dt.timedelta(days=30))).events
    assert retained(merged, retention_cutoff(newest, None)).events


# ---------------------------------------------------------------------------
# Tenders


def test_tender_calendar(cal_output):
    events = {str(e["UID"]): e for e in read_ics(cal_output / "calendars/tenders.ics").events}
    summaries = sorted(str(e["SUMMARY"]) for e in events.values())
    assert summaries == sorted(["报名：某小区前期物业管理服务", "报名：某改建项目", "报名截止：某改建项目"])
    by_summary = {str(e["SUMMARY"]): e for e in events.values()}
    timed = by_summary["报名：某小区前期物业管理服务"]
    assert local(timed, "DTSTART") == dt.datetime(2024, 5, 10, 9, 30)
    assert local(timed, "DTEND") == dt.datetime(2024, 5, 10, 10, 30)
    # A comma, a semicolon and a newline escaped by the library.
    assert "LOCATION:江北区某路1号，三楼\\; 会议室" in timed.to_ical().decode()
    assert "\\n联系人：钱老师 13900000000\\n" in timed.to_ical().decode().replace("\r\n ", "")
    days = by_summary["报名：某改建项目"]
    assert days.decoded("DTSTART") == dt.date(2024, 5, 6)
    assert days.decoded("DTEND") == dt.date(2024, 5, 9)  # exclusive: 5月6日—8日
    deadline = by_summary["报名截止：某改建项目"]
    assert deadline.decoded("DTSTART") == dt.date(2024, 5, 8)
    assert deadline.decoded("DTEND") == dt.date(2024, 5, 9)
    for slug, expected in [("jiangbei", {"报名：某小区前期物业管理服务"}),
                           ("haishu", {"报名：某改建项目", "报名截止：某改建项目"}),
                           ("yinzhou", {"报名：某改建项目", "报名截止：某改建项目"}),
                           ("cixi", set())]:
        got = {str(e["SUMMARY"]) for e in read_ics(
            cal_output / f"calendars/tenders/{slug}.ics").events}
        assert got == expected, slug


# ---------------------------------------------------------------------------
# Pages


def test_calendar_page_per_district_with_filters(cal_output):
    for slug in [None, *DISTRICT_SLUGS]:
        path = "calendar/index.html" if slug is None else f"calendar/{slug}/index.html"
        doc = page(cal_output, path)
        assert len(doc.cssselect("h1")) == 1
        nav = doc.cssselect('nav[aria-label="按地区筛选"]')[0]
        links = nav.cssselect("a")
        assert len(links) == 1 + len(DISTRICT_SLUGS)
        current = nav.cssselect('a[aria-current="page"]')
        assert len(current) == 1
        assert current[0].text_content().split()[0] == ("全部地区" if slug is None else
                                                        doc.cssselect("h1 .h1-sub")[0].text)
        assert doc.cssselect('nav[aria-label="主导航"] a[aria-current="page"]')[0].text == "停电日历"
        assert not doc.xpath("//script[not(@src)]"), "inline script breaks the CSP"
        assert not doc.xpath("//@style"), "style attributes break the CSP"
        # Every filter link works without JavaScript: it is a page of its own.
        for link in links:
            target = (cal_output / path).parent / link.get("href")
            assert (target / "index.html").is_file(), link.get("href")


def test_calendar_page_agenda(cal_output):
    doc = page(cal_output, "calendar/jiangbei/index.html")
    assert doc.cssselect("h1")[0].text_content() == "停电日历江北区"
    days = [s.get("data-day") for s in doc.cssselect("section.day")]
    assert days == ["2024-05-06", "2024-05-07", "2024-05-08", "2024-05-09"]
    windows = doc.cssselect("li.window")
    assert len(windows) == 5
    assert len(doc.cssselect("li.window--cancelled")) == 2
    moved = [w for w in windows if "白米湾村" in w.text_content()][0]
    assert moved.get("data-start") == "2024-05-06T09:00:00+08:00"  # for digest.js
    assert moved.cssselect("[data-status]")
    ics = moved.cssselect("a.window-ics")[0].get("href")
    assert (cal_output / "calendar/jiangbei" / ics).resolve().is_file()
    assert not any(w.cssselect("a.window-ics") for w in doc.cssselect("li.window--cancelled"))
    text = " ".join(doc.cssselect("#agenda")[0].text_content().split())
    assert text == "停电安排 共 5 处，其中已取消 2 处"


def test_calendar_page_subscribe_section(cal_output):
    doc = page(cal_output, "calendar/index.html")
    rows = doc.cssselect("table.subscriptions tbody tr")
    assert len(rows) == 1 + len(DISTRICT_SLUGS)
    jiangbei = [r for r in rows if r.cssselect("th")[0].text == "江北区"][0]
    assert jiangbei.cssselect("a.button")[0].get("href") == (
        "webcal://localhost:8000/calendars/outages/jiangbei.ics")
    field = jiangbei.cssselect("input")[0]
    assert field.get("value") == "http://localhost:8000/calendars/outages/jiangbei.ics"
    assert field.get("readonly") is not None
    assert doc.cssselect(f'label[for="{field.get("id")}"]')
    headings = [h.text_content() for h in doc.cssselect("#subscribe h3")]
    assert headings == ["iPhone 和 iPad", "安卓手机（Google 日历）", "Outlook"]
    refresh = doc.cssselect("#subscribe .notice-refresh")[0].text_content()
    assert refresh == ("部分日历应用每隔几小时才刷新一次订阅（有的长达一天），供电公司更改或取消停电后，"
                       "您的日历可能要过一段时间才会更新；请以供电公司的通告为准。")
    data = [a.get("href") for a in doc.cssselect('section[aria-labelledby="open-data"] a')]
    assert data[0] == "../data/outages.json"
    assert (cal_output / "calendar" / data[0]).resolve().is_file()


def test_schedule_page_links_each_window_to_its_calendar_file(cal_output):
    doc = page(cal_output, "outages/2024-05-02-power.html")
    scheduled = doc.xpath('//section[@aria-labelledby="scheduled"]//li[contains(@class, "window")]')
    links = {w.get("id"): w.cssselect("a.window-ics") for w in scheduled}
    assert len(links) == 8
    # Cancelled later (by identity and by overlap): no 加入日历; every other window has one.
    without = sorted(i for i, a in links.items() if not a)
    assert [i.split("-")[1:3] for i in without] == [["20240507", "jiangbei"],
                                                    ["20240508", "jiangbei"]]
    for anchor, found in links.items():
        for a in found:
            assert a.text_content().startswith("加入日历")
            assert (cal_output / "outages" / a.get("href")).resolve().is_file(), anchor
    whole = doc.cssselect(".calendar-links a")[0]
    assert whole.get("href") == "../calendars/schedules/2024-05-02-power.ics"
    assert whole.text_content() == "将本通告的停电加入日历"


def test_district_page_has_a_subscribe_block(cal_output):
    doc = page(cal_output, "districts/jiangbei/index.html")
    block = doc.cssselect("section.calendar-subscribe")[0]
    assert block.cssselect("h2")[0].text == "订阅江北区停电日历"
    assert block.cssselect("a.button")[0].get("href") == (
        "webcal://localhost:8000/calendars/outages/jiangbei.ics")
    assert block.cssselect("input#d-calendar-url")[0].get("value") == (
        "http://localhost:8000/calendars/outages/jiangbei.ics")
    assert block.cssselect('label[for="d-calendar-url"]')


def test_published_site_uses_its_own_address(tmp_path):
    site = copy_site("calendars", tmp_path / "site")
    result = build_site(site, SITEURL="https://notices.example.cn",
                        FEED_DOMAIN="https://notices.example.cn", RELATIVE_URLS=False)
    assert result.code == 0, result.err
    doc = page(result.output, "calendar/index.html")
    assert doc.cssselect("table.subscriptions a.button")[0].get("href") == (
        "webcal://notices.example.cn/calendars/outages.ics")
    uids = [str(e["UID"]) for e in read_ics(result.output / "calendars/outages.ics").events]
    assert all(u.endswith("@ningbo-notices") for u in uids), "UIDs never follow the site URL"


# ---------------------------------------------------------------------------
# Determinism and golden files


def test_two_builds_are_byte_identical(tmp_path):
    site = copy_site("calendars", tmp_path / "site")
    first = build_site(site, tmp_path / "one")
    second = build_site(site, tmp_path / "two")
    assert first.code == second.code == 0
    mine = ("calendars/", "data/outages", "calendar/", "outages/", "districts/")
    one = {p: d for p, d in tree_digest(first.output).items() if p.startswith(mine)}
    two = {p: d for p, d in tree_digest(second.output).items() if p.startswith(mine)}
    assert one == two
    assert any(p.startswith("calendars/") for p in one)


def test_rebuild_after_an_edit_matches_a_cold_build(tmp_path):
    # Incremental builds reuse calendar files whose notices did not change: an edit must
    # still reach every file that shows the edited notice.
    site = copy_site("calendars", tmp_path / "site")
    later = site / "content/outages/2024-05-04-power.md"
    later.write_text(later.read_text("utf-8").replace('start: "09:00"\n    end: "17:00"',
                                                      'start: "10:00"\n    end: "18:00"', 1),
                     "utf-8")
    first = build_site(site, tmp_path / "out")
    assert first.code == 0, first.err
    moved = events_of(first.output / "calendars/outages/jiangbei.ics")[
        "停电：江北区慈城镇 叉车蓄电池厂等3处"]
    assert local(moved, "DTSTART") == dt.datetime(2024, 5, 6, 10)
    later.write_text(later.read_text("utf-8").replace('start: "10:00"', 'start: "09:00"', 1)
                     .replace('end: "18:00"', 'end: "17:00"', 1), "utf-8")
    again = build_site(site, tmp_path / "out")
    cold = build_site(copy_site("calendars", tmp_path / "cold"), tmp_path / "cold-out")
    assert again.code == cold.code == 0, again.err + cold.err
    mine = ("calendars/", "data/outages", "calendar/")
    one = {p: d for p, d in tree_digest(again.output).items() if p.startswith(mine)}
    two = {p: d for p, d in tree_digest(cold.output).items() if p.startswith(mine)}
    assert one == two
    event = events_of(again.output / "calendars/outages/jiangbei.ics")[
        "停电：江北区慈城镇 叉车蓄电池厂等3处"]
    assert local(event, "DTSTART") == dt.datetime(2024, 5, 6, 9)


GOLDEN_FILES = [
    "calendars/outages/jiangbei.ics",
    "calendars/outages/haishu.ics",
    "calendars/tenders.ics",
    "calendars/schedules/2024-05-04-power.ics",
    "data/outages.json",
]


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_golden_calendars(cal_output, name):
    got = (cal_output / name).read_bytes()
    golden = GOLDEN / name
    if os.environ.get("REGOLD") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(got)
    assert golden.is_file(), f"{golden} is missing; run REGOLD=1 pytest -k golden"
    assert got == golden.read_bytes(), f"{name} differs; if intended, re-record with REGOLD=1"


# ---------------------------------------------------------------------------
# Settings messages


@pytest.mark.parametrize(("setting", "message"), [
    ({"refresh_interal": "PT6H"},
     'pelicanconf.py: OUTAGE_CALENDAR has unknown key "refresh_interal". Did you mean '
     '"refresh_interval"? Known keys: refresh_interval, published_ttl, retention, prodid, '
     "uid_namespace, tenders"),
    ({"refresh_interval": "6h"},
     "pelicanconf.py: OUTAGE_CALENDAR['refresh_interval'] is \"6h\"; expected an iCalendar "
     'duration such as "PT6H" (6 hours), "P1D" (1 day) or "P26W" (26 weeks)'),
    ({"retention": "P1Y"},
     "pelicanconf.py: OUTAGE_CALENDAR['retention'] is \"P1Y\"; expected an iCalendar "
     'duration such as "PT6H" (6 hours), "P1D" (1 day) or "P26W" (26 weeks)'),
    ({"published_ttl": "PT0S"},
     "pelicanconf.py: OUTAGE_CALENDAR['published_ttl'] is \"PT0S\"; expected an iCalendar "
     'duration such as "PT6H" (6 hours), "P1D" (1 day) or "P26W" (26 weeks)'),
    ({"uid_namespace": "notices.example.cn/ics"},
     "pelicanconf.py: OUTAGE_CALENDAR['uid_namespace'] is \"notices.example.cn/ics\"; expected "
     'ASCII letters, digits, dots and hyphens such as "ningbo-notices" (it goes after the "@" '
     "of every UID)"),
    ({"prodid": "-//甬城通告//ZH"},
     "pelicanconf.py: OUTAGE_CALENDAR['prodid'] is \"-//甬城通告//ZH\"; expected printable ASCII "
     'text such as "-//Ningbo Notices//Outage Calendar 1.0//ZH"'),
])
def test_setting_messages(tmp_path, setting, message):
    site = copy_site("calendars", tmp_path / "site")
    result = build_site(site, OUTAGE_CALENDAR=setting)
    assert result.code == 2
    assert result.err.splitlines() == [message, "1 problem in 1 file; nothing was published"]
    assert "Traceback" not in result.err


def test_demo_settings_enable_the_plugin():
    from notices.build.driver import load_settings

    settings = load_settings(str(ROOT / "pelicanconf.py"))
    assert "outage_calendar" in settings["PLUGINS"]
    assert set(settings["OUTAGE_CALENDAR"]) <= {
        "refresh_interval", "published_ttl", "retention", "prodid", "uid_namespace", "tenders"}


# ---------------------------------------------------------------------------
# The demo site (content/), built once per session by conftest.demo_output

JIANGBEI_DEMO = [
    # (start, end, first area)
    ("2019-09-23 08:00", "2019-09-23 16:00", "白米湾村"),
    ("2019-09-24 08:00", "2019-09-24 13:00", "老街"),
    ("2019-09-24 08:30", "2019-09-24 11:00", "古巷社区"),
    ("2019-09-24 10:00", "2019-09-24 13:00", "章伊村"),
    ("2019-09-25 08:00", "2019-09-25 15:50", "西卫桥韩家"),
    ("2019-09-25 08:00", "2019-09-25 16:00", "朱家沿村"),
    ("2019-09-26 08:00", "2019-09-26 15:50", "袁陈村"),
    ("2019-09-26 08:00", "2019-09-26 16:00", "郭塘香村"),
    ("2019-09-27 08:00", "2019-09-27 13:00", "83351部队"),
    ("2019-09-27 08:00", "2019-09-27 16:00", "四车头村"),
]


def test_demo_jiangbei_calendar(demo_output):
    path = demo_output / "calendars/outages/jiangbei.ics"
    events = read_ics(path).events
    scheduled = [e for e in events if str(e["STATUS"]) == "CONFIRMED"]
    cancelled = [e for e in events if str(e["STATUS"]) == "CANCELLED"]
    got = sorted((f"{local(e, 'DTSTART'):%Y-%m-%d %H:%M}", f"{local(e, 'DTEND'):%Y-%m-%d %H:%M}",
                  str(e["LOCATION"]).split(" ", 1)[1].split("、")[0]) for e in scheduled)
    assert got == sorted(JIANGBEI_DEMO)
    assert all(e["DTSTART"].params["TZID"] == "Asia/Shanghai" for e in events)
    [gone] = cancelled
    assert (local(gone, "DTSTART"), local(gone, "DTEND")) == (
        dt.datetime(2019, 9, 17, 8, 30), dt.datetime(2019, 9, 17, 16, 30))
    assert str(gone["SUMMARY"]) == "【已取消】停电：江北区洪塘街道 地铁产业等4处"
    # The second parser reads the same.
    cal = next(vobject.readComponents(path.read_bytes().decode("utf-8")))
    starts = sorted(e.dtstart.value.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
                    for e in cal.vevent_list if e.status.value == "CONFIRMED")
    assert starts == sorted(s for s, _, _ in JIANGBEI_DEMO)


def test_demo_calendars_parse(demo_output):
    for path in ics_files(demo_output):
        icalendar.Calendar.from_ical(path.read_bytes())
        list(vobject.readComponents(path.read_bytes().decode("utf-8")))
        for line in path.read_bytes().split(b"\r\n"):
            assert len(line) <= 75
            line.decode("utf-8")



def test_district_page_lists_recent_windows_and_points_to_older_ones(cal_output):
    # DIGEST_PAGES.district_window_days (60): windows from 60 days before the newest item
    # (2024-05-04) on; the 2023 schedule's window is counted, not listed.
    doc = page(cal_output, "districts/jiangbei/index.html")
    section = doc.cssselect("section[aria-labelledby=d-outages]")[0]
    text = section.text_content()
    assert "旧村" not in text
    assert "慈城镇" in text
    assert "列出2024年3月5日以来的停电；更早的 1 处见各停电预告页（归档）。" in " ".join(
        text.split())
    assert section.cssselect('a[href="../../archives/"]')


def test_a_schedule_page_asks_the_calendars_only_about_its_own_windows(tmp_path, monkeypatch):
    # OutageCalendars.page_fingerprint keys a notice's page by that notice's calendar files
    # alone; a template that asked outage_calendar anything else from a notice's page would
    # be reused stale. Record what each page asks while it renders.
    import importlib

    from notices.build import writer

    monkeypatch.syspath_prepend(str(ROOT / "plugins"))  # the module Pelican loads as well
    calendars = importlib.import_module("outage_calendar.outage_calendar").OutageCalendars
    asked: dict[str, list] = {}
    page, depth = [None], [0]
    render = writer._render_jobs

    def render_recording(jobs, claim=None):  # (a small site: every page is rendered here)
        for job in (jobs if claim is None else writer._claimed(jobs, claim)):
            # (a path in the staging folder, .build-out-…/<page>)
            page[0] = job[0].split(os.sep + ".build-", 1)[1].split(os.sep, 1)[1]
            render([job])

    monkeypatch.setattr(writer, "_render_jobs", render_recording)
    for name in ("schedule_file", "window_file", "events_in", "days", "count", "outages",
                 "tenders", "data_file", "page", "event_ics", "event_file", "absolute", "uid"):
        method = calendars.__dict__[name]
        static = isinstance(method, staticmethod)
        function = method.__func__ if static else method

        def recording(*args, _name=name, _method=function, _static=static):
            if not depth[0]:  # what the template asks, not the calls those make
                asked.setdefault(page[0], []).append((_name, args if _static else args[1:]))
            depth[0] += 1
            try:
                return _method(*args)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(calendars, name, staticmethod(recording) if static else recording)
    site = copy_site("calendars", tmp_path / "site")

    assert build_site(site, tmp_path / "out", CACHE_PATH=str(tmp_path / "cache")).code == 0

    schedule_pages = [p for p in asked if p and p.startswith("outages/")
                      and p != "outages/index.html"]
    assert len(schedule_pages) == 3
    assert asked["calendar/index.html"]  # the recording works
    for path in schedule_pages:
        slug = path.removeprefix("outages/").removesuffix(".html")
        for name, args in asked[path]:
            assert name in ("schedule_file", "window_file"), (path, name)
            notice = args[0] if name == "schedule_file" else args[0].notice
            assert notice.slug == slug, (path, name)


# Issue 19, class 6: identity.

def test_rule_a_window_with_an_id_moved_to_another_day_or_district_is_a_change():
    """RFC 5545 (3.8.7.4): a new DTSTART is a change, so SEQUENCE goes up."""
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲"], id="cicheng-1")]),
        schedule("2024-05-02", [window(["甲"], day="2024-05-07", id="cicheng-1")]),
        schedule("2024-05-03", [window(["甲"], day="2024-05-07", district="鄞州区",
                                       id="cicheng-1")]),
    ])
    [event] = merged.events
    assert history(event) == [("published", 0, "new"), ("changed", 1, "identity"),
                              ("changed", 2, "identity")]
    assert event.window.date == dt.date(2024, 5, 7)
    assert event.window.district.slug == "yinzhou"


def test_rule_identities_are_compared_after_unicode_normalisation():
    """A 取消 entry typed in NFD cancels the window published in NFC."""
    nfc, nfd = "Café小区", "Cafe\u0301小区"
    merged = merge_schedules([
        schedule("2024-05-01", [window([nfc], town="慈城镇")]),
        schedule("2024-05-02", cancelled=[window([nfd], town="慈城镇")]),
    ])
    [event] = merged.events
    assert event.status == "CANCELLED"
    assert history(event) == [("published", 0, "new"), ("cancelled", 1, "identity")]


# ---------------------------------------------------------------------------
# A whole-day outage: both times left out


WHOLE_DAY = """---
title: 计划停电预告（5月7日）
date: 2024-05-03
source:
  name: 宁波供电公司
windows:
  - date: 2024-05-07
    district: 江北区
    town: 慈城镇
    areas: [全天村, 红湾排涝站]
---
"""


def test_a_window_without_times_is_a_whole_day_everywhere(tmp_path):
    site = copy_site("calendars", tmp_path / "site")
    (site / "content/outages/2024-05-03-whole-day.md").write_text(WHOLE_DAY, encoding="utf-8")
    built = build_site(site)
    assert built.code == 0, built.err
    path = built.output / "calendars/schedules/2024-05-03-whole-day.ics"
    [event] = read_ics(path).events
    assert "DTSTART;VALUE=DATE:20240507" in event.to_ical().decode()
    assert event.decoded("DTSTART") == dt.date(2024, 5, 7)
    assert event.decoded("DTEND") == dt.date(2024, 5, 8)  # the day after, not inclusive
    assert "停电时间：2024年5月7日 全天" in str(event["DESCRIPTION"])
    [other] = vobject.readComponents(path.read_text("utf-8"))
    assert other.vevent.dtstart.value == dt.date(2024, 5, 7)
    assert other.vevent.dtend.value == dt.date(2024, 5, 8)
    # The district calendar carries the same all-day event.
    district = events_of(built.output / "calendars/outages/jiangbei.ics")
    assert [e.decoded("DTSTART") for s, e in district.items() if "全天村" in s] == [
        dt.date(2024, 5, 7)]
    # The page says 全天 with the date as its machine-readable time.
    doc = page(built.output, "outages/2024-05-03-whole-day.html")
    [when] = doc.xpath('//li[contains(@class, "window")]//span[@class="window-time"]/time')
    assert (when.text, when.get("datetime")) == ("全天", "2024-05-07")
    # Open data gives the day as midnight to midnight, as for any window.
    data = json.loads((built.output / "data/outages.json").read_text("utf-8"))
    [record] = [r for r in data["events"] if "全天村" in r["areas"]]
    assert (record["start"], record["end"]) == ("2024-05-07T00:00:00+08:00",
                                                "2024-05-08T00:00:00+08:00")


def test_a_whole_day_window_is_cancelled_by_a_whole_day_entry():
    merged = merge_schedules([
        schedule("2024-05-01", [window(["甲", "乙"], None, None)]),
        schedule("2024-05-02", cancelled=[window(["乙", "甲"], None, None)]),
    ])
    [event] = merged.events
    assert history(event) == [("published", 0, "new"), ("cancelled", 1, "identity")]
    assert event.window.whole_day and event.time_text == "2024年5月6日 全天"


# ---------------------------------------------------------------------------
# The live-reload server's merge: resumed from the state before the newest schedules


def merge_state(merged) -> list:
    """Everything merging decides, events in order and which entry touched which."""
    events = [(e.key, e.status, e.cancelled_areas, sorted(e.aliases), e.window.areas,
               e.window.start, [(r.entry.notice.source_id, r.entry.anchor, r.change.value,
                                 r.sequence, r.matched_by) for r in e.revisions])
              for e in merged.events]
    entries = sorted((k, [e.key for e in v]) for k, v in merged.by_entry.items())
    return [events, entries]


def test_a_resumed_merge_equals_a_merge_from_scratch(monkeypatch):
    monkeypatch.setattr(MergeCheckpoint, "TAIL", 2)
    old = [schedule(f"2024-05-0{n}", [window(["甲", "乙"]), window(["丙"], "13:00", "15:00")],
                    slug=f"s{n}") for n in range(1, 5)]
    # Tails that change events first published before the kept state: a partial 取消, the
    # same window twice (a second event under a kept identity and place), a 取消 matched
    # by place, an edit of the same schedule, a reinstatement, a new schedule, one
    # schedule removed.
    tails = [
        [schedule("2024-05-05", cancelled=[window(["乙"])], slug="s5"),
         schedule("2024-05-06", [window(["丙"], "13:00", "16:00")] * 2, slug="s6")],
        [schedule("2024-05-05", cancelled=[window(["甲", "丁"])], slug="s5"),
         schedule("2024-05-06", [window(["丙"], "13:00", "16:00")], slug="s6")],
        [schedule("2024-05-05", cancelled=[window(["甲", "乙"])], slug="s5"),
         schedule("2024-05-06", [window(["甲", "乙"])], slug="s6"),
         schedule("2024-05-07", cancelled=[window(["丙"], "13:00", "15:00")], slug="s7")],
        [schedule("2024-05-05", cancelled=[window(["乙"])], slug="s5")],
    ]
    checkpoint = MergeCheckpoint()
    resumed = []
    for tail in [*tails, *tails]:
        schedules = old + tail
        merged = merge_schedules(schedules, checkpoint)
        assert merge_state(merged) == merge_state(merge_schedules(schedules))
        resumed.append(checkpoint.resumed)
    # From scratch first; then from the 4 old schedules (a state 2 before the end); the
    # third tail adds one, so the state moves to 5; the fourth tail's 2024-05-05 is
    # another notice than the one kept: from scratch, keeping 3; then 3, 4, 4 again.
    assert resumed == [0, 4, 4, 0, 3, 4, 4, 0]


def test_a_merge_starts_again_when_a_kept_schedule_changed(monkeypatch):
    monkeypatch.setattr(MergeCheckpoint, "TAIL", 1)
    first = [schedule("2024-05-01", [window(["甲"])], slug="s1"),
             schedule("2024-05-02", [window(["甲"])], slug="s2"),
             schedule("2024-05-03", [window(["乙"])], slug="s3")]
    checkpoint = MergeCheckpoint()
    merge_schedules(first, checkpoint)
    edited = [schedule("2024-05-01", [window(["甲"], "09:00")], slug="s1"), *first[1:]]
    merged = merge_schedules(edited, checkpoint)
    assert checkpoint.resumed == 0
    assert merge_state(merged) == merge_state(merge_schedules(edited))
    assert history(merged.events[0]) == [("published", 0, "new"), ("changed", 1, "identity")]


def test_open_data_files_are_exactly_what_json_dumps_writes(cal_output):
    # The "events" list is joined from records serialised one by one (kept in the build
    # cache): the file must be the bytes json.dumps(indent=2) gives for the whole document.
    files = sorted((cal_output / "data").rglob("outages*.json"))
    files += sorted((cal_output / "data" / "outages").rglob("*.json"))
    counts = set()
    for path in files:
        text = path.read_text("utf-8")
        document = json.loads(text)
        counts.add(min(len(document["events"]), 2))
        assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n", path
    assert counts == {0, 1, 2}, "files with no event, one, and several are checked"


class _CountedList(list):
    """A list that counts the loops over it."""

    loops = 0

    def __iter__(self):
        type(self).loops += 1
        return super().__iter__()


def test_a_schedule_s_events_are_found_in_one_pass_over_the_events(monkeypatch):
    # The events each schedule mentions, in time order (their current state): the same as
    # filtering every event by the keys of the schedule's entries, but found in one pass
    # over the events, not one per schedule (quadratic: 0.15 s a merge at 5,000 items).
    schedules = [
        schedule("2024-05-01", [window(["甲", "乙"]), window(["丙"], "13:00", "15:00")],
                 slug="s1"),
        schedule("2024-05-02", [window(["丙"], "13:00", "16:00"), window(["丁"], "07:00")],
                 slug="s2"),
        schedule("2024-05-03", cancelled=[window(["乙", "丙"])], slug="s3"),
        schedule("2024-05-04", [window(["戊"], day="2024-05-05"), window(["甲"])], slug="s4"),
    ]
    merged = merge_schedules(schedules)
    for events in (merged, retained(merged, dt.datetime(2024, 5, 6, 10, tzinfo=SHANGHAI))):
        wanted = {}
        for (source, _), touched in events.by_entry.items():
            wanted.setdefault(source, set()).update(e.key for e in touched)
        expected = {s: [e.key for e in events.events if e.key in keys]
                    for s, keys in wanted.items()}
        monkeypatch.setattr(_CountedList, "loops", 0)
        events.events = _CountedList(events.events)
        found = {s.source_id: [e.key for e in events.of_notice(s)] for s in schedules}
        assert found == {s.source_id: expected.get(s.source_id, []) for s in schedules}
        assert _CountedList.loops == 1
    assert [len(v) for v in found.values()] == [2, 2, 2, 1]  # s4's 戊 (5 May) ended before


def test_a_window_s_start_and_end_are_made_once():
    # Sorting the windows and the events and the retention cut read them for every window
    # in every build: each is made once per window, and is the moment the fields say.
    notice = schedule("2024-05-01", [window(["甲"], "23:00", "次日01:30"),
                                     window(["乙"], None, None)])
    late, whole = (w for w, _ in notice.fields.all_windows)
    assert late.start_at is late.start_at and late.end_at is late.end_at
    assert (late.start_at, late.end_at) == (dt.datetime(2024, 5, 6, 23, tzinfo=SHANGHAI),
                                            dt.datetime(2024, 5, 7, 1, 30, tzinfo=SHANGHAI))
    assert (whole.start_at, whole.end_at) == (dt.datetime(2024, 5, 6, tzinfo=SHANGHAI),
                                              dt.datetime(2024, 5, 7, tzinfo=SHANGHAI))
    cut = late.with_areas(["甲"])
    assert (cut.start_at, cut.end_at) == (late.start_at, late.end_at)


def test_a_resumed_merge_copies_only_the_events_it_changes(monkeypatch):
    # Resuming copied every event of the kept state (0.07 s at 5,000 items): now the
    # merges share the events the newest schedules leave alone, and an event a tail
    # changes is copied first, so the kept state stays as it was for the next build.
    monkeypatch.setattr(MergeCheckpoint, "TAIL", 1)
    old = [schedule(f"2024-05-0{n}", [window([f"村{n}"]), window(["甲", "乙"], "13:00", "15:00")],
                    slug=f"s{n}") for n in range(1, 4)]
    checkpoint = MergeCheckpoint()
    merge_schedules([*old, schedule("2024-05-04", [window(["丙"])], slug="s4")], checkpoint)
    kept = merge_state(checkpoint.saved.result())
    tails = [schedule("2024-05-04", cancelled=[window(["乙"], "13:00", "15:00")], slug="s4"),
             schedule("2024-05-04", [window(["甲", "乙"], "13:00", "16:00")], slug="s4")]
    merged = []
    for tail in tails:
        merged.append(merge_schedules([*old, tail], checkpoint))
        assert checkpoint.resumed == 3
        assert merge_state(merged[-1]) == merge_state(merge_schedules([*old, tail]))
        assert merge_state(checkpoint.saved.result()) == kept
    first, second = ({e.key: e for e in m.events} for m in merged)
    shared = [key for key in first if first[key] is second.get(key)]
    changed = {e.key for e in first.values() if e.window.areas == ["甲"]}  # (partly cancelled)
    assert len(shared) == 3 and changed and not changed & set(shared)
    for m in merged:  # every entry names its event as it is now
        assert all(e is {x.key: x for x in m.events}[e.key]
                   for events in m.by_entry.values() for e in events)
