"""A build killed halfway leaves the previous output/ exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from conftest import ROOT, build_site, tree_digest

ITEM = """---
title: 第{n}号新闻
date: 2024-05-{day:02d}
districts: [江北区]
---
{body}
"""


def test_sigkill_mid_build_keeps_previous_output(site, tmp_path):
    first = build_site(site)
    assert first.code == 0, first.err
    before = tree_digest(first.output)
    for n in range(600):
        (site / "content" / "articles" / f"bulk-{n}.md").write_text(
            ITEM.format(n=n, day=n % 28 + 1, body="慈城镇白米湾村停电通知。" * 80), "utf-8")
    settings = tmp_path / "killconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(site / 'content')!r}\nOUTPUT_PATH = {str(site / 'output')!r}\n"
        f"PROJECT_ROOT = {str(site)!r}\n", "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "notices", "build", "-s", str(settings)], cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    killed_while_writing = False
    while time.monotonic() < deadline and process.poll() is None:
        staging = list(site.glob(".build-output-*"))
        if staging and len(list(staging[0].rglob("*.html"))) > 20:
            os.kill(process.pid, signal.SIGKILL)
            killed_while_writing = True
            break
        time.sleep(0.005)
    process.wait()
    assert killed_while_writing, "the build finished before it could be killed"
    assert tree_digest(site / "output") == before

    # The next build removes the abandoned staging folder and publishes normally.
    again = build_site(site)
    assert again.code == 0, again.err
    assert not list(site.glob(".build-*"))
    assert (site / "output" / "articles" / "bulk-599.html").exists()


def test_an_update_in_place_deletes_the_precompressed_copy_a_file_no_longer_has(tmp_path):
    """The live-reload server's update in place moved a page written again without its
    ``.gz`` (now too small to compress) over the old page and left the old ``.gz`` beside it:
    nginx's ``gzip_static`` would serve the old page. (Found by the h15-journal branch.)"""
    from notices.build import publish
    from notices.build.manifest import BuildManifest

    output, staging, cache = tmp_path / "output", tmp_path / ".build-output-x", tmp_path / "c"
    for tree, files in ((output, {"p.html": "old", "p.html.gz": "old gz", "q.html": "old q",
                                  "q.html.gz": "old q gz", "gone.html": "gone",
                                  "gone.html.gz": "gone gz"}),
                        (staging, {"p.html": "new", "q.html": "new q", "q.html.gz": "new q gz"})):
        (tree / "a").mkdir(parents=True)
        for name, text in files.items():
            (tree / "a" / name).write_text(text, "utf-8")
    manifest = BuildManifest(output, {name: {"key": "1", "files": [f"a/{name}.html"]}
                                      for name in ("p", "q", "gone")})
    manifest.record("p", "2", ["a/p.html"])
    manifest.record("q", "2", ["a/q.html"])

    publish.update_in_place(staging, output, manifest, str(cache))

    assert sorted(p.name for p in (output / "a").iterdir()) == ["p.html", "q.html", "q.html.gz"]
    assert (output / "a" / "p.html").read_text("utf-8") == "new"
    assert (output / "a" / "q.html.gz").read_text("utf-8") == "new q gz"
