#!/usr/bin/env bash
# One Slurm array task: produces the point on line $SLURM_ARRAY_TASK_ID (0-based) of the
# manifest given as $1 (submit.sh). USR1 (the time-limit warning, `--signal=B:USR1@…`, sent
# to this shell only) and TERM (scancel, `scontrol requeue`, preemption: Slurm signals every
# process of the job) are passed on to simulate, which checkpoints and exits 3. After USR1
# the task requeues itself; after TERM Slurm decides (a requeue reruns it, a scancel ends
# it). Either rerun resumes from the checkpoint.
set -euo pipefail

manifest=$1
task=${SLURM_ARRAY_TASK_ID:?not a Slurm array task}
id=${SLURM_ARRAY_JOB_ID}_${task}
dir=$(sed -n "$((task + 1))p" "$manifest")
[ -n "$dir" ] || { echo "task.sh: no line $task in $manifest" >&2; exit 1; }

# The log this task writes to (submit.sh's --output, relative to the repo root), for the markers.
export POINT_LOG=data/slurm/logs/$id.log
args=(run "$dir" --threads "${SLURM_CPUS_PER_TASK:-1}")
[ -n "${SIM_CHECKPOINT_SECONDS:-}" ] && args+=(--checkpoint-seconds "$SIM_CHECKPOINT_SECONDS")
[ -n "${SIM_TEST_DELAY_MS:-}" ] && args+=(--test-delay-ms "$SIM_TEST_DELAY_MS")

echo "== $(date -Is) task $id on $(hostname -s), SLURM_RESTART_COUNT=${SLURM_RESTART_COUNT:-0}: $dir"
.build/release/simulate "${args[@]}" &
child=$!
got=
# shellcheck disable=SC2317  # called by the traps
forward() { got=$1; echo "== $(date -Is) task $id: SIG$1, passed on to simulate"; kill -s "$1" "$child" 2>/dev/null || true; }
trap 'forward USR1' USR1
trap 'forward TERM' TERM

# A trapped signal cuts `wait` short (status > 128): wait again while simulate still runs;
# the last `wait` returns its exit status (bash keeps it).
while kill -0 "$child" 2>/dev/null; do wait "$child" || true; done
rc=0; wait "$child" || rc=$?

if [ "$rc" -eq 3 ] && [ "$got" = TERM ]; then
    # Slurm is ending the job: not requeued here, or a scancel would requeue it.
    echo "== $(date -Is) task $id: stopped by Slurm (checkpoint kept): a requeue or resubmission resumes"
    exit 0
fi
if [ "$rc" -eq 3 ]; then
    echo "== $(date -Is) task $id: interrupted (checkpoint kept): requeueing"
    scontrol requeue "$id"
    exit 0
fi
echo "== $(date -Is) task $id: simulate exited $rc"
exit "$rc"
