#!/usr/bin/env python3
"""The last decode step of a kernel trace (cuda/src/cuda/kernel_trace.h): its kernels in the order
their PDL waits returned, and per kernel of a layer the mean time from its wait to the next
kernel's wait (the step is the sum of these), how early its first block started, how late its
last traced block got past the wait (blocks the SMs could not hold before it) and, in kernels
that mark point 5, when the last traced block's first warp was done.

Usage: trace-summary.py TRACE [--layer-kernels qkv,attn,o,gateup,down] [--all]
Written for `engine-gpu-bench --profile --steps N` runs of a one-row model: each layer is the
same run of kernels, then the output projection and the argmax."""
import argparse
import collections

parser = argparse.ArgumentParser()
parser.add_argument('trace')
parser.add_argument('--layer-kernels', default='qkv,attn,o,gateup,down')
parser.add_argument('--all', action='store_true', help='print every kernel of the step')
args = parser.parse_args()

grids = collections.defaultdict(list)
for line in open(args.trace):
    grid, block, blocks, sm, *times = map(int, line.split())
    grids[grid].append((block, blocks, sm, times))

kernels = []
for grid, recs in grids.items():
    waits = [t[1] for _, _, _, t in recs if t[1]]
    if not waits:
        continue
    starts = [t[0] for _, _, _, t in recs if t[0]] or waits
    points = {k: [t[k] for _, _, _, t in recs if t[k]] for k in range(2, 8)}
    kernels.append(dict(blocks=recs[0][1], start=min(starts), wait=min(waits), lastWait=max(waits),
                        points={k: (min(v), max(v)) for k, v in points.items() if v}))
kernels.sort(key=lambda k: k['wait'])

# The last step: back from the last kernel while the waits are under 20 us apart.
step = [kernels[-1]]
for k in reversed(kernels[:-1]):
    if step[0]['wait'] - k['wait'] > 20000:
        break
    step.insert(0, k)

names = args.layer_kernels.split(',')
layers = len(step) // len(names)  # then the output projection (and the argmax, where traced)
label = lambda i: names[i % len(names)] if i < layers * len(names) else ('head' if i == layers * len(names) else 'tail')
base = step[0]['wait']
us = lambda t: (t - base) / 1000
print(f'{len(step)} kernels ({layers} layers), first wait to last: {us(step[-1]["wait"]):.1f} us')
rows = collections.defaultdict(list)
for i, k in enumerate(step):
    nxt = (step[i + 1]['wait'] - k['wait']) / 1000 if i + 1 < len(step) else None
    early = (k['wait'] - k['start']) / 1000
    late = (k['lastWait'] - k['wait']) / 1000
    done = (k['points'][5][1] - k['wait']) / 1000 if 5 in k['points'] else None
    rows[label(i)].append((nxt, early, late, done))
    if args.all:
        pts = ' '.join(f'p{p}: {(a - k["wait"]) / 1000:.2f}..{(b - k["wait"]) / 1000:.2f}' for p, (a, b) in k['points'].items())
        print(f'{i:4d} {label(i):7s} {k["blocks"]:6d} blocks  start {us(k["start"]):8.2f}  wait {us(k["wait"]):8.2f}'
              f'  next {"" if nxt is None else f"{nxt:6.2f}"}  {pts}')
print(f'{"kernel":8s} {"count":>5s} {"wait->next us":>14s} {"started early us":>17s} {"last past wait us":>18s}'
      f' {"last done us":>13s}')
mean = lambda xs: sum(xs) / len(xs) if xs else float('nan')
for name, v in rows.items():
    nxt = [x[0] for x in v if x[0] is not None]
    done = [x[3] for x in v if x[3] is not None]
    print(f'{name:8s} {len(v):5d} {mean(nxt):14.2f} {mean([x[1] for x in v]):17.2f} {mean([x[2] for x in v]):18.2f}'
          f' {mean(done):13.2f}')
