"""``fact-timeline actors``: the Actors page's corrections from the shell, on a real store file."""

import csv
import io
import json
import subprocess
import sys

import pytest

from dashboard.facts import facts_frame
from dashboard.store import FactFilter, FactStore

from .conftest import documents_for
from .test_actor_corrections import FACTS


def actors(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "dashboard", "actors", *map(str, args)], capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "facts.duckdb"
    facts = facts_frame(FACTS)
    FactStore(path).write(documents_for(facts), facts)
    return path


def listed(db, *options) -> list[dict]:
    done = actors("list", "--db", db, "--format", "json", *options)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_list_shows_every_actor_with_kind_counts_and_forms(db):
    done = actors("list", "--db", db)
    assert done.returncode == 0, done.stderr
    header, first = done.stdout.splitlines()[:2]
    assert header.split() == ["name", "kind", "n_facts", "n_documents", "wikidata", "forms", "aliases"]
    assert first.split()[:4] == ["Fischer", "person", "3", "2"]
    germany = next(a for a in listed(db) if a["name"] == "Germany")
    assert germany["wikidata"] == "Q183" and germany["forms"] == ["deutsche"]
    assert [a["name"] for a in listed(db, "--kind", "state")] == ["Germany"]
    rows = list(csv.DictReader(io.StringIO(actors("list", "--db", db, "--format", "csv").stdout)))
    assert rows[0]["name"] == "Fischer" and rows[0]["n_facts"] == "3"


def test_merge_rename_alias_kind_reject_restore_from_the_shell(db):
    steps = [
        (("merge", "Fischer", "--into", "Joschka Fischer"), "merged Fischer into Joschka Fischer"),
        (("rename", "Deutsche Bank", "Deutsche Bank AG"), "Deutsche Bank is now called Deutsche Bank AG"),
        (("alias", "Joschka Fischer", "Joseph Fischer", "J. Fischer"), "J. Fischer is now an alias of Joschka Fischer"),
        (("kind", "Deutsche Bank AG", "company"), "Deutsche Bank AG: kind company"),
        (("wikidata", "Joschka Fischer", "Q41225"), "Joschka Fischer: wikidata Q41225"),
        (("reject", "Sonntag", "Madeleine Albright"), "Madeleine Albright is marked as not an actor"),
        (("restore", "Madeleine Albright"), "Madeleine Albright is an actor again"),
        (("unalias", "J. Fischer"), "J. Fischer is no longer an alias of Joschka Fischer"),
    ]
    for args, said in steps:
        done = actors(*args, "--db", db)
        assert done.returncode == 0 and said in done.stderr, (args, done.stderr)
    table = {a["name"]: a for a in listed(db)}
    assert set(table) == {"Joschka Fischer", "Deutsche Bank AG", "Germany", "NATO", "Madeleine Albright"}
    assert table["Joschka Fischer"]["aliases"] == ["Fischer", "Joseph Fischer"] and table["Joschka Fischer"]["n_facts"] == 4
    assert table["Joschka Fischer"]["wikidata"] == "Q41225" and table["Deutsche Bank AG"]["kind"] == "company"
    assert [r["name"] for r in listed(db, "--rejected")] == ["Sonntag"]
    assert len(FactStore(db).facts(FactFilter(actors=("Joschka Fischer",)))) == 4


def test_export_then_import_into_another_store_gives_the_same_facts(db, tmp_path):
    assert actors("merge", "Fischer", "--into", "Joschka Fischer", "--db", db).returncode == 0
    assert actors("reject", "Sonntag", "--db", db).returncode == 0
    out = tmp_path / "corrections.csv"
    done = actors("export", "-o", out, "--db", db)
    assert done.returncode == 0 and "2 actor corrections written to" in done.stderr
    assert actors("export", "--db", db).stdout == out.read_text(encoding="utf-8")

    other = tmp_path / "other.duckdb"
    facts = facts_frame(FACTS)
    FactStore(other).write(documents_for(facts), facts)
    done = actors("import", out, "--db", other)
    assert done.returncode == 0 and "1 actors and 1 names marked not an actor imported" in done.stderr
    assert FactStore(other).facts()["actors"].tolist() == FactStore(db).facts()["actors"].tolist()
    assert actors("clear", "--db", other).stderr.strip() == "3 actor corrections removed"
    assert "Fischer" in FactStore(other).actors()


def test_bad_input_is_one_line_and_exit_code_2(db, tmp_path):
    unknown = actors("merge", "Fishcer", "--into", "Joschka Fischer", "--db", db)
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "fact-timeline: error: no actor is called 'Fishcer' (see `fact-timeline actors list`)"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,kind\nNATO,alliance\n", encoding="utf-8")
    done = actors("import", bad, "--db", db)
    assert done.returncode == 2 and done.stderr.strip().startswith(f"fact-timeline: error: {bad}:2: kind 'alliance'")
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
    wrong_kind = actors("kind", "NATO", "alliance", "--db", db)
    assert wrong_kind.returncode == 2 and "invalid choice: 'alliance'" in wrong_kind.stderr


def test_help_names_every_action(db):
    done = subprocess.run([sys.executable, "-m", "dashboard", "actors", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    for action in ("list", "merge", "rename", "alias", "unalias", "kind", "wikidata", "reject", "restore", "export", "import", "clear"):
        assert action in done.stdout
