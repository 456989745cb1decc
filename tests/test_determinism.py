"""Builds are byte-identical under any hash seed: every list has a total order (newest first,
then kind and slug), never the order of Pelican's file listing (a set)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, copy_site, tree_digest

SAME_DAY = """---
title: 同日第{n}号{label}
date: 2024-05-01
districts: [海曙区]
{extra}---
同日发布的第{n}号{label}。
"""
TENDER = """notice_type: 招标公告
issuer: 宁波某公司
project: 同日项目{n}
registration:
  - start: "2024-05-10 09:30"
    end: "2024-05-10 10:30"
    place: 海曙区某路1号
"""


def cold_build(site, folder, seed: str):
    """A cold build in a new process under ``PYTHONHASHSEED=seed``, with its own cache."""
    settings = folder / "conf.py"
    folder.mkdir()
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(site / 'content')!r}\nPROJECT_ROOT = {str(site)!r}\n"
        f"CACHE_PATH = {str(folder / 'cache')!r}\n", "utf-8")
    output = folder / "output"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run([sys.executable, "-m", "notices", "build", "-s", str(settings),
                             "-o", str(output)], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return output


def test_cold_builds_under_two_hash_seeds_are_byte_identical(tmp_path):
    site = copy_site("basic", tmp_path / "site")
    # Notices of one date: under Pelican's "reversed-date" they kept the order of its file
    # listing, which changes with the hash seed (the kind pages differed).
    for n in range(6):
        (site / "content" / "articles" / f"2024-05-01-same-day-{n}.md").write_text(
            SAME_DAY.format(n=n, label="新闻", extra=""), "utf-8")
    for n in range(4):
        (site / "content" / "tenders" / f"2024-05-01-same-day-{n}.md").write_text(
            SAME_DAY.format(n=n, label="招标", extra=TENDER.format(n=n)), "utf-8")

    one = tree_digest(cold_build(site, tmp_path / "seed-1", "1"))
    three = tree_digest(cold_build(site, tmp_path / "seed-3", "3"))

    assert len(one) > 30
    assert [path for path in one if one[path] != three.get(path)] == []
    assert one == three
