"""OFAC Consolidated Sanctions List: the non-SDN lists (SSI, FSE, NS-PLC, CAPTA, NS-MBS, NS-CMIC).

Three published formats, all parsed to the same entities (ID ``us_ofac_cons-<OFAC uid>``):
the legacy CSV set (``cons_prim.csv`` + ``cons_add.csv``, ``cons_alt.csv``,
``cons_comments.csv``), the Enhanced XML (``CONS_ENHANCED.ZIP``) and the Advanced XML
(``CONS_ADVANCED.XML``). The parsers are shared with ``us_ofac_sdn`` and live in
``sources/formats/ofac_*.py``.
"""

from exportguard.sources.formats.ofac_advanced_xml import FORMAT_SPEC as OFAC_ADVANCED_XML
from exportguard.sources.formats.ofac_csv import FORMAT_SPEC as OFAC_CSV
from exportguard.sources.formats.ofac_enhanced_xml import FORMAT_SPEC as OFAC_ENHANCED_XML

SOURCE = "us_ofac_cons"
FORMATS = [OFAC_CSV, OFAC_ENHANCED_XML, OFAC_ADVANCED_XML]
