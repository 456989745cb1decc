"""``./dev importer-score``: run the importer over a corpus of real notices and count what it
reads exactly.

A corpus is a folder of ``NAME.txt`` (the notice as printed) and ``NAME.yaml`` (the expected
windows and cancellations, written by hand; see ``tests/importer/real/SOURCES.md``). A window is
*exact* when its date, start, end, district (where the expectation names one) and area list
(in order) equal an expected window's; each produced window matches at most one expected one.
A cancellation is exact on the same terms. A *fragment unaccounted* is a non-blank input line
that the importer neither read into a window or cancellation, nor kept in the body, nor
reported as a problem or warning: text that would otherwise be lost without a word.

Per field: every expected window that is not exact is paired with the produced window closest
to it (same date first, then same times, then most areas in common; a produced window is a
candidate only when it shares the date or an area). The fields line counts, over all expected
windows, how many have the right date, the right start and end, the right district (over the
windows whose expectation names one) and the right area list; a window with no partner is wrong
on every field. A produced window paired with no expected one is *invented*.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from notices.content.districts import DistrictTable

from .cli import (
    _general_import,
    guess_published,
    load_districts,
    model_problems,
    parse_outage_notice,
    render_outage_file,
    unaccounted_lines,
)
from .spans import read_spans
from .text import display

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "tests" / "importer" / "real"
SEED = Path(__file__).resolve().parents[2] / "tests" / "importer" / "seed-outages.txt"


@dataclass
class NoticeScore:
    name: str
    exact: int
    expected: int
    cancel_exact: int
    cancel_expected: int
    produced: int
    unaccounted: list[tuple[int, str]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)
    fields: FieldScore = None
    silent: int = 0  # windows written wrong in a notice read with exit 0
    held: int = 0  # exact windows in a notice the importer asks about (exit 1)
    lost: int = 0  # expected windows missing, not even written wrong, with exit 0
    # Of ``silent``, those in a notice a real import refuses (exit 1) all the same: a window
    # naming no declared district, which ``--dry-run`` reports as a warning only.
    refused: int = 0


FIELDS = ("date", "times", "district", "areas")


@dataclass
class FieldScore:
    """Right fields over the expected windows (district: over those that name one)."""
    date: int = 0
    times: int = 0
    district: int = 0
    areas: int = 0
    windows: int = 0
    with_district: int = 0
    invented: int = 0
    # (The town, over the windows whose expectation names one: not part of "exact", but what
    # a resident's town feed and calendar are cut by.)
    town: int = 0
    with_town: int = 0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(*(getattr(self, f) + getattr(other, f)
                            for f in self.__dataclass_fields__))


def _clock(value) -> str | None:
    """A time as an instant: ``24:00`` and ``次日00:00`` are the same moment, and so are
    ``次日24:00`` and ``次日次日00:00`` (the expectations write 24:00 as printed; the content model
    writes it ``次日00:00``)."""
    if value is None:
        return None
    text = str(value).strip()
    days = 0
    while text.startswith(("次日", "翌日")):
        days, text = days + 1, text[2:].strip()
    hours, _, minutes = text.replace("：", ":").partition(":")
    if not hours.isdigit() or not (minutes or "0").isdigit():
        return str(value).strip()
    days, rest = divmod(days * 1440 + int(hours) * 60 + int(minutes or 0), 1440)
    return "次日" * days + f"{rest // 60:02d}:{rest % 60:02d}"


def _key(window: dict, with_district: bool) -> tuple:
    date = window.get("date")
    if isinstance(date, dt.date):
        date = date.isoformat()
    district = window.get("district") if with_district else None
    # (A bracket's width is type, not reading: ``中马路（单号）`` as printed and ``中马路(单号)``
    # as an expectation wrote it are the same place; so are a full-width digit or letter and
    # its ASCII form, ``东街２１号`` and ``东街21号``, which the search reads alike.)
    return (str(date), _clock(window.get("start")), _clock(window.get("end")), district,
            tuple(display(str(a)).translate(_BRACKETS) for a in window.get("areas") or []))


_BRACKETS = str.maketrans({"（": "(", "）": ")"})


def _match(expected: list[dict], produced: list[dict]) -> tuple[int, list[dict], list[dict]]:
    left = list(produced)
    missed = []
    exact = 0
    for want in expected:
        named = want.get("district") is not None
        key = _key(want, named)
        for index, got in enumerate(left):
            if _key(got, named) == key:
                exact += 1
                del left[index]
                break
        else:
            missed.append(want)
    return exact, missed, left


def _closeness(want: tuple, got: tuple) -> tuple[int, int, int] | None:
    same_date = want[0] == got[0]
    shared = len(set(want[4]) & set(got[4]))
    if not same_date and not shared:
        return None
    return (int(same_date), int(want[1:3] == got[1:3]), shared)


def field_score(expected: list[dict], produced: list[dict]) -> FieldScore:
    """Pair each expected window with a produced one (exact ones first) and count right fields."""
    score = FieldScore(windows=len(expected),
                       with_district=sum(w.get("district") is not None for w in expected),
                       with_town=sum(bool(w.get("town")) for w in expected))
    left = [_key(g, True) for g in produced]
    towns = [g.get("town") for g in produced]
    pending = []
    for want in expected:
        named = want.get("district") is not None
        key = _key(want, named)
        for index, got in enumerate(left):
            if (got if named else got[:3] + (None,) + got[4:]) == key:
                score.date += 1
                score.times += 1
                score.areas += 1
                score.district += named
                score.town += bool(want.get("town")) and want.get("town") == towns[index]
                del left[index]
                del towns[index]
                break
        else:
            pending.append((_key(want, True), named, want.get("town")))
    candidates = sorted(
        ((closeness, -w, -g) for w, (want, _, _) in enumerate(pending)
         for g, got in enumerate(left) if (closeness := _closeness(want, got)) is not None),
        reverse=True)
    paired_want, paired_got = set(), set()
    for _, w, g in candidates:
        w, g = -w, -g
        if w in paired_want or g in paired_got:
            continue
        paired_want.add(w)
        paired_got.add(g)
        (want, named, town), got = pending[w], left[g]
        score.date += want[0] == got[0]
        score.times += want[1:3] == got[1:3]
        score.district += named and want[3] == got[3]
        score.areas += want[4] == got[4]
        score.town += bool(town) and town == towns[g]
    score.invented = len(left) - len(paired_got)
    return score


def fields_line(score: FieldScore) -> str:
    n = score.windows
    return (f"importer fields: date {score.date}/{n}, start+end {score.times}/{n}, "
            f"district {score.district}/{score.with_district}, "
            f"town {score.town}/{score.with_town}, areas {score.areas}/{n}, "
            f"{score.invented} windows invented")


def reference_date(expected: dict, text: str = "") -> dt.date:
    """The notice's published date; when none is known, what the command line guesses without
    ``--published`` (``cli.guess_published``: a signature date, else the first full date
    printed), with the middle of the assumed year standing for "today"."""
    published = expected.get("published")
    if isinstance(published, dt.date):
        return published
    if published:
        return dt.date.fromisoformat(str(published))
    return guess_published(text, dt.date(int(expected["year"]), 7, 1))[0]


def read_notice(text: str, published: dt.date, districts: DistrictTable,
                reader: str = "importer"):
    """The importer's result, or (``reader="spans"``) the generic place-span reader's alone."""
    if reader == "spans":
        return _general_import(read_spans(text, published), districts, published, None, None,
                               None)
    return parse_outage_notice(text, published, districts)


def score_notice(txt: Path, districts: DistrictTable, reader: str = "importer") -> NoticeScore:
    expected = yaml.safe_load(txt.with_suffix(".yaml").read_text(encoding="utf-8"))
    text = txt.read_text(encoding="utf-8")
    result = read_notice(text, reference_date(expected, text), districts, reader)
    produced = [dict(w) for w in result.fields.get("windows", [])]
    cancelled = [dict(w) for w in result.fields.get("cancelled", [])]
    exact, missed, extra = _match(expected.get("windows") or [], produced)
    cancel_exact, _, _ = _match(expected.get("cancelled") or [], cancelled)
    # Written wrong with exit 0: a produced window that is not exact, in a notice the
    # importer reads with no blocking problem (``--dry-run`` exits 0: nothing left unread,
    # and the file passes the content model but for its districts).
    blocked = bool(result.fragment_problems) or bool(
        model_problems(render_outage_file(result.fields, result.body_lines), districts, result,
                       txt.name, districts_too=False))
    silent = 0 if blocked else len(extra)
    # Lost with exit 0: expected windows no produced window stands for (not even a wrong one).
    lost = 0 if blocked else max(0, len(missed) - len(extra))
    held = exact if blocked else 0
    refused = silent if result.place_problems else 0
    return NoticeScore(txt.stem, exact, len(expected.get("windows") or []), cancel_exact,
                       len(expected.get("cancelled") or []), len(produced),
                       unaccounted_lines(text, result), missed, extra,
                       field_score(expected.get("windows") or [], produced), silent, held,
                       lost, refused)


def summary_line(exact: int, expected: int, cancel_exact: int, cancel_expected: int,
                 unaccounted: int) -> str:
    percent = 100.0 * exact / expected if expected else 100.0
    return (f"importer: {exact}/{expected} windows exact ({percent:.1f}%), "
            f"{cancel_exact}/{cancel_expected} cancellations, {unaccounted} fragments unaccounted")


def score_corpus(corpus: Path, districts: DistrictTable, reader: str = "importer"
                 ) -> list[NoticeScore]:
    return [score_notice(txt, districts, reader) for txt in sorted(corpus.glob("*.txt"))
            if txt.with_suffix(".yaml").exists()]


def totals(scores: list[NoticeScore]) -> tuple[int, int, int, int, int]:
    return (sum(s.exact for s in scores), sum(s.expected for s in scores),
            sum(s.cancel_exact for s in scores), sum(s.cancel_expected for s in scores),
            sum(len(s.unaccounted) for s in scores))


def bench(districts: DistrictTable, corpus: Path, count: int = 1000
          ) -> tuple[float, float, float]:
    """Seconds to read the seed once, and ``count`` notices of the corpus (cycled) in one run,
    wall clock and processor time (the second is steadier on a shared machine)."""
    seed = SEED.read_text(encoding="utf-8")
    started = time.perf_counter()
    parse_outage_notice(seed, dt.date(2019, 9, 16), districts)
    seed_seconds = time.perf_counter() - started
    notices = []
    for txt in sorted(corpus.glob("*.txt")):
        meta = yaml.safe_load(txt.with_suffix(".yaml").read_text(encoding="utf-8")) \
            if txt.with_suffix(".yaml").exists() else {"year": 2020}
        text = txt.read_text(encoding="utf-8")
        notices.append((text, reference_date(meta, text)))
    notices.append((seed, dt.date(2019, 9, 16)))
    started, cpu = time.perf_counter(), time.process_time()
    for index in range(count):
        text, published = notices[index % len(notices)]
        parse_outage_notice(text, published, districts)
    return seed_seconds, time.perf_counter() - started, time.process_time() - cpu


def silent_line(scores: list[NoticeScore]) -> str:
    return (f"importer: {sum(s.silent for s in scores)} windows silently wrong (written wrong "
            f"with exit 0), {sum(s.held for s in scores)} exact windows held (exit 1), "
            f"{sum(s.lost for s in scores)} windows missing with exit 0; "
            f"{sum(s.refused for s in scores)} of the wrong ones in notices a real import "
            "refuses (a window naming no declared district)")


def run(corpus: Path | None = None, *, verbose: bool = False, do_bench: bool = False,
        out=None, reader: str = "importer") -> int:
    """Print the score per notice and in total; return 0 (the score is information)."""
    out = out or sys.stdout
    corpus = Path(corpus) if corpus else DEFAULT_CORPUS
    districts, _ = load_districts()
    scores = score_corpus(corpus, districts, reader)
    if not scores:
        print(f"{corpus}: no NAME.txt with a NAME.yaml found", file=out)
        return 1
    for s in scores:
        print(f"{s.name}: " + summary_line(s.exact, s.expected, s.cancel_exact, s.cancel_expected,
                                           len(s.unaccounted)), file=out)
        if verbose:
            for want in s.missed:
                print(f"  missed: {_key(want, True)}", file=out)
            for got in s.extra:
                print(f"  produced: {_key(got, True)}", file=out)
            for number, line in s.unaccounted:
                print(f"  unaccounted line {number}: {line[:60]}", file=out)
            if s.missed or s.extra:
                print("  " + fields_line(s.fields), file=out)
    print(summary_line(*totals(scores)), file=out)
    print(fields_line(sum((s.fields for s in scores), FieldScore())), file=out)
    print(silent_line(scores), file=out)
    if do_bench:
        seed_seconds, many, cpu = bench(districts, corpus)
        print(f"bench: seed {seed_seconds:.3f} s; 1000 notices {many:.2f} s "
              f"({cpu:.2f} s of processor time)", file=out)
    return 0
