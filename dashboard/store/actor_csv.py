"""The ``--actors`` CSV of actor corrections: the gazetteer's columns plus ``not_actor``.

``name,kind,wikidata,country,role,aliases,not_actor``, one actor a row:
- ``name``: the actor's name as the dashboard shows it (required);
- ``kind``: person, organisation, company, party or state ("" keeps what extraction found);
- ``wikidata``: an ID like Q42; ``country`` and ``role``: shown as the person's role;
- ``aliases``: ``|``-separated other names that stand for this actor: names extraction found
  (an NER name such as "Fischer", another gazetteer actor) and the user's own aliases;
- ``not_actor``: ``yes`` marks ``name`` (and its aliases) as not an actor: no fact names it.

The same file given to ``fact-timeline ingest --actors FILE`` adds its actors to the gazetteer
(rows marked ``not_actor`` are left out there); ``fact-timeline actors import FILE`` stores it
as corrections. A gazetteer CSV without ``not_actor`` imports as well.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.errors import UserError
from dashboard.facts.output import csv_safe
from dashboard.facts.schema import ACTOR_KINDS

COLUMNS = ("name", "kind", "wikidata", "country", "role", "aliases", "not_actor")
YES, NO = ("yes", "true", "1", "y", "x"), ("", "no", "false", "0", "n")
WIKIDATA_ID = re.compile(r"^Q[1-9]\d*$")


@dataclass(frozen=True)
class Row:
    name: str
    kind: str = ""
    wikidata: str = ""
    country: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()
    not_actor: bool = False


def split_aliases(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(a.split()) for a in cell.split("|") if a.strip()))


def join_aliases(aliases) -> str:
    return "|".join(aliases)


def _unguarded(cell: str) -> str:
    """A cell as it was before :func:`write_rows` kept a spreadsheet from running it."""
    return cell[1:] if cell.startswith("'") and csv_safe(cell[1:]) != cell[1:] else cell


def parse_row(cells: dict[str, str], where: str) -> Row:
    """One CSV row checked; ``where`` ("file:line") starts the message of any error."""
    cells = {key: _unguarded(value) for key, value in cells.items()}
    name = " ".join(cells.get("name", "").split())
    if not name:
        raise UserError(f"{where}: the 'name' column is empty")
    kind = cells.get("kind", "").strip().lower()
    if kind and kind not in ACTOR_KINDS:
        raise UserError(f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
    wikidata = cells.get("wikidata", "").strip()
    if wikidata and not WIKIDATA_ID.match(wikidata):
        raise UserError(f"{where}: {wikidata!r} is not a Wikidata ID like Q42")
    flag = cells.get("not_actor", "").strip().lower()
    if flag not in YES + NO:
        raise UserError(f"{where}: not_actor is {flag!r}; write yes or leave it empty")
    return Row(name, kind, wikidata, cells.get("country", "").strip(), cells.get("role", "").strip(),
               tuple(a for a in split_aliases(cells.get("aliases", "")) if a != name), flag in YES)


def read_rows(path: str | Path, text: str | bytes | None = None) -> list[Row]:
    """Every row of the file at ``path`` (or of ``text``, named ``path`` in messages), checked;
    the first bad one raises naming the file and line."""
    path = Path(path)
    try:
        if text is None:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                text = handle.read()
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
        if reader.fieldnames is None or "name" not in [f.strip() for f in reader.fieldnames]:
            raise UserError(f"{path}:1: an actors CSV needs a header with at least 'name' ({','.join(COLUMNS)})")
        return [
            parse_row({k.strip(): (v or "").strip() for k, v in cells.items() if k}, f"{path}:{reader.line_num}")
            for cells in reader
        ]
    except FileNotFoundError:
        raise UserError(f"{path}: actors CSV not found") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"{path}: cannot read the actors CSV: {exc}") from None


def write_rows(rows: list[dict[str, str]]) -> str:
    """The rows as CSV text with the header :data:`COLUMNS`; a cell a spreadsheet would run as
    a formula gets a leading apostrophe (names come from untrusted text), which reading drops."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: csv_safe(value) for key, value in row.items()} for row in rows)
    return out.getvalue()
