import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Compiled-pattern programs (lint/patterns.py) are not kept between test runs: every test compiles
# its patterns afresh, and the suite writes nothing under the user's cache folder.
import os  # noqa: E402

os.environ.setdefault("NEWSLINT_PATTERN_CACHE", "off")
