"""The storage of uploads in S3-compatible object storage (django-storages)."""

from botocore.config import Config


def s3_storage(
    bucket: str,
    *,
    endpoint_url: str | None,
    region_name: str | None,
    access_key: str | None,
    secret_key: str | None,
    custom_domain: str | None,
) -> dict:
    """STORAGES["default"] for media in a bucket under media/, linked from custom_domain."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "region_name": region_name,
            "access_key": access_key,
            "secret_key": secret_key,
            "custom_domain": custom_domain,
            "location": "media",
            "querystring_auth": False,  # the proxy reads the bucket, not the visitor
            "file_overwrite": False,
            "default_acl": None,
            # boto3 1.36+ sends checksums most S3-compatible stores (and S3Proxy) refuse; the
            # content's MD5 is still sent and checked.
            "client_config": Config(
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
            ),
        },
    }
