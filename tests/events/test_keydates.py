"""Key dates: the days a story's articles point at, and the eval against a journalist's timeline."""

import json
from datetime import date, timedelta

import pandas as pd

from dashboard.cli import main
from dashboard.events.keydates import Scoring, date_f1, key_dates, publication_baseline
from dashboard.facts import Document
from dashboard.store import FactStore

QUAKE = date(2026, 2, 10)  # a Tuesday


def _story():
    """Four articles over the next days look back at the quake on 10 February; on 14 February
    six articles appear that point at no day of their own (a busy news day)."""
    docs = []
    for k, when in enumerate((QUAKE + timedelta(days=1), QUAKE + timedelta(days=2), QUAKE + timedelta(days=3), QUAKE + timedelta(days=9))):
        docs.append(Document(f"quake-{k}", f"The earthquake that struck the coast on February 10 destroyed the harbour, officials said. "
                             f"Rescue teams are still searching the rubble.", title=f"Quake report {k}", dct=when, lang="en"))
    for k in range(6):
        docs.append(Document(f"busy-{k}", f"Ministers discussed the budget. The debate continues. Item {k} was agreed.",
                             title=f"Budget {k}", dct=QUAKE + timedelta(days=4), lang="en"))
    return docs


def test_the_day_the_articles_point_at_beats_a_day_of_many_publications(tmp_path):
    store = FactStore(tmp_path / "s.duckdb")
    store.ingest(_story())
    documents = store.documents()
    published = pd.Series(documents["dct"].values, index=documents["doc_id"])
    best = key_dates(store.facts(), published, 1, store.events())
    assert [d.date for d in best] == [QUAKE]
    assert publication_baseline(published, 1) == [QUAKE + timedelta(days=4)]  # what counting alone picks
    assert set(best[0].sources) == {f"quake-{k}" for k in range(4)}
    assert "earthquake" in best[0].sentences[0]


def test_scores_follow_the_weights():
    facts = pd.DataFrame({
        "doc_id": ["a", "b"], "granularity": ["day", "day"], "dating": ["expression", "expression"],
        "start": pd.to_datetime(["2026-02-10", "2026-02-12"]), "end": pd.to_datetime(["2026-02-11", "2026-02-13"]),
        "dct": pd.to_datetime(["2026-02-11", "2026-02-11"]), "sentence_index": [5, 0], "sentence": ["x", "y"],
    })
    published = pd.Series(pd.to_datetime(["2026-02-11", "2026-02-11"]), index=["a", "b"])
    days = {d.date: d.score for d in key_dates(facts, published, 3, scoring=Scoring(decay=1.0, future=0.5, lead_bonus=1.0, burst=0.25))}
    assert days == {date(2026, 2, 10): 1.0, date(2026, 2, 11): 0.5, date(2026, 2, 12): 1.0}


def test_date_f1():
    assert date_f1([date(2026, 1, 1), date(2026, 1, 2)], [date(2026, 1, 2), date(2026, 1, 3)]) == 0.5
    assert date_f1([], [date(2026, 1, 1)]) == 0.0


def _story_folder(folder, docs, gold_day):
    folder.mkdir()
    with open(folder / "docs.jsonl", "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps({"doc_id": doc.doc_id, "title": doc.title, "lang": "en", "dct": doc.dct.isoformat(), "text": doc.text}) + "\n")
    (folder / "gold.json").write_text(json.dumps({"name": folder.name, "dates": {gold_day.isoformat(): ["What happened."]},
                                                  "start": "2026-02-01", "end": "2026-02-28", "n_dates": 1}))


def test_eval_timeline_scores_a_story_folder_of_our_own(tmp_path, capsys):
    _story_folder(tmp_path / "quake", _story(), QUAKE)
    assert main(["eval", "--timeline", str(tmp_path), "--workers", "1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["stories"][0]["date_f1"] == 1.0 and result["stories"][0]["baseline_f1"] == 0.0
    assert result["mean_date_f1"] == 1.0
    assert main(["eval", "--timeline", str(tmp_path / "missing")]) != 0
    assert "no such folder" in capsys.readouterr().err


def test_eval_timeline_leave_one_out_scores_each_story_with_weights_tuned_on_the_others(tmp_path, capsys):
    """Two stories: one whose key day is the day its articles point at, one whose key day is its
    busiest day of publication. Weights tuned on either cannot be right for the other."""
    _story_folder(tmp_path / "a-quake", _story(), QUAKE)
    _story_folder(tmp_path / "b-budget", _story(), QUAKE + timedelta(days=4))
    assert main(["eval", "--timeline", str(tmp_path), "--workers", "1", "--leave-one-out", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    quake, budget = result["stories"]
    assert (quake["date_f1"], budget["date_f1"]) == (1.0, 0.0)     # the shipped weights
    assert budget["unseen_scoring"]["burst"] < 1.0 <= quake["unseen_scoring"]["burst"]
    # each fold's weights fit the other story, so neither is right unseen: 0.5 in sample, 0 unseen
    assert (quake["unseen_date_f1"], budget["unseen_date_f1"]) == (0.0, 0.0)
    assert result["mean_date_f1"] == 0.5 and result["mean_unseen_date_f1"] == 0.0
    assert main(["eval", "--timeline", str(tmp_path), "--workers", "1", "--leave-one-out"]) == 0
    table = capsys.readouterr().out
    assert "unseen F1" in table and "a-quake: decay" in table
