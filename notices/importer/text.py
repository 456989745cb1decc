"""Read the small pieces of an outage notice: characters, dates, weekdays and time windows.

Everything here works on *folded* text (see ``fold``): one character in, one character
out, so an offset in the folded text is the same offset in the text as printed, and the
importer can always quote and keep the printed fragment.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import opencc

# ---------------------------------------------------------------------------
# Folding: full-width forms, dashes and Traditional characters, one for one.

# Traditional → Simplified, one character for one: OpenCC's character dictionary
# (``opencc-python-reimplemented``, Apache-2.0, TSCharacters.txt, first reading of each
# character), plus the few place-name variants it leaves alone. Used for matching only
# (districts, towns, labels, keywords); areas keep what was printed.
_VARIANTS = {"嶴": "岙", "隄": "堤", "邨": "村", "祇": "只", "炤": "照", "鎔": "熔"}


def _opencc_characters() -> dict[str, str]:
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        simplified = simplified.split(" ")[0]
        if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
            table[traditional] = simplified
    return table


TRADITIONAL_TO_SIMPLIFIED: dict[str, str] = {**_opencc_characters(), **_VARIANTS}

_DASHES = "—–‒―−﹣－‐‑⁃"  # every dash a notice may use as a range sign
_TILDES = "～〜∼˜"
_DOTS = "・•‧∙●"
_SPACES = "\u3000\u00a0\u2002\u2003\u2009\u200b\u202f\ufeff"


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table.update({ord(c): "-" for c in _DASHES})
    table.update({ord(c): "~" for c in _TILDES})
    table.update({ord(c): "·" for c in _DOTS})
    table.update({ord(c): " " for c in _SPACES})
    table.update({ord("〔"): "(", ord("〕"): ")", ord("［"): "[", ord("］"): "]",
                  ord("﹙"): "(", ord("﹚"): ")", ord("︰"): ":", ord("∶"): ":",
                  ord("﹕"): ":", ord("，"): ",", ord("；"): ";", ord("﹐"): ",",
                  ord("〇"): "〇"})
    table.update({ord(t): s for t, s in TRADITIONAL_TO_SIMPLIFIED.items()})
    return table


_FOLD = _build_fold_table()
_DISPLAY = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c - 0xFEE0).isalnum()}
_DISPLAY.update({ord(c): " " for c in _SPACES})


def fold(text: str) -> str:
    """Fold full-width forms, dashes, dots and Traditional characters; keep the length."""
    return text.translate(_FOLD)


def display(text: str) -> str:
    """Return text as printed, with full-width letters and digits made ASCII (same length)."""
    return text.translate(_DISPLAY)


# A post's decoration (WeChat: ``⏰``, ``📍``, ``❗️``, keycaps ``1️⃣``): pictographs and their
# joiners, and the keycap's number as an item number (``1️⃣`` → ``1、``), length kept.
_KEYCAP = re.compile("([0-9#*])\ufe0f?\u20e3")
# (The ranges of a post's pictographs, for a character class: ``⏰``, ``📍``, ``❗``.)
PICTOGRAPHS = "\u2300-\u23ff\u2600-\u27bf\U0001F000-\U0001FAFF"
# (And a page's geometric bullets, ``■2月21日(周四)``, ``◆``, ``▲``: not ``●``, a column's
# dot, ``○``, a zero in ``二○三○年``, nor ``▼``, an app's place picker.)
_PICTOGRAPH = re.compile(f"[{PICTOGRAPHS}\u2b00-\u2bff\u25a0-\u25bb\u25c0-\u25ca\u25cc-\u25ce"
                         "\u25d0-\u25ff"
                         "\ufe0f\u200d\u20e3]")


def plain_symbols(text: str) -> str:
    """``text`` with a post's pictographs made spaces and keycaps item numbers (same length);
    Markdown's bold marks (``**7月30日 星期一**``) are spaces too."""
    text = _KEYCAP.sub(lambda m: m[1] + "、" + " " * (len(m[0]) - 2), text)
    text = text.replace("**", "  ")
    # (``●2月23日（星期六）``: a dot opening a line is its bullet, not a column's town mark.)
    text = _LINE_BULLET.sub(lambda m: m[1] + " ", text)
    # (``…太河路沿线(原定8:00—16:00，变更为9:00—13:00)``: written as the column's own
    # ``原(8:00—16:00)变更为(9:00—13:00)``, the same length.)
    text = _CHANGE_IN_BRACKET.sub(lambda m: f"原{m['o']}{m['a']}){m['w']}({m['b']}{m['c']}", text)
    return _PICTOGRAPH.sub(" ", text)


# (Only where the rewrite keeps the length: 原定/原为, a three-character change word.)
_CHANGE_IN_BRACKET = re.compile(r"(?P<o>[(（])原[定为]"
                                r"(?P<a>\s*\d{1,2}\s*[:：]\s*\d{2}\s*[-—–~至到]\s*"
                                r"\d{1,2}\s*[:：]\s*\d{2}\s*)[,，]\s*(?P<w>变更为|调整为|更改为)"
                                r"(?P<b>\s*\d{1,2}\s*[:：]\s*\d{2}\s*[-—–~至到]\s*\d{1,2}\s*[:：]"
                                r"\s*\d{2}\s*)(?P<c>[)）])")


_LINE_BULLET = re.compile(r"(?m)^([ \t\u3000]*)[●•◦▪]")


# ---------------------------------------------------------------------------
# Small shared patterns (on folded text).

CJK = r"\u3400-\u9fff"
# What follows a town's or district's name in the name of one of its institutions or parks
# (``瞻岐镇工业园区``, ``附海镇中心小学``, ``象山县人民医院``), not a village of the town
# (``五乡镇石山弄村``: the town printed again).
# (``人民路``, ``人民街``: a street, no institution.)
INSTITUTION_WORD = re.compile(r"工业|开发区|经济|中心|卫生|人民(?!路|街|大道|巷|弄|新村|桥)|敬老|"
                              r"成校|文化(?!路|街|大道|巷|弄|新村|桥)|农贸|菜场|"
                              r"社区服务|社区卫生|派出所|政府|中学|小学|幼儿园|医院|供销|学校|寺|庙|祠|"
                              r"景区|公园|水库|码头|办事处|管委会|村委会|居委会|"
                              r"污水|自来水|水厂|垃圾|消防|邮政|客运|车站|加油站|粮站|林场|农场|市场|"
                              r"城市管理|城管|中队|大队|排涝|排灌|泵站|冷库|服务站|文体|礼堂|图书|体育|养老|"
                              r"福利院|农机|水利|渔业|兽医|电影|园区|养殖|基地|加工厂|茶场|茶厂|粮食|站$|馆$")


# A character of a name, not of a building's number (``天一家园3幢`` has some, ``1幢、2幢``
# none): buildings by number alone are one place each.
NAME_CHAR = re.compile(r"[^\d\s#＃号栋楼座幢单元、,，\-—~至]")


def town_institution(folded: str, at: int, town: str) -> bool:
    """Whether the place ``folded`` holds after its town's name (at ``at``) is an institution or
    park that keeps the town's name (``云龙镇卫生院``, ``古林镇前虞村工业区``). Not where its
    own name begins with the town's short name (``长街镇长街中学``, ``孔浦街道孔浦污水泵站``):
    the town is printed again before it, as before a village."""
    short = re.sub(r"(?:街道|镇|乡)$", "", fold(town))
    if short and folded.startswith(short, at):
        return False
    if 0 < at <= len(folded) and folded[at - 1] in "·•":
        return False  # (``阳明街道·余姚市中医医院后勤楼``: the column's dot marks the town)
    # (A village's name holding such a word, ``附海镇海晏庙村部分用户``: only what follows the
    # village, ``古林镇前虞村工业区``, names an institution of it.)
    # (``姜山镇蔡郎桥村村委会``, ``宗汉街道百两居委会``: a village's or community's own committee,
    # named after it; the town printed again before it, as before the village.)
    if _COMMITTEE.fullmatch(folded, at):
        return False
    village = re.compile(r"村(?!委)|社区(?!服务|卫生)").search(folded, at)
    return INSTITUTION_WORD.search(folded, village.end() if village else at) is not None


_COMMITTEE = re.compile(r"[\u3400-\u9fff]{1,8}?(?:村|社区)?(?:村委会|居委会|村民委员会|居民委员会)")


# A table cell that calls its row's slot off, alone (``已取消``, ``取消``, ``停电取消``): a
# status or a remark column's, in the column reader and the layout reader alike.
CALLED_OFF_CELL = re.compile(r"\s*(?:已?取消|停电取消|取消停电)\s*")
# A remark moving the row's slot to another day, at its time (``延期至8月28日（星期六）``,
# ``延期至10月27日，时间不变``): the column reader and the layout reader both read it.
MOVED_CELL = re.compile(r"\s*(?:已)?(?:延期|推迟|顺延|改期|调整)(?:至|到)\s*"
                        r"(?P<d>\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2})"
                        r"\s*(?:[(（][^()（）]{1,4}[)）])?"
                        r"(?:\s*[,，]?\s*(?:停电)?(?:时间|时段)(?:不变|照旧|相同))?\s*[。.]?\s*")


# A line's voltage and name up to its ``线`` (``10kV西店G523樟树线``, ``10千伏蔡郎桥线``):
# what a notice names as the line cut, never a place. (The tail stops at a separator.)
LINE_NAME = r"\d+(?:\.\d+)?\s*(?:kV|KV|kv|千伏)[^\s、,，;；{stop}]{{1,20}}?(?:线|支线|分线{more})"
# An outage already over (``状态：已送电``, ``…已于当晚21:40修复送电``), and words of one to come.
PAST_WORDS = re.compile(r"已送电|已恢复(?:送电|供电)|已于.{0,16}(?:恢复|修复|抢修)?"
                        r"(?:送电|供电|复电)|故障停电|故障抢修|抢修完毕|已修复"
                        r"|(?:全部|均已|已经)恢复(?:送电|供电)|连夜抢修")
PLANNED_WORDS = re.compile(r"计划|将于|拟于|预计|定于|待执行|将(?:临时|短时)?停电")
# The slot's own time said again after a change (``延期至10月15日同一时段进行``, ``…调整为4月14日
# 同一时间进行``): the column's scanner and the layout reader both read it.
# (``…推迟至8月7日（星期三）进行，时间不变。``: the same slot, said after the day.)
SAME_SLOT = re.compile(r"\s*(?:的)?(?:(?:同一|相同|原|同)(?:时段|时间)(?:进行|实施|停电)?"
                       r"|(?:进行|实施)?\s*[,，]?\s*(?:停电)?(?:时间|时段)(?:不变|照旧|同前))\s*[。.]?")
# A column run's time window in its brackets (``(7:30—16:30)``, ``（8:00-12:00）``; not office
# or opening hours, ``营业时间(10:00—22:00)``).
# Places added to a slot (``…，停电范围增加清水湖村。``): the column's scanner and the layout
# reader both read them.
RANGE_ADDED = r"(?:停电)?范围(?:另外|另)?(?:增加|新增|增列)(?:了)?"
RUN_TIME = re.compile(r"(?<!时间)(?<!开放)(?<!营业)[(（]\s*\d{1,2}\s*:\s*\d{2}\s*[—\-–~至]")
SEPARATORS = "、,;"
RANGE = r"\s*(?:-+|~|至|到)\s*"
NEXT_DAY = r"(?:次日|翌日|第二天|隔日)"
WEEKDAYS = "一二三四五六日"
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(index: int) -> str:
    return _WEEKDAY_NAMES[index]


WEEKDAY = r"(?:星期|周|礼拜)\s*(?P<wd>[一二三四五六日天1-7])"

# A date with a year, or month and day; YYYY-MM-DD and YYYY/MM/DD too.
DATE = (
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?"
    r"|(?P<y2>\d{4})\s*[-/.]\s*(?P<m2>\d{1,2})\s*[-/.]\s*(?P<d2>\d{1,2})\s*日?(?!\d)"
)
# A date standing alone on its line may also be written 09-23, 9/23 or 9.23.
SHORT_DATE = r"(?P<m3>\d{1,2})\s*[-/.]\s*(?P<d3>\d{1,2})(?!\d)"

DATE_RE = re.compile(DATE)
# (``12月23日(一)``: a table's date with its weekday's numeral alone in brackets.)
_BARE_WEEKDAY = r"[(\[【]\s*(?P<wb>[一二三四五六日天])\s*[)\]】]"
_DATE_THEN_WEEKDAY = re.compile(
    rf"(?:{DATE})(?:\s*[(\[【]?\s*{WEEKDAY}\s*[)\]】]?|\s*{_BARE_WEEKDAY})?"
)
_SHORT_DATE_LINE = re.compile(
    rf"\s*[(\[【]?\s*{SHORT_DATE}\s*[)\]】]?(?:\s*[(\[【]?\s*{WEEKDAY}\s*[)\]】]?)?\s*[:]?\s*$"
)
_DAY_ONLY = re.compile(r"(?P<d>\d{1,2})\s*[日号]")

TIMEISH = re.compile(r"(?<!\d)\d{1,2}\s*(?::\s*\d|点|时(?!间))")


@dataclass(frozen=True)
class DateParts:
    """A printed date: the year may be missing; the weekday is what was printed, if any."""

    year: int | None
    month: int
    day: int
    weekday: int | None = None  # 0 = Monday


@dataclass(frozen=True)
class DateMatch:
    """A date (or a range of dates) found in folded text."""

    start: int
    end: int
    dates: tuple[DateParts, ...]


def _weekday_index(char: str | None) -> int | None:
    if not char:
        return None
    if char.isdigit():
        return (int(char) - 1) % 7
    return 6 if char in "日天" else WEEKDAYS.index(char)


def _parts(match: re.Match) -> DateParts:
    g = match.groupdict()
    if g.get("m") is not None:
        year, month, day = g.get("y"), g["m"], g["d"]
    else:
        year, month, day = g.get("y2"), g["m2"], g["d2"]
    return DateParts(int(year) if year else None, int(month), int(day),
                     _weekday_index(g.get("wd") or g.get("wb")))


def match_date(text: str, pos: int) -> DateMatch | None:
    """Match a date at ``pos``, with its weekday, or a range such as 5月6日至8日."""
    m = _DATE_THEN_WEEKDAY.match(text, pos)
    if not m or not (m.group("m") or m.group("m2")):
        return None
    first = _parts(m)
    end = m.end()
    dates = [first]
    rng = re.compile(RANGE).match(text, end)
    if rng:
        second = _DATE_THEN_WEEKDAY.match(text, rng.end())
        if second and (second.group("m") or second.group("m2")):
            parts = _parts(second)
            if not re.match(rf"\s*{NEXT_DAY}?\s*\d{{1,2}}\s*[:点时]", text[second.end():]):
                dates.append(DateParts(parts.year or first.year, parts.month, parts.day,
                                       parts.weekday))
                end = second.end()
        else:
            day_only = _DAY_ONLY.match(text, rng.end())
            if day_only:
                dates.append(DateParts(first.year, first.month, int(day_only.group("d"))))
                end = day_only.end()
    # (``12月18日至20日（星期一至星期三）``: the range's weekdays after it.)
    # (``1月26日—28日 星期一至星期三（每天）``: and that it is every day of it.)
    if len(dates) > 1:
        weekdays = _WEEKDAY_RANGE.match(text, end)
        end = weekdays.end() if weekdays else end
        every = _EVERY_DAY_SAID.match(text, end)
        end = every.end() if every else end
    return DateMatch(pos, end, tuple(dates))


_EVERY_DAY_SAID = re.compile(r"\s*(?P<o>[(\[【]\s*)?(?:每天|每日)(?(o)\s*[)\]】])(?=\s*$)")


# (``6月20日至22日 星期三至星期五``: unbracketed too.)
_WEEKDAY_RANGE = re.compile(r"\s*(?P<o>[(\[【]\s*)?(?:星期|周)[一二三四五六日天]"
                            r"\s*(?:至|到|-|—|~)\s*"
                            r"(?:星期|周)?[一二三四五六日天](?(o)\s*[)\]】])")


def match_short_date_line(text: str) -> DateMatch | None:
    """Match a line that is only a short date such as 09-23 or 9/23 (星期一)."""
    m = _SHORT_DATE_LINE.match(text)
    if not m:
        return None
    return DateMatch(0, len(text), (DateParts(None, int(m.group("m3")), int(m.group("d3")),
                                              _weekday_index(m.group("wd"))),))


def resolve_date(parts: DateParts, reference: dt.date) -> tuple[dt.date | None, bool]:
    """Give a printed date its year; return (date, rolled) or (None, False) if unreal.

    A month far from the reference month belongs to the neighbouring year: a December
    notice listing January dates means next January.
    """
    year, rolled = parts.year, False
    if year is None:
        year = reference.year
        if parts.month < reference.month - 6:
            year, rolled = year + 1, True
        elif parts.month > reference.month + 6:
            year, rolled = year - 1, True
    try:
        return dt.date(year, parts.month, parts.day), rolled
    except ValueError:
        return None, False


# ---------------------------------------------------------------------------
# Times and time windows.

_MERIDIEM = r"(?P<mer>上午|早上|早晨|清晨|中午|下午|傍晚|晚上|夜间|夜里|凌晨|晚|早)"
_POINT = (
    rf"(?:{_MERIDIEM}\s*)?(?P<h>\d{{1,2}})\s*"
    r"(?::\s*(?P<m>\d{2})(?::\d{2})?|点\s*(?:(?P<half>半)|(?P<m2>\d{1,2})\s*分?)?"
    r"|时\s*(?:(?P<m3>\d{1,2})\s*分)?)"
)
_POINT_RE = re.compile(
    rf"(?<!\d)(?:(?:每天|每日|当天|当日)\s*)?(?:(?P<nd>{NEXT_DAY})\s*)?{_POINT}(?!\d)")
_RANGE_RE = re.compile(RANGE)
_DATE_PREFIX = re.compile(
    rf"(?:(?:{DATE})(?:\s*[(]?\s*{WEEKDAY}\s*[)]?)?)\s*"
)
_LIST_SEP = re.compile(r"\s*(?:[,、;/]|和|及|以及)\s*|\s+")


@dataclass(frozen=True)
class Point:
    """One printed time of day, before it is placed in a window."""

    hour: int
    minute: int
    meridiem: str | None
    next_day: bool
    date: DateParts | None
    text: str


@dataclass(frozen=True)
class TimeWindow:
    """A start and an end read from a notice; minutes past the window's own midnight."""

    start: int  # minutes after midnight of the window's day
    end: int  # may exceed 24 * 60 when the window ends the next day
    start_date: DateParts | None = None
    end_date: DateParts | None = None
    text: str = ""

    @property
    def start_hhmm(self) -> str:
        return f"{self.start // 60:02d}:{self.start % 60:02d}"

    @property
    def end_label(self) -> str:
        prefix = "次日" if self.end >= 24 * 60 else ""
        end = self.end % (24 * 60)
        return f"{prefix}{end // 60:02d}:{end % 60:02d}"


class TimeError(ValueError):
    """A time window that looks like one but cannot be read; the message says why."""


# Inside brackets only, 8.30 is a time too: "(8.30—15.30)".
_DOT_POINT_RE = re.compile(
    rf"(?<!\d)(?:(?P<nd>{NEXT_DAY})\s*)?(?:{_MERIDIEM}\s*)?(?P<h>\d{{1,2}})\.(?P<m>\d{{2}})(?!\d)")


def _point_at(text: str, pos: int, dots: bool = False) -> tuple[Point, int] | None:
    date = None
    dm = _DATE_PREFIX.match(text, pos)
    start = pos
    if dm and (dm.group("m") or dm.group("m2")):
        date = _parts(dm)
        pos = dm.end()
    m = _POINT_RE.match(text, pos) or (_DOT_POINT_RE.match(text, pos) if dots else None)
    if not m:
        return None
    g = m.groupdict()
    minute = g.get("m") or g.get("m2") or g.get("m3")
    minute = 30 if g.get("half") else int(minute or 0)
    return Point(int(g["h"]), minute, g["mer"], bool(g["nd"]), date, text[start:m.end()]), m.end()


def _apply_meridiem(hour: int, meridiem: str | None) -> int:
    if meridiem in ("下午", "傍晚", "晚上", "夜间", "夜里", "晚") and hour < 12:
        return hour + 12
    return hour


def _window(first: Point, second: Point, text: str) -> TimeWindow:
    for point in (first, second):
        if point.hour > 24 or point.minute > 59 or (point.hour == 24 and point.minute):
            raise TimeError(f'has an impossible time "{point.text.strip()}"; expected hours '
                            "0–24 and minutes 0–59")
    start_h = _apply_meridiem(first.hour, first.meridiem)
    end_h = second.hour
    if second.meridiem:
        end_h = _apply_meridiem(end_h, second.meridiem)
    elif first.meridiem and start_h >= 12 and end_h < 12 and end_h + 12 > start_h:
        end_h += 12  # 下午2:00-5:00 means 14:00-17:00
    if start_h == 24:
        raise TimeError('starts at 24:00; expected "0:00" under the next day')
    start = start_h * 60 + first.minute
    end = end_h * 60 + second.minute
    if first.next_day:
        raise TimeError("starts on the next day; expected the window under the date it "
                        "starts on")
    if second.next_day:
        end += 24 * 60
    return TimeWindow(start, end, first.date, second.date or None, text)


def match_window(text: str, pos: int, dots: bool = False) -> tuple[TimeWindow, int] | None:
    """Match one time window (8:30—15:30, 22:00-次日6:00, 8时至12时) at ``pos``."""
    found = _point_at(text, pos, dots)
    if not found:
        return None
    first, after = found
    rng = _RANGE_RE.match(text, after)
    if not rng:
        return None
    found = _point_at(text, rng.end(), dots)
    if not found:
        return None
    second, end = found
    # (``8:00-16:00（每天）`` in a table's time cell: every day of the row's dates, said.)
    every = _EVERY_DAY_AFTER.match(text, end)
    return _window(first, second, text[pos:end]), every.end() if every else end


_EVERY_DAY_AFTER = re.compile(r"\s*[(（]\s*(?:每天|每日)\s*[)）]")


# Words around the times inside parentheses: "(停电时间：8:30—15:30)", "(8:00-12:00停电)".
_WINDOW_WORDS = re.compile(r"^\s*(?:计划)?(?:停电)?(?:时间|时段)\s*:?|(?:停电|检修|施工)\s*$")
WHOLE_DAY = re.compile(r"\s*(?:全天|全日|整天)(?:停电)?\s*")
# Times with the days of their start and end: "(20日22:00—21日6:00)".
_DAY_PREFIXED = re.compile(r"\s*(?P<d1>\d{1,2})\s*[日号]\s*(?P<a>\d{1,2}\s*[:：]\s*\d{2})\s*"
                           r"(?:[-—–~～]+|至|到)\s*(?P<d2>\d{1,2})\s*[日号]\s*"
                           r"(?P<b>\d{1,2}\s*[:：]\s*\d{2})\s*")


def parse_windows(content: str) -> list[TimeWindow] | None:
    """Read text that is only time windows, e.g. the inside of "(8:00—12:00，14:00—17:00)".

    Return None when the text is not (only) time windows; raise TimeError when it is
    clearly meant as times but cannot be used.
    """
    content = _WINDOW_WORDS.sub(lambda m: " " * len(m.group(0)), content)
    # (``20日22:00—21日6:00`` under 10月20日: the day's numbers, the next day's end is 次日.)
    days = _DAY_PREFIXED.fullmatch(content)
    if days:
        first, second = int(days["d1"]), int(days["d2"])
        if second == first:
            content = f"{days['a']}-{days['b']}"
        elif second == first + 1 or second == 1 and first >= 28:
            content = f"{days['a']}-次日{days['b']}"
    if WHOLE_DAY.fullmatch(content):
        return [TimeWindow(0, 24 * 60, text=content.strip())]
    windows = []
    content_len = len(content.rstrip())
    pos = len(content) - len(content.lstrip())
    while pos < content_len:
        found = match_window(content, pos, dots=True)
        if not found:
            return None
        window, pos = found
        windows.append(window)
        sep = _LIST_SEP.match(content, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
        elif pos < content_len:
            return None
    return windows or None
