"""Build benchmark: how long a full build, a no-op update and a `check` of the corpus take.

    python bench/build_bench.py [--corpus corpus/] [--runs 1] [--json var/bench-build.json]

Each step runs as staff run it (a subprocess of ``python -m indexer``) into a temporary index; the
figures are wall-clock seconds and the peak memory of the slowest child process.
"""
import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(*args):
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "indexer", *args], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return round(time.monotonic() - started, 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--runs", type=int, default=1, help="full builds to time (the median is reported)")
    parser.add_argument("--json", default="var/bench-build.json", help="where to write the figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = str(Path(tmp) / "index")
        builds = sorted(timed("build", "--corpus", args.corpus, "--index", index) for _ in range(args.runs))
        noop = timed("update", "--corpus", args.corpus, "--index", index)
        report = json.loads(subprocess.run([sys.executable, "-m", "indexer", "status", "--json", "--index", index],
                                           cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    files = [p for p in (Path(args.corpus) / "documents").rglob("*") if p.is_file()]
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    chars = sum(d["chars"] for d in report["documents"])
    pages = sum(d["pages"] for d in report["documents"])
    figures = {
        "documents": len(report["documents"]), "files_mb": round(size_mb, 1), "chars": chars, "pdf_pages": pages,
        "counts": report["counts"], "build_seconds": builds[len(builds) // 2], "build_runs": builds,
        "noop_update_seconds": noop,
        "chars_per_second": round(chars / builds[len(builds) // 2]),
        "peak_child_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(figures, indent=1))
    for key, value in figures.items():
        print(f"{key:22} {value}")


if __name__ == "__main__":
    main()
