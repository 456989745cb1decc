"""Build-speed benchmark: this project against plain Pelican on the same generated items.

    python bench/bench.py [--sizes 1000,5000] [--runs 3] [--seed 1]

For each size it generates a corpus (bench/corpus.py) in both formats, then runs, interleaved
and ``--runs`` times: a cold plain-Pelican build (default Markdown reader, notmyidea theme,
its default feeds), a cold build of ours (every output: pages, feeds, calendars, open data,
search index), a rebuild of ours with nothing changed, and a rebuild of ours after editing
one file: ``one-file`` is the live-reload server's rebuild (a long-running process that keeps
its articles between builds; ``python -m notices rebuild-on-request``), pages first and the
search index right after (``one-file-search``); ``one-file-new-process`` is ``python -m
notices build --defer-search`` started after the edit. It prints medians in a fixed form
scripts can read::

    cold 5000: ours 14.8 s, plain 38.1 s, ratio ours/plain 0.39
    nochange 5000: 0.30 s, ratio to our cold build 0.02
    one-file 5000: 0.61 s, ratio to our cold build 0.04
    one-file-search 5000: 3.2 s, ratio to our cold build 0.25
    one-file-new-process 5000: 3.1 s, ratio to our cold build 0.24
    one-file-new-process-search 5000: 6.2 s, ratio to our cold build 0.48
    memory 5000: ours 310 MiB, plain 99 MiB
    phases 5000: read 3.1 s, write 1.0 s, render 4.2 s, feeds 0.5 s, …

Plain Pelican runs in its own virtualenv (.cache/bench-plain-venv) with python-markdown,
which this project does not depend on; it is created on first use from PyPI.
"""

from __future__ import annotations

import argparse
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
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                total += next(int(line.split()[1]) for line in handle if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
    return total


def run(cmd: list[str], cwd: Path, env: dict | None = None, sample: bool = False
        ) -> tuple[float, int, str, int]:
    """Run a command; return (wall seconds, peak RSS in KiB of its main process, stderr,
    peak summed PSS in KiB of it and its children, sampled every 0.1 s when ``sample``;
    0 otherwise or without /proc). Sampling reads /proc/<pid>/smaps_rollup, which slows
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
    return elapsed, usage.ru_maxrss, stderr, peak_pss


def make_corpus(size: int, seed: int, work: Path) -> tuple[Path, Path]:
    ours, plain = work / "ours", work / "plain"
    for out, fmt in ((ours, "notices"), (plain, "pelican")):
        progress(f"generating {size} items ({fmt} format)")
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "--items", str(size),
                        "--seed", str(seed), "--out", str(out), "--format", fmt], check=True,
                       stdout=subprocess.DEVNULL)
    (ours / "benchconf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(ours / 'content')!r}\nOUTPUT_PATH = {str(ours / 'output')!r}\n"
        f"CACHE_PATH = {str(ours / '.cache')!r}\nPROJECT_ROOT = {str(ours)!r}\n", "utf-8")
    (plain / "plainconf.py").write_text(
        "SITENAME = 'plain'\nSITEURL = ''\nTIMEZONE = 'Asia/Shanghai'\nDEFAULT_LANG = 'zh'\n"
        f"PATH = {str(plain / 'content')!r}\nOUTPUT_PATH = {str(plain / 'output')!r}\n"
        "FEED_ALL_ATOM = 'feeds/all.atom.xml'\nCATEGORY_FEED_ATOM = 'feeds/{slug}.atom.xml'\n"
        "LOAD_CONTENT_CACHE = False\n", "utf-8")
    return ours, plain


def edit_one_file(ours: Path, round_number: int) -> None:
    articles = sorted((ours / "content" / "articles").glob("*.md"))
    target = articles[len(articles) // 2]
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(f"\n编辑修改第{round_number}次。\n")


class WarmServer:
    """``python -m notices rebuild-on-request``: what the live-reload server runs, driven
    through standard input; each rebuild is timed from the request to the reply."""

    def __init__(self, cmd: list[str], env: dict) -> None:
        self.process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        text=True)
        self._reply()  # the first, full build

    def _reply(self) -> float:
        line = self.process.stdout.readline()
        while line and not line.startswith("built "):  # Pelican's own messages
            line = self.process.stdout.readline()
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


def parse_memory(stderr: str) -> tuple[int, int]:
    match = re.search(r"^memory: build (\d+) MiB, largest child (\d+) MiB", stderr, re.M)
    return (int(match[1]), int(match[2])) if match else (0, 0)


def parse_phases(stderr: str) -> dict[str, float]:
    for line in stderr.splitlines():
        if line.startswith("phases: "):
            return {m[1]: float(m[2]) for m in re.finditer(r"(\w[\w-]*) ([\d.]+) s", line)}
    return {}


def bench_size(size: int, runs: int, seed: int, work: Path) -> list[str]:
    ours, plain = make_corpus(size, seed, work)
    plain_py = plain_python()
    ours_cmd = [sys.executable, "-m", "notices", "build", "-s", str(ours / "benchconf.py")]
    plain_cmd = [str(plain_py), "-m", "pelican", str(plain / "content"), "-s",
                 str(plain / "plainconf.py"), "-q"]
    env = dict(os.environ, NOTICES_TIMINGS="1", NOTICES_QUIET_SERVER="1")
    warm_cmd = [sys.executable, "-m", "notices", "rebuild-on-request", "-s",
                str(ours / "benchconf.py")]
    times: dict[str, list[float]] = {"plain": [], "cold": [], "nochange": [], "one-file": [],
                                     "one-file-search": [], "one-file-new-process": [],
                                     "one-file-new-process-search": []}
    memory = {"plain": 0, "ours": 0, "build": 0, "child": 0, "tree": 0}
    phases: list[dict[str, float]] = []
    for round_number in range(1, runs + 1):
        progress(f"{size} items, round {round_number}/{runs}: plain Pelican cold build")
        shutil.rmtree(plain / "output", ignore_errors=True)
        seconds, rss, _, _ = run(plain_cmd, plain)
        times["plain"].append(seconds)
        memory["plain"] = max(memory["plain"], rss)

        progress(f"{size} items, round {round_number}/{runs}: our cold build")
        shutil.rmtree(ours / "output", ignore_errors=True)
        shutil.rmtree(ours / ".cache", ignore_errors=True)
        seconds, rss, stderr, _ = run(ours_cmd, ROOT, env)
        times["cold"].append(seconds)
        memory["ours"] = max(memory["ours"], rss)
        build_mib, child_mib = parse_memory(stderr)
        memory["build"] = max(memory["build"], build_mib)
        memory["child"] = max(memory["child"], child_mib)
        phases.append(parse_phases(stderr))

        progress(f"{size} items, round {round_number}/{runs}: our rebuild, nothing changed")
        seconds, _, stderr, _ = run(ours_cmd, ROOT, env)
        times["nochange"].append(seconds)

        progress(f"{size} items, round {round_number}/{runs}: the live-reload server's "
                 "rebuild after one edit")
        server = WarmServer(warm_cmd, env)
        edit_one_file(ours, round_number * 2 - 1)
        times["one-file"].append(server.rebuild("pages"))
        progress(f"{size} items, round {round_number}/{runs}: the server's search index "
                 "catching up")
        times["one-file-search"].append(server.rebuild("all"))
        server.close()

        progress(f"{size} items, round {round_number}/{runs}: a new build process after one "
                 "edit")
        edit_one_file(ours, round_number * 2)
        seconds, _, stderr, _ = run([*ours_cmd, "--defer-search"], ROOT, env)
        times["one-file-new-process"].append(seconds)
        progress(f"{size} items, round {round_number}/{runs}: the search index catching up")
        seconds, _, stderr, _ = run(ours_cmd, ROOT, env)
        times["one-file-new-process-search"].append(seconds)
    progress(f"{size} items: one more cold build of ours, sampling the memory of all its "
             "processes")
    shutil.rmtree(ours / "output", ignore_errors=True)
    shutil.rmtree(ours / ".cache", ignore_errors=True)
    _, _, _, memory["tree"] = run(ours_cmd, ROOT, env, sample=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    names = sorted({k for p in phases for k in p}, key=lambda k: list(phases[0]).index(k)
                   if k in phases[0] else 99)
    phase_text = ", ".join(f"{k} {statistics.median(p.get(k, 0.0) for p in phases):.2f} s"
                           for k in names)
    return [
        f"cold {size}: ours {med['cold']:.2f} s, plain {med['plain']:.2f} s, "
        f"ratio ours/plain {med['cold'] / med['plain']:.2f}",
        f"nochange {size}: {med['nochange']:.2f} s, ratio to our cold build "
        f"{med['nochange'] / med['cold']:.3f}",
        *(f"{name} {size}: {med[name]:.2f} s, ratio to our cold build "
          f"{med[name] / med['cold']:.3f}"
          for name in ("one-file", "one-file-search", "one-file-new-process",
                       "one-file-new-process-search")),
        f"memory {size}: ours {memory['ours'] / 1024:.0f} MiB, "
        f"plain {memory['plain'] / 1024:.0f} MiB "
        f"(ours: build process {memory['build']} MiB, largest child {memory['child']} MiB, "
        f"all processes together {memory['tree'] / 1024:.0f} MiB PSS)",
        f"phases {size}: {phase_text}",
    ]


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
