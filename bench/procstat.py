# SPDX-License-Identifier: GPL-3.0-or-later
"""CPU and scheduler figures of this process, its children and given processes (Linux ``/proc``)."""

from __future__ import annotations

import os
import resource


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def proc_times(pid: int | str, task: str = "") -> tuple[float, float, float]:
    """CPU seconds (user + system), seconds on a CPU and waiting for one, of a process or thread.

    From ``/proc`` (Linux); zeros where it cannot be read.
    """
    base = f"/proc/{pid}" + (f"/task/{task}" if task else "")
    try:
        with open(f"{base}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open(f"{base}/schedstat") as handle:
            ran, waited, _ = (int(f) for f in handle.read().split())
    except (OSError, ValueError):
        return 0.0, 0.0, 0.0
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return cpu, ran / 1e9, waited / 1e9


def workers_times(tasks: list[tuple[int | str, str]]) -> tuple[float, float, float]:
    """CPU, on-CPU and runqueue seconds summed over ``(pid, thread id or "")`` pairs."""
    sums = [0.0, 0.0, 0.0]
    for pid, task in tasks:
        for n, value in enumerate(proc_times(pid, task)):
            sums[n] += value
    return sums[0], sums[1], sums[2]
