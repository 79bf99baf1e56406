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
from kg.extract.many import article_paths, extract_many, publication_date

__all__ = ["MAX_BYTES", "Extraction", "article_paths", "extract_file", "extract_many",
           "extract_text", "format_explain", "publication_date", "read_article"]
