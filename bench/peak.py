"""`python -m bench.peak COMMAND…`: run COMMAND and print "<seconds> <peak KiB>" of it and of every
process it starts.

Linux counts in a child's peak memory (wait4's ru_maxrss) the resident size of the process it was
forked from: at exec, the kernel keeps the high-water mark of the copied memory it leaves. The
bench's own process holds hundreds of MiB once the huge demo has been measured, so every command
it started directly reported that much (the actions PDF and its plain baseline both « 606.8 MiB »).
This small process is started first, and the measured command is forked from it.

A command may start worker processes (the reminders write their files in two): wait4 gives the
largest of the processes, never their sum. While the command runs, its processes are looked at
every ten milliseconds (Linux: /proc, the children of each), and the peak is the largest sum, over
the processes alive together, of each one's own high-water mark so far (VmHWM); the command's
own ru_maxrss when that is larger. The sum of high-water marks never falls below what the
processes held together at a look, and counts the pages they share (libraries) once in each:
a figure on the safe side. Elsewhere (no /proc), the command's own figure alone."""

from __future__ import annotations

import os
import subprocess
import sys
import time

LOOK = 0.01  # seconds between two looks at the processes (about 1 % of a core)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in threads:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                found += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return found


def _high_water_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_kib(pid: int) -> int:
    """The sum of the high-water marks of `pid` and of all its descendants alive now."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        total += _high_water_kib(current)
        pending += _children(current)
    return total


def main(args: list[str]) -> int:
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    tree = 0
    watch = os.path.exists(f"/proc/{proc.pid}/task")
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG if watch else 0)
        if pid:
            break
        tree = max(tree, tree_kib(proc.pid))
        time.sleep(LOOK)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    print(f"{elapsed} {max(usage.ru_maxrss, tree)}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
