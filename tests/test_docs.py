"""The README documents what users depend on: the two commands, every staff command, every setting."""
import pytest

from conftest import ROOT
from indexer.cli import cli
from indexer.settings import SETTINGS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    head = README[:1500]
    assert "make run" in head and "make test" in head


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert f"python -m indexer {command}" in README


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_readme(setting):
    assert setting.env in README
