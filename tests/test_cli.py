"""The command line as staff use it: documented, and `check` as PRODUCT.md defines it."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, corpus_file, run_cli
from indexer.cli import cli

CONTRACT_KEYS = {"path", "format", "status", "language", "languages", "chars", "error", "ocr"}


# The directories each command reads; the others it accepts (the contract lets scripts pass
# --corpus and --index to every command) but does not offer.
USES = {"build": {"--corpus", "--index"}, "update": {"--corpus", "--index"}, "status": {"--index"},
        "rollback": {"--index"}, "check": set(), "add": {"--corpus", "--index"}, "edit": {"--corpus", "--index"},
        "withdraw": {"--corpus", "--index"}, "fix-manifest": {"--corpus"}, "admin-user": set()}


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command):
    assert cli.commands[command].help and "Example:" in cli.commands[command].help
    result = run_cli(command, "--help")
    assert {o for o in ("--corpus", "--index") if o in result.stdout} == USES[command]


@pytest.mark.parametrize("command", sorted(USES))
def test_every_command_accepts_corpus_and_index(command):
    result = run_cli(command, "--corpus", "corpus/", "--index", "var/nowhere/", "--help")
    assert result.returncode == 0 and "no such option" not in result.stderr


def test_console_scripts_are_installed():
    bin_dir = Path(sys.executable).parent
    for script in ("clearinghouse-index", "clearinghouse-web"):
        result = subprocess.run([str(bin_dir / script), "--help"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and "Example:" in result.stdout


def test_web_command_has_help_with_an_example():
    result = subprocess.run([sys.executable, "-m", "search_web", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "--port" in result.stdout and "Example:" in result.stdout


def test_group_help_lists_the_commands():
    out = run_cli("-h").stdout
    for command in ("build", "update", "status", "rollback", "check"):
        assert command in out


def test_check_json_gives_one_object_per_file_with_the_contract_keys():
    files = [corpus_file("fr-strategie-nationale-ia"), corpus_file("us-trade-secret-report"),
             corpus_file("in-trade-marks-circular-scan"), FIXTURES / "memo.doc"]
    result = run_cli("check", "--json", *map(str, files), check=False)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in rows] == list(map(str, files))
    assert all(CONTRACT_KEYS <= r.keys() for r in rows)
    assert [r["status"] for r in rows] == ["ok", "failed", "ok", "failed"]
    assert [r["ocr"] for r in rows] == [False, False, True, False]
    assert rows[2]["ocr_confidence"] > 50 and rows[0]["ocr_confidence"] is None
    assert rows[0]["language"] == "fr" and rows[0]["languages"] == [{"code": "fr", "share": 1.0}]
    assert rows[1]["error"] and rows[3]["error"]
    assert result.returncode == 1  # some file failed


def test_check_walks_folders_and_prints_a_table():
    result = run_cli("check", str(FIXTURES), check=False)
    lines = result.stdout.splitlines()
    assert any(line.startswith("ok") and "rgpd-latin1.txt" in line for line in lines)
    assert any("Word 97-2003" in line for line in lines)


def test_unknown_corpus_is_a_clear_error(tmp_path):
    result = run_cli("build", "--corpus", str(tmp_path / "nowhere"), "--index", str(tmp_path / "i"), check=False)
    assert result.returncode == 2 and "is not a corpus" in result.stderr and "Traceback" not in result.stderr
