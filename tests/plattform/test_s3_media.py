"""Media in S3-compatible object storage (django-storages) against a real store: S3Proxy from
scripts/s3proxy.sh, whose access key and secret are its fixed local test values."""

import uuid
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import boto3
import pytest
from PIL import Image

from plattform.checks import check_media_host
from plattform.settings.media import s3_storage
from tests.services import s3_endpoint

pytestmark = pytest.mark.django_db

ACCESS_KEY, SECRET_KEY = "praxisnetz", "lokal-nur-zum-testen"
OWN_HOST = "praxisnetz.example.org"


@pytest.fixture
def bucket(settings):
    """A bucket of this test's own, configured as the default storage, as production would."""
    endpoint = s3_endpoint()
    name = f"test-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=name)
    settings.MEDIA_S3_BUCKET = name
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(
            name,
            endpoint_url=endpoint,
            region_name="us-east-1",
            access_key=ACCESS_KEY,
            secret_key=SECRET_KEY,
            custom_domain=OWN_HOST,
        ),
    }
    yield client, name
    for item in client.list_objects_v2(Bucket=name).get("Contents", []):
        client.delete_object(Bucket=name, Key=item["Key"])
    client.delete_bucket(Bucket=name)


def stored_keys(client, name: str) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", [])}


def png() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (400, 300), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_image_and_its_rendition_are_stored_in_the_bucket_and_shown_from_the_own_host(
    bucket,
):
    client, name = bucket
    image = get_image_model().objects.create(
        title="Sprachcafé", file=ImageFile(BytesIO(png()), name="sprachcafe.png")
    )
    rendition = image.get_rendition("width-200")

    keys = stored_keys(client, name)
    assert f"media/{image.file.name}" in keys
    assert f"media/{rendition.file.name}" in keys
    assert rendition.url.startswith(f"https://{OWN_HOST}/media/images/")
    assert rendition.width == 200


def test_a_document_from_the_bucket_is_served_through_the_own_view(bucket, client):
    s3, name = bucket
    document = get_document_model().objects.create(
        title="Konzept", file=ContentFile(b"Konzept, 12 Seiten", name="konzept.txt")
    )
    assert f"media/{document.file.name}" in stored_keys(s3, name)

    response = client.get(document.url)
    assert response.status_code == 200  # streamed by Django: collection privacy applies
    assert b"".join(response.streaming_content) == b"Konzept, 12 Seiten"


def test_the_deploy_check_wants_the_media_on_the_own_host(settings):
    settings.MEDIA_S3_BUCKET = "medien"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {}},
    }
    assert [message.id for message in check_media_host(None)] == ["plattform.W002"]
    settings.STORAGES["default"]["OPTIONS"] = {"custom_domain": OWN_HOST}
    assert check_media_host(None) == []
