"""The command line: ``python -m notices build|check|rebuild-on-request``.

Builds the site into a temporary folder and swaps it in only when everything succeeded.
"""

from __future__ import annotations

import argparse
import sys
import traceback

from notices.build.driver import EXIT_BUG, build, check, setup_logging
from notices.build.serve import rebuild_on_request


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m notices", description=__doc__)
    parser.add_argument("command", choices=["build", "check", "rebuild-on-request"],
                        help="rebuild-on-request: build, then again for each line on "
                             "standard input ('pages' or 'all'), keeping what a live-reload "
                             "server keeps between builds")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--no-wait", action="store_true",
                        help="if another build of the same output is running, exit 75 at "
                             "once instead of waiting for it")
    parser.add_argument("--defer-search", action="store_true",
                        help="keep the previous search index (a full build updates it)")
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    try:
        return _run(args)
    except Exception:  # noqa: BLE001 - content and settings problems never get here
        traceback.print_exc()
        print("internal error (a bug in the build, not a content problem); please report it "
              "with the lines above", file=sys.stderr)
        return EXIT_BUG


def _run(args) -> int:
    if args.command == "check":
        return check(args.settings)
    if args.command == "rebuild-on-request":
        return rebuild_on_request(args.settings, args.output)
    return build(args.settings, args.output, reuse_search=args.defer_search,
                 wait=not args.no_wait)
