"""The generic reader: windows from date/time expressions, areas as place spans.

It does not recognise a publisher's layout. It finds every date/time expression (the time
reading of ``layouts``), cuts the text into records around them (a record is the text between
one window's time and the next; a notice printing its places before the time, as the Ningbo
column does, is read the other way round), and reads a record's areas as *spans that end in a
place suffix*: an item of the record's list is a place when it ends with one of ``SUFFIXES``
(a frequency table of the last characters of the tuning corpus's expected areas, grouped into
classes below) or names a county of the vendored division table (``places``). Anything else in a
record is a *fragment*: reported with its line, never dropped silently. Known decoys (phones,
durations, salutations, 温馨提示, apologies) end a record and are not fragments.

It is used two ways by ``cli.parse_outage_notice``: as the fallback when the layout readers give
no window or a window with no place, and as a confidence check of the layout readers' areas
(``disagreement``). ``./dev importer-score --reader spans`` scores it alone.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from . import places
from .layouts import _PINYIN, GeneralResult, _Dates, _numerals, _window, split_areas
from .messages import SPAN_FRAGMENT
from .text import fold

# Place suffixes, matched on the folded (Simplified) text, grouped by class. Derived from the
# last one to three characters of the 950 expected areas of tests/importer/real (most frequent:
# 乡 楼 街 巷 路 村 院 镇 中心 区 馆 堂 段 室 局 单元 房 公司 站 组 户 寨 …), plus the classes the
# issue names (弄, 号, 幢, 苑, 花园, 大厦, 广场, 台区, 线). Longest first when matched.
SUFFIX_CLASSES: dict[str, tuple[str, ...]] = {
    "division": ("省", "市", "区", "县", "旗", "镇", "乡", "街道", "村", "社区", "居委会", "组",
                 "寨", "庄", "屯", "湾", "坊", "里", "片区", "片", "队", "场"),
    "road": ("路", "街", "大街", "巷", "弄", "道", "段", "桥", "线", "沿线", "一带", "岸", "口",
             "以东", "以西", "以南", "以北"),
    "building": ("号", "栋", "幢", "座", "楼", "单元", "层", "室", "房", "楼群", "公寓", "宿舍",
                 "大厦", "广场", "中心", "苑", "园", "花园", "小区", "家园", "新村", "城", "府",
                 "阁", "居", "轩", "亭", "塔", "库", "棚"),
    "institution": ("公司", "厂", "站", "变电站", "所", "医院", "院", "学校", "校", "学院", "校区",
                    "大学", "中学", "小学", "幼儿园", "工地",
                    "馆", "堂", "局", "部", "处", "门", "店", "银行", "会", "基地", "港", "岛",
                    "山", "江", "实验室", "食堂", "餐厅", "厅", "办公室"),
    "customers": ("户", "用户", "区域", "地区", "台区", "单位", "客户", "企业"),
    # Transformers a Ningbo schedule names as the places cut (``广场2号箱变``, ``麻车1号公变``).
    "transformer": ("箱变", "公变", "专变", "配变"),
}
# Words that end in a suffix and are no place: a table's header, a count.
NOT_PLACES = ("序号", "编号", "信号", "型号", "账号", "户号", "批号")
SUFFIXES = tuple(sorted({s for group in SUFFIX_CLASSES.values() for s in group}, key=len,
                        reverse=True))

# Text that is neither a place nor a fragment: it ends the record it starts.
DECOYS = re.compile(
    r"温馨提示|给您带来不便|给(?:您|你们|大家)(?:的)?(?:生活|工作)?带来|敬请(?:谅解|广大)|特此(?:通知|公告)"
    r"|不便之处|请(?:广大|各)|如有疑问|咨询电话|联系电话|服务热线|联系人|供电服务|95598"
    r"|(?:\d{3,4}-)?\d{7,8}|1[3-9]\d{9}|原创|来源[:：]|编辑[:：]|责任编辑|阅读原文|点击"
    r"|如遇(?:雨|恶劣|特殊)|顺延|恢复送电|提前送电|停电期间|届时请|请提前|做好(?:准备|防范)")
# Words that only open a list or say what happens to it (not names of one notice's phrases).
_OPENER = re.compile(r"^.*?(?:范围|区域|地区|地点|线路|包括|包含|涉及|(?<!受)(?<!受到)影响"
                     r"|停电区)内?"
                     r"(?:约?(?:为|有|是)|如下|包括|包含|涉及)?[:：]?"
                     r"(?=\S{2})")
_TAIL = re.compile(r"(?:等|将|要|会|停电|受影响|部分停电|进行|实施|用电(?=将|会|受|$)"
                   r"|(?:限电|停电|供电|用电)(?:量|户数|容量|负荷)).*$")
# A switch room (``3号配电室``): where the supply is switched, like equipment no place and no
# fragment.
_ROOM = re.compile(r"配电(?:室|房|间)$|电气室$|开闭所$")
# A list closed by words that say what its items are (``…、番路等14个乡镇``, ``…等地停电``):
# each item is a place though it ends in no place suffix.
_KIND_END = re.compile(r"等\s*(?:\d+\s*个\s*)?(?:乡镇|镇|乡|村|社区|街道|地区|地|区域|小区)")
# A word that opens a span and is not part of the place (``届时全岛``, ``位于哈尔滨市…``).
_LEAD = re.compile(r"^(?:届时|位于|因|由于|对|在|将|即|请|其中|主要|以及|及|和|为|是|今|现|凡)+"
                   r"(?=\S{2})")
_PROVINCE_LEAD = re.compile(r"^[\u4e00-\u9fff]{2,7}?(?:省|自治区)(?=\S{2})")
_CITY_LEAD = re.compile(r"^(?P<c>[\u4e00-\u9fff]{2,3})市(?:区)?(?=\S{2})")
# Equipment switched off (``迎胜站10KV化机线``): not a place, and no fragment either.
_EQUIPMENT = re.compile(r"\d+\s*[kK][vV]|\d+\s*千伏|开关|变压器|线路$|出线|电源")
_MAX_PLACE = 24
# A count of customers (``限电户数约200万户``, ``共约25万4千户``, ``约1.4万户``): no place.
_COUNT = re.compile(r"\d[\d.]*\s*[万千百]?\d*\s*[万千]?[余多]?\s*(?:户|用户|家)$")
# A building code or a range of them (``A5-A12``, ``教1-教5``, ``S6``): a place.
_CODE = re.compile(r"[A-Za-z\u4e00-\u9fff]{0,2}\d{1,4}[A-Za-z#]?"
                   r"(?:\s*[-—~至]\s*[A-Za-z\u4e00-\u9fff]{0,2}\d{1,4}[A-Za-z#]?)?")
# What may close a list and is no fragment: ``等``, ``等地受影响``, ``一带``, ``将停电``.
_LIST_END = re.compile(r"(?:[等及和与]|以及|一带|附近|周边|沿线|部分|将|要|会|受|影响|停电|停送电|"
                       r"检修|施工|用户|地区|区域|地方|一线|单位)+[\u4e00-\u9fff]{0,4}$")
# A clause labelled as the work site (``施工地点:…机房``) says where the work is done, not who
# is cut off: its list is no area (the outage's own list has a label of its own).
_WORK_SITE = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*、|\d+\s*[.、．])?\s*"
                        r"(?:施工|作业|工作|检修)(?:地点|地址|位置|内容|项目)\s*[:：]")
# A word that points back at a place named elsewhere (``该公司``, ``本单位``): no place of its own.
_REFERENCE = re.compile(r"^(?:该|本|此|我|贵)[\u4e00-\u9fff]{1,2}$"
                        r"|^(?:相关|有关|各|全体|广大)(?:单位|部门|用户|客户|师生|住户|居民)$")
# A list its own words call districts (``鳳山,鳥松,…,橋頭等區``, ``(停电地区:新营、柳营…等地区)``).
_DISTRICT_LIST_END = re.compile(r"等(?:地)?区\s*[,，;；)）]?\s*$|等(?:地)?区[,，;；)）]")
_SALUTATION = re.compile(r"^(?:尊敬的|亲爱的|各位|广大)")
_DURATION = re.compile(r"\d+(?:\.\d+)?\s*个?半?\s*(?:小时|分钟|天)")
_CLAUSE = re.compile(r"[。;；!！?？\n]")
_HEAD = re.compile(r"^\s*(?P<h>[^:：]{1,24}?)\s*[:：]\s*")


@dataclass
class SpanRecord:
    """One window's record: its places and the fragments that are not places."""

    places: list[str] = field(default_factory=list)
    fragments: list[tuple[int, str]] = field(default_factory=list)  # (offset, printed)
    district: str | None = None
    town: str | None = None
    # Groups closed by a later place heading (``…镇：…；…乡：…``): one window each.
    done: list[tuple[str | None, str | None, list[str]]] = field(default_factory=list)

    def named(self) -> bool:
        """Whether the record names a place, or a district standing alone (a list of districts)."""
        return any(g[2] for g in self.groups()) or any(g[0] and not g[2] for g in self.done)

    def groups(self) -> list[tuple[str | None, str | None, list[str]]]:
        return [*self.done, (self.district, self.town, self.places)]

    def close(self) -> None:
        """A new place heading: the places so far are one window."""
        if self.places:
            self.done.append((self.district, self.town, self.places))
            self.places, self.town = [], None


def is_place(item: str) -> bool:
    """Whether a printed item is a place span: it ends with a place suffix (a bracket after it,
    ``校园大部分区域(…除外)``, does not count) or names a county of China."""
    folded = fold(item).strip()
    bracket = re.search(r"\s*[(（]([^()（）]*)[)）]\s*$", folded)
    core = folded[:bracket.start()] if bracket else folded
    if bracket and core and len(core) <= _MAX_PLACE and is_place(bracket[1]):
        return True  # ``A组团(G区7栋)``: what the bracket names is a place, so is the whole
    if len(core) < 2 or len(core) > _MAX_PLACE or core.endswith(NOT_PLACES) \
            or re.search(r"\d{1,2}[:：]\d{2}|停电|[。]", core):
        return False
    if core.isdigit():  # a row or item number, not a building code
        return False
    if places.county(core) is not None or _CODE.fullmatch(core):
        return True
    return core.endswith(SUFFIXES) or bool(re.search(r"[0-9A-Za-z#]$", core)
                                           and re.search(r"[栋楼号幢座单元]", core))


def _named(item: str) -> bool:
    """Whether an item of a list its closing words call places (``…、欧亚置业等地受影响``) can be
    one: a name of two to ``_MAX_PLACE`` characters, not a time, a count or a sentence."""
    core = fold(item).strip()
    return 2 <= len(core) <= _MAX_PLACE and not re.search(
        r"\d{1,2}[:：]\d{2}|停电|[。,，]|^\d+$", core) and bool(re.search(r"[\u4e00-\u9fff]", core))


def _decoy_at(folded: str, start: int, end: int) -> int:
    """Where the first decoy starts (spaces left by pinyin glosses are skipped), else ``end``."""
    at = [i for i in range(start, end) if not folded[i].isspace() or folded[i] == "\n"]
    m = DECOYS.search("".join(folded[i] for i in at))
    return at[m.start()] if m else end


def trim_lead(item: str) -> tuple[str, str | None]:
    """A span without the words that open it and the province or city before it; the county
    printed first, if any (``哈尔滨市利民开发区…``, ``泰山区泰前街道…`` → 泰山区)."""
    folded = fold(item)
    cut = 0
    for pattern in (_LEAD, _PROVINCE_LEAD, _CITY_LEAD, _LEAD):
        m = pattern.match(folded[cut:])
        if m and (pattern is not _CITY_LEAD or m["c"] in places.cities()):
            cut += m.end()
    found = places.county_and_township(folded[cut:])
    if found:  # ``屏東縣屏東市武立街``: Taiwan's township is the district
        county, township = found
        return item[cut + county + township:], item[cut + county:cut + county + township]
    district = None
    for size in (4, 3, 2):  # a county printed before the place (a full name)
        name = folded[cut:cut + size]
        # a name several districts share (江北区, 城关区) counts only with a town after it
        # of two characters only a 县 or before a town (环县曲子镇; 西区浴室 is no district)
        if size == 2 and not (name.endswith("县")
                              or re.match(r"\S{1,5}?(?:镇|乡|街道)", folded[cut + 2:])):
            continue
        if len(folded) - cut - size >= 2 and name.endswith(("区", "县")) and \
                places.county(name) is not None and (
                    not places.shared_name(name)
                    or re.search(r"镇|乡|街道", folded[cut + size:])):
            district = item[cut:cut + size]
            cut += size
            break
    return item[cut:], district


def read_record(printed: str, folded: str, start: int, end: int, *,
                listed: bool = False) -> SpanRecord:
    """The places between ``start`` and ``end`` of the notice (a decoy ends the record);
    ``listed``: the text is a table's area cell, so every name in it is a place."""
    record = SpanRecord()
    end = _decoy_at(folded, start, end)
    pos = start
    for clause_m in [*_CLAUSE.finditer(folded, start, end), None]:
        stop = clause_m.start() if clause_m else end
        _clause(record, printed, folded, pos, stop, listed)
        pos = stop + 1 if clause_m else end
    return record


def _clause(record: SpanRecord, printed: str, folded: str, start: int, stop: int,
            listed: bool = False) -> None:
    text_f = folded[start:stop]
    if not text_f.strip() or _SALUTATION.match(text_f.strip()) or _WORK_SITE.match(text_f):
        return
    head = _HEAD.match(text_f)
    if head and not text_f[head.end():].strip():
        # A heading alone (``1.西区图书馆:`` above its time) names the place it heads.
        head = None
        text_f = re.sub(r"[:：]\s*$", "", text_f)
        stop = start + len(text_f)
        numbering = re.match(r"\s*(?:\d+\s*[.、．]|[一二三四五六七八九十]+\s*、|[(（]\d+[)）])\s*",
                             text_f)
        if numbering:
            start += numbering.end()
            text_f = folded[start:stop]
    while head:  # ``停电范围：广元市苍溪县龙王镇：三房村…``: each heading before a colon
        printed_head = printed[start + head.start("h"):start + head.end("h")]
        if is_place(printed_head):
            # A place heading the list: a county is the district, a town the town.
            rest, county_first = trim_lead(printed_head)
            name = fold(rest)
            record.close()
            county = places.county(name)
            if county_first:
                record.district = county_first
            if county is not None and not places.shared_name(county.name):
                record.district = rest
            elif name.endswith(("镇", "乡", "街道")):
                record.town = rest
        start += head.end()
        text_f = folded[start:stop]
        head = _HEAD.match(text_f)
        if head and not text_f[head.end():].strip():
            break
    opener = _OPENER.match(text_f)
    if opener:
        start += opener.end()
    chunk = printed[start:stop]
    offset = start
    covered = [False] * (stop - start)
    whole = chunk.strip(" \t，,、:：")
    # A table's cell bar (``北区公寓及门面房 |``) is no item of the list.
    items = split_areas(chunk.replace("|", " ")) or ([whole] if whole else [])
    first = len(record.places)
    kind_end = _KIND_END.search(fold(chunk))
    for item in items:
        at = printed.find(item, offset, stop)
        at = at if at >= 0 else offset
        offset = at + len(item)
        covered[at - start:at - start + len(item)] = [True] * len(item)
        core = re.sub(r"^(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]|\d{1,2}\s*[日号])\s*", "",
                      item.strip())
        opened = _OPENER.match(fold(core))
        if opened and len(core) - opened.end() >= 2:
            core = core[opened.end():]
        core, county_first = trim_lead(core)
        core = re.sub(r"^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]\s*", "", core)
        cut = _TAIL.search(fold(core), 2)
        core = (core[:cut.start()] if cut else core).strip()
        if county_first and fold(county_first) != fold(record.district or ""):
            if record.district is not None:
                record.close()  # another district, named before its places
            record.district = county_first
        if _EQUIPMENT.search(fold(core)) or _COUNT.search(fold(core)) \
                or fold(core).strip().isdigit() or _REFERENCE.match(fold(core).strip()):
            continue
        if _ROOM.search(fold(core)):
            continue
        if is_place(core) or (listed or kind_end and at < start + kind_end.start()) \
                and _named(core):
            county = places.county(fold(core))
            full = county is not None and fold(core) == county.name
            if county is not None and not places.shared_name(county.name) and \
                    (not record.places and record.district is None or full):
                # ``镇海区…；江北区…``: a second district named in one list is a window of its own.
                record.close()
                record.district = core
            else:
                record.places.append(core)
        elif core and not _DURATION.fullmatch(fold(core)):
            record.fragments.append((at, core))
    _district_list(record, printed[start:stop], folded[start:stop], first)
    # What the list cutting left out is a fragment too, unless it only ends the list.
    for m in re.finditer(r"[^\s、，,;；:：。]+", "".join(
            " " if done else ch for ch, done in zip(chunk, covered, strict=True))):
        rest = fold(m.group())
        if re.search(r"[\u4e00-\u9fff]", rest) and not _LIST_END.match(rest):
            record.fragments.append((start + m.start(), m.group()))


def _district_list(record: SpanRecord, printed: str, text_f: str, first: int) -> None:
    """A list its own words call districts (``鳳山,鳥松,…,橋頭等區``, ``新營、柳營…等地區``), of
    names printed without their suffix (two characters each): one window a district, naming no
    area. Lists of villages or estates (``…村、…村等地区``) are not this: their items are longer."""
    end = _DISTRICT_LIST_END.search(text_f)
    if not end:
        return
    opened = _OPENER.match(text_f[:end.start()])
    at = opened.end() if opened else 0
    spans = [m.span() for m in re.finditer(r"[^、，,\s]+", text_f[at:end.start()])]
    names = [printed[at + a:at + b] for a, b in spans]
    if len(names) < 2 or not all(len(n) == 2 and re.fullmatch(r"[\u4e00-\u9fff]+", n)
                                 for n in names):
        return
    del record.places[first:]
    record.fragments = [f for f in record.fragments if f[1] not in names]
    record.close()
    for name in dict.fromkeys(names):  # a name printed twice is one window
        record.done.append((name, None, []))
    record.district = None


@dataclass
class _Slot:
    anchor: object
    after: SpanRecord
    before: SpanRecord
    cell: SpanRecord | None = None  # the area cell of its row, in a table pasted a cell a line


@places.within_notice
def read_spans(text: str, reference: dt.date) -> GeneralResult:
    """Read a notice with the generic reader (see the module docstring)."""
    folded = _PINYIN.sub(lambda m: " " * len(m.group()), fold(text))
    digits, back = _numerals(folded)
    anchors = _Dates(digits, reference).anchors()
    for anchor in anchors:
        anchor.start, anchor.end = back[anchor.start], back[anchor.end]
    # A date that took the time printed later in its sentence (``5月8日,…(19:00-19:50)``) is
    # that time's slot, read once there.
    anchors = [a for i, a in enumerate(anchors)
               if not (getattr(a, "late", False) and i + 1 < len(anchors)
                       and (anchors[i + 1].days, anchors[i + 1].first, anchors[i + 1].last)
                       == (a.days, a.first, a.last))]
    # The publication date (``发布日期:2025-07-29``) is no slot; nor is a date in the title when
    # the body gives the same day again (the title sums the body up).
    title_end = text.find("\n") if "\n" in text.strip() else -1
    body_days = {d for a in anchors if a.start > title_end for d in a.days}
    anchors = [a for a in anchors
               if not re.search(r"(?:发布|发表|更新|撰稿|录入|印发)(?:日期|时间)\s*[:：]?\s*$",
                                folded[max(0, a.start - 10):a.start])
               and not (a.start < title_end and set(a.days) <= body_days)]
    # A time restated in a bracket right after it (``22点(今晚22点)``) is the same slot.
    anchors = [a for i, a in enumerate(anchors)
               if not (i and getattr(a, "relative", False) and re.fullmatch(
                   r"\s*[(（]\s*", folded[anchors[i - 1].end:a.start]))]
    # A slot of a water, gas or heating outage is a decoy, not a power cut.
    anchors = [a for a in anchors if not _water(folded, a.start, a.end)
               and not _water_section(folded, a.start)]
    timed = [a for a in anchors if a.first is not None]
    anchors = timed or anchors
    heads = [_head_start(folded, anchor.start) for anchor in anchors]
    cells = _CellTables(folded)
    slots: list[_Slot] = []
    for index, anchor in enumerate(anchors):
        nxt = anchors[index + 1].start if index + 1 < len(anchors) else len(text)
        prev = anchors[index - 1].end if index else 0
        line_start = heads[index]
        # The next window's own clause (its label, ``检修线路:…``, or the heading above it) is
        # not this record's.
        if index + 1 < len(anchors):
            clause = max(folded.rfind(ch, anchor.end, nxt) for ch in "。;；\n")
            nxt = clause if clause >= anchor.end else nxt
            if heads[index + 1] < folded.rfind("\n", 0, anchors[index + 1].start) + 1:
                nxt = max(anchor.end, min(nxt, heads[index + 1]))
        after = read_record(text, folded, anchor.end, nxt)
        before = read_record(text, folded, max(prev, line_start), anchor.start)
        cell = cells.area_cell(anchor.start, anchor.end)
        slots.append(_Slot(anchor, after, before,
                           read_record(text, folded, *cell, listed=True) if cell else None))
    # A notice that prints its places before the time (the Ningbo column): read backwards.
    before = sum(s.before.named() for s in slots)
    after = sum(s.after.named() for s in slots)
    backwards = before > after or before == after and before and all(
        not folded[folded.rfind("\n", 0, s.anchor.start) + 1:s.anchor.start].strip()
        for s in slots)
    title_county = _title_county(text)
    windows, window_lines, cancelled, cancel_lines = [], [], [], []
    read: set[int] = set()
    warnings: list[tuple[int, str, str]] = []
    records = []
    for index, slot in enumerate(slots):
        record = slot.before if backwards else slot.after
        # The other side, where this names none, unless the neighbour on that side has read its
        # places already (a round whose list was cut off is not given the round before's list).
        neighbour = index - 1 if not backwards else index + 1
        taken = 0 <= neighbour < len(slots) and (
            slots[neighbour].after if not backwards else slots[neighbour].before).named()
        if not record.named() and not taken:
            other = slot.after if backwards else slot.before
            record = other if other.named() else record
        if slot.cell is not None and slot.cell.named():
            record = slot.cell
        records.append(record)
    # Windows printed one after another with nothing between them but punctuation and weekdays
    # (``3/27(五)18:00至20:00。3/28(六)8:00~17:00。…停电范围:…``) share the places of the last.
    shared: set[int] = set()
    for index in range(len(slots) - 2, -1, -1):
        gap = folded[slots[index].anchor.end:slots[index + 1].anchor.start]
        if not records[index].named() and records[index + 1].named() and (
                not re.sub(r"[\s。，,;；、及和(（)）星期周一二三四五六日天]", "", gap)
                # ``…8月15日,第二次停电初定于8月16日,届时…``: an ordinal label between them
                or re.fullmatch(r"\s*[,，、]\s*第[一二三四五六七八九十\d]+[次轮批]"
                                r"[^,，。;；\n]{0,8}", gap)):
            records[index] = records[index + 1]
            shared.add(index)
    for index, slot in enumerate(slots):
        record = records[index]
        anchor = slot.anchor
        if anchor.first is None and not record.named():
            continue  # a date alone, with no place: a mention, not a window
        line = text.count("\n", 0, anchor.start) + 1
        read.add(line)
        is_cancelled = bool(re.search(r"原定(?:于|在)?\s*$",
                                      folded[max(0, anchor.start - 4):anchor.start]))
        for at, fragment in [] if index in shared else record.fragments:
            number = text.count("\n", 0, at) + 1
            read.add(number)
            warnings.append((number, fragment, SPAN_FRAGMENT.format(fragment=_quote(fragment))))
        for at in _place_lines(text, record):
            read.add(at)
        for day, _, first, last in anchor.day_slots():
            for district, town, names in record.groups():
                if not names and not district and len(record.groups()) > 1:
                    continue
                window = _window(day, first, last, names, district or title_county, town)
                (cancelled if is_cancelled else windows).append(window)
                (cancel_lines if is_cancelled else window_lines).append(line)
    body = [line for number, line in enumerate(text.split("\n"), 1)
            if line.strip() and number not in read]
    return GeneralResult(windows=windows, read_lines=read, body_lines=body, warnings=warnings,
                         window_lines=window_lines, cancelled=cancelled,
                         cancel_lines=cancel_lines)


# What may stand before a time at the head of its line: a number, and a label that is no place
# (``停电时间:``, ``日期:``).
_LINE_LEAD = re.compile(r"^\s*(?:\d+\s*[.、．]|[(（]\d+[)）])?\s*"
                        r"(?:(?P<label>[^:：\d\n]{1,16})[:：]\s*)?$")


def _head_start(folded: str, start: int) -> int:
    """Where the record before a time may begin: its line, or the heading alone on the line above
    when the time heads its line (``1.西区图书馆:`` / ``7月13日23:00—24:00``) or follows only a
    label there (``1.化工楼:`` / ``停电时间:3月20日…``)."""
    line_start = folded.rfind("\n", 0, start) + 1
    lead = _LINE_LEAD.match(folded[line_start:start])
    if not line_start or not lead or lead["label"] and is_place(lead["label"].strip()):
        return line_start
    above = folded.rfind("\n", 0, line_start - 1) + 1
    if re.search(r"[:：]\s*$", folded[above:line_start - 1]):
        return above
    return line_start


# A table's header cell alone on its line (``停水区域 |``, ``停电时间\t``): it says what the rows
# below it are about.
_HEADER_CELL = re.compile(r"^[ \t]*(停水|停气|停暖|停电)(?:区域|范围|时间|时段|日期|地点)"
                          r"[ \t]*[|\t]?[ \t]*$",
                          re.M)


_CELL_LINE = re.compile(r"^[ \t]*(?P<c>[^\s|]{1,10})[ \t]*\|?[ \t]*$")


class _CellTables:
    """Tables pasted one cell a line (``序号 |`` / ``停电区域 |`` / ``停电时间 |`` / ``1 |`` / …):
    the header's cells give the place of the area column against the time column, so a time alone in
    its cell takes the cell that many lines from it (not the cells of the rows around it)."""

    def __init__(self, folded: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", folded)]
        self.lines = folded.split("\n")
        self.headers: list[tuple[int, int]] = []  # (line after the header, area - time)
        run: list[str] = []
        for number, line in enumerate([*self.lines, ""]):
            m = _CELL_LINE.match(line)
            if m and not re.search(r"\d", m["c"]):
                run.append(m["c"])
                continue
            areas = [i for i, c in enumerate(run) if re.search(r"(?:区域|范围|楼栋|地点)$", c)]
            times = [i for i, c in enumerate(run) if re.search(r"(?:时间|时段)$", c)]
            if len(run) >= 3 and len(areas) == 1 and len(times) == 1:
                self.headers.append((number, areas[0] - times[0]))
            run = []

    def area_cell(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of the area cell of the row whose time cell is ``start``–``end``."""
        line = bisect.bisect_right(self.starts, start) - 1
        above = [h for h in self.headers if h[0] <= line]
        if not above or not re.fullmatch(r"[\s|]*", self.lines[line][:start - self.starts[line]]
                                         + self.lines[line][end - self.starts[line]:]):
            return None
        first, offset = above[-1]
        target = line + offset
        if not first <= target < len(self.lines) or target == line:
            return None
        cell = self.lines[target]
        bar = cell.rfind("|")
        return self.starts[target], self.starts[target] + (bar if bar >= 0 else len(cell))


def _title_county(text: str) -> str | None:
    """The one county the title (the first line) names in full (``…14日大竹县30多个乡镇将停电``):
    the district of every window that names none. Not a name several districts share."""
    title = fold(text.strip().split("\n", 1)[0]) if text.strip() else ""
    found = set()
    for m in re.finditer(r"[县区旗]", title):
        for size in (5, 4, 3, 2):
            name = title[max(0, m.end() - size):m.end()]
            county = places.county(name) if len(name) == size else None
            if county is not None and county.name == name and not places.shared_name(name):
                found.add(name)
                break
    if len(found) != 1:
        return None
    name = found.pop()
    at = fold(text).find(name)
    return text[at:at + len(name)]


def _water_section(folded: str, start: int) -> bool:
    """Whether the nearest table header above ``start`` is about water, gas or heating (the rows
    of a 停水 table pasted one cell a line name no 停水 on their own lines)."""
    headers = list(_HEADER_CELL.finditer(folded, 0, start))
    return bool(headers) and headers[-1][1] != "停电"


def _water(folded: str, start: int, end: int) -> bool:
    begin = max(folded.rfind(ch, 0, start) for ch in "。\n") + 1
    stops = [i for i in (folded.find(ch, end) for ch in "。\n") if i >= 0]
    sentence = folded[begin:min(stops) if stops else len(folded)]
    return bool(re.search(r"停水|停气|停暖|停止供水|停止供气", sentence)) and "停电" not in sentence


def _place_lines(text: str, record: SpanRecord) -> set[int]:
    lines = set()
    for place in [p for g in record.groups() for p in g[2]]:
        at = text.find(place)
        if at >= 0:
            lines.add(text.count("\n", 0, at) + 1)
    return lines


def _quote(text: str) -> str:
    return f'"{text[:57]}…"' if len(text) > 60 else f'"{text}"'


def disagreement(layout_areas: list[str], span_places: list[str]) -> list[str]:
    """What makes the layout reader's areas of a slot doubtful against the span reader's places
    of the same slot, empty when they agree:

    - the layout reader gives no area and the span reader finds places (they are offered);
    - an area is equipment switched off (``104线路``), not a place;
    - no area is one of the span reader's places, and an area is no place span (a title, a
      phone number, a round's name): the areas that are no place are doubtful.

    Measured on tests/importer/real (docs/importer.md): this asks about 19 of the layout
    readers' 179 exact windows and 11 of their 13 wrong ones; a stricter check (any area without
    a place suffix, or any span place no area holds) asked about 85 exact windows to catch 10,
    because the span reader over-reads neighbouring records."""
    if not layout_areas:
        return list(span_places)
    folded = [fold(area) for area in layout_areas]
    doubtful = [area for area, f in zip(layout_areas, folded, strict=True)
                if _EQUIPMENT.search(f)]
    overlap = any(fold(p) in f or f in fold(p) for p in span_places for f in folded)
    if span_places and not overlap:
        doubtful += [area for area in layout_areas if not is_place(area) and area not in doubtful]
    return doubtful
