#!/usr/bin/env bash
# The job submit.sh queues after a sweep's array: draws the figures and the report on the
# node with the local runner, e.g. `draw.sh SCALE=tiny SEEDS= figure2`. Every point is done
# by then, so make only draws (a point's `simulate run` returns at once).
set -euo pipefail
# The submitting make's environment came along (sbatch exports it): drop its RUNNER=slurm,
# jobserver and command-line variables so this make neither resubmits nor waits for a
# jobserver that is gone.
unset RUNNER MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL GNUMAKEFLAGS
echo "== $(date -Is) drawing job ${SLURM_JOB_ID:-?} on $(hostname -s): make $* report"
make RUNNER=local "$@" report
echo "== $(date -Is) drawing job done"
