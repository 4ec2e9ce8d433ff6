"""The batch tests' four small sites (tests/data/sites): what each page should keep."""

from __future__ import annotations

import json
from pathlib import Path

SITES = Path(__file__).parent / "data" / "sites"
EXPECTED = json.loads((SITES / "expected.json").read_text("utf-8"))
# The pitch the Spanish paper writes into every article body: no phrase table
# knows it, its six pages do (site evidence).
PITCH = "Sigue al Diario del Valle desde tu móvil y recibe las noticias más importantes del día."
