"""Delete documents and their facts (and your corrections of them) from the fact store.

DOC_IDs are the ids `fact-timeline export --format csv` and the Documents page show. An id the
store does not hold is named and the others are still deleted; the exit code is 0 only when
every id was found.

Example: fact-timeline delete washington-summit-2024-07-11 --db facts.duckdb
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.errors import UserError
from dashboard.paths import default_db_path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="id(s) of the documents to delete")
    parser.add_argument("--db", type=Path, metavar="PATH", help=f"the DuckDB file (default: {default_db_path()})")


def run(args: argparse.Namespace) -> int:
    from dashboard.store import FactStore

    db = Path(args.db or default_db_path())
    if not db.is_file():
        raise UserError(f"no fact store at {db}")
    store = FactStore(db)
    stored = set(store.documents()["doc_id"])
    wanted = list(dict.fromkeys(args.doc_ids))
    missing = [d for d in wanted if d not in stored]
    found = [d for d in wanted if d in stored]
    n_facts = int(store.documents().set_index("doc_id").loc[found, "n_facts"].sum()) if found else 0
    store.remove(found)
    for doc_id in missing:
        print(f"fact-timeline: error: {db}: no document {doc_id!r}", file=sys.stderr)
    print(f"deleted {len(found)} document{'s' if len(found) != 1 else ''} and {n_facts} facts from {db}", file=sys.stderr)
    return 0 if not missing else 2
