#!/usr/bin/env bash
# exportguard front door.
#   ./run.sh          set up (virtualenv in .venv) and run the main job on the bundled lists:
#                     show the lists, then assess examples/urumqi-psb-face-recognition.yml into out/
#   ./run.sh test     set up with test tools; lint (ruff), type-check (mypy), run the test suite
#   ./run.sh bench    set up with benchmark tools; run every benchmark, figures to bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
VENV=.venv/bin
stamp=.venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)
extras=""
case "${1:-}" in
  test) extras="[test]" ;;
  bench) extras="[bench]" ;;
esac
if [ ! -f "$stamp$extras" ]; then
  "$VENV/python" -m pip install --quiet --upgrade pip
  "$VENV/python" -m pip install --quiet -e ".$extras"
  touch "$stamp$extras"
fi
case "${1:-}" in
  test)
    shift
    "$VENV/ruff" check src tests bench
    "$VENV/mypy"
    exec "$VENV/python" -m pytest -q "$@"
    ;;
  bench)
    export EXPORTGUARD_HOME=${EXPORTGUARD_HOME:-$PWD/.exportguard-home}
    "$VENV/python" bench/load_lists.py --runs 2
    "$VENV/python" bench/screen/run.py
    "$VENV/python" bench/load_api.py
    ;;
  "")
    export EXPORTGUARD_HOME=${EXPORTGUARD_HOME:-$PWD/.exportguard-home}
    "$VENV/exportguard" lists show --format table
    mkdir -p out
    "$VENV/exportguard" assess examples/urumqi-psb-face-recognition.yml \
      -o out/assessment.html -o out/assessment.pdf -o out/assessment.json
    ;;
  *)
    echo "usage: ./run.sh [test [pytest args] | bench]" >&2
    exit 2
    ;;
esac
