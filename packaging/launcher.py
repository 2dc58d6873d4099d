"""Entry script of the frozen app: the same `veu-assess` command the wheel installs.

`veu-assess` without a command (or with only file names) opens the desktop app, so this one
executable serves the command line, the desktop entry and the .veua file association.
"""

from veu_assess.cli.entry import main

main()
