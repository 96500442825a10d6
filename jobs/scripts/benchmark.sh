#!/usr/bin/env bash
# Polku's benchmark (issue 23 point 5): every ratio from one run on one machine, each against its target.
#
# Per size N (FIT session rows; default 1 M and 10 M), seeded synthetic inputs with the sessions in ONE file, as a
# real export arrives (`polku generate --sessions N --parts 1`), used by every stage:
# - single-file ingest: `polku ingest` of that file against DuckDB (JDBC) turning the same file into Parquet
#   (bench/DuckDbIngest), both as whole JVMs, start included; and the cores the ingest JVM kept busy on average,
#   (user + sys CPU) / wall; for information, Spark's own CSV reader turning the file into Parquet with no checks
#   (bench/SparkCsvIngest): the floor of any ingest on Spark;
# - Polku's ingest, change (trajectories) and outcomes (region outcomes) stages, each in a fresh JVM with a fixed
#   heap, through the launcher as users run them;
# - the comparable part: what plain SQL can compute of change + outcomes (per ORS series intake/latest/change/slope,
#   region × arm means and counts) over the same sessions Parquet, in Spark SQL with Polku's session settings
#   (bench/SparkSqlComparison) and in DuckDB (bench/DuckDbComparison), checked number by number against Polku.
# Then the demo pipeline end to end against the Spark floor (bench/SparkFloor: a JVM that starts Spark local[*],
# reads one small Parquet table and writes one), both cold, interleaved: demo, floor, demo, floor, demo, floor.
# Prints a Markdown report (also written to $BENCH_DIR/results.md) with each target met or MISSED.
#
#   jobs/scripts/benchmark.sh                 # 1 000 000 and 10 000 000 sessions
#   jobs/scripts/benchmark.sh 20000           # a smoke run
#   jobs/scripts/benchmark.sh 100000000       # the 100 M scale run: Polku's three stages only, 4 GiB heap;
#                                             # about 11 GB of CSV and hours on 2 cores (not run by default)
#   HEAP=4g BENCH_DIR=bench MVN_FLAGS=-o jobs/scripts/benchmark.sh 1000000
#
# Needs GNU time (/usr/bin/time) for CPU and peak RSS. Builds with `mvn package` (never `install`: nothing is
# written to the local Maven repository but what Maven downloads). Inputs are generated once per size and seed and
# reused (delete $BENCH_DIR/data-N to regenerate). Not part of `mvn verify`: a 10 M run takes a while.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
heap=${HEAP:-4g}
seed=${SEED:-20240801}
bench=${BENCH_DIR:-$root/bench}
# Sizes above this run Polku's three stages only: the 100 M target is about Polku's memory, and the comparisons
# would double the run's disk and time.
scale_only_above=10000000
mkdir -p "$bench"
bench=$(cd "$bench" && pwd)
[ -x /usr/bin/time ] || { echo "benchmark.sh needs GNU time (/usr/bin/time; Debian package time)"; exit 1; }
# Polku runs through the launcher, as users run it (it picks JVM options by input size).
polku=$root/jobs/target/polku

echo "building (jar, test classes, classpath) ..."
# shellcheck disable=SC2086 # MVN_FLAGS is a list of options
mvn -B -q ${MVN_FLAGS:-} -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
duck_cp="$root/jobs/target/test-classes:$(cat "$root/jobs/target/bench.classpath")"
# The Spark SQL baseline runs from the classpath, so it needs the --add-opens flags the jar's manifest carries.
spark_cp="$root/jobs/target/classes:$duck_cp"
read -r -a opens <<<"$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' "$root/pom.xml")"

# measure NAME CMD...: runs CMD under GNU time; sets WALL (s), CPU (user + sys s), CORES (CPU / wall), RSS_MB (peak
# resident set of the largest process), and HEAP_MB from its GC log if any. Through the launcher, CPU includes the
# short JVM that sizes the inputs (well under a second).
measure() {
  local name=$1; shift
  local gclog=$bench/$name.gc.log log=$bench/$name.log times=$bench/$name.time
  rm -f "$gclog"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$times" "$@" >"$log" 2>&1; then
    echo "FAILED: $name (see $log)"; tail -20 "$log"; exit 1
  fi
  local wall user sys rss
  read -r wall user sys rss <"$times"
  WALL=$(awk -v w="$wall" 'BEGIN {printf "%.1f", w}')
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", u + s}')
  CORES=$(awk -v u="$user" -v s="$sys" -v w="$wall" 'BEGIN {printf "%.2f", (w > 0) ? (u + s) / w : 0}')
  RSS_MB=$((rss / 1024))
  HEAP_MB=$( [ -f "$gclog" ] && grep -oE '[0-9]+M->' "$gclog" | sed 's/M->//' | sort -n | tail -1 || true)
  HEAP_MB=${HEAP_MB:-0}
}

# stage_field MANIFEST STAGE FIELD: a number from the manifest's stage summary.
stage_field() {
  awk -v stage="\"$2\"" -v field="\"$3\"" '
    $1 == "\"name\"" && $3 ~ stage {found = 1}
    found && $1 == field {gsub(/,/, "", $3); print $3; exit}' "$1"
}

# ratio A B: A / B to two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }
# verdict VALUE OP LIMIT: "met" or "MISSED" (OP is <= or >=).
verdict() {
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {ok = (op == "<=") ? v <= l : v >= l; print ok ? "met" : "MISSED"}'
}
# median of the arguments (an odd count).
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
# mib SIZE: a JVM heap size (4g, 4096m) in MiB.
mib() { awk -v s="$1" 'BEGIN {n = s + 0; u = tolower(substr(s, length(s))); print (u == "g") ? n * 1024 : (u == "m") ? n : n / 1048576}'; }

java_flags=(-Xms"$heap" -Xmx"$heap")
cores=$(nproc)
# The issue's "1.6 of 2 cores": 80 % of the machine's cores.
cores_target=$(awk -v c="$cores" 'BEGIN {printf "%.1f", 0.8 * c}')
report=$bench/results.md
{
  echo "# Polku benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $cores cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1);"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; heap $heap per Polku stage JVM; Polku $("$polku" --version);"
  echo "inputs by \`polku generate --sessions N --parts 1 --seed $seed\` (the sessions in one file), used by every stage."
  echo
  echo "| sessions | stage | wall s | stage s | rows in | rows/s | CPU s | cores busy | peak heap MB | peak RSS MB |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$report"
summary=()
declare -A three_stages comparable
ingest_lines=()
for n in "${sizes[@]}"; do
  data=$bench/data-$n
  generated="polku generate --sessions $n --parts 1 --seed $seed"
  if [ "$(cat "$data/.complete" 2>/dev/null)" != "$generated" ]; then
    rm -rf "$data"
    # The CSV is about 110 bytes a session; its Parquet and the stages' outputs need about as much again.
    need_kb=$((n / 1024 * 250))
    free_kb=$(df -Pk "$bench" | awk 'NR == 2 {print $4}')
    if [ "$free_kb" -lt "$need_kb" ]; then
      echo "not enough disk under $bench for $n sessions: $((free_kb / 1048576)) GiB free, about $((need_kb / 1048576)) GiB needed"
      exit 1
    fi
    measure "generate-$n" "$polku" generate --sessions "$n" --parts 1 --seed "$seed" --out "$data"
    echo "$generated" >"$data/.complete"
  fi
  config=$bench/polku-$n.yaml
  cat >"$config" <<YAML
project: benchmark $n sessions (SYNTHETIC)
as_of: 2026-06-30
inputs:
  fit_sessions: $data/fit_sessions.csv
  life_situation: $data/life_situation*.csv
  region_statistics: $data/region_statistics.csv
  populations: $data/populations.csv
output: $bench/out-$n
regions:
  - {region: Etelä-Savo, start: 2024-08-01}
  - {region: Pohjois-Savo, start: 2024-08-01}
  - {region: Kainuu, start: 2024-08-01}
  - {region: Kymenlaakso, start: 2024-05-01}
YAML
  total=0
  for stage in ingest change outcomes; do
    measure "$stage-$n" env POLKU_JAVA_OPTS="${java_flags[*]} -Xlog:gc:file=$bench/$stage-$n.gc.log" "$polku" "$stage" --config "$config" --force
    manifest=$bench/out-$n/manifest.json
    secs=$(stage_field "$manifest" "$stage" seconds)
    rows=$(stage_field "$manifest" "$stage" rows_in)
    rate=$(awk -v r="$rows" -v s="$secs" 'BEGIN {printf "%.0f", (s > 0) ? r / s : 0}')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$stage" "$WALL" "$secs" "$rows" "$rate" "$CPU" "$CORES" "$HEAP_MB" "$RSS_MB" >>"$report"
    total=$(awk -v a="$total" -v b="$WALL" 'BEGIN {print a + b}')
    case $stage in
      ingest) ingest_wall=$WALL; ingest_cores=$CORES ;;
      change) change_s=$secs ;;
      outcomes) outcomes_s=$secs ;;
    esac
  done
  three_stages[$n]=$total
  if [ "$n" -gt "$scale_only_above" ]; then
    summary+=("$n: ingest, change and outcomes ${total} s wall with -Xmx$heap (a scale run: no comparisons)")
    continue
  fi

  # DuckDB after Polku's ingest, so that both read the file from the page cache.
  rm -f "$bench/duckdb-ingest-$n.parquet"
  measure "duckdb-ingest-$n" java -cp "$duck_cp" fi.polku.jobs.bench.DuckDbIngest "$data/fit_sessions.csv" "$bench/duckdb-ingest-$n.parquet"
  duck_rows=$(grep -oE ' rows=[0-9]+' "$bench/duckdb-ingest-$n.log" | cut -d= -f2)
  duck_copy=$(grep -oE 'duckdb_copy_seconds=[0-9.]+' "$bench/duckdb-ingest-$n.log" | cut -d= -f2)
  printf '| %s | DuckDB read_csv → Parquet (same file) | %s | %s | %s | %s | %s | %s | | %s |\n' "$n" "$WALL" "$duck_copy" "$duck_rows" \
    "$(awk -v r="$duck_rows" -v s="$WALL" 'BEGIN {printf "%.0f", (s > 0) ? r / s : 0}')" "$CPU" "$CORES" "$RSS_MB" >>"$report"
  duck_wall=$WALL
  # Spark's own CSV reader on the same file: the least any ingest on Spark does (no validation, no order).
  rm -rf "$bench/spark-csv-$n.parquet"
  measure "spark-csv-$n" java "${java_flags[@]}" "${opens[@]}" -cp "$spark_cp" fi.polku.jobs.bench.SparkCsvIngest \
    "$data/fit_sessions.csv" "$bench/spark-csv-$n.parquet"
  spark_csv=$(grep -oE 'spark_csv_seconds=[0-9.]+' "$bench/spark-csv-$n.log" | cut -d= -f2)
  spark_rows=$(grep -oE ' rows=[0-9]+' "$bench/spark-csv-$n.log" | cut -d= -f2)
  printf '| %s | Spark CSV reader → Parquet (same file, text columns, no checks) | %s | %s | %s | %s | %s | %s | | %s |\n' "$n" "$WALL" \
    "$spark_csv" "$spark_rows" "$(awk -v r="$spark_rows" -v s="$WALL" 'BEGIN {printf "%.0f", (s > 0) ? r / s : 0}')" "$CPU" \
    "$CORES" "$RSS_MB" >>"$report"
  rm -rf "$bench/spark-csv-$n.parquet"
  ingest_lines+=("single-file ingest at $n: Polku / DuckDB ≤ 5 (walls, JVM start included): ${ingest_wall} / ${duck_wall} s = $(ratio "$ingest_wall" "$duck_wall") → $(verdict "$(ratio "$ingest_wall" "$duck_wall")" "<=" 5); cores busy ≥ $cores_target of $cores: ${ingest_cores} → $(verdict "$ingest_cores" ">=" "$cores_target") (information: Spark's own CSV reader → Parquet / DuckDB $(ratio "$WALL" "$duck_wall"), Polku / Spark's CSV reader $(ratio "$ingest_wall" "$WALL"))")

  measure "sparksql-$n" java "${java_flags[@]}" -Xlog:gc:file="$bench/sparksql-$n.gc.log" "${opens[@]}" -cp "$spark_cp" \
    fi.polku.jobs.bench.SparkSqlComparison "$bench/out-$n" "$bench/sparksql-series-$n"
  sparksql=$(grep -oE 'spark_sql_seconds=[0-9.]+' "$bench/sparksql-$n.log" | cut -d= -f2)
  printf '| %s | Spark SQL (comparable part) | %s | %s | | | %s | %s | %s | %s |\n' "$n" "$WALL" "$sparksql" "$CPU" "$CORES" "$HEAP_MB" "$RSS_MB" >>"$report"
  measure "duckdb-$n" java "${java_flags[@]}" -cp "$duck_cp" fi.polku.jobs.bench.DuckDbComparison "$bench/out-$n" "$bench/sparksql-series-$n"
  duck=$(grep -oE 'duckdb_seconds=[0-9.]+' "$bench/duckdb-$n.log" | cut -d= -f2)
  printf '| %s | DuckDB (comparable part) | %s | %s | | | %s | %s | | %s |\n' "$n" "$WALL" "$duck" "$CPU" "$CORES" "$RSS_MB" >>"$report"
  polku_part=$(awk -v a="$change_s" -v b="$outcomes_s" 'BEGIN {print a + b}')
  comparable[$n]="$polku_part $sparksql $duck"
  summary+=("$n: Polku change+outcomes ${polku_part} s, Spark SQL ${sparksql} s, DuckDB ${duck} s (Polku/Spark SQL $(ratio "$polku_part" "$sparksql"), Polku/DuckDB $(ratio "$polku_part" "$duck"), Spark SQL/DuckDB $(ratio "$sparksql" "$duck")); all three stages ${total} s wall; check: $(grep -oE 'series_differ=[0-9]+ .*spark_series_differ=[0-9-]+' "$bench/duckdb-$n.log")")
done

# The demo pipeline end to end (ingest to HTML) through the launcher, and the Spark floor with the JVM options the
# launcher gives the demo, each in a new cold JVM, interleaved so that both see the same machine; medians of three,
# as this machine's timings vary by ±10-25 % from run to run.
# Its inputs (a file name, or a list of them) resolve against the config's folder: made absolute here.
sed -e "s#^output: .*#output: $bench/demo-out#" -e "s#\([:[,] *\)\([a-z_]*\.csv\)#\1$root/datasets/demo/\2#g" \
  "$root/datasets/demo/polku.yaml" >"$bench/demo.yaml"
read -r -a demo_tuning <<<"$(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$root/jobs/target/polku.jar" fi.polku.jobs.cli.LaunchOptions run --config "$bench/demo.yaml" 2>/dev/null || true)"
floor_cp="$root/jobs/target/polku.jar:$root/jobs/target/test-classes"
demo_runs=() floor_runs=()
rm -rf "$bench/floor-in" "$bench/floor-out"
for i in 1 2 3; do
  measure "demo-$i" "$polku" run --config "$bench/demo.yaml" --force
  demo_runs+=("$WALL")
  # The floor's small table: this run's demo sessions (a few thousand rows), copied once so later demo runs cannot
  # touch it.
  [ -d "$bench/floor-in" ] || cp -r "$bench/demo-out/sessions" "$bench/floor-in"
  measure "floor-$i" java "${demo_tuning[@]}" "${opens[@]}" -cp "$floor_cp" fi.polku.jobs.bench.SparkFloor "$bench/floor-in" "$bench/floor-out"
  floor_runs+=("$WALL")
done
demo_wall=$(median "${demo_runs[@]}")
floor_wall=$(median "${floor_runs[@]}")
demo_floor=$(awk -v a="$demo_wall" -v b="$floor_wall" 'BEGIN {printf "%.2f", a / b}')

has() { [ -n "${three_stages[$1]:-}" ]; }
{
  echo
  echo "Demo pipeline end to end (ingest → HTML), \`jobs/target/polku run\`, cold JVM, default heap: median ${demo_wall} s wall (runs: ${demo_runs[*]} s)."
  echo "Spark floor (start Spark local[*] with Polku's settings, read the demo's sessions Parquet, write it; JVM options as the launcher gives the demo: ${demo_tuning[*]:-none}): median ${floor_wall} s wall (runs: ${floor_runs[*]} s); interleaved with the demo."
  echo
  for line in "${summary[@]}"; do echo "- $line"; done
  echo
  echo "Targets (issue 23):"
  for line in "${ingest_lines[@]}"; do echo "- $line"; done
  for want in 1000000 10000000; do
    has "$want" || echo "- single-file ingest at $want: not measured in this run"
  done
  if [ -n "${comparable[10000000]:-}" ]; then
    read -r p q d <<<"${comparable[10000000]}"
    echo "- comparable part at 10 M: Polku (change + outcomes) / Spark SQL ≤ 2: $p / $q s = $(ratio "$p" "$q") → $(verdict "$(ratio "$p" "$q")" "<=" 2) (information: Polku/DuckDB $(ratio "$p" "$d"), Spark SQL/DuckDB $(ratio "$q" "$d"))"
  else
    echo "- comparable part at 10 M: Polku (change + outcomes) / Spark SQL ≤ 2: not measured in this run (the ratios at the sizes run are above)"
  fi
  echo "- demo end to end / Spark floor ≤ 2.5 (medians, both cold, interleaved): $demo_wall / $floor_wall s = $demo_floor → $(verdict "$demo_floor" "<=" 2.5)"
  if has 100000000; then
    if awk -v h="$(mib "$heap")" 'BEGIN {exit !(h <= 4096)}'; then
      echo "- 100 M sessions through ingest, change and outcomes within a 4 GiB heap: completed with -Xmx$heap in ${three_stages[100000000]} s → met"
    else
      echo "- 100 M sessions through ingest, change and outcomes within a 4 GiB heap: completed, but with -Xmx$heap → MISSED (run with HEAP=4g)"
    fi
  else
    echo "- 100 M sessions through ingest, change and outcomes within a 4 GiB heap: not run (opt-in: \`jobs/scripts/benchmark.sh 100000000\`)"
  fi
  if has 10000000 && has 1000000; then
    r=$(ratio "${three_stages[10000000]}" "${three_stages[1000000]}")
    echo "- time(10 M)/time(1 M) ≤ 11 (three stages, wall): ${three_stages[10000000]} / ${three_stages[1000000]} s = $r → $(verdict "$r" "<=" 11)"
  else
    echo "- time(10 M)/time(1 M) ≤ 11: not measured in this run (needs both sizes)"
  fi
  echo
  echo "Design bars (DESIGN.md §7):"
  echo "- demo end to end well under a minute (held at ≤ 30 s): median ${demo_wall} s → $(verdict "$demo_wall" "<=" 30)"
  if has 10000000; then
    echo "- 10 M within a 4 GiB heap: completed with -Xmx$heap → $(awk -v h="$(mib "$heap")" 'BEGIN {print (h <= 4096) ? "met" : "MISSED"}')"
  fi
} >>"$report"
cat "$report"
