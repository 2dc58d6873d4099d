"""Entry script of the windowed executable (Windows only): `veu-assess-gui`, no console window.

The Start-menu shortcut and the .veua file association point here; `veu-assess.exe` next to it
stays the console command for scripts.
"""

from veu_assess.cli.entry import gui_main

gui_main()
