"""Build-speed benchmark: this project against plain Pelican on the same generated items.

    python bench/bench.py [--sizes 1000,5000] [--runs 3] [--seed 1]

For each size it generates one corpus (bench/corpus.py: article text sampled by frequency
from jieba's dictionary, a real vocabulary; the distinct-character count is printed) in both
formats, then runs, interleaved and ``--runs`` times, each timed in wall and CPU time (user +
system of the build and every process it waited for):

- plain Pelican **as is** (notmyidea theme, author/tag/category pages, one unpaginated index,
  all-items and per-category Atom feeds) and **like for like** (``PLAIN_LIKE_FOR_LIKE``: item
  pages, lists of 20 a page, a page per district (tag) and per year, all-items and
  per-district RSS and Atom feeds of 50 items, no author pages), cold;
- our cold build (every output: pages, feeds, calendars, open data, search index) and our
  rebuild with nothing changed; plain Pelican like for like with its content cache on, with
  nothing changed and after the same edits (the baseline for those rows);
- the costly edits, in the live-reload server's process (``python -m notices
  rebuild-on-request``, timed from the request to the output live; the watcher's own latency
  is not included): the newest outage schedule (an area corrected: pages, feeds and
  calendars change, and search finds the edit through the index's delta), then the full
  build that makes the search index whole again; the newest article; a new article;
- the newest outage edited again, then a new build process (``--defer-search``: pages and
  the search delta) and the full build that makes the index whole again.

It prints medians in a fixed form scripts can read (``cold``, ``cold-ratio``, ``nochange``,
``edit-…``, ``new-item-live``, ``memory``, ``phases`` lines).

Plain Pelican runs in its own virtualenv (.cache/bench-plain-venv) with python-markdown,
which this project does not depend on; it is created on first use from PyPI.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from processes import descendants  # bench/, beside this script

ROOT = Path(__file__).resolve().parents[1]
PLAIN_VENV = ROOT / ".cache" / "bench-plain-venv"


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def plain_python() -> Path:
    """A virtualenv with the same Pelican and python-markdown, for the plain build."""
    python = PLAIN_VENV / "bin" / "python"
    if not python.exists():
        from importlib import metadata

        progress("creating the plain-Pelican virtualenv (once)")
        subprocess.run([sys.executable, "-m", "venv", str(PLAIN_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q",
                        f"pelican=={metadata.version('pelican')}", "markdown"], check=True)
    return python


def _tree_pss_kib(root: int) -> int:
    """The summed proportional set size (PSS) of a process and all its descendants.

    Forked workers share most pages with the build process; their RSS counts those pages
    again, PSS divides them among the sharers, so the sum is the memory the build holds.
    """
    total = 0
    for pid in descendants(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                total += next(int(line.split()[1]) for line in handle if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
    return total


def run(cmd: list[str], cwd: Path, env: dict | None = None, sample: bool = False
        ) -> tuple[float, int, str, int, float]:
    """Run a command; return (wall seconds, peak RSS in KiB of its main process, stderr,
    peak summed PSS in KiB of it and its children, sampled every 0.1 s when ``sample``;
    0 otherwise or without /proc; CPU seconds, user + system, of it and every process it
    waited for). Sampling reads /proc/<pid>/smaps_rollup, which slows
    the processes it reads (1-2 s of a 10 s build), so timed runs do not sample."""
    # Let the previous build's writes reach the disk first: otherwise the build measured
    # pays for the write-back of the one before (both sides are treated alike).
    os.sync()
    time.sleep(0.5)
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env, text=True)
    peak_pss = 0
    done = threading.Event()

    def poll() -> None:
        nonlocal peak_pss
        while not done.wait(0.1):
            peak_pss = max(peak_pss, _tree_pss_kib(process.pid))

    sampler = threading.Thread(target=poll, daemon=True)
    if sample and os.path.exists("/proc/self/smaps_rollup"):
        sampler.start()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    done.set()
    if sampler.is_alive():
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({process.returncode}):\n{stderr[-3000:]}")
    return elapsed, usage.ru_maxrss, stderr, peak_pss, usage.ru_utime + usage.ru_stime


PLAIN_AS_IS = (
    # Pelican's defaults with this corpus: notmyidea theme, author/tag/category pages, one
    # unpaginated index of every item, all-items and per-category Atom feeds.
    "FEED_ALL_ATOM = 'feeds/all.atom.xml'\nCATEGORY_FEED_ATOM = 'feeds/{slug}.atom.xml'\n"
)
PLAIN_LIKE_FOR_LIKE = (
    # What this site also builds: item pages, lists of 20 a page (index, each kind, each
    # district = tag), a page per year, all-items and per-district feeds in RSS and Atom
    # (50 items, as DISTRICT_FEEDS), no author pages. Pelican cannot write calendars, open
    # data or a search index: ours does that work on top.
    "DEFAULT_PAGINATION = 20\nAUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ''\n"
    "ARTICLE_URL = ARTICLE_SAVE_AS = '{category}/{slug}.html'\n"
    "YEAR_ARCHIVE_SAVE_AS = 'archive/{date:%Y}/index.html'\nFEED_MAX_ITEMS = 50\n"
    "FEED_ALL_ATOM = 'feeds/all.atom.xml'\nFEED_ALL_RSS = 'feeds/all.rss.xml'\n"
    "TAG_FEED_ATOM = 'feeds/{slug}.atom.xml'\nTAG_FEED_RSS = 'feeds/{slug}.rss.xml'\n"
    "CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None\n"
)


def files_written(folder: Path) -> tuple[int, int]:
    """The files under ``folder`` and their bytes."""
    sizes = [path.stat().st_size for path in folder.rglob("*") if path.is_file()]
    return len(sizes), sum(sizes)


def _files_text(written: tuple[int, int]) -> str:
    return f"{written[0]:,} files, {written[1] / 1e6:.1f} MB"


def make_corpus(size: int, seed: int, work: Path) -> tuple[Path, Path, int]:
    """Both formats of one generated corpus; returns their folders and its distinct
    characters (a real vocabulary: bench/corpus.py samples jieba's dictionary)."""
    ours, plain = work / "ours", work / "plain"
    for out, fmt in ((ours, "notices"), (plain, "pelican")):
        progress(f"generating {size} items ({fmt} format)")
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "--items", str(size),
                        "--seed", str(seed), "--out", str(out), "--format", fmt], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    (ours / "benchconf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(ours / 'content')!r}\nOUTPUT_PATH = {str(ours / 'output')!r}\n"
        f"CACHE_PATH = {str(ours / '.cache')!r}\nPROJECT_ROOT = {str(ours)!r}\n", "utf-8")
    common = ("SITENAME = 'plain'\nSITEURL = ''\nTIMEZONE = 'Asia/Shanghai'\n"
              f"DEFAULT_LANG = 'zh'\nPATH = {str(plain / 'content')!r}\n"
              f"OUTPUT_PATH = {str(plain / 'output')!r}\n")
    (plain / "asis.py").write_text(common + PLAIN_AS_IS + "LOAD_CONTENT_CACHE = False\n",
                                   "utf-8")
    (plain / "like.py").write_text(common + PLAIN_LIKE_FOR_LIKE + "LOAD_CONTENT_CACHE = False\n",
                                   "utf-8")
    (plain / "cached.py").write_text(
        common + PLAIN_LIKE_FOR_LIKE + "LOAD_CONTENT_CACHE = True\nCACHE_CONTENT = True\n"
        f"CACHE_PATH = {str(plain / '.cache')!r}\n", "utf-8")
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import corpus_characters

    return ours, plain, corpus_characters(ours / "content")


def newest(folder: Path) -> Path:
    """The newest item of a kind: names start with the date, so the last name."""
    return sorted(folder.glob("*.md"))[-1]


def edit_newest(ours: Path, plain: Path, kind: str, round_number: int) -> None:
    """Edit the newest item of ``kind`` in both corpora: the costly case (it is on the
    front page, every list's first page and the feeds; an outage is in the calendars)."""
    note = f"\n编辑修改第{round_number}次。\n"
    for root in (ours, plain):
        target = newest(root / "content" / kind)
        text = target.read_text("utf-8")
        if kind == "outages" and root is ours:  # a corrected area: calendars change too
            text = re.sub(r"(\n\s*areas:\n\s*- )", rf"\g<1>更正{round_number}号", text, count=1)
        target.write_text(text + note, "utf-8")


def add_new_item(ours: Path, plain: Path, round_number: int) -> None:
    """A new article, a minute after the newest item of all, in both corpora."""
    for root in (ours, plain):
        source = newest(root / "content" / "articles")
        text = source.read_text("utf-8")
        match = re.search(r"^(?:date|Date): '?(\d{4}-\d\d-\d\d) (\d\d):(\d\d)", text, re.M)
        day, hour, minute = match[1], int(match[2]), int(match[3])
        stamp = f"{day} {hour:02d}:{min(minute + round_number, 59):02d}"
        text = text.replace(match[0], match[0][: match[0].index(day)] + stamp, 1)
        slug = f"{source.stem}-new-{round_number}"
        text = re.sub(r"^Slug: .*$", f"Slug: {slug}", text, count=1, flags=re.M)
        (source.parent / f"{slug}.md").write_text(text, "utf-8")


class WarmServer:
    """``python -m notices rebuild-on-request``: what the live-reload server runs, driven
    through standard input; each rebuild is timed from the request to the reply."""

    def __init__(self, cmd: list[str], env: dict) -> None:
        self.process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        text=True)
        self._reply()  # the first, full build

    def _reply(self) -> float:
        line = self.process.stdout.readline()  # its standard output carries these lines only
        if not line.startswith("built 0 "):
            self.process.kill()
            raise SystemExit(f"the warm rebuild failed: {line!r}")
        return float(line.split()[2])

    def rebuild(self, what: str) -> float:
        os.sync()
        time.sleep(0.5)
        started = time.perf_counter()
        self.process.stdin.write(what + "\n")
        self.process.stdin.flush()
        self._reply()
        return time.perf_counter() - started

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def delta_records(ours: Path) -> int:
    """Records in the search delta of our output (0: none; the index was carried over or
    made whole)."""
    meta = json.loads((ours / "output" / "search" / "index.json").read_text("utf-8"))
    return (meta.get("delta") or {}).get("records", 0)


def parse_memory(stderr: str) -> tuple[int, int]:
    match = re.search(r"^memory: build (\d+) MiB, largest child (\d+) MiB", stderr, re.M)
    return (int(match[1]), int(match[2])) if match else (0, 0)


def parse_phases(stderr: str) -> dict[str, float]:
    for line in stderr.splitlines():
        if line.startswith("phases: "):
            return {m[1]: float(m[2]) for m in re.finditer(r"(\w[\w-]*) ([\d.]+) s", line)}
    return {}


def bench_size(size: int, runs: int, seed: int, work: Path) -> list[str]:
    ours, plain, characters = make_corpus(size, seed, work)
    plain_py = plain_python()
    ours_cmd = [sys.executable, "-m", "notices", "build", "-s", str(ours / "benchconf.py")]

    def plain_cmd(conf: str) -> list[str]:
        return [str(plain_py), "-m", "pelican", str(plain / "content"), "-s",
                str(plain / conf), "-q"]

    env = dict(os.environ, NOTICES_TIMINGS="1", NOTICES_QUIET_SERVER="1")
    warm_cmd = [sys.executable, "-m", "notices", "rebuild-on-request", "-s",
                str(ours / "benchconf.py")]
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    memory = {"plain": 0, "ours": 0, "build": 0, "child": 0, "tree": 0}
    phases: list[dict[str, float]] = []
    deltas: list[int] = []  # records in the search delta after each deferred build
    written: dict[str, tuple[int, int]] = {}  # files and bytes a cold build wrote

    def timed(name: str, cmd: list[str], cwd: Path, run_env: dict | None = None) -> str:
        seconds, rss, stderr, _, cpu_seconds = run(cmd, cwd, run_env)
        wall.setdefault(name, []).append(seconds)
        cpu.setdefault(name, []).append(cpu_seconds)
        side = "plain" if name.startswith("plain") else "ours"
        memory[side] = max(memory[side], rss)
        return stderr

    for number in range(1, runs + 1):
        step = f"{size} items, round {number}/{runs}:"
        for name, conf in (("plain-as-is", "asis.py"), ("plain-like", "like.py")):
            progress(f"{step} {name} cold build")
            shutil.rmtree(plain / "output", ignore_errors=True)
            timed(name, plain_cmd(conf), plain)
            written[name] = files_written(plain / "output")

        progress(f"{step} our cold build")
        shutil.rmtree(ours / "output", ignore_errors=True)
        shutil.rmtree(ours / ".cache", ignore_errors=True)
        stderr = timed("cold", ours_cmd, ROOT, env)
        written["cold"] = files_written(ours / "output")
        build_mib, child_mib = parse_memory(stderr)
        memory["build"] = max(memory["build"], build_mib)
        memory["child"] = max(memory["child"], child_mib)
        phases.append(parse_phases(stderr))
        progress(f"{step} our rebuild, nothing changed")
        timed("nochange", ours_cmd, ROOT, env)

        progress(f"{step} plain Pelican with its content cache: fill, nothing changed")
        shutil.rmtree(plain / "output", ignore_errors=True)
        shutil.rmtree(plain / ".cache", ignore_errors=True)
        run(plain_cmd("cached.py"), plain)
        timed("plain-cached-nochange", plain_cmd("cached.py"), plain)

        progress(f"{step} the live-reload server: newest outage, newest article, a new item")
        server = WarmServer(warm_cmd, env)
        edit_newest(ours, plain, "outages", number * 10 + 1)
        wall.setdefault("edit-outage-live", []).append(server.rebuild("pages"))
        deltas.append(delta_records(ours))
        wall.setdefault("edit-outage-live-search", []).append(server.rebuild("all"))
        edit_newest(ours, plain, "articles", number * 10 + 2)
        wall.setdefault("edit-article-live", []).append(server.rebuild("pages"))
        add_new_item(ours, plain, number * 10 + 3)
        wall.setdefault("new-item-live", []).append(server.rebuild("pages"))
        server.rebuild("all")
        server.close()

        progress(f"{step} a new build process after editing the newest outage")
        edit_newest(ours, plain, "outages", number * 10 + 4)
        timed("edit-outage-new-process", [*ours_cmd, "--defer-search"], ROOT, env)
        deltas.append(delta_records(ours))
        progress(f"{step} the search index catching up")
        timed("edit-outage-new-process-search", ours_cmd, ROOT, env)
        progress(f"{step} plain Pelican (content cache) after the same edits")
        timed("plain-cached-edit", plain_cmd("cached.py"), plain)
    progress(f"{size} items: one more cold build of ours, sampling the memory of all its "
             "processes")
    shutil.rmtree(ours / "output", ignore_errors=True)
    shutil.rmtree(ours / ".cache", ignore_errors=True)
    _, _, _, memory["tree"], _ = run(ours_cmd, ROOT, env, sample=True)
    med = {k: statistics.median(v) for k, v in wall.items()}
    mcpu = {k: statistics.median(v) for k, v in cpu.items()}
    names = sorted({k for p in phases for k in p}, key=lambda k: list(phases[0]).index(k)
                   if k in phases[0] else 99)
    phase_text = ", ".join(f"{k} {statistics.median(p.get(k, 0.0) for p in phases):.2f} s"
                           for k in names)

    def both(name: str) -> str:
        return f"{med[name]:.2f} s wall / {mcpu[name]:.2f} s CPU"

    cold = med["cold"]
    lines = [
        f"corpus {size}: {characters:,} distinct characters (jieba lexicon vocabulary)",
        f"cold {size}: ours {both('cold')}; plain like for like {both('plain-like')}; "
        f"plain as is {both('plain-as-is')}",
        f"cold-ratio {size}: ours/plain like for like: wall "
        f"{cold / med['plain-like']:.2f}, CPU {mcpu['cold'] / mcpu['plain-like']:.2f}; "
        f"ours/plain as is: wall {cold / med['plain-as-is']:.2f}, "
        f"CPU {mcpu['cold'] / mcpu['plain-as-is']:.2f}",
        f"output {size}: ours {_files_text(written['cold'])}; plain like for like "
        f"{_files_text(written['plain-like'])}; plain as is {_files_text(written['plain-as-is'])}"
        " (every file costs system time: docs/speed.md, \"Fewer files\")",
        f"nochange {size}: ours {both('nochange')} = {med['nochange'] / cold:.3f} of our cold; "
        f"plain with content cache {both('plain-cached-nochange')}",
    ]
    for name, what in (("edit-outage-live", "newest outage, live-reload server, pages/feeds/"
                        "calendars live and search finding the edit through its delta of "
                        f"{'/'.join(map(str, sorted(set(deltas))))} records (watcher latency "
                        "not included)"),
                       ("edit-outage-live-search", "newest outage, live-reload server, the "
                        "full build after it: the search index whole again"),
                       ("edit-article-live", "newest article, live-reload server"),
                       ("new-item-live", "a new article, live-reload server")):
        lines.append(f"{name} {size}: {med[name]:.2f} s wall = {med[name] / cold:.3f} of our "
                     f"cold ({what})")
    lines += [
        f"edit-outage-new-process {size}: {both('edit-outage-new-process')} = "
        f"{med['edit-outage-new-process'] / cold:.3f} of our cold (--defer-search: the "
        f"index carried over with a delta, search finds the edit); the search index whole "
        f"again {both('edit-outage-new-process-search')}; plain (content cache) after the "
        f"same edits {both('plain-cached-edit')}",
        f"memory {size}: ours {memory['ours'] / 1024:.0f} MiB, "
        f"plain {memory['plain'] / 1024:.0f} MiB "
        f"(ours: build process {memory['build']} MiB, largest child {memory['child']} MiB, "
        f"all processes together {memory['tree'] / 1024:.0f} MiB PSS)",
        f"phases {size}: {phase_text}",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000",
                        help="comma-separated item counts (20000 on request)")
    parser.add_argument("--runs", type=int, default=3, help="rounds per size (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None,
                        help="work folder to keep (default: a temporary one)")
    args = parser.parse_args(argv)
    lines = []
    with tempfile.TemporaryDirectory(prefix="notices-bench-") as tmp:
        base = args.keep or Path(tmp)
        for size in (int(s) for s in args.sizes.split(",")):
            work = base / str(size)
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            result = bench_size(size, args.runs, args.seed, work)
            for line in result:
                print(line, flush=True)
            lines += result
    return 0


if __name__ == "__main__":
    sys.exit(main())
