"""Turn the text of an outage notice into outage windows, reporting what it cannot read.

How a line is read:

1. ``NoticeAssembler.read_line`` first sorts whole lines: blank lines, Markdown table rules,
   table header rows (their cells give each column a role), headings (``### 计划停电预告``),
   the footer (``宁波供电公司``, ``网址：…``, a signature date), a short date line
   (``09-23``) and prose (kept in the body with a warning).
2. Every other line is folded (``text.fold``: full-width forms, dashes, ``·``
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

import re
from dataclasses import dataclass, replace

from notices.content.districts import District, DistrictTable

from .text import (
    CJK,
    INSTITUTION_WORD,
    LINE_NAME,
    RANGE_ADDED,
    SAME_SLOT,
    SEPARATORS,
    TIMEISH,
    WHOLE_DAY,
    DateParts,
    TimeError,
    TimeWindow,
    display,
    fold,
    match_date,
    match_window,
    parse_windows,
)

DAY = 24 * 60
LONG_OVERNIGHT = 12 * 60
DEFAULT_SOURCE = "宁波供电公司"
EXAMPLE_WINDOW = "(8:30—15:30)"
EXAMPLE_RUN = "万众村、郭夏村(8:30—15:30)"
EXAMPLE_DATE = "9月23日 星期一"




def _q(text: str) -> str:
    text = " ".join(text.split())
    text = text if len(text) <= 60 else text[:57] + "…"
    return '"' + text.replace('"', '\\"') + '"'


@dataclass
class Token:
    kind: str
    line: int
    start: int
    end: int
    text: str  # as printed (display form)
    value: object = None


_LABEL_TIME = "时间段|时间|时段|日期|时限"
_LABEL_AREA = "范围|区域|地点|地区|用户|客户|单位|小区|位置|地址|片区|村庄"
_LABEL_INFO = ("线路|设备|变电站|变电所|原因|内容|事由|备注|说明|类型|性质|编号|名称|台区|变压器|"
               "电压|等级|项目|状态|联系人|联系电话|电话|热线")
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
    r"\s*#*\s*[\[【]?\s*(?:[^\s:、]{1,12}\s+)?[^\s:、]{0,30}?(?:计划停电|停电计划|停电预告|停电信息|停电通知|停电公告|"
    r"检修停电|停电安排)[^\s:、]{0,20}(?:\s*[—–-]+\s*[^\s:、]{1,12})?\s*[\]】]?\s*:?\s*$"
)
_SOURCE = re.compile(
    rf"[{CJK}A-Za-z()]{{2,16}}?(?:供电公司|供电有限公司|供电有限责任公司|供电局|电力公司|供电分公司|电业局|供电服务中心|"
    r"电网公司|供电所|供电中心|供电分局)"
)


def names_a_utility(printed: str) -> bool:
    """Whether ``printed`` is all a utility's name (``国网宁波市江北区供电公司``)."""
    return bool(_SOURCE.fullmatch(printed))


_URL_LINE = re.compile(
    r"\s*(?:(?:网址|网站|官网|网页|详见|查询网址|查询)\s*:?\s*)?"
    r"(?P<url>(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:/\S*)?)\s*$"
)
_PROSE = re.compile(
    r"[。！!？?]\s*$|谅解|特此|敬请|不便|如遇|顺延|提前送电|恢复送电|停电期间|咨询|热线|服务电话|"
    r"客服|通知如下|公告如下|如下:\s*$|安全用电|请.{0,12}做好"
    # A post's own lines (``点击上方蓝字关注``, ``转发给…``, ``来源：…``).
    r"|点击|关注我们|蓝字关注|转发|来源\s*:|阅读原文|扫码|长按识别|推送|^\s*(?:上一篇|下一篇)\s*:"

    # A post's tips heading (``💡温馨提示``) and its counts (``阅读 1.2万　赞 36　在看 11``).
    r"|^\s*(?:温馨提示|温馨提醒|友情提示|友情提醒|特别提示|特别提醒|注意事项)\s*:?\s*$"
    r"|阅读\s*[\d.]+\s*万?\s+(?:赞|在看|点赞)"
    # A salutation (``尊敬的电力客户：``, ``各位业主:``): whom the notice addresses.
    r"|^\s*(?:尊敬的|亲爱的|各位)[^:：,，。]{0,12}[:：]\s*$"
)
_PROVINCE = re.compile(rf"[{CJK}]{{2,3}}省\s*")
_AREA_ENDING = re.compile(
    r"(?:村|社区|小区|路|街|弄|巷|号|厂|公司|站|变|带|苑|园|区|院|队|库|店|场|楼|馆|所|中心|局|厦|"
    r"城|湾|桥|港|岙|塘|庄|宅|坊|府|部|行|室|处|校|堂|门|里|口|埠|堡|寺|阁|山|岭|浦|镇|乡|线|"
    r"附近|周边|沿线|[\d)A-Za-z])$"
)
# (``宁海县西店镇香山`` / ``工业区部分企业``: a wrapped line going on with a kind of place.)
_SUFFIX_PIECE = re.compile(r"(?:一带|等地|等|附近|周边|及周边|沿线|一线|片区|工业区|工业园区?"
                           r"|开发区|园区|部分)")
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
# (``象山县人民医院``: a district's institution, see ``INSTITUTION_WORD``.)
_DISTRICT_INSTITUTION = re.compile(
    INSTITUTION_WORD.pattern + r"|第[一二三四五六七八九十\d]|中医|妇幼|疾控|疾病|实验|职业|技工|"
    r"图书馆|体育|博物馆|档案馆|公安|法院|检察|汽车站|火车站|客运|行政|市民|自来水|水务|燃气|交通|税务|"
    r"市场监|住建|城管|教育|融媒体")
_TOWN_GLUED = re.compile(
    rf"(?P<town>[{CJK}]{{2,6}}?(?:(?<!宁波)(?<!古)(?<!集)镇|街道|乡))(?!{_TOWN_INSTITUTION})"
    r"(?=[^\s、,;()\[\]【】·:])"
)
_TOWN_SPACED = re.compile(rf"(?P<town>[{CJK}]{{2,6}}(?:镇|街道|乡))\s+(?=[^\s、,;(\[【·:\d])")
_TOWN_BRACKET = re.compile(rf"[【\[](?P<town>[{CJK}]{{1,8}}?(?:镇|街道|乡))[】\]]\s*:?\s*(?=\S)")
_TOWN_AT_END = re.compile(r"(?P<town>[^\s、,;()\[\]【】·:]{1,12}?(?:镇|街道|乡))\s*:\s*$")
_WHOLE_DAY_FIRST = re.compile(r"\s*(?P<w>全天|全日|整天)(?:停电)?\s+(?=\S)")
_LINE_ALONE = re.compile(LINE_NAME.format(stop="", more=""))
_TOWN_ENDS_LINE = re.compile(rf"(?P<town>[{CJK}]{{2,6}}?(?:镇|街道|乡))\s*$")
_TOWN_SUFFIX = re.compile(r"(?:镇|街道|乡)$")
_EQUIPMENT = re.compile(r"(?:kV|KV|kv|千伏|线|变|开关|台区|专变|公变|支线|分线|环网|间隔)")
_UNKNOWN_PLACE = re.compile(rf"(?P<place>[{CJK}]{{1,6}}?(?:区|县|市|旗))")
_DAY_WORD = re.compile(r"全天|全日|整天|当天|当日|同日|次日")  # (``全天 长街镇…``: no place)
_SHORT_PLACE = re.compile(rf"(?P<place>[{CJK}]{{2,4}})\s+(?=\S)")
_WINDOW_START = set("0123456789上下中早晚凌夜傍清次翌第隔每当")
_OPEN = {"(": ")", "[": "]", "【": "】"}


# (``08:00-11:00,14:00-17:00`` or ``08:00-11:30  13:30-17:00``: a time cell of two slots.)
_SLOTS_CELL = re.compile(r"[\d:\-—~至]+(?:(?:[,，、]|\s+)[\d:\-—~至]+)+")
_CLOCK_RANGE = re.compile(r"\d{1,2}:\d{2}\s*[-—~至]\s*\d{1,2}:\d{2}")


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
    if re.search(r"(?:乡镇|街道|镇街|街镇|乡镇街道)(?:\((?:镇|乡|乡镇|街道)\))?$"
                 r"|^(?:镇|乡)\(街道\)$"
                 r"|^(?:街道|乡镇)/(?:镇|乡镇|街道)$", cell):
        return "town"  # (``街道（镇）``, ``镇（街道）``, ``所属街镇``)
    # (``星期`` / ``周四``, ``联系人`` / ``张工 139xxxx2231``: beside the window, never a place.)
    if re.fullmatch(r"星期|周次|联系人|联系电话|负责人", cell):
        return "info"
    # (``供电所`` / ``河姆渡供电所``: the office that serves the row, named after a town that
    # need not be the town cut.)
    if re.fullmatch(r"(?:所属|管辖|责任)?(?:供电所|供电站|供电服务中心|供电中心)", cell):
        return "info"
    if not _TABLE_WORDS.fullmatch(cell):
        return None
    # (``供电单位`` / ``国网宁波市海曙区供电公司``: the company that cuts, never the place cut.)
    if re.fullmatch(r"(?:供电|所属|管理|运维)单位", cell):
        return "info"
    return _label_kind(cell)


_RAIN_NOTE = re.compile(r"[(](?:如遇|若遇|遇)[^()]{0,30}[)]")
_RAIN_CLAUSE = re.compile(r"(?:如遇|若遇|遇)[^()。]{0,30}?(?:顺延|延期|另行安排|推迟)"
                          r"[^()。]{0,20}[。.]?\s*$")
# (``…（13:00—17:30）以上时间段内，如工作提前完成，将提前恢复供电，不再另行通知。``: the column's
# closing sentence after its last run.)
_TAIL_NOTE = re.compile(r"(?:以上|上述)[^()]{0,40}?(?:恢复供电|恢复送电|另行通知|顺延|为准)"
                        r"[^()]{0,20}[。.]?\s*$")
_SLOT_KEPT_ADDED = re.compile(r"\s*,?\s*(?:停电)?(?:时间|时段)(?:不变|照旧)\s*,\s*" + RANGE_ADDED
                              + r"\s*:?\s*(?P<a>[^。;()]+?)\s*[。;]?\s*$")
_EVERY_DAY = re.compile(r"(?:每天|每日)\s*(?=[(]\s*\d{1,2}\s*:)")
_REASON_LEAD = re.compile(r"(?:因为|由于|因)")
# (Or ``…秀丰村 原(8:00—16:00)变更为(9:00—13:00)``: the run's original time, marked 原; a comma
# may stand before the change, ``…谢家岙村 原定(8:00—16:00)，变更为(8:00—12:00)``.)
_TIME_FROM = re.compile(r"(?:(?:停电)?时间由|原定?)\s*(?=[(]\s*\d{1,2}\s*:\s*\d{2}[^()]*[)]\s*"
                        r"[,;]?\s*(?:变更|调整|更改|改)(?:为|到|至))")
_REASON_BEFORE_CHANGE = re.compile(r"(?:因|由于|受)[^,;。()]{1,24}?(?:影响|原因|需要)\s*[,;]\s*"
                                   r"(?=原定?(?:于|在)?\s*\d)")
_ORIGINAL_DAY = re.compile(r"原(?:定)?(?:于|在)?\s*(?=\d)")
# (``…调整为同日12:30—15:30``: the same day, the new time unbracketed.)
_MOVED_TO = re.compile(r"(?:的)?(?:计划)?(?:停电)?(?:检修|施工|作业)?\s*[,;]?\s*(?:现)?"
                       r"(?:停电)?(?:时间)?(?:变更|调整|更改|改|推迟|延期|顺延)(?:为|到|至)\s*"
                       r"(?:(?:当日|当天|同日)\s*(?=\d{1,2}\s*:\s*\d{2}))?")
# One cell's date and time (``2026-11-10 08:30``, ``2024-03-05 22:00:00``).
_STAMP = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+"
                    r"\d{1,2}:\d{2}(?::\d{2})?")
_CLOCK_CELL = re.compile(r"(?:次日|翌日)?\d{1,2}:\d{2}(?::\d{2})?")
_CELL_SPLIT = re.compile(r"\s*(?:\t+|\|)\s*|\s{2,}")


def _slots_of_no_day(text: str) -> list[TimeWindow] | None:
    """The time windows ``text`` holds, where it names no day of its own; else None."""
    try:
        slots = parse_windows(text)
    except TimeError:
        return None
    return slots if slots and not any(slot.start_date for slot in slots) else None


def _every_day_range(inner: str) -> list[TimeWindow] | None:
    """``9月18日—20日每天8:00—16:00`` in a run's bracket: the slot on every day of the range."""
    found = match_date(inner, 0)
    if found is None or len(found.dates) != 2:
        return None
    first, last = found.dates
    every = re.match(r"\s*(?:每天|每日)\s*", inner[found.end:])
    if not every or first.month != last.month or not first.day < last.day <= first.day + 14:
        return None
    slots = _slots_of_no_day(inner[found.end + every.end():])
    if not slots:
        return None
    return [replace(slot, start_date=DateParts(first.year, first.month, day))
            for day in range(first.day, last.day + 1) for slot in slots]


def _same_on_day(inner: str) -> list[TimeWindow] | None:
    """``7:00—15:00，9日同`` in a run's bracket: the slot, and the same slot on that day of the
    month (the day ``0`` month is the current day's: the assembler knows it)."""
    same = re.fullmatch(r"(?P<t>[^,，、;；]+)[,，、;；]\s*(?P<d>\d{1,2})\s*[日号]"
                        r"(?:也?同|同样|亦同)", inner.strip())
    slots = _slots_of_no_day(same["t"]) if same else None
    if not slots:
        return None
    return [*slots, *(replace(slot, start_date=DateParts(None, 0, int(same["d"])))
                      for slot in slots)]


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
        every = _every_day_range(inner) or _same_on_day(inner)
        if every:
            return "times", close + 1, every
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
        # (``因镇海区招宝山街道城关路片区…停电``: the word that gives the reason is no part of it.)
        reason = _REASON_LEAD.match(f, i, stop)
        if reason and any(f.startswith(key, reason.end()) and key[-1] in "区县市"
                          for key, _ in self.keys):
            found = self._district_at(reason.end(), stop, line_start)
            if found and found[1] is not None:
                return found
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
            # (``庄市街道``: a 市 that begins a town's name is no city.)
            # (``国网象山县供电公司``: a utility's name, not a place.)
            if not place or _NOT_A_DISTRICT_ENDING.search(place.group("place")) or \
                    f.startswith(("街道", "镇", "乡"), place.end()) or \
                    place.group("place").startswith("国网"):
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
                    and not _DAY_WORD.fullmatch(short.group("place")) \
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

    def _cut_before_time(self, i: int, stop: int) -> bool:
        """``停电`` right before a run's time in brackets (``…甲南村一带停电(8:00—17:00)``)."""
        return self.f.startswith("停电", i) and i + 2 < stop and self.f[i + 2] in _OPEN \
            and (group := self._window_group(i + 2, stop)) is not None and group[0] == "times"

    def _area_end(self, i: int, stop: int) -> int:
        f = self.f
        j = i
        while j < stop:
            c = f[j]
            if c in SEPARATORS or c.isspace():
                break
            if c in _OPEN:
                # (``西岙村(如遇雷雨天气顺延至9月27日)(7:00—15:00)``: the rain date before the
                # run's time, a note.)
                if self._window_group(j, stop) or _RAIN_NOTE.match(f, j, stop):
                    break
                close = self._close_of(j, stop)
                j = (close + 1) if close is not None else j + 1
                continue
            if j > i and c in _WINDOW_START and self._bare_window(j, stop):
                break
            if j > i and (_LABEL_COLON.match(f, j, stop) and f[j:j + 2] in ("停电", "计划")):
                break
            # (``…甲南村一带停电(8:00—17:00)``: the run's 停电 before its time.)
            if j > i and self._cut_before_time(j, stop):
                break
            # (``…昆亭村一带原定3月15日(8:00—16:00)停电，调整为…``: the original day glued on.)
            # (``…太河路沿线原(8:00—16:00)变更为(9:00—13:00)``: the run's original time.)
            if j > i and c == "原" and _TIME_FROM.match(f, j, stop):
                break
            if j > i and c == "原" and (original := _ORIGINAL_DAY.match(f, j, stop)) \
                    and (day := match_date(f[:stop], original.end())) \
                    and re.match(r"\s*(?:星期.|周.)?\s*[(]\s*\d", f[day.end:stop]):
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
        if role == "time" and WHOLE_DAY.fullmatch(f[i:stop]):
            # (``全天`` in a table's time column: the whole day.)
            self.emit("times", i, stop, parse_windows(f[i:stop].strip()))
            return
        if role == "town" and i < stop:
            # (A town column's ``新碶``: the town TOWNS declares by that short name.)
            printed = self.d[i:stop].strip()
            declared = self.table.towns.declared_one(printed)
            self.emit("town", i, stop, declared.name if declared else printed)
            return
        line_start = start == 0 or role is not None
        if start == 0 and stop == len(f) and role is None:
            # One cell a line: ``全天`` alone is the whole day; ``10kV鸣鹤1351线`` alone is the
            # line cut (a note), not a place.
            whole = f[i:stop].strip()
            if WHOLE_DAY.fullmatch(whole):
                self.emit("times", i, stop, parse_windows(whole))
                return
            if _LINE_ALONE.fullmatch(whole):
                self.emit("note", i, stop, self.d[i:stop].strip())
                return
        # ``全天 鹤浦镇小百丈村、…``: the whole day first, its places after it.
        whole_first = _WHOLE_DAY_FIRST.match(f, i, stop) if start == 0 and role is None else None
        if whole_first:
            self.emit("times", i, whole_first.end("w"), parse_windows(whole_first["w"]))
            i = self._skip_space(whole_first.end(), stop)
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
            if self._cut_before_time(i, stop):
                self.emit("space", i, i + 2)  # (the run's 停电, said before its time)
                i += 2
                continue
            # (``…任佳溪村(8:30—16:30)。``: a run's line ended with a full stop, nothing after it.)
            if c in "。." and not f[i + 1:stop].strip() and self.tokens and any(
                    t.kind == "times" for t in self.tokens if t.kind != "space"):
                self.emit("space", i, i + 1)
                i += 1
                continue
            if at_item:
                cancel = _CANCEL.match(f, i, stop)
                if cancel and cancel.end() > i and ("取消" in cancel.group(0)):
                    self.emit("cancel", i, cancel.end())
                    i = cancel.end()
                    continue
            # (``因第9号台风影响，原定8月3日…``: the change's reason before it, a note.)
            reason = _REASON_BEFORE_CHANGE.match(f, i, stop) if at_item else None
            if reason:
                self.emit("note", i, reason.end(), self.d[i:reason.end()].strip().rstrip("，,"))
                i = reason.end()
                continue
            # ``…上洋王村 原8月7日 星期五(8:00—16:00)停电，变更为8月8日 星期六(8:00—13:00)``: a
            # run's original day, and the words that move it, in a column's change section.
            original = _ORIGINAL_DAY.match(f, i, stop)
            date = match_date(f[:stop], original.end()) if original else None
            if date:
                self.emit("orig_date", i, date.end, date)
                i, at_item = date.end, True
                continue
            moved = _MOVED_TO.match(f, i, stop)
            # (Or right after a run's time, a new day following: ``…沙港村(8:00—16:00)变更为7月22日
            # 星期四(8:00—16:00)`` under a column's ``变更：``.)
            # (A comma may stand between: ``…谢家岙村 原定(8:00—16:00)，变更为(8:00—12:00)``.)
            last = next((t for t in reversed(self.tokens) if t.kind not in ("space", "sep")),
                        None)
            # (``…原定11月9日(8:30—16:30)停电，时间调整为(12:30—16:30)``: the new time alone.)
            run_moved = moved and last is not None and last.kind == "times" \
                and (match_date(f[:stop], moved.end()) is not None
                     or re.match(r"[(]\s*\d{1,2}\s*:\s*\d{2}", f[moved.end():stop])
                     or re.search(r"(?:当日|当天|同日)\s*$", f[moved.start():moved.end()]))
            if moved and moved.end() > i and (run_moved or any(t.kind == "orig_date"
                                                               for t in self.tokens)):
                self.emit("moved", i, moved.end())
                i, at_item = moved.end(), True
                continue
            # (``…横山码头一带，时间由(8:00—16:00)变更为(8:00—12:00)``: the words before the
            # run's own time, which the change moves.)
            # (``11月21日至23日 每天(8:00—16:00)`` above its places: every day's time.)
            since = _TIME_FROM.match(f, i, stop) or _EVERY_DAY.match(f, i, stop)
            if since:
                self.emit("space", i, since.end())
                i = since.end()
                continue
            # ``…调整为4月14日（星期三）同一时间进行``: the new day at the slot's own time.
            same = SAME_SLOT.match(f, i, stop)
            if same and any(t.kind == "moved" for t in self.tokens):
                self.emit("same_slot", i, same.end())
                i = same.end()
                continue
            # (``…定山村一带(7:00—14:00)(如遇雨天顺延至6月21日)西周镇…``: the run's rain date, a
            # note, not the next run's first place.)
            rain = _RAIN_NOTE.match(f, i, stop)
            # (Or unbracketed, the line's last clause: ``…加爵科村（7:30—16:30），如遇雨天顺延至
            # 12月23日。``)
            if not rain and (last := next((t for t in reversed(self.tokens)
                                           if t.kind not in ("space", "sep")), None)) \
                    and last.kind == "times":
                rain = _RAIN_CLAUSE.match(f, i, stop) or _TAIL_NOTE.match(f, i, stop)
            if rain:
                self.emit("note", i, rain.end(), self.d[i:rain.end()].strip().strip("()（）"))
                i, at_item = rain.end(), True
                continue
            # (``原定8月18日 星期四 镇海 骆驼街道南二村、团桥村(8:30—16:30)，时间不变，停电范围增加
            # 清水湖村。`` under a column's ``变更：``: the slot stands, with more places.)
            added = _SLOT_KEPT_ADDED.match(f, i, stop) if last is not None \
                and last.kind == "times" else None
            if added:
                self.emit("added", i, added.end(),
                          self.d[added.start("a"):added.end("a")].strip())
                i, at_item = added.end(), True
                continue
            # (``【观海卫镇】鸣山村、卫山村(8:00—16:00)``: a run's town in brackets, not a label.)
            bracketed = _TOWN_BRACKET.match(f, i, stop) if at_item else None
            if bracketed:
                self.emit("town", i, bracketed.end(),
                          self.d[bracketed.start("town"):bracketed.end("town")].strip())
                i, at_item, line_start = bracketed.end(), True, False
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
            if c in "【[" and line_start and at_item:
                # ``【海曙区】`` alone on its line: a district heading (a WeChat post).
                close = self._close_of(i, stop)
                district = self._district_at(i + 1, close, True) if close else None
                if district and district[1] is not None and district[0] == close:
                    self.emit("district", i, close + 1, (district[1], district[2], True))
                    i, line_start = close + 1, False
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
                    # (``12月19日（星期二）全天`` and nothing after it: the day's places below
                    # are cut the whole day.)
                    whole = re.fullmatch(r"\s*(?P<w>全天|全日|整天)(?:停电)?\s*", f[i:stop])
                    if whole:
                        self.emit("times", whole.start("w"), whole.end("w"),
                                  parse_windows(whole["w"]))
                        i = stop
                    continue
                district = self._district_at(i, stop, line_start)
                # (``丹西街道·象山县人民医院``: an institution named by its district, one area.)
                if district and not line_start and _DISTRICT_INSTITUTION.match(f, district[0]):
                    district = None
                # (``宁波市鸣鹤盐仓文旅有限公司``: the city's name leading a company's, mid-line.)
                if district and not line_start and district[1] is not None \
                        and district[1].citywide and re.match(rf"[{CJK}]", f[district[0]:stop]):
                    district = None
                if district:
                    end, found, printed = district
                    self.emit("district", i, end, (found, printed, line_start))
                    i, line_start = end, False
                    continue
                town = self._town_at(i, stop, in_cell=role is not None)
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

    def _town_at(self, i: int, stop: int, in_cell: bool = False):
        f = self.f
        m = _TOWN_DOT.match(f, i, stop)
        if m:
            return "town", m.end(), self.d[i:i + len(m.group("town"))].strip()
        m = _TOWN_COLON.match(f, i, stop)
        # (``鹤浦镇：`` ending its line, a wrapped column: the places are on the next.)
        end_town = _TOWN_AT_END.match(f, i, stop)
        if not m and end_town:
            return "town", end_town.end(), self.d[i:i + len(end_town.group("town"))].strip()
        # (``…(8:30—16:00)兰江街道`` ending its line, its places on the next: a wrapped column;
        # ``浒山街道`` alone on its line, one cell a line.)
        bare_end = _TOWN_ENDS_LINE.match(f, i, stop)
        last = next((t for t in reversed(self.tokens) if t.kind != "space"), None)
        if bare_end and stop == len(f) and (last is None and not f[:i].strip()
                                            or last is not None and last.kind == "times"):
            return "town", bare_end.end(), self.d[i:i + len(bare_end.group("town"))].strip()
        # (``江北区甬江街道`` filling a table's 区域 cell, the places in the next column: the
        # town after the cell's district.)
        bare_cell = _TOWN_ENDS_LINE.fullmatch(f, i, stop) if in_cell else None
        if bare_cell and last is not None and last.kind == "district":
            return "town", bare_cell.end(), self.d[i:i + len(bare_cell.group("town"))].strip()
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

    def scan_cells(self, roles: list[tuple[str | None, str]] | None,
                   stamps: bool | str = False, split: re.Pattern = _CELL_SPLIT,
                   spans: list[tuple[int, int]] | None = None) -> None:
        """Scan a table row: each cell by its column's role, cells separated like runs. The
        cells are cut by ``split``, or given as ``spans`` where the caller knows them."""
        if spans is None:
            pos = 0
            spans = []
            for m in split.finditer(self.f):
                spans.append((pos, m.start()))
                pos = m.end()
            spans.append((pos, len(self.f)))
        cells = [(a, b) for a, b in spans if self.f[a:b].strip()]
        # (``| 4 |  | 13:00-17:30 | 10kV鹿亭线 | 鹿亭乡中村村 |``: a pipe row's empty cell, a date
        # merged with the row above, is a column all the same.)
        inner = spans[1:-1] if self.f.lstrip().startswith("|") and self.f.rstrip().endswith("|") \
            else None
        if roles and inner and len(inner) == len(roles) and len(cells) < len(inner):
            cells = inner
        # (``08:00-11:30  13:30-17:00`` under one 停电时间 heading: the column's two slots, one
        # cell, where the row has a cell more than the header.)
        if roles and len(cells) == len(roles) + 1:
            for index in range(len(cells) - 1):
                (a, b), (c, d) = cells[index], cells[index + 1]
                if roles[index][0] == "time" and _CLOCK_RANGE.fullmatch(self.f[a:b].strip()) \
                        and _CLOCK_RANGE.fullmatch(self.f[c:d].strip()):
                    cells[index:index + 2] = [(a, d)]
                    break
        skip = -1
        for index, (a, b) in enumerate(cells):
            if index == skip:
                continue
            role, label = roles[index] if roles and index < len(roles) else (None, "")
            if role is None and index == 0 and self.f[a:b].strip().isdigit() and len(cells) > 1:
                continue
            if index:
                self.tokens.append(Token("cell", self.lineno, a, a, ""))
            # ``停电开始时间  恢复送电时间`` cells of one stamp each (a table aligned by spaces;
            # the layout reader reads such columns of a tab or pipe table): one window.
            pair = self._stamp_pair(cells, roles, index, stamps) if stamps else None
            if pair is not None:
                end, windows = pair
                self.emit("times", a, end, windows)
                skip = index + 1
                continue
            # (``08:00-11:00,14:00-17:00``: a time cell of two slots, cut by a comma that
            # would otherwise end a run.)
            if role == "time" and _SLOTS_CELL.fullmatch(self.f[a:b].strip()):
                slots = parse_windows(self.f[a:b].strip())
                if slots and len(slots) > 1:
                    self.emit("times", a, b, slots)
                    continue
            self.scan(a, b, role or "cell", label)

    def _stamp_pair(self, cells, roles, index: int, stamps: bool | str = True):
        """(end, windows) for a start cell and the end cell after it, else None."""
        if not roles or index + 1 >= min(len(cells), len(roles)) \
                or roles[index][0] != "time" or roles[index + 1][0] != "time":
            return None
        (a, b), (c, d) = cells[index], cells[index + 1]
        first, second = self.f[a:b].strip(), self.f[c:d].strip()
        # (``2028-02-21   08:00     15:00``: the day in a column of its own, the two times bare.)
        bare = _CLOCK_CELL.fullmatch(first) and _CLOCK_CELL.fullmatch(second)
        if not bare and (stamps == "bare" or not _STAMP.fullmatch(first)
                         or not _STAMP.fullmatch(second)):
            return None
        try:
            windows = parse_windows(f"{first}至{second}")
        except TimeError:
            return None
        return (d, windows) if windows else None


# ---------------------------------------------------------------------------
# Assembling tokens into windows.

