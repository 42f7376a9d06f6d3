#!/usr/bin/env bash
# RUNNER=slurm (Makefile): submits the missing points of the figure goals as ONE Slurm job
# array (scripts/slurm/task.sh per point), then a job that draws the figures and the report
# once the array has succeeded (scripts/slurm/draw.sh).
#
#   submit.sh [VAR=value ...] goal ... data/results/…/result.json ...
#
# VAR=value: make variables for the drawing job (SCALE=…, SEEDS=…); goal: figure2, figure3,
# figure5-6, finite-size; result.json: the goals' points. Points that are done, queued or
# running are left out, so submitting a sweep twice submits nothing the second time.
# Site options, from the environment or one file (slurm.env at the repo root, or
# $SLURM_SITE_CONFIG; bash assignments; the environment wins):
#   SLURM_PARTITION SLURM_ACCOUNT SLURM_QOS  the usual sbatch options
#   SLURM_EXTRA_ARGS      more sbatch flags, e.g. "--constraint=avx2 --nice=10"
#   SLURM_CPUS            CPUs (threads) per point, default 1
#   SLURM_ARRAY_MAX       at most this many points at a time (--array=…%N)
#   SLURM_TIME_FACTOR     time limit = the cost model's seconds × this + 10 min (default 3)
#   SLURM_SIGNAL_LEAD     seconds before the limit at which a point checkpoints (default 120)
#   SLURM_DRAW_MINUTES    time limit of the drawing job (default 120)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
slurm_dir=data/slurm            # manifests <job>.points, read by `simulate status`
logs=$slurm_dir/logs            # task.sh records the same path in each point's markers
sim=.build/release/simulate

say() { echo "slurm: $*"; }
die() { echo "slurm: $*" >&2; exit 1; }

# --- site options -------------------------------------------------------------------------
site_vars=(SLURM_PARTITION SLURM_ACCOUNT SLURM_QOS SLURM_EXTRA_ARGS SLURM_CPUS SLURM_ARRAY_MAX
           SLURM_TIME_FACTOR SLURM_SIGNAL_LEAD SLURM_DRAW_MINUTES)
config=${SLURM_SITE_CONFIG:-slurm.env}
if [ -n "${SLURM_SITE_CONFIG:-}" ] && [ ! -f "$config" ]; then die "SLURM_SITE_CONFIG=$config: no such file"; fi
if [ -f "$config" ]; then
    saved=$(declare -p "${site_vars[@]}" 2>/dev/null || true)   # the environment wins
    # shellcheck source=/dev/null
    source "$config"
    eval "$saved"
    say "site options from $config"
fi
cpus=${SLURM_CPUS:-1}
factor=${SLURM_TIME_FACTOR:-3}
lead=${SLURM_SIGNAL_LEAD:-120}
site=()
[ -n "${SLURM_PARTITION:-}" ] && site+=("--partition=$SLURM_PARTITION")
[ -n "${SLURM_ACCOUNT:-}" ] && site+=("--account=$SLURM_ACCOUNT")
[ -n "${SLURM_QOS:-}" ] && site+=("--qos=$SLURM_QOS")
read -ra extra <<<"${SLURM_EXTRA_ARGS:-}"
site+=("${extra[@]}")

# --- arguments ----------------------------------------------------------------------------
make_vars=() goals=() targets=()
for a in "$@"; do
    case $a in
        */result.json) targets+=("$a") ;;
        *=*) make_vars+=("$a") ;;
        *) goals+=("$a") ;;
    esac
done
scale=default
for v in "${make_vars[@]}"; do case $v in SCALE=*) scale=${v#SCALE=} ;; esac; done
[ ${#targets[@]} -gt 0 ] || die "no points given (usage: submit.sh [VAR=value ...] goal ... result.json ...)"

# --- what is queued or running already --------------------------------------------------------
# squeue lists array tasks as <job>_<task>; line <task> of data/slurm/<job>.points names the point.
queue=$(squeue -h -r -o "%i %T") || die "squeue failed: is this a Slurm cluster (SLURM_CONF=${SLURM_CONF:-unset})?"
declare -A live=() inflight=() manifest_of=()
while read -r id state; do
    [ -n "$id" ] || continue
    case $state in
        PENDING | RUNNING | REQUEUED | REQUEUE_HOLD | REQUEUE_FED | CONFIGURING | COMPLETING | SUSPENDED | RESIZING | SIGNALING | STAGE_OUT) ;;
        *) continue ;;
    esac
    live[$id]=1
    [[ $id == *_* ]] || continue
    job=${id%%_*} task=${id#*_}
    if [ -z "${manifest_of[$job]+x}" ]; then
        manifest_of[$job]=$slurm_dir/$job.points
        [ -f "${manifest_of[$job]}" ] || manifest_of[$job]=
    fi
    [ -n "${manifest_of[$job]}" ] || continue
    dir=$(sed -n "$((task + 1))p" "${manifest_of[$job]}")
    [ -n "$dir" ] && inflight[$dir]=$id
done <<<"$queue"

# A live .running marker of a task squeue still lists (a manifest lost or from elsewhere).
marker_job() {
    local marker job
    marker=$(dirname "$1")/.$(basename "$1").running
    [ -f "$marker" ] || return 0
    job=$(grep -o '"slurm_job" *: *"[^"]*"' "$marker" | sed 's/.*"\([^"]*\)"$/\1/' || true)
    [ -n "$job" ] && [ -n "${live[$job]+x}" ] && echo "$job"
    return 0
}

todo=() deps=() ndone=0 nflight=0
for t in "${targets[@]}"; do
    d=${t%/result.json}
    if [ -f "$t" ]; then ndone=$((ndone + 1)); continue; fi
    job=${inflight[$d]:-$(marker_job "$d")}
    if [ -n "$job" ]; then nflight=$((nflight + 1)); deps+=("${job%%_*}"); continue; fi
    todo+=("$d")
done
mapfile -t deps < <(printf '%s\n' "${deps[@]}" | sort -u | sed '/^$/d')
say "${#targets[@]} points for ${goals[*]} at scale $scale: $ndone done, $nflight queued or running${deps:+ (jobs ${deps[*]})}, ${#todo[@]} to submit"
if [ ${#todo[@]} -eq 0 ]; then
    say "nothing to submit"
    [ "$nflight" -eq 0 ] && say "every point is done: draw with \`make ${goals[*]} SCALE=$scale\` (without RUNNER=slurm)"
    exit 0
fi

# --- resources from the cost model (upper bounds, one thread) ----------------------------------
cost=$("$sim" cost "${todo[@]}")
read -r minutes mem seconds < <(awk -F'\t' -v f="$factor" '
    { if ($2 > s) s = $2; if ($3 > m) m = $3 }
    END { t = (s * f + 600) / 60; printf "%d %d %d\n", (t == int(t) ? t : int(t) + 1), m, s }' <<<"$cost")

# --- the array --------------------------------------------------------------------------------
mkdir -p "$slurm_dir/manifests" "$logs"
manifest=$(mktemp "$slurm_dir/manifests/$(date +%Y%m%d-%H%M%S)-XXXXXX.points")
chmod 644 "$manifest"   # mktemp makes it private; status may run as another user
printf '%s\n' "${todo[@]}" >"$manifest"
k=${#todo[@]}
spec="0-$((k - 1))${SLURM_ARRAY_MAX:+%$SLURM_ARRAY_MAX}"
array=$(sbatch --parsable --job-name="2fsc-$scale" --array="$spec" --time="$minutes" --mem="${mem}M" \
    --cpus-per-task="$cpus" --signal="B:USR1@$lead" --requeue --open-mode=append \
    --output="$root/$logs/%A_%a.log" --chdir="$root" "${site[@]}" \
    scripts/slurm/task.sh "$root/$manifest") || { rm -f "$manifest"; die "sbatch refused the array"; }
array=${array%%;*}
# status and later submissions find the points as data/slurm/<job>.points. A link, not a
# rename: the tasks (also requeued ones, later) read the path they were given.
ln "$manifest" "$slurm_dir/$array.points"
say "submitted job array $array: $k points (tasks $spec), each ${minutes} min, ${mem} MB, $cpus CPU" \
    "(cost model: at most ${seconds} CPU-s × $factor + 10 min; USR1 ${lead} s before the limit)"
say "  manifest $slurm_dir/$array.points, logs $logs/${array}_<task>.log"

# --- the drawing job, once every point is done -------------------------------------------------
dep="afterok:$array"
for j in "${deps[@]}"; do dep+=":$j"; done
draw=$(sbatch --parsable --job-name="2fsc-$scale-draw" --dependency="$dep" --kill-on-invalid-dep=yes \
    --time="${SLURM_DRAW_MINUTES:-120}" --cpus-per-task="$cpus" --output="$root/$logs/%j-draw.log" \
    --chdir="$root" "${site[@]}" scripts/slurm/draw.sh "${make_vars[@]}" "${goals[@]}") ||
    die "sbatch refused the drawing job (array $array is queued): draw later with \`make ${goals[*]} SCALE=$scale\`"
draw=${draw%%;*}
say "submitted drawing job $draw ($dep): make ${goals[*]} report SCALE=$scale, log $logs/$draw-draw.log"
say "follow with: make status SCALE=$scale; squeue -j $array,$draw"
