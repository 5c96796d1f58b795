"""Uploads are checked by type, content, size and pixels, with German errors in the admin."""

import struct
import zlib
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def png_declaring(width: int, height: int) -> bytes:
    """A PNG of a few bytes whose header claims `width` x `height` pixels (a pixel bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def real_png(width: int = 40, height: int = 30) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    return client


def upload_image(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_document(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def errors(response) -> str:
    assert response.status_code == 200  # the form again, with its errors
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


def test_a_real_image_is_accepted(admin_client):
    response = upload_image(admin_client, "foto.png", real_png())
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Upload").exists()


def test_an_svg_is_no_image(admin_client):
    message = errors(upload_image(admin_client, "grafik.svg", SVG))
    assert "Nicht unterstütztes Bildformat" in message
    assert not get_image_model().objects.exists()


def test_html_renamed_as_image_is_refused(admin_client):
    message = errors(upload_image(admin_client, "foto.png", HTML))
    assert "Kein gültiges .png-Bild" in message


def test_an_image_over_10_mb_is_refused(admin_client):
    oversized = real_png() + b"\x00" * (10 * 1024 * 1024)
    message = errors(upload_image(admin_client, "riesig.png", oversized))
    assert "Die Datei ist zu groß" in message and "Maximale Dateigröße 10,0" in message


def test_a_pixel_bomb_is_refused(admin_client):
    bomb = png_declaring(100_000, 100_000)  # 10 billion pixels in 100 bytes
    assert len(bomb) < 200
    message = errors(upload_image(admin_client, "bombe.png", bomb))
    assert "Dieses Bild hat zu viele Pixel" in message and "40000000" in message


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_the_pixel_limit_is_well_below_pillows_default(admin_client):
    # 49 megapixels: Pillow's default (89 million) and Wagtail's (128 million) would take it.
    message = errors(upload_image(admin_client, "gross.png", png_declaring(7000, 7000)))
    assert "Dieses Bild hat zu viele Pixel (49000000)" in message
    assert Image.MAX_IMAGE_PIXELS == 40_000_000


def test_a_truncated_image_gets_a_german_error_not_a_500(admin_client):
    message = errors(upload_image(admin_client, "abgebrochen.png", png_declaring(40, 30)))
    assert "Die Bilddatei ist beschädigt oder unvollständig" in message


def test_a_real_pdf_is_accepted(admin_client):
    response = upload_document(admin_client, "vorlage.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Upload").exists()


@pytest.mark.parametrize("name", ["vorlage.svg", "seite.html", "skript.js", "seite.htm"])
def test_svg_html_and_scripts_are_no_documents(admin_client, name):
    message = errors(upload_document(admin_client, name, SVG if name.endswith("svg") else HTML))
    assert "ist nicht erlaubt" in message
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("name", ["vorlage.pdf", "tabelle.xlsx", "notiz.txt", "liste.csv"])
def test_html_renamed_as_a_document_is_refused(admin_client, name):
    message = errors(upload_document(admin_client, name, HTML))
    assert "Der Inhalt der Datei passt nicht zu ihrer Endung" in message
    assert not get_document_model().objects.exists()


def test_german_text_is_a_text_document(admin_client):
    text = "Gemeinde;Einwohner\nMölln;19.000\nBad Oldesloe;25.000\n".encode("cp1252")
    assert upload_document(admin_client, "liste.csv", text).status_code == 302
