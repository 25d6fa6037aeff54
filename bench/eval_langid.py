"""Language identification on hand-written passages: accuracy by text length and on confusable pairs.

    python bench/eval_langid.py [--passages tests/eval/langid.csv] [--json var/eval-langid.json]

Each passage (a title or heading of 20-80 characters, or a paragraph of 200+ characters, in one of
34 languages) is identified three ways: by langdetect alone (its first answer, as most tools use it),
by our detector on the passage alone, and by our detector with the prior a build has (the official
languages of the manifest's country). A passage is right, wrong, or ``und`` (no answer): for a search
index a wrong answer is worse than none, since ``und`` text is still searched in every language.
"""
import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from langdetect import detect_langs
from langdetect.lang_detect_exception import LangDetectException

from indexer.lang import identify as language
from report import write_json

CONFUSABLE = {"es/pt": ("es", "pt"), "da/no/sv": ("da", "no", "sv"), "ru/uk/bg/mk": ("ru", "uk", "bg", "mk"),
              "hr/sr/bs": ("hr", "sr", "bs"), "id/ms": ("id", "ms"), "zh/ja": ("zh", "ja")}
METHODS = ("langdetect", "ours", "ours+country")


def langdetect_alone(text):
    try:
        first = detect_langs(text)[0].lang
    except LangDetectException:
        return language.UND
    return language.ALIASES.get(first, first)


def identify(row):
    return {
        "langdetect": langdetect_alone(row["text"]),
        "ours": language.detect(row["text"]).code,
        "ours+country": language.detect(row["text"], prior=language.country_languages(row["country"])).code,
    }


def tally(rows, method):
    right = sum(1 for r in rows if r[method] == r["language"])
    und = sum(1 for r in rows if r[method] == language.UND)
    n = len(rows)
    return {"passages": n, "right": round(right / n, 3), "und": round(und / n, 3),
            "wrong": round((n - right - und) / n, 3)}


def run(path):
    with open(path, encoding="utf-8") as f:
        rows = [dict(row, **identify(row)) for row in csv.DictReader(f)]
    report = {"passages": len(rows), "by_length": {}, "confusable": {}, "by_language": {}, "errors": []}
    for kind in ("short", "long"):
        subset = [r for r in rows if r["kind"] == kind]
        report["by_length"][kind] = {m: tally(subset, m) for m in METHODS}
    for name, group in CONFUSABLE.items():
        for kind in ("short", "long"):
            subset = [r for r in rows if r["language"] in group and r["kind"] == kind]
            entry = {m: tally(subset, m) for m in METHODS}
            entry["confusion"] = {lang: dict(Counter(r["ours+country"] for r in subset if r["language"] == lang))
                                  for lang in group}
            report["confusable"][f"{name} {kind}"] = entry
    by_language = defaultdict(list)
    for r in rows:
        by_language[r["language"]].append(r)
    for code, subset in sorted(by_language.items()):
        report["by_language"][code] = {kind: tally([r for r in subset if r["kind"] == kind], "ours+country")
                                       for kind in ("short", "long")}
    report["errors"] = [{"language": r["language"], "kind": r["kind"], "got": r["ours+country"], "text": r["text"][:80]}
                        for r in rows if r["ours+country"] not in (r["language"], language.UND)]
    return report


def print_report(report):
    print(f"\nLanguage identification, {report['passages']} hand-written passages "
          "(right / und / wrong; short = 20-80 characters, long = 200+)")
    print(f"  {'':22}" + "".join(f"{m:>24}" for m in METHODS))
    rows = [(kind, report["by_length"][kind]) for kind in ("short", "long")]
    rows += list(report["confusable"].items())
    for name, entry in rows:
        cells = "".join(f"{entry[m]['right']:>10.3f} /{entry[m]['und']:>5.2f} /{entry[m]['wrong']:>5.2f}" for m in METHODS)
        print(f"  {name:22}{cells}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", default=str(ROOT / "tests/eval/langid.csv"))
    parser.add_argument("--json", default="var/eval-langid.json", help="where to write the figures")
    parser.add_argument("--errors", action="store_true", help="also list the wrong answers")
    args = parser.parse_args()
    report = run(args.passages)
    print_report(report)
    if args.errors:
        for e in report["errors"]:
            print(f"  {e['language']} {e['kind']} -> {e['got']}: {e['text']}")
    write_json(args.json, report)


if __name__ == "__main__":
    main()
