"""The language core: everything that knows about languages, shared by the build and the site.

The build uses it to find the language of each passage (``profile``), to analyse each language's
text its own way (``analyzer_for``/``field_for``, through the schema) and to tag documents with the
glossary's topics; the site uses the same parts to analyse a query exactly as the text was analysed,
to make stop words optional and to expand a query with the glossary. Nothing here reads files of the
corpus or writes an index.

- ``analysis``: Whoosh analyzers, one per language, from one table (``LANGUAGES``);
- ``stemmers``: light stemmers of our own where Snowball has none (Arabic, Hebrew, Urdu);
- ``stopwords``: function words per language, for queries;
- ``identify``: language identification of text and of a document's passages;
- ``glossary``: the multilingual glossary of policy concepts (``corpus/glossary.csv``);
- ``doctypes``: a document's type guessed from its title (``type-terms.csv``).

Adding a language is one row in ``analysis.LANGUAGES`` (and, where it needs them, marker words in
``identify`` and a stop list in ``stopwords``).
"""
from indexer.lang import doctypes
from indexer.lang.analysis import GRAPHEME, analyzer_for, field_for, field_languages, fold_accents, is_bigram
from indexer.lang.glossary import FILE as GLOSSARY_FILE, Glossary, load as load_glossary, parse as parse_glossary, tokenize
from indexer.lang.identify import UND, country_languages, detect, preload, profile
from indexer.lang.stopwords import analysed_stopwords, stopwords

__all__ = [
    "GLOSSARY_FILE", "GRAPHEME", "UND", "Glossary", "analysed_stopwords", "analyzer_for", "doctypes", "country_languages",
    "detect",
    "field_for", "field_languages", "fold_accents", "is_bigram", "load_glossary", "parse_glossary",
    "preload", "profile", "stopwords", "tokenize",
]
