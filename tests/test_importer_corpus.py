"""Issue 13: the importer on real notices (tests/importer/real), the score, nothing lost,
bad input, and output that reads right."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notices.importer import load_districts, main, parse_outage_notice, places
from notices.importer.assembler import parse_notice_text
from notices.importer.cli import _unclean as places_unclean
from notices.importer.cli import unaccounted_lines
from notices.importer.layouts import detect_layout, read_general, split_areas
from notices.importer.score import _clock, reference_date, run, score_corpus, summary_line, totals
from notices.importer.spans import is_place as places_ok
from notices.importer.spans import trim_lead

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "importer" / "real"
SEED = ROOT / "tests" / "importer" / "seed-outages.txt"
DISTRICTS, _ = load_districts()
# Every notice, the 19 held out on 2026-12-04 included (now tuning data; see SOURCES.md).
NOTICES = sorted(CORPUS.glob("*.txt"))
# The sealed half of the third held-out round: scored, never tuned on, no floor (its SOURCES.md).
HELDOUT = ROOT / "tests" / "importer" / "heldout"
# The fourth held-out round (one publisher's JSON records): scored once, no floor (its SOURCES.md).
HELDOUT4 = ROOT / "tests" / "importer" / "heldout4"
# The fifth held-out round (six publishers, 2026-12-05): scored once, no floor (its SOURCES.md).
HELDOUT5 = ROOT / "tests" / "importer" / "heldout5"
# The sixth (Taipower open-data rows and four stories, 2026-12-05): scored once, no floor.
HELDOUT6 = ROOT / "tests" / "importer" / "heldout6"
# The seventh (overseas Chinese press, two Taiwan campuses, 2026-12-06): scored once, no floor.
HELDOUT7 = ROOT / "tests" / "importer" / "heldout7"
# The eighth (water-plant stories, a street-light list, Yangon relays, 2026-12-06): scored once.
HELDOUT8 = ROOT / "tests" / "importer" / "heldout8"
# The ninth (campus tables, water-plant stories, PSPS, a Ningbo rationing notice): scored once.
HELDOUT9 = ROOT / "tests" / "importer" / "heldout9"
# The tenth (16 Taipower open-data listings of 8 offices, 2026-12-06): scored once, no floor.
HELDOUT10 = ROOT / "tests" / "importer" / "heldout10"
# Synthetic notices in Ningbo's own layouts, written by a helper who never saw the importer.
PROBES = ROOT / "tests" / "importer" / "probes-ningbo"
PROBES2 = ROOT / "tests" / "importer" / "probes-ningbo-2"  # (a second such set, another writer)
PROBES3 = ROOT / "tests" / "importer" / "probes-ningbo-3"  # (a third, another writer again)
PROBES4 = ROOT / "tests" / "importer" / "probes-ningbo-4"  # (a fourth)
PROBES5 = ROOT / "tests" / "importer" / "probes-ningbo-5"  # (a fifth, in an editor's mix)
PROBES6 = ROOT / "tests" / "importer" / "probes-ningbo-6"  # (a sixth, tuned on in stop 36)
PROBES7 = ROOT / "tests" / "importer" / "probes-ningbo-7"  # (a seventh: the column, tuned on)
PROBES8 = ROOT / "tests" / "importer" / "probes-ningbo-8"  # (an eighth: district level)
PROBES9 = ROOT / "tests" / "importer" / "probes-ningbo-9"  # (a ninth: an editor's month)
PROBES10 = ROOT / "tests" / "importer" / "probes-ningbo-10"  # (a tenth: another month)
PROBES11 = ROOT / "tests" / "importer" / "probes-ningbo-11"  # (outer districts and counties)
PROBES12 = ROOT / "tests" / "importer" / "probes-ningbo-12"  # (the core districts)
PROBES13 = ROOT / "tests" / "importer" / "probes-ningbo-13"  # (a winter month)
PROBES14 = ROOT / "tests" / "importer" / "probes-ningbo-14"  # (April, the outer districts)
PROBES15 = ROOT / "tests" / "importer" / "probes-ningbo-15"  # (July, a typhoon's changes)
PROBES16 = ROOT / "tests" / "importer" / "probes-ningbo-16"  # (October, apps and PDFs)
PROBES17 = ROOT / "tests" / "importer" / "probes-ningbo-17"  # (December, residents' notices)
PROBES18 = ROOT / "tests" / "importer" / "probes-ningbo-18"  # (February, work resuming)
PROBES19 = ROOT / "tests" / "importer" / "probes-ningbo-19"  # (September, forwarded notices)
PROBES20 = ROOT / "tests" / "importer" / "probes-ningbo-20"  # (an ordinary May)
PROBES21 = ROOT / "tests" / "importer" / "probes-ningbo-21"  # (an ordinary November)
PROBES22 = ROOT / "tests" / "importer" / "probes-ningbo-22"  # (June, the plum-rain season)
PROBES23 = ROOT / "tests" / "importer" / "probes-ningbo-23"  # (January, before the Spring Festival)
PROBES24 = ROOT / "tests" / "importer" / "probes-ningbo-24"  # (March, spring maintenance)
PROBES25 = ROOT / "tests" / "importer" / "probes-ningbo-25"  # (August, a typhoon)
PROBES26 = ROOT / "tests" / "importer" / "probes-ningbo-26"  # (July, a heat wave)
PROBES27 = ROOT / "tests" / "importer" / "probes-ningbo-27"  # (November 2028)
PROBES28 = ROOT / "tests" / "importer" / "probes-ningbo-28"  # (April 2028; not tuned on)
PROBES29 = ROOT / "tests" / "importer" / "probes-ningbo-29"  # (September 2028)
PROBES30 = ROOT / "tests" / "importer" / "probes-ningbo-30"  # (December 2028)
PROBES31 = ROOT / "tests" / "importer" / "probes-ningbo-31"  # (February 2029, Spring Festival)
PROBES32 = ROOT / "tests" / "importer" / "probes-ningbo-32"  # (October 2028)
PROBES33 = ROOT / "tests" / "importer" / "probes-ningbo-33"  # (May 2029)
PROBES34 = ROOT / "tests" / "importer" / "probes-ningbo-34"  # (January 2029)
PROBES35 = ROOT / "tests" / "importer" / "probes-ningbo-35"  # (August 2028, a typhoon)
PROBES36 = ROOT / "tests" / "importer" / "probes-ningbo-36"  # (March 2029)
PROBES37 = ROOT / "tests" / "importer" / "probes-ningbo-37"  # (July 2029)
PROBES38 = ROOT / "tests" / "importer" / "probes-ningbo-38"  # (April 2029; not tuned on)
PROBES39 = ROOT / "tests" / "importer" / "probes-ningbo-39"  # (September 2029; not tuned on)
PROBES40 = ROOT / "tests" / "importer" / "probes-ningbo-40"  # (November 2029; scored once, then tuned on)
PROBES41 = ROOT / "tests" / "importer" / "probes-ningbo-41"  # (June 2029; scored once, then tuned on)
PROBES42 = ROOT / "tests" / "importer" / "probes-ningbo-42"  # (February 2030; scored once, then tuned on)
PROBES43 = ROOT / "tests" / "importer" / "probes-ningbo-43"  # (August 2030; scored once, then tuned on)
PROBES44 = ROOT / "tests" / "importer" / "probes-ningbo-44"  # (May 2030; scored once, then tuned on)
PROBES45 = ROOT / "tests" / "importer" / "probes-ningbo-45"  # (December 2030; scored once, then tuned on)
PROBES46 = ROOT / "tests" / "importer" / "probes-ningbo-46"  # (October 2030; scored once, then tuned on)
PROBES47 = ROOT / "tests" / "importer" / "probes-ningbo-47"  # (March 2030; scored once, then tuned on)
PROBES48 = ROOT / "tests" / "importer" / "probes-ningbo-48"  # (June 2030; scored once, then tuned on)
PROBES49 = ROOT / "tests" / "importer" / "probes-ningbo-49"  # (November 2030; scored once, then tuned on)
PROBES50 = ROOT / "tests" / "importer" / "probes-ningbo-50"  # (April 2030; not tuned on)
PROBES51 = ROOT / "tests" / "importer" / "probes-ningbo-51"  # (September 2030; not tuned on)
PROBES52 = ROOT / "tests" / "importer" / "probes-ningbo-52"  # (July 2030; not tuned on)
PROBES53 = ROOT / "tests" / "importer" / "probes-ningbo-53"  # (January 2030; not tuned on)
PROBES54 = ROOT / "tests" / "importer" / "probes-ningbo-54"  # (March 2031; scored once, then tuned on)
PROBES55 = ROOT / "tests" / "importer" / "probes-ningbo-55"  # (September 2031; scored once, then tuned on)
PROBES56 = ROOT / "tests" / "importer" / "probes-ningbo-56"  # (May 2031; scored once, then tuned on)
PROBES57 = ROOT / "tests" / "importer" / "probes-ningbo-57"  # (November 2031; scored once, then tuned on)
PROBES58 = ROOT / "tests" / "importer" / "probes-ningbo-58"  # (June 2031; not tuned on)
PROBES59 = ROOT / "tests" / "importer" / "probes-ningbo-59"  # (December 2031; not tuned on)
PROBES60 = ROOT / "tests" / "importer" / "probes-ningbo-60"  # (January 2032; scored once, then tuned on)
PROBES61 = ROOT / "tests" / "importer" / "probes-ningbo-61"  # (July 2032; scored once, then tuned on)
PROBES62 = ROOT / "tests" / "importer" / "probes-ningbo-62"  # (April 2032; not tuned on)
PROBES63 = ROOT / "tests" / "importer" / "probes-ningbo-63"  # (October 2032; not tuned on)
PROBES64 = ROOT / "tests" / "importer" / "probes-ningbo-64"  # (August 2032; not tuned on)
PROBES65 = ROOT / "tests" / "importer" / "probes-ningbo-65"  # (February 2032; not tuned on)
PROBES66 = ROOT / "tests" / "importer" / "probes-ningbo-66"  # (March 2033; not tuned on)
PROBES67 = ROOT / "tests" / "importer" / "probes-ningbo-67"  # (November 2032; not tuned on)
PROBES68 = ROOT / "tests" / "importer" / "probes-ningbo-68"  # (January 2033; held out, stop 44)
PROBES69 = ROOT / "tests" / "importer" / "probes-ningbo-69"  # (April 2033; held out, stop 44)
PROBES70 = ROOT / "tests" / "importer" / "probes-ningbo-70"  # (July 2033; held out, stop 44)
PROBES71 = ROOT / "tests" / "importer" / "probes-ningbo-71"  # (October 2033; held out, stop 44)
PROBES72 = ROOT / "tests" / "importer" / "probes-ningbo-72"  # (August 2033; held out, stop 45)
PROBES73 = ROOT / "tests" / "importer" / "probes-ningbo-73"  # (December 2033; held out, stop 45)
PROBES74 = ROOT / "tests" / "importer" / "probes-ningbo-74"  # (February 2034; held out, stop 45)
PROBES75 = ROOT / "tests" / "importer" / "probes-ningbo-75"  # (May 2034; held out, stop 45)
PROBES76 = ROOT / "tests" / "importer" / "probes-ningbo-76"  # (June 2034; held out, stop 45)
PROBES77 = ROOT / "tests" / "importer" / "probes-ningbo-77"  # (September 2034; held out, stop 45)
PROBES78 = ROOT / "tests" / "importer" / "probes-ningbo-78"  # (March 2034; held out, stop 45, scored stop 46)
PROBES79 = ROOT / "tests" / "importer" / "probes-ningbo-79"  # (July 2034; held out, stop 45, scored stop 46)
PROBES80 = ROOT / "tests" / "importer" / "probes-ningbo-80"  # (October 2034; held out, stop 45, scored stop 46)
PROBES81 = ROOT / "tests" / "importer" / "probes-ningbo-81"  # (November 2034; held out, stop 45, scored stop 46)
PROBES82 = ROOT / "tests" / "importer" / "probes-ningbo-82"  # (January 2034; held out, stop 46)
PROBES83 = ROOT / "tests" / "importer" / "probes-ningbo-83"  # (April 2034; held out, stop 46)
PROBES84 = ROOT / "tests" / "importer" / "probes-ningbo-84"  # (August 2034; held out, stop 46)
PROBES85 = ROOT / "tests" / "importer" / "probes-ningbo-85"  # (December 2034; held out, stop 46)
PROBES86 = ROOT / "tests" / "importer" / "probes-ningbo-86"  # (February 2035; held out, scored at stop 47's start)
PROBES87 = ROOT / "tests" / "importer" / "probes-ningbo-87"  # (May 2035; held out, scored at stop 47's start)
PROBES88 = ROOT / "tests" / "importer" / "probes-ningbo-88"  # (September 2035; held out, scored at stop 47's start)
PROBES89 = ROOT / "tests" / "importer" / "probes-ningbo-89"  # (November 2035; held out, scored at stop 47's start)
PROBES90 = ROOT / "tests" / "importer" / "probes-ningbo-90"  # (March 2035; held out through stop 47)
PROBES91 = ROOT / "tests" / "importer" / "probes-ningbo-91"  # (June 2035; held out through stop 47)
PROBES92 = ROOT / "tests" / "importer" / "probes-ningbo-92"  # (August 2035; held out through stop 47)
PROBES93 = ROOT / "tests" / "importer" / "probes-ningbo-93"  # (December 2035; held out through stop 47)
PROBES94 = ROOT / "tests" / "importer" / "probes-ningbo-94"  # (January 2035; held out, scored at the start of stop 48)
PROBES95 = ROOT / "tests" / "importer" / "probes-ningbo-95"  # (April 2035; held out, scored at the start of stop 48)
PROBES96 = ROOT / "tests" / "importer" / "probes-ningbo-96"  # (July 2035; held out, scored at the start of stop 48)
PROBES97 = ROOT / "tests" / "importer" / "probes-ningbo-97"  # (October 2035; held out, scored at the start of stop 48)
PROBES98 = ROOT / "tests" / "importer" / "probes-ningbo-98"  # (February 2036; held out through stop 48)
PROBES99 = ROOT / "tests" / "importer" / "probes-ningbo-99"  # (May 2036; held out through stop 48)
PROBES100 = ROOT / "tests" / "importer" / "probes-ningbo-100"  # (August 2036; held out through stop 48)
PROBES101 = ROOT / "tests" / "importer" / "probes-ningbo-101"  # (November 2036; held out through stop 48)
EVERY_NOTICE = (NOTICES + sorted(HELDOUT.glob("*.txt")) + sorted(HELDOUT4.glob("*.txt"))
                + sorted(HELDOUT5.glob("*.txt")) + sorted(HELDOUT6.glob("*.txt"))
                + sorted(HELDOUT7.glob("*.txt")) + sorted(HELDOUT8.glob("*.txt"))
                + sorted(HELDOUT9.glob("*.txt")) + sorted(HELDOUT10.glob("*.txt")))


def _notice(name: str) -> tuple[str, dt.date]:
    txt = CORPUS / f"{name}.txt"
    meta = yaml.safe_load(txt.with_suffix(".yaml").read_text(encoding="utf-8"))
    text = txt.read_text(encoding="utf-8")
    return text, reference_date(meta, text)


def _rows(windows):
    return [(w["date"].isoformat(), w.get("start"), w.get("end"), w.get("district"), w["areas"])
            for w in windows]


# --- the score -----------------------------------------------------------------------------

def test_the_corpus_scores_at_least_the_floor():
    scores = score_corpus(CORPUS, DISTRICTS)
    exact, expected, cancel_exact, cancel_expected, unaccounted = totals(scores)
    assert len(scores) == len(NOTICES) >= 78
    # 103/138 when the 19 held-out notices joined the corpus, 134/140 with two more, after the classes
    # were generalised (docs/importer.md); 134/197 (68.0%) when the tuning half of the third
    # held-out round joined (SOURCES.md), 179/197 after its classes, 189/197 (95.9%) with
    # named blackouts, shared district names and customer kinds. Rounded down.
    assert exact / expected >= 0.95, summary_line(*totals(scores))
    assert cancel_exact == cancel_expected
    assert unaccounted == 0
    # Windows written wrong with exit 0: 13 before the place-span check, 1 after it (a
    # load-shifting notice's window on another day; docs/importer.md, "place spans").
    assert sum(s.silent for s in scores) <= 1


def test_score_prints_per_notice_and_total_lines(tmp_path):
    (tmp_path / "a.txt").write_text("停电时间：2024年3月5日8:00至12:00\n停电范围：食堂、图书馆\n",
                                    encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "published: 2024-03-01\nwindows:\n- {date: 2024-03-05, start: '08:00', end: '12:00', "
        "district: null, areas: [食堂, 图书馆]}\n- {date: 2024-03-06, start: '08:00', "
        "end: '12:00', district: null, areas: [食堂]}\ncancelled: []\n", encoding="utf-8")
    out = io.StringIO()
    assert run(tmp_path, out=out) == 0
    assert out.getvalue().splitlines()[:3] == [
        "a: importer: 1/2 windows exact (50.0%), 0/0 cancellations, 0 fragments unaccounted",
        "importer: 1/2 windows exact (50.0%), 0/0 cancellations, 0 fragments unaccounted",
        "importer fields: date 1/2, start+end 1/2, district 0/0, town 0/0, areas 1/2, 0 windows invented",
    ]


def test_fields_line_tells_which_field_was_missed_and_counts_invented_windows(tmp_path):
    """A window with the right date and times but another area list is right on date and
    start+end only; a window that shares neither date nor area with any expectation is
    invented; a district named by the expectation is counted over those windows only."""
    (tmp_path / "b.txt").write_text(
        "停电时间：2023年7月2日9:00至11:00\n停电范围：泳池、操场\n"
        "停电时间：2023年7月9日13:00至15:00\n停电范围：车库\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "published: 2023-06-30\nwindows:\n- {date: 2023-07-02, start: '09:00', end: '11:00', "
        "district: 鄞州区, areas: [泳池]}\n- {date: 2023-07-03, start: '09:00', end: '11:00', "
        "district: null, areas: [礼堂]}\ncancelled: []\n", encoding="utf-8")
    out = io.StringIO()
    assert run(tmp_path, out=out) == 0
    assert out.getvalue().splitlines()[-2:] == [
        "importer fields: date 1/2, start+end 1/2, district 0/1, town 0/0, areas 0/2, 1 windows invented",
        # both places are place spans and the span reader agrees: written wrong, exit 0 with
        # --dry-run; they name no district, so a real import refuses them (exit 1)
        "importer: 2 windows silently wrong (written wrong with exit 0), 0 exact windows held "
        "(exit 1), 0 windows missing with exit 0; 2 of the wrong ones in notices a "
        "real import refuses (a window naming no declared district)"]


def test_seed_is_read_by_the_column_reader_and_fast():
    text = SEED.read_text(encoding="utf-8")
    started = dt.datetime.now()
    result = parse_outage_notice(text, dt.date(2019, 9, 16), DISTRICTS)
    assert (dt.datetime.now() - started).total_seconds() < 1
    assert len(result.fields["windows"]) == 25 and result.warnings == []
    assert unaccounted_lines(text, result) == []


# --- layouts, with their output ------------------------------------------------------------

def test_table_with_a_decoy_water_table_reads_only_the_power_table():
    text, published = _notice("cn-zhejiang-hangzhou-zafu-table-undated")
    assert detect_layout(text) == "table"
    rows = _rows(parse_outage_notice(text, published, DISTRICTS).fields["windows"])
    assert rows[:2] == [("2021-02-02", "08:00", "12:00", None, ["C7-C12", "官塘基地", "农作园"]),
                        ("2021-02-02", "08:00", "12:00", None, ["B7-B10"])]
    assert all("停水" not in area for row in rows for area in row[4])


def test_labelled_records_with_a_district_and_town():
    text, published = _notice("cn-shandong-taian-qlwb-201012")
    windows = parse_outage_notice(text, published, DISTRICTS).fields["windows"]
    assert _rows(windows)[0] == ("2010-12-06", "07:00", "18:30", "泰山区",
                                 ["迎胜社区居委会", "中国石化山东泰山石油股份有限公司",
                                  "山东省交通职工中等专业学校", "迎胜小区", "七里", "鲁能投资公司",
                                  "牛奶厂"])
    assert windows[0]["town"] == "泰前街道"


def test_prose_with_semicolons_and_a_day_range():
    text, published = _notice("cn-xizang-lhasa-prose-202006")
    rows = _rows(parse_outage_notice(text, published, DISTRICTS).fields["windows"])
    assert ("2020-06-23", "09:00", "18:30", None, ["金珠中路沿线部分用户"]) in rows
    assert [r[0] for r in rows if r[4][:1] == ["电力小区"]] == ["2020-06-28", "2020-06-29"]


def test_change_notice_gives_new_windows_and_cancels_the_original_days():
    text, published = _notice("cn-jiangsu-changzhou-cczu-change-202504")
    fields = parse_outage_notice(text, published, DISTRICTS).fields
    assert _rows(fields["windows"]) == [
        ("2025-04-18", "12:45", "14:45", None, ["西太湖校区"]),
        ("2025-04-21", "12:45", "14:45", None, ["西太湖校区"])]
    assert [w["date"].isoformat() for w in fields["cancelled"]] == ["2025-04-11", "2025-04-14"]


def test_undeclared_places_are_reported_never_read_as_ningbo_towns():
    text, published = _notice("cn-fujian-changle-column-202208")
    result = parse_outage_notice(text, published, DISTRICTS)
    assert {w["district"] for w in result.fields["windows"]} == {"长乐"}
    assert [p.message for p in result.place_problems] == [
        'place "长乐" is not a declared district; kept as printed. It is 长乐区, 福州市, 福建省. '
        "Districts are declared in DISTRICTS in pelicanconf.py"]


@pytest.mark.parametrize("printed, areas", [
    ("3、5、9、乙11号", ["3、5、9、乙11号"]),
    ("学生宿舍3、4、5、10栋等。", ["学生宿舍3、4、5、10栋"]),
    ("學生公寓4#樓、5#樓、8#樓、禮堂", ["學生公寓4#樓、5#樓、8#樓", "禮堂"]),
    ("133單元、134單元", ["133單元", "134單元"]),
    ("青年教工周转房A、B、C栋。", ["青年教工周转房A、B、C栋"]),
    ("朝阳社区、解放北路沿线等地受影响。", ["朝阳社区", "解放北路沿线"]),
    ("风里村66号、华侨新村2号别墅等多个单点及区域", ["风里村66号", "华侨新村2号别墅"]),
    ("东门小区、西门小区等5个小区停电", ["东门小区", "西门小区"]),
    ("校园大部分区域( 6号教学楼、7号教学楼除外)", ["校园大部分区域( 6号教学楼、7号教学楼除外)"]),
    ("教學區:耕耘樓、配樓 家屬區:甲3樓", ["耕耘樓", "配樓", "甲3樓"]),
])
def test_area_lists_are_cut_where_a_reader_would(printed, areas):
    assert split_areas(printed) == areas


# --- shapes from the issue that the corpus does not hold yet --------------------------------

def _read(text: str, published=dt.date(2024, 3, 1)):
    fields = parse_outage_notice(text, published, DISTRICTS).fields
    return _rows(fields["windows"]), _rows(fields.get("cancelled", []))


def test_every_day_of_a_range_two_windows_a_day_and_no_rain_date():
    windows, _ = _read("3月4日至3月6日每天8:00-17:00,解放北路沿线部分用户将停电(如遇雨天顺延至3月9日)。\n"
                       "3月10日7:30-11:30、14:00-17:30,朝阳社区停电。\n")
    assert windows == [
        ("2024-03-04", "08:00", "17:00", None, ["解放北路沿线部分用户"]),
        ("2024-03-05", "08:00", "17:00", None, ["解放北路沿线部分用户"]),
        ("2024-03-06", "08:00", "17:00", None, ["解放北路沿线部分用户"]),
        ("2024-03-10", "07:30", "11:30", None, ["朝阳社区"]),
        ("2024-03-10", "14:00", "17:30", None, ["朝阳社区"])]


def test_prose_windows_keep_their_own_places_and_districts():
    text = ("5月12日8:00至17:30,海曙区解放北路沿线部分用户将停电;"
            "5月14日8:00至12:00,江北区慈城镇朝阳社区停电。\n")
    result = parse_outage_notice(text, dt.date(2024, 5, 1), DISTRICTS)
    assert _rows(result.fields["windows"]) == [
        ("2024-05-12", "08:00", "17:30", "海曙区", ["解放北路沿线部分用户"]),
        ("2024-05-14", "08:00", "12:00", "江北区", ["朝阳社区"])]
    assert result.fields["windows"][1]["town"] == "慈城镇"
    assert result.problems == []


@pytest.mark.parametrize("text", [
    "线路名称：10kV招宝线\n停电时间：2024年3月5日8:00至17:00\n"
    "涉及区域：镇海区招宝山街道后大街、车站路；江北区庄桥街道老街、盛家\n",
])
def test_one_list_naming_two_districts_gives_a_window_per_district(text):
    expected = [("2024-03-05", "08:00", "17:00", "镇海区", ["后大街", "车站路"]),
                ("2024-03-05", "08:00", "17:00", "江北区", ["老街", "盛家"])]
    result = parse_outage_notice(text, dt.date(2024, 3, 1), DISTRICTS)
    assert _rows(result.fields["windows"]) == expected  # the records reader
    general = read_general(text, dt.date(2024, 3, 1))  # the layout reader agrees
    assert [(w["district"], w["town"], w["areas"]) for w in general.windows] == [
        ("镇海区", "招宝山街道", ["后大街", "车站路"]), ("江北区", "庄桥街道", ["老街", "盛家"])]


def test_places_printed_before_the_date():
    windows, _ = _read("受道路施工影响,解放北路沿线、朝阳社区将于3月5日8:00至17:00停电。\n"
                       "我公司拟于3月6日8:00至12:00停电检修。\n")
    assert windows[0] == ("2024-03-05", "08:00", "17:00", None, ["解放北路沿线", "朝阳社区"])
    assert all(row[4] != ["我公司"] for row in windows)


def test_a_changed_slot_is_a_new_window_and_a_cancellation():
    windows, cancelled = _read("原定3月5日8:00-17:00白米湾村的停电,调整为3月7日8:00-17:00。\n"
                               "原定3月12日8:00-12:00的停电取消。\n")
    assert windows == [("2024-03-07", "08:00", "17:00", None, ["白米湾村"])]
    assert cancelled == [("2024-03-05", "08:00", "17:00", None, ["白米湾村"]),
                         ("2024-03-12", "08:00", "12:00", None, [])]
    windows, cancelled = _read("原定3月5日8:00-17:00白米湾村的停电,时间变更为14:00—18:00。\n")
    assert windows == [("2024-03-05", "14:00", "18:00", None, ["白米湾村"])]
    assert cancelled == [("2024-03-05", "08:00", "17:00", None, ["白米湾村"])]


def test_a_table_with_date_time_and_area_columns_in_any_order():
    windows, _ = _read("停电安排如下:\n停电区域 |\n日期 |\n停电时间 |\n图书馆、实验楼 |\n10月5日 |\n"
                       "8:00-12:00 |\n学生公寓1-3栋 |\n10月6日 |\n13:00-17:00 |\n",
                       dt.date(2024, 9, 30))
    assert windows == [("2024-10-05", "08:00", "12:00", None, ["图书馆", "实验楼"]),
                       ("2024-10-06", "13:00", "17:00", None, ["学生公寓1-3栋"])]


def test_a_date_alone_after_the_outage_time_label_is_whole_days_of_outage():
    windows, _ = _read("停电时间为：2024年3月4日-2024年3月6日。\n停电范围：食堂、图书馆\n")
    assert windows == [(f"2024-03-0{day}", None, None, None, ["食堂", "图书馆"]) for day in (4, 5, 6)]
    windows, _ = _read("检修日期：3月8日全天\n停电范围：食堂\n")
    assert windows == [("2024-03-08", None, None, None, ["食堂"])]
    # A publication date under its own label stays no window.
    windows, _ = _read("发布时间：2024年3月1日\n停电时间：3月4日8:00至12:00\n停电范围：食堂\n")
    assert windows == [("2024-03-04", "08:00", "12:00", None, ["食堂"])]


def test_a_printed_year_is_kept_when_the_notice_is_read_years_later():
    # The new-year typo rule (``2025年2月2日`` in a notice of 2026-01-12) moves a date one year
    # only when that lands within two months of the notice.
    windows, _ = _read("停电时间：2017年10月17日8:00至12:00\n停电范围：食堂\n", dt.date(2024, 3, 1))
    assert windows == [("2017-10-17", "08:00", "12:00", None, ["食堂"])]
    windows, _ = _read("停电时间：2025年2月2日8:00至12:00\n停电范围：食堂\n", dt.date(2026, 1, 12))
    assert windows == [("2026-02-02", "08:00", "12:00", None, ["食堂"])]


def test_a_day_without_a_month_early_in_the_month_after_publication_is_next_month():
    windows, _ = _read("停电时间:2日8:00至12:00\n停电范围:食堂\n", dt.date(2024, 1, 28))
    assert windows == [("2024-02-02", "08:00", "12:00", None, ["食堂"])]


def test_a_label_alone_with_its_list_on_the_next_line():
    windows, _ = _read("一、停电时间：3月5日8:00至12:00\n二、停电范围：\n食堂、图书馆、实验楼\n"
                       "三、注意事项：请提前做好准备。\n")
    assert windows == [("2024-03-05", "08:00", "12:00", None, ["食堂", "图书馆", "实验楼"])]


def test_a_table_whose_header_words_vary():
    windows, _ = _read("停电日期 |\n停电时段 |\n影响楼栋 |\n10月5日 |\n8:00-12:00 |\n1号楼、2号楼 |\n",
                       dt.date(2024, 9, 30))
    assert windows == [("2024-10-05", "08:00", "12:00", None, ["1号楼", "2号楼"])]


def test_a_95598_listing_with_start_and_end_columns():
    windows, _ = _read(
        "线路名称\t停电开始时间\t停电结束时间\t停电区域\t供电单位\n"
        "10kV石碶线\t2024-03-05 22:00:00\t2024-03-06 06:00:00\t星光村、栎社村\t国网宁波市海曙区供电公司\n"
        "10kV慈湖线\t2024-03-07 08:00:00\t2024-03-07 17:00:00\t白米湾村\t国网宁波市江北区供电公司\n"
        "共2条记录 第1页/共1页\n")
    assert windows == [("2024-03-05", "22:00", "次日06:00", "海曙区", ["星光村", "栎社村"]),
                       ("2024-03-07", "08:00", "17:00", "江北区", ["白米湾村"])]


def test_a_wechat_article_with_keycaps_clock_and_pin():
    text = ("停电预告\n原创 宁波电力 2024-03-01\n2️⃣ 3月5日（周二）\n⏰ 8:00-17:00\n"
            "📍 慈城镇：白米湾村、红湾排涝站\n温馨提示：停电期间请勿靠近电力设施，咨询电话95598。\n"
            "编辑：小王\n")
    result = parse_outage_notice(text, dt.date(2024, 3, 1), DISTRICTS)
    assert _rows(result.fields["windows"]) == [
        # (慈城镇 is a town TOWNS declares in 江北区: its district.)
        ("2024-03-05", "08:00", "17:00", "江北区", ["白米湾村", "红湾排涝站"])]
    assert result.fields["windows"][0]["town"] == "慈城镇"
    assert unaccounted_lines(text, result) == []


@pytest.mark.parametrize(("folder", "notices", "windows", "cancellations"), [
    (HELDOUT, 22, 84, 0), (HELDOUT4, 10, 16, 0), (HELDOUT5, 7, 17, 0), (HELDOUT6, 12, 12, 4),
    (HELDOUT7, 14, 31, 8), (HELDOUT8, 12, 12, 0), (HELDOUT9, 10, 21, 1),
    (HELDOUT10, 16, 80, 0), (PROBES, 30, 76, 5), (PROBES2, 30, 80, 6),
    (PROBES3, 30, 73, 6), (PROBES4, 30, 77, 6), (PROBES5, 29, 111, 6),
    (PROBES6, 25, 93, 6), (PROBES7, 25, 101, 7), (PROBES8, 25, 96, 8), (PROBES9, 25, 106, 6),
    (PROBES10, 25, 105, 7), (PROBES11, 25, 107, 6), (PROBES12, 25, 104, 7),
    (PROBES13, 25, 106, 7), (PROBES14, 25, 117, 6), (PROBES15, 25, 113, 17),
    (PROBES16, 25, 112, 8), (PROBES17, 25, 109, 11), (PROBES18, 25, 107, 10),
    (PROBES19, 25, 100, 11), (PROBES20, 25, 113, 6), (PROBES21, 25, 111, 7),
    (PROBES22, 25, 111, 11), (PROBES23, 25, 118, 8), (PROBES24, 26, 110, 9),
    (PROBES25, 25, 106, 9), (PROBES26, 25, 111, 12), (PROBES27, 25, 102, 9),
    (PROBES28, 25, 100, 8), (PROBES29, 26, 109, 10), (PROBES30, 25, 112, 8),
    (PROBES31, 25, 111, 9), (PROBES32, 25, 120, 7), (PROBES33, 25, 116, 8),
    (PROBES34, 26, 117, 7), (PROBES35, 25, 104, 13), (PROBES36, 25, 109, 8),
    (PROBES37, 25, 115, 7), (PROBES38, 25, 102, 8), (PROBES39, 25, 111, 8),
    (PROBES40, 25, 114, 7), (PROBES41, 25, 113, 9), (PROBES42, 26, 112, 8),
    (PROBES43, 25, 113, 13), (PROBES44, 25, 118, 14), (PROBES45, 26, 123, 8),
    (PROBES46, 26, 122, 15), (PROBES47, 25, 118, 10), (PROBES48, 26, 115, 10),
    (PROBES49, 25, 110, 12), (PROBES50, 25, 106, 7), (PROBES51, 25, 105, 9),
    (PROBES52, 26, 97, 9), (PROBES53, 25, 100, 6), (PROBES54, 25, 101, 6),
    (PROBES55, 25, 101, 8), (PROBES56, 25, 109, 10), (PROBES57, 25, 106, 9),
    (PROBES58, 25, 104, 10), (PROBES59, 25, 110, 12), (PROBES60, 26, 107, 7),
    (PROBES61, 26, 104, 12), (PROBES62, 25, 105, 10), (PROBES63, 27, 99, 9),
    (PROBES64, 25, 103, 13), (PROBES65, 26, 98, 8), (PROBES66, 26, 105, 10),
    (PROBES67, 25, 104, 7), (PROBES68, 25, 97, 10), (PROBES69, 26, 97, 8),
    (PROBES70, 25, 116, 12), (PROBES71, 25, 108, 7), (PROBES72, 25, 107, 8),
    (PROBES73, 25, 111, 14), (PROBES74, 25, 98, 13), (PROBES75, 26, 98, 7),
    (PROBES76, 25, 101, 9), (PROBES77, 25, 116, 10), (PROBES78, 25, 117, 10),
    (PROBES79, 25, 109, 9), (PROBES80, 26, 110, 8), (PROBES81, 25, 106, 8),
    (PROBES82, 26, 100, 12), (PROBES83, 26, 104, 12), (PROBES84, 25, 105, 10),
    (PROBES85, 25, 111, 9), (PROBES86, 25, 113, 10), (PROBES87, 25, 124, 7),
    (PROBES88, 25, 108, 9), (PROBES89, 26, 103, 9), (PROBES90, 25, 99, 5),
    (PROBES91, 26, 106, 6), (PROBES92, 25, 105, 11), (PROBES93, 25, 121, 11),
    (PROBES94, 26, 110, 8), (PROBES95, 25, 124, 8), (PROBES96, 25, 104, 9),
    (PROBES97, 26, 113, 9), (PROBES98, 25, 110, 10), (PROBES99, 25, 123, 9),
    (PROBES100, 25, 108, 12), (PROBES101, 25, 126, 11)])
def test_held_out_notices_lose_nothing(folder, notices, windows, cancellations):
    # No floor on the score (it measures the importer on text it was not tuned on); nothing lost.
    scores = score_corpus(folder, DISTRICTS)
    _, expected, _, cancel_expected, unaccounted = totals(scores)
    assert (len(scores), expected, cancel_expected) == (notices, windows, cancellations)
    assert unaccounted == 0


# --- nothing lost --------------------------------------------------------------------------

_MUTATIONS = st.lists(st.tuples(st.sampled_from(["delete", "insert", "duplicate"]),
                                st.integers(min_value=0), st.sampled_from(
                                    list("、，。：；（）() \n|0123456789日月时至停电区朝阳村")),
                                ), max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(min_value=0, max_value=len(EVERY_NOTICE) - 1), mutations=_MUTATIONS)
def test_every_line_is_read_kept_or_reported(index, mutations):
    text = EVERY_NOTICE[index].read_text(encoding="utf-8")
    for kind, where, char in mutations:
        at = where % (len(text) + 1)
        if kind == "delete":
            text = text[:at] + text[at + 1:]
        elif kind == "insert":
            text = text[:at] + char + text[at:]
        else:
            lines = text.split("\n")
            row = where % len(lines)
            text = "\n".join(lines[:row + 1] + lines[row:])
    result = parse_outage_notice(text, dt.date(2020, 6, 1), DISTRICTS)
    assert unaccounted_lines(text, result) == []


# --- bad input and the command line --------------------------------------------------------

def _stream(text: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")


def _cli(*argv, stdin=None):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=stdin, stdout=out, stderr=err, today=dt.date(2024, 3, 1))
    return code, out.getvalue(), err.getvalue()


def test_an_oversize_file_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(("海曙 万众村(8:30—15:30)\n" * 60_000).encode("utf-8"))
    started = dt.datetime.now()
    code, out, err = _cli(str(big), "--dry-run")
    assert (dt.datetime.now() - started).total_seconds() < 1
    assert code == 1 and out == ""
    assert "over the importer's limit of 1000000 bytes" in err


def test_utf16_is_named(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("停电时间：3月5日8:00至12:00".encode("utf-16"))
    code, _, err = _cli(str(path), "--dry-run")
    assert code == 1 and err.endswith("file is UTF-16, not UTF-8; save it as UTF-8\n")


def test_nul_and_control_characters_are_reported_with_line_and_column(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes("9月23日\n海曙 万众\x00村(8:30—15:30)\n".encode())
    code, out, err = _cli(str(path), "--dry-run")
    assert code == 1 and out == ""
    assert "control characters at line 2 column 6 (U+0000)" in err


def test_an_impossible_date_is_reported_and_the_area_line_is_kept():
    text = "停电时间：2月30日8:00至12:00\n停电范围：食堂、图书馆\n停电时间：3月2日8:00至12:00\n"
    result = parse_outage_notice(text, dt.date(2024, 2, 1), DISTRICTS)
    messages = [(p.line, p.message) for p in result.problems if p.kind != "place"]
    assert (1, '"2月30日" is not a date (no such day); the places on this line were kept') \
        in messages
    assert unaccounted_lines(text, result) == []


def _unclean_area(fragment: str) -> str:
    """The pinned wording of an area the importer could not separate cleanly."""
    return (f'area "{fragment}" could not be separated cleanly (it still holds a time, a date, '
            "a sentence, 停电 or 停水); cut it by hand, or use --allow-partial to keep it in a "
            "note")


def test_an_area_not_separated_cleanly_exits_1_or_goes_to_a_note(tmp_path):
    from notices.importer import partial_fields

    path = tmp_path / "glued.txt"
    path.write_text("3月5日8:00至17:00,海曙区石碶街道星光村、栎社村停电;"
                    "3月6日8:00至12:00,海曙区高桥镇望江村、12:00前恢复供电的地方停电。\n",
                    encoding="utf-8")
    code, _, err = _cli(str(path), "--dry-run", "--published", "2024-03-01",
                        "--source-name", "宁波供电公司")
    assert code == 1
    assert f"{path}:1: " + _unclean_area("12:00前恢复供电的地方") in err
    result = parse_outage_notice(path.read_text(encoding="utf-8"), dt.date(2024, 3, 1),
                                 DISTRICTS, source_name="宁波供电公司")
    fields, _ = partial_fields(result)
    assert fields["windows"][1]["areas"] == ["望江村"]
    assert fields["windows"][1]["note"] == "原文未能识别（第1行）：12:00前恢复供电的地方"


def test_the_task_prints_chinese_intact(capsys):
    from invoke import Context

    import tasks

    tasks.import_outages(Context(), str(SEED), dry_run=True, published="2019-09-16")
    out = capsys.readouterr().out
    assert "town: 慈城镇" in out and "白米湾村" in out and "\ufffd" not in out


# --- failure classes found on the held-out notices (docs/importer.md, "Held-out results") ----
# Each shape with words of its own, not the held-out notice's.

def _general(text: str, published: dt.date) -> list[tuple]:
    return _rows(read_general(text, published).windows)


def test_a_numbered_heading_is_the_place_of_the_time_label_under_it():
    text = ("一、停电安排\n1.图书馆:\n停电时间:4月2日—3日,每日晚23:00至次日早5:00。\n"
            "2.北区浴室:\n停电时间:4月4日晚22:00至4月5日早6:00。\n")
    assert _general(text, dt.date(2023, 3, 30)) == [
        ("2023-04-02", "23:00", "次日05:00", None, ["图书馆"]),
        ("2023-04-03", "23:00", "次日05:00", None, ["图书馆"]),
        ("2023-04-04", "22:00", "次日06:00", None, ["北区浴室"])]
    # Full-width punctuation, Traditional characters, ``(1)`` numbering.
    text = "(1)圖書館：\n停電時間：4月2日晚23:00至次日早5:00。\n"
    assert _general(text, dt.date(2023, 3, 30)) == [
        ("2023-04-02", "23:00", "次日05:00", None, ["圖書館"])]


def test_the_object_of_dui_is_the_list():
    text = "1、2019年6月3日06:00-18:00将对青山镇、白石乡等地停电。\n"
    assert _general(text, dt.date(2019, 6, 1)) == [
        ("2019-06-03", "06:00", "18:00", None, ["青山镇", "白石乡"])]


def test_lists_joined_by_yiji_and_a_closing_diqu():
    assert split_areas("东片区以及主楼的报告厅、食堂") == ["东片区", "主楼的报告厅", "食堂"]
    assert split_areas("光华路以北部分客户及光华路体育馆至火车站段、邮局地区") == [
        "光华路以北部分客户", "光华路体育馆至火车站段", "邮局"]
    assert split_areas("幸福村12号等及沿线单位") == ["幸福村12号", "沿线单位"]
    # A short annex or a qualifier after 及 stays with its place.
    assert split_areas("综合楼及门卫室、宾馆及周边用户") == ["综合楼及门卫室", "宾馆及周边用户"]


def test_windows_listed_one_after_another_share_the_label_after_them():
    text = ("具体时间为7月2日23:00至3日6:00、7月9日23:00至10日6:00,停电范围为东风路以南、"
            "水厂。\n")
    assert _general(text, dt.date(2018, 6, 30)) == [
        ("2018-07-02", "23:00", "次日06:00", None, ["东风路以南", "水厂"]),
        ("2018-07-09", "23:00", "次日06:00", None, ["东风路以南", "水厂"])]


def test_a_second_slot_under_a_date_heading_and_a_shared_suffix_list():
    text = ("日期停电时间停电范围\n\n5月6日\n\n(星期一)\n\n"
            "9:00-11:00机房,物理学院、化学学院实验室,礼堂\n13:00-16:00礼堂,食堂\n")
    assert _general(text, dt.date(2024, 5, 1)) == [
        ("2024-05-06", "09:00", "11:00", None, ["机房", "物理学院、化学学院实验室", "礼堂"]),
        ("2024-05-06", "13:00", "16:00", None, ["礼堂", "食堂"])]
    # A qualifier after the repeated word is not a shared suffix.
    assert split_areas("阳光小区、月湖小区周边区域") == ["阳光小区", "月湖小区周边区域"]


def test_a_table_with_pinyin_in_its_header_and_whole_campus_cells():
    text = ("摘要:拟定于9月3日对两校区停电。\n"
            "校區(qū) | 時(shí)間 | 區(qū)域 |\n"
            "东校区 | 9月3日7:00-11:00 | 全校 |\n西校区 | 9月3日7:00-10:00 | 全校 |\n")
    assert _general(text, dt.date(2022, 9, 1)) == [
        ("2022-09-03", "07:00", "11:00", None, ["东校区"]),
        ("2022-09-03", "07:00", "10:00", None, ["西校区"])]


def test_jieshi_list_runs_to_jiang_tingdian_commas_included():
    text = "2023年3月4日9:00至12:00,部分线路停电,届时南区以及实验楼,、礼堂、各宿舍将停电。\n"
    assert _general(text, dt.date(2023, 3, 1)) == [
        ("2023-03-04", "09:00", "12:00", None, ["南区", "实验楼", "礼堂", "各宿舍"])]


def test_entries_one_a_line_time_then_places():
    text = ("停电区域及时间如下:\n3月1日8时至12时,和平路沿线用户;\n"
            "3月2日8时至12时,新城区东湖小区、西湖小区。\n")
    assert _general(text, dt.date(2015, 2, 27)) == [
        ("2015-03-01", "08:00", "12:00", None, ["和平路沿线用户"]),
        ("2015-03-02", "08:00", "12:00", None, ["新城区东湖小区", "西湖小区"])]


def test_a_verb_before_tingdian_is_not_a_place_and_a_restatement_gives_the_places():
    text = ("东村9日7:00至9日12:00实施工作停电\n台电表示,预定于9月9日上午实施工作停电,"
            "停电范围包括东村5号等及港口仓库。\n")
    assert _general(text, dt.date(2012, 9, 7)) == [
        ("2012-09-09", "07:00", "12:00", None, ["东村5号", "港口仓库"])]


def test_a_field_name_in_a_list_is_not_a_label():
    general = read_general("发布公告(包括检修线路、停电区域、主要影响客户范围),同时报送。\n",
                           dt.date(2010, 11, 1))
    assert general.windows == []


def test_a_slot_restated_vaguely_gives_way_to_its_list():
    text = ("配电房将于6月3日22时至次日2时倒闸,届时学校将有部分区域停电。\n"
            "停电时间:6月3日22时至次日2时\n停电范围:实验楼、西区宿舍\n")
    assert _general(text, dt.date(2021, 6, 1)) == [
        ("2021-06-03", "22:00", "次日02:00", None, ["实验楼", "西区宿舍"])]


def test_a_supply_switched_off_is_not_a_list_and_areas_do_not_cross_a_sentence():
    text = ("于2020年5月6日8时至18时停用东配电室1路电源。配电室将于5月6日23时至次日1时倒闸,"
            "届时北楼、南楼将停电。\n")
    general = read_general(text, dt.date(2020, 5, 1))
    assert _rows(general.windows) == [("2020-05-06", "23:00", "次日01:00", None, ["北楼", "南楼"])]
    # (the 8时至18时 slot: no places found, reported as a problem, the notice not written as read)
    assert [p[0] for p in general.problems] == [1] and not general.warnings
    assert split_areas("(shí)学校东区、(qū)北楼") == ["学校东区", "北楼"]


# --- classes generalised after the second held-out round (issue 13) ------------------------

def _imported(text: str, published: dt.date) -> list[tuple]:
    result = parse_outage_notice(text, published, DISTRICTS)
    return _rows(result.fields.get("windows", []))


def test_equipment_switched_off_is_not_the_place_its_customers_are():
    text = ("3月8日7:30至16:00,东湖开关站停电,滨江花园、市第二中学等地受影响。\n"
            "3月9日8:00至12:00,10kV新桥线停电,新桥村一带、粮站受影响。\n")
    assert _general(text, dt.date(2022, 3, 1)) == [
        ("2022-03-08", "07:30", "16:00", None, ["滨江花园", "市第二中学"]),
        ("2022-03-09", "08:00", "12:00", None, ["新桥村一带", "粮站"])]


def test_a_duration_after_the_time_is_not_a_place():
    text = ("二、停电时间如下:\n(一)2021年5月8日上午7:00~下午17:00(10小时)。\n"
            "(二)2021年5月9日上午7:00~上午9:00(2小时)。\n")
    assert _imported(text, dt.date(2021, 5, 1)) == [
        ("2021-05-08", "07:00", "17:00", None, []), ("2021-05-09", "07:00", "09:00", None, [])]
    assert split_areas("体育馆(约3小时)、游泳馆") == ["体育馆", "游泳馆"]


def test_roc_years_weekday_without_xingqi_and_twelve_hour_afternoon():
    text = ("本次停電範圍:A3行政大樓、B12 活動中心 (詳見附件平面圖)\n"
            "本次停電時間:112年11月18日(六) 上午9:30~下午3:15。\n")
    assert _imported(text, dt.date(2023, 11, 1)) == [
        ("2023-11-18", "09:30", "15:15", None, ["A3行政大樓", "B12 活動中心"])]


def test_the_publication_date_alone_is_not_a_window():
    text = ("2023-10-02※宿舍區停電通知\n停電範圍:學生宿舍、餐廳\n"
            "停電時間:民國112年10月7日(六)上午8:00~12:00\n")
    assert _imported(text, dt.date(2023, 10, 2)) == [
        ("2023-10-07", "08:00", "12:00", None, ["學生宿舍", "餐廳"])]


def test_two_days_listed_then_their_common_slot_and_a_place_before_tingdian():
    text = ("2.排定114年3月1日(星期六)上午7:00~下午19:00東校區停電配合更換設備\n"
            "3.另於3月8日(星期六)及3月15日(星期六)等兩日上午7:00~9:00(各2小時)停電測試。\n")
    assert _imported(text, dt.date(2025, 2, 20)) == [
        ("2025-03-01", "07:00", "19:00", None, ["東校區"]),
        ("2025-03-08", "07:00", "09:00", None, []), ("2025-03-15", "07:00", "09:00", None, [])]


def test_month_slash_day_with_a_weekday_and_a_schedule_sharing_the_label_after_it():
    text = ("二、工程日期:5/9(六)上午9:00~12:00。5/10 (日)~5/11(一)上午8:00~16:00。\n"
            "三、停電範圍:實驗大樓(地下室除外),全區停電作業。\n")
    assert _imported(text, dt.date(2026, 4, 20)) == [
        ("2026-05-09", "09:00", "12:00", None, ["實驗大樓(地下室除外)"]),
        ("2026-05-10", "08:00", "16:00", None, ["實驗大樓(地下室除外)"]),
        ("2026-05-11", "08:00", "16:00", None, ["實驗大樓(地下室除外)"])]


def test_a_route_printed_as_a_chain_is_cut_at_its_links():
    assert split_areas("滨河路段一税务所(富民小区)一建设路段(中医院、邮局)一体育场") == [
        "滨河路段", "税务所(富民小区)", "建设路段(中医院、邮局)", "体育场"]
    # One dash-like 一 is not a chain: 第一中学 and 一号楼 stay whole.
    assert split_areas("第一中学、一号楼") == ["第一中学", "一号楼"]


def test_an_unnumbered_place_heading_alone_on_its_line():
    text = ("一、东校区\n1.实训楼:\n8月2日21:00—8月2日23:00\n二、西校区\n"
            "锅炉房:\n8月2日21:00—8月2日23:00\n")
    assert _general(text, dt.date(2022, 7, 30)) == [
        ("2022-08-02", "21:00", "23:00", None, ["实训楼"]),
        ("2022-08-02", "21:00", "23:00", None, ["锅炉房"])]


def test_places_between_the_date_and_a_time_later_in_the_sentence():
    text = ("本月9日,市区滨江苑、税务分局、人民医院因新装变压器等原因,将于8时至11时停电。"
            "11日,因更换电缆,五金厂、粮食局、自来水公司将于14时30分至17时停电。\n"
            "3月20日新河镇东岙村二号台区将进行线路改造,计划停电时段为7:00-16:00。\n")
    assert _general(text, dt.date(2021, 3, 5)) == [
        ("2021-03-09", "08:00", "11:00", None, ["滨江苑", "税务分局", "人民医院"]),
        ("2021-03-11", "14:30", "17:00", None, ["五金厂", "粮食局", "自来水公司"]),
        ("2021-03-20", "07:00", "16:00", None, ["东岙村二号台区"])]
    # The time later in the sentence, the places under their label.
    text = "学校定于9月7日(星期六)停电一天(8:00-18:00),停电范围:东区宿舍。\n"
    assert _imported(text, dt.date(2024, 9, 2)) == [("2024-09-07", "08:00", "18:00", None,
                                                    ["东区宿舍"])]
    # A time later in a sentence that does not speak of a cut is not the date's window.
    assert _general("3月5日,社区居委会召开议事会,时间为9:00-11:00。\n", dt.date(2021, 3, 1)) == []


def test_a_date_alone_whose_sentence_says_the_cut_will_happen():
    text = ("日报3月1日讯 3月6日,将对温州鹿城、瓯海等地实施停电。此外,7日,南塘街、"
            "水心村等地區(qū)將分時段停電。\n4月1日至4月20日,将分批停电改造。\n")
    assert _general(text, dt.date(2020, 3, 1)) == [
        ("2020-03-06", None, None, None, ["鹿城", "瓯海"]),
        ("2020-03-07", None, None, None, ["南塘街", "水心村"])]


def test_a_water_outage_beside_the_power_cut_is_a_decoy_and_said_so():
    text = ("关于2021年4月6日8:00至4月6日20:00东门水厂管网改造的停水通知\n"
            "届时城东片区将暂停供水。\n")
    general = read_general(text, dt.date(2021, 4, 1))
    assert general.windows == [] and general.decoys == [1]
    assert general.warnings == [(1, "2021年4月6日8:00至4月6日20:00", (
        '"2021年4月6日8:00至4月6日20:00" is the slot of a water or gas outage (停水, 停气), not a '
        "power cut; not read as a window, kept in the body"))]
    text = "因燃气管道改造,5月6日8:00-17:00,滨海花园将停气。\n"
    assert _imported(text, dt.date(2021, 5, 1)) == []


def test_when_and_how_likely_are_not_places_and_the_whole_school_is():
    text = "本站对供区实行轮供,供电日一天内随时可能停电。预计在2019年2月3日将再次停电。\n"
    assert _general(text, dt.date(2019, 1, 20)) == []
    text = "108年3月9日全校區高壓設備年度檢修停電公告\n本校將於3月9日(星期六)進行全日停電。\n"
    assert _imported(text, dt.date(2019, 3, 1)) == [("2019-03-09", None, None, None, ["全校區"])]


def test_relative_days_count_from_the_publication_date():
    published = dt.date(2022, 9, 14)  # a Wednesday
    text = "供电所通知,明天上午9时至下午3时,青石村、石门村停电。\n"
    assert _general(text, published) == [("2022-09-15", "09:00", "15:00", None, ["青石村", "石门村"])]
    text = "本周六8:00至12:00,北门街停电。下周一8:00至10:00,南门街停电。\n"
    assert _general(text, published) == [("2022-09-17", "08:00", "12:00", None, ["北门街"]),
                                         ("2022-09-19", "08:00", "10:00", None, ["南门街"])]
    # A relative day with no time is not a window; a site named 今日… is not a date.
    assert _general("明天又轮到粮站、码头停电。\n今日东海网讯\n", published) == []


def test_a_place_broken_across_a_hard_line_wrap():
    text = ("【本报讯】电厂通知,今天北坡四维村社\n区为配合线路更换,从上午七时到下午四时\n"
            "将进行停电。\n")
    assert _general(text, dt.date(2003, 5, 6)) == [
        ("2003-05-06", "07:00", "16:00", None, ["北坡四维村社区"])]


def test_each_slot_of_a_lead_takes_its_own_label_below_and_a_collective_closes_a_list():
    text = ("北山村一帶預定五月九日上午七時至上午十一時、下午一時至下午四時,分別實施工作停電。\n"
            "上午時段:自上午七時起至上午十一時,停電範圍包括水庫、碼頭、燈塔等沿線營區。\n"
            "下午時段:自下午一時至下午四時,停電範圍包括漁會、碼頭等周邊住戶。\n")
    assert _general(text, dt.date(2009, 5, 6)) == [
        ("2009-05-09", "07:00", "11:00", None, ["水庫", "碼頭", "燈塔等沿線營區"]),
        ("2009-05-09", "13:00", "16:00", None, ["漁會", "碼頭"])]
    assert split_areas("车站、粮库等沿线单位") == ["车站", "粮库"]
    assert split_areas("幸福村12号等及沿线单位") == ["幸福村12号", "沿线单位"]


def test_a_place_is_a_noun_phrase_without_opener_line_phone_or_speaker():
    assert split_areas("包括滨海花园、周家村") == ["滨海花园", "周家村"]
    assert split_areas("35kV临港线、滨海花园、周家村") == ["滨海花园", "周家村"]
    assert split_areas("滨海花园(咨询电话:0574-87654321)、周家村") == ["滨海花园", "周家村"]
    assert split_areas("我校南校区、图书馆") == ["南校区", "图书馆"]
    assert split_areas("本校区东门") == ["本校区东门"]
    # A shared word is shared only when what follows it names a part (办公区域, 实训室…).
    assert split_areas("南校区、北校区东门") == ["南校区", "北校区东门"]
    assert split_areas("化学学院、物理学院实验室") == ["化学学院、物理学院实验室"]
    # One character before a place with the same word after its own first character.
    assert split_areas("南、北校区、食堂") == ["南校区", "北校区", "食堂"]


def test_a_relative_day_with_its_date_and_an_afternoon_end_without_its_word():
    text = "【通知】后天(6月9日)9:00-16:00,临江街道渔港村、盐场村停电。\n"
    assert _imported(text, dt.date(2024, 6, 7)) == [
        ("2024-06-09", "09:00", "16:00", None, ["渔港村", "盐场村"])]
    text = "本週六(6/15)上午8時至12時,行政大樓停電。\n"
    assert _general(text, dt.date(2024, 6, 11)) == [
        ("2024-06-15", "08:00", "12:00", None, ["行政大樓"])]
    text = "訂於6月9日(星期日)上午8時至11時及下午2時至4時30分停電,停電範圍:體育館。\n"
    assert _general(text, dt.date(2024, 6, 1)) == [
        ("2024-06-09", "08:00", "11:00", None, ["體育館"]),
        ("2024-06-09", "14:00", "16:30", None, ["體育館"])]


def test_items_time_colon_places_places_before_yuding_and_where_the_work_is_done():
    text = "1、4月2日(星期二)9:00-15:00:滨海花园、周家村\n2、4月3日(星期三)9:00-11:00:盐场村\n"
    assert _general(text, dt.date(2024, 3, 28)) == [
        ("2024-04-02", "09:00", "15:00", None, ["滨海花园", "周家村"]),
        ("2024-04-03", "09:00", "11:00", None, ["盐场村"])]
    text = "中興路二段部分用戶,預定4月2日(星期二)上午9時至下午3時停電。\n"
    assert _general(text, dt.date(2024, 3, 28)) == [
        ("2024-04-02", "09:00", "15:00", None, ["中興路二段部分用戶"])]
    text = "台電預定於113年4月2日(二)9時至15時,在中興路二段辦理停電工作。\n"
    assert _general(text, dt.date(2024, 3, 28)) == [
        ("2024-04-02", "09:00", "15:00", None, ["中興路二段"])]


def test_a_link_to_another_article_is_page_chrome_not_a_window():
    text = ("下一篇:关于4月9日8:00-12:00盐场村停电的通知\n"
            "4月2日8:00-17:00,滨海花园停电。\n相关阅读:4月12日9:00-11:00渔港村停电\n")
    assert _general(text, dt.date(2024, 3, 28)) == [
        ("2024-04-02", "08:00", "17:00", None, ["滨海花园"])]


def test_roc_dotted_dates_and_the_object_of_dui_before_tingdian_shigong():
    text = "停電時間:112.10.7 上午9時至下午4時\n停電範圍:實驗大樓\n"
    assert _imported(text, dt.date(2023, 10, 1)) == [
        ("2023-10-07", "09:00", "16:00", None, ["實驗大樓"])]
    text = "本公司訂於10月7日(星期六)9時至16時,對信義里、博愛里停電施工。\n"
    assert _general(text, dt.date(2023, 10, 1)) == [
        ("2023-10-07", "09:00", "16:00", None, ["信義里", "博愛里"])]


def test_tomorrow_with_the_day_in_brackets():
    text = "【本報訊】東引鄉樂華村將於明(八)日上午九時至十一時停電,停電範圍包括樂華村、中柳村。\n"
    assert _general(text, dt.date(2015, 9, 7)) == [
        ("2015-09-08", "09:00", "11:00", None, ["樂華村", "中柳村"])]


def test_more_words_for_the_part_of_the_day():
    text = "9月8日晚间10时至翌日凌晨4时,码头停电。9月9日清晨5时至午后2时,渔港停电。\n"
    assert _general(text, dt.date(2015, 9, 7)) == [
        ("2015-09-08", "22:00", "次日04:00", None, ["码头"]),
        ("2015-09-09", "05:00", "14:00", None, ["渔港"])]


def test_a_two_character_name_alone_stays_an_area_though_a_county_bears_it():
    # 灯塔 is also 灯塔市 (辽阳市); alone, it is the place printed, not a district.
    assert _general("9月9日8时至12时,灯塔停电。\n", dt.date(2015, 9, 7)) == [
        ("2015-09-09", "08:00", "12:00", None, ["灯塔"])]
    assert _general("9月9日8时至12时,大东区;\n", dt.date(2015, 9, 7)) == [
        ("2015-09-09", "08:00", "12:00", "大东区", [])]


def test_a_supply_line_switched_off_with_no_place_named_is_not_a_window():
    text = ("接供电局通知,学院的备用电源城北线将于2019年5月6日(星期一)08:00~18:00停电。"
            "这将造成学院单电源供电。\n届时,图书馆将于5月6日12:00~12:30停电。\n")
    general = read_general(text, dt.date(2019, 5, 1))
    assert _rows(general.windows) == [("2019-05-06", "12:00", "12:30", None, ["图书馆"])]
    assert general.warnings[0][2] == (
        '"2019年5月6日(星期一)08:00~18:00" is when a supply line is switched off, and no place '
        "is named as cut; not read as a window, kept in the body")


def test_a_date_label_then_a_time_label_on_the_next_line():
    text = ("一、停电日期:2023年9月2日(星期六)至9月3日(星期日)\n二、停电时间:每日上午9时至下午4时\n"
            "三、停电范围:化学楼、物理楼\n")
    assert _imported(text, dt.date(2023, 8, 28)) == [
        ("2023-09-02", "09:00", "16:00", None, ["化学楼", "物理楼"]),
        ("2023-09-03", "09:00", "16:00", None, ["化学楼", "物理楼"])]


def test_the_places_after_yixia_quyu_tingdian():
    text = "为配合道路改造,电力部门将于5月8日6:00至20:00对以下区域停电:北街、南街、东门社区。\n"
    assert _general(text, dt.date(2024, 5, 1)) == [
        ("2024-05-08", "06:00", "20:00", None, ["北街", "南街", "东门社区"])]


# --- the third held-out round, tuning half (SOURCES.md): one test per class, other words ----

def test_an_end_printed_24_00_is_the_same_instant_as_next_day_00_00(tmp_path):
    """The expectations write 24:00 as printed; the importer writes it 次日00:00 as the column
    reader and the content model do: the score compares instants, so both are exact, and
    次日24:00 is a day later still."""
    (tmp_path / "c.txt").write_text("停电时间：2022年6月3日20:00至24:00\n停电范围：车库、花房\n",
                                    encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "published: 2022-06-01\nwindows:\n- {date: 2022-06-03, start: '20:00', end: '24:00', "
        "district: null, areas: [车库, 花房]}\ncancelled: []\n", encoding="utf-8")
    assert totals(score_corpus(tmp_path, DISTRICTS))[:2] == (1, 1)
    assert _clock("24:00") == _clock("次日00:00") == "次日00:00"
    assert _clock("次日24:00") == "次日次日00:00" != _clock("24:00")


def test_a_sentence_end_closes_the_list_after_yixia_quyu_gongdian():
    text = ("因机房改造,2023年5月6日(周六)—5月7日(周日)每日20:00~24:00停电。将影响以下区域正常用电："
            "南苑餐厅、西区浴室、艺术馆。由此带来不便敬请谅解。联系人：王老师。\n后勤处\n2023年5月4日\n")
    assert _imported(text, dt.date(2023, 5, 4)) == [
        ("2023-05-06", "20:00", "次日00:00", None, ["南苑餐厅", "西区浴室", "艺术馆"]),
        ("2023-05-07", "20:00", "次日00:00", None, ["南苑餐厅", "西区浴室", "艺术馆"])]


def test_parts_and_house_number_ranges_continue_one_place():
    assert split_areas("阳光C区、D区、花园") == ["阳光C区、D区", "花园"]
    assert split_areas("李家村三组、四组、王家村") == ["李家村三组、四组", "王家村"]
    assert split_areas("教工宿舍1#—3#楼、7#—8#楼、食堂") == ["教工宿舍1#—3#楼、7#—8#楼", "食堂"]
    # A word repeated inside a longer place (教育部) is not a shared suffix.
    assert split_areas("后勤部、国家教育部重点实验室") == ["后勤部", "国家教育部重点实验室"]


def test_a_province_city_county_town_heading_gives_one_window_a_town():
    text = ("停电时间：2022-08-09 08:00 至 2022-08-09 17:00\n"
            "停电范围：湖南省岳阳市平江县安定镇：高坪村，石桥村、大洲村；湖南省岳阳市平江县三阳乡："
            "五里村，金坪村一组、二组。\n")
    windows = parse_outage_notice(text, dt.date(2022, 8, 8), DISTRICTS).fields["windows"]
    assert [(w["district"], w["town"], w["areas"]) for w in windows] == [
        ("平江县", "安定镇", ["高坪村", "石桥村", "大洲村"]),
        ("平江县", "三阳乡", ["五里村", "金坪村一组、二组"])]


def test_a_lead_in_clause_is_not_a_place_and_the_estate_before_the_date_is():
    text = "停电通知\n各位住户：\n   为配合供电局线路改造，幸福花园5月9日早7:00-9:30进行停电施工，敬请谅解。\n"
    assert _general(text, dt.date(2016, 5, 6)) == [
        ("2016-05-09", "07:00", "09:30", None, ["幸福花园"])]


def test_a_tab_table_reads_its_tingdian_fanwei_column_not_the_work_site_and_a_blank_note():
    text = ("停电安排如下：\n序号\t停电时间\t施工地点\t停电范围\t备注\n"
            "1\t2024年6月1日晚   22:00-5：00\t2号配电房\t图书馆、东门\t东门岗亭不停电\n"
            "2\t2024年6月2日晚   22:00-5：00\t7号配电房\t实验楼3-4、食堂\t \n")
    assert _general(text, dt.date(2024, 5, 28)) == [
        ("2024-06-01", "22:00", "次日05:00", None, ["图书馆", "东门"]),
        ("2024-06-02", "22:00", "次日05:00", None, ["实验楼3-4", "食堂"])]


def test_a_data_record_with_iso_times_and_a_city_district_scope():
    """One ``label：value`` line a field; each start pairs with the end after it; the scope's
    city and district prefix is taken off, the district known by its city; ``null`` is no slot."""
    text = ("id：X100\nscope：高雄市苓雅區四維三路\nstart：2025-03-02T09:00:00+08:00\n"
            "end：2025-03-02T11:30:00+08:00\nsecondStart：2025-03-02T13:00:00+08:00\n"
            "secondEnd：2025-03-03T00:00:00+08:00\nthirdStart：null\nthirdEnd：null\n")
    assert _general(text, dt.date(2025, 2, 25)) == [
        ("2025-03-02", "09:00", "11:30", "苓雅區", ["四維三路"]),
        ("2025-03-02", "13:00", "次日00:00", "苓雅區", ["四維三路"])]


def test_a_data_record_whose_end_is_called_stop_and_whose_equipment_field_is_no_place():
    """An API's ``beginTime`` / ``stopTime`` fields (and a ``stopDate`` repeating the end) are
    one window; ``powerOffArea`` names equipment and is not the scope."""
    text = ("typeCode：计划停电\nbeginTime：2024-05-06 07:30:00\nscope：滨江路12号；北岸小区；\n"
            "stopTime：2024-05-06 15:00:00\npowerOffArea：2号变压器;\nstopDate：2024-05-06 15:00:00\n")
    assert _general(text, dt.date(2024, 5, 1)) == [
        ("2024-05-06", "07:30", "15:00", None, ["滨江路12号", "北岸小区"])]


def test_rounds_of_a_rotating_outage_take_the_day_before_them_and_name_a_group_or_no_place():
    text = ("电力公司20日晚间宣布分区轮流停电。第一轮停电时间为20日晚上7时至7时40分,涉及约10万户;"
            "第二轮停电时间为晚上7时40分至8时20分,涉及约12万户。\n"
            "另据通报:第三轮限电时间2020-2100,B组限电量80万瓩。\n")
    assert _general(text, dt.date(2023, 9, 20)) == [
        ("2023-09-20", "19:00", "19:40", None, []),
        ("2023-09-20", "19:40", "20:20", None, []),
        ("2023-09-20", "20:20", "21:00", None, ["B组"])]


def test_a_start_with_only_a_duration_and_the_estate_a_salutation_names():
    text = ("title：停电通知\ncontent：尊敬的锦华苑业主：\n   接上级通知，今晚21：30将停电10-20分钟，请提前准备。\n"
            "add_time：2019-03-02 16:10:00\n")
    assert _general(text, dt.date(2019, 3, 2)) == [("2019-03-02", "21:30", None, None, ["锦华苑"])]


def test_a_round_named_after_its_start_with_a_list_of_districts_and_a_cut_off_copy():
    text = ("2019/07/02晚间实施分区轮流停电。\n"
            "通知:19:30第二轮40分钟停电,停电区约是东港,西湾,南屯,西湾等区,共约8万户。\n"
            "转载:19:30第二轮40分钟停电,停电区约是东港,西")
    assert _general(text, dt.date(2019, 7, 2)) == [
        ("2019-07-02", "19:30", None, "东港", []), ("2019-07-02", "19:30", None, "西湾", []),
        ("2019-07-02", "19:30", None, "南屯", [])]


def test_a_listing_record_names_its_estate_in_its_own_field():
    text = "title：停电通知\ncontent：各位业主：\n   今晚21：30将停电10分钟，请提前准备。\ncommunityName：翠湖花园\n"
    assert _general(text, dt.date(2019, 3, 2)) == [("2019-03-02", "21:30", None, None, ["翠湖花园"])]


def test_a_range_of_relative_days():
    text = "记者获悉,从今天起到明天,每天8:00—18:00停电,涉及区域:东关街、北门巷。\n"
    assert [row[0] for row in _general(text, dt.date(2012, 5, 3))] == ["2012-05-03", "2012-05-04"]


def test_a_bare_start_of_a_rotating_outage_takes_the_day_before_it_and_its_counted_list():
    text = ("今(9)日上午发生跳电。\n电力公司表示,晚上7点20分起,执行分区轮流停电,由B组先停电,"
            "停电范围包含东区、西屯、南屯等3个区部分区域,影响约2万户,停电50分钟。\n"
            "电力公司预计自晚上8时10分起开始分区轮流供电,第一轮限电时间20:10-21:00。\n")
    assert _general(text, dt.date(2022, 5, 9)) == [
        ("2022-05-09", "19:20", None, None, ["东区", "西屯", "南屯"]),
        ("2022-05-09", "20:10", "21:00", None, [])]


def test_a_list_said_of_one_day_of_a_range_belongs_to_that_day():
    text = ("据悉,从今天起到明天,每天8:00—18:00城北间隔停电。今天主要停电的地段有东关街、北门巷。"
            "明天停电的地段有南门街、西大街。\n")
    assert _general(text, dt.date(2012, 5, 3)) == [
        ("2012-05-03", "08:00", "18:00", None, ["东关街", "北门巷"]),
        ("2012-05-04", "08:00", "18:00", None, ["南门街", "西大街"])]


def test_a_rounds_districts_in_a_bracket_after_its_sentence_and_a_cut_off_round_reported():
    text = ("电力公司20日发布通报。\n区处表示:1.第1轮分区轮流限电(19:00-19:50)停电组别A组,停电户数1200户。"
            "(停电地区:东势、石冈等地区);2.第2轮分区轮流限电(19:50-20:40)停电组别B组(停电地区:\n")
    assert _general(text, dt.date(2022, 6, 20)) == [
        ("2022-06-20", "19:00", "19:50", "东势", []), ("2022-06-20", "19:00", "19:50", "石冈", [])]
    assert read_general(text, dt.date(2022, 6, 20)).problems[0][1] == "19:50-20:40"


def test_listing_labels_with_seconds_a_region_line_and_an_estate_speaking_of_itself():
    text = "停电时间：2021-06-03 08:00:00至2021-06-03 17:00:00\n停电区域：平江县安定镇\n停电范围：李家村、王家村\n"
    windows = read_general(text, dt.date(2021, 6, 1)).windows
    assert [(w["start"], w["end"], w["district"], w["town"], w["areas"]) for w in windows] == [
        ("08:00", "17:00", "平江县", "安定镇", ["李家村", "王家村"])]
    # A region that is not only a district and town stays an area, never dropped.
    text = text.replace("平江县安定镇", "城东片区")
    assert read_general(text, dt.date(2021, 6, 1)).windows[0]["areas"] == ["城东片区"]
    text = ("communityName：翠湖花园\nbulletinContent：各位业主：因配电房检修，本小区定于6月5日9:00-11:00"
            "停电，请做好准备。\n")
    assert _general(text, dt.date(2021, 6, 1)) == [("2021-06-05", "09:00", "11:00", None, ["翠湖花园"])]
    assert split_areas("东区A栋、B栋、食堂") == ["东区A栋、B栋", "食堂"]


def test_table_rows_one_cell_a_line_and_a_tab_cell_going_on_to_the_next_line():
    text = ("安排如下\n序号\n停电时间\n停电范围\n1\n2023年10月7日 9:00-11:00\n礼堂、车库\n"
            "2\n2023年10月8日 9:00-11:00\n花房\n")
    assert _general(text, dt.date(2023, 10, 1)) == [
        ("2023-10-07", "09:00", "11:00", None, ["礼堂", "车库"]),
        ("2023-10-08", "09:00", "11:00", None, ["花房"])]
    text = ("序号\t停电时间\t停电范围\n1\t2023年10月7日 9:00-11:00\t礼堂、\n车库、泳池\n"
            "2\t2023年10月8日 9:00-11:00\t花房\n")
    assert _general(text, dt.date(2023, 10, 1)) == [
        ("2023-10-07", "09:00", "11:00", None, ["礼堂", "车库", "泳池"]),
        ("2023-10-08", "09:00", "11:00", None, ["花房"])]


def test_a_data_record_whose_scope_is_a_district_alone_or_a_township_of_a_county():
    # A township of Taiwan (鄉 鎮 市 區, under a 縣 or a 市) is at the level of a mainland
    # district, so it is the window's district, as 鳳山區 of 高雄市 is.
    record = "id：K1\nscope：{}\nstart：2026-09-21T08:30:00+08:00\nend：2026-09-21T16:30:00+08:00\n"
    windows = read_general(record.format("高雄市鳳山區"), dt.date(2026, 9, 1)).windows
    assert [(w["district"], w["town"], w["areas"]) for w in windows] == [("鳳山區", None, [])]
    windows = read_general(record.format("南投縣埔里鎮中山路三段"), dt.date(2026, 9, 1)).windows
    assert [(w["district"], w["town"], w["areas"]) for w in windows] == [("埔里鎮", None, ["中山路三段"])]
    windows = read_general(record.format("屏東縣屏東市武立街"), dt.date(2026, 9, 1)).windows
    assert [(w["district"], w["town"], w["areas"]) for w in windows] == [("屏東市", None, ["武立街"])]
    # 嘉義市 has no townships but 東區 and 西區: the city is taken off, no district is named.
    windows = read_general(record.format("嘉義市忠孝一街"), dt.date(2026, 9, 1)).windows
    assert [(w["district"], w["town"], w["areas"]) for w in windows] == [(None, None, ["忠孝一街"])]


def test_a_township_of_taiwan_printed_after_its_county_is_the_district_in_any_list():
    assert trim_lead("苗栗縣頭份市尖下里") == ("尖下里", "頭份市")
    assert trim_lead("苗栗縣大湖鄉") == ("", "大湖鄉")
    assert trim_lead("臺中市西屯區福星路") == ("福星路", "西屯區")
    # Not a township of that county: left to the other rules.
    assert trim_lead("屏東縣頭份市尖下里") == ("頭份市尖下里", "屏東縣")
    assert places.county_and_township("苗栗县头份市尖下里") == (3, 3)
    assert places.county("头份市").where() == "头份市, 苗栗县, 台湾省"
    # A mainland name a township shares stays the mainland's, unshared, as before the table;
    # a name two townships share (信義區 of 臺北市 and 基隆市) is shared.
    assert not places.shared_name("金山区") and places.county("金山区").where() == "金山区, 上海市"
    assert places.shared_name("信义区")


def test_a_window_without_an_end_or_a_place_is_reported_with_its_day():
    text = "各位业主：\n今晚21：30将停电10分钟。\n第一轮限电时间为22时至22时50分,限电量10万瓩。\n"
    result = parse_outage_notice(text, dt.date(2019, 3, 2), DISTRICTS)
    messages = [m.message for m in result.warnings]
    assert ("the window of 2019-03-02 starts at 21:30 and the notice gives no end (only a "
            "duration, or 起); write its end by hand") in messages
    assert ("the window of 2019-03-02 22:00—22:50 names no place (a round of a rotating outage, "
            "or a list lost from the text); write its areas by hand") in messages


def test_a_later_town_heading_without_its_county_stays_in_the_county_before():
    text = ("停电时间：2022-08-09 08:00 至 2022-08-09 17:00\n"
            "停电范围：平江县安定镇：高坪村，石桥村；三阳乡：五里村，金坪村。\n")
    windows = parse_outage_notice(text, dt.date(2022, 8, 8), DISTRICTS).fields["windows"]
    assert [(w["district"], w["town"], w["areas"]) for w in windows] == [
        ("平江县", "安定镇", ["高坪村", "石桥村"]), ("平江县", "三阳乡", ["五里村", "金坪村"])]


def test_a_semicolon_ends_a_list_only_before_the_restoration_never_before_more_places():
    text = "停电时间：2021年3月16日7:00至19:00\n停电范围：阳光小区;幸福村\n"
    assert _general(text, dt.date(2021, 3, 1))[0][4] == ["阳光小区", "幸福村"]
    text = "停电时间：2021年3月16日7:00至19:00\n停电范围：中陇部分用户;预定当天上午十时恢复供电\n"
    assert _general(text, dt.date(2021, 3, 1))[0][4] == ["中陇部分用户"]


def test_an_end_given_as_the_restoration():
    text = "6月4日9:30开始停电，预计16:00恢复供电，停电范围：北街、桥头村。\n"
    assert _general(text, dt.date(2021, 6, 1)) == [("2021-06-04", "09:30", "16:00", None, ["北街", "桥头村"])]
    text = "停电时间：2021年6月4日上午8时30分起停电检修，预计下午4时前完成。停电范围：北街。\n"
    assert _general(text, dt.date(2021, 6, 1))[0][1:3] == ("08:30", "16:00")


def test_places_before_a_later_time_end_at_it_and_a_town_alone_after_its_county():
    text = "今天平江县安定镇上午9时30分为检修线路,实施工作停电,预计下午4时前完成。\n"
    windows = read_general(text, dt.date(2022, 7, 26)).windows
    assert [(w["start"], w["end"], w["district"], w["town"], w["areas"]) for w in windows] == [
        ("09:30", "16:00", "平江县", "安定镇", [])]


def test_a_pipe_table_one_cell_a_line_with_works_and_rows_that_cut_nobody_off():
    """``施工日期 | 起止时间 | 施工内容 | 停电区域``, one cell a line: a row starts at each date (a
    row that lost a cell shifts no other), a row whose area is 无 is no window, and the works
    column is kept in the window's note."""
    text = ("具体施工计划如下:\n施工日期 |\n起止时间 |\n施工内容 |\n停电区域 |\n"
            "4月11日 |\n白天 |\n开挖电缆沟 |\n无 |\n"
            "4月11日 |\n23点至次日4点 |\n接驳北1A公寓电缆 |\n北校区所有区域 |\n"
            "4月16日 |\n现场清理 |\n无 |\n"
            "4月17日 |\n8点至12点 |\n更换开关 |\n食堂、图书馆 |\n")
    result = parse_outage_notice(text, dt.date(2024, 4, 1), DISTRICTS)
    assert _rows(result.fields["windows"]) == [
        ("2024-04-11", "23:00", "次日04:00", None, ["北校区所有区域"]),
        ("2024-04-17", "08:00", "12:00", None, ["食堂", "图书馆"])]
    assert [w.get("note") for w in result.fields["windows"]] == [
        "施工内容：接驳北1A公寓电缆", "施工内容：更换开关"]


def test_a_header_tables_other_columns_are_the_windows_note():
    text = ("停电安排如下：\n序号\t停电时间\t施工地点\t停电范围\t备注\n"
            "1\t2024年6月1日晚   22:00-5：00\t2号配电房   3号配电房\t图书馆、东门\t东门岗亭不停电\n"
            "2\t2024年6月2日晚   22:00-5：00\t7号配电房\t实验楼3-4、食堂\t \n")
    windows = parse_outage_notice(text, dt.date(2024, 5, 28), DISTRICTS).fields["windows"]
    assert [w.get("note") for w in windows] == [
        "施工地点：2号配电房 3号配电房；备注：东门岗亭不停电", "施工地点：7号配电房"]


def test_a_listing_naming_the_street_office_before_each_place():
    """A 95598 listing prints the 街道办事处 (the office of a 街道) before its places, again before
    a later one: the town is the 街道, and no place keeps 办事处 or the town's name."""
    text = ("停电时间：2017-09-26 07:00—2017-09-26 20:00\n"
            "停电范围：龙潭街道办事处安化楼社区居委会广渠门内大街6号、幸福菜馆,"
            "龙潭街道办事处安化楼社区居委会安化北里2、3号\n")
    result = parse_outage_notice(text, dt.date(2017, 9, 20), DISTRICTS)
    assert _rows(result.fields["windows"]) == [
        ("2017-09-26", "07:00", "20:00", None,
         ["安化楼社区居委会广渠门内大街6号", "幸福菜馆", "安化楼社区居委会安化北里2、3号"])]
    assert result.fields["windows"][0]["town"] == "龙潭街道"


def test_a_date_range_then_what_will_be_cut_off_is_whole_days_of_outage():
    """``3月20日至3月23日,市图书馆全馆将停电施工``: no time, but the clause right after the dates
    says what will be cut off: one whole-day window a day. A range whose next clause does not
    (``3月20日至23日,读者可网上续借``) stays no window."""
    windows, _ = _read("记者获悉,因机房改造需要,4月8日至4月11日,区档案馆全馆将停电施工,暂停开放。\n",
                       dt.date(2024, 4, 1))
    assert windows == [(f"2024-04-{day:02d}", None, None, None, ["区档案馆全馆"])
                       for day in (8, 9, 10, 11)]
    windows, _ = _read("因机房改造需要停电施工,4月8日至4月11日,读者可网上续借。\n", dt.date(2024, 4, 1))
    assert windows == []


@pytest.mark.parametrize("when", ["1月27日/周四 22:00-23:00", "1月27日 星期四 22:00-23:00",
                                  "1月27日（周四）22:00-23:00"])
def test_a_weekday_after_the_date_with_a_slash_or_a_space(when):
    windows, _ = _read(f"停电时间：{when}\n停电范围：图书馆、食堂\n", dt.date(2022, 1, 25))
    assert windows == [("2022-01-27", "22:00", "23:00", None, ["图书馆", "食堂"])]


def test_the_subject_of_yu_before_the_date_is_the_place_cut_off():
    """``校园网机房于8月15日10:00-16:00停电``: the subject of 于, when the cut follows the time at
    once; a company (``本公司于…停电检修``) or a supply line (``城北线于…``) is no place."""
    windows, _ = _read("为配合网络改造，实验楼机房于8月15日（星期六）10:00-16:00停电，服务可能中断。\n",
                       dt.date(2020, 8, 1))
    assert windows == [("2020-08-15", "10:00", "16:00", None, ["实验楼机房"])]
    for text in ("本公司于8月15日10:00-16:00停电检修。\n", "城北线于8月15日10:00-16:00停电。\n"):
        windows, _ = _read(text, dt.date(2020, 8, 1))
        assert [row[4] for row in windows] in ([], [[]])


def test_numbered_rows_one_cell_a_line_with_cells_merged_over_rows():
    """``序号 | 校区 | 停电时间 | 停电范围``, one cell a line, the 校区 and the time merged over
    rows 1–3: rows 2 and 3 print their number and their places only, and take the rest from
    the row above."""
    text = ("一、停电情况\n序号 |\n校区 |\n停电时间 |\n停电范围 |\n1 |\n南湖校区 |\n"
            "10月4日8:00-17:00 |\n图书馆、食堂 |\n2 |\n实验楼 |\n3 |\n体育馆、游泳馆 |\n")
    windows = parse_outage_notice(text, dt.date(2025, 9, 24), DISTRICTS).fields["windows"]
    assert _rows(windows) == [("2025-10-04", "08:00", "17:00", None, areas) for areas in
                              (["图书馆", "食堂"], ["实验楼"], ["体育馆", "游泳馆"])]
    assert {w["note"] for w in windows} == {"校区：南湖校区"}


@pytest.mark.parametrize("day", ["该日", "當天", "当日"])
def test_that_day_between_the_date_and_the_time(day):
    windows, _ = _read(f"停电时间：2月14日{day}晚间9点至次日凌晨2点\n停电范围：图书馆\n", dt.date(2022, 2, 1))
    assert windows == [("2022-02-14", "21:00", "次日02:00", None, ["图书馆"])]


def test_a_parts_label_after_the_district_heads_the_list():
    text = "停电时间：2021-03-11 10:05 至 2021-03-11 11:38\n停电范围：四川省绵阳市涪城区城南片区：临园路、石塘小区\n"
    assert _general(text, dt.date(2021, 3, 11)) == [
        ("2021-03-11", "10:05", "11:38", "涪城区", ["临园路", "石塘小区"])]


def test_a_bulleted_list_under_the_time_and_the_work_with_its_count_as_a_note():
    """``3月8日上午9点至下午4点,线路检修(影响12个用户)`` then ``- 东河路 15, 17`` lines: one
    place a bullet line (its commas stay), the work and its count in the window's note; a
    time that is itself a bullet item takes no list from the items after it."""
    text = ("停电安排如下\n3月8日上午9点至下午4点,线路检修(影响12个用户)\n- 东河路 15, 17\n"
            "- 西岭小区3幢\n3月9日上午8:30至上午11点\n- 北山路 200\n请提前做好准备。\n")
    windows = read_general(text, dt.date(2024, 3, 1)).windows
    assert _rows(windows) == [("2024-03-08", "09:00", "16:00", None, ["东河路 15, 17", "西岭小区3幢"]),
                              ("2024-03-09", "08:30", "11:00", None, ["北山路 200"])]
    assert [w.get("note") for w in windows] == ["线路检修(影响12个用户)", None]
    text = "- 停电时间:3月9日上午8:30至上午11点。\n- 停电期间请关闭空调\n"
    assert [w["areas"] for w in read_general(text, dt.date(2024, 3, 1)).windows] in ([], [[]])


def test_bullets_after_a_blank_line_a_clock_with_dian_and_a_bracketed_count():
    """``上午8:30至下午4:30點 (原排期延后,影响9个用户)``, a blank line, then ``  • 南塘路 8 至 20``:
    the 點 after ``4:30`` is part of the time, the bracket with its count is the note."""
    text = "6月18日上午8:30至下午4:30點 (原排期延后,影响9个用户)\n\n  • 南塘路 8 至 20\n"
    windows = read_general(text, dt.date(2021, 6, 14)).windows
    assert _rows(windows) == [("2021-06-18", "08:30", "16:30", None, ["南塘路 8 至 20"])]
    assert windows[0]["note"] == "(原排期延后,影响9个用户)"


@pytest.mark.parametrize("printed, expected", [
    ("3月4日8:00至3月6日18:00", [("2024-03-04", "08:00", "次日00:00"),
                                ("2024-03-05", "00:00", "次日00:00"),
                                ("2024-03-06", "00:00", "18:00")]),
    ("2024/03/04 20:00 至 2024/03/06 24:00", [("2024-03-04", "20:00", "次日00:00"),
                                             ("2024-03-05", "00:00", "次日00:00"),
                                             ("2024-03-06", "00:00", "次日00:00")]),
    ("3月4日20:00至3月5日8:00", [("2024-03-04", "20:00", "次日08:00")]),
    # 24:00 of the next day is the midnight after it: two midnights, two calendar days (was
    # one window ending "次日24:00", which the content model refuses).
    ("3月4日9:30一3月5日24:00", [("2024-03-04", "09:30", "次日00:00"),
                               ("2024-03-05", "00:00", "次日00:00")]),
])
def test_a_cut_over_more_than_one_midnight_is_one_window_a_calendar_day(printed, expected):
    """Before, ``3月4日8:00至3月6日18:00`` was read as 3月4日 08:00 to 次日18:00: the cut ended a
    day early, silently. A window ends at most the next day (the content model), so a longer
    cut is one window a calendar day, from the start to midnight, whole days, then from
    midnight to the end."""
    text = f"停电时间：{printed}\n停电范围：食堂\n"
    windows, _ = _read(text)
    assert windows == [(*slot, None, ["食堂"]) for slot in expected]
    # The place-span reader, the importer's fallback and check, reads it alike.
    from notices.importer.spans import read_spans

    assert [(str(w["date"]), w["start"], w["end"]) for w in
            read_spans(text, dt.date(2024, 3, 1)).windows] == expected


def test_a_table_row_one_cell_a_line_with_more_cells_than_the_header_is_not_read_as_a_row():
    text = ("施工日期 |\n起止时间 |\n停电区域 |\n4月11日 |\n8点至12点 |\n食堂 |\n、 |\n"
            "4月12日 |\n8点至12点 |\n图书馆 |\n")
    result = parse_outage_notice(text, dt.date(2024, 4, 1), DISTRICTS)
    assert unaccounted_lines(text, result) == []


def test_the_work_on_the_time_line_and_a_bracket_line_before_the_bulleted_places_are_the_note():
    text = ("3月8日,上午8:30至下午4:30點 ,更换电线杆\n(工期调整,影响15个用户)\n\n"
            "  • 东河路 11 至 60\n")
    windows = read_general(text, dt.date(2024, 3, 1)).windows
    assert _rows(windows) == [("2024-03-08", "08:30", "16:30", None, ["东河路 11 至 60"])]
    assert windows[0]["note"] == "更换电线杆；(工期调整,影响15个用户)"


def test_the_fields_of_a_hash_separated_record_are_no_area_written_with_exit_0():
    """``…#2024/10/14 09:30~16:00#無##1911#``: what follows the time is the record's other
    fields, not a place: the importer asks (exit 1) instead of writing ``#無##1911#``."""
    result = parse_outage_notice("台电某区营业处#H19054#管线迁移工程#2024/10/14 09:30~16:00#無##1911#\n",
                                 dt.date(2024, 10, 1), DISTRICTS)
    assert all("##" not in area for w in result.fields["windows"] for area in w["areas"])
    assert any("#" in p.fragment for p in result.problems)


@pytest.mark.parametrize("printed, expected", [
    ("303大停電 兩輪限電時間公布\n台電表示,3日上午10時至10時50分為第一輪", "2022-03-03"),
    ("1130停电事故后,30日下午3时至4时轮流停电", "2022-11-30"),
    # a number of customers before 大停电 names no day: the month stays the reference's
    ("全县415万户大停电\n15日上午9时至11时轮流停电", "2022-07-15"),
])
def test_a_blackout_named_by_its_month_and_day_gives_a_day_printed_alone_its_month(
        printed, expected):
    """Taiwan's press names a blackout by month and day (``513大停電``): a day printed alone
    (``13日``) with no month anywhere takes that name's month, not the publication's."""
    windows = read_general(printed, dt.date(2022, 7, 1)).windows
    assert [w["date"].isoformat() for w in windows] == [expected]


@pytest.mark.parametrize("lead, district", [
    ("国网南京供电公司通知:", "鼓楼区"),  # the city names which 鼓楼区 (Nanjing's)
    ("供电公司通知:", None),  # no city: 鼓楼区 of Fuzhou, Nanjing, Xuzhou or Kaifeng stays printed
    ("南京、福州两地供电公司通知:", None),  # both cities have one
    ("上海福州路营业厅通知:", None),  # a street of Shanghai names no city
])
def test_a_district_name_several_cities_share_is_the_one_of_the_city_the_notice_names(
        lead, district):
    text = f"{lead}\n3月9日8时至12时,鼓楼区中山北路18号、湖南路小区停电。\n"
    windows = read_general(text, dt.date(2024, 3, 1)).windows
    areas = ["中山北路18号", "湖南路小区"] if district else ["鼓楼区中山北路18号", "湖南路小区"]
    assert _rows(windows) == [("2024-03-09", "08:00", "12:00", district, areas)]


def test_other_kinds_of_a_places_customers_after_its_users_are_no_place_of_their_own():
    """``…3幢居民、商铺及门面房``: 商铺 and 门面房 are the estate's other customers; after a
    place not ending with its customers, an item is a place again."""
    assert split_areas("阳光小区3幢居民、商铺及门面房、北湖路8号") == [
        "阳光小区3幢居民、商铺及门面房", "北湖路8号"]
    assert split_areas("阳光小区3幢用户、店面、北湖路8号") == ["阳光小区3幢用户、店面", "北湖路8号"]
    assert split_areas("阳光小区、商铺街") == ["阳光小区", "商铺街"]


def test_a_slot_moved_from_another_day_cancels_that_day_for_the_same_places():
    """``(改期自6月20日,…)`` after a slot: the day it moved from is cancelled, whole day (its
    hours are not printed), for the slot's places; a slot that says nothing cancels nothing."""
    text = ("7月3日上午9点至下午3点 (改期自6月20日,影响8个用户)\n  • 东湖路 12 至 30\n\n"
            "7月4日上午9点至11点,线路检修\n  • 西湖路 5\n")
    result = read_general(text, dt.date(2023, 6, 28))
    assert _rows(result.windows) == [("2023-07-03", "09:00", "15:00", None, ["东湖路 12 至 30"]),
                                     ("2023-07-04", "09:00", "11:00", None, ["西湖路 5"])]
    assert _rows(result.cancelled) == [("2023-06-20", None, None, None, ["东湖路 12 至 30"])]
    text = "5月9日8:00至12:00,北门小区停电(推迟自5月2日)。\n"
    result = read_general(text, dt.date(2023, 5, 1))
    assert _rows(result.windows) == [("2023-05-09", "08:00", "12:00", None, ["北门小区"])]
    assert _rows(result.cancelled) == [("2023-05-02", None, None, None, ["北门小区"])]


@pytest.mark.parametrize("work, is_work", [
    ("线路检修", True), ("更换电线杆", True), ("电力设备维修", True),
    ("世纪佳苑施工", False),  # a building site of an estate is a place
    ("实施工作停电", False),  # the cut itself
    ("东湖路", False),
])
def test_a_work_named_with_its_object_before_the_verb(work, is_work):
    text = f"7月4日上午9点至11点,{work}\n  • 西湖路 5\n"
    windows = read_general(text, dt.date(2023, 6, 28)).windows
    if is_work:
        assert [(w["areas"], w.get("note")) for w in windows] == [(["西湖路 5"], work)]
    else:
        assert all(w.get("note") != work for w in windows)


def test_supply_point_lines_under_a_time_alone_are_one_window_each():
    """``2月9日/周三 21:00-22:30`` alone on its line, then ``北区配电房：…`` lines: one window a
    supply point with the places it feeds, the supply point left out (it is equipment)."""
    text = ("各配电房停电时间如下：\n2月9日/周三  21:00-22:30\n北区配电房：北区食堂、6#宿舍楼\n"
            "实验楼变电所：实验楼、学生餐厅\n请做好准备。\n")
    assert _rows(read_general(text, dt.date(2022, 2, 1)).windows) == [
        ("2022-02-09", "21:00", "22:30", None, ["北区食堂", "6#宿舍楼"]),
        ("2022-02-09", "21:00", "22:30", None, ["实验楼", "学生餐厅"])]
    assert places_ok("学生餐厅") and places_ok("营业厅")


def test_a_bare_range_label_after_the_cut():
    text = "2月9日21:00-22:30停电，范围：北区食堂、6#宿舍楼\n"
    assert _rows(read_general(text, dt.date(2022, 2, 1)).windows) == [
        ("2022-02-09", "21:00", "22:30", None, ["北区食堂", "6#宿舍楼"])]


def test_he_before_the_last_division_of_a_list_separates_it():
    """``A镇、B镇和C镇``: 和 before the list's last item, between two divisions of one kind;
    not in a name (``城东村和平新村``) nor outside a list."""
    assert split_areas("东岭镇、西岭镇和南山洼镇等") == ["东岭镇", "西岭镇", "南山洼镇"]
    assert split_areas("东岭镇(zhèn)、西岭鎮(zhèn)和南山窪鎮(zhèn)") == [
        "东岭镇(zhèn)", "西岭鎮(zhèn)", "南山窪鎮(zhèn)"]
    assert split_areas("张村、城东村和平新村") == ["张村", "城东村和平新村"]
    assert split_areas("李家村和赵家村") == ["李家村和赵家村"]


def test_a_list_ending_in_a_water_cut_is_not_written_as_the_power_windows_areas(tmp_path):
    """``因…线停电检修,水厂停机,5月9日8时至17时,A路两侧、B村等高点客户降压停水``: the list is
    the water cut's; the importer asks rather than writing it as the cut's areas."""
    path = tmp_path / "water.txt"
    path.write_text("自来水公司通知:因供电公司10kV东山线停电检修、东山水厂停机,5月9日8时至17时,"
                    "滨江路两侧、东山村等高点客户降压停水。\n", encoding="utf-8")
    code, _, err = _cli(str(path), "--dry-run", "--published", "2024-05-01",
                        "--source-name", "自来水公司")
    assert code == 1
    assert _unclean_area("东山村等高点客户降压停水") in err


@pytest.mark.parametrize("text", [
    "定于3月12日上午9时起对镇海区洪塘村停电，恢复时间另行通知。\n",
    "停电时间：3月12日9:00起\n停电范围：镇海区 洪塘村\n",
])
def test_a_start_with_qi_and_no_end_keeps_its_areas_clean(text):
    """``上午9时起对…停电``: 起 belongs to the start (the area was ``起对洪塘村``, its district
    lost); a labelled ``停电时间：…9:00起`` is a start too (its areas were unread). The model
    refuses a start with no end, so a dry run asks for it."""
    windows, _ = _read(text)
    assert windows == [("2024-03-12", "09:00", None, "镇海区", ["洪塘村"])]
    code, _, err = _cli("-", "--dry-run", "--published", "2024-03-01", stdin=_stream(text))
    assert code == 1
    assert err.splitlines()[-1] == (
        "<stdin>:1: windows[0].end is missing while start is given; give both times, or leave "
        "both out for an outage of the whole day")


def test_a_district_alone_before_the_places_is_their_district():
    """``镇海区 洪塘村、湾头村``: the district printed apart from the list is the list's
    district, not its first area; a list of districts alone stays a list."""
    windows, _ = _read("停电时间：3月12日9:00至11:00\n停电范围：镇海区 洪塘村、湾头村\n")
    assert windows == [("2024-03-12", "09:00", "11:00", "镇海区", ["洪塘村", "湾头村"])]
    from notices.importer.layouts import _district_groups

    assert _district_groups(["镇海区", "洪塘村", "湾头村"], None) == [
        ("镇海区", None, ["洪塘村", "湾头村"])]
    assert _district_groups(["镇海区", "北仑区"], None) == [(None, None, ["镇海区", "北仑区"])]


def test_a_cancelled_slot_keeps_the_places_before_de_tingdian_quxiao():
    """``原定…8:00至16:00镇海区招宝山街道后海塘村的停电取消``: the places between the time and
    ``的停电取消`` are the cancelled slot's (they were lost, the slot left with no area)."""
    windows, cancelled = _read("原定于2024年3月20日8:00至16:00镇海区招宝山街道后海塘村的停电取消。\n")
    assert windows == []
    assert cancelled == [("2024-03-20", "08:00", "16:00", "镇海区", ["后海塘村"])]


def test_the_publisher_is_the_source_and_a_district_s_utility_gives_its_district():
    """A notice that names no district but comes from a district's utility (named in its
    prose, its signature or a 供电单位 field) is that district's, with a warning; the utility
    is the source. A city's utility, or one of another city, gives no district."""
    from notices.importer.cli import publisher, publisher_district

    text = ("因线路改造，国网宁波市镇海区供电公司定于2024年6月3日8:00至15:30对"
            "贵驷村、汶溪村停电。\n")  # (no town: a declared town would give the district)
    result = parse_outage_notice(text, dt.date(2024, 6, 1), DISTRICTS)
    assert _rows(result.fields["windows"]) == [
        ("2024-06-03", "08:00", "15:30", "镇海区", ["贵驷村", "汶溪村"])]
    assert result.fields["source"] == {"name": "国网宁波市镇海区供电公司"}
    assert [m.format("n.txt", warning=True) for m in result.warnings] == [
        'n.txt:1: warning: 1 window naming no district put in 镇海区, the district its '
        'publisher "国网宁波市镇海区供电公司" serves; check it']
    assert publisher("停电通知\n…\n宁海县供电公司 2024年6月1日\n") == "宁海县供电公司"
    assert publisher("供电单位：国网象山县供电公司\n停电时间：…\n") == "国网象山县供电公司"
    assert publisher_district("宁海县供电公司", DISTRICTS).name == "宁海县"
    assert publisher_district("国网宁波供电公司", DISTRICTS) is None  # the whole city's
    assert publisher_district("国网重庆市江北供电公司", DISTRICTS) is None  # another city's


def test_a_county_level_city_before_its_town_is_the_district():
    """``余姚市梨洲街道：…``, ``慈溪市周巷镇…``: a county-level city (a district of this site)
    before a town was taken for the city it is in and dropped, the window left with no
    district."""
    windows, _ = _read("1. 3月2日 8:00-12:00 余姚市梨洲街道：南雷南路、新城市广场\n"
                       "2. 3月3日 13:30-17:30 慈溪市周巷镇环城村停电\n")
    assert windows == [("2024-03-02", "08:00", "12:00", "余姚市", ["南雷南路", "新城市广场"]),
                       ("2024-03-03", "13:30", "17:30", "慈溪市", ["环城村"])]


def test_a_listing_cell_gives_its_district_and_town():
    """A 95598 listing (停电开始时间 and 停电结束时间 columns): the area cell's district and town
    come off its places, as in any list (the cell was one area)."""
    text = ("停电区域\t停电开始时间\t停电结束时间\n"
            "象山县丹东街道丹峰社区、东谷湖村\t2024-03-25 08:30:00\t2024-03-25 11:30:00\n")
    result = parse_outage_notice(text, dt.date(2024, 3, 1), DISTRICTS)
    assert [(w["district"], w.get("town"), w["areas"]) for w in result.fields["windows"]] == [
        ("象山县", "丹东街道", ["丹峰社区", "东谷湖村"])]


def test_a_district_alone_on_its_line_heads_the_time_lines_below_it():
    """``北仑区`` alone between the date and ``08:30-16:30 新碶街道：…`` lines: the district of
    the slots below it (the notice was refused: the date no longer headed the times), until
    the next such line; the time lines are read, not also copied to the body."""
    text = ("【计划停电】3月16日（周六）\n宁海县\n08:30-16:30 桃源街道：华山村、王家村\n"
            "象山县：\n09:00-11:00 丹东街道：丹峰社区\n")
    result = parse_outage_notice(text, dt.date(2024, 3, 1), DISTRICTS)
    assert [(w["district"], w.get("town"), w["areas"], w["start"])
            for w in result.fields["windows"]] == [
        ("宁海县", "桃源街道", ["华山村", "王家村"], "08:30"),
        ("象山县", "丹东街道", ["丹峰社区"], "09:00")]
    assert result.body_lines == []
    assert unaccounted_lines(text, result) == []


@pytest.mark.parametrize("text, expected", [
    # the district and town before 以下区域 head the list after it
    ("定于3月8日上午8:00-下午5:00对象山县石浦镇以下区域停电：东门村、番西村。\n",
     ("象山县", "石浦镇", ["东门村", "番西村"])),
    # a town's places in brackets after it
    ("兹定于3月9日7:30-18:00停电，停电范围：慈溪市周巷镇（环城村、万安庄村）\n",
     ("慈溪市", "周巷镇", ["环城村", "万安庄村"])),
    # a bracket inside a place of a prose list ending in 停电
    ("3月9日7:30-18:00，实验楼(东侧)、图书馆停电。\n", (None, None, ["实验楼(东侧)", "图书馆"])),
])
def test_prefixes_and_brackets_around_a_list(text, expected):
    """Each was read wrong: the prefix before 以下区域 dropped, the bracketed places kept as one
    area with their brackets, the last place glued to 停电 (``图书馆停电``, refused)."""
    windows = parse_outage_notice(text, dt.date(2024, 3, 1), DISTRICTS).fields["windows"]
    assert [(w.get("district"), w.get("town"), w["areas"]) for w in windows] == [expected]


@pytest.mark.parametrize("text", [
    "3月19日8:00-12:00停电，13:00-17:00再次停电，影响镇海区九龙湖镇汶溪村。\n",
    "3月19日（8:00-12:00；13:00-17:00）镇海区九龙湖镇汶溪村停电\n",
])
def test_a_time_range_no_window_holds_is_reported_not_dropped(text):
    """A second slot the readers do not see was dropped with exit 0 (the line was read for
    its first slot). Every time range on a line not kept in the body must be a window's; one
    that is not is a problem (exit 1), a part of a read window (``实际…仅6:00-8:00``) is not."""
    code, _, err = _cli("-", "--dry-run", "--published", "2024-03-01", stdin=_stream(text))
    assert code == 1
    assert '<stdin>:1: time "13:00-17:00" was not read into any window; check the windows by ' \
        "hand, or use --allow-partial to keep it in a note" in err.splitlines()
    parts = parse_outage_notice("3月19日计划停电时段为6:00-15:00，实际仅6:00-8:00和13:00-15:00停电，"
                                "镇海区九龙湖镇汶溪村。\n", dt.date(2024, 3, 1), DISTRICTS)
    assert not any("was not read into any window" in p.message for p in parts.problems)


def test_two_slots_under_a_date_label_are_two_windows():
    """``停电日期：…`` then ``停电时间：8:00-12:00、13:00-17:00``: the second slot was lost (exit
    0); the slots after a time label are read as after a date."""
    windows, _ = _read("停电日期：3月19日\n停电时间：8:00-12:00、13:00-17:00\n"
                       "停电范围：镇海区九龙湖镇汶溪村\n")
    assert windows == [("2024-03-19", "08:00", "12:00", "镇海区", ["汶溪村"]),
                       ("2024-03-19", "13:00", "17:00", "镇海区", ["汶溪村"])]


def test_95598_records_with_a_restoration_time_label_one_window_a_record():
    """``停电时间：2024-05-12 08:00:00`` / ``送电时间：…`` (or ``预计恢复时间``) is a record's
    start and end (nothing was read: exit 1); each record keeps its own 停电范围, headed by
    its 停电区域 where that names only the district and town."""
    text = ("停电区域：宁波市象山县丹东街道\n停电类型：计划停电\n停电时间：2024-05-12 08:00:00\n"
            "送电时间：2024-05-12 16:00:00\n停电范围：丹峰社区、东谷湖村\n\n"
            "停电区域：宁波市宁海县\n停电时间：2024-05-13 09:00:00\n预计恢复时间：2024-05-13 15:00:00\n"
            "停电范围：宁海县桃源街道华山村\n")
    result = parse_outage_notice(text, dt.date(2024, 5, 1), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["end"], w["district"], w.get("town"), w["areas"])
            for w in result.fields["windows"]] == [
        ("2024-05-12", "08:00", "16:00", "象山县", "丹东街道", ["丹峰社区", "东谷湖村"]),
        ("2024-05-13", "09:00", "15:00", "宁海县", "桃源街道", ["华山村"])]
    assert unaccounted_lines(text, result) == []


def test_a_list_goes_on_after_a_full_stop_when_the_next_sentence_is_a_list():
    """``停电范围:A、B。C、D、E停电。请…``: the places after the 。 were dropped with exit 0.
    A sentence made only of places (three or more, apart by 、) continues the list; one that
    says something (请…, 因…) does not. Also: ``X等片区`` inside a list is X, and more
    numbers of the same buildings (``宿舍1-3、12-19栋和24栋``, ``东楼2、3号楼``) stay one area."""
    windows, _ = _read("3月5日8:00-12:00停电。停电范围:图书馆、实验楼等片区、东楼2、3号楼。"
                       "体育馆、南苑宿舍1-3、8-9栋和12栋、游泳馆停电。请各单位、师生做好准备。\n")
    assert windows == [("2024-03-05", "08:00", "12:00", None,
                        ["图书馆", "实验楼", "东楼2、3号楼", "体育馆", "南苑宿舍1-3、8-9栋和12栋",
                         "游泳馆"])]


def test_records_of_one_slot_listed_once_a_place_are_one_window():
    """A listing that gives one request once per place (``scope：…乡X村`` records with the same
    start and end) is one window of those places, not one window a record."""
    record = ("office：台電苗栗區營業處\nscope：苗栗縣南庄鄉{}\nstart：2026-09-23T13:00:00+08:00\n"
              "end：2026-09-23T17:00:00+08:00\n\n")
    text = "".join(record.format(place) for place in ("東村", "西村", "南江"))
    windows = parse_outage_notice(text, dt.date(2026, 9, 1), DISTRICTS).fields["windows"]
    assert [(w["district"], w["areas"]) for w in windows] == [("南庄鄉", ["東村", "西村", "南江"])]


def test_a_table_copied_with_each_bar_at_the_start_of_its_line():
    """``校区`` / ``| 停电区域`` / ``| 停电时间`` / ``|`` … : a table copied with the cell bar at
    the start of the line, a bare ``|`` ending each row (another one an empty last cell), a
    water table above it; nothing was read. Each power row's areas are the cell before its
    time (not the 配电房 cell before them, nor the 备注 after)."""
    text = ("校区\n| 水房地点\n| 停水区域\n| 停水时间\n|\n南校区\n| S1\n| 南苑公寓\n"
            "| 3月2日上午8:00至下午17:00\n|\n"
            "校区\n| 配电房\n| 停电区域\n| 停电时间\n| 备注\n|\n南校区\n| P1\n| 图书馆、体育馆\n"
            "| 3月3日上午8:00至上午12:00\n| 南苑公寓水压不足\n|\n"
            "P2\n| 实验楼\n| 3月3日下午13:00至下午17:00\n|\n|\n")
    result = parse_outage_notice(text, dt.date(2024, 3, 1), DISTRICTS)
    assert _rows(result.fields["windows"]) == [
        ("2024-03-03", "08:00", "12:00", None, ["图书馆", "体育馆"]),
        ("2024-03-03", "13:00", "17:00", None, ["实验楼"])]
    assert unaccounted_lines(text, result) == []


def test_numbered_time_lines_under_a_date_that_leads_in_with_ruxia():
    """``计划于3月12日…影响范围如下:`` then ``1、下午13:00--18:00A区停电、停水。`` / ``2、下午2:00-5:00
    …``: each numbered line's time on that date (they were kept in the body, no window);
    ``--`` is a range sign; the afternoon word before a number-led time counts; a place
    before ``停电、停水`` is the place."""
    windows, _ = _read("计划于3月12日(星期二)对北校区暂停供电,具体时间和影响范围如下:\n\n"
                       "1、下午13:00--18:00实验楼停电、停水。\n2、下午2:00-5:00图书馆停电。\n")
    assert windows == [("2024-03-12", "13:00", "18:00", None, ["实验楼"]),
                       ("2024-03-12", "14:00", "17:00", None, ["图书馆"])]


def test_the_last_clause_after_tingdian_and_a_declared_town_give_the_places_and_district():
    """``3月7日全天停电，庄桥街道费市村、马径村。``: the places are the clause after 停电 (全天 was
    read as an area), the whole day the time; ``慈城 白米湾村、…``: a town the site declares
    (TOWNS, by name or alias) gives its district (the window had none and was refused). A
    request after 停电 (``请做好准备``) is no place."""
    windows, _ = _read("3月7日全天停电，庄桥街道费市村、马径村。\n")
    assert windows == [("2024-03-07", None, None, "江北区", ["费市村", "马径村"])]
    windows, _ = _read("3月12日8:00-16:00，慈城 白米湾村、红湾排涝站停电。\n")
    assert windows == [("2024-03-12", "08:00", "16:00", "江北区", ["白米湾村", "红湾排涝站"])]
    windows, _ = _read("3月7日8:00-17:00停电，请做好准备。\n")
    assert windows == [("2024-03-07", "08:00", "17:00", None, [])]


def test_the_dry_run_refuses_a_declared_town_put_in_another_district():
    """``海曙 慈城镇白米湾村``: 慈城镇 is 江北区's (TOWNS); the dry run says so, as the build would."""
    code, _, err = _cli("-", "--dry-run", "--published", "2019-09-16",
                        stdin=_stream("9月23日\n海曙 慈城镇白米湾村(8:00—16:00)\n"))
    assert code == 1
    assert err.splitlines()[-1] == (
        '<stdin>:2: windows[0].town "慈城镇" is declared in 江北区 (TOWNS in pelicanconf.py), '
        "not in 海曙区; correct the district, or declare the town in 海曙区 too")


def test_a_property_office_s_notice_and_lists_joined_by_ji_across_districts():
    """``对本小区3-8幢停电`` signed ``江北区洪塘街道怡江苑物业服务中心``: 本小区 is the estate the
    office is named for, in its district and town (the area was ``本小区3-8幢``, no district).
    ``…洋市村及镇海区庄市街道勤勇村``: 及 before another district's places starts them (they
    were one area). ``镇海区骆驼街道 贵驷村``: the town before a space is the places' town."""
    windows, _ = _read("各位业主：\n因配电房检修，定于3月15日9:00-11:30对本小区3-8幢停电。\n"
                       "江北区洪塘街道怡江苑物业服务中心\n2024年3月12日\n")
    assert windows == [("2024-03-15", "09:00", "11:30", "江北区", ["怡江苑3-8幢"])]
    windows, _ = _read("3月16日8:00-17:00，江北区庄桥街道邵余村、洋市村及镇海区庄市街道勤勇村停电。\n")
    assert windows == [("2024-03-16", "08:00", "17:00", "江北区", ["邵余村", "洋市村"]),
                       ("2024-03-16", "08:00", "17:00", "镇海区", ["勤勇村"])]
    result = parse_outage_notice("计划停电：3月17日 6:00-8:00 镇海区骆驼街道 贵驷村\n",
                                 dt.date(2024, 3, 1), DISTRICTS)
    assert [(w["district"], w.get("town"), w["areas"]) for w in result.fields["windows"]] == [
        ("镇海区", "骆驼街道", ["贵驷村"])]


def test_a_later_item_led_by_another_town_is_that_town_s_window():
    """``宁海县西店镇铁江村、深甽镇龙宫村``: 龙宫村 is 深甽镇's, so its window is under 深甽镇 (a
    resident subscribed to 深甽镇 would not see it under 西店镇); the town's office name
    (``…街道办事处…``) before a place of the same town stays in its group."""
    windows = parse_outage_notice("停电时间：3月20日8:00-16:00\n停电范围：象山县石浦镇番西村、"
                                  "高塘岛乡花岙村\n", dt.date(2024, 3, 1), DISTRICTS).fields["windows"]
    assert [(w["district"], w.get("town"), w["areas"]) for w in windows] == [
        ("象山县", "石浦镇", ["番西村"]), ("象山县", "高塘岛乡", ["花岙村"])]
    # The same in another city's prose (the layout reader, which put 金乡镇沿江村 under 灵溪镇):
    windows = parse_outage_notice("3月20日8:00-16:00，苍南县灵溪镇渡龙村、灵江村、金乡镇沿江村停电。\n",
                                  dt.date(2024, 3, 1), DISTRICTS).fields["windows"]
    assert [(w.get("town"), w["areas"]) for w in windows] == [
        ("灵溪镇", ["渡龙村", "灵江村"]), ("金乡镇", ["沿江村"])]


# --- probes in Ningbo's own words, second batch (docs/importer.md) -------------------------

def _placed(text: str, published=dt.date(2024, 5, 1)) -> tuple[list[tuple], list[tuple]]:
    fields = parse_outage_notice(text, published, DISTRICTS).fields
    return ([(w["date"].isoformat(), w.get("start"), w.get("end"), w.get("district"),
              w.get("town"), w["areas"], w.get("note")) for w in fields["windows"]],
            [(w["date"].isoformat(), w.get("start"), w.get("end"), w.get("district"),
              w.get("town"), w["areas"]) for w in fields.get("cancelled", [])])


def test_a_reason_after_the_last_place_is_the_note_not_part_of_the_place():
    """``…、枫林社区因线路改造停电``: 枫林社区 was dropped into the note with its reason (written
    with exit 0); the reason alone is the note."""
    windows, _ = _placed("5月20日21:00至次日4:00，镇海区招宝山街道后大街社区、城河社区由于电缆迁改停电。\n")
    assert windows == [("2024-05-20", "21:00", "次日04:00", "镇海区", "招宝山街道",
                        ["后大街社区", "城河社区"], "由于电缆迁改")]


def test_an_information_label_alone_on_its_line_takes_the_next_line_as_its_value():
    """One cell a line (``停电原因`` / ``线路检修``): the value is a note, not one more place of
    the list above it (``线路检修`` was written as a place with exit 0)."""
    windows, _ = _placed("停电时间\n2024-05-21 07:30至2024-05-21 15:00\n停电区域\n"
                         "象山县贤庠镇黄埠村、盘池村\n停电设备\n10kV贤庠线\n")
    assert windows == [("2024-05-21", "07:30", "15:00", "象山县", "贤庠镇", ["黄埠村", "盘池村"],
                        "停电设备：10kV贤庠线")]


def test_a_listing_with_a_type_column_is_a_table():
    """A 95598 listing whose header has 停电类型 (no header word the reader knew): before, every
    cell was reported and no window read."""
    windows, _ = _placed("供电单位\t停电类型\t停电区域\t停电开始时间\t停电结束时间\n"
                         "国网慈溪市供电公司\t临时停电\t慈溪市龙山镇西门外村\t2024-05-22 09:00:00\t"
                         "2024-05-22 11:30:00\n")
    assert windows == [("2024-05-22", "09:00", "11:30", "慈溪市", "龙山镇", ["西门外村"], None)]


def test_a_bracketed_district_alone_on_its_line_heads_the_slots_below():
    """A WeChat post: ``【鄞州区】`` over a time line and a ``town：places`` line (the heading was
    read as an area, and the next slot's places as this one's)."""
    windows, _ = _placed("停电预告\n\n【鄞州区】\n5月23日 09:00-15:00\n咸祥镇：芦浦村、球东村\n\n"
                         "【奉化区】\n5月24日 08:30-16:30\n松岙镇：湖头渡村\n")
    assert windows == [
        ("2024-05-23", "09:00", "15:00", "鄞州区", "咸祥镇", ["芦浦村", "球东村"], None),
        ("2024-05-24", "08:30", "16:30", "奉化区", "松岙镇", ["湖头渡村"], None)]


def test_a_changed_plan_keeps_its_places_for_the_new_slot_and_the_cancelled_one():
    """``原定于…X村的停电计划，变更为…``: 停电计划 (not 停电) after the places; before, the
    cancelled slot had no places and the new one was dropped."""
    windows, cancelled = _placed("原定于5月27日9:00-14:00北仑区春晓街道洋沙山村的停电计划，"
                                 "变更为5月29日9:00-14:00，停电范围不变。\n")
    assert windows == [("2024-05-29", "09:00", "14:00", "北仑区", "春晓街道", ["洋沙山村"], None)]
    assert cancelled == [("2024-05-27", "09:00", "14:00", "北仑区", "春晓街道", ["洋沙山村"])]


def test_a_slot_re_timed_from_one_range_to_another_is_a_new_window_and_a_cancellation():
    """``…计划停电时间由8:00-16:00调整为9:00-12:00``: the old range was written as the window
    with exit 0 and the new one dropped."""
    windows, cancelled = _placed("5月28日镇海区澥浦镇岚山村计划停电时间由7:30-15:30调整为10:00-14:00。\n")
    assert windows == [("2024-05-28", "10:00", "14:00", "镇海区", "澥浦镇", ["岚山村"], None)]
    assert cancelled == [("2024-05-28", "07:30", "15:30", "镇海区", "澥浦镇", ["岚山村"])]


def test_a_cancelled_plan_s_place_ends_before_de_jihua():
    """``原定…下沙村的计划停电取消``: the place was ``下沙村的计划``."""
    _, cancelled = _placed("受台风影响，原定5月30日8:30-16:00宁海县力洋镇海头村的计划停电取消。\n")
    assert cancelled == [("2024-05-30", "08:30", "16:00", "宁海县", "力洋镇", ["海头村"])]


def test_a_record_list_ending_in_deng_drops_it():
    """A 95598 record's ``停电区域：…、红联小区等``: the ending was kept on the last place."""
    windows, _ = _placed("停电时间：2024-05-31 13:00:00 至 2024-05-31 17:30:00\n"
                         "停电区域：江北区甬江街道湾头村、畈里塘村等\n")
    assert windows == [("2024-05-31", "13:00", "17:30", "江北区", "甬江街道", ["湾头村", "畈里塘村"],
                        None)]


def test_a_district_s_short_name_glued_to_the_town_gives_the_district():
    """``鄞州姜山镇朱何村`` in prose: the town was ``鄞州姜山镇`` and the window had no district."""
    windows, _ = _placed("6月2日8:00至15:30，余姚泗门镇谢家路村将停电。\n")
    assert [(w[3], w[4]) for w in windows] == [("余姚市", "泗门镇")]


def test_transformer_boxes_are_places_to_the_place_span_reader_too():
    """``北仑区大榭街道 大榭1号箱变、2#配电房``: the layout reader's areas were held as doubtful
    (exit 1) because the place-span reader did not take ``…箱变`` for a place."""
    assert places_ok("大榭1号箱变") and places_ok("梅树孔1号公变")
    result = parse_outage_notice("6月3日 9:00-15:00 象山县东陈乡 东陈3号箱变、旦门2号公变\n",
                                 dt.date(2024, 5, 1), DISTRICTS)
    assert not result.problems
    assert [w["areas"] for w in result.fields["windows"]] == [["东陈3号箱变", "旦门2号公变"]]


def test_a_salutation_is_kept_in_the_body_and_a_line_label_is_no_supply_point():
    """A utility's numbered records (``停电时间：`` / ``停电线路：`` / ``停电范围：``) under
    ``尊敬的电力客户：``: the salutation was reported as areas with no time (exit 1), and where
    the layout reader read it, ``停电线路：10kV…线`` was taken for a supply point and its line
    for the place."""
    text = ("尊敬的用电客户：\n一、停电时间：2024年6月4日 06:30—12:30\n停电线路：10kV塘溪线\n"
            "停电范围：{place}塘溪镇童村、邹溪村\n")
    result = parse_outage_notice(text.format(place="鄞州区"), dt.date(2024, 5, 1), DISTRICTS)
    assert not result.problems
    assert [(w["district"], w["town"], w["areas"], w["note"])
            for w in result.fields["windows"]] == [
        ("鄞州区", "塘溪镇", ["童村", "邹溪村"], "停电线路：10kV塘溪线")]
    general = read_general(text.format(place="新昌县"), dt.date(2024, 5, 1))
    assert [(w["district"], w["town"], w["areas"]) for w in general.windows] == [
        ("新昌县", "塘溪镇", ["童村", "邹溪村"])]


def test_places_with_their_own_time_after_a_semicolon_are_a_second_window():
    """One date, then ``A村8:00至17:00停电；B社区9:00至15:00停电``: the second slot was dropped
    with exit 0 (its range lies inside the first, so the time check let it pass)."""
    windows, _ = _placed("据了解，6月5日，因线路迁改，象山县定塘镇沙地村、定山村7:30至16:00停电；"
                         "宁海县一市镇箬岙村10:00至14:00停电。\n")
    assert windows == [
        ("2024-06-05", "07:30", "16:00", "象山县", "定塘镇", ["沙地村", "定山村"], None),
        ("2024-06-05", "10:00", "14:00", "宁海县", "一市镇", ["箬岙村"], None)]


def test_a_time_range_inside_a_read_window_is_reported_unless_the_text_calls_it_a_part():
    """A slot the readers miss is reported even when its hours lie inside a window they read
    (before, any such range passed as a part of that window, with exit 0); ``实际…仅…`` still
    marks a part."""
    result = parse_outage_notice("6月6日7:00至18:00，象山县泗洲头镇墩岙村停电，另外灵岩村10:00至12:00停电。\n",
                                 dt.date(2024, 5, 1), DISTRICTS)
    assert [(p.line, p.message) for p in result.problems] == [
        (1, 'time "10:00至12:00" was not read into any window; check the windows by hand, or use '
            "--allow-partial to keep it in a note")]
    result = parse_outage_notice("6月7日宁海县胡陈乡东山村计划停电时段为6:00-15:00，实际仅6:00-8:00停电。\n",
                                 dt.date(2024, 5, 1), DISTRICTS)
    assert not result.problems


# --- the tenth held-out round (Taipower open-data listings), scored once -------------------

def test_a_record_s_second_slot_has_the_places_of_its_record():
    """``secondStart``/``secondEnd`` after ``start``/``end``: the second slot took the first
    scope line of the whole listing (another township's place, written with exit 0)."""
    text = ("scope：屏東縣萬丹鄉社皮村\nstart：2026-03-02T09:00:00+08:00\n"
            "end：2026-03-02T12:00:00+08:00\nsecondStart：null\nsecondEnd：null\n\n"
            "scope：屏東縣潮州鎮光春路\nstart：2026-03-02T08:00:00+08:00\n"
            "end：2026-03-02T08:20:00+08:00\nsecondStart：2026-03-02T16:40:00+08:00\n"
            "secondEnd：2026-03-02T17:00:00+08:00\n\n"
            "scope：屏東縣潮州鎮新生路\nstart：2026-03-02T08:00:00+08:00\n"
            "end：2026-03-02T08:20:00+08:00\nsecondStart：2026-03-02T16:40:00+08:00\n"
            "secondEnd：2026-03-02T17:00:00+08:00\n")
    general = read_general(text, dt.date(2026, 3, 1))
    assert _rows(general.windows) == [
        ("2026-03-02", "09:00", "12:00", "萬丹鄉", ["社皮村"]),
        ("2026-03-02", "08:00", "08:20", "潮州鎮", ["光春路", "新生路"]),
        ("2026-03-02", "16:40", "17:00", "潮州鎮", ["光春路", "新生路"])]


def test_a_record_over_two_midnights_is_one_window_a_calendar_day():
    """A record from 10:00 to 16:00 two days later was one window ending ``次日次日16:00``
    (no time the content model reads)."""
    text = ("scope：宜蘭縣羅東鎮中正路\nstart：2026-04-07T10:00:00+08:00\n"
            "end：2026-04-09T16:00:00+08:00\n")
    assert _rows(read_general(text, dt.date(2026, 4, 1)).windows) == [
        ("2026-04-07", "10:00", "次日00:00", "羅東鎮", ["中正路"]),
        ("2026-04-08", "00:00", "次日00:00", "羅東鎮", ["中正路"]),
        ("2026-04-09", "00:00", "16:00", "羅東鎮", ["中正路"])]


# --- the Ningbo probes (synthetic, tests/importer/probes-ningbo), scored once ----------------

def test_a_later_item_led_by_its_own_district_is_an_institution_s_name_in_the_same_window():
    """``泗门镇谢家路村、…、余姚市泗门镇中心小学``: the school was a window of its own with its
    district cut off (exit 0), in the column and in prose; a listing whose every item is so led
    is still cut by them."""
    text = "5月9日 星期四\n\n象山 丹东街道：城东村、象山县丹东街道卫生院(8:00—12:00)\n"
    windows, _ = _placed(text)
    assert windows == [("2024-05-09", "08:00", "12:00", "象山县", "丹东街道",
                        ["城东村", "象山县丹东街道卫生院"], None)]
    windows, _ = _placed("国网宁海县供电公司定于5月10日8:00至12:00对长街镇青珠村、宁海县长街镇中心小学停电。\n")
    assert windows == [("2024-05-10", "08:00", "12:00", "宁海县", "长街镇",
                        ["青珠村", "宁海县长街镇中心小学"], None)]
    assert split_areas("宁海县跃龙街道桃源社区、宁海县跃龙街道金水社区") == [
        "宁海县跃龙街道桃源社区", "宁海县跃龙街道金水社区"]
    general = read_general("5月10日8:00至12:00，宁海县跃龙街道桃源社区、宁海县跃龙街道金水社区停电。\n",
                           dt.date(2024, 5, 1))
    # (Every item so led: cut by them, then one window for one district and town, as the
    # content model has it.)
    assert [(w["town"], w["areas"]) for w in general.windows] == [("跃龙街道", ["桃源社区", "金水社区"])]


def test_the_next_clause_of_a_sentence_opening_with_a_time_is_a_window():
    """``上午…对A停电；下午1:30至5:00对B停电``: the afternoon slot was dropped (held by the time
    check)."""
    windows, _ = _placed("国网象山县供电公司定于5月11日上午8:00至11:00对墙头镇方家岙村停电；"
                         "下午2:00至4:30对墙头镇溪里方村停电。\n")
    assert [(w[0], w[1], w[2], w[5]) for w in windows] == [
        ("2024-05-11", "08:00", "11:00", ["方家岙村"]),
        ("2024-05-11", "14:00", "16:30", ["溪里方村"])]


def test_a_wrapped_column_line_a_town_colon_at_its_end_and_a_kind_of_place_after_it():
    """``…宁海县西店镇香山`` / ``工业区部分企业(…)`` and ``鹤浦镇：`` / ``小百丈村(…)``: the
    wrapped word was two areas, the town at the end of a line an area with its colon."""
    windows, _ = _placed("5月12日 星期日\n\n象山 定塘镇沙地村、象山县定塘镇大塘\n开发区部分企业(8:00—16:00)"
                         "新桥镇：\n高湖村(12:00—17:00)\n")
    assert windows == [
        ("2024-05-12", "08:00", "16:00", "象山县", "定塘镇", ["沙地村", "象山县定塘镇大塘开发区部分企业"],
         None),
        ("2024-05-12", "12:00", "17:00", "象山县", "新桥镇", ["高湖村"], None)]


def test_a_wechat_post_read_by_the_column_reader():
    """Pictographs (``⏰``, ``📍``, ``⚡``) and a post's own lines (``点击上方蓝字关注…``) around
    ``【区】`` headings: the pictographs were read as areas, the post's last line as the last
    slot's places (exit 0)."""
    text = ("⚡停电预告⚡\n\n【北仑】\n⏰5月13日 8:00-15:00\n📍小港街道：红联社区、枫林社区\n\n"
            "温馨提示：停电期间请关闭家用电器。\n👆点击上方蓝字关注，每天推送民生资讯\n")
    windows, _ = _placed(text)
    assert windows == [("2024-05-13", "08:00", "15:00", "北仑区", "小港街道", ["红联社区", "枫林社区"],
                        None)]


def test_the_zhen_of_zhenhai_ends_no_town():
    """``宁波镇海炼化…`` read town ``宁波镇`` and area ``海炼化…``; ``对镇海区…`` read town
    ``对镇``."""
    windows, cancelled = _placed("原定5月14日对镇海区庄市街道勤勇村的计划停电，停电时间由8:00—16:00"
                                 "调整为9:00—12:00。\n")
    assert windows == [("2024-05-14", "09:00", "12:00", "镇海区", "庄市街道", ["勤勇村"], None)]
    assert cancelled == [("2024-05-14", "08:00", "16:00", "镇海区", "庄市街道", ["勤勇村"])]
    assert split_areas("俞范社区、宁波镇海石化配套企业") == ["俞范社区", "宁波镇海石化配套企业"]
    general = read_general("5月15日8:00至12:00，镇海区蛟川街道俞范社区、宁波镇海石化配套企业停电。\n",
                           dt.date(2024, 5, 1))
    assert [(w["town"], w["areas"]) for w in general.windows] == [
        ("蛟川街道", ["俞范社区", "宁波镇海石化配套企业"])]


def test_ji_after_a_village_or_buildings_before_a_place_of_its_own():
    assert split_areas("厉家村及慈溪掌起家电园区部分企业") == ["厉家村", "慈溪掌起家电园区部分企业"]
    assert split_areas("5-9幢及地下车库") == ["5-9幢", "地下车库"]
    assert split_areas("校医院及放射科") == ["校医院及放射科"]
    assert split_areas("五星村及周边用户") == ["五星村及周边用户"]


def test_an_adverb_before_jiang_is_no_part_of_the_place():
    windows, _ = _placed("此外，5月16日上午8时至11时，北仑区新碶街道星阳社区也将停电。\n")
    assert [w[5] for w in windows] == [["星阳社区"]]


def test_a_place_s_yidai_at_the_end_of_a_prose_list_is_kept():
    """``…、汪巷村一带`` in prose lost its 一带 (the column always kept it: ``万众村一带``);
    ``等一带`` still closes a list."""
    assert split_areas("横坎头村、汪巷村一带") == ["横坎头村", "汪巷村一带"]
    assert split_areas("横坎头村、汪巷村等一带") == ["横坎头村", "汪巷村"]


def test_a_village_committee_s_notice_of_its_own_places():
    """``我村A自然村、B自然村及村办冷库`` signed ``象山县墙头镇…村民委员会``: 我村 was part of the
    first place, and the window had no district."""
    text = ("全体村民：\n定于2025年6月4日上午七时至下午四时，我村上岙自然村、下岙自然村停电。\n"
            "象山县茅洋乡白岩下村村民委员会\n2025年6月1日\n")
    windows, _ = _placed(text, dt.date(2025, 6, 1))
    assert windows == [("2025-06-04", "07:00", "16:00", "象山县", "茅洋乡", ["上岙自然村", "下岙自然村"],
                        None)]


def test_numbered_records_with_a_whole_day_and_a_town_printed_again():
    """``【1】`` / ``停电时间：…全天`` / ``停电区域：宁海县长街镇`` / ``停电范围：长街镇青珠村…``: the
    column reader merged the two records (``【2】`` read as a place, exit 0); the range's first
    place kept its town."""
    text = ("【1】\n停电时间：2025年6月5日（星期四）全天\n停电区域：宁海县一市镇\n"
            "停电范围：一市镇箬岙村、前岙村\n\n【2】\n停电时间：2025年6月6日（星期五）下午1:00—4:00\n"
            "停电区域：宁海县一市镇\n停电范围：东岙村\n")
    windows, _ = _placed(text, dt.date(2025, 6, 1))
    assert windows == [
        ("2025-06-05", None, None, "宁海县", "一市镇", ["箬岙村", "前岙村"], None),
        ("2025-06-06", "13:00", "16:00", "宁海县", "一市镇", ["东岙村"], None)]


def test_counted_slots_under_a_date_and_a_labelled_pin():
    """``…3月6日将停电两次：`` / ``⏰第一次：6:00—7:00`` / ``⏰第二次：…`` / ``📍范围：…``: the
    slots were read as whole days, ``范围`` as part of the first place, and a town's
    institution after places naming no town as a window of its own."""
    text = ("各位居民：\n因线路改接，梅林街道部分区域6月7日（周六）将停电两次：\n"
            "⏰第一次：5:30—6:30\n⏰第二次：18:00—19:00\n📍范围：梅林村、河洪村、宁海县梅林街道卫生院\n")
    windows, _ = _placed(text, dt.date(2025, 6, 1))
    assert [(w[1], w[2], w[3], w[4], w[5]) for w in windows] == [
        ("05:30", "06:30", "宁海县", "梅林街道", ["梅林村", "河洪村", "宁海县梅林街道卫生院"]),
        ("18:00", "19:00", "宁海县", "梅林街道", ["梅林村", "河洪村", "宁海县梅林街道卫生院"])]


def test_a_post_titled_with_its_district_and_keycap_slots_over_town_lists():
    """``奉化这些地方要停电（6月9日 周一）`` / ``1️⃣ 8:00—12:00`` / ``溪口镇：…``: nothing was
    read; ``奉化溪口镇雪窦山景区`` after 溪口镇's places is its institution; ``象山停电预告｜…``
    names the district."""
    text = ("奉化这些地方要停电❗️（6月9日 周一）\n\n1️⃣ 8:00—12:00\n溪口镇：畸山村、岩头村、奉化溪口镇雪窦山景区\n"
            "2️⃣ 13:00—17:00\n萧王庙街道：青云村、林家村\n")
    windows, _ = _placed(text, dt.date(2025, 6, 1))
    assert windows == [
        ("2025-06-09", "08:00", "12:00", "奉化区", "溪口镇", ["畸山村", "岩头村", "奉化溪口镇雪窦山景区"],
         None),
        ("2025-06-09", "13:00", "17:00", "奉化区", "萧王庙街道", ["青云村", "林家村"], None)]
    windows, _ = _placed("📢北仑停电预告｜6月10日\n\n【春晓街道】\n⏰6月10日（周二）8:00-15:00\n"
                         "📍三山村、昆亭村\n", dt.date(2025, 6, 1))
    assert [(w[3], w[5]) for w in windows] == [("北仑区", ["三山村", "昆亭村"])]


# --- the second Ningbo probe set (tests/importer/probes-ningbo-2), scored once ---------------

def test_a_community_s_part_of_its_customers_is_its_own():
    """``A社区、B社区部分用户``: one area (部分用户 was shared as if it were a part of both)."""
    assert split_areas("新城社区、锦绣社区部分用户") == ["新城社区", "锦绣社区部分用户"]
    assert split_areas("湾头村、畈里塘村部分") == ["湾头村", "畈里塘村部分"]
    assert split_areas("会计学院、电子商务学院办公区域") == ["会计学院、电子商务学院办公区域"]


def test_a_town_alone_first_then_its_places_with_no_district_printed():
    """``📍 茅洋乡 白岩下村 溪口村`` and ``停电范围：咸祥镇 横山村部分用户``: the town was an
    area."""
    general = read_general("6月12日8:00至12:00停电，停电范围：瞻岐镇 合岙村部分用户、东城村\n",
                           dt.date(2025, 6, 1))
    assert [(w["town"], w["areas"]) for w in general.windows] == [("瞻岐镇", ["合岙村部分用户", "东城村"])]
    assert [(w["town"], w["areas"]) for w in read_general(
        "6月13日8:00至12:00停电，停电范围：瞻岐镇、咸祥镇\n", dt.date(2025, 6, 1)).windows] == [
        (None, ["瞻岐镇", "咸祥镇"])]


def test_a_place_that_goes_on_being_cut_and_a_bracketed_title():
    """``…，小白村继续停电`` gave ``小白村继续``; ``【象山停电】下周这些地方…`` names the district."""
    windows, _ = _placed("6月14日8:00—17:00，东吴镇天童村将停电；6月15日8:00—12:00，天童村继续停电。\n"
                         "鄞州区东吴镇天童村村民委员会\n", dt.date(2025, 6, 1))
    assert [w[5] for w in windows] == [["天童村"], ["天童村"]]
    windows, _ = _placed("【宁海停电】下周这些地方要停电\n\n1️⃣ 6月16日（周一）\n⏰ 8:30—15:30\n"
                         "📍 越溪乡：越溪村、王干山村\n", dt.date(2025, 6, 12))
    assert [(w[3], w[4], w[5]) for w in windows] == [("宁海县", "越溪乡", ["越溪村", "王干山村"])]


def test_a_day_said_by_a_word_after_a_date_in_news():
    """``同日9:00至12:00，…；次日7:30至11:30，…当天下午…``: those slots were dropped (held);
    a town named again alone keeps the district it was named with; ``至次日5:00`` is still an
    end."""
    text = ("6月17日8:00至16:00，北仑区白峰街道阳东村将停电；同日9:00至12:00，鄞州区瞻岐镇合岙村停电。"
            "次日7:30至11:30，瞻岐镇东城村也将停电，当天22:00至次日5:00，象山县东陈乡旦门村停电。\n")
    windows, _ = _placed(text, dt.date(2025, 6, 12))
    assert [(w[0], w[1], w[2], w[3], w[4], w[5]) for w in windows] == [
        ("2025-06-17", "08:00", "16:00", "北仑区", "白峰街道", ["阳东村"]),
        ("2025-06-17", "09:00", "12:00", "鄞州区", "瞻岐镇", ["合岙村"]),
        ("2025-06-18", "07:30", "11:30", "鄞州区", "瞻岐镇", ["东城村"]),
        ("2025-06-18", "22:00", "次日05:00", "象山县", "东陈乡", ["旦门村"])]


def test_a_listing_s_rows_of_one_slot_in_one_town_are_one_window_and_none_is_lost():
    """Two rows of a 95598 listing for one town and slot: the second (``茅山村部分用户``) was
    dropped without a word, taken for a vague restatement of the first."""
    text = ("供电单位\t停电类型\t停电区域\t停电开始时间\t停电结束时间\n"
            "国网宁波市北仑区供电公司\t计划停电\t北仑区白峰街道阳东村、小门村\t2025-06-18 08:00:00\t"
            "2025-06-18 16:00:00\n"
            "国网宁波市北仑区供电公司\t计划停电\t北仑区白峰街道上阳村部分用户\t2025-06-18 08:00:00\t"
            "2025-06-18 16:00:00\n")
    windows, _ = _placed(text, dt.date(2025, 6, 12))
    assert windows == [("2025-06-18", "08:00", "16:00", "北仑区", "白峰街道",
                        ["阳东村", "小门村", "上阳村部分用户"], None)]


def test_two_slots_of_a_record_whose_region_heads_its_range():
    """``停电时间：…8:00-12:00、13:00-17:00`` / ``停电区域：北仑区春晓街道`` / ``停电范围：…``: the
    two labels were taken for one list a slot (the morning had the region and no place)."""
    text = ("【1】停电时间：2025年6月19日（星期四）8:00-11:00、14:00-16:00\n停电区域：鄞州区咸祥镇\n"
            "停电范围：芦浦村、球东村\n")
    windows, _ = _placed(text, dt.date(2025, 6, 12))
    assert [(w[1], w[2], w[4], w[5]) for w in windows] == [
        ("08:00", "11:00", "咸祥镇", ["芦浦村", "球东村"]), ("14:00", "16:00", "咸祥镇", ["芦浦村", "球东村"])]


def test_one_cell_a_line_a_region_then_one_place_a_line():
    """``停电区域`` / ``江北区慈城镇`` / ``停电范围`` / ``毛岙村`` / ``南联村`` / ``停电设备`` …: no
    place was read (the first window had the town as its place)."""
    text = ("停电时间\n2025年6月20日 8:00-16:00\n停电区域\n镇海区九龙湖镇\n停电范围\n横溪村\n汶溪村\n"
            "九龙湖镇敬老院\n停电设备\n10kV横溪线\n送电时间\n2025年6月20日 16:00\n")
    windows, _ = _placed(text, dt.date(2025, 6, 12))
    assert windows == [("2025-06-20", "08:00", "16:00", "镇海区", "九龙湖镇",
                        ["横溪村", "汶溪村", "九龙湖镇敬老院"], None)]


# --- the third Ningbo probe set (tests/importer/probes-ningbo-3), scored once ---------------

def test_a_listing_with_a_district_column_and_a_planned_restoration_time():
    """``序号 / 所属区域 / 停电区域 / 停电设备 / 停电开始时间 / 计划送电时间`` with minutes only
    and ``首南街道 学府一号小区、…``: no table was found and nothing read. (The equipment column,
    dropped until stop 44, is kept in the window's note.)"""
    text = ("序号\t所属区域\t停电区域\t停电设备\t停电开始时间\t计划送电时间\n"
            "1\t象山县\t丹西街道 丹城村、大目湾新城部分小区\t10kV丹城线\t2025-06-21 08:00\t2025-06-21 15:00\n"
            "2\t象山县\t丹西街道 新丰村\t10kV丹城线\t2025-06-21 08:00\t2025-06-21 15:00\n")
    windows, _ = _placed(text, dt.date(2025, 6, 12))
    assert windows == [("2025-06-21", "08:00", "15:00", "象山县", "丹西街道",
                        ["丹城村", "大目湾新城部分小区", "新丰村"], "停电设备：10kV丹城线")]


def test_the_column_keeps_numbers_of_one_estate_and_a_whole_day_line_is_asked_about():
    """``舜江花园8、10、12幢`` was three areas; ``全天 长街镇 …`` under another district's heading
    took ``全天`` for a district and the last slot's hours (exit 0); it was then asked about, and
    is now read as the whole day in its own district (stop 36: the whole day first, as a time
    first)."""
    text = ("6月22日 星期日\n\n【余姚】\n7:30-11:30 兰江街道 谭家岭东路、舜江花园8、10、12幢\n\n"
            "【宁海】\n全天 长街镇 西岙村、伍山村\n")
    result = parse_outage_notice(text, dt.date(2025, 6, 12), DISTRICTS)
    assert [(w["district"], w["areas"], w["start"]) for w in result.fields["windows"]] == [
        ("余姚市", ["谭家岭东路", "舜江花园8、10、12幢"], "07:30"), ("宁海县", ["西岙村", "伍山村"], None)]
    assert not result.problems


def test_two_cancelled_slots_joined_by_yiji_with_zai_before_their_places():
    """``原定于…7:30-16:00在A镇X村、Y村一带，以及…8:00-12:00在B镇Z村、B镇卫生院的计划停电
    取消``: the second slot was written as a window (exit 0), ``以及`` was an area and ``在A镇``
    the town."""
    text = ("宁海县计划停电取消公告\n原定于6月23日（星期一）7:30-16:00在西店镇铁江村、团堧村一带，以及6月24日"
            "（星期二）8:00-12:00在深甽镇清潭村、深甽镇卫生院的计划停电取消，届时正常供电。\n")
    windows, cancelled = _placed(text, dt.date(2025, 6, 20))
    assert windows == []
    assert cancelled == [
        ("2025-06-23", "07:30", "16:00", "宁海县", "西店镇", ["铁江村", "团堧村一带"]),
        ("2025-06-24", "08:00", "12:00", "宁海县", "深甽镇", ["清潭村", "深甽镇卫生院"])]


def test_a_post_s_bulleted_list_under_a_label_and_its_own_lines():
    """``…以下区域将停电：`` / blank / ``🔸明楼街道：…`` / ``5月15日起恢复正常供电`` /
    ``📌来源：…``: the places were the source line, and the restoration day a window."""
    text = ("⚠️注意！北仑这里连续两晚夜间停电\n\n为配合管线迁改，6月25日至26日，每天晚上22:00至次日凌晨5:00，"
            "以下区域将停电：\n\n🔸新碶街道：星阳社区、明州路沿线商铺\n\n6月27日起恢复正常供电。\n\n"
            "📌来源：国网宁波市北仑区供电公司\n")
    windows, _ = _placed(text, dt.date(2025, 6, 20))
    assert [(w[0], w[1], w[2], w[3], w[4], w[5]) for w in windows] == [
        (day, "22:00", "次日05:00", "北仑区", "新碶街道", ["星阳社区", "明州路沿线商铺"])
        for day in ("2025-06-25", "2025-06-26")]


def test_numbered_slots_each_over_a_plain_list_line_in_a_street_office_s_notice():
    """``一、3月18日（星期三）8:30—17:00`` / ``A小区1-30幢、B路（…段）、C菜场。`` / ``二、…``:
    the first slot's places went to the second, the first got ``一``; the head's town is the
    town of the slot that names none."""
    text = ("关于段塘街道部分区域计划停电的通知\n\n辖区各单位、居民：\n"
            "接国网宁波供电公司通知，辖区以下区域将计划停电：\n\n一、6月26日（星期四）8:30—17:00\n"
            "段塘小区1-12幢、环城南路（望童路至苍松路段）、段塘菜场。\n\n二、6月27日（星期五）8:00—12:00\n"
            "南苑社区南苑小区3、5幢，宁波市海曙区段塘街道社区卫生服务中心。\n\n海曙区人民政府段塘街道办事处\n")
    windows, _ = _placed(text, dt.date(2025, 6, 20))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [
        ("2025-06-26", "海曙区", "段塘街道", ["段塘小区1-12幢", "环城南路（望童路至苍松路段）", "段塘菜场"]),
        ("2025-06-27", "海曙区", "段塘街道", ["南苑社区南苑小区3、5幢", "宁波市海曙区段塘街道社区卫生服务中心"])]


def test_a_post_s_numbered_district_headings_account_numbers_and_numbered_boxes():
    """``1️⃣余姚市`` over ``⏰…`` / ``📍泗门镇：…``: the first slot took the second heading's
    district (exit 0); ``（户号…）`` names a customer and stays; ``…工业园区1号、2号公变`` is one
    area."""
    text = ("【停电预告】6月28日余姚、慈溪这些地方停电\n\n1️⃣余姚市\n⏰6月28日（周六）8:00—12:00\n"
            "📍马渚镇：斗门村、宁波马渚精工有限公司（户号3304410001）\n\n2️⃣慈溪市\n"
            "⏰6月28日（周六）晚上20:00—23:00\n📍附海镇：东海村、附海工业园区1号、2号公变\n")
    windows, _ = _placed(text, dt.date(2025, 6, 20))
    assert [(w[1], w[3], w[4], w[5]) for w in windows] == [
        ("08:00", "余姚市", "马渚镇", ["斗门村", "宁波马渚精工有限公司（户号3304410001）"]),
        ("20:00", "慈溪市", "附海镇", ["东海村", "附海工业园区1号、2号公变"])]


def test_a_list_broken_inside_its_words_under_a_label_and_a_county_company_s_full_name():
    """``…对下列区域停电：`` then ``A镇：X村、Y村、`` / ``Z村一带、宁波A`` / ``水产有限公司`` /
    ``B镇：…``: only the first line was read (the rest lost with exit 0); ``国网浙江象山县供电
    有限公司`` (a county company's registered name) is the publisher and gives the district."""
    text = ("停电公告\n因10kV线路检修，国网浙江象山县供电有限公司定于6月29日（星期日）7:00-15:00对下列区域停电：\n"
            "石浦镇：东门村、番西村、\n延昌村一带、宁波石浦\n水产有限公司\n鹤浦镇：小百丈村、大\n岙村\n\n"
            "国网浙江象山县供电有限公司\n2025年6月26日\n")
    result = parse_outage_notice(text, dt.date(2025, 6, 26), DISTRICTS)
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("象山县", "石浦镇", ["东门村", "番西村", "延昌村一带", "宁波石浦水产有限公司"]),
        ("象山县", "鹤浦镇", ["小百丈村", "大岙村"])]
    assert result.fields["source"]["name"] == "国网浙江象山县供电有限公司"


# --- the fourth Ningbo probe set (tests/importer/probes-ningbo-4), scored once --------------

def test_a_listing_with_both_a_region_and_a_range_column():
    """``停电区域`` ``余姚市泗门镇`` beside ``停电范围`` ``泗门镇谢家路村、…``: the region was read
    as the only place."""
    text = ("序号\t供电单位\t停电类型\t停电区域\t停电范围\t停电开始时间\t停电结束时间\n"
            "1\t国网余姚市供电公司\t计划停电\t余姚市牟山镇\t牟山镇青港村、湖山村\t2025-06-30 07:00:00\t"
            "2025-06-30 15:00:00\n")
    windows, _ = _placed(text, dt.date(2025, 6, 26))
    assert windows == [("2025-06-30", "07:00", "15:00", "余姚市", "牟山镇", ["青港村", "湖山村"], None)]


def test_records_with_chinese_dates_and_a_separate_restoration_line():
    """``停电时间：2026年6月16日 08:00`` / ``送电时间：2026年6月16日 17:00`` / ``停电区域：…`` /
    ``停电范围：…``: no window was read."""
    text = ("停电时间：2025年7月1日 08:00\n送电时间：2025年7月1日 17:00\n停电区域：北仑区大碶街道\n"
            "停电线路：10kV灵峰线\n停电范围：灵峰村、高田王村\n")
    windows, _ = _placed(text, dt.date(2025, 6, 26))
    assert windows == [("2025-07-01", "08:00", "17:00", "北仑区", "大碶街道", ["灵峰村", "高田王村"], None)]


def test_an_estate_s_numbered_buildings_are_one_area_and_numbered_buildings_alone_are_not():
    assert split_areas("天童南路商铺、学府一号小区3号楼、5号楼") == ["天童南路商铺", "学府一号小区3号楼、5号楼"]
    assert split_areas("10号楼、11号楼") == ["10号楼", "11号楼"]


def test_one_place_a_bulleted_line_under_a_label():
    """``…对以下区域停电：`` / ``🔹A路（…段）沿线商铺`` / ``🔹B苑2、4、6幢`` / ``🔹C居委会`` /
    ``等区域。``: one bullet and ``等区域`` were read as the places (exit 0)."""
    text = ("国网宁波市江北区供电公司定于2025年7月2日至7月3日，每天晚上22:00至次日凌晨5:00，对以下区域停电：\n"
            "🔹人民路（大庆南路至中马路段）沿线商铺\n🔹江北商城2、4幢\n🔹中马街道中马社区居民委员会\n等区域。\n")
    windows, _ = _placed(text, dt.date(2025, 6, 26))
    assert [(w[0], w[3], w[5]) for w in windows] == [
        (day, "江北区", ["人民路（大庆南路至中马路段）沿线商铺", "江北商城2、4幢", "中马街道中马社区居民委员会"])
        for day in ("2025-07-02", "2025-07-03")]


def test_a_listing_with_region_and_range_columns_and_two_slots_in_one_cell():
    """``停电日期 | 停电时段 | 停电区域 | 停电范围`` with ``上午08:00-11:30 下午13:30-17:00``: the
    region was the only place and the afternoon was dropped."""
    text = ("停电日期\t停电时段\t停电区域\t停电范围\n"
            "2025-07-04\t上午08:00-11:30 下午13:30-17:00\t海曙区章水镇\t章水镇杖锡村、茅镬村\n")
    windows, _ = _placed(text, dt.date(2025, 6, 26))
    assert [(w[1], w[2], w[3], w[4], w[5]) for w in windows] == [
        ("08:00", "11:30", "海曙区", "章水镇", ["杖锡村", "茅镬村"]),
        ("13:30", "17:00", "海曙区", "章水镇", ["杖锡村", "茅镬村"])]


# --- the fifth Ningbo probe set (tests/importer/probes-ningbo-5), scored once ---------------

def test_a_column_with_bracketed_districts_before_its_runs_and_a_one_line_signature():
    """``【海曙区】石碶街道·栎社村…(8:00-16:00)…`` and ``宁波供电公司 网址：95598.zj.sgcc.com.cn``:
    the bracket was read into the first place (no district), ``宁波镇海…`` as a town, and the
    signature line reported."""
    text = ("7月5日（星期六）\n\n【镇海区】庄市街道·勤勇村、宁波镇海庄市五金厂5007712345(8:00-16:00)\n\n"
            "【江北区】洪塘街道：姚江花园、洪塘中学(9:00-15:00)\n\n宁波供电公司 网址：95598.zj.sgcc.com.cn\n")
    result = parse_outage_notice(text, dt.date(2025, 7, 1), DISTRICTS)
    assert not result.problems
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("镇海区", "庄市街道", ["勤勇村", "宁波镇海庄市五金厂5007712345"]),
        ("江北区", "洪塘街道", ["姚江花园", "洪塘中学"])]
    assert result.fields["source"] == {"name": "宁波供电公司", "url": "http://95598.zj.sgcc.com.cn"}


def test_a_district_company_s_table_read_by_the_column_reader_and_a_town_s_park():
    """A Markdown table of ``镇：places`` cells under ``国网宁波市鄞州区供电公司``: every row was
    reported for want of a district; ``瞻岐镇工业园区…`` after the town's places lost its town
    (a village printed with its town again, ``五乡镇石山弄村``, still loses it)."""
    text = ("国网宁波市鄞州区供电公司计划停电公告\n\n| 停电日期 | 停电时间 | 停电线路 | 停电范围 |\n"
            "| --- | --- | --- | --- |\n"
            "| 2025年7月8日 | 08:00-16:00 | 10kV合岙线 | 瞻岐镇：东城村、瞻岐镇工业园区纬三路一带 |\n"
            "| 2025年7月8日 | 09:00-15:00 | 10kV宝同线 | 五乡镇：宝同村、五乡镇石山弄村 |\n")
    result = parse_outage_notice(text, dt.date(2025, 7, 1), DISTRICTS)
    assert not result.problems
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("鄞州区", "瞻岐镇", ["东城村", "瞻岐镇工业园区纬三路一带"]),
        ("鄞州区", "五乡镇", ["宝同村", "石山弄村"])]


def test_a_district_company_s_table_with_town_headed_cells_and_two_slots():
    """``日期 | 时段 | 停电区域 | 停电线路及设备`` with ``文教街道：…`` cells under ``国网宁波供电公司
    江北区停电计划公告``: the town stayed in the first place and no district was found. (The town
    printed again before a later place is dropped, as the column reader drops it: stop 36.)"""
    text = ("国网宁波供电公司江北区停电计划公告（7月9日—7月10日）\n\n日期\t时段\t停电区域\t停电线路及设备\n"
            "7月9日（周三）\t9:00-11:30、14:00-16:30\t甬江街道：湾头村1号箱变、甬江街道畈里塘社区3、5号楼\t"
            "10kV湾头线\n7月10日（周四）\t8:00-16:00\t洪塘街道：姚江村\t10kV姚江线\n")
    windows, _ = _placed(text, dt.date(2025, 7, 4))
    assert [(w[0], w[1], w[3], w[4], w[5]) for w in windows] == [
        ("2025-07-09", "09:00", "江北区", "甬江街道", ["湾头村1号箱变", "畈里塘社区3、5号楼"]),
        ("2025-07-09", "14:00", "江北区", "甬江街道", ["湾头村1号箱变", "畈里塘社区3、5号楼"]),
        ("2025-07-10", "08:00", "江北区", "洪塘街道", ["姚江村"])]


def test_numbered_prose_items_with_a_town_and_its_places_after_the_time():
    """``一、10月15日（星期二）7:30-16:30，跃龙街道：城东社区、…。`` / ``三、…前童镇：鹿山村、前童古镇
    景区部分商户等。``: the item's number was read as its place, the next number glued to the
    last place, and ``前童古镇`` taken for a town."""
    text = ("国网宁海县供电公司定于近期对部分线路进行停电检修，具体安排如下：\n\n"
            "一、7月11日（星期五）7:30-16:30，跃龙街道：城东社区、兴海南路1号箱变。\n\n"
            "二、7月12日（星期六）上午8时至12时，前童镇：鹿山村、前童古镇景区部分商户等。\n")
    windows, _ = _placed(text, dt.date(2025, 7, 4))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [
        ("2025-07-11", "宁海县", "跃龙街道", ["城东社区", "兴海南路1号箱变"]),
        ("2025-07-12", "宁海县", "前童镇", ["鹿山村", "前童古镇景区部分商户"])]


def test_a_county_company_s_table_with_a_whole_day_row_and_its_name_over_it():
    """``国网象山县供电公司…停电计划`` over ``停电日期 | 停电时间 | 线路名称 | 停电范围`` with a
    ``全天`` row: the company's name was read as a district, and the whole table refused for
    the one row it could not time; ``新碶街道社区服务中心`` after the town's places keeps the
    town."""
    text = ("国网象山县供电公司2025年7月第二周停电计划\n\n停电日期\t停电时间\t线路名称\t停电范围\n"
            "7月8日\t8:00—16:00\t10kV鹤浦线\t鹤浦镇：小百丈村、鹤浦镇社区服务中心\n"
            "7月9日\t全天\t10kV墙头线\t墙头镇：溪口村\n")
    windows, _ = _placed(text, dt.date(2025, 7, 4))
    assert [(w[0], w[1], w[3], w[4], w[5]) for w in windows] == [
        ("2025-07-08", "08:00", "象山县", "鹤浦镇", ["小百丈村", "鹤浦镇社区服务中心"]),
        ("2025-07-09", None, "象山县", "墙头镇", ["溪口村"])]


def test_a_column_s_change_section_moves_the_original_slot_to_its_new_day():
    """A column's ``变更：`` / ``原定…停电的`` / the runs / ``改为…(time)``: the section was read as
    places, the runs under it as active outages on the original day, and ``改为…`` as a place."""
    text = ("计划停电预告\n\n5月12日 星期二\n\n海曙 古林镇·布政村、茂新村(8:00—15:30)\n\n调整：\n\n"
            "原定5月12日 星期二 停电的\n\n海曙 高桥镇岐阳村、民乐村(7:30—16:00)\n\n"
            "改为5月14日 星期四(8:30—12:00)\n\n原定5月13日停电的\n\n江北 庄桥街道·费市村(9:00—11:00)\n\n"
            "改为5月15日 星期五\n")
    result = parse_outage_notice(text, dt.date(2026, 5, 10), DISTRICTS)
    assert not result.problems
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2026-05-12", "08:00", "15:30", "古林镇", ["布政村", "茂新村"]),
        ("2026-05-14", "08:30", "12:00", "高桥镇", ["岐阳村", "民乐村"]),
        ("2026-05-15", "09:00", "11:00", "庄桥街道", ["费市村"])]
    assert [(str(w["date"]), w["start"], w["town"], w["areas"])
            for w in result.fields["cancelled"]] == [
        ("2026-05-12", "07:30", "高桥镇", ["岐阳村", "民乐村"]),
        ("2026-05-13", "09:00", "庄桥街道", ["费市村"])]


def test_a_column_place_wrapped_inside_its_brackets_and_an_institution_named_by_its_county():
    """``中山路（与解放路交叉口`` at a line's end, ``至鼓楼段）`` on the next: two places; and
    ``鄞州区第二医院`` first after a town: read as the district 鄞州区 and a place ``第二医院``."""
    text = ("计划停电预告\n\n6月3日 星期三\n\n海曙 鼓楼街道·公园路、中山路（与解放路交叉口\n"
            "至鼓楼段）、天一广场(8:00—16:00)\n\n鄞州 钟公庙街道·鄞州区第二医院、金都嘉园(9:00—15:00)\n")
    result = parse_outage_notice(text, dt.date(2026, 6, 1), DISTRICTS)
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("海曙区", "鼓楼街道", ["公园路", "中山路（与解放路交叉口至鼓楼段）", "天一广场"]),
        ("鄞州区", "钟公庙街道", ["鄞州区第二医院", "金都嘉园"])]


def test_a_listing_s_region_that_is_a_district_alone_and_a_town_printed_again_in_its_range():
    """95598 records with ``停电区域：海曙区`` over ``停电范围：古林镇薛家村、古林镇茂新村、古林镇
    卫生院``: the district was lost (a district and a colon read as a list's label) and the town
    printed again before 茂新村 kept; the town's clinic keeps its name."""
    text = ("供电单位：国网宁波供电公司\n停电区域：海曙区\n停电范围：古林镇薛家村、古林镇茂新村、古林镇卫生院\n"
            "停电开始时间：2026-05-12 08:00:00\n停电结束时间：2026-05-12 16:00:00\n")
    windows, _ = _placed(text, dt.date(2026, 5, 8))
    assert windows == [("2026-05-12", "08:00", "16:00", "海曙区", "古林镇",
                        ["薛家村", "茂新村", "古林镇卫生院"], None)]


def test_a_column_s_town_ending_its_line_and_a_list_wrapped_after_its_separator():
    """``…(8:00—12:00)石碶街道`` ending a line with the places on the next: the town was read
    as a place with no time; ``海曙区石碶街道中心幼儿园`` starting the line after ``…、``: read as
    a new district line, its run cut from the places before; ``石碶街道星光旅游服务中心``
    lost its town."""
    text = ("计划停电预告\n\n7月7日 星期二\n\n海曙 高桥镇岐阳村(8:00—12:00)石碶街道\n"
            "冯家村、星光村、\n海曙区石碶街道中心幼儿园、石碶街道星光旅游服务中心(13:00—17:00)\n")
    windows, _ = _placed(text, dt.date(2026, 7, 3))
    assert [(w[1], w[3], w[4], w[5]) for w in windows] == [
        ("08:00", "海曙区", "高桥镇", ["岐阳村"]),
        ("13:00", "海曙区", "石碶街道", ["冯家村", "星光村", "海曙区石碶街道中心幼儿园",
                                      "石碶街道星光旅游服务中心"])]


def test_a_listing_s_timestamp_with_no_such_month_is_reported_not_a_traceback():
    """``停电开始时间：2026-13-05 08:00:00`` (found by the mutation test): ``datetime`` raised."""
    text = ("停电范围：古林镇薛家村\n停电开始时间：2026-13-05 08:00:00\n"
            "停电结束时间：2026-05-12 16:00:00\n")
    result = parse_outage_notice(text, dt.date(2026, 5, 8), DISTRICTS)
    assert result.fields["windows"] == []
    assert result.problems


def test_a_column_s_running_head_and_credits_between_days():
    """``2026年10月19日　星期一　　A7　　民生·服务`` and ``责任编辑：…　美术编辑：…`` between two
    days: read as places with no time, and the whole column given up for one window of them."""
    text = ("计划停电预告\n\n10月20日 星期二\n\n镇海 招宝山街道白龙洞社区(8:30—15:30)\n\n"
            "2026年10月19日　星期一　　　A7　　　　　民生·服务\n责任编辑：周晓岚　　美术编辑：陈曦\n\n"
            "10月21日 星期三\n\n北仑 柴桥街道河头村、紫石村(7:30—16:30)\n")
    result = parse_outage_notice(text, dt.date(2026, 10, 19), DISTRICTS)
    assert not result.problems
    assert [(str(w["date"]), w["district"], w["areas"]) for w in result.fields["windows"]] == [
        ("2026-10-20", "镇海区", ["白龙洞社区"]), ("2026-10-21", "北仑区", ["河头村", "紫石村"])]
    assert "责任编辑：周晓岚  美术编辑：陈曦" in result.body_lines


def test_a_column_with_one_line_it_cannot_read_keeps_its_windows_and_reports_the_line():
    """A column of four windows with one line it cannot place (``2026年10月19日 民生·服务``, a
    page's head of a kind it does not know): the layout reader's one window of that line was
    taken instead."""
    text = ("计划停电预告\n\n10月20日 星期二\n\n镇海 招宝山街道白龙洞社区、城河西路一带(8:30—15:30)"
            "澥浦镇汇源村(8:00—16:00)\n\n北仑 新碶街道泰河社区(9:00—16:00)\n\n2026年10月19日 民生·服务\n\n"
            "10月21日 星期三\n\n北仑 柴桥街道河头村、紫石村(7:30—16:30)\n")
    result = parse_outage_notice(text, dt.date(2026, 10, 19), DISTRICTS)
    assert len(result.fields["windows"]) == 4
    assert [(p.line, p.message) for p in result.problems] == [
        (9, 'areas "服务" have no time window; expected one after them, such as "(8:30—15:30)"')]


def test_an_outage_already_over_is_no_window():
    """A 网上国网 listing's ``故障停电`` record (``状态：已送电``) before the planned ones, and a
    sentence ``…发生故障，经抢修已于当日14时30分恢复送电``: both became windows, with exit 0."""
    text = ("网上国网 · 宁波 · 江北区\n\n故障停电\n停电时间：2026-07-20 10:42 至 2026-07-20 13:15\n"
            "停电区域：江北区庄桥街道天水家园3期12-18幢\n状态：已送电\n\n计划停电\n"
            "停电时间：2026-07-22 08:00 至 2026-07-22 16:00\n停电区域：江北区慈城镇半浦村、毛力村\n"
            "状态：待执行\n\n7月19日10kV半浦线因外力破坏发生故障，经抢修已于当日14时30分恢复送电。\n")
    result = parse_outage_notice(text, dt.date(2026, 7, 20), DISTRICTS)
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2026-07-22", "慈城镇", ["半浦村", "毛力村"])]
    assert [(w.line, w.message) for w in result.warnings if "over" in w.message] == [
        (3, '"故障停电" is about an outage already over (故障, 已送电), not a planned window; '
            "kept in the body"),
        (13, '"7月19日10kV半浦线因外力破坏发生故障，经抢修已于当日14时30分恢复送电。" is about an outage '
             "already over (故障, 已送电), not a planned window; kept in the body")]


def test_a_town_named_alone_gets_its_district_from_the_towns_the_site_declares():
    """A property's notice naming only ``尚田街道`` and a record naming only ``莼湖镇`` (the former
    name of 莼湖街道): no district, and the notice could not be written (TOWNS in pelicanconf.py
    now declares every town of Ningbo, with short and former names)."""
    windows, _ = _placed("6月3日8:00至15:30，尚田街道鸣雁村、印家坑村停电。\n", dt.date(2025, 6, 1))
    assert windows == [("2025-06-03", "08:00", "15:30", "奉化区", "尚田街道", ["鸣雁村", "印家坑村"],
                        None)]
    windows, _ = _placed("停电时间：2025-06-05 08:00:00\n送电时间：2025-06-05 16:00:00\n"
                         "停电范围：莼湖镇桐照村、栖凤村\n", dt.date(2025, 6, 1))
    assert [(w[3], w[4], w[5]) for w in windows] == [("奉化区", "莼湖街道", ["桐照村", "栖凤村"])]


def test_two_listing_records_on_one_slot_in_two_towns_stay_two_windows():
    """Two 95598 records of the same slot, ``停电范围：横溪镇大岙村、梅岭村、横溪镇周夹村`` and
    ``停电范围：瞻岐镇东城村、合一村``: merged into one window, each town kept in its first place."""
    record = ("供电单位：国网宁波市鄞州区供电公司\n停电时间：2025-06-12 08:00:00\n"
              "送电时间：2025-06-12 15:00:00\n停电范围：{}\n\n")
    text = (record.format("横溪镇大岙村、梅岭村、横溪镇周夹村") + record.format("瞻岐镇东城村、合一村"))
    windows, _ = _placed(text, dt.date(2025, 6, 10))
    assert [(w[3], w[4], w[5]) for w in windows] == [
        ("鄞州区", "横溪镇", ["大岙村", "梅岭村", "周夹村"]), ("鄞州区", "瞻岐镇", ["东城村", "合一村"])]


def test_a_table_s_short_town_column_gives_the_declared_town_and_its_district():
    """``| 日期 | 时间 | 街道（镇） | 停电范围 | 线路名称 |`` with ``大碶`` in the town column: the
    header was not read (the line name became a place), and the rows had no district; and a
    town-led item's institution led by its county (``宁海县桥头胡街道中心幼儿园``) stays whole."""
    text = ("| 日期 | 时间 | 街道（镇） | 停电范围 | 线路名称 |\n| --- | --- | --- | --- | --- |\n"
            "| 11月4日 | 08:00-17:00 | 大碶 | 高塘村、大碶街道璎珞村 | 10kV高塘P731线 |\n\n"
            "12月1日 7:30—11:30 桥头胡街道汶溪周村、上金村、宁海县桥头胡街道中心幼儿园\n")
    windows, _ = _placed(text, dt.date(2025, 11, 1))
    assert [(w[0], w[3], w[4], w[5], w[6]) for w in windows] == [
        ("2025-11-04", "北仑区", "大碶街道", ["高塘村", "璎珞村"], "线路名称：10kV高塘P731线"),
        ("2025-12-01", "宁海县", "桥头胡街道", ["汶溪周村", "上金村", "宁海县桥头胡街道中心幼儿园"], None)]


def test_a_listing_pasted_as_a_space_aligned_table_with_a_start_and_an_end_column():
    """``区县  停电开始时间  恢复送电时间  停电范围`` aligned by spaces under a title ``…计划停电信息
    （北仑、镇海）　2026年11月9日更新``: each stamp read as a place with no time, and the title
    as a place."""
    text = ("宁波地区计划停电信息（北仑、镇海）　2026年11月9日更新\n\n"
            "区县      停电开始时间        恢复送电时间        停电范围\n"
            "北仑区    2026-11-10 08:30    2026-11-10 16:30    小港街道红联村、渡头董村\n"
            "镇海区    2026-11-11 22:00:00    2026-11-12 04:00:00    蛟川街道临江社区\n")
    result = parse_outage_notice(text, dt.date(2026, 11, 9), DISTRICTS)
    assert not result.problems
    assert [(str(w["date"]), w["start"], w["end"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2026-11-10", "08:30", "16:30", "北仑区", "小港街道", ["红联村", "渡头董村"]),
        ("2026-11-11", "22:00", "次日04:00", "镇海区", "蛟川街道", ["临江社区"])]


def test_a_column_run_moved_on_its_own_line():
    """``变更：`` then ``宁海 桃源街道下洋王村、上洋王村 原8月7日 星期五(8:00—16:00)停电，变更为8月8日
    星期六(8:00—13:00)``: the original day and ``停电，变更为8月8日`` were read as places."""
    text = ("计划停电预告\n\n8月6日 星期四\n\n象山 鹤浦镇小百丈村(8:00—16:00)\n\n变更：\n\n"
            "宁海 桃源街道下洋王村、上洋王村 原8月7日 星期五(8:00—16:00)停电，变更为8月8日 星期六"
            "(8:00—13:00)\n")
    windows, cancelled = _placed(text, dt.date(2026, 8, 5))
    assert not parse_outage_notice(text, dt.date(2026, 8, 5), DISTRICTS).problems
    assert [(w[0], w[1], w[2], w[4], w[5]) for w in windows] == [
        ("2026-08-06", "08:00", "16:00", "鹤浦镇", ["小百丈村"]),
        ("2026-08-08", "08:00", "13:00", "桃源街道", ["下洋王村", "上洋王村"])]
    assert cancelled == [("2026-08-07", "08:00", "16:00", "宁海县", "桃源街道", ["下洋王村", "上洋王村"])]


def test_a_change_notice_s_line_cut_with_its_places_in_brackets_and_a_slot_that_stands():
    """``原定于…对10kV新浦线停电检修（影响新浦镇水湘村、…），调整为…`` and ``原定于…对10kV胜山线的停电
    计划（影响胜山镇四灶浦村、西门外村）时间不变``: the line was read as the place, and the slot
    that stands was cancelled."""
    text = ("一、原定于2026年8月18日（星期二）8:00—16:00对10kV新浦线停电检修（影响新浦镇水湘村、新浦镇老浦村），"
            "调整为2026年8月20日（星期四）7:00—15:00，停电范围不变。\n\n"
            "二、原定于2026年8月19日（星期三）8:30—15:30对10kV胜山线的停电计划（影响胜山镇四灶浦村、西门外村）"
            "时间不变，请相关客户做好准备。\n\n国网慈溪市供电公司\n")
    windows, cancelled = _placed(text, dt.date(2026, 8, 14))
    assert [(w[0], w[1], w[3], w[4], w[5]) for w in windows] == [
        ("2026-08-20", "07:00", "慈溪市", "新浦镇", ["水湘村", "老浦村"]),
        ("2026-08-19", "08:30", "慈溪市", "胜山镇", ["四灶浦村", "西门外村"])]
    assert [(c[0], c[1], c[4], c[5]) for c in cancelled] == [
        ("2026-08-18", "08:00", "新浦镇", ["水湘村", "老浦村"])]


def test_a_post_s_tips_heading_its_credits_and_its_repair_line_end_the_list():
    """``💡温馨提示`` after a list's last line was read as one more place; ``编辑：…`` and
    ``电力故障报修：95598`` as places with no time."""
    text = ("7月8日（周三）\n鄞州区：7:00-11:30\n潘火街道金谷中路、东方丽都小区5、7、9号楼\n\n💡温馨提示\n"
            "电力故障报修：95598\n编辑：张颖\n")
    result = parse_outage_notice(text, dt.date(2026, 7, 6), DISTRICTS)
    assert not result.problems
    assert [w["areas"] for w in result.fields["windows"]] == [["金谷中路", "东方丽都小区5、7、9号楼"]]


def test_a_slot_postponed_to_the_same_time_of_another_day_with_its_places_below():
    """``原定于10月13日（星期二）7:30—15:30对凤山街道部分区域的计划停电，…延期至10月15日（星期四）同一
    时段进行。`` / ``涉及区域：…``: the new day had no time, and the slot cancelled only "part"
    of its town."""
    text = ("【停电延期】原定于10月13日（星期二）7:30—15:30对凤山街道部分区域的计划停电，因施工安排调整，"
            "延期至10月15日（星期四）同一时段进行。\n\n涉及区域：凤山街道城西村、新城市花园1至20幢。\n\n"
            "国网余姚市供电公司\n")
    windows, cancelled = _placed(text, dt.date(2026, 10, 10))
    assert [(w[0], w[1], w[2], w[3], w[5]) for w in windows] == [
        ("2026-10-15", "07:30", "15:30", "余姚市", ["城西村", "新城市花园1至20幢"])]
    assert [(c[0], c[1], c[5]) for c in cancelled] == [
        ("2026-10-13", "07:30", ["城西村", "新城市花园1至20幢"])]


def test_a_listing_s_query_line_and_page_footer_are_the_page_s():
    """``地区：宁波市    查询时间：2025-10-20 09:12`` over the records and ``第1页 共1页  每页显示 20
    条`` under them: the query time was a place with no window, the footer the last record's
    last place; the notice went to the layout reader, which split the records' towns."""
    text = ("计划停电信息\n地区：宁波市    查询时间：2025-10-20 09:12\n\n停电区域：宁波市江北区\n"
            "停电时间：2025-10-21 08:00 至 2025-10-21 16:30\n停电范围：甬江街道  倪家堰村、江北区甬江街道"
            "生鲜农贸市场\n\n第1页 共1页  每页显示 20 条\n")
    result = parse_outage_notice(text, dt.date(2025, 10, 20), DISTRICTS)
    assert not result.problems
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("江北区", "甬江街道", ["倪家堰村", "江北区甬江街道生鲜农贸市场"])]


def test_a_district_utility_named_in_a_school_s_prose_gives_its_district():
    """``根据镇海区供电分局安排，学校配电房将进行…`` and numbered slots of the school's buildings:
    no district (the utility is named only in the prose, as a 分局)."""
    text = ("关于暑期校园计划停电的通知\n\n根据镇海区供电分局安排，学校配电房将进行年度预防性试验，"
            "现将停电安排通知如下：\n\n1. 7月9日（周三）6:00—12:00：教学楼A区、实验楼、图书馆；\n")
    windows, _ = _placed(text, dt.date(2025, 7, 7))
    assert [(w[0], w[1], w[3], w[5]) for w in windows] == [
        ("2025-07-09", "06:00", "镇海区", ["教学楼A区", "实验楼", "图书馆"])]


def test_a_property_notice_s_places_that_keep_their_supply_and_its_signature_s_district():
    """``涉及范围：4号楼、6号楼及地下车库，2号楼、3号楼及物业服务中心照常供电`` signed ``…物业服务中心
    （鄞州区钟公庙街道）``: the buildings that keep their supply were read as places, and the
    window had no district."""
    text = ("尊敬的业主：\n\n本小区将于2025年8月20日（周三）08:30—17:30停电，涉及范围：4号楼、6号楼及地下车库，"
            "2号楼、3号楼及物业服务中心照常供电。\n\n宁波金色水岸花园物业服务中心（鄞州区钟公庙街道）\n"
            "2025年8月18日\n")
    result = parse_outage_notice(text, dt.date(2025, 8, 18), DISTRICTS)
    assert [(w["district"], w["areas"]) for w in result.fields["windows"]] == [
        ("鄞州区", ["4号楼", "6号楼", "地下车库"])]
    assert [m.message for m in result.warnings if "publisher" in m.message] == [
        '1 window naming no district put in 鄞州区, the district its publisher "宁波金色水岸花园物业'
        '服务中心（鄞州区钟公庙街道）" serves; check it']


def test_a_village_s_list_opened_by_its_label_with_a_count_of_its_hamlets():
    """``全天停电，范围为本村高泥、下湾、塘岸三个自然村及村老年活动室``: read as ``范围为本村高泥`` …
    ``塘岸三个自然村`` (the label, ``本村`` and the count kept in the places)."""
    windows, _ = _placed("1月13日（星期二）全天停电，范围为本村高泥、下湾、塘岸三个自然村及村老年活动室。\n\n"
                         "象山县黄避岙乡高泥村村民委员会\n", dt.date(2026, 1, 8))
    assert [(w[0], w[1], w[5]) for w in windows] == [
        ("2026-01-13", None, ["高泥", "下湾", "塘岸", "村老年活动室"])]


def test_a_table_one_cell_a_line_with_a_wrapped_range_a_whole_day_and_line_names():
    """``停电日期`` / ``停电时间`` / ``停电范围`` / ``停电设备`` one cell a line: the line names
    (``10kV鸣鹤1351线``) were read as places, ``浒山街道`` alone on its line glued to the next
    place, ``全天`` alone unread, ``上一篇：…`` read as a window, ``观海卫镇五磊寺`` lost its town
    and the title was read as a place."""
    text = ("国网慈溪市供电公司2024年10月15日—16日计划停电公告\n\n停电日期\n停电时间\n停电范围\n停电设备\n"
            "2024年10月15日\n7:00-15:00\n观海卫镇鸣鹤村、观海卫镇五磊寺\n10kV鸣鹤1351线\n"
            "2024年10月15日\n8:00-12:00\n浒山街道\n界牌社区、\n新城大道北路588号—620号\n10kV孙塘1226线新城支线\n"
            "2024年10月16日\n全天\n掌起镇厉家村\n10kV掌起1412线\n\n上一篇：国网慈溪市供电公司2024年10月8日—9日"
            "计划停电公告\n")
    result = parse_outage_notice(text, dt.date(2024, 10, 10), DISTRICTS)
    assert not result.problems
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"], w.get("note"))
            for w in result.fields["windows"]] == [
        ("2024-10-15", "07:00", "慈溪市", "观海卫镇", ["鸣鹤村", "观海卫镇五磊寺"], "10kV鸣鹤1351线"),
        ("2024-10-15", "08:00", "慈溪市", "浒山街道", ["界牌社区", "新城大道北路588号—620号"],
         "10kV孙塘1226线新城支线"),
        ("2024-10-16", None, "慈溪市", "掌起镇", ["厉家村"], "10kV掌起1412线")]


def test_a_town_s_office_an_old_town_s_scenic_area_and_a_building_s_entrance():
    """``凤山街道办事处`` after its town's places lost its town (``办事处``), ``鸣鹤古镇景区`` was cut
    at a town ``鸣鹤古镇``, and ``6幢1单元`` after ``天一家园3幢、5幢`` became a place of its own."""
    windows, _ = _placed("停电日期\t停电时间\t停电范围\n2025-09-17\t08:00-12:00\t凤山街道新建北路、"
                         "凤山街道办事处\n", dt.date(2025, 9, 12))
    assert [w[5] for w in windows] == [["新建北路", "凤山街道办事处"]]
    text = "计划停电预告\n\n12月17日 星期二\n\n慈溪 观海卫镇五洞闸村、鸣鹤古镇景区、杜湖村一带(8:30—17:00)\n"
    windows, _ = _placed(text, dt.date(2024, 12, 16))
    assert [(w[4], w[5]) for w in windows] == [("观海卫镇", ["五洞闸村", "鸣鹤古镇景区", "杜湖村一带"])]
    windows, _ = _placed("4月15日13:30至17:00，月湖街道天一家园3幢、5幢、6幢1单元停电。\n",
                         dt.date(2025, 4, 10))
    assert [w[5] for w in windows] == [["天一家园3幢、5幢、6幢1单元"]]


def test_a_row_s_town_printed_again_and_an_sms_request_after_its_list():
    """A tab table's range ``柴桥街道后所村、紫石村（部分）、柴桥街道河头村`` kept the town in every
    place; an SMS ``停电范围：下应街道河东村、…，请提前做好准备`` kept the request as a place."""
    text = ("停电日期\t停电时间\t停电线路\t停电范围\n2025年11月12日（周三）\t08:00-17:00\t10kV后所G386线\t"
            "柴桥街道后所村、紫石村（部分）、柴桥街道河头村\n")
    windows, _ = _placed(text, dt.date(2025, 11, 10))
    assert [(w[3], w[4], w[5]) for w in windows] == [
        ("北仑区", "柴桥街道", ["后所村", "紫石村（部分）", "河头村"])]
    text = ("【国网宁波供电】尊敬的客户：因电力设备检修，您所在区域计划于2025年10月23日07:30至2025年10月23日"
            "16:00停电，停电范围：下应街道河东村、天童北路1288弄，请提前做好准备。如有疑问请致电95598。\n")
    windows, _ = _placed(text, dt.date(2025, 10, 20))
    assert [(w[3], w[4], w[5]) for w in windows] == [("鄞州区", "下应街道", ["河东村", "天童北路1288弄"])]


def test_a_group_s_name_on_the_first_line_gives_the_district():
    """A community group's messages under ``鄞州区首南街道学士社区居民群(486)``: the windows named no
    district and the notice could not be written."""
    text = ("鄞州区首南街道学士社区居民群(486)\n\n5月18日 下午4:12\n学士社区-网格员小林：\n"
            "【停电通知】各位居民大家好！咱们社区以下区域要停电：\n⚡5月20日（周三）8:00-11:00\n"
            "学士苑3、5、7、8号楼，学士苑商业街（沿街店铺）\n")
    result = parse_outage_notice(text, dt.date(2026, 5, 18), DISTRICTS)
    assert [(w["district"], w["areas"]) for w in result.fields["windows"]] == [
        ("鄞州区", ["学士苑3、5、7、8号楼", "学士苑商业街（沿街店铺）"])]
    assert [m.message for m in result.warnings if "head line" in m.message] == [
        "1 window naming no district put in 鄞州区, the district the notice's head line "
        '"鄞州区首南街道学士社区居民群(486)" names; check it']


def test_a_post_with_a_spaced_title_a_byline_a_whole_day_first_and_a_repair_already_done():
    """``象山供电 停电通知（8月20日-8月22日）`` / ``国网象山县供电公司 发表于 2025年8月18日`` were read
    as places; ``全天 鹤浦镇…（海岛线路更换海缆终端，停电一天）`` had no time and kept its reason;
    a repair already done (``…已于当晚21:40修复送电，…。``) and ``…客户服务中心：0574-…`` were
    read as places with no time."""
    text = ("象山供电 停电通知（8月20日-8月22日）\n\n国网象山县供电公司 发表于 2025年8月18日\n\n"
            "【8月21日 星期四】\n全天 鹤浦镇小百丈村、鹤浦镇樊岙村（海岛线路更换海缆终端，停电一天）\n\n"
            "8月17日墙头镇溪口村因雷击造成的线路故障已于当晚21:40修复送电，感谢大家的理解与支持。\n\n"
            "象山供电客户服务中心：0574-65761234\n")
    result = parse_outage_notice(text, dt.date(2025, 8, 18), DISTRICTS)
    assert not result.problems
    assert [(str(w["date"]), w["start"], w["town"], w["areas"], w.get("note"))
            for w in result.fields["windows"]] == [
        ("2025-08-21", None, "鹤浦镇", ["小百丈村", "樊岙村"], "海岛线路更换海缆终端，停电一天")]


def test_a_postponement_that_keeps_its_time_and_places_in_other_words():
    """``原定于…7:00-17:00对劳家埭村、周巷镇新缪路村、慈溪市周巷镇工业园区（西区）进行的计划停电，…
    现延期至2026年10月21日（星期三）进行，停电时间（7:00-17:00）及停电范围不变``: the original
    slot had no places, the new one no time."""
    text = ("原定于2026年10月14日（星期三）7:00-17:00对劳家埭村、周巷镇新缪路村、慈溪市周巷镇工业园区（西区）"
            "进行的计划停电，因物资未能按期到货，现延期至2026年10月21日（星期三）进行，停电时间（7:00-17:00）"
            "及停电范围不变。\n")
    windows, cancelled = _placed(text, dt.date(2026, 10, 12))
    assert [(w[0], w[1], w[2], w[3], w[4], w[5]) for w in windows] == [
        ("2026-10-21", "07:00", "17:00", "慈溪市", "周巷镇",
         ["劳家埭村", "新缪路村", "慈溪市周巷镇工业园区（西区）"])]
    assert [(c[0], c[1], c[5]) for c in cancelled] == [
        ("2026-10-14", "07:00", ["劳家埭村", "新缪路村", "慈溪市周巷镇工业园区（西区）"])]


def test_an_sms_thread_whose_second_message_cancels_the_first_slot():
    """An announcement, then ``原定于…在小港街道红联村、…的计划停电已取消``: the slot was written as
    a window and the cancellation had no places."""
    text = ("【国网宁波供电】尊敬的客户：因线路检修，计划于2026年04月16日08:00-17:00对北仑区小港街道红联村、"
            "渡头董村停电，请您提前做好准备。\n\n【国网宁波供电】尊敬的客户：原定于2026年04月16日08:00-17:00在"
            "小港街道红联村、渡头董村的计划停电已取消，届时将正常供电。\n")
    result = parse_outage_notice(text, dt.date(2026, 4, 15), DISTRICTS)
    assert result.fields["windows"] == []
    assert [(str(c["date"]), c["district"], c["areas"]) for c in result.fields["cancelled"]] == [
        ("2026-04-16", "北仑区", ["红联村", "渡头董村"])]
    assert [w.message for w in result.warnings if "later" in w.message] == [
        'the window of 2026-04-16 for "红联村、渡头董村" is cancelled later in the notice; written as '
        "cancelled only"]


def test_a_postponed_line_cut_its_places_under_an_unchanged_range_and_a_slot_that_stands():
    """``原定于…对10kV鹤浦线进行的停电检修，…延期至…进行。停电范围不变：鹤浦镇大岙村、…`` and
    ``同期安排的3月13日…高塘岛乡花岙村停电计划不变，时间仍为7:30－12:30``: the line was the place
    of both slots, the unchanged range unread, and the slot that stands had the other's places;
    ``因10kV崇寿G562线配合停电，崇寿镇六塘村…停电`` took the line for the place."""
    text = ("原定于2027年3月12日（星期五）8:00－17:00对10kV鹤浦线进行的停电检修，因受海上大风影响，经研究决定"
            "延期至2027年3月19日（星期五）8:00－17:00进行。停电范围不变：鹤浦镇大岙村、小百丈村。\n\n"
            "同期安排的3月13日（星期六）高塘岛乡花岙村停电计划不变，时间仍为7:30－12:30。\n\n"
            "另，2027年3月18日（星期四）8:00—16:00，因10kV崇寿G562线配合停电，崇寿镇六塘村、傅家路村停电。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 11))
    assert [(w[0], w[1], w[4], w[5]) for w in windows] == [
        ("2027-03-19", "08:00", "鹤浦镇", ["大岙村", "小百丈村"]),
        ("2027-03-13", "07:30", "高塘岛乡", ["花岙村"]),
        ("2027-03-18", "08:00", "崇寿镇", ["六塘村", "傅家路村"])]
    assert [(c[0], c[4], c[5]) for c in cancelled] == [("2027-03-12", "鹤浦镇", ["大岙村", "小百丈村"])]


def test_a_village_speaking_of_itself_and_a_conjunction_before_the_last_place():
    """``对我村上皎自然村、下皎自然村停电`` kept ``我村``; ``…，以及长溪村工业区`` kept ``以及``."""
    windows, _ = _placed("3月18日7:30至16:00，因线路改造，对我村上皎自然村、下皎自然村及村委会办公楼停电。\n",
                         dt.date(2027, 3, 15))
    assert [w[5] for w in windows] == [["上皎自然村", "下皎自然村", "村委会办公楼"]]
    assert split_areas("厉家村、古窑浦村，以及长溪村工业区") == ["厉家村", "古窑浦村", "长溪村工业区"]


def test_a_listing_one_cell_a_line_with_start_and_end_stamps_and_its_query_lines():
    """A 95598 listing pasted one cell a line (``序号`` / … / ``停电类型``, then each row's number,
    unit, ``2027-03-16 08:30`` / ``2027-03-16 15:30``, range and kind) under ``地市：宁波    区县：
    镇海区`` and a pager: every stamp was a place with no time; and a table one cell a line whose
    last column is ``停电设备``: its equipment was the last place."""
    text = ("地市：宁波    区县：镇海区\n开始日期：2027-03-15    结束日期：2027-03-21    [查询]\n\n"
            "序号\n供电单位\n停电开始时间\n停电结束时间\n停电范围\n停电类型\n"
            "1\n国网宁波市镇海区供电公司\n2027-03-16 08:30\n2027-03-16 15:30\n骆驼街道团桥村、东邑村\n计划停电\n"
            "2\n国网宁波市镇海区供电公司\n2027-03-18 09:00\n2027-03-18 11:00\n蛟川街道临江苑3、5幢\n临时停电\n"
            "共 2 条   首页 上一页 1/1 下一页 尾页\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 15), DISTRICTS)
    assert not result.problems
    assert [(str(w["date"]), w["start"], w["end"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2027-03-16", "08:30", "15:30", "镇海区", "骆驼街道", ["团桥村", "东邑村"]),
        ("2027-03-18", "09:00", "11:00", "镇海区", "蛟川街道", ["临江苑3、5幢"])]
    text = ("序号\n停电时间\n停电区域\n停电设备\n1\n2026年2月24日 8:30-15:00\n桥头镇：五姓点村、吴山村\n"
            "10kV吴山线2号公变\n2\n2026年2月26日 9:00-11:00\n古塘街道：新城大道北路沿街商铺\n古塘1号箱变\n\n"
            "国网慈溪市供电公司\n")
    windows, _ = _placed(text, dt.date(2026, 2, 20))
    assert [(w[4], w[5], w[6]) for w in windows] == [
        ("桥头镇", ["五姓点村", "吴山村"], "10kV吴山线2号公变"),
        ("古塘街道", ["新城大道北路沿街商铺"], "古塘1号箱变")]


def test_a_post_s_places_on_two_pins_under_one_time():
    """``⏰8:00-11:00、13:00-16:00`` then ``📍灵峰社区、高田王新村11-24幢`` and ``📍宁波博威合金材料股份
    有限公司（专变）``: the second pin's place was lost."""
    text = ("📅3月10日（周三）\n⏰8:00-11:00、13:00-16:00\n📍大碶街道灵峰社区、高田王新村11-24幢\n"
            "📍宁波博威合金材料股份有限公司（专变）\n\n温馨提示\n")
    windows, _ = _placed(text, dt.date(2027, 3, 5))
    assert [(w[1], w[5]) for w in windows] == [
        ("08:00", ["灵峰社区", "高田王新村11-24幢", "宁波博威合金材料股份有限公司（专变）"]),
        ("13:00", ["灵峰社区", "高田王新村11-24幢", "宁波博威合金材料股份有限公司（专变）"])]


def test_a_post_s_original_byline_and_a_company_named_after_the_city():
    """``原创 海曙发布 海曙发布 2027年06月25日 17:30 浙江`` gave every window the district ``原创``;
    ``宁波市鸣鹤盐仓文旅有限公司`` mid-line was read as the whole city (全市) and its own window."""
    text = ("原创 海曙发布 海曙发布 2027年06月25日 17:30 浙江\n\n6月28日（周一）\n\n⚡高桥镇\n"
            "8:00-16:00 新联村、芦港村部分用户\n")
    result = parse_outage_notice(text, dt.date(2027, 6, 25), DISTRICTS)
    assert [(w["district"], w["town"]) for w in result.fields["windows"]] == [("海曙区", "高桥镇")]
    text = ("计划停电预告\n\n6月8日 星期二\n\n慈溪 观海卫镇鸣鹤村、宁波市鸣鹤盐仓文旅有限公司(8:00—16:00)\n")
    windows, _ = _placed(text, dt.date(2027, 6, 7))
    assert [(w[3], w[5]) for w in windows] == [("慈溪市", ["鸣鹤村", "宁波市鸣鹤盐仓文旅有限公司"])]


def test_an_sms_to_one_customer_with_its_address_then_its_postponement():
    """``您户号5003312458（镇海区庄市街道东城花园12幢）所在区域计划于…停电`` then ``您户号…所在区域
    原定于6月21日07:30-16:00的计划停电，…延期至6月23日07:30-16:00，停电范围不变``: the account
    sentence was the place, and the postponement had none; and 网上国网's page furniture."""
    text = ("网上国网\n\n【国网宁波供电】尊敬的客户：您户号5003312458（镇海区庄市街道东城花园12幢）所在区域"
            "计划于2027年06月21日07:30至2027年06月21日16:00停电。请提前做好准备。\n\n"
            "【国网宁波供电】尊敬的客户：您户号5003312458所在区域原定于6月21日07:30-16:00的计划停电，"
            "因天气原因延期至6月23日07:30-16:00，停电范围不变。\n\n查看更多 >\n")
    windows, cancelled = _placed(text, dt.date(2027, 6, 20))
    assert [(w[0], w[1], w[3], w[4], w[5]) for w in windows] == [
        ("2027-06-23", "07:30", "镇海区", "庄市街道", ["东城花园12幢"])]
    assert [(c[0], c[1], c[5]) for c in cancelled] == [("2027-06-21", "07:30", ["东城花园12幢"])]


def test_lines_cut_named_as_the_object_and_a_line_name_heading_its_places():
    """``对10kV爵溪G812海滨线、10kV爵溪G815下沙线停电施工。届时爵溪街道下沙村、海滨村将停电``: the
    two line names were the places; ``10kV西店G523樟树线：西店镇樟树村、团堧村`` kept the line name
    in the first place."""
    text = ("国网象山县供电公司计划于2027年6月26日（星期六）5:30—11:30对10kV爵溪G812海滨线、10kV爵溪G815"
            "下沙线停电施工。届时爵溪街道下沙村、海滨村将停电。\n")
    windows, _ = _placed(text, dt.date(2027, 6, 20))
    assert [(w[1], w[4], w[5]) for w in windows] == [("05:30", "爵溪街道", ["下沙村", "海滨村"])]
    assert split_areas("10kV西店G523樟树线：西店镇樟树村、团堧村") == ["西店镇樟树村", "团堧村"]


def test_a_change_line_with_no_slot_before_it_is_asked_about():
    """``改为5月14日(8:30—12:00)`` under ``调整：`` with no ``原定…`` slot before it."""
    text = "计划停电预告\n\n5月12日 星期二\n\n海曙 古林镇·布政村(8:00—15:30)\n\n调整：\n\n改为5月14日(8:30—12:00)\n"
    result = parse_outage_notice(text, dt.date(2026, 5, 10), DISTRICTS)
    assert [(p.line, p.message) for p in result.problems] == [
        (9, 'change "改为5月14日(8:30—12:00)" has no slot before it; expected the original '
            "slot's places, such as \"万众村、郭夏村(8:30—15:30)\"")]


def test_a_column_copied_with_fixed_width_lines_that_break_inside_its_times():
    """``…岭口村(8:00`` / ``—16:00)深甽镇龙宫村、清潭村一带(8:30—`` / ``15:30)``, ``(8:`` / ``00—16:00)``
    and ``宁波洪塘`` / ``汽配有限公司``: every broken window was reported and its run lost, and the
    company's name was cut in two."""
    text = ("计划停电预告\n\n10月19日 星期二\n\n宁海 西店镇樟树村、西店镇岭口村(8:00\n—16:00)深甽镇龙宫村、"
            "清潭村一带(8:30—\n15:30)\n\n奉化 萧王庙街道滕头村、青云村(8:\n00—16:00)\n\n"
            "江北 洪塘街道裘市村、宁波洪塘\n汽配有限公司(8:00—16:00)\n")
    result = parse_outage_notice(text, dt.date(2027, 10, 18), DISTRICTS)
    assert not result.problems
    assert [(w["town"], w["areas"], w["start"], w["end"]) for w in result.fields["windows"]] == [
        ("西店镇", ["樟树村", "岭口村"], "08:00", "16:00"),
        ("深甽镇", ["龙宫村", "清潭村一带"], "08:30", "15:30"),
        ("萧王庙街道", ["滕头村", "青云村"], "08:00", "16:00"),
        ("洪塘街道", ["裘市村", "宁波洪塘汽配有限公司"], "08:00", "16:00")]
    assert unaccounted_lines(text, result) == []


def test_a_site_s_article_head_and_a_note_under_the_table():
    """``2027-10-22    国网慈溪市供电公司    【字体：大 中 小】`` and ``注：…停、送电时间会有所变动…``:
    the head was a place with no time, and the note a window of its words (town ``注``); the
    column reader's five right windows were then given up for the layout reader's."""
    text = ("国网慈溪市供电公司停电计划公告\n\n2027-10-22    国网慈溪市供电公司    【字体：大 中 小】\n\n"
            "序号\t停电时间\t停电线路\t停电范围\n1\t2027-10-25 08:00～2027-10-25 16:00\t10kV庵东线\t"
            "庵东镇宏兴村、华兴村\n2\t2027-10-26至2027-10-27 每天07:30～16:30\t10kV逍林线\t逍林镇林家村\n"
            "3\t2027-10-28 09:00～2027-10-28 11:00\t10kV胜山线\t胜山镇胜山村部分用户；新浦镇老浦村部分用户\n\n"
            "注：停电时间内如遇特殊情况，停、送电时间会有所变动，请以现场实际为准。\n")
    result = parse_outage_notice(text, dt.date(2027, 10, 22), DISTRICTS)
    assert not result.problems
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2027-10-25", "庵东镇", ["宏兴村", "华兴村"]), ("2027-10-26", "逍林镇", ["林家村"]),
        ("2027-10-27", "逍林镇", ["林家村"]), ("2027-10-28", "胜山镇", ["胜山村部分用户"]),
        ("2027-10-28", "新浦镇", ["老浦村部分用户"])]


def test_a_column_line_that_breaks_inside_a_town_s_name():
    """``梁弄`` at a line's end and ``镇正蒙学校`` on the next: read as two places, ``梁弄`` and
    ``镇正蒙学校``."""
    text = "计划停电预告\n\n11月9日 星期二\n\n余姚 梁弄镇横坎头村、东溪村、梁弄\n镇正蒙学校(8:00—16:00)\n"
    result = parse_outage_notice(text, dt.date(2027, 11, 8), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["横坎头村", "东溪村", "梁弄镇正蒙学校"]]


def test_a_line_cut_then_the_places_it_affects_after_a_comma():
    """``原定于…对10kV大佳何线停电检修，影响大佳何镇涨坑村、大佳何村，停电时间和范围均不变，照常
    进行`` and ``…对10kV大港线2号分支停电检修，涉及大港三路、大港五路沿线企业``: no places."""
    text = ("二、原定于2027年11月19日（星期五）7:30—17:00对10kV大佳何线停电检修，影响大佳何镇涨坑村、"
            "大佳何村，停电时间和范围均不变，照常进行。\n")
    windows, cancelled = _placed(text, dt.date(2027, 11, 12))
    assert [(w[0], w[1], w[4], w[5]) for w in windows] == [
        ("2027-11-19", "07:30", "大佳何镇", ["涨坑村", "大佳何村"])] and cancelled == []
    text = "原定于2027年11月16日（星期二）08:00—16:00对10kV大港线2号分支停电检修，涉及大港三路、大港五路沿线企业。\n"
    _, cancelled = _placed(text, dt.date(2027, 11, 12))
    assert [c[5] for c in cancelled] == [["大港三路", "大港五路沿线企业"]]


def test_stopping_the_supply_a_table_s_fault_row_and_a_utility_s_short_name():
    """``…对姜山镇蔡郎桥村、上张村停止供电；同日…对首南街道日丽社区停止供电`` had no places (停止
    供电 is 停电); a 网上国网 table's ``故障停电 … 已送电`` row was a window; and ``接国网宁波江北
    供电通知`` gave no district."""
    text = ("因10千伏蔡郎桥线检修工作需要，我公司定于2027年5月18日（星期二）上午8时至下午4时，对姜山镇蔡郎桥村、"
            "上张村停止供电；同日中午12时30分至下午5时，对首南街道日丽社区停止供电。\n")
    windows, _ = _placed(text, dt.date(2027, 5, 14))
    assert [(w[1], w[2], w[4], w[5]) for w in windows] == [
        ("08:00", "16:00", "姜山镇", ["蔡郎桥村", "上张村"]), ("12:30", "17:00", "首南街道", ["日丽社区"])]
    text = ("序号\t类型\t停电范围\t停电时间\t原因\t状态\n1\t故障停电\t明楼街道明北社区\t2027-05-03 21:15~2027-05-03 "
            "23:40\t电缆故障\t已送电\n2\t计划停电\t下应街道河东村\t2027-05-06 08:00~2027-05-06 16:00\t检修\t待执行\n")
    windows, _ = _placed(text, dt.date(2027, 5, 4))
    assert [(w[0], w[5]) for w in windows] == [("2027-05-06", ["河东村"])]
    text = "各位居民：接国网宁波江北供电通知：5月19日（周三）上午8点半到下午3点半，因线路检修，怡江小区13幢—20幢停电。\n"
    windows, _ = _placed(text, dt.date(2027, 5, 17))
    assert [(w[3], w[5]) for w in windows] == [("江北区", ["怡江小区13幢—20幢"])]


def test_a_listing_whose_start_column_is_named_only_outage_time():
    """``停电时间`` beside ``送电时间`` (no 开始 in the header): the table gave no window at all."""
    text = ("序号\t供电单位\t停电时间\t送电时间\t停电范围\n"
            "1\t国网宁波供电公司\t2027年03月09日 07:30\t2027年03月09日 16:00\t鄞州区塘溪镇童村、雁村\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert windows == [("2027-03-09", "07:30", "16:00", "鄞州区", "塘溪镇", ["童村", "雁村"], None)]


def test_a_numbered_list_of_slots_called_off_and_one_slot_that_stands():
    """``…决定取消以下计划停电：`` / ``1. 3月9日…，鄞州区塘溪镇童村；`` were active windows; ``原定于
    3月12日…8:00—12:00的江北区慈城镇毛岙村停电计划不变`` gave an area ``的江北区慈城镇毛岙村``."""
    text = ("因大风降温，国网宁波供电公司决定取消以下计划停电：\n\n1. 3月9日（星期二）8:00—16:00，鄞州区塘溪镇童村、雁村；\n"
            "2. 3月10日（星期三）9:00—15:00，奉化区溪口镇岩头村。\n\n"
            "原定于3月12日（星期五）8:00—12:00的江北区慈城镇毛岙村、五星村停电计划不变。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [
        ("2027-03-12", "江北区", "慈城镇", ["毛岙村", "五星村"])]
    assert [(c[0], c[3], c[4], c[5]) for c in cancelled] == [
        ("2027-03-09", "鄞州区", "塘溪镇", ["童村", "雁村"]), ("2027-03-10", "奉化区", "溪口镇", ["岩头村"])]


def test_a_text_message_s_reason_and_customer_before_the_places():
    """``原定于…08:00-16:00因10kV横河线检修对您所在的慈溪市横河镇孙家境村…的停电，现调整为…``: the
    reason and ``对您所在的`` were read into the first place."""
    text = ("【国网浙江电力】尊敬的客户：原定于3月16日（周二）08:00-16:00因10kV观城线检修对您所在的慈溪市观海卫镇"
            "鸣鹤村、杜岙村的停电，现调整为3月18日（周四）08:00-12:00，给您带来不便敬请谅解。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 12))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [("2027-03-18", "慈溪市", "观海卫镇", ["鸣鹤村", "杜岙村"])]
    assert [(c[0], c[5]) for c in cancelled] == [("2027-03-16", ["鸣鹤村", "杜岙村"])]


def test_two_counted_slots_a_range_label_and_a_committee_naming_its_town():
    """A chat post ``…3月9日（周二）我们小区要停两次电‼️`` / ``第一次：早上6:00-7:00`` / ``第二次：…`` /
    ``范围：…``, signed ``——白云街道安丰社区居委会``: nothing was read (the sender's name became a
    district); now two windows of the listed places, in the committee's town and its district."""
    text = ("安丰社区居民群\n\n社区小王 3月7日 10:12\n@所有人 接供电公司通知：3月9日（周二）我们小区要停两次电‼️\n"
            "第一次：早上6:00-7:00\n第二次：晚上19:00—20:00\n范围：安丰小区1-12幢、安丰菜场\n"
            "——白云街道安丰社区居委会\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[1], w[2], w[3], w[4], w[5]) for w in windows] == [
        ("06:00", "07:00", "海曙区", "白云街道", ["安丰小区1-12幢", "安丰菜场"]),
        ("19:00", "20:00", "海曙区", "白云街道", ["安丰小区1-12幢", "安丰菜场"])]


def test_records_apart_by_blank_lines_with_the_places_above_the_time():
    """``停电区域：…`` / ``停电时间：…`` / ``线路名称：…``, then a blank line and the next record:
    the first record took the second record's places."""
    text = ("停电类型：计划停电\n停电区域：梁弄镇横坎头村、东溪村\n停电时间：2027/03/09 07:30-16:00\n"
            "线路名称：10kV横坎线\n\n停电类型：计划停电\n停电区域：陆埠镇裘岙村\n"
            "停电时间：2027/03/10 08:00-12:00\n线路名称：10kV裘岙线\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[4], w[5]) for w in windows] == [
        ("2027-03-09", "梁弄镇", ["横坎头村", "东溪村"]), ("2027-03-10", "陆埠镇", ["裘岙村"])]


def test_a_slot_of_two_days_with_a_line_for_each_day_s_places():
    """``定于3月9日、3月10日两天，每天上午8:00至下午4:00对下列区域停电：`` / ``3月9日：A村、B村；`` /
    ``3月10日：C村。``: both days got the first day's places."""
    text = ("接国网宁海县供电公司通知，定于2027年3月9日（星期二）、3月10日（星期三）两天，每天上午8:00至下午4:00"
            "对下列区域停电：\n\n3月9日：岔路村、湖头村；\n3月10日：下畈村。\n\n特此通知。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[1], w[2], w[5]) for w in windows] == [
        ("2027-03-09", "08:00", "16:00", ["岔路村", "湖头村"]), ("2027-03-10", "08:00", "16:00", ["下畈村"])]


def test_a_village_s_own_groups_keep_the_village():
    """``停电范围：本村一至三组、村文化礼堂`` lost ``本村`` (the groups are no place without it);
    ``本村高泥、…`` still drops it."""
    assert split_areas("本村一至三组、村文化礼堂") == ["本村一至三组", "村文化礼堂"]
    assert split_areas("范围为本村高泥、下庄") == ["高泥", "下庄"]


def test_an_estate_s_buildings_in_the_district_its_property_office_signs_with():
    """``停电范围：碧水苑3幢、地下车库`` signed ``宁波市鄞州区碧水苑物业服务中心``: no district."""
    text = ("尊敬的各位业主：\n因配电房检修，3月9日（周二）8:30—16:00小区停电。\n\n停电范围：碧水苑3幢、地下车库。\n\n"
            "宁波市鄞州区碧水苑物业服务中心\n2027年3月6日\n")
    windows, _ = _placed(text, dt.date(2027, 3, 6))
    assert [(w[0], w[3], w[5]) for w in windows] == [("2027-03-09", "鄞州区", ["碧水苑3幢", "地下车库"])]


def test_a_date_then_whole_day_outage_in_a_sentence():
    """``…因线路检修，3月10日（星期三）全天停电，停电范围：…``: the date was taken for a mention."""
    text = ("各位老师：\n接供电公司通知，因线路检修，3月10日（星期三）全天停电，停电范围：实验楼、学生宿舍。\n"
            "请提前做好准备。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[1], w[2], w[5]) for w in windows] == [("2027-03-10", None, None, ["实验楼", "学生宿舍"])]


def test_a_shop_s_reopening_and_a_deadline_moved_are_no_windows():
    """``3月11日起恢复正常营业`` was a whole day of outage and ``原定3月10日截止的积分兑换活动顺延至…``
    a cancelled slot (both held the notice)."""
    text = ("停业通知\n因供电公司检修线路，莼湖街道桐照村将于2027年3月10日（星期三）上午7:30至下午4:00停电，当日本店暂停营业，"
            "3月11日起恢复正常营业。\n原定3月10日截止的会员积分兑换活动顺延至3月20日。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[1], w[5]) for w in windows] == [("2027-03-10", "07:30", ["桐照村"])] and cancelled == []


def test_a_listing_s_fault_record_with_an_expected_restore_time_field():
    """A 95598 record ``停电类型：故障停电`` … ``预计送电时间：…`` … ``信息状态：已送电`` was a window:
    the field's name ``预计送电时间`` read as an outage to come."""
    text = ("供电单位：国网宁波市鄞州区供电公司\n停电类型：故障停电\n停电区域：钟公庙街道四眼碶社区部分楼幢\n"
            "停电时间：2027-03-05 14:20\n预计送电时间：2027-03-05 17:00\n信息状态：已送电\n\n"
            "供电单位：国网宁波市鄞州区供电公司\n停电类型：计划停电\n停电区域：姜山镇茅山村\n"
            "停电时间：2027-03-09 08:00\n预计送电时间：2027-03-09 16:00\n信息状态：已发布\n")
    windows, _ = _placed(text, dt.date(2027, 3, 6))
    assert [(w[0], w[4], w[5]) for w in windows] == [("2027-03-09", "姜山镇", ["茅山村"])]


def test_a_table_with_a_line_column_a_town_column_and_a_whole_day_row():
    """``| 停电日期 | 停电时间 | 停电线路 | 所属镇（街道） | 停电范围 |``: the header split at the town
    column (the line and the town read as places), and a ``全天`` row on a day with a timed row
    was dropped as that day's summary."""
    text = ("| 序号 | 停电日期 | 停电时间 | 停电线路 | 所属镇（街道） | 停电范围 |\n|---|---|---|---|---|---|\n"
            "| 1 | 3月9日 | 全天 | 10kV观城线 | 观海卫镇 | 鸣鹤村、观海卫镇卫生院 |\n"
            "| 2 | 3月9日 | 8:00-12:00 | 10kV周巷线 | 周巷镇 | 周巷镇劳家埭村、万安庄村 |\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[1], w[4], w[5]) for w in windows] == [
        (None, "观海卫镇", ["鸣鹤村", "观海卫镇卫生院"]), ("08:00", "周巷镇", ["劳家埭村", "万安庄村"])]


def test_a_header_cell_with_a_bracketed_qualifier():
    """``停电线路（设备）`` was no header cell: the table split there and the line became a place."""
    text = ("停电日期\t停电时间\t停电线路（设备）\t停电区域\n"
            "3月9日\t8:00—16:00\t10kV西店线\t西店镇：樟树村、香山村\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[1], w[4], w[5]) for w in windows] == [("08:00", "西店镇", ["樟树村", "香山村"])]


def test_a_county_paper_s_column_of_town_lines_with_a_change_to_the_same_time():
    """A column of town lines (``三七市镇：…（8:00—11:30）；幸福村（13:00—16:30）``) whose second run
    named no district, a town's sewage works cut to ``污水处理厂``, a change ``原定…的停电，调整为
    4月14日（星期三）同一时间进行`` and ``抢修电话：95598``: the layout reader's one cancelled slot
    was written with exit 0 and every window lost."""
    text = ("计划停电预告\n\n3月9日（星期二）\n泗门镇：谢家路村、泗门镇污水处理厂（8:00—16:00）\n"
            "三七市镇：石步村（8:00—11:30）；幸福村（13:00—16:30）\n\n变更：\n"
            "原定3月8日（星期一）黄家埠镇：回龙村（8:00—16:00）的停电，调整为3月10日（星期三）同一时间进行。\n\n"
            "国网余姚市供电公司\n抢修电话：95598\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 6), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["start"], w.get("district"), w["areas"]) for w in result.fields["windows"]] == [
        (9, "08:00", "余姚市", ["谢家路村", "泗门镇污水处理厂"]), (9, "08:00", "余姚市", ["石步村"]),
        (9, "13:00", "余姚市", ["幸福村"]), (10, "08:00", "余姚市", ["回龙村"])]
    assert [(w["date"].day, w["areas"]) for w in result.fields["cancelled"]] == [(8, ["回龙村"])]


def test_a_column_naming_no_district_is_not_traded_for_a_reading_of_its_change_line_only():
    """Runs naming no district (a county paper's column) and a prose change line: the layout
    reader read the change line only, and its reading replaced the column's, every run lost."""
    text = ("计划停电预告\n\n3月9日（星期二）\n石步村、二六市村（8:00—11:30）\n东溪村（13:00—16:30）\n\n变更：\n"
            "原定3月8日（星期一）黄家埠镇：回龙村（8:00—16:00）的停电，调整为3月10日（星期三）同一时间进行。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 6))
    assert [(w[0], w[1], w[5]) for w in windows] == [
        ("2027-03-09", "08:00", ["石步村", "二六市村"]), ("2027-03-09", "13:00", ["东溪村"]),
        ("2027-03-10", "08:00", ["回龙村"])]
    assert [(c[0], c[5]) for c in cancelled] == [("2027-03-08", ["回龙村"])]


def test_a_listing_with_publication_and_status_columns_and_a_row_called_off():
    """``… | 发布时间 | 状态`` were no header cells (the rows did not fit the header: nothing
    read), and a row ``已取消`` is a slot called off, not a window."""
    text = ("供电单位\t停电类型\t停电区域\t停电开始时间\t停电结束时间\t发布时间\t状态\n"
            "国网宁波市镇海区供电公司\t计划停电\t贵驷街道沙河村\t2027-03-09 08:00\t2027-03-09 16:00\t2027-03-06\t待执行\n"
            "国网宁波市镇海区供电公司\t计划停电\t澥浦镇汇源村\t2027-03-10 08:00\t2027-03-10 16:00\t2027-03-06\t已取消\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [("2027-03-09", "镇海区", "贵驷街道", ["沙河村"])]
    assert [(c[0], c[4], c[5]) for c in cancelled] == [("2027-03-10", "澥浦镇", ["汇源村"])]


def test_a_town_s_own_notice_and_its_institution_first_in_a_list():
    """``贵驷街道关于…计划停电的通知``, items naming no town (no district: exit 1), and ``贵驷街道敬老院、
    贵驷村`` cut to ``敬老院``."""
    text = ("贵驷街道关于3月中旬计划停电的通知\n\n各村（社区）：\n　　一、3月9日（星期二）8:00—16:00：沙河村、里洞桥村；\n"
            "　　二、3月10日（星期三）6:00—11:00：贵驷街道敬老院、贵驷村。\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 7), DISTRICTS)
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("镇海区", "贵驷街道", ["沙河村", "里洞桥村"]), ("镇海区", "贵驷街道", ["贵驷街道敬老院", "贵驷村"])]
    assert [w.message for w in result.warnings if w.line == 4] == [
        '1 window naming no district put in 贵驷街道, 镇海区, the town the notice\'s title '
        '"贵驷街道关于3月中旬计划停电的通知" names; check it']


def test_a_column_copied_from_a_pdf_page_cut_at_a_fixed_width():
    """Every line cut at the same width wherever it fell (``…、上金`` / ``村、…(7:30—16:30)前童`` /
    ``镇·鹿山村…``), and the page's section name before its credits: a town cut from its
    ``镇`` read as a place, ``镇`` as a town."""
    text = ("计划停电预告\n民生·服务        责任编辑：王明  美编：李红\n\n3月9日 星期二\n\n"
            "宁海 岔路镇湖头村、干溪村、上金\n村、岔路镇卫生院(7:30—16:30)前童\n镇·鹿山村、联桥村、梅花村一带(8\n"
            ":00—16:00)\n\n象山 石浦镇东门村、番西村、延昌\n社区部分用户(8:00—16:00)鹤浦镇·\n大岙村、小百丈村(8:30—15:00)\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 7), DISTRICTS)
    assert not result.problems
    assert [(w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("岔路镇", ["湖头村", "干溪村", "上金村", "岔路镇卫生院"]), ("前童镇", ["鹿山村", "联桥村", "梅花村一带"]),
        ("石浦镇", ["东门村", "番西村", "延昌社区部分用户"]), ("鹤浦镇", ["大岙村", "小百丈村"])]


def test_a_post_s_keycap_items_with_original_and_new_slots_on_labelled_lines():
    """``1️⃣ 湖西小区（1-8幢）`` / ``原定：…`` / ``调整为：…``, ``2️⃣ …`` / ``原定：…`` / ``现已取消``,
    ``3️⃣ …`` / a slot that stands, and a tip ``社区将于…9:00-11:00在社区服务中心发放防台物资``: every
    window took the tip's words for its places."""
    text = ("亲爱的居民朋友们：\n接供电部门通知，我社区辖区内的计划停电安排调整如下👇\n\n1️⃣ 湖西小区（1-8幢）\n"
            "原定：3月9日（周二）8:00-16:00\n调整为：3月12日（周五）8:00-16:00\n\n2️⃣ 北岸明珠小区\n"
            "原定：3月10日（周三）13:00-17:00\n现已取消❌，恢复时间另行通知\n\n3️⃣ 新马路沿线商铺\n"
            "3月11日（周四）22:00至次日4:00\n✅照常进行，时间不变\n\n🔔小贴士：\n"
            "▪️社区将于3月9日（周二）上午9:00-11:00在社区服务中心发放应急物资（手电筒），数量有限；\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[5]) for w in windows] == [
        ("2027-03-12", ["湖西小区（1-8幢）"]), ("2027-03-11", ["新马路沿线商铺"])]
    assert [(c[0], c[5]) for c in cancelled] == [
        ("2027-03-09", ["湖西小区（1-8幢）"]), ("2027-03-10", ["北岸明珠小区"])]


def test_a_slot_postponed_to_a_day_at_the_same_time_and_one_retimed_the_same_day():
    """``原定…的停电，延期至3月20日（星期六）同一时段进行`` (the new day was dropped as a mention) and
    ``原定…的停电，调整为当日14:00—18:00进行`` (``当日`` hid the new time)."""
    text = ("一、原定3月9日（星期二）8:00—16:00海曙区古林镇蜃蛟村、布政村的停电，延期至3月20日（星期六）同一时段进行。\n\n"
            "二、原定3月10日（星期三）8:00—12:00北仑区新碶街道华山路沿线的停电，调整为当日14:00—18:00进行。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[1], w[2], w[5]) for w in windows] == [
        ("2027-03-20", "08:00", "16:00", ["蜃蛟村", "布政村"]), ("2027-03-10", "14:00", "18:00", ["华山路沿线"])]
    assert [(c[0], c[1]) for c in cancelled] == [("2027-03-09", "08:00"), ("2027-03-10", "08:00")]


def test_a_column_run_left_in_the_body_is_reported_not_dropped():
    """``另：东溪村、贺溪村（13:00—16:30）`` under a prose notice: kept in the body, exit 0 (the
    run was lost; the time check skipped body lines)."""
    text = ("关于3月9日计划停电的通知\n\n因线路检修，3月9日8:00至16:00，慈城镇毛岙村、五星村将停电。\n"
            "另：东溪村、贺溪村（13:00—16:30）\n\n特此通知。\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 6), DISTRICTS)
    assert [(p.line, p.message) for p in result.problems] == [
        (4, 'time "13:00—16:30" was not read into any window; check the windows by hand, or use '
            "--allow-partial to keep it in a note")]


def test_a_range_of_days_then_every_day_s_time_across_spaces():
    """``7月12日-13日  每天8:00-12:00  定塘镇 沙地村`` (a space-aligned row): whole days, the
    time read as a place."""
    text = ("日期          时间              停电范围\n7月9日(五)    5:30-11:30        鹤浦镇 小百丈村\n"
            "7月12日-13日  每天8:00-12:00    定塘镇 沙地村、定山村\n")
    windows, _ = _placed(text, dt.date(2027, 7, 6))
    assert [(w[0], w[1], w[2], w[5]) for w in windows][1:] == [
        ("2027-07-12", "08:00", "12:00", ["沙地村", "定山村"]), ("2027-07-13", "08:00", "12:00", ["沙地村", "定山村"])]


def test_a_text_message_s_place_after_the_account_and_its_slot_retimed_later():
    """``您户号…所在的鄞州区首南街道日丽社区（中路段）将于…计划停电`` then ``…原定…的计划停电取消``
    and ``…日丽社区（中路段）计划停电时间调整为…``: ``计划`` was read as the place."""
    text = ("3月5日 10:21\n【国网宁波供电公司】尊敬的客户：您户号75****3321所在的鄞州区首南街道日丽社区（中路段）"
            "将于2027年03月14日08:00至16:00计划停电，请提前做好准备。\n\n3月9日 16:05\n【国网宁波供电公司】"
            "尊敬的客户：您户号75****3321原定03月14日08:00-16:00的计划停电取消。\n\n3月12日 09:12\n"
            "【国网宁波供电公司】尊敬的客户：您户号75****3321所在的鄞州区首南街道日丽社区（中路段）计划停电时间调整为"
            "2027年03月24日06:00至14:00，请提前做好准备。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 5))
    assert [(w[0], w[3], w[5]) for w in windows] == [("2027-03-24", "鄞州区", ["日丽社区（中路段）"])]
    assert [(c[0], c[5]) for c in cancelled] == [("2027-03-14", ["日丽社区（中路段）"])]


def test_where_the_speaker_is_before_the_place():
    """``…学校所在的浒山街道明湖路片区将于…停电``: ``学校所在的`` was part of the place."""
    assert split_areas("学校所在的浒山街道明湖路片区") == ["浒山街道明湖路片区"]
    assert split_areas("所在地块") == ["所在地块"]


def test_a_post_s_two_slots_apart_by_a_slash_and_two_town_lines_under_one_time():
    """``8:00-12:00 / 13:00-17:00`` (the second slot read as a place, the note in brackets kept
    on the last place) and ``五乡镇：…`` / ``东吴镇：天童村、小白村`` under one time (the second
    town's line lost with exit 0)."""
    text = ("📍镇海区\n🕗3月9日（周二）8:00-12:00 / 13:00-17:00\n骆驼街道：团桥村、清水湖村（分两个时段停电，中午临时送电）\n\n"
            "📍鄞州区\n🕗3月10日（周三）8:30-16:00\n五乡镇：宝同村、石山弄村\n东吴镇：天童村、小白村\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[1], w[2], w[4], w[5], w[6]) for w in windows] == [
        ("08:00", "12:00", "骆驼街道", ["团桥村", "清水湖村"], "分两个时段停电，中午临时送电"),
        ("13:00", "17:00", "骆驼街道", ["团桥村", "清水湖村"], "分两个时段停电，中午临时送电"),
        ("08:30", "16:00", "五乡镇", ["宝同村", "石山弄村"], None), ("08:30", "16:00", "东吴镇", ["天童村", "小白村"], None)]


def test_a_column_s_change_section_with_each_run_moved_on_its_own_line():
    """``变更：`` / a date / ``海曙 洞桥镇百梁桥村…(8:00—16:00)变更为3月22日 星期一(8:00—16:00)``: the
    new day read as a place of a cancelled slot, the new window lost with exit 0."""
    text = ("计划停电预告\n\n3月19日 星期五\n\n海曙 鄞江镇光溪村(8:00—16:00)\n\n变更：\n\n3月14日 星期日\n\n"
            "海曙 洞桥镇百梁桥村、鲍家墈村(8:00—16:00)变更为3月22日 星期一(8:00—16:00)\n\n3月15日 星期一\n\n"
            "鄞州 东吴镇天童村(8:30—16:30)变更为3月21日 星期日(6:00—13:00)\n\n取消：\n\n3月16日 星期二\n\n"
            "鄞州 横溪镇梅岭村(8:00—15:00)\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 12), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["start"], w["areas"]) for w in result.fields["windows"]] == [
        (19, "08:00", ["光溪村"]), (22, "08:00", ["百梁桥村", "鲍家墈村"]), (21, "06:00", ["天童村"])]
    assert [(w["date"].day, w["areas"]) for w in result.fields["cancelled"]] == [
        (14, ["百梁桥村", "鲍家墈村"]), (15, ["天童村"]), (16, ["梅岭村"])]


def test_listing_records_whose_status_calls_a_slot_off_or_moves_it():
    """``状态：已取消（…）`` was an active window; ``状态：已延期　新停电时间：…`` gave the new window
    the next record's places; a record's places never reach back across the blank line."""
    text = ("[计划停电]\n停电时间：2027-03-14 08:00 至 2027-03-14 16:00\n停电范围：澥浦镇汇源村、觉渡村\n"
            "状态：已取消（受台风影响）\n\n[计划停电]\n停电时间：2027-03-15 08:30 至 2027-03-15 15:30\n"
            "停电范围：九龙湖镇河头村、长石村\n状态：已延期　新停电时间：2027-03-21 08:30 至 2027-03-21 15:30\n\n"
            "[计划停电]\n停电时间：2027-03-19 08:00 至 2027-03-19 16:00\n停电范围：骆驼街道东邑村\n状态：待停电\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 13))
    assert [(w[0], w[4], w[5]) for w in windows] == [
        ("2027-03-21", "九龙湖镇", ["河头村", "长石村"]), ("2027-03-19", "骆驼街道", ["东邑村"])]
    assert [(c[0], c[4], c[5]) for c in cancelled] == [
        ("2027-03-14", "澥浦镇", ["汇源村", "觉渡村"]), ("2027-03-15", "九龙湖镇", ["河头村", "长石村"])]


def test_the_whole_village_of_a_committee_and_a_town_s_drainage_station():
    """``届时全村停电`` signed by ``象山县高塘岛乡花岙村村民委员会``: the place was ``全村``; a town's
    ``牟山镇排涝站`` lost its town's name."""
    text = ("全体村民：\n　　接乡供电所通知，定于3月10日（星期三）上午8:00至下午4:00对我村线路进行改造，届时全村停电。\n\n"
            "象山县高塘岛乡花岙村村民委员会\n2027年3月8日\n")
    windows, _ = _placed(text, dt.date(2027, 3, 8))
    assert [(w[3], w[4], w[5]) for w in windows] == [("象山县", "高塘岛乡", ["花岙村"])]
    text = "二、3月11日（星期四）7:00—17:00，牟山镇青港村、牟山镇排涝站。\n"
    windows, _ = _placed(text, dt.date(2027, 3, 8))
    assert [w[5] for w in windows] == [["青港村", "牟山镇排涝站"]]


def test_records_with_a_postponement_in_a_bracketed_note_after_them():
    """Records, then ``【延期说明】原定于…进行的…停电检修（停电范围：东陈乡东陈村、上蒲村），因…延期至…``:
    the column reader kept it as the last record's note (the postponement unread, exit 0); the
    layout reader's list ran past its bracket."""
    text = ("停电时间：2027年3月16日 08:00—16:00\n停电线路：10kV贤庠线\n停电范围：贤庠镇沙岙村、黄埠村\n\n"
            "【延期说明】原定于3月14日（星期日）08:00—16:00进行的10kV东陈线停电检修（停电范围：东陈乡东陈村、上蒲村），"
            "因施工准备原因延期至3月21日（星期日）08:00—16:00进行，停电范围不变。\n\n国网象山县供电公司\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 13))
    assert [(w[0], w[3], w[5]) for w in windows] == [
        ("2027-03-16", "象山县", ["沙岙村", "黄埠村"]), ("2027-03-21", "象山县", ["东陈村", "上蒲村"])]
    assert [(c[0], c[5]) for c in cancelled] == [("2027-03-14", ["东陈村", "上蒲村"])]


def test_a_range_of_days_with_its_weekdays_in_brackets_then_every_day_s_time():
    """``2027年3月9日至3月11日（星期二至星期四），每天7:30—16:30，停电范围：…``: the bracketed weekday
    range hid the time; the three windows were lost with exit 0."""
    text = "一、2027年3月9日至3月11日（星期二至星期四），每天7:30—16:30，停电范围：梁弄镇横坎头村、汪巷村。\n"
    windows, _ = _placed(text, dt.date(2027, 3, 5))
    assert [(w[0], w[1], w[2], w[5]) for w in windows] == [
        (f"2027-03-{day:02d}", "07:30", "16:30", ["横坎头村", "汪巷村"]) for day in (9, 10, 11)]


def test_a_chinese_numbered_item_of_a_whole_day():
    """``二、5月21日（星期五）全天`` / ``停电范围：…``: the whole day was dropped (lost with exit 0)."""
    text = ("一、3月9日（星期二）22:00至次日06:00\n停电范围：梅山街道梅东村\n\n二、3月11日（星期四）全天\n"
            "停电范围：白峰街道阳东村、小门村\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[1], w[5]) for w in windows] == [
        ("2027-03-09", "22:00", ["梅东村"]), ("2027-03-11", None, ["阳东村", "小门村"])]


def test_places_that_will_be_cut_again():
    """``另，3月10日（星期三）8:00—13:00，10kV下沙线开展后续搭接工作，爵溪街道下沙村将再次停电``:
    lost with exit 0 (``将再次停电`` was no cut)."""
    text = "另，3月10日（星期三）8:00—13:00，10kV下沙线开展后续搭接工作，爵溪街道下沙村将再次停电。\n"
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[4], w[5]) for w in windows] == [("2027-03-10", "爵溪街道", ["下沙村"])]


def test_a_news_app_s_column_with_its_byline_and_player_above_the_runs():
    """``慈溪日报　2027-10-08 07:00`` and ``听新闻 ▶ 00:58`` above runs led by declared towns: the
    byline's name became every window's district."""
    text = ("计划停电预告\n\n慈溪日报　2027-03-06 07:00\n　　　　[＋关注]\n听新闻 ▶ 00:58\n\n3月9日 星期二\n"
            "观海卫镇鸣鹤村、五磊村(8:00—16:00)龙山镇方家河头村(8:30—15:30)\n\n分享至\n")
    windows, _ = _placed(text, dt.date(2027, 3, 6))
    assert [(w[3], w[4], w[5]) for w in windows] == [
        ("慈溪市", "观海卫镇", ["鸣鹤村", "五磊村"]), ("慈溪市", "龙山镇", ["方家河头村"])]


def test_numbered_slots_under_a_day_each_with_its_line_before_the_places():
    """``一、3月9日（星期二）`` / ``1．8:00—12:00，10kV霞浦线：霞浦街道下三山村、…；``: nothing was read."""
    text = ("一、3月9日（星期二）\n1．8:00—12:00，10kV霞浦线：霞浦街道下三山村、霞南村；\n"
            "2．13:00—17:00，10kV霞浦线：霞浦街道四村社区、霞浦菜市场。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 6))
    assert [(w[1], w[4], w[5]) for w in windows] == [
        ("08:00", "霞浦街道", ["下三山村", "霞南村"]), ("13:00", "霞浦街道", ["四村社区", "霞浦菜市场"])]


def test_the_day_everything_is_back_to_normal_is_no_window():
    """``2．3月11日（星期四）起一切恢复正常。`` after a school's outage: a whole day of outage with
    the place ``起一切恢复正常`` (the notice held)."""
    text = ("各位家长：\n　　1．3月10日（星期三）8:00—16:00学校教学楼停电，学校停课一天；\n"
            "　　2．3月11日（星期四）起一切恢复正常。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 7))
    assert [(w[0], w[1]) for w in windows] == [("2027-03-10", "08:00")]


def test_a_committee_s_own_community_before_its_places():
    """``我社区铜盆浦新村1-18幢`` signed by a 居民委员会 became ``区铜盆浦新村1-18幢`` (two characters
    cut for three)."""
    text = ("各位居民朋友：\n接供电部门通知，3月10日上午8点半到下午4点，因线路检修，我社区铜盆浦新村1-18幢、沿街商铺停电。\n\n"
            "鄞州区钟公庙街道金桂社区居民委员会\n2027年3月6日\n")
    windows, _ = _placed(text, dt.date(2027, 3, 6))
    assert [(w[3], w[4], w[5]) for w in windows] == [("鄞州区", "钟公庙街道", ["铜盆浦新村1-18幢", "沿街商铺"])]


def test_an_app_s_records_with_labels_apart_from_their_values_by_spaces():
    """``停电时间　2027-03-16 08:00:00 至 2027-03-16 17:00:00`` / ``停电区域　浙江省宁波市海曙区横街镇
    林村、…`` / ``状态　　　已取消``: no colon after the labels, nothing read (the column reader took
    ``停电区`` for a district)."""
    text = ("计划停电\n停电时间　2027-03-16 08:00:00 至 2027-03-16 17:00:00\n"
            "停电区域　浙江省宁波市海曙区横街镇林村、凤岙村\n停电原因　线路检修\n状态　　　待执行\n\n计划停电\n"
            "停电时间　2027-03-17 09:00:00 至 2027-03-17 15:00:00\n停电区域　浙江省宁波市海曙区洞桥镇宁锋村\n"
            "停电原因　线路改造\n状态　　　已取消\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 14))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [("2027-03-16", "海曙区", "横街镇", ["林村", "凤岙村"])]
    assert [(c[0], c[4], c[5]) for c in cancelled] == [("2027-03-17", "洞桥镇", ["宁锋村"])]


def test_an_app_s_listing_names_its_district_in_its_query_line():
    """``区域：宁波市 鄞州区`` above records apart by rules (``━━━━``): no district; a record of an
    outage already over (``【临时停电】福明街道　　已送电``) was a window; ``区县：鄞州区`` above a
    record of ``五乡镇钱家山村…`` kept the town in the place."""
    text = ("网上国网 ▸ 停电信息 ▸ 计划停电\n区域：宁波市 鄞州区　　更新于 2027-03-06 09:15\n━━━━━━━━━━━━━━━━\n"
            "【计划停电】下应街道\n时间：2027-03-09 08:00—12:00\n范围：湾底村、下应工业区1号公变\n━━━━━━━━━━━━━━━━\n"
            "【临时停电】福明街道　　已送电\n时间：2027-03-05 13:10—15:40\n范围：新城花园部分用户\n━━━━━━━━━━━━━━━━\n")
    windows, _ = _placed(text, dt.date(2027, 3, 6))
    assert [(w[0], w[3], w[5]) for w in windows] == [("2027-03-09", "鄞州区", ["湾底村", "下应工业区1号公变"])]
    text = ("省份：浙江　地市：宁波　区县：鄞州区\n\n停电类型：计划停电\n停电区域：五乡镇钱家山村、石山弄村\n"
            "停电时间：2027-03-12 08:00\n预计送电时间：2027-03-12 16:00\n")
    windows, _ = _placed(text, dt.date(2027, 3, 6))
    assert [(w[3], w[4], w[5]) for w in windows] == [("鄞州区", "五乡镇", ["钱家山村", "石山弄村"])]


def test_a_column_with_a_change_line_it_cannot_read_keeps_its_runs():
    """A column of many runs and a change line of a shape it does not read (``…东城村一带原定3月15日
    (8:00—16:00)停电，变更为3月17日(…)``): the layout reader's one window of that line replaced
    every run (written as a whole day of no place)."""
    text = ("计划停电预告\n\n3月14日 星期日\n\n海曙 集士港镇·深溪村、卖面桥村(8:00—16:00)鄞江镇晴江岸村(8:30—14:30)\n\n"
            "鄞州 云龙镇上李家村(7:00—15:00)五乡镇·宝同村(8:00—17:00)\n\n3月16日 星期二\n\n"
            "北仑 柴桥街道河头村、芦江村(8:30—15:30)\n\n变更：\n\n"
            "鄞州 瞻岐镇合岙村、东城村一带原定3月15日(8:00—16:00)停电，变更为3月17日(8:00—16:00)\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 12), DISTRICTS)
    days = [(w["date"].day, w["start"]) for w in result.fields["windows"]]
    assert days[:5] == [(14, "08:00"), (14, "08:30"), (14, "07:00"), (14, "08:00"), (16, "08:30")]
    # (Since stop 38 that change line is read: the new day a window, the old one called off.)
    assert not result.problems
    assert days[5:] == [(17, "08:00")]
    assert [(c["date"].day, c["areas"]) for c in result.fields["cancelled"]] == [(15, ["合岙村", "东城村一带"])]


def test_a_space_aligned_listing_with_the_day_and_two_bare_times_in_their_own_columns():
    """``停电日期     开始时间  结束时间  停电类型  涉及区域`` / ``2028-02-21   08:00     15:00 …``:
    no window (only cells of date and time together were paired); a fault row already over
    (``故障停电  洪塘街道赵家村（已送电）``) is no window."""
    text = ("停电日期     开始时间  结束时间  停电类型  涉及区域\n"
            "2027-03-08   14:10     16:45     故障停电  洪塘街道赵家村（已送电）\n"
            "2027-03-09   08:00     15:00     计划停电  慈城镇虹星村、南联村\n")
    windows, _ = _placed(text, dt.date(2027, 3, 8))
    assert [(w[0], w[1], w[2], w[4], w[5]) for w in windows] == [
        ("2027-03-09", "08:00", "15:00", "慈城镇", ["虹星村", "南联村"])]


def test_a_text_message_s_power_address_in_brackets():
    """``您户号7310****8826（用电地址：象山县丹东街道天安路188弄）所在区域计划于…停电``: the place
    kept the bracket's close and ``所在区域``."""
    text = ("【国网象山县供电公司】尊敬的客户：您户号7310****8826（用电地址：象山县丹东街道天安路188弄）所在区域计划于"
            "2027年3月17日07:00-15:00停电检修，请提前做好准备。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 12))
    assert [(w[3], w[4], w[5]) for w in windows] == [("象山县", "丹东街道", ["天安路188弄"])]
    # (The works on a line named before its colon: ``10kV定塘G211线改造：…``.)
    assert split_areas("10kV定塘G211线改造：定塘镇沙地村、上塘村") == ["定塘镇沙地村", "上塘村"]


def test_a_listing_s_cards_each_headed_by_its_town():
    """``计划停电｜白沙街道`` above (or under) a card's time and places, cards apart by rules or blank
    lines: the windows named no town and no district (exit 1); the town printed again among a
    called-off card's places stayed a place."""
    text = ("宁波市 江北区 ▼\n────────\n计划停电｜白沙街道\n停电时间　2027-03-10 08:00 ~ 2027-03-10 16:00\n"
            "停电范围　大闸路、白沙街道正大社区\n────────\n计划停电｜洪塘街道\n"
            "停电时间　2027-03-11 07:30 ~ 2027-03-11 11:30\n停电范围　裘市村、西洋港村\n────────\n\n"
            "国网宁波供电公司 | 江北区\n2027-03-12 08:30 - 2027-03-12 16:30\n计划停电 | 慈城镇\n"
            "范围：毛岙村、慈城镇 宁波某某轴承\n信息状态：已取消\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 8))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [
        ("2027-03-10", "江北区", "白沙街道", ["大闸路", "正大社区"]),
        ("2027-03-11", "江北区", "洪塘街道", ["裘市村", "西洋港村"])]
    assert [(c[0], c[3], c[4], c[5]) for c in cancelled] == [
        ("2027-03-12", "江北区", "慈城镇", ["毛岙村", "宁波某某轴承"])]


def test_a_residents_notice_signed_by_an_office_naming_its_district():
    """An estate's notice of two slots signed ``宁波市海曙区望春街道某某苑物业服务中心`` (its buildings
    not named after it), or with ``地址：镇海区庄市街道…`` under the signature: no district (exit 1).
    A utility's address names no district of its windows; an app's place picker
    (``宁波市 北仑区 ▼``) does."""
    slots = "上午8点至11点：1—4幢；\n下午1点至4点：5—9幢、地下车库。\n\n"
    text = "尊敬的业主：\n定于2027年3月13日分两个时段停电：\n" + slots + "宁波市海曙区望春街道某某苑物业服务中心\n2027年3月10日\n"
    windows, _ = _placed(text, dt.date(2027, 3, 10))
    assert [(w[1], w[3], w[5]) for w in windows] == [
        ("08:00", "海曙区", ["1—4幢"]), ("13:00", "海曙区", ["5—9幢", "地下车库"])]
    text = ("尊敬的业主：\n定于2027年3月13日分两个时段停电：\n" + slots +
            "某某物业服务有限公司某某苑服务中心\n地址：镇海区庄市街道兴庄路88号　电话：0574-00000000\n")
    assert [w[3] for w in _placed(text, dt.date(2027, 3, 10))[0]] == ["镇海区", "镇海区"]
    text = ("定于2027年3月13日分两个时段停电：\n" + slots + "国网宁波供电公司\n地址：海曙区南门街道柳汀街1408号\n")
    assert [w[3] for w in _placed(text, dt.date(2027, 3, 10))[0]] == [None, None]
    text = "宁波市 北仑区 ▼\n计划停电\n停电时间　2027-03-12 08:00 ~ 2027-03-12 16:00\n停电范围　某某路、某某村\n"
    assert [w[3] for w in _placed(text, dt.date(2027, 3, 10))[0]] == ["北仑区"]


def test_a_space_aligned_listing_with_a_status_column_and_its_query_title():
    """``停电日期  开始时间  结束时间  停电类型  停电范围  状态``: the ``状态`` header was no table header, so
    no row was read (exit 1, every window missing); a row ``已取消`` is a slot called off; the query's
    title line (``停电信息查询结果（浙江省 宁波市 江北区）   导出时间：…``) is chrome."""
    text = ("停电信息查询结果（浙江省 宁波市 江北区）          导出时间：2027-03-08 10:02\n\n"
            "停电日期     开始时间  结束时间  停电类型  停电范围                  状态\n"
            "2027-03-09   08:00     15:00     计划停电  慈城镇虹星村、南联村      待执行\n"
            "2027-03-10   08:30     16:00     计划停电  庄桥街道童家村            已取消\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 8), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (9, "慈城镇", ["虹星村", "南联村"])]
    assert [(c["date"].day, c["town"], c["areas"]) for c in result.fields["cancelled"]] == [
        (10, "庄桥街道", ["童家村"])]


def test_a_town_s_cold_store_and_fishery_station_keep_the_town_s_name():
    """``鹤浦镇水产冷库`` and ``鹤浦镇渔业服务站`` after the town's villages, in a record and a tab table:
    cut to ``水产冷库`` and ``渔业服务站`` as if the town were printed again."""
    text = ("停电时间：2027年3月16日8:00-17:00\n停电范围：象山县鹤浦镇小百丈村、大岙村、鹤浦镇水产冷库\n")
    windows, _ = _placed(text, dt.date(2027, 3, 12))
    assert [w[5] for w in windows] == [["小百丈村", "大岙村", "鹤浦镇水产冷库"]]
    text = ("日期\t时间\t停电范围\n3月17日\t8:00-16:00\t象山县鹤浦镇南田村、鹤浦镇渔业服务站\n")
    windows, _ = _placed(text, dt.date(2027, 3, 12))
    assert [w[5] for w in windows] == [["南田村", "鹤浦镇渔业服务站"]]


def test_a_record_s_two_slots_apart_by_a_semicolon():
    """``停电时间：2027年3月18日 08:00至12:00；13:30至17:00``: the second slot was not read (exit 1)."""
    text = ("停电时间：2027年3月18日 08:00至12:00；13:30至17:00\n停电范围：大佳何镇涨家溪村、葛家村\n"
            "停电线路：10kV大佳何G517线\n")
    windows, _ = _placed(text, dt.date(2027, 3, 12))
    assert [(w[1], w[2], w[5]) for w in windows] == [
        ("08:00", "12:00", ["涨家溪村", "葛家村"]), ("13:30", "17:00", ["涨家溪村", "葛家村"])]


def test_a_table_then_a_change_of_one_row_s_slot_said_without_a_preposition():
    """``原定3月16日8:30-15:30鹤浦镇大岙村、南田村的停电调整为3月19日8:30-15:30，停电范围不变`` under a
    tab table: the original slot read with no places and the new one lost (exit 1)."""
    text = ("停电日期\t停电时段\t所属乡镇\t停电区域\n3月15日\t8:00-16:00\t石浦镇\t番西村、延昌村\n"
            "3月16日\t8:30-15:30\t鹤浦镇\t大岙村、南田村\n\n"
            "变更说明：原定3月16日8:30-15:30鹤浦镇大岙村、南田村的停电调整为3月19日8:30-15:30，停电范围不变。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 12))
    assert [(w[0], w[4], w[5]) for w in windows] == [
        ("2027-03-15", "石浦镇", ["番西村", "延昌村"]), ("2027-03-19", "鹤浦镇", ["大岙村", "南田村"])]
    assert [(c[0], c[4], c[5]) for c in cancelled] == [("2027-03-16", "鹤浦镇", ["大岙村", "南田村"])]


def test_a_thread_s_later_message_moving_a_slot_said_earlier():
    """A chat's time stamps (``3月10日 上午9:02``) were windows of their own; ``原定15号上午的停电改到3月
    17日…`` (the day alone) left the first slot active; ``原定明天（3月15日）的停电改期至3月22日（周一），
    时间不变…，范围不变`` read nothing; a second text message's ``您好！原定于03月15日…`` took ``您好！原``
    for the places."""
    text = ("　　　　3月10日 上午9:02\n物业-小张：@所有人 接供电公司通知，3月15日（周一）8:30—12:00小区停电，"
            "范围：某某苑1—8幢、沿街商铺。\n　　　　3月12日 下午4:45\n物业-小张：@所有人 更正：原定15号上午的停电"
            "改到3月17日（周三）上午8:30—12:00，范围不变。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 12))
    assert [(w[0], w[1], w[5]) for w in windows] == [("2027-03-17", "08:30", ["某某苑1—8幢", "沿街商铺"])]
    assert [(c[0], c[1], c[5]) for c in cancelled] == [("2027-03-15", "08:30", ["某某苑1—8幢", "沿街商铺"])]
    text = ("定于3月15日（周一）上午8:00至下午14:00，某某苑1—8幢、地下车库停电。\n"
            "因天气原因，原定明天（3月15日）的停电改期至3月22日（周一），时间不变8:00-14:00，范围不变。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 14))
    assert [(w[0], w[1], w[5]) for w in windows] == [("2027-03-22", "08:00", ["某某苑1—8幢", "地下车库"])]
    assert [(c[0], c[1], c[5]) for c in cancelled] == [("2027-03-15", "08:00", ["某某苑1—8幢", "地下车库"])]
    text = ("【国网宁波供电】尊敬的客户：您好！因电网检修，您户号6011200000所在区域计划于2027年03月15日08:00至"
            "2027年03月15日16:00停电，停电范围：爵溪街道下沙村、东门外村，给您带来不便敬请谅解。\n\n"
            "【国网宁波供电】尊敬的客户：您好！原定于03月15日08:00至16:00的停电计划因天气原因调整为2027年03月17日"
            "08:00至16:00，停电范围不变。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 12))
    assert [(w[0], w[4], w[5]) for w in windows] == [("2027-03-17", "爵溪街道", ["下沙村", "东门外村"])]
    assert [(c[0], c[4], c[5]) for c in cancelled] == [("2027-03-15", "爵溪街道", ["下沙村", "东门外村"])]


def test_text_messages_whose_only_place_is_the_account_s_address():
    """``您户号…（地址：慈溪市坎墩街道某某村）因…检修，计划于…停电``, a later ``原定…对您户号…（地址：…）的停电计划
    已取消`` and ``…（地址：…）所在线路将于…计划停电``: no places read (exit 1), the first slot kept
    active."""
    text = ("【国网慈溪市供电公司】尊敬的客户，您好！您户号3306****0000（地址：慈溪市坎墩街道某某村）因10kV某某线检修，"
            "计划于2027年03月21日07:00至15:00停电，请提前做好准备。\n3月15日 09:12\n\n"
            "【国网慈溪市供电公司】尊敬的客户，原定2027年03月21日07:00至15:00对您户号3306****0000（地址：慈溪市坎墩街道"
            "某某村）的停电计划已取消，给您带来不便敬请谅解。\n\n【国网慈溪市供电公司】尊敬的客户，您户号3306****0000"
            "（地址：慈溪市坎墩街道某某村）所在线路将于2027年03月28日08:00至16:00计划停电，请提前做好准备。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 19))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [("2027-03-28", "慈溪市", "坎墩街道", ["某某村"])]
    assert [(c[0], c[3], c[4], c[5]) for c in cancelled] == [("2027-03-21", "慈溪市", "坎墩街道", ["某某村"])]


def test_a_news_site_s_column_with_a_run_of_two_slots_and_its_page_furniture():
    """``桑洲镇南岭村、麻岙村(8:00—11:30)(13:30—17:00)``: the second slot had no areas (exit 1); the
    breadcrumb, the byline with 来源/编辑/阅读 and ``【打印本页】 【关闭窗口】`` were runs without a time."""
    text = ("宁海新闻网 > 民生 > 便民信息\n\n计划停电预告\n\n2027-03-12 08:15   来源：宁海传媒集团   编辑：某某   阅读：2307\n\n"
            "3月15日 星期一\n宁海 前童镇鹿山村、花桥村(7:30—16:30)桑洲镇南岭村、麻岙村(8:00—11:30)(13:30—17:00)\n\n"
            "国网宁海县供电公司\n\n【打印本页】 【关闭窗口】\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 12), DISTRICTS)
    assert not result.problems
    assert [(w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("07:30", "前童镇", ["鹿山村", "花桥村"]), ("08:00", "桑洲镇", ["南岭村", "麻岙村"]),
        ("13:30", "桑洲镇", ["南岭村", "麻岙村"])]


def test_a_column_s_change_lines_that_retime_a_run_on_its_own_day():
    """``…原定3月16日 星期二(8:30—16:30)停电，时间调整为(12:30—16:30)。`` and ``…横山码头一带，时间由
    (8:00—16:00)变更为(8:00—12:00)``: the new slot was lost (exit 0), or ``时间由`` read as a place."""
    text = ("计划停电预告\n\n3月15日 星期一\n\n鄞州 横溪镇梅岭村(8:00—16:00)\n\n变更：\n\n3月16日 星期二\n\n"
            "鄞州 咸祥镇·南头村、横山码头一带，时间由(8:00—16:00)变更为(8:00—12:00)\n\n"
            "鄞州 五乡镇宝同村、明伦村 原定3月16日 星期二(8:30—16:30)停电，时间调整为(12:30—16:30)。\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 12), DISTRICTS)
    assert [(w["date"].day, w["start"], w["end"], w["areas"]) for w in result.fields["windows"]] == [
        (15, "08:00", "16:00", ["梅岭村"]), (16, "08:00", "12:00", ["南头村", "横山码头一带"]),
        (16, "12:30", "16:30", ["宝同村", "明伦村"])]
    assert [(c["date"].day, c["start"], c["end"], c["areas"]) for c in result.fields["cancelled"]] == [
        (16, "08:00", "16:00", ["南头村", "横山码头一带"]), (16, "08:30", "16:30", ["宝同村", "明伦村"])]


def test_places_that_will_have_their_supply_paused():
    """``…对10千伏亭下线进行检修，届时溪口镇亭下村、董家村将暂停供电；…西坞村停电``: the first slot took the
    next clause's places (exit 0)."""
    text = ("国网宁波市奉化区供电公司定于3月15日（星期一）上午8:30至下午16:00对10千伏亭下线进行检修，届时溪口镇亭下村、"
            "董家村将暂停供电；3月16日（星期二）上午7时30分至12时，西坞街道白杜村、西坞村停电。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 12))
    assert [(w[0], w[4], w[5]) for w in windows] == [
        ("2027-03-15", "溪口镇", ["亭下村", "董家村"]), ("2027-03-16", "西坞街道", ["白杜村", "西坞村"])]


def test_a_shop_s_notice_giving_the_cut_as_its_reason_for_closing():
    """``因镇海区招宝山街道城关路片区3月13日（星期六）上午8:00至下午15:00计划停电，本店当天暂停营业一天，3月14日…
    恢复正常营业，营业时间8:00-21:00``: the district read as ``因镇海区``, the opening hours a window."""
    text = ("【告顾客书】\n\n尊敬的顾客朋友：\n　　因镇海区招宝山街道城关路片区3月13日（星期六）上午8:00至下午15:00计划停电，"
            "本店当天暂停营业一天，3月14日（星期日）恢复正常营业，营业时间8:00-21:00。\n\n某某超市（城关路店）\n2027年3月10日\n")
    windows, _ = _placed(text, dt.date(2027, 3, 10))
    assert [(w[0], w[1], w[3], w[4], w[5]) for w in windows] == [
        ("2027-03-13", "08:00", "镇海区", "招宝山街道", ["城关路片区"])]


def test_a_column_led_by_a_sentence_summing_up_its_cancelled_section():
    """``受…台风影响，原定3月18日、19日的计划停电全部取消，…。`` above the day's runs and a ``取消：`` section:
    every run below became a cancelled slot; ``慈溪市供电公司  抢修电话：95598`` was a run without a time."""
    text = ("慈溪日报 2027年3月17日 第02版\n\n停电预告\n\n受今年第11号台风影响，原定3月18日、19日的计划停电全部取消，恢复安排另行通知。\n\n3月20日（周六）\n"
            "龙山镇方家河头村、伏龙村（7:00—15:00）\n\n取消：\n3月18日（周四）\n横河镇彭桥村、孙家境村（7:30—16:30）\n"
            "3月19日（周五）\n匡堰镇倡隆村（8:00—15:00）\n\n慈溪市供电公司  抢修电话：95598\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 17), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (20, "龙山镇", ["方家河头村", "伏龙村"])]
    assert [(c["date"].day, c["town"]) for c in result.fields["cancelled"]] == [(18, "横河镇"), (19, "匡堰镇")]


def test_a_pipe_listing_with_a_status_column_under_a_title_naming_its_district():
    """``停电信息公告 — 宁波市江北区`` above ``序号 | 停电类型 | 停电区域 | 停电时间 | 状态``: the title was read
    as the first row's places (exit 1); a row ``已取消`` is a slot called off."""
    text = ("停电信息公告 — 宁波市江北区\n更新时间：2027-03-14 10:05\n\n序号 | 停电类型 | 停电区域 | 停电时间 | 状态\n"
            "1 | 计划停电 | 孔浦街道怡江社区、孔浦街道大庆南路50—88号(双号) | 2027-03-15 08:00—2027-03-15 12:00 | 正常\n"
            "2 | 计划停电 | 甬江街道湾头社区 | 2027-03-16 08:00—2027-03-16 16:00 | 已取消\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 14), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["district"], w["areas"]) for w in result.fields["windows"]] == [
        (15, "江北区", ["怡江社区", "大庆南路50—88号(双号)"])]
    assert [(c["date"].day, c["areas"]) for c in result.fields["cancelled"]] == [(16, ["湾头社区"])]


def test_a_school_named_after_its_town_with_the_town_printed_again():
    """``长街镇大湖村、长街镇西岙村、长街镇长街中学(7:30—16:30)``: the school kept the town printed again
    before its name (``长街中学`` is named by the town's short name already)."""
    text = "计划停电预告\n\n3月15日 星期一\n\n宁海 长街镇大湖村、长街镇西岙村、长街镇长街中学(7:30—16:30)\n"
    result = parse_outage_notice(text, dt.date(2027, 3, 12), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["大湖村", "西岙村", "长街中学"]]
    windows, _ = _placed("3月15日7:30至16:30，长街镇大湖村、长街镇长街中学停电。\n", dt.date(2027, 3, 12))
    assert [w[5] for w in windows] == [["大湖村", "长街中学"]]


def test_a_road_beginning_with_zhen_after_its_town():
    """``月湖街道镇明路（中山西路—柳汀街段）沿街商铺``: read as the town ``月湖街道镇`` and the place ``明路…``."""
    text = ("网上国网 · 停电公告\n\n【计划停电】海曙区\n停电时间：2027-03-28 23:00:00 至 2027-03-29 05:00:00\n"
            "停电区域：月湖街道镇明路（中山西路—柳汀街段）沿街商铺、月湖街道柳汀街部分商户\n停电原因：配合道路管线改造\n\n"
            "【计划停电】海曙区\n停电时间：2027-03-31 22:30:00 至 2027-04-01 04:30:00\n停电区域：西门街道西门社区\n")
    windows, _ = _placed(text, dt.date(2027, 3, 25))
    assert [(w[3], w[4], w[5]) for w in windows] == [
        ("海曙区", "月湖街道", ["镇明路（中山西路—柳汀街段）沿街商铺", "柳汀街部分商户"]),
        ("海曙区", "西门街道", ["西门社区"])]


def test_a_text_message_thread_whose_places_are_the_accounts_addresses():
    """``您的户号31xxxxxx2618（地址：鄞州区邱隘镇回龙村）将于…停电`` (the bracket's close kept in the
    place), then ``原定…对您户号31xxxxxx2618的计划停电取消`` and ``您的户号…（地址：…）计划停电改至…``
    (``详询95598`` read as the place)."""
    text = ("3月16日 上午10:02\n【国网宁波供电公司】尊敬的客户：因电力设施检修，您的户号31xxxxxx2618（地址：鄞州区邱隘镇回龙村）"
            "将于2027年03月19日07:00至03月19日17:00停电，如遇恶劣天气顺延。详询95598。\n\n3月18日 下午4:15\n"
            "【国网宁波供电公司】尊敬的客户：受台风影响，原定03月19日07:00-17:00对您户号31xxxxxx2618的计划停电取消，"
            "改期另行通知。\n\n3月21日 上午9:30\n【国网宁波供电公司】尊敬的客户：您的户号31xxxxxx2618（地址：鄞州区邱隘镇"
            "回龙村）计划停电改至2027年03月24日07:00至03月24日17:00，详询95598。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 21))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [("2027-03-24", "鄞州区", "邱隘镇", ["回龙村"])]
    assert [(c[0], c[5]) for c in cancelled] == [("2027-03-19", ["回龙村"])]


def test_a_group_chat_s_correction_retiming_the_day_and_adding_more_buildings():
    """``更正：…3月26日停电时间调整为8:00至12:00，范围不变。另外某某花园13-16幢3月27日（星期六）8:00至12:00停电。``:
    the re-timed slot had no places and the first slot stayed active; the added buildings were no
    place (numbers before the date) and named no town."""
    text = ("物业-小周  3月24日 09:12\n@所有人 【停电通知】接供电公司通知，3月26日（星期五）上午8:00至下午4:00，"
            "浒山街道某某花园1-12幢、某某商业街计划停电，请大家提前做好准备。\n\n业主 老李  10:03\n收到\n\n"
            "物业-小周  3月24日 16:40\n@所有人 更正：刚接供电公司通知，3月26日停电时间调整为8:00至12:00，范围不变。"
            "另外某某花园13-16幢3月27日（星期六）8:00至12:00停电。以上，谢谢配合！\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 24))
    assert [(w[0], w[1], w[2], w[3], w[5]) for w in windows] == [
        ("2027-03-26", "08:00", "12:00", "慈溪市", ["某某花园1-12幢", "某某商业街"]),
        ("2027-03-27", "08:00", "12:00", "慈溪市", ["某某花园13-16幢"])]
    assert [(c[0], c[1], c[2], c[5]) for c in cancelled] == [
        ("2027-03-26", "08:00", "16:00", ["某某花园1-12幢", "某某商业街"])]


def test_a_town_printed_again_with_the_column_s_dot_and_a_town_whose_name_holds_shi():
    """``新碶街道·宁波港吉码头办公楼`` and ``中马街道·宁波老外滩管理处`` later in their town's list kept
    ``新碶街道·`` (or ``·``); ``三七市镇石步村`` was read as a city 三七市 and a place ``镇石步村``."""
    text = ("计划停电预告\n\n3月19日 星期五\n\n北仑 新碶街道明州路沿线、新大路1号公变、新碶街道·宁波港吉码头办公楼（22:00—次日5:00）\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 15), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["明州路沿线", "新大路1号公变", "宁波港吉码头办公楼"]]
    text = ("停电时间：2027年3月11日 07:00至19:00\n停电区域：中马街道人民路沿线、外马路12-18号、中马街道·宁波老外滩管理处\n\n"
            "停电时间：2027年3月20日 09:00至15:00\n停电范围：三七市镇石步村、二六市村、三七市镇幼儿园\n")
    windows, _ = _placed(text, dt.date(2027, 3, 8))
    assert [(w[4], w[5]) for w in windows] == [("中马街道", ["人民路沿线", "外马路12-18号", "宁波老外滩管理处"]),
                                              ("三七市镇", ["石步村", "二六市村", "三七市镇幼儿园"])]


def test_a_post_s_clock_pictograph_between_the_day_and_its_time():
    """``📅3月13日至15日（周六至周一）每天⏰8:30-16:30`` / ``📍江口街道：…``: no window read, the whole
    post kept in the body (exit 1)."""
    text = ("具体安排如下👇\n\n📅3月13日至15日（周六至周一）每天⏰8:30-16:30\n📍江口街道：南渡村、塔下村\n🔌停电线路：10kV南渡线\n\n"
            "📅3月14日（周日）⏰7:00-9:00\n📍岳林街道：大成东路沿线、阳光水岸8幢-12幢\n")
    windows, _ = _placed(text, dt.date(2027, 3, 10))
    assert [(w[0], w[1], w[4], w[5]) for w in windows] == [
        ("2027-03-13", "08:30", "江口街道", ["南渡村", "塔下村"]), ("2027-03-14", "08:30", "江口街道", ["南渡村", "塔下村"]),
        ("2027-03-15", "08:30", "江口街道", ["南渡村", "塔下村"]),
        ("2027-03-14", "07:00", "岳林街道", ["大成东路沿线", "阳光水岸8幢-12幢"])]


def test_numbered_slots_with_a_colon_between_the_time_and_the_places():
    """``1. 3月20日（星期六）7:00—18:00：教学楼、实验楼停电；``: the colon was kept in the first place."""
    text = ("各位家长：\n因配电设施检修，我校将分两次停电：\n1. 3月20日（星期六）7:00—18:00：教学楼、实验楼、食堂停电；\n"
            "2. 3月21日（星期日）8:00—12:00：学生宿舍1、2、3号楼停电。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 15))
    assert [(w[0], w[5]) for w in windows] == [
        ("2027-03-20", ["教学楼", "实验楼", "食堂"]), ("2027-03-21", ["学生宿舍1、2、3号楼"])]


def test_text_messages_naming_the_place_after_the_account_and_a_comma():
    """``您户号3302******1187所在的白沙路街道寺山路沿线、三北大街(双号)，因设备检修，计划于…停电``: no place
    read (exit 1); ``您户号…所在区域原定…的停电，调整为…`` stays a change of the earlier slot."""
    text = ("【国网宁波供电】尊敬的客户，您户号3302******1187所在的白沙路街道寺山路沿线、三北大街(双号)，因设备检修，计划于"
            "2027年03月19日08:00至2027年03月19日12:00停电，请提前做好准备。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 15))
    assert [(w[3], w[4], w[5]) for w in windows] == [("慈溪市", "白沙路街道", ["寺山路沿线", "三北大街(双号)"])]
    text = ("【国网象山县供电公司】尊敬的客户：您户号7310****8826（用电地址：象山县丹东街道天安路188弄）所在区域计划于2027年"
            "3月27日07:00-15:00停电检修。\n\n【国网象山县供电公司】尊敬的客户：您户号7310****8826所在区域原定3月27日"
            "07:00-15:00的停电，调整为3月27日12:00-18:00，给您带来不便敬请谅解。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 23))
    assert [(w[1], w[5]) for w in windows] == [("12:00", ["天安路188弄"])]
    assert [(c[1], c[5]) for c in cancelled] == [("07:00", ["天安路188弄"])]


def test_a_shop_s_notice_naming_the_place_it_is_in():
    """``本店所在的丹西街道靖南路一带将于3月31日…停电``: no place (``本`` reads as the speaker); ``我院所在区域
    将于…`` names none."""
    text = ("因供电公司线路检修，本店所在的丹西街道靖南路一带将于3月31日（星期三）上午5:30至上午11:30停电，"
            "本店当天上午暂停营业。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 28))
    assert [(w[1], w[3], w[4], w[5]) for w in windows] == [("05:30", "象山县", "丹西街道", ["靖南路一带"])]
    windows, _ = _placed("因线路检修，我院所在区域将于2027年3月26日（星期五）6:00至14:00停电。\n", dt.date(2027, 3, 20))
    assert [w[5] for w in windows] == [[]]


def test_a_post_s_range_of_days_then_every_day_s_time_after_a_pictograph():
    """``📅 3月11日—3月12日（周四至周五）`` / ``⏰ 每天 09:00-15:00``: both days missing with exit 0."""
    text = ("📅 3月10日（周三）\n⏰ 08:00-16:00\n📍 鄞州区五乡镇：联合村、石山弄村\n\n"
            "📅 3月11日—3月12日（周四至周五）\n⏰ 每天 09:00-15:00\n📍 鄞州区首南街道：学府一号小区2、4、6幢，天童南路588号商铺\n")
    windows, _ = _placed(text, dt.date(2027, 3, 6))
    assert [(w[0], w[1], w[4]) for w in windows] == [
        ("2027-03-10", "08:00", "五乡镇"), ("2027-03-11", "09:00", "首南街道"), ("2027-03-12", "09:00", "首南街道")]


def test_a_school_s_notice_whose_places_are_all_cut_then_cut_again():
    """``届时教学楼、食堂、体育馆全部停电`` kept ``体育馆全部``; ``3月14日…继续停电，范围为学生公寓`` read
    ``继续`` as the place; a teachers' reporting day (``报到时间为3月30日…8:00—11:00``) was a window."""
    text = ("各位老师：\n    学校所在10kV四合线将于3月13日（星期六）7:30—17:30停电检修，届时教学楼、食堂、体育馆全部停电。"
            "3月14日（星期日）7:30—12:00继续停电，范围为学生公寓。\n    另，新学期教师报到时间为3月30日（星期二）8:00—11:00。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 10))
    assert [(w[0], w[5]) for w in windows] == [
        ("2027-03-13", ["教学楼", "食堂", "体育馆"]), ("2027-03-14", ["学生公寓"])]


def test_a_village_board_transcribed_with_its_range_after_the_sentence():
    """``（村务公开栏照片转录）`` / ``奉化区尚田街道鸣雁村村务公开栏`` / … ``3月5日（礼拜五）早上6点到下午2点，村里
    线路检修停电。范围：上鸣雁自然村、…。``: the slot took the next line's places and no district."""
    text = ("（村务公开栏照片转录）\n\n奉化区尚田街道鸣雁村村务公开栏\n\n通    知\n\n全体村民：\n"
            "    接供电所通知，3月5日（礼拜五）早上6点到下午2点，村里线路检修停电。范围：上鸣雁自然村、下鸣雁自然村、村老年活动室。\n"
            "    3月6日（礼拜六）早上6点到10点半，印家坑村口至茶场一段停电。\n\n    鸣雁村村民委员会\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 3), DISTRICTS)
    assert [(w["date"].day, w["district"], w["areas"]) for w in result.fields["windows"]] == [
        (5, "奉化区", ["上鸣雁自然村", "下鸣雁自然村", "村老年活动室"]), (6, "奉化区", ["印家坑村口至茶场一段"])]
    assert [w.message for w in result.warnings if "奉化区尚田街道" in w.message] == [
        '2 windows naming no district put in 奉化区, the district the notice\'s head line '
        '"奉化区尚田街道鸣雁村村务公开栏" names; check it']


def test_a_tab_table_with_the_day_and_two_bare_times_under_a_county_company_s_title():
    """``停电日期	开始时间	结束时间	停电设备	停电区域	备注`` with ``2028-03-10	22:00	次日04:00	…``: nothing
    read (exit 1); the title ``国网象山县供电公司 计划停电信息（…）`` and ``制表：…`` were runs without a time."""
    text = ("国网象山县供电公司 计划停电信息（2027年3月9日—3月10日）\n\n"
            "停电日期\t开始时间\t结束时间\t停电设备\t停电区域\t备注\n"
            "2027-03-09\t08:00\t16:00\t10kV墙头线12号杆后段\t墙头镇方家岙村、溪口村\t如遇雨天顺延至3月13日\n"
            "2027-03-10\t22:00\t次日04:00\t35kV丹城变10kV Ⅱ段母线\t丹东街道天安路沿线\t夜间停电\n\n"
            "制表：象山县供电公司调控中心  2027-03-06\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 6), DISTRICTS)
    assert not result.problems
    assert result.fields["source"] == {"name": "国网象山县供电公司"}
    assert [(w["date"].day, w["start"], w["end"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (9, "08:00", "16:00", "墙头镇", ["方家岙村", "溪口村"]), (10, "22:00", "次日04:00", "丹东街道", ["天安路沿线"])]


def test_a_post_s_records_with_pictographs_before_their_labels():
    """``📍停电时间：…`` / ``📍停电线路：10kV新浦线`` / ``📍停电范围：附海镇东海村、附海镇海晏庙村部分用户``: the
    line was read as the place; a village whose name holds 庙 kept its town printed again."""
    text = ("📢各位用户：\n具体安排如下👇\n\n📍停电时间：2027年3月6日 08:00—16:00\n📍停电线路：10kV新浦线\n"
            "📍停电范围：新浦镇老浦村、水湘村\n\n📍停电时间：2027年3月7日 08:30—15:30\n📍停电线路：10kV附海线\n"
            "📍停电范围：附海镇东海村、附海镇海晏庙村部分用户\n")
    windows, _ = _placed(text, dt.date(2027, 3, 2))
    assert [(w[0], w[4], w[5]) for w in windows] == [
        ("2027-03-06", "新浦镇", ["老浦村", "水湘村"]), ("2027-03-07", "附海镇", ["东海村", "海晏庙村部分用户"])]


def test_a_listing_pasted_one_cell_a_line_with_planned_cut_and_supply_times():
    """``序号`` / ``停电区域`` / ``停电类型`` / ``计划停电时间`` / ``计划送电时间`` then each row's cells: every
    window took the next row's places (exit 0); ``阳明街道·余姚市中医医院后勤楼`` kept its town."""
    text = ("停电信息查询\n省份：浙江省    地市：宁波市    区县：北仑区\n\n序号\n停电区域\n停电类型\n计划停电时间\n计划送电时间\n"
            "1\n梅山街道梅东村、梅山湾沙滩公园\n计划停电\n2027-03-18 22:00\n2027-03-19 05:00\n"
            "2\n大榭街道榭北村、大榭开发区管委会\n计划停电\n2027-03-19 08:00\n2027-03-19 16:00\n")
    windows, _ = _placed(text, dt.date(2027, 3, 17))
    assert [(w[0], w[1], w[2], w[4], w[5]) for w in windows] == [
        ("2027-03-18", "22:00", "次日05:00", "梅山街道", ["梅东村", "梅山湾沙滩公园"]),
        ("2027-03-19", "08:00", "16:00", "大榭街道", ["榭北村", "大榭开发区管委会"])]
    text = "停电时间：2027年3月17日 22:00 至 2027年3月18日 06:00\n停电范围：阳明街道新建北路沿线、阳明街道·余姚市中医医院后勤楼\n"
    assert [w[5] for w in _placed(text, dt.date(2027, 3, 15))[0]] == [["新建北路沿线", "余姚市中医医院后勤楼"]]


def test_numbered_town_lines_under_one_time_with_the_line_cut_in_brackets():
    """``一、3月12日（星期五）8:00至16:00`` / ``1. 鄞州区钟公庙街道：…、钟公庙3号箱变（10kV天宫线）`` / ``2. 海曙区
    石碶街道：…（10kV栎社线）``: a window of the place ``1``, the second line lost, the line cut kept in
    the last place."""
    text = ("具体停电安排如下：\n\n　　一、3月12日（星期五）8:00至16:00\n"
            "　　1. 鄞州区钟公庙街道：金钟花苑一带、钟公庙中学、钟公庙3号箱变（10kV天宫线）\n"
            "　　2. 海曙区石碶街道：星光村、冯家村（10kV栎社线）\n　　二、3月13日（星期六）\n"
            "　　1. 9:00至15:00，鄞州区潘火街道：德源路沿线、金瑞电器（10kV德源线）\n")
    windows, _ = _placed(text, dt.date(2027, 3, 8))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [
        ("2027-03-12", "鄞州区", "钟公庙街道", ["金钟花苑一带", "钟公庙中学", "钟公庙3号箱变"]),
        ("2027-03-12", "海曙区", "石碶街道", ["星光村", "冯家村"]),
        ("2027-03-13", "鄞州区", "潘火街道", ["德源路沿线", "金瑞电器"])]
    # (The lines cut are the slot's note: both lines for both windows of the first slot.)
    assert [w[6] for w in windows] == ["10kV天宫线；10kV栎社线", "10kV天宫线；10kV栎社线", "10kV德源线"]


def test_a_record_s_range_of_two_towns_each_alone_before_its_places():
    """``停电范围：丈亭镇 汇头村、渔溪村；三七市镇 石步村``: one window whose places were the two towns and
    their villages together (exit 0)."""
    text = ("【停电信息四】\n停电时间：2027年3月22日至3月23日，每日 08:00 — 17:00\n停电线路：10kV丈亭C215线\n"
            "停电范围：丈亭镇 汇头村、渔溪村；三七市镇 石步村\n停电原因：线路迁改\n")
    windows, _ = _placed(text, dt.date(2027, 3, 18))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [
        ("2027-03-22", "余姚市", "丈亭镇", ["汇头村", "渔溪村"]), ("2027-03-22", "余姚市", "三七市镇", ["石步村"]),
        ("2027-03-23", "余姚市", "丈亭镇", ["汇头村", "渔溪村"]), ("2027-03-23", "余姚市", "三七市镇", ["石步村"])]


def test_a_column_run_s_rain_date_in_brackets_after_its_time_and_a_listing_s_page_footer():
    """``定山村一带(7:00—14:00)(如遇雨天顺延至3月21日)西周镇下沈村…``: the rain date was the next run's first
    place; ``共5条　第1/1页`` under a listing was a run without a time."""
    text = ("计划停电预告\n\n3月20日 星期六\n\n象山 定塘镇沙地村、定山村一带(7:00—14:00)(如遇雨天顺延至3月21日)西周镇下沈村、"
            "儒雅洋村(8:00—16:00)\n\n共5条　第1/1页\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 15), DISTRICTS)
    assert not result.problems
    assert [(w["town"], w["areas"], w.get("note")) for w in result.fields["windows"]] == [
        ("定塘镇", ["沙地村", "定山村一带"], "如遇雨天顺延至3月21日"), ("西周镇", ["下沈村", "儒雅洋村"], None)]


def test_a_hospital_speaking_of_itself_under_its_name():
    """``鄞州区姜山镇卫生院`` / … ``我院将于2027年3月15日（星期一）8:00—15:30停电``: no place (exit 1)."""
    text = ("鄞州区姜山镇卫生院\n停电期间门诊调整公告\n\n广大患者朋友：\n　　因配合供电部门10kV线路检修，我院将于2027年3月15日"
            "（星期一）8:00—15:30停电。停电期间：\n　　1. 门诊、急诊照常开放（启用备用发电机）；\n\n　　　　鄞州区姜山镇卫生院\n")
    windows, _ = _placed(text, dt.date(2027, 3, 13))
    assert [(w[1], w[3], w[4], w[5]) for w in windows] == [("08:00", "鄞州区", "姜山镇", ["姜山镇卫生院"])]


def test_an_app_s_card_tagged_called_off_in_its_heading():
    """``■ 3月28日（周日）09:00-15:00　蛟川街道　【已取消】`` / ``停电范围：俞范村、蛟川3号箱变``: an active
    window (exit 0)."""
    text = ("网上国网 · 停电公告\n宁波市镇海区　　更新时间：2027-03-24 18:30\n\n■ 3月26日（周五）08:00-12:00　招宝山街道\n"
            "停电范围：后大街一带、招宝山5号箱变\n状态：正常执行\n\n■ 3月28日（周日）09:00-15:00　蛟川街道　【已取消】\n"
            "停电范围：俞范村、蛟川3号箱变\n取消原因：施工计划调整\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 24))
    assert [(w[0], w[5]) for w in windows] == [("2027-03-26", ["后大街一带", "招宝山5号箱变"])]
    assert [(c[0], c[5]) for c in cancelled] == [("2027-03-28", ["俞范村", "蛟川3号箱变"])]


def test_a_change_whose_range_is_said_again_and_a_cancellation_of_the_same_day():
    """``…现调整为3月16日…，停电范围不变，仍为莼湖街道栖凤村、鸿峰村`` and ``原定同日（3月14日）9:00-15:00裘村镇
    黄贤村、马头村的停电取消``: the new slot took the cancelled slot's places, and the second was active."""
    text = ("我公司原定于3月14日（星期日）8时至16时对10kV莼湖线进行检修，因施工准备原因，现调整为3月16日（星期二）上午8时30分"
            "至下午5时，停电范围不变，仍为莼湖街道栖凤村、鸿峰村。\n\n原定同日（3月14日）9:00-15:00裘村镇黄贤村、马头村的停电取消，"
            "检修另行安排。\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 13))
    assert [(w[0], w[4], w[5]) for w in windows] == [("2027-03-16", "莼湖街道", ["栖凤村", "鸿峰村"])]
    assert [(c[0], c[1], c[4], c[5]) for c in cancelled] == [
        ("2027-03-14", "08:00", "莼湖街道", ["栖凤村", "鸿峰村"]), ("2027-03-14", "09:00", "裘村镇", ["黄贤村", "马头村"])]


def test_a_tab_listing_whose_time_columns_are_named_start_and_end_alone():
    """``序号	供电单位	停电类型	开始时间	结束时间	停电范围	状态`` under ``导出时间	2027-03-23 09:41``:
    nothing read (``开始时间`` alone was no header cell)."""
    text = ("停电信息查询结果（国网宁波供电公司 鄞州区）\n导出时间\t2027-03-23 09:41\n"
            "序号\t供电单位\t停电类型\t开始时间\t结束时间\t停电范围\t状态\n"
            "1\t国网宁波市鄞州区供电公司\t计划停电\t2027-03-27 08:00\t2027-03-27 16:00\t下应街道湾底村、河三村\t已发布\n"
            "2\t国网宁波市鄞州区供电公司\t计划停电\t2027-03-28 21:00\t2027-03-29 05:00\t首南街道学士路沿线\t已发布\n")
    windows, _ = _placed(text, dt.date(2027, 3, 23))
    assert [(w[0], w[1], w[2], w[3], w[5]) for w in windows] == [
        ("2027-03-27", "08:00", "16:00", "鄞州区", ["湾底村", "河三村"]),
        ("2027-03-28", "21:00", "次日05:00", "鄞州区", ["学士路沿线"])]


def test_a_column_s_day_range_with_every_day_s_time_on_its_date_line_and_office_hours_below():
    """``3月21日至23日 每天(8:00—16:00)`` / ``尚田街道鸣雁村、…``: ``每天`` read as a place and the places
    without a time; ``供电服务热线：95598　　…营业厅办公时间：8:30—17:00（周一至周五）`` a cancelled slot."""
    text = ("停电预告\n\n3月21日至23日 每天(8:00—16:00)\n尚田街道鸣雁村、印家坑村\n\n3月22日 星期一\n"
            "莼湖街道桐照村、栖凤村一带(7:30—12:30)\n\n取消：\n3月24日 星期三 锦屏街道南山路55号箱变(9:00—15:00)\n\n"
            "供电服务热线：95598　　奉化供电营业厅办公时间：8:30—17:00（周一至周五）\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 20), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (21, "08:00", "尚田街道", ["鸣雁村", "印家坑村"]), (22, "08:00", "尚田街道", ["鸣雁村", "印家坑村"]),
        (23, "08:00", "尚田街道", ["鸣雁村", "印家坑村"]), (22, "07:30", "莼湖街道", ["桐照村", "栖凤村一带"])]
    assert [(c["date"].day, c["areas"]) for c in result.fields["cancelled"]] == [(24, ["南山路55号箱变"])]


def test_a_markdown_row_struck_out_and_called_off():
    """``| 5 | 2027-03-24 | 08:00-16:00 | 10kV胜山线 | ~~胜山镇四灶浦村、胜山镇西华村~~ 已取消 |``: an active window
    of places ``~~胜山镇四灶浦村`` and ``胜山镇西华村~~``, ``已取消`` (exit 0)."""
    text = ("| 序号 | 停电日期 | 停电时间 | 停电线路 | 停电范围 |\n|---|---|---|---|---|\n"
            "| 1 | 2027-03-20 | 08:00-16:00 | 10kV宗汉线 | 宗汉街道庙山村、新塘村 |\n"
            "| 2 | 2027-03-24 | 08:00-16:00 | 10kV胜山线 | ~~胜山镇四灶浦村、胜山镇西华村~~ 已取消 |\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 18))
    assert [(w[0], w[5]) for w in windows] == [("2027-03-20", ["庙山村", "新塘村"])]
    assert [(c[0], c[4], c[5]) for c in cancelled] == [("2027-03-24", "胜山镇", ["四灶浦村", "西华村"])]


def test_an_app_s_boxed_cards_and_numbered_items_naming_two_lines():
    """``┌ 计划停电　【已取消】`` / ``│ 2027-03-18 08:00-16:00`` / ``│ 洪塘街道姚江村、…``: the box line ``│`` was
    the first place and the card called off an active window; ``1. 7:00—15:00，10kV河姆渡线、10kV芦山线：…``
    and ``1. 每日5:30—10:30，…`` under a range of days were not read."""
    text = ("网上国网 | 停电公告\n宁波 · 江北区　　更新于 03-17 08:02\n\n┌ 计划停电　【已取消】\n│ 2027-03-18 08:00-16:00\n"
            "│ 洪塘街道姚江村、洪塘中路沿线\n│ 取消原因：暂缓施工\n└\n\n┌ 计划停电　【待执行】\n│ 2027-03-21 06:00-10:30\n"
            "│ 白沙街道正大社区、白沙公园\n└\n")
    windows, cancelled = _placed(text, dt.date(2027, 3, 17))
    assert [(w[0], w[3], w[4], w[5]) for w in windows] == [("2027-03-21", "江北区", "白沙街道", ["正大社区", "白沙公园"])]
    assert [(c[0], c[4], c[5]) for c in cancelled] == [("2027-03-18", "洪塘街道", ["姚江村", "洪塘中路沿线"])]
    text = ("二、2027年3月16日（星期二）\n　　1. 7:00—15:00，10kV河姆渡线、10kV芦山线：河姆渡镇芦山寺村、河姆渡村。\n"
            "三、2027年3月17日（星期三）至3月18日（星期四）\n　　1. 每日5:30—10:30，10kV鹿亭线：鹿亭乡中村、白鹿村。\n")
    windows, _ = _placed(text, dt.date(2027, 3, 13))
    assert [(w[0], w[1], w[4], w[5]) for w in windows] == [
        ("2027-03-16", "07:00", "河姆渡镇", ["芦山寺村", "河姆渡村"]), ("2027-03-17", "05:30", "鹿亭乡", ["中村", "白鹿村"]),
        ("2027-03-18", "05:30", "鹿亭乡", ["中村", "白鹿村"])]


def test_a_day_by_hao_with_its_weekday_and_a_chat_s_short_word_for_the_cut():
    """``本月18号（星期四）早上7点半到下午5点，许民村、上金村部分农户要停电`` (no window: a day by 号 was no
    date) and ``27号（周六）上午7:30到11:30 大碶街道高塘村部分用户停，工业区不停``."""
    windows, _ = _placed("全体村民：\n　　接供电所通知，本月18号（星期四）早上7点半到下午5点，许民村、上金村部分农户要停电。\n",
                         dt.date(2027, 3, 15))
    assert [(w[0], w[1], w[2], w[5]) for w in windows] == [("2027-03-18", "07:30", "17:00", ["许民村", "上金村部分农户"])]
    windows, _ = _placed("园区服务中心-小张：\n27号（周六）上午7:30到11:30 大碶街道高塘村部分用户停，工业区不停\n",
                         dt.date(2027, 3, 24))
    assert [(w[0], w[4], w[5]) for w in windows] == [("2027-03-27", "大碶街道", ["高塘村部分用户"])]
    # (Not a building: ``18号楼`` is no day.)
    assert _placed("3月16日8:00至12:00，某某小区18号楼停电。\n", dt.date(2027, 3, 15))[0][0][5] == ["某某小区18号楼"]


def test_a_column_s_credits_and_a_run_line_ending_with_a_full_stop():
    """``（本报记者 沈悦 通讯员 甬电宣）``, ``（宁波供电公司提供）`` and ``记者 林海 通讯员 甬电宣`` were runs without a
    time (exit 1); so was the full stop after a line's last run (``…任佳溪村(8:30—16:30)。``)."""
    text = ("计划停电预告\n\n3月15日 星期一\n\n慈溪 横河镇彭桥村、孙家境村(8:00—16:00)；掌起镇陈家村、任佳溪村(8:30—16:30)。\n\n"
            "（宁波供电公司提供）\n（本报记者 沈悦 通讯员 甬电宣）\n记者 林海 通讯员 甬电宣\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 12), DISTRICTS)
    assert not result.problems
    assert [(w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("横河镇", ["彭桥村", "孙家境村"]), ("掌起镇", ["陈家村", "任佳溪村"])]


def test_a_page_header_whose_page_number_holds_its_letter():
    """``宁波日报 | 2027年3月29日 星期一 | 第A7版：服务``: a run without a time (exit 1)."""
    text = "宁波日报 | 2027年3月29日 星期一 | 第A7版：服务\n\n计划停电预告\n\n3月31日 星期三\n\n江北 慈城镇五联村、南联村(8:00—16:00)\n"
    result = parse_outage_notice(text, dt.date(2027, 3, 29), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["areas"]) for w in result.fields["windows"]] == [(31, ["五联村", "南联村"])]


def test_a_slot_and_its_villages_kept_in_the_body_is_reported():
    """``1. 逐日5:30—10:30，10kV某某线：某某乡中村、白鹿村。`` (a word before the time no reader knows)
    was kept in the body with exit 0: the slot lost without a word. A body line with a time range
    and a list of villages is now reported (exit 1)."""
    text = ("国网余姚市供电公司停电公告\n\n尊敬的电力客户：\n　　为确保迎峰度夏期间电网安全可靠运行，我公司将对部分线路设备进行检修"
            "及消缺，届时将停止供电。具体安排如下：\n\n一、2027年3月15日（星期一）\n"
            "　　1. 6:00—11:30，10kV兰江线：兰江街道谭家岭社区、舜南村、余姚市第四人民医院。\n"
            "　　2. 8:00—16:30，10kV马渚953线：马渚镇瑶街弄村、开元村。\n二、2027年3月16日（星期二）\n"
            "　　1. 7:00—15:00，10kV河姆渡线：河姆渡镇芦山寺村、河姆渡村。\n三、2027年3月17日（星期三）至3月18日（星期四）\n"
            "　　1. 逐日5:30—10:30，10kV鹿亭线：鹿亭乡中村、白鹿村、晓鹿村。\n\n"
            "　　停电期间如遇恶劣天气，停电计划将顺延。如有疑问，请拨打供电服务热线95598。\n\n国网余姚市供电公司\n2027年3月13日\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 13), DISTRICTS)
    assert [(m.line, m.message) for m in result.problems if "5:30" in m.message] == [
        (12, 'time "5:30—10:30" was not read into any window; check the windows by hand, or use '
             "--allow-partial to keep it in a note")]


def test_a_column_run_s_original_time_marked_yuan_then_changed():
    """``海曙 高桥镇芦港村、秀丰村 原(8:00—16:00)变更为(9:00—13:00)``: ``秀丰村原`` was a place and the old slot
    stayed active."""
    text = ("计划停电预告\n\n3月23日 星期二\n\n海曙 集士港镇深溪村(8:00—16:00)\n\n变更：\n\n3月24日 星期三\n\n"
            "海曙 高桥镇芦港村、秀丰村 原(8:00—16:00)变更为(9:00—13:00)\n")
    result = parse_outage_notice(text, dt.date(2027, 3, 20), DISTRICTS)
    assert [(w["start"], w["end"], w["areas"]) for w in result.fields["windows"]] == [
        ("08:00", "16:00", ["深溪村"]), ("09:00", "13:00", ["芦港村", "秀丰村"])]
    assert [(c["start"], c["areas"]) for c in result.fields["cancelled"]] == [("08:00", ["芦港村", "秀丰村"])]


def test_a_listing_whose_cells_one_space_separates_with_its_query_fields_and_a_two_slot_cell():
    """``序号 停电日期 停电时段 停电区域 停电设备 状态`` with rows cut by single spaces: ``计划`` (the
    状态 cell) was read as a place, the query's fields line (``省份：浙江  …  起止日期：…``) as areas
    without a time, and ``08:00-11:00,14:00-17:00`` lost its first slot."""
    text = ("停电信息查询\n省份：浙江  地市：宁波  区县：海曙区  起止日期：2028-04-24 至 2028-04-30\n"
            "序号 停电日期 停电时段 停电区域 停电设备 状态\n"
            "1 2028-04-25 07:00-17:00 鄞江镇晴江岸村、悬慈村 10kV鄞江D512线 计划\n"
            "2 2028-04-29 08:00-11:00,14:00-17:00 古林镇仲一村、布政村 高桥412号公变 计划\n"
            "查询时间：2028-04-23 20:15\n")
    result = parse_outage_notice(text, dt.date(2028, 4, 23), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["start"], w["end"], w["district"], w["town"], w["areas"], w["note"])
            for w in result.fields["windows"]] == [
        (25, "07:00", "17:00", "海曙区", "鄞江镇", ["晴江岸村", "悬慈村"], "停电设备：10kV鄞江D512线；状态：计划"),
        (29, "08:00", "11:00", "海曙区", "古林镇", ["仲一村", "布政村"], "停电设备：高桥412号公变；状态：计划"),
        (29, "14:00", "17:00", "海曙区", "古林镇", ["仲一村", "布政村"], "停电设备：高桥412号公变；状态：计划")]
    assert "省份：浙江  地市：宁波  区县：海曙区  起止日期：2028-04-24 至 2028-04-30" in result.body_lines


def test_a_column_run_s_second_slot_after_a_comma_of_enumeration():
    """``观海卫镇：五洞闸村（8:00—12:00）、（13:00—17:00）``: the second slot was read as a time
    without places."""
    text = ("下周我市部分地区计划停电\n\n来源：慈溪日报\n\n4月26日 星期三\n"
            "　　周巷镇：万安庄村、天元村（8:00—17:00）\n　　观海卫镇：五洞闸村（8:00—12:00）、（13:00—17:00）\n")
    result = parse_outage_notice(text, dt.date(2028, 4, 21), DISTRICTS)
    assert not result.problems
    assert [(w["start"], w["end"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("08:00", "17:00", "周巷镇", ["万安庄村", "天元村"]), ("08:00", "12:00", "观海卫镇", ["五洞闸村"]),
        ("13:00", "17:00", "观海卫镇", ["五洞闸村"])]


def test_prose_places_before_jiang_jihua_tingdian():
    """``…我院所在的岔路镇干溪村、上金村一带将计划停电``: the last place was ``上金村一带将``."""
    text = ("宁海县岔路镇中心卫生院\n关于医院停电期间调整诊疗服务的通知\n\n　　根据国网宁海县供电公司安排，4月25日（星期二）"
            "上午7:30至下午5:30，我院所在的岔路镇干溪村、上金村一带将计划停电。停电期间我院启用备用发电机。\n")
    result = parse_outage_notice(text, dt.date(2028, 4, 21), DISTRICTS)
    assert [(w["start"], w["end"], w["district"], w["areas"]) for w in result.fields["windows"]] == [
        ("07:30", "17:30", "宁海县", ["干溪村", "上金村一带"])]


def test_a_slot_then_what_it_touches_after_sheji():
    """``…9:00—15:00停电，涉及翠湖湾花园1-12幢、地下车库；4月21日…9:00—11:00停电，涉及…``: the first
    slot got the estate's name only and the second no place."""
    text = ("尊敬的翠湖湾花园业主：\n　　接国网宁波市鄞州区供电公司通知，因首南街道配网改造，我小区将于2028年4月20日（周四）"
            "9:00—15:00停电，涉及翠湖湾花园1-12幢、地下车库；4月21日（周五）9:00—11:00停电，涉及翠湖湾花园13-18幢、"
            "小区南门门岗。\n")
    windows = read_general(text, dt.date(2028, 4, 18)).windows
    assert [(w["date"].day, w["start"], w["areas"]) for w in windows] == [
        (20, "09:00", ["翠湖湾花园1-12幢", "地下车库"]), (21, "09:00", ["翠湖湾花园13-18幢", "小区南门门岗"])]


def test_a_tab_table_with_a_shijianduan_column_and_a_town_column():
    """``停电日期	时间段	所属乡镇	停电设备	停电区域``: ``时间段`` was no header cell, so the header was
    read as places (``停电区`` a district) and every town and line became an area."""
    text = ("国网慈溪市供电公司2028年4月计划停电\n停电日期\t时间段\t所属乡镇\t停电设备\t停电区域\n"
            "4月10日\t8:00-16:00\t桥头镇\t10kV五姓G621线五姓1号公变\t五姓点村、上岙村\n"
            "4月11日\t8:30-11:00\t宗汉街道\t宗汉3号开闭所\t庙山村部分用户、新界村\n")
    result = parse_outage_notice(text, dt.date(2028, 4, 6), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["district"], w["town"], w["areas"], w["note"])
            for w in result.fields["windows"]] == [
        (10, "慈溪市", "桥头镇", ["五姓点村", "上岙村"], "停电设备：10kV五姓G621线五姓1号公变"),
        (11, "慈溪市", "宗汉街道", ["庙山村部分用户", "新界村"], "停电设备：宗汉3号开闭所")]


def test_places_that_keep_their_supply_are_kept_in_the_body_not_lost():
    """``停电范围：…城西社区；象山县第二人民医院为双电源用户，不受影响``: the hospital was an area; and
    the clause a list says of places keeping their supply (``…2号楼、3号楼及物业服务中心照常供电``)
    was cut from the list and printed nowhere."""
    text = ("国网象山县供电公司停电信息公告\n\n停电时间：2028年4月12日 22:00至2028年4月13日 05:00\n停电线路：10kV丹城C221线\n"
            "停电范围：丹西街道新丰路、靖南大街部分区域、丹西街道城西社区；象山县第二人民医院为双电源用户，不受影响\n"
            "停电原因：线路迁改\n")
    result = parse_outage_notice(text, dt.date(2028, 4, 10), DISTRICTS)
    assert [(w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("丹西街道", ["新丰路", "靖南大街部分区域", "城西社区"])]
    assert result.body_lines == ["国网象山县供电公司停电信息公告", "停电线路：10kV丹城C221线",
                                 "象山县第二人民医院为双电源用户，不受影响", "停电原因：线路迁改"]
    text = ("尊敬的业主：\n\n本小区将于2025年8月20日（周三）08:30—17:30停电，涉及范围：4号楼、6号楼及地下车库，"
            "2号楼、3号楼及物业服务中心照常供电。\n\n宁波金色水岸花园物业服务中心（鄞州区钟公庙街道）\n2025年8月18日\n")
    result = parse_outage_notice(text, dt.date(2025, 8, 18), DISTRICTS)
    assert "2号楼、3号楼及物业服务中心照常供电" in result.body_lines


def test_an_estate_s_own_address_in_brackets_names_its_district():
    """``本小区（江北区人民路588号 江花苑）将于…``: the window had no district."""
    text = ("停 电 通 知\n\n尊敬的各位业主、住户：\n    接供电部门通知，因10kV人民线检修，本小区（江北区人民路588号 江花苑）"
            "将于2024年10月23日（星期三）8:00—12:00停电，涉及江花苑3、5、9幢及地下车库。\n\n"
            "                                   宁波甬安物业服务有限公司\n")
    result = parse_outage_notice(text, dt.date(2024, 10, 21), DISTRICTS)
    assert [(w["district"], w["areas"]) for w in result.fields["windows"]] == [
        ("江北区", ["江花苑3、5、9幢", "地下车库"])]


def test_a_table_s_rows_next_to_each_other_with_one_slot_and_town_are_one_window():
    """Two rows of a tab table on 4月12日 7:30-17:30 in 胜山镇, each for its own line cut, were two
    windows; the content model's window is a day, a slot, a district and a town."""
    text = ("国网慈溪市供电公司2028年4月计划停电\n停电日期\t时间段\t所属乡镇\t停电设备\t停电区域\n"
            "4月12日\t7:30-17:30\t胜山镇\t10kV胜山G540线\t胜山头村一带、兴达塑业\n"
            "4月12日\t7:30-17:30\t胜山镇\t10kV胜北G541线\t胜北村\n"
            "4月13日\t7:30-17:30\t胜山镇\t10kV胜北G541线\t四灶浦村\n")
    result = parse_outage_notice(text, dt.date(2028, 4, 6), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["town"], w["areas"], w["note"]) for w in result.fields["windows"]] == [
        (12, "胜山镇", ["胜山头村一带", "兴达塑业", "胜北村"], "停电设备：10kV胜山G540线；停电设备：10kV胜北G541线"),
        (13, "胜山镇", ["四灶浦村"], "停电设备：10kV胜北G541线")]


def test_a_table_s_time_cell_with_the_day_and_quantian():
    """``| 5 | 2028年12月9日 全天 | … |``: a time cell giving the day and the whole of it made the
    table unreadable by its header, and every row's number was read as its place."""
    text = ("**国网象山县供电公司12月8日—9日计划停电公告**\n\n| 序号 | 停电时间 | 停电设备 | 停电范围 |\n|---|---|---|---|\n"
            "| 1 | 2028年12月8日 08:00-16:00 | 10kV高泥线高泥支线 | 黄避岙乡高泥村、塔头旺村 |\n"
            "| 2 | 2028年12月9日 全天 | 10kV贤庠线#18杆后段 | 贤庠镇珠溪村、贤庠镇卫生院 |\n")
    windows = read_general(text, dt.date(2028, 12, 6)).windows
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in windows] == [
        (8, "08:00", "黄避岙乡", ["高泥村", "塔头旺村"]), (9, None, "贤庠镇", ["珠溪村", "贤庠镇卫生院"])]


def test_a_space_aligned_table_with_a_substation_column():
    """``停电日期  停电时间  变电站  线路  停电范围``: ``变电站`` was no header cell, so ``浒山变`` and
    the town before the places were read as places."""
    text = ("国网慈溪市供电公司计划停电信息（12月20日—21日）\n\n停电日期      停电时间          变电站     线路            停电范围\n"
            "12月20日      07:30—16:30       浒山变     10kV金山线      浒山街道金山新村、金山公寓\n")
    result = parse_outage_notice(text, dt.date(2028, 12, 18), DISTRICTS)
    assert not result.problems
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("慈溪市", "浒山街道", ["金山新村", "金山公寓"])]


def test_a_column_s_day_lines_with_a_weekday_range_the_whole_day_and_a_rain_clause():
    """``12月18日至20日（星期一至星期三）每天8:00—16:00``: the weekdays were read as places;
    ``12月19日（星期二）全天`` above its places left them without a time; ``…（7:30—16:30），如遇雨天
    顺延至12月23日。`` left the rain clause as places without a time."""
    text = ("今日宁海　2028年12月15日　第2版\n\n电力检修停电公告\n\n12月18日至20日（星期一至星期三）每天8:00—16:00\n"
            "深甽镇：龙宫村、清潭村一带\n\n12月19日（星期二）全天\n前童镇：前童村部分区域（古镇景区内商户）、鹿山村\n\n"
            "12月22日（星期五）\n强蛟镇：峡山村、加爵科村（7:30—16:30），如遇雨天顺延至12月23日。\n\n宁海县供电公司\n")
    result = parse_outage_notice(text, dt.date(2028, 12, 15), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["start"], w["town"], w["areas"], w.get("note"))
            for w in result.fields["windows"]] == [
        (18, "08:00", "深甽镇", ["龙宫村", "清潭村一带"], None), (19, "08:00", "深甽镇", ["龙宫村", "清潭村一带"], None),
        (20, "08:00", "深甽镇", ["龙宫村", "清潭村一带"], None),
        (19, None, "前童镇", ["前童村部分区域（古镇景区内商户）", "鹿山村"], None),
        (22, "07:30", "强蛟镇", ["峡山村", "加爵科村"], "如遇雨天顺延至12月23日。")]


def test_an_app_s_cards_apart_by_rule_lines_with_a_status_after_a_bar():
    """``计划停电 | 已取消`` heading a card between ``-----`` lines: the slot was an active window
    (a record was looked for between blank lines only); ``文教街道 宁大附属学校…、文教街道 孔浦路…``
    gave a window per place; ``中马街道 中马路沿线、江北区中马街道人民路社区`` kept the heading town as
    a place and the district and town before 人民路社区."""
    text = ("网上国网\n停电公告　　宁波市江北区\n---------------------------------\n计划停电 | 已取消\n"
            "停电时间 2028-12-11 08:00 ~ 2028-12-11 16:00\n停电范围 文教街道 宁大附属学校南侧1号公变、文教街道 孔浦路（单号）\n"
            "---------------------------------\n计划停电 | 待停电\n停电时间 2028-12-13 08:00 ~ 2028-12-13 16:00\n"
            "停电范围 文教街道 宁大附属学校南侧1号公变、文教街道 孔浦路（单号）\n---------------------------------\n"
            "计划停电 | 待停电\n停电时间 2028-12-13 09:00 ~ 2028-12-13 11:00\n停电范围 中马街道 中马路沿线、江北区中马街道人民路社区\n"
            "---------------------------------\n更新时间：2028-12-10 20:05\n")
    result = parse_outage_notice(text, dt.date(2028, 12, 10), DISTRICTS)
    assert [(w["date"].day, w["start"], w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (13, "08:00", "江北区", "文教街道", ["宁大附属学校南侧1号公变", "孔浦路（单号）"]),
        (13, "09:00", "江北区", "中马街道", ["中马路沿线", "人民路社区"])]
    assert [(c["date"].day, c["areas"]) for c in result.fields["cancelled"]] == [
        (11, ["宁大附属学校南侧1号公变", "孔浦路（单号）"])]


def test_a_day_whose_cut_is_said_after_its_reason_and_a_day_the_cut_may_run_on_to():
    """``12月23日（星期六）因西坞街道白杜村片区线路改造全天停电``: the day was no window (its
    reason stood between it and 全天停电); ``12月10日（星期日）如检修未完成继续停电`` was a window
    holding the list, and the day before had none."""
    text = ("各位家长：\n　　接供电部门通知，12月23日（星期六）因西坞街道白杜村片区线路改造全天停电，停电范围为西坞中心小学校园、"
            "白杜村及尚桥路沿线。\n")
    windows = read_general(text, dt.date(2028, 12, 18)).windows
    assert [(w["date"].day, w["start"], w["areas"]) for w in windows] == [
        (23, None, ["西坞中心小学校园", "白杜村", "尚桥路沿线"])]
    text = ("全体村民：\n　　接供电所通知，本村因线路检修，定于12月9日（星期六）早上7点半到下午5点停电，12月10日（星期日）"
            "如检修未完成继续停电，具体听村广播。\n　　停电范围：杖锡村全村及杖锡民宿区、四明山茶厂。\n")
    windows = read_general(text, dt.date(2028, 12, 7)).windows
    assert [(w["date"].day, w["start"], w["end"], w["areas"]) for w in windows] == [
        (9, "07:30", "17:00", ["杖锡村全村", "杖锡民宿区", "四明山茶厂"])]


def test_an_sms_s_account_address_after_yongdian_dizhi_and_its_later_cancellation():
    """``您户号3300457781的用电地址（宁波市奉化区江口街道南渡路128弄3幢）所在区域…``: the address
    was no place, so the second message's cancellation could not remove the first's window."""
    text = ("2028年12月21日 10:02\n【国网宁波供电公司】尊敬的客户，您好！您户号3300457781的用电地址（宁波市奉化区江口街道南渡路128弄3幢）"
            "所在区域因线路检修，计划于2028年12月27日08:00-17:00停电，请提前做好准备。\n\n2028年12月25日 16:47\n"
            "【国网宁波供电公司】尊敬的客户，您好！原定于2028年12月27日08:00-17:00您户号3300457781用电地址（宁波市奉化区江口街道"
            "南渡路128弄3幢）的计划停电因故取消，届时将正常供电。\n")
    result = parse_outage_notice(text, dt.date(2028, 12, 21), DISTRICTS)
    assert result.fields["windows"] == []
    assert [(c["date"].day, c["start"], c["district"], c["town"], c["areas"])
            for c in result.fields["cancelled"]] == [(27, "08:00", "奉化区", "江口街道", ["南渡路128弄3幢"])]


def test_a_column_s_run_put_off_with_no_new_day():
    """``※原定12月23日 星期六 高塘岛乡花岙村(8:00—17:00)停电因海况推迟，具体时间另行通知。``: an
    active window whose places were ``※原定12月23日`` and ``星期六``; and the app's chrome around
    the column (``象山新闻客户端 · 民生``, ``阅读 2.1万``, ``👍 点赞　💬 写留言``) was reported."""
    text = ("象山新闻客户端 · 民生\n【停电预告】下周这些地方要停电\n2028-12-22 18:30　来源：象山县融媒体中心　阅读 2.1万\n\n"
            "12月26日 星期二\n象山 石浦镇东门村(8:00—16:00)\n\n"
            "※原定12月23日 星期六 高塘岛乡花岙村(8:00—17:00)停电因海况推迟，具体时间另行通知。\n\n👍 点赞　　💬 写留言　　⭐ 在看\n")
    result = parse_outage_notice(text, dt.date(2028, 12, 22), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["town"], w["areas"]) for w in result.fields["windows"]] == [(26, "石浦镇", ["东门村"])]
    assert [(c["date"].day, c["start"], c["town"], c["areas"]) for c in result.fields["cancelled"]] == [
        (23, "08:00", "高塘岛乡", ["花岙村"])]
    assert "停电因海况推迟，具体时间另行通知。" in result.body_lines


def test_a_chat_calls_off_a_slot_by_its_day_alone():
    """``22号的停电取消了，改期另行通知。23号的照常。``: the 22nd's window stayed active, and
    ``海星村六组至九组也要停`` kept ``也要停`` in its place."""
    text = ("—— 2月20日 15:12 ——\n村委会-小周：\n@所有人 【停电通知】2月22日（星期四）上午8:00至下午4:00，因线路检修，"
            "海星村一组至五组、老街停电。请大家提前做好准备。\n村委会-小周：\n@所有人 补充：2月23日（星期五）上午8:00至11:30，"
            "海星村六组至九组也要停。\n\n—— 2月21日 17:40 ——\n村委会-小周：\n@所有人 刚接到供电所电话，22号的停电取消了，"
            "改期另行通知。23号的照常。\n")
    general = read_general(text, dt.date(2029, 2, 20))
    assert [(w["date"].day, w["start"], w["end"], w["areas"]) for w in general.windows] == [
        (23, "08:00", "11:30", ["海星村六组至九组"])]
    assert [(c["date"].day, c["areas"]) for c in general.cancelled] == [(22, ["海星村一组至五组", "老街"])]


def test_a_later_time_s_second_slot_and_a_time_word_that_is_no_place():
    """``2月24日（星期六）…庄市街道兴庄路片区将进行电力检修，停电时间为上午8:00—11:30和下午13:00—16:30``:
    the afternoon slot was lost; ``部分时间段（7:00-7:30，13:00-13:30）`` was read as a place."""
    text = ("另接庄市供电所通知，2月24日（星期六）学校所在的庄市街道兴庄路片区将进行电力检修，停电时间为上午8:00—11:30和"
            "下午13:00—16:30（中午临时送电）。\n")
    windows = read_general(text, dt.date(2029, 2, 22)).windows
    assert [(w["start"], w["end"], w["town"], w["areas"]) for w in windows] == [
        ("08:00", "11:30", "庄市街道", ["兴庄路片区"]), ("13:00", "16:30", "庄市街道", ["兴庄路片区"])]
    assert split_areas("部分时间段") == []


def test_a_lunar_date_with_its_solar_day_and_weekday_in_one_bracket():
    """``正月十一（2月23日，星期五）上午7点半到下午5点…，白杜村全村停电。正月十二（2月24日，星期六）…，后张
    自然村、塘头自然村再停一次电``: the weekday was the place and the second day was lost."""
    text = ("全体村民：\n　　接西坞供电所通知，正月十一（2月23日，星期五）上午7点半到下午5点，因10千伏线路改造，白杜村全村停电。"
            "正月十二（2月24日，星期六）上午8点到中午12点，后张自然村、塘头自然村再停一次电。\n")
    windows = read_general(text, dt.date(2029, 2, 19)).windows
    assert [(w["date"].day, w["start"], w["end"], w["areas"]) for w in windows] == [
        (23, "07:30", "17:00", ["白杜村全村"]), (24, "08:00", "12:00", ["后张自然村", "塘头自然村"])]


def test_an_sms_account_s_bracketed_address_and_a_list_after_fanwei_ruxia():
    """``您户号330200187788（北仑区大碶街道灵峰路318号）所在区域`` (no 地址： in the bracket) named no
    place; ``…对我街道辖区部分区域停电，范围如下：湾底村、…`` gave ``辖区部分区域``."""
    text = ("【国网宁波供电】尊敬的客户：您户号330200187788（北仑区大碶街道灵峰路318号）所在区域因设备检修，计划于02月27日"
            "08:00-17:00停电，请提前做好准备。\n")
    windows = read_general(text, dt.date(2029, 2, 24)).windows
    assert [(w["district"], w["town"], w["areas"]) for w in windows] == [("北仑区", "大碶街道", ["灵峰路318号"])]
    text = ("接国网宁波市鄞州区供电公司通知，定于2029年2月25日（星期日）上午8时至下午4时30分对我街道辖区部分区域停电，"
            "范围如下：湾底村、海创社区（海创家园1—12幢）。\n")
    windows = read_general(text, dt.date(2029, 2, 22)).windows
    assert [w["areas"] for w in windows] == [["湾底村", "海创社区（海创家园1—12幢）"]]


def test_a_column_run_s_bracket_with_a_range_of_days_every_day():
    """``慈城镇半浦村、妙山村、三勤村(9月18日—20日每天8:00—16:00)``: the bracket was a time not
    understood, and the run was lost."""
    text = ("计划停电预告\n\n9月18日 星期一\n\n江北 洪塘街道裘市村、安山村(8:00—15:50)慈城镇半浦村、妙山村(9月18日—20日每天8:00—16:00)\n")
    result = parse_outage_notice(text, dt.date(2028, 9, 15), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (18, "08:00", "洪塘街道", ["裘市村", "安山村"]), (18, "08:00", "慈城镇", ["半浦村", "妙山村"]),
        (19, "08:00", "慈城镇", ["半浦村", "妙山村"]), (20, "08:00", "慈城镇", ["半浦村", "妙山村"])]


def test_prose_a_list_after_yixia_quyu_tingzhi_gongdian_and_places_peihe_tingdian():
    """``…对我镇以下区域停止供电：乍山村、…、慈城镇文化站。另，9月22日晚上10点至次日凌晨4点，金沙村部分用户配合
    停电。``: the days had no places (and ``我镇`` was read as a town), the last place kept ``配合``."""
    text = ("接国网宁波市江北区供电公司通知，因10千伏慈湖线改造施工需要，定于2028年9月20日至22日每天上午8时至下午4时30分，"
            "对我镇以下区域停止供电：乍山村、慈湖社区、慈城镇文化站。另，9月22日晚上10点至次日凌晨4点，金沙村部分用户配合停电。\n")
    windows = read_general(text, dt.date(2028, 9, 15)).windows
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in windows] == [
        (20, "08:00", None, ["乍山村", "慈湖社区", "慈城镇文化站"]), (21, "08:00", None, ["乍山村", "慈湖社区", "慈城镇文化站"]),
        (22, "08:00", None, ["乍山村", "慈湖社区", "慈城镇文化站"]), (22, "22:00", None, ["金沙村部分用户"])]


def test_a_record_s_time_with_the_day_it_was_set_for_in_brackets():
    """``停电时间：2028年9月27日 06:30—11:30（原定9月20日，因天气原因调整）``: ``（原定`` was the
    record's place and 9月20日 was no cancelled slot."""
    text = ("【3】\n停电时间：2028年9月27日 06:30—11:30（原定9月20日，因天气原因调整）\n停电线路：10kV松岙线\n"
            "停电范围：松岙镇湖头渡村、大埠村、松岙镇海沿村\n停电原因：设备检修\n")
    general = read_general(text, dt.date(2028, 9, 18))
    assert [(w["date"].day, w["start"], w["town"], w["areas"], w["note"]) for w in general.windows] == [
        (27, "06:30", "松岙镇", ["湖头渡村", "大埠村", "海沿村"], "原定9月20日，因天气原因调整")]
    assert [(c["date"].day, c["start"], c["areas"]) for c in general.cancelled] == [
        (20, None, ["湖头渡村", "大埠村", "海沿村"])]


def test_a_column_run_s_rain_date_before_its_time_and_haiyao_zai_ting_yici():
    """``长街镇岳井村、西岙村(如遇雷雨天气顺延至9月27日)(7:00—15:00)``: the rain date was part of the
    last place; ``…青山村还要再停一次`` kept ``还要``."""
    text = "计划停电预告\n\n9月25日 星期一\n\n宁海 长街镇岳井村、西岙村(如遇雷雨天气顺延至9月27日)(7:00—15:00)\n"
    result = parse_outage_notice(text, dt.date(2028, 9, 22), DISTRICTS)
    assert not result.problems
    assert [(w["areas"], w.get("note")) for w in result.fields["windows"]] == [
        (["岳井村", "西岙村"], "如遇雷雨天气顺延至9月27日")]
    assert split_areas("青山村还要再停一次") == ["青山村"]


def test_app_cards_with_their_status_after_spaces_and_a_publication_date_below():
    """``计划停电                待停电`` / ``… 已取消`` cards, each ending ``发布时间：2028-10-17``: the
    cancelled card's slot stayed active, its publication date became a cancelled whole day with
    the next card's places, and ``文教街道人民路沿线`` kept its town (人民 read as an institution)."""
    text = ("计划停电                                 已取消\n供电单位：国网宁波市江北区供电公司\n"
            "停电时间：2028-10-25 08:30 ~ 2028-10-25 15:30\n停电区域：洪塘街道洪塘村、安山村部分用户\n发布时间：2028-10-17\n\n"
            "计划停电                                 待停电\n供电单位：国网宁波市江北区供电公司\n"
            "停电时间：2028-10-26 13:00 ~ 2028-10-26 17:00\n停电区域：文教街道大庆新村、文教街道人民路沿线、宁大附校1号箱变\n"
            "发布时间：2028-10-18\n")
    general = read_general(text, dt.date(2028, 10, 19))
    assert [(w["date"].day, w["town"], w["areas"]) for w in general.windows] == [
        (26, "文教街道", ["大庆新村", "人民路沿线", "宁大附校1号箱变"])]
    assert [(c["date"].day, c["start"], c["areas"]) for c in general.cancelled] == [
        (25, "08:30", ["洪塘村", "安山村部分用户"])]


def test_a_pdf_column_s_paragraphs_between_day_and_district_lines():
    """A column copied from a PDF page with no blank lines: its wrapped runs were joined only
    within blank-line paragraphs, so ``…春晓`` / ``街道三山村…（８:００—１５:`` / ``３０）`` lost the
    run's town (a line cut after a time's colon also stopped the join)."""
    text = ("计划停电预告\n10月20日 星期五\n北仑 白峰街道上阳村、小门村、阳东村、\n白峰街道办事处（９:００—１６:００）春晓\n"
            "街道三山村、慈岙村一带（８:００—１５:\n３０）\n镇海 骆驼街道团桥村、光明村（８:００—１４:００）\n")
    result = parse_outage_notice(text, dt.date(2028, 10, 18), DISTRICTS)
    assert not result.problems
    assert [(w["district"], w["town"], w["areas"], w["end"]) for w in result.fields["windows"]] == [
        ("北仑区", "白峰街道", ["上阳村", "小门村", "阳东村", "白峰街道办事处"], "16:00"),
        ("北仑区", "春晓街道", ["三山村", "慈岙村一带"], "15:30"), ("镇海区", "骆驼街道", ["团桥村", "光明村"], "14:00")]


def test_a_space_aligned_table_whose_cells_wrap_in_their_own_column():
    """A PDF table aligned by spaces, cells wrapping onto the next line under their column
    (``…、邱隘镇`` / ``实验小学``, ``10kV咸祥线、`` / ``10kV瞻岐线``): the pieces were read as
    places of their own (``实验小学``, ``10kV瞻岐线``)."""
    text = ("国网宁波市鄞州区供电公司计划停电公告\n\n序号   停电时间                      停电线路          停电范围\n"
            "1      2029-05-08 08:00至16:00       10kV邱隘线        邱隘镇回龙村、盛垫村、邱隘镇\n"
            "                                                       实验小学\n"
            "2      2029-05-10 08:00至15:00       10kV咸祥线、      咸祥镇芦浦村、横山码头、\n"
            "                                     10kV瞻岐线        瞻岐镇合一村\n")
    result = parse_outage_notice(text, dt.date(2029, 5, 4), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["town"], w["areas"], w["note"]) for w in result.fields["windows"]] == [
        (8, "邱隘镇", ["回龙村", "盛垫村", "邱隘镇实验小学"], "停电线路：10kV邱隘线"),
        (10, "咸祥镇", ["芦浦村", "横山码头"], "停电线路：10kV咸祥线、10kV瞻岐线"),
        (10, "瞻岐镇", ["合一村"], "停电线路：10kV咸祥线、10kV瞻岐线")]


def test_a_record_number_after_a_pictograph_and_a_struck_out_time_cell():
    """``📍【2】`` alone on its line was read as the places of the record above; ``| 6 | 5月17日（周四） |
    ~~08:00-16:00~~ 取消 | … |`` was an active window."""
    text = ("📍【1】\n停电时间：2029年5月29日 08:00-16:00\n停电线路：10kV西店线\n停电范围：西店镇铁江村、团堧村\n\n"
            "📍【2】\n停电时间：2029年5月30日 07:30-11:30\n停电范围：强蛟镇加爵科村、下蒲村\n")
    windows = read_general(text, dt.date(2029, 5, 27)).windows
    assert [(w["date"].day, w["town"], w["areas"]) for w in windows] == [
        (29, "西店镇", ["铁江村", "团堧村"]), (30, "强蛟镇", ["加爵科村", "下蒲村"])]
    text = ("| 序号 | 停电日期 | 停电时间 | 停电线路 | 停电区域 |\n|---|---|---|---|---|\n"
            "| 5 | 5月16日（周三） | 09:00-15:00 | 10kV晓塘线 | 晓塘乡月楼村部分用户 |\n"
            "| 6 | 5月17日（周四） | ~~08:00-16:00~~ 取消 | 10kV大徐线 | 大徐镇杜家村、大徐镇中心小学 |\n")
    general = read_general(text, dt.date(2029, 5, 11))
    assert [(w["date"].day, w["areas"]) for w in general.windows] == [(16, ["月楼村部分用户"])]
    assert [(c["date"].day, c["start"], c["areas"]) for c in general.cancelled] == [
        (17, "08:00", ["杜家村", "大徐镇中心小学"])]


def test_a_village_board_stamped_and_a_second_cut_of_part_of_the_village():
    """Signed ``象山县茅洋乡白岩下村村民委员会（章）``: ``全村`` stayed ``全村`` (the stamp hid the
    committee); ``村东片（溪边至老祠堂一带）再停电一次`` gave no window."""
    text = ("各位村民：\n    接茅洋供电所通知，因10千伏线路检修，本村定于10月18日（星期三）上午7点半到下午5点全村停电，如遇雨天顺延。"
            "10月19日（星期四）上午9点至中午12点，村东片（溪边至老祠堂一带）再停电一次。\n\n"
            "                              象山县茅洋乡白岩下村村民委员会（章）\n")
    windows = read_general(text, dt.date(2028, 10, 15)).windows
    assert [(w["date"].day, w["district"], w["town"], w["areas"]) for w in windows] == [
        (18, "象山县", "茅洋乡", ["白岩下村"]), (19, "象山县", "茅洋乡", ["村东片（溪边至老祠堂一带）"])]


def test_a_chat_s_further_buildings_by_number_alone():
    """``另外17-20幢10月12日晚上10点到次日凌晨4点也要停，是换变压器``: the places were ``也要停`` and
    ``是换变压器``; the buildings are the estate's the notice placed in 兰江街道."""
    text = ("物业小周  10月9日 下午3:21\n@所有人 接供电公司通知：10月12日（周四）上午8:30至下午4:00，兰江街道谢家塘小区9-16幢、"
            "阳光菜场停电。\n\n物业小周  10月9日 下午4:05\n另外17-20幢10月12日晚上10点到次日凌晨4点也要停，是换变压器，白天不停\n")
    windows = read_general(text, dt.date(2028, 10, 9)).windows
    assert [(w["start"], w["town"], w["areas"]) for w in windows] == [
        ("08:30", "兰江街道", ["谢家塘小区9-16幢", "阳光菜场"]), ("22:00", "兰江街道", ["17-20幢"])]


def test_a_spaced_table_s_quantian_cell_and_a_post_s_labels_alone_after_pictographs():
    """``5     8月31日    全天              10kV松岙G815线        松岙镇湖头渡村、街头村``: the row was
    areas without a time; ``⏰停电时间`` / ``📍停电范围`` alone on their lines above the values gave
    windows without places."""
    text = ("国网宁波市奉化区供电公司\n\n序号  停电日期   停电时间          停电设备              停电范围\n"
            "1     8月30日    21:00-次日04:00   10kV西坞G702线        西坞街道金峨路沿线、白杜村\n"
            "2     8月31日    全天              10kV松岙G815线        松岙镇湖头渡村、街头村\n")
    result = parse_outage_notice(text, dt.date(2028, 8, 25), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (30, "21:00", "西坞街道", ["金峨路沿线", "白杜村"]), (31, None, "松岙镇", ["湖头渡村", "街头村"])]
    text = ("⏰停电时间\n8月12日（星期六）23:00至8月13日（星期日）05:00\n\n📍停电范围\n海曙区南门街道：柳汀新村、尹江岸社区\n")
    windows = read_general(text, dt.date(2028, 8, 10)).windows
    assert [(w["date"].day, w["town"], w["areas"]) for w in windows] == [(12, "南门街道", ["柳汀新村", "尹江岸社区"])]


def test_a_pdf_column_paragraph_cut_unevenly_inside_its_runs():
    """``鄞州 姜山镇茅山村、走马塘村、陈鑑`` / ``桥村一带、宁波姜山精密铸造（８:００—`` / ``１６:００）横溪镇
    金峨村、道成岙村、横溪`` / ``镇梅岭村（７:００—１５:００）``: lines 33 to 41 wide were no fixed-width cut,
    so ``陈鑑`` and ``桥村一带`` were two places and 横溪镇 was printed again before 梅岭村."""
    text = ("计划停电预告\n８月９日 星期三\n鄞州 姜山镇茅山村、走马塘村、陈鑑\n桥村一带、宁波姜山精密铸造（８:００—\n"
            "１６:００）横溪镇金峨村、道成岙村、横溪\n镇梅岭村（７:００—１５:００）云龙镇甲村村\n部分用户（１２:３０—１７:００）\n")
    result = parse_outage_notice(text, dt.date(2028, 8, 8), DISTRICTS)
    assert not result.problems
    assert [(w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("姜山镇", ["茅山村", "走马塘村", "陈鑑桥村一带", "宁波姜山精密铸造"]), ("横溪镇", ["金峨村", "道成岙村", "梅岭村"]),
        ("云龙镇", ["甲村村部分用户"])]


def test_ji_between_two_places_house_numbers_of_shops_and_more_institutions_of_a_town():
    """``学校食堂及体育馆`` and ``丈亭老街及丈亭镇中心小学`` were one place each; ``南门3、5、7、9号商铺`` was
    cut at its numbers; ``长街镇海产品加工园区`` and ``瞻岐镇海涂养殖场`` lost their town; ``我们小区13、
    15、17幢`` kept the chat's words."""
    assert split_areas("学校食堂及体育馆") == ["学校食堂", "体育馆"]
    assert split_areas("汇头村、渔溪村、丈亭老街及丈亭镇中心小学") == ["汇头村", "渔溪村", "丈亭老街", "丈亭镇中心小学"]
    assert split_areas("璟悦湾小区1-12幢、地下车库及南门3、5、7、9号商铺") == [
        "璟悦湾小区1-12幢", "地下车库", "南门3、5、7、9号商铺"]
    assert split_areas("诚信路52、54、56号商铺") == ["诚信路52、54、56号商铺"]
    assert split_areas("我们小区13、15、17幢、地下车库") == ["13、15、17幢", "地下车库"]
    # (An annex after 及 stays with its place.)
    assert split_areas("综合服务楼及门面房") == ["综合服务楼及门面房"]
    text = "计划停电预告\n\n1月4日 星期四\n\n宁海 长街镇岳井村、西岙村、长街镇海产品加工园区(8:00—16:00)\n"
    result = parse_outage_notice(text, dt.date(2029, 1, 2), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["岳井村", "西岙村", "长街镇海产品加工园区"]]


def test_a_news_page_s_one_line_column_after_its_dateline():
    """``中国宁波网讯 【计划停电】8月29日（周二）江北 文教街道…（8:00—11:00）…以上时间段内，如工作提前完成，将
    提前恢复供电，不再另行通知。``: the dateline and the first day were the first run's place, the
    byline (``作者：记者 项乐 通讯员 甬电``) and the headline were runs without a time, and the closing
    sentence was places without a time."""
    text = ("中国宁波网 > 新闻中心 > 民生\n停电预告：8月29日、30日江北镇海这些地方停电\n"
            "2028-08-28 16:47:12 来源：中国宁波网 作者：记者 项乐 通讯员 甬电\n\n"
            "中国宁波网讯 【计划停电】8月29日（周二）江北 文教街道北岸琴森小区1号配电房、2号配电房（8:00—11:00）"
            "8月30日（周三）镇海 贵驷街道沙河村、贵驷街道贵驷村（7:30—12:00）以上时间段内，如工作提前完成，将提前恢复供电，"
            "不再另行通知。\n")
    result = parse_outage_notice(text, dt.date(2028, 8, 28), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (29, "江北区", "文教街道", ["北岸琴森小区1号配电房", "2号配电房"]), (30, "镇海区", "贵驷街道", ["沙河村", "贵驷村"])]
    assert result.fields["windows"][1]["note"] == "以上时间段内，如工作提前完成，将提前恢复供电，不再另行通知。"


def test_a_list_of_days_weekdays_and_wozhen_before_a_place():
    """``8月21日、26日（星期一、星期六）上午6时至11时，我镇妙山村、五星村…将停电``: the weekdays kept the
    time from the days, and ``我镇妙山村`` kept the town's own word."""
    text = ("接国网宁波供电公司通知，因10kV慈湖线检修，8月21日、26日（星期一、星期六）上午6时至11时，我镇妙山村、五星村、"
            "黄山村部分区域及慈城古县城景区将停电。\n")
    windows = read_general(text, dt.date(2028, 8, 18)).windows
    assert [(w["date"].day, w["start"], w["end"], w["areas"]) for w in windows] == [
        (21, "06:00", "11:00", ["妙山村", "五星村", "黄山村部分区域", "慈城古县城景区"]),
        (26, "06:00", "11:00", ["妙山村", "五星村", "黄山村部分区域", "慈城古县城景区"])]


def test_a_postponed_slot_whose_places_are_a_bracketed_label():
    """``特别说明：原定于1月9日（星期二）08:00-16:00对10kV贤庠G655线停电（停电范围：贤庠镇沿海村、贤庠镇大塘村），
    因寒潮大风天气推迟至1月12日（星期五）同一时段进行，停电范围不变。`` under labelled records: the column
    reader's reading stood (the record above turned into a cancelled slot, the moved slot's places
    the sentence itself), and the bracket's list ran on past its close."""
    text = ("国网象山县供电公司关于计划停电的公告\n\n停电时间：2029年1月11日 07:30-15:00\n停电线路：10kV墙头G318溪口支线\n"
            "停电范围：墙头镇溪口村、方家岙村\n\n特别说明：原定于1月9日（星期二）08:00-16:00对10kV贤庠G655线停电（停电范围："
            "贤庠镇沿海村、贤庠镇大塘村），因寒潮大风天气推迟至1月12日（星期五）同一时段进行，停电范围不变。\n\n国网象山县供电公司\n")
    result = parse_outage_notice(text, dt.date(2029, 1, 8), DISTRICTS)
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (11, "07:30", "墙头镇", ["溪口村", "方家岙村"]), (12, "08:00", "贤庠镇", ["沿海村", "大塘村"])]
    assert [(c["date"].day, c["start"], c["areas"]) for c in result.fields["cancelled"]] == [
        (9, "08:00", ["沿海村", "大塘村"])]


def test_a_column_run_s_bracket_saying_the_same_slot_on_another_day():
    """``石浦镇东门村、番西村(7:00—15:00，9日同)``: the bracket was a time not understood."""
    text = "计划停电预告\n\n8月8日 星期二\n\n象山 石浦镇东门村、番西村(7:00—15:00，9日同)西周镇：下沈村(8:00—14:00)\n"
    result = parse_outage_notice(text, dt.date(2028, 8, 5), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (8, "07:00", "石浦镇", ["东门村", "番西村"]), (9, "07:00", "石浦镇", ["东门村", "番西村"]),
        (8, "08:00", "西周镇", ["下沈村"])]


def test_a_spaced_table_s_sub_row_repeating_its_town_and_a_place_s_bracketed_address():
    """``镇（街道）`` was no header cell, and ``…  邱隘镇  邱隘镇中心幼儿园`` under the 邱隘镇 row (its
    time and day left blank) was lost; ``沿街商铺（海曙区望春桥路255—279号）`` in a property notice
    naming no other district gave the windows none."""
    text = ("国网宁波市鄞州区供电公司\n\n日期              时间            镇（街道）    停电范围\n"
            "11月9日(周四)     7:30-11:30      邱隘镇        回龙村、盛垫村\n"
            "                                  邱隘镇        邱隘镇中心幼儿园\n"
            "11月10日(周五)    8:00-16:00      五乡镇        宝幢村、仁久村\n")
    result = parse_outage_notice(text, dt.date(2028, 11, 3), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (9, "邱隘镇", ["回龙村", "盛垫村", "邱隘镇中心幼儿园"]), (10, "五乡镇", ["宝幢村", "仁久村"])]
    text = ("各位业主/住户：\n　　接国网宁波供电公司通知，因小区配电房设备检修，定于2028年11月11日（周六）8:30—11:30停电。\n"
            "　　停电范围：锦绣云庭1—12幢、地下车库、沿街商铺（海曙区望春桥路255—279号）。\n\n锦绣云庭物业服务中心\n")
    windows = read_general(text, dt.date(2028, 11, 8)).windows
    assert [(w["district"], w["areas"][-1]) for w in windows] == [("海曙区", "沿街商铺（海曙区望春桥路255—279号）")]


def test_numbered_items_after_one_about_a_past_fault_and_a_second_slot_after_its_places():
    """Items 一 to 三 of slots to come and a fourth about a fault already over (``四、3月15日…故障停电…已于
    当日14:20恢复送电``) in one paragraph: every item was read as past (the importer fell back to the
    place-span reader); ``…10kV马渚线停电，影响马渚镇开元村部分用户、斗门村；下午1时至5时，10kV沿山线停电，
    影响马渚镇沿山村`` lost its afternoon slot with exit 0; ``…将于3月29日…上午7:00—9:00、中午12:00—13:30两次停电``
    gave ``两次`` as the place."""
    text = ("一、3月16日（星期四）7:30-16:30，10kV临海线停电，影响范围：临山镇湖堤村、邵家丘村、临山工业区部分企业。\n"
            "二、3月17日（星期五）上午8时至中午12时，10kV马渚线停电，影响马渚镇开元村部分用户、斗门村；下午1时至5时，10kV沿山线停电，"
            "影响马渚镇沿山村。\n四、3月15日10kV梨洲线故障停电（梨洲街道冶山村一带），已于当日14:20恢复送电，特此说明。\n")
    windows = read_general(text, dt.date(2028, 3, 13)).windows
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in windows] == [
        (16, "07:30", "临山镇", ["湖堤村", "邵家丘村", "临山工业区部分企业"]),
        (17, "08:00", "马渚镇", ["开元村部分用户", "斗门村"]), (17, "13:00", "马渚镇", ["沿山村"])]
    text = ("各位患者及家属：\n　　因国网宁海县供电公司检修10kV桥头胡线，桥头胡街道双林路沿线、桥头胡街道社区卫生服务中心门诊楼将于"
            "3月29日（星期三）上午7:00—9:00、中午12:00—13:30两次停电。\n")
    windows = read_general(text, dt.date(2028, 3, 26)).windows
    assert [(w["start"], w["areas"]) for w in windows] == [
        ("07:00", ["双林路沿线", "桥头胡街道社区卫生服务中心门诊楼"]),
        ("12:00", ["双林路沿线", "桥头胡街道社区卫生服务中心门诊楼"])]


def test_a_spaced_table_with_district_and_town_columns_and_a_post_s_bold_day_lines():
    """``日期  时间  区域  街道/镇  停电范围``: ``区域`` (the district's short name) and ``街道/镇`` were no
    header cells, so every district and town was a place; ``**7月30日 星期一**`` (a post's bold day
    line) was no day, so its runs took the day the post was published."""
    text = ("国网宁波供电公司\n迎峰度夏期间夜间计划检修停电信息（北仑、镇海）\n发布日期：2029年7月6日\n\n"
            "日期        时间               区域    街道/镇        停电范围\n"
            "7月9日      22:00—次日6:00     北仑    新碶街道       明州路(单号)、新碶7号箱变\n"
            "7月10日     22:00—次日5:00     镇海    蛟川街道       临江村、蛟川2号箱变\n")
    result = parse_outage_notice(text, dt.date(2029, 7, 6), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (9, "北仑区", "新碶街道", ["明州路(单号)", "新碶7号箱变"]), (10, "镇海区", "蛟川街道", ["临江村", "蛟川2号箱变"])]
    text = ("宁波晚报\n2029年7月27日 18:05  浙江\n\n**计划停电预告**\n\n**7月30日 星期一**\n\n"
            "江北 孔浦街道跃进塘路、孔浦2号箱变(8:00—11:00、14:00—17:00)\n")
    result = parse_outage_notice(text, dt.date(2029, 7, 27), DISTRICTS)
    assert [(w["date"].day, w["start"]) for w in result.fields["windows"]] == [(30, "08:00"), (30, "14:00")]


def test_a_list_of_lines_without_their_voltage_and_a_chat_s_only_these_places():
    """``10千伏河姆线、江中线停电，影响河姆渡镇芦山寺村、…``: ``江中线`` (no voltage of its own) made the
    lines the places; ``后天（3月14日）上午8:00到10:00还有一次，只停11-15幢，是换表箱`` gave ``一次``, ``只停
    11-15幢`` and ``是换表箱``."""
    text = ("四、3月11日（星期日）每天上午8时至下午4时，10千伏河姆线、江中线停电，影响河姆渡镇芦山寺村、罗江村、"
            "河姆渡遗址博物馆。\n")
    windows = read_general(text, dt.date(2029, 3, 8)).windows
    assert [(w["town"], w["areas"]) for w in windows] == [("河姆渡镇", ["芦山寺村", "罗江村", "河姆渡遗址博物馆"])]
    text = "物业小王  3月12日 10:20\n后天（3月14日）上午8:00到10:00还有一次，只停11-15幢，是换表箱。其他楼不受影响。\n"
    windows = read_general(text, dt.date(2029, 3, 12)).windows
    assert [(w["date"].day, w["start"], w["areas"]) for w in windows] == [(14, "08:00", ["11-15幢"])]


def test_a_sentence_saying_no_cut_and_hours_the_works_avoid_are_no_windows():
    """``另：7月21日（星期六）晚上8点至10点，9—14幢电梯进行年度维保调试，…，不涉及停电。`` was a window (and
    the slot above, ``…南门岗将暂停供电``, took its words as places); ``1.夜间检修时段已避开19:00—22:00晚高峰``
    was a window too."""
    text = ("接供电部门通知，因小区配电房高压设备检修，2029年7月20日（星期五）上午9时至下午4时30分，嘉和名苑1—8幢、地下车库、"
            "南门岗将暂停供电。\n\n另：7月21日（星期六）晚上8点至10点，9—14幢电梯进行年度维保调试，期间电梯暂停使用，不涉及停电。\n")
    windows = read_general(text, dt.date(2029, 7, 17)).windows
    assert [(w["date"].day, w["start"], w["areas"]) for w in windows] == [
        (20, "09:00", ["嘉和名苑1—8幢", "地下车库", "南门岗"])]
    text = "7月12日 22:00—次日6:00 戚家山街道蔚斗村停电。\n注：1.夜间检修时段已避开19:00—22:00晚高峰；\n"
    windows = read_general(text, dt.date(2029, 7, 6)).windows
    assert [(w["start"], w["areas"]) for w in windows] == [("22:00", ["蔚斗村"])]


def test_a_slot_in_words_no_window_took_is_reported_and_a_next_slot_after_a_colon_s_places():
    """``2. 4月14日（周三）上午8点至12点：前岙村、白峤村；下午1点至5点：旗门港海塘排涝站、…``: the afternoon
    slot was read into no window and the notice exited 0 (only times printed ``13:00`` were
    checked). The next slot after a colon's places is read now; a time range in words that no
    window takes is reported."""
    text = ("宁海县一市镇人民政府\n\n　　县供电公司将对我镇10千伏一市线、东岙线进行检修，停电安排如下：\n"
            "　　1. 4月13日（周二）上午7:30至下午3:30：一市村、东岙村、里岙村；\n"
            "　　2. 4月14日（周三）上午8点至12点：前岙村、白峤村；下午1点至5点：旗门港海塘排涝站、白峤村部分养殖户。\n")
    result = parse_outage_notice(text, dt.date(2027, 4, 10), DISTRICTS)
    assert not result.problems
    assert [(w["date"].day, w["start"], w["areas"]) for w in result.fields["windows"]] == [
        (13, "07:30", ["一市村", "东岙村", "里岙村"]), (14, "08:00", ["前岙村", "白峤村"]),
        (14, "13:00", ["旗门港海塘排涝站", "白峤村部分养殖户"])]
    text = ("宁海县一市镇人民政府\n\n　　1. 4月14日（周三）上午8点至12点：前岙村、白峤村；旗门港海塘排涝站、白峤村部分养殖户另于"
            "下午1点至5点检修。\n")
    result = parse_outage_notice(text, dt.date(2027, 4, 10), DISTRICTS)
    assert [(m.line, m.message) for m in result.problems] == [
        (3, 'time "下午1点至5点" was not read into any window; check the windows by hand, or use '
            "--allow-partial to keep it in a note")]


def test_buildings_by_number_alone_are_one_area_each_an_estate_s_stay_one():
    """``1幢、2幢、5幢`` (no estate named before them) was one area; the writers of sets 17, 25 and 29
    read each building as a place of its own, and an estate's buildings (``丹城新村11幢、13幢``) or a
    number list before one kind (``12、14幢``) as one."""
    assert split_areas("1幢、2幢、5幢") == ["1幢", "2幢", "5幢"]
    assert split_areas("3幢、4幢、6幢、地下车库") == ["3幢", "4幢", "6幢", "地下车库"]
    assert split_areas("丹城新村11幢、13幢") == ["丹城新村11幢、13幢"]
    assert split_areas("天一家园3幢、5幢、6幢1单元") == ["天一家园3幢、5幢、6幢1单元"]
    assert split_areas("12、14幢") == ["12、14幢"]
    text = "9月23日 星期一\n\n海曙 横街镇1幢、2幢、5幢(8:30—15:30)\n"
    result = parse_outage_notice(text, dt.date(2024, 9, 20), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["1幢", "2幢", "5幢"]]


def test_places_before_hai_jiang_duanshi_tingdian():
    """``9月23日（星期四）7:00—9:00新浦镇老浦村、新浦工业园区北区还将短时停电一次``: the last place kept
    ``还将短时``."""
    text = ("五、供电公司恢复送电操作时，9月23日（星期四）7:00—9:00新浦镇老浦村、新浦工业园区北区还将短时停电一次，"
            "后道车间当日9:30到岗。\n")
    windows = read_general(text, dt.date(2027, 9, 20)).windows
    assert [(w["start"], w["town"], w["areas"]) for w in windows] == [("07:00", "新浦镇", ["老浦村", "新浦工业园区北区"])]


def test_a_column_line_broken_inside_a_qualifier_s_word():
    """``余姚 马渚镇瑶街弄村、开元村部`` / ``分用户(8:00—15:00)``: ``开元村部`` and ``分用户`` were two places."""
    text = ("计划停电预告\n9月21日 星期二\n慈溪 观海卫镇五洞闸村、观城\n工业区1号箱变、卫山路沿线(7:30—\n16:30)\n"
            "余姚 马渚镇瑶街弄村、开元村部\n分用户(8:00—15:00)\n")
    result = parse_outage_notice(text, dt.date(2027, 9, 18), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [
        ["五洞闸村", "观城工业区1号箱变", "卫山路沿线"], ["瑶街弄村", "开元村部分用户"]]


def test_a_span_over_midnight_its_record_cuts_every_day_is_one_window_a_day():
    """``停电时间  2028-08-16 08:00 至 2028-08-17 17:00`` with ``停电说明  分两日施工，每日08:00-17:00停电``
    was one window of 33 hours, and ``分两日`` was read as the 2nd of the month (a window
    invented on 8月2日)."""
    text = (" 停电时间  2028-08-16 08:00 至 2028-08-17 17:00\n 停电范围  下应街道湾底村、海创社区\n"
            " 停电原因  配网改造\n 停电说明  分两日施工，每日08:00-17:00停电，夜间恢复供电\n")
    windows = read_general(text, dt.date(2028, 8, 13)).windows
    assert [(w["date"], w["start"], w["end"], w["areas"]) for w in windows] == [
        (dt.date(2028, 8, 16), "08:00", "17:00", ["湾底村", "海创社区"]),
        (dt.date(2028, 8, 17), "08:00", "17:00", ["湾底村", "海创社区"])]
    # (A daily time that is not the span's hours leaves the span as printed.)
    other = text.replace("每日08:00-17:00", "每日09:00-17:00")
    assert [(w["date"], w["end"]) for w in read_general(other, dt.date(2028, 8, 13)).windows] == [
        (dt.date(2028, 8, 16), "次日17:00")]
    assert read_general("停电说明：分两日施工，每日08:00-17:00停电。\n", dt.date(2028, 8, 13)).windows == []


def test_a_column_day_line_of_a_range_with_unbracketed_weekdays_and_a_dashed_page_header():
    """``6月20日至22日 星期三至星期五`` over ``象山 石浦镇沙塘湾村一带(每天7:30—11:30)``: the weekdays
    were read as the day's places, and ``今日象山  2029-06-14  第4版 民生`` as areas with no time;
    the whole column went to the layout reader (0 of 6 windows)."""
    text = ("今日象山  2029-06-14  第4版 民生\n\n计划停电预告\n\n6月19日 星期二\n"
            "象山 西周镇儒雅洋村、莲花村(8:00—15:00)\n\n6月20日至22日 星期三至星期五\n"
            "象山 石浦镇沙塘湾村一带(每天7:30—11:30)\n")
    result = parse_outage_notice(text, dt.date(2029, 6, 14), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2029-06-19", "08:00", "西周镇", ["儒雅洋村", "莲花村"]),
        ("2029-06-20", "07:30", "石浦镇", ["沙塘湾村一带"]),
        ("2029-06-21", "07:30", "石浦镇", ["沙塘湾村一带"]),
        ("2029-06-22", "07:30", "石浦镇", ["沙塘湾村一带"])]


def test_a_95598_query_whose_fields_have_no_colons_and_whose_rows_begin_with_the_company():
    """``查询条件：省份 浙江　地市 宁波　区县 海曙区 …`` was read as areas with no time, and each
    row's ``国网宁波市海曙区供电公司  计划停电`` as the note of the row before (or its areas):
    the table went to no window (0 of 3). The company is the one that cuts, never the place."""
    text = ("95598智能互动网站 > 停电信息 > 停电信息查询\n\n"
            "查询条件：省份 浙江　地市 宁波　区县 海曙区　起始日期 2029-04-07　结束日期 2029-04-14\n"
            "查询时间：2029-04-07 21:13\n\n"
            "供电单位                  停电类型   停电开始时间          停电结束时间          状态     停电区域\n"
            "国网宁波市海曙区供电公司  计划停电   2029-04-09 08:00:00   2029-04-09 17:00:00   待停电   "
            "洞桥镇百梁桥村、宣裴村\n"
            "国网宁波市海曙区供电公司  计划停电   2029-04-11 07:30:00   2029-04-11 12:00:00   待停电   "
            "月湖街道偃月街一带\n\n"
            "共 2 条　　第 1/1 页　　每页 10 条\n")
    result = parse_outage_notice(text, dt.date(2029, 4, 7), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["end"], w["district"], w["town"], w["areas"], w["note"])
            for w in result.fields["windows"]] == [
        ("2029-04-09", "08:00", "17:00", "海曙区", "洞桥镇", ["百梁桥村", "宣裴村"],
         "供电单位：国网宁波市海曙区供电公司；停电类型：计划停电；状态：待停电"),
        ("2029-04-11", "07:30", "12:00", "海曙区", "月湖街道", ["偃月街一带"],
         "供电单位：国网宁波市海曙区供电公司；停电类型：计划停电；状态：待停电")]


def test_a_listing_footer_that_holds_its_update_time_and_its_page_count_on_one_line():
    """``数据更新时间：2029-06-21 18:00    共4条    第1/1页`` is the listing's chrome, never a
    window's text: it held the whole table at exit 1."""
    text = ("停电信息查询结果（宁波市 江北区）\n\n"
            "序号  停电区域                            停电时间                        状态\n"
            "1     江北区慈城镇妙山村、公善村          2029-06-25 08:00至16:00         待执行\n"
            "2     江北区庄桥街道费市村                2029-06-26 08:00至15:00         已取消\n\n"
            "数据更新时间：2029-06-21 18:00    共2条    第1/1页\n")
    result = parse_outage_notice(text, dt.date(2029, 6, 21), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2029-06-25", "08:00", "16:00", "慈城镇", ["妙山村", "公善村"])]
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["cancelled"]] == [
        ("2029-06-26", "庄桥街道", ["费市村"])]


def test_a_tab_table_with_a_weekday_column_and_a_contact_column():
    """``停电日期	星期	停电时段	乡镇	停电范围	工作内容	联系人``: the 星期 and 联系人 columns were no
    header words, so the header broke and the weekdays were read as the places (0 of 5)."""
    text = ("国网象山县供电公司11月中旬计划停电安排（第46周）\n\n"
            "停电日期\t星期\t停电时段\t乡镇\t停电范围\t工作内容\t联系人\n"
            "2029/11/13\t星期二\t8:00-16:30\t贤庠镇\t杨家村、黄埠村、贤庠镇卫生院\t10kV贤庠线线路改造\t张工 139xxxx2231\n"
            "2029/11/14-2029/11/15\t星期三至星期四\t每天7:30-16:00\t涂茨镇\t旦门村、大岙村\t10kV涂茨线绝缘化改造\t张工 139xxxx2231\n"
            "2029/11/17\t星期六\t全天\t鹤浦镇\t小百丈村、大百丈村\t鹤浦变10kV出线间隔更换\t李工 137xxxx0876\n")
    result = parse_outage_notice(text, dt.date(2029, 11, 10), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["end"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2029-11-13", "08:00", "16:30", "象山县", "贤庠镇", ["杨家村", "黄埠村", "贤庠镇卫生院"]),
        ("2029-11-14", "07:30", "16:00", "象山县", "涂茨镇", ["旦门村", "大岙村"]),
        ("2029-11-15", "07:30", "16:00", "象山县", "涂茨镇", ["旦门村", "大岙村"]),
        ("2029-11-17", None, None, "象山县", "鹤浦镇", ["小百丈村", "大百丈村"])]
    assert result.fields["windows"][0]["note"] == (
        "星期：星期二；工作内容：10kV贤庠线线路改造；联系人：张工 139xxxx2231")


def test_a_column_copied_from_a_pdf_whose_lines_break_inside_a_town_printed_again():
    """The line ends inside the town printed again before a later village (``石碶`` /
    ``街道冯家村``), at it (``东吴镇`` / ``东村``), or inside the run's own town after its
    time (``(8:30—16:00)邱`` / ``隘镇回龙村``): the town stays out of the places, as on one
    line."""
    text = ("计划停电预告\n11月13日 星期二\n海曙 石碶街道星光村、栎社村、石碶\n街道冯家村(8:00—16:00)\n"
            "11月14日 星期三\n鄞州 东吴镇天童村、小白村、东吴镇\n东村、天童禅寺(8:00—16:30)云龙镇\n"
            "甲村、冠英村(8:30—16:00)邱\n隘镇回龙村、盛垫村、百强物流园3号仓\n(9:00—15:00)\n")
    result = parse_outage_notice(text, dt.date(2029, 11, 12), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["district"], w.get("town"), w["areas"])
            for w in result.fields["windows"]] == [
        ("2029-11-13", "08:00", "海曙区", "石碶街道", ["星光村", "栎社村", "冯家村"]),
        ("2029-11-14", "08:00", "鄞州区", "东吴镇", ["天童村", "小白村", "东村", "天童禅寺"]),
        ("2029-11-14", "08:30", "鄞州区", "云龙镇", ["甲村", "冠英村"]),
        ("2029-11-14", "09:00", "鄞州区", "邱隘镇", ["回龙村", "盛垫村", "百强物流园3号仓"])]
    assert result.problems == []
    assert not [w for w in result.warnings if "line break" in w.message]


def test_a_space_aligned_table_with_a_dashed_rule_two_slots_in_its_time_column_and_a_wrapped_cell():
    """``----------  -----  …`` under the header, ``08:00-11:30  13:30-17:00`` in one 停电时间
    column and ``锦屏街道`` / ``东门社区`` wrapped in the 停电范围 column: the rule was read as a
    row, the second slot shifted every cell after it and the wrapped places were lost."""
    text = ("国网宁波市奉化区供电公司\n\n"
            "日期        星期   停电时间                   乡镇(街道)   停电范围\n"
            "----------  -----  -------------------------  -----------  ----------------------------\n"
            "11月26日    周一   08:00-11:30  13:30-17:00   尚田街道     鸣雁村、尚田街道条宅村\n"
            "11月29日    周四   09:00-14:00                锦屏街道     南山路(88-126号)、锦屏街道\n"
            "                                                           东门社区、奉化区锦屏中学\n")
    result = parse_outage_notice(text, dt.date(2029, 11, 22), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["end"], w["district"], w["town"], w["areas"], w["note"])
            for w in result.fields["windows"]] == [
        ("2029-11-26", "08:00", "11:30", "奉化区", "尚田街道", ["鸣雁村", "条宅村"], "星期：周一"),
        ("2029-11-26", "13:30", "17:00", "奉化区", "尚田街道", ["鸣雁村", "条宅村"], "星期：周一"),
        ("2029-11-29", "09:00", "14:00", "奉化区", "锦屏街道",
         ["南山路(88-126号)", "东门社区", "奉化区锦屏中学"], "星期：周四")]


def test_a_day_line_after_a_square_bullet():
    """``■2月21日(周四)``: a page's geometric bullet before the day line hid the date, and
    every run of the day went unread (0 of 7)."""
    text = ("计划停电预告\n\n■2月21日(周四)\n鄞州区 姜山镇走马塘村、陈家团村(7:30—16:30)\n\n"
            "◆2月23日(周六)\n奉化区 大堰镇大堰村、后畈村(7:00—17:00)\n")
    result = parse_outage_notice(text, dt.date(2030, 2, 19), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-02-21", "07:30", "鄞州区", "姜山镇", ["走马塘村", "陈家团村"]),
        ("2030-02-23", "07:00", "奉化区", "大堰镇", ["大堰村", "后畈村"])]


def test_a_day_line_after_a_round_bullet_and_a_credit_with_a_spaced_gong():
    """``●2月23日（星期六）``: the dot was read as a column's town mark, so the day went unread
    (1 of 8); ``（市供电公司 供）`` is the column's credit, never areas without a time."""
    text = ("计划停电\n●2月23日（星期六）\n观海卫镇鸣鹤村、杜湖村（7:00—15:00）；横河镇孙家境村（8:00—16:30）。\n"
            "\n（市供电公司 供）\n")
    result = parse_outage_notice(text, dt.date(2030, 2, 21), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-02-23", "07:00", "慈溪市", "观海卫镇", ["鸣鹤村", "杜湖村"]),
        ("2030-02-23", "08:00", "慈溪市", "横河镇", ["孙家境村"])]


def test_a_95598_tab_table_whose_last_column_is_the_information_release_time():
    """``… 停电开始时间	停电结束时间	信息发布时间``: 信息发布时间 was no header word, so the table went
    unread (0 of 4)."""
    text = ("供电单位\t停电类型\t停电区域\t停电开始时间\t停电结束时间\t信息发布时间\n"
            "国网宁波市镇海区供电公司\t计划停电\t蛟川街道俞范东路沿线、蛟川街道清水浦村\t"
            "2030-12-16 08:00\t2030-12-16 16:00\t2030-12-09 10:21\n"
            "国网宁波市镇海区供电公司\t临时停电\t招宝山街道车站路11、13、15号\t"
            "2030-12-19 13:00\t2030-12-19 15:00\t2030-12-15 17:02\n")
    result = parse_outage_notice(text, dt.date(2030, 12, 15), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["end"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-12-16", "08:00", "16:00", "镇海区", "蛟川街道", ["俞范东路沿线", "清水浦村"]),
        ("2030-12-19", "13:00", "15:00", "镇海区", "招宝山街道", ["车站路11、13、15号"])]


def test_a_column_whose_runs_name_their_town_in_square_brackets():
    """``【观海卫镇】鸣山村、卫山村(8:00—16:00)；【掌起镇】…``: the bracketed town was kept in the
    first place and gave no district (0 of 7, written with exit 1)."""
    text = ("本周计划停电\n\n12月16日（周一）\n"
            "【观海卫镇】鸣山村、卫山村、观海卫镇中心小学(8:00—16:00)；【掌起镇】任佳溪村、洋山村(8:30—15:30)\n")
    result = parse_outage_notice(text, dt.date(2030, 12, 14), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-12-16", "08:00", "慈溪市", "观海卫镇", ["鸣山村", "卫山村", "观海卫镇中心小学"]),
        ("2030-12-16", "08:30", "慈溪市", "掌起镇", ["任佳溪村", "洋山村"])]


def test_a_holiday_freeze_in_the_advice_is_no_window():
    """``2030年5月1日至5日（劳动节）期间我区未安排计划停电。`` in the 温馨提示: five whole days were
    written as windows with exit 0."""
    text = ("停电时间：2030年5月8日 08:00-16:00\n停电范围：招宝山街道后大街、鼓楼东路\n\n"
            "温馨提示：\n1. 送电时间如提前，恕不另行通知；\n"
            "2. 2030年5月1日至5日（劳动节）期间我区未安排计划停电。\n\n国网宁波市镇海区供电公司\n")
    result = parse_outage_notice(text, dt.date(2030, 5, 6), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-05-08", "08:00", "镇海区", "招宝山街道", ["后大街", "鼓楼东路"])]


def test_a_tab_table_whose_remarks_cut_a_span_every_day_or_call_a_row_off():
    """``2030/5/20 8:00—2030/5/22 17:00`` with the remark ``每日8:00-17:00停电，夜间恢复送电`` is one
    window a day; the remark ``已取消`` calls its row's slot off; without a remark the span over
    two midnights is a slot a calendar day, never ``08:00`` to ``次日17:00``."""
    text = ("序号\t停电时间\t停电区域\t备注\n"
            "1\t2030/5/18 8:00—2030/5/18 16:00\t桥头镇 五姓点村、上岙村\t已取消\n"
            "2\t2030/5/20 8:00—2030/5/22 17:00\t匡堰镇 倡隆村、岗墩村\t每日8:00-17:00停电，夜间恢复送电\n"
            "3\t2030/5/24 8:00—2030/5/26 17:00\t匡堰镇 倡隆村\t\n")
    result = parse_outage_notice(text, dt.date(2030, 5, 13), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-05-20", "08:00", "17:00", "匡堰镇", ["倡隆村", "岗墩村"]),
        ("2030-05-21", "08:00", "17:00", "匡堰镇", ["倡隆村", "岗墩村"]),
        ("2030-05-22", "08:00", "17:00", "匡堰镇", ["倡隆村", "岗墩村"]),
        ("2030-05-24", "08:00", "次日00:00", "匡堰镇", ["倡隆村"]),
        ("2030-05-25", "00:00", "次日00:00", "匡堰镇", ["倡隆村"]),
        ("2030-05-26", "00:00", "17:00", "匡堰镇", ["倡隆村"])]
    assert [(str(w["date"]), w["start"], w["end"], w["town"]) for w in result.fields["cancelled"]] == [
        ("2030-05-18", "08:00", "16:00", "桥头镇")]


def test_a_markdown_table_with_ditto_dates_and_a_note_calling_a_row_off():
    """``| 2 | 〃 | 08:00-16:00 | …``: the ditto mark repeats the date above (the rows went
    unread); ``注：1. 第2项工作已于5月19日…提前完成，5月22日江口街道不再停电。`` calls row 2 off."""
    text = ("| 序号 | 停电日期 | 停电时间 | 停电范围 |\n|---|---|---|---|\n"
            "| 1 | 2030-05-22（周三） | 08:00-16:00 | 溪口镇：新建村、公棠村 |\n"
            "| 2 | 〃 | 08:00-16:00 | 江口街道：蒋家池头村、前江村 |\n"
            "| 3 | 〃 | 13:00-17:30 | 岳林街道：大成路 |\n\n"
            "注：1. 第2项工作已于5月19日结合其他停电提前完成，5月22日江口街道不再停电。\n")
    result = parse_outage_notice(text, dt.date(2030, 5, 20), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-05-22", "08:00", "奉化区", "溪口镇", ["新建村", "公棠村"]),
        ("2030-05-22", "13:00", "奉化区", "岳林街道", ["大成路"])]
    assert [(str(w["date"]), w["start"], w["town"]) for w in result.fields["cancelled"]] == [
        ("2030-05-22", "08:00", "江口街道")]


def test_a_day_whose_places_are_the_same_as_above():
    """``14日（周二）7:00—15:00：同上``: the places of the line above, never an area ``同上``."""
    text = ("宁海县计划停电预告（5月13日—15日）\n\n▲西店镇\n13日（周一）7:00—15:00：樟树村、铁江村\n"
            "14日（周二）7:00—15:00：同上\n\n国网宁海县供电公司供稿\n")
    result = parse_outage_notice(text, dt.date(2030, 5, 10), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-05-13", "07:00", "宁海县", "西店镇", ["樟树村", "铁江村"]),
        ("2030-05-14", "07:00", "宁海县", "西店镇", ["樟树村", "铁江村"])]


def test_a_pdf_column_broken_inside_a_second_slot_with_a_numbered_running_head_and_a_look_back():
    """``（８:００—１１:００、１`` / ``３:３０—１６:３０）``: the line broke inside the second slot's
    hour (a window at 03:30, areas ``）``); ``余姚日报　2030年5月17日　星期五　…　3`` (the page's
    number bare), ``便民服务`` and a wrapped ``上期回顾：…`` are the page's, not the column's."""
    text = ("便民服务\n计划停电预告\n5月22日 星期三\n"
            "凤山街道舜水南路、新建北路一带（９:００—１７:００）陆埠镇裘岙村、洪山村（８:００—１１:００、１\n"
            "３:３０—１６:３０）\n余姚日报　2030年5月17日　星期五　　　　　　　　3\n"
            "上期回顾：5月15日因外力破坏导致的低塘街道部分区\n域故障停电，已于当日18时全部恢复送电。\n"
            "国网余姚市供电公司\n")
    result = parse_outage_notice(text, dt.date(2030, 5, 18), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["end"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-05-22", "09:00", "17:00", "余姚市", "凤山街道", ["舜水南路", "新建北路一带"]),
        ("2030-05-22", "08:00", "11:00", "余姚市", "陆埠镇", ["裘岙村", "洪山村"]),
        ("2030-05-22", "13:30", "16:30", "余姚市", "陆埠镇", ["裘岙村", "洪山村"])]


def test_a_postponement_in_prose_above_a_column_and_the_page_around_it():
    """``因第9号台风影响，原定8月3日（星期六）石浦镇·…(8:00—16:00)的停电检修推迟至8月7日（星期三）进行，
    时间不变。`` above the day lines: the slot moved, the column after it read as windows (they
    went to the cancelled slots); a weather clause, a bracketed giver, ``■相关链接`` and a look
    back ending ``全部恢复送电`` are the page's."""
    text = ("【计划停电】\n\n因第9号台风影响，原定8月3日（星期六）石浦镇·番西村、沙塘湾村(8:00—16:00)"
            "的停电检修推迟至8月7日（星期三）进行，时间不变。\n\n8月5日 星期一\n"
            "象山 西周镇·儒雅洋村、杰下村一带(8:00—15:00)\n\n"
            "如遇台风、雷雨等恶劣天气，停电计划顺延，另行通知。\n（县供电公司）\n\n■相关链接\n"
            "7月31日晚，受台风外围影响，丹东街道部分区域因线路跳闸停电，县供电公司连夜抢修，"
            "8月1日凌晨2时30分全部恢复送电。\n")
    result = parse_outage_notice(text, dt.date(2030, 8, 2), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"], w.get("note"))
            for w in result.fields["windows"]] == [
        ("2030-08-07", "08:00", "象山县", "石浦镇", ["番西村", "沙塘湾村"], "因第9号台风影响"),
        ("2030-08-05", "08:00", "象山县", "西周镇", ["儒雅洋村", "杰下村一带"], None)]
    assert [(str(w["date"]), w["start"], w["town"]) for w in result.fields["cancelled"]] == [
        ("2030-08-03", "08:00", "石浦镇")]


def test_a_change_whose_original_slot_was_not_read_is_reported():
    """``…(8:00—16:00)原定3月14日 星期三，调整为3月17日 星期六，时间不变。``: the run's time before
    its original day; the column reader does not read it, so it says so (it was written as
    nothing, exit 0)."""
    text = ("计划停电预告\n\n3月16日 星期五\n\n北仑 春晓街道三山村(8:00—16:00)\n\n变更：\n\n"
            "北仑 大碶街道璎珞村、横山村(8:00—16:00)原定3月14日 星期三，调整为3月17日 星期六，时间不变。\n")
    assembler = parse_notice_text(text, dt.date(2029, 3, 13), DISTRICTS)
    assert [(p.line, p.fragment, p.message) for p in assembler.problems] == [
        (9, "时间不变。", 'change "时间不变。" moves no slot read before it; expected the original '
         'slot first, such as "原定3月14日 星期三 大碶街道璎珞村(8:00—16:00)，调整为3月17日"')]


def test_a_markdown_table_with_a_past_row_two_towns_in_a_cell_and_a_telephones_hours():
    """A row ``… | 故障抢修，已送电 |`` made the whole table read as an outage already over (0 of
    6); ``四明山镇棠溪村、大岚镇丁家畈村`` in one cell is a window a town; ``咨询电话：0574-62705598
    （8:00-17:00）`` is the telephone's hours, not a time no window took."""
    text = ("| 序号 | 停电日期 | 停电时间 | 停电范围 | 备注 |\n|---|---|---|---|---|\n"
            "| 1 | 2030-10-14 | 08:00-16:00 | 丈亭镇渔溪村、丈亭村 | |\n"
            "| 2 | 2030-10-17 | 全天 | 四明山镇棠溪村、大岚镇丁家畈村 | 线路迁改 |\n"
            "| 3 | 2030-10-09 | 09:10-11:40 | 泗门镇光明村 | 故障抢修，已送电 |\n\n"
            "注：停电时间内线路随时可能来电。咨询电话：0574-62705598（8:00-17:00）。\n")
    result = parse_outage_notice(text, dt.date(2030, 10, 11), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-10-14", "08:00", "余姚市", "丈亭镇", ["渔溪村", "丈亭村"]),
        ("2030-10-17", None, "余姚市", "四明山镇", ["棠溪村"]),
        ("2030-10-17", None, "余姚市", "大岚镇", ["丁家畈村"])]


def test_a_single_spaced_listing_whose_places_and_stamps_hold_spaces():
    """``序号 停电类型 停电区域 停电时间 停电原因`` over ``2 计划停电 海曙区白云街道 白云庄社区、…；
    海曙区段塘街道 新典社区部分用户 2030-03-28 13:30至2030-03-28 17:00 电缆改造``: the stamp's day and
    clock are one cell and the places' cell takes the spaces inside it (the rows went unread, 0
    of 5); a tip ending with the query's span is the page's."""
    text = ("停电公告查询结果（宁波市海曙区）    更新于 2030-03-25 08:00\n\n"
            "序号 停电类型 停电区域 停电时间 停电原因\n"
            "1 计划停电 海曙区白云街道 白云庄社区、白云公园；海曙区段塘街道 新典社区部分用户 "
            "2030-03-28 13:30至2030-03-28 17:00 电缆改造\n"
            "2 计划停电 海曙区鼓楼街道 公园路、鼓楼步行街商铺 2030-03-29 22:00至2030-03-30 02:00 夜间消缺\n\n"
            "温馨提示：以上信息仅供参考，实际停电时间以现场为准。查询时段：2030-03-25至2030-04-01\n")
    result = parse_outage_notice(text, dt.date(2030, 3, 25), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["end"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-03-28", "13:30", "17:00", "海曙区", "白云街道", ["白云庄社区", "白云公园"]),
        ("2030-03-28", "13:30", "17:00", "海曙区", "段塘街道", ["新典社区部分用户"]),
        ("2030-03-29", "22:00", "次日02:00", "海曙区", "鼓楼街道", ["公园路", "鼓楼步行街商铺"])]


def test_a_pdf_column_broken_after_the_town_before_its_institution():
    """``…、泗门镇`` / ``中心幼儿园(8:00—16:00)``: the town's own institution broken after the
    town's name keeps it (``泗门镇中心幼儿园``), read as one place without a warning."""
    text = ("计划停电预告\n10月22日 星期二\n余姚 泗门镇谢家路村、小路下村、泗门镇\n"
            "中心幼儿园(8:00—16:00)\n")
    result = parse_outage_notice(text, dt.date(2030, 10, 20), DISTRICTS)
    assert result.problems == []
    assert not [w for w in result.warnings if "line break" in w.message]
    assert [(w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("泗门镇", ["谢家路村", "小路下村", "泗门镇中心幼儿园"])]


def test_town_headings_above_day_lines_give_the_towns_of_the_windows_below():
    """``▲西店镇`` / ``13日（周一）7:00—15:00：樟树村…`` / ``▲深甽镇`` / …: each heading is the town
    of the windows below it (they had none)."""
    text = ("宁海县计划停电预告（5月13日—15日）\n\n▲西店镇\n13日（周一）7:00—15:00：樟树村、铁江村\n\n"
            "▲深甽镇\n14日（周二）8:00—16:30：龙宫村、清潭村\n\n国网宁海县供电公司供稿\n")
    result = parse_outage_notice(text, dt.date(2030, 5, 10), DISTRICTS)
    assert [(str(w["date"]), w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-05-13", "宁海县", "西店镇", ["樟树村", "铁江村"]),
        ("2030-05-14", "宁海县", "深甽镇", ["龙宫村", "清潭村"])]


def test_fields_line_counts_the_town_over_the_windows_that_name_one(tmp_path):
    """The town is no part of "exact" but is counted: right where the importer gives the
    expected town, over the expectations that name one."""
    (tmp_path / "c.txt").write_text(
        "计划停电预告\n3月5日 星期二\n鄞州 姜山镇陈介桥村(8:00—12:00)\n鄞州 走马塘村(13:00—16:00)\n",
        encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "published: 2024-03-01\nwindows:\n- {date: 2024-03-05, start: '08:00', end: '12:00', "
        "district: 鄞州区, town: 姜山镇, areas: [陈介桥村]}\n- {date: 2024-03-05, start: '13:00', "
        "end: '16:00', district: 鄞州区, town: 姜山镇, areas: [走马塘村]}\ncancelled: []\n",
        encoding="utf-8")
    out = io.StringIO()
    run(tmp_path, out=out)
    assert out.getvalue().splitlines()[2] == (
        "importer fields: date 2/2, start+end 2/2, district 2/2, town 1/2, areas 2/2, "
        "0 windows invented")


def test_a_post_with_a_whole_day_on_its_own_line_and_two_slots_apart_by_a_bar():
    """``⏰ 08:00—12:00 ｜ 13:00—17:00``: two slots (the second was reported unread); ``📅 10月25日
    （周五）`` / ``⏰ 全天`` / ``📍 庵东镇：…`` after another day's record: a whole day (it was read
    as a date alone, no window)."""
    text = ("📅 10月23日（周三）\n⏰ 08:00—12:00 ｜ 13:00—17:00\n📍 附海镇：东海村、附海镇中心小学\n\n"
            "📅 10月25日（周五）\n⏰ 全天\n📍 庵东镇：兴桥村、庵东镇卫生院\n")
    result = parse_outage_notice(text, dt.date(2030, 10, 20), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-10-23", "08:00", "12:00", "附海镇", ["东海村", "附海镇中心小学"]),
        ("2030-10-23", "13:00", "17:00", "附海镇", ["东海村", "附海镇中心小学"]),
        ("2030-10-25", None, None, "庵东镇", ["兴桥村", "庵东镇卫生院"])]


def test_the_score_takes_a_brackets_width_as_type_not_reading(tmp_path):
    """``中马路（单号）`` as printed and ``中马路(单号)`` as an expectation wrote it are the same place;
    another qualifier is not."""
    (tmp_path / "d.txt").write_text(
        "计划停电预告\n6月26日 星期三\n江北 中马街道中马路（单号）、中马菜场(7:00—11:30)\n", encoding="utf-8")
    (tmp_path / "d.yaml").write_text(
        "published: 2030-06-20\nwindows:\n- {date: 2030-06-26, start: '07:00', end: '11:30', "
        "district: 江北区, town: 中马街道, areas: [中马路(单号), 中马菜场]}\ncancelled: []\n",
        encoding="utf-8")
    out = io.StringIO()
    run(tmp_path, out=out)
    assert out.getvalue().splitlines()[1].startswith("importer: 1/1 windows exact")
    (tmp_path / "d.yaml").write_text(
        "published: 2030-06-20\nwindows:\n- {date: 2030-06-26, start: '07:00', end: '11:30', "
        "district: 江北区, town: 中马街道, areas: [中马路(双号), 中马菜场]}\ncancelled: []\n",
        encoding="utf-8")
    out = io.StringIO()
    run(tmp_path, out=out)
    assert out.getvalue().splitlines()[1].startswith("importer: 0/1 windows exact")


def test_a_villages_committee_drops_the_town_printed_again_before_it():
    """``姜山镇蔡郎桥村村委会`` and ``宗汉街道百两居委会`` in their town's list: the committee is
    named after its village or community, so the town printed again is dropped, as before the
    village (an institution of the town itself, ``姜山镇中心小学``, keeps it)."""
    text = ("计划停电预告\n6月13日 星期四\n鄞州 姜山镇蔡郎桥村、姜山镇蔡郎桥村村委会、姜山镇中心小学(7:30—15:30)\n"
            "慈溪 宗汉街道庙山村、宗汉街道百两居委会(8:00—16:00)\n")
    result = parse_outage_notice(text, dt.date(2030, 6, 10), DISTRICTS)
    assert [(w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("姜山镇", ["蔡郎桥村", "蔡郎桥村村委会", "姜山镇中心小学"]),
        ("宗汉街道", ["庙山村", "百两居委会"])]


def test_a_95598_querys_date_span_is_no_window():
    """``省（市）：浙江    地市：宁波    区县：北仑区    停电日期：2030-06-14 至 2030-06-21`` over a
    listing's records: the span the query asked for was read as eight whole days of the first
    record's places (five written with exit 0)."""
    text = ("国家电网 95598 停电信息查询\n"
            "省（市）：浙江    地市：宁波    区县：北仑区    停电日期：2030-06-14 至 2030-06-21\n"
            "查询时间：2030-06-15 10:22:41        共 1 条\n\n"
            "供电单位：国网宁波市北仑区供电公司\n停电类型：计划停电\n"
            "停电区域：新碶街道 大港新村32-40幢、明州路（单号）\n"
            "停电开始时间：2030-06-18 08:00:00\n停电结束时间：2030-06-18 16:00:00\n当前状态：未停电\n")
    result = parse_outage_notice(text, dt.date(2030, 6, 15), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-06-18", "08:00", "北仑区", "新碶街道", ["大港新村32-40幢", "明州路（单号）"])]


def test_office_hours_after_their_days_and_a_dotted_town_printed_again():
    """``营业时间：周一至周日 8:30-17:00`` under a table was read as two windows of its words; in
    ``团桥村、骆驼街道·联兴村`` the town printed again goes with its dot (was ``·联兴村``)."""
    text = ("停电日期     停电时间        停电区域\n"
            "6月25日      全天            大堰镇：董家村、箭岭村\n\n"
            "奉化供电服务热线：95598   营业时间：周一至周日 8:30-17:00\n")
    result = parse_outage_notice(text, dt.date(2030, 6, 21), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2030-06-25", None, "大堰镇", ["董家村", "箭岭村"])]
    text = ("计划停电\n停电时间：2030-06-24 07:00-15:00\n"
            "停电区域：骆驼街道 团桥村、骆驼街道·联兴村\n")
    result = parse_outage_notice(text, dt.date(2030, 6, 20), DISTRICTS)
    assert [(w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("骆驼街道", ["团桥村", "联兴村"])]


def test_a_space_aligned_table_whose_weekday_wraps_under_its_date_with_the_places():
    """``11月21日    08:00-16:00    长街镇西岙村、长街蛏子`` / ``(星期四)                   交易市场``: the
    weekday wrapped under the date and the places' rest under their column are the row's (the
    wrapped places were lost from the window and the weekdays read as places, exit 0)."""
    text = ("国网宁海县供电公司计划停电公告（11月21日—11月23日）\n\n"
            "日期        时间           停电范围                                    线路\n"
            "11月21日    08:00-16:00    长街镇西岙村、龙潭村、长街蛏子               10kV长西线\n"
            "(星期四)                   交易市场\n"
            "11月23日    08:00-16:00    胡陈乡胡陈村、东山村                         10kV胡陈线\n"
            "(星期六)\n")
    result = parse_outage_notice(text, dt.date(2030, 11, 18), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2030-11-21", "长街镇", ["西岙村", "龙潭村", "长街蛏子交易市场"]),
        ("2030-11-23", "胡陈乡", ["胡陈村", "东山村"])]


def test_a_list_closed_by_jiang_and_a_short_cut():
    """``…、中心停车场充电桩将短时停电。``: 将 (will) closes the list, no part of its last place."""
    text = ("为做好迎峰度夏用电保障，我中心配合供电部门进行双电源切换试验。6月22日（星期六）6:00—6:30，"
            "门诊楼、医技楼（放射科、检验科）、中心停车场充电桩将短时停电。\n\n宁波市北仑区某某社区卫生服务中心\n")
    result = parse_outage_notice(text, dt.date(2030, 6, 20), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [
        ["门诊楼", "医技楼（放射科、检验科）", "中心停车场充电桩"]]


def test_a_village_committees_own_village_joined_to_another():
    """``我村及后岙村、白峤村停电`` signed ``一市镇前岙村村民委员会``: 我村 is 前岙村, then the others
    (it was ``及后岙村``)."""
    text = ("停 电 通 知\n\n各位村民：\n    接一市供电所通知，定于6月22日（星期六）早上7点半至下午5点，"
            "我村及后岙村、白峤村停电。\n\n                一市镇前岙村村民委员会\n                    2030年6月19日\n")
    result = parse_outage_notice(text, dt.date(2030, 6, 19), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-06-22", "07:30", "17:00", "一市镇", ["前岙村", "后岙村", "白峤村"])]


def test_a_tab_listing_whose_remark_calls_a_row_off():
    """``2030/11/21	08:00	16:00	胜山镇	10kV胜北线	胜北村、四灶浦村	取消`` under ``…	备注``: the row's
    slot is called off (it was written as a window with exit 0)."""
    text = ("国网慈溪市供电公司 计划停电信息（2030年11月19日—11月22日）\n\n"
            "停电日期\t开始时间\t结束时间\t所属乡镇\t停电设备\t停电区域\t备注\n"
            "2030/11/19\t08:00\t16:00\t崇寿镇\t10kV崇北线\t四塘横江村、六塘南村\t\n"
            "2030/11/21\t08:00\t16:00\t胜山镇\t10kV胜北线\t胜北村、四灶浦村\t取消\n")
    result = parse_outage_notice(text, dt.date(2030, 11, 15), DISTRICTS)
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2030-11-19", "崇寿镇", ["四塘横江村", "六塘南村"])]
    assert [(str(w["date"]), w["start"], w["town"], w["areas"])
            for w in result.fields["cancelled"]] == [
        ("2030-11-21", "08:00", "胜山镇", ["胜北村", "四灶浦村"])]


def test_an_sms_thread_whose_later_message_names_the_same_account_without_its_address():
    """A first SMS gives ``您户号3301234567（地址：宁波市鄞州区东钱湖镇韩岭村下街58号）``; a later one
    ``您户号3301234567所在区域…计划于2030年03月19日、20日每天09:00至15:00停电``: that address is the
    place (the two windows named none)."""
    text = ("【国网宁波供电公司】尊敬的客户：您户号3301234567（地址：宁波市鄞州区东钱湖镇韩岭村下街58号）"
            "所在区域因线路检修，计划于2030年03月14日08:00至2030年03月14日16:00停电，届时请做好准备。\n\n"
            "【国网宁波供电公司】尊敬的客户：您户号3301234567所在区域因线路检修，计划于2030年03月19日、"
            "20日每天09:00至15:00停电，届时请做好准备。\n")
    result = parse_outage_notice(text, dt.date(2030, 3, 11), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-03-14", "08:00", "鄞州区", "东钱湖镇", ["韩岭村下街58号"]),
        ("2030-03-19", "09:00", "鄞州区", "东钱湖镇", ["韩岭村下街58号"]),
        ("2030-03-20", "09:00", "鄞州区", "东钱湖镇", ["韩岭村下街58号"])]


def test_a_tip_saying_what_is_not_an_outage_is_no_window():
    """``🔺温馨提示：8月21日—23日13:00-17:00，辖区部分工业企业按照有序用电方案错峰生产，不属于停电，居民生活
    用电不受影响。``: three windows of ``不属于`` were written with exit 0."""
    text = ("🔺温馨提示：8月21日—23日13:00-17:00，辖区部分工业企业按照有序用电方案错峰生产，不属于停电，"
            "居民生活用电不受影响。\n\n📅 8月24日 08:00-16:00\n📍 大碶街道：璎珞村、横山村\n\n国网宁波市北仑区供电公司\n")
    result = parse_outage_notice(text, dt.date(2030, 8, 20), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["areas"]) for w in result.fields["windows"]] == [
        ("2030-08-24", "08:00", ["璎珞村", "横山村"])]


def test_a_space_table_dated_with_bare_weekday_numerals_and_a_place_that_keeps_its_supply():
    """``12月23日(一)    22:00—次日05:00    梅山街道…``: the weekday's numeral alone in brackets is
    the date's (it was read as the place ``(一)``); ``联系电话：…（工作日 8:30—17:00）`` is a
    telephone's hours; ``余姚市阳明康复医院（双电源客户，不停电）`` keeps its supply, no place cut."""
    text = ("国网宁波市北仑区供电公司  停电公告\n\n"
            "日期            时间                  停电区域\n"
            "--------------  --------------------  ----------------------------------------\n"
            "12月23日(一)    22:00—次日05:00       梅山街道梅山港务区2号箱变、梅东村\n"
            "12月26日(四)    08:00—16:00           大榭街道榭北村、大榭街道\n"
            "                                      海光楼社区\n\n"
            "    联系电话：0574-86851234（工作日 8:30—17:00）  服务热线：95598\n")
    result = parse_outage_notice(text, dt.date(2030, 12, 20), DISTRICTS)
    assert result.problems == []
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2030-12-23", "22:00", "次日05:00", "梅山街道", ["梅山港务区2号箱变", "梅东村"]),
        ("2030-12-26", "08:00", "16:00", "大榭街道", ["榭北村", "海光楼社区"])]
    text = ("| 序号 | 停电日期 | 停电时间 | 停电范围 |\n|---|---|---|---|\n"
            "| 1 | 1月19日 | 22:00-次日04:00 | 阳明街道舜水南路、新建北路沿线商铺；余姚市阳明康复医院（双电源客户，不停电） |\n\n"
            "国网余姚市供电公司\n")
    result = parse_outage_notice(text, dt.date(2029, 1, 12), DISTRICTS)
    assert [(w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("阳明街道", ["舜水南路", "新建北路沿线商铺"])]


def test_an_app_card_headed_by_its_district_and_town():
    """``鄞州区 | 下应街道`` over a card's time and ``影响范围：湾底村、下应街道·海创路1号箱变``: the card's
    town, dropped with its dot from the place printed again (the windows had no town)."""
    text = ("网上国网 停电信息\n\n鄞州区 | 邱隘镇\n2029-06-30 08:00—12:00\n影响范围：盛垫村、回龙村\n\n"
            "鄞州区 | 下应街道\n2029-07-01 06:00—08:00\n影响范围：湾底村、下应街道·海创路1号箱变\n")
    result = parse_outage_notice(text, dt.date(2029, 6, 25), DISTRICTS)
    assert [(str(w["date"]), w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2029-06-30", "鄞州区", "邱隘镇", ["盛垫村", "回龙村"]),
        ("2029-07-01", "鄞州区", "下应街道", ["湾底村", "海创路1号箱变"])]


def test_a_chats_list_closed_by_ye_yao_ting_yi_ci():
    """``另外6月20号（周三）下午1点到5点新路村6组也要停一次，大家提前准备``: 也要停一次 (will be cut once
    too) closes the list; the request after it is no place (was ``新路村6组也要停一次`` and
    ``大家提前准备``, exit 0)."""
    text = ("村委小李：6月19号（周二）早上8点到下午4点新路村1-5组停电。\n"
            "村委小李：另外6月20号（周三）下午1点到5点新路村6组也要停一次，大家提前准备\n\n大碶街道新路村村民委员会\n")
    result = parse_outage_notice(text, dt.date(2029, 6, 10), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["areas"]) for w in result.fields["windows"]][-1] == (
        "2029-06-20", "13:00", ["新路村6组"])


def test_a_reason_between_the_places_and_the_cut():
    """``同日下午2时至4时，勤山村、峙头村因负荷转供短时停电。``: the reason is no part of the last
    place (was ``峙头村因负荷转供``, exit 0)."""
    text = "白峰街道办事处通知：3月26日下午2时至4时，勤山村、峙头村因负荷转供短时停电。\n"
    result = parse_outage_notice(text, dt.date(2030, 3, 20), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["勤山村", "峙头村"]]


def test_a_clause_after_a_semicolon_on_a_time_first_line_is_reported_not_dropped(tmp_path):
    """``8:30—15:30  观海卫镇鸣鹤村、杜湖村；卫山村部分用户``: the places after ``；`` were
    dropped from the window and nothing said so (set 41, exit 0). Now the clause is reported
    with its line (exit 1), and ``--allow-partial`` keeps it in the window's note. (Set 41
    printed ``；观海卫镇卫山村部分用户``: a town's list glued to its town, read since stop 46.)"""
    from notices.importer import partial_fields

    text = ("慈溪日报  2029年6月5日\n\n近期计划停电\n\n6月9日（周六）\n"
            "8:30—15:30  观海卫镇鸣鹤村、杜湖村；卫山村部分用户\n\n"
            "6月10日（周日）\n7:00—11:00、13:00—17:00  龙山镇方家河头村、山下村\n")
    path = tmp_path / "timefirst.txt"
    path.write_text(text, encoding="utf-8")
    code, _, err = _cli(str(path), "--dry-run", "--published", "2029-06-05",
                        "--source-name", "国网慈溪市供电公司")
    assert code == 1
    assert (f'{path}:6: "卫山村部分用户" follows a window\'s places after "；" and was not '
            "read into it; check the window's areas by hand, or use --allow-partial to keep it "
            "in a note") in err
    result = parse_outage_notice(text, dt.date(2029, 6, 5), DISTRICTS,
                                 source_name="国网慈溪市供电公司")
    fields, _ = partial_fields(result)
    assert fields["windows"][0]["areas"] == ["鸣鹤村", "杜湖村"]
    assert fields["windows"][0]["note"] == "原文未能识别（第6行）：卫山村部分用户"
    result = parse_outage_notice(text.replace("；卫山村", "；观海卫镇卫山村"), dt.date(2029, 6, 5),
                                 DISTRICTS, source_name="国网慈溪市供电公司")
    assert result.fields["windows"][0]["areas"] == ["鸣鹤村", "杜湖村", "卫山村部分用户"]


def test_a_clause_passed_over_between_the_time_and_the_places_is_reported(tmp_path):
    """``6月4日8:30-16:30，海曙区鼓楼街道公园路、中山西路；古林镇薛家村…一带计划停电``: the reader
    took the places of the clause saying 停电 and passed over the first (set 3, exit 0 with
    its window missing); the passed clause is reported, a reason before the places is not."""
    text = ("宁波晚报\n6月4日8:30-16:30，海曙区鼓楼街道公园路、中山西路(解放路至镇明路段)；"
            "古林镇薛家村、葑水港村一带计划停电。\n")
    path = tmp_path / "passed.txt"
    path.write_text(text, encoding="utf-8")
    code, _, err = _cli(str(path), "--dry-run", "--published", "2024-06-03",
                        "--source-name", "宁波供电公司")
    assert code == 1
    assert (f'{path}:2: "海曙区鼓楼街道公园路、中山西路(解放路至镇明路段)" comes between a '
            "window's time and the places read for it and was not read into it; check the "
            "window's areas by hand, or use --allow-partial to keep it in a note") in err
    reason = "宁波晚报\n6月4日8:30-16:30，因线路检修；古林镇薛家村、葑水港村一带计划停电。\n"
    result = parse_outage_notice(reason, dt.date(2024, 6, 3), DISTRICTS,
                                 source_name="宁波供电公司")
    assert not result.fragment_problems
    assert [w["areas"] for w in result.fields["windows"]] == [["薛家村", "葑水港村一带"]]


def test_a_space_table_s_area_cell_of_district_and_town_heads_the_range_s_places():
    """``日期 时间 区域 停电范围`` with ``江北区甬江街道`` in the 区域 cell: the town was read as the
    first area (set 54, exit 0)."""
    text = ("国网宁波供电公司 停电计划\n\n"
            "日期               时间               区域                停电范围\n"
            "3月24日            8:00—16:00         江北区甬江街道      湾头村、湾头路188号\n"
            "3月29日            8:30—11:30         镇海区贵驷街道      沙河村、九龙大道618号\n")
    result = parse_outage_notice(text, dt.date(2031, 3, 21), DISTRICTS)
    assert [(w["district"], w.get("town"), w["areas"]) for w in result.fields["windows"]] == [
        ("江北区", "甬江街道", ["湾头村", "湾头路188号"]),
        ("镇海区", "贵驷街道", ["沙河村", "九龙大道618号"])]


def test_records_apart_by_rules_keep_their_own_places():
    """A 95598 listing of records apart by ``-----`` rules, each with its 停电区域 above its
    停电时间: every record took the next record's places (set 54, exit 0); app cards apart by
    ``━━━`` rules with the places below the time took the next card's heading (set 40)."""
    text = ("停电信息查询\n区县：奉化区\n\n"
            "停电区域：溪口镇董家村、斑竹村\n"
            "停电时间：2031-03-19 07:30:00 至 2031-03-19 17:00:00\n"
            "--------------------------------------------------\n"
            "停电区域：方桥街道三江村、方桥村\n"
            "停电时间：2031-03-20 08:00:00 至 2031-03-20 15:00:00\n"
            "--------------------------------------------------\n")
    result = parse_outage_notice(text, dt.date(2031, 3, 17), DISTRICTS)
    assert [(w["date"].day, w.get("town"), w["areas"]) for w in result.fields["windows"]] == [
        (19, "溪口镇", ["董家村", "斑竹村"]), (20, "方桥街道", ["三江村", "方桥村"])]
    cards = ("网上国网 · 停电信息\n所属区域：宁波市 镇海区\n\n━━━━━━━━━━━━\n"
             "📌 计划停电 ｜ 镇海供电服务中心\n停电日期：2029-11-27、2029-11-28\n"
             "停电时段：08:00-16:00\n停电范围：贵驷街道沙河村、贵驷村\n━━━━━━━━━━━━\n"
             "📌 计划停电 ｜ 镇海供电服务中心\n停电日期：2029-11-29\n停电时段：08:00-12:00\n"
             "停电范围：庄市街道勤勇村、钟包村部分用户\n━━━━━━━━━━━━\n")
    result = parse_outage_notice(cards, dt.date(2029, 11, 24), DISTRICTS)
    assert [(w["date"].day, w.get("town"), w["areas"]) for w in result.fields["windows"]] == [
        (27, "贵驷街道", ["沙河村", "贵驷村"]), (28, "贵驷街道", ["沙河村", "贵驷村"]),
        (29, "庄市街道", ["勤勇村", "钟包村部分用户"])]


def test_a_supply_office_column_is_beside_the_window_not_its_place():
    """``停电时间 | 停电设备 | 停电范围 | 供电所``: the office (``马渚供电所``) was read as the
    area and the range lost (set 55, exit 0)."""
    text = ("余姚市计划停电信息\n国网余姚市供电公司  2031年9月20日\n\n"
            "停电时间\t停电设备\t停电范围\t供电所\n"
            "2031-09-23 08:00-16:00\t10kV马渚1234线沿山支线\t马渚镇沿山村、开元村\t马渚供电所\n"
            "2031-09-24 07:00-12:00\t10kV三七市线石步支线\t三七市镇石步村\t河姆渡供电所\n")
    result = parse_outage_notice(text, dt.date(2031, 9, 20), DISTRICTS)
    assert [(w.get("town"), w["areas"]) for w in result.fields["windows"]] == [
        ("马渚镇", ["沿山村", "开元村"]), ("三七市镇", ["石步村"])]


def test_app_cards_with_their_places_above_the_time():
    """An app's cards apart by rules, each a kind and status, a town and its places, then the
    time: every card took ``— 已经到底了 —`` below the last (set 55, exit 0); a listing copied
    one cell a line, its records apart by blank lines, took the next record's places (set 34);
    a card tagged ``【已送电】计划停电`` is an outage already over (set 24)."""
    rule = "━━━━━━━━━━━━━━━━\n"
    text = ("停电信息\n宁波市 海曙区 ▼          全部 ｜ 计划停电 ｜ 故障停电\n" + rule
            + "计划停电                    未开始\n石碶街道 栎社村、星光村\n"
            "2031-09-04 08:00 至 2031-09-04 15:30\n" + rule
            + "计划停电                    未开始\n西门街道 望京路(单号)、西门新村1—18幢\n"
            "2031-09-06 21:00 至 2031-09-07 02:00\n" + rule + "— 已经到底了 —\n首页    服务\n")
    result = parse_outage_notice(text, dt.date(2031, 9, 3), DISTRICTS)
    assert [(w["date"].day, w.get("town"), w["areas"]) for w in result.fields["windows"]] == [
        (4, "石碶街道", ["栎社村", "星光村"]), (6, "西门街道", ["望京路(单号)", "西门新村1—18幢"])]
    cells = ("95598  停电信息查询\n区县：镇海区\n\n供电单位\n停电类型\n停电区域\n停电时间\n状态\n\n"
             "国网宁波市镇海区供电公司\n计划停电\n澥浦镇岚山村、宁波澥浦化工有限公司\n"
             "2029-01-04 08:00 至 2029-01-04 16:00\n未停电\n\n"
             "国网宁波市镇海区供电公司\n临时停电\n庄市街道永旺村（永旺路以东）\n"
             "2029-01-03 13:00 至 2029-01-03 17:00\n未停电\n\n共2条\n")
    general = read_general(cells, dt.date(2029, 1, 2))  # (the layout reader's own reading)
    assert [(w["date"].day, w.get("town"), w["areas"]) for w in general.windows] == [
        (4, "澥浦镇", ["岚山村", "宁波澥浦化工有限公司"]), (3, "庄市街道", ["永旺村（永旺路以东）"])]
    over = ("网上国网\n镇海区 ▼\n\n【已送电】计划停电\n蛟川街道俞范村、蛟川街道化工区服务中心\n"
            "2028-03-01 08:00 至 2028-03-01 15:00\n实际送电 2028-03-01 14:36\n\n"
            "【即将停电】计划停电\n澥浦镇汇源村、十七房村\n2028-03-06 08:30 至 2028-03-06 16:30\n")
    result = parse_outage_notice(over, dt.date(2028, 3, 2), DISTRICTS)
    assert [(w["date"].day, w["areas"]) for w in result.fields["windows"]] == [
        (6, ["汇源村", "十七房村"])]


def test_a_property_notice_signed_with_its_district_and_town(tmp_path):
    """A property manager's notice: ``…停电，涉及1、3、5、7幢，地下车库，南门商铺。`` (a list
    apart by commas), office hours over seven days below it, and a signature
    ``宁波北仑新碶街道 …物业服务中心``. The office hours were read as seven windows and the cut
    as prose (set 55); its district and town now come from the signature, with a warning."""
    text = ("【温馨提示】\n\n尊敬的业主/住户：\n"
            "接供电部门通知，因小区配电房（2号箱变）设备年度检修，我小区将于2031年9月27日（星期六）"
            "7:30—12:00停电，涉及1、3、5、7幢，地下车库，南门商铺。请勿乘坐电梯。\n"
            "另：10月1日—7日国庆期间物业服务中心值班时间为9:00—17:00。\n\n"
            "宁波北仑新碶街道 金沙湾花园物业服务中心\n2031年9月24日\n")
    path = tmp_path / "property.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = _cli(str(path), "--dry-run", "--published", "2031-09-24",
                          "--source-name", "金沙湾花园物业服务中心")
    fields = yaml.safe_load(out.split("---")[1])
    assert [(w["date"], w["district"], w.get("town"), w["areas"]) for w in fields["windows"]] \
        == [(dt.date(2031, 9, 27), "北仑区", "新碶街道", ["1、3、5、7幢", "地下车库", "南门商铺"])]
    assert (f'{path}:4: warning: 1 window naming no district put in 北仑区, the district the '
            'notice\'s signature "宁波北仑新碶街道 金沙湾花园物业服务中心" names; check it') in err


def test_numbered_records_with_their_places_above_the_time_and_a_status_each():
    """``1. 慈城镇公善村、慈城镇五联村部分区域`` / ``计划停电时间：…`` / ``状态：已取消``, then ``2. …``:
    every record took the next record's places, and item 1's status called off all four
    (set 54, exit 0 with no window right). Each record's status is its own now."""
    text = ("【网上国网】停电公告  江北区\n查询日期：2031-03-12\n\n"
            "1. 慈城镇公善村、慈城镇五联村部分区域\n"
            "   计划停电时间：2031年03月14日 08:00 至 2031年03月14日 16:00\n   状态：已取消\n"
            "2. 庄桥街道李家村、北郊工业园区部分企业\n"
            "   计划停电时间：2031年03月15日 08:00 至 2031年03月15日 15:00\n   状态：待停电\n"
            "3. 慈城镇半浦村、孙家境村\n"
            "   计划停电时间：2031年03月17日 13:00 至 2031年03月17日 17:00\n   状态：待停电\n")
    result = parse_outage_notice(text, dt.date(2031, 3, 12), DISTRICTS)
    assert not result.fragment_problems
    assert [(w["date"].day, w["district"], w.get("town"), w["areas"])
            for w in result.fields["windows"]] == [
        (15, "江北区", "庄桥街道", ["李家村", "北郊工业园区部分企业"]),
        (17, "江北区", "慈城镇", ["半浦村", "孙家境村"])]
    assert [(w["date"].day, w.get("town"), w["areas"]) for w in result.fields["cancelled"]] == [
        (14, "慈城镇", ["公善村", "五联村部分区域"])]


def test_a_whole_day_item_with_a_colon_and_an_event_moved_without_a_cut():
    """``3．3月28日（星期五）全天：石门村排灌站`` read ``全天：石门村排灌站`` as the area, and
    ``原定3月26日在新建村开展的…植树活动改在3月29日…进行，不受停电影响`` called off the 26th's
    window (set 54)."""
    text = ("奉化区溪口镇人民政府\n关于3月下旬部分村停电的通知\n\n"
            "接国网宁波市奉化区供电公司通知，溪口镇以下区域将停电：\n"
            "1．3月26日（星期三）8:00至12:00：新建村、溪口镇文化站；\n"
            "2．3月28日（星期五）全天：石门村排灌站。\n"
            "原定3月26日在新建村开展的春季义务植树活动改在3月29日（星期六）进行，不受停电影响。\n")
    windows = read_general(text, dt.date(2031, 3, 20)).windows
    assert [(w["date"].day, w["start"], w["areas"]) for w in windows] == [
        (26, "08:00", ["新建村", "溪口镇文化站"]), (28, None, ["石门村排灌站"])]


def test_a_school_speaking_of_itself_for_each_slot_of_its_list():
    """``学校将于3月15日（周六）8:00—12:00、3月16日（周日）13:00—17:00停电`` under the school's
    name: both windows had no place (set 54, exit 1 with nothing read)."""
    text = ("慈溪市坎墩街道中心小学\n关于周末校园停电的告家长书\n\n各位家长：\n"
            "　　接供电部门通知，学校将于3月15日（周六）8:00—12:00、3月16日（周日）13:00—17:00停电。\n")
    result = parse_outage_notice(text, dt.date(2031, 3, 12), DISTRICTS)
    assert [(w["date"].day, w["district"], w["areas"]) for w in result.fields["windows"]] == [
        (15, "慈溪市", ["坎墩街道中心小学"]), (16, "慈溪市", ["坎墩街道中心小学"])]


def test_a_slot_s_places_before_a_semicolon_and_the_same_day_s_next_slot():
    """``上午7时30分至12时，横溪镇大岙村、金峨村一带；同日下午13时至17时，横溪镇梅岭村、道成岙村``:
    the first slot took the second's places (set 54, exit 0); a change's ``，同时增加…`` after
    a time is no place (set 49)."""
    text = ("国网宁波市鄞州区供电公司关于计划停电的公告\n\n"
            "二、3月19日（星期三）上午7时30分至12时，横溪镇大岙村、金峨村一带；"
            "同日下午13时至17时，横溪镇梅岭村、道成岙村。\n")
    windows = read_general(text, dt.date(2031, 3, 14)).windows
    assert [(w["start"], w["town"], w["areas"]) for w in windows] == [
        ("07:30", "横溪镇", ["大岙村", "金峨村一带"]), ("13:00", "横溪镇", ["梅岭村", "道成岙村"])]
    sms = ("【国网宁波供电】【更正】尊敬的客户：原定11月22日08:00至14:00岳林街道大成东路88弄东江花园的"
           "停电调整为11月23日08:00至12:00，同时增加11月23日13:00至15:00停电，停电范围不变。\n")
    windows = read_general(sms, dt.date(2030, 11, 20)).windows
    assert all("同时增加" not in w["areas"] for w in windows)


def test_a_second_slot_after_a_comma_list_and_a_markdown_line_break():
    """``四、9月12日（星期五）8:00至12:00，岔路镇湖头村、干坑村；13:00至17:30，岔路镇下畈村。``: no
    window was read for the day (set 55); a Markdown cell ``08:00-11:00<br>14:00-17:00`` lost
    its second slot (reported, exit 1)."""
    text = ("国网宁海县供电公司停电公告\n\n"
            "四、9月12日（星期五）8:00至12:00，岔路镇湖头村、干坑村；13:00至17:30，岔路镇下畈村。\n")
    windows = read_general(text, dt.date(2031, 9, 8)).windows
    assert [(w["start"], w["town"], w["areas"]) for w in windows] == [
        ("08:00", "岔路镇", ["湖头村", "干坑村"]), ("13:00", "岔路镇", ["下畈村"])]
    table = ("## 国网慈溪市供电公司计划停电公告\n\n"
             "| 序号 | 停电日期 | 停电时间 | 停电线路 | 停电范围 |\n|---|---|---|---|---|\n"
             "| 1 | 9月5日 | 08:00-11:00<br>14:00-17:00 | 10kV逍林线 | 逍林镇新园村、樟新南村 |\n")
    result = parse_outage_notice(table, dt.date(2031, 9, 1), DISTRICTS)
    assert not result.fragment_problems
    assert [(w["start"], w["end"], w["areas"]) for w in result.fields["windows"]] == [
        ("08:00", "11:00", ["新园村", "樟新南村"]), ("14:00", "17:00", ["新园村", "樟新南村"])]


def test_a_column_run_changed_inside_its_bracket():
    """``北仑 大碶街道九峰山景区、璎珞村、太河路沿线(原定8:00—16:00，变更为9:00—13:00)`` under 变更：
    the bracket was not understood (set 55, exit 1); it reads as the column's own
    ``原(8:00—16:00)变更为(9:00—13:00)``: the new slot a window, the original cancelled."""
    text = ("计划停电预告\n\n变更：\n\n9月12日 星期五\n\n"
            "北仑 大碶街道九峰山景区、璎珞村、太河路沿线(原定8:00—16:00，变更为9:00—13:00)\n")
    result = parse_outage_notice(text, dt.date(2031, 9, 8), DISTRICTS, source_name="东南商报")
    assert not result.fragment_problems
    slots = [(w["start"], w["end"], w["town"], w["areas"]) for w in result.fields["windows"]]
    assert slots == [("09:00", "13:00", "大碶街道", ["九峰山景区", "璎珞村", "太河路沿线"])]
    assert [(w["start"], w["end"]) for w in result.fields["cancelled"]] == [("08:00", "16:00")]


def test_a_slot_said_to_stand_after_its_places():
    """``✅9月18日（星期四）8:00-15:00定塘镇沙地村、定塘镇小湾塘村检修照常进行。`` among a post's
    changes: no window (set 55, exit 0 with it missing); the slot stands, its places before
    the words."""
    text = ("象山供电\n\n📍原定9月17日（星期三）7:00-12:00的泗洲头镇墩岙村停电取消，另行通知。\n\n"
            "✅9月18日（星期四）8:00-15:00定塘镇沙地村、定塘镇小湾塘村检修照常进行。\n")
    windows = read_general(text, dt.date(2031, 9, 14)).windows
    assert [(w["date"].day, w["town"], w["areas"]) for w in windows] == [
        (18, "定塘镇", ["沙地村", "小湾塘村"])]


def test_a_space_table_row_with_its_date_cell_left_empty():
    """``9月25日     08:00-16:00     霞浦街道   霞南村、新路村`` then ``            08:00-16:00
    戚家山街道    渡头董村``: the second row, its date cell empty, was kept in the body and its
    window missing with exit 0 (set 55); it is the date above's."""
    text = ("国网宁波供电公司  北仑区计划停电一览\n\n"
            "日期        时间                 镇/街道       停电范围\n"
            "9月25日     08:00-16:00          霞浦街道      霞南村、新路村\n"
            "            08:00-16:00          戚家山街道    渡头董村\n"
            "9月26日     06:00-10:00          梅山街道      梅东村\n")
    windows = read_general(text, dt.date(2031, 9, 19)).windows
    assert [(w["date"].day, w["town"], w["areas"]) for w in windows] == [
        (25, "霞浦街道", ["霞南村", "新路村"]), (25, "戚家山街道", ["渡头董村"]),
        (26, "梅山街道", ["梅东村"])]


def test_a_town_s_notice_gives_its_town_to_a_window_naming_no_place_of_its_own():
    """``首南街道办事处 > 通知公告`` over ``…对首南街道日丽社区…停电；9月7日…对天童南路以西…停电``:
    the second window had no district (set 55, exit 0 with a warning); the town the head
    names, which the first window is in, is its town, and gives the district."""
    text = ("首南街道办事处 > 通知公告\n\n关于辖区部分区域停电的通知\n\n"
            "接供电公司通知，定于2031年9月6日（星期六）上午9时至下午4时30分对首南街道日丽社区、学府一号小区"
            "停电；9月7日（星期日）晚上10点到次日凌晨4点对天童南路以西、日丽中路沿线商铺停电。\n")
    result = parse_outage_notice(text, dt.date(2031, 9, 3), DISTRICTS)
    assert [(w["date"].day, w.get("district"), w.get("town")) for w in result.fields["windows"]] \
        == [(6, "鄞州区", "首南街道"), (7, "鄞州区", "首南街道")]


def test_a_freeze_of_every_planned_cut_and_the_works_a_cut_goes_with():
    """``11月15日0时至16日24时，全市范围暂停一切计划停电工作`` was read as two whole-day windows
    (set 57), and ``…东钱湖镇韩岭村将配合线路迁改停电`` kept the works in the last place (sets 54,
    57, exit 0)."""
    text = ("国网宁波供电公司获悉，11月15日0时至16日24时，全市范围暂停一切计划停电工作。"
            "11月14日（星期五）上午9时至下午3时30分，鄞州区下应街道湾底村及东钱湖镇韩岭村将配合线路迁改"
            "停电。\n")
    windows = read_general(text, dt.date(2031, 11, 12)).windows
    assert [(w["date"].day, w["town"], w["areas"]) for w in windows] == [
        (14, "下应街道", ["湾底村"]), (14, "东钱湖镇", ["韩岭村"])]


def test_listings_with_an_expected_restoration_column_or_label():
    """A 95598 listing's ``预计送电时间`` and ``当前状态`` columns were no header words, and an
    app's ``预计送电：…`` no end label: no window of either was read (set 56, exit 1). The app's
    ``宁波市海曙区南门街道 柳汀街228号`` (a town alone after the district) and ``洞桥镇宣裴村、
    洞桥镇百梁桥村`` (the town printed again) give their town once."""
    table = ("95598智能互动服务网站 > 停电信息公告 > 浙江 > 宁波 > 北仑区\n\n"
             "供电单位\t停电类型\t停电开始时间\t预计送电时间\t停电范围\t当前状态\n"
             "北仑供电分中心\t计划停电\t2031-05-17 08:00\t2031-05-17 16:00\t"
             "春晓街道 昆亭村、三山村\t已发布\n")
    result = parse_outage_notice(table, dt.date(2031, 5, 14), DISTRICTS)
    assert [(w["date"].day, w["district"], w.get("town"), w["areas"])
            for w in result.fields["windows"]] == [(17, "北仑区", "春晓街道", ["昆亭村", "三山村"])]
    app = ("停电信息\n所在地区：浙江省 宁波市 海曙区\n\n计划停电\n停电时间：2031-05-13 07:00:00\n"
           "预计送电：2031-05-13 11:00:00\n停电区域：宁波市海曙区洞桥镇宣裴村、洞桥镇百梁桥村\n\n"
           "计划停电\n停电时间：2031-05-16 09:00:00\n预计送电：2031-05-16 17:00:00\n"
           "停电区域：宁波市海曙区南门街道 柳汀街228号、尹江岸小区12-15幢\n")
    result = parse_outage_notice(app, dt.date(2031, 5, 10), DISTRICTS)
    assert [(w["date"].day, w["district"], w.get("town"), w["areas"])
            for w in result.fields["windows"]] == [
        (13, "海曙区", "洞桥镇", ["宣裴村", "百梁桥村"]),
        (16, "海曙区", "南门街道", ["柳汀街228号", "尹江岸小区12-15幢"])]


def test_a_space_table_with_start_and_end_in_columns_of_their_own():
    """``序号  停电日期  开始  结束  停电范围`` over ``1  2031-11-26  08:00  16:00  岔路镇湖头村…``:
    no window was read (set 57, exit 1); the two times are the row's window, an end before
    its start the next day's."""
    text = ("95598停电信息（宁海县）\n\n序号  停电日期     开始   结束   停电范围\n"
            "1     2031-11-26   08:00  16:00  岔路镇湖头村、下畈村\n"
            "2     2031-11-28   22:00  05:00  跃龙街道 人民路(1-99号)、兴宁中路沿线\n")
    windows = read_general(text, dt.date(2031, 11, 25)).windows
    assert [(w["date"].day, w["start"], w["end"], w["town"], w["areas"]) for w in windows] == [
        (26, "08:00", "16:00", "岔路镇", ["湖头村", "下畈村"]),
        (28, "22:00", "次日05:00", "跃龙街道", ["人民路(1-99号)", "兴宁中路沿线"])]


def test_a_chat_forwarding_a_district_s_utility_by_its_short_name(tmp_path):
    """``接北仑供电通知：11月18日（周二）8:30-11:30，4、5、6号楼停电`` and ``补充：11月20日（周四）
    8:30-11:30 地下车库及充电桩检修停电``: the windows had no district (set 57, exit 0) and the
    second no place; ``…镇明路北段一带线路检修停电`` kept only its first place (set 14)."""
    text = ("海悦湾业主群(486)\n11月16日 19:42\n"
            "物业小陈: @所有人 接北仑供电通知：11月18日（周二）8:30-11:30，4、5、6号楼停电，请大家相互转告\n"
            "物业小陈: 补充：11月20日（周四）8:30-11:30 地下车库及充电桩检修停电，商铺不受影响\n")
    path = tmp_path / "chat.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = _cli(str(path), "--dry-run", "--published", "2031-11-16")
    fields = yaml.safe_load(out.split("---")[1])
    assert [(w["date"].day, w["district"], w["areas"]) for w in fields["windows"]] == [
        (18, "北仑区", ["4、5、6号楼"]), (20, "北仑区", ["地下车库", "充电桩"])]
    assert (f'{path}:3: warning: 2 windows naming no district put in 北仑区, the district its '
            'publisher "北仑供电" serves; check it') in err
    shop = ("亲爱的顾客：接到供电部门通知，4月27日（周二）上午9点至下午3点，鼓楼街道孝闻街、镇明路北段一带"
            "线路检修停电，本店当天暂停营业。\n")
    windows = read_general(shop, dt.date(2027, 4, 25)).windows
    assert [w["areas"] for w in windows] == [["孝闻街", "镇明路北段一带"]]


def test_more_places_of_the_same_cut_said_in_a_later_sentence():
    """``我院将于…停电…。同时停电的还有临山镇邵家丞村、湖堤村部分用户。``: the later sentence's
    places were lost from the window (sets 27, 57); they follow the places read. Where no place
    was read (the hospital not named), the sentence does not stand for them."""
    text = ("余姚市临山镇卫生院\n关于调整部分诊疗服务的公告\n\n"
            "我院将于2031年11月26日（星期三）0:00—6:00停电。停电期间医院启用备用发电机。\n"
            "同时停电的还有临山镇邵家丞村、湖堤村部分用户。\n")
    windows = read_general(text, dt.date(2031, 11, 24)).windows
    assert [w["areas"] for w in windows] == [["临山镇卫生院", "邵家丞村", "湖堤村部分用户"]]
    unnamed = ("停电公告\n\n我院将于2028年7月21日（星期五）凌晨5:00至7:30停电。\n"
               "同时停电的还有医院周边的溪口镇武岭西路沿线、剡溪小学。\n")
    windows = read_general(unnamed, dt.date(2028, 7, 18)).windows
    assert [w["areas"] for w in windows] == [[]]


def test_an_area_holding_words_no_place_name_holds_is_reported(tmp_path):
    """``…11月18日，就是礼拜四，上午7点半到下午4点半，葛家、上王停电``: the speaker's
    ``就是礼拜四`` was written as the window's one area with exit 0 (set 17; ``欢迎光临～`` in 20,
    ``再停一次`` in 40, ``…9幢还要`` in 18). Whichever reader read it, such an area is taken out
    and reported (exit 1), and kept in the note with --allow-partial. ``营业厅``, ``礼拜堂`` and
    ``后勤保障楼`` are places."""
    from notices.importer import partial_fields
    from notices.importer.cli import _NOT_PLACE_WORDS

    path = tmp_path / "broadcast.txt"
    path.write_text("宁海县前童镇鹿山村广播稿\n"
                    "各位村民注意了：11月18日，就是礼拜四，上午7点半到下午4点半，葛家、上王停电。\n",
                    encoding="utf-8")
    code, _, err = _cli(str(path), "--dry-run", "--published", "2030-11-16",
                        "--source-name", "宁波供电公司")
    assert code == 1
    assert f"{path}:2: " + _unclean_area("就是礼拜四") in err
    result = parse_outage_notice(path.read_text(encoding="utf-8"), dt.date(2030, 11, 16),
                                 DISTRICTS, source_name="宁波供电公司")
    fields, _ = partial_fields(result)
    assert fields["windows"][0]["note"] == "原文未能识别（第2行）：就是礼拜四"
    for place in ("城东营业厅", "鼓楼礼拜堂", "后勤保障楼", "中山路1～47号（单号）"):
        assert not _NOT_PLACE_WORDS.search(place), place
    for words in ("和义大道小区9幢还要", "欢迎光临～", "再停一次", "放学时间不变", "晚", "）", "短时"):
        assert _NOT_PLACE_WORDS.search(words), words


def test_a_column_s_subtitle_and_a_range_of_days_said_every_day():
    """``（春节前最后一批）`` under the column's heading and ``1月26日—28日 星期一至星期三（每天）``
    as a day heading: both were read as places with no time (set 60, the notice read by the
    layout reader instead: six windows, none right). The subtitle is kept in the body; the
    range is every day of it."""
    text = ("计划停电预告\n（春节前最后一批）\n\n1月26日—28日 星期一至星期三（每天）\n\n"
            "鄞州 五乡镇宝同村、联合村(8:00—16:00)\n\n1月26日 星期一\n\n"
            "海曙 龙观乡李岙村、雪岙村(8:30—15:30)\n")
    result = parse_outage_notice(text, dt.date(2032, 1, 22), DISTRICTS)
    assert [(w["date"].day, w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        (26, "08:00", "鄞州区", "五乡镇", ["宝同村", "联合村"]),
        (27, "08:00", "鄞州区", "五乡镇", ["宝同村", "联合村"]),
        (28, "08:00", "鄞州区", "五乡镇", ["宝同村", "联合村"]),
        (26, "08:30", "海曙区", "龙观乡", ["李岙村", "雪岙村"])]
    assert result.fragment_problems == []
    assert "（春节前最后一批）" in result.body_lines


def test_a_number_broken_from_its_unit_and_an_app_s_end_of_list():
    """``…万科城2`` / ``号箱变、…`` (a PDF's line break, set 61) was two areas; ``—— 没有更多了 ——``
    under an app's listing (set 61) was its last window's area."""
    column = ("7月17日 星期六\n镇海 庄市街道万科城1号箱变、万科城2\n号箱变、兴庄路沿线(22:00—次日4:00)\n")
    windows, _ = _read(column, dt.date(2032, 7, 14))
    assert windows == [("2032-07-17", "22:00", "次日04:00", "镇海区",
                        ["万科城1号箱变", "万科城2号箱变", "兴庄路沿线"])]
    app = ("网上国网 > 停电公告 > 宁波市鄞州区\n\n2032-07-28 星期三  计划停电\n"
           "  06:00-10:00  百丈街道华侨城1号箱变、华侨城2号箱变\n\n—— 没有更多了 ——\n")
    windows, _ = _read(app, dt.date(2032, 7, 25))
    assert windows == [("2032-07-28", "06:00", "10:00", "鄞州区", ["华侨城1号箱变", "华侨城2号箱变"])]


def test_the_speaker_s_own_estate_or_town_before_its_places():
    """``我小区21-30幢``, ``我们东门岛``, ``我街道南渡村`` (sets 60, 40): the places are what follows
    the speaker's word for its own estate, island or town; ``本村一组至六组`` keeps 本村 (set 13)."""
    chat = ("业主群\n物业: 接供电公司通知，1月21日（周三）8:30—16:30，我小区21-30幢停电，请相互转告\n")
    result = parse_outage_notice(chat, dt.date(2032, 1, 19), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["21-30幢"]]
    board = ("通知\n1月22日上午7:30到中午12:30，本村一组至六组停电。\n")
    result = parse_outage_notice(board, dt.date(2032, 1, 19), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["本村一组至六组"]]


def test_a_table_read_cleanly_under_a_change_said_in_prose(tmp_path):
    """A space table under ``原定1月8日…的计划停电工作延期至1月15日实施，停电时间不变`` whose last
    row's remark is ``由1月8日延期`` (set 60): the layout reader gave every row the last row's
    places and remark (stop 43 kept the column reader's table and reported the change). The
    table is now read by its columns, and the slot called off is the one the change names: its
    time is the 1月15日 row's (``停电时间不变``), its places that row's in 招宝山街道."""
    path = tmp_path / "table.txt"
    path.write_text(
        "国网宁波市镇海区供电公司\n\n"
        "因大风，原定1月8日招宝山街道的计划停电工作延期至1月15日实施，停电时间不变。\n\n"
        "日期          时间           区域      停电范围                      备注\n"
        "1月9日(五)    8:30-16:30     镇海区    骆驼街道团桥村、南洪村         正常实施\n"
        "1月15日(四)   8:00-16:00     镇海区    招宝山街道后大街一带           由1月8日延期\n",
        encoding="utf-8")
    code, out, err = _cli(str(path), "--dry-run", "--published", "2032-01-07")
    assert code == 0, err
    fields = yaml.safe_load(out.split("---")[1])
    assert [(w["date"].day, w["town"], w["areas"]) for w in fields["windows"]] == [
        (9, "骆驼街道", ["团桥村", "南洪村"]), (15, "招宝山街道", ["后大街一带"])]
    assert [(w["date"].day, w["start"], w["end"], w["town"], w["areas"])
            for w in fields["cancelled"]] == [(8, "08:00", "16:00", "招宝山街道", ["后大街一带"])]


def test_a_column_read_cleanly_under_a_change_it_cannot_read(tmp_path):
    """A column and, below it, ``另：原定3月5日慈城镇的停电延期，时间另行通知。``: the layout reader
    read only that change (a day with no time) and its reading stood, the column's two
    windows reported as times not read. The column stands; the change is reported (exit 1)."""
    path = tmp_path / "column.txt"
    path.write_text("计划停电预告\n\n3月10日 星期一\n\n海曙 万众村、郭夏村(8:30—15:30)\n"
                    "江北 慈城镇 五联村(8:00—16:00)\n\n另：原定3月5日慈城镇的停电延期，时间另行通知。\n",
                    encoding="utf-8")
    code, out, err = _cli(str(path), "--dry-run", "--published", "2025-03-03")
    assert code == 1
    assert (f'{path}:8: "另：原定3月5日慈城镇的停电延期，时间另行通知。" changes or calls off a slot '
            "and was not read into the windows or cancellations; check them by hand (the line "
            "is kept in the body)") in err
    fields = yaml.safe_load(out.split("---")[1])
    assert [(w["district"], w["areas"]) for w in fields["windows"]] == [
        ("海曙区", ["万众村", "郭夏村"]), ("江北区", ["五联村"])]


def test_a_table_of_changes_and_a_slot_said_to_stand():
    """``序号 | 原停电时间 | 调整后停电时间 | 停电范围`` (set 43): the rows were read as a column's
    runs (``取消``, ``另行安排`` areas, the original slots with no places). Each row's new slot
    is a window and its original one is called off; ``取消，另行安排`` calls it off; ``不变``
    leaves it standing; the lead ``原定于8月12日至8月14日…作如下调整：`` names no slot of its own.
    ``…冯家村、星光村的计划停电不变`` (set 64) was no window."""
    text = ("国网慈溪市供电公司关于调整部分计划停电的公告\n\n"
            "受台风影响，原定于8月12日至8月14日实施的计划停电作如下调整：\n\n"
            "序号\t原停电时间\t调整后停电时间\t停电范围\n"
            "1\t8月12日 8:00-16:00\t8月19日 8:00-16:00\t新浦镇：水湘村、六塘南村\n"
            "2\t8月13日 8:30-16:30\t取消，另行安排\t掌起镇：任佳溪村、陈家村\n"
            "3\t8月14日 8:00-16:00\t不变\t匡堰镇：高家村、倡隆村\n")
    windows, cancelled = _read(text, dt.date(2030, 8, 11))
    assert windows == [("2030-08-19", "08:00", "16:00", "慈溪市", ["水湘村", "六塘南村"]),
                       ("2030-08-14", "08:00", "16:00", "慈溪市", ["高家村", "倡隆村"])]
    assert cancelled == [("2030-08-12", "08:00", "16:00", "慈溪市", ["水湘村", "六塘南村"]),
                         ("2030-08-13", "08:30", "16:30", "慈溪市", ["任佳溪村", "陈家村"])]
    stands = read_general("4．原定8月11日（星期三）8:30-16:30海曙区石碶街道冯家村、星光村的计划停电不变。\n",
                          dt.date(2032, 8, 6))
    assert [(w["start"], w["areas"]) for w in stands.windows] == [("08:30", ["冯家村", "星光村"])]
    assert stands.cancelled == []


def test_a_sentence_naming_planned_cuts_is_kept_not_taken_for_a_heading():
    """``（5月1日至5日劳动节假期期间，全市暂停安排计划停电。）`` under a column (sets 13, 45, 48, 56)
    was read as a heading and dropped: in no window, the body or a message. It is kept in the
    body, and the column's windows are read as before."""
    text = ("计划停电预告\n5月6日 星期二\n海曙 横街镇凤岙村、林村(8:00—16:00)\n"
            "（5月1日至5日劳动节假期期间，全市暂停安排计划停电。）\n")
    result = parse_outage_notice(text, dt.date(2031, 5, 3), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["凤岙村", "林村"]]
    assert "（5月1日至5日劳动节假期期间，全市暂停安排计划停电。）" in result.body_lines
    assert result.fragment_problems == []


def test_a_markdown_row_with_an_empty_date_cell_keeps_its_columns():
    """``| 4 |  | 13:00-17:30 | 10kV鹿亭线 | 鹿亭乡中村村 |`` (set 60): the empty cell, the date of
    the row above, was dropped and the line's name read as the row's places."""
    text = ("| 序号 | 停电日期 | 停电时间 | 停电线路 | 停电范围 |\n| --- | --- | --- | --- | --- |\n"
            "| 1 | 2032年1月13日 | 07:30-12:00 | 10kV鹿亭线 | 余姚市鹿亭乡中村村、白鹿村 |\n"
            "| 2 |  | 13:00-17:30 | 10kV鹿亭线 | 余姚市鹿亭乡中村村 |\n")
    windows, _ = _read(text, dt.date(2032, 1, 10))
    assert windows == [("2032-01-13", "07:30", "12:00", "余姚市", ["中村村", "白鹿村"]),
                       ("2032-01-13", "13:00", "17:30", "余姚市", ["中村村"])]


def test_an_app_s_original_slot_label_and_a_cancelled_card_heading():
    """``原停电时间：…`` above ``变更后停电时间：…``, and a card headed ``【停电取消】`` with only its
    ``原停电时间`` (set 61): both original slots were written as outages to come."""
    text = ("网上国网 › 停电公告 › 宁波市江北区\n更新于 2032-07-12 16:40\n\n【停电变更】\n"
            "原停电时间：2032-07-13 08:00 至 2032-07-13 16:00\n"
            "变更后停电时间：2032-07-15 08:00 至 2032-07-15 12:00\n"
            "停电区域：江北区慈城镇公园村、慈湖人家小区\n\n【停电取消】\n"
            "原停电时间：2032-07-16 08:00 至 2032-07-16 15:00\n停电区域：江北区甬江街道畈里塘村\n")
    windows, cancelled = _read(text, dt.date(2032, 7, 12))
    assert windows == [("2032-07-15", "08:00", "12:00", "江北区", ["公园村", "慈湖人家小区"])]
    assert cancelled == [("2032-07-13", "08:00", "16:00", "江北区", ["公园村", "慈湖人家小区"]),
                         ("2032-07-16", "08:00", "15:00", "江北区", ["畈里塘村"])]


def test_a_column_s_runs_called_off_by_a_sentence_above_the_days():
    """``【特别提示】受…台风影响，原定7月29日象山县境内以下计划停电全部取消，恢复时间另行通知：`` and
    the day's runs under it, before the column's first day (set 61): the runs were problems
    with no date and the slots not called off. They are cancelled on that day; the next day
    heading goes back to windows."""
    text = ("计划停电预告\n\n【特别提示】受今年第8号台风影响，原定7月29日象山县境内以下计划停电全部取消，"
            "恢复时间另行通知：\n象山 茅洋乡白岩下村、花岙村部分用户(5:30—10:30)\n\n"
            "7月30日 星期五\n镇海 骆驼街道团桥村(8:30—16:30)\n")
    windows, cancelled = _read(text, dt.date(2032, 7, 28))
    assert windows == [("2032-07-30", "08:30", "16:30", "镇海区", ["团桥村"])]
    assert cancelled == [("2032-07-29", "05:30", "10:30", "象山县", ["白岩下村", "花岙村部分用户"])]


def test_a_slot_said_to_stand_with_places_added():
    """``二、原定7月15日（星期四）8:00—14:00霞浦街道下三山村、霞浦4号公变的停电时间不变，停电范围增加
    霞浦5号公变。`` (set 61): the slot was given the next item's places (``的停电时间不变`` ended no
    list), and the added place was lost."""
    text = ("我公司对7月份部分计划停电作如下调整：\n\n"
            "一、原定7月15日（星期四）8:00—14:00霞浦街道下三山村、霞浦4号公变的停电时间不变，"
            "停电范围增加霞浦5号公变。\n"
            "二、原定7月16日（星期五）7:30—12:00戚家山街道蔚斗村的停电取消。\n")
    windows = read_general(text, dt.date(2032, 7, 9)).windows
    assert [(w["date"].day, w["town"], w["areas"]) for w in windows] == [
        (15, "霞浦街道", ["下三山村", "霞浦4号公变", "霞浦5号公变"])]


def test_a_post_s_day_with_a_whole_day_slot_and_a_timed_one():
    """``🔸 7月8日`` / ``⏰ 全天`` / ``📍 鄞州区瞻岐镇：…`` / ``⏰ 22:00-次日03:00`` / ``📍 鄞州区东柳街道：…``
    (set 61): the timed slot under a day whose first slot is the whole day was not read."""
    text = ("🔸 7月8日（星期四）\n⏰ 全天\n📍 鄞州区瞻岐镇：合一村、东一村\n⏰ 22:00-次日03:00\n"
            "📍 鄞州区东柳街道：东海花园1号箱变、东海花园2号箱变\n")
    windows = read_general(text, dt.date(2032, 7, 5)).windows
    assert [(w["start"], w["end"], w["town"], w["areas"]) for w in windows] == [
        (None, None, "瞻岐镇", ["合一村", "东一村"]),
        ("22:00", "次日03:00", "东柳街道", ["东海花园1号箱变", "东海花园2号箱变"])]


def test_a_listing_s_status_cell_is_no_place():
    """A 95598 listing aligned by spaces with a ``状态`` column (set 65): ``已发布`` was read as its
    row's last area, and a row ``已结束`` as an outage to come. A status still to come is no
    place; a row already over is kept in the body with a warning."""
    text = ("供电单位                    停电类型    停电时间                                停电范围"
            "                                状态\n"
            "国网宁波市江北区供电公司    计划停电    2032-02-21 08:00 ~ 2032-02-21 16:00    "
            "前江街道：徐家堰村、前江6号箱变          已发布\n"
            "国网宁波市江北区供电公司    临时停电    2032-02-18 14:00 ~ 2032-02-18 15:30    "
            "白沙街道：正大路部分用户                  已结束\n")
    result = parse_outage_notice(text, dt.date(2032, 2, 18), DISTRICTS)
    assert [(w["date"].day, w["areas"]) for w in result.fields["windows"]] == [
        (21, ["徐家堰村", "前江6号箱变"])]
    assert any("is about an outage already over" in w.message and w.line == 3
               for w in result.warnings)


def test_a_tab_table_with_a_town_column_and_a_moved_status():
    """``停电日期 ⇥ 星期 ⇥ 停电时段 ⇥ 所属街镇 ⇥ 停电区域 ⇥ 停电设备 ⇥ 状态`` (set 64): ``所属街镇`` was no
    header cell, so the header was read as places and ``停电区`` as a district; a row's status
    ``延期至8月28日（星期六）`` moves its slot to that day at its time."""
    text = ("停电日期\t星期\t停电时段\t所属街镇\t停电区域\t停电设备\t状态\n"
            "2032-08-23\t星期一\t08:00-16:00\t萧王庙街道\t滕头村、青云村\t10kV萧王庙线\t正常\n"
            "2032-08-26\t星期四\t08:00-17:00\t裘村镇\t黄贤村、马头村\t10kV裘村线\t延期至8月28日（星期六）\n")
    result = parse_outage_notice("国网宁波市奉化区供电公司\n\n" + text, dt.date(2032, 8, 20),
                                 DISTRICTS)
    assert [(w["date"].day, w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        (23, "08:00", "奉化区", "萧王庙街道", ["滕头村", "青云村"]),
        (28, "08:00", "奉化区", "裘村镇", ["黄贤村", "马头村"])]
    assert [(w["date"].day, w["areas"]) for w in result.fields["cancelled"]] == [
        (26, ["黄贤村", "马头村"])]


def test_numbered_items_with_a_line_before_the_town_and_a_range_from_day_to_day():
    """``二、2月8日（星期日）8:00—16:30，10kV丈亭线丈亭镇：汇头村、渔溪村；三七市镇：石步村。`` and
    ``四、节后2月19日（星期四）起至2月21日（星期六），每天8:30—16:00，…`` (set 65): the line's name
    before the town hid the places (each item took the one before's), the second town's list
    after ``；`` was reported, and ``起至`` gave the last day only."""
    text = ("国网余姚市供电公司计划停电公告\n\n"
            "一、2月7日（星期六）7:00—15:00，10kV马渚线马渚镇：斗门村、沿山村。\n"
            "二、2月8日（星期日）8:00—16:30，10kV丈亭线丈亭镇：汇头村、渔溪村；三七市镇：石步村。\n"
            "三、节后2月19日（星期四）起至2月20日（星期五），每天8:30—16:00，10kV大岚线大岚镇："
            "柿林村。\n")
    windows = read_general(text, dt.date(2032, 2, 3)).windows
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in windows] == [
        (7, "07:00", "马渚镇", ["斗门村", "沿山村"]),
        (8, "08:00", "丈亭镇", ["汇头村", "渔溪村"]), (8, "08:00", "三七市镇", ["石步村"]),
        (19, "08:30", "大岚镇", ["柿林村"]), (20, "08:30", "大岚镇", ["柿林村"])]


def test_a_column_run_s_bracket_with_the_days_of_an_overnight():
    """``锦屏街道·南山路、中山路东段(20日22:00—21日6:00)`` under ``10月20日`` (set 63): the bracket was
    a time not understood, and the column was read by the layout reader instead."""
    from notices.importer.text import fold, parse_windows

    text = ("计划停电\n\n10月20日 星期三\n\n"
            "奉化 锦屏街道·南山路、中山路东段(20日22:00—21日6:00)江口街道·南渡村(8:00—15:30)\n")
    windows, _ = _read(text, dt.date(2032, 10, 18))
    assert windows == [("2032-10-20", "22:00", "次日06:00", "奉化区", ["南山路", "中山路东段"]),
                       ("2032-10-20", "08:00", "15:30", "奉化区", ["南渡村"])]
    assert parse_windows(fold("20日8:00—20日12:00"))[0].end == 12 * 60
    assert parse_windows(fold("20日22:00—23日6:00")) is None  # (not the next day: not read)


def test_places_before_how_many_cuts_they_will_have():
    """``…前童镇前童村、鹿山村、前童古镇景区将有两次短时停电`` (set 63): ``前童古镇景区将有两次`` was an
    area, with exit 0."""
    text = ("一、10月19日（星期二）上午8时至9时、下午4时至5时，前童镇前童村、鹿山村、前童古镇景区"
            "将有两次短时停电（负荷转供）。\n")
    windows = read_general(text, dt.date(2032, 10, 15)).windows
    assert [(w["start"], w["areas"]) for w in windows] == [
        ("08:00", ["前童村", "鹿山村", "前童古镇景区"]), ("16:00", ["前童村", "鹿山村", "前童古镇景区"])]


def test_a_space_table_s_wrapped_cell_and_a_past_row_among_planned_ones():
    """A 95598 export aligned with spaces (set 66): a row ``故障停电（已送电）`` made the whole table
    one paragraph about an outage already over (no window, exit 0), and a cell wrapped onto the
    next line (``…澥浦镇`` over ``澥浦村``, aligned as shown: a Chinese character is two columns)
    was left in the body."""
    text = ("国网宁波市镇海区供电公司 停电信息一览\n\n"
            "序号  停电日期     开始   结束   镇/街道      停电范围                          类型\n"
            "1     2033-03-21   08:00  16:00  骆驼街道     团桥村、骆驼街道敬老院            计划停电\n"
            "2     2033-03-23   07:30  15:30  澥浦镇       岚山村、汇源村、澥浦镇              计划停电\n"
            "                                              澥浦村\n"
            "3     2033-03-18   14:20  17:05  蛟川街道     俞范社区部分用户                  故障停电（已送电）\n")
    result = parse_outage_notice(text, dt.date(2033, 3, 18), DISTRICTS)
    assert _rows(result.fields["windows"]) == [
        ("2033-03-21", "08:00", "16:00", "镇海区", ["团桥村", "骆驼街道敬老院"]),
        ("2033-03-23", "07:30", "15:30", "镇海区", ["岚山村", "汇源村", "澥浦村"])]
    assert [w["town"] for w in result.fields["windows"]] == ["骆驼街道", "澥浦镇"]
    assert "澥浦村" not in "\n".join(result.body_lines)
    assert any("蛟川街道" in line for line in result.body_lines)
    assert unaccounted_lines(text, result) == []


def test_a_town_government_s_site_gives_the_town_of_its_items():
    """``横溪镇人民政府门户网站`` over numbered items that print no town (set 66): the windows
    named no district (exit 1); the site names the town, as a title does."""
    text = ("横溪镇人民政府门户网站\n首页 | 政务公开 | 通知公告\n\n关于春耕期间部分村计划停电的通知\n\n"
            "一、3月19日（星期六）7:00—15:00，停电范围：金峨村、道成岙村。\n"
            "二、3月21日（星期一）中午12:00—13:30，停电范围：横溪老街一带。\n\n横溪镇人民政府\n")
    result = parse_outage_notice(text, dt.date(2033, 3, 15), DISTRICTS)
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("鄞州区", "横溪镇", ["金峨村", "道成岙村"]), ("鄞州区", "横溪镇", ["横溪老街一带"])]
    assert [m.message for m in result.warnings if "title" in m.message] == [
        '2 windows naming no district put in 横溪镇, 鄞州区, the town the notice\'s title '
        '"横溪镇人民政府门户网站" names; check it']
    assert result.problems == []


def test_a_bar_table_with_start_and_end_in_one_column_and_a_town_column():
    """``开始时间 -- 结束时间 | 区县 | 街道/乡镇 | 停电范围 | 类型`` (set 67, bars only between
    cells): the rows were read as column runs, ``|`` and the district and town among the areas;
    a record's first line with bars (``1. 国网慈溪市供电公司 | 计划停电 | …``, set 37) is no such
    table."""
    text = ("95598停电信息查询结果（导出）\n\n开始时间 -- 结束时间 | 区县 | 街道/乡镇 | 停电范围 | 类型\n"
            "2032-11-23 23:00:00 -- 2032-11-24 05:00:00 | 鄞州区 | 钟公庙街道 | 鄞州万达广场1号箱变 | 计划停电\n"
            "2032-11-25 08:00:00 -- 2032-11-25 16:00:00 | 鄞州区 | 五乡镇 | 宝同村、五乡镇明堂岙村 | 计划停电\n")
    result = parse_outage_notice(text, dt.date(2032, 11, 20), DISTRICTS)
    assert _rows(result.fields["windows"]) == [
        ("2032-11-23", "23:00", "次日05:00", "鄞州区", ["鄞州万达广场1号箱变"]),
        ("2032-11-25", "08:00", "16:00", "鄞州区", ["宝同村", "明堂岙村"])]
    assert [w["town"] for w in result.fields["windows"]] == ["钟公庙街道", "五乡镇"]
    records = ("1. 国网慈溪市供电公司 | 计划停电 | 2029-07-28 08:00 至 2029-07-28 16:00\n"
               "   停电范围：桥头镇 五姓点村、桥头镇吴山村\n\n"
               "2. 国网慈溪市供电公司 | 计划停电 | 2029-07-30 08:00 至 2029-07-30 17:00\n"
               "   停电范围：匡堰镇 倡隆村\n")
    assert [w["areas"] for w in parse_outage_notice(records, dt.date(2029, 7, 25),
                                                    DISTRICTS).fields["windows"]] == [
        ["五姓点村", "吴山村"], ["倡隆村"]]


def test_a_village_board_s_groups_two_days_one_range_and_a_date_in_numerals():
    """A village board (set 67): ``白杜村一、二、三组`` was three areas (``二`` reported), the first
    of two slots said in one sentence before ``停电范围：`` had no places, and the signature
    ``二〇三二年十一月十六日`` was no date (the year taken from today). ``…三组和…文化礼堂``
    (set 21): the last group, then another place; a rain date in the window's sentence is no
    window."""
    from notices.importer.cli import guess_published

    text = ("奉化区西坞街道白杜村  村务公开栏\n\n各位村民：\n"
            "    接供电所通知，定于十一月二十日（星期六）早上七点至下午五点停电，二十一日（星期日）"
            "早上七点至中午十二点停电。停电范围：白杜村一、二、三组，村老年活动室。\n\n"
            "                                        白杜村村民委员会\n"
            "                                        二〇三二年十一月十六日\n")
    assert guess_published(text, dt.date(2026, 12, 7)) == (dt.date(2032, 11, 16), 7)
    windows, _ = _read(text, dt.date(2032, 11, 16))
    assert windows == [
        ("2032-11-20", "07:00", "17:00", "奉化区", ["白杜村一、二、三组", "村老年活动室"]),
        ("2032-11-21", "07:00", "12:00", "奉化区", ["白杜村一、二、三组", "村老年活动室"])]
    windows, _ = _read("定于2027年11月25日（星期四）上午7:30至下午5:00，走马塘村一、二、三组和走马塘村文化礼堂"
                       "停电，如遇雨天顺延至11月26日。\n", dt.date(2027, 11, 20))
    assert windows == [("2027-11-25", "07:30", "17:00", None,
                        ["走马塘村一、二、三组", "走马塘村文化礼堂"])]
    assert split_areas("塘头村1、2组、南岙村") == ["塘头村1、2组", "南岙村"]


def test_a_hospital_s_notice_with_a_change_of_its_own_services():
    """A hospital's notice (set 67): the column reader read its prose as runs (``接国网宁海县`` a
    district, ``工作日`` and ``因10kV长街线检修`` cancelled slots) and its reading stood because
    it counted those cancelled slots; the layout reader's one window was right."""
    text = ("宁海县长街镇卫生院\n关于11月28日停电期间调整诊疗服务的通知\n\n各位患者及家属：\n\n"
            "    接国网宁海县供电公司通知，11月28日（星期日）6:00—14:00因10kV长街线检修，长街镇老街一带、"
            "东大街沿线、长街镇卫生院停电。停电期间门诊暂停。\n\n"
            "    原定11月28日上午的儿童预防接种顺延至11月29日（星期一）8:00—11:30进行。\n\n"
            "    本院门诊时间：工作日8:00—11:30，13:30—17:00。\n\n"
            "                                    宁海县长街镇卫生院\n")
    result = parse_outage_notice(text, dt.date(2032, 11, 24), DISTRICTS)
    assert _rows(result.fields["windows"]) == [
        ("2032-11-28", "06:00", "14:00", "宁海县", ["老街一带", "东大街沿线", "长街镇卫生院"])]
    assert "cancelled" not in result.fields
    assert result.fields["source"]["name"] == "国网宁海县供电公司"


def test_a_chat_s_days_in_hao_and_a_correction_under_a_speaker_s_name():
    """A village chat (set 67): ``本周四（25号）上午8点到下午4点…，周五（26号）上午8点到11点半…``
    read no window (a day in 号 was read only before a weekday's bracket); a correction under
    ``长河供电所-刘工：`` (set 48) took the speaker's name as its places. ``中山路25号8:00`` is no
    day."""
    text = ("小百丈村村民群(486)\n\n村委会-小陈：\n[转发] 接国网象山县供电公司鹤浦供电所通知：本周四（25号）"
            "上午8点到下午4点，鹤浦镇小百丈村、鹤浦码头冷库停电，周五（26号）上午8点到11点半，"
            "南田村部分用户停电。\n阿明：收到\n")
    windows = read_general(text, dt.date(2032, 11, 22)).windows
    assert [(str(w["date"]), w["start"], w["end"], w["areas"]) for w in windows] == [
        ("2032-11-25", "08:00", "16:00", ["小百丈村", "鹤浦码头冷库"]),
        ("2032-11-26", "08:00", "11:30", ["南田村部分用户"])]
    assert read_general("中山路25号8:00-12:00停电\n", dt.date(2032, 11, 22)).windows == []
    chat = ("2030年6月11日 14:26\n长河供电所-刘工：\n@所有人 各位老板：接调度通知，明天（12号）早上8:00到下午16:00，"
            "垫桥村工业区、沧田村计划停电。\n\n2030年6月11日 16:52\n长河供电所-刘工：\n"
            "@所有人 更正：明天停电时间改为8:30-14:00，范围不变。\n")
    general = read_general(chat, dt.date(2030, 6, 11))
    assert [(w["start"], w["areas"]) for w in general.windows] == [
        ("08:30", ["垫桥村工业区", "沧田村"])]
    assert [(w["start"], w["areas"]) for w in general.cancelled] == [
        ("08:00", ["垫桥村工业区", "沧田村"])]


def test_a_shop_s_whole_day_with_its_places_before_or_after_the_day():
    """Shop signs (sets 58, 65, 66, 67): ``本店所在公园路一带11月30日（周二）全天停电``, ``…一带于6月14日
    （星期六）全天停电`` and ``2月29日（星期日）全天老街片区停电`` read no window (the places before a
    whole day were never looked for; 2月29日 gave no date at all, as the year before a leap year
    has none); ``本店地址：海曙区公园路62号`` names the district without a town."""
    def read(text, published):
        return [(str(w["date"]), w["start"], w["areas"])
                for w in read_general(text, published).windows]

    assert read("因供电局线路检修，本店所在公园路一带11月30日（周二）全天停电，当天暂停营业。\n",
                dt.date(2032, 11, 28)) == [("2032-11-30", None, ["公园路一带"])]
    assert read("因供电部门线路改造，本店所在的新桥镇新桥菜场一带于6月14日（星期六）全天停电。\n",
                dt.date(2031, 6, 11)) == [("2031-06-14", None, ["新桥菜场一带"])]
    assert read("接供电所通知，2月29日（星期日）全天老街片区停电，本店暂停营业一天。\n",
                dt.date(2032, 2, 27)) == [("2032-02-29", None, ["老街片区"])]
    assert read("1月27日（星期三）全天停电，停电范围：甲村、乙村。\n", dt.date(2033, 1, 20)) == [
        ("2033-01-27", None, ["甲村", "乙村"])]
    text = ("【停业通知】\n\n亲爱的顾客朋友们：\n\n因供电局线路检修，本店所在公园路一带11月30日（周二）全天停电，"
            "当天暂停营业。\n\n营业时间：10:00—22:00\n本店地址：海曙区公园路62号（鼓楼步行街北口）\n")
    result = parse_outage_notice(text, dt.date(2032, 11, 28), DISTRICTS)
    assert _rows(result.fields["windows"]) == [("2032-11-30", None, None, "海曙区", ["公园路一带"])]


def test_a_space_table_read_by_its_columns():
    """A State Grid week plan aligned with spaces (set 56): ``05-07(三)`` was no date (a day of
    a table by its weekday), so no row was read; the equipment column's ``墙头2号公变`` went into
    the places and ``鹤浦镇`` over ``水产冷冻厂`` was two lines. Now each row's chunks go to the
    column they start under (the rule of dashes gives the columns), a lone chunk under a later
    column goes on the cell above, a row under a merged day (set 42) keeps the day above, a
    row of an outage already over (``故障停电 … 已送电``, set 63) is kept in the body, and a
    date followed by ``发布`` is when it was published (set 55)."""
    text = ("国网象山县供电公司 2031年5月第2周停电计划表\n2031年5月6日发布\n\n"
            "日期        时间           停电设备                     停电范围\n"
            "--------    -------------  ---------------------------  ----------------------------------------\n"
            "05-07(三)   08:00-16:00    10kV墙头线 墙头2号公变       墙头镇 溪口村、方家岙村、墙头2号公变\n"
            "05-08(四)   07:30-11:30    10kV西周G241线               西周镇 上张村\n"
            "            12:30-16:30    10kV西周G241线               西周镇 下沈村\n"
            "05-10(六)   21:00-次日03:00  35kV鹤浦变 1号主变          鹤浦镇 小百丈村、南田岛渔业码头、鹤浦镇\n"
            "                                                         水产冷冻厂\n"
            "05-11(日)   08:00-15:00    10kV高塘线                   故障停电（已送电） 高塘岛乡 花岙村\n\n"
            "备注：鹤浦镇区由10kV渔港线临时转供。\n")
    general = read_general(text, dt.date(2031, 5, 6))
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"])
            for w in general.windows] == [
        ("2031-05-07", "08:00", "16:00", "墙头镇", ["溪口村", "方家岙村", "墙头2号公变"]),
        ("2031-05-08", "07:30", "11:30", "西周镇", ["上张村"]),
        ("2031-05-08", "12:30", "16:30", "西周镇", ["下沈村"]),
        ("2031-05-10", "21:00", "次日03:00", "鹤浦镇", ["小百丈村", "南田岛渔业码头", "水产冷冻厂"])]
    assert general.windows[0]["note"] == "停电设备：10kV墙头线 墙头2号公变"
    assert any("花岙村" in line for line in general.body_lines)
    result = parse_outage_notice(text, dt.date(2031, 5, 6), DISTRICTS)
    assert unaccounted_lines(text, result) == []


def test_a_tab_listing_with_a_restoration_column_and_empty_remarks():
    """``序号 | 停电时间 | 恢复时间 | 停电设备 | 停电范围 | 备注`` (set 51): ``恢复时间`` was no header
    word (the header split in two), and rows whose 备注 was left empty had a cell fewer than
    the header: nothing read. The equipment and a remark are kept in the window's note."""
    text = ("国网宁海县供电公司计划停电公告\n"
            "序号\t停电时间\t恢复时间\t停电设备\t停电范围\t备注\n"
            "1\t2030-09-29 07:00\t2030-09-29 11:30\t10kV黄坛1526线\t黄坛镇黄坛村上街、下街\t\n"
            "2\t2030-09-30 08:00\t2030-09-30 17:00\t10kV桑洲1713线\t桑洲镇南岙村、麻岙村\t如遇雨天顺延至10月8日\n")
    windows, _ = _placed(text, dt.date(2030, 9, 27))
    assert windows == [
        ("2030-09-29", "07:00", "11:30", "宁海县", "黄坛镇", ["黄坛村上街", "下街"],
         "停电设备：10kV黄坛1526线"),
        ("2030-09-30", "08:00", "17:00", "宁海县", "桑洲镇", ["南岙村", "麻岙村"],
         "停电设备：10kV桑洲1713线；备注：如遇雨天顺延至10月8日")]


def test_a_csv_export_and_a_listing_with_the_day_in_its_own_column():
    """A CSV export pasted as text (set 52): ``2030/7/17,5:00,10:00,"中马街道：…、中马路2号箱变",…``
    read nothing (the quoted field keeps its commas: the csv module reads it). A tab listing
    with ``停电日期 | 开始时间 | 结束时间`` (set 32): ``22:00`` to ``4:00`` ends the next day, and
    ``东溪村、高湾村、黄避岙乡高泥村`` names another town's place; a status ``延期`` with no day
    to move to calls the slot off (set 61)."""
    text = ("国网宁波供电公司 95598停电信息（江北区）  导出时间 2030/7/15 08:02\n"
            "停电日期,开始时间,结束时间,停电区域,停电原因\n"
            '2030/7/17,5:00,10:00,"中马街道：大庆南路沿线、中马路2号箱变",配网改造\n'
            '2030/7/18,8:30,16:30,"甬江街道：畈里塘村、谢家村部分用户",线路检修\n')
    windows = read_general(text, dt.date(2030, 7, 15)).windows
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"], w.get("note"))
            for w in windows] == [
        ("2030-07-17", "05:00", "10:00", "中马街道", ["大庆南路沿线", "中马路2号箱变"], "停电原因：配网改造"),
        ("2030-07-18", "08:30", "16:30", "甬江街道", ["畈里塘村", "谢家村部分用户"], "停电原因：线路检修")]
    text = ("序号\t停电日期\t开始时间\t结束时间\t停电区域\t状态\n"
            "1\t2028/10/20\t22:00\t4:00\t石浦镇中国渔村景区、沙塘湾村\t正常\n"
            "2\t2028/10/24\t8:00\t16:00\t新桥镇东溪村、高湾村、黄避岙乡高泥村\t正常\n"
            "3\t2028/10/25\t8:00\t16:00\t大碶街道横杨村\t延期\n")
    general = read_general(text, dt.date(2028, 10, 18))
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"])
            for w in general.windows] == [
        ("2028-10-20", "22:00", "次日04:00", "石浦镇", ["中国渔村景区", "沙塘湾村"]),
        ("2028-10-24", "08:00", "16:00", "新桥镇", ["东溪村", "高湾村"]),
        ("2028-10-24", "08:00", "16:00", "黄避岙乡", ["高泥村"])]
    assert [(str(w["date"]), w["areas"]) for w in general.cancelled] == [("2028-10-25", ["横杨村"])]


def test_a_chat_s_day_in_hao_after_another_and_a_cut_said_as_ye_ting():
    """``另外24号下午1点到5点村部和文化礼堂也停，装新电表。`` (set 66): a day in 号 after 另外 was taken
    for a name's number (``中山路25号``), and ``也停`` was no cut."""
    windows = read_general("另外24号下午1点到5点村部和文化礼堂也停，装新电表。\n", dt.date(2033, 3, 21)).windows
    assert [(str(w["date"]), w["start"], w["end"], w["areas"]) for w in windows] == [
        ("2033-03-24", "13:00", "17:00", ["村部和文化礼堂"])]


def test_a_listing_s_query_range_is_no_outage():
    """``查询条件：… 停电日期 2033-04-14 至 2033-04-30`` above a listing's records (set 69, held out,
    fixed after its one scoring run): the query's range under its 停电日期 label was read as
    seventeen whole days of outage, written with exit 0."""
    text = ("95598智能互动网站 > 停电信息 > 停电公告\n"
            "查询条件：省份 浙江  地市 宁波  停电日期 2033-04-14 至 2033-04-30\n\n"
            "停电时间：2033-04-18 08:00:00\n预计送电时间：2033-04-18 17:00:00\n"
            "停电范围：澥浦镇岚山村，澥浦镇田杨陈村\n")
    windows = read_general(text, dt.date(2033, 4, 13)).windows
    assert [(str(w["date"]), w["start"], w["end"]) for w in windows] == [
        ("2033-04-18", "08:00", "17:00")]


def test_the_works_in_a_bracket_after_a_place_are_no_part_of_it():
    """``北溪村(抗冰改造，导线更换)`` (set 68) and ``地下车库充电桩区域(调试新装充电桩回路)`` (set 66):
    the works done there were kept in the area; they go to the body. A bracket naming a part
    of the place (``(双号)``, ``(邱隘段)``) stays."""
    assert split_areas("唐田村、北溪村(抗冰改造，导线更换)") == ["唐田村", "北溪村"]
    assert split_areas("新城大道北路(双号)、盛莫路沿线(邱隘段)") == ["新城大道北路(双号)", "盛莫路沿线(邱隘段)"]
    text = "停电时间：2033年1月8日 全天\n停电范围：余姚市大岚镇唐田村、北溪村（抗冰改造，导线更换）\n"
    result = parse_outage_notice(text, dt.date(2033, 1, 5), DISTRICTS)
    assert _rows(result.fields["windows"]) == [("2033-01-08", None, None, "余姚市", ["唐田村", "北溪村"])]
    kept = [result.fields["windows"][0].get("note") or "", *result.body_lines]
    assert any("抗冰改造，导线更换" in line for line in kept)
    general = read_general("1月8日全天，北溪村（抗冰改造，导线更换）停电。\n", dt.date(2033, 1, 5))
    assert [w["areas"] for w in general.windows] == [["北溪村"]]
    assert any("抗冰改造" in line for line in general.body_lines)


def test_a_list_table_s_equipment_column_is_no_place():
    """``序号 | 停电区域 | 停电设备`` under ``…停电范围如下：`` (set 69, tuned on after its one
    scoring run): every cell was read as places, ``10kV定塘线`` among them; the equipment is
    kept in the body."""
    text = ("原定于4月12日（星期二）8:00-16:00对下列区域的计划停电，延期至4月26日（星期二）8:00-16:00，"
            "停电范围如下：\n\n序号\t停电区域\t停电设备\n1\t定塘镇：沙地村、小湖村\t10kV定塘线\n"
            "2\t新桥镇：高湖村、东溪村部分用户\t10kV新桥线#12杆后段\n")
    general = read_general(text, dt.date(2033, 4, 10))
    assert [(w["town"], w["areas"]) for w in general.windows] == [
        ("定塘镇", ["沙地村", "小湖村"]), ("新桥镇", ["高湖村", "东溪村部分用户"])]
    assert "10kV定塘线" in general.body_lines


def test_a_centre_speaking_of_itself_and_a_committee_s_hamlets():
    """Set 70 (tuned on after its one scoring run): ``我中心（大碶街道庐山西路***号）将于…停电`` under
    ``北仑区大碶街道社区卫生服务中心`` named no place (the address's bracket between), ``…中心南侧的
    大碶农贸市场`` kept its direction, and the centre lost its town's name; ``我村上村、下村两个自然村
    将于…停电`` named no place."""
    text = ("北仑区大碶街道社区卫生服务中心\n停电期间门诊安排公告\n\n"
            "因供电部门检修线路，我中心（大碶街道庐山西路***号）将于2033年7月21日（星期四）13:00—17:30停电。\n"
            "- 同时停电的还有中心南侧的大碶农贸市场、灵山社区卫生服务站。\n")
    windows = read_general(text, dt.date(2033, 7, 19)).windows
    assert [(w["district"], w["town"], w["areas"]) for w in windows] == [
        ("北仑区", "大碶街道", ["大碶街道社区卫生服务中心", "大碶农贸市场", "灵山社区卫生服务站"])]
    text = ("各位村民：\n接鹿亭乡政府转供电所通知，我村上村、下村两个自然村将于七月十二日（星期二）"
            "上午五点半到十点半停电。\n")
    windows = read_general(text, dt.date(2033, 7, 10)).windows
    assert [(w["start"], w["end"], w["areas"]) for w in windows] == [("05:30", "10:30", ["上村", "下村"])]


def test_a_column_s_name_broken_after_one_character_or_before_a_numbered_box():
    """A PDF copy of the column (sets 70, 71, tuned on after their one scoring run): ``…、塘`` /
    ``溪1号公变(8:00—15:00)`` was read as two areas (``塘`` reported) and ``…、陆埠`` /
    ``3号公变(…)`` as two; one character is no place, and a numbered box goes on the name
    before it."""
    text = ("计划停电预告\n10月13日 星期四\n"
            "鄞州 东吴镇天童村(8:00—15:00)塘溪镇·雁村、童村、塘\n溪1号公变(8:00—15:00)\n"
            "余姚 陆埠镇裘岙村、洪山村、陆埠\n3号公变(8:00—17:00)\n"
            "东南商报 2033年10月11日 星期二 A08 城事·服务\n")
    windows, _ = _read(text, dt.date(2033, 10, 10))
    assert [w[4] for w in windows] == [["天童村"], ["雁村", "童村", "塘溪1号公变"],
                                       ["裘岙村", "洪山村", "陆埠3号公变"]]


def test_a_news_lead_whose_day_and_clock_are_a_moment_past_is_prose():
    """Set 72 (tuned on after its one scoring run): ``本报讯…8月19日14时35分全市最高用电负荷…`` above
    a column was read as two runs with no time, and the column lost to the layout reader."""
    text = ("慈溪日报 2033-08-20 第2版 要闻\n\n"
            "本报讯（记者 沈佳颖）持续高温下，我市用电负荷屡创新高，8月19日14时35分全市最高用电负荷达到412万"
            "千瓦。国网慈溪市供电公司将开展设备消缺。具体停电计划如下：\n\n【计划停电】\n8月22日至24日 每天\n"
            "观海卫镇鸣鹤村、杜岙村(7:00—11:00)\n\n8月25日 星期四\n周巷镇万安庄村(7:30—15:30)\n")
    result = parse_outage_notice(text, dt.date(2033, 8, 20), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2033-08-22", "07:00", "观海卫镇", ["鸣鹤村", "杜岙村"]),
        ("2033-08-23", "07:00", "观海卫镇", ["鸣鹤村", "杜岙村"]),
        ("2033-08-24", "07:00", "观海卫镇", ["鸣鹤村", "杜岙村"]),
        ("2033-08-25", "07:30", "周巷镇", ["万安庄村"])]
    assert not result.problems


def test_an_app_s_cards_drawn_with_box_characters():
    """Set 73 (tuned on): ``│ 停电时间  2033-12-21 08:00 ~ …`` inside a card's frame: the label
    apart from its value by spaces, read once the frame is space."""
    text = ("所在地区：浙江省 宁波市 镇海区\n\n┌──────────────\n│ 蛟川街道\n"
            "│ 停电时间  2033-12-21 08:00 ~ 2033-12-21 16:00\n│ 停电范围  蛟川街道俞范社区、迎周村\n"
            "│ 停电原因  计划检修\n└──────────────\n┌──────────────\n│ 招宝山街道\n"
            "│ 停电时间  2033-12-22 22:00 ~ 2033-12-23 05:00\n│ 停电范围  车站路沿线、城关菜场\n"
            "└──────────────\n")
    windows, _ = _read(text, dt.date(2033, 12, 19))
    assert windows == [("2033-12-21", "08:00", "16:00", "镇海区", ["俞范社区", "迎周村"]),
                       ("2033-12-22", "22:00", "次日05:00", "镇海区", ["车站路沿线", "城关菜场"])]


def test_an_item_s_places_before_its_time_under_a_dated_sentence():
    """Set 72 (tuned on): a property manager's ``定于2033年8月9日…分区域停电，具体安排如下：`` then
    ``1、1-8幢(含地下车库A区)：8:00-12:00``: each item's places, then its time ending the line."""
    text = ("尊敬的业主：\n    定于2033年8月9日（星期二）分区域停电，具体安排如下：\n"
            "    1、1-8幢(含地下车库A区)：8:00-12:00\n    2、9-16幢、会所及游泳池：13:00-17:00\n"
            "    8月9日7:30前请将车辆移至地面。\n")
    windows = read_general(text, dt.date(2033, 8, 6)).windows
    assert [(w["start"], w["end"], w["areas"]) for w in windows] == [
        ("08:00", "12:00", ["1-8幢(含地下车库A区)"]), ("13:00", "17:00", ["9-16幢", "会所及游泳池"])]
    # (Not which cut it is, ``第一次：上午8:00—8:30``, nor a district's time, ``海曙区：8:00-16:00``,
    # their places said elsewhere.)
    text = ("6月23日（星期六）将进行两次短时停电：\n第一次：上午8:00—8:30\n第二次：下午16:30—17:00\n"
            "停电范围：锦绣东城1、3、5、7幢、地下车库\n")
    windows = read_general(text, dt.date(2029, 6, 20)).windows
    assert [w["areas"] for w in windows] == [["锦绣东城1、3、5、7幢", "地下车库"]] * 2


def test_a_change_that_keeps_the_time_and_adds_a_place_is_a_window():
    """Set 72 (tuned on): under a column's ``变更：``, ``原定8月18日 … 骆驼街道南二村、团桥村(8:30—16:30)，
    时间不变，停电范围增加清水湖村。`` was written as a cancelled slot; the slot stands, one place
    more."""
    text = ("计划停电预告\n8月18日 星期四\n镇海 庄市街道勤勇村(8:00—16:00)\n变更：\n"
            "原定8月16日 星期二 江北 洪塘街道裘市村一带(8:00—16:00)，调整为8月19日 星期五(8:00—16:00)。\n"
            "原定8月18日 星期四 镇海 骆驼街道南二村、团桥村(8:30—16:30)，时间不变，停电范围增加清水湖村。\n")
    windows, cancelled = _read(text, dt.date(2033, 8, 15))
    assert windows == [("2033-08-18", "08:00", "16:00", "镇海区", ["勤勇村"]),
                       ("2033-08-19", "08:00", "16:00", "江北区", ["裘市村一带"]),
                       ("2033-08-18", "08:30", "16:30", "镇海区", ["南二村", "团桥村", "清水湖村"])]
    assert cancelled == [("2033-08-16", "08:00", "16:00", "江北区", ["裘市村一带"])]


def test_a_postponed_record_s_reason_is_no_place():
    """Set 72 (tuned on): ``停电时间：原定2033年8月20日 08:00-16:00，因持续高温、负荷过重，延期至…``:
    the column reader read the reason as the cancelled slot's places and won; the layout reader
    reads the record."""
    text = ("国网宁波市北仑区供电公司　2033-08-19\n\n停电时间：2033年8月24日 08:00-12:00\n"
            "停电范围：梅山街道梅东村、梅山湾沙滩公园\n\n【延期】\n"
            "停电时间：原定2033年8月20日 08:00-16:00，因持续高温、负荷过重，延期至2033年8月27日 06:00-12:00\n"
            "停电线路：10kV新碶B211线\n停电范围：新碶街道大港新村(13-22幢)、新碶菜场\n")
    windows, cancelled = _read(text, dt.date(2033, 8, 19))
    assert windows == [("2033-08-24", "08:00", "12:00", "北仑区", ["梅东村", "梅山湾沙滩公园"]),
                       ("2033-08-27", "06:00", "12:00", "北仑区", ["大港新村(13-22幢)", "新碶菜场"])]
    assert cancelled == [("2033-08-20", "08:00", "16:00", "北仑区", ["大港新村(13-22幢)", "新碶菜场"])]


def test_an_account_s_address_gives_the_district_and_its_history_is_no_window():
    """Set 72 (tuned on): a per-account query, ``用电地址：浙江省宁波市江北区前江街道…``, over records
    naming no town; its ``【历史停电记录】`` (a fault restored, a plan 已完成) gives no window."""
    text = ("网上国网\n户号：3302107xxx56\n用电地址：浙江省宁波市江北区前江街道天水家园2期17幢***室\n"
            "查询时间：2033-08-15 20:31\n\n【近期停电计划】\n1. 计划停电\n"
            "　 停电时间：2033-08-24 08:00:00 —— 2033-08-24 12:00:00\n　 停电范围：谢家村、天水家园2期箱变\n\n"
            "【历史停电记录】\n2033-08-10 03:12 —— 2033-08-10 09:47　故障停电　已恢复送电\n"
            "2033-07-22 08:00 —— 2033-07-22 16:00　计划停电　已完成\n")
    result = parse_outage_notice(text, dt.date(2033, 8, 15), DISTRICTS)
    assert [(str(w["date"]), w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] \
        == [("2033-08-24", "江北区", "前江街道", ["谢家村", "天水家园2期箱变"])]
    assert [w.message for w in result.warnings if "address" in w.message] == [
        "1 window naming no district put in 江北区, the district the customer's address "
        '"用电地址：浙江省宁波市江北区前江街道天水家园2期17幢***室" names; check it']


def test_a_record_its_status_calls_off_has_its_places_above_its_time():
    """Set 72 (tuned on): a 95598 listing's records, ``停电区域：`` above ``停电时间：``; the one whose
    ``信息状态：已取消`` was given the next record's places."""
    text = ("供电单位：国网余姚市供电公司\n停电区域：鹿亭乡中村村、白鹿村\n"
            "停电时间：2033-08-22 08:00:00 - 2033-08-22 16:00:00\n信息状态：已取消\n\n"
            "供电单位：国网余姚市供电公司\n停电区域：凤山街道舜水南路沿线\n"
            "停电时间：2033-08-25 06:00:00 - 2033-08-25 10:00:00\n信息状态：生效\n")
    general = read_general(text, dt.date(2033, 8, 20))
    assert [(w["town"], w["areas"]) for w in general.windows] == [("凤山街道", ["舜水南路沿线"])]
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.cancelled] == [
        ("2033-08-22", "鹿亭乡", ["中村村", "白鹿村"])]


def test_places_that_are_cut_again_and_slots_listed_before_their_places():
    """Set 73 (tuned on): ``老屋自然村一带还要再停一次`` kept ``还要`` in the place; a school's
    ``学校将于12月17日…8:00-15:00及12月18日…8:00-12:00停电。停电范围：…`` gave the first slot the
    school's name (the speaker) instead of the range said after the last."""
    windows = read_general("12月17日（星期六）上午8点到11点，老屋自然村一带还要再停一次（接新线）。\n",
                           dt.date(2033, 12, 14)).windows
    assert [w["areas"] for w in windows] == [["老屋自然村一带"]]
    text = ("宁波市海曙区广济中心小学\n关于周末校园停电的告家长书\n各位家长：\n"
            "    学校将于12月17日（星期六）8:00-15:00及12月18日（星期日）8:00-12:00停电。停电范围：校本部、北校区。\n")
    windows = read_general(text, dt.date(2033, 12, 13)).windows
    assert [(w["start"], w["areas"]) for w in windows] == [("08:00", ["校本部", "北校区"]),
                                                          ("08:00", ["校本部", "北校区"])]


def test_a_base_area_s_memorial_is_a_place():
    """Set 73 (tuned on): ``浙东抗日根据地旧址`` was taken out of its run as prose (``根据``)."""
    text = "计划停电预告\n12月15日 星期四\n余姚 梁弄镇横坎头村、浙东抗日根据地旧址(8:00—16:00)\n"
    windows, _ = _read(text, dt.date(2033, 12, 13))
    assert windows == [("2033-12-15", "08:00", "16:00", "余姚市", ["横坎头村", "浙东抗日根据地旧址"])]


def test_a_note_under_a_numbered_table_moving_a_row_calls_off_the_row_s_places():
    """Set 73 (tuned on): ``注：第2项原定12月16日（星期五）08:30-15:30停电，…调整至12月17日实施。``
    under a Markdown table: the slot called off had row 2's places (it was written with none)."""
    text = ("国网慈溪市供电公司计划停电公告\n\n| 序号 | 停电日期 | 停电时间 | 停电范围 |\n|---|---|---|---|\n"
            "| 1 | 2033-12-17 | 08:00-16:00 | 坎墩街道沈五村 |\n| 2 | 2033-12-17 | 08:30-15:30 | 新浦镇水湘村、老浦村 |\n\n"
            "注：第2项原定12月16日（星期五）08:30-15:30停电，应辖区企业要求，调整至12月17日实施。\n")
    _, cancelled = _read(text, dt.date(2033, 12, 14))
    assert cancelled == [("2033-12-16", "08:30", "15:30", "慈溪市", ["水湘村", "老浦村"])]


def test_a_remark_saying_the_slot_was_moved_from_a_day_calls_that_day_off():
    """Set 73 (tuned on): ``备注：因客户年底生产需要，本次停电已由12月26日调整至12月28日。`` under an
    app's record of 12月28日: the 26th is called off for the same places (its hours not printed)."""
    text = ("【计划停电】附海镇\n停电时间：2033-12-28 07:30 至 2033-12-28 15:30\n"
            "停电范围：附海镇海晏庙村、东海村部分用户\n备注：因客户年底生产需要，本次停电已由12月26日调整至12月28日。\n")
    general = read_general(text, dt.date(2033, 12, 20))
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.windows] == [
        ("2033-12-28", "07:30", ["海晏庙村", "东海村部分用户"])]
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.cancelled] == [
        ("2033-12-26", None, ["海晏庙村", "东海村部分用户"])]


def test_a_change_section_s_new_time_alone_on_its_line():
    """Set 73 (tuned on): under ``变更：``, ``原定12月10日 星期六`` / ``镇海 骆驼街道盘池村一带(8:30—15:30)`` /
    ``时间调整为(8:30—12:00)``: the new time was read as a cancelled slot named ``时间调整为``."""
    text = ("计划停电预告\n12月9日 星期五\n镇海 九龙湖镇汶溪村(8:00—17:00)\n变更：\n原定12月10日 星期六\n"
            "镇海 骆驼街道盘池村一带(8:30—15:30)\n时间调整为(8:30—12:00)\n")
    windows, cancelled = _read(text, dt.date(2033, 12, 7))
    assert windows[1:] == [("2033-12-10", "08:30", "12:00", "镇海区", ["盘池村一带"])]
    assert cancelled == [("2033-12-10", "08:30", "15:30", "镇海区", ["盘池村一带"])]


def test_each_new_slot_of_a_change_listed_with_and_has_the_original_s_places():
    """Set 31 (regression seen in stop 45): ``原定2月5日…对10kV丈亭线停电，影响丈亭镇渔溪村、汇头村，
    现调整为2月24日…7:30—12:00及2月25日…7:30—12:00两次进行。`` gave both new slots the next
    item's places; and a chat's ``…老年食堂那边还要再停一次`` keeps no ``那边``."""
    text = ("一、原定2月5日（星期一）7:30—17:00对10kV丈亭线停电，影响丈亭镇渔溪村、汇头村，现调整为2月24日（星期六）"
            "7:30—12:00及2月25日（星期日）7:30—12:00两次进行。\n\n"
            "二、原定2月5日（星期一）9:00—15:00阳明街道舜水南路、新建北路一带的停电计划不变。\n")
    windows = read_general(text, dt.date(2029, 2, 2)).windows
    assert [(str(w["date"]), w["town"], w["areas"]) for w in windows] == [
        ("2029-02-24", "丈亭镇", ["渔溪村", "汇头村"]), ("2029-02-25", "丈亭镇", ["渔溪村", "汇头村"]),
        ("2029-02-05", "阳明街道", ["舜水南路", "新建北路一带"])]
    windows = read_general("补充一下，8月28日（星期六）上午8点到11点，渔溪村老年食堂那边还要再停一次，装新的变压器\n",
                           dt.date(2032, 8, 25)).windows
    assert [w["areas"] for w in windows] == [["渔溪村老年食堂"]]


def test_the_whole_village_or_school_is_the_speaker_by_its_name():
    """Sets 60, 63 (regressions of exit 0 seen in stop 45): ``全村停电`` in a broadcast signed
    ``小白村村民委员会`` and ``全校停电`` in a letter from ``我校（新碶街道星阳小学）`` were written
    as places named ``全村`` / ``全校``; and ``我院将同时停电`` left ``将同时`` as a place (now
    reported, exit 1)."""
    text = ("鄞州区东吴镇小白村村务广播稿\n各位村民请注意！明天，也就是1月16日星期五，早上7点半到下午4点半，"
            "全村停电，检修线路。\n\n小白村村民委员会\n")
    windows = read_general(text, dt.date(2032, 1, 15)).windows
    assert [w["areas"] for w in windows] == [["小白村"]]
    text = ("各位家长：\n    因我校（新碶街道星阳小学）配电房增容，学校将于：\n    1. 10月23日（周六）8:00—18:00 全校停电；\n")
    windows = read_general(text, dt.date(2032, 10, 20)).windows
    assert [w["areas"] for w in windows] == [["星阳小学"]]
    text = ("尊敬的各位家属：\n    另接供电部门通知，10月14日（星期四）上午8时至下午4时，庄市街道中心路一带线路检修，"
            "我院将同时停电。\n")
    result = parse_outage_notice(text, dt.date(2032, 10, 8), DISTRICTS)
    assert [p.fragment for p in result.problems if "separated cleanly" in p.message] == ["将同时"]


def test_a_sentence_of_other_news_read_as_places_is_reported():
    """Sets 45–70 (exit 0 with a sentence for places, seen in stop 45): ``7月20日（星期六）上午9点召开院周会，
    各科室主任准时参加。`` under a hospital's notice was written as a window of two places; a
    meeting, an appointment, a sign-off are no places: reported, exit 1."""
    text = ("象山县石浦镇中心卫生院\n院内各科室：\n    接国网象山县供电公司石浦供电所通知，7月18日每晚22:00至次日6:00，"
            "我院住院部B楼、检验科停电。\n    7月20日（星期六）上午9点召开院周会，各科室主任准时参加。\n")
    result = parse_outage_notice(text, dt.date(2030, 7, 16), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]][:1] == [["住院部B楼", "检验科"]]
    assert result.problems
    assert all(area not in ("上午9点召开院周会", "各科室主任准时参加")
               for window in result.fields["windows"] for area in window["areas"])


def test_a_space_table_s_town_cell_is_no_place():
    """Set 53 (exit 0 with towns for places, seen in stop 45): a table aligned with spaces whose
    area cell holds a town and its places, ``坎墩街道  坎墩五村、…``; the column reader read the
    towns as places and two rows of one slot as one window. The layout reader reads its cells."""
    text = ("国网慈溪市供电公司  计划停电公告（2030年1月27日发布）\n\n"
            "停电日期     停电时段              停电区域\n"
            "1月30日      08:00—16:00          坎墩街道  坎墩五村、坎墩六村\n"
            "1月30日      08:00—16:00          横河镇    孙家境村、彭南村\n"
            "1月31日      07:00—11:00          宗汉街道  新界村部分用户\n")
    result = parse_outage_notice(text, dt.date(2030, 1, 27), DISTRICTS)
    assert [(str(w["date"]), w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2030-01-30", "慈溪市", "坎墩街道", ["坎墩五村", "坎墩六村"]),
        ("2030-01-30", "慈溪市", "横河镇", ["孙家境村", "彭南村"]),
        ("2030-01-31", "慈溪市", "宗汉街道", ["新界村部分用户"])]


def test_an_app_s_cards_each_under_a_pinned_town():
    """Set 59 (exit 0 with towns for places, seen in stop 45): ``📌 掌起镇`` / its time / its places /
    ``计划停电 | 待执行``: a card's pictograph hid its town (the next card's town was read as this
    card's place); a card with one place (``新城大道北路沿线``) or an end with its month and day
    (``22:00-12-28 04:00``) gave no window; ``变更说明：原计划 …，调整为 …`` calls the slot off."""
    text = ("网上国网 > 停电信息 > 慈溪市\n\n📌 掌起镇\n2031-12-22 08:00-16:00\n任佳溪村、洋山村\n计划停电 | 待执行\n\n"
            "📌 白沙路街道\n2031-12-23 09:00-11:30\n三北大街中段沿线\n计划停电 | 已变更\n"
            "变更说明：原计划 2031-12-23 09:00-11:30，调整为 2031-12-25 09:00-11:30\n\n"
            "📌 古塘街道\n2031-12-27 22:00-12-28 04:00\n新城大道北路沿线\n计划停电 | 待执行\n")
    windows, cancelled = _read(text, dt.date(2031, 12, 21))
    assert windows == [("2031-12-22", "08:00", "16:00", "慈溪市", ["任佳溪村", "洋山村"]),
                       ("2031-12-25", "09:00", "11:30", "慈溪市", ["三北大街中段沿线"]),
                       ("2031-12-27", "22:00", "次日04:00", "慈溪市", ["新城大道北路沿线"])]
    assert cancelled == [("2031-12-23", "09:00", "11:30", "慈溪市", ["三北大街中段沿线"])]


def test_a_change_note_naming_only_a_town_under_a_table_has_its_row_s_places():
    """Set 65 (exit 0, seen in stop 45): ``调整说明：原定2月24日定塘镇停电（8:30-15:30）调整至2月28日（星期
    六）同一时段进行`` under a table whose row of that day is 定塘镇's: the slot called off and the
    new one have the row's places, not ``定塘镇``; the row is written as called off only."""
    text = ("象山县计划停电公告（第7期）\n\n日期        时间           停电区域\n"
            "2月23日     8:00-16:00     丹东街道：东谷湖村\n2月24日     8:30-15:30     定塘镇：定塘村、小湾塘村\n\n"
            "调整说明：原定2月24日定塘镇停电（8:30-15:30）调整至2月28日（星期六）同一时段进行，其余安排不变。\n\n"
            "国网象山县供电公司\n2032年2月21日\n")
    windows, cancelled = _read(text, dt.date(2032, 2, 21))
    assert windows == [("2032-02-23", "08:00", "16:00", "象山县", ["东谷湖村"]),
                       ("2032-02-28", "08:30", "15:30", "象山县", ["定塘村", "小湾塘村"])]
    assert cancelled == [("2032-02-24", "08:30", "15:30", "象山县", ["定塘村", "小湾塘村"])]


def test_an_app_card_whose_status_says_the_power_is_back_gives_no_window():
    """Set 64 (exit 0, seen in stop 45): an app's card ``计划停电      已送电`` over its time and
    places was written as a window; it is an outage over."""
    text = ("宁波市 > 江北区 ▼                  更新于 08-17 09:30\n\n"
            "计划停电                                     待停电\n停电时间  2032.08.19 08:30 - 2032.08.19 16:30\n"
            "停电范围  洪塘街道：裘市村\n\n"
            "计划停电                                     已送电\n停电时间  2032.08.16 07:00 - 2032.08.16 12:00\n"
            "停电范围  庄桥街道：上邵村\n停电原因  线路检修\n")
    windows, _ = _read(text, dt.date(2032, 8, 17))
    assert windows == [("2032-08-19", "08:30", "16:30", "江北区", ["裘市村"])]


def test_a_line_worked_on_then_the_places_it_touches():
    """Set 68 (exit 0, seen in stop 45): ``原定于1月13日…8:00-16:00对10kV庄市线进行检修，涉及庄市街道勤勇村、
    永旺村，现调整为1月20日…`` (no 停电 said): the slot called off and its new one were given the
    next item's places."""
    text = ("一、原定于1月13日（星期四）8:00-16:00对10kV庄市线进行检修，涉及庄市街道勤勇村、永旺村，现调整为1月20日"
            "（星期四）9:00-15:00，停电范围不变。\n\n二、1月14日（星期五）8:30-16:30，贵驷街道沙河村停电，按原计划执行。\n")
    general = read_general(text, dt.date(2033, 1, 10))
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.windows] == [
        ("2033-01-20", "庄市街道", ["勤勇村", "永旺村"]), ("2033-01-14", "贵驷街道", ["沙河村"])]
    assert [(str(w["date"]), w["areas"]) for w in general.cancelled] == [("2033-01-13", ["勤勇村", "永旺村"])]


def test_a_list_ending_after_a_company_and_a_day_s_name_are_no_places():
    """Sets 19, 23, 26 (exit 0, seen in stop 45): ``…、宁波瑞丰印染等(8:00—15:00)`` kept ``等`` in the
    company's name; ``教师节`` is a day, no place (reported)."""
    text = "计划停电预告\n1月18日 星期二\n鄞州 五乡镇天童南路沿线、宁波瑞丰印染等(8:00—15:00)\n"
    windows, _ = _read(text, dt.date(2028, 1, 15))
    assert windows == [("2028-01-18", "08:00", "15:00", "鄞州区", ["天童南路沿线", "宁波瑞丰印染"])]
    text = "计划停电预告\n1月18日 星期二\n鄞州 五乡镇平等村(8:00—15:00)\n"
    assert _read(text, dt.date(2028, 1, 15))[0][0][4] == ["平等村"]
    text = ("家长群通知\n1. 9月9日（星期四）13:00-17:00，学校配电房检修停电，下午放学提前到12:30。\n"
            "2. 9月10日教师节，请家长不要给老师送任何礼物🙏\n")
    result = parse_outage_notice(text, dt.date(2027, 9, 7), DISTRICTS)
    assert all("教师节" not in window["areas"] for window in result.fields["windows"])


def test_round_31_after_its_scoring_run_duty_hours_and_a_card_called_off():
    """Sets 74–77 (tuned on after their one scoring run): a property office's
    ``春节期间物业服务中心值班时间：2月18日—2月26日 9:00—17:00`` was written as nine windows with the
    last record's places (exit 0); an app's ``【计划停电】已取消`` card was written as a window."""
    text = ("尊敬的锦悦府业主：\n    停电时间：2034年2月27日（星期一）0:30至6:00\n    停电范围：锦悦府1#-8#楼、地下车库\n"
            "    春节期间物业服务中心值班时间：2月18日—2月26日 9:00—17:00，值班电话：87751234。\n")
    windows = read_general(text, dt.date(2034, 2, 22)).windows
    assert [(str(w["date"]), w["areas"]) for w in windows] == [("2034-02-27", ["锦悦府1#-8#楼", "地下车库"])]
    text = ("区域：浙江省 宁波市 江北区\n\n【计划停电】已取消\n停电时间：2034-02-09 08:00-16:00\n"
            "停电区域：孔浦街道槐树路沿线、孔浦邮政支局\n取消原因：工作调整\n\n【计划停电】待执行\n"
            "停电时间：2034-02-10 08:00-12:00\n停电区域：白沙街道桃渡路沿线\n")
    general = read_general(text, dt.date(2034, 2, 7))
    assert [(str(w["date"]), w["areas"]) for w in general.windows] == [("2034-02-10", ["桃渡路沿线"])]
    assert [(str(w["date"]), w["areas"]) for w in general.cancelled] == [
        ("2034-02-09", ["槐树路沿线", "孔浦邮政支局"])]


@pytest.mark.parametrize("area", ["(正月初九)", "以下区域", "沙塘湾────────"])
def test_a_lunar_day_a_list_s_own_words_or_a_page_rule_is_no_place(area):
    """Sets 74, 77 (tuned on): each was written as a place with exit 0."""
    text = f"计划停电预告\n2月27日 星期一\n余姚 梁弄镇横坎头村、{area}(8:00—16:00)\n"
    result = parse_outage_notice(text, dt.date(2034, 2, 22), DISTRICTS)
    assert [p.fragment for p in result.problems if "separated cleanly" in p.message] == [area]


def test_round_31_a_cut_said_from_jieshi_and_a_list_after_yixia_quyu():
    """Sets 75, 77 (tuned on after their one scoring run): ``定于5月22日至24日，每晚22时至次日6时对10千伏
    明州线进行迁改施工。届时新碶街道明州路沿线商铺将停电。`` gave no window (the cut is said in the
    next sentence); ``…对以下区域实施停电：长春路2、4、6、8号，长春新村1幢至9幢。`` read ``以下区域``
    as the place."""
    text = "国网宁波市北仑区供电公司定于5月22日至24日，每晚22时至次日6时对10千伏明州线进行迁改施工。届时新碶街道明州路沿线商铺将停电。\n"
    windows = read_general(text, dt.date(2034, 5, 17)).windows
    assert [(str(w["date"]), w["start"], w["end"], w["areas"]) for w in windows] == [
        (f"2034-05-{day}", "22:00", "次日06:00", ["明州路沿线商铺"]) for day in (22, 23, 24)]
    text = ("接国网宁波供电公司通知，将于2034年9月10日（星期日）上午8时至下午5时30分对以下区域实施停电：长春路2、4、6、8号，"
            "长春新村1幢至9幢，柳汀新村西区。\n")
    windows = read_general(text, dt.date(2034, 9, 7)).windows
    assert [w["areas"] for w in windows] == [["长春路2、4、6、8号", "长春新村1幢至9幢", "柳汀新村西区"]]
    # (and the boxes' numbers go with what they feed: ``新典小区1号、2号箱变供电范围`` is one place)
    assert split_areas("苍水街、新典小区1号、2号箱变供电范围") == ["苍水街", "新典小区1号、2号箱变供电范围"]


def test_a_listing_s_breadcrumb_or_a_school_s_bracketed_address_names_the_district():
    """Set 76 (tuned on after its one scoring run): ``网上国网 › 停电公告 › 宁波市鄞州区`` over an
    app's cards, and ``（学校地址：宁波市鄞州区钟公庙街道天童南路***号）`` under a school's letter,
    name the district of windows that name none."""
    text = ("网上国网 › 停电公告 › 宁波市鄞州区\n更新时间：2034-06-14 10:32\n\n【待停电】潘火街道\n"
            "06-22 08:00 ~ 06-22 16:00\n金桥社区部分用户、潘火8号箱变\n")
    windows, _ = _read(text, dt.date(2034, 6, 14))
    assert [(w[0], w[3]) for w in windows] == [("2034-06-22", "鄞州区")]
    text = ("宁波市甬城实验中学\n全体师生：\n    学校配电房将进行扩容改造，具体停电安排如下：\n"
            "    1. 6月24日（星期六）8:00—18:00，教学楼、实验楼停电；\n\n总务处\n2034年6月19日\n"
            "（学校地址：宁波市鄞州区钟公庙街道天童南路***号）\n")
    windows, _ = _read(text, dt.date(2034, 6, 19))
    assert [(w[0], w[3], w[4]) for w in windows] == [("2034-06-24", "鄞州区", ["教学楼", "实验楼"])]


def test_a_change_s_new_day_alone_then_the_run_again_with_its_new_time():
    """Set 74 (tuned on after its one scoring run): under ``变更：``, ``原2月7日 星期二`` / the run /
    ``改为2月10日 星期五`` / the same run with ``(8:30—14:30)``: the new slot is the run below, at its
    new time (it was written at the old time, and the run below called off)."""
    text = ("计划停电预告\n2月7日 星期二\n镇海 庄市街道永旺村(8:30—11:30)\n变更：\n原2月7日 星期二\n"
            "镇海 贵驷街道沙河村、城隍浦村一带(8:00—16:00)\n改为2月10日 星期五\n"
            "镇海 贵驷街道沙河村、城隍浦村一带(8:30—14:30)\n")
    windows, cancelled = _read(text, dt.date(2034, 2, 5))
    assert windows[1:] == [("2034-02-10", "08:30", "14:30", "镇海区", ["沙河村", "城隍浦村一带"])]
    assert cancelled == [("2034-02-07", "08:00", "16:00", "镇海区", ["沙河村", "城隍浦村一带"])]


def test_a_chat_calling_off_a_slot_by_its_day():
    """Set 76 (tuned on after its one scoring run): ``27号上午那次停电取消了，26号照常。`` a day
    after a chat announced both slots: the 27th's is called off (it was written as a window)."""
    text = ("北仑银泰花园三期业主群(486)\n\n6月23日 上午10:05\n物业-小王：【停电通知】接供电公司通知，6月26日（周一）"
            "8:00-16:00 北仑区新碶街道银泰花园三期11-18幢、沿街商铺停电。\n"
            "物业-小王：6月27日（周二）8:00-12:00 银泰花园三期11-18幢还要再停一次\n\n6月24日 下午16:40\n"
            "物业-小王：刚接到供电所电话，27号上午那次停电取消了，26号照常。\n")
    windows, cancelled = _read(text, dt.date(2034, 6, 23))
    assert [(w[0], w[1]) for w in windows] == [("2034-06-26", "08:00")]
    assert [(c[0], c[1], c[4]) for c in cancelled] == [("2034-06-27", "08:00", ["银泰花园三期11-18幢"])]


def test_a_change_naming_only_the_day_calls_off_the_slot_announced_that_day():
    """Set 77 (tuned on after its one scoring run): an SMS announcing ``2034年09月23日07:00至…15:30`` for
    an address, then ``原定于09月23日的停电计划已调整，新的停电时间为2034年09月24日07:00至11:30，停电区域：…``:
    the slot called off is the one announced (it stayed a window, and a slot of no time was
    called off with the new slot's places)."""
    text = ("【国网宁波供电】尊敬的客户：您的户号3301234567（地址：奉化区西坞街道白杜村茶场路18号）因10kV西坞线计划检修，"
            "将于2034年09月23日07:00至2034年09月23日15:30停电。详询95598。\n09-20 10:12\n\n"
            "【国网宁波供电】尊敬的客户：原定于09月23日的停电计划已调整，新的停电时间为2034年09月24日07:00至11:30，"
            "停电区域：西坞街道白杜村、西坞街道金峨路沿线。\n09-22 16:45\n")
    windows, cancelled = _read(text, dt.date(2034, 9, 20))
    assert windows == [("2034-09-24", "07:00", "11:30", "奉化区", ["白杜村", "金峨路沿线"])]
    assert cancelled == [("2034-09-23", "07:00", "15:30", "奉化区", ["白杜村茶场路18号"])]


def test_a_line_cut_said_with_ting_before_it_then_the_places_it_touches():
    """Set 81 (round 32, tuned on after its one scoring run): ``8:00至16:00，停10千伏霞浦线沙湾支线，
    影响霞浦街道霞南村、…`` gave each item's places to the next item's slot and the line name as
    a place; the places touched run to the sentence's end, apart by commas too, and stop before
    a change (``…，现调整为…``)."""
    text = ("一、11月21日（星期二）8:00至16:00，停10千伏霞浦线沙湾支线，影响霞浦街道霞南村、湖塘村部分用户。\n"
            "二、11月22日（星期三）7:30至11:30，停10千伏新碶线，影响新碶街道大港新村1、3、5、7幢，新碶派出所。\n")
    general = read_general(text, dt.date(2034, 11, 17))
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.windows] == [
        ("2034-11-21", "霞浦街道", ["霞南村", "湖塘村部分用户"]),
        ("2034-11-22", "新碶街道", ["大港新村1、3、5、7幢", "新碶派出所"])]
    text = ("一、原定于1月13日（星期四）8:00-16:00停10kV庄市线，涉及庄市街道勤勇村、永旺村，现调整为1月20日"
            "（星期四）9:00-15:00，停电范围不变。\n")
    general = read_general(text, dt.date(2033, 1, 10))
    assert [(str(w["date"]), w["areas"]) for w in general.windows] == [("2033-01-20", ["勤勇村", "永旺村"])]


def test_a_record_s_day_then_its_start_and_end_clocks_under_their_own_labels():
    """Set 81 (round 32, tuned on after its one scoring run): a 95598 query page,
    ``区县：江北区`` / ``停电日期：2034-11-10 至 2034-11-20`` (the span asked for, on the line below the
    fields), then records of ``停电日期：2034-11-14`` / ``开始时间：08:00    结束时间：16:00``: the span
    was written as eleven whole days with the first record's places, each record as a whole
    day."""
    text = ("省份：浙江  市：宁波  区县：江北区      [查询]\n停电日期：2034-11-10 至 2034-11-20\n\n"
            "停电区域：慈城镇黄山村、妙山村\n停电日期：2034-11-14\n开始时间：08:00    结束时间：16:00\n"
            "——————————————\n停电区域：文教街道槐树路一带\n停电日期：2034-11-17\n开始时间：22:00\n"
            "结束时间：04:00\n")
    general = read_general(text, dt.date(2034, 11, 10))
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"]) for w in general.windows] == [
        ("2034-11-14", "08:00", "16:00", "慈城镇", ["黄山村", "妙山村"]),
        ("2034-11-17", "22:00", "次日04:00", "文教街道", ["槐树路一带"])]


def test_the_layout_reader_writes_full_width_digits_as_ascii_as_the_column_reader_does():
    """Set 80 (round 32, tuned on after its one scoring run): an OCR'd app card,
    ``２０３４年１０月２５日 ０８：００－１６：００`` / ``爵溪街道 下沙村、爵溪街道东街２１号``, wrote ``东街２１号``
    where the importer's documented output (and the column reader) is ``东街21号``."""
    text = ("计划停电 ｜ 爵溪街道\n２０３４年１０月２５日 ０８：００－１６：００\n爵溪街道 下沙村、爵溪街道东街２１号\n")
    general = read_general(text, dt.date(2034, 10, 20))
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.windows] == [
        ("2034-10-25", "08:00", ["下沙村", "东街21号"])]


def test_a_table_s_supply_office_column_and_a_remark_moving_its_row():
    """Sets 78 and 80 (round 32, tuned on after their one scoring run): a space table under
    ``日期  时间  供电所  停电范围`` wrote each row's office (``大碶所``) as a window of its own; a
    tab table's remark ``延期至10月27日，时间不变`` left the row's slot standing (the column reader
    and the layout reader now read the same remark, ``text.MOVED_CELL``)."""
    text = ("日期             时间              供电所    停电范围\n"
            "3月23日          8:30-12:30        新碶所    新碶街道：明州路部分区域、长江新村\n"
            "3月25日          8:00-16:00        霞浦所    霞浦街道：四合村、霞南村\n")
    general = read_general(text, dt.date(2034, 3, 16))
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.windows] == [
        ("2034-03-23", "新碶街道", ["明州路部分区域", "长江新村"]), ("2034-03-25", "霞浦街道", ["四合村", "霞南村"])]
    text = ("国网慈溪市供电公司 计划停电信息\n\n日期\t时间\t乡镇（街道）\t停电范围\t备注\n"
            "10月20日\t8:30-15:00\t崇寿镇\t六塘南村\t\n10月21日\t7:30-17:00\t新浦镇\t水湘村、老浦村\t延期至10月27日，时间不变\n")
    general = read_general(text, dt.date(2034, 10, 18))
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.windows] == [
        ("2034-10-20", "08:30", ["六塘南村"]), ("2034-10-27", "07:30", ["水湘村", "老浦村"])]
    assert [(str(w["date"]), w["start"]) for w in general.cancelled] == [("2034-10-21", "07:30")]
    windows, cancelled = _read(text, dt.date(2034, 10, 18))
    assert [(w[0], w[1]) for w in windows] == [("2034-10-20", "08:30"), ("2034-10-27", "07:30")]
    assert [(c[0], c[1], c[4]) for c in cancelled] == [("2034-10-21", "07:30", ["水湘村", "老浦村"])]


def test_a_bracket_naming_what_keeps_its_supply_and_a_day_named_for_what_it_is():
    """Set 79 (round 32, tuned on after its one scoring run): a school's letter,
    ``停电范围：东校区教学楼、食堂、学生公寓（西校区不停电）`` lost ``学生公寓`` with its bracket, and
    ``8月28日为秋季返校日，届时另行通知。`` was written as a whole day's window."""
    text = ("各位家长：\n    因我校东校区配电房增容改造，7月10日8:00—17:00校园停电，停电范围：东校区教学楼、食堂、"
            "学生公寓（西校区不停电）。\n    8月28日为秋季返校日，届时另行通知。\n")
    general = read_general(text, dt.date(2034, 7, 7))
    assert [(str(w["date"]), w["areas"]) for w in general.windows] == [
        ("2034-07-10", ["东校区教学楼", "食堂", "学生公寓"])]


def test_a_town_site_s_breadcrumb_gives_the_town_and_a_card_s_status_before_its_time():
    """Sets 80 and 81 (round 32, tuned on after their one scoring run): a town government's page
    under ``慈城镇人民政府  >  政务公开  >  通知公告`` wrote its windows with no district or town; an
    app's cards ``【停电取消】2034-11-19 08:30 ~ …`` and ``【停电变更】…`` with
    ``说明：原停电时间2034-11-20 07:30 ~ 2034-11-20 16:30，现变更为上述时间。`` were written as windows
    (the slot called off, and the slot it was)."""
    text = ("慈城镇人民政府  >  政务公开  >  通知公告\n\n关于10月中旬部分村（社区）计划停电的通知\n\n"
            "各村（社区）：\n    定于2034年10月14日上午8时30分至下午4时30分，对以下区域停电：古县城东片、太湖路沿线。\n")
    windows, _ = _read(text, dt.date(2034, 10, 11))
    assert windows == [("2034-10-14", "08:30", "16:30", "江北区", ["古县城东片", "太湖路沿线"])]
    text = ("网上国网 · 停电公告\n所在地区：浙江省 宁波市 余姚市 ▾\n\n"
            "【停电取消】2034-11-19 08:30 ~ 2034-11-19 15:30\n供电单位：国网余姚市供电公司\n"
            "停电范围：河姆渡镇罗江村、芦山寺村\n说明：原计划停电取消，正常供电。\n\n"
            "【停电变更】2034-11-21 07:30 ~ 2034-11-21 12:00\n供电单位：国网余姚市供电公司\n"
            "停电范围：丈亭镇渔溪村、汇头村\n说明：原停电时间2034-11-20 07:30 ~ 2034-11-20 16:30，现变更为上述时间。\n")
    windows, cancelled = _read(text, dt.date(2034, 11, 16))
    assert windows == [("2034-11-21", "07:30", "12:00", "余姚市", ["渔溪村", "汇头村"])]
    assert cancelled == [("2034-11-19", "08:30", "15:30", "余姚市", ["罗江村", "芦山寺村"]),
                         ("2034-11-20", "07:30", "16:30", "余姚市", ["渔溪村", "汇头村"])]


def test_an_app_s_cards_with_their_town_and_places_under_labels_of_their_own():
    """Set 78 (round 32, tuned on after its one scoring run): ``所属区域：招宝山街道`` /
    ``停电时间：…`` / ``停电地址：城河东路部分区域、…`` cards, one of them ``原停电时间：…`` /
    ``现停电时间：…``, were read as windows of the town alone, prefixes ``原停电时间`` and
    ``现停电时间`` read as towns."""
    text = ("网上国网 > 停电信息 > 宁波市镇海区\n更新于 2034-03-24 16:05\n\n【计划停电】\n所属区域：招宝山街道\n"
            "停电时间：2034-03-27 08:00 - 2034-03-27 12:00\n停电地址：城河东路部分区域、白龙社区\n\n【时间变更】\n"
            "所属区域：蛟川街道\n原停电时间：2034-03-28 08:00 - 2034-03-28 16:00\n"
            "现停电时间：2034-03-30 08:00 - 2034-03-30 16:00\n停电地址：临俞村\n")
    result = parse_outage_notice(text, dt.date(2034, 3, 24), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2034-03-27", "08:00", "镇海区", "招宝山街道", ["城河东路部分区域", "白龙社区"]),
        ("2034-03-30", "08:00", "镇海区", "蛟川街道", ["临俞村"])]
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["cancelled"]] == [
        ("2034-03-28", "蛟川街道", ["临俞村"])]


def test_a_day_s_whole_day_line_with_its_places_and_another_town_glued_after_a_semicolon():
    """Set 81 (round 32, tuned on after its one scoring run): under ``11月29日（星期三）``, the line
    ``全天：莼湖街道桐照村渔港码头冷库区。`` then ``上午9时至下午3时：裘村镇…`` lost both windows; and
    ``…大堰镇大堰村、柏坑村；尚田街道印家坑村、冷西村。`` held the second town's list back (it is
    another window of the same slot, as ``；三七市镇：石步村`` is). An area left with a bracket open
    (cut at a comma inside it) is reported, not written."""
    text = ("【停电预告】\n11月28日（星期二）\n上午8时至下午5时：大堰镇大堰村、柏坑村；尚田街道印家坑村、冷西村。\n"
            "11月29日（星期三）\n全天：莼湖街道桐照村渔港码头冷库区。\n上午9时至下午3时：裘村镇黄贤村、马头村部分用户。\n")
    general = read_general(text, dt.date(2034, 11, 24))
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in general.windows] == [
        ("2034-11-28", "08:00", "大堰镇", ["大堰村", "柏坑村"]), ("2034-11-28", "08:00", "尚田街道", ["印家坑村", "冷西村"]),
        ("2034-11-29", None, "莼湖街道", ["桐照村渔港码头冷库区"]),
        ("2034-11-29", "09:00", "裘村镇", ["黄贤村", "马头村部分用户"])]
    text = text.replace("冷库区。", "冷库区（双回路切换，请冷库业主提前做好冷链转移）。")
    result = parse_outage_notice("奉化日报\n" + text, dt.date(2034, 11, 24), DISTRICTS)
    assert any("双回路切换" in problem.message for problem in result.problems)


def test_a_post_s_sections_of_slots_moved_standing_and_added():
    """Set 81 (round 32, tuned on after its one scoring run): under ``📌【推迟】``,
    ``原定11月15日（周三）8:00—16:00`` / its places on the line below / ``➡️推迟至11月28日（周二）同一时段
    进行``, then ``📌【不变】`` and ``📌【新增】`` sections: the headings were read as places (a pin's
    list) and the slot moved lost the places below its time."""
    text = ("📌【推迟】\n原定11月15日（周三）8:00—16:00\n长街镇青珠农场、长街镇西岙村\n"
            "➡️推迟至11月28日（周二）同一时段进行\n\n📌【不变】\n11月16日（周四）8:30—15:30\n力洋镇力洋村、海头村\n")
    general = read_general(text, dt.date(2034, 11, 13))
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in general.windows] == [
        ("2034-11-28", "08:00", "长街镇", ["青珠农场", "西岙村"]), ("2034-11-16", "08:30", "力洋镇", ["力洋村", "海头村"])]
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.cancelled] == [
        ("2034-11-15", "长街镇", ["青珠农场", "西岙村"])]


def test_a_slot_moved_in_a_column_s_change_section_leaves_the_day_heading_the_lines_below():
    """Set 80 (round 32, tuned on after its one scoring run): under ``变更：`` / ``10月18日 星期三``,
    ``奉化 大堰镇柏坑村…(8:00—16:00)改至10月20日 星期五(8:00—16:00)`` then ``鄞州 塘溪镇童村、雁村
    (8:30—16:30)时间变更为(8:30—12:00)``: the second slot was read on the 20th (the day the first
    moved to) instead of the 18th. Sets 44, 45 gained a window and a cancellation each too."""
    text = ("计划停电预告\n\n10月16日 星期一\n\n奉化 萧王庙街道滕头村(7:30—17:00)\n\n变更：\n\n10月18日 星期三\n\n"
            "奉化 大堰镇柏坑村、大堰村(8:00—16:00)改至10月20日 星期五(8:00—16:00)\n\n"
            "鄞州 塘溪镇童村、雁村(8:30—16:30)时间变更为(8:30—12:00)\n")
    windows, cancelled = _read(text, dt.date(2034, 10, 13))
    assert windows[1:] == [("2034-10-20", "08:00", "16:00", "奉化区", ["柏坑村", "大堰村"]),
                           ("2034-10-18", "08:30", "12:00", "鄞州区", ["童村", "雁村"])]
    assert [(c[0], c[1], c[4]) for c in cancelled] == [("2034-10-18", "08:00", ["柏坑村", "大堰村"]),
                                                       ("2034-10-18", "08:30", ["童村", "雁村"])]


def test_a_village_board_s_numbered_groups_beside_its_places():
    """Set 78 (round 32, tuned on after its one scoring run): a village board's
    ``村东排灌站、村西排灌站及1、2、5组`` and ``3、4组及村老年活动中心`` were cut inside the groups' list
    and kept the 及 (``村西排灌站及1、2`` / ``5组``): the groups are one place, and 及 before them or
    after them joins two places."""
    assert split_areas("村东排灌站、村西排灌站及1、2、5组") == ["村东排灌站", "村西排灌站", "1、2、5组"]
    assert split_areas("3、4组及村老年活动中心") == ["3、4组", "村老年活动中心"]
    assert split_areas("1、2、5组") == ["1、2、5组"]
    assert split_areas("白杜村一组及二组") == ["白杜村一组及二组"]


def test_a_column_s_change_to_a_new_day_saying_its_places_stand():
    """Set 79 (round 32, tuned on after its one scoring run; sets 57 and 59 gained a window too):
    ``原定7月13日 星期四`` / the run / ``变更为7月18日 星期二(8:00—16:00)，停电范围不变。``: the new slot
    was lost and the line read as a slot called off with ``变更为7月18日`` as its places."""
    text = ("计划停电预告\n\n7月14日 星期五\n\n镇海 九龙湖镇汶溪村(7:30—12:30)\n\n变更：\n\n原定7月13日 星期四\n\n"
            "北仑 柴桥街道·紫石村、瑞岩寺(8:00—16:00)\n\n变更为7月18日 星期二(8:00—16:00)，停电范围不变。\n")
    windows, cancelled = _read(text, dt.date(2034, 7, 12))
    assert windows[1:] == [("2034-07-18", "08:00", "16:00", "北仑区", ["紫石村", "瑞岩寺"])]
    assert cancelled == [("2034-07-13", "08:00", "16:00", "北仑区", ["紫石村", "瑞岩寺"])]


def test_a_news_site_s_chrome_around_a_column_and_a_base_named_after_its_town():
    """Set 80 (round 32, tuned on after its one scoring run): a 中国宁波网 page held its whole
    column back (exit 1) for its chrome: ``中国宁波网  首页 > 民生 > 便民服务``, ``字号：大 中 小  打印本页``,
    ``【责任编辑：陈思思】``, ``相关新闻：`` and its links, ``分享到：…``, ``版权所有 …``; and
    ``梁弄镇红色教育基地`` lost its town (an education base is an institution named after it)."""
    text = ("中国宁波网  首页 > 民生 > 便民服务\n\n计划停电预告(10月23日—10月25日)\n\n"
            "2034-10-20 17:32:06  来源：宁波日报  编辑：陈思思  阅读：1286\n字号：大 中 小  打印本页\n\n"
            "10月23日 星期一\n余姚 梁弄镇横坎头村、梁弄镇红色教育基地(8:00—16:00)\n\n【责任编辑：陈思思】\n\n"
            "相关新闻：\n· 国网慈溪市供电公司完成迎峰度冬准备  2034-10-19\n\n分享到：微信  微博  QQ空间\n"
            "版权所有 中国宁波网  浙ICP备XXXXXXXX号\n")
    result = parse_outage_notice(text, dt.date(2034, 10, 20), DISTRICTS, source_name="宁波日报")
    assert result.problems == []
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2034-10-23", "梁弄镇", ["横坎头村", "梁弄镇红色教育基地"])]


def test_a_chat_saying_a_slot_again_after_a_correction_in_words():
    """Set 78 (round 32, tuned on after its one scoring run): a village group's forwarded notice
    ``3月28日（周二）7:30—17:00，西店镇岭口村、…停电``, then ``开始时间改成8:30，结束时间不变``, then
    ``@所有人 再说一遍：3月28日 8:30—17:00 停电。``: the speaker's name above the last message
    (``网格员王海波：``) was read as its place; the slot said again is the day's slot re-timed."""
    text = ("网格员王海波：\n[转发] 国网宁海县供电公司西店供电所停电通知：3月28日（周二）7:30—17:00，西店镇岭口村、"
            "岭口电灌站停电，请相互转告。\n\n网格员王海波：\n@所有人 不好意思，开始时间改成8:30，结束时间不变，还是28号。\n\n"
            "网格员王海波：\n@所有人 再说一遍：3月28日 8:30—17:00 停电。\n")
    windows, cancelled = _read(text, dt.date(2034, 3, 26))
    assert windows == [("2034-03-28", "08:30", "17:00", "宁海县", ["岭口村", "岭口电灌站"])]
    assert cancelled == [("2034-03-28", "07:30", "17:00", "宁海县", ["岭口村", "岭口电灌站"])]


def test_a_clinic_s_hours_and_an_sms_slot_called_off_for_the_village_its_address_is_in():
    """Sets 78 and 79 (round 32, tuned on after their one scoring run): a health centre's
    ``门诊时间：周一至周日7:30—11:30，13:30—17:00`` was read as two windows a day; an SMS for
    ``（奉化区西坞街道白杜村南街123号）`` on 3月15日, then ``原定3月15日08:00-17:00西坞街道白杜村、…的停电计划
    取消，改至3月22日…``: the first message's window stayed (its address is in 白杜村)."""
    text = ("北仑区柴桥街道社区卫生服务中心\n关于外部电网检修期间医疗服务安排的通知\n\n各位患者及家属：\n"
            "    接供电部门通知，7月27日（星期四）22:00至次日2:00，因外部电网检修，柴桥街道社区卫生服务中心将停电。\n"
            "    门诊时间：周一至周日7:30—11:30，13:30—17:00。\n")
    windows, _ = _read(text, dt.date(2034, 7, 25))
    assert [(w[0], w[1], w[2]) for w in windows] == [("2034-07-27", "22:00", "次日02:00")]
    text = ("【国网宁波供电】尊敬的客户，您好！因线路检修，您户号3301xxxx2281（奉化区西坞街道白杜村南街123号）所在区域计划于"
            "2034年3月15日08:00至2034年3月15日17:00停电，请提前做好准备。\n\n"
            "【国网宁波供电】尊敬的客户，因近日持续降雨，原定3月15日08:00-17:00西坞街道白杜村、蒋家池头村的停电计划取消，"
            "改至3月22日（周三）同一时段进行。\n")
    windows, cancelled = _read(text, dt.date(2034, 3, 10))
    assert windows == [("2034-03-22", "08:00", "17:00", "奉化区", ["白杜村", "蒋家池头村"])]
    assert [(c[0], c[4]) for c in cancelled] == [("2034-03-15", ["白杜村", "蒋家池头村"])]


def test_a_run_wrapped_across_a_page_number_and_a_box_broken_from_its_kind():
    """Sets 78 and 81 (round 32, tuned on after their one scoring run): a PDF copy's run wrapped
    across ``- 7 -`` and the next page's running head read ``甬-7-达紧固件``; ``塘溪３号`` / ``公变、…``
    read as two areas ``塘溪3号`` and ``公变`` (both written with exit 0)."""
    text = ("计划停电预告\n3月21日 星期二\n镇海 骆驼街道团桥村、盛兴路1号箱变、甬\n- 7 -\n"
            "宁波日报 2034年3月18日 星期六 第7版\n达紧固件(8:00—16:00)\n")
    windows, _ = _read(text, dt.date(2034, 3, 18))
    assert windows == [("2034-03-21", "08:00", "16:00", "镇海区", ["团桥村", "盛兴路1号箱变", "甬达紧固件"])]
    text = "计划停电预告\n11月21日 星期二\n鄞州 塘溪镇童村、塘溪３号\n公变、塘溪５号公变(８:００—１６:３０)\n"
    windows, _ = _read(text, dt.date(2034, 11, 18))
    assert windows[0][4] == ["童村", "塘溪3号公变", "塘溪5号公变"]


def test_a_village_group_s_name_with_a_district_s_short_name_and_a_chat_s_also_cut():
    """Sets 79, 52, 53 (round 32, tuned on after its one scoring run): ``奉化大堰镇柏坑村村民群(186)``
    and ``北仑霞浦·海韵家园业主群(486)`` (a district's short name, then a town by its full or short
    name) gave no district or town; ``15号（礼拜六）下午1点到5点，大堰水库管理站、常照村也要停，线路搭头。``
    was no window; ``地下车库和5幢`` is two places."""
    text = ("奉化大堰镇柏坑村村民群(186)\n\n2034年7月11日 19:02\n村委会-王会计：【转发】村委通知：7月13日（礼拜四）"
            "早上7点到下午3点，柏坑村、谢界山村停电。\n\n2034年7月12日 08:15\n村委会-王会计：刚刚供电所打电话来，15号"
            "（礼拜六）下午1点到5点，大堰水库管理站、常照村也要停，线路搭头。柏坑村不停。\n")
    result = parse_outage_notice(text, dt.date(2034, 7, 11), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["district"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2034-07-13", "07:00", "奉化区", "大堰镇", ["柏坑村", "谢界山村"]),
        ("2034-07-15", "13:00", "奉化区", "大堰镇", ["大堰水库管理站", "常照村"])]
    text = ("北仑霞浦·海韵家园业主群(486)\n\n物业-小周 10:05\n另外7月31日（周三）晚上10点到第二天早上5点，"
            "地下车库和5幢也要停，是供电局换电缆\n")
    result = parse_outage_notice(text, dt.date(2030, 7, 26), DISTRICTS)
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("北仑区", "霞浦街道", ["地下车库", "5幢"])]


def test_a_chat_moving_a_slot_by_its_places_and_adding_one_it_also_arranges():
    """Set 81 (round 32, tuned on after its one scoring run): ``…通知桃渡新村7-15幢停电推迟到11月25日（周六）
    同一时间，11月23日正常供电❗ 另外桃渡新村1-6幢也安排在11月25日下午1点到5点停电``: the earlier window of
    those places moves to the 25th, its times kept; the places before 也安排在 are the added slot's
    (it had none)."""
    text = ("物业-小陈：\n@所有人 【停电通知】定于11月23日（周四）8:00-17:00对桃渡新村7-15幢停电，请各位业主提前做好准备。\n\n"
            "物业-小陈：\n@所有人 【重要更正】因明天寒潮大风，供电公司通知桃渡新村7-15幢停电推迟到11月25日（周六）同一时间，"
            "11月23日正常供电❗ 另外桃渡新村1-6幢也安排在11月25日下午1点到5点停电，请相互转告。\n")
    general = read_general(text, dt.date(2034, 11, 20))
    assert sorted((str(w["date"]), w["start"], w["areas"]) for w in general.windows) == [
        ("2034-11-25", "08:00", ["桃渡新村7-15幢"]), ("2034-11-25", "13:00", ["桃渡新村1-6幢"])]
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.cancelled] == [
        ("2034-11-23", "08:00", ["桃渡新村7-15幢"])]


def test_a_numbered_item_on_the_same_day_as_the_item_before():
    """Set 78 (round 32, tuned on after its one scoring run): ``一、2034年3月19日…8:30至下午16:30，…`` then
    ``二、同日晚上20:00-22:00，2号配电房负荷切换，2、4、6幢短时停电。``: the second slot was lost
    with exit 0 (同日 was read only after a comma or a full stop)."""
    text = ("具体安排如下：\n\n一、2034年3月19日（星期日）上午8:30至下午16:30，1号配电房检修，届时1、3、5、7幢及地下车库停电；\n"
            "二、同日晚上20:00-22:00，2号配电房负荷切换，2、4、6幢短时停电。\n")
    general = read_general(text, dt.date(2034, 3, 16))
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.windows] == [
        ("2034-03-19", "08:30", ["1、3、5、7幢", "地下车库"]), ("2034-03-19", "20:00", ["2、4、6幢"])]


def test_a_whole_day_said_cut_beside_a_timed_slot_on_its_line():
    """Sets 22, 24, 64, 69, 18 (tuned on; windows lost with exit 0): ``本村将于3月18日（星期六）全天停电，
    停电范围：…。3月19日（星期日）上午6:00至10:00，七组、八组停电。`` dropped the whole day (a date
    alone with a timed slot after it on its line); ``6月24日（星期六）全天，庄市街道中心学校停电``
    (a comma after 全天); ``我村大堰村、谢界山自然村4月22日…全天停电`` (the village speaking, then
    its places); ``…全天停电，2月13日…6:30至8:30再次停电…`` (the cut again has the places before)."""
    text = ("接横河供电所通知，本村将于3月18日（星期六）全天停电，停电范围：一组至六组、村老年活动室。"
            "3月19日（星期日）上午6:00至10:00，七组、八组停电。\n")
    general = read_general(text, dt.date(2028, 3, 14))
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.windows] == [
        ("2028-03-18", None, ["一组至六组", "村老年活动室"]), ("2028-03-19", "06:00", ["七组", "八组"])]
    text = "　　另，因学校配电房增容改造，6月24日（星期六）全天，庄市街道中心学校停电，周六兴趣班停课一次。\n"
    assert [(str(w["date"]), w["areas"]) for w in read_general(text, dt.date(2028, 6, 12)).windows] == [
        ("2028-06-24", ["庄市街道中心学校"])]
    text = "    接大堰供电所通知，我村大堰村、谢界山自然村4月22日（星期五）全天停电。\n"
    assert [w["areas"] for w in read_general(text, dt.date(2033, 4, 18)).windows] == [["大堰村", "谢界山自然村"]]
    text = ("    因孔浦校区配电房增容改造，孔浦校区定于2月12日（星期六）全天停电，2月13日（星期日）早上6:30至8:30"
            "再次停电进行送电调试。\n")
    general = read_general(text, dt.date(2028, 2, 7))
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.windows] == [
        ("2028-02-12", None, ["孔浦校区"]), ("2028-02-13", "06:30", ["孔浦校区"])]


def test_a_day_s_whole_day_slot_with_places_of_its_own_beside_its_timed_slots():
    """Sets 2, 11, 34, 37, 64 (tuned on; windows lost with exit 0): a whole day with places no
    timed slot of that day has, said on its own line (``2. 11月19日（星期五）全天`` / ``停电范围：…``,
    ``⚡4月9日（周四）全天`` / ``📍桑洲镇：…``) or in its sentence (``1月27日（星期六）港城实验学校本部及
    学生宿舍楼全天停电，1月28日（星期日）8:00-12:00…``), was dropped as the heading of the day's timed
    slots; a utility's lines cut all day (``对新林一专线、新林三专线全天停电``) stay out."""
    text = ("1. 11月19日（星期五）8:00—16:00\n停电范围：东陈乡东陈村、红岩村。\n\n2. 11月19日（星期五）全天\n"
            "停电范围：贤庠镇贤庠村、东旺村。\n")
    general = read_general(text, dt.date(2027, 11, 15))
    assert sorted((str(w["date"]), w["start"] or "", w["town"]) for w in general.windows) == [
        ("2027-11-19", "", "贤庠镇"), ("2027-11-19", "08:00", "东陈乡")]
    text = ("    因学校配电房增容改造，1月27日（星期六）港城实验学校本部及学生宿舍楼全天停电，1月28日（星期日）8:00-12:00"
            "学校食堂及体育馆停电。\n")
    general = read_general(text, dt.date(2029, 1, 18))
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.windows] == [
        ("2029-01-27", None, ["港城实验学校本部", "学生宿舍楼"]), ("2029-01-28", "08:00", ["学校食堂", "体育馆"])]


def test_days_of_a_called_off_span_said_to_stand():
    """Set 4 (tuned on; two windows lost with exit 0): ``原定于2024年9月10日至9月12日每天7:30—17:30对塘溪镇
    童村…实施的计划停电，…9月12日的停电取消，当天恢复正常供电；9月10日、9月11日的停电安排不变。``: the
    10th and 11th stand (they were written called off with the 12th)."""
    text = ("我公司原定于2024年9月10日至9月12日每天7:30—17:30对塘溪镇童村、雁村实施的计划停电，因线路改造工程进度提前，"
            "9月12日的停电取消，当天恢复正常供电；9月10日、9月11日的停电安排不变。\n")
    general = read_general(text, dt.date(2024, 9, 9))
    assert [str(w["date"]) for w in general.windows] == ["2024-09-10", "2024-09-11"]
    assert [str(w["date"]) for w in general.cancelled] == ["2024-09-12"]


def test_an_app_s_cards_with_a_count_of_households_beside_their_places():
    """Set 84 (round 33, tuned on after its one scoring run): ``▶ 2034-08-28　08:00-16:00`` over
    ``　小港街道：红联村、衙前村　　影响户数：612户``: the count was read as a place, and a card of
    one place (``　戚家山街道：蔚斗社区　　影响户数：208户``) was given the next card's places."""
    text = ("网上国网 | 停电公告\n北仑区　计划停电（共3条）\n\n▶ 2034-08-28　08:00-16:00\n"
            "　小港街道：红联村、衙前村　　影响户数：612户\n▶ 2034-08-28　08:00-16:00\n　戚家山街道：蔚斗社区　　影响户数：208户\n"
            "▶ 2034-08-29　09:00-11:30\n　新碶街道：明州路部分区域　　影响户数：1034户\n")
    general = read_general(text, dt.date(2034, 8, 25))
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.windows] == [
        ("2034-08-28", "小港街道", ["红联村", "衙前村"]), ("2034-08-28", "戚家山街道", ["蔚斗社区"]),
        ("2034-08-29", "新碶街道", ["明州路部分区域"])]


def test_a_town_s_slots_apart_by_a_comma_and_a_change_naming_its_own_places():
    """Set 83 (round 33, tuned on after its one scoring run): ``4月19日（星期三）8:00至12:00：仁久村、联合村，
    13:00至17:00：同岙村、钟家沙村。`` read the afternoon as a place of the morning; ``另，原定4月18日停电的
    横山村、沙堰村，调整至4月20日（星期四）8:00至17:00。`` moved the 18th's other window instead of these
    places (a summary by kind, ``停电的园区西区企业``, still gives way to the list named after it)."""
    text = ("    4月18日（星期二）8:00至17:00：宝幢村、石山弄村；\n"
            "    4月19日（星期三）8:00至12:00：仁久村、联合村，13:00至17:00：同岙村、钟家沙村。\n"
            "    另，原定4月18日停电的横山村、沙堰村，调整至4月20日（星期四）8:00至17:00。\n")
    general = read_general(text, dt.date(2034, 4, 14))
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.windows] == [
        ("2034-04-18", "08:00", ["宝幢村", "石山弄村"]), ("2034-04-19", "08:00", ["仁久村", "联合村"]),
        ("2034-04-19", "13:00", ["同岙村", "钟家沙村"]), ("2034-04-20", "08:00", ["横山村", "沙堰村"])]
    assert [(str(w["date"]), w["areas"]) for w in general.cancelled] == [("2034-04-18", ["横山村", "沙堰村"])]


def test_an_app_s_cards_between_box_rules_with_their_status_and_a_whole_day():
    """Set 88 (round 34, tuned on after its one scoring run): cards apart by ``━━━━`` lines, each with
    ``状态 已取消`` or ``状态 待停电`` under its label by spaces: the first card's status called every card
    off (a box rule is read as space, and a line of spaces did not end a card); ``停电时间 全天`` under
    a card's date was no window."""
    rule = "━━━━━━━━━━━━━━\n"
    text = ("当前区域：浙江省宁波市北仑区 ▼\n" + rule
            + "📅 2035-09-21 星期五\n停电时间 08:00-15:00\n影响范围 柴桥街道 瑞岩村、柴桥7号公变\n状态 已取消\n" + rule
            + "📅 2035-09-24 星期一\n停电时间 08:00-16:00\n影响范围 新碶街道 长江路沿线\n状态 待停电\n" + rule
            + "📅 2035-09-27 星期四\n停电时间 全天\n影响范围 霞浦街道 下三山村\n状态 待停电\n" + rule)
    general = read_general(text, dt.date(2035, 9, 20))
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in general.windows] == [
        ("2035-09-24", "08:00", "新碶街道", ["长江路沿线"]), ("2035-09-27", None, "霞浦街道", ["下三山村"])]
    assert [(str(w["date"]), w["areas"]) for w in general.cancelled] == [
        ("2035-09-21", ["瑞岩村", "柴桥7号公变"])]


def test_a_listing_s_records_with_their_dates_in_slashes():
    """Set 88 (round 34, tuned on after its one scoring run): a 95598 page's records
    ``开始时间：2035/9/13 8:30`` / ``结束时间：2035/9/13 16:30`` were no windows (only ``-`` and 年 were
    read between a record's year, month and day); a fault already over (``故障停电``, ``已送电``) stays
    none."""
    text = ("公告编号：3302050900123\n停电类型：计划检修\n开始时间：2035/9/13 8:30\n结束时间：2035/9/13 16:30\n"
            "停电范围：文教街道 大闸路沿线、文教2号箱变\n当前状态：未停电\n---------------------------------\n"
            "公告编号：3302050900124\n停电类型：故障停电\n开始时间：2035/9/11 14:05\n结束时间：2035/9/11 16:20\n"
            "停电范围：孔浦街道 康庄南路部分用户\n当前状态：已送电\n")
    result = parse_outage_notice(text, dt.date(2035, 9, 12), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2035-09-13", "08:30", "16:30", "文教街道", ["大闸路沿线", "文教2号箱变"])]


@pytest.mark.parametrize("addressed, expected", [
    ("致锦澜湾花园（江北区中马街道）全体业主：\n", ("江北区", "中马街道")),
    ("各入驻企业：\n", (None, None))])
def test_a_residents_notice_placed_by_its_addressee_or_its_address(addressed, expected):
    """Set 89 (round 34, tuned on after its one scoring run): an estate's notice addressed
    ``致锦澜湾花园（江北区中马街道）全体业主`` and a park's signed above ``园区地址：宁波市鄞州区云龙镇…``
    gave their windows no district (and the town printed after a signer's district was never read)."""
    text = addressed + "    第一次：11月15日（星期四）上午9:00—9:30\n    停电范围：1-18幢、地下车库\n\n物业服务中心\n2035年11月13日\n"
    general = read_general(text, dt.date(2035, 11, 13))
    assert [(w["district"], w["town"], w["areas"]) for w in general.windows] == [
        (*expected, ["1-18幢", "地下车库"])]
    signed = ("各入驻企业：\n    1. 11月15日（周四）22:00至次日6:00：A区分拣中心、B区仓库停电；\n\n"
              "甬链智慧物流园运营管理有限公司\n2035年11月13日\n园区地址：宁波市鄞州区云龙镇甬临线2666号\n")
    general = read_general(signed, dt.date(2035, 11, 13))
    assert [(w["district"], w["town"], w["areas"]) for w in general.windows] == [
        ("鄞州区", "云龙镇", ["A区分拣中心", "B区仓库"])]


def test_places_in_a_bracket_after_where_the_reader_is():
    """Sets 86 and 89 (round 34, tuned on after its one scoring run): ``您户号7023****56所在区域（镇海区
    招宝山街道城河东路、后大街一带）将于…`` kept the bracket as one area with no town; a shop's
    ``因所在片区（鼓楼街道公园路、中山西路一带）2月27日（周二）9:00—16:00计划停电`` gave no window to
    the general reader."""
    sms = ("【国网宁波供电】尊敬的客户：您好！因电力设施检修，您户号7023****56所在区域（镇海区招宝山街道城河东路、"
           "后大街一带）将于2035年11月17日08:30至2035年11月17日16:30停电，请提前做好准备。详询95598。\n")
    result = parse_outage_notice(sms, dt.date(2035, 11, 14), DISTRICTS)
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("镇海区", "招宝山街道", ["城河东路", "后大街一带"])]
    shop = "因所在片区（鼓楼街道公园路、中山西路一带）2月27日（周二）9:00—16:00计划停电，本店当天暂停营业。\n"
    general = read_general(shop, dt.date(2035, 2, 20))
    assert [(w["town"], w["areas"], w["start"]) for w in general.windows] == [
        ("鼓楼街道", ["公园路", "中山西路一带"], "09:00")]


def test_a_timed_slot_whose_places_are_not_found_stops_the_notice():
    """Set 51 (tuned on), found while reading set 86's change notice: ``三十六湾村9月10日（星期二）7:30—11:30
    的停电计划不变`` gave no window and only a warning, so the notice was written as read with a
    window missing. A slot with its times and no places found is now a problem (exit 1), its text
    kept in a note with --allow-partial; a day without times stays a warning. And ``对董家村、…进行的
    线路检修停电`` (the work's kind between) gives the changed slot its places."""
    text = ("奉化区溪口镇人民政府\n原定于9月10日（星期二）8:00—16:00对董家村、许家村、亭下村进行的线路检修停电，因与开学后首周教学安排冲突，"
            "调整为9月17日（星期二）8:00—16:00进行，停电范围不变。三十六湾村9月10日（星期二）7:30—11:30的停电计划不变。\n")
    result = parse_outage_notice(text, dt.date(2030, 9, 6), DISTRICTS)
    assert [(str(w["date"]), w["areas"]) for w in result.fields["windows"]] == [
        ("2030-09-17", ["董家村", "许家村", "亭下村"])]
    assert [(str(w["date"]), w["areas"]) for w in result.fields["cancelled"]] == [
        ("2030-09-10", ["董家村", "许家村", "亭下村"])]
    assert [(p.line, p.message) for p in result.problems] == [
        (2, '"9月10日（星期二）7:30—11:30" reads as a date but no places follow it; expected the places '
            'cut after it, such as "停电范围：食堂、图书馆"')]
    # (The equipment worked on is no place: the list after 停电范围不变 is the slot's.)
    text = ("原定于10月14日（周六）8:30—17:30对我小区2号配电房进行的检修停电，现改期至10月21日（周六）8:30—17:30"
            "进行，停电范围不变：锦悦府小区1、3、5、7幢及地下车库。\n")
    general = read_general(text, dt.date(2028, 10, 10))
    assert [w["areas"] for w in [*general.windows, *general.cancelled]] == [
        ["锦悦府小区1、3、5、7幢", "地下车库"]] * 2


def test_an_app_s_fault_card_and_a_card_headed_by_its_status():
    """Sets 87 and 89 (round 34, tuned on after its one scoring run): cards with no blank line
    between them, ``【计划停电】`` ×2 then ``【故障停电】`` with ``状态      已恢复送电``, read the fault
    already over as a window (the cards were one paragraph, planned words and all); a card headed
    ``⚪ 已取消  计划停电`` was a window, not a slot called off."""
    cards = ("【计划停电】\n停电时间  2035-05-25 08:00 ~ 2035-05-25 16:30\n停电区域  大碶街道璎珞村、高塘村\n"
             "                                        详情 >\n【故障停电】\n"
             "停电时间  2035-05-22 19:12 ~ 2035-05-22 21:05\n停电区域  柴桥街道后所村\n状态      已恢复送电\n"
             "                                        详情 >\n")
    general = read_general(cards, dt.date(2035, 5, 23))
    assert [(str(w["date"]), w["areas"]) for w in general.windows] == [("2035-05-25", ["璎珞村", "高塘村"])]
    headed = ("🔴 待停电  计划停电\n2035-11-06 08:00 ~ 2035-11-06 16:00\n邱隘镇回龙村、邱隘农贸市场\n\n"
              "⚪ 已取消  计划停电\n2035-11-07 08:30 ~ 2035-11-07 15:30\n横溪镇梅岭村、横溪水库管理站\n")
    general = read_general(headed, dt.date(2035, 11, 4))
    assert [(str(w["date"]), w["areas"]) for w in general.windows] == [("2035-11-06", ["回龙村", "邱隘农贸市场"])]
    assert [(str(w["date"]), w["areas"]) for w in general.cancelled] == [
        ("2035-11-07", ["梅岭村", "横溪水库管理站"])]


def test_a_table_s_time_cell_said_every_day():
    """Set 88 (round 34, tuned on after its one scoring run): a row ``| 9月25—26日 | 8:00-16:00（每天） |
    10kV鹿亭C733线 | 鹿亭乡中村、李家塔村 |`` gave each day a second window whose place was ``（每天）``
    (the column reader's reading, which stands for this table)."""
    name = "cn-zhejiang-ningbo-sgccyy-yuyao-mdtable-203509.txt"
    result = parse_outage_notice((PROBES88 / name).read_text(encoding="utf-8"), dt.date(2035, 9, 19),
                                 DISTRICTS)
    assert [(str(w["date"]), w.get("town"), w["areas"]) for w in result.fields["windows"]
            if str(w["date"]) in ("2035-09-25", "2035-09-26")] == [
        ("2035-09-25", "马渚镇", ["斗门村", "开元村", "马渚5号公变"]),
        ("2035-09-25", "鹿亭乡", ["中村", "李家塔村"]), ("2035-09-26", "鹿亭乡", ["中村", "李家塔村"])]


def test_a_record_s_later_places_said_with_their_town_again():
    """Sets 86 and 89 (round 34, tuned on after their one scoring run): a record's
    ``停电范围：丹西街道新丰村、丹西街道文化路部分用户`` kept ``丹西街道文化路部分用户`` (文化 read as an
    institution's word, as 人民 was before 路), and ``新碶街道明州路部分商铺、北仑区新碶街道新大路1288号``
    kept the district and town before the address; a company's name keeps them
    (``宁海县西店镇恒达模具厂``)."""
    text = ("【1】\n停电时间：2035年2月26日08:00至2035年2月26日16:00\n"
            "停电范围：丹西街道新丰村、丹西街道文化路部分用户\n\n【2】\n"
            "停电时间：2035年2月27日08:00至2035年2月27日12:00\n"
            "停电范围：新碶街道明州路部分商铺、北仑区新碶街道新大路1288号、北仑区新碶街道恒达模具厂\n")
    general = read_general(text, dt.date(2035, 2, 20))
    assert [(w["town"], w["areas"]) for w in general.windows] == [
        ("丹西街道", ["新丰村", "文化路部分用户"]),
        ("新碶街道", ["明州路部分商铺", "新大路1288号", "北仑区新碶街道恒达模具厂"])]


def test_a_town_s_site_places_the_windows_its_district_s_utility_serves():
    """Set 86 (round 34, tuned on after its one scoring run): a 街道's site (``宁波市鄞州区人民政府下应街道办事处``)
    relaying its utility's notice (``接国网宁波市鄞州区供电公司通知``) put the windows in the district only,
    and kept ``下应街道东方丽都小区`` whole; the town is the site's, said in a warning."""
    text = ("宁波市鄞州区人民政府下应街道办事处\n首页 > 通知公告\n\n关于2月下旬辖区部分区域停电的通知\n\n"
            "接国网宁波市鄞州区供电公司通知，因配网线路改造，定于2035年2月27日（周二）上午8时30分至下午4时，"
            "对湖下村、河东村、下应街道东方丽都小区实施停电。\n")
    result = parse_outage_notice(text, dt.date(2035, 2, 23), DISTRICTS)
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("鄞州区", "下应街道", ["湖下村", "河东村", "东方丽都小区"])]
    assert [m.message for m in result.warnings if "town" in m.message] == [
        '1 window naming no town put in 下应街道, the town the notice\'s site '
        '"宁波市鄞州区人民政府下应街道办事处" names; check it']


def test_an_sms_thread_moving_a_slot_named_by_its_places_in_a_bracket():
    """Set 88 (round 34, tuned on after its one scoring run): ``…计划于2035年9月17日08:00-17:00停电，
    地址：奉化区江口街道南渡村。`` gave the slot no place, and the later message ``原定于9月17日08:00-17:00的
    计划停电（江口街道南渡村）调整为9月19日07:30-12:30`` read neither the bracket's places nor its new
    slot: the 17th stayed a window, the 19th was none."""
    text = ("9月12日 周三 10:15\n【国网宁波供电】尊敬的客户：您户号34******1206所在区域因线路检修，计划于2035年9月17日"
            "08:00-17:00停电，地址：奉化区江口街道南渡村。如遇雨天顺延。详情请咨询95598。\n\n9月14日 周五 16:02\n"
            "【国网宁波供电】尊敬的客户：原定于9月17日08:00-17:00的计划停电（江口街道南渡村）调整为9月19日07:30-12:30，"
            "给您带来不便敬请谅解。回复TD退订\n")
    result = parse_outage_notice(text, dt.date(2035, 9, 14), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2035-09-19", "07:30", "江口街道", ["南渡村"])]
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in result.fields["cancelled"]] == [
        ("2035-09-17", "08:00", "江口街道", ["南渡村"])]
    assert not result.problems


def test_a_markdown_row_struck_out_day_and_all():
    """Set 89 (round 34, tuned on after its one scoring run): a row struck out in every cell,
    ``| ~~11月28日（周三）~~ | ~~08:00-16:00~~ | 10kV低塘线 | ~~低塘街道：历山村、黄清堰村~~ | 已取消 |``, kept
    its day's marks, so the layout reader gave up on the table and the column reader read the
    marks as places (and ``07:30-12:00<br>13:00-17:30`` as a place ``<br>``)."""
    text = ("# 国网余姚市供电公司计划停电公告（11月27日—11月30日）\n\n发布时间：2035-11-24\n\n"
            "| 序号 | 停电日期 | 停电时间 | 停电线路 | 停电范围 | 备注 |\n|---|---|---|---|---|---|\n"
            "| 1 | 11月28日（周三） | 07:30-12:00<br>13:00-17:30 | 10kV三七市线 | 三七市镇：石步村、幸福村 | 中午恢复送电 |\n"
            "| 2 | ~~11月28日（周三）~~ | ~~08:00-16:00~~ | 10kV低塘线 | ~~低塘街道：历山村、黄清堰村~~ | 已取消 |\n"
            "| 3 | 11月30日（周五） | 09:00-11:00 | 10kV阳明线 | 阳明街道：新建北路288号 | |\n")
    result = parse_outage_notice(text, dt.date(2035, 11, 24), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2035-11-28", "07:30", "三七市镇", ["石步村", "幸福村"]),
        ("2035-11-28", "13:00", "三七市镇", ["石步村", "幸福村"]),
        ("2035-11-30", "09:00", "阳明街道", ["新建北路288号"])]
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["cancelled"]] == [
        ("2035-11-28", "低塘街道", ["历山村", "黄清堰村"])]


def test_a_pdf_column_across_a_page_break_and_its_foot():
    """Set 89 (round 34, tuned on after its one scoring run): a run cut by a page break,
    ``…龙山镇方家河头`` / ``（下转A09版）`` / the page's foot and the next page's head / ``（上接A08版）`` /
    ``村、龙山镇人民政府…``, read the next page's head as a place; and (sets 47, 51) a paragraph's last
    lines after its last time (``宁波供电公司``, ``·本版热线 … — 8 —``) kept its wrapped lines apart
    (``庄市街`` / ``道勤勇村``), a page's letter and section alone (``A09  民生·便民``) was a place."""
    text = ("东南商报                                          2035年11月15日 星期四\n"
            "A08                               甬上·便民                    责任编辑：陈 雨\n\n计划停电预告\n"
            "11月20日 星期二\n慈溪 横河镇孙家境村、彭桥村、横河\n镇秦堰村(7:30—15:30)龙山镇方家河头\n（下转A09版）\n\n"
            "本版广告热线：0574-87654321    新闻热线：0574-87777777\n                                    - 8 -\n"
            "东南商报                                          2035年11月15日 星期四\n"
            "A09                               甬上·便民                    责任编辑：陈 雨\n（上接A08版）\n"
            "村、龙山镇人民政府、凡市村(9:00—17:00)\n11月21日 星期三\n镇海 澥浦镇岚山村、觉渡村、\n"
            "澥浦菜场(8:00—15:00)庄市街\n道勤勇村(13:00—17:30)\n宁波供电公司\n网址：95598.zj.sgcc.com.cn\n"
            "   ·本版热线 87777777 ·               — 8 —\n")
    result = parse_outage_notice(text, dt.date(2035, 11, 15), DISTRICTS)
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2035-11-20", "横河镇", ["孙家境村", "彭桥村", "秦堰村"]),
        ("2035-11-20", "龙山镇", ["方家河头村", "龙山镇人民政府", "凡市村"]),
        ("2035-11-21", "澥浦镇", ["岚山村", "觉渡村", "澥浦菜场"]), ("2035-11-21", "庄市街道", ["勤勇村"])]
    assert not result.problems
    section = "东南商报    2030年9月13日  星期五\nA09  民生·便民\n9月16日 星期一\n鄞州 咸祥镇人民政府、咸祥中学(7:30—17:00)\n"
    result = parse_outage_notice(section, dt.date(2030, 9, 13), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["咸祥镇人民政府", "咸祥中学"]]
    assert not result.problems


def test_a_school_named_in_full_among_the_places_before_two_listed_slots():
    """Set 86 (round 34, tuned on after its one scoring run): ``因骆驼街道10kV线路检修，骆驼街道盛兴路、团桥路一带
    及骆驼实验学校校区将于2月19日（星期一）8:00至17:00、2月20日（星期二）8:00至12:00停电``: the places were
    refused (学校 read as the school speaking of itself) and the second slot listed had none."""
    text = ("因骆驼街道10kV线路检修，骆驼街道盛兴路、团桥路一带及骆驼实验学校校区将于2月19日（星期一）8:00至17:00、"
            "2月20日（星期二）8:00至12:00停电，其间学校值班电话可能无法接通。\n")
    general = read_general(text, dt.date(2035, 2, 16))
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.windows] == [
        ("2035-02-19", "骆驼街道", ["盛兴路", "团桥路一带", "骆驼实验学校校区"]),
        ("2035-02-20", "骆驼街道", ["盛兴路", "团桥路一带", "骆驼实验学校校区"])]


def test_a_village_board_s_own_village_and_a_town_s_seat():
    """Sets 87 and 88 (round 34, tuned on after their one scoring run): a board's ``本村定于5月16日（星期三）
    早上6：00至中午12：00停电`` signed ``余姚市大岚镇下庄村村民委员会`` gave the window no place; ``对洞桥集镇、
    洞桥镇文化礼堂停电`` read the town's seat (集镇) as a town heading the place after it."""
    board = ("停 电 通 知\n\n全体村民、各茶叶加工户：\n    接上级供电部门通知，因线路检修，本村定于5月16日（星期三）早上6：00至"
             "中午12：00停电。\n\n                                    余姚市大岚镇下庄村村民委员会\n"
             "                                        2035年5月14日\n")
    general = read_general(board, dt.date(2035, 5, 14))
    assert [(w["town"], w["areas"]) for w in general.windows] == [("大岚镇", ["下庄村"])]
    seat = "电力部门将于9月23日（星期日）8:00至12:00对洞桥集镇、洞桥镇文化礼堂停电。\n"
    general = read_general(seat, dt.date(2035, 9, 19))
    assert [(w["town"], w["areas"]) for w in general.windows] == [(None, ["洞桥集镇", "洞桥镇文化礼堂"])]


def test_a_space_table_s_rows_moved_from_a_day_said_in_their_remark():
    """Set 75 (held out through stop 45, tuned on now): rows remarked ``原定5月16日，延期`` under
    ``原定于5月16日、17日实施的部分检修工作延期进行，现将调整后的停电安排公告如下：`` gave the days called
    off the sentence's words as places (``现将调整后``), and the 16th's was moved onto another
    row's places (``5月16日 … 丹西街道 … 不变``)."""
    text = ("国网象山县供电公司\n关于调整部分计划停电安排的公告\n\n"
            "因今年梅雨季节提前，原定于5月16日、17日实施的部分检修工作延期进行，现将调整后的停电安排公告如下：\n\n"
            " 日期       时间          乡镇/街道    停电范围                              备注\n"
            " 5月16日    08:00-15:00   丹西街道     丹河村、城西菜场                      不变\n"
            " 5月19日    08:00-16:00   定塘镇       金星村、大塘村                        原定5月16日，延期\n"
            " 5月22日    07:30-17:00   贤庠镇       港口村、沙地村                        原定5月17日，延期\n")
    general = read_general(text, dt.date(2034, 5, 12))
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.windows] == [
        ("2034-05-16", "丹西街道", ["丹河村", "城西菜场"]), ("2034-05-19", "定塘镇", ["金星村", "大塘村"]),
        ("2034-05-22", "贤庠镇", ["港口村", "沙地村"])]
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in general.cancelled] == [
        ("2034-05-16", None, "定塘镇", ["金星村", "大塘村"]), ("2034-05-17", None, "贤庠镇", ["港口村", "沙地村"])]


def test_a_day_moved_with_its_times_kept_is_the_slot_of_the_record_below():
    """Set 71 (held out through stop 43, tuned on now): ``原定于10月12日（星期三）实施的以下停电检修工作顺延至
    10月19日（星期三）进行，停电时间段不变：`` over the 19th's record called off the 12th with no place
    and no time; it is the record's slot on the day it had."""
    text = ("因第18号台风“海鸥”影响，原定于10月12日（星期三）实施的以下停电检修工作顺延至10月19日（星期三）进行，"
            "停电时间段不变：\n\n停电时间：10月19日 7:30—16:00\n停电范围：贤庠镇城东村、贤庠2号公变\n停电线路：10kV贤庠线\n\n"
            "以下停电检修工作如期进行：\n\n停电时间：10月13日 8:00—15:00\n停电范围：墙头镇方家岙村、溪里方村\n")
    general = read_general(text, dt.date(2033, 10, 10))
    assert [(str(w["date"]), w["start"], w["town"]) for w in general.windows] == [
        ("2033-10-19", "07:30", "贤庠镇"), ("2033-10-13", "08:00", "墙头镇")]
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"]) for w in general.cancelled] == [
        ("2033-10-12", "07:30", "16:00", "贤庠镇", ["城东村", "贤庠2号公变"])]


def test_an_app_card_tagged_called_off_under_a_box_rule():
    """Set 84 (held out through stop 46, tuned on now): a card ``计划停电　　　　[已取消]`` under a
    ``━━━━`` rule was a window: its first line was taken to be the rule (read as spaces)."""
    rule = "━━━━━━━━━━━━━━━━\n"
    text = ("宁波市 ▾　　江北区 ▾　　　　　　更新时间 2034-08-19\n" + rule
            + "计划停电　　　　　　　　　　　　[已发布]\n停电时间　2034-08-21 08:00 ~ 2034-08-21 16:00\n"
            "停电区域　中马街道 白沙路部分区域、外马路社区\n" + rule
            + "计划停电　　　　　　　　　　　　[已取消]\n停电时间　2034-08-22 08:30 ~ 2034-08-22 12:30\n"
            "停电区域　文教街道 大庆南路、文教路一带\n" + rule)
    general = read_general(text, dt.date(2034, 8, 19))
    assert [(str(w["date"]), w["town"]) for w in general.windows] == [("2034-08-21", "中马街道")]
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.cancelled] == [
        ("2034-08-22", "文教街道", ["大庆南路", "文教路一带"])]


def test_a_numbered_day_called_off_after_its_colon_on_a_town_s_site():
    """Set 82 (held out through stop 46, tuned on now): ``3. 1月23日（星期一）：取消（原计划对学府社区进行的
    停电检修另行安排）。`` was a whole-day window; and the town the site's byline names
    (``来源：首南街道办事处``) placed the windows its district's utility serves."""
    text = ("首页 > 政务公开 > 通知公告\n\n关于1月下旬辖区部分小区计划停电的通知\n"
            "发布日期：2034-01-17    来源：首南街道办事处    浏览次数：412\n\n各社区、物业服务企业：\n\n"
            "    接国网宁波市鄞州区供电公司通知，为配合南部商务区配网改造，辖区部分区域将计划停电，具体如下：\n\n"
            "    1. 1月21日（星期六）8:30—17:00：日丽社区锦绣华庭、泰康中路169号；\n"
            "    2. 1月23日（星期一）：取消（原计划对学府社区进行的停电检修另行安排）。\n")
    result = parse_outage_notice(text, dt.date(2034, 1, 17), DISTRICTS)
    assert [(str(w["date"]), w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("2034-01-21", "首南街道", ["日丽社区锦绣华庭", "泰康中路169号"])]
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in result.fields["cancelled"]] == [
        ("2034-01-23", None, "首南街道", ["学府社区"])]


@pytest.mark.parametrize("sentence, remark, expected", [
    # Set 79: the sentence says the slot's times; the row's remark names the day it came from.
    ("原定于7月25日（星期二）8:00-16:00对10kV涂茨线进行的检修（影响涂茨镇旭拱岙村、旭拱岙渔港）顺延至7月28日（星期五）"
     "同一时段进行。", "由7月25日顺延", ("2034-07-25", "08:00", ["旭拱岙村", "旭拱岙渔港"])),
    # Set 74: a reason between the day and the verb; no time said: the day alone.
    ("调整后本周计划停电安排如下：", "原定7月25日，因节后复工负荷调整改期",
     ("2034-07-25", None, ["旭拱岙村", "旭拱岙渔港"])),
    # Set 60: the sentence says the times stand: the row's.
    ("原定7月25日（星期二）涂茨镇的计划停电工作延期至7月28日（星期五）实施，停电时间不变。", "由7月25日延期",
     ("2034-07-25", "08:00", ["旭拱岙村", "旭拱岙渔港"]))])
def test_a_tab_table_s_row_moved_from_a_day_its_remark_names(sentence, remark, expected):
    """Sets 60, 74 and 79 (held out through earlier stops, tuned on now): a row remarked
    ``由7月25日顺延`` or ``原定2月27日，因节后复工负荷调整改期`` called no day off, or (with the remark read)
    called it off twice, once without the times the sentence above says."""
    text = (f"各电力客户：\n    {sentence}\n\n停电日期\t停电时间\t乡镇（街道）\t停电范围\t备注\n"
            "2034-07-27\t07:00-12:00\t黄避岙乡\t高泥村、塔头旺村\t\n"
            f"2034-07-28\t08:00-16:00\t涂茨镇\t旭拱岙村、旭拱岙渔港\t{remark}\n")
    general = read_general(text, dt.date(2034, 7, 24))
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.windows] == [
        ("2034-07-27", "07:00", ["高泥村", "塔头旺村"]), ("2034-07-28", "08:00", ["旭拱岙村", "旭拱岙渔港"])]
    assert [(str(w["date"]), w["start"], w["areas"]) for w in general.cancelled] == [expected]


def test_a_village_board_s_range_after_its_cut_and_a_slot_it_calls_off():
    """Set 85 (held out through stop 46, tuned on now): ``…早上7点半到下午4点半，我村要停电，范围是：车厩村一组至
    六组、村部、…`` gave the window the place ``我村``; ``另：原定12月12日（星期二）的停电已取消。`` signed by
    ``车厩村村民委员会`` called off a slot naming no place: the board's village."""
    text = ("各位村民：\n\n    接供电所通知，12月14日（星期四）早上7点半到下午4点半，我村要停电，范围是：车厩村一组至六组、村部、"
            "老年活动室、车厩农贸店。停电期间村里自来水也会停，请大家提前储水。\n\n    另：原定12月12日（星期二）的停电已取消。\n\n"
            "                                   车厩村村民委员会\n                                   2034年12月10日\n")
    general = read_general(text, dt.date(2034, 12, 10))
    assert [(str(w["date"]), w["areas"]) for w in general.windows] == [
        ("2034-12-14", ["车厩村一组至六组", "村部", "老年活动室", "车厩农贸店"])]
    assert [(str(w["date"]), w["areas"]) for w in general.cancelled] == [("2034-12-12", ["车厩村"])]


def test_a_chat_moving_a_day_s_slot_to_another_day_at_the_same_time():
    """Set 82 (held out through stop 46, tuned on now): a group's later message ``17号的停电改到19号（星期四）
    同样时间，范围不变`` left the 17th a window; and the group's name behind the app's back arrow
    (``<  海曙区望春街道春华苑业主群(486)``) gave no district."""
    text = ("<  海曙区望春街道春华苑业主群(486)                 ···\n\n                    1月12日 晚上19:48\n"
            "李姐（8幢）：\n【转】望春街道关于计划停电的通知：因电力线路迁改，1月16日（星期一）上午8:00至下午4:00，春华苑1-18幢、"
            "望春菜场停电；1月17日（星期二）上午8:00至中午12:00，春华苑19-26幢、春华幼儿园停电。\n\n"
            "                    1月13日 早上07:05\n物业-小周：补充一下，刚接到街道通知，17号的停电改到19号（星期四）同样时间，范围不变\n")
    result = parse_outage_notice(text, dt.date(2034, 1, 12), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["district"], w["areas"]) for w in result.fields["windows"]] == [
        ("2034-01-16", "08:00", "海曙区", ["春华苑1-18幢", "望春菜场"]),
        ("2034-01-19", "08:00", "海曙区", ["春华苑19-26幢", "春华幼儿园"])]
    assert [(str(w["date"]), w["start"], w["areas"]) for w in result.fields["cancelled"]] == [
        ("2034-01-17", "08:00", ["春华苑19-26幢", "春华幼儿园"])]


def test_a_row_moved_here_with_the_day_and_times_it_had():
    """Set 66 (held out through stop 42, tuned on now): a remark ``原定3月26日（周六）08:00-16:00，因施工调整改至
    本日`` named the slot the row was, with its times: it was not called off."""
    text = ("日期\t时间\t镇（街道）\t停电范围\t备注\n2033-03-28\t08:00-16:00\t新浦镇\t水云浦村、四灶浦村\t\n"
            "2033-03-30\t08:00-16:00\t庵东镇\t华兴村、宏兴光伏\t原定3月26日（周六）08:00-16:00，因施工调整改至本日\n")
    general = read_general(text, dt.date(2033, 3, 24))
    assert [(str(w["date"]), w["town"]) for w in general.windows] == [
        ("2033-03-28", "新浦镇"), ("2033-03-30", "庵东镇")]
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"]) for w in general.cancelled] == [
        ("2033-03-26", "08:00", "16:00", "庵东镇", ["华兴村", "宏兴光伏"])]


def test_a_slot_moved_for_the_places_listed_below():
    """Set 69 (held out through stop 42, tuned on now): ``原定于4月12日（星期二）8:00-16:00对下列区域的计划停电，
    因天气原因延期至4月26日（星期二）8:00-16:00进行，停电范围不变：`` over a table of places called off a slot
    whose place was ``下列区域``: it is the table's places, one slot each, at the times it had."""
    text = ("尊敬的客户：\n原定于4月12日（星期二）8:00-16:00对下列区域的计划停电，因天气原因延期至4月26日（星期二）8:00-16:00"
            "进行，停电范围不变：\n\n序号\t停电区域\t停电设备\n1\t定塘镇：沙地村、小湖村\t10kV定塘线\n"
            "2\t新桥镇：高湖村、东溪村部分用户\t10kV新桥线#12杆后段\n")
    general = read_general(text, dt.date(2033, 4, 11))
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in general.cancelled] == [
        ("2033-04-12", "08:00", "定塘镇", ["沙地村", "小湖村"]),
        ("2033-04-12", "08:00", "新桥镇", ["高湖村", "东溪村部分用户"])]


def test_a_line_cut_glued_to_the_town_before_its_places():
    """Set 92 (round 35, tuned on after its one scoring run): ``一、8月14日（星期二）7:00—17:00，10kV丈亭线丈亭镇
    渔溪村、汇头村、丈亭镇老街部分用户停电。`` kept the line cut and the town in the first place (the
    line was read as a label only before a town and its colon)."""
    text = ("一、8月14日（星期二）7:00—17:00，10kV丈亭线丈亭镇渔溪村、汇头村、丈亭镇老街部分用户停电。\n\n"
            "三、8月16日至18日每天5:00—9:00，10kV三七线三七市镇石步村、幸福村停电（配合道路迁改工程）。\n")
    general = read_general(text, dt.date(2035, 8, 10))
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.windows] == [
        ("2035-08-14", "丈亭镇", ["渔溪村", "汇头村", "老街部分用户"]),
        ("2035-08-16", "三七市镇", ["石步村", "幸福村"]), ("2035-08-17", "三七市镇", ["石步村", "幸福村"]),
        ("2035-08-18", "三七市镇", ["石步村", "幸福村"])]


def test_a_bar_table_s_row_of_a_fault_already_over():
    """Set 90 (round 35, tuned on after its one scoring run): a 95598 listing's row ``4 | 北仑 | 小港街道：红联村、
    枫林村部分用户 | 2035-03-06 14:05—2035-03-06 18:30 | 故障停电 | 已送电`` was a window (rows apart by
    bars were not read for an outage already over, as rows apart by tabs or spaces were)."""
    text = ("序号 | 供电单位 | 停电区域 | 停电时间 | 停电类型 | 状态\n"
            "1 | 北仑 | 新碶街道：明州路沿线、新碶13号箱变 | 2035-03-09 08:00—2035-03-09 17:00 | 计划停电 | 待执行\n"
            "2 | 北仑 | 小港街道：红联村、枫林村部分用户 | 2035-03-06 14:05—2035-03-06 18:30 | 故障停电 | 已送电\n")
    general = read_general(text, dt.date(2035, 3, 7))
    assert [(str(w["date"]), w["town"]) for w in general.windows] == [("2035-03-09", "新碶街道")]


def test_a_column_run_s_original_time_then_a_comma_and_its_change():
    """Set 95 (round 36, tuned on after its one scoring run): ``奉化 大堰镇柏坑村、大堰村、谢家岙村 原定(8:00—16:00)，
    变更为(8:00—12:00)`` under a column's ``变更：`` kept ``谢家岙村原定`` as a place and called off a slot whose
    place was ``变更为``, with exit 0 (the comma before the change was not read; without it, it was)."""
    text = ("计划停电预告\n\n4月9日 星期一\n\n鄞州 姜山镇走马塘村(8:00—16:00)\n\n变更：\n\n4月12日 星期四\n\n"
            "奉化 大堰镇柏坑村、大堰村、谢家岙村 原定(8:00—16:00)，变更为(8:00—12:00)\n")
    result = parse_outage_notice(text, dt.date(2035, 4, 7), DISTRICTS)
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"])
            for w in result.fields["windows"]] == [
        ("2035-04-09", "08:00", "16:00", "姜山镇", ["走马塘村"]),
        ("2035-04-12", "08:00", "12:00", "大堰镇", ["柏坑村", "大堰村", "谢家岙村"])]
    assert [(c["start"], c["end"], c["areas"]) for c in result.fields["cancelled"]] == [
        ("08:00", "16:00", ["柏坑村", "大堰村", "谢家岙村"])]


def test_a_table_row_with_no_time_called_off_at_the_time_its_remark_gives():
    """Set 94 (round 36, tuned on after its one scoring run): a 95598 table aligned by spaces, a row
    ``01月30日    -    骆驼街道    盛家村    已取消（原定13:00-17:00）``: the slot was not read (exit 1); it is
    called off at the time the remark gives."""
    text = ("日期        时间           乡镇/街道    停电范围                    备注\n"
            "01月29日    08:00-12:00    九龙湖镇     河头村、长石村\n"
            "01月30日    -              骆驼街道     盛家村                      已取消（原定13:00-17:00）\n"
            "01月31日    09:00-15:00    庄市街道     兴庄路沿线、庄市老街\n")
    general = read_general(text, dt.date(2035, 1, 26))
    assert [(str(w["date"]), w["start"], w["town"], w["areas"]) for w in general.windows] == [
        ("2035-01-29", "08:00", "九龙湖镇", ["河头村", "长石村"]),
        ("2035-01-31", "09:00", "庄市街道", ["兴庄路沿线", "庄市老街"])]
    assert [(str(w["date"]), w["start"], w["end"], w["town"], w["areas"]) for w in general.cancelled] == [
        ("2035-01-30", "13:00", "17:00", "骆驼街道", ["盛家村"])]


def test_an_app_card_s_kind_and_status_above_its_time_with_no_labels():
    """Set 94 (round 36, tuned on after its one scoring run): app cards ``📌 计划停电 · 待执行`` / ``1月30日 周二
    08:00-16:30`` / ``定塘镇 金星村、…`` / ``停电原因：…``: each window took the next card's heading as its
    places (a pinned line), and ``· 已取消`` did not call the slot off."""
    text = ("网上国网\n停电公告｜象山县\n\n📌 计划停电 · 待执行\n1月30日 周二 08:00-16:30\n定塘镇 金星村、沙地村\n"
            "停电原因：配网检修\n\n📌 计划停电 · 已取消\n1月29日 周一 08:00-16:00\n新桥镇 高湾村、东溪村\n"
            "取消原因：寒潮预警\n\n📌 计划停电 · 待执行\n1月31日 周三 13:00-17:30\n墙头镇 方家岙村、溪口村\n停电原因：线路改造\n")
    general = read_general(text, dt.date(2035, 1, 27))
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.windows] == [
        ("2035-01-30", "定塘镇", ["金星村", "沙地村"]), ("2035-01-31", "墙头镇", ["方家岙村", "溪口村"])]
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.cancelled] == [
        ("2035-01-29", "新桥镇", ["高湾村", "东溪村"])]


def test_a_town_s_works_named_after_it_keep_the_town():
    """Set 95 (round 36, tuned on after its one scoring run): ``一市镇海产品加工厂`` and ``大岚镇茶场`` are works
    named after their town, as ``横街镇卫生院`` is an institution of it; the town was cut from them with
    exit 0 (written ``海产品加工厂``, ``茶场``)."""
    text = ("计划停电预告\n\n4月12日 星期四\n\n宁海 一市镇前岙村、东岙村、一市镇海产品加工厂(6:00—10:00)\n\n"
            "余姚 大岚镇柿林村、丁家畈村、大岚镇茶场(6:30—12:30)\n")
    result = parse_outage_notice(text, dt.date(2035, 4, 10), DISTRICTS)
    assert [(w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("一市镇", ["前岙村", "东岙村", "一市镇海产品加工厂"]), ("大岚镇", ["柿林村", "丁家畈村", "大岚镇茶场"])]


def test_a_caption_in_brackets_names_the_district_and_town_of_a_village_board():
    """Sets 95 and 96 (round 36, tuned on after its one scoring run): a transcribed village board under a
    caption, ``[照片转文字：余姚大岚镇柿林村村务公开栏，7月5日拍]``: its windows named no district (exit 1); the
    caption's district and town are theirs, with the warning quoting the caption as printed."""
    text = ("[照片转文字：余姚大岚镇柿林村村务公开栏，7月5日拍]\n\n停 电 通 知\n\n全体村民：\n"
            "供电所通知，7月7日（星期六）早上5点到上午10点，柿林村、丁家畈片停电，检修变压器。"
            "7月8日（星期日）下午1点半到5点，许岩片停电。\n\n柿林村村民委员会\n二〇三五年七月四日\n")
    result = parse_outage_notice(text, dt.date(2035, 7, 4), DISTRICTS)
    assert [(w["date"].day, w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (7, "余姚市", "大岚镇", ["柿林村", "丁家畈片"]), (8, "余姚市", "大岚镇", ["许岩片"])]
    assert not result.problems
    assert [w.message for w in result.warnings if "head line" in w.message] == [
        '2 windows naming no district put in 余姚市, the district the notice\'s head line '
        '"[照片转文字：余姚大岚镇柿林村村务公开栏，7月5日拍]" names; check it']


def test_a_message_s_signature_in_brackets_and_a_caption_after_a_clause_name_the_district():
    """Sets 95 and 96 (round 36, tuned on after its one scoring run): a property's SMS signed at its end,
    ``…敬请谅解！（鄞州区首南街道锦绣澜庭物业服务中心）回T退订``, and messages under ``（业主转发两条物业短信，
    鄞州区东柳街道锦澜府小区）`` named no district (exit 1); the signature gives the district and town, the
    caption the district, each with its warning quoting it."""
    sms = ("4月16日 周一 10:12\n【锦绣澜庭物业】尊敬的业主：接供电部门通知，因小区外线改造，4月18日（周三）22:00至次日5:00，"
           "锦绣澜庭1-12幢、地下车库将停电，请提前做好准备！（鄞州区首南街道锦绣澜庭物业服务中心）回T退订\n")
    result = parse_outage_notice(sms, dt.date(2035, 4, 16), DISTRICTS)
    assert [(w["district"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        ("鄞州区", "首南街道", ["锦绣澜庭1-12幢", "地下车库"])]
    assert [w.message for w in result.warnings if "signature" in w.message] == [
        '1 window naming no district put in 鄞州区, the district the notice\'s signature '
        '"（鄞州区首南街道锦绣澜庭物业服务中心）" names; check it']
    forwarded = ("（业主转发两条物业短信，鄞州区东柳街道锦澜府小区）\n\n7月13日 09:12\n【锦澜府物业】尊敬的业主：接供电部门通知，"
                 "7月16日（周一）晚23:00至17日（周二）早5:00，锦澜府1幢、2幢停电（配电房检修）。回T退订\n")
    result = parse_outage_notice(forwarded, dt.date(2035, 7, 13), DISTRICTS)
    assert [w["district"] for w in result.fields["windows"]] == ["鄞州区"]
    assert [w.message for w in result.warnings if "head line" in w.message] == [
        '1 window naming no district put in 鄞州区, the district the notice\'s head line '
        '"（业主转发两条物业短信，鄞州区东柳街道锦澜府小区）" names; check it']


def test_a_column_s_closing_prose_of_two_sentences_holding_a_list_comma():
    """Set 94 (round 36, tuned on after its one scoring run): a column's footer ``本栏目信息由国网宁波供电公司
    提供。如遇雨雪、寒潮大风天气，停电工作顺延。咨询电话：95598`` was read as places without a time (exit 1,
    every window of the column held) because of its 、; it is prose, kept in the body."""
    footer = "本栏目信息由国网宁波供电公司提供。如遇雨雪、寒潮大风天气，停电工作顺延。咨询电话：95598"
    text = f"计划停电预告\n\n1月28日 星期日\n\n海曙 集士港镇深溪村、山下庄村(8:00—16:00)\n\n{footer}\n"
    result = parse_outage_notice(text, dt.date(2035, 1, 26), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["深溪村", "山下庄村"]]
    assert result.problems == []
    assert footer in result.body_lines


def test_a_page_s_head_and_foot_read_as_runs_with_no_time_are_its_body():
    """Round 36's held windows (tuned on after its one scoring run): a column under ``综合新闻`` and over
    ``【打印】【关闭】`` held every window with exit 1 (``areas … have no time window``). Words
    with no list and no place's ending above the first window or below the last are the page's, kept in
    the body; between two windows they are still reported (a run may have lost its time there)."""
    text = ("综合新闻\n\n计划停电预告\n\n1月28日 星期日\n\n海曙 集士港镇深溪村、山下庄村(8:00—16:00)\n\n"
            "【打印】【关闭】\n")
    result = parse_outage_notice(text, dt.date(2035, 1, 26), DISTRICTS)
    assert [w["areas"] for w in result.fields["windows"]] == [["深溪村", "山下庄村"]]
    assert result.problems == []
    assert [b for b in result.body_lines if b in ("综合新闻", "【打印】【关闭】")] == [
        "综合新闻", "【打印】【关闭】"]
    assert [w.message for w in result.warnings if "【打印】" in w.message] == [
        'text "【打印】【关闭】" is not an outage window; kept in the body']
    between = ("计划停电预告\n\n1月28日 星期日\n\n海曙 集士港镇深溪村(8:00—16:00)\n\n综合新闻\n\n"
               "海曙 集士港镇山下庄村(9:00—15:00)\n")
    result = parse_outage_notice(between, dt.date(2035, 1, 26), DISTRICTS)
    assert [p.message for p in result.problems] == [
        'areas "综合新闻" have no time window; expected one after them, such as "(8:30—15:30)"']


def test_a_line_break_after_a_name_that_may_go_on_is_a_problem():
    """Round 36's held windows (tuned on after its one scoring run): with the page's head no longer
    holding PDF copies, ``鄞州 首南街道日丽社区、天童南路`` / ``东侧商铺(22:00—次日4:00)`` in a column broken at
    every line was written as two areas ``天童南路`` and ``东侧商铺`` with exit 0. A line that ends as a name
    may go on (路, 山, 乡) is a guess the editor checks (exit 1); one that ends as a place surely does
    (``学士社区`` / ``东侧商铺``) stays a warning. A town and the column's dot left before a place
    (``匡堰镇·倡隆村``) is no clean area either."""
    text = ("计划停电预告\n3月20日 星期一\n北仑 小港街道红联村、枫林村、\n小港街道办事处(8:00—\n16:00)霞浦街道四合村一带、\n"
            "霞浦工业区7号公变(8:30—15:30)\n3月21日 星期二\n鄞州 首南街道日丽社区、天童南路\n东侧商铺(22:00—次日4:00)\n")
    result = parse_outage_notice(text, dt.date(2028, 3, 18), DISTRICTS)
    assert [p.message for p in result.problems] == [
        'line break inside the list after "天童南路"; read as two areas "天童南路" and "东侧商铺"']
    result = parse_outage_notice(text.replace("天童南路\n", "学士社区\n"), dt.date(2028, 3, 18), DISTRICTS)
    assert result.problems == []
    assert [w.message for w in result.warnings if "line break" in w.message] == [
        'line break inside the list after "学士社区"; read as two areas "学士社区" and "东侧商铺"']
    assert places_unclean("匡堰镇·倡隆村") and not places_unclean("倡隆村")


def test_a_chat_moves_a_slot_by_its_day_with_its_times_kept_or_puts_its_day_right():
    """Sets 89 and 92 (tuned on): ``更正：20号的停电取消了，改到23号（礼拜五），时间不变`` called the 20th off but
    gave no slot on the 23rd; ``[更正] 不好意思发错了，是8月24日（周五），不是23号，时间不变。`` left the slot on
    the 23rd, active, with exit 0."""
    moved = ("[韩岭村委-王主任] @所有人 11月20日（礼拜二）上午8点到下午4点，韩岭村、韩岭老街停电。\n\n"
             "[韩岭村委-王主任] @所有人 更正：20号的停电取消了，改到23号（礼拜五），时间不变\n")
    general = read_general(moved, dt.date(2035, 11, 17))
    assert [(w["date"].day, w["start"], w["end"], w["areas"]) for w in general.windows] == [
        (23, "08:00", "16:00", ["韩岭村", "韩岭老街"])]
    assert [(c["date"].day, c["start"], c["areas"]) for c in general.cancelled] == [
        (20, "08:00", ["韩岭村", "韩岭老街"])]
    put_right = ("[通知] 8月23日（周四）7:00-17:00，长汀村东片、长汀新村停电。\n"
                 "[更正] 不好意思发错了，是8月24日（周五），不是23号，时间不变。\n")
    general = read_general(put_right, dt.date(2035, 8, 20))
    assert [(w["date"].day, w["start"], w["areas"]) for w in general.windows] == [
        (24, "07:00", ["长汀村东片", "长汀新村"])]
    assert [(c["date"].day, c["areas"]) for c in general.cancelled] == [(23, ["长汀村东片", "长汀新村"])]


def test_a_paragraph_of_outages_to_come_that_also_tells_of_one_over():
    """Set 94 (round 36, tuned on after its one scoring run): a company's news paragraph ``具体安排为：1月13日
    （本周六）晚上10点到次日凌晨4点，锦屏街道南山路…将停电；…`` with ``另悉，去年12月28日因大风导致的…故障停电，已于
    当晚全部恢复供电。`` on its next line (no blank line between) was taken for a report of an outage already
    over: no window read. ``将停电`` says the outages are still to come."""
    text = ("　　具体安排为：1月13日（本周六）晚上10点到次日凌晨4点，锦屏街道南山路、东门社区将停电；1月16日（下周二）"
            "下午1点半至5点，西坞街道白杜村部分用户停电。\n"
            "　　另悉，去年12月28日因大风导致的尚田街道鸣雁村一带故障停电，已于当晚全部恢复供电。\n")
    general = read_general(text, dt.date(2035, 1, 10))
    assert [(str(w["date"]), w["start"], w["end"], w["areas"]) for w in general.windows] == [
        ("2035-01-13", "22:00", "次日04:00", ["南山路", "东门社区"]),
        ("2035-01-16", "13:30", "17:00", ["白杜村部分用户"])]


def test_a_line_cut_a_section_at_a_time_and_a_whole_day_before_a_town_s_colon():
    """Set 94 (round 36, tuned on after its one scoring run): ``二、1月9日至1月11日，每天8:00—12:00，10kV桑洲线分段
    停电，影响桑洲镇南山村、…`` took ``10kV桑洲线分段`` for the place, and ``四、1月12日（星期五）全天，强蛟镇：峡山村、
    加爵科村。`` gave a window of ``全天`` beside the right one (exit 1 for both)."""
    text = ("　　二、1月9日至1月11日，每天8:00—12:00，10kV桑洲线分段停电，影响桑洲镇南山村、清潭村部分用户。\n"
            "　　四、1月12日（星期五）全天，强蛟镇：峡山村、加爵科村。\n")
    general = read_general(text, dt.date(2035, 1, 3))
    assert [(w["date"].day, w["start"], w["town"], w["areas"]) for w in general.windows] == [
        (9, "08:00", "桑洲镇", ["南山村", "清潭村部分用户"]), (10, "08:00", "桑洲镇", ["南山村", "清潭村部分用户"]),
        (11, "08:00", "桑洲镇", ["南山村", "清潭村部分用户"]), (12, None, "强蛟镇", ["峡山村", "加爵科村"])]


def test_a_listing_s_planned_row_whose_status_says_it_is_over():
    """Set 97 (round 36, tuned on after its one scoring run): a bar listing's row ``1 | 2035-10-22 08:00:00~…
    | 洞桥镇宁锋村、百梁桥村 | 计划停电 | 已送电`` queried the next day was written as a window with exit 0; its
    status cell says the outage is over (kept in the body with a warning, as a fault's row is)."""
    text = ("停电计划查询结果（宁波市 海曙区）      查询时间：2035-10-23 10:12\n\n序号 | 停电时间 | 停电区域 | 停电类型 | 状态\n"
            "1 | 2035-10-22 08:00:00~2035-10-22 16:00:00 | 洞桥镇宁锋村、百梁桥村 | 计划停电 | 已送电\n"
            "2 | 2035-10-25 08:30:00~2035-10-25 16:30:00 | 集士港镇卖面桥村、集士港镇丰成村 | 计划停电 | 待执行\n")
    general = read_general(text, dt.date(2035, 10, 23))
    assert [(str(w["date"]), w["town"], w["areas"]) for w in general.windows] == [
        ("2035-10-25", "集士港镇", ["卖面桥村", "丰成村"])]
    assert any("已送电" in fragment for _, fragment, _ in general.warnings)


def test_a_column_run_s_cut_said_before_its_time_and_a_change_to_a_new_time_the_same_day():
    """Set 96 (round 36, tuned on after its one scoring run): ``鄞州 云龙镇上李家村、冠英村、甲南村一带停电(8:00—17:00)``
    kept ``甲南村一带停电`` as a place (exit 1). Read rightly, it let set 84's ``原定8月18日(星期五)慈溪掌起镇洋山村、
    陈家村停电(8:30—15:30)，调整为同日12:30—15:30。`` be written with exit 0 as a slot of ``同日`` called off and
    no new window: the same day's new time, unbracketed, is the new window."""
    text = ("计划停电预告\n\n7月11日 星期三\n\n鄞州 云龙镇上李家村、冠英村、甲南村一带停电(8:00—17:00)\n\n变更：\n\n"
            "原定7月12日(星期四)慈溪掌起镇洋山村、陈家村停电(8:30—15:30)，调整为同日12:30—15:30。\n")
    result = parse_outage_notice(text, dt.date(2035, 7, 8), DISTRICTS)
    assert [(w["date"].day, w["start"], w["end"], w["town"], w["areas"]) for w in result.fields["windows"]] == [
        (11, "08:00", "17:00", "云龙镇", ["上李家村", "冠英村", "甲南村一带"]),
        (12, "12:30", "15:30", "掌起镇", ["洋山村", "陈家村"])]
    assert [(c["date"].day, c["start"], c["areas"]) for c in result.fields["cancelled"]] == [
        (12, "08:30", ["洋山村", "陈家村"])]
    assert result.problems == []


def test_an_app_card_s_places_ending_with_part_of_an_area():
    """Set 96 (round 36, tuned on after its one scoring run): ``[待停电]  2035-07-21  07:30-11:30`` over
    ``  五乡镇宝幢村、明堂岙村部分区域``: the list under the time was taken for a label's (it holds 区域), and
    the card gave no places (exit 1); ``部分区域`` is a place's qualifier."""
    text = ("[待停电]  2035-07-20  08:00-15:00\n  瞻岐镇合一村、东城村一带\n\n"
            "[待停电]  2035-07-21  07:30-11:30\n  五乡镇宝幢村、明堂岙村部分区域\n")
    general = read_general(text, dt.date(2035, 7, 18))
    assert [(w["date"].day, w["town"], w["areas"]) for w in general.windows] == [
        (20, "瞻岐镇", ["合一村", "东城村一带"]), (21, "五乡镇", ["宝幢村", "明堂岙村部分区域"])]
    assert general.problems == []


def test_a_speaker_naming_itself_in_brackets_is_the_place():
    """Set 96 (round 36, tuned on after its one scoring run): ``本市场（南门菜场）定于2035年7月11日（星期三）6:00—10:00
    停电`` gave a window with no place; the name in brackets is it. An address there is not
    (``我中心（大碶街道庐山西路***号）将于…``)."""
    text = "尊敬的顾客朋友、各位摊主：\n因供电公司线路检修，本市场（南门菜场）定于2035年7月11日（星期三）6:00—10:00停电。\n"
    general = read_general(text, dt.date(2035, 7, 9))
    assert [(w["date"].day, w["start"], w["areas"]) for w in general.windows] == [(11, "06:00", ["南门菜场"])]
    address = "我中心（大碶街道庐山西路***号）将于7月21日13:00—17:30停电。\n"
    assert all(w["areas"] != ["大碶街道庐山西路***号"]
               for w in read_general(address, dt.date(2033, 7, 18)).windows)


def test_only_before_a_clause_s_places_is_no_part_of_them():
    """Set 94 (round 36, tuned on after its one scoring run): ``1月30日（星期二）8:00—12:00，仅学校食堂、体育馆停电。``
    was written with ``仅学校食堂`` as a place, exit 0."""
    text = "接供电部门通知，1月30日（星期二）8:00—12:00，仅学校食堂、体育馆停电。\n"
    general = read_general(text, dt.date(2035, 1, 19))
    assert [w["areas"] for w in general.windows] == [["学校食堂", "体育馆"]]


def test_a_day_of_no_time_whose_sentence_tells_of_a_cut_already_over():
    """Set 96 (round 36, tuned on after its one scoring run): under a health centre's notice of a cut on the
    19th, ``7月9日晚雷击造成的短时停电已于当晚恢复，感谢大家理解。`` was written as a window of the 9th with the
    19th's places, exit 0."""
    text = ("因配电设备改造，7月19日（星期四）下午14:00—17:30本中心以下区域停电：门诊楼、住院部。\n"
            "7月9日晚雷击造成的短时停电已于当晚恢复，感谢大家理解。\n")
    general = read_general(text, dt.date(2035, 7, 16))
    assert [(w["date"].day, w["start"], w["areas"]) for w in general.windows] == [
        (19, "14:00", ["门诊楼", "住院部"])]
