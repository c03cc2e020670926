"""newslint: a content-quality linter for newsrooms."""

__version__ = "0.1.0"
