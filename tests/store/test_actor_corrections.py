"""Actor corrections in a real DuckDB file: merge, rename, alias, kind, reject, their undo, the
CSV, and that every read (facts, filters, the actor list) and every re-ingest sees them."""

from datetime import date

import duckdb
import pytest

from dashboard.errors import UserError
from dashboard.facts import Document, facts_frame
from dashboard.facts.schema import ACTOR_COLUMNS
from dashboard.store import FactFilter, FactStore, apply_filter

from .conftest import documents_for, fact_row

KINDS = {"Joschka Fischer": "person", "Fischer": "person", "Deutsche Bank": "organisation", "NATO": "organisation",
         "Germany": "state", "Sonntag": "person", "Madeleine Albright": "person"}
IDS = {"NATO": "Q7184", "Germany": "Q183"}


def row(doc_id, index, *actors, forms=None):
    """A fact naming ``actors`` with kinds, IDs and forms as extraction gives them."""
    fact = fact_row(doc_id, index, f"2025-10-{index + 1:02d}", actors=actors)
    fact["actor_kinds"] = [KINDS.get(a, "person") for a in actors]
    fact["actor_ids"] = [IDS.get(a, "") for a in actors]
    fact["actor_roles"] = ["Foreign Minister, Germany" if a == "Joschka Fischer" else "" for a in actors]
    fact["actor_forms"] = list(forms or actors)
    return fact


FACTS = [
    row("a", 0, "Joschka Fischer", "Germany", forms=["Joschka Fischer", "deutsche"]),
    row("a", 1, "Fischer", "NATO"),
    row("a", 2, "Joschka Fischer", "Fischer", "Deutsche Bank"),
    row("b", 0, "Fischer", "Sonntag"),
    row("b", 1, "Deutsche Bank", "Madeleine Albright"),
]


@pytest.fixture
def stored(store):
    facts = facts_frame(FACTS)
    store.write(documents_for(facts), facts)
    return store


def actors_by_fact(store, flt=None) -> dict[str, list[str]]:
    return dict(zip(store.facts(flt)["fact_id"], store.facts(flt)["actors"]))


def aligned(store) -> None:
    for fact in store.facts().itertuples():
        assert len({len(getattr(fact, column)) for column in ACTOR_COLUMNS}) == 1, fact


def test_a_store_without_corrections_lists_actors_with_kind_counts_forms_and_ids(stored):
    table = stored.actor_table().set_index("name")
    assert stored.actors() == ["Fischer", "Deutsche Bank", "Joschka Fischer", "Germany", "Madeleine Albright", "NATO", "Sonntag"]
    assert table.loc["Fischer", "n_facts"] == 3 and table.loc["Fischer", "n_documents"] == 2
    assert table.loc["Germany", "forms"] == ["deutsche"] and table.loc["Germany", "wikidata"] == "Q183"
    assert table.loc["NATO", "kind"] == "organisation" and table.loc["Joschka Fischer", "role"] == "Foreign Minister, Germany"
    assert not table["corrected"].any() and all(aliases == [] for aliases in table["aliases"])


def test_merge_makes_every_fact_name_the_actor_that_stays_once(stored):
    version = stored.version()
    message = stored.actor_corrections.merge(["Fischer"], into="Joschka Fischer")
    assert message == "merged Fischer into Joschka Fischer"
    assert stored.version() != version  # every dashboard cache misses
    facts = actors_by_fact(stored)
    assert facts["a-1"] == ["Joschka Fischer", "NATO"]
    assert facts["a-2"] == ["Joschka Fischer", "Deutsche Bank"]  # named twice, kept once, first place
    assert facts["b-0"] == ["Joschka Fischer", "Sonntag"]
    aligned(stored)
    row_a2 = stored.facts(FactFilter(doc_ids=("a",))).set_index("fact_id").loc["a-2"]
    assert row_a2["actor_roles"] == ["Foreign Minister, Germany", ""] and row_a2["actor_forms"] == ["Joschka Fischer", "Deutsche Bank"]

    table = stored.actor_table().set_index("name")
    assert "Fischer" not in table.index and "Fischer" not in stored.actors()
    assert table.loc["Joschka Fischer", "n_facts"] == 4 and table.loc["Joschka Fischer", "n_documents"] == 2
    assert table.loc["Joschka Fischer", "aliases"] == ["Fischer"] and table.loc["Joschka Fischer", "forms"] == ["Fischer", "Joschka Fischer"]
    assert table.loc["Joschka Fischer", "corrected"]


def test_filters_see_the_corrected_names_in_the_store_and_in_memory(stored):
    stored.actor_corrections.merge(["Fischer"], into="Joschka Fischer")
    for flt in (FactFilter(actors=("Joschka Fischer",)), FactFilter(actors=("Fischer",)),
                FactFilter(actors=("Joschka Fischer", "NATO"), actor_mode="all")):
        in_store = stored.facts(flt)["fact_id"].tolist()
        assert in_store == apply_filter(stored.facts(), flt)["fact_id"].tolist()
    assert stored.facts(FactFilter(actors=("Joschka Fischer",)))["fact_id"].tolist() == ["a-0", "b-0", "a-1", "a-2"]
    assert stored.facts(FactFilter(actors=("Fischer",))).empty


def test_the_merged_into_actor_keeps_its_kind_and_id(stored):
    stored.actor_corrections.merge(["Germany"], into="NATO")  # a mistake, but a telling one
    table = stored.actor_table().set_index("name")
    assert table.loc["NATO", "kind"] == "organisation" and table.loc["NATO", "wikidata"] == "Q7184"
    assert stored.facts().set_index("fact_id").loc["a-0", "actor_ids"] == ["", "Q7184"]


def test_rename_changes_the_name_everywhere_and_keeps_the_old_one_as_an_alias(stored):
    corrections = stored.actor_corrections
    assert corrections.rename("Deutsche Bank", "Deutsche Bank AG") == "Deutsche Bank is now called Deutsche Bank AG"
    assert actors_by_fact(stored)["b-1"] == ["Deutsche Bank AG", "Madeleine Albright"]
    assert stored.actor_table().set_index("name").loc["Deutsche Bank AG", "aliases"] == ["Deutsche Bank"]
    # renamed again: one lookup still resolves both older names
    corrections.rename("Deutsche Bank AG", "DB")
    assert actors_by_fact(stored)["a-2"] == ["Joschka Fischer", "Fischer", "DB"]
    assert stored.actor_table().set_index("name").loc["DB", "aliases"] == ["Deutsche Bank", "Deutsche Bank AG"]
    # renamed to one of its own aliases: that name leads again, the other becomes an alias
    corrections.rename("DB", "Deutsche Bank")
    assert actors_by_fact(stored)["b-1"] == ["Deutsche Bank", "Madeleine Albright"]
    assert stored.actor_table().set_index("name").loc["Deutsche Bank", "aliases"] == ["DB", "Deutsche Bank AG"]


def test_renaming_onto_another_actor_merges_them(stored):
    assert stored.actor_corrections.rename("Fischer", "Joschka Fischer") == "Fischer is now called Joschka Fischer"
    assert "Fischer" not in stored.actors()
    assert actors_by_fact(stored)["a-2"] == ["Joschka Fischer", "Deutsche Bank"]


def test_an_alias_merges_an_actor_of_that_name_and_can_be_undone(stored):
    corrections = stored.actor_corrections
    assert corrections.add_alias("Joschka Fischer", "Fischer") == "Fischer is now an alias of Joschka Fischer"
    assert actors_by_fact(stored)["b-0"] == ["Joschka Fischer", "Sonntag"]
    assert corrections.add_alias("Joschka Fischer", "Joseph Fischer") == "Joseph Fischer is now an alias of Joschka Fischer"
    assert stored.actor_table().set_index("name").loc["Joschka Fischer", "aliases"] == ["Fischer", "Joseph Fischer"]
    assert corrections.add_alias("Joschka Fischer", "Fischer") == "Fischer already names Joschka Fischer"
    assert corrections.remove_alias("Fischer") == "Fischer is no longer an alias of Joschka Fischer"
    assert actors_by_fact(stored)["b-0"] == ["Fischer", "Sonntag"]
    with pytest.raises(UserError, match="'Fischer' is no alias"):
        corrections.remove_alias("Fischer")


def test_an_alias_moves_from_one_actor_to_another(stored):
    corrections = stored.actor_corrections
    corrections.add_alias("Madeleine Albright", "Fischer")
    corrections.add_alias("Joschka Fischer", "Fischer")
    assert actors_by_fact(stored)["b-0"] == ["Joschka Fischer", "Sonntag"]
    assert stored.actor_table().set_index("name").loc["Madeleine Albright", "aliases"] == []


def test_kind_and_wikidata_apply_to_every_fact_of_the_actor(stored):
    corrections = stored.actor_corrections
    assert corrections.set_kind("Deutsche Bank", "company") == "Deutsche Bank: kind company"
    corrections.set_wikidata("Deutsche Bank", "Q66048")
    for fact in stored.facts(FactFilter(actors=("Deutsche Bank",))).itertuples():
        at = fact.actors.index("Deutsche Bank")
        assert fact.actor_kinds[at] == "company" and fact.actor_ids[at] == "Q66048"
    table = stored.actor_table().set_index("name")
    assert table.loc["Deutsche Bank", "kind"] == "company" and table.loc["Deutsche Bank", "wikidata"] == "Q66048"
    with pytest.raises(UserError, match="kind 'bank' is not one of person, organisation, company, party, state"):
        corrections.set_kind("Deutsche Bank", "bank")
    with pytest.raises(UserError, match="not a Wikidata ID"):
        corrections.set_wikidata("Deutsche Bank", "66048")


def test_a_name_marked_not_an_actor_leaves_every_fact_and_comes_back_on_restore(stored):
    corrections = stored.actor_corrections
    assert corrections.reject("Sonntag") == "Sonntag is marked as not an actor"
    assert actors_by_fact(stored)["b-0"] == ["Fischer"]
    aligned(stored)
    assert "Sonntag" not in stored.actors()
    assert stored.facts(FactFilter(actors=("Sonntag",))).empty
    assert corrections.rejected()[["name", "n_facts"]].values.tolist() == [["Sonntag", 1]]
    with pytest.raises(UserError, match="marked as not an actor; restore it first"):
        corrections.merge(["Fischer"], into="Sonntag")
    assert corrections.restore("Sonntag") == "Sonntag is an actor again"
    assert actors_by_fact(stored)["b-0"] == ["Fischer", "Sonntag"] and corrections.rejected().empty


def test_rejecting_an_alias_keeps_the_actor_it_named(stored):
    corrections = stored.actor_corrections
    corrections.merge(["Fischer"], into="Joschka Fischer")
    corrections.reject("Fischer")
    assert actors_by_fact(stored)["a-0"] == ["Joschka Fischer", "Germany"]
    assert actors_by_fact(stored)["b-0"] == ["Sonntag"]


def test_rejecting_a_merged_actor_drops_its_aliases_too(stored):
    corrections = stored.actor_corrections
    corrections.merge(["Fischer"], into="Joschka Fischer")
    corrections.reject("Joschka Fischer")
    assert not any("Fischer" in " ".join(actors) for actors in stored.facts()["actors"])
    assert corrections.rejected().set_index("name").loc["Joschka Fischer", "aliases"] == ["Fischer"]


def test_unknown_names_are_refused_with_a_clear_message(stored):
    corrections = stored.actor_corrections
    with pytest.raises(UserError, match="no actor is called 'Fishcer'"):
        corrections.merge(["Fishcer"], into="Joschka Fischer")
    with pytest.raises(UserError, match="no actor is called 'Nobody'"):
        corrections.rename("Nobody", "Somebody")
    corrections.merge(["Fischer"], into="Joschka Fischer")
    with pytest.raises(UserError, match="'Fischer' is an alias of 'Joschka Fischer'; use that name"):
        corrections.rename("Fischer", "Joe Fischer")
    assert corrections.set_kind("Fischer", "party") == "Joschka Fischer: kind party"  # an alias stands for its actor
    with pytest.raises(UserError, match="name at least one actor"):
        corrections.merge(["Joschka Fischer"], into="Joschka Fischer")
    with pytest.raises(UserError, match="actor name is empty"):
        corrections.rename("Joschka Fischer", "  ")


def test_corrections_survive_writing_the_document_again(stored):
    stored.actor_corrections.merge(["Fischer"], into="Joschka Fischer")
    stored.actor_corrections.reject("Sonntag")
    again = facts_frame([row("b", 0, "Fischer", "Sonntag"), row("b", 7, "Sonntag", "Fischer", "NATO")])
    stored.write(documents_for(again), again)
    facts = actors_by_fact(stored)
    assert facts["b-0"] == ["Joschka Fischer"] and facts["b-7"] == ["Joschka Fischer", "NATO"]


def test_a_reingested_document_comes_back_corrected(store):
    text = "Außenminister Heiko Maas traf am 3. Oktober 2025 den NATO-Generalsekretär. Maas sprach am 4. Oktober 2025 in Berlin."
    doc = Document("maas", text, title="Maas", dct=date(2025, 10, 5), lang="de")
    store.ingest([doc], workers=1)
    assert "Heiko Maas" in store.actors()
    store.actor_corrections.rename("Heiko Maas", "Heiko Josef Maas")
    store.actor_corrections.set_kind("Heiko Josef Maas", "party")  # any visible change will do
    changed = Document("maas", text + " Am 6. Oktober 2025 reiste Maas ab.", title="Maas", dct=date(2025, 10, 5), lang="de")
    report = store.ingest([changed], workers=1)
    assert report.replaced == ["maas"]
    facts = store.facts()
    assert len(facts) == 3
    assert all("Heiko Josef Maas" in actors and "Heiko Maas" not in actors for actors in facts["actors"])
    assert all(kinds[actors.index("Heiko Josef Maas")] == "party" for actors, kinds in zip(facts["actors"], facts["actor_kinds"]))


def test_corrections_export_to_csv_and_import_into_another_store(stored, tmp_path):
    corrections = stored.actor_corrections
    corrections.merge(["Fischer"], into="Joschka Fischer")
    corrections.set_kind("Deutsche Bank", "company")
    corrections.reject("Sonntag")
    text = corrections.to_csv()
    assert text.splitlines() == [
        "name,kind,wikidata,country,role,aliases,not_actor",
        "Deutsche Bank,company,,,,,",
        "Joschka Fischer,person,,,,Fischer,",
        "Sonntag,,,,,,yes",
    ]
    path = tmp_path / "actors.csv"
    path.write_text(text, encoding="utf-8")
    other = FactStore(tmp_path / "other.duckdb")
    facts = facts_frame(FACTS)
    other.write(documents_for(facts), facts)
    assert other.actor_corrections.import_csv(path) == f"{path}: 2 actors and 1 names marked not an actor imported"
    assert actors_by_fact(other) == actors_by_fact(stored)
    assert other.actor_table().equals(stored.actor_table())
    assert other.actor_corrections.to_csv() == text


def test_import_accepts_a_gazetteer_csv_and_replace_starts_afresh(stored, tmp_path):
    stored.actor_corrections.reject("Sonntag")
    path = tmp_path / "gazetteer.csv"
    path.write_text("name,kind,wikidata,country,role,aliases\nJoschka Fischer,person,Q41225,DE,Foreign Minister,Fischer|Joseph Fischer\n",
                    encoding="utf-8")
    stored.actor_corrections.import_csv(path, replace=True)
    fact = stored.facts().set_index("fact_id").loc["b-0"]
    assert fact["actors"] == ["Joschka Fischer", "Sonntag"]  # the rejection went with --replace
    assert fact["actor_ids"][0] == "Q41225" and fact["actor_roles"][0] == "Foreign Minister, DE"


def test_a_bad_line_names_file_and_line_and_changes_nothing(stored, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,kind,aliases\nJoschka Fischer,person,Fischer\nDeutsche Bank,bank,\n", encoding="utf-8")
    version = stored.version()
    with pytest.raises(UserError, match=rf"{path}:3: kind 'bank' is not one of"):
        stored.actor_corrections.import_csv(path)
    assert stored.version() == version and "Fischer" in stored.actors()
    for content, message in (("kind\nperson\n", ":1: an actors CSV needs a header"), ("name,not_actor\nX,maybe\n", ":2: not_actor is 'maybe'"),
                             ("name,wikidata\nX,42\n", ":2: '42' is not a Wikidata ID"), ("name\n\n,\n", "the 'name' column is empty")):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(UserError, match=message):
            stored.actor_corrections.import_csv(path)
    with pytest.raises(UserError, match="actors CSV not found"):
        stored.actor_corrections.import_csv(tmp_path / "missing.csv")


def test_a_name_that_looks_like_a_formula_is_guarded_in_the_csv_and_read_back_as_it_was(store, tmp_path):
    facts = facts_frame([row("a", 0, "=HYPERLINK(1)")])
    store.write(documents_for(facts), facts)
    store.actor_corrections.reject("=HYPERLINK(1)")
    text = store.actor_corrections.to_csv()
    assert "'=HYPERLINK(1)" in text
    (tmp_path / "a.csv").write_text(text, encoding="utf-8")
    store.actor_corrections.import_csv(tmp_path / "a.csv", replace=True)
    assert store.actor_corrections.rejected()["name"].tolist() == ["=HYPERLINK(1)"]


def test_a_store_written_before_actor_corrections_existed_reads_and_accepts_them(tmp_path):
    path = tmp_path / "old.duckdb"
    facts = facts_frame(FACTS)
    FactStore(path).write(documents_for(facts), facts)
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE actor_aliases")
        con.execute("DROP TABLE actor_corrections")
    old = FactStore(path)
    assert len(old.facts()) == len(FACTS) and old.actors()[0] == "Fischer"
    assert old.actor_corrections.rows() == [] and old.actor_corrections.rejected().empty
    old.actor_corrections.merge(["Fischer"], into="Joschka Fischer")
    assert "Fischer" not in old.actors()


def test_reading_an_empty_store_gives_empty_actor_tables(tmp_path):
    store = FactStore(tmp_path / "none.duckdb")
    assert store.actor_table().empty and list(store.actor_table().columns)[:3] == ["name", "kind", "n_facts"]
    assert store.actor_corrections.rows() == [] and store.actor_corrections.to_csv() == "name,kind,wikidata,country,role,aliases,not_actor\n"
    with pytest.raises(UserError, match="no actor is called"):
        store.actor_corrections.set_kind("NATO", "organisation")


def test_the_exported_csv_is_also_a_gazetteer_for_ingest(stored, tmp_path):
    from dashboard.actors import KINDS, load_gazetteer
    from dashboard.facts.schema import ACTOR_KINDS

    assert KINDS == ACTOR_KINDS  # one list of kinds for recognition, corrections and the sidebar
    corrections = stored.actor_corrections
    corrections.rename("Fischer", "Joschka Fischer")
    corrections.set_kind("Deutsche Bank", "company")
    corrections.reject("Sonntag")
    path = tmp_path / "actors.csv"
    path.write_text(corrections.to_csv(), encoding="utf-8")
    gazetteer = load_gazetteer([path])
    assert gazetteer.lookup("Fischer").name == "Joschka Fischer"
    assert gazetteer.lookup("Sonntag") is None  # a name marked not an actor adds nothing


@pytest.fixture(scope="module")
def corrected_random(tmp_path_factory):
    """Random facts with a merge, a rename, an alias and a name that is not an actor."""
    from .conftest import random_facts

    facts = random_facts(400)
    store = FactStore(tmp_path_factory.mktemp("corrected") / "facts.duckdb")
    store.write(documents_for(facts), facts)
    fix = store.actor_corrections
    fix.merge(["Alexander Stubb"], into="Finland")
    fix.rename("Mark Rutte", "Rutte")
    fix.add_alias("NATO", "Ukraine")
    fix.reject("Donald Trump")
    return store


@pytest.mark.parametrize("names", [("Finland",), ("Rutte",), ("Mark Rutte",), ("NATO",), ("Ukraine",), ("Donald Trump",),
                                   ("Finland", "NATO"), ("Rutte", "Finland", "Alexander Stubb")])
@pytest.mark.parametrize("mode", ["any", "all"])
def test_a_filtered_read_finds_what_filtering_the_corrected_facts_finds(corrected_random, names, mode):
    """Reads narrow by raw names before correcting (for speed): the same rows as correcting all."""
    flt = FactFilter(actors=names, actor_mode=mode, statuses=("past", "future"))
    everything = corrected_random.facts()
    assert corrected_random.facts(flt)["fact_id"].tolist() == apply_filter(everything, flt)["fact_id"].tolist()
