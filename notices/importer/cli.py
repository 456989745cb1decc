"""Import a planned-outage notice (计划停电预告) from plain text into an outage content file.

Usage: ``python -m notices.importer FILE|- [--published YYYY-MM-DD] [--output PATH | --dry-run]
[--allow-partial] [--force] [--source-name NAME] [--source-url URL] [--title TITLE]``
(``invoke import-outages`` calls ``main``).

``parse_outage_notice`` is pure: text, the published date and the district table in, an
``OutageImport`` out, holding the front matter (exactly the shape ``OutageFields`` accepts,
keys in model order), the problems (fragments it could not read; places that are not declared
districts, ``kind == "place"``) and warnings, each with its line and the fragment as printed.
``partial_fields`` moves every unread fragment into the ``note`` of the nearest window (or the
body) for ``--allow-partial``; ``render_outage_file`` writes the file; before writing, ``main``
reads the rendered text back through ``frontmatter.read_source`` and ``validate_fields``, so a
written file always passes the build. How a line is read: see
``scanner`` and ``assembler``.

Decisions:

- Two readers: the column reader (``scanner`` + ``assembler``, the Ningbo newspaper column and
  utility records) is kept when every window names a district and nothing was left unread or
  glued to prose; otherwise ``layouts.read_general`` reads the notice by its layout (tables,
  labelled records, numbered items, WeChat pairs, prose). A notice that names neither a
  declared district nor any county of China goes to the layout reader first (it is faster).
  See docs/importer.md.

- Layouts read: the newspaper column (a date line, then ``海曙 areas(8:30—15:30)areas(…)`` per
  district, several runs per line), labelled records (``停电时间：… 停电范围：…``,
  ``【停电区域】``, a label alone on its line), tables flattened to text (tab- or
  ``|``-separated cells, with or without a header row), and news prose with the time first
  (``1月10日6时至18时，新华路…；``).
- Traditional characters, full-width forms, dashes and ``·`` variants are folded one character
  for one (``text.fold``) for *reading* only: districts, towns, labels, dates and
  times are matched on the folded text, while areas and towns are written **as printed**
  (only full-width letters and digits become ASCII), so no name is re-spelt by a partial
  conversion table. The district is always the declared name (海曙 → 海曙区); a place that is
  not declared is kept as printed and reported.
- A town is named by ``…镇/街道/乡`` glued to the first area, or any prefix before ``·``,
  or before ``：``/``:`` (a prefix without a town suffix is read as a town with a warning;
  one naming a line such as ``10kV石碶线：`` becomes a note). It holds for its run only.
- Text is never dropped silently: every fragment that was not read is a problem with its
  line; prose (``敬请谅解。``), contact lines and the source footer go to the body (prose with
  a warning); labels, list numbers (``1、``), headings (``### 计划停电预告``), table header
  rows and a ``浙江省宁波市`` prefix before a district are read as structure.
- The year comes from the last full date printed before a date (``2019年9月23日``), else from
  ``--published``; a month more than six months from it belongs to the neighbouring year (a
  December notice listing January dates), with a warning. A printed weekday is checked.
- An end earlier than the start is the next day (``22:00-6:00`` gives ``次日06:00``), with a
  warning when that makes the window longer than 12 hours; a window over several days is
  split into one window per day, with a warning.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import re
import sys
from pathlib import Path

import yaml
from pydantic_core import PydanticCustomError

from notices.content.districts import DistrictTable, district_table
from notices.content.frontmatter import FrontMatterError, read_source
from notices.content.model import Kind, OutageFields, OutageSource, OutageWindow, parse_clock
from notices.content.problems import ConfigError, did_you_mean, project_relative
from notices.content.settings import SETTINGS_FILE
from notices.content.validate import validate_fields

from .assembler import parse_notice_text
from .layouts import _without_town, digits_for_numerals, read_general
from .messages import (
    ADDRESS_DISTRICT,
    CHANGE_LEFT,
    CONTROL_CHARACTERS,
    HEAD_DISTRICT,
    HEAD_TOWN,
    NO_DISTRICT,
    NO_END,
    NO_PLACE,
    NOT_READ,
    PAST_OUTAGE,
    SERVED_DISTRICT,
    SIGNATURE_DISTRICT,
    SITE_TOWN,
    SPANS_DISAGREE,
    SPANS_ONLY,
    TOO_LARGE,
    UNCLEAN_AREA,
    UNDECLARED_PLACE,
    UNREAD_TIME,
    UTF16,
    ImportMessage,
    OutageImport,
    WindowSource,
    slot,
)
from .places import city_of, county, named_cities, names_a_county
from .scanner import DEFAULT_SOURCE, names_a_utility
from .spans import disagreement, is_place, read_spans
from .text import INSTITUTION_WORD, RUN_TIME, display, fold

__all__ = [
    "ImportMessage",
    "OutageImport",
    "parse_outage_notice",
    "partial_fields",
    "render_outage_file",
    "main",
]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SETTINGS_PATH = PROJECT_ROOT / "pelicanconf.py"
FILE_SUFFIX = "jihua-tingdian"
TITLE = "计划停电预告"


# ---------------------------------------------------------------------------
# Parsing


def parse_outage_notice(text: str, published: dt.date, districts: DistrictTable, *,
                        source_name: str | None = None, source_url: str | None = None,
                        title: str | None = None) -> OutageImport:
    """Read a notice's text into outage front matter, problems and warnings.

    The layout readers read it first; the generic place-span reader (``spans``) is the fallback
    where they read no window or a window with no place, and checks the areas they read: where
    the two disagree, the window is reported (exit 1; ``--allow-partial`` keeps it in a note)
    instead of written as a guess."""
    result = _parse_layouts(text, published, districts, source_name=source_name,
                            source_url=source_url, title=title)
    spans = read_spans(text, published)
    if not result.fields.get("windows") and not result.fields.get("cancelled") and \
            any(w["areas"] and w["start"] for w in spans.windows):
        # (a) the fallback: the layout readers read no window; the spans reader did. Its
        # windows are written only once the editor confirms them (exit 1, a note with
        # --allow-partial).
        fallback = _general_import(spans, districts, published, source_name, source_url, title,
                                   text)
        for window, source in zip(fallback.fields["windows"], fallback.sources["windows"],
                                  strict=True):
            fallback.problems.append(ImportMessage(
                source.line, source.fragment, SPANS_ONLY.format(
                    date=window["date"].isoformat(), slot=slot(window),
                    areas=_quote(source.fragment or "—")),
                leftover=source.fragment, col=source.col))
        # The layout readers' own messages stand first (they say what shape was expected).
        fallback.problems = [*result.problems, *fallback.problems]
        fallback.warnings = [*result.warnings, *fallback.warnings]
        fallback.read_lines = set(fallback.read_lines) | set(
            getattr(result, "read_lines", ()) or ())
        fallback.body_lines = list(dict.fromkeys([*fallback.body_lines, *result.body_lines]))
        _finish(text, fallback)
        return fallback
    _check_with_spans(result, spans)
    _finish(text, result)
    return result


def _finish(text: str, result: OutageImport) -> None:
    """What every reading ends with, whichever reader read it: the speaker's own place words
    dropped, status cells read, areas that are no place and times left unread reported."""
    _drop_speakers_own(result)
    _read_status_cells(result, text)
    _check_not_places(result)
    _check_times(text, result)


# A change of a slot said in a sentence: its original day, then how it changed.
_CHANGE_SAID = re.compile(r"原定(?:于|在)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。]{0,80}?"
                          r"(?:延期|调整|改为|改至|改到|推迟|顺延|取消|变更)")
# A time range as printed (``13:00-17:00``, ``22：00至次日6:00``, with seconds or not).
_TIME_RANGE = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::\d{2})?\s*[-—–~至到]\s*(?:次日|翌日)?"
                         r"\s*(\d{1,2}):(\d{2})(?!\d)")


# (Or in words: ``上午8时至中午12时``, ``下午1时至5时``, ``早上7点半到下午5点``.)
_PART_OF_DAY = r"(?:上午|下午|中午|晚上|晚间|凌晨|早上|早晨|傍晚|夜间|夜里)?"
_WORD_RANGE = re.compile(rf"(?<![\d:]){_PART_OF_DAY}\s*(\d{{1,2}})\s*[时点]"
                         r"(?:\s*(\d{1,2})\s*分|(半))?"
                         rf"\s*[-—–~至到]\s*(?:次日|翌日)?\s*{_PART_OF_DAY}\s*(\d{{1,2}})\s*[时点]"
                         r"(?:\s*(\d{1,2})\s*分|(半))?")


def _ranges(folded: str):
    """(match, h1, m1, h2, m2) for each time range printed on a line, by the clock or in words."""
    for m in _TIME_RANGE.finditer(folded):
        yield (m, *map(int, m.groups()))
    for m in _WORD_RANGE.finditer(folded):
        h1, m1, half1, h2, m2, half2 = m.groups()
        yield (m, int(h1), 30 if half1 else int(m1 or 0), int(h2), 30 if half2 else int(m2 or 0))


def _check_times(text: str, result: OutageImport) -> None:
    """Every time range printed on a line that is not kept in the body is some window's (or
    cancelled slot's) start and end; one that is not was lost by the readers (a second slot
    after a label, ``8:00-12:00、13:00-17:00``), and is reported (exit 1) instead of dropped."""
    clocks = []  # each window's start and end, as the model reads them
    for key in ("windows", "cancelled"):
        for window in result.fields.get(key, []):
            try:
                clocks.append((parse_clock(window["start"]), parse_clock(window["end"])))
            except (KeyError, PydanticCustomError):
                continue  # no start or no end, or not a time: no range is it
    # (``下午2:00`` printed is 14:00 read: compared on a twelve-hour clock.)
    slots = {(start.hour % 12, start.minute, end.hour % 12, end.minute)
             for start, end in clocks}

    def inside(h1: int, m1: int, h2: int, m2: int) -> bool:
        """``计划停电时段为6:00-15:00,实际…仅6:00-8:00和13:00-15:00``: a part of a read window."""
        return any(start.minutes <= (h1 + half) * 60 + m1 < (h2 + half) * 60 + m2 <= end.minutes
                   for start, end in clocks for half in (0, 12))
    body = {" ".join(line.split()) for line in result.body_lines}
    said: dict[int, str] = {}  # what the readers already said of each line
    for message in [*result.problems, *result.warnings]:
        if message.line:
            said[message.line] = said.get(message.line, "") + message.fragment + message.message
    previous = ""
    for number, line in enumerate(text.splitlines(), 1):
        previous, folded_before = fold(line).rstrip(), previous
        # (A line kept in the body is not lost, unless it holds a column's run, ``东溪村
        # （13:00—16:30）``: a window no reader took.)
        # (Nor one that reads as a slot and its list of places, ``1. 逐日5:30—10:30，10kV鹿亭线：
        # 鹿亭乡中村、白鹿村…``: a window no reader took.)
        if " ".join(line.split()) in body and not RUN_TIME.search(fold(line)) \
                and not _SLOT_AND_PLACES.search(fold(line)):
            continue
        folded = fold(line)
        for m, h1, m1, h2, m2 in _ranges(folded):
            printed = line[m.start():m.end()]
            # (A part of a read window only where the text says so: ``实际…仅6:00-8:00``; a
            # range inside one is otherwise a slot of its own, ``…停电；B村9:00至15:00停电``.)
            clause = re.split(r"[,，。;；]", folded[:m.start()])[-1]  # its clause so far
            part = inside(h1, m1, h2, m2) and _PART_OF.search(clause)
            # (``咨询电话：0574-62705598（8:00-17:00）``: a telephone's hours.)
            if _PHONE_HOURS.search(folded[:m.start()]):
                continue
            # (``…、１`` / ``３:３０—１６:３０）``: a line broken inside the hour, 13:30 read.)
            broken = re.search(r"\d$", folded_before) if not folded[:m.start()].strip() \
                else None
            if broken and (int(broken[0] + str(h1)) % 12, m1, h2 % 12, m2) in slots:
                continue
            if (h1 % 12, m1, h2 % 12, m2) not in slots and not part and \
                    fold(printed) not in fold(said.get(number, "")):
                result.problems.append(ImportMessage(
                    number, printed, UNREAD_TIME.format(fragment=_quote(printed)),
                    leftover=printed, col=m.start()))


_PHONE_HOURS = re.compile(r"(?:电话|热线)\s*:?\s*[\d\-]{5,}\s*\(\s*"
                          r"(?:工作日|每天|每日|周[一二三四五六日天]\s*(?:至|到|-|~)\s*周[一二三四五六日天])?"
                          r"\s*(?:上午)?\s*$")
# A line holding a time range and then a list of villages or communities, none of the words of
# an outage already over, office hours or an event.
_SLOT_AND_PLACES = re.compile(
    r"^(?!.*(?:已送电|恢复送电|恢复供电|已恢复|故障|办公时间|营业时间|服务时间|值班时间|开放时间"
    r"|工作时间|受理时间|门诊|上班|放学|培训|活动|顺延|如遇))"
    r".*\d{1,2}:\d{2}\s*[-—–~至到]\s*(?:次日)?\d{1,2}:\d{2}"
    r".*[\u3400-\u9fff]{1,8}(?:村|社区)(?:[^、,，]{0,8})、")
_PART_OF = re.compile(r"实际|仅|只|其中|分别|期间|之间|以内|范围内|间断|短时")


def _same_slot(window: dict, others: list[dict]) -> dict | None:
    return next((o for o in others if o["date"] == window["date"]
                 and o["start"] == window.get("start") and o["end"] == window.get("end")), None)


def _check_with_spans(result: OutageImport, spans) -> None:
    """(b) the confidence check: a window whose areas the span reader does not confirm is
    reported (a fragment problem, so exit 1) with its areas kept for a note."""
    for window, source in zip(result.fields.get("windows", []),
                              result.sources.get("windows", []), strict=False):
        areas = [str(a) for a in window.get("areas") or []]
        same = _same_slot(window, spans.windows)
        doubtful = "、".join(disagreement(areas, same["areas"] if same else []))
        if doubtful:
            result.problems.append(ImportMessage(
                source.line, doubtful, SPANS_DISAGREE.format(
                    date=window["date"].isoformat(), slot=slot(window),
                    doubtful=_quote(doubtful)),
                leftover=doubtful, col=source.col))


# Words no place name holds, whichever reader read the area: a speaker's, a shop's or a
# school's (``就是礼拜四``, ``和义大道小区9幢还要``, ``欢迎光临！``, ``放学时间不变``), a supply
# restored or a fault (``当天下午就送电了``); a lone character or bracket is a list cut in the
# wrong place. (Not ``营业厅``, ``礼拜堂``, ``后勤保障楼``: places; nor ``根据地``: ``根据`` is a
# sentence's "according to", ``浙东抗日根据地旧址`` a place.)
_NOT_PLACE_WORDS = re.compile(
    r"[！!？?]|就是|还要|也要|再停|不变|该时段|星期|礼拜(?!堂)|恢复|送电|复电|故障|照常"
    r"|营业(?![厅部所点])|欢迎|谢谢|您好|根据(?!地)|^[\u3400-\u9fff]$|^[()（）\[\]【】]+$"
    r"|^(?:短时|短暂|临时|届时|全部|期间)$"  # (``…切换，短时停电``: how long, no place)
    r"|同时$|一并$"  # (``我院将同时停电``: the speaker's words left, no place)
    # (A sentence of a notice's other news read as places: ``上午9点召开院周会``, ``各科室主任准时
    # 参加``, ``已开展发电机带载应急演练``, ``保障措施到位``, ``可预约送货上门``, ``暑期托管班改至…
    # 举行``, ``打扰大家了``, ``…营销部制表``, ``…供电公司95598``.)
    r"|\d\s*点(?!\d)|召开|参加|举行|举办|开展|到位|预约|打扰|到货|制表|95598|了$"
    r"|(?:教师|国庆|中秋|春|端午|元宵|劳动|儿童|重阳|清明|七夕)节$"  # (a day, ``教师节``)
    # (a lunar day, ``(正月初九)``; the list's own words, ``以下区域``; a page's rule glued on,
    # ``沙塘湾────``)
    r"|正月|腊月|初[一二三四五六七八九十]$|^以下|[\u2500-\u257f]")


# The speaker's own estate, village or town before its places (``我小区1-12幢``, ``我们东门岛``,
# ``我街道南渡村``): the places are what follows. (``本村一组至六组`` stays: 本村 names them.)
_SPEAKERS_OWN = re.compile(r"(?:我们|我(?:小区|村|社区|街道|镇|乡))(?=\S{2})")


def _drop_speakers_own(result: OutageImport) -> None:
    for window in [*result.fields.get("windows", []), *result.fields.get("cancelled", [])]:
        if window.get("areas"):
            window["areas"] = [_SPEAKERS_OWN.sub("", str(area), count=1)
                               if _SPEAKERS_OWN.match(str(area)) else area
                               for area in window["areas"]]


# A listing's status cell read as the last area of its row (``…、前江6号箱变          已发布``):
# a status still to come is no place; one already over (``已结束``) makes the row an outage
# over, kept in the body.
_STATUS_TO_COME = re.compile(r"已发布|待停电|未开始|待执行|计划中|正常|正常实施|已审核")
_STATUS_OVER = re.compile(r"已结束|已完成|已送电|已恢复(?:送电|供电)?")


def _read_status_cells(result: OutageImport, text: str) -> None:
    lines = text.splitlines()
    kept_windows, kept_sources = [], []
    for window, source in zip(result.fields.get("windows", []),
                              result.sources.get("windows", []), strict=False):
        areas = [str(a) for a in window.get("areas") or []]
        if len(areas) > 1 and _STATUS_OVER.fullmatch(fold(areas[-1]).strip()):
            line = lines[source.line - 1].strip() if 0 < source.line <= len(lines) else ""
            if line:
                result.body_lines.append(display(line))
            result.warnings.append(ImportMessage(source.line, line, PAST_OUTAGE.format(
                fragment=_quote(line[:40]))))
            continue
        if len(areas) > 1 and _STATUS_TO_COME.fullmatch(fold(areas[-1]).strip()):
            window["areas"] = window["areas"][:-1]
        kept_windows.append(window)
        kept_sources.append(source)
    if "windows" in result.fields and len(kept_windows) < len(result.fields["windows"]):
        result.fields["windows"] = kept_windows
        result.sources["windows"] = kept_sources


def _check_not_places(result: OutageImport) -> None:
    """An area holding words no place name holds is taken out of its window and reported (exit
    1; ``--allow-partial`` keeps it in the window's note), as an area holding a time is."""
    reported = {p.fragment for p in result.problems}
    for window, source in zip(result.fields.get("windows", []),
                              result.sources.get("windows", []), strict=False):
        for area in [str(a) for a in window.get("areas") or []]:
            if not _NOT_PLACE_WORDS.search(fold(area).strip()):
                continue
            window["areas"] = [a for a in window["areas"] if str(a) != area]
            if area not in reported:
                reported.add(area)
                result.problems.append(ImportMessage(
                    source.line, area, UNCLEAN_AREA.format(fragment=_quote(area)),
                    leftover=area, col=source.col))


def _served_column_district(assembler, text: str, districts: DistrictTable):
    """Give the column reader's windows that name no district the one district the notice's
    publisher serves, taking back the "no district" problems; the warning to report, or None."""
    windows = [*assembler.windows, *assembler.cancelled]
    found = publisher(text)
    served = publisher_district(found, districts)
    if served is None or not windows or any(w.get("district") for w in windows):
        return None
    for window in windows:
        window["district"] = served.name
    missing = [p for p in assembler.problems
               if p.kind == "place" and "have no district" in p.message]
    assembler.problems = [p for p in assembler.problems if p not in missing]
    for sources in assembler.sources.values():
        for source in sources:
            if source.place in missing:
                source.place = None
    line = min((p.line for p in missing if p.line), default=None)
    return _served_warning(line, found, len(windows), served.name)


def _served_warning(line: int | None, found: str, count: int, district: str) -> ImportMessage:
    """``N windows naming no district put in <district>, the district its publisher … serves``."""
    return ImportMessage(line, found, SERVED_DISTRICT.format(
        count=count, s="s" if count != 1 else "", district=district, publisher=_quote(found)))


def _parse_layouts(text: str, published: dt.date, districts: DistrictTable, *,
                   source_name: str | None = None, source_url: str | None = None,
                   title: str | None = None) -> OutageImport:
    """The layout readers: the Ningbo column (``scanner`` + ``assembler``), else
    ``layouts.read_general``."""
    # A notice that names no declared district and reads cleanly by its layout (a campus
    # table, another city's prose) skips the column reader: it is the slower of the two.
    if not any(key in text for district in districts
               for key in (district.name, *district.aliases)) and not names_a_county(text):
        general = read_general(text, published)
        # (Not where the body it leaves holds a column's run, ``石步村（8:00—11:30）``.)
        if general.windows and not any(_unclean(area) for window in general.windows
                                       for area in window["areas"]) \
                and not any(RUN_TIME.search(fold(line)) for line in general.body_lines):
            return _general_import(general, districts, published, source_name, source_url,
                                   title, text)
    assembler = parse_notice_text(text, published, districts)
    general = None
    # ``国网宁波市鄞州区供电公司`` over a table whose places name no district: the district its
    # publisher serves (with a warning), as the layout reader does.
    served_column = _served_column_district(assembler, text, districts)
    # An area that still holds 停电, a time or a date was glued to the prose around it
    # (``…栎社村停电;3月6日…``): the column reader did not read this notice cleanly.
    glued = [(window, source) for window, source in zip(
        assembler.windows, assembler.sources.get("windows", []), strict=False)
        if any(_unclean(area) for area in window["areas"])]
    # (Or a slot called off: ``特别说明：原定于1月9日…对10kV贤庠G655线停电（停电范围：…），因…
    # 推迟至…``.)
    glued_off = any(_unclean(area) for window in assembler.cancelled for area in window["areas"])
    # (A change the column reader left in the body or a note, ``【延期说明】原定于4月14日…延期至
    # 4月21日…``: not read cleanly either.)
    change_left = any(_CHANGE_SAID.search(fold(line)) for line in [
        *assembler.body_lines, *(w.get("note") or "" for w in assembler.windows)]
        if line not in assembler.summary_lines)
    placed = all(window.get("district") for window in assembler.windows)
    # Read cleanly as the column, but perhaps for a change it left in prose.
    clean_but_changes = assembler.windows and not glued and not glued_off and \
        not any(p.kind != "place" for p in assembler.problems) and placed
    # (A space table's town cell read as a place, ``坎墩街道  坎墩五村、…`` → areas ``坎墩街道,
    # 坎墩五村, …``: the column reader did not read the table's cells.)
    town_areas = any((town := districts.towns.declared_one(area)) is not None
                     and fold(town.name) == fold(area)
                     for window in assembler.windows for area in window["areas"])
    column_read = clean_but_changes and not change_left and not town_areas and \
        not any(_GLUED_TOWN.search(window.get("town") or "") for window in assembler.windows)
    if not column_read:
        # Not read cleanly as the column or its records: read it by its layout instead.
        general = read_general(text, published)
        # A notice whose only slots are a water outage's is read: it gives no window.
        # (Where the column reader placed more than twice the windows the layout reader
        # found, its reading stands, with its problems: one line it does not know must not
        # turn a column of eight windows into one window of that line's words.)
        # (So too where runs name no district, the layout reader found no decoy such as a
        # water outage, and it read more than twice fewer windows: a district a run lacks is
        # one problem, windows lost are worse.)
        # (A few runs glued to prose, ``东城村一带原定2月15日``, among many read cleanly, where
        # the layout reader read not a quarter of them: the column's reading stands too, those
        # few reported.)
        few_glued = 2 * len(glued) < len(assembler.windows) \
            and len(assembler.windows) > 4 * len(general.windows)
        # (The column reader's windows whose areas are all places.)
        placed_areas = sum(all(is_place(area) for area in window["areas"])
                           for window in assembler.windows)
        column_more = assembler.windows and (not glued or few_glued) and (
            # (A column read cleanly but for a change said below it, where the layout reader
            # read fewer slots than its windows, only that change: the column stands and the
            # change is reported.)
            clean_but_changes and len(general.windows) + len(general.cancelled)
            < len(assembler.windows) or
            placed and len(assembler.windows) + sum(
                # (A cancelled slot counts where its areas are places: not ``因10kV长街线检修``,
                # ``工作日``, ``…停电。停电期间门诊…`` from a hospital's prose read as runs.)
                all(is_place(area) and not _unclean(area) for area in window["areas"])
                for window in assembler.cancelled)
            > 2 * (len(general.windows) + len(general.cancelled))
            or not placed and not general.decoys
            # (its windows whose areas are places: not a table of changes read as runs,
            # ``取消、另行安排``)
            and placed_areas > 2 * len(general.windows)
            # (Not where most of its windows' areas are no places: ``国庆期间物业服务中心值班
            # 时间为`` before office hours is prose, not windows lost.)
            and 2 * placed_areas > len(assembler.windows))
        # (A table read cleanly but for a change said in prose above it, where the layout reader
        # glued the table's remarks to its places (``…城河西路沿线、由1月8日延期``): the table's
        # reading stands and the change is reported.)
        change_only = change_left and clean_but_changes \
            and any(_unclean(area) for window in general.windows for area in window["areas"]) \
            and len(general.windows) <= len(assembler.windows)
        if (general.windows or general.cancelled or general.decoys) and not column_more \
                and not change_only:
            return _general_import(general, districts, published, source_name, source_url,
                                   title, text)
    # (The column's reading stands: the page's head and foot it reported as runs with no time,
    # ``宁波晚报``, ``【打印】【关闭】``, are its body.)
    assembler.release_page_words()
    warnings = list(assembler.warnings)
    problems = list(assembler.problems)
    if general is not None and change_left:
        for number, line in enumerate(text.splitlines(), 1):
            if _CHANGE_SAID.search(fold(line)) and display(line).strip() in assembler.body_lines:
                problems.append(ImportMessage(number, display(line).strip(), CHANGE_LEFT.format(
                    fragment=_quote(display(line).strip()))))
    if served_column is not None:
        warnings.append(served_column)
    for window, source in glued:
        for area in window["areas"]:
            if _unclean(area):
                problems.append(ImportMessage(source.line, area, UNCLEAN_AREA.format(
                    fragment=_quote(area)), col=source.col))
    name = source_name or assembler.source_name
    if not name:
        name = DEFAULT_SOURCE
        warnings.append(ImportMessage(None, "", f'no source such as "{DEFAULT_SOURCE}" found in '
                                      f'the text; using "{DEFAULT_SOURCE}". Set it with '
                                      "--source-name"))
    source = {"name": name}
    url = source_url or assembler.source_url
    if url:
        source["url"] = url
    fields = {
        "title": title or outage_title(assembler.windows or assembler.cancelled),
        "date": published,
        "source": source,
        "windows": assembler.windows,
    }
    if assembler.cancelled:
        fields["cancelled"] = assembler.cancelled
    if not assembler.windows and not assembler.cancelled and not problems:
        problems.append(ImportMessage(
            None, "", "no outage windows found; expected a date line such as "
            '"9月23日 星期一" followed by lines such as "海曙 万众村、郭夏村(8:30—15:30)"'))
    body = list(assembler.body_lines)
    result = OutageImport(fields=_ordered(fields), sources=assembler.sources, problems=problems,
                        warnings=warnings, body_lines=body,
                        source_found=bool(assembler.source_name))
    # Nothing is lost without a word: a line neither read, kept nor reported goes to the body.
    result.read_lines = assembler.read_lines
    for number, line in unaccounted_lines(text, result):
        result.body_lines.append(line)
        result.warnings.append(ImportMessage(number, line, NOT_READ.format(
            fragment=_quote(line))))
    return result


# ``湖南省岳阳市平江县三阳乡`` read as one town: the province, city or county heading a list was
# not taken off it.
_GLUED_TOWN = re.compile(r"省|自治区|\S[市县区]\S{2,}(?:镇|乡|街道)$")
# (``#無##1911#``: the fields of a ``#``-separated record, not a place; ``3#楼`` is one.)
_UNCLEAN = re.compile(
    r"[。;；]|停电|停水|停气|\d{1,2}[:：]\d{2}|\d{1,2}月\d{1,2}[日号]|\d{4}年|##|^#"
    r"|^[【\[(（]\d{1,3}[】\])）]$|^(?:全天|全日|整天)"  # (``【2】``: a record's number)
    # (``…医院为双电源用户，不受影响``: a place that keeps its supply, said in a clause.)
    r"|不受影响|照常供电|正常供电"
    # (``匡堰镇·倡隆村``: a town and the column's dot still before the place.)
    r"|(?:镇|乡|街道)·"
    # (``因持续高温、负荷过重，延期至…``: a change's reason read as places.)
    r"|^(?:因为|因|由于)"
    # (``桐照村渔港码头冷库区（双回路切换``: a bracket cut open at a comma inside it.)
    r"|\([^)]*$")


def _unclean(area: str) -> bool:
    """An area still holding a sentence's end, 停电 (or a water or gas cut: ``…等高点客户降压停水``
    is the list of another outage), a time or a date, in Simplified or Traditional."""
    return _UNCLEAN.search(fold(area)) is not None


def _quote(text: str) -> str:
    return f'"{text[:57]}…"' if len(text) > 60 else f'"{text}"'


def unaccounted_lines(text: str, result: OutageImport) -> list[tuple[int, str]]:
    """Non-blank lines the importer neither read into a window, kept in the body nor reported."""
    seen: set[int] = set(getattr(result, "read_lines", ()) or ())
    for sources in result.sources.values():
        seen.update(source.line for source in sources)
    for message in [*result.problems, *result.warnings]:
        if message.line:
            seen.add(message.line)
    # (The body is written with full-width letters and digits as ASCII: ``text.display``.)
    body = {" ".join(display(line).split()) for line in result.body_lines}
    lost = []
    for number, line in enumerate(text.splitlines(), 1):
        printed = " ".join(display(line).split())
        if printed and number not in seen and not any(printed in kept for kept in body):
            lost.append((number, printed))
    return lost


# The utility a notice is from: a line that is only its name (a signature, perhaps with the
# date), a 供电单位 field, or State Grid's company named in the prose.
_PUBLISHER_FIELD = re.compile(r"(?:供电单位|发布单位|发布机构)\s*[:：]\s*(\S+)")
_STATE_GRID = re.compile(r"(?:国家电网|国网)[^\s,，。;；:：、()（）]{0,14}?"
                         r"(?:供电公司|供电局|电力公司|供电分公司|供电(?=通知|消息|公告|发布))")


_UTILITY_IN_PROSE = re.compile(r"([区县市])(?:供电公司|供电局|供电分公司|供电分局|供电所|供电中心)")


def publisher(text: str) -> str | None:
    """The utility named as the notice's publisher, as printed, else None."""
    folded = fold(text)
    for m in re.finditer(r"^[ \t]*(\S+)(?:[ \t]+\d{4}年\d{1,2}月\d{1,2}日)?[ \t]*$", folded,
                         re.M):
        if names_a_utility(m[1]):
            return text[m.start(1):m.end(1)]
    field = _PUBLISHER_FIELD.search(folded)
    if field and names_a_utility(field[1]):
        return text[field.start(1):field.end(1)]
    named = _STATE_GRID.search(folded)
    if named:
        return text[named.start():named.end()]
    # ``宁波金色水岸花园物业服务中心（鄞州区钟公庙街道）``: a signature giving where it is.
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in reversed(lines[-3:]):
        where = re.search(r"[(（]([^()（）]{2,16}?[区县市][^()（）]{0,10})[)）]\s*$", line)
        if where and county(fold(where[1])[:3]) or where and county(fold(where[1])[:2]):
            return line
    # ``根据镇海区供电分局安排``: a district's utility named in the prose (from the district's
    # name: the words before it are the sentence's).
    for m in _UTILITY_IN_PROSE.finditer(folded):
        for size in (3, 2, 4, 5):
            start = m.end(1) - size
            if start >= 0 and county(folded[start:m.end(1)]):
                return text[start:m.end()]
    # (``接北仑供电通知``: a district's short name before 供电.)
    for m in re.finditer(r"([\u3400-\u9fff]{2})供电(?=通知|公司|局|分公司|所|部门)", folded):
        if any(county(m[1] + suffix) for suffix in "区县市"):
            return text[m.start():m.end()]
    return None


def publisher_district(name: str | None, districts: DistrictTable):
    """The declared district a district-level utility serves (``国网宁波市北仑区供电公司``:
    北仑区): one declared district (not the whole city) named in it, and no city other than
    the site's."""
    if not name:
        return None
    folded = fold(name)
    others = named_cities(folded) - {city_of([d.name for d in districts])}
    named = [d for d in districts if not d.citywide
             and any(key in folded for key in (d.name, *d.aliases))]
    return named[0] if len(named) == 1 and not others else None


# A title led by a town (``贵驷街道关于…的通知``, ``宁波市镇海区贵驷街道办事处关于…``), or the
# town government's site it is published on (``横溪镇人民政府门户网站``).
# (``宁波市鄞州区人民政府下应街道办事处``: the district's government before its town's office.)
_HEAD_TOWN = re.compile(r"\s*(?:宁波市)?(?:[\u4e00-\u9fff]{1,3}[区县市](?:人民政府)?)?"
                        r"(?P<t>[\u4e00-\u9fff]{1,5}?(?:街道|镇|乡))(?:(?:人民政府|办事处)?"
                        r"(?:关于|计划停电|停电)|(?:人民政府|办事处)(?:门户网站|网站|官网)?\s*(?:$|[>›»]))")


# (Or the byline's source: ``发布日期：2034-01-17    来源：首南街道办事处    浏览次数：412``.)
_SOURCE_TOWN = re.compile(r"来源\s*[:：]\s*(?P<t>[\u4e00-\u9fff]{1,5}?(?:街道|镇|乡))"
                          r"(?:办事处|人民政府)")


def _town_leading(districts: DistrictTable, area: str):
    """(town, the rest) for a place led by the full name (or former full name) of the one town
    TOWNS declares by it (``莼湖镇桐照村``), else None. (Not the town's own institution,
    ``贵驷街道敬老院``: its name.)"""
    for town in districts.towns:
        for name in (town.name, *town.aliases):
            if name.endswith(("镇", "乡", "街道")) and area.startswith(name) \
                    and len(area) > len(name) and districts.towns.declared_one(name) is town \
                    and not INSTITUTION_WORD.match(fold(area), len(name)):
                return town, area[len(name):]
    return None


def _district_led_town(districts: DistrictTable, town: str) -> tuple[str, str] | None:
    """(district, town) of a town read with a declared district's name or alias before it
    (``鄞州姜山镇``), else None."""
    for district in districts:
        for key in sorted((district.name, *district.aliases), key=len, reverse=True):
            rest = town[len(key):]
            if town.startswith(key) and re.fullmatch(r"[\u3400-\u9fff]{2,6}?(?:镇|乡|街道)", rest):
                return district.name, rest
    return None


def _general_import(general, districts: DistrictTable, published: dt.date, source_name,
                    source_url, title, text: str = "") -> OutageImport:
    """The result of ``layouts.read_general`` in the shape the command line writes.

    A district the notice names is the declared name when it is declared (``海曙`` → 海曙区);
    any other place (``长乐``, ``泰山区``) is kept as printed and reported, as is a window that
    names no district: the editor chooses one before the file can be written, unless the
    notice's publisher is a district's utility (its windows with no district are in that
    district, with a warning). The publisher found in the text is the source."""
    found_publisher = publisher(text) if text else None
    served = publisher_district(found_publisher, districts)
    # ``鄞州区首南街道学士社区居民群(486)``: a first line that begins with a declared district
    # (a title, a group's name) gives the district of windows that name none.
    # (Or one of the first three lines: ``（村务公开栏照片转录）`` /
    # ``奉化区尚田街道鸣雁村村务公开栏``.)
    # (An app's back arrow before a group's name is no part of it: ``<  海曙区望春街道
    # 春华苑业主群``.)
    # (Or a caption in brackets, a label or a clause first: ``（读者供图：奉化区尚田街道冷西村
    # 村务公开栏，编辑转录）``, ``（业主转发两条物业短信，鄞州区东柳街道锦澜府小区）``.)
    printed_head = [line.strip() for line in text.splitlines() if line.strip()][:3] \
        if text else []
    head_lines_text = [re.sub(r"^(?:[<＜‹]|[(（\[【][^()（）\[\]【】,，:：]{2,12}[:：,，])\s*", "",
                              line) for line in printed_head]
    # (Or a listing's breadcrumb ending with it: ``网上国网 › 停电公告 › 宁波市鄞州区``.)
    head_line, head_district = next(
        ((line, d) for line in ([] if served else head_lines_text) for d in districts
         if not d.citywide and (re.match(rf"(?:宁波市)?{re.escape(d.name)}", fold(line))
                                or re.search(rf"[›>»]\s*(?:宁波市)?{re.escape(d.name)}\s*$",
                                             fold(line)))),
        (head_lines_text[0] if head_lines_text else "", None))
    # (Or a district's short name and a town: ``奉化大堰镇柏坑村村民群(186)``; the town too.)
    head_led = None if served or head_district else next(
        ((line, *found) for line in head_lines_text
         if (found := _district_and_town(re.sub(r"^宁波市?", "", fold(line)), districts))
         and found[1]), None)
    head_district_town = None
    if head_led:
        head_line, head_district, head_district_town = head_led
    # (The head line quoted as printed.)
    head_line = dict(zip(head_lines_text, printed_head, strict=True)).get(head_line, head_line)
    head_lines: list[int] = []
    # ``贵驷街道关于7月下旬计划停电的通知``: a title that names a town TOWNS declares gives the
    # town (and its district) of windows that name neither. (Or the head of its site's
    # breadcrumb, ``慈城镇人民政府  >  政务公开  >  通知公告``.)
    site_town = next(
        ((town, line.strip()) for line in (text.splitlines()[:6] if text else [])
         if (m := _HEAD_TOWN.match(fold(line)) or _SOURCE_TOWN.search(fold(line)))
         and (town := districts.towns.declared_one(m["t"])) is not None), None)
    head_town = None if served or head_district else site_town
    head_town_lines: list[int] = []
    site_town_lines: list[int] = []
    # ``宁波北仑新碶街道 金沙湾花园物业服务中心``: a signature naming a declared district (perhaps
    # by its short name) and a town gives the district and town of windows that name neither.
    signature = None if served or head_district or head_town else _signature_place(
        text, districts)
    signature_lines: list[int] = []
    # ``您户号3302018845（地址：江北区慈城镇半浦村**号）…`` / ``用电地址：浙江省宁波市江北区前江
    # 街道…``: a message or query for one account gives the district and town of windows that
    # name neither.
    address = None if served or head_district or head_town or signature else _address_place(
        text, districts)
    address_lines: list[int] = []
    # ``…镇海区澥浦镇十七房村…；次日…澥浦镇汇源村也将停电``: a town the notice has named with
    # its district is in that district where it is named again alone.
    towns = {w["town"]: w["district"] for w in [*general.windows, *general.cancelled]
             if w.get("town") and w.get("district")}
    for window in [*general.windows, *general.cancelled]:
        if not window.get("district") and window.get("town") in towns:
            window["district"] = towns[window["town"]]
    # ``关于白云街道部分区域计划停电的通知``: where the notice's head names the one town its
    # placed windows are in, a window that names no place of its own is in that town too.
    # (Also before the town's district is known: ``首南街道办事处 > 通知公告`` over windows of
    # 首南街道 and one naming no place of its own; the town gives the district below.)
    head = "\n".join(text.splitlines()[:4]) if text else ""
    named = {w["town"] for w in [*general.windows, *general.cancelled] if w.get("town")}
    # (Where the head names a town TOWNS declares, ``head_town`` places them, with a warning.)
    if len(named) == 1 and next(iter(named)) in head and (
            next(iter(named)) in towns or head_town is None):
        town = next(iter(named))
        for window in [*general.windows, *general.cancelled]:
            if not window.get("district") and not window.get("town"):
                window["district"], window["town"] = towns.get(town), town
    served_lines: list[int] = []
    places: list[ImportMessage] = []
    unclean: list[ImportMessage] = []
    sources: dict[str, list[WindowSource]] = {"windows": [], "cancelled": []}
    for kind, lines in (("windows", general.window_lines), ("cancelled", general.cancel_lines)):
        for window, line in zip(getattr(general, kind), lines, strict=True):
            # An area that still holds a time, a date, a sentence or 停电 was not separated
            # cleanly: reported (exit 1), or kept in a note with --allow-partial.
            for area in list(window["areas"]):
                if _unclean(area) or len(area) > 40:
                    window["areas"].remove(area)
                    if not any(p.fragment == area for p in unclean):
                        unclean.append(ImportMessage(line, area, UNCLEAN_AREA.format(
                            fragment=_quote(area)), leftover=area))
            source = WindowSource(line, 0, "、".join(window["areas"]), kind == "cancelled")
            sources[kind].append(source)
            printed = window.get("district")
            # ``鄞州姜山镇朱何村``: a declared district's short name glued to the town.
            led = None if printed else _district_led_town(districts, window.get("town") or "")
            if led is not None:
                printed, window["town"] = led
                window["district"] = printed
            # ``慈城 白米湾村``: a town the site declares (by name or alias) gives its district.
            declared_town = districts.towns.declared_one(window.get("town") or "") or (
                districts.towns.declared_one(window["areas"][0]) if window["areas"]
                and not window.get("town") and len(window["areas"]) > 1 else None)
            # ``莼湖镇桐照村、栖凤村``: a declared town's full name leading the first place.
            # (Also under the district a listing's query names, ``区县：鄞州区``, where it is the
            # town's.)
            led_town = None if declared_town or window.get("town") \
                or not window["areas"] else _town_leading(districts, window["areas"][0])
            if led_town is not None and printed and \
                    fold(led_town[0].district_name) != fold(printed) and not (
                        districts.get(printed) is not None
                        and districts.get(printed).name == led_town[0].district_name):
                led_town = None
            if led_town is not None:
                declared_town, rest = led_town
                window["town"], window["areas"][0] = declared_town.name, rest
                # (``洞桥镇宣裴村、洞桥镇百梁桥村``: the town printed again before a later place.)
                window["areas"][1:] = [_without_town(area, declared_town.name)
                                       for area in window["areas"][1:]]
            if not printed and declared_town is not None:
                if not window.get("town"):
                    window["areas"] = window["areas"][1:]
                window["town"] = declared_town.name
                window["district"] = printed = declared_town.district_name
            if not printed and served is not None:
                window["district"] = printed = served.name
                served_lines.append(line)
            elif not printed and head_district is not None:
                window["district"] = printed = head_district.name
                if head_district_town and not window.get("town"):
                    window["town"] = head_district_town
                head_lines.append(line)
            # (A town's site, ``宁波市鄞州区人民政府下应街道办事处``, over windows its district's
            # utility serves: the town of those naming none, and not again before a place,
            # ``下应街道东方丽都小区``.)
            if site_town and (served or head_district) and not window.get("town") \
                    and window.get("district") == site_town[0].district_name:
                window["town"] = site_town[0].name
                window["areas"] = [_without_town(area, site_town[0].name)
                                   for area in window["areas"]]
                site_town_lines.append(line)
            elif not printed and head_town is not None and not window.get("town"):
                window["town"] = head_town[0].name
                window["district"] = printed = head_town[0].district_name
                head_town_lines.append(line)
            elif not printed and signature is not None:
                window["district"] = printed = signature[0].name
                if signature[1] and not window.get("town"):
                    window["town"] = signature[1]
                signature_lines.append(line)
            elif not printed and address is not None:
                window["district"] = printed = address[0].name
                if address[1] and not window.get("town"):
                    window["town"] = address[1]
                address_lines.append(line)
            declared = districts.get(printed) if printed else None
            if declared is not None:
                window["district"] = declared.name
                continue
            key = printed or ""
            place = next((p for p in places if p.fragment == key), None)
            if place is None:
                known = county(printed) if printed else None
                hint = f" It is {known.where()}." if known else did_you_mean(printed,
                                                                             districts.names)
                message = (UNDECLARED_PLACE.format(place=printed, hint=hint,
                                                   settings=SETTINGS_FILE) if printed else
                    NO_DISTRICT.format(settings=SETTINGS_FILE))
                place = ImportMessage(line, key, message, kind="place")
                places.append(place)
            source.place = place
    warnings = []
    if served_lines:
        warnings.append(_served_warning(served_lines[0], found_publisher, len(served_lines),
                                        served.name))
    if head_lines:
        count = len(head_lines)
        warnings.append(ImportMessage(head_lines[0], head_line, HEAD_DISTRICT.format(
            count=count, s="s" if count != 1 else "", district=head_district.name,
            line=_quote(head_line))))
    if head_town_lines:
        count = len(head_town_lines)
        warnings.append(ImportMessage(head_town_lines[0], head_town[1], HEAD_TOWN.format(
            count=count, s="s" if count != 1 else "", town=head_town[0].name,
            district=head_town[0].district_name, line=_quote(head_town[1]))))
    if site_town_lines:
        count = len(site_town_lines)
        warnings.append(ImportMessage(site_town_lines[0], site_town[1], SITE_TOWN.format(
            count=count, s="s" if count != 1 else "", town=site_town[0].name,
            line=_quote(site_town[1]))))
    if signature_lines:
        count = len(signature_lines)
        warnings.append(ImportMessage(signature_lines[0], signature[2], SIGNATURE_DISTRICT.format(
            count=count, s="s" if count != 1 else "", district=signature[0].name,
            line=_quote(signature[2]))))
    if address_lines:
        count = len(address_lines)
        warnings.append(ImportMessage(address_lines[0], address[2], ADDRESS_DISTRICT.format(
            count=count, s="s" if count != 1 else "", district=address[0].name,
            line=_quote(address[2]))))
    name = source_name or found_publisher
    if not name:
        name = DEFAULT_SOURCE
        warnings.append(ImportMessage(None, "", f'no source such as "{DEFAULT_SOURCE}" found in '
                                      f'the text; using "{DEFAULT_SOURCE}". Set it with '
                                      "--source-name"))
    source = {"name": name}
    if source_url:
        source["url"] = source_url
    windows = [{key: value for key, value in window.items() if value is not None or
                key in ("start", "end")} for window in general.windows]
    fields = {
        "title": title or outage_title(windows),
        "date": published,
        "source": source,
        "windows": windows,
    }
    if general.cancelled:
        fields["cancelled"] = [{key: value for key, value in window.items()
                                if value is not None or key in ("start", "end")}
                               for window in general.cancelled]
    # (A problem whose text an --allow-partial import keeps in a note has it as a fourth item.)
    problems = [ImportMessage(*problem) for problem in general.problems]
    problems += unclean + places
    warnings += [ImportMessage(line, fragment, why) for line, fragment, why in general.warnings]
    # A start with no end, and a window that names no place, cannot be published as read.
    for window, line in zip(general.windows, general.window_lines, strict=True):
        day = window["date"].isoformat()
        if window["start"] is not None and window["end"] is None:
            warnings.append(ImportMessage(line, "", NO_END.format(date=day,
                                                                  start=window["start"])))
        elif window["start"] is not None and not window["areas"] and not window.get("district"):
            warnings.append(ImportMessage(line, "", NO_PLACE.format(
                date=day, slot=slot(window))))
    result = OutageImport(fields=fields, sources=sources, problems=problems, warnings=warnings,
                          body_lines=list(general.body_lines))
    result.read_lines = general.read_lines
    return result


def _signature_place(text: str, districts: DistrictTable):
    """(district, town or None, line) named at the start of one of a notice's last three
    lines, its signature (``宁波北仑新碶街道 金沙湾花园物业服务中心``), else None."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()][-3:]
    for line in reversed(lines):
        found = _district_and_town(re.sub(r"^宁波市?", "", fold(line)), districts)
        if found:
            return (*found, line)
    # (Or a message's signature in brackets at its end: ``…敬请谅解！（鄞州区首南街道锦绣澜庭物业
    # 服务中心）回T退订``.)
    for line in reversed(lines):
        for signed in _SIGNED.finditer(fold(line)):
            found = _district_and_town(re.sub(r"^宁波市?", "", signed["s"]), districts)
            if found:
                return (*found, line[signed.start():signed.end("s") + 1])
    return None


_SIGNED = re.compile(r"\((?P<s>[^()]{4,30}?(?:物业服务中心|物业|服务中心|委员会|公司|办事处))\)"
                     r"\s*(?:回T退订|退订回T)?\s*$")


def _district_and_town(folded: str, districts: DistrictTable):
    """(district, town or None) that a folded text begins with (``北仑新碶街道…``: the declared
    district by its name or alias, then perhaps a town), else None."""
    keys = sorted(((fold(key), d) for d in districts if not d.citywide
                   for key in (d.name, *d.aliases)), key=lambda kd: -len(kd[0]))
    for key, district in keys:
        if folded.startswith(key) and len(folded) > len(key):
            town = re.match(r"[\u3400-\u9fff]{1,5}?(?:街道|镇|乡)", folded[len(key):])
            if town:
                declared = districts.towns.declared_one(town[0])
                return district, declared.name if declared else town[0]
            # (A town of that district by its short name before a dot: ``北仑霞浦·海韵家园业主群``.)
            short = re.match(r"([\u3400-\u9fff]{2,4})[·•]", folded[len(key):])
            declared = districts.towns.declared_one(short[1]) if short else None
            return district, declared.name if declared is not None \
                and declared.district_name == district.name else None
    return None


_ADDRESS = re.compile(r"(?:用电|客户|户主|您的?)?地址\s*:\s*(?:浙江省)?\s*(?:宁波市)?\s*")


def _address_place(text: str, districts: DistrictTable):
    """(district, town or None, address) of the one customer's address a notice gives
    (``地址：江北区慈城镇半浦村**号``), where it begins with a declared district, else None."""
    found = []
    for line in (text or "").splitlines():
        folded = fold(line)
        for m in _ADDRESS.finditer(folded):
            # (A customer's: ``用电地址：``, or on a message to an account, ``您户号…（地址：…）``;
            # not a utility's or an office's own, ``地址：海曙区南门街道柳汀街1408号``.)
            if not re.match(r"用电|客户|户主", folded[m.start():]) \
                    and not re.search(r"户号|您", folded):
                continue
            rest = folded[m.end():]
            place = _district_and_town(rest, districts)
            if place is None:
                continue
            end = re.match(r"[^)）\s,，;；。]*", rest)
            found.append((*place, display(line[m.start():m.end() + end.end()]).strip()))
    # (Only one place: two customers' addresses say nothing of the windows.)
    return found[0] if len({(d.name, t) for d, t, _ in found}) == 1 else None


def outage_title(windows: list[dict]) -> str:
    """Name the schedule by its days: 计划停电预告（9月23日—27日）."""
    days = sorted({w["date"] for w in windows})
    if not days:
        return TITLE
    first, last = days[0], days[-1]
    if first == last:
        return f"{TITLE}（{first.month}月{first.day}日）"
    if first.year != last.year:
        return (f"{TITLE}（{first.year}年{first.month}月{first.day}日—"
                f"{last.year}年{last.month}月{last.day}日）")
    if first.month == last.month:
        return f"{TITLE}（{first.month}月{first.day}日—{last.day}日）"
    return f"{TITLE}（{first.month}月{first.day}日—{last.month}月{last.day}日）"


def partial_fields(result: OutageImport, drop_places: bool = True) -> tuple[dict, list[str]]:
    """Return (front matter, body lines) keeping every unread fragment for the editor.

    A fragment goes into the ``note`` of the nearest window before it (else after it);
    windows in undeclared districts are moved to the body when ``drop_places``.
    """
    fields = {key: value for key, value in result.fields.items()}
    body = list(result.body_lines)
    kept: dict[str, list[tuple[dict, WindowSource]]] = {}
    seen: set[str] = set()
    for section in ("windows", "cancelled"):
        kept[section] = []
        for window, source in zip(result.fields.get(section, []), result.sources[section],
                                  strict=True):
            if drop_places and source.place is not None:
                place = source.place.fragment if source.place.kind == "place" and \
                    source.place.fragment != source.fragment else ""
                text = f"{place} {source.fragment}".strip()
                if text not in seen:
                    seen.add(text)
                    body.append(f"未能归入已声明区县（第{source.line}行）：{text}")
                continue
            kept[section].append((dict(window), source))
    everything = kept["windows"] + kept["cancelled"]
    for problem in result.fragment_problems:
        if not problem.leftover:
            continue
        text = f"原文未能识别（第{problem.line}行）：{problem.leftover}"
        target = _nearest(everything, problem)
        if target is None:
            body.append(text)
        else:
            target["note"] = f"{target['note']}；{text}" if target.get("note") else text
    for section in ("windows", "cancelled"):
        windows = [_ordered_window(w) for w, _ in kept[section]]
        if section == "windows" or windows:
            fields[section] = windows
        else:
            fields.pop(section, None)
    return _ordered(fields), body


def _nearest(windows: list[tuple[dict, WindowSource]], problem: ImportMessage) -> dict | None:
    if not windows or problem.line is None:
        return None
    position = (problem.line, problem.col)
    before = [w for w, s in windows if (s.line, s.col) <= position]
    if before:
        return before[-1]
    return min(windows, key=lambda ws: (ws[1].line, ws[1].col))[0]


def _ordered(fields: dict) -> dict:
    """Put front-matter keys in the content model's order (``OutageFields``)."""
    out = {key: fields[key] for key in OutageFields.model_fields if key in fields}
    if isinstance(out.get("source"), dict):
        out["source"] = {k: out["source"][k] for k in OutageSource.model_fields
                         if k in out["source"]}
    for section in ("windows", "cancelled"):
        if section in out:
            out[section] = [_ordered_window(w) for w in out[section]]
    return out


def _ordered_window(window: dict) -> dict:
    return {key: window[key] for key in OutageWindow.model_fields if key in window}


# ---------------------------------------------------------------------------
# Rendering


class _FrontMatterDumper(yaml.SafeDumper):
    """Block style with list items indented under their key, as editors write them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data):  # the front-matter loader refuses anchors and aliases
        return True


_NEEDS_QUOTES = re.compile(r"^(?:[\d+\-.(:]|次日|翌日)|:|#|^(?:yes|no|on|off|true|false|null|~)$",
                           re.IGNORECASE)


def _represent_text(dumper: yaml.SafeDumper, value: str):
    style = '"' if _NEEDS_QUOTES.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FrontMatterDumper.add_representer(str, _represent_text)


def render_outage_file(fields: dict, body_lines: list[str] | None = None) -> str:
    """Write the content file: YAML front matter between ``---`` lines, then a short body."""
    front = yaml.dump(_ordered(fields), Dumper=_FrontMatterDumper, allow_unicode=True,
                      sort_keys=False, default_flow_style=False, width=1000)
    body = "  \n".join(_escape_markdown(line) for line in (body_lines or []))
    return f"---\n{front}---\n" + (f"\n{body}\n" if body else "")


def _escape_markdown(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


# ---------------------------------------------------------------------------
# Command line


class _UsageError(Exception):
    pass


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage dump, no traceback
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog="invoke import-outages",
        description="Turn a planned-outage notice (plain text) into an outage content file.")
    parser.add_argument("file", metavar="FILE", help='the notice as text; "-" reads standard input')
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="the day the notice was published (gives the year and file name)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--output", "-o", metavar="PATH",
                       help="write here instead of content/outages/<published>-jihua-tingdian.md")
    where.add_argument("--dry-run", "-n", action="store_true",
                       help="print the file to standard output instead of writing it")
    parser.add_argument("--allow-partial", action="store_true",
                        help="write what was understood; unread text goes into notes and the body")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--source-name", metavar="NAME", help='publisher, e.g. "宁波供电公司"')
    parser.add_argument("--source-url", metavar="URL", help="the publisher's web address")
    parser.add_argument("--title", help="title of the schedule (default: 计划停电预告（dates）)")
    return parser


def load_districts(settings_file: Path = SETTINGS_PATH) -> tuple[DistrictTable, Path]:
    """Read DISTRICTS and PATH from pelicanconf.py: (district table, content folder)."""
    spec = importlib.util.spec_from_file_location("_importer_pelicanconf", settings_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    settings = {key: getattr(module, key) for key in dir(module) if key.isupper()}
    content = Path(settings.get("PATH") or settings_file.parent / "content")
    return district_table(settings), content


MAX_BYTES = 1_000_000  # a notice is a few kilobytes; the seed column is 3 KB


def _checked(text: str) -> str:
    """Refuse NUL and other control characters: they may join or split a place name."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        for column, char in enumerate(line, 1):
            if (ord(char) < 32 and char not in "\t\r") or ord(char) == 127:
                found.append(f"line {number} column {column} (U+{ord(char):04X})")
    if found:
        shown = ", ".join(found[:10]) + (f" and {len(found) - 10} more" if len(found) > 10
                                          else "")
        raise ValueError(CONTROL_CHARACTERS.format(where=shown))
    return text


def _read_input(name: str, stdin) -> tuple[str, list[str]]:
    """Return (text, warnings) or raise OSError/ValueError with a one-line reason."""
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin
        data = stream.buffer.read(MAX_BYTES + 1) if hasattr(stream, "buffer") else \
            stream.read(MAX_BYTES + 1)
        size = len(data.encode("utf-8") if isinstance(data, str) else data)
    else:
        size = Path(name).stat().st_size
        data = b"" if size > MAX_BYTES else Path(name).read_bytes()
    if size > MAX_BYTES:  # refused before reading it all, let alone parsing it
        raise ValueError(TOO_LARGE.format(size=size, limit=MAX_BYTES))
    if isinstance(data, str):
        return _checked(data), []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (
            len(data) >= 4 and data[1::2].count(0) > len(data) // 4):
        raise ValueError(UTF16)
    try:
        return _checked(data.decode("utf-8")), []
    except UnicodeDecodeError as exc:
        try:
            return _checked(data.decode("gb18030")), ["file is not UTF-8; read it as GBK/GB18030"]
        except UnicodeDecodeError:
            raise ValueError(f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                             f"{exc.start}); save it as UTF-8") from None


_FULL_DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
    r"|(?<![\d.])(\d{4})([-/.])(\d{1,2})\5(\d{1,2})(?![\d.])")
_TIME_LIKE = re.compile(r"\d{1,2}\s*[:：点时]\s*\d{0,2}")


def guess_published(text: str, today: dt.date) -> tuple[dt.date, int | None]:
    """Pick the published date: a signature date after the windows, the first full date, today."""
    found: list[tuple[dt.date, int, bool]] = []
    last_time_line = 0
    for number, line in enumerate(text.splitlines(), start=1):
        # (``二〇三二年十一月十六日`` under a village board's notice: the date in numerals.)
        line = digits_for_numerals(line)
        if _TIME_LIKE.search(line):
            last_time_line = number
        for m in _FULL_DATE.finditer(line):
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 6, 7)
            try:
                found.append((dt.date(int(y), int(mo), int(d)), number,
                              not _TIME_LIKE.search(line)))
            except ValueError:
                continue
    signatures = [f for f in found if f[2] and f[1] > last_time_line]
    if signatures:
        return signatures[-1][0], signatures[-1][1]
    if found:
        return found[0][0], found[0][1]
    return today, None


def _declared_stand_in(data: dict, table: DistrictTable) -> dict:
    """``data`` with a declared district in place of each window's missing or undeclared
    one, so that the model checks everything else about the window (it checks the times
    only once the fields are valid)."""
    stand_in = next(iter(table), None)
    if stand_in is None:
        return data
    # (A town TOWNS declares stands in with its own district, so it is not taken for a
    # town declared elsewhere.)
    def standing(window: dict) -> dict:
        town = window.get("town")
        declared = table.towns.declared_one(town) if isinstance(town, str) else None
        return dict(window, district=declared.district_name if declared else stand_in.name)

    data = dict(data)
    for key in ("windows", "cancelled"):
        if isinstance(data.get(key), list):
            data[key] = [standing(w) if isinstance(w, dict)
                         and table.get(w.get("district")) is None else w for w in data[key]]
    return data


def _validation_lines(data: dict, table: DistrictTable, result: OutageImport,
                      file: str, districts_too: bool = True) -> list[str]:
    """Check the rendered file as the build will read it; word problems with their lines.
    ``districts_too=False`` (``--dry-run``, the score) leaves out a window's missing or
    undeclared district: the importer has said so already, as a warning, so that other
    cities' notices can be tried."""
    if not districts_too:
        data = _declared_stand_in(data, table)
    _, problems = validate_fields(Kind.OUTAGE, data, table)
    lines = []
    for message in problems:
        m = re.match(r"(windows|cancelled)\[(\d+)\]", message)
        line = None
        if m and int(m.group(2)) < len(result.sources[m.group(1)]):
            line = result.sources[m.group(1)][int(m.group(2))].line
        lines.append(f"{file}:{line}: {message}" if line else f"{file}: {message}")
    return lines


def model_problems(rendered: str, table: DistrictTable, result: OutageImport, file: str,
                   districts_too: bool = True) -> list[str]:
    """What the build would refuse in the file an import writes (``rendered``, read back and
    validated as the build reads it), one line each; ``[]`` when it would pass."""
    try:
        data = read_source(rendered.encode("utf-8")).front_matter
    except FrontMatterError as exc:  # a bug in rendering, reported plainly
        return [f"{file}: the imported file cannot be read back ({exc})"]
    return _validation_lines(data, table, result, file, districts_too)


def main(argv: list[str] | None = None, *, stdin=None, stdout=None, stderr=None,
         districts: DistrictTable | None = None, content_root: str | os.PathLike | None = None,
         today: dt.date | None = None) -> int:
    """Run the importer; return the exit code (0 written, 1 problems, 2 usage)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr

    def say(line: str, stream=err) -> None:
        print(line, file=stream)

    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        say(f"invoke import-outages: {exc}. Usage: invoke import-outages FILE|- "
            "[--published YYYY-MM-DD] [--output PATH | --dry-run] [--allow-partial] [--force]")
        return 2
    published = None
    if args.published:
        try:
            published = dt.date.fromisoformat(args.published)
        except ValueError:
            say(f'--published "{args.published}" is not a date; expected YYYY-MM-DD such as '
                "2019-09-16")
            return 2
    if args.source_url and not re.match(r"^https?://\S+$", args.source_url):
        say(f'--source-url "{args.source_url}" is not a web address; expected a URL starting '
            "with http:// or https://")
        return 2

    label = "<stdin>" if args.file == "-" else project_relative(args.file)
    try:
        text, notes = _read_input(args.file, stdin)
    except OSError as exc:
        say(f"{label}: cannot be read ({exc.strerror})")
        return 1
    except ValueError as exc:
        say(f"{label}: {exc}")
        return 1
    for note in notes:
        say(f"{label}: warning: {note}")

    try:
        if districts is None:
            districts, default_root = load_districts()
        else:
            default_root = PROJECT_ROOT / "content"
    except ConfigError as exc:
        say(str(exc))
        return 1
    root = Path(content_root) if content_root is not None else default_root

    if published is None:
        published, line = guess_published(text, today or dt.date.today())
        where = f"the date on line {line}" if line else "today"
        say(f"{label}: warning: no --published given; using {published.isoformat()}, {where}")

    result = parse_outage_notice(text, published, districts, source_name=args.source_name,
                                 source_url=args.source_url, title=args.title)

    errors = list(result.fragment_problems)
    place_errors = result.place_problems
    warnings = list(result.warnings)
    if args.dry_run:
        warnings += place_errors
    else:
        errors += place_errors

    if args.allow_partial:
        fields, body = partial_fields(result, drop_places=not args.dry_run)
    else:
        fields, body = result.fields, result.body_lines

    def report() -> None:
        tagged = [(m, False) for m in errors] + [(m, True) for m in warnings]
        tagged.sort(key=lambda mw: (mw[0].line or 0, mw[0].col))
        for message, is_warning in tagged:
            say(message.format(label, warning=is_warning))

    if args.dry_run:
        # What a real import would refuse besides the districts (a window with no end or no
        # area, one longer than a day) fails the dry run too.
        rendered = render_outage_file(fields, body)
        invalid = model_problems(rendered, districts, result, label, districts_too=False)
        report()
        for line in invalid:
            say(line)
        out.write(rendered)
        blocking = [] if args.allow_partial else result.fragment_problems
        return 1 if blocking or invalid else 0

    if errors and not args.allow_partial:
        report()
        count = len(errors)
        say(f"{count} problem{'s' if count != 1 else ''} in {label}; nothing was written. Fix "
            "the text, or use --allow-partial to write what was understood")
        return 1

    rendered = render_outage_file(fields, body)
    invalid = model_problems(rendered, districts, result, label)
    if invalid:
        report()
        for line in invalid:
            say(line)
        count = len(invalid) + len(errors)
        say(f"{count} problem{'s' if count != 1 else ''} in {label}; nothing was written")
        return 1

    target = Path(args.output) if args.output else (
        root / "outages" / f"{published.isoformat()}-{FILE_SUFFIX}.md")
    shown = project_relative(str(target))
    if target.exists() and not args.force:
        report()
        say(f"{shown}: already exists; nothing was written. Use --force to replace it, or "
            "--output to write elsewhere")
        return 1
    report()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_text(rendered, encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        say(f"{shown}: cannot be written ({exc.strerror})")
        return 1
    kept = len(errors) if args.allow_partial else 0
    summary = (f"wrote {shown}: {len(fields.get('windows', []))} windows, "
               f"{len(fields.get('cancelled', []))} cancelled")
    if kept:
        summary += (f"; {kept} problem{'s' if kept != 1 else ''} kept in notes and the body "
                    "for the editor")
    say(summary, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
