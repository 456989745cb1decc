import atexit
import os
import sys
import threading

from notices.cli import main

code = main()
# Skip the interpreter's teardown: a build leaves hundreds of thousands of objects, and
# freeing them one by one took 1.5 s at 5,000 items (a fifth of a build after one edit).
# What the interpreter does before that is done here: wait for the threads still working
# (a live-reload server saves its last build's state in one), run the exit handlers (they
# flush logging).
for thread in threading.enumerate():
    if thread is not threading.main_thread() and not thread.daemon:
        thread.join()
atexit._run_exitfuncs()
sys.stdout.flush()
sys.stderr.flush()
os._exit(code if isinstance(code, int) else 1)
