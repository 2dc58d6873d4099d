"""The live-process check behind crash recovery, on every platform.

The Windows path runs here against a fake kernel32 that behaves as the Win32 documentation says
(OpenProcess fails with ERROR_INVALID_PARAMETER for an unknown id and ERROR_ACCESS_DENIED for a
protected process; GetExitCodeProcess reports STILL_ACTIVE while a process runs). The POSIX path
runs against real processes.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from veu_assess.storage import liveness, recovery
from veu_assess.storage.liveness import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_PARAMETER,
    PROCESS_QUERY_LIMITED_INFORMATION,
    STILL_ACTIVE,
    linux_process_identity,
    owner_alive,
    process_alive,
    process_identity,
    windows_process_alive,
    windows_process_identity,
)


class FakeKernel32:
    """Processes by id: an exit code (STILL_ACTIVE while running) or "denied" (protected)."""

    def __init__(self, processes: dict[int, int | str], exit_code_fails: bool = False,
                 created: dict[int, int] | None = None) -> None:
        self.processes = processes
        self.exit_code_fails = exit_code_fails
        self.created = created or {}
        self.error = 0
        self.open_handles: set[int] = set()
        self.calls: list[tuple[Any, ...]] = []

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        self.calls.append(("OpenProcess", access, inherit, pid))
        found = self.processes.get(pid)
        if found is None:
            self.error = ERROR_INVALID_PARAMETER
            return 0
        if found == "denied":
            self.error = ERROR_ACCESS_DENIED
            return 0
        handle = 1000 + pid
        self.open_handles.add(handle)
        return handle

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        assert handle in self.open_handles
        if self.exit_code_fails:
            self.error = 6  # ERROR_INVALID_HANDLE
            return 0
        code.contents.value = self.processes[handle - 1000]
        return 1

    def GetProcessTimes(self, handle: int, created: Any, exited: Any, kernel: Any, user: Any) -> int:
        assert handle in self.open_handles
        pid = handle - 1000
        if pid not in self.created:
            return 0
        created.contents.value = self.created[pid]
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.open_handles.remove(handle)
        return 1

    def last_error(self) -> int:
        return self.error


def test_windows_running_process_is_alive_and_its_handle_is_closed() -> None:
    k = FakeKernel32({4242: STILL_ACTIVE})
    assert windows_process_alive(4242, k) is True
    assert k.calls == [("OpenProcess", PROCESS_QUERY_LIMITED_INFORMATION, False, 4242)]
    assert k.open_handles == set()


@pytest.mark.parametrize("exit_code", [0, 1, 3221225477])  # clean exit, error, access violation
def test_windows_exited_process_still_open_somewhere_is_not_alive(exit_code: int) -> None:
    k = FakeKernel32({4242: exit_code})
    assert windows_process_alive(4242, k) is False
    assert k.open_handles == set()


def test_windows_unknown_process_id_is_not_alive() -> None:
    assert windows_process_alive(4242, FakeKernel32({})) is False


def test_windows_process_of_another_user_is_alive() -> None:
    assert windows_process_alive(4242, FakeKernel32({4242: "denied"})) is True


def test_windows_unanswerable_questions_count_as_alive() -> None:
    k = FakeKernel32({4242: STILL_ACTIVE}, exit_code_fails=True)
    assert windows_process_alive(4242, k) is True
    assert k.open_handles == set()  # closed even when the second call fails

    class Broken(FakeKernel32):
        def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
            self.error = 8  # ERROR_NOT_ENOUGH_MEMORY: says nothing about the process
            return 0

    assert windows_process_alive(4242, Broken({})) is True


@pytest.mark.parametrize("pid", [0, -1, 2**32])
def test_windows_ids_that_name_no_process_are_not_asked(pid: int) -> None:
    k = FakeKernel32({})
    assert windows_process_alive(pid, k) is False
    assert k.calls == []


def test_windows_never_signals_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # os.kill on Windows terminates the process: the old code avoided it by saying "not live".
    def no_kill(pid: int, sig: int) -> None:
        raise AssertionError("os.kill called on Windows")

    monkeypatch.setattr(os, "kill", no_kill)
    assert process_alive(4242, platform="win32", kernel32=FakeKernel32({4242: STILL_ACTIVE})) is True
    assert process_alive(4242, platform="win32", kernel32=FakeKernel32({4242: 0})) is False


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX path")
def test_posix_checks_real_processes() -> None:
    assert process_alive(os.getpid()) is True
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert process_alive(child.pid) is True
    finally:
        child.kill()
        child.wait()
    assert process_alive(child.pid) is False  # reaped: the id names no process
    assert process_alive(0) is False and process_alive(-1) is False


@pytest.mark.skipif(sys.platform != "win32", reason="the real kernel32 exists only on Windows")
def test_windows_real_kernel32() -> None:
    assert windows_process_alive(os.getpid()) is True
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert windows_process_alive(child.pid) is True
    finally:
        child.kill()
        child.wait()
    assert windows_process_alive(child.pid) is False


def test_recovery_asks_the_platform_check_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The recovery folder's decision goes through the Win32 path when sys.platform says win32."""
    fake = FakeKernel32({4242: STILL_ACTIVE, 4343: 1})
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(liveness, "_RealKernel32", lambda: fake)
    host = socket.gethostname()
    assert recovery._owned_by_live_process({"pid": 4242, "host": host}) is True
    assert recovery._owned_by_live_process({"pid": 4343, "host": host}) is False
    assert recovery._owned_by_live_process({"pid": 4444, "host": host}) is False  # no such process
    # Another machine's entry (a shared profile folder) or a malformed id is never "live" here.
    assert recovery._owned_by_live_process({"pid": 4242, "host": host + "-other"}) is False
    assert recovery._owned_by_live_process({"pid": True, "host": host}) is False
    assert recovery._owned_by_live_process({"pid": "4242", "host": host}) is False


# --- a process id reused by a later process ---------------------------------------------------

def test_windows_identity_is_the_creation_time() -> None:
    k = FakeKernel32({4242: STILL_ACTIVE}, created={4242: 133_000_000_000_000_000})
    assert windows_process_identity(4242, k) == "win32-created:133000000000000000"
    assert k.open_handles == set()
    assert windows_process_identity(4242, FakeKernel32({4242: STILL_ACTIVE})) is None  # times unreadable
    assert windows_process_identity(4343, k) is None  # no such process


def test_windows_reused_process_id_is_not_the_owner() -> None:
    """After a crash and a reboot, the entry's process id belongs to an unrelated process."""
    k = FakeKernel32({4242: STILL_ACTIVE}, created={4242: 2000})
    assert owner_alive(4242, "win32-created:2000", platform="win32", kernel32=k) is True
    assert owner_alive(4242, "win32-created:1000", platform="win32", kernel32=k) is False  # reused
    assert owner_alive(4242, None, platform="win32", kernel32=k) is True  # an older entry: the id decides
    unreadable = FakeKernel32({4242: STILL_ACTIVE})
    assert owner_alive(4242, "win32-created:1000", platform="win32", kernel32=unreadable) is True  # unknown
    assert owner_alive(4242, "win32-created:2000", platform="win32", kernel32=FakeKernel32({4242: 0})) is False
    # After a reboot the id may belong to a service or another user's process, which this user
    # cannot open: not the owner (the entry is in this user's own folder) ...
    assert owner_alive(4242, "win32-created:1000", platform="win32", kernel32=FakeKernel32({4242: "denied"})) is False
    # ... while an entry without an identity (an older version wrote it) keeps the cautious answer.
    assert owner_alive(4242, None, platform="win32", kernel32=FakeKernel32({4242: "denied"})) is True


def fake_proc(root: Path, pid: int, stat: str, boot_id: str = "b00t") -> Path:
    (root / str(pid)).mkdir(parents=True)
    (root / str(pid) / "stat").write_text(stat)
    (root / "sys" / "kernel" / "random").mkdir(parents=True, exist_ok=True)
    (root / "sys" / "kernel" / "random" / "boot_id").write_text(boot_id + "\n")
    return root


def test_linux_identity_reads_the_start_time_after_the_command_name(tmp_path: Path) -> None:
    # The command name may contain ") " and spaces; field 22 (start time) is counted after it.
    stat = "77 (evil) (name) S " + " ".join(["0"] * 18) + " 987654 0 0\n"
    proc = fake_proc(tmp_path, 77, stat)
    assert linux_process_identity(77, proc) == "linux:b00t:987654"
    assert linux_process_identity(78, proc) is None  # no such process
    (proc / "77" / "stat").write_text("77 (short) S 1 2\n")
    assert linux_process_identity(77, proc) is None  # malformed: unknown, never a guess


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_linux_identity_tells_processes_apart() -> None:
    own = process_identity(os.getpid())
    assert own is not None and own == process_identity(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        theirs = process_identity(child.pid)
        assert theirs is not None and theirs != own
        assert owner_alive(child.pid, theirs) is True
        assert owner_alive(child.pid, own) is False  # alive, but not the process that wrote the entry
    finally:
        child.kill()
        child.wait()
    assert owner_alive(child.pid, theirs) is False


def test_recovery_records_the_identity_and_a_reused_id_is_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeKernel32({4242: STILL_ACTIVE}, created={4242: 2000})
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(liveness, "_RealKernel32", lambda: fake)
    host = socket.gethostname()
    live = {"pid": 4242, "host": host, "pid_identity": "win32-created:2000"}
    assert recovery._owned_by_live_process(live) is True
    assert recovery._owned_by_live_process({**live, "pid_identity": "win32-created:1000"}) is False
    assert recovery._owned_by_live_process({**live, "pid_identity": 1000}) is True  # malformed: id decides
