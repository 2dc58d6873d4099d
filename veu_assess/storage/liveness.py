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
A process id reused by an unrelated process also counts as alive; the entry is offered once that
process ends.

The Win32 calls go through a small ``Kernel32`` protocol so that tests on Linux can fake it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Any, Protocol

# Win32 constants (winnt.h, winerror.h, minwinbase.h).
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
STILL_ACTIVE = 259
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_PARAMETER = 87  # OpenProcess's answer for a process id that names no process


class Kernel32(Protocol):
    """The four kernel32 functions used here, plus the thread's last error (ctypes keeps a copy)."""

    # Win32 names, kept so the fake in tests reads like the documentation.
    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int: ...
    def GetExitCodeProcess(self, handle: int, code: Any) -> int: ...
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
        dll.CloseHandle.argtypes = [wintypes.HANDLE]
        dll.CloseHandle.restype = wintypes.BOOL
        self._dll = dll
        self._get_last_error = getattr(ctypes, "get_last_error")  # noqa: B009

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        return int(self._dll.OpenProcess(access, inherit, pid) or 0)

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        return int(self._dll.GetExitCodeProcess(handle, code))

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
