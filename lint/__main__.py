"""The `newslint` program (and `python -m lint`): the quick start (lint/startup.py) and the
compiled-pattern store (lint/patterns.py) are set up before the rest of newslint is imported,
so their start-up is covered too; then the command line, a plain `check` without click
(lint/quick.py)."""

import sys

from lint import patterns, startup


def run() -> None:
    startup.begin()
    patterns.store_start_up_compiles()
    from lint.quick import run as run_command_line

    run_command_line(sys.argv[1:])


if __name__ == "__main__":
    run()
