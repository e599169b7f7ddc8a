"""Find report files under the paths a user gives, saying what could not be walked and why.

`Path.rglob` swallowed a permission error on a subfolder (its reports silently missing, exit 0)
and followed a directory symlink loop into nothing. This walk reports each unreadable folder,
symlink loop and dangling symlink as a `Skip`, follows other directory symlinks once, and yields
each path once however many of the given paths reach it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from index.load import SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class Skip:
    """A path the walk could not use, and why (becomes a skipped outcome of the ingest)."""

    path: Path
    reason: str


def walk_reports(paths: Iterable[Path]) -> Iterator[Path | Skip]:
    """Supported files under the given files and folders, recursively, in a stable order (a
    folder's entries by name, depth first), plus a `Skip` for each folder or link that failed.

    A file named explicitly is yielded whatever its suffix or existence, so the loader can say
    why it is refused; hidden files and folders below a given folder are left out.
    """
    seen: set[str] = set()
    walked: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            for found in _walk(path, walked):
                if isinstance(found, Skip) or _first(found, seen):
                    yield found
        elif _first(path, seen):
            yield path


def iter_report_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Only the files of `walk_reports` (what a progress bar counts)."""
    return (found for found in walk_reports(paths) if isinstance(found, Path))


def source_name(path: Path) -> str:
    """The absolute path of the file: what citations show and the verifier re-reads.

    A path as typed (`examples/reports/x.md`) would stop verifying as soon as `ask` runs from
    another directory, and every citation would be dropped.
    """
    return os.path.normpath(os.path.abspath(path))


def _first(path: Path, seen: set[str]) -> bool:
    key = source_name(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(root: Path, walked: set[tuple[int, int]]) -> Iterator[Path | Skip]:
    """Depth first with an explicit stack (no recursion limit on deep trees)."""
    opened = _open(root, [], walked)
    if isinstance(opened, Skip):
        yield opened
        return
    if opened is None:
        return
    stack = [opened]
    while stack:
        _, folder, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if _is_dir(entry):
            child = _open(path, [(i, f) for i, f, _ in stack], walked)
            if isinstance(child, Skip):
                yield child
            elif child is not None:
                stack.append(child)
        elif entry.name.lower().endswith(SUPPORTED_SUFFIXES):
            if entry.is_symlink() and not path.exists():
                yield Skip(path, f"dangling symlink (points to {os.readlink(path)})")
            elif _is_file(entry):
                yield path


Opened = tuple[tuple[int, int], Path, Iterator[os.DirEntry[str]]]


def _open(
    folder: Path, ancestors: list[tuple[tuple[int, int], Path]], walked: set[tuple[int, int]]
) -> Opened | Skip | None:
    """The folder's entries sorted by name; a Skip when it cannot be read or loops back to one of
    its ancestors; None when it was already walked through another link (its files went in once)."""
    try:
        stat = folder.stat()
        ident = (stat.st_dev, stat.st_ino)
        for ancestor_ident, ancestor in ancestors:
            if ancestor_ident == ident:
                return Skip(folder, f"symlink loop: leads back to {ancestor}")
        if ident in walked:
            return None
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        return Skip(folder, f"cannot read folder: {exc.strerror or exc}")
    walked.add(ident)
    return ident, folder, iter(entries)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symlinks: a linked team folder is walked
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
