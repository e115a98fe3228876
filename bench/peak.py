"""`python -m bench.peak COMMAND…`: run COMMAND and print "<seconds> <peak KiB>" of it alone.

Linux counts in a child's peak memory (wait4's ru_maxrss) the resident size of the process it was
forked from: at exec, the kernel keeps the high-water mark of the copied memory it leaves. The
bench's own process holds hundreds of MiB once the huge demo has been measured, so every command
it started directly reported that much (the actions PDF and its plain baseline both « 606.8 MiB »).
This small process is started first, and the measured command is forked from it."""

from __future__ import annotations

import os
import subprocess
import sys
import time


def main(args: list[str]) -> int:
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    print(f"{elapsed} {usage.ru_maxrss}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
