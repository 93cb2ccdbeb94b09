"""Find a token string in files (the token-leak scans of the runtime tests)."""
from __future__ import annotations

from pathlib import Path


def scan_for(token: str, *roots: Path) -> list[str]:
    """Every file under ``roots`` whose bytes contain ``token``."""
    hits = []
    for root in roots:
        for p in Path(root).rglob("*"):
            if p.is_file() and not p.is_symlink() and token.encode() in p.read_bytes():
                hits.append(str(p))
    return hits
