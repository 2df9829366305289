"""Write samples/source/<sample>.json, the content of the synthetic plans (run once; seeded).

The JSON files are the source of truth afterwards: ``synthetic.py`` renders them and writes the
expected CSVs from them. This script only documents how their figures were drawn and lets them be
regenerated identically.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True

SOURCE = Path(__file__).resolve().parent.parent / "source"


def _write(data: dict) -> None:
    path = SOURCE / f"{data['sample']}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.name}")


def main() -> None:
    from synth_cremonese import build_year
    for year in (2022, 2024):
        _write(build_year(year))
    from synth_oglio_po import build as oglio_po
    _write(oglio_po())
    from synth_brescia import build as brescia
    _write(brescia())
    from synth_mantova import build as mantova  # hand-written figures: nothing drawn at random
    _write(mantova())
    from synth_lodi import build as lodi
    _write(lodi())
    from synth_voghera import build as voghera
    _write(voghera())
    from synth_vimercate import build as vimercate
    _write(vimercate())
    from synth_sondrio import build as sondrio
    _write(sondrio())


if __name__ == "__main__":
    main()
