"""OFAC Specially Designated Nationals and Blocked Persons List (SDN).

Three published formats, all parsed to the same entities (ID ``us_ofac_sdn-<OFAC uid>``):
the legacy CSV set (``sdn.csv`` + ``add.csv``, ``alt.csv``, ``sdn_comments.csv``), the Enhanced
XML (``SDN_ENHANCED.XML``) and the Advanced XML (``SDN_ADVANCED.XML``). The parsers are shared with
``us_ofac_cons`` and live in ``sources/formats/ofac_*.py``.
"""

from exportguard.sources.formats.ofac_advanced_xml import FORMAT_SPEC as OFAC_ADVANCED_XML
from exportguard.sources.formats.ofac_csv import FORMAT_SPEC as OFAC_CSV
from exportguard.sources.formats.ofac_enhanced_xml import FORMAT_SPEC as OFAC_ENHANCED_XML

SOURCE = "us_ofac_sdn"
FORMATS = [OFAC_CSV, OFAC_ENHANCED_XML, OFAC_ADVANCED_XML]
