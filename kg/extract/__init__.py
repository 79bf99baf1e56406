"""News text -> a draft Dataset of sanctions and statements, offline and explainable.

>>> from kg.extract import extract_text
>>> r = extract_text("Canada sanctioned two Russian officials on Thursday.", date="2020-12-11")
>>> [(a.id, a.count, a.draft) for a in r.dataset.actors]
[('ca', None, False), ('ru-officials', 2, True)]
"""

from kg.extract.extract import (
    MAX_BYTES,
    Extraction,
    extract_file,
    extract_text,
    format_explain,
    read_article,
)

__all__ = ["MAX_BYTES", "Extraction", "extract_file", "extract_text", "format_explain",
           "read_article"]
