"""The Beschlussvorlage: a draft council paper (Sitzungsvorlage) drawn from an entry, as an
editable Word document at `<entry url>beschlussvorlage.docx` (`?kommune=<AGS>`: written for
that Kommune and its Land's funding programmes).

`vorlage` holds what it is written from, `word` the python-docx primitives, `sections`,
`finanzen` and `quellen` write the parts in the order of a Sitzungsvorlage, `views` serves it.
"""

from .document import CONTENT_TYPE, build_document, document_bytes, file_name
from .vorlage import Vorlage

__all__ = ["CONTENT_TYPE", "Vorlage", "build_document", "document_bytes", "file_name"]
