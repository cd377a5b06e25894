"""Seconds until a second group member gets the partition after the first one is SIGKILLed or
stops (aiokafka's stop sends LeaveGroup), with dynamic and with static membership
(`group_instance_id`), on the embedded Tansu broker. Bare aiokafka consumers, the worker's group
timings (session 6 s, heartbeat 2 s, rebalance 20 s). Measurement script (issue 12), not a test.

    .venv/bin/python scripts/group_wait.py
"""
import asyncio, os, subprocess, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from streams.broker import EmbeddedBroker
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

MEMBER = r'''
import asyncio, sys, time
from aiokafka import AIOKafkaConsumer
async def main():
    boot, group, topic, inst, mode = sys.argv[1:6]
    c = AIOKafkaConsumer(topic, bootstrap_servers=boot, group_id=group, session_timeout_ms=6000,
                         heartbeat_interval_ms=2000, rebalance_timeout_ms=20000,
                         group_instance_id=(inst if inst != "-" else None), enable_auto_commit=False)
    t0 = time.monotonic()
    await c.start()
    while not c.assignment():
        await asyncio.sleep(0.05)
    print(f"ASSIGNED {time.monotonic()-t0:.2f} {sorted(p.partition for p in c.assignment())}", flush=True)
    if mode == "stop":
        await asyncio.sleep(1); await c.stop(); print("STOPPED", flush=True); return
    await asyncio.sleep(3600)
asyncio.run(main())
'''

def run(boot, group, topic, inst, mode):
    return subprocess.Popen([sys.executable, "-c", MEMBER, boot, group, topic, inst, mode], stdout=subprocess.PIPE, text=True)

async def mk(boot, topic):
    a = AIOKafkaAdminClient(bootstrap_servers=boot); await a.start()
    await a.create_topics([NewTopic(topic, 1, 1)]); await a.close()

def main():
    b = EmbeddedBroker().start()
    try:
        for case, inst, how in [("kill dynamic", "-", "kill"), ("stop dynamic", "-", "stop"),
                                ("kill static", "w1", "kill"), ("stop static", "w1", "stop")]:
            tag = case.replace(" ", "-") + str(int(time.time()))
            asyncio.run(mk(b.bootstrap, tag))
            p1 = run(b.bootstrap, tag, tag, inst, "stop" if how == "stop" else "stay")
            print(case, "first:", p1.stdout.readline().strip(), flush=True)
            if how == "kill":
                p1.kill(); p1.wait()
            else:
                print(case, p1.stdout.readline().strip()); p1.wait()
            p2 = run(b.bootstrap, tag, tag, inst, "stay")
            print(case, "second:", p2.stdout.readline().strip(), flush=True)
            p2.kill(); p2.wait()
    finally:
        b.stop()
main()
