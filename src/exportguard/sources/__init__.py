"""Official list sources: one package per list (``sources/<source_id>/``) with its metadata file
(``source.yml``) and its parsers; formats shared by several lists live in ``sources/formats/``."""
