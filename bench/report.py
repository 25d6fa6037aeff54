"""What every benchmark does with its figures: write them as JSON where it was told."""
import json
from pathlib import Path


def write_json(path, figures):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(figures, indent=1, ensure_ascii=False))
