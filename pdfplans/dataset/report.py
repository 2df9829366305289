"""``ImportReport``: what an import did, file by file, and the exit status it implies."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ImportReport:
    """Files imported, skipped (already in the dataset) and failed (with the reason), in input order."""

    dataset: str
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    not_done: list[str] = field(default_factory=list)  # files still to read when the import was interrupted
    # (ambito, anno, files) stored more than once (editions, renderings): queries keep the first, the latest
    repeated: list[tuple[str, int, list[str]]] = field(default_factory=list)
    # file -> (table id, verdict, first reason) of every suspect or missing table of a plan imported
    doubtful: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed and bool(self.imported or self.skipped)

    @property
    def exit_status(self) -> int:
        """0 every file is in the dataset, 1 some files failed, 2 nothing could be done."""
        if not (self.imported or self.skipped):
            return 2  # every file failed, or there was no file at all
        return 1 if self.failed else 0

    @property
    def destination(self) -> str:
        """The dataset's path, or what to say when nothing was imported and no dataset was created."""
        return self.dataset if Path(self.dataset).exists() else "no dataset written"

    def summary(self) -> str:
        """One line of counts, then one line per failed file naming it and the reason."""
        head = (f"{len(self.imported)} imported, {len(self.skipped)} already present, {len(self.failed)} failed "
                f"→ {self.destination} ({self.seconds:.1f} s)")
        return "\n".join([head, *(f"  failed: {Path(f).name}: {reason}" for f, reason in self.failed),
                          *(f"  warning: {line}" for line in self.repeated_lines())])

    def repeated_lines(self) -> list[str]:
        """One line per ambito and year the dataset holds more than once."""
        return [f"{ambito} {anno} is in the dataset {len(files)} times ({', '.join(files)}): the example queries "
                f"keep the latest import, {files[0]}" for ambito, anno, files in self.repeated]

    def verdict_lines(self) -> list[str]:
        """Per plan imported: how many tables are suspect or missing, and which."""
        lines = []
        for file in self.imported:
            tables = self.doubtful.get(file, [])
            suspect = sum(1 for _, status, _ in tables if status == "suspect")
            lines.append(f"{Path(file).name}: {suspect} suspect, {len(tables) - suspect} missing"
                         + "".join(f"\n  {status} {tid}: {why}" for tid, status, why in tables))
        return lines

    @property
    def doubtful_tables(self) -> int:
        return sum(len(t) for t in self.doubtful.values())

    def __str__(self) -> str:
        return self.summary()


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C during ``import_plans``: ``report`` says what went in (whole plans) and what did not."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("import interrupted")
        self.report = report
