"""Where the gold files live: the team set in the repository, the dev set beside it in shared/."""

from __future__ import annotations

from pathlib import Path

TEAM_GOLD = Path("bench/extractor/gold/team.jsonl")
DEV_SET = Path("shared/eval-dev/plover_gsr_dev.jsonl")


def repo_root(start: Path | None = None) -> Path | None:
    """The nearest directory (from ``start``, else the working directory, else this file) that
    holds the team gold set."""
    starts = [start] if start is not None else [Path.cwd(), Path(__file__).resolve()]
    for origin in starts:
        for folder in [origin, *origin.parents]:
            if (folder / TEAM_GOLD).is_file():
                return folder
    return None


def default_team_gold(root: Path | None) -> Path | None:
    return root / TEAM_GOLD if root is not None else None


def default_dev_set(root: Path | None) -> Path | None:
    """``../shared/eval-dev/`` next to the repository (where CI checks it out), if it is there."""
    if root is None:
        return None
    return root.parent / DEV_SET
