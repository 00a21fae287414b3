#!/usr/bin/env bash
# Runs the threshold benchmark (ThresholdBenchmark): ./plugins/threshold/bench.sh [threads] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl plugins/threshold -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="plugins/threshold/target/test-classes:plugins/threshold/target/classes:$(cat plugins/threshold/target/bench.classpath)"
exec java -Xmx2g -cp "$cp" eres.plugins.threshold.ThresholdBenchmark "$@"
