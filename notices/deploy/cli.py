"""``python -m notices.deploy`` (``./dev deploy``, ``./dev nginx-config``, ``./dev loadtest``):
publish a built site to object storage, print its nginx configuration, load-test it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from notices.build.driver import load_settings
from notices.deploy import loadtest, nginx, s3
from notices.deploy.kinds import KindTable, calendar_max_age

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _settings(path: str | None) -> dict:
    if path is None:
        return {}
    if not Path(path).is_file():
        raise s3.DeployError(f"{path}: no such settings file")
    return load_settings(path)


def _table(settings: dict) -> KindTable:
    return KindTable(calendar_max_age(settings.get("OUTAGE_CALENDAR")))


def _root(args, settings: dict) -> Path:
    root = args.root or settings.get("OUTPUT_PATH") or "output"
    return Path(root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m notices.deploy", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p, settings_default):
        p.add_argument("--root", help="the built site (default: OUTPUT_PATH of the settings)")
        p.add_argument("-s", "--settings", default=settings_default,
                       help=f"settings file (default: {settings_default}); its OUTAGE_CALENDAR "
                       "sets how long calendars are cached")

    p = sub.add_parser("s3", help="upload what changed to S3-compatible object storage")
    p.add_argument("target", help="s3://BUCKET or s3://BUCKET/PREFIX")
    common(p, "publishconf.py")
    p.add_argument("--keep-deleted", action="store_true",
                   help="keep objects the build no longer makes")
    p.add_argument("--dry-run", action="store_true", help="list what would be done; do nothing")
    p.add_argument("--purge-list", type=Path, metavar="FILE",
                   help="write the changed URLs (for a CDN purge) to FILE")
    p.add_argument("--site-url", help="URL prefix for the purge list (default: SITEURL)")
    p.add_argument("--jobs", type=int, default=8, help="parallel uploads (default 8)")
    p.add_argument("--endpoint-url", default=os.environ.get("AWS_ENDPOINT_URL"),
                   help="S3 endpoint (default: $AWS_ENDPOINT_URL; AWS itself when unset)")

    p = sub.add_parser("nginx-config", help="print an nginx configuration for the built site")
    common(p, "publishconf.py")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--server-name", default="_")
    p.add_argument("--listen", default="", help="address to listen on (default: all)")

    p = sub.add_parser("loadtest", help="serve the built site with nginx on loopback and "
                       "load-test it with wrk")
    common(p, "publishconf.py")
    p.add_argument("--url", help="test this running server instead of starting nginx")
    p.add_argument("--connections", type=int, default=100)
    p.add_argument("--duration", type=float, default=20, help="seconds (default 20)")

    args = parser.parse_args(argv)
    try:
        settings = _settings(args.settings)
        table = _table(settings)
        root = _root(args, settings)
        if args.command == "s3":
            failed = s3.deploy(root, args.target, table, keep_deleted=args.keep_deleted,
                               dry_run=args.dry_run, purge_list=args.purge_list,
                               site_url=args.site_url if args.site_url is not None
                               else settings.get("SITEURL", ""),
                               jobs=args.jobs, endpoint_url=args.endpoint_url)
            return EXIT_FAILED if failed else EXIT_OK
        if args.command == "nginx-config":
            sys.stdout.write(nginx.render(root, table, port=args.port,
                                          server_name=args.server_name, listen=args.listen))
            return EXIT_OK
        paths = loadtest.request_mix(root, table)
        if args.url:
            result = loadtest.run_wrk(args.url, paths, args.connections, args.duration)
        else:
            with nginx.running(root, table) as (url, _):
                result = loadtest.run_wrk(url, paths, args.connections, args.duration)
        print(result.summary())
        return EXIT_FAILED if result.errors else EXIT_OK
    except (s3.DeployError, nginx.ConfigError, FileNotFoundError, ValueError) as exc:
        print(str(exc).strip("'\""), file=sys.stderr)
        return EXIT_USAGE
