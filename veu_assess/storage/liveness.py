"""Is a process still running? The recovery folder asks before it offers another instance's work.

A recovery entry records the process id of the instance that writes it. While that instance runs,
its entry is not offered to others (restoring or discarding it would take work from under it).

- POSIX (Linux, macOS): ``os.kill(pid, 0)`` sends no signal, it only checks; a ``PermissionError``
  means the process exists but belongs to someone else.
- Windows: ``os.kill`` would *terminate* the process there, so the Win32 API is asked through
  ctypes instead: ``OpenProcess`` with the least access right that can query a process, then
  ``GetExitCodeProcess``, which reports ``STILL_ACTIVE`` while it runs. A handle can still be
  opened to a process that has exited while someone holds a handle to it, hence the second call.

When the answer is unknown (an unexpected error), the process counts as alive: hiding an entry
until the other process is gone loses nothing, while taking a live instance's entry could.

A process id alone is not enough: after a crash and a reboot, the old id soon belongs to some
unrelated process (Windows reuses ids quickly), and the entry would stay hidden for as long as
that process runs. So the entry also records ``process_identity``: the process's creation time
(Windows ``GetProcessTimes``; Linux the start time in ``/proc/PID/stat`` with the boot id). A live
process whose identity differs is not the owner. Where no identity can be read (macOS, an entry
written by an older version), the id alone decides.

The Win32 calls go through a small ``Kernel32`` protocol so that tests on Linux can fake it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any, Protocol

# Win32 constants (winnt.h, winerror.h, minwinbase.h).
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
STILL_ACTIVE = 259
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_PARAMETER = 87  # OpenProcess's answer for a process id that names no process


class Kernel32(Protocol):
    """The kernel32 functions used here, plus the thread's last error (ctypes keeps a copy)."""

    # Win32 names, kept so the fake in tests reads like the documentation.
    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int: ...
    def GetExitCodeProcess(self, handle: int, code: Any) -> int: ...
    def GetProcessTimes(self, handle: int, created: Any, exited: Any, kernel: Any, user: Any) -> int: ...
    def CloseHandle(self, handle: int) -> int: ...
    def last_error(self) -> int: ...


class _RealKernel32:
    """kernel32.dll through ctypes, with argument and result types declared (64-bit handles)."""

    def __init__(self) -> None:
        from ctypes import wintypes

        # getattr: these names exist only in Windows builds of ctypes (and in typeshed only there).
        dll = getattr(ctypes, "WinDLL")("kernel32", use_last_error=True)  # noqa: B009
        dll.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
        dll.OpenProcess.restype = wintypes.HANDLE
        dll.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(ctypes.c_uint32)]  # a DWORD
        dll.GetExitCodeProcess.restype = wintypes.BOOL
        filetime = ctypes.POINTER(ctypes.c_uint64)  # a FILETIME: 100 ns units since 1601, 8 bytes
        dll.GetProcessTimes.argtypes = [wintypes.HANDLE, filetime, filetime, filetime, filetime]
        dll.GetProcessTimes.restype = wintypes.BOOL
        dll.CloseHandle.argtypes = [wintypes.HANDLE]
        dll.CloseHandle.restype = wintypes.BOOL
        self._dll = dll
        self._get_last_error = getattr(ctypes, "get_last_error")  # noqa: B009

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        return int(self._dll.OpenProcess(access, inherit, pid) or 0)

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        return int(self._dll.GetExitCodeProcess(handle, code))

    def GetProcessTimes(self, handle: int, created: Any, exited: Any, kernel: Any, user: Any) -> int:
        return int(self._dll.GetProcessTimes(handle, created, exited, kernel, user))

    def CloseHandle(self, handle: int) -> int:
        return int(self._dll.CloseHandle(handle))

    def last_error(self) -> int:
        return int(self._get_last_error())


def windows_process_alive(pid: int, kernel32: Kernel32 | None = None) -> bool:
    """Windows: does process ``pid`` exist and has it not exited? Unknown counts as alive."""
    if pid <= 0 or pid > 0xFFFFFFFF:
        return False  # not a Windows process id (a DWORD); 0 is the System Idle Process
    k = kernel32 if kernel32 is not None else _RealKernel32()
    handle = k.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        error = k.last_error()
        # Access denied: it exists (another user's, or a protected process). Invalid parameter:
        # no process has this id. Anything else: unknown, so alive (see the module docstring).
        return error != ERROR_INVALID_PARAMETER
    try:
        code = ctypes.c_uint32(0)  # the DWORD exit code
        if not k.GetExitCodeProcess(handle, ctypes.pointer(code)):
            return True  # could not ask: unknown, so alive
        return code.value == STILL_ACTIVE
    finally:
        k.CloseHandle(handle)


def windows_process_identity(pid: int, kernel32: Kernel32 | None = None) -> str | None:
    """Windows: the process's creation time, which no later process with the same id shares."""
    if pid <= 0 or pid > 0xFFFFFFFF:
        return None
    k = kernel32 if kernel32 is not None else _RealKernel32()
    handle = k.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        # Access denied: another user's or a protected process. Recovery entries live in the
        # user's own %LOCALAPPDATA%, and a process can always query this much about its own
        # user's processes (elevated ones included), so such a process is never the owner.
        return "win32-no-access" if k.last_error() == ERROR_ACCESS_DENIED else None
    try:
        times = [ctypes.c_uint64(0) for _ in range(4)]
        if not k.GetProcessTimes(handle, *(ctypes.pointer(t) for t in times)):
            return None
        return f"win32-created:{times[0].value}"
    finally:
        k.CloseHandle(handle)


def linux_process_identity(pid: int, proc: Path = Path("/proc")) -> str | None:
    """Linux: the boot id and the process's start time (clock ticks after boot, field 22 of
    /proc/PID/stat); the pair names one process for as long as the machine's history is kept."""
    try:
        stat = (proc / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
        boot_id = (proc / "sys" / "kernel" / "random" / "boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may itself contain ") "; fields 3.. follow
    # the last ")". Field 22 is then at index 19.
    fields = stat[stat.rfind(")") + 1:].split()
    if len(fields) < 20 or not fields[19].isdigit() or not boot_id:
        return None
    return f"linux:{boot_id}:{fields[19]}"


def process_identity(pid: int, platform: str | None = None, kernel32: Kernel32 | None = None) -> str | None:
    """What tells process ``pid`` from a later one with the same id, or None where unknown."""
    platform = platform or sys.platform
    if platform == "win32":
        return windows_process_identity(pid, kernel32)
    if platform.startswith("linux"):
        return linux_process_identity(pid)
    return None


def owner_alive(pid: int, identity: str | None, platform: str | None = None,
                kernel32: Kernel32 | None = None) -> bool:
    """Is the process that recorded (``pid``, ``identity``) still running? A live process with the
    id but another identity is a later one (the id was reused): not the owner."""
    if not process_alive(pid, platform, kernel32):
        return False
    if identity is None:
        return True  # an older entry, or a platform without identities: the id decides
    current = process_identity(pid, platform, kernel32)
    return current is None or current == identity  # unknown: alive (see the module docstring)


def posix_process_alive(pid: int) -> bool:
    """POSIX: does process ``pid`` exist? (Signal 0 checks without sending anything.)"""
    if pid <= 0:
        return False  # 0 and negative ids would address process groups, not one process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else (PermissionError), or unknown
    return True


def process_alive(pid: int, platform: str | None = None, kernel32: Kernel32 | None = None) -> bool:
    """Is process ``pid`` running on this machine? ``platform`` defaults to ``sys.platform``."""
    if (platform or sys.platform) == "win32":
        return windows_process_alive(pid, kernel32)
    return posix_process_alive(pid)


def own_identity() -> str | None:
    """This process's identity (read once per process id: it never changes)."""
    return _identity_once(os.getpid())


@cache
def _identity_once(pid: int) -> str | None:
    return process_identity(pid)
