"""The benchmark's query set: words of the corpus's own sentences, in every language it holds.

Per language: one word, two words, a phrase, a prefix, and a broad word (the language's commonest
function words: ``the``, ``de la``, ``的``), each with no filter, one filter and three filters
(country, language, topic of a real document, so a filtered search has results).
"""
import csv
import random
import re

import regex
from pathlib import Path

from indexer import lang

KINDS = ("one_word", "two_words", "phrase", "prefix", "broad")
PER_KIND = {"one_word": 3, "two_words": 3, "phrase": 2, "prefix": 2, "broad": 1}
# words that run together: a "word" is a run of 2-3 characters of a sentence
UNSPACED = {"zh", "ja", "th"}
BROAD = {"en": "the", "fr": "de la", "es": "de la", "pt": "de", "it": "di", "de": "der", "nl": "van de",
         "zh": "的", "ja": "の", "ru": "и", "ar": "في", "pl": "i", "sv": "och", "da": "og", "no": "og"}
WORD = regex.compile(r"\p{L}[\p{L}\p{M}]{3,}")


def _words(code, sentence, rng):
    if code in UNSPACED:
        runs = [r for r in re.findall(r"\w{4,}", sentence)]
        run = rng.choice(runs) if runs else sentence[:4]
        start = rng.randrange(max(1, len(run) - 3))
        return [run[start:start + 2], run[start + 2:start + 4]]
    return WORD.findall(sentence)


def make(sentences, countries, manifest_rows, seed=8):
    """``[{"q", "language", "kind", "filters"}]`` over ``{language: [sentence]}``; the three filters
    are a document's of a country that speaks the language (``countries``)."""
    rng = random.Random(seed)
    out = []
    for code in sorted(sentences):
        pool = sentences[code]
        for kind in KINDS:
            for _ in range(PER_KIND[kind]):
                q = _query(kind, code, pool, rng)
                if q:
                    out.append({"q": q, "language": code, "kind": kind})
    docs = [r for r in manifest_rows if r["topics"]]
    for n, item in enumerate(out):
        same = [r for r in docs if r["country"] in countries.get(item["language"], ())]
        item["filters"] = _filters(n % 3, rng.choice(same or docs), item["language"])
    return out


def _query(kind, code, pool, rng):
    words = []
    while len(words) < 2:
        words = _words(code, rng.choice(pool), rng)
    joiner = "" if code in UNSPACED else " "
    if kind == "one_word":
        return words[0] if code in UNSPACED else rng.choice(words)
    if kind == "two_words":
        return joiner.join(rng.sample(words, 2))
    if kind == "phrase":
        i = rng.randrange(len(words) - 1)
        return '"' + joiner.join(words[i:i + 2]) + '"'
    if kind == "prefix":
        word = max(words, key=len)
        return word[:max(2, len(word) // 2 + 1)] + "*" if code not in UNSPACED else word[:2] + "*"
    stops = sorted(lang.stopwords(code))
    return BROAD.get(code) or (rng.choice(stops) if stops else None)


def _filters(how_many, doc, code):
    if how_many == 0:
        return {}
    if how_many == 1:
        return {"language": [code]}
    return {"country": [doc["country"]], "language": [code], "topic": [doc["topics"].split(";")[0]]}


def manifest(corpus):
    with open(Path(corpus) / "manifest.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def to_params(item, **extra):
    """The query as URL parameters (a list of pairs: facets repeat)."""
    params = [("q", item["q"])] + [(f, v) for f, values in item.get("filters", {}).items() for v in values]
    return params + list(extra.items())
