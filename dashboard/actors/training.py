"""Train the shipped named-entity models of German and English: ``fact-timeline train-ner``.

One small spaCy pipeline per language (``tok2vec`` with hash embeddings, a sentence recogniser
and an entity recogniser over PER/ORG/LOC), trained on CPU from

- the openly licensed NER corpora in ``corpora/ner`` (:mod:`dashboard.actors.corpora`), less
  their held-out tenth, and
- the development news corpora (KRAUTS, WikiWarsDE, TimeBank+AQUAINT, Timeline17-dev) less every
  actor-gold test document: their sentence breaks as the product's SoMaJo splitter gives them
  (so the recogniser also learns to split news as the product always has), and weak entity
  labels from what the product already knows: gazetteer names and role patterns mark entities,
  lowercase words are outside any entity, every other token is left unannotated (missing), so a
  name the lists do not know never teaches the model that it is no name.

Seeded and deterministic up to the float arithmetic of the machine; the held-out figures are
written to ``meta.json`` beside the weights.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from dashboard.actors.corpora import LABELS, Sentence, corpora_for, read_corpus
from dashboard.errors import UserError
from dashboard.paths import DATA_DIR

MODELS_DIR = DATA_DIR / "ner"
NEWS_CORPORA = {
    "de": ("krauts-dolomiten.de.jsonl", "wikiwarsde.de.jsonl"),
    "en": ("tempeval3-tbaq.en.jsonl", "timeline17-dev/*/docs.jsonl"),
}
SENTENCES_PER_DOC = 8
PIPELINE = ("tok2vec", "senter", "ner")
# The model splits sentences in place of SoMaJo only where its sentence ends agree this well with
# SoMaJo's on news documents it never saw (F1 of sentence-end offsets).
SENTENCE_AGREEMENT_BAR = 0.98  # corpus sentences joined into one training document (senter needs breaks)
_CONFIG = """
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "{lang}"
pipeline = {pipeline}
batch_size = 256

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [{rows},{rows_small},{rows_small},{rows_small}]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[components.senter]
factory = "senter"
overwrite = false

[components.senter.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[components.senter.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "tok2vec"

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "tok2vec"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = 0
max_epochs = 0
max_steps = {steps}
eval_frequency = {eval_every}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 0.8
sents_f = 0.2

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def is_test_document(doc_id: str) -> bool:
    """The actor gold's held-out fifth (GUIDELINES.md): never trained or tuned on."""
    return zlib.crc32(doc_id.encode()) % 5 == 0


def is_agreement_document(doc_id: str) -> bool:
    """A further fifth of the news corpora kept out of training, to compare sentence splits."""
    return zlib.crc32(doc_id.encode()) % 5 == 1


def news_documents(corpora_dir: Path, lang: str) -> Iterator[dict]:
    """The development corpora's documents of ``lang``, one dict each (doc_id, lang, dct, text)."""
    for pattern in NEWS_CORPORA[lang]:
        for path in sorted(corpora_dir.glob(pattern)):
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    doc = json.loads(line)
                    doc["corpus"] = str(path.relative_to(corpora_dir))
                    yield doc


def _corpus_docs(nlp, sentences: list[Sentence], with_breaks: bool) -> Iterator:
    """Join consecutive corpus sentences into documents, with their sentence starts and entities."""
    from spacy.tokens import Doc

    for i in range(0, len(sentences), SENTENCES_PER_DOC):
        group = sentences[i : i + SENTENCES_PER_DOC]
        words, spaces, tags, starts = [], [], [], []
        for sentence in group:
            words += sentence.words
            spaces += list(sentence.spaces[:-1]) + [True]
            tags += sentence.tags
            starts += [True] + [False] * (len(sentence.words) - 1) if with_breaks else [None] * len(sentence.words)
        starts[0] = True
        yield Doc(nlp.vocab, words=words, spaces=spaces, ents=list(tags), sent_starts=starts)


def _weak_doc(nlp, text: str, lang: str, sentences, mentions):
    """A news document with SoMaJo's sentence starts and partial entity labels (see module doc)."""
    from spacy.tokens import Doc

    doc = nlp.make_doc(text)
    starts = {s.start for s in sentences}
    spans = [(m.start, m.end, _label(m)) for m in mentions if _label(m)]
    tags = []
    for token in doc:
        tags.append("O" if token.is_space or token.is_punct or token.is_stop or token.text.islower() or token.is_digit else None)
    sent_starts = [None] * len(doc)
    for token in doc:
        if token.idx in starts:
            sent_starts[token.i] = True
        elif not token.is_space:
            sent_starts[token.i] = False
    sent_starts[0] = True
    for start, end, label in spans:
        span = doc.char_span(start, end, alignment_mode="strict")
        if span is None:
            continue
        for k, token in enumerate(span):
            tags[token.i] = ("B-" if k == 0 else "I-") + label
    return Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], ents=tags, sent_starts=sent_starts)


def _label(mention) -> str:
    """The NER label a gazetteer or rule mention teaches: names only, never adjectives."""
    if mention.how not in ("name", "role", "surname", "capital"):
        return ""
    kind = mention.actor.kind
    if kind == "person":
        return "PER"
    if kind == "state":
        return "LOC" if mention.end - mention.start > 0 and mention.how == "name" else ""
    return "ORG"


def _weak_docs(nlp, corpora_dir: Path, lang: str) -> Iterator:
    from dashboard.actors.recognize import find_actors
    from dashboard.facts.sentences import split_sentences

    for doc in news_documents(corpora_dir, lang):
        if is_test_document(doc["doc_id"]) or is_agreement_document(doc["doc_id"]):
            continue
        for piece in _pieces(doc["text"]):
            if not piece.strip():
                continue
            mentions = [m for m in find_actors(piece, lang, entities=()) if not _is_adjective(piece[m.start:m.end])]
            yield _weak_doc(nlp, piece, lang, split_sentences(piece, lang), mentions)


def _is_adjective(surface: str) -> bool:
    return surface[:1].islower() or surface.endswith(("isch", "ische", "ischen", "ischer", "isches", "ischem"))


def _pieces(text: str, size: int = 3000) -> Iterator[str]:
    """A long document in paragraphs of bounded size (WikiWarsDE articles are long)."""
    piece = ""
    for line in text.split("\n"):
        if len(piece) + len(line) > size and piece:
            yield piece
            piece = ""
        piece += line + "\n"
    if piece:
        yield piece


def build_training_data(nlp, corpora_dir: Path, lang: str, seed: int) -> tuple[list, list, dict[str, int]]:
    """Training and held-out documents for ``lang``; counts of each for ``meta.json``."""
    train, dev, counts = [], [], {}
    for corpus in corpora_for(lang):
        sentences = list(read_corpus(corpus, corpora_dir / "ner"))
        breaks = corpus.reader in ("germeval", "conll", "hipe", "wnut")
        kept = [s for s in sentences if not s.held_out]
        held = [s for s in sentences if s.held_out]
        train += _corpus_docs(nlp, kept, breaks)
        dev += _corpus_docs(nlp, held, breaks)
        counts[corpus.name] = len(kept)
    weak = list(_weak_docs(nlp, corpora_dir, lang))
    counts["news (weak labels)"] = len(weak)
    train += weak
    random.Random(seed).shuffle(train)
    return train, dev, counts


def _write(docs: Iterable, path: Path) -> None:
    from spacy.tokens import DocBin

    DocBin(docs=docs, store_user_data=False).to_disk(path)


def continued_config(config_text: str, start_from: Path) -> str:
    """The same pipeline with every component sourced from ``start_from``, so that its training goes on
    where that run stopped (spaCy resumes sourced components) with full-size batches from the first step:
    a long training can be done in stages that each fit in a sitting."""
    head, rest = config_text.split("[components]\n", 1)
    tail = rest[rest.index("[corpora]"):]
    sourced = "".join(f'[components.{name}]\nsource = "{start_from}"\n\n' for name in PIPELINE)
    tail = tail.replace("start = 100\n", "start = 1000\n", 1)
    return f"{head}[components]\n\n{sourced}{tail}"


def train(lang: str, corpora_dir: Path, output: Path, seed: int = 0, steps: int = 6000, width: int = 96,
          depth: int = 4, rows: int = 10000, start_from: Path | None = None, log=print) -> dict:
    """Train one language's model into ``output`` and return its meta (held-out scores included).
    With ``start_from`` (a model this function wrote), training goes on from it for ``steps`` more."""
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import fix_random_seed, load_config_from_str

    fix_random_seed(seed)
    started = time.perf_counter()
    blank = spacy.blank(lang)
    train_docs, dev_docs, counts = build_training_data(blank, corpora_dir, lang, seed)
    log(f"{lang}: {len(train_docs)} training documents, {len(dev_docs)} held out ({counts})")
    config_text = _CONFIG.format(pipeline=json.dumps(list(PIPELINE)), lang=lang, seed=seed, width=width, depth=depth, rows=rows,
                                 rows_small=rows // 2, steps=steps, eval_every=max(min(steps // 6, 1000), 20))
    earlier = None
    if start_from is not None:
        earlier = json.loads((start_from / "training.json").read_text(encoding="utf-8"))
        config_text = continued_config(config_text, start_from.resolve())
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        _write(train_docs, tmp_path / "train.spacy")
        _write(dev_docs, tmp_path / "dev.spacy")
        config = load_config_from_str(config_text, overrides={
            "paths.train": str(tmp_path / "train.spacy"), "paths.dev": str(tmp_path / "dev.spacy")})
        nlp = init_nlp(config)
        (tmp_path / "out").mkdir()
        nlp, _ = train_loop(nlp, tmp_path / "out", stdout=_LogWriter(log))
        best = tmp_path / "out" / "model-best"
        scored = spacy.load(best)
        scores = _score(scored, dev_docs)
        scores["per_corpus"] = held_out_per_corpus(scored, corpora_dir, lang)
        agreement = sentence_agreement(scored, corpora_dir, lang)
        meta = {
            "lang": lang, "seed": seed, "steps": steps, "width": width, "depth": depth, "rows": rows,
            "labels": list(LABELS), "training_documents": counts,
            "held_out": scores, "sentence_agreement": agreement,
            "sentences": agreement["boundary_f1"] >= SENTENCE_AGREEMENT_BAR, "train_seconds": round(time.perf_counter() - started, 1),
            "spacy": spacy.__version__,
        }
        if earlier is not None:
            meta["continued_from"] = {key: earlier[key] for key in ("steps", "train_seconds", "held_out")}
            meta["continued_from"].update(earlier.get("continued_from", {}) and
                                          {"earlier": earlier["continued_from"]})
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        scored.meta["fact_timeline"] = meta
        scored.to_disk(output, exclude=["vocab.vectors"])
        strip_vocabulary(scored, output)
        (output / "training.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def sentence_agreement(nlp, corpora_dir: Path, lang: str) -> dict:
    """How the model's sentence ends agree with SoMaJo's on the news documents kept out of
    training for this (:func:`is_agreement_document`): precision, recall, F1 of end offsets and
    the share of sentences both split identically."""
    from dashboard.actors.ner import parse_with
    from dashboard.facts.sentences import split_sentences

    tp = n_somajo = n_model = same = 0
    documents = 0
    for doc in news_documents(corpora_dir, lang):
        if not is_agreement_document(doc["doc_id"]):
            continue
        documents += 1
        somajo = {(s.start, s.end) for s in split_sentences(doc["text"], lang)}
        model = set(parse_with(nlp, doc["text"]).sentences or ())
        ends_somajo, ends_model = {e for _, e in somajo}, {e for _, e in model}
        tp += len(ends_somajo & ends_model)
        n_somajo += len(ends_somajo)
        n_model += len(ends_model)
        same += len(somajo & model)
    p = tp / n_model if n_model else 0.0
    r = tp / n_somajo if n_somajo else 0.0
    return {"documents": documents, "sentences_somajo": n_somajo, "boundary_p": round(p, 4), "boundary_r": round(r, 4),
            "boundary_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "identical": round(same / n_somajo, 4) if n_somajo else 0.0}


def held_out_per_corpus(nlp, corpora_dir: Path, lang: str) -> dict[str, dict[str, float]]:
    """Entity P/R/F1 on each NER corpus's held-out tenth."""
    out = {}
    for corpus in corpora_for(lang):
        held = [s for s in read_corpus(corpus, corpora_dir / "ner") if s.held_out]
        scores = _score(nlp, list(_corpus_docs(nlp, held, True)))
        out[corpus.name] = {key: scores[key] for key in ("ents_p", "ents_r", "ents_f")}
    return out


def strip_vocabulary(nlp, folder: Path) -> None:
    """Keep no word of the training texts in the shipped files: the model works on hashed
    features, so the vocabulary's strings need only the labels (the corpora's text stays out)."""
    keep = {label for name in nlp.pipe_names for label in getattr(nlp.get_pipe(name), "labels", ())}
    keep |= {"I", "S", "O", "B", "L", "U", "-"}
    (folder / "vocab" / "strings.json").write_text(json.dumps(sorted(keep)), encoding="utf-8")


def _score(nlp, docs: list) -> dict:
    """Entity P/R/F1 per label and overall, and sentence-start F1, on the held-out documents
    (on their own tokens, as the corpora give them)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = [Example(Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]), doc)
                for doc in docs]
    scores = nlp.evaluate(examples)
    return {"ents_p": round(scores["ents_p"], 4), "ents_r": round(scores["ents_r"], 4), "ents_f": round(scores["ents_f"], 4),
            "sents_f": round(scores.get("sents_f") or 0.0, 4), "documents": len(examples),
            "per_type": {k: {m: round(v, 4) for m, v in d.items()} for k, d in (scores.get("ents_per_type") or {}).items()}}


class _LogWriter:
    def __init__(self, log) -> None:
        self.log = log

    def write(self, text: str) -> None:
        if text.strip():
            self.log(text.rstrip())

    def flush(self) -> None:
        pass


# -- the command -------------------------------------------------------------------------------


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpora", default="../shared/corpora", metavar="DIR",
                        help="the shared corpora folder (with ner/ and the news corpora; default: ../shared/corpora)")
    parser.add_argument("--lang", choices=["de", "en", "all"], default="all")
    parser.add_argument("--output", default=str(MODELS_DIR), metavar="DIR",
                        help=f"where the models go, one folder per language (default: the package's {MODELS_DIR})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=6000, help="training steps per language (default: 6000)")
    parser.add_argument("--from", dest="start_from", metavar="DIR",
                        help="go on training from the models in DIR (one folder per language, as --output writes "
                             "them) for --steps more steps")


def run(args: argparse.Namespace) -> int:
    corpora = Path(args.corpora)
    if not (corpora / "ner").is_dir():
        raise UserError(f"{corpora}: no ner/ folder with the training corpora here")
    for lang in (("de", "en") if args.lang == "all" else (args.lang,)):
        start_from = Path(args.start_from) / lang if args.start_from else None
        if start_from is not None and not (start_from / "training.json").is_file():
            raise UserError(f"{start_from}: no model written by train-ner here (training.json is missing)")
        meta = train(lang, corpora, Path(args.output) / lang, seed=args.seed, steps=args.steps, start_from=start_from)
        held = meta["held_out"]
        print(f"{lang}: held-out entity P {held['ents_p']:.3f} R {held['ents_r']:.3f} F1 {held['ents_f']:.3f}, "
              f"sentence starts F1 {held['sents_f']:.3f}; sentence ends vs SoMaJo on unseen news F1 "
              f"{meta['sentence_agreement']['boundary_f1']:.3f} (splits sentences: {meta['sentences']}); "
              f"{meta['train_seconds']:.0f} s -> {Path(args.output) / lang}")
    return 0
