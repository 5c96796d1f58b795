"""What every app's API router shares: the base of the response shapes, the error body and the
documented patterns of path parameters."""

import re

from pydantic import BaseModel, ConfigDict, WithJsonSchema


class ResponseModel(BaseModel):
    """Response shapes: plain pydantic models, since ninja's Schema wraps every nested object
    for Django attribute access, which costs ~30 ms on a page of 20 hits."""

    model_config = ConfigDict(from_attributes=True)


class ErrorResponse(ResponseModel):
    fehler: str
    meldungen: list[str] = []


def error_body(messages: list[str]) -> dict:
    """The body of every 4xx answer: the messages joined, and each one on its own."""
    return {"fehler": " ".join(messages), "meldungen": messages}


def json_schema_pattern(pattern: re.Pattern) -> str:
    """A Python pattern anchored with \\Z as a JSON Schema (ECMA) pattern, anchored with $."""
    return pattern.pattern.replace("\\Z", "$")


# What every address may not contain (plattform/middleware.py refuses it with a 400).
NO_CONTROL_CHARACTERS = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
SLUG = r"^[-a-zA-Z0-9_]+$"


def documented_pattern(pattern: str, description: str) -> WithJsonSchema:
    """The schema of a path parameter (`Annotated[str, documented_pattern(...)]`) whose pattern
    is documented but checked by the view itself, so that a malformed value gets the view's
    German 404 rather than a validation error."""
    return WithJsonSchema({"type": "string", "pattern": pattern, "description": description})
