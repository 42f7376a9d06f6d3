#!/usr/bin/env bash
# A one-node Slurm test cluster (munged, slurmctld, slurmd) living entirely in DIR, for CI
# and local tests of RUNNER=slurm. A real site has its own cluster: never needed there.
#
#   cluster.sh start DIR   install missing packages (as root), write the config, start the
#                          daemons in the foreground (backgrounded, PIDs in DIR/*.daemon-pid)
#                          and wait until a job runs
#   cluster.sh env DIR     print `export SLURM_CONF=…` (every Slurm client command needs it)
#   cluster.sh stop DIR    cancel the cluster's jobs, stop the daemons by their recorded PIDs
#
# Debian 12 (Slurm 22.05, munge 0.5.15), root, no systemd: no cgroups, one such cluster per
# host (ports 6817/6818).
set -euo pipefail

usage() { echo "usage: $0 start|stop|env DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
conf=$dir/slurm.conf
PACKAGES=(slurmctld slurmd slurm-client munge)
DAEMONS=(munged slurmctld slurmd)

install_packages() {
    local missing=()
    for c in munged mungekey slurmctld slurmd sbatch; do command -v "$c" >/dev/null || missing+=("$c"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "cluster.sh: missing ${missing[*]}; install: sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
        exit 1
    fi
    echo "cluster.sh: installing ${PACKAGES[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Without package lists (a fresh image) the first try fails: update, then retry.
    apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null 2>&1 ||
        { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null; }
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_config() {
    local host node mem
    host=$(hostname -s)
    # This node as slurmd sees it (CPUs, sockets, threads); memory below what it reports so
    # the node never registers with less than configured (that would drain it).
    node=$(slurmd -C | head -n1)
    mem=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$node")
    # shellcheck disable=SC2001  # a pattern with a repeat: sed
    node=$(sed 's/ RealMemory=[0-9]*//' <<<"$node")
    # Fresh state each start would restart job ids at 1 and collide with the manifests of
    # earlier test clusters (data/slurm/<job>.points): start from a time-based id instead.
    cat >"$conf" <<CONF
ClusterName=twofactor-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.sock,cred_expire=10
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# A job after a failed array would otherwise wait forever (ignored under SchedulerParameters).
DependencyParameters=kill_invalid_depend
# A requeued job waits cred_expire + sched_interval (~15 s) instead of ~130 s.
SchedulerParameters=bf_interval=2,sched_interval=5
MpiDefault=none
ReturnToService=2
# Finished jobs stay visible in squeue/scontrol for 5 minutes (there is no sacct here).
MinJobAge=300
KillWait=5
FirstJobId=$(( $(date +%s) % 50000000 + 1000 ))
$node NodeAddr=127.0.0.1 RealMemory=$(( mem * 9 / 10 ))
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
}

# Starts one daemon in the foreground, in the background; records its PID.
launch() {
    local name=$1; shift
    "$@" >"$dir/$name.out" 2>&1 </dev/null &
    echo $! >"$dir/$name.daemon-pid"
}

alive() { [ -f "$dir/$1.daemon-pid" ] && kill -0 "$(cat "$dir/$1.daemon-pid")" 2>/dev/null; }

wait_for() {   # wait_for SECONDS DESCRIPTION COMMAND...: poll every 0.2 s
    local until=$(( $(date +%s) + $1 )) what=$2; shift 2
    until "$@" >/dev/null 2>&1; do
        for d in "${DAEMONS[@]}"; do
            [ -f "$dir/$d.daemon-pid" ] && ! alive "$d" && { echo "cluster.sh: $d died: $dir/$d.out, $dir/$d.log" >&2; tail -n 20 "$dir/$d.out" "$dir/$d.log" >&2 2>/dev/null; exit 1; }
        done
        [ "$(date +%s)" -lt "$until" ] || { echo "cluster.sh: timed out waiting for $what" >&2; exit 1; }
        sleep 0.2
    done
}

node_idle() { [ "$(sinfo -h -o %t)" = idle ]; }

start() {
    for d in "${DAEMONS[@]}"; do alive "$d" && { echo "cluster.sh: $d already runs for $dir" >&2; exit 1; }; done
    install_packages
    for p in 6817 6818; do port_busy "$p" && { echo "cluster.sh: port $p is in use (another Slurm cluster on this host?)" >&2; exit 1; }; done
    # munged refuses a socket in a directory others cannot enter (mktemp -d makes 0700).
    chmod 755 "$dir"
    local up=$dir
    while up=$(dirname "$up") && [ "$up" != / ]; do
        [ "$(( 0$(stat -c %a "$up") & 1 ))" -eq 1 ] ||
            { echo "cluster.sh: munged needs $up to be enterable by all (chmod o+x, or choose another DIR)" >&2; exit 1; }
    done
    mkdir -p "$dir/state" "$dir/spool"
    write_config
    [ -f "$dir/munge.key" ] || mungekey --create --keyfile="$dir/munge.key"
    launch munged munged --foreground --socket="$dir/munge.sock" --key-file="$dir/munge.key" \
        --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge.seed"
    wait_for 10 "munged" test -S "$dir/munge.sock"
    export SLURM_CONF=$conf
    launch slurmctld slurmctld -D -c -f "$conf"
    wait_for 20 "slurmctld" scontrol ping
    launch slurmd slurmd -D -N "$(hostname -s)" -f "$conf"
    wait_for 30 "the node to be idle" node_idle
    wait_for 30 "a first job (srun true)" timeout 20 srun -t 1 true
    echo "cluster.sh: cluster up in $dir (PIDs: munged $(cat "$dir/munged.daemon-pid"), slurmctld $(cat "$dir/slurmctld.daemon-pid"), slurmd $(cat "$dir/slurmd.daemon-pid"))"
}

# TERM to the recorded PIDs, then wait (KILL after 10 s).
stop_daemons() {
    local pids=() d pid until=$(($(date +%s) + 10))
    for d in "$@"; do
        alive "$d" && pids+=("$(cat "$dir/$d.daemon-pid")")
    done
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        while kill -0 "$pid" 2>/dev/null; do
            [ "$(date +%s)" -lt "$until" ] || { kill -9 "$pid" 2>/dev/null || true; }
            sleep 0.1
        done
    done
    for d in "$@"; do rm -f "$dir/$d.daemon-pid"; done
}

stop() {
    export SLURM_CONF=$conf
    # Job processes outlive slurmd: cancel every job and let them end first.
    if alive slurmctld && alive slurmd; then
        local jobs
        jobs=$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ' || true)
        if [ -n "${jobs// /}" ]; then
            # shellcheck disable=SC2086  # job ids: one word each
            scancel $jobs 2>/dev/null || true
            local until=$(( $(date +%s) + 15 ))
            while [ -n "$(squeue -h -o %A 2>/dev/null)" ] && [ "$(date +%s)" -lt "$until" ]; do sleep 0.5; done
        fi
    fi
    # The Slurm daemons together (each takes a second or two), munged after them.
    stop_daemons slurmd slurmctld
    stop_daemons munged
    echo "cluster.sh: stopped the cluster in $dir"
}

case $cmd in
    start) start ;;
    stop) stop ;;
    env) echo "export SLURM_CONF=$(printf %q "$conf")" ;;
    *) usage ;;
esac
