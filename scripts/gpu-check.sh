#!/usr/bin/env bash
# One run on the GPU machine (no Node.js, no node_modules there): builds the addon for sm_90a
# with cmake, runs the GPU tests (node:test bundles), compute-sanitizer over the op parity test,
# `llorch run` and `llorch serve` (with a worker process) on cuda:0 against the CPU backend's text,
# and the GPU benchmark; prints a short table last. Prepare first, on a machine with the repo's
# node_modules: `node scripts/gpu-bundle.mjs` (fills the ignored .gpu/, which must travel).
# Logs (build, tests, sanitizer, bench) and the benchmark's RESULTS.md rows go to $OUT
# (default /tmp/gpu-check). Revisions bundled with `--ab <rev>` (.gpu/ab/<rev>) are built beside
# the tree and benchmarked after it on the same card, then the tree again, twice over: an A/B in
# one run.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-/tmp/gpu-check}
mkdir -p "$OUT"
SKIP_SANITIZER=${SKIP_SANITIZER:-0}  # 1: no compute-sanitizer pass
SANITIZER_TIMEOUT=${SANITIZER_TIMEOUT:-300}  # seconds the compute-sanitizer pass may take
# PROFILE=1: also an ncu per-kernel time summary of a few steps (scripts/ncu-summary.py)
# NCU_KERNELS=REGEX [NCU_COUNT=N NCU_TYPES=a,b]: also ncu's sections for the kernels matching REGEX
# AB_PARITY=1: also the op parity test of every --ab revision
# TRACE=1: also a build with kernel timestamps (-DLLORCH_TRACE=ON, cuda/src/cuda/kernel_trace.h) and,
# per bench type, the timeline of the last of 40 replayed decode steps (scripts/trace-summary.py)
TYPES=${BENCH_TYPES:-f16,q8_0,q4_k_m}

if command -v node >/dev/null; then NODE=$(command -v node); else
  NODE=/tmp/llorch-node
  [ -x $NODE ] || { xz -dc .gpu/node.xz >$NODE && chmod +x $NODE; }
fi
[ -e ../shared ] || ln -s "$ROOT/.gpu/shared" ../shared
export LLORCH_COMMIT=$(cat .gpu/COMMIT 2>/dev/null || echo unknown)
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm,clocks.max.mem --format=csv,noheader | tee /tmp/llorch-gpu.txt

# The benchmark models take a minute of JS quantization each: generate them in parallel while
# the addon builds and the tests run.
IFS=, read -ra types <<<"$TYPES"
synth_pids=()
for t in "${types[@]}"; do
  $NODE .gpu/bundles/engine-gpu-bench.mjs --synth-only --types "$t" >"/tmp/llorch-synth-$t.log" 2>&1 &
  synth_pids+=($!)
done

status=()
t0=$(date +%s)
cmake -S cuda -B /tmp/llorch-build -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_JS_INC="$ROOT/.gpu/napi/include;$ROOT/.gpu/napi/addon-api" >"$OUT/build.log" 2>&1 &&
  cmake --build /tmp/llorch-build -j 16 >>"$OUT/build.log" 2>&1
build=$?
grep -E "error|warning" "$OUT/build.log" | head -20
status+=("build: $([ $build = 0 ] && echo ok || echo FAILED) ($(($(date +%s) - t0)) s)")
if [ $build = 0 ]; then
  # useBuild DIR: the bundles load that build's addon from here on.
  useBuild() { cp "$1/llorch_native.node" .gpu/build/Release/; }
  mkdir -p .gpu/build/Release && useBuild /tmp/llorch-build
  # The A/B revisions build while the tests run, the machine's cores shared among them (at -j 4
  # each, two revisions finished ~70 s after the tree's bench, which the A/B then waited for).
  ab=()
  ab_pids=()
  for d in .gpu/ab/*/; do
    [ -f "$d/CMakeLists.txt" ] && ab+=("$(basename "$d")")
  done
  ab_jobs=$(($(nproc) / (${#ab[@]} > 0 ? ${#ab[@]} : 1)))
  [ "$ab_jobs" -ge 2 ] || ab_jobs=2
  for r in "${ab[@]}"; do
    (cmake -S ".gpu/ab/$r" -B "/tmp/llorch-build-$r" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_JS_INC="$ROOT/.gpu/napi/include;$ROOT/.gpu/napi/addon-api" >"$OUT/build-$r.log" 2>&1 &&
      cmake --build "/tmp/llorch-build-$r" -j "$ab_jobs" >>"$OUT/build-$r.log" 2>&1) &
    ab_pids+=($!)
  done
  if [ "${TRACE:-0}" = 1 ]; then
    (cmake -S cuda -B /tmp/llorch-build-trace -DCMAKE_BUILD_TYPE=Release -DLLORCH_TRACE=ON \
      -DCMAKE_JS_INC="$ROOT/.gpu/napi/include;$ROOT/.gpu/napi/addon-api" >"$OUT/build-trace.log" 2>&1 &&
      cmake --build /tmp/llorch-build-trace -j 4 >>"$OUT/build-trace.log" 2>&1) &
    trace_pid=$!
  fi
  t0=$(date +%s)
  timeout 300 $NODE --test --test-reporter=spec .gpu/bundles/*.gpu.test.mjs >"$OUT/tests.log" 2>&1
  tests=$?
  grep -E "^# (tests|pass|fail)|not ok|✖" "$OUT/tests.log" | head -30
  status+=("gpu tests: $([ $tests = 0 ] && echo pass || echo FAIL) ($(($(date +%s) - t0)) s)")
  if [ "$SKIP_SANITIZER" != 1 ]; then
    t0=$(date +%s)
    timeout "$SANITIZER_TIMEOUT" compute-sanitizer --tool memcheck --leak-check full --error-exitcode 9 \
      $NODE .gpu/bundles/ops.gpu.test.mjs >"$OUT/sanitizer.log" 2>&1
    san=$?
    grep -E "ERROR SUMMARY|LEAK SUMMARY|Invalid" "$OUT/sanitizer.log" | head -10
    status+=("compute-sanitizer memcheck (op parity): $([ $san = 0 ] && echo clean || echo "FAIL rc=$san") ($(($(date +%s) - t0)) s)")
  fi
  # The CLI on the GPU: greedy text must equal the CPU backend's.
  run_cli() { timeout 60 $NODE .gpu/bundles/llorch.mjs run --model ../shared/models/stories260K.gguf --device "$1" \
    --temperature 0 --max-tokens 48 "Once upon a time" 2>/dev/null; }
  cpu_text=$(run_cli cpu)
  gpu_text=$(run_cli cuda:0)
  echo "llorch run --device cuda:0: $gpu_text"
  status+=("llorch run --device cuda:0 (stories260K, 48 greedy tokens): $([ -n "$gpu_text" ] && [ "$gpu_text" = "$cpu_text" ] && echo identical to cpu || echo DIFFERS from cpu)")
  # The server on the GPU: orchestrator + a worker process on cuda:0; greedy text over HTTP must
  # equal the CPU backend's.
  cat >/tmp/llorch-serve.json <<EOF
{"port": 18080, "logLevel": "warn",
 "models": {"stories": {"path": "$ROOT/.gpu/shared/models/stories260K.gguf", "devices": ["cuda:0"]}},
 "supervisor": {"workerCommand": ["$NODE", "$ROOT/.gpu/bundles/llorch-worker.mjs"]}}
EOF
  $NODE .gpu/bundles/llorch.mjs serve --config /tmp/llorch-serve.json >"$OUT/serve.log" 2>&1 &
  serve_pid=$!
  serve_text=$(timeout 120 $NODE --input-type=module -e "
    const base = 'http://127.0.0.1:18080';
    for (let i = 0; i < 200; i++) {
      if (await fetch(base + '/readyz').then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const r = await fetch(base + '/v1/completions', { method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'stories', prompt: 'Once upon a time', max_tokens: 48, temperature: 0 }) });
    const body = await r.json();
    process.stdout.write(body.choices?.[0]?.text ?? JSON.stringify(body));")
  kill -TERM $serve_pid
  wait $serve_pid
  serve_rc=$?
  echo "llorch serve (worker on cuda:0): $serve_text"
  status+=("llorch serve, worker on cuda:0 (stories260K, 48 greedy tokens over HTTP): $([ -n "$serve_text" ] && [ "$serve_text" = "$cpu_text" ] && echo identical to cpu || echo DIFFERS from cpu); exit status after SIGTERM: $serve_rc")
  for p in "${synth_pids[@]}"; do wait "$p"; done
  cat /tmp/llorch-synth-*.log
  if [ "${PROFILE:-0}" = 1 ]; then
    # Per-kernel GPU time of a prefill and four decode steps (the last one replayed from a graph).
    timeout 240 ncu --graph-profiling node --clock-control none --metrics gpu__time_duration.sum --csv \
      $NODE .gpu/bundles/engine-gpu-bench.mjs --profile --types "${types[0]}" >"$OUT/ncu.csv" 2>/tmp/llorch-ncu.err
    python3 scripts/ncu-summary.py "$OUT/ncu.csv" | tee "$OUT/ncu-summary.txt" | tail -40
  fi
  if [ -n "${NCU_KERNELS:-}" ]; then
    # NCU_KERNELS=REGEX: ncu's sections (throughput, memory, warp stalls with their sampled reasons,
    # instruction mix, scheduler, occupancy) for the first NCU_COUNT (4) kernels of the profiled
    # steps whose function names match, for each of NCU_TYPES (default: the first bench type).
    IFS=, read -ra ncu_types <<<"${NCU_TYPES:-${types[0]}}"
    for t in "${ncu_types[@]}"; do
      timeout 240 ncu --graph-profiling node --clock-control none -k "regex:$NCU_KERNELS" -c "${NCU_COUNT:-4}" \
        --section SpeedOfLight --section MemoryWorkloadAnalysis --section WarpStateStats \
        --section SourceCounters --section InstructionStats --section ComputeWorkloadAnalysis \
        --section SchedulerStats --section Occupancy --section LaunchStats \
        $NODE .gpu/bundles/engine-gpu-bench.mjs --profile --types "$t" >"$OUT/ncu-detail-$t.txt" 2>&1
      status+=("ncu sections of /$NCU_KERNELS/, $t (rc=$?): $OUT/ncu-detail-$t.txt")
    done
  fi
  t0=$(date +%s)
  # The SM clock while the bench runs (the decode step is a chain of latency-bound kernels, so it
  # scales with the clock): sampled every 200 ms, summarized over the samples of a busy card.
  nvidia-smi --query-gpu=clocks.sm,clocks.mem,power.draw --format=csv,noheader,nounits -lms 200 >"$OUT/clocks.csv" 2>&1 &
  smi_pid=$!
  timeout 300 $NODE .gpu/bundles/engine-gpu-bench.mjs --types "$TYPES" --rows "$OUT/bench-rows.md" >"$OUT/bench.log" 2>&1
  bench=$?
  kill $smi_pid 2>/dev/null
  wait $smi_pid 2>/dev/null
  status+=("bench: $([ $bench = 0 ] && echo ok || echo FAILED) ($(($(date +%s) - t0)) s)")
  if [ ${#ab[@]} -gt 0 ]; then
    # Decode tok/s at the 512-token prompt, per type, greedy and sampled, from a bench log.
    decode512() { awk '/ decode tok\/s, 512-token prompt / {v = $0; sub(/^.* 512-token prompt +/, "", v); split(v, a, " ");
        s = s (s ? ", " : "") $1 " " a[1]}
      / decode tok\/s, 512-token prompt, T 0.8 / {v = $0; sub(/^.* top-p 0.9 +/, "", v); split(v, a, " "); s = s " (sampled " a[1] ")"}
      END {print (s ? s : "no figures")}' "$1"; }
    status+=("A/B, decode tok/s at 512: tree (1) $(decode512 "$OUT/bench.log")")
    # The figures drift by a few % over a run's minutes (the same kernels read 1601 and 1542 a
    # minute apart), so each side is benchmarked more than once: revisions, tree, revisions, tree.
    built=()
    for i in "${!ab[@]}"; do
      if wait "${ab_pids[$i]}"; then built+=("${ab[$i]}"); else status+=("A/B: ${ab[$i]} build FAILED ($OUT/build-${ab[$i]}.log)"); fi
    done
    # benchBuild COMMIT LABEL BUILD_DIR LOG [bench args]: the bench with that build's addon, and its
    # A/B line.
    benchBuild() {
      useBuild "$3"
      LLORCH_COMMIT=$1 timeout 300 $NODE .gpu/bundles/engine-gpu-bench.mjs --types "$TYPES" "${@:5}" >"$4" 2>&1
      status+=("A/B, decode tok/s at 512: $2 $(decode512 "$4")")
    }
    if [ "${AB_PARITY:-0}" = 1 ]; then
      # AB_PARITY=1: each revision's op parity (every CUDA op against the CPU backend) as well.
      for r in "${built[@]}"; do
        useBuild "/tmp/llorch-build-$r"
        timeout 300 $NODE --test --test-reporter=spec .gpu/bundles/ops.gpu.test.mjs >"$OUT/ops-$r.log" 2>&1
        parity=$?
        status+=("A/B: $r op parity: $([ $parity = 0 ] && echo pass || echo "FAIL ($OUT/ops-$r.log)")")
      done
    fi
    for pass in 1 2; do
      for r in "${built[@]}"; do
        rows=()
        [ $pass = 1 ] && rows=(--rows "$OUT/bench-rows-$r.md")
        benchBuild "$r" "$r ($pass)" "/tmp/llorch-build-$r" "$OUT/bench-$r-$pass.log" "${rows[@]}"
      done
      benchBuild "$LLORCH_COMMIT" "tree ($((pass + 1)))" /tmp/llorch-build "$OUT/bench-tree-$((pass + 1)).log"
    done
  fi
  if [ "${TRACE:-0}" = 1 ]; then
    if wait $trace_pid; then
      useBuild /tmp/llorch-build-trace
      for t in "${types[@]}"; do
        LLORCH_TRACE_FILE="$OUT/trace-$t.txt" timeout 120 $NODE .gpu/bundles/engine-gpu-bench.mjs --profile --steps 40 \
          --types "$t" >"$OUT/trace-$t.log" 2>&1
        python3 scripts/trace-summary.py "$OUT/trace-$t.txt" >"$OUT/trace-summary-$t.txt" 2>&1
        status+=("kernel trace, $t (last of 40 replayed steps at 512 positions): $OUT/trace-summary-$t.txt")
        cat "$OUT/trace-summary-$t.txt"
      done
      useBuild /tmp/llorch-build
    else
      status+=("trace build: FAILED ($OUT/build-trace.log)")
    fi
  fi
  status+=("$(awk -F', *' '$3 + 0 > 150 {print $1}' "$OUT/clocks.csv" | sort -n | awk '{v[++n] = $1}
    END {if (n) printf "SM clock while the card drew > 150 W: median %d MHz (%d-%d, %d samples)", v[int((n + 1) / 2)], v[1], v[n], n;
         else printf "SM clock: no sample of a busy card"}')")
fi

echo
echo "== gpu-check $(cat .gpu/COMMIT 2>/dev/null) on $(head -1 /tmp/llorch-gpu.txt)"
printf '%s\n' "${status[@]}"
[ -f "$OUT/bench.log" ] && sed -n '/^engine-gpu-bench on/,$p' "$OUT/bench.log"
[ -f "$OUT/bench.log" ] && grep -iE "error" "$OUT/bench.log" | head -5
exit 0
