"""Management commands explain themselves (German --help) and count in proper German."""

from io import StringIO

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


@pytest.mark.django_db
def test_import_progress_counts_in_proper_german(tmp_path):
    """One Landkreis is "1 Landkreis", not "1 Landkreise"."""
    path = tmp_path / "kommunen.csv"
    path.write_text(
        "ags,name,typ,einwohner,bundesland,kreis_ags\n"
        "01062,Kreis Stormarn,landkreis,,SH,\n"
        "01062001,Ahrensburg,stadt,33728,SH,01062\n",
        encoding="utf-8",
    )
    output = StringIO()
    call_command("import_kommunen", str(path), stdout=output)
    lines = output.getvalue().splitlines()
    assert "Schreibe 1 Landkreis …" in lines and "  1 / 1 Landkreis" in lines
    assert "Schreibe 1 Gemeinde …" in lines and "  1 / 1 Gemeinde" in lines
    assert "1 Gemeinde, 1 Landkreis: 2 neu, 0 aktualisiert, 0 unverändert." in lines
