"""`python -m veu_assess` is `veu-assess`."""

from veu_assess.cli.entry import main

main()
