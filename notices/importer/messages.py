"""What the importer reports: messages with their line, column and fragment, and the
result of reading a notice."""

from __future__ import annotations

from dataclasses import dataclass

# Exact wording of the messages the command line prints (pinned by tests/test_importer*.py).
TOO_LARGE = ("file is {size} bytes, over the importer's limit of {limit} bytes; a notice is a "
             "few kilobytes. Import the outage notice alone, not a whole page or archive")
UTF16 = "file is UTF-16, not UTF-8; save it as UTF-8"
CONTROL_CHARACTERS = ("file contains control characters at {where}; remove them (they can join "
                      "or split a place name) and import again")
NOT_READ = "{fragment} was not read as a window; kept in the body"
NO_AREAS = ("{fragment} reads as a date but no places follow it; expected the places cut after "
            'it, such as "停电范围：食堂、图书馆"')
UNDECLARED_PLACE = ('place "{place}" is not a declared district; kept as printed.{hint} '
                    "Districts are declared in DISTRICTS in {settings}")
NO_DISTRICT = ("the notice names no district; give each window one of the districts declared "
               "in DISTRICTS in {settings}")
HEAD_DISTRICT = ("{count} window{s} naming no district put in {district}, the district the "
                 "notice's head line {line} names; check it")
HEAD_TOWN = ("{count} window{s} naming no district put in {town}, {district}, the town the "
             "notice's title {line} names; check it")
SITE_TOWN = ("{count} window{s} naming no town put in {town}, the town the notice's site "
             "{line} names; check it")
SIGNATURE_DISTRICT = ("{count} window{s} naming no district put in {district}, the district "
                      "the notice's signature {line} names; check it")
ADDRESS_DISTRICT = ("{count} window{s} naming no district put in {district}, the district "
                    "the customer's address {line} names; check it")
SERVED_DISTRICT = ("{count} window{s} naming no district put in {district}, the district its "
                   "publisher {publisher} serves; check it")
UNCLEAN_AREA = ("area {fragment} could not be separated cleanly (it still holds a time, a date, "
                "a sentence, 停电 or 停水); cut it by hand, or use --allow-partial to keep it in a "
                "note")
UNREAD_TIME = ("time {fragment} was not read into any window; check the windows by hand, or use "
               "--allow-partial to keep it in a note")
CHANGE_LEFT = ("{fragment} changes or calls off a slot and was not read into the windows or "
               "cancellations; check them by hand (the line is kept in the body)")
CLAUSE_LEFT = ("{fragment} follows a window's places after \"；\" and was not read into it; check "
               "the window's areas by hand, or use --allow-partial to keep it in a note")
CLAUSE_PASSED = ("{fragment} comes between a window's time and the places read for it and was "
                 "not read into it; check the window's areas by hand, or use --allow-partial to "
                 "keep it in a note")
NOT_A_DATE = "{fragment} is not a date (no such day); the places on this line were kept"
SUPPLY_LINE = ("{fragment} is when a supply line is switched off, and no place is named as cut; "
               "not read as a window, kept in the body")
NO_END = ("the window of {date} starts at {start} and the notice gives no end (only a duration, "
          "or 起); write its end by hand")
NO_PLACE = ("the window of {date} {slot} names no place (a round of a rotating outage, or "
            "a list lost from the text); write its areas by hand")
SPAN_FRAGMENT = ("{fragment} is not a place (it ends in no place suffix) and was not read "
                 "as an area; kept in the body")
SPANS_DISAGREE = ("the areas of the window of {date} {slot} are doubtful: {doubtful} "
                  "(the layout reader and the place-span reader disagree); check them by hand, "
                  "or use --allow-partial to keep them in a note")
SPANS_ONLY = ("the window of {date} {slot} was read by the place-span reader alone "
              "(areas {areas}); check it by hand, or use --allow-partial to keep it in a note")
CANCELLED_LATER = ("the window of {day} for {fragment} is cancelled later in the notice; written "
                   "as cancelled only")
PAST_OUTAGE = ("{fragment} is about an outage already over (故障, 已送电), not a planned window; "
               "kept in the body")
WATER_DECOY = ("{fragment} is the slot of a water or gas outage (停水, 停气), not a power cut; "
               "not read as a window, kept in the body")



def slot(window: dict) -> str:
    """A window's times for a message: ``08:30—15:30``, ``08:30—(no end)``, ``(whole day)``."""
    start, end = window.get("start"), window.get("end")
    if start is None and end is None:
        return "(whole day)"
    return f"{start or '(no start)'}—{end or '(no end)'}"


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

