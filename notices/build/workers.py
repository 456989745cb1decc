"""Work beside the build in other processes (the search index, queued renders).

A worker dies with its build process; a cancelled build kills its workers and publishes
nothing.

Most workers are ``multiprocessing`` processes with the fork context (parsing uses a
``multiprocessing`` pool in ``notices.build.cache``): they need what the build made and get
it for free. They replaced hand-made ``os.fork`` + pipe workers after a measurement (cold
build of a 5,000-item bench corpus, shared 2-core machine, three runs each, wall clock):
before 32.8, 34.5, 39.0 s, after 35.7, 42.7, 37.4 s; the spread between runs of one version
is larger than the difference (README, "How it is built").

A forked worker starts with the build's whole heap as its own resident memory (447 MiB at
20,000 items) and copies every page of it whose objects it touches. The search indexer needs
only its records, so it is started fresh instead (``BackgroundJob.start_fresh``: a new
interpreter, the records sent through a pipe): docs/search.md, "Indexer memory". The
build's other output (feeds, calendars, pages) shares one fork per build
(``notices.build.writer.render_in_parallel``), not one per kind of output.
"""

from __future__ import annotations

import ctypes
import gc
import importlib
import itertools
import json
import logging
import multiprocessing
import multiprocessing.process
import os
import pickle
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# Work beside the build (the search index)


def die_with_parent(parent: int) -> None:
    """In a worker: be killed when the build process dies (Linux), so a worker of a
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
    """A function running in a forked ``multiprocessing`` child; its JSON result comes back
    through a ``multiprocessing`` pipe (bytes under ``RAW`` as they are, beside it).

    Without ``os.fork`` (not POSIX) the function runs at once, in this process.
    """

    process: multiprocessing.process.BaseProcess | None
    reader: Connection | None
    done: Callable[[dict], None]
    finished: dict | None = None  # the result, when the work ran in this process
    pid: int | None = None  # the worker's process id (kept after the process is closed)

    @classmethod
    def start(cls, work: Callable[[], dict], done: Callable[[dict], None]) -> BackgroundJob:
        if not hasattr(os, "fork"):
            return cls(None, None, done, work())
        context = multiprocessing.get_context("fork")
        reader, writer = context.Pipe(duplex=False)
        parent = os.getpid()
        process = context.Process(target=_run_child, args=(work, writer, reader, parent),
                                  name="notices-worker")
        # The child's collector leaves the objects it inherits alone (fewer pages copied);
        # the parent unfreezes them at once, or nothing it made so far would ever be freed
        # (a live-reload server grew with every build).
        gc.freeze()
        try:
            process.start()
        finally:
            gc.unfreeze()
        writer.close()
        return cls(process, reader, done, pid=process.pid)

    @classmethod
    def start_fresh(cls, work: str, args: tuple, messages: Iterable[bytes],
                    done: Callable[[dict], None]) -> BackgroundJob:
        """Run ``work(*args, received)`` in a new interpreter, which holds none of this
        process's memory, and send it ``messages`` (its input) through a pipe.

        ``work`` names a function at the top of a module (``package.module.function``),
        imported there only; ``args`` are pickled; ``received`` yields the messages in
        order. This returns once every message is sent (each waits until the worker has
        read the one before; ``messages`` may make them meanwhile).
        """
        if FRESH_START_METHOD == "spawn":
            return cls._start_interpreter(work, args, messages, done)
        # "fork" (tests): the child inherits the build's end of the result pipe (closed there).
        context = multiprocessing.get_context("fork")
        reader, writer = context.Pipe(duplex=False)
        source, sink = context.Pipe(duplex=False)
        process = context.Process(target=_run_child, name="notices-worker",
                                  args=(_Received(work, args, source), writer, reader,
                                        os.getpid()))
        process.start()
        writer.close()
        source.close()
        _send_all(sink, messages)
        return cls(process, reader, done, pid=process.pid)

    @classmethod
    def _start_interpreter(cls, work: str, args: tuple, messages: Iterable[bytes],
                           done: Callable[[dict], None]) -> BackgroundJob:
        """``start_fresh`` in a new interpreter started with ``subprocess``: what
        ``multiprocessing``'s "spawn" does, without the resource tracker process it starts
        beside the first spawned process (7–8 MiB for the whole build, tracking nothing
        here). The work and its arguments are the first message, pickled."""
        result_read, result_write = os.pipe()
        input_read, input_write = os.pipe()
        parent = os.getpid()
        process = _Interpreter(subprocess.Popen(
            [sys.executable, "-c", _FRESH_MAIN, json.dumps(sys.path), str(result_write),
             str(input_read), str(parent)], pass_fds=(result_write, input_read)))
        os.close(result_write)
        os.close(input_read)
        reader = Connection(result_read, writable=False)
        _send_all(Connection(input_write, readable=False),
                  itertools.chain([pickle.dumps((work, args))], messages))
        return cls(process, reader, done, pid=process.pid)

    def result(self, cancel=None) -> dict:
        """Wait for the worker and return its result; raise ``WorkerFailed`` if it failed.

        ``cancel`` (a ``threading.Event``): when it is set while waiting, the worker is
        killed and ``BuildCancelled`` raised.
        """
        if self.process is None:
            return self.finished
        if cancel is not None:

            while True:  # (what a finished worker made is out of date too)
                if cancel.is_set():
                    self.kill()
                    raise BuildCancelled("a newer build was asked for")
                if self.reader.poll(0.05):
                    break
        raw = None
        try:  # read to the end before waiting
            data = self.reader.recv_bytes()
            if data.endswith(_RAW_FOLLOWS):
                raw = self.reader.recv_bytes()
        except (EOFError, OSError):
            data = b""
        finally:
            self.reader.close()
        self.process.join()
        code = self.process.exitcode
        self.process.close()
        try:
            result = json.loads(data[:-len(_RAW_FOLLOWS)] if raw is not None else data
                                ) if data else {}
        except ValueError:
            result = {}
        if raw is not None:
            result[RAW] = raw
        if code != 0 or FAILURE in result:
            raise WorkerFailed(f"a worker process of the build failed (exit status {code}):\n"
                               + result.get(FAILURE, "(no traceback: it was killed)").rstrip())
        return result

    def kill(self) -> None:
        """Stop the worker (the build is abandoned)."""
        if self.process is None:
            return

        try:
            self.process.kill()
            self.process.join()
            self.process.close()
        except (OSError, ValueError):
            pass
        self.reader.close()

    def join(self, cancel=None) -> None:
        """Wait for the worker; hand ``done`` its result, or log its failure as an error
        of the build (which then publishes nothing and exits with status 70)."""
        try:
            result = self.result(cancel)
        except WorkerFailed as exc:
            build_log.error("%s", exc)
            return
        self.done(result)


# How a fresh worker is started: "spawn", a new interpreter that imports only what the work
# needs (started with ``subprocess``, ``BackgroundJob._start_interpreter``). (A test that
# patches a module for the worker to see sets "fork".)
FRESH_START_METHOD = "spawn" if "spawn" in multiprocessing.get_all_start_methods() else "fork"


class _Received:
    """A fresh worker's work: the function named ``work``, called with ``*args`` and
    ``received``, which yields the messages read from ``source`` until the empty one that
    ends them."""

    def __init__(self, work: str, args: tuple, source: Connection):
        self.work, self.args, self.source = work, args, source

    def __call__(self) -> dict:
        module, _, name = self.work.rpartition(".")
        function = getattr(importlib.import_module(module), name)
        return function(*self.args, self._messages())

    def _messages(self) -> Iterator[bytes]:
        try:
            while message := self.source.recv_bytes():
                yield message
        finally:
            self.source.close()


def _send_all(sink: Connection, messages: Iterable[bytes]) -> None:
    """Send a fresh worker its messages, then the empty one that ends them, and close."""
    try:
        for message in messages:
            sink.send_bytes(message)
        sink.send_bytes(b"")  # the end
    except OSError:
        pass  # the worker is gone: ``result`` reports why
    finally:
        sink.close()


class _Interpreter:
    """A ``subprocess.Popen`` seen as the ``multiprocessing`` process ``BackgroundJob``
    waits for (``pid``, ``join``, ``exitcode``, ``kill``, ``close``)."""

    def __init__(self, popen: subprocess.Popen) -> None:
        self.popen = popen
        self.pid = popen.pid

    def join(self) -> None:
        self.popen.wait()

    @property
    def exitcode(self) -> int | None:
        return self.popen.returncode  # negative for a signal, as multiprocessing says it

    def kill(self) -> None:
        self.popen.kill()

    def close(self) -> None:
        pass


# The new interpreter: the build's import path, then ``_fresh_main`` with the pipes' ends.
_FRESH_MAIN = ("import json, sys\nsys.path[:0] = json.loads(sys.argv[1])\n"
               "from notices.build.workers import _fresh_main\n"
               "_fresh_main(*map(int, sys.argv[2:]))\n")


def _fresh_main(result_fd: int, input_fd: int, parent: int) -> None:
    """In a new interpreter: read the work and its arguments, then run it as a worker."""
    source = Connection(input_fd, writable=False)
    writer = Connection(result_fd, readable=False)
    try:
        work, args = pickle.loads(source.recv_bytes())
    except BaseException:  # noqa: BLE001 - the build reports the worker's failure
        writer.send_bytes(json.dumps({FAILURE: traceback.format_exc()}).encode("utf-8"))
        os._exit(1)
    _run_child(_Received(work, args, source), writer, None, parent)


def _run_child(work: Callable[[], dict], writer: Connection, reader: Connection | None,
               parent: int) -> None:
    """In the worker: do the work, send the result (or the traceback), exit. ``reader``:
    the build's end of the result pipe, inherited by a forked worker (closed here)."""
    die_with_parent(parent)
    if reader is not None:
        reader.close()
    code = 0
    try:
        result = work()
    except BaseException:  # noqa: BLE001 - sent to the build process, which reports it

        result, code = {FAILURE: traceback.format_exc()}, 1
    try:
        raw = result.pop(RAW, None)
        if raw is None:
            writer.send_bytes(json.dumps(result).encode("utf-8"))
        else:  # the JSON, marked, then the bytes as they are
            writer.send_bytes(json.dumps(result).encode("utf-8") + _RAW_FOLLOWS)
            writer.send_bytes(raw)
        writer.close()
    finally:
        os._exit(code)  # no cleanup: the inherited state belongs to the build process


class WorkerFailed(RuntimeError):
    """A forked worker raised or was killed; the message holds its traceback."""


class BuildCancelled(Exception):
    """The build was stopped while it waited for a worker (its ``cancel`` event was set):
    nothing is published. The live-reload server stops a search-index update so."""


FAILURE = "__failure__"
# A worker's result may hold bytes under RAW: they travel as a second message, as they are
# (base64 inside the JSON cost a cold build's worker and the build process about 30 MB each
# at 5,000 items, for the 7.7 MB of fragments its pages made). The JSON is then followed
# by _RAW_FOLLOWS (after its closing brace, so it is no JSON).
RAW = "__raw__"
_RAW_FOLLOWS = b"\0raw"
# Under "pelican": the build driver counts errors logged there and then publishes nothing.
build_log = logging.getLogger("pelican.notices.workers")
