"""The `newslint` program (and `python -m lint`): the quick start (lint/startup.py) and the
compiled-pattern store (lint/patterns.py) are set up before click and the rest of newslint are
imported, so their start-up is covered too; then the command line."""

from lint import patterns, startup


def run() -> None:
    startup.begin()
    patterns.store_start_up_compiles()
    from lint.cli import main

    main()


if __name__ == "__main__":
    run()
