"""Turn the text of an outage notice into outage windows, reporting what it cannot read.

How a line is read:

1. ``NoticeAssembler.read_line`` first sorts whole lines: blank lines, Markdown table rules,
   table header rows (their cells give each column a role), headings (``### 计划停电预告``),
   the footer (``宁波供电公司``, ``网址：…``, a signature date), a short date line
   (``09-23``) and prose (kept in the body with a warning).
2. Every other line is folded (``importer_text.fold``: full-width forms, dashes, ``·``
   variants and Traditional characters, one character for one, so offsets stay those of the
   printed text) and ``LineScanner`` cuts it into tokens, trying at each position in turn:
   ``取消：``, a label (``停电时间：``, ``【停电区域】``), a bracketed date, a time window in
   brackets (``(8:00—12:00，14:00—17:00)``; brackets that hold no time, such as
   ``(5001049464)``, stay in the area), a bare time window, and at the start of an item a
   date, a district (``海曙``, ``浙江省宁波市海曙区``, an undeclared ``越城区``) or a town
   (``慈城镇…``, ``石碶街道·``, ``洞桥镇：``); anything else is area text up to a separator
   (``、，,;；``), a space or a time. Table rows are scanned cell by cell.
3. ``NoticeAssembler`` reads the tokens in order. Areas gather into a run, each remembering
   its district and town. A time window after a run closes it (the seed's layout); a time
   window with no run before it, or one leading its line, opens the next run (``停电时间：…
   停电范围：…``, ``1月10日6时至18时，…``) and holds until the next date or record. A date, a
   district at the start of a line, a repeated label and ``取消：`` end the open run; one
   without a time window is reported. Words split by spaces or line breaks are joined or
   split by the list's separators and the words' endings, with a warning where it guesses.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from notices.content.districts import District, DistrictTable
from notices.content.problems import did_you_mean
from notices.content.settings import SETTINGS_FILE

from .importer_text import (
    CJK,
    SEPARATORS,
    TIMEISH,
    DateParts,
    TimeError,
    TimeWindow,
    display,
    fold,
    match_date,
    match_short_date_line,
    match_window,
    parse_windows,
    resolve_date,
    weekday_name,
)

DAY = 24 * 60
LONG_OVERNIGHT = 12 * 60
DEFAULT_SOURCE = "宁波供电公司"
EXAMPLE_WINDOW = "(8:30—15:30)"
EXAMPLE_RUN = "万众村、郭夏村(8:30—15:30)"
EXAMPLE_DATE = "9月23日 星期一"


# ---------------------------------------------------------------------------
# What the importer reports.


@dataclass
class ImportMessage:
    """One problem or warning: the line it is on, the fragment as printed, and what is wrong."""

    line: int | None
    fragment: str
    message: str
    leftover: str = ""  # the printed text an --allow-partial import keeps in a note
    kind: str = "fragment"  # "fragment" or "place" (an undeclared district)
    col: int = 0

    def format(self, file: str, warning: bool = False) -> str:
        where = f"{file}:{self.line}" if self.line else file
        return f"{where}: {'warning: ' if warning else ''}{self.message}"


@dataclass
class WindowSource:
    """Where an imported window came from, for messages and notes."""

    line: int
    col: int
    fragment: str
    cancelled: bool
    place: ImportMessage | None = None  # set when the district is not declared


@dataclass
class OutageImport:
    """What the parser made of a notice: front matter, its origins, problems and warnings."""

    fields: dict
    sources: dict[str, list[WindowSource]]
    problems: list[ImportMessage]
    warnings: list[ImportMessage]
    body_lines: list[str]
    source_found: bool = False

    @property
    def place_problems(self) -> list[ImportMessage]:
        return [p for p in self.problems if p.kind == "place"]

    @property
    def fragment_problems(self) -> list[ImportMessage]:
        return [p for p in self.problems if p.kind != "place"]


# ---------------------------------------------------------------------------
# Tokens.


@dataclass
class Token:
    kind: str
    line: int
    start: int
    end: int
    text: str  # as printed (display form)
    value: object = None


_LABEL_TIME = "时间|时段|日期|时限"
_LABEL_AREA = "范围|区域|地点|地区|用户|客户|单位|小区|位置|地址|片区|村庄"
_LABEL_INFO = ("线路|设备|原因|内容|事由|备注|说明|类型|性质|编号|名称|台区|变压器|电压|等级|项目|"
               "联系人|联系电话|电话|热线")
_LABEL_WORD = rf"(?:{_LABEL_TIME}|{_LABEL_AREA}|{_LABEL_INFO})"
# What may stand before a label word: 停电时间, 影响范围, 线路名称, 联系电话; a name such as
# 阳光小区： is not a label.
_LABEL_PREFIX = (r"(?:计划|预计|临时|检修|故障)?"
                 r"(?:停电|停送电|送电|恢复送电|影响|受影响|涉及|作业|工作|施工|线路|设备|供电|所属|具体|"
                 r"联系|咨询|服务|报修)?")
_LABEL_COLON = re.compile(rf"(?P<label>{_LABEL_PREFIX}{_LABEL_WORD})\s*:\s*")
_LABEL_BRACKET = re.compile(r"[【\[](?P<label>[^】\]]{1,12})[】\]]\s*:?\s*")
_LABEL_ONLY = re.compile(rf"\s*(?P<label>{_LABEL_PREFIX}{_LABEL_WORD})\s*:?\s*$")
_TABLE_WORDS = re.compile(
    rf"[{CJK}]{{0,6}}?(?:{_LABEL_WORD}|序号|区县|县区|县市区|乡镇|街道|镇街|乡镇街道|所属区域|日期)"
)
_ENUMERATOR = re.compile(
    r"\s*(?:\d{1,3}\s*[.、)](?!\d)|\(\d{1,3}\)|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.])\s*"
)
_CANCEL = re.compile(
    r"\s*[\[【(]?\s*(?:以下)?(?:取消停电|停电取消|取消计划停电|取消计划|取消)(?:的)?"
    r"(?:停电)?(?:计划|信息|通知|安排|预告)?(?:如下)?\s*[\]】)]?\s*(?::|$)"
)
_PLAN_HEADING = re.compile(
    r"\s*#*\s*[\[【]?\s*[^\s:、]{0,16}?(?:计划停电|停电计划|停电预告|停电信息|停电通知|停电公告|"
    r"检修停电|停电安排)[^\s:、]{0,20}\s*[\]】]?\s*:?\s*$"
)
_SOURCE = re.compile(
    rf"[{CJK}A-Za-z()]{{2,16}}?(?:供电公司|供电局|电力公司|供电分公司|电业局|供电服务中心|"
    r"电网公司|供电所|供电中心)"
)
_URL_LINE = re.compile(
    r"\s*(?:(?:网址|网站|官网|网页|详见|查询网址|查询)\s*:?\s*)?"
    r"(?P<url>(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:/\S*)?)\s*$"
)
_PROSE = re.compile(
    r"[。！!？?]\s*$|谅解|特此|敬请|不便|如遇|顺延|提前送电|恢复送电|停电期间|咨询|热线|服务电话|"
    r"客服|通知如下|公告如下|如下:\s*$|安全用电|请.{0,12}做好"
)
_PROVINCE = re.compile(rf"[{CJK}]{{2,3}}省\s*")
_AREA_ENDING = re.compile(
    r"(?:村|社区|小区|路|街|弄|巷|号|厂|公司|站|变|带|苑|园|区|院|队|库|店|场|楼|馆|所|中心|局|厦|"
    r"城|湾|桥|港|岙|塘|庄|宅|坊|府|部|行|室|处|校|堂|门|里|口|埠|堡|寺|阁|山|岭|浦|镇|乡|线|"
    r"附近|周边|沿线|[\d)A-Za-z])$"
)
_SUFFIX_PIECE = re.compile(r"(?:一带|等地|等|附近|周边|及周边|沿线|一线|片区)")
_NOT_A_DISTRICT_ENDING = re.compile(
    r"(?:小区|社区|园区|景区|片区|厂区|校区|库区|山区|街区|开发区|工业区|保税区|高新区|度假区|功能区|"
    r"服务区|示范区|产业区|商务区|生活区|住宅区|居住区|营业区|办公区|试验区|集聚区|核心区|管理区|"
    r"风景区|林区|矿区|垦区|牧区|湖区|港区|园区|专区|分区|一区|二区|三区|四区|五区|[东南西北]区|"
    r"超市|菜市|夜市|集市|门市|村|路|街|弄|巷|号|厂|站|带|苑|园|院|队|库|店|场|楼|馆|所|公司|中心|镇|乡|"
    r"街道|线|变)$"
)
_TOWN_DOT = re.compile(r"(?P<town>[^\s、,;()\[\]【】·:]{1,12}?)\s*·\s*(?=\S)")
_TOWN_COLON = re.compile(r"(?P<town>[^\s、,;()\[\]【】·:]{1,12}?)\s*:\s*(?=\S)")
_TOWN_INSTITUTION = (
    "人民政府|政府|办事处|卫生院|派出所|敬老院|中心小学|中学|小学|幼儿园|财政所|供电所|文化站|"
    "成校|农办|街道办"
)
_TOWN_GLUED = re.compile(
    rf"(?P<town>[{CJK}]{{2,6}}?(?:镇|街道|乡))(?!{_TOWN_INSTITUTION})(?=[^\s、,;()\[\]【】·:])"
)
_TOWN_SPACED = re.compile(rf"(?P<town>[{CJK}]{{2,6}}(?:镇|街道|乡))\s+(?=[^\s、,;(\[【·:\d])")
_TOWN_SUFFIX = re.compile(r"(?:镇|街道|乡)$")
_EQUIPMENT = re.compile(r"(?:kV|KV|kv|千伏|线|变|开关|台区|专变|公变|支线|分线|环网|间隔)")
_UNKNOWN_PLACE = re.compile(rf"(?P<place>[{CJK}]{{1,6}}?(?:区|县|市|旗))")
_SHORT_PLACE = re.compile(rf"(?P<place>[{CJK}]{{2,4}})\s+(?=\S)")
_WINDOW_START = set("0123456789上下中早晚凌夜傍清次翌第隔每当")
_OPEN = {"(": ")", "[": "]", "【": "】"}


def _label_kind(label: str) -> str:
    if re.search(rf"(?:{_LABEL_INFO})$", label):
        return "info"
    if re.search(rf"(?:{_LABEL_TIME})$", label):
        return "time"
    return "area"


def _table_role(cell: str) -> str | None:
    cell = fold(cell).strip().rstrip(":")
    if not cell:
        return None
    if re.fullmatch(r"序号|编号|No\.?", cell):
        return "seq"
    if re.search(r"(?:区县|县区|县市区|所属区域|所属区县)$", cell):
        return "district"
    if re.search(r"(?:乡镇|街道|镇街|乡镇街道)$", cell):
        return "town"
    if not _TABLE_WORDS.fullmatch(cell):
        return None
    return _label_kind(cell)


_CELL_SPLIT = re.compile(r"\s*(?:\t+|\|)\s*|\s{2,}")


class LineScanner:
    """Cut one folded line into tokens (see the module docstring)."""

    def __init__(self, lineno: int, original: str, table: DistrictTable,
                 district_keys: list[tuple[str, District]]):
        self.lineno = lineno
        self.o = original
        self.d = display(original)
        self.f = fold(original)
        self.table = table
        self.keys = district_keys
        self.tokens: list[Token] = []
        self.closes = self._match_brackets()

    # Helpers -----------------------------------------------------------------

    def emit(self, kind: str, start: int, end: int, value: object = None) -> None:
        self.tokens.append(Token(kind, self.lineno, start, end, self.d[start:end].strip(), value))

    def _close_of(self, i: int, stop: int) -> int | None:
        close = self.closes.get(i)
        return close if close is not None and close < stop else None

    def _match_brackets(self) -> dict[int, int]:
        """Pair each opening bracket with its closing one, once per line."""
        closes: dict[int, int] = {}
        stacks: dict[str, list[int]] = {opener: [] for opener in _OPEN}
        closers = {closer: opener for opener, closer in _OPEN.items()}
        for j, c in enumerate(self.f):
            if c in stacks:
                stacks[c].append(j)
            elif c in closers and stacks[closers[c]]:
                closes[stacks[closers[c]].pop()] = j
        return closes

    def _window_group(self, i: int, stop: int) -> tuple[str, int, object] | None:
        """Classify the bracket group at ``i``: ("times"|"badtime", end, value) or None."""
        close = self._close_of(i, stop)
        if close is None:
            if TIMEISH.match(self.f, self._skip_space(i + 1, stop), stop):  # "(8:00—12:00"
                end = self._bad_time_end(i + 1, stop)
                return "badtime", end, ('has no closing parenthesis; expected "HH:MM—HH:MM" '
                                        f"in parentheses such as {_q(EXAMPLE_WINDOW)}")
            return None
        inner = self.f[i + 1:close]
        try:
            windows = parse_windows(inner)
        except TimeError as exc:
            return "badtime", close + 1, str(exc)
        if windows:
            return "times", close + 1, windows
        if TIMEISH.search(inner):
            return "badtime", close + 1, None
        return None

    def _bad_time_end(self, i: int, stop: int) -> int:
        j = i
        while j < stop and self.f[j] not in SEPARATORS and not self.f[j].isspace():
            j += 1
        return j

    def _bare_window(self, i: int, stop: int) -> tuple[str, int, object] | None:
        if self.f[i] not in _WINDOW_START or (i and self.f[i - 1].isdigit()):
            return None
        try:
            found = match_window(self.f[:stop], i)
        except TimeError as exc:
            end = self._bad_time_end(i, stop)
            return "badtime", end, str(exc)
        if found:
            return "times", found[1], [found[0]]
        return None

    def _district_at(self, i: int, stop: int, line_start: bool):
        """Return (end, District | None, printed) for a district at ``i``, or None."""
        f = self.f
        province = _PROVINCE.match(f, i, stop)
        base = province.end() if province else i
        for key, district in self.keys:
            if not f.startswith(key, base) or base + len(key) > stop:
                continue
            after = base + len(key)
            official = key == fold(district.name) or key[-1] in "区县市"
            if official or self._boundary(after, stop):
                # 宁波市海曙区: the more specific district wins.
                nested = self._district_at(self._skip_space(after, stop), stop, False)
                if nested and nested[1] is not None:
                    return nested
                end = after
                if end < stop and f[end] == ":":
                    end += 1
                return end, district, self.d[i:after].strip()
        found, pos = None, base
        while True:  # 广州市天河区: the most specific place wins
            place = _UNKNOWN_PLACE.match(f, pos, stop)
            if not place or _NOT_A_DISTRICT_ENDING.search(place.group("place")):
                break
            found, pos = place, place.end()
            known = self._district_at(pos, stop, False) if pos < stop else None
            if known and known[1] is not None:
                return known
        if found:
            base = found.start()
            after = found.end()
            glued = line_start and found.group("place")[-1] in "区县" and len(
                found.group("place")) >= 3
            county = found.group("place")[-1] in "区县" and len(found.group("place")) >= 3
            if glued or (self._boundary(after, stop) and (
                    line_start or county or f[after:after + 1] in (":", "")
                    or self._town_follows(after, stop))):
                end = after + 1 if after < stop and f[after] == ":" else after
                return end, None, self.d[base:after].strip()
        if line_start:
            short = _SHORT_PLACE.match(f, base, stop)
            if short and not _NOT_A_DISTRICT_ENDING.search(short.group("place")) \
                    and not _TOWN_SUFFIX.search(short.group("place")) \
                    and self._looks_like_district_column(short.end(), stop):
                place = short.group("place")
                return base + len(place), None, self.d[base:base + len(place)]
        return None

    def _looks_like_district_column(self, after: int, stop: int) -> bool:
        rest = self.f[after:stop]
        return bool(re.search(r"[、,]", rest) or TIMEISH.search(rest))

    def _skip_space(self, i: int, stop: int) -> int:
        while i < stop and self.f[i].isspace():
            i += 1
        return i

    def _town_follows(self, i: int, stop: int) -> bool:
        i = self._skip_space(i, stop)
        return bool(_TOWN_GLUED.match(self.f, i, stop) or _TOWN_DOT.match(self.f, i, stop))

    def _boundary(self, i: int, stop: int) -> bool:
        if i >= stop:
            return True
        c = self.f[i]
        if c.isspace() or c in ":·":
            return True
        return self._town_follows(i, stop)

    def _area_end(self, i: int, stop: int) -> int:
        f = self.f
        j = i
        while j < stop:
            c = f[j]
            if c in SEPARATORS or c.isspace():
                break
            if c in _OPEN:
                if self._window_group(j, stop):
                    break
                close = self._close_of(j, stop)
                j = (close + 1) if close is not None else j + 1
                continue
            if j > i and c in _WINDOW_START and self._bare_window(j, stop):
                break
            if j > i and (_LABEL_COLON.match(f, j, stop) and f[j:j + 2] in ("停电", "计划")):
                break
            j += 1
        return max(j, i + 1)

    # Scanning ----------------------------------------------------------------

    def scan(self, start: int = 0, stop: int | None = None, role: str | None = None,
             label: str = "") -> None:
        f = self.f
        stop = len(f) if stop is None else stop
        i = self._skip_space(start, stop)
        if role == "info":
            if i < stop:
                value = self.d[i:stop].strip()
                self.emit("note", i, stop, f"{label}：{value}" if label else value)
            return
        if role == "seq" and f[i:stop].strip().isdigit():
            return
        if role == "town" and i < stop:
            self.emit("town", i, stop, self.d[i:stop].strip())
            return
        line_start = start == 0 or role is not None
        enum = _ENUMERATOR.match(f, i, stop) if line_start else None
        if enum and enum.end() < stop and not f[enum.end()].isdigit():
            i = enum.end()
        at_item = True
        while i < stop:
            c = f[i]
            if c.isspace():
                j = self._skip_space(i, stop)
                self.emit("space", i, j)
                i = j
                continue
            if c in SEPARATORS:
                self.emit("sep", i, i + 1)
                at_item = True
                i += 1
                continue
            if at_item:
                cancel = _CANCEL.match(f, i, stop)
                if cancel and cancel.end() > i and ("取消" in cancel.group(0)):
                    self.emit("cancel", i, cancel.end())
                    i = cancel.end()
                    continue
            label = self._label_at(i, stop)
            if label:
                kind, end, text = label
                self.emit("label", i, end, kind)
                i = self._skip_space(end, stop)
                if kind == "info":
                    j = self._next_label(i, stop)
                    if j > i:
                        self.emit("note", i, j, f"{text}：{self.d[i:j].strip()}")
                    i = j
                at_item, line_start = True, True
                continue
            if c in _OPEN and at_item:
                close = self._close_of(i, stop)
                date = match_date(f[:close], i + 1) if close else None
                if date and not f[date.end:close].strip():
                    self.emit("date", i, close + 1, date)
                    i = close + 1
                    continue
            if c in _OPEN:
                group = self._window_group(i, stop)
                if group:
                    kind, end, value = group
                    self.emit(kind, i, end, value)
                    i, at_item, line_start = end, True, False
                    continue
            bare = self._bare_window(i, stop)
            if bare:
                kind, end, value = bare
                self.emit(kind, i, end, value)
                i, at_item, line_start = end, True, False
                continue
            if at_item:
                date = match_date(f[:stop], i)
                if date:
                    self.emit("date", i, date.end, date)
                    i = date.end
                    continue
                district = self._district_at(i, stop, line_start)
                if district:
                    end, found, printed = district
                    self.emit("district", i, end, (found, printed, line_start))
                    i, line_start = end, False
                    continue
                town = self._town_at(i, stop)
                if town:
                    kind, end, value = town
                    self.emit(kind, i, end, value)
                    i, at_item, line_start = end, True, False
                    continue
            j = self._area_end(i, stop)
            self.emit("area", i, j)
            i, at_item, line_start = j, False, False

    def _label_at(self, i: int, stop: int):
        f = self.f
        m = _LABEL_COLON.match(f, i, stop)
        if m:
            return _label_kind(m.group("label")), m.end(), self.d[i:i + len(m.group("label"))]
        m = _LABEL_BRACKET.match(f, i, stop)
        if m and _TABLE_WORDS.fullmatch(m.group("label").strip()):
            label = m.group("label").strip()
            return _label_kind(label), m.end(), label
        m = _LABEL_ONLY.match(f[:stop], i)
        if m and i == self._skip_space(0, stop):
            return _label_kind(m.group("label")), m.end(), m.group("label")
        return None

    def _next_label(self, i: int, stop: int) -> int:
        for j in range(i, stop):
            if j > i and self.f[j - 1] in " ,;、" and self._label_at(j, stop):
                return j
        return stop

    def _town_at(self, i: int, stop: int):
        f = self.f
        m = _TOWN_DOT.match(f, i, stop)
        if m:
            return "town", m.end(), self.d[i:i + len(m.group("town"))].strip()
        m = _TOWN_COLON.match(f, i, stop)
        if m:
            name = m.group("town")
            printed = self.d[i:i + len(name)].strip()
            if _TOWN_SUFFIX.search(name):
                return "town", m.end(), printed
            if _EQUIPMENT.search(name):
                return "note", m.end(), printed
            if not re.search(r"\d$|\d{4,}", name):
                return "town_guess", m.end(), printed
        m = _TOWN_GLUED.match(f, i, stop) or _TOWN_SPACED.match(f, i, stop)
        if m:
            name = m.group("town")
            return "town", m.end(), self.d[i:i + len(name)].strip()
        return None

    def scan_cells(self, roles: list[tuple[str | None, str]] | None) -> None:
        """Scan a table row: each cell by its column's role, cells separated like runs."""
        pos = 0
        cells = []
        for m in _CELL_SPLIT.finditer(self.f):
            cells.append((pos, m.start()))
            pos = m.end()
        cells.append((pos, len(self.f)))
        cells = [(a, b) for a, b in cells if self.f[a:b].strip()]
        for index, (a, b) in enumerate(cells):
            role, label = roles[index] if roles and index < len(roles) else (None, "")
            if role is None and index == 0 and self.f[a:b].strip().isdigit() and len(cells) > 1:
                continue
            if index:
                self.tokens.append(Token("cell", self.lineno, a, a, ""))
            self.scan(a, b, role or "cell", label)


# ---------------------------------------------------------------------------
# Assembling tokens into windows.


@dataclass
class Piece:
    text: str
    joiner: str  # "" (first), "space" or "break"
    line: int


@dataclass
class Item:
    pieces: list[Piece]
    district: DistrictRef | None
    town: str | None
    line: int
    col: int


@dataclass
class DistrictRef:
    district: District | None
    printed: str
    line: int
    col: int
    at_line_start: bool
    reported: bool = False
    heading: bool = False  # alone on its line: it names the district of the lines below

    @property
    def name(self) -> str:
        return self.district.name if self.district else self.printed


@dataclass
class PendingTime:
    windows: list[TimeWindow]
    line: int
    col: int
    fragment: str
    used: bool = False


@dataclass
class Run:
    items: list[Item] = field(default_factory=list)
    had_sep: bool = False
    start: tuple[int, int] | None = None
    lines: dict[int, tuple[int, int]] = field(default_factory=dict)


class NoticeAssembler:
    """Read the tokens of every line, keeping date, district, town and the open run."""

    def __init__(self, text: str, published: dt.date, table: DistrictTable):
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.published = published
        self.reference = published
        self.table = table
        keys = [(fold(key), d) for d in table for key in (d.name, *d.aliases)]
        self.keys = sorted(keys, key=lambda kv: -len(kv[0]))
        self.problems: list[ImportMessage] = []
        self.warnings: list[ImportMessage] = []
        self.windows: list[dict] = []
        self.cancelled: list[dict] = []
        self.sources: dict[str, list[WindowSource]] = {"windows": [], "cancelled": []}
        self.body_lines: list[str] = []
        self.section = "windows"
        self.dates: list[dt.date] = []
        self.date_token: tuple[int, str] | None = None
        self.date_used = True
        self.district: DistrictRef | None = None
        self.town: str | None = None
        self.run = Run()
        self.item: Item | None = None
        self.joiner = ""
        self.pending_time: PendingTime | None = None
        self.record_labels: set[str] = set()
        self.notes: list[str] = []
        self.last_emitted: list[dict] = []
        self.source_name: str | None = None
        self.source_url: str | None = None
        self.source_lines: list[str] = []
        self.table_roles: list[tuple[str | None, str]] | None = None
        self.cancel_marker: tuple[int, str] | None = None
        self.cancel_used = True

    # Messages ----------------------------------------------------------------

    def problem(self, line, fragment, message, leftover="", kind="fragment", col=0):
        self.date_used = self.cancel_used = True  # the date had content, if unreadable
        self.problems.append(ImportMessage(line, fragment, message, leftover or fragment, kind,
                                           col))

    def warn(self, line, fragment, message, col=0):
        self.warnings.append(ImportMessage(line, fragment, message, col=col))

    def printed(self, token: Token) -> str:
        return self.lines[token.line - 1][token.start:token.end].strip()

    # Lines -------------------------------------------------------------------

    def read(self) -> None:
        for index, line in enumerate(self.lines, start=1):
            self.read_line(index, line)
        self.boundary(None)
        self.finish_pending_time()
        self.finish_date()
        self.finish_cancel()
        if self.notes:
            self.body_lines.extend(self.notes)
            self.notes = []

    def read_line(self, lineno: int, line: str) -> None:
        f = fold(line).strip()
        if not f:
            return
        if re.fullmatch(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?", f):
            return  # a Markdown table's rule
        heading = re.match(r"#+\s*", f)
        if heading:
            f = f[heading.end():]
        cells = [c for c in _CELL_SPLIT.split(f) if c.strip()]
        if len(cells) > 1 and all(_table_role(c) for c in cells):
            self.table_roles = [(_table_role(c), display(c).strip().rstrip(":：")) for c in cells]
            return
        if len(f.split()) > 1 and all(_table_role(c) for c in f.split()):
            self.table_roles = None  # a header whose cells only a single space separates
            return
        timeish = bool(TIMEISH.search(f))
        if not timeish and _PLAN_HEADING.fullmatch(f):
            self.boundary(None)
            source = _SOURCE.search(f)
            if source and not self.source_name:
                self.source_name = display(_printed_like(line, source.group(0)))
            if self.section == "cancelled" and "取消" not in f:
                self.section = "windows"
            return
        if not timeish and self.read_footer(lineno, line, f):
            return
        short = match_short_date_line(f)
        if short and not timeish:
            self.on_date(Token("date", lineno, 0, len(line), display(line).strip(), short))
            return
        if not timeish and not re.search(r"[、]", f) and not _CANCEL.match(f) and (
                _PROSE.search(f) or (len(f) > 10 and f.endswith(":")
                                     and not _LABEL_ONLY.fullmatch(f))):
            self.boundary(None)
            self.body_lines.append(display(line).strip())
            self.warn(lineno, line.strip(), f"text {_q(line.strip())} is not an outage window; "
                      "kept in the body")
            return
        scanner = LineScanner(lineno, line, self.table, self.keys)
        if self.table_roles and re.search(r"\t|\|", line):
            scanner.scan_cells(self.table_roles)
        elif re.search(r"\t|\s\|\s", line):
            scanner.scan_cells(None)
        else:
            scanner.scan()
        self.read_tokens(lineno, scanner.tokens)

    def read_footer(self, lineno: int, line: str, f: str) -> bool:
        url = _URL_LINE.fullmatch(f)
        if url and ("." in url.group("url")) and not re.fullmatch(r"[\d.]+", url.group("url")):
            found = url.group("url")
            self.source_url = found if found.startswith("http") else f"http://{found}"
            self.source_lines.append(display(line).strip())
            self.body_lines.append(display(line).strip())
            return True
        if self.source_lines and (self.windows or self.cancelled) and DATE_ONLY.fullmatch(f):
            self.boundary(None)  # the date under the signature: the day it was published
            self.body_lines.append(display(line).strip())
            return True
        source = _SOURCE.fullmatch(f.split()[0]) if f.split() else None
        rest = f[len(f.split()[0]):].strip() if f.split() else ""
        if source and (not rest or DATE_ONLY.fullmatch(rest)):
            self.boundary(None)
            self.source_name = display(line).strip().split()[0]
            self.source_lines.append(display(line).strip())
            self.body_lines.append(display(line).strip())
            return True
        if re.match(r"(?:联系|咨询|服务|报修|客服)?(?:电话|热线)\s*:", f):
            self.body_lines.append(display(line).strip())
            return True
        return False

    def read_tokens(self, lineno: int, tokens: list[Token]) -> None:
        first = next((t for t in tokens if t.kind not in ("space", "cell")), None)
        if first is None:
            return
        lead = next((t for t in tokens if t.kind not in ("space", "cell", "date", "label")),
                    None)
        bare = lead is not None and not lead.text.startswith(("(", "[", "【"))
        after = tokens[tokens.index(lead):] if lead is not None else []
        if bare and lead.kind == "times" and any(t.kind == "area" for t in after):
            lead.kind = "opening_times"  # 1月10日6时至18时，新华路…: the time comes first
        open_run = self.item is not None or self.run.items
        if open_run and first.kind in ("area", "town", "town_guess", "sep"):
            if self.item is not None and first.kind == "area":
                self.joiner = "break"
        elif not open_run and first.kind in ("area", "town", "town_guess") \
                and self.district is not None and self.district.at_line_start \
                and not self.district.heading and self.pending_time is None:
            fragment = self.fragment_until_time(lineno, tokens)
            self.warn(lineno, fragment,
                      f"areas {_q(fragment)} have no district at the start of the line; "
                      f"carried over {_q(self.district.name)} from line {self.district.line}")
        for token in tokens:
            self.on_token(token)
        content = [t for t in tokens if t.kind not in ("space", "cell", "sep")]
        if len(content) == 1 and content[0].kind == "district" and self.district is not None:
            self.district.heading = True

    def fragment_until_time(self, lineno: int, tokens: list[Token]) -> str:
        start = next(t.start for t in tokens if t.kind not in ("space", "cell"))
        end = next((t.end for t in tokens if t.kind in ("times", "badtime")), None)
        line = self.lines[lineno - 1]
        return line[start:end].strip() if end else line[start:].strip()

    # Tokens ------------------------------------------------------------------

    def on_token(self, token: Token) -> None:
        kind = token.kind
        if kind == "space":
            if self.item is not None and not self.joiner:
                self.joiner = "space"
        elif kind in ("sep", "cell"):
            self.end_item()
            if kind == "sep":
                self.run.had_sep = True
        elif kind == "area":
            self.on_area(token)
        elif kind in ("town", "town_guess"):
            self.end_item()
            self.town = token.value
            if kind == "town_guess":
                self.warn(token.line, token.value,
                          f"prefix {_q(token.value)} is read as a town; expected a town "
                          "ending in 镇, 街道 or 乡")
        elif kind == "district":
            self.on_district(token)
        elif kind == "times":
            self.on_times(token)
        elif kind == "opening_times":
            self.boundary(token)
            self.finish_pending_time()
            self.on_times(token)
        elif kind == "badtime":
            self.on_bad_time(token)
        elif kind == "date":
            self.on_date(token)
        elif kind == "label":
            self.on_label(token)
        elif kind == "note":
            self.on_note(token)
        elif kind == "cancel":
            self.boundary(None)
            self.finish_pending_time()
            self.finish_cancel()
            self.section = "cancelled"
            self.cancel_marker = (token.line, self.printed(token))
            self.cancel_used = False

    def on_area(self, token: Token) -> None:
        if self.run.start is None:
            self.run.start = (token.line, token.start)
        first, last = self.run.lines.get(token.line, (token.start, token.end))
        self.run.lines[token.line] = (min(first, token.start), max(last, token.end))
        if self.item is None:
            self.item = Item([Piece(token.text, "", token.line)], self.district, self.town,
                             token.line, token.start)
        else:
            self.item.pieces.append(Piece(token.text, self.joiner or "glue", token.line))
        self.joiner = ""

    def end_item(self) -> None:
        if self.item is not None:
            self.run.items.append(self.item)
        self.item = None
        self.joiner = ""

    def on_district(self, token: Token) -> None:
        found, printed, at_line_start = token.value
        self.end_item()
        ref = DistrictRef(found, printed, token.line, token.start, at_line_start)
        if at_line_start:
            self.boundary(token)
        self.district = ref
        self.town = None

    def on_label(self, token: Token) -> None:
        kind = token.value
        if kind == "info":
            return
        key = "time" if kind == "time" else "area"
        if key in self.record_labels and (self.item is not None or self.run.items):
            self.boundary(token)
            self.finish_pending_time()
            self.record_labels = set()
        self.record_labels.add(key)
        self.end_item()

    def on_note(self, token: Token) -> None:
        text = str(token.value)
        if self.item is not None or self.run.items or self.pending_time is not None:
            self.notes.append(text)
        elif self.last_emitted:
            for window in self.last_emitted:
                window["note"] = _join_note(window.get("note"), text)
        else:
            self.notes.append(text)

    def on_date(self, token: Token) -> None:
        self.boundary(token)
        self.finish_pending_time()
        self.finish_date()
        match = token.value
        dates = []
        fragment = self.printed(token) or token.text
        for parts in match.dates:
            resolved = self.resolve(parts, token.line, fragment)
            if resolved:
                dates.append(resolved)
        if len(dates) == 2 and dates[1] > dates[0] and (dates[1] - dates[0]).days <= 31:
            dates = [dates[0] + dt.timedelta(days=n) for n in range((dates[1] - dates[0]).days
                                                                    + 1)]
        self.dates = dates
        self.date_token = (token.line, fragment)
        self.date_used = False
        self.record_labels = set()

    def resolve(self, parts: DateParts, line: int, fragment: str) -> dt.date | None:
        resolved, rolled = resolve_date(parts, self.reference)
        if resolved is None:
            self.problem(line, fragment, f"date {_q(fragment)} is not a real date; check the "
                         "month and day")
            return None
        if parts.year is not None:
            self.reference = resolved
        elif rolled:
            when = "after" if resolved > self.reference else "before"
            self.warn(line, fragment, f"date {_q(fragment)} is read as {resolved.isoformat()}, "
                      f"in the year {when} {self.reference.isoformat()}")
        if parts.weekday is not None and parts.weekday != resolved.weekday():
            self.warn(line, fragment,
                      f"date {_q(fragment)} is a {weekday_name(resolved.weekday())} in "
                      f"{resolved.year}, not a {weekday_name(parts.weekday)}; check the date, "
                      "or the year (--published)")
        return resolved

    def finish_date(self) -> None:
        if self.date_token and not self.date_used:
            line, fragment = self.date_token
            self.warn(line, fragment, f"date {_q(fragment)} has no windows after it")
            self.date_used = True

    def finish_cancel(self) -> None:
        if self.cancel_marker and not self.cancel_used:
            line, fragment = self.cancel_marker
            self.warn(line, fragment, f"{_q(fragment)} has no windows after it")
            self.cancel_used = True

    def finish_pending_time(self) -> None:
        pending = self.pending_time
        if pending and not pending.used:
            self.problem(pending.line, pending.fragment,
                         f"time window {_q(pending.fragment)} has no areas; expected areas "
                         f"before it, such as {_q(EXAMPLE_RUN)}", col=pending.col)
        self.pending_time = None

    def on_times(self, token: Token) -> None:
        self.end_item()
        fragment = self.printed(token)
        windows = token.value
        if self.run.items:
            self.note_run_end(token)
            if self.pending_time is not None:
                self.flush(self.pending_time.windows, self.pending_time.line)
                self.pending_time.used = True
                self.pending_time = PendingTime(windows, token.line, token.start, fragment)
            else:
                self.flush(windows, token.line)
        else:
            self.finish_pending_time()
            self.pending_time = PendingTime(windows, token.line, token.start, fragment)

    def note_run_end(self, token: Token) -> None:
        first, last = self.run.lines.get(token.line, (token.start, token.end))
        self.run.lines[token.line] = (min(first, token.start), max(last, token.end))

    def on_bad_time(self, token: Token) -> None:
        self.end_item()
        fragment = self.printed(token)
        reason = token.value or (f'is not understood; expected "HH:MM—HH:MM" such as '
                                 f"{_q(EXAMPLE_WINDOW)}")
        message = f"time window {_q(fragment)} {reason}"
        self.note_run_end(token)
        leftover = self.run_text()
        self.problem(token.line, fragment, message, leftover or fragment, col=token.start)
        self.run = Run()
        self.town = None

    def run_text(self) -> str:
        parts = []
        for line, (start, end) in sorted(self.run.lines.items()):
            parts.append(self.lines[line - 1][start:end].strip())
        return " ".join(p for p in parts if p)

    def boundary(self, token: Token | None) -> None:
        """End the open run: it takes the pending time window, or it has none."""
        self.end_item()
        if self.run.items:
            if self.pending_time is not None:
                self.flush(self.pending_time.windows, self.pending_time.line)
                self.pending_time.used = True
            else:
                fragment = self.run_text()
                line, col = self.run.start or (self.run.items[0].line, 0)
                self.problem(line, fragment, f"areas {_q(fragment)} have no time window; "
                             f"expected one after them, such as {_q(EXAMPLE_WINDOW)}", col=col)
                self.run = Run()
                self.town = None
        if self.notes and token is None:
            target = self.last_emitted
            if target:
                for window in target:
                    window["note"] = _join_note(window.get("note"), "；".join(self.notes))
                self.notes = []

    # Emitting windows --------------------------------------------------------

    def flush(self, windows: list[TimeWindow], time_line: int) -> None:
        run, self.run = self.run, Run()
        self.town = None
        fragment = " ".join(
            self.lines[line - 1][start:end].strip() for line, (start, end) in
            sorted(run.lines.items()))
        line, col = run.start or (run.items[0].line, run.items[0].col)
        groups: list[tuple[DistrictRef | None, str | None, list[str]]] = []
        for item in run.items:
            areas = self.item_areas(item, run.had_sep)
            if not areas:
                continue
            if groups and groups[-1][0] is item.district and groups[-1][1] == item.town:
                groups[-1][2].extend(areas)
            else:
                groups.append((item.district, item.town, areas))
        notes = "；".join(self.notes) or None
        self.notes = []
        missing = None
        if any(g[0] is None for g in groups):
            missing = ImportMessage(
                line, fragment, f"areas {_q(fragment)} have no district; expected a district "
                f"such as {_q(self.example_district())} at the start of the line",
                kind="place", col=col)
            self.problems.append(missing)
        emitted = []
        for window in windows:
            days = self.window_days(window, time_line, line, fragment, col)
            if days is None:
                return
            for day, start, end in days:
                for ref, town, areas in groups:
                    source = WindowSource(line, col, fragment, self.section == "cancelled",
                                          missing if ref is None else None)
                    emitted.append(self.emit_window(day, ref, town, areas, start, end, notes,
                                                    source))
        self.last_emitted = emitted
        self.date_used = True
        self.cancel_used = True

    def example_district(self) -> str:
        first = next(iter(self.table), None)
        return (first.aliases[0] if first and first.aliases else first.name) if first else "海曙"

    def window_days(self, window: TimeWindow, line: int, run_line: int, fragment: str,
                    col: int):
        """Return [(day, "HH:MM", end label)] for a time window, or None after a problem."""
        shown = _printed_like(self.lines[line - 1], window.text.strip() or fragment)
        if window.start_date:
            start_day = self.resolve(window.start_date, line, shown)
            if start_day is None:
                return None
            days = [start_day]
        elif self.dates:
            days = self.dates
        else:
            self.problem(run_line, fragment, f"areas {_q(fragment)} have no date; expected a date "
                         f"line such as {_q(EXAMPLE_DATE)} before them", col=col)
            return None
        start, end = window.start, window.end
        if window.end_date:
            end_day = self.resolve(window.end_date, line, shown)
            if end_day is None:
                return None
            span = (end_day - days[0]).days
            if span < 0:
                self.problem(line, shown, f"time window {_q(shown)} ends before it starts; "
                             "expected a later end", col=col)
                return None
            if span >= 1 and end < DAY:
                end += DAY * span
        if end == start:
            self.problem(line, shown, f"time window {_q(shown)} ends when it starts; expected "
                         "a later end", col=col)
            return None
        if end < start:
            end += DAY
            if end - start > LONG_OVERNIGHT:
                self.warn(line, shown, f"time window {_q(shown)} ends before it starts; read as "
                          f"ending the next day ({_q(_label(end))})")
        if end - start > DAY:
            if len(days) > 1:
                self.problem(line, shown, f"time window {_q(shown)} lasts more than 24 hours; "
                             "expected one window per day", col=col)
                return None
            count = (end - 1) // DAY + 1
            self.warn(line, shown, f"time window {_q(shown)} spans {count} days; split into "
                      "one window per day")
            pieces = []
            for n in range(count):
                piece_start = start if n == 0 else 0
                piece_end = min(end - n * DAY, DAY)
                if piece_end > piece_start:
                    pieces.append((days[0] + dt.timedelta(days=n), _hhmm(piece_start),
                                   _label(piece_end)))
            return pieces
        return [(day, _hhmm(start), _label(end)) for day in days]

    def emit_window(self, day, ref: DistrictRef | None, town, areas, start, end, note,
                    source: WindowSource) -> dict:
        window = {"date": day}
        if ref is not None:
            window["district"] = ref.name
        if town:
            window["town"] = town
        window.update({"areas": list(areas), "start": start, "end": end})
        if note:
            window["note"] = note
        if ref is not None and ref.district is None:
            if not ref.reported:
                ref.reported = True
                message = (
                    f"place {_q(ref.printed)} is not a declared district; kept as printed."
                    f"{did_you_mean(ref.printed, self.table.names)} Districts are declared in "
                    f"DISTRICTS in {SETTINGS_FILE}")
                self.problems.append(ImportMessage(ref.line, ref.printed, message,
                                                   kind="place", col=ref.col))
            source.place = next(p for p in self.problems if p.kind == "place"
                                and p.line == ref.line and p.fragment == ref.printed)
        target = self.cancelled if self.section == "cancelled" else self.windows
        target.append(window)
        self.sources[self.section].append(source)
        return window

    def item_areas(self, item: Item, had_sep: bool) -> list[str]:
        """Join or split an item's pieces (words split by spaces or line breaks)."""
        areas: list[str] = []
        current = item.pieces[0].text
        for piece in item.pieces[1:]:
            text = piece.text
            if piece.joiner == "glue":
                current += text
            elif piece.joiner == "break":
                if _SUFFIX_PIECE.match(text):
                    current += text
                elif _AREA_ENDING.search(current):
                    if had_sep:
                        self.warn(piece.line, f"{current}|{text}",
                                  f"line break inside the list after {_q(current)}; read as "
                                  f"two areas {_q(current)} and {_q(text)}")
                    areas.append(current)
                    current = text
                else:
                    self.warn(piece.line, f"{current}|{text}",
                              f"line break inside the list after {_q(current)}; read as one "
                              f"area {_q(current + text)}")
                    current += text
            else:  # spaces
                if re.search(r"[A-Za-z0-9]$", current) and re.match(r"[A-Za-z0-9]", text):
                    current += " " + text
                elif had_sep or _SUFFIX_PIECE.match(text):
                    current += text
                else:
                    areas.append(current)
                    current = text
        areas.append(current)
        areas = [re.sub(r"(?<=[^\x00-\x7f])\.$|[。！!？?]+$", "", a.strip()) for a in areas]
        return [a for a in areas if a]


DATE_ONLY = re.compile(r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2})")


def _q(text: str) -> str:
    text = " ".join(text.split())
    text = text if len(text) <= 60 else text[:57] + "…"
    return '"' + text.replace('"', '\\"') + '"'


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _label(minutes: int) -> str:
    prefix = "次日" if minutes > DAY or (minutes == DAY) else ""
    minutes = minutes - DAY if minutes >= DAY else minutes
    return f"{prefix}{_hhmm(minutes)}"


def _join_note(old: str | None, new: str) -> str:
    return f"{old}；{new}" if old else new


def _printed_like(line: str, folded_text: str) -> str:
    """Find the printed form of a folded fragment on its line (for messages)."""
    folded_line = fold(line)
    index = folded_line.find(folded_text)
    if index < 0:
        return folded_text
    return line[index:index + len(folded_text)]


def parse_notice_text(text: str, published: dt.date, districts: DistrictTable) -> NoticeAssembler:
    """Read a whole notice; the assembler holds windows, problems and warnings."""
    assembler = NoticeAssembler(text, published, districts)
    assembler.read()
    return assembler
