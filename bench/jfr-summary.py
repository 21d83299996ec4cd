# Summarises a JFR profile of the service by thread and, within the stream thread, by library (the innermost
# frame of each listed package). Usage:
#   jfr print --stack-depth 64 --events jdk.ExecutionSample service.jfr > samples.txt
#   python3 bench/jfr-summary.py samples.txt
# Then, for the stream thread's largest categories, the methods (innermost frame of the category's package) that
# the samples of that category sit in.
import sys, re, collections
text = open(sys.argv[1]).read()
events = text.split("jdk.ExecutionSample {")[1:]
cats = [("tools.jackson", "Jackson (JSON and Smile)"), ("org.rocksdb", "RocksDB"), ("io.micrometer", "Micrometer"),
        ("org.apache.kafka.clients.producer", "producer (send, serialize, transactions)"),
        ("org.apache.kafka.clients.consumer", "consumer (poll, fetch)"),
        ("io.reservations.processor.store", "window index (ours)"), ("io.reservations", "deciders, processor, records (ours)"),
        ("org.apache.kafka.streams.state", "Streams state stores, caching, changelog"),
        ("org.apache.kafka.streams", "Kafka Streams, other")]
threads = collections.Counter(); stream = collections.Counter(); total = 0
within = collections.defaultdict(collections.Counter)
for e in events:
    m = re.search(r'sampledThread = "([^"]*)"', e)
    thread = m.group(1) if m else "?"
    total += 1
    key = "stream thread" if re.search(r"StreamThread-\d+$", thread) else ("broker" if re.search(r"data-plane|kafka-request|ReplicaFetcher|log-cleaner|kafka-|controller|raft|broker", thread) else ("api/http" if "http-nio" in thread or "command-results" in thread else ("producer io" if "producer" in thread else "other: " + thread[:30])))
    threads[key] += 1
    if key != "stream thread": continue
    frames = re.findall(r'^\s+([\w.$]+)\.[\w$<>]+\(', e, re.M)
    methods = re.findall(r'^\s+([\w.$]+\.[\w$<>]+)\(', e, re.M)
    cat = "other"; where = "?"
    for f, method in zip(frames, methods):
        for prefix, name in cats:
            if f.startswith(prefix):
                cat = name; where = method; break
        if cat != "other": break
    stream[cat] += 1
    within[cat][where] += 1
print("samples", total)
for k, v in threads.most_common(12): print(f"{v:7d} {100*v/total:5.1f}% {k}")
s = sum(stream.values())
print("stream thread", s)
for k, v in stream.most_common(): print(f"{v:7d} {100*v/s:5.1f}% {k}")
for k, _ in stream.most_common(4):
    print(f"within {k}:")
    for method, v in within[k].most_common(8): print(f"{v:7d} {100*v/s:5.1f}% {method}")
