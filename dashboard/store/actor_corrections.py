"""What a user corrects about actors: merge two, rename one, add an alias, change its kind or
Wikidata ID, mark a name as not an actor, and undo each of these.

Every correction is a row in the tables of :mod:`dashboard.store.actor_sql`, keyed by actor
name, so it holds for gazetteer actors and for names the NER model found alike, in documents
already stored and in those ingested later. One operation is one transaction that bumps the
store's version, so a dashboard showing the store redraws every page with it.

The operations keep one invariant that lets a single lookup resolve any name: the name an alias
points to is never an alias itself. Renaming A to B therefore also points A's aliases to B, and
renaming A to a name that is already an alias of C merges A into C.

Example::

    corrections = FactStore("facts.duckdb").actor_corrections
    corrections.merge(["Fischer"], into="Joschka Fischer")
    corrections.set_kind("Deutsche Bank", "company")
    corrections.reject("Sonntag")
    print(corrections.to_csv())      # the --actors CSV, for `fact-timeline actors import`
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from dashboard.errors import UserError
from dashboard.facts.schema import ACTOR_KINDS
from dashboard.store import actor_csv
from dashboard.store.actor_sql import actor_table_sql, export_sql, mentions_sql, rejected_sql

ACTOR_TABLE_COLUMNS = {
    "name": "str", "kind": "str", "n_facts": "int64", "n_documents": "int64", "wikidata": "str",
    "role": "str", "forms": "object", "aliases": "object", "corrected": "bool",
}
REJECTED_COLUMNS = {"name": "str", "n_facts": "int64", "aliases": "object"}


def _frame(table, columns: dict[str, str]) -> pd.DataFrame:
    """A query result (or ``None`` before any ingest) with exactly ``columns``; lists as lists."""
    frame = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()}) if table is None else table.to_pandas()
    for name, dtype in columns.items():
        if dtype == "object":
            frame[name] = pd.Series([list(v) if v is not None else [] for v in frame[name]], index=frame.index, dtype=object)
    return frame.astype({k: v for k, v in columns.items() if v != "object"}).reset_index(drop=True)


def _clean(name: str, what: str = "actor name") -> str:
    cleaned = " ".join(str(name or "").split())
    if not cleaned:
        raise UserError(f"the {what} is empty")
    return cleaned


class ActorCorrections:
    """The actor corrections of one :class:`~dashboard.store.FactStore`.

    Each writing method returns one line saying what changed (for the CLI and the dashboard)
    and raises :class:`~dashboard.errors.UserError` for a name the store does not know.
    """

    def __init__(self, store):
        self.store = store

    # -- reading --------------------------------------------------------------------------------

    def table(self) -> pd.DataFrame:
        """Every actor after corrections, most facts first, as ACTOR_TABLE_COLUMNS."""
        return _frame(self.store._read_arrow(actor_table_sql, actors=False), ACTOR_TABLE_COLUMNS)

    def rejected(self) -> pd.DataFrame:
        """The names marked as not an actor, with the facts that name them (REJECTED_COLUMNS)."""
        return _frame(self.store._read_arrow(rejected_sql, actors=False), REJECTED_COLUMNS)

    def resolver(self) -> Callable[[str], str | None]:
        """name -> the name a page shows for it, ``None`` for a name marked not an actor: for
        what is named outside fact rows (the actor marks in a document's text)."""
        aliases = self.store._read_arrow("SELECT alias, name FROM actor_aliases")
        rejected = self.store._read_arrow("SELECT name FROM actor_corrections WHERE not_actor")
        names = dict(zip(*aliases.to_pydict().values())) if aliases is not None else {}
        dropped = set(rejected.column("name").to_pylist()) if rejected is not None else set()

        def resolve(name: str) -> str | None:
            final = names.get(name, name)
            return None if final in dropped else final

        return resolve

    def rows(self) -> list[dict[str, str]]:
        """The corrections as rows of the ``--actors`` CSV (actor_csv.COLUMNS): one per actor
        the user corrected, with its kind and Wikidata ID as shown (so the file also serves as a
        gazetteer for ``ingest --actors``) and its aliases; one per name marked not an actor."""
        table = self.store._read_arrow(export_sql, actors=False)
        if table is None:
            return []
        return [
            {
                "name": row["name"], "kind": row["kind"], "wikidata": row["wikidata"], "country": row["country"],
                "role": row["role"], "aliases": actor_csv.join_aliases(row["aliases"] or []),
                "not_actor": "yes" if row["not_actor"] else "",
            }
            for row in table.to_pylist()
        ]

    def to_csv(self) -> str:
        return actor_csv.write_rows(self.rows())

    # -- writing --------------------------------------------------------------------------------

    def rename(self, old: str, new: str) -> str:
        """Call the actor ``old`` ``new`` everywhere; ``old`` becomes an alias of it. A ``new``
        that names another actor already merges the two under ``new``."""
        old, new = _clean(old), _clean(new)
        with self.store.writing() as con:
            _require_actor(con, old)
            target = _rename(con, old, new)
        return f"{old} is now called {target}" if target == new else f"{old} is now an alias of {target} ({new} is one)"

    def merge(self, names: Sequence[str], into: str) -> str:
        """Make each of ``names`` an alias of the actor ``into``: their facts name ``into``,
        which keeps its own kind and Wikidata ID (taking theirs only where it has none)."""
        into = _clean(into)
        sources = list(dict.fromkeys(_clean(n) for n in names if _clean(n) != into))
        if not sources:
            raise UserError("name at least one actor to merge into another")
        with self.store.writing() as con:
            target = _resolve(con, into)
            _require_actor(con, target)
            for name in sources:
                _require_actor(con, name)
                _rename(con, _resolve(con, name), target)
        return f"merged {', '.join(sources)} into {target}"

    def add_alias(self, name: str, alias: str) -> str:
        """Let ``alias`` name the actor ``name``: facts whose extracted actor is ``alias`` (an
        NER name, a gazetteer actor, another actor's alias) name ``name`` instead."""
        name, alias = _clean(name), _clean(alias, "alias")
        with self.store.writing() as con:
            target = _resolve(con, name)
            _require_actor(con, target)
            if alias == target or _resolve(con, alias) == target:
                return f"{alias} already names {target}"
            _point(con, alias, target)
        return f"{alias} is now an alias of {target}"

    def remove_alias(self, alias: str) -> str:
        """Undo a merge, rename or alias: ``alias`` names the actor extraction found again."""
        alias = _clean(alias, "alias")
        with self.store.writing() as con:
            target = _resolve(con, alias)
            if target == alias:
                raise UserError(f"{alias!r} is no alias (see `fact-timeline actors list`)")
            con.execute("DELETE FROM actor_aliases WHERE alias = $a", {"a": alias})
        return f"{alias} is no longer an alias of {target}"

    def set_kind(self, name: str, kind: str) -> str:
        """The actor ``name`` is a ``kind`` (one of ACTOR_KINDS) in every fact."""
        if kind not in ACTOR_KINDS:
            raise UserError(f"kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
        return self._set_details(name, kind=kind)

    def set_wikidata(self, name: str, wikidata: str) -> str:
        """The actor ``name`` is the Wikidata item ``wikidata`` (``Q42``; "" forgets the user's)."""
        wikidata = wikidata.strip()
        if wikidata and not actor_csv.WIKIDATA_ID.match(wikidata):
            raise UserError(f"{wikidata!r} is not a Wikidata ID like Q42")
        return self._set_details(name, wikidata=wikidata)

    def _set_details(self, name: str, **details: str) -> str:
        name = _clean(name)
        with self.store.writing() as con:
            target = _resolve(con, name)
            _require_actor(con, target)
            _upsert(con, target, **details)
        return f"{target}: " + ", ".join(f"{key} {value or 'as found'}" for key, value in details.items())

    def reject(self, name: str) -> str:
        """``name`` is not an actor: no fact names it (nor its aliases) any more. A name that
        was an alias stops being one first, so the actor it named stays."""
        name = _clean(name)
        with self.store.writing() as con:
            _reject(con, name)
        return f"{name} is marked as not an actor"

    def restore(self, name: str) -> str:
        """Undo :meth:`reject`: the name is an actor again wherever extraction found it."""
        name = _clean(name)
        with self.store.writing() as con:
            found = con.execute("SELECT count(*) FROM actor_corrections WHERE name = $n AND not_actor", {"n": name}).fetchall()[0][0]
            if not found:
                raise UserError(f"{name!r} is not marked as not an actor")
            con.execute("UPDATE actor_corrections SET not_actor = false WHERE name = $n", {"n": name})
            _drop_empty(con)
        return f"{name} is an actor again"

    def import_csv(self, path: str | Path, replace: bool = False, text: str | bytes | None = None) -> str:
        """Apply the corrections of an ``--actors`` CSV (the format :meth:`to_csv` writes; a
        gazetteer CSV works too), read from ``path`` or given as ``text`` (an upload called
        ``path``). The whole file is checked first: one bad line changes nothing. With
        ``replace`` the stored corrections are dropped first."""
        rows = actor_csv.read_rows(path, text)
        with self.store.writing() as con:
            if replace:
                con.execute("DELETE FROM actor_aliases")
                con.execute("DELETE FROM actor_corrections")
            for row in rows:
                _apply_row(con, row)
        rejected = sum(1 for row in rows if row.not_actor)
        return f"{Path(path)}: {len(rows) - rejected} actors and {rejected} names marked not an actor imported"

    def clear(self) -> str:
        """Forget every actor correction."""
        with self.store.writing() as con:
            n = con.execute("SELECT (SELECT count(*) FROM actor_aliases) + (SELECT count(*) FROM actor_corrections)").fetchall()[0][0]
            con.execute("DELETE FROM actor_aliases")
            con.execute("DELETE FROM actor_corrections")
        return f"{n} actor corrections removed"


# -- the operations, on an open read-write connection --------------------------------------------


def _resolve(con, name: str) -> str:
    """The actor a name stands for: the name an alias points to, else the name itself."""
    found = con.execute("SELECT name FROM actor_aliases WHERE alias = $n", {"n": name}).fetchall()
    return found[0][0] if found else name


def _is_alias(con, name: str) -> bool:
    return _resolve(con, name) != name


def _require_actor(con, name: str) -> None:
    """A name the user can correct: an actor some fact names, or one the user has corrected."""
    if _is_alias(con, name):
        raise UserError(f"{name!r} is an alias of {_resolve(con, name)!r}; use that name")
    rejected = con.execute("SELECT count(*) FROM actor_corrections WHERE name = $n AND not_actor", {"n": name}).fetchall()[0][0]
    if rejected:
        raise UserError(f"{name!r} is marked as not an actor; restore it first")
    known = con.execute(
        "SELECT EXISTS (SELECT 1 FROM facts WHERE list_contains(actors, $n)) "
        "OR EXISTS (SELECT 1 FROM actor_corrections WHERE name = $n) OR EXISTS (SELECT 1 FROM actor_aliases WHERE name = $n)",
        {"n": name},
    ).fetchall()[0][0]
    if not known:
        raise UserError(f"no actor is called {name!r} (see `fact-timeline actors list`)")


def _rename(con, old: str, new: str) -> str:
    """Point ``old`` and its aliases at ``new`` (or at the actor ``new`` is an alias of, unless
    that is ``old`` itself: then ``new`` becomes the name and ``old`` its alias). Returns the
    name ``old`` now resolves to."""
    target = _resolve(con, new)
    if target == old:  # "Joschka Fischer" renamed to its own alias "Fischer": swap them
        con.execute("DELETE FROM actor_aliases WHERE alias = $n", {"n": new})
        target = new
    if target == old:
        return old
    rejected = con.execute("SELECT count(*) FROM actor_corrections WHERE name = $n AND not_actor", {"n": target}).fetchall()[0][0]
    if rejected:
        raise UserError(f"{target!r} is marked as not an actor; restore it first")
    _pin_shown(con, target)
    con.execute("UPDATE actor_aliases SET name = $t WHERE name = $o", {"t": target, "o": old})
    con.execute("INSERT OR REPLACE INTO actor_aliases VALUES ($o, $t)", {"o": old, "t": target})
    _move_details(con, old, target)
    return target


def _pin_shown(con, name: str) -> None:
    """An actor that others merge into keeps the kind and Wikidata ID it shows now, rather than
    whatever most of the merged mentions say."""
    pinned = con.execute("SELECT kind <> '' AND wikidata <> '' FROM actor_corrections WHERE name = $n", {"n": name}).fetchall()
    if pinned and pinned[0][0]:
        return
    shown = con.execute(
        f"SELECT coalesce(mode(nullif(actor_kinds, '')), ''), coalesce(mode(nullif(actor_ids, '')), '') "
        f"FROM ({mentions_sql()}) WHERE actors = $n AND NOT not_actor", {"n": name},
    ).fetchall()
    if shown and any(shown[0]):
        _fill(con, name, kind=shown[0][0], wikidata=shown[0][1])


def _fill(con, name: str, **values: str) -> None:
    """Set what the user has not set for ``name`` yet."""
    con.execute("INSERT OR IGNORE INTO actor_corrections (name) VALUES ($n)", {"n": name})
    assignments = ", ".join(f"{column} = coalesce(nullif({column}, ''), ${column})" for column in values)
    con.execute(f"UPDATE actor_corrections SET {assignments} WHERE name = $n", {"n": name, **values})


def _move_details(con, old: str, target: str) -> None:
    """``target`` keeps what the user set for it and takes ``old``'s where it has none."""
    moved = con.execute("SELECT kind, wikidata, country, role FROM actor_corrections WHERE name = $o", {"o": old}).fetchall()
    if not moved:
        return
    kind, wikidata, country, role = moved[0]
    _fill(con, target, kind=kind, wikidata=wikidata, country=country, role=role)
    con.execute("DELETE FROM actor_corrections WHERE name = $o", {"o": old})
    _drop_empty(con)


def _upsert(con, name: str, **values) -> None:
    con.execute("INSERT OR IGNORE INTO actor_corrections (name) VALUES ($n)", {"n": name})
    assignments = ", ".join(f"{column} = ${column}" for column in values)
    con.execute(f"UPDATE actor_corrections SET {assignments} WHERE name = $n", {"n": name, **values})
    _drop_empty(con)


def _drop_empty(con) -> None:
    """A correction row that says nothing any more (all reset) goes."""
    con.execute("DELETE FROM actor_corrections WHERE kind = '' AND wikidata = '' AND country = '' AND role = '' AND NOT not_actor")


def _apply_row(con, row: actor_csv.Row) -> None:
    """One CSV row: its details are set, its aliases point at its name, or it is rejected."""
    name = _resolve(con, row.name)
    details = {k: v for k, v in (("kind", row.kind), ("wikidata", row.wikidata), ("country", row.country), ("role", row.role)) if v}
    if details and not row.not_actor:
        _upsert(con, name, **details)
    for alias in row.aliases:
        if alias != name:
            _point(con, alias, name)
    if row.not_actor:
        _reject(con, name)


def _point(con, alias: str, target: str) -> None:
    """``alias`` names ``target`` from now on: moved if it was another actor's alias, else
    merged (with its own aliases) into ``target``."""
    if _is_alias(con, alias):
        con.execute("UPDATE actor_aliases SET name = $t WHERE alias = $a", {"t": target, "a": alias})
    else:
        _rename(con, alias, target)


def _reject(con, name: str) -> None:
    """``name`` is not an actor; if it was an alias it stops being one, so its actor stays."""
    con.execute("DELETE FROM actor_aliases WHERE alias = $n", {"n": name})
    _upsert(con, name, not_actor=True)
