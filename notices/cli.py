"""The command line: ``python -m notices build|check|rebuild-on-request``.

Builds the site into a temporary folder and swaps it in only when everything succeeded.
"""

from __future__ import annotations

import argparse

from notices.build.driver import build, check, setup_logging
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
    parser.add_argument("--defer-search", action="store_true",
                        help="keep the previous search index (a full build updates it)")
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    if args.command == "check":
        return check(args.settings)
    if args.command == "rebuild-on-request":
        return rebuild_on_request(args.settings, args.output)
    return build(args.settings, args.output, reuse_search=args.defer_search)
