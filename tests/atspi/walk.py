"""The AT-SPI client of the AT-SPI test: run by the system's Python (``/usr/bin/python3`` with
Debian's python3-pyatspi), never the project's venv. It reads commands on stdin and answers each
with one JSON line on stdout:

    tree PID      every showing object of the application with that process id, in document
                  order: {"role", "name", "description", "depth", "focused", "focusable"}
                  (a table's cells are not listed: their count is)
    focused PID   the deepest object with the focused state: {"role", "name", …} (or null)
    quit

What it prints is what a screen reader gets from the desktop's accessibility bus: roles and
names as Orca speaks them, found through the registry, not through Qt.
"""

from __future__ import annotations

import json
import sys

import pyatspi


def application(pid: int):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:  # an application that went away while we looked
            continue
    return None


def walk(node, depth: int, out: list, limit: int = 5000, parent_focused: bool = False) -> None:
    if len(out) >= limit:
        return
    try:
        states = node.getState()
        showing = states.contains(pyatspi.STATE_SHOWING)
        role = node.getRoleName()
        entry = {
            "role": role,
            "name": node.name or "",
            "description": node.description or "",
            "depth": depth,
            "focused": states.contains(pyatspi.STATE_FOCUSED),
            "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
            "parent_focused": parent_focused,
        }
        count = node.childCount
    except Exception as exc:  # a node deleted under us: say so, do not stop the walk
        out.append({"role": "error", "name": str(exc), "description": "", "depth": depth,
                    "focused": False, "focusable": False})
        return
    if depth > 0 and not showing:
        return
    if role in ("table", "tree table"):
        entry["cells"] = count
        out.append(entry)
        return
    out.append(entry)
    for index in range(count):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, depth + 1, out, limit, entry["focused"])


def main() -> int:
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        app = application(int(words[1]))
        if app is None:
            print(json.dumps({"error": f"no application with pid {words[1]} on the AT-SPI bus"}), flush=True)
            continue
        out: list = []
        walk(app, 0, out)
        if words[0] == "tree":
            print(json.dumps(out, ensure_ascii=False), flush=True)
        elif words[0] == "focused":
            # Qt marks a list's current item focused even while the list has no focus (the side
            # list's "Review"): an item counts only inside a focused list; then the deepest wins.
            focused = [e for e in out if e["focused"] and e["depth"] > 0
                       and (e["role"] not in ("list item", "table cell") or e["parent_focused"])]
            deepest = max(focused, key=lambda e: e["depth"]) if focused else None
            print(json.dumps(deepest, ensure_ascii=False), flush=True)
        else:
            print(json.dumps({"error": f"unknown command {words[0]}"}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
