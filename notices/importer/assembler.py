"""Assemble the scanner's tokens into windows, cancellations, problems and warnings
(see ``scanner`` for how a line is read)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace

from notices.content.districts import District, DistrictTable
from notices.content.problems import did_you_mean
from notices.content.settings import SETTINGS_FILE

from .layouts import split_areas
from .messages import PAST_OUTAGE, ImportMessage, WindowSource
from .scanner import (
    _AREA_ENDING,
    _CANCEL,
    _CELL_SPLIT,
    _LABEL_ONLY,
    _PLAN_HEADING,
    _PROSE,
    _SOURCE,
    _STAMP,
    _SUFFIX_PIECE,
    _URL_LINE,
    DAY,
    EXAMPLE_DATE,
    EXAMPLE_RUN,
    EXAMPLE_WINDOW,
    LONG_OVERNIGHT,
    TIMEISH,
    LineScanner,
    Token,
    _q,
    _table_role,
)
from .spans import is_place
from .text import (
    CALLED_OFF_CELL,
    DATE_RE,
    MOVED_CELL,
    NAME_CHAR,
    PAST_WORDS,
    PLANNED_WORDS,
    RUN_TIME,
    WHOLE_DAY,
    DateParts,
    TimeError,
    TimeWindow,
    display,
    fold,
    match_date,
    match_short_date_line,
    match_window,
    parse_windows,
    plain_symbols,
    resolve_date,
    town_institution,
    weekday_name,
)


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
    own_town: str | None = None  # the town printed right before this item (``瞻岐镇工业园区``)


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


# How a place's name surely ends (a village, a community, a building, a company, a box).
_SURE_END = re.compile(r"(?:村|社区|小区|幢|栋|号|公司|厂|医院|卫生院|学校|中学|小学|公变|箱变|"
                       r"专变|部分用户|一带|沿线)$")


def _no_place_in_it(printed: str) -> bool:
    """Whether words read as a run hold no list (no 、, comma or semicolon) and no word ending as
    a place does (``宁波晚报``, ``综合新闻``; not ``天童寺``, ``3号``)."""
    folded = fold(printed)
    return bool(folded.strip()) and not re.search(r"[、,;]", folded) and not any(
        _AREA_ENDING.search(word.strip("()[]【】")) for word in folded.split())


class NoticeAssembler:
    """Read the tokens of every line, keeping date, district, town and the open run."""

    def __init__(self, text: str, published: dt.date, table: DistrictTable):
        # (A post's pictographs are spaces here: the column reader reads words and marks.)
        self.lines = plain_symbols(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
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
        # Runs with no time that may be the page's words (``settle_page_words``).
        self.page_words: list[tuple[int, int, str, dict[int, tuple[int, int]], int]] = []
        self.page_head_foot: list[tuple[ImportMessage, dict[int, tuple[int, int]], int]] = []
        self.body_lines: list[str] = []
        self.read_lines: set[int] = set()  # lines read into windows, structure or messages
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
        # body lines summing up a cancelled section below them (read there, not changes left)
        self.summary_lines: list[str] = []
        # (line, end, run) of the last run a time window right after it ended
        self.last_flushed: tuple[int, int, Run] | None = None
        # (line, district) of the last run that had one
        self.line_ref: tuple[int | None, DistrictRef | None] = (None, None)
        self.source_name: str | None = None
        self.source_url: str | None = None
        self.source_lines: list[str] = []
        self.table_roles: list[tuple[str | None, str]] | None = None
        self.table_spaced: bool | str = False
        self.table_row_lines: set[int] = set()
        self.cancel_marker: tuple[int, str] | None = None
        self.cancel_used = True
        # An information label alone on its line (``停电原因``, one cell a line): the next
        # line is its value, a note, not more places of the list above.
        self.info_label: str | None = None
        self.town_printed: str | None = None  # a town token not yet followed by its item
        # A column's ``变更：`` section: ``原定4月21日 停电的`` / its runs / ``改为4月23日(…)``;
        # the runs read since the ``原定`` line are the slots a ``改为`` line moves.
        self.change_from: int | None = None
        self.stamp_start: tuple[int, str] | None = None  # a start stamp alone on its line
        self.table_cells = False  # a listing one cell a line (its stamps on lines of their own)
        self.vertical_roles: list[str | None] = []  # its header, one cell a line
        self.moving = False  # after ``变更为`` on a line with ``原…``: the slot's new day and time
        self.moved_dates: list[dt.date] | None = None
        self.section_before_change: str | None = None
        # After ``原定7月29日…以下计划停电全部取消…：`` above a column's days: the runs under it
        # are called off until the next day's heading.
        self.cancel_lead = False

    # Messages ----------------------------------------------------------------

    def problem(self, line, fragment, message, leftover="", kind="fragment", col=0):
        self.date_used = self.cancel_used = True  # the date had content, if unreadable
        self.problems.append(ImportMessage(line, fragment, message, leftover or fragment, kind,
                                           col))

    def no_time(self, line: int, col: int, fragment: str) -> None:
        self.problem(line, fragment, f"areas {_q(fragment)} have no time window; "
                     f"expected one after them, such as {_q(EXAMPLE_WINDOW)}", col=col)

    def settle_page_words(self) -> None:
        """Words read as a run with no time, no list and no place's ending (``宁波晚报``,
        ``综合新闻``, ``【打印】【关闭】``) are reported as runs with no time, as any other: the
        command line weighs this reading against the layout reader's by its problems. Those
        above the first window or below the last are the page's head and foot (``page_head_foot``):
        where this reading stands, ``release_page_words`` keeps them in the body instead."""
        read = [source.line for section in self.sources.values() for source in section]
        for line, col, fragment, lines, at in self.page_words:
            self.no_time(line, col, fragment)
            if read and (max(lines) < min(read) or line > max(read)):
                self.page_head_foot.append((self.problems[-1], lines, at))
        self.page_words = []

    def release_page_words(self) -> None:
        """Keep the page's head and foot in the body, where they stood, and said so: no longer
        problems (this reading stands)."""
        for problem, lines, at in reversed(self.page_head_foot):
            self.problems.remove(problem)
            for offset, (number, (start, end)) in enumerate(sorted(lines.items())):
                self.keep_in_body(number, self.lines[number - 1][start:end], at + offset)
        self.page_head_foot = []

    def keep_in_body(self, lineno: int, printed: str, at: int | None = None) -> None:
        """``printed`` (a line or part of one) is no window: kept in the body (at its end, or at
        ``at``), and said so."""
        self.body_lines.insert(len(self.body_lines) if at is None else at,
                               display(printed).strip())
        self.warn(lineno, printed.strip(), f"text {_q(printed.strip())} is not an outage window; "
                  "kept in the body")

    def read_cancelled(self, lineno: int, tokens: list[Token]) -> None:
        """Read a line's tokens as slots called off, then go on in the section it was in."""
        self.boundary(None)
        section, self.section = self.section, "cancelled"
        self.read_tokens(lineno, tokens)
        self.boundary(None)
        self.section = section

    def warn(self, line, fragment, message, col=0):
        self.warnings.append(ImportMessage(line, fragment, message, col=col))

    def printed(self, token: Token) -> str:
        return self.lines[token.line - 1][token.start:token.end].strip()

    # Lines -------------------------------------------------------------------

    def read(self) -> None:
        joined = self.join_fixed_width()
        joined.update(self.join_wrapped_times())
        joined.update(self.join_wrapped_cells())
        for index, line in enumerate(self.lines, start=1):
            self.read_line(index, line)
        for line, into in joined.items():  # (a line joined to the one before is read with it)
            if into in self.read_lines:
                self.read_lines.add(line)
        self.boundary(None)
        self.finish_pending_time()
        self.finish_date()
        self.finish_cancel()
        self.settle_page_words()
        self.merge_table_rows()
        if self.notes:
            self.body_lines.extend(self.notes)
            self.notes = []

    def merge_table_rows(self) -> None:
        """Rows of a table next to each other with one day, slot, district and town are one
        window (the content model's date × slot × district × town), their places in row order
        (``2 2028-04-25 07:00-17:00 鄞江镇它山堰村 10kV光溪D513线`` under row 1's 鄞江镇 slot: two
        lines cut, one window). A column's runs stay apart: each printed run is a window."""
        for section in ("windows", "cancelled"):
            windows, sources = getattr(self, section), self.sources[section]
            if len(windows) != len(sources):
                continue
            keep_w, keep_s = [], []
            for window, source in zip(windows, sources, strict=True):
                if keep_w and source.line in self.table_row_lines and \
                        keep_s[-1].line in self.table_row_lines and \
                        0 < source.line - keep_s[-1].line <= 1 and all(
                            window.get(k) == keep_w[-1].get(k)
                            for k in ("date", "start", "end", "district", "town")) and \
                        not set(window["areas"]) & set(keep_w[-1]["areas"]):
                    last = keep_w[-1]
                    last["areas"] = [*last["areas"], *window["areas"]]
                    if window.get("note") and window["note"] != last.get("note"):
                        last["note"] = "；".join(n for n in (last.get("note"), window["note"]) if n)
                    continue
                keep_w.append(window)
                keep_s.append(source)
            windows[:] = keep_w
            sources[:] = keep_s

    def paragraph_end(self, end: int) -> tuple[int, bool]:
        """The last line (0-based) of the paragraph going on after line ``end``, and whether a
        day's line or a line starting a district's runs cut it there."""
        while end + 1 < len(self.lines) and self.lines[end + 1].strip():
            following = fold(self.lines[end + 1]).strip()
            if re.match(r"\d{1,2}\s*月\s*\d{1,2}\s*日", following) or any(
                    following.startswith(key) and following[len(key):len(key) + 1] in " 　"
                    for key, _ in self.keys):
                return end, True
            end += 1
        return end, False

    def join_fixed_width(self) -> dict[int, int]:
        """A column copied from a PDF page, every line cut at the same width wherever it fell
        (``…干溪村、上金`` / ``村、岔路镇卫生院(7:30—16:30)前童`` / ``镇·鹿山村…``): each paragraph
        of such lines holding a run's time window is one line of the column, joined back
        before it is read. Returns {joined line: line it was joined to} (1-based)."""
        joined: dict[int, int] = {}
        start = 0
        while start < len(self.lines):
            if not self.lines[start].strip():
                start += 1
                continue
            end = start
            # (A day's line, or a line starting a district's runs, starts a paragraph of its
            # own: a page's column with no blank lines between them. Such a paragraph is cut
            # at a fixed width only where two lines or more show the width.)
            split = start > 0 and bool(self.lines[start - 1].strip())
            end, cut = self.paragraph_end(end)
            split = split or cut
            block = list(range(start, end + 1))
            start = end + 1
            # (``…龙山镇方家河头`` / ``（下转A09版）`` then the page's foot and the next
            # page's head down to ``（上接A08版）`` / ``村、龙山镇人民政府…``: one paragraph
            # across the page break, the lines between it the pages' own, read as such.)
            if block and _TURNS_TO.fullmatch(fold(self.lines[block[-1]])):
                resumes = next((i for i in range(block[-1] + 1, min(block[-1] + 16,
                                                                     len(self.lines)))
                                if _TURNED_FROM.fullmatch(fold(self.lines[i]))), None)
                if resumes is not None:
                    end, _ = self.paragraph_end(resumes)
                    block[-1:] = range(resumes + 1, end + 1)
                    start = end + 1
            # (A wrapped run ends with its time: the lines after the last time, ``宁波供电公司``,
            # ``网址：…``, ``·本版热线 87777777 ·  — 8 —``, are no part of it.)
            timed = [k for k, i in enumerate(block)
                     if re.search(r"\d\s*\)", fold(self.lines[i]))  # (``００）``: a clock's end)
                     or RUN_TIME.search(fold(self.lines[i]))]
            block = block[:timed[-1] + 1] if timed else block
            folded = [fold(self.lines[i]) for i in block]
            # (A line cut inside its time window, ``(8:00—``, may be shorter.)
            widths = [_width(self.lines[i].strip()) for i in block]
            cut = [w for w, f in zip(widths[:-1], folded, strict=False)
                   if not re.search(r"\([^)]*$", f)]
            # (Or cut less evenly, where every line but the last stops inside a run, never at
            # its time's closing bracket: ``…横溪`` / ``镇梅岭村（７:００—１５:００）云龙镇甲村``
            # / ``村部分用户（１２:３０—１７:００）``; two such lines or more.)
            uneven = len(cut) >= 2 and min(cut) >= max(cut) - 10 and not any(
                re.search(r"[)。]\s*$", f) for f in folded[:-1])
            if len(widths) < 2 or not cut or max(cut) < 24 or widths[-1] > max(widths) \
                    or min(cut) < max(cut) - 4 and not uneven or split and len(cut) < 2:
                continue
            if not any(RUN_TIME.search(f) for f in folded) or any(
                    re.search(r"[\t|]|(?:。|(?<!\d):)\s*$", f) for f in folded[:-1]) or any(
                    re.match(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日", f) for f in folded[1:]):
                continue
            # (A line that starts a district's runs starts a line of its own.)
            if any(f.strip().startswith(key) and f.strip()[len(key):len(key) + 1] in " 　"
                   for f in folded[1:] for key, _ in self.keys):
                continue
            first = block[0]
            for i in block[1:]:
                self.lines[first] = self.lines[first].rstrip() + self.lines[i].strip()
                self.lines[i] = ""
                joined[i + 1] = first + 1
        return joined

    def join_wrapped_cells(self) -> dict[int, int]:
        """A table aligned by spaces whose cells wrap onto the next line in their own column,
        the other columns blank (``1  2029-05-08 08:00至16:00  10kV邱隘线  邱隘镇回龙村、…、邱隘镇``
        / ``…  实验小学``): each piece is joined to its cell in the row above, by the column it
        is printed under. Returns {joined line: line it was joined to} (1-based)."""
        joined: dict[int, int] = {}
        starts: list[int] | None = None
        row: int | None = None
        for index, line in enumerate(self.lines):
            f = fold(line)
            cells = _spaced_cells(line)
            if not line.strip():
                starts = row = None
                continue
            if len(cells) > 1 and all(_table_role(c) for _, c in cells):
                starts, row = [_width(line[:at]) for at, _ in cells], None
                continue
            if starts is None or re.search(r"[\t|]", f):
                continue
            first = _width(line[:len(line) - len(line.lstrip())])
            # (``(星期四)                   交易市场`` under ``11月21日 … 长街蛏子``: the day's
            # weekday wrapped in its own column, the row's other cells with it.)
            weekday = row is not None and bool(cells) and \
                bool(_WEEKDAY_CELL.fullmatch(fold(cells[0][1])))
            if (first <= starts[0] + 1 or row is None) and not weekday:
                row = index if first <= starts[0] + 1 and len(cells) > 1 else None
                continue
            # A piece under a later column: each piece goes to the row's cell of its column.
            above = _spaced_cells(self.lines[row])
            columns = [_column_of(starts, line, at) for at, _ in cells]
            owners = [_column_of(starts, self.lines[row], at) for at, _ in above]
            if any(column not in owners for column in columns):
                row = None
                continue
            texts = [text for _, text in above]
            # (A line repeating a cell of the row, ``邱隘镇  邱隘镇中心幼儿园`` under ``…  邱隘镇
            # 回龙村、盛垫村``: more places of that row, joined as a list's next item.)
            repeats = any(piece == texts[owners.index(column)]
                          for column, (_, piece) in zip(columns, cells, strict=True))
            for column, (_, piece) in zip(columns, cells, strict=True):
                owner = owners.index(column)
                if repeats and piece == texts[owner]:
                    continue
                texts[owner] += ("、" if repeats and not re.search(r"[、,，]$", texts[owner])
                                 else "") + piece
            self.lines[row] = "    ".join(texts)
            self.lines[index] = ""
            joined[index + 1] = row + 1
        return joined

    def join_wrapped_times(self) -> dict[int, int]:
        """A column copied with fixed-width lines breaks inside a time window (``…岭口村(8:00`` /
        ``—16:00)…``, ``(8:`` / ``00—16:00)``): the rest of the window is joined to the line
        it began on. Returns {joined line: line it was joined to} (1-based)."""
        joined: dict[int, int] = {}
        index, following = 0, 1
        while following < len(self.lines):
            folded = fold(self.lines[index]).rstrip()
            opened = folded.rfind("(")
            if opened >= 0 and ")" not in folded[opened:] and self.lines[following].strip() \
                    and _TIME_SO_FAR.fullmatch(folded[opened + 1:]) \
                    and re.match(r"\s*[\d:—\-~至)]", fold(self.lines[following])):
                # (The joined line may break inside the next window too: it is looked at again.)
                self.lines[index] = self.lines[index].rstrip() + self.lines[following].strip()
                self.lines[following] = ""
                joined[following + 1] = index + 1
                following += 1
                continue
            index, following = following, following + 1
        return joined

    def read_line(self, lineno: int, line: str) -> None:
        f = fold(line).strip()
        if not f:
            return
        # (A Markdown table's rule, or a plain text table's ``----------  -----  ------``.)
        if re.fullmatch(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?|-{3,}(?:\s+-{3,})+", f):
            self.read_lines.add(lineno)
            return
        heading = re.match(r"#+\s*", f)
        if heading:
            f = f[heading.end():]
        cells = [c for c in _CELL_SPLIT.split(f) if c.strip()]
        if len(cells) > 1 and all(_table_role(c) for c in cells):
            self.table_roles = [(_table_role(c), display(c).strip().rstrip(":：")) for c in cells]
            # (``区域`` beside a ``停电范围`` column holds the district: ``北仑``.)
            if any("范围" in label for _, label in self.table_roles):
                self.table_roles = [("district", label) if label == "区域" else (role, label)
                                    for role, label in self.table_roles]
            # (A header aligned by spaces, as pasted from a web page: so are its rows.)
            self.table_spaced = not re.search(r"\t|\|", f)
            self.read_lines.add(lineno)
            return
        if len(f.split()) > 1 and all(_table_role(c) for c in f.split()):
            # A header whose cells only a single space separates: its rows are read by cell
            # only where they split into as many cells (``1 2028-04-25 07:00-17:00 …村 10kV…线
            # 计划``); a row with a space inside a cell is scanned as a line.
            self.table_roles = [(_table_role(c), display(c).strip().rstrip(":："))
                                for c in f.split()]
            self.table_spaced = "single"
            self.read_lines.add(lineno)
            return
        # (``…以现场为准。查询时段：2030-03-25至2030-04-01``: the query's span ends a tip.)
        plain = _QUERY_SPAN.sub("", f)
        timeish = bool(TIMEISH.search(plain))
        # (``停电预告：8月29日、30日江北镇海这些地方停电``: a news page's headline.)
        if not timeish and _HEADLINE.fullmatch(f):
            self.body_lines.append(display(line).strip())
            self.read_lines.add(lineno)
            return
        if not timeish and self.read_cancel_lead(lineno, line, f):
            return
        if not timeish and (_PLAN_HEADING.fullmatch(f) or _PLAN_HEADING.fullmatch(
                _DATED_TITLE.sub("", re.sub(r"\([^()]{0,20}\)", "", f)))):
            self.boundary(None)
            source = _SOURCE.search(f)
            if source and not self.source_name:
                self.source_name = display(_printed_like(line, source.group(0)))
            if self.section == "cancelled" and "取消" not in f:
                self.section = "windows"
            # (A sentence, not a heading: ``（5月1日至5日劳动节假期期间，全市暂停安排计划停电。）``,
            # ``因大风，原定1月8日…的计划停电工作延期至1月15日实施…。``: kept in the body; one that
            # announces the section below, ``…取消或变更，具体如下：``, sums it up.)
            if re.search(r"[,，。;；]", f):
                self.keep_in_body(lineno, line)
                if re.search(r"如下\s*:?\s*$", f):
                    self.summary_lines.append(display(line).strip())
            self.read_lines.add(lineno)
            return
        # (``（春节前最后一批）`` under the heading, before any date: the column's subtitle,
        # not places.)
        subtitle = _SUBTITLE.fullmatch(f)
        if not timeish and subtitle and not self.dates and not self.windows \
                and not is_place(subtitle["inner"]) and not DATE_RE.search(f):
            self.keep_in_body(lineno, line)
            self.read_lines.add(lineno)
            return
        if not timeish and self.read_footer(lineno, line, f):
            return
        if self.read_change(lineno, line, f, timeish):
            return
        if self.read_postponed(lineno, line, f):
            return
        # ``受…台风影响，原定8月18日、19日的计划停电全部取消，…。``: a sentence summing up the
        # slots a ``取消：`` section below lists run by run; kept in the body (the section reads
        # them), not a cancelled section of its own.
        if not timeish and re.search(r"[。.]\s*$", f) and _ORIGINAL.search(f) and "取消" in f \
                and any(_CANCEL_HEADING.fullmatch(fold(later).strip())
                        for later in self.lines[lineno:]):
            self.boundary(None)
            self.keep_in_body(lineno, line)
            self.summary_lines.append(display(line).strip())
            self.read_lines.add(lineno)
            return
        # (Or a table's row of one: ``2028-02-20   14:10   16:45   故障停电   …（已送电）``.)
        row = self.table_roles is not None and len(_CELL_SPLIT.split(f)) > 2
        # (``上期回顾：5月15日因外力破坏导致的…`` wrapped before its past words: a look back.)
        if PAST_WORDS.search(f) and not PLANNED_WORDS.search(f) and (
                re.search(r"[。!！]\s*$", f) or row) or re.match(r"(?:上期|往期)回顾\s*:", f):
            # ``8月17日…因雷击造成的线路故障已于当晚21:40修复送电，…。``: an outage already over.
            self.boundary(None)
            self.body_lines.append(display(line).strip())
            self.read_lines.add(lineno)
            self.warn(lineno, line.strip(), PAST_OUTAGE.format(fragment=_q(line.strip()[:40])))
            return
        # (``本报讯（记者 …）持续高温下，…8月19日14时35分全市最高用电负荷达到412万千瓦。…具体停电
        # 计划如下：``: a news lead whose day and clock are a moment past, not a time window: its
        # prose, kept in the body.)
        if timeish and _DATELINE_LEAD.match(f) and "。" in f and not any(
                match_window(plain, found.start()) for found in TIMEISH.finditer(plain)):
            self.boundary(None)
            self.keep_in_body(lineno, line)
            return
        if (not timeish and (_PAGE_HEADER.search(f) and _PAGE_WORD.search(f)
                             or _CREDIT_LINE.match(f) or _NOTE_LINE.match(f)
                             or _NUMBERED_HEAD.fullmatch(f) or _SECTION_LINE.fullmatch(f)
                             or _SECTION_HEAD.fullmatch(f))) \
                or _LISTING_CHROME.fullmatch(f):
            # A newspaper's running head between days (``A7 民生·服务``, ``A06 宁波日报 …``) or
            # its credits (``责任编辑：…``), a listing's query line or page footer: the page's,
            # not the column's; a run may go on after it.
            self.keep_in_body(lineno, line)
            self.read_lines.add(lineno)
            return
        if self.read_stamp(lineno, line, f):
            return
        if _table_role(f) and self.header_cell(lineno):
            self.table_cells = True  # ``序号`` / ``供电单位`` / ``停电开始时间`` …: a header a line
            self.vertical_roles.append(_table_role(f))
            self.read_lines.add(lineno)
            return
        if self.vertical_roles and self.vertical_roles[-1] == "info" and not timeish \
                and lineno > 1 and self.lines[lineno - 2].strip() \
                and self.ends_row(lineno) and not re.fullmatch(r"\d{1,3}", f):
            # The last cell of a row one cell a line, under ``停电设备``: its note.
            self.read_tokens(lineno, [Token("note", lineno, 0, len(line), display(line).strip(),
                                            display(line).strip())])
            return
        region = _REGION_LINE.fullmatch(f)
        found = self.table.get(region["d"]) if region else None
        if found is None and region:
            found = next((d for d in self.table if region["d"] in d.aliases), None)
        if found is not None:
            # ``地市：宁波    区县：镇海区``: a listing's query names the district of its rows.
            self.boundary(None)
            self.district = DistrictRef(found, region["d"], lineno, region.start("d"), True,
                                        heading=True)
            self.town = None
            self.read_lines.add(lineno)
            return
        if self.table_cells and _RECORD_KIND.fullmatch(f):
            self.boundary(None)  # ``临时停电``: a row's kind, one cell a line: the row ends
            self.body_lines.append(display(line).strip())
            self.read_lines.add(lineno)
            return
        if re.fullmatch(r"\d{1,3}", f) and self.table_cells:
            self.read_lines.add(lineno)  # a listing's row number, one cell a line
            return
        short = match_short_date_line(f)
        if short and not timeish:
            self.read_lines.add(lineno)
            self.on_date(Token("date", lineno, 0, len(line), display(line).strip(), short))
            return
        # (A list's 、 may stand in prose of more than one sentence: ``本栏目信息由国网宁波供电公司
        # 提供。如遇雨雪、寒潮大风天气，停电工作顺延。咨询电话：95598``.)
        if not timeish and (not re.search(r"[、]", f) or re.search(r"。\s*\S", f)) \
                and not _CANCEL.match(f) and (
                _PROSE.search(plain) or (len(f) > 10 and f.endswith(":")
                                     and not _LABEL_ONLY.fullmatch(f))):
            self.boundary(None)
            if self.pending_time is not None and self.pending_time.used:
                self.pending_time = None  # (its places were read; prose ends them)
            self.keep_in_body(lineno, line)
            return
        scanner = LineScanner(lineno, line, self.table, self.keys)
        single = self.table_spaced == "single" and len(f.split()) == len(self.table_roles or ())
        # (``1 计划停电 海曙区白云街道 白云庄社区、… 2030-03-28 13:30至2030-03-28 17:00 电缆改造``:
        # a stamp's day and clock are one cell, and the places' cell takes the spaces inside it.)
        spans = _single_spaced_cells(fold(line), self.table_roles) \
            if self.table_spaced == "single" and not single else None
        single = single or spans is not None
        if self.table_roles and (re.search(r"\t|\|", line) or single or self.table_spaced is True
                                 and re.search(r"\S\s{2,}\S", fold(line))):
            # (A tab or pipe table's stamp columns are the layout reader's; its bare times
            # beside a day column, ``2028-03-09	08:00	16:00``, are read here.)
            self.table_row_lines.add(lineno)
            # (A row is a record of its own: what the row before left open ends here, so this
            # row's cells before its time, ``供电单位  停电类型``, are not that row's note.)
            self.boundary(None)
            self.finish_pending_time()
            self.last_emitted = []
            split = re.compile(r"\s+") if single else _CELL_SPLIT
            scanner.scan_cells(self.table_roles, stamps=True if self.table_spaced else "bare",
                               split=split, spans=spans)
            # (A row whose ``状态`` cell reads ``已取消``: a slot called off.)
            cells = [fold(line)[a:b].strip() for a, b in spans] if spans else \
                [c.strip() for c in split.split(f) if c.strip()]
            # (Or a remark ``取消`` alone: ``…	胜北村、四灶浦村	取消`` under ``备注``.)
            remarks = [cells[index] for index, (_, label) in enumerate(self.table_roles)
                       if ("状态" in label or label in ("备注", "说明")) and index < len(cells)]
            if any(CALLED_OFF_CELL.fullmatch(cell) for cell in remarks):
                self.read_cancelled(lineno, scanner.tokens)
                return
            # (``延期至8月28日（星期六）`` there: the row's slot called off and moved to that day,
            # at its time.)
            moved = next((found for cell in remarks if (found := MOVED_CELL.fullmatch(cell))),
                         None)
            new_day = match_date(moved.group(0), moved.start("d")) if moved else None
            if new_day is not None and len(new_day.dates) == 1:
                day = self.resolve(new_day.dates[0], lineno, moved.group(0))
                if day is not None:
                    self.change_from = len(self.cancelled)
                    self.read_cancelled(lineno, scanner.tokens)
                    self.move_cancelled([day], None, lineno, 0, display(line).strip())
                    self.change_from = None
                    return
        elif re.search(r"\t|\s\|\s", line):
            scanner.scan_cells(None)
        elif (lead := _DATELINE_LEAD.match(f)) and match_date(f, lead.end()):
            # (``中国宁波网讯 【计划停电】8月29日（周二）江北 …``: a news site's dateline and its
            # column's tag before the first day, kept in the body; the runs read after it.)
            self.keep_in_body(lineno, line[:lead.end()])
            scanner.scan(lead.end())
        else:
            scanner.scan()
        self.read_tokens(lineno, scanner.tokens)

    def read_footer(self, lineno: int, line: str, f: str) -> bool:
        # ``宁波供电公司 网址：95598.zj.sgcc.com.cn``: the signature and its address on one line.
        both = re.fullmatch(r"\s*(\S+)\s+(.+)", f)
        address = both and _SOURCE.fullmatch(both[1]) and _URL_LINE.fullmatch(both[2])
        if address:
            self.boundary(None)
            self.source_name = self.source_name or display(line).strip().split()[0]
            self.source_url = _web_address(address.group("url"))
            self.source_lines.append(display(line).strip())
            self.body_lines.append(display(line).strip())
            return True
        url = _URL_LINE.fullmatch(f)
        if url and ("." in url.group("url")) and not re.fullmatch(r"[\d.]+", url.group("url")):
            self.source_url = _web_address(url.group("url"))
            self.source_lines.append(display(line).strip())
            self.body_lines.append(display(line).strip())
            return True
        if self.source_lines and (self.windows or self.cancelled) and DATE_ONLY.fullmatch(f):
            self.boundary(None)  # the date under the signature: the day it was published
            self.body_lines.append(display(line).strip())
            return True
        source = _SOURCE.fullmatch(f.split()[0]) if f.split() else None
        rest = f[len(f.split()[0]):].strip() if f.split() else ""
        # (``慈溪市供电公司  抢修电话：95598``: the signature and its phone on one line.)
        phone = re.fullmatch(r"(?:联系|咨询|服务|报修|客服|抢修|值班|供电)?(?:电话|热线)\s*:\s*"
                             r"[\d-]{5,}", rest)
        if source and (not rest or DATE_ONLY.fullmatch(rest) or phone):
            self.boundary(None)
            self.source_name = display(line).strip().split()[0]
            self.source_lines.append(display(line).strip())
            self.body_lines.append(display(line).strip())
            return True
        if re.match(r"(?:联系|咨询|服务|报修|客服|抢修|值班|供电|24小时){0,2}(?:电话|热线)\s*:"
                    r"|(?:电力)?(?:故障)?报修(?:电话|热线)?\s*:\s*[\d-]+\s*$", f) \
                or _PHONE_LINE.fullmatch(f):
            self.body_lines.append(display(line).strip())
            return True
        return False

    def next_line(self, lineno: int) -> str:
        """The next non-blank line after line ``lineno``, folded ("" at the end)."""
        return next((fold(text).strip() for text in self.lines[lineno:] if text.strip()), "")

    def ends_row(self, lineno: int) -> bool:
        """Whether the next line begins a row one cell a line (its number, or the end)."""
        if lineno >= len(self.lines) or not self.lines[lineno].strip():
            return True  # (the table ends at a blank line)
        return bool(re.fullmatch(r"\d{1,3}", fold(self.lines[lineno]).strip()))

    def header_cell(self, lineno: int) -> bool:
        """Whether the line before or after this one is a header cell too (one a line)."""
        near = [text for text in (self.lines[lineno - 2] if lineno > 1 else "",
                                  self.lines[lineno] if lineno < len(self.lines) else "")]
        return any(text.strip() and _table_role(fold(text).strip()) for text in near)

    def read_stamp(self, lineno: int, line: str, f: str) -> bool:
        """A listing one cell a line: ``2027-03-16 08:30`` then ``2027-03-16 15:30`` on the next
        line, its start and its end: one time window (read on the second line)."""
        if not _STAMP.fullmatch(f):
            return False
        if self.stamp_start is None:
            following = self.next_line(lineno)
            if not _STAMP.fullmatch(following):
                return False
            self.stamp_start = (lineno, f)
            self.table_cells = True
            self.read_lines.add(lineno)
            return True
        first, self.stamp_start = self.stamp_start[1], None
        try:
            windows = parse_windows(f"{first}至{f}")
        except TimeError:
            windows = None
        if not windows:
            return False
        self.read_tokens(lineno, [Token("times", lineno, 0, len(line), display(line).strip(),
                                        windows)])
        return True

    def read_cancel_lead(self, lineno: int, line: str, f: str) -> bool:
        """``【特别提示】受…影响，原定7月29日…以下计划停电全部取消，…：`` above runs: those runs are
        the day's slots called off; the next day heading goes back to windows. The sentence is
        kept in the body."""
        lead = _CANCEL_LEAD.match(f)
        found = match_date(f, lead.end()) if lead else None
        if found is None or not _CANCEL_LEAD_TAIL.fullmatch(f, found.end):
            return False
        self.keep_in_body(lineno, line)
        self.summary_lines.append(display(line).strip())  # (the runs below are read)
        self.read_lines.add(lineno)
        self.on_date(Token("date", lineno, found.start, found.end,
                           display(line[found.start:found.end]), found))
        self.open_cancelled(lineno, display(line).strip())
        self.cancel_lead = True
        return True

    def read_postponed(self, lineno: int, line: str, f: str) -> bool:
        """``※原定12月23日 星期六 高塘岛乡花岙村(8:00—17:00)停电因海况推迟，具体时间另行通知。``:
        a run put off with no new day on one line: its slot is called off; the reason is
        kept in the body."""
        original = _POSTPONED_LEAD.match(f)
        tail = _POSTPONED_TAIL.search(f) if original else None
        if not tail or DATE_RE.search(tail["tail"]) or not match_date(f, original.end()):
            return False
        self.boundary(None)
        self.finish_pending_time()
        scanner = LineScanner(lineno, line, self.table, self.keys)
        scanner.scan(original.end(), tail.start("tail"))
        self.read_cancelled(lineno, scanner.tokens)
        self.keep_in_body(lineno, line[tail.start("tail"):])
        return True

    def read_change(self, lineno: int, line: str, f: str, timeish: bool) -> bool:
        """A column's change section: ``变更：``, then per change ``原定4月21日 星期二 停电的``,
        the original slot's runs (cancelled) and ``改为4月23日 星期四(8:00—16:00)``: the same
        places in a new window (the new date, the new time, or both)."""
        if not timeish and _CHANGE_HEADING.fullmatch(f):
            self.boundary(None)
            self.finish_pending_time()
            self.finish_cancel()
            self.section = "cancelled"
            self.change_from = len(self.cancelled)
            # (A run moved in the section, ``…(8:00—16:00)变更为7月22日(…)``, leaves the
            # section's next runs cancelled still.)
            self.section_before_change = "cancelled"
            self.cancel_marker = (lineno, display(line).strip())
            self.cancel_used = False
            self.read_lines.add(lineno)
            return True
        original = _ORIGINAL.match(f)
        if original and not timeish:
            found = match_date(f, original.end())
            if found is None or not _ORIGINAL_TAIL.fullmatch(f, found.end):
                return False
            self.boundary(None)
            self.finish_pending_time()
            if self.section == "cancelled" and self.change_from == len(self.cancelled):
                self.cancel_used = True  # (the ``变更：`` heading of this line)
            self.finish_cancel()
            self.section = "cancelled"
            self.change_from = len(self.cancelled)
            self.cancel_marker = (lineno, display(line).strip())
            self.cancel_used = True  # (the date below reports a slot-less 原定 line)
            self.read_lines.add(lineno)
            self.on_date(Token("date", lineno, found.start, found.end,
                               display(line[found.start:found.end]), found))
            return True
        moved = _CHANGED_TO.match(f)
        if not moved or self.change_from is None:
            return False
        # (``变更为7月18日 星期二(8:00—16:00)，停电范围不变。``: the rest says the places stand.)
        stands = _STANDS_TAIL.search(f, moved.end())
        scanner = LineScanner(lineno, line[:stands.start()] if stands else line, self.table,
                              self.keys)
        scanner.scan(moved.end())
        tokens = [t for t in scanner.tokens if t.kind not in ("space", "sep")]
        dates = [t for t in tokens if t.kind == "date"]
        times = [t for t in tokens if t.kind == "times"]
        if len(dates) + len(times) != len(tokens) or len(dates) > 1 or len(times) > 1 \
                or not tokens:
            return False
        self.boundary(None)
        self.finish_pending_time()
        self.read_lines.add(lineno)
        fragment = display(line).strip()
        below = self.next_line(lineno)
        if dates and not times and len(self.cancelled) > self.change_from \
                and RUN_TIME.search(below) and all(
                    fold(area) in below for area in self.cancelled[-1]["areas"][:1]):
            # (``改为2月10日 星期五`` alone, then the same run again with its new time, ``镇海 贵驷
            # 街道沙河村…(8:30—14:30)``: the run below is the new slot, read under that day.)
            self.section = "windows"
            self.change_from = None
            self.on_date(dates[0])
            return True
        if len(self.cancelled) == self.change_from:
            self.problem(lineno, fragment, f"change {_q(fragment)} has no slot before it; "
                         f"expected the original slot's places, such as {_q(EXAMPLE_RUN)}")
            return True
        new_dates = None
        if dates:
            new_dates = [d for parts in dates[0].value.dates
                         if (d := self.resolve(parts, lineno, dates[0].text))]
            if not new_dates:
                return True
        self.move_cancelled(new_dates, times[0].value if times else None, lineno, 0, fragment)
        self.section = "cancelled"
        self.date_used = True
        return True

    def move_cancelled(self, new_dates: list[dt.date] | None, windows: list[TimeWindow] | None,
                       line: int, col: int, fragment: str) -> None:
        """The new windows of the slots cancelled since ``change_from`` (``原定…`` / ``原…``):
        their places on the new days and at the new times (either may be left out: the
        original's)."""
        originals = list(zip(self.cancelled[self.change_from:],
                             self.sources["cancelled"][self.change_from:], strict=True))
        if not originals:
            # (A change whose original slot was not read, ``…(8:00—16:00)原定3月14日 星期三，
            # 调整为3月17日 星期六，时间不变。``: never a change read silently as nothing.)
            self.problems.append(ImportMessage(
                line, fragment, f"change {_q(fragment)} moves no slot read before it; expected "
                "the original slot first, such as \"原定3月14日 星期三 大碶街道璎珞村"
                "(8:00—16:00)，调整为3月17日\"", col=col))
            self.read_lines.add(line)
            return
        section, self.section = self.section, "windows"  # (window_days reports as a window)
        # (The day heading the lines below stays theirs: ``…(8:00—16:00)改至10月20日 星期五
        # (8:00—16:00)`` then ``鄞州 塘溪镇童村…`` under 10月18日.)
        heading_dates = self.dates
        for old, old_source in originals:
            self.dates = new_dates or [old["date"]]
            days = [(day, old["start"], old["end"]) for day in self.dates]
            if windows:
                days = [found for window in windows
                        for found in self.window_days(window, line, line, fragment, col) or []]
            for day, start, end in days:
                self.windows.append({**old, "date": day, "start": start, "end": end})
                self.sources["windows"].append(WindowSource(line, col, fragment, False,
                                                            old_source.place))
        self.section = section
        self.dates = heading_dates
        self.change_from = len(self.cancelled)

    def read_tokens(self, lineno: int, tokens: list[Token]) -> None:
        # A date, label, district or time is read here; area text is accounted for when its
        # run becomes a window or is reported (``flush``, ``boundary``).
        info_label, self.info_label = self.info_label, None
        if info_label and tokens and all(t.kind in ("space", "cell", "area", "sep", "note")
                                         for t in tokens):
            value = self.lines[lineno - 1].strip()
            self.read_lines.add(lineno)
            self.end_item()
            self.on_note(Token("note", lineno, 0, len(value), value, f"{info_label}：{value}"))
            return
        if any(t.kind not in ("space", "cell", "area", "sep") for t in tokens):
            self.read_lines.add(lineno)
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
        if len(content) == 1 and content[0].kind == "label" and content[0].value == "info":
            # (Not in a header one cell a line: ``停电类型`` / ``1`` is the next row's number.)
            following = self.next_line(lineno)
            if not (re.fullmatch(r"\d{1,3}", following) or _table_role(following)):
                self.info_label = content[0].text.strip().rstrip(":：")
            else:
                self.table_cells = True
            self.end_item()

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
            self.town_printed = token.text
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
        elif kind == "orig_date":
            self.on_original_day(token)
        elif kind == "moved":
            self.end_item()
            self.moving = True
        elif kind == "same_slot" and self.moving:
            self.move_slot(token)
        elif kind == "added":
            self.keep_slot(token)
        elif kind == "cancel":
            self.boundary(None)
            self.finish_pending_time()
            self.finish_cancel()
            self.open_cancelled(token.line, self.printed(token))

    def open_cancelled(self, line: int, marker: str) -> None:
        """The runs read from here on are slots called off (``取消：`` and the like)."""
        self.section = "cancelled"
        self.cancel_marker = (line, marker)
        self.cancel_used = False

    def on_original_day(self, token: Token) -> None:
        """``原8月7日``: the run read so far is the slot a change moves: cancelled, on that day
        (its time window follows); ``变更为…`` then gives the new window (``on_times``)."""
        self.end_item()
        dates = [d for parts in token.value.dates
                 if (d := self.resolve(parts, token.line, token.text))]
        if not dates:
            return
        self.section_before_change = self.section
        self.section = "cancelled"
        self.change_from = len(self.cancelled)
        self.dates = dates

    def move_slot(self, token: Token) -> None:
        """The new window of the slot cancelled since ``原…``: its places on the day and at the
        time after ``变更为`` (either may be left out)."""
        self.moving = False
        new_dates, self.moved_dates = self.moved_dates, None
        self.section = self.section_before_change or "windows"
        # (``同一时间进行``: no time of its own, the slot's.)
        windows = token.value if token.kind != "same_slot" else None
        self.move_cancelled(new_dates, windows, token.line, token.start, self.printed(token))
        self.read_lines.add(token.line)

    def keep_slot(self, token: Token) -> None:
        """``…(8:30—16:30)，时间不变，停电范围增加清水湖村。`` after a change section's original
        slot: the slot is not called off; it stands with the places added."""
        self.read_lines.add(token.line)
        added = split_areas(str(token.value))
        for window in self.last_emitted:
            index = next((k for k, old in enumerate(self.cancelled) if old is window), None)
            if index is None:
                window["areas"] = [*window["areas"], *added]
                continue
            source = self.sources["cancelled"].pop(index)
            del self.cancelled[index]
            window["areas"] = [*window["areas"], *added]
            self.windows.append(window)
            self.sources["windows"].append(replace(source, cancelled=False))

    def on_area(self, token: Token) -> None:
        if self.run.start is None:
            self.run.start = (token.line, token.start)
        first, last = self.run.lines.get(token.line, (token.start, token.end))
        self.run.lines[token.line] = (min(first, token.start), max(last, token.end))
        if self.item is None:
            self.item = Item([Piece(token.text, "", token.line)], self.district, self.town,
                             token.line, token.start, self.town_printed)
            self.town_printed = None
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
        # (``…周巷镇兴业北路、环城南路一带、`` / ``慈溪市周巷镇第二幼儿园(8:30—15:30)``: a list
        # wrapped after its separator goes on; the district names a place of the list.)
        if at_line_start and (self.item is not None or self.run.items) and token.line > 1 \
                and fold(self.lines[token.line - 2]).rstrip().endswith(("、", ",")):
            at_line_start = False
        self.end_item()
        ref = DistrictRef(found, printed, token.line, token.start, at_line_start)
        if at_line_start:
            self.boundary(token)
            if self.pending_time is not None and self.pending_time.used:
                self.pending_time = None  # (a time's places were read; a district starts anew)
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
        if self.moving:  # ``变更为8月8日``: the new day of the slot moved
            self.moved_dates = [d for parts in token.value.dates
                                if (d := self.resolve(parts, token.line, token.text))]
            return
        self.boundary(token)
        self.finish_pending_time()
        self.finish_date()
        if self.cancel_lead:
            self.finish_cancel()
            self.section, self.cancel_lead = "windows", False
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
        if self.moving and self.change_from is not None and not self.run.items:
            self.move_slot(token)
            return
        fragment = self.printed(token)
        windows = token.value
        # ``南岭村、麻岙村(8:00—11:30)(13:30—17:00)``: a second time right after a run's own is
        # the same places' second window (also after ``、``:
        # ``五洞闸村（8:00—12:00）、（13:00—17:00）``).
        last = self.last_flushed
        if not self.run.items and self.pending_time is None and last is not None and \
                last[0] == token.line and re.fullmatch(
                    r"\s*[、,，和及]?\s*", fold(self.lines[token.line - 1][last[1]:token.start])):
            self.run = last[2]
            self.flush(windows, token.line)
            self.last_flushed = (token.line, token.end, last[2])
            return
        if self.run.items:
            flushed = self.run
            self.note_run_end(token)
            if self.pending_time is not None:
                self.flush(self.pending_time.windows, self.pending_time.line)
                self.pending_time.used = True
                self.pending_time = PendingTime(windows, token.line, token.start, fragment)
            else:
                self.flush(windows, token.line)
                self.last_flushed = (token.line, token.end, flushed)
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
                self.read_lines.update(self.run.lines)  # reported below, with the first line
                if _no_place_in_it(fragment):
                    # (``宁波晚报``, ``【字号 大 中 小】【打印】【关闭】``: no list and no word a
                    # place ends with; a page's words if no window comes before or after them.)
                    self.page_words.append((line, col, fragment, dict(self.run.lines),
                                            len(self.body_lines)))
                else:
                    self.no_time(line, col, fragment)
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
        self.read_lines.update(run.lines)
        self.read_lines.add(time_line)
        self.town = None
        fragment = " ".join(
            self.lines[line - 1][start:end].strip() for line, (start, end) in
            sorted(run.lines.items()))
        line, col = run.start or (run.items[0].line, run.items[0].col)
        groups: list[tuple[DistrictRef | None, str | None, list[str]]] = []
        # Every item led by its own district printed mid-line: a listing's fully named places.
        every_led = len(run.items) > 1 and all(
            item.district is not None and not item.district.at_line_start
            and item.district.line == item.line for item in run.items)
        # (A town TOWNS declares, in a run that names no district: the town's district.)
        town_refs: dict[str, DistrictRef | None] = {}

        def district_of(item: Item) -> DistrictRef | None:
            # (``三七市镇：石步村…（8:00—11:30）；幸福村（13:00—16:30）``: a later run of the
            # line, naming no town, is in the district its town gave the line's first run.)
            if item.district is None and not item.town and self.line_ref[0] == line:
                return self.line_ref[1]
            # (A name no district declares carried from a line above, ``慈溪日报 2027-10-08
            # 07:00``, gives way to the district of a town TOWNS declares.)
            carried = item.district is not None and item.district.district is None \
                and item.district.line != item.line and item.town \
                and self.table.towns.declared_one(item.town) is not None
            if (item.district is not None and not carried) or not item.town:
                return item.district
            if item.town not in town_refs:
                town_refs[item.town] = self.town_district(item.town, line, col)
            return town_refs[item.town]

        broken_town = None
        for item in run.items:
            areas = self.item_areas(item, run.had_sep)
            if not areas:
                continue
            # (``…(8:30—16:00)邱`` / ``隘镇回龙村、盛垫村…``: the run's town broken at the line's
            # end, a town TOWNS declares in the run's district; the run's later places are its.)
            if item.town is None and broken_town is not None:
                item = replace(item, town=broken_town)
            elif item.town is None and not groups and \
                    any(piece.joiner == "break" for piece in item.pieces) and \
                    (broken := _BROKEN_TOWN.match(fold(areas[0]))) and \
                    (declared := self.table.towns.declared_one(broken["town"])) and \
                    (ref := district_of(item)) is not None and ref.district is not None and \
                    declared.district_slug == ref.district.slug:
                broken_town = declared.name
                item = replace(item, town=broken_town)
                areas = [areas[0][broken.end():], *areas[1:]]
            if groups and groups[-1][0] is district_of(item) and groups[-1][1] == item.town:
                last = groups[-1][2]
                if _continues_numbers(last[-1], areas[0]):
                    last[-1] += "、" + areas[0]
                    areas = areas[1:]
                # ``瞻岐镇东城村、合岙村、瞻岐镇工业园区…``: the group's town printed again before
                # a later place is that place's name (as the layout reader keeps it).
                # (Not after the column's dot, ``新碶街道·宁波港吉码头办公楼``: the town's mark.)
                dotted = self.lines[item.line - 1][:item.col].rstrip().endswith(("·", "•"))
                if areas and item.own_town and not dotted \
                        and town_institution(areas[0], 0, item.own_town):
                    areas = [item.own_town + areas[0], *areas[1:]]
                # (``…、栎社村、石碶`` / ``街道冯家村``: the town printed again, broken at the
                # line's end, is dropped as it is on one line.)
                if groups[-1][1] and not item.own_town and \
                        any(piece.joiner == "break" for piece in item.pieces):
                    areas = _without_reprinted_town(areas, groups[-1][1])
                last.extend(areas)
            elif groups and not every_led and self._names_own_place(groups[-1], item):
                # ``泗门镇谢家路村、…、余姚市泗门镇中心小学``: a later item led by the group's own
                # district (and town) is an institution's name: whole, in the group.
                # (Only what is printed before it: a later item of the same line names
                # neither again.)
                ref = item.district
                led = ref.line == item.line and 0 <= item.col - ref.col - len(ref.printed) \
                    <= len(item.own_town or "") + 1
                groups[-1][2].extend([(ref.printed if led else "") + (item.own_town or "")
                                      + areas[0], *areas[1:]])
            else:
                groups.append((district_of(item), item.town, areas))
        if groups and groups[-1][0] is not None:
            self.line_ref = (line, groups[-1][0])
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

    def town_district(self, town: str, line: int, col: int) -> DistrictRef | None:
        """The district of the one town TOWNS declares by this name or alias, else None."""
        declared = self.table.towns.declared_one(town)
        district = self.table.get(declared.district_name) if declared else None
        return DistrictRef(district, district.name, line, col, False) if district else None

    @staticmethod
    def _names_own_place(group: tuple, item: Item) -> bool:
        ref, town, _ = group
        own = item.district
        return (ref is not None and own is not None and own is not ref
                and not own.at_line_start and own.district is not None
                and own.district is ref.district and (item.town is None or item.town == town))

    def example_district(self) -> str:
        first = next(iter(self.table), None)
        return (first.aliases[0] if first and first.aliases else first.name) if first else "海曙"

    def window_days(self, window: TimeWindow, line: int, run_line: int, fragment: str,
                    col: int):
        """Return [(day, "HH:MM", end label)] for a time window, or None after a problem."""
        shown = _printed_like(self.lines[line - 1], window.text.strip() or fragment)
        if window.start_date and window.start_date.month == 0 and self.dates:
            # (``(7:00—15:00，9日同)``: a day of the current day's month, said by its number.)
            window = replace(window, start_date=DateParts(
                self.dates[0].year, self.dates[0].month, window.start_date.day))
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
        if start == 0 and end == DAY and WHOLE_DAY.fullmatch(window.text):
            # (``(全天)``: the whole day, a window without times, as the content model and the
            # layout reader write it.)
            return [(day, None, None) for day in days]
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
                # (``…开元村部`` / ``分用户(8:00—15:00)``: a qualifier's word broken in two.)
                # (``万科城2`` / ``号箱变``: a number broken from its unit.)
                # (``、塘`` / ``溪1号公变``: one character is no place; ``陆埠`` / ``3号公变``: a
                # numbered box goes on the name before it.)
                if _SUFFIX_PIECE.match(text) or _open_bracket(current) or \
                        _BROKEN_WORD.fullmatch(current[-1:] + text[:1]) or \
                        re.search(r"\d$", current) and re.match(r"[号幢栋楼座单室#]", text) or \
                        re.search(r"\d\s*号$", current) and re.match(_BOX_KIND, text) or \
                        len(current.strip()) == 1 or \
                        re.match(r"\d{1,3}\s*号" + _BOX_KIND, text):
                    current += text
                # (``…、泗门镇`` / ``中心幼儿园``: the item's own town printed again at the line's
                # end, before its place: one name, the town taken out of it later, or kept
                # where it names the town's institution.)
                elif item.town and fold(current) == fold(item.town):
                    current += text
                # (``宁波洪塘`` / ``汽配有限公司``: a company's name broken at the line's end.)
                # (``梁弄`` / ``镇正蒙学校``: a line that begins with a place's ending goes on.)
                elif _AREA_ENDING.search(current) and not _COMPANY_REST.fullmatch(fold(text)) \
                        and not re.match(r"(?:镇|乡|街道|村|社区|小区)(?!村)", text):
                    # (A guess: a warning where the line ends as a place surely does,
                    # ``前杨村`` / ``双桥头村``; a problem where the ending also stands inside
                    # names, ``龙山`` / ``农贸市场``, ``天童南路`` / ``东侧商铺``.)
                    message = (f"line break inside the list after {_q(current)}; read as two "
                               f"areas {_q(current)} and {_q(text)}")
                    if had_sep and _SURE_END.search(current):
                        self.warn(piece.line, f"{current}|{text}", message)
                    elif had_sep:
                        self.problem(piece.line, f"{current}|{text}", message)
                    areas.append(current)
                    current = text
                else:
                    # (``…、石碶`` / ``街道冯家村``: a town's name broken before its ending is
                    # one name, no guess to report; the town is taken out of the place later.)
                    if not re.match(r"街道|[镇乡](?!海|安|村)", text):
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
        # ``余姚市阳明康复医院（双电源客户，不停电）``: a place the list says keeps its supply is
        # no place cut, kept in the window's note.
        for index, area in enumerate(areas):
            if _KEEPS_SUPPLY.search(fold(area)):
                self.notes.append(area)
                areas[index] = ""
        # ``樊岙村（海岛线路更换海缆终端，停电一天）``: the work's reason in brackets is the
        # window's note, not part of the place.
        for index, area in enumerate(areas):
            reason = _REASON_BRACKET.search(fold(area))
            if reason and reason.start() > 0:
                self.notes.append(area[reason.start() + 1:reason.end() - 1])
                areas[index] = area[:reason.start()]
        # ``…、红联小区等``: the list's ending, not part of its last place; (so too after a
        # company, ``…、宁波瑞丰印染等(8:00—15:00)``, but not ``平等``, ``高等``.)
        areas = [a[:ending.start()] if (ending := _LIST_ENDING.search(a))
                 and (_AREA_ENDING.search(a[:ending.start()])
                      or len(a[:ending.start()]) >= 3
                      and a[ending.start() - 1] not in "平高中上下同对初优")
                 else a for a in areas]
        return [a for a in areas if a]


_BROKEN_TOWN = re.compile(r"(?P<town>[\u3400-\u9fff]{1,4}?(?:镇|街道|乡))(?=[\u3400-\u9fff])")


_WEEKDAY_CELL = re.compile(r"\(\s*(?:星期|周|礼拜)[一二三四五六日天]\s*\)")
_DAY_END = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$")


def _single_spaced_cells(f: str, roles) -> list[tuple[int, int]] | None:
    """The cells (spans of ``f``) of a row under a header whose cells one space separates,
    where the row has more words than the header cells: a stamp's day and clock
    (``2030-03-28 13:30至2030-03-28 17:00``) are one cell, and the one 区域/范围 column takes the
    words left over; None where the row cannot be read so."""
    if not roles:
        return None
    merged: list[list[int]] = []
    for word in re.finditer(r"\S+", f):
        if merged and _DAY_END.search(f[merged[-1][0]:merged[-1][1]]) \
                and re.match(r"\d{1,2}:\d{2}", word.group()):
            merged[-1][1] = word.end()
        else:
            merged.append([word.start(), word.end()])
    areas = [i for i, (role, label) in enumerate(roles)
             if role == "area" and re.search(r"区域|范围", label)]
    extra = len(merged) - len(roles)
    if extra < 0 or len(areas) != 1 or (extra and areas[0] + extra >= len(merged)):
        return None
    at = areas[0]
    merged[at:at + extra + 1] = [[merged[at][0], merged[at + extra][1]]]
    return [(a, b) for a, b in merged]


def _without_reprinted_town(areas: list[str], town: str) -> list[str]:
    """A wrapped item's places without their group's town printed again: ``石碶街道冯家村``
    (joined at the break), or ``东吴镇`` alone before ``东村`` (cut at it). An institution of
    the town keeps its name (``云龙镇卫生院``)."""
    town_f, kept = fold(town), []
    for index, area in enumerate(areas):
        folded = fold(area)
        if folded == town_f and index + 1 < len(areas):
            continue
        if folded.startswith(town_f) and len(folded) > len(town_f) + 1 \
                and not town_institution(folded, len(town_f), town_f):
            area = area[len(town):]
        kept.append(area)
    return kept


# ``象山供电客户服务中心：0574-6576××××``: an office and its telephone number.
_PHONE_LINE = re.compile(r"[^\s:]{2,20}\s*:\s*(?:0\d{2,3}-?)?[\dxX×*]{7,8}(?:[,、/]\s*\S+)?\s*")


_KEEPS_SUPPLY = re.compile(r"\([^()]*(?:不停电|不受影响|照常供电|正常供电)[^()]*\)$")
_BROKEN_WORD = re.compile(r"部分|一带|沿线|附近|周边|片区|区域")


def _spaced_cells(line: str) -> list[tuple[int, str]]:
    """The cells of a line aligned by spaces (two or more between cells): (offset, text)."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?:[ \u3000]\S+)*", line)]


def _column_of(starts: list[int], line: str, at: int) -> int:
    """The header column a cell printed at ``at`` of ``line`` stands under."""
    return max((k for k, x in enumerate(starts) if x <= _width(line[:at]) + 1), default=0)


def _width(text: str) -> int:
    """How wide a line is printed: a CJK or full-width character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# What a time window printed so far may hold where a line breaks inside it (``8:``, ``8:00—``,
# ``7:30—16:30``).
# (``(8:00—11:00、1`` / ``3:30—16:30)``: a slot or more of the window whole before the break.)
_TIME_SO_FAR = re.compile(r"(?:\s*\d{1,2}:\d{2}\s*[—\-~至]\s*(?:次日)?\s*\d{1,2}:\d{2}\s*[、,])*"
                          r"\s*(?:\d{1,2}(?::\d{0,2})?\s*(?:[—\-~至]\s*(?:次日)?\s*"
                          r"(?:\d{1,2}(?::\d{0,2})?)?)?)?\s*")
_COMPANY_REST = re.compile(r"(?!宁波|浙江|象山|宁海|余姚|慈溪|奉化)[\u3400-\u9fff]{1,6}"
                           r"(?:有限公司|有限责任公司|股份有限公司)")
_REASON_BRACKET = re.compile(r"\([^()]*(?:停电|检修|更换|施工|改造|迁改|抢修)[^()]*\)$")


def _open_bracket(text: str) -> bool:
    """``兴业北路（与环城北路交叉口`` wrapped before ``至三江口段）``: a bracket left open."""
    folded = fold(text)
    return folded.count("(") > folded.count(")")


def _continues_numbers(before: str, area: str) -> bool:
    """``舜江花园8、10、12幢``: ``area`` only continues the numbers of the place before it, so
    the two are one area (as the layout reader's ``split_areas`` keeps them)."""
    folded = fold(before)
    # (``1幢、2幢、5幢`` with no estate before them: three buildings, as the layout reader reads.)
    return bool(_MORE_NUMBER.fullmatch(fold(area))
                and re.search(r"\d(?:号楼|号|幢|栋|楼)?$", folded)
                and (re.search(r"\d$", folded)
                     or NAME_CHAR.search(folded)))


# A column's page break in print: ``（下转A09版）`` ending a page, ``（上接A08版）`` heading
# the next.
_PAGE_TURN = r"\(\s*(?:{})\s*第?\s*[A-Z]?\d{{1,2}}\s*版\s*\)"
_TURNS_TO = re.compile(r"\s*" + _PAGE_TURN.format("下转|转") + r"\s*")
_TURNED_FROM = re.compile(r"\s*" + _PAGE_TURN.format("上接|接") + r"\s*")
# (``宁波日报 | 2027年11月29日 星期一 | 第A7版：服务``: a page letter in the number.)
_PAGE_HEADER = re.compile(r"(?:^|\s)(?:[A-Z]\d{1,2}|第\s*[A-Z]?\d{1,2}\s*版|\d{1,2}\s*版)"
                          r"(?:\s|$|[:：])")
# A table's status or remark moving its row's slot (``延期至8月28日（星期六）``).
# A line wholly in brackets (``（春节前最后一批）``): a column's subtitle before its days.
_SUBTITLE = re.compile(r"\s*\((?P<inner>[^()]{1,24})\)\s*")
# A title's bracketed districts and the date it was updated (``宁波地区计划停电信息（北仑、镇海）
# 2026年11月9日更新``): read as the title without them.
_DATED_TITLE = re.compile(r"\s+(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:更新|发布)?\s*$")
# ``地市：宁波    区县：镇海区``: a listing's query naming the district of its rows.
_REGION_LINE = re.compile(r"(?:(?:地市|城市|所属地市|地区)\s*:\s*\S+\s+)?"
                          r"(?:区县|县区|县市区|所属区县)\s*:\s*(?P<d>\S+)\s*")
# ``临时停电`` alone on its line: a row's kind, one cell a line.
_RECORD_KIND = re.compile(r"(?:计划|临时|故障|检修|抢修)(?:停电|检修|停送电)(?:计划)?")
# The page around a listing or a post, never its windows: a query line (``地区：宁波市    查询时间：
# 2025-10-20 09:12``), a page footer (``第1页 共1页  每页显示 20 条``, ``共5条记录 第1页/共1页``),
# a post's byline (``国网象山县供电公司 发表于 2025年8月18日``) …
_LISTING_CHROME = re.compile(
    # (``- 7 -``: a printed page's number, between the two halves of a wrapped run; so are
    # ``（下转A09版）`` and ``（上接A08版）`` around a page break.)
    r"[-—–]\s*\d{1,3}\s*[-—–]|" + _PAGE_TURN.format("下转|上接|转|接") + r"|"
    # (``—— 没有更多了 ——``: an app's end of the list.)
    r"[-—─]*\s*(?:没有更多了?|已经到底了?|到底了|暂无更多(?:数据|内容)?)\s*[-—─]*"
    r"|(?:\S{1,8}\s*:\s*\S{1,12}\s+)?(?:数据)?(?:查询|发布|更新|生成|打印|导出)(?:时间|日期)\s*:\s*[\d\s:/-]+"
    # (``数据更新时间：2029-06-21 18:00    共4条    第1/1页``: the footer on the same line.)
    r"(?:(?:共\s*\d+\s*(?:条(?:记录)?|页)|第\s*\d+\s*(?:/\s*\d+\s*)?页|每页(?:显示)?\s*\d+\s*条)"
    r"\s*/?\s*)*"
    # (``停电信息查询结果（浙江省 宁波市 镇海区）   导出时间：2028-05-26 16:02``: a query's title.)
    r"|(?:停电信息)?查询结果\s*(?:\([^()]{0,30}\))?\s*"
    r"(?:(?:数据)?(?:查询|更新|导出|生成)(?:时间|日期)\s*:?\s*[\d\s:/-]+)?"
    r"|(?:(?:共\s*\d+\s*(?:条(?:记录)?|页)|第\s*\d+\s*(?:/\s*\d+\s*)?页|每页(?:显示)?\s*\d+\s*条)"
    r"\s*/?\s*)+"
    r"|\S{2,20}\s+(?:发表于|发布于)\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,12}"
    # (``开始日期：2027-03-15    结束日期：2027-03-21    [查询]``, ``首页 上一页 1/1 下一页 尾页``)
    r"|(?:(?:开始|结束|起始|截止)日期\s*:\s*[\d-]+\s*)+(?:\[?查询\]?)?"
    # (``省份：浙江  地市：宁波  区县：海曙区  起止日期：2028-04-24 至 2028-04-30``: the query's
    # fields and its range of days.)
    r"|(?:(?:省份|省|地市|城市|区县|县区|供电单位|所属单位)\s*:\s*\S{1,12}\s+)*"
    r"(?:起止日期|日期范围|查询日期|查询时段|查询区间|起止时间)\s*:\s*[\d-]+\s*(?:至|~|-|到)\s*[\d-]+"
    r"(?:\s*\[?查询\]?)?"
    # (``查询条件：省份 浙江　地市 宁波　区县 海曙区　起始日期 2029-04-07　结束日期 2029-04-14``:
    # the query's fields without their colons.)
    r"|(?:查询条件\s*:\s*)?(?:(?:省份|地市|城市|区县|县区|供电单位|所属单位|起始日期|开始日期"
    r"|结束日期|截止日期)\s*:?\s*[^\s:]{1,12}\s*){2,}"
    r"|(?:共\s*\d+\s*条\s*)?(?:首页|上一页|\d+\s*/\s*\d+|下一页|尾页|\s)+"
    # (``原创 海曙发布 海曙发布 2027年06月25日 17:30 浙江``: a post's byline.)
    r"|原创\s.{0,40}?\d{4}\s*[-年]\s*\d{1,2}\s*[-月]\s*\d{1,2}.{0,20}"
    # (A site's article head: ``2027-10-22    国网慈溪市供电公司    【字体：大 中 小】``.)
    r"|.{0,40}?[\[【]?(?:字体|字号)\s*:\s*大\s*中\s*小[\]】]?"
    r"(?:\s*[\[【]?(?:打印本页|打印此页|打印|关闭窗口|关闭)[\]】]?)*"
    # (And its foot: ``相关新闻：`` over ``· 国网慈溪市供电公司完成…  2034-10-19``, ``分享到：微信
    # 微博  QQ空间``, ``版权所有 中国宁波网  浙ICP备…号``.)
    r"|(?:相关新闻|相关阅读|相关链接|延伸阅读)\s*:?"
    r"|[·•]\s*[^\n]{2,60}?\s+\d{4}-\d{1,2}-\d{1,2}"
    r"|分享到\s*:[^\n]{0,40}|[^\n]{0,30}版权所有[^\n]{0,60}|[^\n]{0,40}ICP备[^\n]{0,30}"
    # (An app's page: ``网上国网``, ``查看更多 >``, ``… ▼    更新于2027-06-20 08:00``.)
    r"|网上国网|网上国网APP|查看更多\s*>?|.{0,60}?更新于\s*\d{4}-\d{1,2}-\d{1,2}[\d:\s]*"
    # (A news app's page: ``听新闻 ▶ 00:58``, ``[＋关注]``, ``—— 推广 ——`` and its ad, ``分享至``.)
    r"|听新闻\s*\S?\s*\d{1,2}:\d{2}|\[?\+?关注\]?|-*\s*推广\s*-*|分享至|猜你喜欢|阅读原文"
    r"|.{0,40}\[(?:了解详情|立即报名|立即购买|查看详情|点击查看)\]"
    # (A column's credits in brackets, ``（宁波供电公司提供）``, ``（本报记者 沈悦 通讯员
    # 甬电宣）``, ``（责任编辑：俞佳）``, or bare, ``记者 林海 通讯员 甬电宣``.)
    # (``（市供电公司 供）``: 供 alone after the giver, spaced.)
    r"|[(\[【][^()\[\]【】]{0,40}(?:提供|供稿|记者|通讯员|编辑|责编|整理|\s供)[^()\[\]【】]{0,40}[)\]】]"
    r"(?:\s*[\[【]?(?:打印此页|打印本页|关闭窗口|打印|关闭)[\]】]?)*"
    r"|(?:本报)?记者\s*[\u4e00-\u9fff ]{2,8}?(?:\s+通讯员\s*[\u4e00-\u9fff ]{2,8})?"
    # (``供电服务热线：95598　　奉化供电营业厅办公时间：8:30—17:00（周一至周五）``: office hours.)
    # (``营业时间：周一至周日 8:30-17:00``: the days before the hours.)
    # (A clinic's: ``门诊时间：周一至周日7:30—11:30，13:30—17:00``.)
    r"|.{0,40}?(?:办公|营业|服务|工作|受理|门诊|就诊)时间\s*:\s*"
    r"(?:(?:每天|每日|周[一二三四五六日天]\s*(?:至|到|-|~)\s*周[一二三四五六日天])\s*)?"
    r"\d{1,2}:\d{2}\s*[-—~至]\s*\d{1,2}:\d{2}"
    r"(?:\s*[,，、]\s*\d{1,2}:\d{2}\s*[-—~至]\s*\d{1,2}:\d{2})*.{0,16}"
    # (A news site's page: the breadcrumb ``宁海新闻网 > 民生 > 便民信息``, the byline
    # ``2028-05-23 08:15   来源：宁海传媒集团   编辑：胡一帆   阅读：2307``, and
    # ``【打印本页】 【关闭窗口】``.)
    # (Or the site's name before it: ``中国宁波网  首页 > 民生 > 便民服务``.)
    r"|(?:\S{2,12}\s+)?\S{2,12}(?:\s*[>»]\s*\S{2,12}){1,4}"
    r"|(?:\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+)?"
    r"(?:(?:来源|作者|编辑|责任编辑|阅读|浏览|点击|浏览次数|阅读数)\s*(?::\s*|\s+)"
    # (``作者：记者 项乐 通讯员 甬电``)
    r"(?:(?:记者|通讯员)\s*\S{1,6}\s*)*\S{1,16}\s*){2,5}"
    r"|(?:\s*[\[【](?:打印本页|打印|关闭窗口|关闭|收藏|返回顶部|分享)[\]】]\s*)+"
    # (A news app's post: ``象山新闻客户端 · 民生`` above it, ``👍 点赞　💬 写留言　⭐ 在看``
    # below.)
    r"|\S{2,12}(?:客户端|APP|App|app)\s*[·•]\s*\S{2,6}"
    r"|(?:\S?\s*(?:点赞|写留言|留言|在看|分享|收藏|转发)\s*){2,6}")
# ``注：停电时间内如遇特殊情况，停、送电时间会有所变动…``: a note under the table.
_NOTE_LINE = re.compile(r"\s*(?:注|备注|附注|说明|特别说明|特别提示)\s*[:：]")
# (``今日象山  2029-06-14  第4版 民生``: the date written with dashes.)
# (``余姚日报　2030年5月17日　星期五　　　…　3``: a paper's name, the date and the page's bare
# number, either end.)
_NUMBERED_HEAD = re.compile(
    r"(?:\d{1,2}\s+)?[\u3400-\u9fff]{2,8}报\s+\d{4}\s*[年-]\s*\d{1,2}\s*[月-]\s*\d{1,2}\s*日?"
    r"(?:\s+(?:星期|周)[一二三四五六日天])?(?:\s+\d{1,2})?\s*")
# (``…以现场为准。查询时段：2030-03-25至2030-04-01``: a tip ending with the query's span.)
_QUERY_SPAN = re.compile(r"(?<=[。.!！])\s*(?:查询|起止|统计)(?:时段|日期|区间|时间)\s*:"
                         r"\s*[\d-]+\s*(?:至|~|-|到)\s*[\d-]+\s*$")
# (``便民服务`` alone above the column: the page's section.)
_SECTION_LINE = re.compile(r"\s*(?:便民|民生|生活|城市)(?:服务|信息|资讯|提示)(?:台|栏)?\s*"
                           r"|\s*(?:公告栏|相关链接|相关新闻|延伸阅读)\s*"
                           # (``（县供电公司）``: the column's giver alone, in brackets.)
                           r"|\s*\([^()]{0,12}供电(?:公司|局|所|中心)\)\s*"
                           # (``如遇台风、雷雨等恶劣天气，停电计划顺延，另行通知。`` on its own.)
                           r"|\s*(?:如遇|若遇)[^()。]{0,30}?(?:顺延|延期|另行安排|推迟)[^()]{0,20}")
_PAGE_WORD = re.compile(r"星期|周[一二三四五六日]|报|\d日|\d{4}-\d{1,2}-\d{1,2}")
# (A page's letter and section alone: ``A09  民生·便民``.)
_SECTION_HEAD = re.compile(r"\s*[A-Z]\d{1,2}\s+\S{1,6}[·•]\S{1,6}\s*")
# (``民生·服务    责任编辑：陈佳``: the page's section name first; or after the page's number
# too, ``A09    甬上·便民    责任编辑：陈 雨``.)
_CREDIT_LINE = re.compile(r"\s*(?:\S{1,8}\s+){0,2}(?:责任编辑|美术编辑|美编|版式设计|校对|审核"
                          r"|审校|监制|值班编辑|编辑|责编|作者|记者|通讯员|摄影|制表|制表人|审核人)\s*:")
# A column's change section (``变更：`` / ``原定4月21日 停电的`` / runs / ``改为4月23日(…)``).
_CHANGE_HEADING = re.compile(
    r"\s*[\[【(]?\s*(?:以下)?(?:停电)?(?:计划)?(?:变更|调整|更改|改期)(?:的)?(?:停电)?"
    r"(?:计划|信息|通知|安排|预告)?(?:如下)?\s*[\]】)]?\s*:?\s*$")
_HEADLINE = re.compile(r"[^。\n]{0,30}(?:这些|以下|哪些)(?:地方|区域|地区|小区|村|路段)"
                       r"[^。\n]{0,6}?(?:要|将)?停电[!！。]?\s*")
_DATELINE_LEAD = re.compile(r"\s*(?:\S{2,10}?(?:网|报|台|社)讯|本报讯)\s*"
                            r"(?:[【\[][^】\]\n]{2,8}[】\]])?\s*")
_ORIGINAL = re.compile(r"\s*原定(?:于|在)?\s*")
_CANCEL_LEAD = re.compile(r"[^。]*?原定(?:于|在)?\s*(?=\d)")
_CANCEL_LEAD_TAIL = re.compile(r"[^。]*?(?:以下|下列)[^。]*?(?:全部)?取消[^。]*?[:：]\s*")
_POSTPONED_LEAD = re.compile(r"\s*[※*＊]?\s*原定(?:于|在)?\s*(?=\d)")
_POSTPONED_TAIL = re.compile(r"\)\s*(?P<tail>(?:的)?(?:计划)?停电[^()]*?(?:推迟|延期|暂缓|取消)"
                             r"[^()]*)$")
_CANCEL_HEADING = re.compile(r"[\[【]?\s*(?:以下)?(?:停电)?(?:计划)?取消(?:的)?(?:停电)?"
                             r"(?:计划|信息)?\s*[\]】]?\s*[:：]?")
_ORIGINAL_TAIL = re.compile(r"\s*(?:的)?(?:计划)?(?:停电)?(?:的|计划)?\s*:?\s*")
# (``时间调整为(8:30—12:00)``: the new time alone, on a line of its own.)
_CHANGED_TO = re.compile(r"\s*(?:(?:停电)?(?:时间|时段))?"
                         r"(?:改为|改到|改至|改在|调整为|调整到|调整至|变更为|变更至|"
                         r"推迟至|推迟到|延期至|延期到|顺延至|顺延到)\s*")
_STANDS_TAIL = re.compile(r"[,，]\s*(?:停电)?(?:范围|区域)(?:均)?不变\s*[。.]?\s*$")
# (``附海工业园区1号、2号公变``, ``南门3、5、7、9号商铺``: the kind after the last number.)
_MORE_NUMBER = re.compile(r"[甲乙丙丁]?\d{1,4}(?:-\d{1,4})?"
                          r"(?:号楼|号(?:公变|箱变|专变|配变|商铺|店面|门面)?|幢|栋|楼|#楼)?"
                          r"(?:\d{1,2}单元)?")
_LIST_ENDING = re.compile(r"等(?:地|处)?$")
# (A numbered box's kind: ``塘溪３号`` / ``公变、…``, a box's number broken from its kind.)
_BOX_KIND = r"(?:公变|箱变|专变|配变|变压器|台区)"


def _web_address(found: str) -> str:
    """A web address as printed (``95598.zj.sgcc.com.cn``), with its scheme."""
    return found if found.startswith("http") else f"http://{found}"


DATE_ONLY = re.compile(r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2})")


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

