"""What every app's API router shares: the base of the response shapes and the error body."""

from pydantic import BaseModel, ConfigDict


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
