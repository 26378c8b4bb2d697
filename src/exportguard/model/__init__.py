"""The entity model shared by every source: entities made of values that keep their original form."""

from exportguard.model.entity import Entity, Value, make_entity_id
from exportguard.model.schema import PROPERTIES, SCHEMATA, Schema

__all__ = ["Entity", "Value", "make_entity_id", "PROPERTIES", "SCHEMATA", "Schema"]
