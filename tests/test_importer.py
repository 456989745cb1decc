"""Issue 8: importing outage notices from plain text (notices/importer/)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from notices.content.frontmatter import read_source
from notices.content.model import Kind
from notices.content.reader import read_notice
from notices.content.validate import validate_fields
from notices.importer import (
    load_districts,
    main,
    parse_outage_notice,
    partial_fields,
    render_outage_file,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "importer"
BUNDLED = ROOT / "content" / "outages" / "2019-09-16-jihua-tingdian.md"
PUBLISHED = dt.date(2019, 9, 16)
DISTRICTS, _ = load_districts()


def parse(text: str, published: dt.date = PUBLISHED, **options):
    """Parse with the source named, so only the text's own messages are left."""
    options.setdefault("source_name", "宁波供电公司")
    return parse_outage_notice(text, published, DISTRICTS, **options)


def parse_seed():
    text = (FIXTURES / "seed-outages.txt").read_text(encoding="utf-8")
    return parse_outage_notice(text, PUBLISHED, DISTRICTS)


def rows(windows: list[dict]) -> list[tuple]:
    """Windows as (date, district, town, areas, start, end) for short assertions."""
    return [(w["date"].isoformat(), w.get("district"), w.get("town"), w["areas"], w["start"],
             w["end"]) for w in windows]


def lines(messages, file="notice.txt", warning=False) -> list[str]:
    return [m.format(file, warning=warning) for m in messages]


def one_window(text: str, **options) -> tuple:
    result = parse(text, **options)
    assert result.problems == [], lines(result.problems)
    assert len(result.fields["windows"]) == 1, rows(result.fields["windows"])
    return rows(result.fields["windows"])[0]


def run_cli(*argv, stdin: str | bytes | None = None, **options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    stream = None
    if stdin is not None:
        stream = io.TextIOWrapper(io.BytesIO(stdin if isinstance(stdin, bytes)
                                             else stdin.encode("utf-8")), encoding="utf-8")
    code = main(list(argv), stdin=stream, stdout=out, stderr=err, districts=DISTRICTS,
                today=dt.date(2019, 9, 16), **options)
    return code, out.getvalue(), err.getvalue()


def typed_windows(path: Path, content_root: Path):
    notice = read_notice(path, content_root, DISTRICTS, project_root=str(ROOT))
    def key(w):
        return (w.date, w.district.name, w.town, list(w.areas), str(w.start), str(w.end))
    return [key(w) for w in notice.fields.windows], [key(w) for w in notice.fields.cancelled]


# ---------------------------------------------------------------------------
# The seed's outage column reproduces the bundled outage file.


def test_seed_column_reproduces_the_bundled_outage_file(tmp_path):
    assert BUNDLED.exists(), "the bundled outage file is missing"
    result = parse_seed()
    assert result.problems == []
    assert result.warnings == []
    target = tmp_path / "content" / "outages" / "2019-09-16-jihua-tingdian.md"
    target.parent.mkdir(parents=True)
    target.write_text(render_outage_file(result.fields, result.body_lines), encoding="utf-8")

    imported = typed_windows(target, tmp_path / "content")
    bundled = typed_windows(BUNDLED, ROOT / "content")
    assert imported[0] == bundled[0]
    assert imported[1] == bundled[1]
    assert len(imported[0]) == 25 and len(imported[1]) == 1


def test_seed_column_source_title_and_body():
    result = parse_seed()
    assert result.fields["title"] == "计划停电预告（9月23日—27日）"
    assert result.fields["source"] == {"name": "宁波供电公司",
                                       "url": "http://95598.zj.sgcc.com.cn"}
    assert result.body_lines == ["宁波供电公司", "网址：95598.zj.sgcc.com.cn"]
    assert list(result.fields) == ["title", "date", "source", "windows", "cancelled"]


def test_seed_account_numbers_and_towns_stay_as_printed():
    result = parse_seed()
    windows = result.fields["windows"]
    assert "财政监察(5001049464)" in windows[12]["areas"]
    assert windows[2]["town"] == "石碶街道"
    assert windows[2]["areas"][0] == "爱科森汽车5002195984"
    assert (windows[8]["town"], windows[8]["areas"]) == ("洞桥镇", ["科达塑料"])


# ---------------------------------------------------------------------------
# Variations of real texts.


def test_full_and_half_width_punctuation():
    assert one_window("9月23日 星期一\n海曙：万众村一带，郭夏村（8：30－15：30）") == (
        "2019-09-23", "海曙区", None, ["万众村一带", "郭夏村"], "08:30", "15:30")


@pytest.mark.parametrize("dash", ["—", "–", "-", "～", "~", "至", "到", "——", "－", "−", " - "])
def test_every_range_sign(dash):
    window = one_window(f"9月23日\n海曙 君禾(8:30{dash}15:30)")
    assert window[4:] == ("08:30", "15:30")


@pytest.mark.parametrize("written, start, end", [
    ("8:00—12:00", "08:00", "12:00"),
    ("08:00—12:00", "08:00", "12:00"),
    ("8：00—12：00", "08:00", "12:00"),
    ("8点—12点", "08:00", "12:00"),
    ("8时30分至12时", "08:30", "12:00"),
    ("8点半到11点45分", "08:30", "11:45"),
    ("上午8:00—下午5:00", "08:00", "17:00"),
    ("下午2:00—5:00", "14:00", "17:00"),
    ("08:00:00—12:00:00", "08:00", "12:00"),
    ("22:00—次日6:00", "22:00", "次日06:00"),
    ("22:00-6:00", "22:00", "次日06:00"),
    ("20:00—24:00", "20:00", "次日00:00"),
])
def test_time_formats(written, start, end):
    result = parse(f"9月23日\n海曙 君禾({written})")
    assert rows(result.fields["windows"])[0][4:] == (start, end)
    assert result.problems == [] and result.warnings == []


def test_long_overnight_window_is_read_as_next_day_with_a_warning():
    result = parse("9月23日\n海曙 君禾(15:00—8:00)")
    assert rows(result.fields["windows"])[0][4:] == ("15:00", "次日08:00")
    assert lines(result.warnings, warning=True) == [
        'notice.txt:2: warning: time window "15:00—8:00" ends before it starts; read as ending '
        'the next day ("次日08:00")']


def test_several_windows_for_one_area_list():
    result = parse("9月23日\n海曙 万众村、君禾(8:00—12:00，14:00—17:00)")
    assert rows(result.fields["windows"]) == [
        ("2019-09-23", "海曙区", None, ["万众村", "君禾"], "08:00", "12:00"),
        ("2019-09-23", "海曙区", None, ["万众村", "君禾"], "14:00", "17:00"),
    ]


def test_bare_time_window_closes_a_run():
    assert one_window("9月23日\n江北 慈城镇章伊村 10:00—13:00") == (
        "2019-09-23", "江北区", "慈城镇", ["章伊村"], "10:00", "13:00")


def test_district_missing_on_a_line_is_carried_over_with_a_warning():
    result = parse("9月23日\n海曙 万众村(8:30—15:30)\n君禾、通用(9:00—10:00)")
    assert [w[1] for w in rows(result.fields["windows"])] == ["海曙区", "海曙区"]
    assert lines(result.warnings, warning=True) == [
        'notice.txt:3: warning: areas "君禾、通用(9:00—10:00)" have no district at the start of '
        'the line; carried over "海曙区" from line 2']


def test_yidai_and_stray_spaces_inside_a_list():
    assert one_window("9月23日\n海曙  万众村 一带、郭夏村一带 、 君 禾(8:30—15:30)")[3] == [
        "万众村一带", "郭夏村一带", "君禾"]


def test_spaces_separate_areas_when_the_list_has_no_other_separator():
    assert one_window("9月23日\n海曙 万众村 郭夏村一带 君禾 (8:30—15:30)")[3] == [
        "万众村", "郭夏村一带", "君禾"]


def test_line_break_after_a_separator_continues_the_list():
    result = parse("9月23日\n海曙 万众村、郭夏村、\n君禾(8:30—15:30)")
    assert rows(result.fields["windows"])[0][3] == ["万众村", "郭夏村", "君禾"]
    assert result.warnings == []


def test_line_break_inside_a_name_joins_it_with_a_warning():
    result = parse("9月27日\n江北 慈城镇四车头村、浙江省水电建\n筑安装有限公司(8:00—16:00)")
    assert rows(result.fields["windows"])[0][3] == ["四车头村", "浙江省水电建筑安装有限公司"]
    assert lines(result.warnings, warning=True) == [
        'notice.txt:3: warning: line break inside the list after "浙江省水电建"; read as one '
        'area "浙江省水电建筑安装有限公司"']


def test_line_break_after_a_place_name_splits_with_a_warning():
    result = parse("9月27日\n江北 慈城镇四车头村、前杨村\n双桥头村(8:00—16:00)")
    assert rows(result.fields["windows"])[0][3] == ["四车头村", "前杨村", "双桥头村"]
    assert lines(result.warnings, warning=True) == [
        'notice.txt:3: warning: line break inside the list after "前杨村"; read as two areas '
        '"前杨村" and "双桥头村"']


def test_traditional_characters_match_districts_and_towns_and_stay_as_printed():
    result = parse("9月23日 星期一\n江北 慈城鎮白米灣村、紅灣排澇站（8:00—16:00）\n"
                   "鎮海區 蛟川街道甬江村（9:00—10:00）")
    assert rows(result.fields["windows"]) == [
        ("2019-09-23", "江北区", "慈城鎮", ["白米灣村", "紅灣排澇站"], "08:00", "16:00"),
        ("2019-09-23", "镇海区", "蛟川街道", ["甬江村"], "09:00", "10:00"),
    ]


def test_full_width_digits_in_areas_become_ascii():
    assert one_window("9月24日\n海曙 广场２号箱变（９:００—１７:００）")[3:] == (
        ["广场2号箱变"], "09:00", "17:00")


@pytest.mark.parametrize("date_line", [
    "9月23日 星期一", "2019年9月23日", "9月23日（星期一）", "09-23", "9/23 周一", "9月23号",
    "【9月23日】", "2019-09-23",
])
def test_date_lines(date_line):
    assert one_window(f"{date_line}\n海曙 君禾(8:30—15:30)")[0] == "2019-09-23"


def test_wrong_weekday_is_a_warning():
    result = parse("9月23日 星期二\n海曙 君禾(8:30—15:30)")
    assert lines(result.warnings, warning=True) == [
        'notice.txt:1: warning: date "9月23日 星期二" is a Monday in 2019, not a Tuesday; check '
        "the date, or the year (--published)"]


def test_year_rolls_forward_for_january_dates_in_a_december_notice():
    result = parse("1月3日 星期五\n海曙 君禾(8:30—15:30)", published=dt.date(2019, 12, 28))
    assert rows(result.fields["windows"])[0][0] == "2020-01-03"
    assert lines(result.warnings, warning=True) == [
        'notice.txt:1: warning: date "1月3日 星期五" is read as 2020-01-03, in the year after '
        "2019-12-28"]


def test_a_full_date_in_the_text_gives_the_year():
    result = parse("2024年5月6日\n海曙 君禾(8:30—15:30)\n5月7日 星期二\n江北 盛家(8:00—9:00)")
    assert [w[0] for w in rows(result.fields["windows"])] == ["2024-05-06", "2024-05-07"]
    assert result.warnings == []


@pytest.mark.parametrize("line, town, areas", [
    ("海曙 石碶街道·爱科森汽车5002195984(8:00—15:00)", "石碶街道", ["爱科森汽车5002195984"]),
    ("海曙 洞桥镇：科达塑料(9:00—15:00)", "洞桥镇", ["科达塑料"]),
    ("海曙 洞桥镇:科达塑料(9:00—15:00)", "洞桥镇", ["科达塑料"]),
    ("江北 慈城镇白米湾村、红湾排涝站(8:00—16:00)", "慈城镇", ["白米湾村", "红湾排涝站"]),
    ("海曙 龙观乡•永超五金工具厂(9:00—15:00)", "龙观乡", ["永超五金工具厂"]),
    ("海曙 洞桥镇政府(9:00—15:00)", None, ["洞桥镇政府"]),
    ("江北 慈城镇(9:00—15:00)", None, ["慈城镇"]),
])
def test_towns(line, town, areas):
    assert one_window(f"9月24日\n{line}")[2:4] == (town, areas)


def test_town_applies_to_its_run_only():
    result = parse("9月27日\n海曙 高桥镇望江村(8:30—16:00)城市排水(7:30—17:00)")
    assert [w[2] for w in rows(result.fields["windows"])] == ["高桥镇", None]


def test_a_colon_prefix_without_a_town_suffix_is_read_as_a_town_with_a_warning():
    result = parse("9月24日\n海曙 集士港：万众村(9:00—15:00)")
    assert rows(result.fields["windows"])[0][2] == "集士港"
    assert lines(result.warnings, warning=True) == [
        'notice.txt:2: warning: prefix "集士港" is read as a town; expected a town ending in 镇, '
        "街道 or 乡"]


def test_parenthesised_digits_are_not_a_time_window():
    assert one_window("9月25日\n海曙 财政监察(5001049464)、园林绿化中心(9:00—17:00)")[3] == [
        "财政监察(5001049464)", "园林绿化中心"]


def test_cancelled_section():
    result = parse("9月23日\n海曙 君禾(8:30—15:30)\n取消：\n9月17日 星期二\n"
                   "江北 洪塘街道地铁产业(8:30—16:30)")
    assert rows(result.fields["cancelled"]) == [
        ("2019-09-17", "江北区", "洪塘街道", ["地铁产业"], "08:30", "16:30")]
    assert len(result.fields["windows"]) == 1


def test_several_runs_and_districts_on_one_line():
    result = parse("9月24日 星期二 海曙 给力(9:30—17:00)海灵(9:30—17:00) 江北 盛家(8:00—9:00)")
    assert [(w[1], w[3]) for w in rows(result.fields["windows"])] == [
        ("海曙区", ["给力"]), ("海曙区", ["海灵"]), ("江北区", ["盛家"])]


def test_full_district_names_and_city_prefix():
    result = parse("9月24日\n宁波市江北区慈城镇章伊村(10:00—13:00)\n浙江省宁波市海曙区：君禾(8:00—9:00)")
    assert [(w[1], w[2]) for w in rows(result.fields["windows"])] == [
        ("江北区", "慈城镇"), ("海曙区", None)]


# Other layouts -------------------------------------------------------------


def test_labelled_layout_on_one_line():
    result = parse("停电时间：2024年5月6日 8:00-17:00 停电范围：海曙区石碶街道XX村、YY小区",
                   published=dt.date(2024, 5, 1))
    assert rows(result.fields["windows"]) == [
        ("2024-05-06", "海曙区", "石碶街道", ["XX村", "YY小区"], "08:00", "17:00")]


def test_labelled_records_with_notes_and_brackets():
    text = ("停电时间：2024年5月6日（星期一）08:00—18:00\n停电区域：江北区慈城镇A村、B村\n"
            "停电线路：10kV慈湖线\n\n【停电时间】5月7日 8:30-16:00\n【停电区域】北仑 C村\n"
            "影响范围：D小区\n停电时间：5月8日 9:00至11:00\n")
    result = parse(text, published=dt.date(2024, 5, 1))
    assert result.problems == []
    assert rows(result.fields["windows"]) == [
        ("2024-05-06", "江北区", "慈城镇", ["A村", "B村"], "08:00", "18:00"),
        ("2024-05-07", "北仑区", None, ["C村"], "08:30", "16:00"),
        ("2024-05-08", "北仑区", None, ["D小区"], "09:00", "11:00"),
    ]
    assert result.fields["windows"][0]["note"] == "停电线路：10kV慈湖线"


def test_labels_on_their_own_lines():
    text = "停电时间\n2024-05-06 08:00-17:00\n停电范围\n海曙区 A村、B村\n"
    assert rows(parse(text, published=dt.date(2024, 5, 1)).fields["windows"]) == [
        ("2024-05-06", "海曙区", None, ["A村", "B村"], "08:00", "17:00")]


def test_table_flattened_with_tabs_and_a_header():
    text = ("序号\t停电日期\t停电时间\t停电区域\t停电原因\n"
            "1\t2024-05-09\t08:00-17:00\t海曙区高桥镇望江村、徐江岸\t线路检修\n"
            "2\t2024-05-10\t22:00-06:00\t江北区洪塘街道袁陈村\t设备消缺\n")
    result = parse(text, published=dt.date(2024, 5, 1))
    assert result.problems == []
    assert rows(result.fields["windows"]) == [
        ("2024-05-09", "海曙区", "高桥镇", ["望江村", "徐江岸"], "08:00", "17:00"),
        ("2024-05-10", "江北区", "洪塘街道", ["袁陈村"], "22:00", "次日06:00"),
    ]
    assert [w["note"] for w in result.fields["windows"]] == ["停电原因：线路检修",
                                                             "停电原因：设备消缺"]


def test_markdown_table():
    text = ("| 序号 | 日期 | 时间 | 区县 | 停电范围 |\n|---|---|---|---|---|\n"
            "| 1 | 2019-09-30 | 08:00~12:00 | 象山 | F村、G村 |\n")
    assert rows(parse(text).fields["windows"]) == [
        ("2019-09-30", "象山县", None, ["F村", "G村"], "08:00", "12:00")]


def test_time_first_news_layout():
    text = ("这四处短暂停电的区域及停电具体时间分别为：\n"
            "1月10日6时至18时，海曙区新华路中段沿线高低压用户；\n"
            "1月10日14时至18时，江北区东联小区周边区域。\n")
    result = parse(text, published=dt.date(2014, 1, 8))
    assert rows(result.fields["windows"]) == [
        ("2014-01-10", "海曙区", None, ["新华路中段沿线高低压用户"], "06:00", "18:00"),
        ("2014-01-10", "江北区", None, ["东联小区周边区域"], "14:00", "18:00"),
    ]
    assert lines(result.warnings, warning=True) == [
        'notice.txt:1: warning: text "这四处短暂停电的区域及停电具体时间分别为：" is not an outage '
        "window; kept in the body"]
    assert result.body_lines == ["这四处短暂停电的区域及停电具体时间分别为："]


def test_a_date_range_gives_one_window_per_day():
    result = parse("9月25日至26日 每天8:00-17:00 北仑区 D村")
    assert [(w[0], w[3]) for w in rows(result.fields["windows"])] == [
        ("2019-09-25", ["D村"]), ("2019-09-26", ["D村"])]


def test_a_window_over_several_days_is_split_per_day():
    result = parse("停电时间：2019年9月27日 8:00至2019年9月29日 17:00\n停电范围：宁海县 E村")
    assert [w[0] + " " + w[4] + "—" + w[5] for w in rows(result.fields["windows"])] == [
        "2019-09-27 08:00—次日00:00", "2019-09-28 00:00—次日00:00", "2019-09-29 00:00—17:00"]
    assert lines(result.warnings, warning=True) == [
        'notice.txt:1: warning: time window "2019年9月27日 8:00至2019年9月29日 17:00" spans 3 '
        "days; split into one window per day"]


def test_district_heading_lines_enumerators_and_words_around_times():
    text = ("9月23日（星期一）\n海曙区：\n1. 万众村一带、郭夏村一带(停电时间：8:30-15:30)\n"
            "2. 石碶街道：爱科森汽车(8:00-15:00停电)\n3. 集士港镇东方村(全天)\n")
    result = parse(text)
    assert result.warnings == [] and result.problems == []
    assert rows(result.fields["windows"]) == [
        ("2019-09-23", "海曙区", None, ["万众村一带", "郭夏村一带"], "08:30", "15:30"),
        ("2019-09-23", "海曙区", "石碶街道", ["爱科森汽车"], "08:00", "15:00"),
        ("2019-09-23", "海曙区", "集士港镇", ["东方村"], None, None),  # (全天: the whole day, no times)
    ]


def test_utility_website_record_with_province_city_and_line_prefix():
    text = ("停电类型：计划停电\n停电区域：浙江省宁波市海曙区\n"
            "停电时间：2024-05-06 07:00:00至2024-05-06 17:00:00\n"
            "停电范围：10kV石碶线星光支线：星光村、栎社村（部分）\n")
    result = parse(text, published=dt.date(2024, 5, 1))
    assert result.problems == [] and result.warnings == []
    assert rows(result.fields["windows"]) == [
        ("2024-05-06", "海曙区", None, ["星光村", "栎社村（部分）"], "07:00", "17:00")]
    assert result.fields["windows"][0]["note"] == "停电类型：计划停电；10kV石碶线星光支线"


def test_another_citys_record_keeps_its_district_as_printed():
    text = ("停电时间：2024年05月07日 08:00 - 2024年05月07日 18:00\n停电区域：广州市天河区\n"
            "停电设备：10kV 猎德线\n影响用户：猎德花园、华穗路一带，珠江新城（部分）\n")
    result = parse(text, published=dt.date(2024, 5, 1))
    assert rows(result.fields["windows"]) == [
        ("2024-05-07", "天河区", None, ["猎德花园", "华穗路一带", "珠江新城（部分）"], "08:00",
         "18:00")]
    assert result.fields["windows"][0]["note"] == "停电设备：10kV 猎德线"
    assert lines(result.problems) == [
        'notice.txt:2: place "天河区" is not a declared district; kept as printed. Districts are '
        "declared in DISTRICTS in pelicanconf.py"]


def test_short_undeclared_district_in_the_district_column():
    result = parse("9月23日\n越城 XX村、YY村(8:00—9:00)")
    assert rows(result.fields["windows"])[0][1:4] == ("越城", None, ["XX村", "YY村"])
    assert [p.kind for p in result.problems] == ["place"]


def test_a_name_before_a_colon_is_not_a_label():
    result = parse("9月23日\n海曙 阳光小区：A栋、B栋(8:00—9:00)")
    assert rows(result.fields["windows"])[0][2:4] == ("阳光小区", ["A栋", "B栋"])
    assert [w.message.split(";")[0] for w in result.warnings] == [
        'prefix "阳光小区" is read as a town']


def test_table_cells_on_their_own_lines():
    text = ("停电日期\n停电时间\n停电区域\n2024-05-06\n08:00-17:00\n海曙区XX村、YY小区\n"
            "2024-05-07\n08:00:00 至 2024-05-07 17:00:00\n江北区 ZZ村\n")
    assert rows(parse(text, published=dt.date(2024, 5, 1)).fields["windows"]) == [
        ("2024-05-06", "海曙区", None, ["XX村", "YY小区"], "08:00", "17:00"),
        ("2024-05-07", "江北区", None, ["ZZ村"], "08:00", "17:00"),
    ]


def test_headings_and_the_signature_date_are_structure():
    text = ("宁波供电公司计划停电预告（9月23日—27日）\n9月23日\n海曙 君禾(8:00—9:00)\n"
            "宁波供电公司\n2019年9月16日\n")
    result = parse_outage_notice(text, PUBLISHED, DISTRICTS)
    assert result.problems == [] and result.warnings == []
    assert result.fields["source"] == {"name": "宁波供电公司"}
    assert result.body_lines == ["宁波供电公司", "2019年9月16日"]


def test_space_separated_header_and_an_undeclared_county_after_the_time():
    text = "停电日期 停电时间 停电区域\n2021-09-27 08:00-17:00 浦东新区 XX路XX弄\n"
    result = parse(text, published=dt.date(2021, 9, 20))
    assert rows(result.fields["windows"]) == [
        ("2021-09-27", "浦东新区", None, ["XX路XX弄"], "08:00", "17:00")]
    assert [p.kind for p in result.problems] == ["place"]


def test_dotted_times_inside_brackets():
    assert one_window("9月28日\n江北 A村(8.30-15.30)")[4:] == ("08:30", "15:30")


def test_pathological_input_stays_fast():
    import time

    text = "9月23日\n海曙 " + "万众村(5001、" * 3000 + "(8:00-9:00)\n" + "停电线路：" + "a," * 5000
    started = time.perf_counter()
    result = parse(text)
    assert time.perf_counter() - started < 5
    assert len(result.fields["windows"]) == 1


# ---------------------------------------------------------------------------
# Every fragment that is not understood is reported.


@pytest.mark.parametrize("text, expected", [
    ("9月23日\n海曙 万众村、郭夏村",
     'notice.txt:2: areas "万众村、郭夏村" have no time window; expected one after them, such '
     'as "(8:30—15:30)"'),
    ("9月23日\n海曙 万众村(8:00—)",
     'notice.txt:2: time window "(8:00—)" is not understood; expected "HH:MM—HH:MM" such as '
     '"(8:30—15:30)"'),
    ("9月23日\n海曙 万众村(25:00—26:00)",
     'notice.txt:2: time window "(25:00—26:00)" has an impossible time "25:00"; expected hours '
     "0–24 and minutes 0–59"),
    ("9月23日\n海曙 (8:00—12:00)",
     'notice.txt:2: time window "(8:00—12:00)" has no areas; expected areas before it, such as '
     '"万众村、郭夏村(8:30—15:30)"'),
    ("海曙 万众村(8:00—12:00)",
     'notice.txt:1: areas "万众村(8:00—12:00)" have no date; expected a date line such as '
     '"9月23日 星期一" before them'),
    ("2月30日\n海曙 万众村(8:00—12:00)",
     'notice.txt:1: date "2月30日" is not a real date; check the month and day'),
    ("9月23日\n海曙 万众村(8:00—12:00",
     'notice.txt:2: time window "(8:00—12:00" has no closing parenthesis; expected '
     '"HH:MM—HH:MM" in parentheses such as "(8:30—15:30)"'),
    ("9月23日\n海曙 万众村(8:00—8:00)",
     'notice.txt:2: time window "8:00—8:00" ends when it starts; expected a later end'),
    ("9月23日\n海曙 万众村(次日8:00—9:00)",
     'notice.txt:2: time window "(次日8:00—9:00)" starts on the next day; expected the window '
     "under the date it starts on"),
    ("9月23日\n海曙 万众村(8:00—12:00)君禾（九点）",
     'notice.txt:2: areas "君禾（九点）" have no time window; expected one after them, such as '
     '"(8:30—15:30)"'),
    ("宁波供电公司",
     'notice.txt: no outage windows found; expected a date line such as "9月23日 星期一" '
     'followed by lines such as "海曙 万众村、郭夏村(8:30—15:30)"'),
])
def test_unread_fragment_reports(text, expected):
    result = parse(text)
    assert lines(result.problems)[:1] == [expected]
    if "real date" not in expected:
        assert len(result.problems) == 1


def test_all_problems_are_listed_in_line_order():
    text = "9月23日\n海曙 万众村\n9月24日\n江北 盛家(8:00-)\n9月25日\n海曙 君禾(9:00—10:00)"
    result = parse(text)
    assert [m.line for m in result.problems] == [2, 4]
    assert rows(result.fields["windows"])[0][3] == ["君禾"]


def test_undeclared_place_is_kept_as_printed_and_reported():
    result = parse("9月23日\n越城区 XX村、YY小区(8:00—17:00)\n鄞洲区 ZZ村(8:00—9:00)")
    assert [w[1] for w in rows(result.fields["windows"])] == ["越城区", "鄞洲区"]
    assert lines(result.problems) == [
        'notice.txt:2: place "越城区" is not a declared district; kept as printed. Districts are '
        "declared in DISTRICTS in pelicanconf.py",
        'notice.txt:3: place "鄞洲区" is not a declared district; kept as printed. Did you mean '
        '"鄞州区"? Districts are declared in DISTRICTS in pelicanconf.py',
    ]
    assert all(p.kind == "place" for p in result.problems)


def test_areas_without_any_district_are_reported():
    result = parse("9月23日\n新华路中段沿线高低压用户(6:00—18:00)")
    assert rows(result.fields["windows"]) == [
        ("2019-09-23", None, None, ["新华路中段沿线高低压用户"], "06:00", "18:00")]
    assert lines(result.problems) == [
        'notice.txt:2: areas "新华路中段沿线高低压用户(6:00—18:00)" have no district; expected '
        'a district such as "海曙" at the start of the line']


def test_prose_goes_to_the_body_with_a_warning():
    result = parse("因电力设施检修，以下区域将停电，敬请谅解。\n9月23日\n海曙 君禾(8:30—15:30)")
    assert result.body_lines == ["因电力设施检修，以下区域将停电，敬请谅解。"]
    assert lines(result.warnings, warning=True) == [
        'notice.txt:1: warning: text "因电力设施检修，以下区域将停电，敬请谅解。" is not an '
        "outage window; kept in the body"]


def test_partial_fields_keep_leftovers_in_the_nearest_note():
    result = parse("9月23日\n海曙 君禾(8:30—15:30)\n江北 盛家、老街\n9月24日\n江北 庄桥市场(8:00—9:00)")
    fields, body = partial_fields(result)
    assert fields["windows"][0]["note"] == "原文未能识别（第3行）：盛家、老街"
    assert "note" not in fields["windows"][1]
    assert body == []


# ---------------------------------------------------------------------------
# Rendering and the command line.


def test_rendered_file_quotes_times_and_keeps_model_order():
    result = parse("9月23日\n海曙 83351部队、君禾(22:00—6:00)")
    text = render_outage_file(result.fields, ["宁波供电公司"])
    assert 'start: "22:00"' in text and 'end: "次日06:00"' in text
    assert '- "83351部队"' in text
    assert text.startswith("---\ntitle: 计划停电预告（9月23日）\ndate: 2019-09-16\n")
    assert text.endswith("---\n\n宁波供电公司\n")
    data = read_source(text.encode("utf-8")).front_matter
    fields, problems = validate_fields(Kind.OUTAGE, data, DISTRICTS)
    assert problems == [] and str(fields.windows[0].end) == "次日06:00"


def test_dry_run_prints_a_file_that_validates():
    code, out, err = run_cli(str(FIXTURES / "seed-outages.txt"), "--published", "2019-09-16",
                             "--dry-run")
    assert (code, err) == (0, "")
    fields, problems = validate_fields(Kind.OUTAGE, read_source(out.encode()).front_matter,
                                       DISTRICTS)
    assert problems == []
    assert len(fields.windows) == 25 and len(fields.cancelled) == 1


def test_dry_run_fails_where_the_import_would_and_says_why():
    """A dry run checks the file as a real import does (the content model), districts
    aside: rounds of a rotating outage name no place, which the build refuses, so the dry
    run exits 1 with the model's words, and still prints the file (exit 0 before)."""
    code, out, err = run_cli("-", "--dry-run", "--published", "2021-05-13",
                             stdin="5月13日分区轮流停电：第一轮停电时间15:00至15:50，"
                                   "第二轮停电时间15:50至16:40。\n")
    assert code == 1
    assert out.count("areas: []") == 2
    assert err.splitlines() == [
        '<stdin>: warning: no source such as "宁波供电公司" found in the text; using '
        '"宁波供电公司". Set it with --source-name',
        "<stdin>:1: warning: the window of 2021-05-13 15:00—15:50 names no place (a round of a "
        "rotating outage, or a list lost from the text); write its areas by hand",
        "<stdin>:1: warning: the window of 2021-05-13 15:50—16:40 names no place (a round of a "
        "rotating outage, or a list lost from the text); write its areas by hand",
        "<stdin>:1: warning: the notice names no district; give each window one of the "
        "districts declared in DISTRICTS in pelicanconf.py",
        "<stdin>:1: windows[0].areas is empty; expected at least one entry",
        "<stdin>:1: windows[1].areas is empty; expected at least one entry",
    ]
    # A missing or undeclared district stays a warning in a dry run (above), not a problem
    # of its own: "windows[0].district is missing" is not printed.


def test_dry_run_with_an_undeclared_place_warns_and_prints_the_yaml():
    code, out, err = run_cli("-", "--dry-run", stdin="9月23日\n越城区 XX村(8:00—17:00)\n")
    assert code == 0
    assert "district: 越城区" in out
    assert err.splitlines() == [
        "<stdin>: warning: no --published given; using 2019-09-16, today",
        '<stdin>: warning: no source such as "宁波供电公司" found in the text; using '
        '"宁波供电公司". Set it with --source-name',
        '<stdin>:2: warning: place "越城区" is not a declared district; kept as printed. '
        "Districts are declared in DISTRICTS in pelicanconf.py",
    ]


def test_import_writes_the_default_path_and_refuses_to_overwrite(tmp_path):
    source = tmp_path / "notice.txt"
    source.write_text((FIXTURES / "seed-outages.txt").read_text("utf-8"), "utf-8")
    content = tmp_path / "content"
    code, out, err = run_cli(str(source), "--published", "2019-09-16", content_root=content)
    target = content / "outages" / "2019-09-16-jihua-tingdian.md"
    assert (code, err) == (0, "")
    assert out.strip().endswith("2019-09-16-jihua-tingdian.md: 25 windows, 1 cancelled")
    assert typed_windows(target, content) == typed_windows(BUNDLED, ROOT / "content")

    target.write_text("edited", encoding="utf-8")
    code, out, err = run_cli(str(source), "--published", "2019-09-16", content_root=content)
    assert code == 1
    assert err.strip().endswith(
        "already exists; nothing was written. Use --force to replace it, or --output to write "
        "elsewhere")
    assert target.read_text(encoding="utf-8") == "edited"

    code, _, _ = run_cli(str(source), "--published", "2019-09-16", "--force",
                         content_root=content)
    assert code == 0 and target.read_text(encoding="utf-8").startswith("---\n")


def test_import_with_problems_writes_nothing(tmp_path):
    out_file = tmp_path / "x.md"
    code, out, err = run_cli("-", "--published", "2019-09-16", "--output", str(out_file),
                             stdin="9月23日\n海曙 万众村\n越城区 XX村(8:00—9:00)\n")
    assert code == 1 and not out_file.exists() and out == ""
    assert err.splitlines() == [
        '<stdin>: warning: no source such as "宁波供电公司" found in the text; using '
        '"宁波供电公司". Set it with --source-name',
        '<stdin>:2: areas "万众村" have no time window; expected one after them, such as '
        '"(8:30—15:30)"',
        '<stdin>:3: place "越城区" is not a declared district; kept as printed. Districts are '
        "declared in DISTRICTS in pelicanconf.py",
        "2 problems in <stdin>; nothing was written. Fix the text, or use --allow-partial to "
        "write what was understood",
    ]
    assert "Traceback" not in err


def test_allow_partial_keeps_leftovers_for_the_editor(tmp_path):
    content = tmp_path / "content"
    text = ("9月23日\n海曙 君禾(8:30—15:30)\n江北 盛家、老街\n越城区 XX村(8:00—9:00)\n"
            "宁波供电公司\n")
    code, out, err = run_cli("-", "--published", "2019-09-16", "--allow-partial",
                             content_root=content, stdin=text)
    assert code == 0, err
    assert out.strip().endswith(
        "1 windows, 0 cancelled; 2 problems kept in notes and the body for the editor")
    target = content / "outages" / "2019-09-16-jihua-tingdian.md"
    notice = read_notice(target, content, DISTRICTS)
    assert notice.fields.windows[0].note == "原文未能识别（第3行）：盛家、老街"
    assert "未能归入已声明区县（第4行）：越城区 XX村(8:00—9:00)" in target.read_text("utf-8")


def test_stdin_and_output_path(tmp_path):
    out_file = tmp_path / "sub" / "notice.md"
    code, out, err = run_cli("-", "--published", "2019-09-16", "--output", str(out_file),
                             "--source-name", "宁波供电公司", "--source-url",
                             "https://95598.zj.sgcc.com.cn",
                             stdin="9月23日 星期一\n海曙 君禾(8:30—15:30)\n")
    assert (code, err) == (0, "")
    data = read_source(out_file.read_bytes()).front_matter
    assert data["source"] == {"name": "宁波供电公司", "url": "https://95598.zj.sgcc.com.cn"}


def test_published_date_from_a_signature_line():
    code, out, err = run_cli("-", "--dry-run",
                             stdin="9月23日\n海曙 君禾(8:30—15:30)\n宁波供电公司\n2019年9月16日\n")
    assert code == 0
    assert "date: 2019-09-16" in out
    assert err.splitlines()[0] == ("<stdin>: warning: no --published given; using 2019-09-16, "
                                   "the date on line 4")


def test_gbk_input_is_read_with_a_warning(tmp_path):
    source = tmp_path / "gbk.txt"
    source.write_bytes("9月23日\n海曙 君禾(8:30—15:30)\n宁波供电公司\n".encode("gb18030"))
    code, out, err = run_cli(str(source), "--published", "2019-09-16", "--dry-run")
    assert code == 0 and "君禾" in out
    assert err.splitlines() == [f"{source}: warning: file is not UTF-8; read it as GBK/GB18030"]


@pytest.mark.parametrize("argv, expected", [
    (["missing.txt", "--dry-run"], "missing.txt: cannot be read (No such file or directory)"),
    (["-", "--published", "16/09/2019"],
     '--published "16/09/2019" is not a date; expected YYYY-MM-DD such as 2019-09-16'),
    (["-", "--dry-run", "--output", "x.md"],
     "invoke import-outages: argument --output/-o: not allowed with argument --dry-run/-n. "
     "Usage: invoke import-outages FILE|- [--published YYYY-MM-DD] [--output PATH | --dry-run] "
     "[--allow-partial] [--force]"),
])
def test_command_line_mistakes_are_one_line(argv, expected):
    code, out, err = run_cli(*argv, stdin="")
    assert code in (1, 2)
    assert err.splitlines() == [expected]


def test_runs_as_a_module_from_the_project_root():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "notices.importer", "-", "--published", "2019-09-16", "--dry-run"],
        input="9月23日 星期一\n海曙 君禾(8:30—15:30)\n宁波供电公司\n".encode(), cwd=ROOT,
        capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    assert "district: 海曙区" in done.stdout.decode()


def test_published_date_printed_with_slashes_or_dots():
    # ``2019/09/16`` and ``2019.09.16`` are full dates too (issue 13, the split round); a
    # version number such as ``1.2019.09.16`` or a longer run of digits is not.
    for printed in ("2019/09/16", "2019.9.16"):
        code, out, err = run_cli("-", "--dry-run",
                                 stdin=f"9月23日\n海曙 君禾(8:30—15:30)\n宁波供电公司\n{printed}\n")
        assert code == 0
        assert err.splitlines()[0] == ("<stdin>: warning: no --published given; using "
                                       "2019-09-16, the date on line 4")
    code, out, err = run_cli("-", "--dry-run",
                             stdin="9月23日\n海曙 君禾(8:30—15:30)\n版本1.2019.09.16\n")
    assert err.splitlines()[0] == "<stdin>: warning: no --published given; using 2019-09-16, today"


def test_the_score_reads_a_notice_without_published_as_the_command_line_does():
    from notices.importer.score import reference_date
    text = "通知\n2017/08/15下午，今天晚上20:00将停电\n"
    assert reference_date({"published": None, "year": 2017}, text) == dt.date(2017, 8, 15)
    assert reference_date({"published": None, "year": 2017}, "今天晚上20:00将停电\n") == \
        dt.date(2017, 7, 1)
    assert reference_date({"published": "2017-08-16", "year": 2017}, text) == \
        dt.date(2017, 8, 16)
