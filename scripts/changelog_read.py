"""Seconds for one bare aiokafka consumer to read N records of 830 bytes (the dedup-index table's
JSON fingerprint) and of 600 bytes (about `Fingerprint.to_bytes()`) from the embedded Tansu broker:
the floor of a changelog restore without Faust's per-record recovery path. Measurement script
(issue 12), not a test.

    .venv/bin/python scripts/changelog_read.py 100000
"""
import asyncio, os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from streams.broker import EmbeddedBroker
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
N = int(sys.argv[1])
async def main(boot):
    for size in (830, 600):
        topic = f"t{size}"
        a = AIOKafkaAdminClient(bootstrap_servers=boot); await a.start()
        await a.create_topics([NewTopic(topic, 1, 1)]); await a.close()
        p = AIOKafkaProducer(bootstrap_servers=boot, linger_ms=10, max_batch_size=524288, max_request_size=4194304)
        await p.start()
        val = os.urandom(size); futs = []
        for i in range(N):
            futs.append(await p.send(topic, key=f'"a{i}"'.encode(), value=val, partition=0))
            if len(futs) >= 2000: await asyncio.gather(*futs); futs.clear()
        await asyncio.gather(*futs); await p.stop()
        for fetch in (4194304, 16777216):
            c = AIOKafkaConsumer(bootstrap_servers=boot, enable_auto_commit=False, auto_offset_reset="earliest",
                                 max_partition_fetch_bytes=fetch, fetch_max_bytes=max(fetch, 52428800), fetch_max_wait_ms=50)
            await c.start(); tp = TopicPartition(topic, 0); c.assign([tp]); await c.seek_to_beginning(tp)
            t0 = time.monotonic(); n = 0; nb = 0
            while n < N:
                batch = await c.getmany(timeout_ms=500, max_records=20000)
                for recs in batch.values():
                    n += len(recs); nb += sum(len(r.value) for r in recs)
            print(f"size {size} fetch {fetch>>20} MB: {n} records {nb/2**20:.0f} MB in {time.monotonic()-t0:.2f} s", flush=True)
            await c.stop()
b = EmbeddedBroker().start()
try: asyncio.run(main(b.bootstrap))
finally: b.stop()
