#!/usr/bin/env bash
# Compile portasnn's sPyNNaker C for the SpiNNaker-1 ARM968 and record the result.
#
# Needs an installed SpiNNaker C tree (not part of this repository):
#   SPINN_DIRS              spinnaker_tools, built (`make`), with spinn_common and
#                           SpiNNFrontEndCommon/c_common installed into it (`make install`)
#   NEURAL_MODELLING_DIRS   sPyNNaker/neural_modelling
#   arm-none-eabi-gcc       on PATH (Debian: gcc-arm-none-eabi)
# Optional: OUT (work directory, default a new temporary one), PORTASNN (the CLI),
#   SPINNAKER_SOURCES (free text naming the sources and commits, written into the JSON),
#   RESULT (default benchmarks/results/arm_make.json).
#
# For each model: `portasnn build --target spinnaker` (which runs make), then `make -B` once more to
# count compiler warnings; writes the compiler version and the .aplx / ELF section sizes to RESULT.
set -euo pipefail

: "${SPINN_DIRS:?set SPINN_DIRS to the built spinnaker_tools directory}"
: "${NEURAL_MODELLING_DIRS:?set NEURAL_MODELLING_DIRS to sPyNNaker/neural_modelling}"
command -v arm-none-eabi-gcc >/dev/null || { echo "arm-none-eabi-gcc is not on PATH" >&2; exit 1; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORTASNN=${PORTASNN:-$ROOT/.venv/bin/portasnn}
PY=${PY:-$ROOT/.venv/bin/python}
OUT=${OUT:-$(mktemp -d -t portasnn-arm.XXXXXX)}
RESULT=${RESULT:-$ROOT/benchmarks/results/arm_make.json}
mkdir -p "$OUT"
# spinn_utilities' log converter records the log strings here instead of in the installed package
if [ -z "${C_LOGS_DICT:-}" ]; then
  export C_LOGS_DICT=$OUT/logs.sqlite3
  "$PY" -c 'from spinn_utilities.make_tools.log_sqllite_database import LogSqlLiteDatabase as D; D(new_dict=True).close()'
fi
ZOO=$("$PY" -c 'import sys; print(sys.prefix)')/models/neurons

# stem, extra build options
MODELS=(
  "iaf_psc_exp_neuron|"
  "iaf_psc_alpha_neuron|"
  "iaf_psc_delta_neuron|"
  "izhikevich_neuron|--spinnaker-solver euler"
)

for entry in "${MODELS[@]}"; do
  stem=${entry%%|*}
  opts=${entry#*|}
  echo "== $stem $opts"
  # shellcheck disable=SC2086
  nice "$PORTASNN" build --target spinnaker $opts "$ZOO/$stem.nestml" -o "$OUT/$stem" --json > "$OUT/$stem.json"
  nice make -B -C "$OUT/$stem/c_models" > "$OUT/$stem.make.log" 2>&1
done

"$PY" - "$OUT" "$RESULT" "${MODELS[@]}" <<'EOF'
import json, os, platform, re, subprocess, sys
from pathlib import Path

out, result, entries = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
gcc = subprocess.run(["arm-none-eabi-gcc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
models = {}
for entry in entries:
    stem, opts = entry.split("|")
    art = json.loads((out / f"{stem}.json").read_text())
    aplx = out / stem / "python_models" / "portasnn_models" / "model_binaries" / f"{stem}.aplx"
    elf = out / stem / "c_models" / "build" / stem / f"{stem}.elf"
    size = subprocess.run(["arm-none-eabi-size", str(elf)], capture_output=True, text=True, check=True).stdout
    text, data, bss = (int(v) for v in size.splitlines()[1].split()[:3])
    log = (out / f"{stem}.make.log").read_text()
    warnings = sorted(set(re.findall(r"^(\S+?):\d+:\d+: warning: .*$", log, re.M)))
    models[stem] = {
        "options": opts, "binaries_built": art["binaries_built"], "aplx_bytes": aplx.stat().st_size,
        "elf_text": text, "elf_data": data, "elf_bss": bss,
        "warnings": len(re.findall(r": warning: ", log)), "warning_files": warnings,
    }
    print(f"{stem:<24} {opts:<26} aplx {aplx.stat().st_size:>6} B  text {text:>6}  data {data:>5}  "
          f"bss {bss:>5}  warnings {models[stem]['warnings']}")
record = {
    "what": "portasnn build --target spinnaker + make: sPyNNaker C of nestml zoo models for the ARM968",
    "compiler": gcc, "host": platform.machine(),
    "sources": os.environ.get("SPINNAKER_SOURCES", "not given (set SPINNAKER_SOURCES)"),
    "models": models,
}
result.parent.mkdir(parents=True, exist_ok=True)
result.write_text(json.dumps(record, indent=2) + "\n")
print(f"compiler: {gcc}\nwrote {result}")
EOF
