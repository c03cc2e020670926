"""Fingerprints for CI reports that stay the same when a finding's line moves.

Reporters have no source text, so a finding is known by its file, rule and message (messages
quote the offending words) plus how many identical findings came before it in the file.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from lint.findings import Finding


def stable_fingerprints(findings: list[Finding]) -> list[str]:
    """One hex fingerprint per finding, unique within the list, independent of line numbers."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for f in findings:
        key = (f.path.replace("\\", "/"), f.rule, f.message)
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(occurrence))).encode("utf-8", "surrogatepass"))
        out.append(digest.hexdigest()[:32])
    return out
