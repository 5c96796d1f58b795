"""Every management command of the project explains itself with --help (German help texts)."""

from django.core.management import call_command

import pytest

KOMMANDOS = [
    "import_kommunen",
    "import_praxis",
    "export_praxis",
    "seed_demo",
    "ensure_admin",
    "search_index",
]


@pytest.mark.parametrize("kommando", KOMMANDOS)
def test_help_is_printed(kommando, capsys):
    with pytest.raises(SystemExit) as ende:
        call_command(kommando, "--help")
    assert ende.value.code == 0
    hilfe = capsys.readouterr().out
    assert f"{kommando} [-h]" in hilfe and len(hilfe) > 200
