"""List and correct the actors of a fact store, as the dashboard's Actors page does.

Corrections are kept in the store and apply at once to every page, export and filter; they
are keyed by actor name, so they hold for documents ingested or re-ingested later too.

  list                        every actor: kind, facts, documents, Wikidata ID, forms found, aliases
  merge NAME... --into NAME   the first names become aliases of the last; their facts name it
  rename OLD NEW              call an actor by another name (OLD stays as an alias)
  alias NAME ALIAS...         let ALIAS name the actor NAME (merges an actor of that name)
  unalias ALIAS...            undo a merge, rename or alias
  kind NAME KIND              person, organisation, company, party or state
  wikidata NAME QID           set (or with "" forget) the Wikidata ID
  reject NAME...              mark names as not an actor: no fact names them any more
  restore NAME...             undo reject
  export [-o FILE]            the corrections as an --actors CSV
  import FILE [--replace]     apply an --actors CSV (the file is checked whole first)
  clear                       forget every actor correction

Example: fact-timeline actors merge "Fischer" --into "Joschka Fischer" --db facts.duckdb
"""

from __future__ import annotations

import argparse
import json
import sys

from dashboard.facts.output import csv_safe
from dashboard.facts.schema import ACTOR_KINDS
from dashboard.paths import default_db_path
from dashboard.store.store import FactStore

LIST_FORMATS = ("table", "csv", "json")


def configure(parser: argparse.ArgumentParser) -> None:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="PATH", help=f"the DuckDB file (default: {default_db_path()})")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, summary: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[db], help=summary, description=summary)

    listing = action("list", "every actor with its kind, facts, documents, Wikidata ID, forms and aliases")
    listing.add_argument("--kind", choices=ACTOR_KINDS, action="append", help="only actors of this kind (repeatable)")
    listing.add_argument("--rejected", action="store_true", help="list the names marked as not an actor instead")
    listing.add_argument("--format", choices=LIST_FORMATS, default="table", help="output format (default: table)")
    merge = action("merge", "merge actors: each NAME becomes an alias of the --into actor")
    merge.add_argument("names", nargs="+", metavar="NAME")
    merge.add_argument("--into", required=True, metavar="NAME", help="the actor that stays")
    rename = action("rename", "call an actor by another name (the old one stays as an alias)")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    alias = action("alias", "let each ALIAS name the actor NAME")
    alias.add_argument("name", metavar="NAME")
    alias.add_argument("aliases", nargs="+", metavar="ALIAS")
    unalias = action("unalias", "undo a merge, rename or alias: ALIAS names what extraction found again")
    unalias.add_argument("aliases", nargs="+", metavar="ALIAS")
    kind = action("kind", "set the kind of an actor")
    kind.add_argument("name", metavar="NAME")
    kind.add_argument("kind", choices=ACTOR_KINDS, metavar="KIND", help=", ".join(ACTOR_KINDS))
    wikidata = action("wikidata", "set the Wikidata ID of an actor ('' forgets yours)")
    wikidata.add_argument("name", metavar="NAME")
    wikidata.add_argument("wikidata", metavar="QID")
    reject = action("reject", "mark names as not an actor")
    reject.add_argument("names", nargs="+", metavar="NAME")
    restore = action("restore", "undo reject: the names are actors again")
    restore.add_argument("names", nargs="+", metavar="NAME")
    export = action("export", "write the corrections as an --actors CSV")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    importing = action("import", "apply the corrections of an --actors CSV")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--replace", action="store_true", help="drop the stored corrections first")
    action("clear", "forget every actor correction")


def run(args: argparse.Namespace) -> int:
    corrections = FactStore(args.db).actor_corrections
    if args.action == "list":
        _list(corrections, args)
        return 0
    if args.action == "export":
        text = corrections.to_csv()
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            print(f"{len(text.splitlines()) - 1} actor corrections written to {args.output}", file=sys.stderr)
        else:
            sys.stdout.write(text)
        return 0
    for message in _apply(corrections, args):
        print(message, file=sys.stderr)
    return 0


def _apply(corrections, args: argparse.Namespace) -> list[str]:
    action = args.action
    if action == "merge":
        return [corrections.merge(args.names, into=args.into)]
    if action == "rename":
        return [corrections.rename(args.old, args.new)]
    if action == "alias":
        return [corrections.add_alias(args.name, alias) for alias in args.aliases]
    if action == "unalias":
        return [corrections.remove_alias(alias) for alias in args.aliases]
    if action == "kind":
        return [corrections.set_kind(args.name, args.kind)]
    if action == "wikidata":
        return [corrections.set_wikidata(args.name, args.wikidata)]
    if action == "reject":
        return [corrections.reject(name) for name in args.names]
    if action == "restore":
        return [corrections.restore(name) for name in args.names]
    if action == "import":
        return [corrections.import_csv(args.file, replace=args.replace)]
    return [corrections.clear()]


def _list(corrections, args: argparse.Namespace) -> None:
    frame = corrections.rejected() if args.rejected else corrections.table()
    if args.kind and not args.rejected:
        frame = frame[frame["kind"].isin(args.kind)]
    if args.format == "json":
        for record in frame.to_dict(orient="records"):
            print(json.dumps({k: (v if not hasattr(v, "item") else v.item()) for k, v in record.items()}, ensure_ascii=False))
        return
    frame = frame.copy()
    for column in [c for c in ("forms", "aliases") if c in frame]:
        frame[column] = ["|".join(values) for values in frame[column]]
    if args.format == "csv":
        sys.stdout.write(frame.map(csv_safe).to_csv(index=False))
    elif frame.empty:
        print("no names are marked as not an actor" if args.rejected else "no actors in this store", file=sys.stderr)
    else:
        sys.stdout.write(frame.drop(columns=[c for c in ("corrected", "role") if c in frame]).to_string(index=False) + "\n")
