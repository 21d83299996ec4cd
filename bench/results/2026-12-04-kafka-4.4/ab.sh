cd /work/main
B="java -jar bench/target/bench.jar"
for round in 1 2; do
  for v in k440 k431; do
    $B --only-rest --rates 200,400 --runs 1 --service-jar /tmp/ab/$v.jar --out /tmp/ab/$v-rest$round > /tmp/ab/$v-rest$round.log 2>&1
    $B --only-pipeline --skip-references --runs 1 --service-jar /tmp/ab/$v.jar --out /tmp/ab/$v-pipe$round > /tmp/ab/$v-pipe$round.log 2>&1
  done
done
date > /tmp/ab/k44.done
