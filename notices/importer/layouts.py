"""Read the notices that are not the Ningbo newspaper column: labelled records, numbered items,
tables pasted with ``|`` cells, and prose.

The column layout (a date line, then ``海曙 areas(8:30—15:30)…``) is read by ``scanner`` and
``assembler``; ``detect_layout`` tells the two apart and ``read_general`` reads the rest:

1. *Anchors*: every date with its time window (``2022年10月29日(周六)上午6:00—下午16:00``,
   ``6日7:00至6日18:30``, ``4月15日、16日两天的23时50分至次日凌晨1时``,
   ``6月28日至29日9:00至18:30``)
   or a date alone (``2025年8月16-17日``; a date-only window has no times). A date list or range
   before one time window gives one window per day; ``22:00至2日13:00`` is one window ending
   the next day (``次日13:00``).
2. *Areas* of an anchor, in this order: a label after it (``停电范围：``, ``影响区域:``,
   ``停电区域包括``; its text runs to the end of the sentence, or is the numbered lines or the
   table below it), a clause of the prose after it (``，金珠中路沿线部分用户将停电``,
   ``对食品楼…进行停电``, ``倒闸期间，全校停电``), the areas of the next anchor on the same line
   (``第一次停电初定于8月15日，第二次…8月16-17日，届时北校园…将受到影响``) or a label before it.
3. *Tables* (cells ending ``|``): a header row names the columns; a table whose header speaks of
   停水 and not 停电 is a decoy. A row ends at its time cell; its area is the cell before it.
   A table without a time column lists the areas of the label above it.
4. A list is cut at ``、，,;；`` (runs such as ``,、`` are one cut) outside brackets; an item that
   only continues a number (``学生宿舍3、4、5、10栋``, ``學生公寓4#樓、5#樓``, ``A、B、C栋``) stays
   with the one before; list endings (``等``, ``等一带``, ``等部分地区``) and group labels
   (``教學區:``) are not areas.

5. *Listing records* written one ``label：value`` line a field with ISO 8601 times
   (``start：2026-09-18T00:00:00+08:00``), tables pasted one cell a line, and the *rounds of a
   rotating outage* (``第二轮限电时间…``: the day printed before them, a group or no place, a
   list its words call districts) are read too; a start whose end is only a duration is a
   window without an end.

Every line is accounted for: it is read (an anchor, a label, areas, a table) or kept in the body.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass, field

from .messages import (
    CANCELLED_LATER,
    CLAUSE_LEFT,
    CLAUSE_PASSED,
    NO_AREAS,
    NOT_A_DATE,
    PAST_OUTAGE,
    SUPPLY_LINE,
    WATER_DECOY,
)
from .places import cities, city_prefix, county, county_and_township, shared_name, within_notice
from .text import (
    CALLED_OFF_CELL,
    INSTITUTION_WORD,
    LINE_NAME,
    MOVED_CELL,
    NAME_CHAR,
    PAST_WORDS,
    PICTOGRAPHS,
    PLANNED_WORDS,
    RANGE_ADDED,
    SAME_SLOT,
    display,
    fold,
    town_institution,
)

# ---------------------------------------------------------------------------
# Dates and times (on folded text: Simplified, half-width).

_RELATIVE = re.compile(r"(?:(?P<rel>今天|今日|明天|明日|后天|今(?=晚|早上|上午|下午|夜)"
                       r"|明(?=晚|早上|上午|下午|夜))"
                       # ``明(五)日``, ``今(4)日``: Taiwanese news, the day of the month in brackets
                       r"|(?P<short>今|明)\s*[(（]\s*[\d一二三四五六七八九十廿卅]{1,3}\s*[)）]\s*日"
                       r"|(?P<week>本|下)(?:周|星期|礼拜)"
                       r"(?P<wd>[一二三四五六日天]))(?![\u3400-\u9fff]{0,2}[网报讯])")
_SAID_DAY = re.compile(r"(?:(?P<same>同日|同一天|当天|当日)|次日|翌日|第二天)"
                       r"(?=\s*(?:凌晨|早上|上午|中午|下午|晚上|傍晚|夜间)?\s*\d)")
_RELATIVE_DAYS = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "今": 0, "明": 1}
# (``正月十一（2月23日，星期五）``: the weekday closing the bracket the date is in.)
_WEEKDAY = (r"(?:\s*[(（]\s*(?:星期|周|礼拜)?[一二三四五六日天]"
            # (``8月21日、26日（星期一、星期六）``: a list of days' weekdays.)
            r"(?:\s*[、,，]\s*(?:星期|周|礼拜)?[一二三四五六日天])*\s*[)）]"
            r"|\s*[/／]?\s*(?:星期|周|礼拜)[一二三四五六日天](?![\u3400-\u9fff])"
            r"|\s*[,，]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）])?")
_FULL = (r"(?:(?:民国\s*)?(?P<y>\d{4}|1[0-4]\d)\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})"
         r"(?:\s*[-—~]\s*(?P<dend>\d{1,2}))?\s*[日号]")
# ``2024.3.5``, ``2024-03-05``, and the ROC era's ``113.3.5`` / ``113/03/05``.
_DOTTED = r"(?P<y2>\d{4}|1[0-4]\d)[.\-/](?P<m2>\d{1,2})[.\-/](?P<d2>\d{1,2})(?!\d)"
# ``3/28(六)``, ``4/3 (五)~4/4(六)``: month/day, known for a date by the weekday after it;
# ``3/28 8:00``, ``3.28 8:00``, ``03-28 08:00``: by the clock time after it.
_CLOCK_AFTER = r"\s+\d{1,2}[:：]\d{2}"
_SLASHED = (r"(?<![\d.\-/])(?P<m3>1[0-2]|0?[1-9])/(?P<d3>3[01]|[12]\d|0?[1-9])"
            rf"(?=\s*[(（](?:星期|周)?[一二三四五六日天][)）]|{_CLOCK_AFTER})"
            r"|(?<![\d.\-/])(?P<m4>1[0-2]|0?[1-9])[.\-](?P<d4>3[01]|[12]\d|0?[1-9])"
            # (``05-07(三)``: a table's day with its weekday.)
            rf"(?=\s*[(（](?:星期|周)?[一二三四五六日天][)）]|{_CLOCK_AFTER})")
_DATE = re.compile(rf"(?:{_FULL}|{_DOTTED}|{_SLASHED}){_WEEKDAY}")
# (``本月18号（星期六）``: a day by 号 with its weekday; never ``18号楼``.)
_DAY = re.compile(rf"(?:(?P<m>\d{{1,2}})\s*月\s*(?P<d1>\d{{1,2}})\s*[日号]|(?P<d>\d{{1,2}})\s*"
                  rf"(?:日|号(?=\s*[(（]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）])"
                  # (``周五26号上午8点到11点半``: a chat's day before its time; the caller
                  # takes it only after no name, so ``中山路25号8:00`` is no day.)
                  rf"|号(?=\s*[)）]?\s*(?:凌晨|早上|早晨|上午|中午|下午|晚上|夜间|\d{{1,2}}\s*[:：点时]))))"
                  rf"{_WEEKDAY}")
_NAMED_BLACKOUT = re.compile(
    r"(?<![\d.:/年月-])(1[0-2]|[1-9])([0-3]\d)(?:大)?(?:停电|跳电|断电|限电)")
_MERIDIEM = (r"(?:次日|翌日|第二天)?\s*(?:凌晨|清晨|早上|早晨|早间|上午|中午|午后|下午|"
             r"晚上|晚间|傍晚|夜间|夜里|夜晚|早|晚)?")
# (``📅1月14日（周五）⏰7:00-9:00``: a post's clock pictograph before the time.)
_CLOCK = re.compile(
    rf"(?:[{PICTOGRAPHS}]\ufe0f?\s*)?(?P<mer>{_MERIDIEM})\s*(?P<h>\d{{1,2}})\s*(?:(?::|：)\s*(?P<mi>\d{{2}})(?:\s*[时点])?"
    r"|时(?:\s*(?P<mi2>\d{1,2})\s*分|(?P<half>半))?|点(?:\s*(?P<mi3>\d{1,2})\s*分?|(?P<half2>半))?)"
)
_RESTORED = re.compile(r"(?:预计|预定|计划|将于|于|至)\s*"
                       r"(?P<c>(?:凌晨|早上|上午|中午|下午|傍晚|晚上)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|时(?:\s*\d{1,2}\s*分|半)?"
                       r"|点(?:\s*\d{1,2}\s*分?|半)?))"
                       r"\s*(?:前|以前|左右)?\s*(?:完成|恢复|送电|复电)")
_SECONDS = re.compile(r":\d{2}(?!\d)")
_TO = r"\s*(?:至|到|-{1,3}|—|–|~|〜|一|－|——)\s*"
# Nothing, or a list number, before a time at the head of its line (``2、下午…``).
# (``⏰第一次：6:00—7:00``: a post's pictograph and a count of the slot lead it too.)
_LIST_NUMBER = re.compile(rf"\s*(?:[{PICTOGRAPHS}]\ufe0f?\s*)?"
                          r"(?:第[一二三四五六七八九十\d]{1,2}次\s*[:：]\s*|\d\ufe0f?\u20e3\s*)?"
                          r"(?:(?:\d{1,2}\s*[、.．)）]|[(（]\d{1,2}[)）])\s*)?"
                          # (``1. 每日5:30—10:30，…`` under a range of days: every day's time.)
                          r"(?:每日|每天)?\s*"
                          r"(?P<word>(?:凌晨|早上|上午|中午|下午|晚上|晚间|傍晚|夜间)\s*)?")
_FROM_UNTIL = re.compile(r"\s*起[^,，。;；\n\d]{0,10}[,，]?\s*(?:至|到)\s*")
_SEP_DAYS = r"(?:\s*[,，、和及与]+\s*)"


@dataclass
class Anchor:
    """A date (or several) with its time window, where it was printed."""

    start: int  # offsets in the whole (folded) text
    end: int
    days: list[dt.date]
    first: str | None = None  # "HH:MM"
    last: str | None = None  # "HH:MM" or "次日HH:MM"
    areas: list[str] | None = None
    more: list[tuple[str, str]] = field(default_factory=list)  # further windows, same days
    cancelled: bool = False
    district: str | None = None
    town: str | None = None
    headed: bool = False  # a date heading on its own line, the times on the lines below
    late: bool = False  # the time comes later in the sentence, the places between
    relative: bool = False  # 今天, 明天, 本周六: counted from the publication date
    slot_areas: list[list[str]] | None = None  # one list a slot, where each has its label
    round: bool = False  # a round of a rotating outage (``第二轮限电时间…``)
    districts: list[str] | None = None  # a round's list of districts (``…,三民等区``)
    day_areas: dict[dt.date, list[str]] | None = None  # a list said of each day
    late_at: int | None = None  # where the later time starts (the places end before it)
    late_end: int | None = None  # where that time ends
    # ``3月4日8:00至3月6日18:00``: a cut over more than one midnight, one slot a calendar day
    # (the first to midnight, whole days, the last from midnight): (day, start, end)
    spans: list[tuple[dt.date, str, str]] | None = None
    # ``中心教学楼配电室：中心教学楼、…`` lines under the time: one window a supply point
    groups: list[list[str]] | None = None
    # a listing's record whose status calls it off (its places in the record, after the time)
    status_off: bool = False

    def day_slots(self) -> list[tuple[dt.date, int, str | None, str | None]]:
        """Each window the anchor gives: (day, which slot of the day, start, end)."""
        if self.spans and not self.more:
            return [(day, 0, first, last) for day, first, last in self.spans]
        slots = [(self.first, self.last), *self.more]
        return [(day, index, first, last) for day in self.days
                for index, (first, last) in enumerate(slots)]


# ``第一轮限电时间为13日下午3时至3时50分``, ``第四輪限電時間1730-1820``: a round of a rotating
# outage; the day is the last one printed before it, and a round names its group or no place.
_ROUND = re.compile(r"第\s*[\d一二三四五六七八九十]+\s*轮[^\d,，。;；\n]{0,8}?$")
_HHMM = re.compile(r"([01]\d|2[0-3])([0-5]\d)\s*[-—~至到]\s*([01]\d|2[0-4])([0-5]\d)(?!\d)")
_GROUP = re.compile(r"[,，]?\s*([A-Z])\s*组")
_DAY_SAID = re.compile(r"(今天|今日|明天|明日|后天)(?:主要|将)?(停电)")
_ROUND_LABEL = re.compile(r"停电(?:区|区域|地区|范围)(?:约|大约)?"
                          r"(?:(?:是|为|包括|包含)[:：]?|[:：])")
# ``…、番路等14个乡镇部分区域``: the count of the places closes the list.
_COUNTED_END = re.compile(r"等\s*\d+\s*个\s*(?:乡镇|乡|镇|村|社区|小区|地区|区域|区|县)"
                          r"[^,，。;；]*$")


_TIME_LABEL = re.compile(r"[^\S\n]*[。.;；]?[^\S\n]*\n\s*(?:[一二三四五六七八九十]+、|\d+[.、])?\s*"
                         r"(?:停电)?(?:时间|时段)\s*[:：]\s*(?:每日|每天)?\s*"
                         r"(?:凌晨|早上|上午)?\s*")


def _year_for(month: int, day: int, printed: int | None, reference: dt.date) -> dt.date | None:
    try:
        if printed:
            date = dt.date(printed, month, day)
            # A printed year that puts the day most of a year before the notice, and the
            # next year within two months of it, is a typo of the new year (``2025年2月2日``
            # in a notice of 2026-01-12): the nearest such day is meant. A notice read
            # years after it was printed keeps its printed year.
            if (reference - date).days > 300:
                following = dt.date(printed + 1, month, day)
                if abs((following - reference).days) <= 62:
                    return following
            return date
    except ValueError:
        return None
    # (``2月29日`` alone: only a leap year of the three has it.)
    candidates = []
    for delta in (-1, 0, 1):
        try:
            candidates.append(dt.date(reference.year + delta, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - reference).days)) if candidates else None


def _clock(match: re.Match) -> tuple[int, int, str]:
    hour = int(match["h"])
    minute = match["mi"] or match["mi2"] or match["mi3"]
    minute = 30 if (match["half"] or match["half2"]) else int(minute or 0)
    meridiem = match["mer"] or ""
    if any(word in meridiem for word in ("下午", "午后", "晚", "傍晚", "夜")) and hour < 12:
        hour += 12
    return hour, minute, meridiem


# A clause's closing ``停电；`` before the next clause of the same sentence.
# (``…停电，影响A村、B村；下午1时至5时…``, ``上午8点至12点：前岙村、白峤村；下午1点至5点：…``)
# (Or ``8:00至12:00，岔路镇湖头村、干坑村；13:00至17:30，岔路镇下畈村``: a comma, the list.)
# (Or a comma before the next time and its colon: ``8:00至12:00：仁久村、联合村，13:00至17:00：
# 同岙村、…``.)
_NEXT_SLOT = re.compile(r"停电[^。;；\n]{0,40}[;；]\s*"
                        r"|(?:[:：][^。;；\n:：]|(?<=[\d时点分])[,，][^。;；\n:：,，])[^。;；\n:：]{0,39}[;；]\s*"
                        r"(?=(?:上午|下午|中午|晚上|凌晨|傍晚)?\s*\d{1,2}\s*[:：点时])"
                        r"|[:：][^。;；\n:：][^。;；\n:：]{0,39}[,，]\s*"
                        r"(?=\d{1,2}[:：]\d{2}\s*(?:至|到|-|—|~)\s*\d{1,2}[:：]\d{2}\s*[:：])")
# The rest of a late window's clause, then ``；`` and the next clause (``…停电；``).
_NEXT_LATE = re.compile(r"[^。;；\n]{0,8}?[;；]\s*")


# (The span on the line below the fields: ``省份：浙江  市：宁波  区县：江北区  [查询]`` /
# ``停电日期：2034-11-10 至 2034-11-20``.)
_QUERY_FIELDS = re.compile(r"(?:区县|县区|地市|省份|省\s*\(\s*市\s*\))\s*:[^\n]*?(?:\n[ \t]*)?"
                           r"(?:停电日期|日期|起止日期|查询日期|日期范围)\s*:\s*$")
# (``08:00-11:00<br>14:00-17:00``: a Markdown table cell's line break.)
_MORE_SEP = re.compile(r"\s*(?:<br\s*/?>|[、,，和及;；|｜]|/)\s*"
                       r"|[ \t]+(?=上午|下午|中午|晚上|凌晨)")


_SHORT_END_DAY = re.compile(r"(\d{1,2})-(\d{1,2})[ \t]+(?=\d{1,2}:\d{2})")


class _Dates:
    """Find anchors in folded text."""

    def __init__(self, text: str, reference: dt.date):
        self.t = text
        self.ref = reference
        self.month = reference.month
        self.month_printed = False
        self.year = None
        self.extra: list[dt.date] = []
        self.base: dt.date | None = None  # the anchor's first date, for the next one's year
        self.late_at: int | None = None
        self.late_end: int | None = None
        # (day, days later, hour, minute) of the last time window read over two midnights
        self.span: tuple[dt.date, int, int, int] | None = None
        # ``513大停電``, ``303停电``: the press names a blackout by its month and day, which
        # gives the month of a day printed alone (``13日``) where no month is printed.
        self.named = {int(m[2]): int(m[1]) for m in _NAMED_BLACKOUT.finditer(text)
                      if 1 <= int(m[2]) <= 31}

    def _relative_at(self, pos: int) -> tuple[dt.date, int] | None:
        """``今天`` / ``明天`` / ``后天`` / ``本周六`` / ``下周一``, from the publication date."""
        m = _RELATIVE.match(self.t, pos)
        if not m:
            return None
        # ``明天(3月2日)``, ``本周六(3/9)``: the date printed in the bracket is the day.
        printed = re.compile(r"\s*[(（]\s*(\d{1,2})\s*[/月]\s*(\d{1,2})\s*[日号]?\s*[)）]").match(
            self.t, m.end())
        if printed:
            day = _year_for(int(printed[1]), int(printed[2]), None, self.ref)
            return (day, printed.end()) if day else None
        # (``本周四（25号）``, ``明天（12号）``: the day of the month alone, read with the day
        # where they agree.)
        alone = re.compile(r"\s*[(（]\s*(\d{1,2})\s*[日号]\s*[)）]").match(self.t, m.end())
        if m["week"]:
            monday = self.ref - dt.timedelta(days=self.ref.weekday())
            day = monday + dt.timedelta(days="一二三四五六日天".index(m["wd"]) % 7
                                        + (7 if m["week"] == "下" else 0))
        elif m["short"]:
            day = self.ref + dt.timedelta(days=1 if m["short"] == "明" else 0)
        else:
            day = self.ref + dt.timedelta(days=_RELATIVE_DAYS[m["rel"]])
        # ``从今天起到明天``, ``今明两天``: a range of relative days.
        until = re.compile(r"\s*(?:起\s*)?(?:至|到)\s*(明天|明日|后天)|(?<=今)明两?[天日]"
                           ).match(self.t, m.end())
        if until and m["rel"] in ("今天", "今日", "今") and not m["short"]:
            last = self.ref + dt.timedelta(days=_RELATIVE_DAYS.get(until[1] or "明天", 1))
            self.extra = _span(day, last)
            return day, until.end()
        if alone and int(alone[1]) == day.day:
            return day, alone.end()
        return day, m.end()

    def _said_day_at(self, pos: int, last: dt.date) -> tuple[dt.date, int] | None:
        """``同日`` / ``当天`` / ``次日`` before a time, after another date: that date or the day
        after (news: ``4月7日…停电；同日9:00至12:00，…；次日7:30至11:30，…``); not the
        ``次日`` that ends a range (``22:00至次日5:00``)."""
        m = _SAID_DAY.match(self.t, pos)
        # (At the start of a clause only: ``；同日``, ``。次日``, ``，当天``; or of a numbered item,
        # ``二、同日晚上20:00-22:00，…``.)
        if not m or not re.search(r"(?:^|[,，;；。\n])\s*"
                                  r"(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])?\s*$",
                                  self.t[max(0, pos - 6):pos]):
            return None
        return last + dt.timedelta(days=0 if m["same"] else 1), m.end()

    def _date_at(self, pos: int, allow_day: bool) -> tuple[dt.date, int] | None:
        m = _DATE.match(self.t, pos)
        if m:
            year = m["y"] or m["y2"]
            month = int(m["m"] or m["m2"] or m["m3"] or m["m4"])
            day = int(m["d"] or m["d2"] or m["d3"] or m["d4"])
            self.month = month
            self.month_printed = True
            if year:
                # ``113年`` (Republic of China era, Taiwan): 113 + 1911 = 2024.
                year = int(year) + (1911 if len(year) == 3 else 0)
                self.year = year
            date = _year_for(month, day, year or None, self.base or self.ref)
            if date and m["dend"]:
                self.extra = _span(date, date.replace(day=int(m["dend"])))
            return (date, m.end()) if date else None
        if allow_day:
            m = _DAY.match(self.t, pos)
            # (A day in 号 before its time: not after a name, ``中山路25号8:00``.)
            named = m and not m["m"] and self.t[m.end() - 1:m.end()] == "号" and pos and \
                re.match(r"[\u3400-\u9fff]", self.t[pos - 1]) and \
                not re.search(r"(?:周|星期|礼拜)[一二三四五六日天]$"
                              r"|(?:另外|此外|同时|还有|以及|是|和|及)$",
                              self.t[max(0, pos - 3):pos])
            if m and (pos == 0 or not self.t[pos - 1].isdigit()) and not named:
                month = int(m["m"] or self.month)
                day = int(m["d1"] or m["d"])
                if m["m"]:
                    self.month, self.month_printed = month, True
                elif not self.month_printed and day in self.named:
                    month = self.named[day]
                elif not self.month_printed and day < self.ref.day - 3:
                    # ``2日`` in a notice of 1月28日 with no month printed yet: next month.
                    month = self.ref.month % 12 + 1
                date = _year_for(month, day, None, self.base or self.ref)
                return (date, m.end()) if date else None
        return None

    def anchors(self) -> list[Anchor]:
        found: list[Anchor] = []
        pos = 0
        t = self.t
        while pos < len(t):
            relative = self._relative_at(pos) if t[pos] in "今明后本下" else None
            if not relative and t[pos] in "同当次翌第" and found and found[-1].days:
                relative = self._said_day_at(pos, found[-1].days[-1])
            if not relative and (not t[pos].isdigit() or (pos and t[pos - 1].isdigit())):
                pos += 1
                continue
            # (``06:30—11:30（原定9月20日，因天气原因调整）``: the day a slot was moved from, in
            # brackets after its time, is read with it: ``_moved_from``.)
            if not relative and re.search(r"\d\s*[(（]\s*原定(?:于|为)?\s*$",
                                          t[max(0, pos - 8):pos]):
                pos += 1
                continue
            # (``发布时间：2028-10-17`` under an app's card: when it was published, alone on its
            # line.)
            if not relative and re.search(r"(?:^|\n)[ \t]*(?:发布|更新|查询|导出|生成|打印|制表)"
                                          r"(?:时间|日期)\s*[:：]?\s*$", t[max(0, pos - 12):pos]) \
                    and re.match(r"[\d\s:/.-]+(?:\n|$)", t[pos:]):
                pos = t.find("\n", pos) if "\n" in t[pos:] else len(t)
                continue
            # (``省（市）：浙江    地市：宁波    区县：北仑区    停电日期：2030-06-14 至
            # 2030-06-21``: a query's fields and the span it asked for, never a window.)
            if not relative and _QUERY_FIELDS.search(
                    t, t.rfind("\n", 0, max(0, t.rfind("\n", 0, pos))) + 1, pos):
                pos = t.find("\n", pos) if "\n" in t[pos:] else len(t)
                continue
            day_only = bool(found) or self.month is not None
            got = relative or self._date_at(pos, allow_day=day_only)
            if not got:
                # A bare time window after a date line (``2022.8.26`` then ``06:30—15:30…``).
                window = self._window(pos, None)
                round_ = found and _ROUND.search(t, t.rfind("\n", 0, pos) + 1, pos)
                if round_:  # the part of the day before the digit (``下午3时50分至4时40分``)
                    word = re.search(r"(?:凌晨|早上|上午|中午|下午|晚上|晚间|傍晚|夜间)\s*$",
                                     t[round_.start():pos])
                    window = self._window(pos - len(word.group()), None) if word else window
                hhmm = _HHMM.match(t, pos) if round_ and not window else None
                if hhmm:
                    last = f"{hhmm[3]}:{hhmm[4]}"
                    last = "次日" + last if last <= f"{hhmm[1]}:{hhmm[2]}" else last
                    window = (f"{hhmm[1]}:{hhmm[2]}", last, hhmm.end())
                # ``20:00第三轮50分钟停电``: the round named after its start.
                # ``下午3点40分起,执行紧急分区轮流停电``: a start of a rotating outage's sentence.
                if not window and found:
                    word = re.search(r"(?:凌晨|早上|上午|中午|下午|晚上|晚间|傍晚|夜间)\s*$",
                                     t[max(0, pos - 6):pos])
                    window = self._start_only(pos - len(word.group()) if word else pos)
                    stop = re.compile(r"[。;；\n]").search(t, pos)
                    round_ = window and (re.match(
                        r"[^,，。;；\n]{0,4}?第\s*[\d一二三四五六七八九十]+\s*轮", t[window[2]:])
                        or re.search(r"轮流停电|分区停电|轮流供电|轮流限电",
                                     t[window[2]:stop.start() if stop else len(t)]))
                    window = window if round_ else None
                if window and round_:
                    found.append(Anchor(pos, window[2], list(found[-1].days), window[0],
                                        window[1], round=True))
                    pos = window[2]
                    continue
                # (Or after a date label, a time label: ``停电日期:…`` / ``二、停电时间:每日8时…``.)
                # (Or a date in a sentence ending ``…如下:``, then numbered lines each with its
                # time: ``计划于8月12日…如下:`` / ``1、下午13:00--18:00南院…停电``.)
                line_start = t.rfind("\n", 0, pos) + 1
                head = _LIST_NUMBER.fullmatch(t, line_start, pos) if window else None
                if window and head and head["word"]:  # ``2、下午2:00-5:00``: its afternoon
                    window = self._window(head.start("word"), None) or window
                # (Or an item's places before its time, the time ending the line: ``2、9-16幢、
                # 会所及游泳池：13:00-17:00``.)
                item = window and not head and _ITEM_PLACES.fullmatch(t, line_start, pos)
                if item and _ITEM_END.match(t, window[2]) and not _LABEL_WORD.search(item["a"]) \
                        and not _DATE_IN_LINE.search(item["a"]):
                    head = item
                lead_in = found and found[-1].first is None and head and \
                    re.fullmatch(r"[^。\n]*(?:(?:如下|停电\S{0,3})\s*[:：]|停[两二三四\d]次电\W{0,3})\s*"
                                 r"|[)）\s]*\n\s*",
                                 t[found[-1].end:line_start])
                if window and found and found[-1].first is None and \
                        "\n" in t[found[-1].end:pos] and \
                        (not re.search(r"[\w\u3400-\u9fff]", t[found[-1].end:pos])
                         or _TIME_LABEL.fullmatch(t, found[-1].end, pos) or lead_in):
                    last = found[-1]
                    last.first, last.last = window[0], window[1]
                    last.end = window[2]
                    last.headed = True
                    pos = self._more(last)
                    continue
                # A further time window at the head of a line under the same date heading
                # (``10月3日`` then ``8:00-12:00 areas`` then ``12:00-19:00 areas``).
                if window and found and head and (found[-1].headed or found[-1].first is None
                                                  and _WHOLE_DAY_BELOW.match(t, found[-1].end)):
                    found.append(Anchor(pos, window[2], list(found[-1].days), window[0],
                                        window[1], headed=True))
                    pos = self._more(found[-1])
                    continue
                # (A table's row whose date cell is left empty under a row that has one,
                # ``9月25日  08:00-16:00  霞浦街道  …`` / ``           08:00-16:00  戚家山街道  …``:
                # the date above.)
                if window and found and found[-1].first is not None and \
                        t[line_start:pos].strip() == "" and pos - line_start >= 4 and \
                        t.count("\n", found[-1].end, line_start) == 1 and \
                        not t[t.rfind("\n", 0, found[-1].start) + 1:found[-1].start].strip() \
                        and re.match(r"[ ]{2,}|\t", t[found[-1].end:found[-1].end + 2]):
                    found.append(Anchor(pos, window[2], list(found[-1].days), window[0],
                                        window[1]))
                    pos = self._more(found[-1])
                    continue
                pos += 1
                continue
            start = pos
            date, pos = got
            self.base = date
            days = [date, *self.extra]
            self.extra = []
            # A list or a range of days: 15日、16日 / 16-17日 / 30日至2月1日 / 28日至29日
            while True:
                m = re.compile(_SEP_DAYS).match(t, pos)
                if m:
                    nxt = self._date_at(m.end(), allow_day=True)
                    if nxt:
                        days += [nxt[0], *self.extra]
                        self.extra = []
                        pos = nxt[1]
                        continue
                # (``2月19日（星期四）起至2月21日（星期六）``: from one day to another.)
                m = re.compile(rf"(?:\s*起)?{_TO}").match(t, pos)
                if m:
                    nxt = self._date_at(m.end(), allow_day=True)
                    bare = re.match(r"(\d{1,2})\s*[日号]", t[m.end():])
                    if nxt is None and bare and t[pos - 1] not in "日号":
                        pass
                    if nxt:
                        days += _span(days[-1], nxt[0])
                        pos = nxt[1]
                        continue
                    if nxt:  # 22:00至2日13:00 is handled below, as a window
                        pass
                break
            # ``8月16-17日``: a range of days written with one 日.
            if t[pos - 1] not in "日号)）" and False:
                pass
            m = re.match(r"\s*[-—~至]\s*(\d{1,2})\s*日", t[pos:])
            if m and t[pos - 1] != ")" and len(days) == 1 and False:
                pass
            # ``7月27日及8月3日等两日上午6:00~8:00``.
            # (``7月12日-13日  每天8:00-12:00``: spaces before the word too.)
            # (``3月9日至3月11日（星期二至星期四），每天7:30—16:30``: the weekdays of the range.)
            # (``📅 8月11日—8月12日（周三至周四）`` / ``⏰ 每天 09:00-15:00``: a post's pictograph.)
            m = re.compile(rf"(?:\s*(?:[{PICTOGRAPHS}]\ufe0f?"
                           r"|两天|二天|三天|每天|每日|当日|当天|该日|是日|的|期间|,|，"
                           r"|[(（]\s*(?:星期|周)[一二三四五六日天]\s*(?:至|到|-|—|~)\s*(?:星期|周)?"
                           r"[一二三四五六日天]\s*[)）]"
                           r"|[)）]|\s*等?\s*(?:\d{1,2}|两)\s*[日天]))*\s*").match(t, pos)
            window = self._window(m.end(), days[0]) or self._start_only(m.end())
            span, self.span = self.span, None
            self.base = None
            if window:
                anchor = Anchor(start, window[2], days, window[0], window[1],
                                headed="\n" in t[start:m.end()],
                                round=bool(_ROUND.search(t, t.rfind("\n", 0, start) + 1,
                                                         start)))
                if span is not None and len(days) == 1:
                    anchor.spans = _day_slots(span[0], window[0], span[1], span[2], span[3])
                daily = _daily_in_span(t, window[2], days, window[0], window[1], span)
                if daily:
                    anchor.days, anchor.last, anchor.spans = daily, window[1][2:], None
                pos = self._more(anchor)
                found.append(anchor)
                # ``上午8:30至11:30对A村…停电；下午1:30至5:00对B村…停电``: the next clause of the
                # sentence, after ``停电；``, opens with a time of the same day.
                while anchor.first is not None and len(days) == 1 and not anchor.more:
                    clause = _NEXT_SLOT.search(t, pos, _sentence_end(t, pos))
                    more = self._window(clause.end(), days[0]) if clause else None
                    if not more:
                        break
                    anchor = Anchor(clause.end(), more[2], days, more[0], more[1])
                    found.append(anchor)
                    pos = more[2]
            else:
                late = self._later_window(pos, days[0])
                found.append(Anchor(start, pos, days, *late, late=True, late_at=self.late_at,
                                    late_end=self.late_end)
                             if late else Anchor(start, pos, days))
                found[-1].relative = relative is not None
                # (``停电时间为上午8:00—11:30和下午13:00—16:30``: the later time's further slots.)
                while late and self.late_end is not None:
                    sep = _MORE_SEP.match(t, self.late_end)
                    more = self._window(sep.end(), days[0]) if sep else None
                    if not more or not more[2]:
                        break
                    found[-1].more.append((more[0], more[1]))
                    self.late_end = found[-1].late_end = more[2]
                # ``9月12日,…冯家村8:00至17:00停电；…天童庄社区9:00至15:00停电。``: more places
                # with their own time later in the same sentence, after a ``；``.
                while late and self.late_end is not None:
                    clause = _NEXT_LATE.match(t, self.late_end)
                    if not clause:
                        break
                    more = self._later_window(clause.end(), days[0])
                    if not more:
                        break
                    found.append(Anchor(clause.end(), clause.end(), days, *more, late=True,
                                        late_at=self.late_at, late_end=self.late_end))
                    late = more
            found[-1].relative = relative is not None
        return found

    def _more(self, anchor: Anchor) -> int:
        """``7:30-11:30、14:00-17:30``: further windows on the anchor's days, right after its
        own (kept in ``anchor.more``); returns where reading goes on."""
        pos = anchor.end
        while True:
            # (``上午08:00-11:30 下午13:30-17:00``: a space before a part of the day, too.)
            sep = _MORE_SEP.match(self.t, pos)
            more = self._window(sep.end(), anchor.days[0]) if sep else None
            if not more:
                return pos
            anchor.more.append((more[0], more[1]))
            pos = anchor.end = more[2]

    def _start_only(self, pos: int):
        """``今晚20:00将停电3-5分钟``, ``20:00第三轮50分钟停电``, ``下午3点40分起…停电``: a
        start whose end is not printed (only a duration, or 起): a window without an end."""
        t = self.t
        a = _CLOCK.match(t, pos)
        if not a or not a.group().strip() or (a["mi"] is None and "时" not in a.group()
                                               and "点" not in a.group()):
            return None
        h, m, _ = _clock(a)
        if h > 23 or m > 59:
            return None
        stop = re.compile(r"[。;；\n]").search(t, a.end())
        sentence = t[a.end():stop.start() if stop else len(t)]
        duration = re.match(r"[^,，。;；\d]{0,8}?\d+(?:\s*[-—~]\s*\d+)?\s*(?:分钟|小时)", sentence)
        since = re.match(r"\s*起", sentence)
        # ``停电时间：9月23日8:00起``: the label says what starts.
        head = t[t.rfind("\n", 0, pos) + 1:pos]
        labelled = since and re.search(r"停电(?:开始)?时间\s*[:：]", head)
        if "停电" not in sentence[:60] and not labelled:
            return None
        # ``8:00开始停电,预计17:00恢复供电``, ``…实施工作停电…,预计下午5时前完成``: the end is
        # when the supply comes back.
        back = _RESTORED.search(sentence, 0, 80)
        if back:
            b = _CLOCK.match(back.group("c"))
            h2, m2, mer2 = _clock(b)
            if not mer2.strip() and h2 < 12 and h < 12 and h2 * 60 + m2 <= h * 60 + m:
                h2 += 12
            if h2 * 60 + m2 > h * 60 + m and h2 <= 24 and m2 < 60:
                last = "次日00:00" if (h2, m2) == (24, 0) else f"{h2:02d}:{m2:02d}"
                return f"{h:02d}:{m:02d}", last, a.end()
        # ``…0点(今天晚上24点)进行…停电作业,…,停电时长40分钟``: how long, said later on.
        lasting = re.search(r"(?:时\s*长|持\s*续|历\s*时)\s*(?:约|为)?\s*\d+(?:\.\d+)?\s*个?\s*"
                            r"(?:分\s*钟|小\s*时)", sentence)
        if not ((duration and "停电" in sentence[:duration.end() + 4]) or
                (since and "停电" in sentence) or lasting or labelled):
            return None
        # ``上午8时起对…停电``: the 起 belongs to the time, not to the areas after it.
        return f"{h:02d}:{m:02d}", None, a.end() + (since.end() if since else 0)

    def _later_window(self, pos: int, day: dt.date):
        """``15日,市区明和苑、…因…原因,将于7时至12时停电``, ``6月12日…台区将进行…作业,计划
        停电时段为6:00-15:00``: the first time window later in the date's sentence, when the
        places come right after the date and no other date comes between."""
        t = self.t
        stop = re.compile(r"[。\n]").search(t, pos)
        while stop and _hard_wrap(t, stop.start()):  # a line broken inside a sentence
            stop = re.compile(r"[。\n]").search(t, stop.end())
        stop = stop.start() if stop else len(t)
        # (A meeting's hours are not a cut; ``…每晚22时至次日6时…进行迁改施工。届时…将停电。``: the
        # cut said in the next sentence, from 届时, is.)
        if not re.match(r"[,， \t]*[\u3400-\u9fff]", t[pos:stop]) or \
                not re.search(r"停电|断电|停送电", t[pos:stop]) \
                and not re.match(r"。\s*届时[^。\n]*?(?:停电|断电)", t[stop:]):
            return None
        for m in re.finditer(r"(?:凌晨|早上|早晨|上午|中午|下午|晚上|傍晚|夜间|夜里|早|晚)?\s*\d",
                             t[pos:stop]):
            at = pos + m.start()
            if _DAY.match(t, pos + m.end() - 1) or _DATE.match(t, pos + m.end() - 1):
                return None
            window = self._window(at, day)
            # (``…上午8时30分…实施工作停电…,预计下午5时前完成``: the end is the restoration.)
            if not window:
                window = self._start_only(at)
                window = window if window and window[1] else None
            if window:
                self.late_at = at
                self.late_end = window[2] if len(window) > 2 and window[2] else None
                return window[0], window[1]
        return None

    def _window(self, pos: int, day: dt.date | None, strict: bool = False):
        t = self.t
        self.span = None
        a = _CLOCK.match(t, pos)
        if not a or not a.group().strip() or (a["mi"] is None and "时" not in a.group()
                                               and "点" not in a.group()):
            return None
        h1, m1, mer1 = _clock(a)
        # ``2021-06-03 08:00:00至…``: seconds of a listing's timestamp.
        a_end = a.end() + (len(s.group()) if (s := _SECONDS.match(t, a.end())) and a["mi"]
                           else 0)
        sep = re.compile(_TO).match(t, a_end)
        if not sep:  # ``上午8时30分起实施工作停电,至上午10时恢复供电``
            sep = _FROM_UNTIL.match(t, a_end)
            if not sep:
                return None
        after = sep.end()
        later = 0
        nxt = self._date_at(after, allow_day=True)
        # (``2031-12-27 22:00-12-28 04:00``: an app's end with its month and day, no year.)
        short = None if nxt or day is None else _SHORT_END_DAY.match(t, after)
        if short:
            try:
                nxt = (dt.date(day.year + (int(short[1]) < day.month), int(short[1]),
                               int(short[2])), short.end())
            except ValueError:
                nxt = None
        if nxt and day:
            later = (nxt[0] - day).days
            after = nxt[1]
        b = _CLOCK.match(t, after)
        if not b or not b.group().strip() or (b["mi"] is None and "时" not in b.group()
                                               and "点" not in b.group()):
            return None
        h2, m2, mer2 = _clock(b)
        # ``下午1时30分至5时``: an end without its own word keeps the afternoon of the start.
        if not mer2.strip() and any(w in mer1 for w in ("下午", "晚")) and h2 < 12 \
                and h1 >= 12 and (h2 + 12) * 60 + m2 > h1 * 60 + m1:
            h2 += 12
        if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59:
            return None
        end = b.end()
        if b["mi"] and (s := _SECONDS.match(t, end)):
            end = s.end()
        tail = re.match(r"\s*[时分]", t[end:])
        if tail and b["mi"]:
            end += tail.end()
        if (h2, m2) == (24, 0) and later >= 1:
            # ``10月3日08:00一10月4日24:00``: midnight at the end of the 4th is the 5th's
            # 00:00, so the cut passes two midnights: one slot a calendar day.
            later, h2 = later + 1, 0
        if later >= 2 and day is not None:
            self.span = (day, later, h2, m2)
        next_day = later >= 1 or "次日" in mer2 or "翌日" in mer2 or (h2 * 60 + m2 <= h1 * 60 + m1)
        # ``19:00～24:00``: one convention for the end with the column reader and the content
        # model: midnight at the end of the day is ``次日00:00`` (the score compares instants).
        if h2 == 24 and m2 == 0 and later == 0:
            h2, next_day = 0, True
        first = f"{h1:02d}:{m1:02d}"
        last = f"{'次日' if next_day else ''}{h2:02d}:{m2:02d}"
        return first, last, end


# ``停电时间  2028-08-16 08:00 至 2028-08-17 17:00`` then ``停电说明  分两日施工，每日08:00-17:00
# 停电，夜间恢复供电``: a span over midnights that the record itself says is cut every day.
_DAILY = re.compile(r"(?:每日|每天)\s*(\d{1,2}:\d{2})\s*(?:至|到|-|—|~)\s*(\d{1,2}:\d{2})")
_NEXT_DAY_OR_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}月\d{1,2}日|停电时间")


def _daily_in_span(t: str, pos: int, days: list[dt.date], first: str | None, last: str | None,
                   span: tuple | None) -> list[dt.date] | None:
    """The days of a span over midnights that the text after it, up to the next date, cuts
    every day from ``first`` to ``last``'s hour (``每日08:00-17:00``); else None."""
    if len(days) != 1 or not first or not last or not last.startswith("次日"):
        return None
    later = span[1] if span else 1
    if later < 1 or (span is None and last[2:] <= first):
        return None
    stop = _NEXT_DAY_OR_TIME.search(t, pos, pos + 300)
    said = _DAILY.search(t, pos, stop.start() if stop else pos + 300)
    if not said or (said[1].zfill(5), said[2].zfill(5)) != (first, last[2:]):
        return None
    return [days[0] + dt.timedelta(days=n) for n in range(later + 1)]


def _day_slots(day: dt.date, first: str, later: int, hour: int, minute: int
               ) -> list[tuple[dt.date, str, str]]:
    """A cut from ``first`` on ``day`` to ``hour:minute`` ``later`` days on, one slot a day."""
    if (hour, minute) == (24, 0):
        later, hour = later + 1, 0
    slots = [(day, first, "次日00:00")]
    slots += [(day + dt.timedelta(days=n), "00:00", "次日00:00") for n in range(1, later)]
    if (hour, minute) != (0, 0):
        slots.append((day + dt.timedelta(days=later), "00:00", f"{hour:02d}:{minute:02d}"))
    return slots


_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十廿卅]{1,4}(?=\s*[月日时点分])")


def _cn_value(word: str) -> int | None:
    """``八`` 8, ``十`` 10, ``二十六`` 26, ``卅`` 30, ``三十`` 30 (numbers below 100)."""
    word = word.replace("廿", "二十").replace("卅", "三十")
    if "十" in word:
        tens, _, ones = word.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        value = (_CN_DIGIT.get(tens, -100) if tens else 1) * 10 + (_CN_DIGIT.get(ones, -100)
                                                                    if ones else 0)
        return value if 0 <= value < 100 else None
    if len(word) == 1:
        return _CN_DIGIT.get(word)
    return None


def _numerals(text: str) -> tuple[str, list[int]]:
    """``text`` with Chinese numerals before 月日时点分 as digits, and for each offset of the
    result the offset in ``text``."""
    out: list[str] = []
    back: list[int] = []
    pos = 0
    for m in _CN_NUMBER.finditer(text):
        value = _cn_value(m.group())
        if value is None or (m.start() and text[m.start() - 1] in "星期周第"):
            continue
        # (``分两日施工``: how many days, never the 2nd; a date is written ``二日``.)
        if "两" in m.group() and text[m.end():m.end() + 1] in "日月":
            continue
        out.append(text[pos:m.start()])
        back.extend(range(pos, m.start()))
        digits = str(value)
        out.append(digits)
        back.extend([m.start()] * len(digits))
        pos = m.end()
    out.append(text[pos:])
    back.extend(range(pos, len(text) + 1))
    return "".join(out), back


def digits_for_numerals(text: str) -> str:
    """``text`` with a date's Chinese numerals as digits, its year's too (``二〇三二年十一月十六日``
    → ``2032年11月16日``); offsets are not kept (``_numerals`` keeps them for the readers)."""
    year = re.sub(r"[〇零一二三四五六七八九]{4}(?=\s*年)",
                  lambda m: "".join(str(_CN_DIGIT[c]) for c in m[0]), text)
    return _numerals(year)[0]


def _span(first: dt.date, last: dt.date) -> list[dt.date]:
    days = []
    day = first + dt.timedelta(days=1)
    while day <= last and len(days) < 31:
        days.append(day)
        day += dt.timedelta(days=1)
    return days


# ---------------------------------------------------------------------------
# Areas.

_LABEL = re.compile(
    r"(?:停电|影响|涉及停电|涉及|主要停电)[^,，。:：;；\n]{0,4}?(?:范围|区域|地区|规模|用户|地段|地点|地址"
    r"|片区)"
    r"(?:范围)?(?:不变)?(?:包括|为|是|如下|有)?\s*(?:[:：]|(?=\s*\n)|(?<=包括)|(?<=为)|(?<=有))"
    r"|(?<=、)(?:主要)?停电(?:范围|区域|规模)(?:包括|为)?[:：]?(?![ \t]*[、)）])"
    # ``…停电，范围：…``, ``…线路检修停电。范围：…``, ``…停电，范围如下：…``
    r"|(?<=停电[,，。])\s*范围(?:如下|包括|为)?[:：]"
    # ``对以下区域停电:东街、…``
    # ``将影响以下区域正常供电：理工楼、…``
    r"|(?:以下|下列)(?:区域|地区|范围|用户|客户|地点)(?:将|进行)?(?:停电|(?:的)?(?:正常)?(?:供电|用电)"
    r"|(?:停止|暂停|中断)供电)"
    r"\s*[:：]"
)
_LIST_END = re.compile(
    r"(?:的|等(?:部分|周边)?(?:地区|地方|区域|片区|一带|单位|用户|小区|地)?(?:受影响|将停电|停电)?|"
    # ``…津沙公园等沿途军事单位``: 等 and a collective of customers closes the list
    r"等(?!及)[\u3400-\u9fff]{0,6}(?:单位|用户|客户|住户|居民|商户)|"
    # ``…华侨新村2号别墅等多个单点及区域``, ``…等5个小区``: a count of places closes it
    r"等(?:多个|数个|若干|几个|\d+个)[\u3400-\u9fff]{0,6}?(?:地区|地方|区域|地点|单点|点位|小区|"
    r"社区|村)(?:受影响|将停电|停电)?|"
    r"(?:将|将会)?(?:计划|临时|配合)?(?:全部|部分)?停电|将受到影响|(?:的|等)?一带|(?:也|都|还)?要停(?:电)?"
    r"|(?:也|都|还)?(?:要)?(?:再|还|又)停一次(?:电)?)$")
_SEP = re.compile(r"[、,，;；]+")
_OPEN, _CLOSE = "(（[【", ")）]】"
# (``…工业园区1号、2号公变``: the boxes' numbers go with the kind after the last.)
_SHORT = re.compile(
    r"^[甲乙丙丁]?[0-9A-Za-z]+[#＃]?(?:[号栋楼座幢]|号(?:楼|公变|箱变|专变|配变|商铺|店面|门面|铺面|厂房))?"
    # (``新典小区1号、2号箱变供电范围``: what the boxes feed.)
    r"(?:\d{1,2}单元)?(?:供电范围|供电区域|台区)?$")


_CONJ = re.compile(r"以及|及")
# ``9#—11#楼`` after ``学生公寓0#—6#楼``: a range of house numbers continues the list of one place.
_NUMBER_RANGE = re.compile(r"\d+[#＃]?\s*[-—~－至]\s*\d+[#＃]?[号栋楼座幢]")
# ``白杜村一、二、三组`` / ``塘头村1、2组``: a village's groups (组, 队, 片) by number.
_GROUP_NUMBER = re.compile(r"(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?:组|小组|队|生产队|片)?")
_GROUPS_SO_FAR = re.compile(r"(?:村|社区)(?:[一二三四五六七八九十]{1,3}|\d{1,2})"
                            r"(?:[、,，](?:[一二三四五六七八九十]{1,3}|\d{1,2}))*$")
_MORE_NUMBERS = re.compile(r"\d+(?:\s*[-—~]\s*\d+)?(?:号楼?|[栋楼座幢])(?:\d{1,2}单元)?"
                           r"(?:[和及]\d+(?:\s*[-—~]\s*\d+)?(?:号楼?|[栋楼座幢]))*")
_PART = r"(?:[A-Za-z]|[一二三四五六七八九十]+|\d+)(?P<w>区|片|期|组|栋|幢|座)"


def _continues_part(before: str, item: str) -> bool:
    """``光宇A区、B区``, ``轿顶村一组、二组``, ``东区A栋、B栋``: an item that is only the letter or
    number of a part (区, 片, 期, 组, 栋…) after a place ending with a part of the same kind
    continues that place."""
    m = re.fullmatch(_PART, item)
    last = re.search(_PART + "$", before)
    return bool(m and last and last.start() > 0 and m["w"] == last["w"])


def _joining(text: str, start: int, at: int) -> re.Match | None:
    """A conjunction that joins two lists (``北片区以及校本部…``, ``介寿村374号等及沿途…``,
    ``…部分客户及丈八东路跳水馆至…段``): ``以及`` and ``等及`` always; ``及`` between two
    places of five characters or more. A short part after 及 is an annex of the place before
    (``校医院及放射科``, ``综合服务楼及门面房``), and ``及周边…`` qualifies it."""
    m = _CONJ.match(text, at)
    # (``地下车库和10、11幢``, ``村西排灌站及1、2、5组``: buildings or groups by number after a
    # place are places of their own.)
    if at > start and re.match(r"[和及]\d{1,3}(?:、\d{1,3})*(?:号楼|幢|栋|组|小组|队)",
                                text[at:]):
        return re.compile("[和及]").match(text, at)
    if not m and text.startswith("和", at) and at > start and "、" in text[:start]:
        # ``A镇、B镇和C镇``: 和 before the last item of a list, between two divisions of one
        # kind, the second of three characters at least (``城东村和平村`` may be one name, and
        # 和平, 和睦 often begin one).
        after = _SEP.search(text, at + 1)
        before = _PINYIN.sub("", text[start:at]).strip()
        tail = _PINYIN.sub("", text[at + 1:after.start() if after else len(text)]).strip()
        kind = re.search(r"(?:镇|乡|村|县|街道|社区)$", before)
        if kind and len(before) > len(kind.group()) and len(tail) >= 3 and \
                tail.endswith(kind.group()) and not re.match(r"[平睦谐美顺]", tail):
            return re.compile("和").match(text, at)
        return None
    if not m or at == start:
        return None
    if m.group() == "以及" or text[at - 1] == "等":
        return m
    # ``…渡头董村及北仑区戚家山街道蔚斗社区``: 及 before another district's places.
    lead = re.match(r"([\u3400-\u9fff]{2,4}?[区县市])(?=[\u3400-\u9fff]{1,5}?(?:街道|镇|乡))",
                    text[m.end():])
    if lead and county(lead[1]) and not shared_name(lead[1]):
        return m
    after = _SEP.search(text, m.end())
    tail = text[m.end():after.start() if after else len(text)]
    if at - start >= 5 and len(tail.strip()) >= 5 and not tail.startswith("周边"):
        return m
    # (``学校食堂及体育馆``, ``地下车库及南门3、5、7、9号商铺``, ``丈亭老街及丈亭镇中心小学``: two
    # places of four and three characters or more, the second no part of the first.)
    if at - start >= 4 and len(tail.strip()) >= 3 and \
            not re.match(r"周边|附近|沿线|部分|其|配套|附属|门面|放射|辅房|裙楼", tail):
        return m
    # ``…厉家村及慈溪掌起家电园区部分企业``, ``3-8幢及地下车库``: after a village, a community or
    # buildings (or groups, ``3、4组及村老年活动中心``), a place of four characters or more is a
    # place of its own.
    if re.search(r"(?:村|社区|小区|幢|栋|号楼|组)$", text[start:at]) and \
            len(tail.strip()) >= 4 and not re.match(r"周边|附近|沿线|部分", tail):
        return m
    return None


def _split_top(text: str) -> list[tuple[str, str]]:
    """(item, separator before it) for the separators outside brackets."""
    items: list[tuple[str, str]] = []
    depth = 0
    start = 0
    before = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _SEP.match(text, i) or _joining(text, start, i)
            if m:
                items.append((text[start:i], before))
                before = m.group()
                start = i = m.end()
                continue
        i += 1
    items.append((text[start:], before))
    return items


_EQUIPMENT_ITEM = re.compile(r"\d+\s*[kK]?[vV]\S{0,8}线(?:路)?"
                             r"|\S{1,8}(?:变电站|变电所|开关站|线路)")
_CHAIN = re.compile(r"(?<=[段所路街场站园厂店)）])[一—－](?=[\u3400-\u9fff])")
_CODE = re.compile(r"[A-Za-z]{1,3}[\d-]*\d[A-Za-z]?")  # a building code: S6, B12, S14-2


def _words(item: str) -> list[tuple[int, int]]:
    """Spans of ``item`` cut at spaces outside brackets (``教學區:… 家屬區:…``); a building
    code before its name (``S6 食安大楼``) is not cut from it."""
    spans = []
    depth = 0
    start = None
    for i, ch in enumerate(item):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch.isspace() and depth == 0:
            if start is not None:
                spans.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        spans.append((start, len(item)))
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        if joined and _CODE.fullmatch(item[joined[-1][0]:joined[-1][1]]):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined

# ``本村一组至六组``: a village's own groups (no place without the village).
_OWN_GROUPS = r"(?![一二三四五六七八九十\d]{1,3}[^\s、,;]{0,4}?(?:组|队))"


# Clauses ``split_areas`` cuts from a list as no places of it (``…，2号楼、3号楼照常供电``,
# ``；…医院为双电源用户，不受影响``), collected while a notice is read so that the reader keeps
# them in the body: nothing printed is lost.
_SET_ASIDE: ContextVar[list[str] | None] = ContextVar("_SET_ASIDE", default=None)


def _set_aside(clause: str) -> None:
    kept = _SET_ASIDE.get()
    clause = clause.strip(" ,，;；。.\n")
    if kept is not None and clause and clause not in kept:
        kept.append(clause)


def split_areas(printed: str) -> list[str]:
    """Cut a printed list of places into areas (see the module docstring)."""
    printed = printed.rstrip(" 。.\n")
    # (``天安路188弄）所在区域``: an address's bracket closed after the place, no part of it.)
    tail = re.search(r"[)）]\s*(?:所在|的)?(?:区域|地区)$|[)）]\s*所在$", printed)
    if tail and len(re.findall(r"[(（]", printed)) < len(re.findall(r"[)）]", printed)):
        printed = printed[:tail.start()]
    # ``包括阳光小区、…``, ``主要有…``: the word that opens the list is not part of a place.
    # (``范围为本村高泥、…``: the label's words and ``本村``, the village the notice is from.)
    # (Not ``本村一组至六组``: the village's own groups, nothing without it.)
    opener = re.match(r"\s*(?:(?:停电)?范围)?(?:主要)?(?:包括|包含|涉及|有|为|是)[:：]?\s*"
                      rf"(?:(?:本村|我村){_OWN_GROUPS}(?![及和与]))?(?=\S{{2}})"
                      rf"|\s*(?:本村|我村){_OWN_GROUPS}(?![及和与])(?=\S{{2}})",
                      fold(printed))
    if opener:
        printed = printed[opener.end():]
    # (``学校所在的浒山街道明湖路片区``: where the speaker is, before the place.)
    where = re.match(r"\s*[\u4e00-\u9fff]{1,6}?所在(?:的|地)(?=\S{2})", fold(printed))
    if where:
        printed = printed[where.end():]
    # ``…、塘岸三个自然村及村老年活动室``: how many the list named is no part of its last place.
    count = _COUNTED.search(fold(printed))
    if count:  # (the 及 after it begins a place of its own)
        printed = printed[:count.start()] + ("、" if count["conj"] else "") + \
            printed[count.end():]
    # An SMS to one customer: ``您户号5003312458（镇海区庄市街道东城花园12幢）所在区域``: the
    # address is the place; with no address (``您户号…所在区域``) it names none.
    account = _ACCOUNT.fullmatch(fold(printed))
    if account:
        return split_areas(printed[account.start("a"):account.end("a")]) if account["a"] else []
    # (``您户号7023****56所在区域（镇海区招宝山街道城河东路、…）``, ``因所在片区（鼓楼街道公园路、
    # …）``: the places in the bracket after where the reader is.)
    where = _WHERE_BRACKET.fullmatch(fold(printed))
    if where:
        return split_areas(printed[where.start("a"):where.end("a")])
    # (``您户号75****3321所在的鄞州区首南街道日丽社区（中路段）``: the place after the account.)
    lead = _ACCOUNT_LEAD.match(fold(printed))
    if lead and lead.end() < len(printed) - 1:
        printed = printed[lead.end():]
    # ``10kV西店G523樟树线：西店镇樟树村、…``: the line cut heads its places, as a label does.
    line_label = _LINE_LABEL.match(fold(printed))
    if line_label and line_label.end() < len(printed):
        printed = printed[line_label.end():]
    # ``…、11号楼及地下车库，2号楼、3号楼及物业服务中心照常供电``: the places that keep their
    # supply are no part of the list.
    kept = _KEEP_SUPPLY.search(fold(printed))
    if kept and kept.start() > 0:
        _set_aside(printed[kept.start():])
        printed = printed[:kept.start()]
    # ``…、小港街道渡口社区　　影响户数：612户``: an app card's count of households, no place.
    households = _HOUSEHOLDS.search(fold(printed))
    if households and households.start() > 0:
        _set_aside(printed[households.start():])
        printed = printed[:households.start()]
    # ``…、下应工业区东区（部分），请提前做好准备``: a request to the reader ends the list.
    asked = _REQUEST.search(fold(printed))
    if asked and asked.start() > 0:
        _set_aside(printed[asked.start():])
        printed = printed[:asked.start()]
    while True:
        # A pinyin gloss (``等地區(qū)``) is read as space here.
        m = _LIST_END.search(_PINYIN.sub(lambda g: " " * len(g.group()), fold(printed)).rstrip())
        if not m or m.start() == 0 or m.group() == "一带":  # (a place's 一带: see below)
            break
        printed = printed[:m.start()].rstrip(" 。.")
    folded = fold(printed)
    # A route printed as a chain (``大观园路段一西城工商所(…)一朝阳路…段``, ``一`` standing for a
    # dash): two links or more, each ending a place, are cut like a list.
    links = [m.start() for m in _CHAIN.finditer(folded)]
    if len(links) >= 2 and not _SEP.search(re.sub(r"[(（][^)）]*[)）]", "", folded)):
        folded = "".join("、" if i in links else ch for i, ch in enumerate(folded))
    out: list[str] = []
    out_folded: list[str] = []
    pos = 0
    for item, sep in _split_top(folded):
        begin = folded.index(item, pos) if item else pos
        pos = begin + len(item)
        raw = printed[begin:begin + len(item)]
        words = [(item[a:b], raw[a:b]) for a, b in _words(item)]
        for k, (word, word_raw) in enumerate(words):
            word_f = word.strip()
            word_p = word_raw.strip()
            group = re.match(r"^[^:：]{1,6}[区楼部][:：]", word_f)
            if group:
                word_f, word_p = word_f[group.end():], word_p[group.end():]
            if not word_f:
                continue
            if out and k == 0 and (
                (_SHORT.match(word_f) or re.match(r"^[0-9A-Za-z]+[#＃]", word_f))
                and re.search(r"[0-9A-Za-z#]$", out_folded[-1])
                or (_SHORT.match(word_f) or _NUMBER_RANGE.fullmatch(word_f))
                and re.search(r"\d[#＃]?(?:号楼|[号栋楼座幢])$", out_folded[-1])
                and re.match(r"^\d", word_f)
                # (``天一家园3幢、5幢``: an estate's buildings; ``1幢、2幢、5幢`` alone: three.)
                and NAME_CHAR.search(out_folded[-1])
                # (``学府一号小区3号楼、5号楼``: one estate's; ``10号楼、11号楼``: two buildings.)
                and (not word_f.endswith("号楼") or re.search(r"[^\d\s]\d+号楼$", out_folded[-1]))
                or _continues_part(out_folded[-1], word_f)
                # ``华山学生宿舍1-3、12-19栋和24栋``: more numbers of the same buildings
                or re.search(r"[^\d\s-]\d+(?:\s*[-—~]\s*\d+)?$", out_folded[-1])
                and _MORE_NUMBERS.fullmatch(word_f)
                # ``白杜村一、二、三组``: the groups of one village
                or _GROUPS_SO_FAR.search(out_folded[-1]) and _GROUP_NUMBER.fullmatch(word_f)
                # (``1、2、5组`` alone, a village board's own groups: a bare number is no place.)
                or re.fullmatch(r"\d{1,2}(?:、\d{1,2})*", out_folded[-1])
                and _GROUP_NUMBER.fullmatch(word_f)
            ):
                joined = printed_sep(printed, folded, sep, pos - len(item))
                out[-1] += joined + word_p
                out_folded[-1] += sep + word_f
                continue
            # (``走马塘村一、二、三组和走马塘村文化礼堂``: the last group, then another place.)
            last_group = re.match(_GROUP_NUMBER.pattern + r"(?=[和及与]\S{2})", word_f) \
                if out and k == 0 and _GROUPS_SO_FAR.search(out_folded[-1]) else None
            if last_group and last_group.group().endswith(("组", "队", "片")):
                out[-1] += printed_sep(printed, folded, sep, pos - len(item)) + \
                    word_p[:last_group.end()]
                out_folded[-1] += sep + word_f[:last_group.end()]
                word_f, word_p = word_f[last_group.end() + 1:], word_p[last_group.end() + 1:]
            if out and k == 0 and sep == "、" and (_shares_suffix(out_folded[-1], word_f)
                                                   or _customers_of(out_folded[-1], word_f)):
                out[-1] += printed_sep(printed, folded, sep, pos - len(item)) + word_p
                out_folded[-1] += sep + word_f
                continue
            out.append(word_p)
            out_folded.append(word_f)
    cleaned = []
    for area in out:
        area = area.strip().strip("。.")
        # (``回龙村（8:00—16:00）`` with its time taken: no bracket left open at the end.)
        area = re.sub(r"\s*[(（\[【]\s*$", "", area)
        # A duration (``(10小时)``, ``(各2小时)``) says how long, not where; a pointer to a
        # picture or an attachment (``(详如附图红色标记处)``) is not a place either.
        area = _cut(_cut(_cut(area, _DURATION), _POINTER), _CONTACT)
        # (``北溪村(抗冰改造，导线更换)``, ``…充电桩区域(调试新装充电桩回路)``: the works done
        # there, in a bracket after the place, are no part of it; kept in the body.)
        # (Nor a bracket naming what keeps its supply, ``学生公寓（西校区不停电）``.)
        works = _WORKS_BRACKET.search(fold(area)) or _KEPT_BRACKET.search(fold(area))
        if works and works.start() > 1:
            _set_aside(area[works.start():])
            area = area[:works.start()].rstrip()
        # ``我校东校区``: the school speaking of itself; ``以及长溪村工业区``: the conjunction
        # that joined the place to the list.
        # (Not ``我村及后岙村``: the village itself, then another.)
        own = re.match(rf"(?:我校|本校|我院|本院|我村|本村|我镇|本镇|我乡|本乡)(?![区區及和与])"
                       rf"{_OWN_GROUPS}\S{{2}}", fold(area))
        area = area[2:] if own else area
        # (``我们小区13、15、17幢``: a chat's own estate before its buildings.)
        ours = re.match(r"(?:我们|咱们)(?:小区|院子|楼)(?=\d)", fold(area))
        area = area[ours.end():] if ours else area
        conj = re.match(r"(?:以及|还有)(?=\S{2})", fold(area))
        area = area[conj.end():] if conj else area
        # ``泉州洛江``: the city printed before its own county adds nothing.
        area = area[city_prefix(fold(area)):]
        # A pinyin gloss belongs to the character before it: not the start of an area.
        gloss = re.match(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)\s*", area)
        area = area[gloss.end():] if gloss else area
        # ``部分时间段（7:00-7:30，…）``: when, not where (kept in the body).
        if re.fullmatch(r"(?:部分|以下|下列|两个|三个)?(?:时间段|时段)", fold(area)):
            _set_aside(area)
            continue
        # ``全面电源停电作业``: the work done, not a place.
        if re.search(r"(?:停电|断电|送电|停送电)\S{0,2}(?:作业|施工|工程|检修|操作)$", fold(area)):
            continue
        wrapped = re.fullmatch(r"(?:含|包括|包含)(.+?)在内", fold(area))
        if wrapped:  # ``含沿途軍事單位在內``
            area = area[wrapped.start(1):wrapped.end(1)]
        area_f = fold(area)
        m = _LIST_END.search(area_f)
        while m and m.start() > 0:
            if m.group() == "一带":
                # ``杓袁一带、宝志汽车销售…``, ``…、汪巷村一带``: a place's 一带 names the place
                # (as Ningbo's column prints it); ``等一带`` closes the list.
                break
            area = area[:m.start()].rstrip()
            area_f = area_f[:m.start()].rstrip()
            m = _LIST_END.search(area_f)
        if area and not re.fullmatch(r"以及|及|和|并|与|还有", fold(area)):  # (``…一带，以及``)
            cleaned.append(area)
    # ``东、西校区``, ``南、北门``: one character before a place that has the same word after its
    # own first character shares that word.
    for k in range(len(cleaned) - 1):
        nxt = fold(cleaned[k + 1])
        if re.fullmatch(r"[\u3400-\u9fff]", fold(cleaned[k])) and \
                re.fullmatch(r"[\u3400-\u9fff](?:校区|校园|片区|区|楼|门|院|村|侧|段)", nxt):
            cleaned[k] += cleaned[k + 1][1:]
    # ``10kV城东线 阳光小区、李家村``: the line switched off, beside its customers, is not one.
    if len(cleaned) > 1:
        cleaned = [area for area in cleaned if not _EQUIPMENT_ITEM.fullmatch(fold(area))] or cleaned
    # ``…、兒童中心、木塔寨村地區``: a 地区 after the last of several places closes the list.
    if len(cleaned) > 1:
        last = re.search(r"(?<=\S{2})地区$", fold(cleaned[-1]))
        if last:
            cleaned[-1] = cleaned[-1][:last.start()]
    return cleaned


_DURATION = re.compile(r"\s*[(（]\s*(?:各|共|约|计)?\s*\d+(?:\.\d+)?\s*个?半?\s*(?:小时|分钟|天)"
                       r"(?:左右)?\s*[)）]\s*")


_POINTER = re.compile(r"\s*[(（][^()（）]*(?:详见|详如|如图|附图|附件|附表)[^()（）]*[)）]\s*")
# (``清水湖村（分两个时段停电，中午临时送电）``: how the cut goes, said of the place at the end.)
# (``钟公庙3号箱变（10kV天宫线）``: the line cut, said of the list at its end, a note too.)
_HOW_CUT = re.compile(r"\s*[(（](?:[^()（）]*(?:时段|临时送电|分两次|分批)[^()（）]*"
                      r"|\s*\d+(?:\.\d+)?\s*(?:kV|KV|kv|千伏)[^()（）]{1,30})[)）]\s*$")


# (Not a customer's account number: ``（户号3302117765）`` names the customer.)
_CONTACT = re.compile(r"\s*[(（](?!户号)[^()（）]*(?:电话|联系|咨询|\d{7,})[^()（）]*[)）]\s*")


_WORKS_BRACKET = re.compile(r"\s*\((?=[^()]{0,16}?"
                            r"(?:改造|更换|检修|施工|迁改|调试|安装|维修|抢修|换装))"
                            r"(?![^()]*(?:用户|客户|单号|双号|段|侧|除外))[^()]{2,24}\)$")


_HOUSEHOLDS = re.compile(r"[\s,，;；]*(?:影响|停电|涉及)?(?:户数|用户数|客户数|用户)\s*[:：]"
                         r"\s*\d+\s*户?\s*$")
_KEPT_BRACKET = re.compile(r"\s*\([^()]{0,16}?(?:不停电|不受影响|正常供电|照常供电"
                           r"|不在停电范围内?)\)$")


def _cut(printed: str, pattern: re.Pattern) -> str:
    """``printed`` without the spans ``pattern`` finds in its folded form (lengths are equal)."""
    folded = fold(printed)
    kept, pos = [], 0
    for m in pattern.finditer(folded):
        kept.append(printed[pos:m.start()])
        pos = m.end()
    kept.append(printed[pos:])
    return "".join(kept).strip()


def _shares_suffix(before: str, item: str) -> bool:
    """``会计学院、电子商务学院办公区域``: the part before ends with a word (``学院``) that the
    next part repeats with more after it, so the more belongs to both; a qualifier after the
    word (``…小区周边区域``, ``…公司及周边用户``) does not."""
    word = before[-2:]
    if not re.fullmatch(r"[\u3400-\u9fff]{2}", word) or "、" in before:
        return False
    at = item.find(word, 1)
    rest = item[at + 2:] if at > 0 else ""
    # The shared part names a part of each place (``办公区域``, ``实训室``, ``宿舍``), not a
    # place of its own (``本校区东门``: 东门 is a place).
    # The shared part follows the word at once (``体育部、…教育部重点实验室`` shares nothing: 重点
    # 实验室 is not a part of 体育部).
    # (``海创社区、中海国际社区部分用户``: a community's or a village's customers are its own.)
    if re.fullmatch(r"社区|小区|\S村", word) and re.match(r"用户|部分", rest):
        return False
    return bool(rest) and not re.match(r"周边|沿线|一带|附近|等|及|和|以及|[(（]", rest) and \
        bool(re.match(r"(?:办公)?(?:区域|办公区|办公室|实训室|实验室|机房|设备|宿舍|教室|用户|部分)",
                      rest))


_CUSTOMER_KINDS = r"(?:用户|居民|住户|商户|商铺|店面|店铺|门店|门面房?|公共设施|公建|配套设施)"


def _customers_of(before: str, item: str) -> bool:
    """``后县小区1—6座用户、店面及公共设施``: after a place's customers (用户, 居民), an item
    naming only other kinds of its customers (店面, 商铺, 公共设施) is no place of its own."""
    return bool(re.search(r"(?:用户|居民|住户)$", before) and re.fullmatch(
        rf"{_CUSTOMER_KINDS}(?:(?:及|和|与|以及){_CUSTOMER_KINDS})*", item))


def printed_sep(printed: str, folded: str, sep: str, at: int) -> str:
    return printed[at - len(sep):at] if sep else ""


# What a place's name ends in (``_PLACE_END``, and the places after ``…停电，`` in prose).
_PLACE_SUFFIXES = (r"村|路|街|道|楼|馆|室|区|园|苑|社区|宿舍|大厦|中心|厂|站|所|校|院|场|店|号|幢"
                   r"|栋|弄|巷|镇|乡|湾|桥")
# What the cut touches when said last in its sentence: a list apart by commas too, to the
# clause's end (not a request, the time it comes back, a change: ``…，现调整为…``).
_LIST_TO_END = (r"(?:(?!请|敬请|届时|如遇|若遇|给您|期间|恢复|预计|现|调整|改为|改至|推迟|延期"
                r"|取消)[^。;；:：])+")
_PROSE = [
    # ``…计划于2035年9月17日08:00-17:00停电，地址：奉化区江口街道南渡村。``: an SMS's address
    # after the cut.
    re.compile(r"^\s*(?:将)?(?:计划)?停电\s*[,，]\s*(?:停电|用电)?地址\s*[:：]\s*"
               r"(?P<a>[^,，。;；\n]{2,40}?)\s*(?=[。;；]|$)"),
    # ``原定于9月17日08:00-17:00的计划停电（江口街道南渡村）调整为…``: the places in a bracket
    # after the cut.
    re.compile(r"^\s*的(?:计划)?停电(?:计划)?\s*[(（](?P<a>[^()（）,，。;；\d]{2,40})[)）]"),
    # ``原定4月18日停电的横山村、沙堰村，调整至4月20日…``: the places after the cut they had.
    # (Not a summary, ``…停电的园区西区（纬二路以西）企业，…涉及企业：…``: places by their kind.)
    re.compile(r"^\s*(?:的)?(?:计划)?停电(?:计划)?的(?P<a>[^,，。;；]+?(?:" + _PLACE_SUFFIXES
               + r"))\s*(?=[,，]|$)"),
    # ``…对以下区域实施停电：长春路2、4、6、8号，长春新村1幢至9幢，柳汀新村西区。``: the list after
    # the colon, commas included.
    re.compile(r"对(?:以下|下列)(?:区域|地区|范围|小区|用户|地点)(?:进行|实施|实行)?(?:的)?(?:计划)?"
               r"停电\s*[:：]\s*(?P<a>[^。;；\n]+)"),
    # ``…还有一次，只停11-15幢，是换表箱``: only these places.
    re.compile(r"(?:只|仅|就)停(?:电)?\s*(?P<a>[^,，。;；]{2,20}?)(?=$|[,，。;；])"),
    # ``对10kV新浦线停电检修（影响新浦镇水湘村、…）``: the line cut, its places in brackets.
    re.compile(r"对[^。;；()]{0,30}?停电(?:检修|施工|作业|工作|计划)?\s*\((?:将)?(?:影响|涉及)"
               r"(?:范围|区域)?[:：]?(?P<a>[^()]+)\)"),
    # ``届时北片区以及…体育馆,、…、各食堂将停电``: from 届时 to 将停电, commas included.
    re.compile(r"届时[,，\s]*(?P<a>[^。;；]+?)(?:用电)?(?:将|将会)(?:全部)?"
               r"(?:停电|受到影响|(?:暂停|停止|中断)供电)"),
    # (Not ``对以下区域实施停电：…``: the list follows.)
    # (``…对邱隘镇回龙村、…实施的10kV回龙线检修停电``: the line and the work's kind between.)
    # (Not the equipment worked on, ``对我小区2号配电房进行的检修停电``: no place.)
    re.compile(r"对(?![^。;；]{0,4}(?:以下|下列))(?P<a>[^。;；]+?)(?<!配电房)(?<!配电室)(?<!变压器)"
               r"(?:进行|实施|实行)(?:的)?"
               r"(?:[^。;；,，]{0,20}?(?:检修|施工|改造))?(?:计划)?停电"),
    # ``…对姜山镇蔡郎桥村、上张村停止供电``: 停止供电 (暂停, 中断) says 停电.
    # (Not ``对以下区域停止供电：``, ``对我街道以下区域…``: the list follows.)
    re.compile(r"对(?![^。;；]{0,4}(?:以下|下列))(?P<a>[^。;；]+?)(?:停止|暂停|中断)供电"),
    # ``…9时至16时,在东区光复路一段办理停电工作``: where the work is done.
    re.compile(r"(?:^|[,，])\s*在(?P<a>[^,，。;；]+?)(?:办理|进行|实施)停电"),
    # ``原定于…08:00-17:00在小港街道红联村、…的计划停电已取消``.
    re.compile(r"^\s*在(?P<a>[^,，。;；]+?)的(?:计划)?停电"),
    re.compile(r"(?:届时|倒闸期间|期间)?[,，]?(?P<a>[^,，。;；]+?)(?:用电)?(?:也|亦|均|都|还)?"
               r"(?:将|将会)(?:再次|再度)?(?:计划)?(?:全部)?"
               r"(?:分时段|分批|轮流)?(?:停电|受到影响|(?:暂停|停止|中断)供电)"),
    # ``…9:00—15:00停电，涉及翠湖湾花园1-12幢、地下车库；``: the cut, then what it touches.
    # (``…停电，涉及1、3、5、7幢，地下车库，南门商铺。``: a list apart by commas too, to the
    # sentence's end.)
    re.compile(r"^\s*(?:将)?(?:计划)?停电\s*[,，]\s*(?:涉及|影响|范围(?:为|是|包括)|包括)\s*[:：]?"
               r"\s*(?P<a>" + _LIST_TO_END + r"?)\s*$"),
    # (``…早上7点半到下午4点半，我村要停电，范围是：车厩村一组至六组、村部、…``: the speaker's
    # village, then the range it names.)
    re.compile(r"^\s*[,，]\s*(?:我|本)(?:村|社区|小区|单位)(?:要|将|会)?停电\s*[,，]\s*"
               r"(?:停电)?范围(?:为|是|包括)?\s*[:：]\s*(?P<a>" + _LIST_TO_END + r"?)\s*$"),
    # ``3月7日8:00-17:00停电，江北区庄桥街道费市村。``, ``3月7日全天停电，…``: the cut first,
    # its places the last clause (a list apart by 、 only).
    re.compile(r"^\s*(?:全天|全日|整天)?\s*(?:将)?(?:计划)?停电\s*[,，]\s*"
               r"(?P<a>(?!请|敬请|望|如|若|因|由于|届时|预计|恢复|特此|不便)[^,，。;；:：]{1,}?"
               rf"(?:{_PLACE_SUFFIXES}|公司|用户))\s*$"),
    # (``原定于…8:00—12:00的石碶街道星光村、冯家村停电计划不变``: 的 joins the slot to them.)
    # (``届时教学楼、…、体育馆全部停电``: how much, not the place; ``…继续停电，范围为…``: the
    # places follow.)
    re.compile(r"(?:^|[,，])\s*(?:届时|倒闸期间|期间)?[,，]?(?:的(?!计划|停电))?(?!继续|仍|也)"
               r"(?P<a>(?:[^,，。;；()]|\([^()]{1,12}\))+?)(?:等一带)?(?:的?计划)?"
               # (``港城实验学校本部及学生宿舍楼全天停电``: the whole day, not the place.)
               r"(?:全天|全日|整天)?"
               # (``渔溪村老年食堂那边还要再停一次``: a chat's "over there".)
               r"(?:那边|这边|那里|这里|那块|那片)?"
               # (``勤山村、峙头村因负荷转供短时停电``: the reason between the places and the cut.)
               r"(?:因[^,，。;；()]{1,12}?)?"
               # (``…韩岭村将配合线路迁改停电``: the works the cut goes with.)
               r"(?:继续|仍将|仍|也将|也要|都要|也|要|将要|将|会|再|又|还将|还要|还会)?"
               # (``老屋自然村一带还要再停一次``: again.)
               r"(?<!再)(?:再|又)?"
               # (``…前童古镇景区将有两次短时停电``: how many cuts.)
               r"(?:有[一二两三四\d]次)?(?:短时|短暂)?"
               r"(?:配合[^,，。;；()]{0,10}?)?"
               # (``地下车库及充电桩检修停电``, ``…镇明路北段一带线路检修停电``: the works right
               # before the cut.)
               r"(?:(?:线路)?(?:检修|施工|作业))?"
               # (``…村部和文化礼堂也停，装新电表``: a chat's 停 alone after 也.)
               r"(?:全部|均|都)?(?:停电|停(?=一次|一下)|(?<=[也都还要])停(?=[,，。;；]))(?:一次|一下)?"
               r"(?=$|[,，。;；(]|、停水|配合|以便|进行|施工|作业|检修|工作|取消"
               r"|(?<=的停电)(?:计划|安排)|计划(?:不变|照常|如期)"
               # (``…霞浦4号公变的停电时间不变``: a slot said to stand.)
               r"|(?<=的停电)(?:时间|时段)(?:不变|照常|照旧)"
               # (``…冯家村、星光村的计划停电不变``: the slot stands.)
               r"|(?<=的停电|划停电)(?:不变|照常|照旧|如期)"
               # (``原定11月16日8:30-15:30定塘镇定山村、沙地村的停电调整为…``: moved.)
               r"|(?<=的停电)(?:调整|变更|改为|改至|改到|延期|推迟|顺延|提前))"),
    # ``…现调整为3月16日…，停电范围不变，仍为莼湖街道栖凤村、…``: the range said again.
    re.compile(r"(?:范围|区域|地点)(?:均)?不变\s*[,，]\s*(?:仍为|仍是|即|为)\s*(?P<a>[^。;；]+?)\s*$"),
    # ``…7:30—12:00继续停电，范围为学生公寓及食堂``: the range said after the cut.
    re.compile(r"[,，]\s*(?:停电)?(?:范围|区域)(?:为|是|包括)[:：]?\s*(?P<a>[^。;；]+?)\s*$"),
]


# ---------------------------------------------------------------------------
# Tables.

# A town's column (``所属镇（街道）``, ``乡镇（街道）``, ``街道``).
_TOWN_HEADER = (r"(?:所属|所在)?(?:乡镇|镇|乡|街道|镇街)"
                r"(?:\((?:街道|乡镇|镇|乡)\)|[/、](?:街道|乡镇|镇|乡)|街道)?")
_HEAD = re.compile(r"^(?:序号|编号|日期|星期|周次|联系人|联系电话|负责人|"
                   r"校区|配电房|水房地点|楼宇|楼栋|地点|备注|时间|时段|时间段|区域|"
                   r"开始时间|结束时间|起始时间|终止时间|(?:开始|起始)时间(?:--?|—|~|至)(?:结束|终止)时间|"
                   # (a table of changes: ``原停电时间`` | ``调整后停电时间``)
                   r"(?:原|原定|原计划)(?:停电)?(?:时间|日期)|(?:调整后|变更后|调整为|改为|新)的?(?:停电)?(?:时间|日期)|"
                   r"(?:预计)?恢复(?:送电|供电)?(?:时间|日期)|"  # (``停电时间`` | ``恢复时间``)
                   r"线路名称|供电单位|(?:所属)?供电所|设备名称|起止时间|(?:施工|工作|检修|作业)(?:内容|项目)|"
                   r"所属区域|所属区县|区县|县区|(?:信息)?发布(?:时间|日期)|(?:信息|执行|停电|当前)?状态|类型|原因|"
                   + _TOWN_HEADER + "|"
                   r"(?:停电|停水|影响|涉及|涉及停电|施工|计划停电|(?:计划|预计)?(?:送电|复电))\S{0,4}"
                   r"(?:日期|时间|时段|区域|范围|地点|楼栋|楼宇|线路|设备|用户|类型|性质|原因))"
                   r"(?:\([^()]{1,6}\))?$")  # (``停电线路（设备）``)


@dataclass
class Table:
    first: int  # line index
    last: int
    cells: list[tuple[int, str, str]]  # (line index, folded, printed)
    header: list[str] = field(default_factory=list)


def _tables(lines_f: list[str], lines_p: list[str]) -> list[Table]:
    tables: list[Table] = []
    current: Table | None = None
    for index, line in enumerate(lines_f):
        stripped = line.strip()
        # (Or bars only between cells, under a header of such cells, ``开始时间 -- 结束时间 |
        # 区县 | 街道/乡镇 | …``: not a record's first line, ``1. 国网慈溪市供电公司 | 计划停电
        # | …``.)
        cell = stripped.endswith("|") or "\t" in stripped or \
            len(re.findall(r"(?<=\S)\s+\|\s+(?=\S)", stripped)) >= 2 and (
                current is not None or all(_HEAD.match(re.sub(r"\s+", "", c))
                                           for c in stripped.split("|")))
        # A tab row whose last cell ends with a list separator goes on on the next line
        # (``1\t…\t图书馆、`` / ``食堂、体育馆``).
        if not cell and current is not None and stripped and current.cells and \
                current.cells[-1][0] == index - 1 and re.search(r"[、,，]$", current.cells[-1][1]):
            row, f, p = current.cells[-1]
            current.cells[-1] = (row, f + stripped, p + lines_p[index].strip())
            current.last = index
            continue
        if not cell:
            current = None
            continue
        parts_f = [c.strip() for c in re.split(r"\t|\|", stripped)]
        parts_p = [c.strip() for c in re.split(r"\t|\|", lines_p[index].strip())]
        if current is None:
            current = Table(index, index, [])
            tables.append(current)
        current.last = index
        for f, p in zip(parts_f, parts_p, strict=False):
            if f:
                current.cells.append((index, f, p))
    # Split on header rows: a run of header cells starts a new table.
    result: list[Table] = []
    for table in tables:
        part: Table | None = None
        in_header = False
        for cell in table.cells:
            name = re.sub(r"\s+", "", cell[1])  # ``時(shí)間``: pinyin read as space
            if _HEAD.match(name):
                if part is None or not in_header:
                    part = Table(cell[0], cell[0], [])
                    result.append(part)
                in_header = True
                part.header.append(name)
                part.last = cell[0]
                continue
            in_header = False
            if part is None:
                part = Table(cell[0], cell[0], [])
                result.append(part)
            part.cells.append(cell)
            part.last = cell[0]
    return result


def _bar_tables(lines_f: list[str], lines_p: list[str]) -> list[Table]:
    """A table copied with each cell's bar at the start of its line: a row's first cell alone
    on its line, then ``| cell`` lines, a bare ``|`` ending the row (a further bare ``|`` is an
    empty last cell). The header is the first such row, of header words; a row's cells are
    kept in ``cells`` with a bare ``|`` line's index between rows (folded text ``|``)."""
    def row_end(first: int) -> int | None:
        """The bare ``|`` ending the row that starts at ``first`` (two cells or more), else
        None."""
        end = first + 1
        while end < len(lines_f) and lines_f[end].lstrip().startswith("|") and \
                lines_f[end].strip() != "|":
            end += 1
        ok = end - first >= 2 and end < len(lines_f) and lines_f[end].strip() == "|"
        return end if ok else None

    def words(first: int, end: int) -> list[str]:
        return [re.sub(r"[\s|]+", "", lines_f[k]) for k in range(first, end)]

    found = []
    index = 0
    while index < len(lines_f):
        bar = row_end(index)
        header = words(index, bar) if bar is not None else []
        if not header or not all(_HEAD.match(h) for h in header) or \
                not any("时间" in h or "时段" in h for h in header):
            index += 1
            continue
        table = Table(index, bar, [], header)
        at = bar + 1
        while at < len(lines_f):
            while at < len(lines_f) and lines_f[at].strip() == "|":  # empty last cells
                table.cells.append((at, "|", "|"))
                at += 1
            end = row_end(at) if at < len(lines_f) and \
                not lines_f[at].lstrip().startswith("|") else None
            if end is None or all(_HEAD.match(w) for w in words(at, end)):
                break  # (a row of header words starts the next table)
            for k in range(at, end):
                cut = re.match(r"\s*\|?\s*", lines_f[k]).end()
                table.cells.append((k, lines_f[k][cut:].strip(), lines_p[k][cut:].strip()))
            table.cells.append((end, "|", "|"))
            table.last = end
            at = end + 1
        if any(cell[1] != "|" for cell in table.cells):
            found.append(table)
            index = table.last + 1
        else:
            index += 1
    return found


def _bar_rows(table: Table, reference: dt.date) -> list[tuple[dict, int]]:
    """Windows of a ``_bar_tables`` table: in each row, the cell that holds the time, its
    areas in the cell before it (the cells before that, such as 校区 or 配电房, and after it,
    such as 备注, are not places)."""
    found = []
    row: list[tuple[int, str, str]] = []
    for cell in [*table.cells, (table.last, "|", "|")]:
        if cell[1] != "|":
            row.append(cell)
            continue
        for number, (line, folded, _) in enumerate(row):
            anchor = next(iter(_Dates(folded, reference).anchors()), None)
            if anchor is None or anchor.first is None or anchor.start != 0 or number == 0:
                continue
            areas = split_areas(row[number - 1][2])
            for day, _, first, last in anchor.day_slots():
                found.append((_window(day, first, last, areas, None, None), line + 1))
            break
        row = []
    return found


def _line_tables(lines_f: list[str], lines_p: list[str]) -> list[Table]:
    """A table pasted one cell a line: two or more header cells (``序号`` / ``停电时间`` /
    ``停电范围``), then rows that each start with their number on its own line."""
    found = []
    index = 0
    while index < len(lines_f):
        header = []
        at = index
        while at < len(lines_f) and _HEAD.match(re.sub(r"\s+", "", lines_f[at])):
            header.append(re.sub(r"\s+", "", lines_f[at]))
            at += 1
        if len(header) < 2 or not re.match(r"序号|编号", header[0]):
            index = at + 1 if at > index else index + 1
            continue
        table = Table(index, at - 1, [], header)
        number = 1
        while at + len(header) <= len(lines_f) and \
                lines_f[at].strip() == str(number) and \
                all(lines_f[k].strip() for k in range(at, at + len(header))):
            for k in range(at, at + len(header)):
                table.cells.append((k, lines_f[k].strip(), lines_p[k].strip()))
            table.last = at + len(header) - 1
            at += len(header)
            number += 1
        if table.cells:
            found.append(table)
        index = at
    return found


def _csv_tables(lines_f: list[str], lines_p: list[str]) -> list[Table]:
    """A CSV export pasted as text (``停电日期,开始时间,结束时间,停电区域,停电原因`` over
    ``2030/7/17,5:00,10:00,"中马街道：大庆南路沿线、中马路2号箱变",配网改造``): the rows read by
    the csv module (a quoted field keeps its commas); the table ends at the first line that
    is not a row of as many fields."""
    def fields(line: str) -> list[str]:
        return next(csv.reader([line]), []) if "," in line else []

    found = []
    index = 0
    while index < len(lines_f):
        names = [re.sub(r"\s+", "", name) for name in fields(lines_f[index])]
        if len(names) < 3 or not all(_HEAD.match(n) for n in names) or \
                not any(re.search(r"时间|时段|日期", n) for n in names):
            index += 1
            continue
        table = Table(index, index, [], names)
        at = index + 1
        while at < len(lines_f) and len(fields(lines_f[at])) == len(names):
            for f, p in zip(fields(lines_f[at]), fields(lines_p[at]), strict=False):
                table.cells.append((at, f.strip(), p.strip()))
            table.last = at
            at += 1
        if table.cells:
            found.append(table)
        index = at
    return found


def _columns_shown(line: str) -> list[tuple[int, int, int]]:
    """(column as shown, start, end) of each chunk of a line apart from the next by two spaces
    or more; a Chinese character is two columns wide."""
    chunks = []
    for m in re.finditer(r"\S+(?: \S+)*", line):
        shown = m.start() + sum(unicodedata.east_asian_width(c) in "WF" for c in line[:m.start()])
        chunks.append((shown, m.start(), m.end()))
    return chunks


def _space_tables(lines_f: list[str], lines_p: list[str]) -> list[Table]:
    """A table aligned with spaces under a header of three or more header words (``日期
    时间  停电设备  停电范围``), perhaps a rule of dashes under it: each row's chunks go to the
    column they start under (as shown), a line that starts under a later column goes on the
    row above's cell there (``鹤浦镇`` over ``水产冷冻厂``). The table ends at a blank line or a
    line of one chunk at its left edge (``备注：…``)."""
    found = []
    index = 0
    while index < len(lines_f):
        chunks = _columns_shown(lines_f[index])
        names = [re.sub(r"\s+", "", lines_f[index][a:b]) for _, a, b in chunks]
        if len(names) < 3 or not all(_HEAD.match(n) for n in names) or \
                not any(re.search(r"时间|时段|日期", n) for n in names):
            index += 1
            continue
        starts = [shown for shown, _, _ in chunks]
        at = index + 1
        rule = at < len(lines_f) and re.fullmatch(r"\s*-{3,}(?:\s+-{3,})+\s*", lines_f[at])
        if rule:
            dashes = [shown for shown, _, _ in _columns_shown(lines_f[at])]
            starts = dashes if len(dashes) == len(starts) else starts
            at += 1
        table = Table(index, at - 1, [], names)
        rows: list[list[list]] = []  # a row: per column [line, folded, printed]
        while at < len(lines_f) and lines_f[at].strip():
            line_chunks = _columns_shown(lines_f[at])
            # (A line of one chunk under a later column goes on the cell above; a line of more
            # under a merged first cell, ``            13:00-17:30     坎墩街道坎西村``, is a row
            # of the same day.)
            leading = line_chunks[0][0] > starts[0] + 2 and len(line_chunks) == 1
            merged = line_chunks[0][0] > starts[0] + 2 and len(line_chunks) > 1
            if len(line_chunks) < 2 and not (leading and rows) or merged and not rows:
                break
            row = rows[-1] if leading else [[at, "", ""] for _ in names]
            if merged:
                first = min(k for k, start in enumerate(starts) if start + 2 >= line_chunks[0][0])
                for k in range(first):
                    row[k][1:] = rows[-1][k][1:]
            for shown, a, b in line_chunks:
                column = max((k for k, start in enumerate(starts) if start <= shown + 2),
                             default=0)
                cell = row[column]
                joiner = "" if leading else (" " if cell[1] else "")
                cell[1] += joiner + lines_f[at][a:b]
                cell[2] += joiner + lines_p[at][a:b]
            if not leading:
                rows.append(row)
            table.last = at
            at += 1
        if rows and all(row[0][1] for row in rows):
            table.cells = [(line, f, p) for row in rows for line, f, p in row]
            found.append(table)
            index = table.last + 1
        else:
            index += 1
    return found


# A time when no outage is planned (``…期间我区未安排计划停电``, ``暂停计划停电``).
_FREEZE = re.compile(r"(?:未|不|没有|无|暂停|停止)(?:安排|实施|进行|开展)?(?:任何|一切|所有)?"
                     r"(?:计划|检修)?停电(?:计划|检修|工作|作业)?")
_ROW_MOVED = re.compile(r"第\s*(\d{1,3})\s*(?:项|条|行)\s*(?:工作|计划)?\s*原定(?:于|在)?\s*$")
_ROW_NUMBER = re.compile(r"\s*\|?\s*(\d{1,3})\s*[\t|]")
_ROW_OFF = re.compile(r"第\s*(\d{1,3})\s*(?:项|条|行)[^。\n]{0,60}?(?:不再停电|取消|不停电|暂停)")
_TOWN_HEADING_LINE = re.compile(r"\s*[▲■◆●•·★☆▶►]?\s*([\u3400-\u9fff]{2,6}(?:镇|乡|街道))\s*:?\s*")
_SAME_PLACES = re.compile(r"\s*(?:停电)?(?:范围|区域)?同上(?:范围|区域)?\s*")
_DITTO = re.compile(r"\s*(?:〃|″|\"|同上)\s*")
_NO_AREA = re.compile(r"\s*(?:无|没有|不停电|—+|-+)\s*")


_TOWN_HEAD = re.compile(r"[\u3400-\u9fff]{1,6}(?:镇|乡|街道)\s*[:：]")


def _header_rows(table: Table, reference: dt.date) -> list[tuple[dict, int]] | None:
    """Rows of exactly one cell per header column (no merged cells): the 日期, 时间 and 区域
    columns are read by name, so ``10月5日 | 8:00-12:00 | 图书馆`` works in any column order.
    None when the cells do not fill whole rows or a row cannot be read."""
    width = len(table.header)
    if width < 2 or not table.cells:
        return None
    role = {}
    for index, name in enumerate(table.header):
        if "时间" in name or "时段" in name:
            role.setdefault("time", index)
        elif "日期" in name:
            role.setdefault("date", index)
        # ``施工地点`` is where the work is done (a switch room), not the places cut off.
        elif re.search(r"区域|范围|地点|楼宇|楼栋|用户|单位", name) and "施工" not in name:
            role.setdefault("area", index)
    # ``停电范围`` names the places cut off even after another place-like column.
    role["area"] = next((i for i, name in enumerate(table.header)
                         if re.search(r"停电(?:区域|范围)", name)), role.get("area"))
    # (``停电区域`` | ``停电范围``: ``海曙区横街镇`` heads ``横街镇梅园村、…``, the range's places.)
    scope = next((i for i, name in enumerate(table.header) if re.search(r"停电范围", name)), None)
    region = role["area"] if scope is not None and scope != role["area"] and \
        "区域" in table.header[role["area"]] else None
    if region is not None:
        role["area"], role["region"] = scope, region
    # (A table of changes, ``原停电时间`` | ``调整后停电时间``: the new slot is the row's time, the
    # original one is called off where it moved.)
    original = next((i for i, name in enumerate(table.header)
                     if re.match(r"原(?:定|计划)?(?:停电)?(?:时间|日期)", name)), None)
    moved = next((i for i, name in enumerate(table.header)
                  if re.match(r"(?:调整后|变更后|调整为|改为|新)", name)), None)
    if original is not None and moved is not None:
        role["time"], role["orig"] = moved, original
    if "time" not in role or role["area"] is None:
        return None
    town_column = next((i for i, name in enumerate(table.header)
                        if re.fullmatch(_TOWN_HEADER, name)), None)
    if town_column is not None:
        role["town"] = town_column
    one_a_line = len({cell[0] for cell in table.cells}) == len(table.cells)
    if role.get("date") == 0 and one_a_line:
        # A table pasted one cell a line (``4月11日 |`` / ``23点至次日4点 |`` / …): a row
        # starts at each date in the first column, so a row that lost a cell does not shift
        # the rows after it.
        rows = []
        for cell in table.cells:
            if not rows or _DATE.fullmatch(cell[1]) or _DAY.fullmatch(cell[1]):
                rows.append([])
            rows[-1].append(cell)
    elif one_a_line and re.match(r"序号|编号", table.header[0]) and \
            table.cells[0][1] == "1":
        # Numbered rows one cell a line, some with merged cells (``2 |`` / ``模型实验室… |``
        # under a ``校区`` and a ``停电时间`` spanning rows): a row starts at the next number;
        # a short row's cells are its number and its last columns, the merged ones between
        # are the row's above.
        rows = []
        for cell in table.cells:
            if not rows or len(rows[-1]) == width or cell[1] == str(len(rows) + 1):
                rows.append([])
            rows[-1].append(cell)
        for at, row in enumerate(rows):
            if at and 1 < len(row) < width and len(rows[at - 1]) == width:
                rows[at] = [row[0], *rows[at - 1][1:width - len(row) + 1], *row[1:]]
    elif len(table.cells) % width == 0:
        rows = [table.cells[at:at + width] for at in range(0, len(table.cells), width)]
    else:
        # One row a line (tabs) whose empty last cells (``备注``) were left blank.
        lines: dict[int, list] = {}
        for cell in table.cells:
            lines.setdefault(cell[0], []).append(cell)
        rows = list(lines.values())
        if any(len(row) > width or len(row) <= max(role.values()) or not all(
                re.search(r"备注|说明", name) for name in table.header[len(row):])
                for row in rows):
            return None
    # (``| 2 | 〃 | 08:00-16:00 |``: a ditto mark repeats the cell above it.)
    for above, row in zip(rows, rows[1:], strict=False):
        for index, cell in enumerate(row):
            if index < len(above) and _DITTO.fullmatch(cell[1]):
                row[index] = (cell[0], above[index][1], above[index][2])
    found = []
    for row in rows:
        if _NO_AREA.fullmatch(row[-1][1]) and (len(row) == width or one_a_line):
            continue  # ``4月11日 | 白天 | 开挖电缆沟 | 无``: works that cut nobody off
        if not max(role.values()) < len(row) <= width:
            return None
        when = row[role["time"]][1]
        # (``~~08:00-16:00~~ 取消``: the row's time struck out, a slot called off.)
        struck_time = re.fullmatch(r"\s*~~(?P<t>[^~]+)~~\s*(?:已?取消)?\s*", when)
        when = struck_time["t"] if struck_time else when
        if "date" in role and not _DATE.match(when) and not _DAY.match(when):
            # (``~~11月28日（周三）~~``: its day struck out too.)
            day = row[role["date"]][1]
            struck_day = re.fullmatch(r"\s*~~(?P<t>[^~]+)~~\s*", day)
            when = f"{struck_day['t'] if struck_day else day} {when}"
        others = [row[i][1] for i in range(len(row)) if i not in role.values()]
        # (``2030/5/20 8:00—2030/5/22 17:00`` | … | ``每日8:00-17:00停电，夜间恢复送电``: the
        # remark cuts the span every day.)
        when += "".join(f" {cell}" for cell in others if _DAILY.search(cell))
        # (A remark ``已取消``: the row's slot is called off.)
        called_off = any(CALLED_OFF_CELL.fullmatch(cell) for cell in others)
        # (``01月30日 | - | 骆驼街道 | 盛家村 | 已取消（原定13:00-17:00）``: no time in the row's
        # cell, the slot called off at the time its remark gives.)
        off_at = next((m for cell in others if (m := _CALLED_OFF_AT.fullmatch(fold(cell)))), None)
        if off_at and re.fullmatch(r"\s*[-—–~]*\s*", row[role["time"]][1]):
            when = f"{when.rstrip(' -—–~')} {off_at['t']}"
            called_off = True
        before = []
        # (A remark ``延期至10月27日，时间不变``: the row's slot moved to that day, at its time.)
        moved = next((m for cell in others if (m := MOVED_CELL.fullmatch(cell))), None)
        # (A remark ``原定5月16日，延期``: the row is the slot moved here from that day.)
        moved_from = next((m for cell in others if (m := _MOVED_FROM_CELL.fullmatch(fold(cell)))),
                          None)
        if moved_from and not moved and "orig" not in role:
            before = _Dates(moved_from["d"], reference).anchors()[:1]
        if moved and "orig" not in role:
            before = _Dates(when, reference).anchors()[:1]
            said = _DATE.search(when) or _DAY.search(when)
            when = when[:said.start()] + moved["d"] + when[said.end():] if said else when
        if "orig" in role:
            said = row[role["orig"]][1]
            if re.fullmatch(r"\s*(?:时间)?(?:不变|照常|按原计划(?:执行|实施)?|正常实施"
                            r"|同原时间)\s*", fold(when)):
                when = said  # (the slot stands)
            elif "取消" in when:
                when, called_off = said, True  # (``取消，另行安排``)
            else:
                before = _Dates(said, reference).anchors()[:1]
        anchors = _Dates(when, reference).anchors()
        # (``3月27日 | 全天 | …``: a whole day, a window without times.)
        # (``2028年12月9日 全天``: the day and the whole of it in one cell.)
        whole_day = bool(anchors) and anchors[0].first is None and bool(
            re.search(r"(?:^|\s|日)(?:全天|全日|整天)\s*$", row[role["time"]][1]))
        if not anchors or anchors[0].first is None and not whole_day:
            return None
        anchor = anchors[0]
        # (``~~胜山镇四灶浦村、胜山镇西华村~~ 已取消``: a row struck out, a slot called off.)
        struck = re.fullmatch(r"\s*~~(?P<a>[^~]+)~~\s*(?P<off>已?取消)?\s*", row[role["area"]][2])
        areas = split_areas(struck["a"] if struck else row[role["area"]][2])
        if "region" in role and _prefix_only(fold(row[role["region"]][2].strip())):
            areas = split_areas(row[role["region"]][2].strip() + "：" + row[role["area"]][2])
        # ``龙子湖校区 | 8月20日8:00-13:00 | 全校``: "all of it" names the row's own place.
        place = next((i for i, name in enumerate(table.header) if i not in role.values()
                      and not re.search(r"序号|编号|备注", name)), None)
        whole = re.fullmatch(r"全校|全部|全部区域|全区|整栋|全楼", row[role["area"]][1])
        if place is not None and whole:
            areas = split_areas(row[place][2])
        # The other columns (``施工内容``, ``备注``) are kept beside the window, not lost.
        note = "；".join(f"{table.header[i]}：{' '.join(row[i][2].split())}"
                        for i in range(len(row))
                        if i not in role.values() and not (whole and i == place)
                        and not re.search(r"序号|编号", table.header[i]))
        # (``文教街道：大庆南路1号箱变、…``: a town heading its cell's places.)
        # (``四明山镇棠溪村、大岚镇丁家畈村``: two towns in one cell, a window each.)
        towns = _district_groups(areas, None) if areas else None
        groups = (_district_led(areas) if "region" in role else None) or (
            _district_groups(areas, None) if _TOWN_HEAD.match(fold(areas[0] if areas else ""))
            else None) or (towns if _apart_towns(towns) else None) \
            or _one_town(areas) or [(None, None, areas)]
        # (``所属镇（街道）`` | ``停电范围``: the row's town in its own column.)
        town = row[role["town"]][2].strip() if "town" in role else ""
        if _TOWN_ALONE.fullmatch(fold(town)) and groups == [(None, None, areas)]:
            groups = [(None, town, [_without_town(a, town) for a in areas])]
        # (``2030/5/20 8:00—2030/5/22 17:00``: a cut over two midnights, a slot a day.)
        for day, _, first, last in anchor.day_slots():
            for district, town, places in groups:
                window = _window(day, first, last, places, district, town)
                if note:
                    window["note"] = note
                if struck or struck_time or called_off:
                    window["_cancelled"] = True
                found.append((window, row[0][0] + 1))
        # (The original slot of a row moved, ``8月12日 8:00-16:00`` → ``8月19日 8:00-16:00``;
        # or its day alone, ``原定5月16日，延期``: a day called off, its time not said.)
        for day, _, first, last in (before[0].day_slots() if before and (
                before[0].first or moved_from) else []):
            for district, town, places in groups:
                window = _window(day, first, last, places, district, town)
                window["_cancelled"] = True
                found.append((window, row[0][0] + 1))
    return found


# (``对下列区域的计划停电``: the places are the list below.)
_LIST_BELOW = re.compile(r"(?:下列|以下|如下|下述)(?:区域|地区|范围|用户|线路)")
# (A remark ``已取消（原定13:00-17:00）``: the slot called off, at the times it had.)
_CALLED_OFF_AT = re.compile(r"\s*已?取消\s*\(\s*原(?:定|计划)?\s*"
                            r"(?P<t>\d{1,2}:\d{2}\s*[-—~至]\s*\d{1,2}:\d{2})\s*\)\s*[。.]?\s*")
# (A remark ``原定5月16日，延期``: the row is the slot moved here from that day.)
# (``原定2月27日，因节后复工负荷调整改期``: a reason between; ``由7月25日顺延``.)
# (``原定3月26日（周六）08:00-16:00，因施工调整改至本日``: with its times.)
_MOVED_FROM_CELL = re.compile(r"\s*(?:原(?:定|计划)(?:于)?|由)\s*(?P<d>\d{1,2}\s*月\s*\d{1,2}\s*日"
                              r"\s*(?:\([^()]{1,4}\))?\s*"
                              r"(?:\d{1,2}:\d{2}\s*[-—~至]\s*\d{1,2}:\d{2})?)\s*[,，]?\s*"
                              r"(?:[^,，。;；]{0,16}?(?:已)?(?:延期|推迟|顺延|改期|调整|改至本日|改到本日)"
                              r"(?:进行|实施|而来|至本日)?)?\s*[。.]?\s*")


def _start_end_rows(table: Table, reference: dt.date) -> list[tuple[dict, int]]:
    """A table from a utility's listing (95598): one row a line, 停电开始时间 and 停电结束时间 in
    their own columns (``2024-03-05 22:00:00``). The 供电单位 column names the district that
    supplies the area (``国网宁波市海曙区供电公司``); it is not an area itself."""
    header = table.header
    role = {}
    for index, name in enumerate(header):
        if "开始" in name and re.search(r"结束|终止", name):  # (``开始时间 -- 结束时间``: one cell)
            role.setdefault("start", index)
            role.setdefault("end", index)
        elif "开始" in name:
            role.setdefault("start", index)
        elif re.search(r"结束|送电|复电|恢复", name):
            role.setdefault("end", index)
        elif re.search(r"所属区域|所属区县|区县|县区|县市区", name):
            role.setdefault("district", index)  # (``所属区域``: 鄞州区)
        elif "范围" in name:
            role["range"] = role.get("range", index)
        elif re.search(r"区域|用户|地点", name):
            role.setdefault("area", index)
        elif "供电单位" in name:
            role.setdefault("unit", index)
        elif re.fullmatch(_TOWN_HEADER, name.strip()):  # (``街道/乡镇``: 钟公庙街道)
            role.setdefault("town", index)
        elif name.endswith("状态"):
            role.setdefault("status", index)
        elif re.fullmatch(r"备注|说明", name.strip()):
            role.setdefault("remark", index)
        elif re.fullmatch(r"(?:停电)?日期", name.strip()):
            role.setdefault("date", index)  # (``停电日期`` beside ``开始时间``: ``5:00``)
    # (``停电时间`` beside ``送电时间``: the start's column, named without 开始.)
    if "start" not in role and "end" in role:
        named = [i for i, name in enumerate(header) if name.strip() in ("停电时间", "计划停电时间")]
        if named:
            role["start"] = named[0]
    rows: dict[int, list[tuple[int, str, str]]] = {}
    for cell in table.cells:
        rows.setdefault(cell[0], []).append(cell)
    found = []
    for line, cells in sorted(rows.items()):
        # (A row whose last cells, ``备注``, were left empty: the tabs kept, the cells not.)
        short = len(cells) < len(header) and all(re.search(r"备注|说明", name)
                                                 for name in header[len(cells):])
        if len(cells) != len(header) and not short or "start" not in role or "end" not in role \
                or max(role.get(k, 0) for k in ("start", "end", "area", "range", "district",
                                                 "unit", "town", "status")) >= len(cells):
            continue
        said = [cells[role[k]][1] for k in ("start", "end")]
        if role["start"] == role["end"]:  # (``2032-11-23 23:00:00 -- 2032-11-24 05:00:00``)
            said = (re.split(r"\s*(?:--?|—+|~|至)\s*(?=\d{4}-)", said[0], maxsplit=1) + [""])[:2]
        if "date" in role and role["date"] < len(cells):  # (the day in a column of its own)
            said = [part if re.search(r"\d{4}[-/.]|月", part) else
                    f"{cells[role['date']][1]} {part}" for part in said]
        begin = _Dates(said[0], reference)._date_at(0, allow_day=False)
        end_at = _Dates(said[1], reference)._date_at(0, allow_day=False)
        clock = [re.search(r"(\d{1,2}):(\d{2})", part) for part in said]
        if not begin or not end_at or not all(clock):
            continue
        first = f"{int(clock[0][1]):02d}:{clock[0][2]}"
        last = f"{int(clock[1][1]):02d}:{clock[1][2]}"
        # (Or the day in a column of its own and an end before the start: ``22:00`` | ``4:00``.)
        if (end_at[0] - begin[0]).days >= 1 or \
                "date" in role and end_at[0] == begin[0] and last <= first:
            last = "次日" + last
        # (``停电区域``: ``余姚市泗门镇`` heading ``停电范围``: ``泗门镇谢家路村、…``.)
        region = cells[role["area"]][2].strip() if "area" in role else ""
        scope = cells[role["range"]][2].strip() if "range" in role else ""
        if scope and region and _prefix_only(fold(region)):
            areas = split_areas(region + "：" + scope)
        else:
            areas = split_areas(scope or region)
        district = cells[role["district"]][2].strip() or None if "district" in role else None
        if "unit" in role and district is None:
            unit = fold(cells[role["unit"]][2])
            at = unit.find("供电")
            district = next((unit[at - n:at] for n in (3, 2, 4) if at >= n
                             and county(unit[at - n:at])), None)
        # ``宁海县跃龙街道桃源社区``: the district and town before the places, as in a list.
        # (``首南街道 学府一号小区、…`` under a district column: the town before the places.)
        # (``东溪村、高湾村、黄避岙乡高泥村`` in 新桥镇's row: another town's places after them.)
        towns = _district_groups(areas, None) if areas else None
        led = _district_led(areas) or (_district_groups(areas, district) if district else None) \
            or (towns if _apart_towns(towns) else None) or _one_town(areas)
        # (A town's column, ``五乡镇`` beside ``宝同村、五乡镇明堂岙村``: the town of the row's
        # places, where they name no other; printed again before one, it is dropped.)
        named = cells[role["town"]][2].strip() if "town" in role else ""
        if re.fullmatch(r"[\u3400-\u9fff]{1,6}?(?:街道|镇|乡)", fold(named)) and \
                not any(town for _, town, _ in led or []):
            led = [(district_, named, [_without_town(a, named) for a in places])
                   for district_, _, places in led or [(None, None, areas)]]
        # The other columns (``停电设备``, ``线路名称``, ``备注``: ``如遇雨天顺延至10月8日``) are
        # kept beside the window, not lost.
        # (Not the columns read: the utility gives the district, the type says planned or not.)
        kept = [role[k] for k in ("start", "end", "district", "area", "range", "town", "unit",
                                  "date") if k in role]
        note = "；".join(f"{header[i]}：{' '.join(cells[i][2].split())}"
                        for i in range(len(cells)) if i not in kept and cells[i][2].strip()
                        and not re.search(r"序号|编号|类型|性质", header[i]))
        for district_, town, places in led or [(None, None, areas)]:
            window = _window(begin[0], first, last, places, district_ or district, town)
            if note:
                window["note"] = note
            # (``状态``: ``已取消``: a slot called off, moved to the cancelled ones below.)
            # (``延期`` alone, no day to move to: the slot will not be, as if called off.)
            if "status" in role and re.search(r"取消|^\s*已?(?:延期|推迟|暂缓)\s*$",
                                              cells[role["status"]][1]):
                window["_cancelled"] = True
            # (A remark ``取消`` alone: the row's slot called off.)
            if "remark" in role and role["remark"] < len(cells) and \
                    CALLED_OFF_CELL.fullmatch(cells[role["remark"]][1]):
                window["_cancelled"] = True
            # Rows of one slot in one town (a listing's row a place, or a part of one) are one
            # window of their places, as a listing's records are (``_iso_records``).
            same = next((w for w, _ in found if all(w[k] == window[k] for k in
                                                    ("date", "start", "end", "district", "town"))
                         and w["town"]), None)
            if same is not None:
                same["areas"] += [a for a in window["areas"] if a not in same["areas"]]
                continue
            found.append((window, line + 1))
    return found


_ISO_LINE = re.compile(r"^\s*(?P<label>[A-Za-z_\u3400-\u9fff ]{1,24}?)\s*[:：]\s*"
                       # (``2026年6月16日 08:00``: a listing's record copied with the words.)
                       # (``2035/9/13 8:30``: with slashes.)
                       r"(?P<y>\d{4})(?:[-/]|年)(?P<m>\d{1,2})(?:[-/]|月)(?P<d>\d{1,2})日?(?:T|\s*)"
                       r"(?P<h>\d{1,2}):(?P<mi>\d{2})"
                       r"(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$")
# A record's day alone (``停电日期：2034-11-14``) and its clocks labelled under it
# (``开始时间：08:00    结束时间：16:00``, on one line or two).
_RECORD_DAY = re.compile(r"^\s*(?:停电)?日期\s*[:：]\s*(?P<y>\d{4})(?:[-/]|年)"
                         r"(?P<m>\d{1,2})(?:[-/]|月)(?P<d>\d{1,2})日?\s*$")
_RECORD_CLOCK = re.compile(r"(?:^|(?<=[ \t]{2}))\s*(?P<label>(?:停电|送电)?(?:开始|结束)时间)"
                           r"\s*[:：]\s*(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?(?=[ \t]{2}|\s*$)")
_SCOPE_LINE = re.compile(r"^\s*(?:scope|area|address|range|停电范围|停电区域|范围|地点|地址)"
                         r"\s*[:：]\s*(?P<a>\S.*?)\s*$", re.I)
# ``台北市中山區長春路``: a district printed after its city is a district, whether or not the
# county table knows it.
_CITY_DISTRICT = re.compile(r"^[\u3400-\u9fff]{2}(?P<c>[市县])(?P<d>[\u3400-\u9fff]{1,3}?区"
                            r"|[\u3400-\u9fff]{1,2}[乡镇市](?=[\u3400-\u9fff]{2}))(?=\S|$)")


_ISO_START = re.compile(r"start|begin|开始|起|^停电时间$")
# (``预计送电：2031-05-12 16:00:00``: an app's end, named without 时间.)
_ISO_END = re.compile(r"end|finish|stop|结束|止|送电时间|复电时间|恢复(?:送电|供电)?时间"
                      r"|^(?:预计|计划)(?:送电|复电)$")


def _iso_records(lines_f: list[str], lines_p: list[str]
                 ) -> tuple[list[tuple[dict, int]], set[int]]:
    """Windows of a listing's records: each start time paired with the end after it
    (``start：2026-09-18T00:00:00+08:00`` / ``end：…``; a 95598 record's ``停电时间：2024-05-12
    08:00:00`` / ``送电时间：…``), the record's scope line giving the place (its city and
    district prefix taken off). A record's scope lines are those nearest its pair of times,
    a 停电范围 rather than a 停电区域 that only names a district and town (which then heads
    the range). Also the lines of record days whose clocks were read (0-based), which are no
    windows of their own."""
    stamps = []
    scopes: list[tuple[re.Match, int]] = []
    day: tuple[dt.date, int] | None = None
    days_read: set[int] = set()
    for index, line in enumerate(lines_f):
        if m := _RECORD_DAY.match(line):
            try:
                day = (dt.date(int(m["y"]), int(m["m"]), int(m["d"])), index)
            except ValueError:
                day = None
            continue
        clocks = list(_RECORD_CLOCK.finditer(line)) if day else []
        if clocks:
            for clock in clocks:
                kind = "end" if "结束" in clock["label"] else "start"
                when = dt.datetime.combine(day[0], dt.time(int(clock["h"]) % 24, int(clock["mi"])))
                if kind == "end" and stamps and stamps[-1][0] == "start" and \
                        when <= stamps[-1][1]:
                    when += dt.timedelta(days=1)  # (``结束时间：04:00`` after 22:00; ``24:00``)
                # (The start at its day's line: the record's places are nearest to it.)
                stamps.append((kind, when, (day[1] if kind == "start" else index) + 1))
            days_read |= {day[1], index}
            continue
        m = _ISO_LINE.match(line)
        if m:
            label = m["label"].lower().strip()
            kind = "start" if _ISO_START.search(label) else \
                "end" if _ISO_END.search(label) else None
            if kind:
                try:
                    when = dt.datetime(int(m["y"]), int(m["m"]), int(m["d"]), int(m["h"]),
                                       int(m["mi"]))
                except ValueError:  # (``2026-13-05 08:00:00``: no day; the line is reported)
                    continue
                stamps.append((kind, when, index + 1))
            continue
        s = _SCOPE_LINE.match(line)
        if s:
            scopes.append((s, index))
    pairs = [(begin, line, end, end_line) for (kind, begin, line), (kind2, end, end_line)
             in zip(stamps, stamps[1:], strict=False)
             if kind == "start" and kind2 == "end" and end > begin]
    # Each scope line belongs to the pair of times nearest to it (its record's).
    nearest: dict[int, list[tuple[re.Match, int]]] = {}
    for s, index in scopes:
        if pairs:
            number = min(range(len(pairs)), key=lambda n: max(
                pairs[n][1] - (index + 1), (index + 1) - pairs[n][3], 0))
            nearest.setdefault(number, []).append((s, index))
    # A record's second slot (``secondStart``/``secondEnd`` after ``start``/``end``) has the
    # places of its first: the pair right before it, no scope line between the two.
    for number in range(1, len(pairs)):
        if number not in nearest and number - 1 in nearest and not any(
                pairs[number - 1][3] < index + 1 < pairs[number][1] for _, index in scopes):
            nearest[number] = nearest[number - 1]
    found = []
    for number, (begin, line, end, _) in enumerate(pairs):
        district, town, areas = None, None, []
        own = nearest.get(number) or scopes[:1]
        scope = next(((s, index) for s, index in own if "范围" in s.group()), None) or \
            (own[0] if own else None)
        region = next((s["a"] for s, _ in own if "区域" in s.group()
                       and _prefix_only(s["a"])), None)
        if scope is not None and region and scope[0]["a"] != region and \
                _district_groups(split_areas(scope[0]["a"]), None)[0][0] is None:
            # ``停电区域：宁波市鄞州区首南街道`` / ``停电范围：日丽社区、…``: the region heads it.
            for window, at in _region_windows(region, scope, begin, end):
                found.append((window, at))
            continue
        if scope is not None:
            s, index = scope
            printed = lines_p[index][s.start("a"):s.end("a")]
            d = _CITY_DISTRICT.match(s["a"])
            town = None
            township = county_and_township(s["a"])
            if township:
                # ``屏東縣屏東市武立街``: a township of Taiwan (鄉 鎮 市 區) is a district
                lead, size = township
                district = printed[lead:lead + size]
                printed = printed[lead + size:]
            elif d:
                # A 乡/镇/市 of a county the township table does not know: its town.
                if d["c"] == "县" and d["d"][-1] in "乡镇市":
                    town = printed[d.start("d"):d.end("d")]
                else:
                    district = printed[d.start("d"):d.end("d")]
                printed = printed[d.end("d"):]
            elif (lead := re.match(r"([\u3400-\u9fff]{2})市(?=\S{2})", s["a"])) \
                    and lead[1] in cities():
                printed = printed[lead.end():]  # ``嘉義市忠孝一街``: the city adds nothing
            areas = split_areas(printed) if printed.strip() else []
            # (``宁波市海曙区南门街道 柳汀街228号、…``: after the district, the town alone before
            # the places, perhaps printed again before a later one.)
            if district is not None and town is None and len(areas) > 1 and \
                    _TOWN_ALONE.fullmatch(fold(areas[0])):
                town = areas[0]
                areas = [_without_town(area, town) for area in areas[1:]]
            groups = _district_led(areas) if district is None and town is None else None
            if groups is None and district is None and town is None:
                groups = _one_town(areas)
            if groups:
                # ``鄞州区首南街道日丽社区、…``: the district and town before the places.
                for district_, town_, places in groups:
                    found += [(w, line) for w in _iso_windows(begin, end, places, district_,
                                                              town_)]
                continue
        found += [(w, line) for w in _iso_windows(begin, end, areas, district, town)]
    # Records of one slot (a request listed once per place) are one window of their places.
    merged: list[tuple[dict, int]] = []
    for window, line in found:
        same = next((w for w, _ in merged if all(w[k] == window[k] for k in
                                                 ("date", "start", "end", "district", "town"))),
                    None)
        if same is None:
            merged.append((window, line))
        else:
            same["areas"] += [a for a in window["areas"] if a not in same["areas"]]
    return merged, days_read


def _region_windows(region: str, scope, begin, end):
    s, index = scope
    # (``停电区域：鄞州区`` alone: a district and its colon would be read as a list's label.)
    joiner = "" if county(fold(region).strip()) else "："
    for district, town, places in _district_groups(split_areas(region + joiner + s["a"]), None):
        for window in _iso_windows(begin, end, places, district, town):
            yield window, index + 1


def _iso_windows(begin: dt.datetime, end: dt.datetime, areas, district, town) -> list[dict]:
    """The window of a record's start and end; a cut over more than one midnight is one
    window a calendar day, as in prose (``_day_slots``)."""
    first = f"{begin.hour:02d}:{begin.minute:02d}"
    days = (end.date() - begin.date()).days
    if days > 1:
        return [_window(day, start, last, list(areas), district, town)
                for day, start, last in _day_slots(begin.date(), first, days, end.hour,
                                                   end.minute)]
    last = f"{end.hour:02d}:{end.minute:02d}"
    if days == 1:
        last = "次日" + last
    return [_window(begin.date(), first, last, areas, district, town)]


# ---------------------------------------------------------------------------
# The reader.


@dataclass
class GeneralResult:
    windows: list[dict]
    read_lines: set[int]  # 1-based line numbers read into fields or structure
    body_lines: list[str]
    # (line, fragment, why), or with a fourth item: the text --allow-partial keeps in a note
    problems: list[tuple] = field(default_factory=list)
    decoys: list[int] = field(default_factory=list)  # lines of windows about water, not power
    warnings: list[tuple[int, str, str]] = field(default_factory=list)
    window_lines: list[int] = field(default_factory=list)  # the line of each window
    cancelled: list[dict] = field(default_factory=list)
    cancel_lines: list[int] = field(default_factory=list)


def detect_layout(text: str) -> str:
    """``table``, ``records`` (labels such as 停电时间：), ``numbered``, ``prose``."""
    folded = fold(text)
    if re.search(r"^[^\n]*\|\s*$", folded, re.M) or "\t" in folded:
        return "table"
    if re.search(r"停电(?:时间|范围|区域)\s*[:：]", folded):
        return "records"
    if re.search(r"^\s*(?:\d+[.、]|[一二三四五六七八九十]+、)", folded, re.M):
        return "numbered"
    return "prose"


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# A sentence that is only a list of places: three items or more apart by 、, each short and
# with no word of a clause (a cause, a request, a time), perhaps ending in 停电.
_LIST_WORD = r"(?:(?!将|请|因|由于|如遇|若|不受|期间|时间|影响|恢复|通知)[^、。\n,，:：;；])"
_LIST_SENTENCE = re.compile(rf"\s*(?:{_LIST_WORD}{{1,20}}、){{2,}}{_LIST_WORD}{{1,20}}?(?:等)?"
                            r"(?:停电)?\s*")


# A listing's card heading naming its town: ``计划停电｜招宝山街道``, ``临时停电 | 九龙湖镇``.
# (Or ``鄞州区 | 下应街道``: the card's district and town.)
# (Or labelled in the card: ``所属区域：招宝山街道``.)
_CARD_TOWN = re.compile(r"^[ \t]*(?:(?:【?(?:计划|临时|检修)?停电】?|[\u3400-\u9fff]{1,4}[区县市])"
                        r"[ \t]*[|｜]|所属(?:区域|街道|乡镇|镇街)[ \t]*[:：])"
                        r"[ \t]*(?P<t>[\u3400-\u9fff]{1,5}?(?:街道|镇|乡))[ \t]*$", re.M)
_CARD_RULE = re.compile(r"\n[ \t]*(?:[━─═=_*·•-]{4,}[ \t]*)?\n")


def _card_town(masked: str, at: int) -> tuple[int, int] | None:
    """The span of the town a listing's card names on its own heading line, for the card
    holding ``at`` (cards apart by blank lines or rules), else None."""
    starts = [m.end() for m in _CARD_RULE.finditer(masked, 0, at)]
    start = starts[-1] if starts else 0
    end_m = _CARD_RULE.search(masked, at)
    end = end_m.start() if end_m else len(masked)
    found = list(_CARD_TOWN.finditer(masked, start, end))
    return found[0].span("t") if len(found) == 1 else None


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[。\n]").search(text, pos)
    return m.start() if m else len(text)


_SUPPLY_SUBJECT = re.compile(r"(?:电源|线|线路|变电站|变电所|开关站)[^,，。;；\d]{0,6}"
                             r"(?:将|拟|计划)[^,，。;；\d]{0,4}$")
_CHROME = re.compile(r"\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇|推荐阅读|热门|热点|当前位置"
                     r"|相关(?:阅读|新闻|文章|链接|推荐)|首页\s*[>/»])")
_NOTICE_DISTRICT = re.compile(
    r"(?:(?<=[市日司])|(?<![\u3400-\u9fff]))([\u3400-\u9fff]{2}[县区市]?)"
    r"(?:(?:这些地方|这些区域|部分区域|\d+多?个乡镇|\d+余个乡镇)(?:将|要|会)?停电|这里[^。\n]{0,8}?停电"
    # (``象山停电预告｜12月3日``, ``【象山停电】``: a post's title.)
    r"|(?=(?:计划)?停电(?:计划)?(?:取消)?(?:预告|通知|公告|信息)|停电[】\]]))"
    # (A listing's query: ``区域：宁波市 鄞州区``, ``区县：镇海区``.)
    r"|(?<=区域:宁波市 )([\u3400-\u9fff]{2}[县区市])|(?<=区县:)([\u3400-\u9fff]{2}[县区市])"
    # (An app's place picker on its own line: ``宁波市 镇海区 ▼``.)
    r"|(?:^|(?<=\n))[ \t]*宁波市?[ \t]+([\u3400-\u9fff]{2}[县区市])(?=[ \t]*[▼▾⌄∨˅][ \t]*(?:\n|$))")
# ``四川省广元市苍溪县龙王镇：三房村…``: a province, a city, a district and a town heading the
# list (the colon after the town ends the heading).
_PROVINCE = r"(?:[\u3400-\u9fff]{2,3}?省|[\u3400-\u9fff]{2,7}?自治区)?"
# The town heading the list, its office's name after it if printed (``龙潭街道办事处…``).
# (``金乡镇``: a 乡 followed by 镇 is inside the name.)
# (Not the 镇 that starts 镇海: ``对镇海区…``, ``宁波镇海炼化…`` name no town.)
# (``月湖街道镇明路``: a road after a 街道 may begin with 镇.)
# (Not ``我镇``, ``本街道``: the speaker's own town, no name.)
_TOWN_LEAD = (r"(?:(?!(?:我|本|该|全|各)(?:镇|乡|街道))"
              r"(?P<t>\S{1,5}?(?:街道|(?:(?<!宁波)(?<!古)(?<!集)镇(?!海区|海县|海炼)|乡)(?!镇|街道)))"
              r"(?:办事处)?\s*[:：·•]?\s*(?=\S{2}))?")
# (``三七市镇``: a town whose name holds 市, not a city.)
_PLACE_PREFIX = re.compile(r"^(?:位于|在)?" + _PROVINCE
                           + r"(?:[^\s区县]{2,4}?市(?!镇(?!海))(?=\S{4}))?"
                           r"(?P<d>\S{1,4}?[区县](?=\S{2}))?" + _TOWN_LEAD)
_PLACE_PREFIX_NO_DISTRICT = re.compile(r"^(?:位于|在)?" + _PROVINCE
                                       + r"(?:[^\s区县]{2,4}?市(?!镇(?!海))(?=\S{4}))?(?P<d>)"
                                       + _TOWN_LEAD)
# ``慈溪市坎墩街道…``: a county-level city before its town is the district.
_COUNTY_CITY_PREFIX = re.compile(r"^(?:位于|在)?" + _PROVINCE
                                 + r"(?:[^\s区县]{2,3}?市(?!镇(?!海))(?=\S{4}))?"
                                 r"(?P<d>\S{2,3}?市(?!镇(?!海))(?=\S{2}))" + _TOWN_LEAD)
# (``1️⃣余姚市``, ``【余姚市】``: a post's number or brackets around it.)
_DISTRICT_HEADING = re.compile(
    r"[ \t]*(?:\d\ufe0f?\u20e3|[\u2600-\u27bf\U0001F000-\U0001FAFF]\ufe0f?)?"
    r"[ \t【\[]*([\u3400-\u9fff]{2,6}?[区县市旗])[ \t】\]]*[:：]?[ \t]*")
# A property office's signature line: ``鄞州区明楼街道和美城物业服务中心``.
_OWN_SCHOOL = re.compile(r"(?:我校|本校)\s*[(（]\s*(?:\S{0,12}?(?:镇|乡|街道))?"
                         r"(?P<a>[\u3400-\u9fff]{2,12}(?:小学|中学|学校|幼儿园))\s*[)）]")
_ESTATE_SIGNATURE = re.compile(
    r"^[ \t]*(?P<a>[\u3400-\u9fff]{2,24}?)(?:小区)?(?:物业服务中心|物业管理处|物业服务处"
    r"|物业管理中心|物业(?:管理|服务)?有限公司|物业公司)[ \t]*$", re.M)
# A sign-off line naming a district: an office's name or its address.
# (An address labelled as one names the district without a town: ``本店地址：海曙区公园路62号``.)
# (Or in brackets, a school's: ``（学校地址：宁波市鄞州区钟公庙街道…）``.)
_SIGN_OFF = re.compile(r"^[ \t]*[(（]?[ \t]*(?:(?P<label>"
                       r"(?:本店|门店|店铺|本单位|学校|本校|医院|本院|园区|小区)?"
                       r"(?:地址|办公地址|联系地址))"
                       r"[ \t]*[:：][ \t]*)?(?:宁波市)?(?P<d>[\u3400-\u9fff]{2}[区县市])"
                       r"(?(label)(?=\S)|(?=[\u3400-\u9fff]{2,6}?(?:街道|镇|乡)))", re.M)
# (Or the place a notice is addressed to: ``致锦澜湾花园（江北区中马街道）全体业主：``.)
_OWN_ADDRESS = re.compile(r"(?:(?:本|我)(?:小区|单位|店|院|校|公司|园区)|^[ \t]*致[^\s(（]{2,16})"
                          r"\s*[(（]\s*(?:宁波市)?"
                          r"(?P<d>[\u3400-\u9fff]{2}[区县市])(?=[^()（）]{2,40}[)）])", re.M)
_BRACKET_DISTRICT = re.compile(r"[(（](?:宁波市)?(?P<d>[\u3400-\u9fff]{2}[区县市])(?=\S{2})")
_CITY_UTILITY = re.compile(r"宁波(?:市)?供电公司|宁波电业局|供电服务中心")
_COMMITTEE_SIGNATURE = re.compile(
    r"^[ \t]*(?:[—-]{1,2}[ \t]*)?(?P<a>[\u3400-\u9fff]{2,24}?)"
    r"(?:村民委员会|村委会|居民委员会|居委会)(?:[ \t]*[(（](?:章|盖章|印)[)）])?[ \t]*$", re.M)
_SPACED_LABEL = re.compile(
    r"^([ \t]*(?:(?:停电|送电|复电|计划)(?:开始|结束)?"
    r"(?:时间|日期|区域|范围|原因|线路|设备|类型)|影响范围|涉及区域|状态))([ ]{1,})"
    # (not a header of such labels, a table's first row)
    r"(?![^\n]*?(?:时间|日期|区域|范围|原因|线路|设备|类型|状态)[ \t]*(?:$|[ \t]{2}))"
    r"(?=[\d\u3400-\u9fff][^\s|]*(?:[ ][^\s|]+)*[ ]*$)", re.M)
# An item of a numbered list (``1. 1月24日…``, ``二、``, ``（3）``).
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}\s*[.、．)）]|[(（]\s*[\d一二三四五六七八九十]{1,2}\s*[)）]"
                        r"|[一二三四五六七八九十]{1,2}\s*、)")
# The sentence heading such a list of slots called off (``…决定取消原定于寒潮期间实施的以下计划
# 停电，…：``).
_CANCELS_LIST = re.compile(r"取消[^。:：]*(?:以下|如下|下列)[^。]*[:：]\s*$")


def _in_cancelled_list(masked: str, at: int) -> bool:
    """Whether the item holding ``at`` is one of a numbered list of slots called off."""
    start = masked.rfind("\n", 0, at) + 1
    if not _LIST_ITEM.match(masked, start):
        return False
    while start > 0:
        start = masked.rfind("\n", 0, start - 1) + 1
        line = masked[start:masked.find("\n", start)]
        if line.strip() and not _LIST_ITEM.match(line):
            return bool(_CANCELS_LIST.search(line))
    return False


# The words that move a slot, printed before its new day or time (``延期至``, ``调整为``).
_CHANGED_TO_WORDS = r"(?:调整|更改|变更|改期|改|推迟|延期|顺延)(?:为|到|至)"
# (``…延期至4月26日（星期二）8:00-16:00进行``: the day a slot moved to.)
_MOVED_TO_DAY = re.compile(_CHANGED_TO_WORDS + r"\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
# (``…顺延至10月19日（星期三）进行，停电时间段不变``: a slot moved, its times kept.)
_SLOT_KEPT_MOVED = re.compile(_MOVED_TO_DAY.pattern + r"[^。;；\n]{0,16}?(?:停电)?"
                              r"(?:时间|时段|时间段)(?:不变|照旧|相同)")
_SUPPLY_BACK = re.compile(r"\s*起?\s*(?:将|即)?\s*(?:一切|全部|全面)?\s*(?:恢复(?:正常)?"
                          r"(?:供电|送电|用电|营业|开放|上课|办公)|恢复正常)")
_UNCHANGED = re.compile(r"(?:停电)?(?:时间|范围|区域|时段|地点)(?:及|和|、)?(?:停电)?"
                        r"(?:范围|区域)?(?:均)?不变|不变")
_UNCHANGED_SAID = re.compile(r"(?:范围|区域|地点)(?:均)?不变")
_CHAT_STAMP = re.compile(r"[ \t]*(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|昨天|今天)?[ \t]*"
                         r"(?:星期[一二三四五六日天]|周[一二三四五六日天])?[ \t]*"
                         r"(?:上午|下午|中午|晚上|凌晨|早上)?[ \t]*\d{1,2}:\d{2}[ \t]*")
_PLACES_MOVED = re.compile(r"(?:^|[,，。;；:：\n!！])\s*(?:[^,，。;；:：\n]{0,12}?通知)?"
                           r"(?P<a>[^,，。;；:：\n]{2,30}?)(?:的)?(?:计划)?停电(?:计划)?"
                           r"(?:推迟|延期|顺延|改期)(?:到|至)\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
                           r"(?:\s*[(（][^()（）]{1,4}[)）])?\s*(?:同一时间|同一时段|原时段|时间不变)")
# (Or by its day alone: ``17号的停电改到19号（星期四）同样时间，范围不变``; the day said, the
# words that move it, the new day and its weekday.)
_OLD_DAY = r"(?<![\d月/.-])(?P<day>\d{1,2})\s*[号日]\s*(?:的|那次)?(?:计划)?(?:停电)?"
_DAY_MOVE_WORDS = r"(?:改到|改至|改在|推迟到|推迟至|延期到|延期至|调整到|调整至)\s*"
_NEW_DAY = r"(?:(?P<m>\d{1,2})\s*月\s*)?(?P<d>\d{1,2})\s*[号日](?:\s*[(（][^()（）]{1,4}[)）])?"
_DAY_MOVED_SAME_TIME = re.compile(_OLD_DAY + r"\s*" + _DAY_MOVE_WORDS + _NEW_DAY
                                  + r"\s*(?:的)?(?:同样|同一|相同|原)(?:时间|时段)")
# (Or its times said to stand after the new day: ``20号的停电取消了，改到23号（礼拜五），时间
# 不变``.)
_TIME_STANDS = r"\s*,?\s*(?:停电)?(?:时间|时段)(?:不变|照旧|一样)"
_DAY_MOVED_TIME_KEPT = re.compile(_OLD_DAY + r"(?:取消了?)?\s*,?\s*" + _DAY_MOVE_WORDS + _NEW_DAY
                                  + _TIME_STANDS)
# (Or a slip put right: ``是8月24日（周五），不是23号，时间不变``.)
_DAY_PUT_RIGHT = re.compile(r"是\s*" + _NEW_DAY + r"\s*,?\s*不是\s*(?P<day>\d{1,2})\s*[号日]"
                            + _TIME_STANDS)
_DAY_MOVED = re.compile(r"原定(?:于|在)?\s*(?P<day>\d{1,2})\s*[号日]\s*(?P<half>上午|下午)?"
                        r"[^,，。;；\d]{0,8}?" + _CHANGED_TO_WORDS + r"\s*\d{1,2}\s*月")
# (``27号上午那次停电取消了``: that half of the day's slot.)
_DAY_CALLED_OFF = re.compile(r"(?<![\d月/.-])(?P<day>\d{1,2})\s*[号日]\s*"
                             r"(?P<half>上午|下午|早上|凌晨|晚上)?(?:的|那次|这次|那个)?(?:计划)?"
                             r"(?:停电)?(?:计划)?\s*(?:已经?|也|都)?(?:取消|不停(?:电)?)了?")
# (``9月10日、9月11日的停电安排不变``: days of a span called off that stand.)
_DAYS_STAND = re.compile(r"(?P<days>(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日"
                         r"(?:\s*[、和及]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)*)"
                         r"\s*(?:的)?(?:停电)?(?:计划|安排)?(?:均|仍)?(?:不变|照常|如期)")
_CUT_AGAIN = re.compile(r"\s*[,，]?\s*(?:还要|还将|将|要)?(?:再次|再|又)(?:一次)?停(?:电|一次)")
# (A day named for what it is, ``8月28日为秋季返校日``: no outage.)
_NAMED_DAY = re.compile(r"\s*(?:为|是)[^,，。;；\n]{1,12}?[日节](?=$|[,，。;；])")
_RETIMED = re.compile(r"(?:变更|调整|更改|改)(?:为|到|至)\s*(?:当日|当天|同日)?\s*")
_FOOTER = re.compile(r"\s*共\s*\d+\s*条(?:记录)?\s*(?:第\s*\d+\s*页\s*/?\s*共\s*\d+\s*页)?\s*")
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


# The label of an outage's time (not of a publication): ``停电时间：``, ``检修日期为``.
_WHOLE_DAY_LABEL = re.compile(r"(?:停电|检修|施工)(?:时间|日期)\s*(?:为)?\s*[:：]?\s*$")


@within_notice
def read_general(text: str, reference: dt.date) -> GeneralResult:
    token = _SET_ASIDE.set([])
    try:
        # (Full-width letters and digits are written as ASCII, as the column reader writes
        # them: ``东街２１号`` → ``东街21号``.)
        return _read_general(display(text), reference, _SET_ASIDE.get())
    finally:
        _SET_ASIDE.reset(token)


_START_END_HEADER = re.compile(r"^[^\n]*?(?:停电)?(?:开始|起始)(?:时间)?[ \t]{2,}"
                               r"(?:预计)?(?:结束|终止|送电|复电)(?:时间)?(?:[ \t][^\n]*)?$", re.M)
_ROW_TIMES = re.compile(r"(?<![\d:])(\d{1,2}:\d{2})([ \t]{2,})(\d{1,2}:\d{2})(?![\d:])")


def _apart_start_end(folded: str) -> str:
    """The rows under a space table's header ``… 开始  结束 …`` with ``08:00  16:00`` joined
    as ``08:00- 16:00`` (the gap's first space a dash): the two columns are one window."""
    header = _START_END_HEADER.search(folded)
    if not header:
        return folded
    head, rest = folded[:header.end()], folded[header.end():]
    return head + _ROW_TIMES.sub(lambda m: m[1] + "-" + m[2][1:] + m[3], rest)


def _join_wrapped_cells(folded: str, text: str) -> tuple[str, str, dict[int, int]]:
    """A space table's cell wrapped onto a line of its own (``…澥浦镇`` over ``澥浦村``
    below the same column): its characters moved to the end of that cell in the row above,
    into the spaces after it (the line left blank), in the folded and the printed text
    alike. Returns both and {wrapped line: row line} (numbered from 1)."""
    lines_f, lines_t = folded.split("\n"), text.split("\n")
    joined: dict[int, int] = {}
    row = -1
    for i, line in enumerate(lines_f):
        if _SPACED_ROW.match(line):
            row = i
            continue
        piece = line.strip()
        if row < 0 or row + 1 + len([n for n in joined if n > row + 1]) != i or not piece \
                or len(line) - len(line.lstrip(" ")) < 8 or re.search(r"\s{2,}", piece) \
                or not re.fullmatch(r"[\u3400-\u9fff0-9A-Za-z、，,（）()#号-]{1,20}", piece):
            row = -1
            continue
        column = len(line) - len(line.lstrip(" "))
        above = lines_f[row]
        cells = _columns_shown(above)
        # (The column as printed or as shown: a Chinese character is two columns wide.)
        at = [k for k, (shown, start, _) in enumerate(cells) if column in (start, shown)]
        if not at or at[0] + 1 >= len(cells) or \
                cells[at[0] + 1][1] - cells[at[0]][2] < len(piece) + 2:
            row = -1
            continue
        end = cells[at[0]][2]
        for lines in (lines_f, lines_t):
            wrapped = lines[i][column:column + len(piece)]
            lines[row] = lines[row][:end] + wrapped + lines[row][end + len(piece):]
            lines[i] = lines[i][:column] + " " * len(piece) + lines[i][column + len(piece):]
        joined[i + 1] = row + 1
    return "\n".join(lines_f), "\n".join(lines_t), joined


def _read_general(text: str, reference: dt.date, set_aside: list[str]) -> GeneralResult:
    # Pinyin pasted after a character (``時(shí)``) is read as space, kept as printed.
    folded = _PINYIN.sub(lambda m: " " * len(m.group()), fold(text))
    # (An app card's box lines, ``┌ 计划停电`` / ``│ 2028-07-18 08:00-16:00``: space, before
    # its labels are read, ``│ 停电时间  2033-12-21 08:00 ~ …``.)
    folded = re.sub(r"[\u2500-\u257f]", " ", folded)
    # (An app's record, ``停电时间　2027-09-16 08:00:00 至 …`` / ``停电区域　…``: a label
    # apart from its value by spaces is read as with its colon.)
    folded = _SPACED_LABEL.sub(lambda m: m[1] + ":" + m[2][1:], folded)
    # (A post's pictograph before a record's label, ``📍停电线路：…`` / ``📍停电范围：…``, or
    # before a card's town: space.)
    folded = _LABEL_PICTOGRAPH.sub(lambda m: " " * len(m.group()), folded)
    # (A space table with its start and end in columns of their own, ``开始  结束`` over
    # ``08:00  16:00``: each row's two times read as a range, the same length.)
    folded = _apart_start_end(folded)
    # (A space table's cell wrapped onto the next line, ``澥浦镇`` over ``澥浦村``: one cell.)
    folded, text, wrapped = _join_wrapped_cells(folded, text)
    assert len(folded) == len(text)
    lines_f = folded.split("\n")
    lines_p = text.split("\n")
    line_start = [0]
    for line in lines_f[:-1]:
        line_start.append(line_start[-1] + len(line) + 1)
    read: set[int] = set()

    tables = _tables(lines_f, lines_p)
    taken = {i for table in tables for i in range(table.first, table.last + 1)}
    bars = [table for table in _bar_tables(lines_f, lines_p)
            if not taken & set(range(table.first, table.last + 1))]
    taken |= {i for table in bars for i in range(table.first, table.last + 1)}
    tables += [table for table in _line_tables(lines_f, lines_p)
               if not taken & set(range(table.first, table.last + 1))]
    taken = {i for table in tables for i in range(table.first, table.last + 1)}
    tables += [table for table in _space_tables(lines_f, lines_p)
               if not taken & set(range(table.first, table.last + 1))]
    taken = {i for table in tables for i in range(table.first, table.last + 1)}
    tables += [table for table in _csv_tables(lines_f, lines_p)
               if not taken & set(range(table.first, table.last + 1))]
    table_lines = {i for table in [*tables, *bars] for i in range(table.first, table.last + 1)}
    windows: list[tuple[dict, int]] = []
    for table in bars:
        read.update(range(table.first + 1, table.last + 2))
        head = "".join(table.header)
        if "停水" in head and "停电" not in head:
            continue  # a decoy: water, not power
        windows += _bar_rows(table, reference)
    table_anchor_lines: set[int] = set()
    list_tables: list[Table] = []
    for table in tables:
        for i in range(table.first, table.last + 1):
            read.add(i + 1)
        head = "".join(table.header)
        if "停水" in head and "停电" not in head:
            continue  # a decoy: water, not power
        if not any("时间" in h or "时段" in h for h in table.header):
            list_tables.append(table)
            continue
        if any("开始" in h or h.strip() in ("停电时间", "计划停电时间") for h in table.header) and \
                any(re.search(r"结束|送电|复电|恢复", h) for h in table.header):
            # (A table pasted one cell a line, each row after its number: a row's cells are
            # read as one line, the row's first.)
            width = len(table.header)
            one_a_line = len({cell[0] for cell in table.cells}) == len(table.cells)
            if one_a_line and re.match(r"序号|编号", table.header[0]) \
                    and len(table.cells) % width == 0:
                table = Table(table.first, table.last, [
                    (table.cells[at - at % width][0], f, p)
                    for at, (_, f, p) in enumerate(table.cells)], table.header)
            windows += _start_end_rows(table, reference)
            continue
        rows = _header_rows(table, reference)
        if rows is not None:
            # (``注：1. 第2项工作已于5月19日…提前完成，5月22日江口街道不再停电。``: a note under
            # the table calls a numbered row off.)
            below = "\n".join(lines_f[table.last + 1:table.last + 12])
            off = {int(m[1]) for m in _ROW_OFF.finditer(below)}
            for window, line in rows:
                number = _ROW_NUMBER.match(lines_f[line - 1])
                if number and int(number[1]) in off:
                    window["_cancelled"] = True
            windows += rows
            continue
        # Merged cells (a 校区 spanning rows): a row ends at its time cell, its area before it.
        previous: tuple[int, str, str] | None = None
        for cell in table.cells:
            sub = _Dates(cell[1], reference).anchors()
            if sub and sub[0].first and sub[0].start == 0:
                anchor = sub[0]
                table_anchor_lines.add(cell[0])
                areas = split_areas(previous[2]) if previous else []
                for day in anchor.days:
                    windows.append((_window(day, anchor.first, anchor.last, areas, None, None),
                                    cell[0] + 1))
                previous = None
                continue
            previous = cell

    # Records of a data listing, one ``label：value`` line a field, with ISO 8601 times
    # (``start：2026-09-18T00:00:00+08:00`` / ``end：…``, ``secondStart``/``secondEnd``).
    records, days_read = _iso_records(lines_f, lines_p)
    for window, line in records:
        windows.append((window, line))
        table_lines.add(line - 1)
        read.add(line)
    table_lines |= days_read
    read |= {index + 1 for index in days_read}

    # Anchors outside tables.
    masked = "\n".join(" " * len(line) if index in table_lines else line
                       for index, line in enumerate(lines_f)) if table_lines else folded
    # ``北仑区`` alone on its line above time lines (``08:30-16:30 新碶街道：…``): the district
    # of the windows below it that name none. Blanked, so the date above it heads them.
    # (``▲西店镇`` alone on its line above day lines: the town of the windows below it, up to
    # the next heading.)
    headings: dict[int, str] = {}
    town_headings: dict[int, str] = {}
    for index, line in enumerate(lines_f):
        if index in table_lines:
            continue
        heading = _DISTRICT_HEADING.fullmatch(line)
        if heading and county(heading[1]) and len(heading[1]) >= 3:
            headings[index + 1] = lines_p[index][heading.start(1):heading.end(1)]
            read.add(index + 1)
        elif heading := _TOWN_HEADING_LINE.fullmatch(line):
            town_headings[index + 1] = lines_p[index][heading.start(1):heading.end(1)]
            read.add(index + 1)
    if headings or town_headings:
        masked = "\n".join(" " * len(line) if index + 1 in headings or index + 1 in town_headings
                           else line for index, line in enumerate(masked.split("\n")))
    # Chinese numerals in dates and times (``二月二十六日上午八時三十分``) are read as digits on a
    # copy; offsets are mapped back to the printed text.
    digits, back = _numerals(masked)
    anchors = _Dates(digits, reference).anchors()
    for anchor in anchors:
        anchor.start, anchor.end = back[anchor.start], back[anchor.end]
        if anchor.late_at is not None:
            anchor.late_at = back[anchor.late_at]
        if anchor.late_end is not None:
            anchor.late_end = back[anchor.late_end]
    # A date alone with a timed date later on its line is that record's heading (``6日 检修…``).
    # (Where a listing's records start and end: rules and numbered items, found once.)
    rule_ends = [m.end() for m in _RULE_LINE.finditer(masked)]
    # (Blank lines, or lines only of spaces: a card's box rule, ``━━━━``, is read as space.)
    blanks = [m.start() for m in re.finditer(r"\n[^\S\n]*(?=\n)", masked)]
    items = list(_ITEM_LINE.finditer(masked))
    item_starts, item_ends = [m.start() for m in items], [m.end() for m in items]
    kept = []
    over_said: list[tuple[int, str, str]] = []  # days told of as cuts already over
    for index, anchor in enumerate(anchors):
        # Page chrome: a link to another article (``上一篇:关于3月10日…停电的通知``).
        if _CHROME.match(masked, masked.rfind("\n", 0, anchor.start) + 1):
            continue
        # A chat's time stamp between messages (``11月18日 上午9:02``): when it was said.
        line_at = masked.rfind("\n", 0, anchor.start) + 1
        line_end = masked.find("\n", anchor.start)
        if _CHAT_STAMP.fullmatch(masked, line_at, len(masked) if line_end < 0 else line_end):
            continue
        # ``…9—14幢电梯进行年度维保调试…，不涉及停电。``, ``夜间检修时段已避开19:00—22:00晚高峰``:
        # a sentence saying there is no cut then, or naming the hours the works avoid.
        sentence = masked[max(masked.rfind("。", 0, anchor.start), line_at - 1) + 1:
                          _sentence_end(masked, anchor.end)]
        # (``2030年5月1日至5日（劳动节）期间我区未安排计划停电``: a holiday freeze.)
        # (``…有序用电方案错峰生产，不属于停电，…``: what it is not.)
        # (``原定3月26日…的植树活动改在3月29日进行，不受停电影响``: an event moved, no cut.)
        if re.search(r"不涉及停电|无需停电|不需要?停电|不属于停电|并非停电|不是停电|不受停电影响"
                     r"|(?<!则)不停电。?$", sentence) and \
                "停电" not in re.sub(r"不涉及停电|无需停电|不需要?停电|不属于停电|并非停电|不是停电"
                                   r"|不受停电影响|不停电", "", sentence) \
                or _FREEZE.search(sentence) and "停电" not in _FREEZE.sub("", sentence) \
                or re.search(r"避开\s*$", masked[max(line_at, anchor.start - 4):anchor.start]):
            continue
        # ``原定(于)4月11日…``: the original slot of a changed or cancelled outage.
        # (``原定明天（10月15日）的停电改期至…``: the day said in words, then its date.)
        # (``变更说明：原计划 2031-12-23 09:00-11:30，调整为 …``.)
        anchor.cancelled = bool(re.search(r"原(?:定|计划)(?:于|在)?\s*[:：]?\s*"
                                          r"(?:(?:今天|明天|后天|今日|明日|同日|当日)\s*[(（]\s*)?$",
                                          masked[max(0, anchor.start - 9):anchor.start])) \
            or _in_cancelled_list(masked, anchor.start)
        # (A listing's record ``状态：已取消``: a slot called off; ``状态：已延期　新停电时间：…``:
        # the record's first time called off, the new one its window.)
        # (Records apart by blank lines, or by rule lines: ``---------`` between an app's cards.)
        # (Or by their numbers: ``1. 慈城镇公善村…`` / ``计划停电时间：…`` / ``状态：已取消``, then
        # ``2. …``.)
        rules = rule_ends[:bisect.bisect_right(rule_ends, anchor.start)][-1:]
        before = bisect.bisect_right(item_ends, anchor.start)
        rules += [item_starts[before - 1]] if before else []
        after = _RULE_LINE.search(masked, anchor.end)
        item_after = _ITEM_LINE.search(masked, anchor.end)
        blank = blanks[:bisect.bisect_left(blanks, anchor.start)][-1:]
        record = masked[max([*blank, *rules, 0]):
                        min((re.compile(r"\n[^\S\n]*\n").search(masked, anchor.end)
                             or re.compile(r"$").search(masked, anchor.end)).start(),
                            after.start() if after else len(masked),
                            item_after.start() if item_after else len(masked))]
        # (Or the label and its value apart by spaces, as an app's card shows them:
        # ``状态 已取消``.)
        status = re.search(r"状态(?:\s*[:：]\s*|[ \t\u3000]+)已?"
                           r"(?:(?P<off>取消)|延期|改期|推迟|变更)", record)
        head = masked[masked.rfind("\n", 0, anchor.start) + 1:anchor.start]
        # (A card's heading tagged ``【已取消】`` / ``【已变更】``: ``■ 6月28日（周三）09:00-15:00
        # 蛟川街道　【已取消】``.)
        line_to = masked.find("\n", anchor.end)
        status = status or _TAGGED_OFF.search(
            masked, anchor.end, len(masked) if line_to < 0 else line_to)
        # (Or on the card's first line, above its time: ``┌ 计划停电　【已取消】``.)
        # (Its first line with words: a box rule above it is read as a line of spaces.)
        first_line = next((line for line in record.split("\n") if line.strip()), "")
        if not status and not _DATE_IN_LINE.search(first_line):
            status = _TAGGED_OFF.search(first_line)
        # (Or on the card's time line, before it: ``【停电取消】2034-11-19 08:30 ~ …``.)
        status = status or _TAGGED_OFF.search(head)
        # (Or right after the day and its colon: ``3. 1月23日（星期一）：取消（原计划对学府社区
        # 进行的停电检修另行安排）。``)
        status = status or re.match(r"[ \t]*[:：][ \t]*(?:已)?取消(?:停电)?(?=[\s,，。;；(（]|$)",
                                    masked[anchor.end:])
        if status and not re.search(r"新|调整后|变更后|延期至|改至", head):
            anchor.cancelled = anchor.status_off = True
        # (``原停电时间：2032-07-13 08:00 至 …`` above ``变更后停电时间：…``: the slot it was.)
        if _ORIGINAL_LABEL.search(head):
            anchor.cancelled = True
        # (``原定于8月19日…的停电计划（…）时间不变``: a slot said to stand is a window.)
        sentence_end = masked.find("。", anchor.end)
        sentence = masked[anchor.end:sentence_end if sentence_end >= 0 else len(masked)]
        if anchor.cancelled and re.search(r"(?:时间|安排|计划)?不变|照常进行|如期进行", sentence) \
                and not re.search(r"取消|调整|变更|改|推迟|提前|延期|顺延", sentence):
            anchor.cancelled = False
        # (``社区将于7月14日上午9:00-11:00在社区服务中心发放防台物资``: an event, no cut.)
        line_end = masked.find("\n", anchor.end)
        line_end = len(masked) if line_end < 0 else line_end
        whole = masked[max(masked.rfind("。", 0, anchor.start), masked.rfind("\n", 0, anchor.start))
                       + 1:min(anchor.end + len(sentence), line_end)]
        # (Or office hours: ``春节期间物业服务中心值班时间：2月18日—2月26日 9:00—17:00``.)
        # (Or a day named for what it is, ``8月28日为秋季返校日，届时另行通知``.)
        if (re.search(r"发放|领取|开放日|营业时间|活动|会议|培训|接种|体检|讲座|报名|报到|开学"
                      r"|值班时间|办公时间|服务时间|工作时间|受理时间|开放时间|门诊时间"
                      r"|就诊时间", whole)
                or anchor.first is None and _NAMED_DAY.match(masked, anchor.end)) and \
                not re.search(r"停电|断电|供电|送电|检修|施工|停运", whole):
            continue
        # (``7月9日晚雷击造成的短时停电已于当晚恢复``: a day of no time whose sentence tells of a
        # cut already over.)
        # (Kept in the body, and said so, as a paragraph about an outage already over is.)
        if anchor.first is None and re.search(r"已于[^。,，;；]{0,10}恢复|(?:已|均已|全部)恢复",
                                              whole) and not PLANNED_WORDS.search(whole):
            over_line = _line_of(masked, anchor.start)
            said = lines_p[over_line - 1].strip()
            if not any(line == over_line for line, _, _ in over_said):
                over_said.append((over_line, said, PAST_OUTAGE.format(fragment=f'"{said[:40]}"')))
            continue
        # ``5月15日起恢复正常供电``: when the supply comes back, not a cut.
        if anchor.first is None and _SUPPLY_BACK.match(masked, anchor.end):
            continue
        # (``原定1月21日截止的会员积分兑换活动顺延至…``: a sentence of no outage changes no slot.)
        if anchor.cancelled and anchor.first is None and not re.search(
                r"停电|供电|送电|断电|检修", masked[max(0, masked.rfind("。", 0, anchor.start)):
                                                   len(sentence) + anchor.end]):
            continue
        # ``原定于3月18日…在A村…，以及3月19日…在B村…的计划停电取消``: a slot joined to a
        # cancelled one by 以及 or 及 is cancelled with it.
        if not anchor.cancelled and kept and kept[-1].cancelled and re.search(
                r"(?:以及|及|和)\s*$", masked[max(0, anchor.start - 3):anchor.start]) and \
                "。" not in masked[kept[-1].end:anchor.start]:
            anchor.cancelled = True
        # ``8月7日…五星村计划停电时间由8:00-16:00调整为9:00-12:00``: the slot it was, re-timed.
        if not anchor.cancelled and anchor.late_end is not None and \
                re.search(r"由\s*$", masked[max(0, anchor.late_at - 2):anchor.late_at]) and \
                _RETIMED.match(masked, anchor.late_end):
            anchor.cancelled = True
        if anchor.first is None and anchor.relative and not anchor.cancelled:
            continue  # ``明天又轮到…停电``: a relative day without a time is not a window
        if anchor.first is None and not anchor.cancelled:
            line_end = masked.find("\n", anchor.end)
            line_end = len(masked) if line_end < 0 else line_end
            # (Unless the whole day is said cut right after it: ``本村将于3月18日（星期六）全天
            # 停电，停电范围：…。3月19日（星期日）上午6:00至10:00，…停电。``)
            if any(other.first and anchor.end <= other.start < line_end
                   for other in anchors[index + 1:]) and \
                    not _WHOLE_DAY_SAID.match(masked, anchor.end):
                continue
            # A date-only mention inside advice (``合理调整1月30日(星期五)的上班安排``) is
            # not a window: keep a date alone only at the head of its line or item, or
            # where its sentence speaks of a cut.
            head = masked[masked.rfind("\n", 0, anchor.start) + 1:anchor.start]
            sentence = masked[max(masked.rfind("。", 0, anchor.start),
                                  masked.rfind("\n", 0, anchor.start)) + 1:
                              _sentence_end(masked, anchor.end)]
            numbered = re.fullmatch(r"\s*(?:\d+[.、]\s*|[一二三四五六七八九十]{1,3}、\s*"
                                    r"|\d\ufe0f?\u20e3\s*)?", head)
            # ``停电时间：2024年3月4日至3月6日`` or ``…3月4日全天``: the outage's own time label
            # before a date alone makes it whole days of outage (one window a day, no times).
            # (Not a listing's query, ``查询条件：… 停电日期 2033-04-14 至 2033-04-30``.)
            if _WHOLE_DAY_LABEL.search(head) and not re.search(r"查询|筛选|检索", head) and \
                    re.fullmatch(r"\s*(?:全天|全日|整天)?\s*[。.;；]?\s*",
                                 masked[anchor.end:line_end]):
                kept.append(anchor)
                continue
            # ``12月8日,将对…等地实施停电``, ``16日,…等地区将分时段停电``: the cut will happen.
            # ``3月20日至3月23日,市图书馆全馆将停电施工``: the clause right after the dates
            # says what will be cut off, for every day of them.
            # (``1月27日（星期三）全天停电，停电范围：…``: the whole day, said at once.)
            # (``12月23日（星期六）因西坞街道白杜村片区线路改造全天停电``: the reason between.)
            cut_next = re.match(r"\s*[,，]?\s*(?:[^,，。;；\n]{2,24}?将(?:全部|全面)?停电"
                                r"|(?:(?:因|由于)[^,，。;；\n]{2,30}?)?(?:全天|全日|整天)(?:将)?停电"
                                # (``6月24日（星期六）全天，庄市街道中心学校停电``: after a comma.)
                                r"|(?:全天|全日|整天)\s*[,，]\s*[^,，。;；\n\d]{2,20}?停电"
                                # (``2月29日（星期日）全天老街片区停电``: the places between.)
                                r"|(?:全天|全日|整天)[^,，。;；\n\d]{2,16}?停电)",
                                masked[anchor.end:])
            # (``原定7月14日…的停电，延期至7月20日（星期二）同一时段进行``: the slot's new day.)
            moved_to = kept and kept[-1].cancelled and re.search(
                _CHANGED_TO_WORDS + r"\s*$",
                masked[max(0, anchor.start - 6):anchor.start]) and \
                "。" not in masked[kept[-1].end:anchor.start]
            # (``📅 10月25日（周五）`` / ``⏰ 全天`` / ``📍 庵东镇：…``: the whole day on its own
            # line, a post's pictograph before it.)
            whole_below = _WHOLE_DAY_NEXT.match(masked, anchor.end)
            cut_next = cut_next or moved_to or whole_below or \
                _WHOLE_DAY_SAID.match(masked, anchor.end)
            # (``12月10日（星期日）如检修未完成继续停电``: a day the cut may run on to, as a rain
            # date, is no window.)
            if re.match(r"\s*[,，]?\s*(?:如|若|如果|倘若|万一)[^,，。;；\n]{0,12}?"
                        r"(?:未完成|未完工|未结束|需要|顺延)", masked[anchor.end:]):
                continue
            # (``…定于11月25日…停电，如遇雨天顺延至11月26日。``: the rain date, in the sentence of
            # the window it stands in for, is no window.)
            if re.search(r"(?:如遇|若遇|遇)[^,，。;；\n]{0,8}?(?:顺延|延期|推迟|改)(?:至|到)\s*$",
                         masked[max(0, anchor.start - 16):anchor.start]):
                continue
            if not (numbered or cut_next or "停电" in sentence
                    and ("定于" in sentence or "初定" in sentence
                         or len(anchor.days) <= 2
                         and re.search(r"将(?:对|分时段|分批|轮流)?[^。]{0,40}停电", sentence)
                         and not re.search(r"可能|随时|短暂|短时|预计|再次", sentence)
                         # a rain date: ``(如遇雨天顺延至3月9日)``
                         and not re.search(r"如遇|顺延|延至|延期|推迟|[(（][^)）]*$",
                                           masked[max(0, anchor.start - 12):anchor.start]))):
                continue
            # A signature or publication date (``2022年10月28日`` alone on its line,
            # ``发布日期:2025-07-29``, ``2014年10月29日 10:59``) is not a window.
            rest = masked[anchor.end:line_end]
            alone = not rest.strip() and not re.search(r"\d+[.、]\s*$", head) and not whole_below
            # The publication day printed as a date alone, where the notice gives timed
            # windows, is the notice's date, not one more window.
            if anchor.days == [reference] and any(other.first for other in anchors):
                continue
            # ``今日泉州网12月2日讯``: a news dateline.
            # (``2031年9月19日发布``: when it was published.)
            if alone or re.match(r"\s*\d{1,2}:\d{2}|\s*(?:讯|电(?![力网]))"
                                 r"|\s*(?:发布|印发|公布|更新|编制)\s*$", rest) or \
                    re.search(r"(?:发布|日期|时间)\s*[:：]?\s*$", head):
                continue
        kept.append(anchor)
    anchors = kept

    labels = list(_LABEL.finditer(masked))
    # (line, fragment, why, the text a note keeps): reported with the problems below
    clauses_left: list[tuple[int, str, str, str]] = []
    record_breaks = [m.start() for m in _CARD_RULE.finditer(masked)]
    for index, anchor in enumerate(anchors):
        scope_end = anchors[index + 1].start if index + 1 < len(anchors) else len(masked)
        if anchor.cancelled and not anchor.status_off:
            # ``原定3月12日…的停电取消``: its own sentence, nothing after
            # (Or its line and the line of places below it: ``原定11月15日（周三）8:00—16:00`` /
            # ``长街镇青珠农场、…`` / ``➡️推迟至11月28日…``.)
            own_end = _sentence_end(masked, anchor.end)
            if own_end < len(masked) and masked[own_end] == "\n" and \
                    not masked[anchor.end:own_end].strip():
                own_end = _sentence_end(masked, own_end + 1)
            scope_end = min(scope_end, own_end)
        # (``2️⃣ 北岸明珠小区`` on a line of its own: the next item's place, not this one's.)
        item = _KEYCAP_HEADING.search(masked, anchor.end, scope_end)
        scope_end = item.start() if item else scope_end
        # Records apart by blank lines or rules (``-----``, masked as spaces), each with its
        # places' label (``停电区域：…`` / ``停电时间：…``, either first): a record's places are
        # its own, never the next record's.
        at = bisect.bisect_left(record_breaks, anchor.start)
        block = record_breaks[at - 1] if at else -1
        after = bisect.bisect_left(record_breaks, anchor.end)
        block_end = record_breaks[after] if after < len(record_breaks) else len(masked)
        # (An app's card or a listing's record, ``计划停电  未开始`` / ``石碶街道 栎社村、星光村`` /
        # its time: the places on the line above the time are the card's, nothing after it in
        # the card is (``— 已经到底了 —`` below the last card, the next record's places).)
        # (One time a card: not a block of records one cell a line, where the line above a
        # time is the record before's.)
        alone = block >= 0 and block_end <= scope_end and (
            index == 0 or anchors[index - 1].end <= block)
        card_above = _card_places(masked, text, anchor.start, block) if alone else None
        # (A numbered item holding its time, ``1. 慈城镇公善村…`` / ``计划停电时间：…``: its places
        # are never in the next item.)
        own_item = _ITEM_LINE.search(masked, anchors[index - 1].end if index else 0, anchor.start)
        next_item = _ITEM_LINE.search(masked, anchor.end, scope_end) if own_item else None
        scope_end = next_item.start() if next_item else scope_end
        if any(block < m.start() < block_end for m in labels) or card_above:
            scope_end = min(scope_end, block_end)
        areas = _late_areas(masked, text, anchor) if anchor.late else None
        if areas is None and card_above:
            areas = card_above
            read.add(_line_of(masked, anchor.start) - 1)
        if areas is None and anchor.first is not None:
            # (``1、1-8幢(含地下车库A区)：8:00-12:00`` under ``定于2033年8月9日…停电，具体安排如
            # 下：``: an item's places, then its time ending the line.)
            areas = _item_places(masked, text, anchor)
        if anchor.round:
            group = _GROUP.match(masked, anchor.end)
            anchor.areas = [text[group.start(1):group.end()].strip()] if group else []
            # ``停电区约是凤山,鸟松,…,三民等区``: a list its own words call districts gives
            # one window a district (their places are not printed); a list cut off by the end
            # of the stored text is not read.
            stop = _sentence_end(masked, anchor.end)
            label = _ROUND_LABEL.search(masked, anchor.end, stop)
            if not label:  # ``…停电户数36897户。(停电地区:新营、…等地区);2.第2轮…``
                line_end = masked.find("\n", anchor.end)
                label = _ROUND_LABEL.search(masked, anchor.end, min(
                    scope_end, len(masked) if line_end < 0 else line_end))
                label = label if label and masked[label.start() - 1] in "(（" else None
                stop = label and (re.compile(r"[)）]").search(masked, label.end(), scope_end)
                                  or re.compile(r"$", re.M).search(masked, label.end())).start()
            if label:
                closed = re.compile(r"等(?:地)?(?:区|县|乡镇)").search(masked, label.end(), stop)
                if closed:
                    names = split_areas(text[label.end():closed.start()])
                    anchor.districts = list(dict.fromkeys(names))
                elif stop < len(masked) and masked[stop] == "。":
                    # A list cut at 、 ends at the first comma (``…,影响约10万户,停电50分钟``).
                    comma = re.compile(r"[,，]").search(masked, label.end(), stop)
                    if comma and "、" in masked[label.end():comma.start()]:
                        stop = comma.start()
                    counted = _COUNTED_END.search(masked, label.end(), stop)
                    anchor.areas = split_areas(text[label.end():counted.start() if counted
                                                    else stop])
                else:
                    anchor.areas = None  # reported: no places follow it
            continue
        if areas is None:
            anchor.groups = _supply_point_lines(masked, text, anchor.end, scope_end, read)
            areas = [area for group in anchor.groups for area in group] \
                if anchor.groups else None
        # (``1．8:00—12:00，10kV霞浦线：霞浦街道下三山村、…``: the line cut labels the places.)
        after = anchor.end
        line_label = _LINE_LABEL_AFTER.match(masked, after, scope_end) or \
            _LINE_BEFORE_TOWN.match(masked, after, scope_end)
        after = line_label.end() if line_label else after
        # (``1. 1月20日（星期四）7:00—18:00：教学楼、…停电；``: the colon after the time.)
        # (``3．3月28日（星期五）全天：石门村排灌站``: the whole day, then the colon.)
        whole_day = _WHOLE_DAY_COLON.match(masked, after, scope_end) if anchor.first is None \
            else None
        after = whole_day.end() if whole_day else after
        colon = _COLON_AFTER.match(masked, after, scope_end)
        after = colon.end() if colon else after
        if areas is None:
            areas = _areas_after(masked, text, after, scope_end, labels, list_tables,
                                 lines_f, lines_p, line_start, read)
        left, passed = None, []
        if areas is None:
            areas, left, passed = _prose_areas(masked, text, after, scope_end, read)
        # (Or the whole day said right after the date: ``本店所在公园路一带11月30日（周二）全天
        # 停电``.)
        whole_after = anchor.first is None and _WHOLE_DAY_CUT.match(masked, anchor.end)
        if not areas and (anchor.first is not None or whole_after):
            # ``解放北路沿线将于3月5日8:00至17:00停电``: the places before the date.
            before = _areas_before(masked, text, anchor.start) or \
                _place_before(masked, text, anchor.start, anchor.end)
            areas = before if before else areas
        if not areas:
            # ``1.化工楼:`` alone on its line, then ``停电时间:3月20日…``: the item's heading
            # is its place.
            heading = _areas_heading(masked, text, anchor.start,
                                     anchors[index - 1].end if index else 0, read)
            areas = heading if heading else areas
        # (``孔浦校区定于2月12日（星期六）全天停电，2月13日（星期日）早上6:30至8:30再次停电…``: a
        # cut again, in the same sentence as the slot before it, is of that slot's places.)
        if not areas and index and anchors[index - 1].areas and \
                _CUT_AGAIN.match(masked, anchor.end) and \
                not re.search(r"[。\n]", masked[anchors[index - 1].end:anchor.start]):
            areas = list(anchors[index - 1].areas)
        # (``骆驼街道盛兴路、…将于2月19日（星期一）8:00至17:00、2月20日（星期二）8:00至12:00停电``:
        # a slot listed after one whose places were said before it has the same places.)
        if not areas and index and anchors[index - 1].areas and anchor.first is not None and \
                re.fullmatch(r"\s*[、,，和及]\s*", masked[anchors[index - 1].end:anchor.start]):
            areas = list(anchors[index - 1].areas)
        # (``我院将于2028年6月15日…停电`` under ``鄞州区姜山镇卫生院``: the institution speaking
        # of itself, named at its head or under its notice.)
        # (``学校将于3月15日8:00—12:00、3月16日13:00—17:00停电``: each slot of the list.)
        first = index
        while not areas and first and re.fullmatch(
                r"\s*[、,，和及]\s*", masked[anchors[first - 1].end:anchors[first].start]):
            first -= 1
        speaker_at = anchors[first].start
        # (Not a slot listed with the next, ``学校将于12月17日…8:00-15:00及12月18日…8:00-12:00停电。
        # 停电范围：…``: the places said after the last are theirs.)
        listed = index + 1 < len(anchors) and re.fullmatch(
            r"\s*[、,，和及]\s*", masked[anchor.end:anchors[index + 1].start])
        # (``本市场（南门菜场）定于…停电``: the speaker naming itself in brackets.)
        own_named = None if areas or listed else _OWN_NAMED.search(
            masked, max(0, speaker_at - 40), speaker_at)
        if own_named:
            areas = [text[own_named.start("a"):own_named.end("a")]]
        if not areas and not listed and _OWN_SPEAKER.search(masked, max(0, speaker_at - 40),
                                                            speaker_at):
            named = _INSTITUTION_LINE.search(masked)
            if named:
                areas = split_areas(text[named.start("a"):named.end("a")])
                read.add(_line_of(masked, named.start("a")))
        # A text message to one customer (``您户号3306****2871（地址：慈溪市古塘街道担山村）因…
        # 检修，计划于…``, ``…对您户号…（地址：…）的停电计划已取消``, ``…所在线路将于…``): the
        # account's address on the message's line is the place, where the message names no
        # other (``停电范围：…`` after it).
        line_at = masked.rfind("\n", 0, anchor.start) + 1
        line_end = masked.find("\n", anchor.end)
        line_end = len(masked) if line_end < 0 else line_end
        address = _ACCOUNT_ADDRESS.search(masked, line_at, line_end)
        # (``您户号3301234567所在区域…`` after a message that gave the same account's address,
        # ``您户号3301234567（地址：宁波市鄞州区东钱湖镇韩岭村下街58号）``: that address.)
        # (Not a change keeping its range, ``原定…调整为…，停电范围不变``: the original's places.)
        same = None if address or areas or re.search(r"原定|范围(?:不变|同上|同前)",
                                                     masked[line_at:line_end]) else \
            re.search(r"户号\s*[:：]?\s*([\d*xX]{6,})", masked[line_at:line_end])
        if same:
            address = next((m for m in _ACCOUNT_ADDRESS.finditer(masked, 0, line_at)
                            if same[1] in masked[m.start():m.end()]), None)
        if address and (not areas or not re.search(r"范围|区域", masked[anchor.end:line_end])):
            group = next(g for g in ("a", "b", "c", "d") if address[g])
            areas = split_areas(text[address.start(group):address.end(group)])
            if not same:
                read.add(_line_of(masked, address.start()))
        # (``我院将于…停电。…同时停电的还有卫生院周边的贤庠镇人民政府、…横里村一带。``: more
        # places of the same cut, said in a later sentence of its scope; only added to places
        # read, never standing for them.)
        also = _ALSO_CUT.search(masked, anchor.end, scope_end) if areas else None
        if also:
            areas = [*areas, *split_areas(text[also.start("a"):also.end("a")])]
            read.add(_line_of(masked, also.start()))
        anchor.areas = areas
        following = anchors[index + 1].start if index + 1 < len(anchors) else len(masked)
        left = _clause_left(masked, text, left, following) if areas and left is not None \
            else None
        # (``丈亭镇：汇头村、渔溪村；三七市镇：石步村。``: another town's places in the same slot,
        # a window of their own.)
        other_town = _TOWN_LIST.fullmatch(fold(left[1])) if left else None
        if other_town:
            said, named = ("a", "t") if other_town["a"] is not None else ("a2", "t2")
            more = split_areas(left[1][other_town.start(said):other_town.end(said)])
            if more:
                town = left[1][other_town.start(named):other_town.end(named)]
                areas = [*areas, town + more[0], *more[1:]]
                anchor.areas = areas
                read.add(_line_of(masked, left[0]))
                left = None
        if left:
            clauses_left.append((_line_of(masked, left[0]), left[1],
                                 CLAUSE_LEFT.format(fragment=f'"{left[1]}"'), left[1]))
        for clause_start, clause_stop in passed if areas else ():
            skipped = _clause_passed(masked, text, clause_start, clause_stop)
            if skipped:
                clauses_left.append((_line_of(masked, skipped[0]), skipped[1],
                                     CLAUSE_PASSED.format(fragment=f'"{skipped[1]}"'),
                                     skipped[1]))
        # ``从今天起到明天…停电。今天主要停电的地段有…。明天停电的地段有…``: a list said of one
        # day of the anchor belongs to that day (a day whose list is not printed has none).
        if len(anchor.days) > 1 and areas is not None:
            said: dict[dt.date, list[str]] = {}
            for m in _DAY_SAID.finditer(masked, anchor.end, scope_end):
                day = reference + dt.timedelta(days=_RELATIVE_DAYS[m[1]])
                if day not in anchor.days or day in said:
                    continue
                label = _LABEL.match(masked, m.start(2))
                said[day] = split_areas(text[label.end():_sentence_end(masked, label.end())]) \
                    if label else []
                if label:
                    read.add(_line_of(masked, label.start()))
            if len(said) >= 2:
                anchor.day_areas = said
        # ``8:20至12:25、13:20至17:20`` then ``上午时段:…停电范围包括…`` / ``下午时段:…停电范围
        # 包括…``: as many labels as slots below, one label a slot, in order.
        # (A later mention of the same day without times, ``预定于4月17日实施停电``, restates it.)
        reach = index + 1
        while reach < len(anchors) and anchors[reach].first is None and \
                set(anchors[reach].days) <= set(anchor.days):
            reach += 1
        slots_end = anchors[reach].start if reach < len(anchors) else len(masked)
        own = [m for m in labels if anchor.end <= m.start() < slots_end]
        # (``停电区域：北仑区春晓街道`` / ``停电范围：三山村、…``: a region heading its range, one
        # list for every slot, not a list a slot.)
        region_range = len(own) == 2 and "区域" in own[0].group() and "范围" in own[1].group() \
            and _line_of(masked, own[1].start()) == _line_of(masked, own[0].start()) + 1
        if anchor.more and len(own) == 1 + len(anchor.more) and not region_range:
            slots = []
            for k, m in enumerate(own):
                stop = own[k + 1].start() if k + 1 < len(own) else slots_end
                slots.append(_areas_after(masked, text, m.start(), stop, [m], list_tables,
                                          lines_f, lines_p, line_start, read) or [])
            if all(slots):
                anchor.slot_areas = slots
    # ``原定3月5日8:00-17:00…的停电,时间变更为14:00—18:00``: re-timed on the same day, a new
    # slot after the cancelled one.
    timer = _Dates(masked, reference)
    for index in range(len(anchors) - 1, -1, -1):
        anchor = anchors[index]
        if not anchor.cancelled:
            continue
        stop = _sentence_end(masked, anchor.end)
        if index + 1 < len(anchors):
            stop = min(stop, anchors[index + 1].start)
        change = _RETIMED.search(masked, anchor.end, stop)
        window = timer._window(change.end(), anchor.days[0]) if change else None
        if window:
            anchors.insert(index + 1, Anchor(change.start(), window[2], list(anchor.days),
                                             window[0], window[1]))
    # An SMS thread: ``您户号…（…东城花园12幢）所在区域计划于6月21日07:30至…停电`` then ``您户号…
    # 所在区域原定于6月21日07:30-16:00的计划停电，…延期至…``: the slot cancelled is the one
    # announced before it, with its places.
    for index, anchor in enumerate(anchors):
        if anchor.cancelled and not anchor.areas and anchor.first:
            announced = next((a for a in reversed(anchors[:index]) if not a.cancelled
                              and a.areas and a.first == anchor.first and a.last == anchor.last
                              and set(a.days) & set(anchor.days)), None)
            if announced is not None:
                anchor.areas = announced.areas
    # ``原定3月5日…白米湾村的停电，调整为3月7日…``: the new slot has the original's places.
    for index in range(1, len(anchors)):
        anchor = anchors[index]
        changed = re.search(rf"(?:{_CHANGED_TO_WORDS}|提前(?:为|到|至))\s*[:：]?\s*$",
                            masked[max(0, anchor.start - 7):anchor.start]) or \
            re.match(r"变更|调整|更改|改", masked[anchor.start:anchor.start + 2])  # re-timed
        if not anchor.areas and anchors[index - 1].cancelled and changed:
            anchor.areas = anchors[index - 1].areas
            # (``…现调整为2月24日（星期六）7:30—12:00及2月25日（星期日）7:30—12:00两次进行。``: each
            # new slot listed has the original's places, never the next item's.)
            later = index + 1
            while later < len(anchors) and not anchors[later].cancelled and re.fullmatch(
                    r"\s*[、和及]\s*", masked[anchors[later - 1].end:anchors[later].start]):
                anchors[later].areas = anchor.areas
                later += 1
        # ``…延期至10月15日（星期四）同一时段进行``: the original slot's time on the new day.
        if changed and anchors[index - 1].cancelled and anchor.first is None and (
                SAME_SLOT.match(masked, anchor.end) or _SAME_TIME.search(
                    masked, anchor.end, _sentence_end(masked, anchor.end))):
            anchor.first, anchor.last = anchors[index - 1].first, anchors[index - 1].last
    # Share areas backward on a line (or a run of anchors before one label), not across the
    # end of a sentence of the same line (``…8时至20时停用…电源。…将于4月15日…``).
    # ``…1月20日、1月21日两天，每天上午7:00至下午5:00对下列区域停电：`` / ``1月20日：旭拱岙村、
    # …；`` / ``1月21日：葛岙村、…。``: a line a day under a slot of several days, each day's list
    # its own.
    for index, anchor in enumerate(anchors):
        if len(anchor.days) < 2 or anchor.first is None or anchor.areas is not None:
            continue
        said = {}
        for below in anchors[index + 1:]:
            if below.first is not None or len(below.days) != 1 \
                    or below.days[0] not in anchor.days or not below.areas:
                break
            said.setdefault(below.days[0], below.areas)
        if len(said) >= 2:
            anchor.day_areas = said
            anchor.areas = said[min(said)]
    def labelled_block(anchor: Anchor) -> bool:
        """Whether the anchor's record (its lines between blank lines) names its places."""
        start = max(masked.rfind("\n\n", 0, anchor.start), 0)
        gap = re.compile(r"\n[^\S\n]*\n").search(masked, anchor.end)
        return any(start <= m.start() < (gap.start() if gap else len(masked)) for m in labels)

    for index in range(len(anchors) - 2, -1, -1):
        between = masked[anchors[index].end:anchors[index + 1].start]
        # A schedule of slots with only punctuation between them (``3/27(五)18:00至20:00。
        # 3/28(六)8:00~17:00。``) is one list, its sentence ends notwithstanding.
        schedule = not re.search(r"[\w\u3400-\u9fff]", between)
        # (Or no places where only ``停电，`` stands between: ``二十日…至下午五点停电，二十一日…
        # 停电。停电范围：…``.)
        # (Or only a joiner: ``…8:00-15:00及12月18日（星期日）8:00-12:00停电。停电范围：…``.)
        empty = anchors[index].areas == [] and re.fullmatch(r"\s*(?:停电\s*[,，;；]|[、和及])\s*",
                                                            between)
        if (anchors[index].areas is None and anchors[index + 1].areas is not None
                or empty and anchors[index + 1].areas) and \
                not anchors[index].cancelled and not anchors[index].round and \
                not _KEYCAP_HEADING.search(masked, anchors[index].end, anchors[index + 1].start) \
                and not (labelled_block(anchors[index + 1])
                         and re.search(r"\n[^\S\n]*\n", between)) \
                and (schedule or not ("。" in between and "\n" not in between)):
            anchors[index].areas = anchors[index + 1].areas
    for index, anchor in enumerate(anchors):
        # (A record its status calls off, ``停电区域：鹿亭乡中村村、白鹿村`` / ``停电时间：…`` /
        # ``信息状态：已取消``, has its places above its time as the others do.)
        if anchor.areas is None and (not anchor.cancelled or anchor.status_off) \
                and not anchor.round:
            scope_start = anchors[index - 1].end if index else 0
            before = [m for m in labels if scope_start <= m.start() < anchor.start]
            if before:
                m = before[-1]
                end = _sentence_end(masked, m.end())
                clause = re.split(r"[,，](?=停电时间|时间)", text[m.end():end])[0]
                anchor.areas = split_areas(clause)
                read.add(_line_of(masked, m.start()))
    # ``原定…对凤山街道部分区域的计划停电，…延期至…`` / ``涉及区域：…``: the slot moved had the
    # places its new slot lists, where it named only "part of" its town.
    # (``原定…对10kV鹤浦线进行的停电检修，…延期至…。停电范围不变：…``: no places of its own.)
    for before, anchor in zip(anchors, anchors[1:], strict=False):
        if before.cancelled and anchor.areas and not anchor.cancelled \
                and all(re.fullmatch(r"(?:\S{2,6}(?:街道|镇|乡))?部分(?:区域|地区|用户)", fold(a))
                        for a in before.areas or []):
            before.areas = anchor.areas
    # (A card's new slot, then what it was below it, ``说明：原停电时间2034-11-20 07:30 ~ …，现
    # 变更为上述时间``: the slot it was had the card's places.)
    for new, anchor in zip(anchors, anchors[1:], strict=False):
        if anchor.cancelled and not anchor.areas and new.areas and not new.cancelled \
                and _ORIGINAL_LABEL.search(masked, masked.rfind("\n", 0, anchor.start) + 1,
                                           anchor.start) \
                and not re.search(r"\n[^\S\n]*\n", masked[new.end:anchor.start]):
            anchor.areas = new.areas
    # The district a whole notice is about, named in its title or lead
    # (``长乐这些地方将停电``, ``哈市松北部分区域停电``, ``14日大竹县30多个乡镇将停电``).
    named = next((m for m in _NOTICE_DISTRICT.finditer(masked) if county(m[m.lastindex])), None)
    notice_district = text[named.start(named.lastindex):named.end(named.lastindex)] \
        if named else None
    # Addressed to a place (``西太湖校区各学院、部门、直属单位:``): the area of a window that
    # names none.
    addressee = re.search(
        r"^\s*([^\s,，、:：]{2,12}?(?:校区|小区|社区|园区|街道|村))各[^\n]{0,20}[:：]\s*$",
        masked, re.M) or re.search(
        # ``尊敬的宏源公寓业主:``: the estate a salutation names.
        r"(?:^|[:：])\s*(?:尊敬的|亲爱的)\s*([^\s,，、:：]{2,12}?(?:校区|小区|社区|园区|公寓|花园"
        r"|家园|新村|苑|村))(?:的)?(?:全体|各位)?(?:业主|住户|居民|用户)们?\s*[:：]",
        masked, re.M) or re.search(  # a listing record's own field: ``communityName：宏源公寓``
        r"^\s*(?:communityName|community_name|小区名称|小区)\s*[:：]\s*([^\s,，、:：]{2,20})\s*$",
        masked, re.M | re.I)
    cancelled: list[tuple[dict, int]] = [(w, line) for w, line in windows
                                         if w.pop("_cancelled", False)]
    windows = [(w, line) for w, line in windows if (w, line) not in cancelled]
    warnings: list[tuple[int, str, str]] = []
    decoys: list[int] = []
    for index, anchor in enumerate(anchors):
        # ``关于…9:00至…8:00…的停水通知``: a water (or gas) outage beside the power one is a
        # decoy.
        sentence = masked[masked.rfind("\n", 0, anchor.start) + 1:_sentence_end(masked, anchor.end)]
        if re.search(r"停水|供水|停气|供气", sentence) and \
                not re.search(r"停电|断电|供电", sentence):
            decoys.append(_line_of(masked, anchor.start))
            fragment = " ".join(text[anchor.start:anchor.end].split())
            warnings.append((decoys[-1], fragment, WATER_DECOY.format(fragment=f'"{fragment}"')))
            continue
        # ``主电源谢师线、谢矿线将分别于…07:00~23:00停电``: a supply line is the subject and no
        # place is named: the school runs on its other line, nothing is cut.
        if anchor.areas == [] and _SUPPLY_SUBJECT.search(
                masked[max(masked.rfind("。", 0, anchor.start),
                           masked.rfind("\n", 0, anchor.start)) + 1:anchor.start]):
            fragment = " ".join(text[anchor.start:anchor.end].split())
            warnings.append((_line_of(masked, anchor.start), fragment,
                             SUPPLY_LINE.format(fragment=f'"{fragment}"')))
            continue
        # Every line the date and time span (``8月16日（周五）`` above ``08:30-16:30 …``).
        read.update(range(_line_of(masked, anchor.start), _line_of(masked, anchor.end) + 1))
        # (``本小区定于6月5日…停电``: the estate speaks of itself, so its name is the place.)
        if addressee and (anchor.areas is None or anchor.areas == [] and not anchor.round
                          and not anchor.districts and re.search(
                              r"(?:本|我)(?:小区|社区|公寓|楼|苑|园区)\S{0,4}$",
                              masked[max(0, anchor.start - 12):anchor.start])):
            anchor.areas = [text[addressee.start(1):addressee.end(1)]]
            read.add(_line_of(masked, addressee.start()))
        # (``注：第2项原定12月16日（星期五）08:30-15:30停电，…调整至12月17日实施。`` under a
        # numbered table: the slot called off had row 2's places.)
        said_row = _ROW_MOVED.search(masked, masked.rfind("\n", 0, anchor.start) + 1,
                                     anchor.start) if anchor.cancelled and not anchor.areas \
            else None
        row = said_row and next((w for w, line in windows if (number := _ROW_NUMBER.match(
            lines_f[line - 1])) and int(number[1]) == int(said_row[1])), None)
        if row and row["areas"]:
            anchor.areas = [(row.get("town") or "") + row["areas"][0], *row["areas"][1:]]
        if anchor.areas is None and anchor.cancelled:
            anchor.areas = []  # a cancelled slot that names no place: the editor matches it
        # (``原定…的停电改期至10月22日（周五），时间不变…，范围不变``: the new slot of one called
        # off, its places said to stand: filled from the slot called off, below.)
        if anchor.areas is None and index and anchors[index - 1].cancelled and \
                _UNCHANGED_SAID.search(masked, anchor.end, _sentence_end(masked, anchor.end)):
            anchor.areas = []
        if anchor.areas is None:
            fragment = " ".join(text[anchor.start:anchor.end].split())
            # (A slot with its times whose places were not found is a window lost: the
            # editor is asked, the notice is not written as read.)
            message = (_line_of(masked, anchor.start), fragment,
                       NO_AREAS.format(fragment=f'"{fragment}"'))
            if anchor.first is not None:
                clauses_left.append((*message, fragment))
            else:
                warnings.append(message)
            continue
        if anchor.districts:
            for day in anchor.days:
                for district in anchor.districts:
                    windows.append((_window(day, anchor.first, anchor.last, [], district, None),
                                    _line_of(masked, anchor.start)))
            continue
        per_slot = anchor.slot_areas or [anchor.areas] * (1 + len(anchor.more))
        # ``6月17日8:30至16:30 (改期自5月27日)``: the slot moved from that day, which is
        # cancelled for the same places (its hours are not printed).
        scope_end = anchors[index + 1].start if index + 1 < len(anchors) else len(masked)
        moved = None if anchor.cancelled else _moved_from(masked, anchor.end, scope_end,
                                                          reference)
        # (A listing's card headed ``计划停电｜招宝山街道``: the card's town, where its places
        # name none; the town printed again among them is dropped.)
        card_span = _card_town(masked, anchor.start)
        card_town = text[card_span[0]:card_span[1]] if card_span else None
        # The district heading above the anchor's time, else the notice's; (or the town heading
        # above it, below the last district heading).
        at_line = _line_of(masked, anchor.end)
        above = [n for n in headings if n < at_line]
        district_here = headings[above[-1]] if above else notice_district
        town_above = [n for n in town_headings if n < at_line]
        if not card_town and town_above and (not above or above[-1] < town_above[-1]):
            card_town = town_headings[town_above[-1]]
        for day, slot, first, last in anchor.day_slots():
            slot_areas = per_slot[slot]
            if anchor.day_areas:
                slot_areas = anchor.day_areas.get(day, slot_areas)
            places, works = _places_and_works(slot_areas)
            groups = [(district_here, None, group) for group in anchor.groups] \
                if anchor.groups else _district_groups(places, district_here)
            if card_town and len(groups) == 1 and groups[0][1] is None:
                groups = [(groups[0][0], card_town,
                           [_without_town(a, card_town) for a in groups[0][2]
                            if fold(a) != fold(card_town)])]
            # (The bracket saying so, ``（原定9月20日，因天气原因调整）``, is the window's note.)
            said = moved and re.search(r"[(（][^()（）]{0,40}$",
                                       masked[max(0, moved[1] - 40):moved[1]])
            close = said and re.compile(r"[)）]").search(masked, moved[1])
            moved_note = text[moved[1] - len(said.group()):close.end()].strip("()（）") \
                if said and close and "\n" not in masked[moved[1]:close.end()] else None
            for district, town, areas in groups:
                window = _window(day, first, last, areas, district, town)
                if works or moved_note:
                    window["note"] = "；".join([*works, *([moved_note] if moved_note else [])])
                (cancelled if anchor.cancelled else windows).append((window,
                                                                      _line_of(masked,
                                                                               anchor.start)))
                earlier = moved and _window(moved[0], None, None, areas, district, town)
                if earlier and all(earlier != c for c, _ in cancelled):
                    cancelled.append((earlier, _line_of(masked, moved[1])))
    # ``全校停电`` in a school's letter (``我校（新碶街道星阳小学）``): the school, by its name.
    school = _OWN_SCHOOL.search(masked)
    for window, _ in [*windows, *cancelled] if school else ():
        window["areas"] = [text[school.start("a"):school.end("a")] if fold(a) == "全校" else a
                           for a in window["areas"]]
    # ``调整说明：原定2月24日定塘镇停电（8:30-15:30）调整至2月28日…同一时段进行`` under a table
    # whose row of that day and time is 定塘镇's: the slot called off, and its new one, have
    # that row's places (the note names only the town).
    for off, off_line in cancelled:
        town = off["areas"][0] if len(off["areas"]) == 1 and not off["town"] else None
        row = town and _TOWN_ALONE.fullmatch(fold(town)) and next(
            (w for w, _ in windows if w["town"] == town and w["date"] == off["date"]
             and w["start"] == off["start"] and w["areas"]), None)
        if not row:
            continue
        moved = [w for w, line in windows if line == off_line and w["areas"] == [town]]
        for window in [off, *moved]:
            window.update(town=town, areas=list(row["areas"]),
                          district=window["district"] or row["district"])
    # ``对本小区1-12幢停电`` signed ``鄞州区明楼街道和美城物业服务中心``: the estate the
    # property office is named for is 本小区, its district and town the window's.
    estate = _ESTATE_SIGNATURE.search(masked)
    if estate:
        prefix = _PLACE_PREFIX.match(estate["a"])
        name_at = estate.start("a") + (prefix.end() if prefix else 0)
        name = text[name_at:estate.end("a")]
        district = prefix and prefix["d"] and county(prefix["d"]) and \
            text[estate.start("a") + prefix.start("d"):estate.start("a") + prefix.end("d")]
        town = prefix and prefix["t"] and \
            text[estate.start("a") + prefix.start("t"):estate.start("a") + prefix.end("t")]
        for window, _ in [*windows, *cancelled]:
            own = [a for a in window["areas"] if re.match(r"(?:本|我)(?:小区|苑|园区)", fold(a))]
            # (``江湾花园1—9幢…`` signed ``宁波市江北区江湾花园物业服务中心``: the estate's own
            # buildings, in the district the office names.)
            if not own and district and not window["district"] and not window["town"] and \
                    len(name) >= 2 and any(fold(a).startswith(fold(name)) for a in window["areas"]):
                window["district"] = district
            if not own or len(name) < 2:
                continue
            window["areas"] = [re.sub(r"^(?:本|我)(?:小区|苑|园区)", name, a) if a in own else a
                               for a in window["areas"]]
            window["district"] = window["district"] or district or None
            window["town"] = window["town"] or town or None
    def own_places(window: dict, line: int, village: str) -> None:
        """A committee's own places said as its own (see ``_own_village``); and where a
        window names none, ``本村定于5月16日…停电`` on its line: the village itself (so too a
        slot it calls off naming none, ``原定12月12日（星期二）的停电已取消``)."""
        window["areas"] = _own_village(window["areas"], village)
        if not window["areas"] and re.fullmatch(r"\S{1,6}(?:村|社区)", village) and \
                0 < line <= len(lines_f) and (re.search(
                    r"(?:本|我|全)(?:村|社区)(?:将|定|拟|于|计划|\s)", lines_f[line - 1])
                    or any(window is gone for gone, _ in cancelled)):
            window["areas"] = [village]

    # ``我村溪里方自然村、…`` signed ``象山县墙头镇溪里方村村民委员会``: a village's (or a
    # community's) committee speaking of its own places, in the district and town it names.
    committee = _COMMITTEE_SIGNATURE.search(masked)
    prefix = committee and _PLACE_PREFIX.match(committee["a"])
    if prefix and prefix["d"] and county(prefix["d"]):
        at = committee.start("a")
        district = text[at + prefix.start("d"):at + prefix.end("d")]
        town = prefix["t"] and text[at + prefix.start("t"):at + prefix.end("t")]
        # (``届时全村停电``: the whole village, the one the committee is of.)
        village = text[at + prefix.end():committee.end("a")]
        for window, line in [*windows, *cancelled]:
            own_places(window, line, village)
            if not window["district"] and not window["town"]:
                window["district"], window["town"] = district, town or None
    # (``——西门街道翠柏社区居委会``: a committee naming its town only; the town's district is
    # the one the site declares for it.)
    # (``小白村村民委员会``, naming neither: its own places only, ``全村停电`` its village.)
    elif committee:
        at = committee.start("a")
        village = text[at + (prefix.end() if prefix else 0):committee.end("a")]
        town = prefix and prefix["t"] and not prefix["d"] and \
            text[at + prefix.start("t"):at + prefix.end("t")]
        for window, line in [*windows, *cancelled]:
            own_places(window, line, village)
            if town and not window["district"] and not window["town"]:
                window["town"] = town
    # A residents' notice signed below its windows by an office whose name or address names
    # its district (``宁波市鄞州区首南街道锦澜府物业服务中心``, ``地址：北仑区新碶街道…``): the
    # district of windows that name neither a district nor a town. (Not a utility's address:
    # the city's company serves every district.)
    last_line = max((line for _, line in [*windows, *cancelled]), default=0)
    at = sum(len(line) + 1 for line in lines_f[:last_line])  # the next line's first offset
    tail = masked[at:]
    signed = None if notice_district or _CITY_UTILITY.search(tail) else next(
        (m for m in _SIGN_OFF.finditer(tail) if county(m["d"])
         # (a town's government signs for its town: its title names it, read by the caller)
         and not re.search(r"人民政府|办事处|政府", tail[m.start():].split("\n", 1)[0])),
        None)
    def place_unplaced(district: str, town: str | None = None) -> None:
        """The district (and town) of the windows that name neither a district nor a town."""
        for window, _ in [*windows, *cancelled]:
            if not window["district"] and not window["town"]:
                window["district"], window["town"] = district, town

    def printed_at(start: int, end: int) -> tuple[str, str | None]:
        """The district printed at text[start:end] and the town printed right after it
        (``鄞州区云龙镇甬临线2666号``), if any."""
        prefix = _PLACE_PREFIX.match(masked[start:start + 32])
        town = prefix and prefix["d"] and prefix["t"] and \
            text[start + prefix.start("t"):start + prefix.end("t")]
        return text[start:end], town or None

    if signed:
        place_unplaced(*printed_at(at + signed.start("d"), at + signed.end("d")))
    # (``本小区（江北区人民路588号 江花苑）将于…``: the speaker's own address in brackets.)
    own = None if notice_district or signed else next(
        (m for m in _OWN_ADDRESS.finditer(masked) if county(m["d"])), None)
    if own:
        place_unplaced(*printed_at(own.start("d"), own.end("d")))
    # (``沿街商铺（海曙区望春桥路255—279号）``: a place's own address in brackets, where no
    # window names a district or a town.)
    if not notice_district and not signed and not own and not any(
            w["district"] or w["town"] for w, _ in [*windows, *cancelled]):
        said = {m["d"] for w, _ in windows for a in w["areas"]
                for m in _BRACKET_DISTRICT.finditer(fold(a)) if county(m["d"])}
        if len(said) == 1:
            place_unplaced(next(iter(said)))
    # (A table's rows naming no district: the one the notice's title or lead names.)
    for window, _ in [*windows, *cancelled]:
        if notice_district and not window.get("district"):
            window["district"] = notice_district
    unique: list[dict] = []
    unique_lines: list[int] = []
    # A day printed alone where the notice also gives that day with times (``拟定于8月20日…
    # 停电`` above a table of 8月20日's slots) is the summary of those windows, not one more.
    timed = {window["date"] for window, _ in windows if window["start"] is not None}
    timed_places = {fold(area) for window, _ in windows if window["start"] is not None
                    for area in window["areas"]}
    # (Not a table's row of a whole day, ``4月28日 | 全天 | … | 坎墩三村…``: a window of its own.)
    # (Nor a day's whole-day slot beside its timed ones, ``⏰ 全天`` / ``📍 瞻岐镇：合一村、东一村``
    # then ``⏰ 22:00-次日03:00`` / ``📍 …``: places none of the timed windows has.)
    # (Or said on its own line: ``2. 11月19日（星期五）全天`` / ``停电范围：…``,
    # ``停电时间：2029年7月27日 全天``, ``…1月27日（星期六）港城实验学校本部及学生宿舍楼全天停电，
    # 1月28日…8:00-12:00…``.)
    def own_whole_day(window: dict, line: int) -> bool:
        return bool(window["areas"]) and not any(fold(a) in timed_places
                                                 for a in window["areas"]) \
            and (line < len(lines_f) and _WHOLE_DAY_OWN_LINE.fullmatch(lines_f[line]) is not None
                 or 0 < line <= len(lines_f)
                 and re.search(r"全天|全日|整天", lines_f[line - 1]) is not None
                 # (not a utility's lines cut all day, ``对新林一专线、新林三专线全天停电``)
                 and not any(re.search(r"线|全天|全日|整天", fold(a)) for a in window["areas"]))

    for window, line in windows:
        if window["start"] is None and window["date"] in timed and line - 1 not in table_lines \
                and not own_whole_day(window, line):
            continue
        if window not in unique:
            unique.append(window)
            unique_lines.append(line)
    # A start printed alone (``自晚间20时50分起``) gives way to the same start with its end.
    ended = {(w["date"], w["start"], w["district"]) for w in unique if w["end"] is not None}
    keep = [w["end"] is not None or w["start"] is None
            or (w["date"], w["start"], w["district"]) not in ended for w in unique]
    unique, unique_lines = _kept(unique, unique_lines, keep)
    # A slot restated vaguely (``届时学校将有部分区域停电``) gives way to the same slot's list.
    # (Not a named place's part: ``茅山村部分用户``, a listing's row of its own.)
    def vague(window: dict) -> bool:
        return len(window["areas"]) == 1 and not window.get("town") and bool(re.search(
            r"部分(?:区域|地区|用户)$", _PINYIN.sub("", fold(window["areas"][0])))) and not \
            re.search(r"(?:村|社区|小区|路|街|镇|乡|公司|厂)部分(?:区域|地区|用户)$",
                      _PINYIN.sub("", fold(window["areas"][0])))
    slots = {(w["date"], w["start"], w["end"], w["district"]) for w in unique if not vague(w)}
    keep = [not (vague(w) and (w["date"], w["start"], w["end"], w["district"]) in slots)
            for w in unique]
    unique, unique_lines = _kept(unique, unique_lines, keep)
    # A paragraph or record about an outage already over (``故障停电`` … ``状态：已送电``,
    # ``…发生故障，经抢修已于当日14时30分恢复送电``) gives no window: kept in the body; so does
    # a table's row of one (``1	故障停电	明楼街道明北社区	…	已送电``).
    past = _past_paragraphs(lines_f)
    # (Or a row aligned with spaces: ``故障停电  白峰街道阳东村  …  已送电``, ``临时停电  …
    # 已结束``.)
    # (Or a row apart by bars: ``4 | 北仑 | 小港街道：… | 2035-03-06 14:05—… | 故障停电 | 已送电``.)
    def row_over(said: str) -> bool:
        cells = re.split(r"\t|\s{2,}|\s*\|\s*", said.strip())
        # (A status cell of its own says it whatever the kind: ``计划停电 | 已送电``.)
        return (PAST_WORDS.search(said) is not None or "已结束" in cells) and \
            not PLANNED_WORDS.search(said) or bool({"已送电", "已结束", "已完成"} & set(cells))
    past.update({line: line for line in unique_lines if line not in past
                 and ("\t" in lines_f[line - 1] or lines_f[line - 1].count("|") >= 3
                      or len(re.split(r"\s{2,}", lines_f[line - 1].strip())) >= 3)
                 and row_over(lines_f[line - 1])})
    if past:
        keep = [line not in past for line in unique_lines]
        for line, k in zip(unique_lines, keep, strict=True):
            if not k and past[line] not in decoys:
                first = past[line]
                decoys.append(first)
                warnings.append((first, lines_p[first - 1].strip(), PAST_OUTAGE.format(
                    fragment=f'"{lines_p[first - 1].strip()[:40]}"')))
        unique, unique_lines = _kept(unique, unique_lines, keep)
        read -= set(past)
    problems = list(clauses_left)
    for m in re.finditer(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]", masked):
        try:
            dt.date(2000, int(m[1]), int(m[2]))  # a leap year: 2月29日 is a day
        except ValueError:
            number = _line_of(masked, m.start())
            fragment = text[m.start():m.end()]
            problems.append((number, fragment, NOT_A_DATE.format(fragment=f'"{fragment}"')))
    for number, line in enumerate(lines_f, 1):  # a listing's footer: 共5条记录 第1页/共1页
        if _FOOTER.fullmatch(line):
            read.add(number)
    def stands(areas: list[str]) -> bool:
        """No places of its own, or only ``范围不变`` and the like: the earlier slot's stand."""
        return all(_UNCHANGED.fullmatch(fold(a)) for a in areas)

    def take_places(window: dict, source: dict) -> None:
        window.update(areas=list(source["areas"]), town=source["town"],
                      district=source["district"] or window["district"])

    def call_off(window: dict) -> None:
        at = unique.index(window)
        cancelled.append((window, unique_lines[at]))
        del unique[at], unique_lines[at]

    # A later message re-timing a day's slot (``更正：…8月26日停电时间调整为8:00至12:00，范围
    #不变``): the earlier window of that day is called off, the new slot has its places.
    # (Or saying it again after a correction in words: ``@所有人 再说一遍：3月28日 8:30—17:00
    # 停电。``)
    for window, line in list(zip(unique, unique_lines, strict=True)):
        if not stands(window["areas"]):
            continue
        said = lines_f[line - 1]
        if not re.search(r"(?:时间|时段)?" + _CHANGED_TO_WORDS + r"|再说一遍|再强调一[遍下次]"
                         r"|以此为准", said):
            continue
        earlier = next((w for w, n in zip(unique, unique_lines, strict=True)
                        if n < line and w["date"] == window["date"] and w["areas"]
                        and (w["start"], w["end"]) != (window["start"], window["end"])), None)
        if earlier is None:
            continue
        take_places(window, earlier)
        call_off(earlier)
    # (``另外虞波花园13-16幢…停电`` after ``浒山街道虞波花园1-12幢…``: more buildings of an estate
    # the notice placed in a town are in that town.)
    def estate(area: str) -> str:
        name = re.match(r"[^\d\s()（）]{2,}?(?:花园|小区|苑|府|公寓|家园|新村|大厦)", fold(area))
        return name[0] if name else ""
    # (``另外17-20幢…也要停`` after ``兰江街道谢家塘小区9-16幢…``: buildings by number alone are
    # the estate's the notice placed, where it names one estate.)
    estates = {estate(a) for w in unique if w["town"] or w["district"] for a in w["areas"]} - {""}
    for window in unique:
        if window["town"] or window["district"] or not window["areas"]:
            continue
        name = estate(window["areas"][0])
        if len(estates) == 1 and all(
                re.fullmatch(r"\d{1,3}(?:\s*[-—至、]\s*\d{1,3})*(?:幢|栋|号楼)", fold(a))
                for a in window["areas"]):
            name = next(iter(estates))
        placed = next((w for w in unique if (w["town"] or w["district"]) and name
                       and any(estate(a) == name for a in w["areas"])), None)
        if placed is not None:
            window.update(town=placed["town"], district=placed["district"])
    # A thread's later message moving a slot it names by its day alone (``原定明天（10月15日）的停电
    # 改期至10月22日（周五），时间不变…，范围不变``): the slot called off is the earlier window of
    # that day, and the new one keeps its times and places where it says they stand.
    for c_index, (gone, gone_line) in enumerate(cancelled):
        earlier = next((w for w, line in zip(unique, unique_lines, strict=True)
                        if line < gone_line and w["date"] == gone["date"] and w["areas"]
                        and (gone["start"] is None or w["start"] == gone["start"])), None)
        # (Or where it was given the new slot's places: ``原定于09月23日的停电计划已调整，新的停电
        # 时间为2034年09月24日07:00至11:30，停电区域：…`` after a message announcing 09月23日
        # 07:00至15:30 for an address.)
        # (Not its own, printed before the new slot's time: ``原定4月18日停电的横山村、沙堰村，
        # 调整至4月20日（星期四）8:00至17:00``.)
        said = lines_f[gone_line - 1]
        clock = re.search(r"\d{1,2}\s*[:：]\s*\d{2}", said)
        own = bool(gone["areas"]) and clock is not None and all(
            0 <= said.find(fold(a)) < clock.start() for a in gone["areas"])
        copied = not own and any(w["areas"] == gone["areas"]
                                 for w, line in zip(unique, unique_lines, strict=True)
                                 if line == gone_line and w is not earlier)
        # (Not a table's row moved, ``5月19日 … 定塘镇 金星村、大塘村 原定5月16日，延期``: the
        # row's own places, printed once for both.)
        if earlier is None or not (stands(gone["areas"]) or gone["start"] is None and copied) \
                or gone_line - 1 in table_lines:
            continue
        for window, line in zip(unique, unique_lines, strict=True):
            if line == gone_line and window is not earlier and stands(window["areas"]):
                take_places(window, earlier)
                if window["start"] is None:
                    window.update(start=earlier["start"], end=earlier["end"])
        cancelled[c_index] = ({**gone, "areas": list(earlier["areas"]), "town": earlier["town"],
                               "district": earlier["district"] or gone["district"],
                               "start": earlier["start"], "end": earlier["end"]}, gone_line)
    # Slots a change moves, called off by the rows or records below it (``_moved_slots``).
    cancelled = _moved_slots(cancelled, unique, unique_lines, table_lines, lines_f)
    # A thread's later message moving a slot said earlier by its day alone (``原定22号上午的停电改到
    # 11月24日…``): the earlier window of that day (and half-day) is the slot called off.
    for moved in _DAY_MOVED.finditer(masked):
        at_line = _line_of(masked, moved.start())
        half = moved["half"]
        for window, line in list(zip(unique, unique_lines, strict=True)):
            start = window["start"]
            if line < at_line and window["date"].day == int(moved["day"]) and window["areas"] \
                    and not (half and start and (int(start[:2]) < 12) != (half == "上午")):
                call_off(window)
                for new, new_line in zip(unique, unique_lines, strict=True):
                    if new_line == at_line and stands(new["areas"]):
                        take_places(new, window)
    # (Or by its places: ``供电公司通知桃渡新村7-15幢停电推迟到11月25日（周六）同一时间``: the
    # earlier window of exactly those places moves to that day, its times kept.)
    def move(window: dict, month: int, day: int, at_line: int) -> bool:
        """Call ``window`` off and give its slot again on ``month``/``day``, said on ``at_line``:
        whether that day is one after it."""
        new_day = _year_for(month, day, None, window["date"])
        if new_day is None or new_day <= window["date"]:
            return False
        call_off(window)
        unique.append({**window, "areas": list(window["areas"]), "date": new_day})
        unique_lines.append(at_line)
        read.add(at_line)
        return True

    for moved in _PLACES_MOVED.finditer(masked):
        at_line = _line_of(masked, moved.start("a"))
        places = [fold(a) for a in split_areas(text[moved.start("a"):moved.end("a")])]
        for window, line in list(zip(unique, unique_lines, strict=True)):
            if line < at_line and [fold(a) for a in window["areas"]] == places \
                    and move(window, int(moved["m"]), int(moved["d"]), at_line):
                break
    for moved in (m for pattern in (_DAY_MOVED_SAME_TIME, _DAY_MOVED_TIME_KEPT, _DAY_PUT_RIGHT)
                  for m in pattern.finditer(masked)):
        at_line = _line_of(masked, moved.start())
        earlier = [w for w, line in zip(unique, unique_lines, strict=True)
                   if line < at_line and w["date"].day == int(moved["day"]) and w["areas"]]
        for window in earlier:
            move(window, int(moved["m"] or window["date"].month), int(moved["d"]), at_line)
    # A thread's later message calling off a slot said earlier by its day alone (``22号的停电取消
    # 了，改期另行通知``, ``28号不停了``): the earlier windows of that day.
    for off in _DAY_CALLED_OFF.finditer(masked):
        at_line = _line_of(masked, off.start())
        morning = off["half"] in ("上午", "早上", "凌晨")
        for window, line in list(zip(unique, unique_lines, strict=True)):
            start = window["start"]
            if line < at_line and window["date"].day == int(off["day"]) and window["areas"] \
                    and not (off["half"] and start and (int(start[:2]) < 12) != morning):
                call_off(window)
    # An SMS thread (``计划于4月16日08:00-17:00对…停电`` then ``原定于4月16日08:00-17:00在…的
    # 计划停电已取消``): a slot the notice cancels later, for the same places, is no window.
    # (``原定于…9月10日至9月12日每天7:30—17:30…的计划停电，…9月12日的停电取消…；9月10日、9月11日的
    # 停电安排不变。``: the days said to stand are windows, not slots called off.)
    for stand in _DAYS_STAND.finditer(masked):
        at_line = _line_of(masked, stand.start())
        days = {int(d) for d in re.findall(r"(\d{1,2})\s*日", stand["days"])}
        for window, line in list(cancelled):
            if line <= at_line and window["date"].day in days and window["areas"]:
                cancelled.remove((window, line))
                unique.append(window)
                unique_lines.append(line)
    # (Or an address inside one of them: ``您户号…（奉化区西坞街道白杜村南街123号）`` then
    # ``原定3月15日08:00-17:00西坞街道白杜村、蒋家池头村…的停电计划取消``.)
    def within(area: str, places: list[str]) -> bool:
        return any(fold(area).startswith(fold(place)) for place in places)

    keep = [not any(c["date"] == w["date"] and c["start"] == w["start"] and c["end"] == w["end"]
                    and w["areas"] and all(within(a, c["areas"]) for a in w["areas"])
                    for c, _ in cancelled)
            for w in unique]
    for window, line, k in zip(unique, unique_lines, keep, strict=True):
        if not k:
            fragment = "、".join(window["areas"])
            warnings.append((line, fragment, CANCELLED_LATER.format(
                day=window["date"].isoformat(), fragment=f'"{fragment}"')))
    unique, unique_lines = _kept(unique, unique_lines, keep)
    # (``原定于8月12日至8月13日实施的计划停电作如下调整：`` over a table of the changes: the
    # lead's days, no places or times of their own, are the slots the table calls off; the
    # lead is kept in the body.)
    placed_off = {w["date"] for w, _ in cancelled if w["areas"]}
    bare: dict[int, list[dict]] = {}
    for window, line in cancelled:
        if not window["areas"] and window["start"] is None:
            bare.setdefault(line, []).append(window)
    lead = [(w, line) for line, group in bare.items()
            if any(w["date"] in placed_off for w in group)
            and (len(group) >= 2 or re.search(r"如下|以下", lines_f[line - 1])) for w in group]
    for window, line in lead:
        cancelled.remove((window, line))
        if not any(n == line for _, n in cancelled) and line not in unique_lines:
            read.discard(line)
    # (``原定1月8日招宝山街道的计划停电工作延期至1月15日实施，停电时间不变`` over a table whose
    # 1月15日 row is 招宝山街道's: the slot called off has that row's time and places.)
    for window, line in cancelled:
        said = lines_f[line - 1]
        moved = re.search(_CHANGED_TO_WORDS + r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", said)
        if window["start"] is not None or not moved or \
                not re.search(r"(?:停电)?(?:时间|时段)(?:不变|照旧)|同一时[段间]", said):
            continue
        town = window["areas"][0] if len(window["areas"]) == 1 else None
        same = [w for w in unique if (w["date"].month, w["date"].day) == (int(moved[1]),
                                                                          int(moved[2]))
                and (w["areas"] == window["areas"] or town and w.get("town") == town)]
        if len(same) == 1:
            window.update(start=same[0]["start"], end=same[0]["end"],
                          district=window["district"] or same[0]["district"])
            if town and same[0].get("town") == town:
                window.update(town=town, areas=list(same[0]["areas"]))
    # (``14日（周二）7:00—15:00：同上``: the places of the window before, in its town.)
    for before, window in zip(unique, unique[1:], strict=False):
        if len(window["areas"]) == 1 and _SAME_PLACES.fullmatch(fold(window["areas"][0])):
            window["areas"] = list(before["areas"])
            for key in ("district", "town"):
                window[key] = window.get(key) or before.get(key)
    read.update(line for line, row in wrapped.items() if row in read)
    body = [line for number, line in enumerate(lines_p, 1) if number not in read and line.strip()]
    # (The clauses a list said of places that keep their supply: in the body after the line
    # they were printed on, when that line was read.)
    for clause in set_aside:
        at = text.find(clause)
        number = text.count("\n", 0, at) + 1 if at >= 0 else len(lines_p)
        if number in read:
            before = sum(1 for n, line in enumerate(lines_p, 1)
                         if n <= number and n not in read and line.strip())
            body.insert(before, clause)
    return GeneralResult(unique, read, body, window_lines=unique_lines,
                         problems=problems, warnings=[*warnings, *over_said], decoys=decoys,
                         cancelled=[c for c, _ in cancelled],
                         cancel_lines=[line for _, line in cancelled])


_COUNTED = re.compile(r"(?<=[\u3400-\u9fff])[一二三四五六七八九十两\d]{1,3}个"
                      r"(?:自然村|行政村|村|小区|社区)(?:(?P<conj>以及|及|和)|(?=$|[,，、;；]))")
# (``10kV定塘G211线改造：…``: the works on the line named before its colon too.)
# (``10kV河姆渡线、10kV芦山线：…``: two lines before the colon.)
_LINE_LABEL = re.compile(r"\s*" + LINE_NAME.format(stop=":：、", more="")
                         + r"(?:\s*[、,，和及]\s*" + LINE_NAME.format(stop=":：、", more="") + r")*"
                         + r"(?:改造|检修|施工|迁改|作业)?\s*[:：]\s*")
_LINE_LABEL_AFTER = re.compile(r"\s*[,，]?" + _LINE_LABEL.pattern)
# (``…7:00—15:00，10kV马渚线马渚镇：斗门村、…``: the line cut, then the town heading its places.)
# (Or glued to the town before its places: ``…7:00—17:00，10kV丈亭线丈亭镇渔溪村、…停电``.)
_LINE_BEFORE_TOWN = re.compile(r"\s*[,，]?\s*" + LINE_NAME.format(stop=":：、", more="")
                               + r"(?=[\u3400-\u9fff]{1,6}?(?:镇|乡|街道)"
                               r"(?:\s*[:：]|[\u3400-\u9fff]{2}))")
# ``⏰ 全天`` alone on its line (a post's pictograph before it), and a day's heading above it.
_WHOLE_DAY_LINE = re.compile(rf"[^\S\n]*(?:[{PICTOGRAPHS}]\ufe0f?[^\S\n]*)*"
                             r"(?:全天|全日|整天)(?:停电)?[^\S\n]*")
# (A line of the whole day, alone or before its places: ``全天：莼湖街道桐照村…``.)
_WHOLE_DAY_OWN_LINE = re.compile(_WHOLE_DAY_LINE.pattern + r"(?:[:：].*)?")
_WHOLE_DAY_BELOW = re.compile(r"[^\S\n]*(?:[(（][^()（）\n]{1,6}[)）])?[^\S\n]*\n"
                              + _WHOLE_DAY_OWN_LINE.pattern + r"\n")
# (After a date: the rest of its line, or the next line, says only that.)
# (Or the next line begins with it, then its places: ``11月29日（星期三）`` / ``全天：莼湖街道…``.)
# (Or under the card's time label: ``📅 2035-09-27 星期四`` / ``停电时间 全天``.)
_WHOLE_DAY_NEXT = re.compile(r"[^\S\n]*\n?(?:[^\S\n]*(?:计划)?停电时间[^\S\n]*[:：])?"
                             + _WHOLE_DAY_LINE.pattern + r"(?=\n|$|[:：])")
_WHOLE_DAY_COLON = re.compile(r"[ \t]*\n?[ \t]*(?:全天|全日|整天)(?:停电)?(?=[ \t]*[:：])"
                              # (``（星期日）全天老街片区停电``: the places right after.)
                              r"|\s*(?:[(（][^()（）\n]{1,6}[)）])?\s*(?:全天|全日|整天)"
                              r"(?=[^,，。;；\n\d:：]{2,16}?停电)"
                              # (``（星期五）全天，强蛟镇：峡山村、…``: a town and its colon after.)
                              r"|[ \t]*(?:全天|全日|整天)[ \t]*[,，](?=[ \t]*[\u3400-\u9fff]{1,8}"
                              r"(?:镇|乡|街道)[ \t]*[:：])")
_COLON_AFTER = re.compile(r"[ \t]*[:：][ \t]*(?=\S)")
_ACCOUNT = re.compile(r"\s*(?:您|贵)?(?:的)?(?:户号|用户编号|户名)\s*[:：]?\s*[\d*xX]{4,}\s*"
                      r"(?:\((?:(?:用电|用户|客户)?地址\s*[:：]\s*)?(?P<a>[^()]+)\))?\s*(?:所在|的)?"
                      r"(?:区域|地区|地址)?(?:原)?")
# An account's number as a message to one customer prints it (``您户号3302******1187``).
_ACCOUNT_NO = r"(?:户号|用户编号)\s*[:：]?\s*[\d*xX]{4,}"
_WHERE_BRACKET = re.compile(r"\s*(?:因)?"
                            r"(?:(?:您|贵)?(?:的)?" + _ACCOUNT_NO + r"\s*)?"
                            r"所在(?:的)?(?:区域|片区|地区)\s*\((?P<a>[^()]{2,40})\)\s*")
_ACCOUNT_ADDRESS = re.compile(_ACCOUNT_NO + r"\s*[(（]\s*"
                              r"(?:用电|用户|客户)?地址\s*[:：]\s*(?P<a>[^()（）\n]{2,40})[)）]"
                              # (``您户号3300457781的用电地址（宁波市奉化区…3幢）所在区域…``)
                              r"|" + _ACCOUNT_NO + r"\s*(?:的)?(?:用电|用户|客户)?"
                              r"地址\s*[(（]\s*(?P<c>[^()（）\n]{2,40})[)）]"
                              # (``您户号330200187788（北仑区大碶街道灵峰路318号）所在区域``)
                              r"|" + _ACCOUNT_NO + r"\s*[(（]\s*"
                              r"(?P<d>[^()（）\n:：]{2,38}(?:号|幢|栋|室|单元|弄|村|社区|小区|路|街))"
                              r"\s*[)）]\s*(?=所在|的)"
                              # (``您户号3302******1187所在的白沙路街道寺山路沿线，因…``)
                              r"|" + _ACCOUNT_NO + r"\s*所在(?:的|地)?"
                              r"(?!区域|地区|线路|区|范围)"
                              r"(?P<b>(?:[^,，。;；()（）\n\d]|[(（][^()（）]{1,8}[)）]){2,40}?)"
                              r"(?=[,，。;；])")
_ACCOUNT_LEAD = re.compile(r"\s*(?:您|贵)?(?:的)?(?:户号|用户编号|户名)\s*[:：]?\s*[\d*xX]{4,}\s*"
                           r"(?:所在的?|的)(?:区域|地区|地址)?(?:为|是)?")
_REQUEST = re.compile(r"[,，;；]\s*(?:请|敬请|烦请|恳请|望|如有|详情|给您|由此)")
# (``…城西社区；象山县第二人民医院为双电源用户，不受影响``: after a semicolon, the whole part.)
_KEEP_SUPPLY = re.compile(r"[;；][^;；。]*?(?:不停电|不受影响|照常供电|正常供电)[^,，。;；]{0,6}$"
                          r"|[,，;；][^,，。;；]*?(?:照常|正常|继续)(?:供电|用电)[^,，。;；]{0,6}$"
                          r"|[,，;；][^,，。;；]*?(?:不停电|不受影响)[^,，。;；]{0,6}$")
# ``…现延期至10月21日（星期三）进行，停电时间（7:00-17:00）及停电范围不变``.
_SAME_TIME = re.compile(r"(?:停电)?时间(?:\([^()]{0,16}\))?(?:及|和|、)?(?:停电)?(?:范围)?"
                        r"(?:均)?不变")


def _kept(windows: list[dict], lines: list[int], keep: list[bool]
          ) -> tuple[list[dict], list[int]]:
    """The windows ``keep`` marks, with their lines."""
    pairs = [(w, n) for w, n, k in zip(windows, lines, keep, strict=True) if k]
    return [w for w, _ in pairs], [n for _, n in pairs]


# A row of a table aligned with spaces: ``1     2033-03-21   08:00  16:00  骆驼街道 …`` (a number,
# then cells apart by runs of spaces).
_SPACED_ROW = re.compile(r"\s*\d{1,3}\s{2,}\S+\s{2,}\S")


_CARD_KIND_LINE = re.compile(r"\s*[【\[]\s*(?:计划|故障|临时|检修)停电\s*[】\]]\s*")
_HISTORY_HEADING = re.compile(r"\s*[【\[]?\s*(?:历史|过往|往期|近期已完成的?)(?:停电)?(?:记录|信息)"
                              r"\s*[】\]]?\s*:?\s*$")


def _past_paragraphs(lines_f: list[str]) -> dict[int, int]:
    """{line: first line of its paragraph} for the paragraphs (lines between blank lines)
    about an outage already over and none to come."""
    past: dict[int, int] = {}
    paragraph: list[int] = []
    items = False
    for number, line in enumerate([*lines_f, ""], 1):
        # (``━━━━━━━━``: a rule between an app's records ends a paragraph too; so does a
        # numbered item, ``四、3月15日10kV梨洲线故障停电…已于当日14:20恢复送电`` after three
        # items of slots to come.)
        # (A table's row too: ``| 6 | 2030-10-09 | … | 故障抢修，已送电 |`` under rows to come,
        # or one aligned with spaces, ``5     2033-03-18   …  故障停电（已送电）``.)
        numbered = bool(re.match(r"\s*(?:\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,2}\s*、|\|)",
                                 line)) or "\t" in line.strip() \
            or len(re.split(r"\s{2,}", line.strip())) >= 3 and bool(  # (a space table's row;
                re.search(r"[\u3400-\u9fff]{2}", line) and re.search(r"\d", line))
        # (not an app's bars, ``14:32   5G  86%``, ``<  停电信息  ⋯``)
        items = items or numbered
        # (Once a paragraph holds numbered items, each line is read alone.)
        # (An app's card heading, ``【故障停电】``, begins a card of its own.)
        item = bool(paragraph) and (items or bool(_CARD_KIND_LINE.fullmatch(line)))
        if line.strip() and not re.fullmatch(r"[━─═=_*·•-]{4,}", line.strip()) and not item:
            paragraph.append(number)
            continue
        if paragraph:
            text = "\n".join(lines_f[n - 1] for n in paragraph)
            # (A record's ``预计送电时间：`` is its field's name, no outage to come.)
            planned = PLANNED_WORDS.search(re.sub(r"预计(?:送电|复电|恢复\S{0,2})时间", "", text))
            # (An app's card tagged ``【已送电】计划停电`` or giving ``实际送电 …``: a planned
            # outage already over.)
            # (Or its status at the end of the card's first line, ``计划停电      已送电``.)
            over = re.search(r"[【\[(（]\s*已送电\s*[】\])）]|实际送电|(?m:[ \t]{2,}已送电[ \t]*$)",
                             text)
            # (Or under an account's ``【历史停电记录】``: ``…故障停电　已恢复送电`` beside
            # ``…计划停电　已完成``.)
            history = _HISTORY_HEADING.match(lines_f[paragraph[0] - 1])
            if PAST_WORDS.search(text) and (not planned or over) or history:
                past.update(dict.fromkeys(paragraph, paragraph[0]))
        paragraph = [number] if item and line.strip() else []
        items = items and bool(line.strip())
    return past


_GROUP_LABEL = re.compile(r"[^:：\s]{1,6}[区楼部]\s*[:：]\s*(?=\S)")



def _moved_slots(cancelled: list[tuple[dict, int]], unique: list[dict], unique_lines: list[int],
                 table_lines: set[int], lines_f: list[str]) -> list[tuple[dict, int]]:
    """The slots a change calls off, settled against the windows below it that it moved: each
    (slot, line) in ``cancelled`` given the places (and times) its sentence leaves to them, and a
    sentence summing up days a table's rows say again given way to those rows."""
    cancelled = list(cancelled)
    windows = list(zip(unique, unique_lines, strict=True))
    # (``原定于10月12日（星期三）实施的以下停电检修工作顺延至10月19日（星期三）进行，停电时间段
    # 不变：`` over the record of the 19th: the day called off is that record's slot, its places
    # and times, one for each of the new day's windows below it.)
    # (Or ``原定于4月12日（星期二）8:00-16:00对下列区域的计划停电，因天气原因延期至4月26日（星期二）
    # 8:00-16:00进行，停电范围不变：`` over a table of the places: those places, the slot's times.)
    for c_index, (gone, gone_line) in reversed(list(enumerate(cancelled))):
        listed = len(gone["areas"]) == 1 and _LIST_BELOW.fullmatch(fold(gone["areas"][0]))
        if listed:
            moved_to = _MOVED_TO_DAY.search(lines_f[gone_line - 1])
        elif not gone["areas"] and gone["start"] is None:
            moved_to = _SLOT_KEPT_MOVED.search(lines_f[gone_line - 1])
        else:
            continue
        try:
            day = moved_to and gone["date"].replace(month=int(moved_to["m"]),
                                                    day=int(moved_to["d"]))
        except ValueError:
            continue
        # (The list's places may have been read into the new slot said on the same line.)
        news = [w for w, line in windows
                if (line > gone_line or listed and line == gone_line) and w["date"] == day
                and w["areas"] and w["start"]]
        cancelled[c_index:c_index + 1] = [
            ({**gone, "areas": list(new["areas"]), "town": new["town"],
              "district": new["district"] or gone["district"],
              "start": gone["start"] if listed else new["start"],
              "end": gone["end"] if listed else new["end"]}, gone_line)
            for new in news] or [(gone, gone_line)]
    # (``原定于5月16日、17日实施的部分检修工作延期进行，现将调整后的停电安排公告如下：`` over a
    # table whose rows say which slot of each day moved: the sentence's days, all of them, are
    # those rows': ``原定于8月12日至8月14日实施的计划停电作如下调整`` over rows of the 12th and
    # 13th moved and the 14th's 不变.)
    row_days = {gone["date"] for gone, line in cancelled
                if gone["areas"] and line - 1 in table_lines}
    summaries = {line for gone, line in cancelled if gone["start"] is None
                 and line - 1 not in table_lines and gone["date"] in row_days}
    # (``…原定1月8日（星期四）招宝山街道的计划停电工作延期至1月15日（星期四）实施，停电时间不变``:
    # the rows moved keep their times on the day they had.)
    if any(re.search(r"(?:时间|时段|时间段)(?:不变|照旧|相同)", lines_f[line - 1])
           for line in summaries):
        for gone, line in cancelled:
            row = None if gone["start"] is not None or line - 1 not in table_lines else next(
                (w for w, w_line in windows if w_line == line and w["areas"] == gone["areas"]),
                None)
            if row:
                gone.update(start=row["start"], end=row["end"])
    cancelled = [(gone, line) for gone, line in cancelled
                 if gone["start"] is not None or line not in summaries]
    # (``原定于7月25日（星期二）8:00-16:00对10kV涂茨线进行的检修（影响…）顺延至7月28日…`` over a
    # row remarked ``由7月25日顺延``: the sentence's slot, its times said, is the row's, its
    # places the row's.)
    for row_gone, row_line in [(g, line) for g, line in cancelled
                               if line - 1 in table_lines and g["start"] is None and g["areas"]]:
        timed = [g for g, line in cancelled if line - 1 not in table_lines
                 and g["date"] == row_gone["date"] and g["start"]
                 and (not g["areas"] or g["areas"] == row_gone["areas"])]
        if len(timed) == 1:
            timed[0].update(areas=list(row_gone["areas"]), town=row_gone["town"],
                            district=timed[0]["district"] or row_gone["district"])
            cancelled.remove((row_gone, row_line))
    return cancelled


_TOWN_ALONE = re.compile(r"[\u3400-\u9fff]{1,5}(?:街道|(?<!集)镇|乡)")  # (not 洞桥集镇: a seat)
_INSTITUTION_END = re.compile(r"(?:站|院|所|中心|学校|小学|中学|幼儿园|政府|办事处|服务中心)$")


def _own_village(areas: list[str], village: str) -> list[str]:
    """A committee's places said as its own (``我村``, ``本社区``): ``我村溪里方自然村`` is the
    named place after it; ``全村`` and ``我村`` joined to another (``我村及后岙村``) are the
    committee's village; ``我村东山片（…）`` is a part of it (片, 组, 一带…), named with it."""
    named = bool(re.fullmatch(r"\S{1,6}(?:村|社区)", village))
    own = re.compile(rf"(?:我|本)(?:村|社区){_OWN_GROUPS}(?=\S)")
    result: list[str] = []
    for area in areas:
        folded = fold(area)
        m = own.match(folded)
        if named and folded in ("全村", "全社区"):
            result.append(village)
        elif m is None:
            result.append(area)
        elif named and re.match(r"[及和与、]", folded[m.end():]):
            result.extend([village, area[m.end() + 1:]])
        elif named and re.search(r"(?:片|片区|组|一带|部分|区域|范围)$",
                                 re.sub(r"\([^()]*\)$", "", folded[m.end():])):
            result.append(village + area[m.end():])
        elif len(folded) - m.end() >= 2:
            result.append(area[m.end():])
        else:
            result.append(area)
    return result


def _apart_towns(groups) -> bool:
    """Whether groups name two towns or more, each apart from the others (not ``深甽镇`` and
    ``深甽镇镇``, a town and its own office's name)."""
    names = {town for _, town, _ in groups or []}
    return len(names) > 1 and all(names) and all(
        not (a != b and a.startswith(b[:-1])) for a in names for b in names)


def _one_town(areas: list[str]) -> list[tuple[str | None, str | None, list[str]]] | None:
    """``横溪镇大岙村、梅岭村、横溪镇周夹村`` (a record's or a row's places): the one town that
    leads them, printed again before a later place, as ``_district_groups`` reads it; None
    where they name no town or several (a row of another town stays a window of its own)."""
    groups = _district_groups(areas, None) if areas else []
    return groups if len(groups) == 1 and groups[0][1] else None


def _district_led(areas: list[str]) -> list[tuple[str | None, str | None, list[str]]] | None:
    """A listing cell's or record's places cut by ``_district_groups`` when a district leads
    them (``鄞州区首南街道日丽社区、…``); None otherwise (a town alone first may be one of
    several the list names: it stays in its area)."""
    groups = _district_groups(areas, None) if areas else []
    return groups if any(district for district, _, _ in groups) else None


def _district_groups(areas: list[str], notice_district: str | None
                     ) -> list[tuple[str | None, str | None, list[str]]]:
    """Cut a list into (district, town, areas): a district alone (``大东区``), one printed before
    the places (``泰山区泰前街道迎胜社区…``), and a new group wherever a later item names
    another district (``镇海区招宝山街道…；江北区庄桥街道…``: one window per district)."""
    # A district alone (``大东区``); a two-character short name alone (``灯塔``) may be any
    # place, so it stays an area.
    def alone(item: str) -> bool:
        return bool(county(fold(item))) and (len(item) >= 3 or fold(item)[-1:] in "区县市旗")

    if len(areas) == 1 and alone(areas[0]):
        return [(areas[0], None, [])]
    groups: list[tuple[str | None, str | None, list[str]]] = []
    # ``海曙区 联丰村、万众村``: a district alone first, printed apart from the places after
    # it, is their district (a list of districts alone stays a list).
    lead = None
    # (A full name of three characters or more that one district bears: ``南区`` may be a
    # part of a campus.)
    if len(areas) > 1 and alone(areas[0]) and len(areas[0].strip()) >= 3 and \
            not shared_name(fold(areas[0])) and not any(alone(a) for a in areas[1:]):
        lead, areas = areas[0], areas[1:]
    every_led = len(areas) > 1 and all(
        (led := _PLACE_PREFIX.match(fold(a))) and led["d"] and county(led["d"]) for a in areas)
    for index, area in enumerate(areas):
        # Pinyin after a character (``東區(qū)食堂``) is space: no district ends before it.
        area_f = _PINYIN.sub(lambda p: " " * len(p.group()), fold(area))
        township = county_and_township(area_f)
        if township and (index == 0 or not groups or groups[-1][0] is not None):
            # ``南投縣埔里鎮…``: a township of Taiwan is the district (as in a data record).
            lead, size = township
            groups.append((area[lead:lead + size], None, [area[lead + size:]]))
            continue
        m = _PLACE_PREFIX.match(area_f)
        if m and m["d"] and (not county(m["d"]) or not m["t"] and (
                shared_name(m["d"]) or len(m["d"]) < 3)):
            # 南校区…, 利民开发区…: not a district; with no town after it, nor is a name several
            # districts bear (``新城区西太平村…`` may be another city's development area) or a
            # two-character one (``北区浴室``: a part of a campus): they stay in the area.
            m = _PLACE_PREFIX_NO_DISTRICT.match(area_f)
        city = _COUNTY_CITY_PREFIX.match(area_f)
        if city and city["t"] and (m is None or not m["d"]) and county(city["d"]) and \
                not shared_name(city["d"]):
            m = city
        # A later item starts a new district only with a full name and a town after it.
        starts = m is not None and m.end() > 0 and (
            index == 0 or m["d"] and m["t"] and len(m["d"]) >= 3)
        # ``…；新观乡：新观场、…``: a later town heading with its colon, in the district before.
        if m is not None and m["t"] and not m["d"] and index and groups and \
                re.match(r"\s*[:：]", area_f[m.end("t"):]):
            groups.append((groups[-1][0], area[m.start("t"):m.end("t")], [area[m.end():]]))
            continue
        # ``龙潭街道办事处安化楼社区…, 龙潭街道办事处安化北里…``: the group's town printed again
        # by its office's name before a later place of it (a 95598 listing). A town's name
        # alone stays (``文岭镇阜山中学`` is the school's name).
        if m is not None and m["t"] and not m["d"] and index and groups and \
                groups[-1][1] and fold(groups[-1][1]) == m["t"] and \
                area_f.startswith("办事处", m.end("t")):
            # (The office alone, ``凤山街道办事处``, is a place: whole.)
            rest = area[m.end():]
            groups[-1][2].append(area if fold(rest).strip() in ("", "办事处") else rest)
            continue
        # ``临山镇：…、余姚临山镇湖堤工业区``: the group's town after its district's short name
        # (an institution's name, as above): whole, in the group.
        if m is not None and m["t"] and not m["d"] and index and groups and groups[-1][1] \
                and len(m["t"]) > 4 and county(m["t"][:2]) \
                and m["t"][2:] == fold(groups[-1][1]):
            groups[-1][2].append(area)
            continue
        # ``横溪镇金峨村、横溪镇大岙村``: the group's own town printed again before a later
        # place of it; an institution or a park of the town keeps its name (``云龙镇卫生院``,
        # ``古林镇前虞村工业区``).
        if m is not None and m["t"] and not m["d"] and index and groups and groups[-1][1] \
                and fold(groups[-1][1]) == m["t"] and area[m.end():].strip() \
                and not town_institution(area_f, m.end(), m["t"]) \
                and not area_f.startswith("办事处", m.end("t")):
            # (``骆驼街道·联兴村``: the column's dot after the town printed again, dropped too.)
            groups[-1][2].append(area[m.end():].lstrip("·•・ "))
            continue
        # ``宁海县西店镇、深甽镇部分村``: a later item led by another town (not its office's
        # name) is that town's, in the same district.
        if m is not None and m["t"] and not m["d"] and index and groups and groups[-1][1] \
                and fold(groups[-1][1]) != m["t"] and not area_f.startswith("办事处", m.end("t")):
            rest = area[m.end():]
            groups.append((groups[-1][0], area[m.start("t"):m.end("t")], [rest] if rest else []))
            continue
        if starts:
            district = area[m.start("d"):m.end("d")] or None
            town = area[m.start("t"):m.end("t")] if m["t"] else None
            # ``西店镇铁江村、团堧村、宁海县西店镇铁江小学``: a later item led by the group's own
            # district (and town) is an institution's name: it stays whole, in the group
            # (unless every item is so led: a listing's fully named places).
            before = groups[-1][0] if groups else None
            # (After places that name neither, the institution of a town: ``金水社区、…、
            # 宁海县桃源街道文化站`` is a list of that town's places.)
            unplaced = groups and before is None and not groups[-1][1] and (
                _INSTITUTION_END.search(area_f) or INSTITUTION_WORD.search(area_f, m.end()))
            if index and groups and district and not every_led and \
                    (before is None or county(fold(before)) == county(fold(district))) \
                    and (town is None or groups[-1][1] and fold(groups[-1][1]) == fold(town)
                         or unplaced):
                groups[-1] = (groups[-1][0] or district, groups[-1][1] or town,
                              groups[-1][2] + [area])
                continue
            if index == 0 or district:
                # ``利州区上西片区：金轮北路``: a part's label after the prefix heads the list,
                # as in ``split_areas``.
                label = _GROUP_LABEL.match(area_f, m.end())
                rest = area[label.end() if label else m.end():]
                # ``宁海县长街镇：长街镇青珠村`` (a record's region, then its range): the town
                # printed again before the first place.
                if town and len(rest) > len(town) + 1 and fold(rest).startswith(fold(town)):
                    rest = rest[len(town):]
                # (``贵驷街道敬老院、贵驷村``: the town's own institution first keeps its name.)
                if town and not label and m.end() == m.end("t") \
                        and INSTITUTION_WORD.match(area_f, m.end()) \
                        and not re.search(r"村|路|街|巷|弄|社区|小区|一带|沿线|大道", re.sub(
                            r"社区卫生服务(?:中心|站)|社区服务中心", "", area_f[m.end():])):
                    rest = area[m.start("t"):]
                # ``余姚市泗门镇（小路下村、楝树下村）``: the town's places in brackets.
                inner = re.fullmatch(r"\s*[(（]([^()（）]+、[^()（）]+)[)）]\s*", rest)
                groups.append((district, town, split_areas(inner[1]) if inner else [rest]))
                continue
        if not groups:
            groups.append((None, None, []))
        groups[-1][2].append(area)
    if not groups:
        groups.append((None, None, []))
    # ``南投县埔里镇`` alone: a town after its district names no finer place; ``镇海区骆驼街道
    # 贵驷村`` (a space after the town): the town of the places after it.
    # (``茅洋乡 白岩下村 溪口村``, ``咸祥镇 横山村部分用户``: with no district printed too,
    # when the places after it are no towns.)
    # (``丈亭镇 汇头村、渔溪村；三七市镇 石步村``: each town alone heads the places after it.)
    split: list[tuple[str | None, str | None, list[str]]] = []
    for district, town, items in groups:
        heads = [i for i, item in enumerate(items) if _TOWN_ALONE.fullmatch(fold(item))]
        if not town and len(heads) > 1 and heads[0] == 0 \
                and all(b - a > 1 for a, b in zip(heads, [*heads[1:], len(items)], strict=True)):
            split += [(district, items[a], items[a + 1:b])
                      for a, b in zip(heads, [*heads[1:], len(items)], strict=True)]
        else:
            split.append((district, town, items))
    groups = [(district, items[0], items[1:]) if not town and items
              and _TOWN_ALONE.fullmatch(fold(items[0]))
              and (district or len(items) > 1
                   and not any(_TOWN_ALONE.fullmatch(fold(i)) for i in items[1:]))
              else (district, town, items) for district, town, items in split]
    # (``文教街道 宁大附属学校南侧1号公变、文教街道 孔浦路（单号）``: one town heading each place
    # alone, one group.)
    merged: list[tuple[str | None, str | None, list[str]]] = []
    for district, town, items in groups:
        # (A district printed with the town only the second time is the town's district.)
        if merged and town and merged[-1][1] == town and (
                merged[-1][0] == district or not merged[-1][0] or not district):
            merged[-1] = (merged[-1][0] or district, town, [*merged[-1][2], *items])
        else:
            merged.append((district, town, list(items)))
    # (``中马街道 中马路沿线、江北区中马街道人民路社区``: the town alone heading its places, and
    # printed again with its district before a village or street of it.)
    groups = [(district, town, _without_heading(items, district, town))
              for district, town, items in merged]
    # (``劳家埭村、周巷镇新缪路村、慈溪市周巷镇工业园区``: the group's town, learnt from a later
    # item, printed again before a village of it.)
    return [(district or lead or notice_district, town,
             [_without_town(item, town) for item in items] if town else items)
            for district, town, items in groups]


# A village's, a community's or a street's name: no institution's.
_PLAIN_PLACE = re.compile(r"[^()（）]{1,12}?(?:村|社区|小区|路|街|巷|弄|沿线|一带|部分用户"
                          r"|部分区域)(?:[(（][^()（）]{1,12}[)）])?")


def _without_heading(items: list[str], district: str | None, town: str | None) -> list[str]:
    if not town or len(items) < 2:
        return items
    town_f = fold(town)
    kept = [item for k, item in enumerate(items) if k or fold(item).strip() != town_f]
    prefix = fold(district or "") + town_f
    return [item[len(prefix):] if district and fold(item).startswith(prefix)
            and _PLAIN_PLACE.fullmatch(fold(item)[len(prefix):]) else item for item in kept]


_COUNTY_LEAD = re.compile(r"(?:宁波市)?(?P<d>[\u3400-\u9fff]{2}[区县市])")
_PLAIN_OR_ADDRESS = re.compile(_PLAIN_PLACE.pattern
                               + r"|[^()（）]{1,12}?(?:路|街|巷|弄)\d{1,5}(?:号|弄)")


def _without_town(item: str, town: str) -> str:
    """``周巷镇新缪路村`` in 周巷镇's list: ``新缪路村``; an institution or park keeps the name.
    (``北仑区新碶街道新大路1288号`` in 新碶街道's: its district before it goes too.)"""
    folded, town_f = fold(item), fold(town)
    lead = _COUNTY_LEAD.match(folded)
    # (Not a company's name, ``宁海县西店镇恒达模具厂``: only a plain place or an address.)
    at = lead.end() if lead and county(lead["d"]) and folded.startswith(town_f, lead.end()) \
        and _PLAIN_OR_ADDRESS.fullmatch(folded, lead.end() + len(town_f)) else 0
    if folded.startswith(town_f, at) and len(folded) > at + len(town_f) + 1 and \
            not town_institution(folded[at:], len(town_f), town_f) and \
            not folded.startswith("办事处", at + len(town_f)):
        # (``骆驼街道·联兴村``: the column's dot too)
        return item[at + len(town):].lstrip("·•・ ")
    return item


# ``9月8日上午8:30至上午11点,电力设备维修(影响81个用户)`` then ``- 4055 Regent St.``: the
# work and how many it cuts off, after the time, is no place; a list item's bullet is no
# part of its place.
_WORKS = re.compile(r"[^()（）]{0,20}?(?:维修|检修|施工|更换|改造|作业|工程|抢修)?\s*"
                    r"[(（][^()（）]{0,16}?(?:影响|涉及|停电)[^)）]{0,12}?(?:户|用户|客户)\s*[)）]")
_BULLET = re.compile(r"[ \t]*[-–•·▪●○◦][ \t]*(?=\S)")
# ``6月17日,上午8:30至下午4:30點 ,更換電線杆``, ``…,线路检修``: the work named after the time
# (a verb of works before or after its object, no place suffix last), before a bulleted list
# of the places.
_WORK_PHRASE = re.compile(r"(?P<object>[\u3400-\u9fff]{0,8}?)"
                          r"(?:更换|维修|检修|抢修|施工|迁移|迁改|改造|安装|拆除|割接|接火|调试)"
                          r"[\u3400-\u9fff]{0,10}")
_NETWORK_PART = re.compile(
    r"(?:线路|设备|变压器|电缆|电线杆?|开关|刀闸|配电[房室柜]?|箱变|电表|表箱)$")
_PLACE_END = re.compile(rf"(?:{_PLACE_SUFFIXES})$")


def _is_works(item: str) -> bool:
    folded = fold(item).strip()
    phrase = _WORK_PHRASE.fullmatch(folded)
    # An object before the verb is a piece of the network (``线路检修``); a place's building
    # site (``世纪佳苑施工``) is a place, and ``实施工作停电`` is the cut itself.
    return bool(_WORKS.fullmatch(folded) or phrase and not _PLACE_END.search(folded)
                and (not phrase["object"] or _NETWORK_PART.search(phrase["object"])))


# ``…、枫林社区因线路改造停电``: the reason for the cut glued to the last place of the list.
_REASON_TAIL = re.compile(
    rf"(?P<place>.+?(?:{_PLACE_SUFFIXES}|用户|客户|公司|单位))\s*(?P<reason>(?:因|由于|为配合)"
    r"[^、,，()（）]{0,24}?(?:改造|检修|施工|维修|工程|作业|迁改|建设|消缺|升级|调试|接入|"
    r"切改|搬迁|更换|抢修)(?:需要|工作|的?需要)?)\s*$")


def _places_and_works(items: list[str]) -> tuple[list[str], list[str]]:
    places, works = [], []
    for item in items:
        # (``…高塘村部分用户停，工业区不停``: a chat's 停 for 停电; what is not cut is no place.)
        if re.search(r"不停(?:电)?$", fold(item).strip()):
            works.append(item.strip())
            continue
        if re.search(r"(?:村|户|区|路|街|幢|楼)停$", fold(item).strip()):
            item = item.rstrip()[:-1]
        reason = _REASON_TAIL.fullmatch(fold(item).strip())
        if reason and not _is_works(reason["place"]):
            at = len(item) - len(item.lstrip()) + reason.start("reason")
            works.append(item[at:].strip())
            item = item[:at].rstrip()
        elif _is_works(item):
            works.append(item.strip())
            continue
        how = _HOW_CUT.search(fold(item))
        if how and how.start() > 0:
            works.append(item[how.start():].strip().strip("()（）"))
            item = item[:how.start()]
        bullet = _BULLET.match(item)
        places.append(item[bullet.end():] if bullet else item)
    return places, works


# (``06:30—11:30（原定9月20日，因天气原因调整）``: the day it was set for, in brackets.)
_MOVED_FROM = re.compile(r"(?:改期|延期|推迟|顺延|调整)自\s*|(?<=[(（])\s*原定(?:于|为)?\s*"
                         # (``备注：…本次停电已由12月26日调整至12月28日。``)
                         r"|(?:已|已经)?由\s*(?=\d[^,，。;；\n]{2,16}?(?:调整|改期|延期|推迟|顺延|改)"
                         r"(?:至|到|为))")


def _moved_from(masked: str, start: int, stop: int,
                reference: dt.date) -> tuple[dt.date, int] | None:
    """The day a slot was moved from (``改期自5月27日``, printed after the slot and before the
    next one), and where it is printed."""
    m = _MOVED_FROM.search(masked, start, stop)
    got = m and _Dates(masked, reference)._date_at(m.end(), allow_day=False)
    return (got[0], m.end()) if got else None


def _window(day, first, last, areas, district, town) -> dict:
    return {"date": day, "district": district, "town": town, "areas": list(areas),
            "start": first, "end": last}


# ``求是楼配电室：求是楼、理工餐厅``: a supply point (a distribution room, a substation, a
# line) and the places it feeds.
_SUPPLY_POINT_LINE = re.compile(
    r"[ \t]*[^\s:：,，。;；、]{0,12}?(?:配电室|配电房|配电所|变电站|变电所|开闭所|箱变|总配|分配"
    r"|台区|线路)[ \t]*[:：][ \t]*(?=\S)")


_EQUIPMENT_LABEL = re.compile(r"(?:计划|预计)?(?:停电|检修|涉及|影响|作业|施工|工作|所属|停运)?"
                              r"(?:线路|台区|设备)(?:名称)?")


def _supply_point_lines(masked: str, text: str, start: int, end: int,
                        read: set[int]) -> list[list[str]] | None:
    """The lines under a time printed alone on its line (``1月27日/周四 22:00-23:00``), each
    a supply point and the places it feeds: one list of places a line, the supply point
    left out (it is equipment, not a place), or None."""
    line_end = masked.find("\n", start)
    if line_end < 0 or masked[start:line_end].strip(" \t,，:：;；。"):
        return None
    groups, at = [], line_end + 1
    while at < min(end + 1, len(masked)):
        next_end = masked.find("\n", at)
        next_end = len(masked) if next_end < 0 else next_end
        point = _SUPPLY_POINT_LINE.match(masked, at, next_end)
        # (``停电线路：10kV石门线`` is a label of the record, not a supply point's list.)
        if not point or _EQUIPMENT_LABEL.fullmatch(masked[at:point.end()].strip(" \t:：")):
            break
        groups.append(split_areas(text[point.end():next_end]))
        read.add(_line_of(masked, at))
        at = next_end + 1
    return groups if all(groups) and groups else None


def _plain_list_line(masked: str, start: int, end: int) -> re.Match | None:
    """``一、3月18日（星期三）8:30—17:00`` then ``白云庄小区1-30幢、丽园北路（…）、白云菜场。``:
    a list of places alone on the line under a time alone (no label, time, date or clause)."""
    m = _PLAIN_LIST_LINE.match(masked, start, end)
    # (Or an app card's one place, ``新城大道北路沿线``, over the card's status, ``计划停电 |
    # 待执行``, or its end.)
    one = None if m else _ONE_PLACE_LINE.match(masked, start, end)
    if one and (_PLACE_END.search(one["a"]) or _QUALIFIED_END.search(one["a"])) \
            and _CARD_STATUS.match(masked, one.end() + 1):
        m = one
    # (``明堂岙村部分区域``: a qualifier, no label of a list.)
    if not m or re.search(r"停电|停水|通知|请|将|届时|时间|范围|(?<!部分)区域|\d{1,2}[:：]\d{2}"
                          r"|\d月\d", m["a"]):
        return None
    return m


_QUALIFIED_END = re.compile(r"(?:沿线|一带|部分用户|部分区域)$")
_ONE_PLACE_LINE = re.compile(r"[ \t]*(?P<a>[^\s、,，。:：;；]{2,30})[ \t]*$", re.M)
_PLAIN_LIST_LINE = re.compile(r"[ \t]*(?P<a>[^\n、,，]{2,}[、,，][^\n]*?)[。.]?[ \t]*$", re.M)
# (``1. 鄞州区钟公庙街道：…`` / ``2. 海曙区石碶街道：…``: numbered, a district before the town.)
_ITEM_NUMBER = r"(?:\d{1,2}[ \t]*[.、．][ \t]*|[(（]\d{1,2}[)）][ \t]*)?"
_TOWN_LINE = re.compile(r"[ \t]*" + _ITEM_NUMBER
                        + r"(?P<a>[\u3400-\u9fff]{1,9}(?:镇|乡|街道)[ \t]*[:：][ \t]*\S[^\n]*)")
# (Or one place: ``戚家山街道：蔚斗社区　　影响户数：208户``.)
_TOWN_LIST_LINE = re.compile(r"[ \t]*" + _ITEM_NUMBER
                             + r"(?P<a>[\u3400-\u9fff]{1,9}(?:镇|乡|街道)[ \t]*[:：][ \t]*"
                             r"(?:[^\n]*[、,，][^\n]*|[^\s、,，。;；:：\d]{2,30}"
                             r"(?:[ \t]{2,}[^\n]*)?))")


_POST_BULLET = re.compile(rf"\s*[{PICTOGRAPHS}\u25a0-\u25ff]\ufe0f?\s*")
# A label alone on its line (one cell a line): ``停电设备``, ``送电时间``.
_CELL_LABEL = re.compile(r"\s*[\u3400-\u9fff]{0,4}"
                         r"(?:时间|时段|日期|设备|线路|原因|范围|区域|内容|备注)\s*[:：]?\s*")


_PIN_LABEL = re.compile(r"\s*(?:停电|影响|涉及)?(?:范围|区域|地点|地区)\s*[:：]\s*")
# (Or the label alone at a line's head: ``第二次：晚上18:00—19:00`` / ``范围：翠柏里…``.)
_PIN = re.compile(r"^[ \t]*(?:[📍📌🏠🏘]\ufe0f?|(?=范围\s*[:：]))[ \t]*"
                  r"(?!来源|编辑|责编|咨询|电话|热线|阅读|原文)"
                  # (Nor a section's heading, ``📌【不变】`` / ``📌【新增】``: the slots that stand,
                  # that are added.)
                  r"(?![【\[][^】\]\n]{1,6}[】\]][ \t]*$)"
                  # (Nor an app card's kind and status above its time, ``📌 计划停电 · 待执行``.)
                  r"(?![ \t]*(?:计划|临时|故障)?停电"
                  r"(?:[ \t]*[·・|｜][ \t]*[\u3400-\u9fff]{2,4})?[ \t]*$)"
                  r"(?P<a>[^\n]+)", re.M)


def _areas_after(masked, text, start, end, labels, list_tables, lines_f, lines_p, line_start,
                 read) -> list[str] | None:
    # WeChat pairs: ``⏰ 8:00-17:00`` then ``📍 慈城镇：白米湾村、…`` (the town stays a prefix,
    # cut from the first area like any other).
    # (Not a post's own lines: ``📌来源：…``.)
    pin = _PIN.search(masked, start, end)
    if pin:
        areas: list[str] = []
        while pin:  # (``📍灵峰社区、…`` / ``📍宁波博威合金…（专变）``: one list, pin after pin)
            read.add(_line_of(masked, pin.start()))
            pinned = text[pin.start("a"):pin.end("a")]
            # ``📍范围：金水社区、…``: a label first is no part of the places.
            label = _PIN_LABEL.match(fold(pinned))
            areas += split_areas(pinned[label.end():]) if label else \
                split_areas(re.sub(r"[:：]\s*", "", pinned, count=1))
            following = pin.end() + 1
            pin = _PIN.match(masked, following) if following < min(end, len(masked)) else None
        return areas
    # ``9月8日上午8:30至上午11点,电力设备维修(影响81个用户)`` then ``- 1号路 11100`` /
    # ``- 4055 Regent St.``: a bulleted list on the lines under the time, one place a line
    # (the work and its count stay with the window, ``_places_and_works``).
    line_end = masked.find("\n", start)
    line_end = len(masked) if line_end < 0 else line_end
    rest = masked[start:line_end].strip(" \t,，:：;；。")
    # (Not when the time is itself an item of such a list: the next items are not places.)
    own_item = _BULLET.match(masked, masked.rfind("\n", 0, start) + 1, start + 1)
    if (not rest or _is_works(rest)) and not own_item:
        items, at = [], line_end + 1
        works: list[str] = []
        while at < min(end + 1, len(masked)):
            next_end = masked.find("\n", at)
            next_end = len(masked) if next_end < 0 else next_end
            if not masked[at:next_end].strip():  # blank lines between the items
                at = next_end + 1
                continue
            bullet = _BULLET.match(masked, at, next_end)
            if not bullet and not items and _WORKS.fullmatch(masked[at:next_end].strip()):
                # ``(改期自5月27日,影響15個用戶)`` on its own line before the list
                works.append(text[at:next_end].strip())
                read.add(_line_of(masked, at))
                at = next_end + 1
                continue
            if not bullet:
                break
            item = text[bullet.end():next_end].strip()
            if len(item) > 40 or re.search(r"[。，;；:：]", fold(item)):
                break
            items.append(item)
            read.add(_line_of(masked, at))
            at = next_end + 1
        if items:
            return ([text[start:line_end].strip(" \t,，:：;；。")] if rest else []) + works + items
    # ``1️⃣ 8:00—16:00`` then ``临山镇：邵家丘村、…``: a town's list on the line under the time.
    if not rest and not own_item:
        below = _TOWN_LIST_LINE.match(masked, line_end + 1, end) or _plain_list_line(
            masked, line_end + 1, end)
        if below:
            read.add(_line_of(masked, below.start()))
            found = split_areas(text[below.start("a"):below.end("a")])
            # (``五乡镇：宝同村、…`` / ``东吴镇：天童村、小白村``: a town a line, each a window.)
            while below.re is _TOWN_LIST_LINE and below.end() < end:
                below = _TOWN_LINE.match(masked, below.end() + 1, end)
                if not below:
                    break
                read.add(_line_of(masked, below.start()))
                found += split_areas(text[below.start("a"):below.end("a")])
            return found
    for m in labels:
        if not start <= m.start() < end:
            continue
        # Only the first label after the anchor, before any other sentence speaks of time.
        read.add(_line_of(masked, m.start()))
        rest_end = _sentence_end(masked, m.end())
        semi = re.compile(r"[;；]").search(masked, m.end(), rest_end)
        # (Only when what follows speaks of the restoration or the time, not of more places:
        # ``阳光小区;幸福村`` keeps 幸福村.)
        if semi and "、" not in masked[semi.end():rest_end] and re.search(
                r"恢复|供电|送电|复电|预定|预计|届时|\d\s*[时点:：]", masked[semi.end():rest_end]):
            rest_end = semi.start()  # ``…中隴部分用戶;預定當天上午十時恢復供電``
        # ``…、三李楼、保卫处员工宿舍楼。23号楼、24号楼(蚕桑楼)、…``: the list goes on after a
        # 。 on its line when the next sentence is itself a list (places apart by 、, nothing
        # said of them but a closing 停电).
        while rest_end < len(masked) and masked[rest_end] == "。":
            following = masked[rest_end + 1:_sentence_end(masked, rest_end + 1)]
            if not _LIST_SENTENCE.fullmatch(following):
                break
            rest_end = _sentence_end(masked, rest_end + 1)
        # (``…检修（停电范围：东陈乡东陈村、上蒲村），因…``: the list ends with its bracket.)
        # (The bracket may open inside the label's own match: ``…线停电（停电范围：…``.)
        head = masked.rfind("\n", 0, m.start()) + 1
        opened = max(masked.rfind("(", head, m.end()), masked.rfind("（", head, m.end()))
        if opened >= 0 and not re.search(r"[)）]", masked[opened:m.end()]):
            closed = re.compile(r"[)）]").search(masked, m.end(), rest_end)
            rest_end = closed.start() if closed else rest_end
        inline = text[m.end():rest_end].strip()
        inline = re.sub(r"。(?=\S)", "、", inline)
        # ``停电区域：平江县安定镇`` then ``停电范围：李家村、…``: the region is the district and
        # town of the list on the next line.
        following = next((n for n in labels if n.start() > m.start()), None)
        if inline and following and "区域" in m.group() and "范围" in following.group() and \
                _line_of(masked, following.start()) == _line_of(masked, m.start()) + 1 and \
                _prefix_only(fold(inline)):
            read.add(_line_of(masked, following.start()))
            rest = text[following.end():_sentence_end(masked, following.end())].strip()
            return split_areas(inline + "：" + rest)
        # ``对宁海县长街镇以下区域停电：长街村、…``: the district and town before 以下 head
        # the list.
        before = re.search(r"对\s*([^\s,，。;；:：]{2,16})\s*$", masked[max(0, m.start() - 18):
                                                                   m.start()])
        if inline and before and m.group().startswith(("以下", "下列")) and \
                _prefix_only(before[1]):
            at = m.start() - len(masked[max(0, m.start() - 18):m.start()]) + before.start(1)
            return split_areas(text[at:at + len(before[1])] + "：" + inline)
        if inline:
            return split_areas(inline)
        # The label stands alone: numbered lines or a table below it.
        line = _line_of(masked, m.start())  # 1-based; the next line has index ``line``
        for table in list_tables:
            if table.first in (line, line + 1):
                # (``序号 | 停电区域 | 停电设备``: the places are the area column's; the equipment
                # (``10kV定塘线``) is kept in the body.)
                columns = [i for i, name in enumerate(table.header)
                           if re.search(r"区域|范围|地点|用户|小区|楼", name)
                           and not re.search(r"设备|线路|序号|编号|备注", name)]
                rows: dict[int, list] = {}
                for cell in table.cells:
                    rows.setdefault(cell[0], []).append(cell)
                if columns and all(len(row) == len(table.header) for row in rows.values()):
                    areas = []
                    for row in rows.values():
                        for i, cell in enumerate(row):
                            if i in columns:
                                areas += split_areas(cell[2])
                            elif not re.search(r"序号|编号", table.header[i]):
                                _set_aside(cell[2])
                    return areas
                cells = [c for c in table.cells if not re.fullmatch(r"\d+", c[1])]
                return [area for c in cells for area in split_areas(c[2])]
        areas: list[str] = []
        index = line
        while index < len(lines_f):
            item = re.match(r"^\s*\d+\s*[.、]\s*", lines_f[index])
            if not item:
                break
            areas += split_areas(lines_p[index][item.end():])
            read.add(index + 1)
            index += 1
        # One cell a line: ``停电区域`` / ``江北区慈城镇`` / ``停电范围`` / ``毛岙村`` / ``南联村``
        # …: a region alone on its line, then a range label alone and one place a line up
        # to the next label, blank line or time.
        if not areas and "区域" in m.group() and line + 1 < len(lines_f) and \
                _prefix_only(lines_f[line].strip()) and \
                re.fullmatch(r"\s*(?:停电|影响|涉及)?范围\s*[:：]?\s*", lines_f[line + 1]):
            items, index = [], line + 2
            while index < len(lines_f) and lines_f[index].strip() and \
                    not _CELL_LABEL.fullmatch(lines_f[index]) and \
                    not re.search(r"\d{1,2}[:：]\d{2}|\d月\d", lines_f[index]):
                items.append(lines_p[index].strip())
                read.update({index + 1})
                index += 1
            if items:
                read.update({line + 1, line + 2})
                return split_areas(lines_p[line].strip() + "：" + "、".join(items))
        # (Blank lines and a post's bullet before that list: ``以下区域将停电：`` / `` `` /
        # ``🔸明楼街道：…``.)
        while not areas and line < len(lines_f) - 1 and not lines_f[line].strip():
            line += 1
        bullet = _POST_BULLET.match(lines_f[line]) if line < len(lines_f) else None
        if bullet and not areas and re.search(r"[、,，;；]", lines_f[line]):
            read.add(line + 1)
            return split_areas(lines_p[line][bullet.end():])
        # (``🔹福明路（…段）沿线商铺`` / ``🔹江南春晓苑2、4、6幢`` / … / ``等区域。``: one place a
        # bulleted line.)
        index, items = line, []
        while not areas and index < len(lines_f) and (
                mark := _POST_BULLET.match(lines_f[index]) or _BULLET.match(lines_f[index])):
            items.append(lines_p[index][mark.end():].strip().rstrip("。；;，,"))
            read.add(index + 1)
            index += 1
        if len(items) > 1:
            if index < len(lines_f) and re.fullmatch(r"\s*等(?:区域|地|单位|用户)?[。.]?\s*",
                                                     lines_f[index]):
                read.add(index + 1)
            return [area for item in items for area in split_areas(item)]
        # ``停电范围：`` alone, the list on the next line (not a heading, label or date).
        if not areas and line < len(lines_f) and re.search(r"[、,，;；]", lines_f[line]) and \
                not re.match(r"^\s*(?:[一二三四五六七八九十]+、|\d)", lines_f[line]) and \
                not _LABEL.search(lines_f[line]) and "停电" not in lines_f[line]:
            # (Lines broken inside the list, ``…、`` / ``东渡村一带、宁波龙山`` / ``水产品…``, and a
            # town's own line after: one list, the town starting its part.)
            joined, index = lines_p[line].strip(), line + 1
            read.add(line + 1)
            while index < len(lines_f) and _list_goes_on(lines_f[index], joined):
                town_part = re.match(r"\s*[\u3400-\u9fff]{2,6}(?:镇|乡|街道)\s*[:：]",
                                     lines_f[index])
                joined += ("；" if town_part else "") + lines_p[index].strip()
                read.add(index + 1)
                index += 1
            areas = split_areas(joined)
        if areas:
            return areas
    return None


_CARD_STATUS = re.compile(r"[ \t]*(?:计划停电|临时停电|计划检修)?[ \t]*[|｜]?[ \t]*"
                          r"(?:待执行|未开始|已取消|已变更|停电中|已送电|生效)[ \t]*(?:\n|$)"
                          r"|[ \t]*(?:\n|$)")


def _list_goes_on(line: str, joined: str) -> bool:
    """Whether ``line`` goes on with the list ``joined`` so far (a line broken inside it):
    not blank, no label, time, date, sentence or a utility's signature."""
    return bool(line.strip()) and not _CELL_LABEL.fullmatch(line) and not _LABEL.search(line) \
        and not re.search(r"停电|\d{1,2}[:：]\d{2}|\d月\d|\d{4}年|。", line) \
        and not re.search(r"供电(?:公司|局|所|有限公司)\s*$", line) \
        and (joined.endswith(("、", "，", ",")) or not re.search(r"[。;；]$", joined))


def _prefix_only(region: str) -> bool:
    """``平江县安定镇``: a district and town with nothing else (the whole value is a prefix)."""
    m = _PLACE_PREFIX.match(region + "：某某")
    return bool(m and (m["d"] or m["t"]) and m.end() >= len(region)
                and not (m["d"] and not county(m["d"])))


def _hard_wrap(text: str, at: int) -> bool:
    """A line break at ``at`` inside a word or sentence: Chinese characters on both sides, the
    line before it ending without punctuation (a column printed with fixed-width lines)."""
    line_start = text.rfind("\n", 0, at) + 1
    return text[at] == "\n" and 0 < at < len(text) - 1 and at - line_start >= 12 and \
        bool(re.match(r"[\u3400-\u9fff]\n[\u3400-\u9fff]", text[at - 1:at + 2]))


_LATE_END = re.compile(r"因|由于|为了|为配合|将|拟|计划|进行|需|要|[,，;；。\n]")


def _late_areas(masked, text, anchor) -> list[str] | None:
    """The places between a date and the time printed later in its sentence."""
    # ``23日,因新增…接线,汇信视讯、…``: a reason clause first; ``市区…``: the city proper.
    m = re.compile(r"[,，\s]*(?:(?:因|由于|为了|为配合)[^,，。;；\n]*[,，]\s*)?"
                   r"(?:市区|城区|我市|本市|全市)?\s*"
                   # ``4月9日对镇海区…的计划停电``: the places are the object of 对.
                   r"(?:(?:将会|将|拟|计划)?对(?=[\u3400-\u9fff]{2}))?").match(masked, anchor.end)
    end = _LATE_END.search(masked, m.end())
    # A list runs over its own commas up to the reason or the verb: ``…、檢察院、石柱地區因…``.
    while end and masked[end.start()] in ",，" and "、" in masked[end.end():end.end() + 12]:
        nxt = _LATE_END.search(masked, end.end())
        if not nxt or masked[nxt.start()] in ";；。\n":
            break
        end = nxt
    while end and _hard_wrap(masked, end.start()):  # ``南澳三义村地`` / ``区为配合…``
        end = _LATE_END.search(masked, end.end())
    stop = end.start() if end else len(masked)
    if anchor.late_at is not None and m.end() < anchor.late_at < stop:
        stop = anchor.late_at  # ``今天南投县埔里镇上午8时30分…``: the places end at the time
    printed = text[m.end():stop].replace("\n", "")
    if len(printed.strip()) < 2 or _LATE_NOT.search(fold(printed)) or "停电" in fold(printed):
        return None  # ``7月13日停电一天(7:00-19:00),停电范围:…``: the places are elsewhere
    return split_areas(printed)


_LATE_NOT = re.compile(r"通知|决定|安排|工作|施工|检修|供电|电力|我|本|记者|获悉|了解")


# (Or after a chat's pictograph ending a sentence: ``…11月23日正常供电❗ 另外…``.)
_BEFORE = re.compile(r"(?:^|[,，。;；:：\n!！" + PICTOGRAPHS + r"])\ufe0f?\s*(?:另外|此外)?[,，]?"
                     r"\s*(?P<a>[^,，。;；:：\n!！" + PICTOGRAPHS + r"]{2,60}?)\s*[,，]?\s*"
                     # (not ``原定于``: the original slot of a change, no subject before it)
                     # (``另外桃渡新村1-6幢也安排在11月25日下午1点到5点停电``: a chat's slot.)
                     r"(?<!原)(?:(?:将|拟|定|计划|预计)(?:于|在)|预定|预计|计划"
                     r"|(?:也|还|都)?安排(?:于|在))\s*$")
# (``备用电源城北线将于…``: a supply line, not a place.)
_SUPPLY_END = re.compile(r"(?:电源|线|线路|变电站|变电所|开关站)$")
# (``学校将于…``, the speaker; not a school named in full, ``…及骆驼实验学校校区将于…``.)
_NOT_PLACES = re.compile(r"公司|(?<![\u3400-\u9fff])学校|我|本|研究|通知|因|为|决定|安排|工作"
                         r"|施工|检修|供电|电力|部门")


# (``…的停电时间不变，停电范围增加霞浦5号公变。``: places added to the slot.)
_ALSO_CUT = re.compile(r"(?:同时(?:停电|受影响)的(?:还有|有|包括)"
                       r"|" + RANGE_ADDED + r")[:：]?\s*"
                       r"(?:[^,，。;；\n]{1,10}?(?:周边|附近|旁边|对面|[东南西北]侧|[东南西北]面)的)?"
                       r"(?P<a>[^。;；\n]+?)(?:等(?:地|单位|用户)?)?\s*[。;；]")


# A card's line of places: a town perhaps, then a list apart by 、, or a town and one place (no
# time, date or status).
_CARD_PLACES = re.compile(r"[ \t]*(?P<a>[^\s\d:：、,，][^\n:：]*?、[^\n:：]*?"
                          # (or one place after its town: ``庄市街道永旺村（永旺路以东）``)
                          r"|[\u3400-\u9fff]{1,6}(?:镇|街道|乡)[ \t]*[^\s:：、,，][^\n:：、]*?)"
                          r"[ \t]*")


def _card_places(masked, text, start, card_start) -> list[str] | None:
    """The places of an app's card printed on the line right above its time, that line inside
    the card (after ``card_start``, the rule or blank line above it), else None."""
    line_start = masked.rfind("\n", 0, start) + 1
    if masked[line_start:start].strip() or line_start == 0:
        return None
    above = masked.rfind("\n", 0, line_start - 1) + 1
    m = _CARD_PLACES.fullmatch(masked, above, line_start - 1)
    if above <= card_start or not m or re.search(
            r"停电|送电|取消|开始|结束|供电|电力|通知|公告|提醒|提示|热线|电话|\d{4}|\d\s*月\s*\d",
            m["a"]):
        return None
    return split_areas(text[m.start("a"):m.end("a")])


def _areas_before(masked, text, start) -> list[str] | None:
    line_start = masked.rfind("\n", 0, start) + 1
    m = _BEFORE.search(masked, line_start, start)
    if not m:
        return None
    # (``本店所在的丹西街道靖南路一带将于…``: where the speaker is, then the place.)
    # (``我村上村、下村两个自然村将于…``: a committee's own village, then its hamlets and how
    # many they are.)
    count = re.search(r"(?:两|二|三|四|五|六|\d{1,2})个(?:自然村|村|小区|组|片)$", m["a"])
    own = _OWN_WHERE.match(m["a"]) or count and re.match(r"(?:我|本)(?:村|社区)(?=\S{2})", m["a"])
    at = m.start("a") + (own.end() if own else 0)
    end = m.start("a") + count.start() if count else m.end("a")
    if _NOT_PLACES.search(masked, at, end) or _SUPPLY_END.search(m["a"]):
        return None
    return split_areas(text[at:end])


# (Or before a record's number alone on its line: ``📍【2】``; or before a card's town alone on
# its line, ``📌 掌起镇`` over its time and places.)
_LABEL_PICTOGRAPH = re.compile(
    rf"(?m)(?<=^)[ \t]*[{PICTOGRAPHS}]\ufe0f?(?=[ \t]*(?:(?:停电|送电|复电|影响|涉及|计划)?"
    r"(?:时间|日期|线路|范围|区域|地点|原因|设备|类型)[ \t]*(?:[:：]|$)"
    r"|[【\[(（]\d{1,2}[】\])）][ \t]*$"
    r"|[\u3400-\u9fff]{1,6}(?:镇|街道|乡)[ \t]*$))")
_DATE_IN_LINE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}|\d{4}\s*[-/.年]\s*\d{1,2}")
# (``【已取消】``, or a card's status after a bar or a dot: ``计划停电 | 已取消``,
# ``计划停电 · 已取消``.)
_TAGGED_OFF = re.compile(r"[【\[(（]\s*(?:停电)?已?取消(?:停电)?\s*[】\])）]"
                         # (or after the card's kind, ``【计划停电】已取消``)
                         r"|(?:[|｜】\]·・]|[ \t\u3000]{2,})\s*已取消\s*$"
                         # (or first on the card's heading, ``⚪ 已取消  计划停电``)
                         rf"|^[ \t]*(?:[{PICTOGRAPHS}]\ufe0f?[ \t]*)?已取消"
                         r"(?=[ \t\u3000]{2,}|[ \t]*$)")
# (Its colon may be left out: ``说明：原停电时间2034-11-20 07:30 ~ …，现变更为上述时间``.)
_ORIGINAL_LABEL = re.compile(r"(?:^|\s|[:：])原(?:定|计划)?(?:停电)?(?:时间|时段|日期)"
                             r"\s*[:：]?\s*$")
_ITEM_LINE = re.compile(r"^[ \t]*\d{1,2}\s*[.、．](?!\d)", re.M)
_RULE_LINE = re.compile(r"^[ \t]*(?:-{3,}|={3,}|—{3,}|─{3,}|_{3,})[ \t]*$", re.M)
# The words after a speaker, before the date it speaks of (``将于``, ``定于``).
_SPEAKER_VERB = r"\s*(?:将于|将在|定于|拟于|于|将)\s*$"
# (``本市场（南门菜场）定于…``: the speaker naming itself in brackets; its name, not its
# address: ``我中心（大碶街道庐山西路***号）将于…`` names no place of it.)
_OWN_NAMED = re.compile(r"(?:本|我)(?:市场|菜场|店|小区|单位|公司|园区|校|院|中心)\s*[(（]"
                        r"(?P<a>[^()（）\n,，。\d*＊]{2,20}(?<![号路街巷弄]))[)）]" + _SPEAKER_VERB)
# (``学校将于…``: a school's letter speaking of itself by its kind.)
# (``我中心（大碶街道庐山西路***号）将于…``: its address in a bracket between.)
_OWN_SPEAKER = re.compile(r"(?:(?:我|本)(?:院|校|单位|中心)|(?<![\u3400-\u9fff])(?:学校|医院|我园))"
                          r"(?:\s*[(（][^()（）\n]{1,30}[)）])?" + _SPEAKER_VERB)
_INSTITUTION_LINE = re.compile(r"^[ \t]*(?P<a>[\u3400-\u9fff]{2,20}?"
                               r"(?:卫生院|医院|学校|中学|小学|幼儿园|卫生服务中心|敬老院|养老院))"
                               r"[ \t]*$", re.M)
_OWN_WHERE = re.compile(r"(?:本|我)(?:店|校|单位|公司|小区|村|社区|院|园区)?所在(?:的|地)?"
                        r"(?!区域|地区|范围|线路)(?=\S{2})")


# ``因配合电业春季检修,新鹤小区4月24日早6:00-8:00进行停电施工``: a place noun right before the
# date of a sentence that goes on to the cut; the lead-in clause (``因…``, ``亲爱的业主:``) before
# its comma is not a place.
# (``因镇海区招宝山街道城关路片区11月13日…计划停电``: the reason's word before it is not.)
# (``另外虞波花园13-16幢8月27日…停电``: an estate's buildings by number, after 另外.)
_BARE_BEFORE = re.compile(r"(?:^|(?<=\n)|[,，。;；:：\n])\s*(?:因为|由于|因|另外|此外|同时)?"
                          r"(?P<a>[^,，。;；:：\n\d]{2,20}?(?:小区|社区|村|路|街|楼|园|苑|大厦|公寓|校区|花园"
                          r"|广场|新村|家属院|片区|商铺|一带|沿线)(?:\d{1,3}(?:[-—至]\d{1,3})?(?:幢|栋|号楼))?"
                          # (``另外17-20幢10月12日晚上10点…也要停``: the estate's buildings alone.)
                          r"|(?<=另外|此外|同时)\d{1,3}(?:[-—至]\d{1,3})?(?:幢|栋|号楼)"
                          # (``因所在片区（鼓楼街道公园路、中山西路一带）2月27日…``: in a bracket.)
                          r"|所在(?:的)?(?:区域|片区|地区)\s*[(（][^()（）\n]{2,40}[)）])\s*$")
# (``…11月30日（周二）全天停电``: the whole day, then the cut, right after a date.)
_WHOLE_DAY_CUT = re.compile(r"\s*(?:[(（][^()（）\n]{1,6}[)）])?\s*(?:全天|全日|整天)"
                            r"\s*(?:将)?停电")
# A date's whole day said cut right after it, perhaps with its places between (``3月18日（星期六）
# 全天停电``, ``1月27日（星期六）港城实验学校本部及学生宿舍楼全天停电``).
_WHOLE_DAY_SAID = re.compile(_WHOLE_DAY_CUT.pattern
                             + r"|\s*[,，]?\s*[^,，。;；\n\d]{2,30}?(?:全天|全日|整天)(?:将)?停电")
_CUT_AFTER = re.compile(r"\s*(?:也|都|还)?\s*(?:将|要|需)?\s*(?:进行|实施|开始)?"
                        r"\s*(?:计划|临时|检修)?\s*停(?:电|[,，。])|" + _WHOLE_DAY_CUT.pattern)


# ``为配合…,校园网机房于8月15日10:00-16:00停电``: the subject of 于 before a date whose cut
# follows it at once.
# (``…将于`` / ``拟于`` are ``_BEFORE``'s, with their own checks.)
_YU_BEFORE = re.compile(r"(?:^|[,，。;；:：\n])\s*(?P<a>[^,，。;；:：\n\d]{2,20}?)"
                        r"(?<![将拟定划计要需])\s*于\s*$")


# An item's places before its time, which ends the line: ``2、9-16幢、会所及游泳池：13:00-17:00``.
_ITEM_PLACES = re.compile(r"[ \t]*(?:\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）])?\s*"
                          r"(?P<a>[^\s:：,，。;；(（][^\n:：,，。;；]{1,40}?)\s*[:：]\s*")
_ITEM_END = re.compile(r"[ \t]*[,，;；。.]?[ \t]*(?:\n|$)")
_TIME_START = re.compile(r"(?:凌晨|早上|上午|中午|下午|晚上|夜间)?\s*\d{1,2}\s*(?::\s*\d|点|时)")
_LABEL_WORD = re.compile(r"时间|时段|日期|停电|送电|范围|区域|线路|地点|原因"
                         # (``第一次：6:00—7:00``, ``⏰第二次：…``: which cut, its places elsewhere;
                         # ``海曙区：8:00-16:00`` / ``慈城镇：…``: a district's or town's time, its
                         # places on the lines below)
                         rf"|第\S{{1,3}}[次轮批段]|[{PICTOGRAPHS}]"
                         r"|^[\u3400-\u9fff]{1,4}(?:区|县|市|镇|街道|乡)$")


def _item_places(masked, text, anchor) -> list[str] | None:
    # (The anchor may start at the date of the sentence above, its time taken from this line.)
    line_start = masked.rfind("\n", 0, anchor.end) + 1
    m = _ITEM_PLACES.match(masked, line_start, anchor.end)
    if not m or not _TIME_START.match(masked, m.end()) or not _ITEM_END.match(masked, anchor.end) \
            or _LABEL_WORD.search(m["a"]) \
            or _NOT_PLACES.search(m["a"]) or _DATE_IN_LINE.search(m["a"]):
        return None
    return split_areas(text[m.start("a"):m.end("a")])


def _place_before(masked, text, start, end) -> list[str] | None:
    line_start = masked.rfind("\n", 0, start) + 1
    m = _BARE_BEFORE.search(masked, line_start, start) or _YU_BEFORE.search(masked, line_start,
                                                                             start)
    # (``本店所在的新桥镇新桥菜场一带于…``: where the speaker is, then the place.)
    # (``我村大堰村、谢界山自然村4月22日（星期五）全天停电``: the village speaking, then its
    # places.)
    own = m and (_OWN_WHERE.match(m["a"])
                 or re.match(r"(?:我|本)(?:村|社区|小区)(?=[^\s、,，]{2})", m["a"]))
    at = m.start("a") + own.end() if own else m and m.start("a")
    if not m or _NOT_PLACES.search(masked, at, m.end("a")) or not _CUT_AFTER.match(masked, end) \
            or _SUPPLY_END.search(m["a"]):
        return None
    return split_areas(text[at:m.end("a")])


_KEYCAP_HEADING = re.compile(r"^[ \t]*\d\ufe0f?\u20e3[^\n]*$", re.M)
_HEADING = re.compile(r"^[ \t]*(?:(?:\d+|[一二三四五六七八九十]+)\s*[.、．]|[(（]?\d+[)）])\s*"
                      r"(?P<a>[^\s:：,，。;；][^:：,，。;；\n]{1,29}?)\s*[:：][ \t]*$"
                      # a post's keycap number before the place (``1️⃣ 湖西小区（1-8幢）``)
                      r"|^[ \t]*\d\ufe0f?\u20e3\s*"
                      r"(?P<c>[^\s:：,，。;；][^:：,，。;；\n]{1,29}?)\s*[:：]?[ \t]*$"
                      # unnumbered, a short place alone on its line (``文三楼:``)
                      r"|^[ \t]*(?P<b>[^\s\d:：,，。;；、(（][^\s:：,，。;；、]{1,11})[:：][ \t]*$"
                      # a numbered item that is a list of places, its time on the next line
                      # (``1. 慈城镇公善村、慈城镇五联村部分区域``)
                      r"|^[ \t]*\d{1,2}\s*[.、．]\s*"
                      r"(?P<d>[^\s\d:：,，。;；][^:：,，。;；\n]*?、[^:：,，。;；\n]*?)[ \t]*$",
                      re.M)


def _areas_heading(masked, text, start, scope_start, read) -> list[str] | None:
    """The place of a numbered item whose heading line is only that place (``1.化工楼:``),
    when the anchor's line comes right after it, a label at most before the date."""
    line_start = masked.rfind("\n", 0, start) + 1
    # (Not a chat's message, ``@所有人 再说一遍：3月28日 8:30—17:00 停电``: the line above is its
    # speaker, ``网格员王海波：``.)
    if line_start == 0 or not re.fullmatch(r"\s*(?:[^\d:：,，。\n@]{2,16}[:：])?\s*",
                                          masked[line_start:start]) \
            or masked.startswith("@", line_start):
        return None
    previous = masked.rfind("\n", 0, line_start - 1) + 1
    if previous < scope_start:
        return None
    m = _HEADING.match(masked, previous, line_start - 1)
    group = next((g for g in "abcd" if m and m[g]), "b")
    # (``…五联村部分区域``: a place's qualifier, no heading word.)
    # (Not a chat's speaker, ``长河供电所-刘工：`` above ``@所有人 更正：明天…``.)
    if not m or re.search(r"[\u3400-\u9fff][-－—][\u3400-\u9fff]", m[group]) or re.search(
            r"停电|时间|日期|地点|范围|区域|通知|如下|安排|单位|部门|事项|原因|说明"
            r"|各|您|好|注意|提示|附件", re.sub(r"部分区域", "", m[group])):
        return None
    read.add(_line_of(masked, previous))
    return split_areas(text[m.start(group):m.end(group)])


def _prose_areas(masked, text, start, end, read
                 ) -> tuple[list[str] | None, int | None, list[tuple[int, int]]]:
    """The places of the first clause after a time that names any, where that clause stops
    (the ``;`` or sentence end), and the clauses passed over before it ((start, stop) each);
    (None, None, []) when no clause names a place."""
    line_end = masked.find("\n", start)
    line_end = min(end, len(masked) if line_end < 0 else line_end)
    first = True
    passed: list[tuple[int, int]] = []
    while start < line_end:
        stop = min(line_end, _sentence_end(masked, start))
        # The clause after the time, up to the next ``;`` or sentence end.
        semi = re.compile(r"[;；]").search(masked, start, stop)
        stop = semi.start() if semi else stop
        found = _clause_areas(masked, text, start, stop, first, line_end)
        if found is not None:
            return found, stop, passed
        passed.append((start, stop))
        first = False
        start = stop + 1
    return None, None, []


# What may follow a window's places after ``；`` on its line and is not a place: a request,
# an apology, places that keep their supply, a change, a time.
_NOT_MORE_PLACES = re.compile(r"请|敬请|给您|带来|谅解|如有|如遇|咨询|电话|热线|不停电|不受影响"
                              r"|(?:照常|正常|继续)(?:供电|用电)|恢复|送电|提前|顺延|届时|期间"
                              r"|原定|调整|改为|取消|变更|延期|停水|停气"
                              # (a time: the time check reports it)
                              r"|\d\s*[:：]\s*\d\d|\d\s*[点时]|上午|下午|中午|晚上|凌晨")


def _clause_passed(masked: str, text: str, start: int, stop: int) -> tuple[int, str] | None:
    """A clause between a time and the clause its window's places were read from that may
    itself name places (``6月9日8:30—15:30，观海卫镇鸣鹤村、杜湖村；卫山村部分用户停电``):
    (its offset, as printed), to be reported. None for a reason, the works, a request."""
    return _clause_to_report(masked, text, start, stop, " \t,，;；:：", _NOT_MORE_PLACES,
                             _NOT_PLACE_CLAUSE)


def _clause_to_report(masked: str, text: str, start: int, stop: int, apart: str,
                      *refused: re.Pattern) -> tuple[int, str] | None:
    """``masked[start:stop]`` without the marks ``apart`` (and a full stop at its end), as
    (its offset, as printed), where it holds two characters or more of a name and none of the
    ``refused`` words; else None."""
    clause = masked[start:stop]
    lead = len(clause) - len(clause.lstrip(apart))
    clause = clause.strip(apart + "。.")
    if len(re.findall(r"[\u3400-\u9fff]", clause)) < 2 or \
            any(words.search(fold(clause)) for words in refused):
        return None
    at = start + lead
    return at, text[at:at + len(clause)]


# A clause that says why or how, not where (``因线路检修``, ``将进行停电作业``).
_NOT_PLACE_CLAUSE = re.compile(r"因|由于|为了|为确保|检修|施工|改造|作业|工程|线路|停电|供电|用电"
                               r"|[kK][vV]|千伏|星期|周[一二三四五六日天]")


def _clause_left(masked: str, text: str, stop: int, following: int) -> tuple[int, str] | None:
    """The rest of a line after ``；`` that ends the clause a window's places were read from,
    when no later time on the line reads it and it may name places (``8:30—15:30  观海卫镇
    鸣鹤村、杜湖村；观海卫镇卫山村部分用户``): (its offset, as printed), to be reported, never
    dropped. None when the clause did not end at ``；`` or nothing of the kind is left."""
    if stop >= len(masked) or masked[stop] not in ";；":
        return None
    line_end = masked.find("\n", stop)
    line_end = len(masked) if line_end < 0 else line_end
    if following < line_end:
        return None  # another time on the line: its clause is read with it
    return _clause_to_report(masked, text, stop + 1, line_end, " \t,，;；", _NOT_MORE_PLACES)


# Another town's list after ``；`` (``三七市镇：石步村。``, or glued to its first place,
# ``…谢界山村；尚田街道印家坑村、冷西村。``).
_TOWN_LIST = re.compile(r"\s*(?P<t>[\u3400-\u9fff]{1,6}?(?:镇|乡|街道))\s*:\s*"
                        r"(?P<a>[^:;；。]+?)\s*[。.]?\s*"
                        r"|\s*(?P<t2>[\u3400-\u9fff]{2,4}?(?:镇|街道))(?P<a2>[^:;；。]+?)\s*[。.]?\s*")
# Equipment, not a place: a substation, a line, a switch, a transformer area.
_EQUIPMENT = re.compile(r"(?:变电站|变电所|开关站|配电站|配电房|线路|\d+\s*[kK]?[vV]?\S{0,6}线|开关"
                        r"|台区|环网柜|公变|专变)$")
# The work said after a line's name (``10kV桑洲线分段停电，影响…``: cut a section at a time).
_LINE_WORK = r"(?:配合|检修|施工|改造|分段)?"
_MORE_LINE = re.compile(r"[\u3400-\u9fff\w#]{1,10}?(?:线|支线)" + _LINE_WORK)
# A line cut by its name, or one of its branches (``10kV横河线``, ``10千伏霞浦线沙湾支线``).
_LINE_CUT = LINE_NAME.format(stop="", more="|分支")
_LINE_ONLY = re.compile(r"(?:因|由于)?" + _LINE_CUT + _LINE_WORK)
# (``停10千伏霞浦线沙湾支线，影响霞浦街道霞南村、…``: the line cut said with 停 before it.)
_LINE_WORKS_AFFECTED = re.compile(
    r"[,，\s]*(?:将)?(?:对\s*" + _LINE_CUT
    + r"\s*(?:进行|实施)(?:停电)?(?:检修|施工|改造|作业|迁改)(?:工作)?|停(?:电|运)?\s*"
    + _LINE_CUT + r")\s*[,，]\s*(?:影响|涉及)"
    r"(?:范围|区域)?[:：]?\s*(?P<a>" + _LIST_TO_END + ")")
_AFFECTED = re.compile(r"[^,，。;；]{0,8}?[,，]\s*(?:影响|涉及)(?:范围|区域)?[:：]?\s*"
                       r"(?P<a>[^,，。;；]+)")
_CUSTOMERS = re.compile(r"[,，]\s*(?:影响|涉及|停电范围|影响范围)?(?:为|有|包括)?[:：]?\s*"
                        r"(?P<a>[^。;；]+?)\s*(?:等(?:部分)?(?:地|地区|单位|用户|客户)?)?"
                        r"(?:将)?(?:受到?影响|停电|用电)\s*$")


def _clause_areas(masked, text, start, stop, first, end=None) -> list[str] | None:
    """The places of the clause ``masked[start:stop]`` after a time (``first``: right after
    it), else None; ``end`` is where the window's scope ends (the next time on the line)."""
    duration = _DURATION.match(masked, start, stop) if first else None
    if duration:  # ``6:00~8:00(各2小时)停电…``: how long, then the clause
        start = duration.end()
        line_end = masked.find("\n", start)
        if not masked[start:len(masked) if line_end < 0 else line_end].strip(" 。.;；,，"):
            return []  # ``上午8:00~下午18:00(10小时)。`` and nothing more: no place named
    scope = masked[start:stop]
    # ``，大东区；``: a district alone
    lone = re.match(r"^[,，\s]*([^\s,，、;；。]{1,4}[区县])(?=$|[,，])", scope)
    if first and lone:
        return [text[start + lone.start(1):start + lone.end(1)]]
    # ``全校高压电设备检修停电``: the whole school is the place (``全日`` is a time, not a place).
    whole = re.match(r"^[,，\s]*(全(?:校区|校|院|区|岛|厂|村|镇))(?=[^,，。;；]{0,16}停电)", scope)
    if first and whole:
        return [text[start + whole.start(1):start + whole.end(1)]]
    # (``对10kV庄市线进行检修，涉及庄市街道勤勇村、永旺村、庄市老街一带，…``: the line worked on,
    # no 停电 said, then the places it touches.)
    works = _LINE_WORKS_AFFECTED.match(scope)
    if works:
        return split_areas(text[start + works.start("a"):start + works.end("a")].rstrip(" ,，"))
    for pattern in _PROSE:
        for m in pattern.finditer(scope):
            printed = text[start + m.start("a"):start + m.end("a")]
            printed = re.sub(r"^(?:届时|倒闸期间|期间)?[,，\s]*(?:仅|只)?(?=\S{2})", "", printed)
            # ``将对东坝镇、…等地停电``: the places are the object of 对 (``因10kV横河线检修对您
            # 所在的慈溪市横河镇孙家境村…的停电``: after the reason and the customer).
            obj = re.match(r"(?:因[^,，。;；对]{0,30}?(?:检修|施工|改造|作业|工程|需要|工作))?"
                           r"(?:将会|将|拟|计划)?对(?:您|你)?(?:所在|所处)?的?(?=\S{2})",
                           fold(printed))
            printed = printed[obj.end():] if obj else printed
            # ``实施工作停电``, ``进行检修停电``: what is done, not where.
            if re.search(r"实施|进行|开展|实行|工作$|检修$|施工$|作业$", fold(printed)):
                continue
            # ``将再次停电``, ``一天内随时可能停电``: when and how likely, not where.
            if re.search(r"^(?:将|再|又|也|均|都|会)|可能|随时|再次", fold(printed)):
                continue
            # (``…、中午12:00—13:30两次停电``: how many times, not where.)
            if re.fullmatch(r"\s*(?:分)?[两二三四几多]\s*(?:次|段|个时段|轮|回)\s*", fold(printed)):
                continue
            if re.fullmatch(r"(?:全天|全日|整天|当天|当日)", fold(printed).strip()):
                continue  # ``3月7日全天停电``: when, not where
            # ``对10kV鹤浦线进行的停电检修``, ``因10kV崇寿G562线配合停电``: the line cut, not where
            # (unless its customers follow: below); ``3月10日其他停电计划不变``: which plans.
            # (``10千伏河姆线、江中线``: the later lines of a list without their voltage.)
            parts = [part.strip() for part in re.split(r"[、,，和及]", fold(printed))
                     if part.strip()]
            if parts and _LINE_ONLY.fullmatch(parts[0]) and all(
                    _LINE_ONLY.fullmatch(part) or _MORE_LINE.fullmatch(part)
                    for part in parts[1:]):
                # (``…对10kV大佳何线停电检修，影响大佳何镇涨坑村、大佳何村，…``)
                customers = _CUSTOMERS.match(masked, start + m.end(), stop) or \
                    _AFFECTED.match(masked, start + m.end(), stop)
                if customers:
                    return split_areas(text[customers.start("a"):customers.end("a")])
                continue
            if re.fullmatch(r"(?:其他|其它|其余|以上|上述|剩余|原?计划)的?", fold(printed).strip()):
                continue
            if len(printed) > 1 and not re.fullmatch(r"现在?|今天?|明天?|特此|兹|随后", printed):
                # ``耿河变电站停电,测绘学院、省图书馆等地受影响``: the equipment switched off is
                # not the place; the customers named after it are.
                customers = _EQUIPMENT.search(fold(printed)) and _CUSTOMERS.match(
                    masked, start + m.end(), stop)
                if customers:
                    at = customers.start("a")
                    return split_areas(text[at:customers.end("a")])
                areas = split_areas(printed)
                # Customers in a parenthesis cut during the same window
                # (``(拉萨百益百货有限公司、自治区邮政局短时停电两次)``).
                more = re.match(r"\s*[(（](?P<a>[^)）]+?)(?:短时|短暂)?停电[^)）]*[)）]",
                                masked[start + m.end():stop + 1])
                if more:
                    at = start + m.end() + more.start("a")
                    areas += split_areas(text[at:at + len(more["a"])])
                return areas
    if not first:
        return None
    # ``06:30—15:30鹤上镇东平村部分区域、…``: the clause right after the time
    clause = scope.strip(" ")
    if clause.startswith("停电"):
        return []
    if re.match(r"[(（]\s*原定", clause):
        return None  # (the day the slot was set for: ``（原定9月20日，因天气原因调整）``)
    if clause[:1] in ":：" and clause[1:2] not in ("", " "):
        clause = clause[1:]  # ``8:00-17:00:阳光小区、李家村``: the places after a colon
    # ``一、10月15日7:30-16:30，跃龙街道：城东社区、…``: a town and its places after the comma.
    town_list = re.match(r"[,，]\s*([\u3400-\u9fff]{1,6}(?:镇|乡|街道)\s*[:：][^:：]+)$", clause)
    if town_list:
        offset = stop - len(clause) + town_list.start(1)
        return split_areas(text[offset:stop])
    # (``9月18日8:00-15:00定塘镇沙地村、定塘镇小湾塘村检修照常进行``: a slot said to stand, its
    # places before the words.)
    stands = re.search(r"(?:的)?(?:计划)?(?:检修|停电|施工|作业|工作)?(?:照常|如期|按计划|按原计划)"
                       r"(?:进行|实施)$", clause)
    if stands and clause[0] not in ",，:：、" and stands.start() >= 2 and \
            not re.search(r"停电|供电|检修|施工|原定|调整|取消|[,，]", clause[:stands.start()]):
        offset = stop - len(clause)
        return split_areas(text[offset:offset + stands.start()])
    if clause and clause[0] not in ",，:：、" and \
            not re.search(r"停电|供电|倒闸|施工|检修|操作|停用|电源|实施|进行", clause) and \
            not re.match(r"(?:也|都|还)?(?:要|不)停", clause):  # (``…凌晨4点也要停，是换变压器``)
        offset = stop - len(clause)
        return split_areas(text[offset:stop])
    # ``1月10日6时至18时,新华路中段沿线高低压用户;``: a list of entries, one a line, each
    # ``time,places;`` — the clause after the comma, when it is the whole rest of its line.
    entry = re.fullmatch(r"[,，]\s*([^,，:：、][^:：]*?)\s*[;；。]?\s*", clause)
    # (``…上午7时30分至12时，横溪镇大岙村、金峨村一带；同日下午…``: up to the next time.)
    rest_of_line = masked[stop:min(masked.find("\n", stop) if "\n" in masked[stop:]
                                   else len(masked), len(masked) if end is None else end)]
    if entry and not rest_of_line.strip(" ;；。") and \
            not re.search(r"停电|供电|倒闸|施工|检修|操作|请|恢复|影响|将|通知|调整|改为|改至|变更"
                          r"|增加|同时|延期|推迟|顺延|取消|原定", entry[1]):
        offset = stop - len(clause) + entry.start(1)
        return split_areas(text[offset:offset + len(entry[1])])
    return None
