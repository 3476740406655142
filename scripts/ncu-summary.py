"""Per-kernel GPU time from an `ncu --csv --metrics gpu__time_duration.sum` log of
`engine-gpu-bench --profile`: the kernels of the last decode step (the last 'matvec' LM-head
launch closes a step), and totals per kernel name over that step. Usage: ncu-summary.py ncu.csv"""
import csv
import sys
from collections import defaultdict

rows = []
with open(sys.argv[1], newline='') as f:
    lines = [l for l in f if l.startswith('"')]
for r in csv.DictReader(lines):
    if r.get('Metric Name') != 'gpu__time_duration.sum':
        continue
    unit = r.get('Metric Unit', 'nsecond')
    v = float(r['Metric Value'].replace(',', ''))
    ns = v * {'nsecond': 1, 'usecond': 1e3, 'msecond': 1e6}.get(unit, 1)
    full = r['Kernel Name'].replace('(anonymous namespace)::', '').replace('llorch::', '').replace('void ', '')
    rows.append((int(r['ID']), full.split('(')[0].split('<')[0].strip(), ns, full.split('(P')[0].strip()))
rows.sort()
print(f'{len(rows)} kernels profiled')
# A decode step starts with getRows; take the last complete step.
starts = [i for i, r in enumerate(rows) if 'getRows' in r[1]]
if len(starts) >= 2:
    step = rows[starts[-1]:]
    tot = defaultdict(lambda: [0, 0.0])
    for _, name, ns, full in step:
        key = full.split('(float')[0].split('(const')[0].split('(int')[0]
        tot[key][0] += 1
        tot[key][1] += ns
    total = sum(v[1] for v in tot.values())
    print(f'last step: {len(step)} kernels, {total / 1e3:.1f} us of kernel time')
    for k, (count, ns) in sorted(tot.items(), key=lambda kv: -kv[1][1]):
        print(f'{k[:70]:70s} {count:4d} x  {ns / 1e3:9.1f} us  ({ns / count / 1e3:.2f} us each)')
    prefill = rows[starts[0]:starts[1]]
    print(f'prefill step: {len(prefill)} kernels, {sum(r[2] for r in prefill) / 1e3:.1f} us')
    ptot = defaultdict(float)
    for _, name, ns, _ in prefill:
        ptot[name] += ns
    for k, ns in sorted(ptot.items(), key=lambda kv: -kv[1])[:6]:
        print(f'  {k[:68]:68s} {ns / 1e3:9.1f} us')
