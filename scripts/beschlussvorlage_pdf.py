"""The Beschlussvorlage of a demo entry as Word, PDF and PNG pages, to look at (not a test).

With demo content in the database (`./run.sh`, or `python manage.py seed_demo`), from the
repository root:

    .venv/bin/python scripts/beschlussvorlage_pdf.py [--entry ID] [--kommune AGS] [--out DIR]

It asks the platform for `<entry url>beschlussvorlage.docx?kommune=AGS` (no server needed: the
request goes through Django's test client), converts the document with LibreOffice
(`soffice --headless --convert-to pdf`; Debian: apt-get install libreoffice-writer-nogui) and,
if poppler-utils is installed, renders each page as PNG with pdftoppm. Defaults: the demo entry
`bargteheide-sprachcafe`, written for Zapfendorf (09471214), into /tmp/beschlussvorlage.
DATABASE_URL and DJANGO_SETTINGS_MODULE as for manage.py (default: SQLite, dev settings).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_ENTRY = "bargteheide-sprachcafe"
DEFAULT_KOMMUNE = "09471214"  # Zapfendorf, Bayern
CONVERT_TIMEOUT = 180


def fetch_document(entry_id: str, kommune: str) -> tuple[str, bytes]:
    """File name and bytes of the entry's Beschlussvorlage, served through its real address."""
    import django

    sys.path.insert(0, str(REPOSITORY))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plattform.settings.dev")
    django.setup()
    from django.test import Client

    from wagtail.models import Site

    from praxis.models import PraxisPage

    page = PraxisPage.objects.live().filter(austausch_id=entry_id).first()
    if page is None:
        sys.exit(f"Kein veröffentlichtes Praxisbeispiel „{entry_id}“ (erst ./run.sh, seed_demo).")
    site = Site.objects.get(is_default_site=True)
    response = Client(HTTP_HOST=site.hostname).get(
        page.beschlussvorlage_url, {"kommune": kommune} if kommune else {}
    )
    if response.status_code != 200:
        sys.exit(f"Antwort {response.status_code}: {response.content.decode()[:300]}")
    disposition = response["Content-Disposition"]
    return disposition.split('filename="', 1)[-1].rstrip('"'), response.content


def convert_to_pdf(docx_path: Path) -> Path:
    """LibreOffice's PDF of the document, beside it; its own profile, so that a LibreOffice
    already running on the machine does not take the job."""
    soffice = shutil.which("soffice") or sys.exit(
        "soffice fehlt (Debian: apt-get install libreoffice-writer-nogui)."
    )
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(docx_path.parent),
                str(docx_path),
            ],
            check=True,
            timeout=CONVERT_TIMEOUT,
            stdout=subprocess.DEVNULL,
        )
    return docx_path.with_suffix(".pdf")


def render_pages(pdf_path: Path) -> list[Path]:
    """One PNG per page (pdftoppm, 100 dpi); none without poppler-utils."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm fehlt (Debian: apt-get install poppler-utils): keine PNG-Seiten.")
        return []
    stem = pdf_path.with_suffix("")
    for old in stem.parent.glob(f"{stem.name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf_path), str(stem)], check=True)
    return sorted(stem.parent.glob(f"{stem.name}-*.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--entry", default=DEFAULT_ENTRY, help="Austausch-ID des Praxisbeispiels")
    parser.add_argument("--kommune", default=DEFAULT_KOMMUNE, help="AGS; leer: ohne Kommune")
    parser.add_argument("--out", type=Path, default=Path("/tmp/beschlussvorlage"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    name, content = fetch_document(args.entry, args.kommune)
    docx_path = args.out / name
    docx_path.write_bytes(content)
    print(f"Word: {docx_path}")
    pdf_path = convert_to_pdf(docx_path)
    print(f"PDF:  {pdf_path}")
    for png in render_pages(pdf_path):
        print(f"Seite: {png}")


if __name__ == "__main__":
    main()
