"""A bounded load test of a served site with ``wrk`` (Debian's package): a mix of pages,
feeds and calendars over many connections; the result is parsed from wrk's report."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from notices.deploy.kinds import KindTable

# wrk runs this per connection: each request takes the next path of the mix, and the
# report adds the errors the summary leaves out (non-2xx/3xx and socket errors).
_SCRIPT = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("p99_us %%d\\n", latency:percentile(99)))
  io.write(string.format("errors %%d\\n", e.connect + e.read + e.write + e.status + e.timeout))
end
"""


@dataclass(frozen=True)
class LoadResult:
    requests: int
    requests_per_second: float
    p99_ms: float
    errors: int
    report: str

    def summary(self) -> str:
        return (f"loadtest: {self.requests:,} requests, {self.requests_per_second:,.0f} "
                f"requests/s, p99 {self.p99_ms:.1f} ms, {self.errors} errors")


def request_mix(root: Path, table: KindTable, per_kind: int = 20) -> list[str]:
    """URL paths of up to ``per_kind`` pages, listings, feeds and calendars of the site."""
    wanted = ("page", "listing", "rss", "atom", "json-feed", "calendar")
    found: dict[str, list[str]] = {name: [] for name in wanted}
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix == ".gz":
            continue
        rel = path.relative_to(root).as_posix()
        kind = table.kind_of(rel).name
        if kind in found and len(found[kind]) < per_kind:
            found[kind].append("/" + rel)
    mix = [p for name in wanted for p in found[name]]
    if not mix:
        raise ValueError(f"{root}: no pages, feeds or calendars to request")
    return mix


def run_wrk(url: str, paths: list[str], connections: int = 100, seconds: float = 20,
            threads: int = 2) -> LoadResult:
    """Run wrk against ``url`` (scheme://host:port) with the request mix."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise FileNotFoundError("wrk is not installed (Debian: apt-get install wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_SCRIPT % ", ".join(f'"{p}"' for p in paths))
    try:
        report = subprocess.run(
            [wrk, "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(seconds))}s",
             "--latency", "-s", script.name, url], capture_output=True, text=True,
            check=True, timeout=seconds + 60).stdout
    finally:
        Path(script.name).unlink()
    return parse_report(report)


def parse_report(report: str) -> LoadResult:
    requests = int(re.search(r"(\d+) requests in", report).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", report).group(1))
    p99 = int(re.search(r"^p99_us (\d+)$", report, re.M).group(1)) / 1000
    errors = int(re.search(r"^errors (\d+)$", report, re.M).group(1))
    return LoadResult(requests, rate, p99, errors, report)
