"""Training in stages: a run that goes on from a shipped model starts from its weights, not afresh."""

import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training.initialize import init_nlp
from spacy.util import load_config_from_str

from dashboard.actors.training import _CONFIG, MODELS_DIR, PIPELINE, continued_config

TEXT = "Bundeskanzler Olaf Scholz traf am Montag in Berlin den Generalsekretär der NATO, Mark Rutte."


def _config(lang: str) -> str:
    return _CONFIG.format(pipeline=json.dumps(list(PIPELINE)), lang=lang, seed=0, width=96, depth=4, rows=10000,
                          rows_small=5000, steps=10, eval_every=5)


def test_a_continued_run_starts_from_the_shipped_weights(tmp_path: Path):
    shipped = spacy.load(MODELS_DIR / "de")
    corpus = tmp_path / "tiny.spacy"
    DocBin(docs=[shipped.make_doc(TEXT)]).to_disk(corpus)
    config = load_config_from_str(continued_config(_config("de"), MODELS_DIR / "de"),
                                  overrides={"paths.train": str(corpus), "paths.dev": str(corpus)})
    resumed = init_nlp(config)
    assert resumed.pipe_names == list(PIPELINE)
    assert [(e.text, e.label_) for e in resumed(TEXT).ents] == [(e.text, e.label_) for e in shipped(TEXT).ents]
    assert resumed(TEXT).ents  # the shipped model finds people here; a fresh one finds nothing


def test_a_continued_run_takes_full_batches_from_its_first_step():
    config = load_config_from_str(continued_config(_config("en"), MODELS_DIR / "en"))
    assert config["training"]["batcher"]["size"]["start"] == config["training"]["batcher"]["size"]["stop"] == 1000
    assert all(config["components"][name] == {"source": str(MODELS_DIR / "en")} for name in PIPELINE)
