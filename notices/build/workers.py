"""Work beside the build in forked processes (the search index, queued renders).

A worker dies with its build process; a cancelled build kills its workers and publishes
nothing.
"""

from __future__ import annotations

import ctypes
import gc
import json
import logging
import os
import select
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# Work beside the build (the search index)


def die_with_parent(parent: int) -> None:
    """In a forked worker: be killed when the build process dies (Linux), so a worker of a
    build that was killed stops writing into the abandoned staging folder."""

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: the worker finishes its work into the abandoned folder
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


@dataclass
class BackgroundJob:
    """A function running in a forked child; its JSON result comes back through a pipe.

    Without ``os.fork`` (not POSIX) the function runs at once, in this process.
    """

    pid: int | None
    reader: int | None
    done: Callable[[dict], None]
    finished: dict | None = None  # the result, when the work ran in this process

    @classmethod
    def start(cls, work: Callable[[], dict], done: Callable[[dict], None]) -> BackgroundJob:
        if not hasattr(os, "fork"):
            return cls(None, None, done, work())
        reader, writer = os.pipe()
        # The child's collector leaves the objects it inherits alone (fewer pages copied);
        # the parent unfreezes them at once, or nothing it made so far would ever be freed
        # (a live-reload server grew with every build).
        gc.freeze()
        parent = os.getpid()
        try:
            pid = os.fork()
        finally:
            if os.getpid() == parent:
                gc.unfreeze()
        if pid == 0:  # the child: do the work, send the result, exit without cleanup
            die_with_parent(parent)
            os.close(reader)
            code = 0
            try:
                result = work()
            except BaseException:  # noqa: BLE001 - sent to the build process, which reports it

                result, code = {FAILURE: traceback.format_exc()}, 1
            try:
                with os.fdopen(writer, "wb") as pipe:
                    pipe.write(json.dumps(result).encode("utf-8"))
            finally:
                os._exit(code)
        os.close(writer)
        return cls(pid, reader, done)

    def result(self, cancel=None) -> dict:
        """Wait for the worker and return its result; raise ``WorkerFailed`` if it failed.

        ``cancel`` (a ``threading.Event``): when it is set while waiting, the worker is
        killed and ``BuildCancelled`` raised.
        """
        if self.pid is None:
            return self.finished
        if cancel is not None:

            while True:  # (what a finished worker made is out of date too)
                if cancel.is_set():
                    self.kill()
                    raise BuildCancelled("a newer build was asked for")
                if select.select([self.reader], [], [], 0.05)[0]:
                    break
        with os.fdopen(self.reader, "rb") as pipe:  # read to the end before waiting
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        try:
            result = json.loads(data) if data else {}
        except ValueError:
            result = {}
        if code != 0 or FAILURE in result:
            raise WorkerFailed(f"a worker process of the build failed (exit status {code}):\n"
                               + result.get(FAILURE, "(no traceback: it was killed)").rstrip())
        return result

    def kill(self) -> None:
        """Stop the worker (the build is abandoned)."""
        if self.pid is None:
            return

        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.reader)

    def join(self, cancel=None) -> None:
        """Wait for the worker; hand ``done`` its result, or log its failure as an error
        of the build (which then publishes nothing and exits with status 70)."""
        try:
            result = self.result(cancel)
        except WorkerFailed as exc:
            build_log.error("%s", exc)
            return
        self.done(result)


class WorkerFailed(RuntimeError):
    """A forked worker raised or was killed; the message holds its traceback."""


class BuildCancelled(Exception):
    """The build was stopped while it waited for a worker (its ``cancel`` event was set):
    nothing is published. The live-reload server stops a search-index update so."""


FAILURE = "__failure__"
# Under "pelican": the build driver counts errors logged there and then publishes nothing.
build_log = logging.getLogger("pelican.notices.workers")
