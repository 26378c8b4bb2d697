"""The candidate index: entity names as token postings, fuzzy token neighbours, groups of
entities that are one designation, and the secondary evidence the scorer needs."""

from exportguard.index.build import build_index
from exportguard.index.data import IndexData
from exportguard.index.search import Candidate, search

__all__ = ["Candidate", "IndexData", "build_index", "search"]
