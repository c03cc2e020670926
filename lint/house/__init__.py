"""The house profile: what `newslint learn` finds in an outlet's archive, and how checks read it.

- `style.py`: HouseStyle, the outlet-wide settings every check receives (with the profile, if any).
- `words.py`: how prose is cut into name tokens and normalised lines (shared by learning and checks).
- `facts.py`: what one archived article contributes (extracted in worker processes).
- `learn.py`: from every article's facts to a profile and a paragraph index.
- `profile.py`: the committed profile file (JSON, one entry per line), loading and its errors.
- `index.py` and `minhash.py`: the paragraph index file and the signatures it holds.
- `errors.py`: ProfileError, the one-line problems with a profile or an index.

The checks that read a profile import these modules when there is one: a run without a profile
(most runs) never loads them.
"""

from lint.datafiles import data_path

# A small profile learned from six made-up stories, shipped so the checks' examples run.
EXAMPLE_PROFILE = str(data_path("house/example.json"))
