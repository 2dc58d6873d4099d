"""The floor of the frozen start-up benchmark: a frozen program that prints one line.

packaging/build-linux freezes it beside the app (build/floor/floor, never shipped);
packaging/smoke-test times the frozen app's commands against it, as bench/ times the installed
app against `python -c pass`.
"""

print("floor")
