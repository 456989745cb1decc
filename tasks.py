"""Tasks in the style of pelican-quickstart: ``invoke --list`` shows them all."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
SETTINGS = {
    "settings_base": str(ROOT / "pelicanconf.py"),
    "settings_publish": str(ROOT / "publishconf.py"),
    "output": str(ROOT / "output"),
    "host": "localhost",
    "port": 8000,
}
PY = shlex.quote(sys.executable)


def _notices(c, *args: str, settings: str | None = None, pty: bool = False):
    settings = settings or SETTINGS["settings_base"]
    cmd = " ".join([PY, "-m", "notices", *args, "-s", shlex.quote(settings)])
    return c.run(cmd, pty=pty)


@task
def build(c):
    """Build the site into output/ (atomically: a failed build leaves output/ as it was)."""
    _notices(c, "build")


@task
def rebuild(c):
    """Remove output/ and build from scratch."""
    clean(c)
    build(c)


@task
def clean(c):
    """Remove the generated output/ folder."""
    shutil.rmtree(SETTINGS["output"], ignore_errors=True)


@task
def check(c):
    """Validate all content and settings without building; exit non-zero on any problem."""
    _notices(c, "check")


@task
def serve(c, port=None):
    """Serve output/ at http://localhost:8000/ (build first with `invoke build`)."""
    from notices.build.serve import serve as serve_output

    serve_output(SETTINGS["output"], SETTINGS["host"], int(port or SETTINGS["port"]))


@task
def demo(c, port=None):
    """Build the demo site from content/ and serve it."""
    build(c)
    serve(c, port)


@task
def livereload(c, port=None):
    """Build, serve, and rebuild + reload the browser when content, theme or plugins change."""
    from notices.build.serve import livereload as run_livereload

    run_livereload(ROOT, SETTINGS["settings_base"], SETTINGS["output"], SETTINGS["host"],
                   int(port or SETTINGS["port"]))


@task
def publish(c):
    """Build with publishconf.py (absolute URLs for the public site)."""
    _notices(c, "build", settings=SETTINGS["settings_publish"])


@task(help={"kind": "articles, tenders or outages", "slug": "ASCII file name, e.g. juzhang",
            "title": "the item's title"})
def new(c, kind, title, slug=None, date=None):
    """Create a content file of a kind from its template (an archetype)."""
    from notices.content.archetypes import new_item

    path = new_item(ROOT / "content", kind, title, slug=slug, date=date)
    print(f"Created {path.relative_to(ROOT)}")


@task(help={"file": "a text file, or - for standard input"})
def import_outages(c, file, published=None, dry_run=False, allow_partial=False, output=None,
                   force=False, source_name=None, source_url=None, title=None):
    """Turn a plain-text outage notice into a content file (see README)."""
    args = [file]
    for flag, value in (("--published", published), ("--source-name", source_name),
                        ("--source-url", source_url), ("--title", title)):
        if value:
            args += [flag, value]
    if dry_run:
        args.append("--dry-run")
    if allow_partial:
        args.append("--allow-partial")
    if output:
        args += ["--output", output]
    if force:
        args.append("--force")
    # Called in-process, not through ``c.run``: invoke decodes a child's output in fixed-size
    # byte chunks, which split multi-byte characters (慈城镇 printed as 慈��镇).
    from notices.importer.cli import main as import_main  # keep the importer off other tasks

    code = import_main(args)
    if code:
        raise SystemExit(code)


@task(help={"corpus": "a folder of NAME.txt notices with NAME.yaml expectations "
                      "(default tests/importer/real)",
            "verbose": "list the missed and extra windows and unaccounted lines",
            "bench": "also time the seed and 1,000 notices in one run",
            "reader": "importer (default), or spans: the generic place-span reader alone"})
def importer_score(c, corpus=None, verbose=False, bench=False, reader="importer"):
    """Score the outage importer on the corpus of real notices."""
    from notices.importer.score import run  # keep the importer off other tasks

    code = run(corpus, verbose=verbose, do_bench=bench, reader=reader)
    if code:
        raise SystemExit(code)


@task
def test(c, k=None):
    """Run the test suite (ruff, then pytest)."""
    c.run(f"{PY} -m ruff check .")
    extra = f" -k {shlex.quote(k)}" if k else ""
    c.run(f"{PY} -m pytest -q{extra}")


@task
def regold(c):
    """Re-record the golden files after an intended change of output."""
    env = dict(os.environ, REGOLD="1")
    c.run(f"{PY} -m pytest -q tests -k golden", env=env)


@task(help={"sizes": "comma-separated item counts, e.g. 1000,5000 or 20000",
            "runs": "rounds per size; medians are printed"})
def bench(c, sizes="1000,5000", runs=3):
    """Benchmark cold, no-change and one-file builds against plain Pelican."""
    c.run(f"{PY} {shlex.quote(str(ROOT / 'bench' / 'bench.py'))} --sizes {sizes} --runs {runs}")


def _deploy(c, *args: str):
    return c.run(" ".join([PY, "-m", "notices.deploy", *map(shlex.quote, args)]), pty=False)


@task(help={"target": "s3://BUCKET or s3://BUCKET/PREFIX (endpoint: $AWS_ENDPOINT_URL)",
            "keep_deleted": "keep objects the build no longer makes",
            "dry_run": "list what would be done, do nothing",
            "purge_list": "write the changed URLs (for a CDN purge) to this file",
            "settings": "settings file (default publishconf.py)"})
def deploy(c, target, keep_deleted=False, dry_run=False, purge_list=None, root=None,
           settings=None, jobs=8):
    """Upload the built site (./dev publish first) to S3-compatible object storage."""
    args = ["s3", target, "-s", settings or SETTINGS["settings_publish"], "--jobs", str(jobs)]
    if root:
        args += ["--root", root]
    if keep_deleted:
        args.append("--keep-deleted")
    if dry_run:
        args.append("--dry-run")
    if purge_list:
        args += ["--purge-list", purge_list]
    _deploy(c, *args)


@task(help={"root": "the built site (default: output/)", "port": "port to listen on",
            "server_name": "nginx server_name"})
def nginx_config(c, root=None, port=8080, server_name="_", settings=None):
    """Print a complete nginx configuration for the built site."""
    _deploy(c, "nginx-config", "--root", root or SETTINGS["output"], "--port", str(port),
            "--server-name", server_name, "-s", settings or SETTINGS["settings_publish"])


@task(help={"root": "the built site (default: output/)", "connections": "concurrent clients",
            "duration": "seconds"})
def loadtest(c, root=None, connections=100, duration=20, url=None, settings=None):
    """Serve the built site with nginx on loopback and load-test it with wrk."""
    args = ["loadtest", "--root", root or SETTINGS["output"], "--connections",
            str(connections), "--duration", str(duration),
            "-s", settings or SETTINGS["settings_publish"]]
    if url:
        args += ["--url", url]
    _deploy(c, *args)
