"""Every management command of the project explains itself with --help (German help texts)."""

from django.core.management import call_command

import pytest

COMMANDS = [
    "import_kommunen",
    "import_praxis",
    "export_praxis",
    "seed_demo",
    "ensure_admin",
    "search_index",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_prints_its_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command(command, "--help")
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert f"{command} [-h]" in help_text and len(help_text) > 200
