"""Small dictionaries in dictd format (FreeDict's), written by the tests themselves: ``NAME.index``
(headword, offset and length in base 64) and ``NAME.dict.dz`` (gzip, which dictzip extends)."""
import gzip
from pathlib import Path

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

# Words of the sample corpus and their translations, in the shape FreeDict writes its entries.
SAMPLE = {
    "eng-fra": {"health": ["santé"], "school": ["école"], "energy": ["énergie"], "the": ["le, la"],
                "data": ["données"], "court": ["1. faire la cour", "2. cour"]},
    "eng-deu": {"health": ["Gesundheitswesen <neut>", "Gesundheit <fem>"], "energy": ["Energiewirtschaft"]},
    "eng-spa": {"health": ["salud"]},
    "eng-por": {"health": ["saúde"]},
    "eng-ita": {"health": ["sanità, salute"]},
    "eng-rus": {"health": ["медицина"], "energy": ["энергия"]},
    "eng-ara": {"health": ["الصحة"]},
    "fra-eng": {"santé": ["health"], "école": ["school"]},
}


def write(folder, name, entries):
    """One dictionary ``freedict-NAME`` in ``folder``: ``entries`` maps a headword to its sense lines."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data, index = b"", []
    for headword, senses in sorted(entries.items()):
        entry = (f"{headword} /pron/\n" + "".join(f"{line}\n" for line in senses)).encode("utf-8")
        index.append(f"{headword}\t{_b64(len(data))}\t{_b64(len(entry))}\n")
        data += entry
    (folder / f"freedict-{name}.index").write_text("".join(index), encoding="utf-8")
    with gzip.open(folder / f"freedict-{name}.dict.dz", "wb") as f:
        f.write(data)
    return folder


def write_sample(folder):
    for name, entries in SAMPLE.items():
        write(folder, name, entries)
    return Path(folder)


def _b64(n):
    out = B64[n % 64]
    while n >= 64:
        n //= 64
        out = B64[n % 64] + out
    return out
