"""`make eval`: search quality on the judged queries, language identification on the judged
passages, automatic topics and guessed types against the manifest's, printed and written to one JSON file.

    python bench/evaluate.py [--corpus corpus] [--json var/eval.json]
"""
import argparse


import eval_langid
import eval_search
import eval_tagging
import eval_types
from report import write_json


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="corpus", help="built into a temporary index")
    parser.add_argument("--queries", default=str(eval_search.ROOT / "tests/eval/queries.csv"))
    parser.add_argument("--crosslanguage", default=str(eval_search.ROOT / "tests/eval/crosslanguage.csv"))
    parser.add_argument("--analysis", default=str(eval_search.ROOT / "tests/eval/analysis.csv"))
    parser.add_argument("--countries", default=str(eval_search.ROOT / "tests/eval/countries.csv"))
    parser.add_argument("--passages", default=str(eval_search.ROOT / "tests/eval/langid.csv"))
    parser.add_argument("--json", default="var/eval.json", help="where to write the figures")
    args = parser.parse_args()
    search = eval_search.run(args.queries, "", args.corpus, args.crosslanguage, args.analysis, args.countries)
    eval_search.print_report(search)
    langid = eval_langid.run(args.passages)
    eval_langid.print_report(langid)
    tagging = eval_tagging.run(args.corpus)
    eval_tagging.print_report(tagging)
    types = eval_types.run(args.corpus)
    eval_types.print_report(types)
    write_json(args.json, {"search": search, "language_id": langid, "tagging": tagging, "types": types})
    print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    main()
