/**
 * The raw material of the benchmark corpus: subjects, sentences and code
 * templates of a systems-research wiki (kernel, hardware, runtimes,
 * compilers, languages). Pure data and small pickers over a seeded random.
 */

/** A seeded random source: the same seed gives the same corpus on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
}

/**
 * mulberry32: a tiny, well-known 32-bit generator. Math.random cannot be
 * seeded, and a corpus generator needs nothing stronger than this.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  }
}

export interface Area {
  /** Folder prefix and SUMMARY part. */
  id: string
  part: string
  subjects: readonly string[]
  tags: readonly string[]
}

export const AREAS: readonly Area[] = [
  {
    id: 'kernel',
    part: 'Linux kernel',
    subjects: ['cgroup v2', 'RCU', 'perf events', 'eBPF', 'io_uring', 'the CFS scheduler', 'page reclaim', 'memcg', 'ftrace', 'KVM', 'netfilter', 'the slab allocator'],
    tags: ['kernel', 'mm', 'scheduler', 'tracing', 'bpf', 'locking', 'virtualization', 'networking'],
  },
  {
    id: 'hardware',
    part: 'Hardware',
    subjects: ['CXL.mem', 'PCIe TLPs', 'NUMA balancing', 'the IOMMU', 'DMA engines', 'HBM', 'cache coherence', 'memory tiering'],
    tags: ['cxl', 'pcie', 'numa', 'memory', 'coherence', 'dma'],
  },
  {
    id: 'runtimes',
    part: 'WebAssembly runtimes',
    subjects: ['Wasmtime', 'WAMR', 'WASI preview 2', 'Cranelift', 'linear memory', 'the component model', 'AOT compilation'],
    tags: ['wasm', 'wasi', 'runtime', 'jit', 'sandboxing'],
  },
  {
    id: 'compilers',
    part: 'Compilers',
    subjects: ['LLVM IR', 'MLIR dialects', 'ThinLTO', 'the SelectionDAG', 'loop vectorization', 'register allocation', 'Clang modules'],
    tags: ['llvm', 'mlir', 'optimization', 'codegen', 'clang'],
  },
  {
    id: 'languages',
    part: 'Languages',
    subjects: ['Rust lifetimes', 'C++ coroutines', 'Go escape analysis', 'std::pmr', 'unsafe Rust', 'Go generics', 'C++ ranges'],
    tags: ['rust', 'cpp', 'go', 'memory-safety', 'concurrency'],
  },
]

export const ASPECTS = [
  'internals',
  'under memory pressure',
  'a debugging diary',
  'performance notes',
  'design trade-offs',
  'reading the source',
  'failure modes',
  'measuring overheads',
  'configuration pitfalls',
  'an annotated trace',
] as const

export const SECTION_HEADINGS = [
  'Background',
  'How it works',
  'Data structures',
  'The fast path',
  'The slow path',
  'Locking rules',
  'Measurements',
  'Reproducing the problem',
  'What the trace shows',
  'Open questions',
  'Related work',
  'Configuration',
] as const

const SENTENCES = [
  'The hot path avoids taking {lock} by publishing a new pointer and waiting for readers to drain.',
  'On a two-socket machine the remote access costs roughly {n} ns more than a local one.',
  'We measured {n}% fewer cache misses after pinning the workers with `taskset`.',
  'The `{ident}` helper is called on every fault, so anything it allocates shows up in the profile.',
  'A writer that holds {lock} across a sleep turns a micro-optimisation into a latency cliff.',
  'The patch series on the mailing list changes the default, but only for new mounts.',
  'Most of the time is spent in `{ident}()`, which walks the list linearly.',
  'With {n} threads the throughput plateaus, which points at contention rather than bandwidth.',
  'The documentation is silent about this case, so the source is the only reference.',
  'Reverting the commit brings the regression back, which confirms the bisect.',
  '**Note:** the counters are per-CPU and must be summed before they mean anything.',
  'The ABI is stable, but the *semantics* changed between releases.',
  'This is where the `{ident}` tracepoint fires, after the state is committed.',
  'An unlucky interleaving leaves the object on two lists at once for a few microseconds.',
  'The fix was a single barrier, found after {n} hours with the tracer.',
] as const

const LOCKS = ['`mmap_lock`', '`rq->lock`', 'the RCU read lock', '`cgroup_mutex`', 'the zone lock', 'a seqlock'] as const
const IDENTS = ['try_charge', 'rcu_read_lock', 'perf_event_open', 'bpf_prog_load', 'io_submit_sqes', 'pick_next_task', 'shrink_node', 'kvm_vcpu_ioctl', 'alloc_pages', 'wasm_runtime_call'] as const

/** One sentence with its blanks filled. */
export function sentence(random: Random): string {
  return random
    .pick(SENTENCES)
    .replace('{lock}', () => random.pick(LOCKS))
    .replace('{ident}', () => random.pick(IDENTS))
    .replace('{n}', () => String(random.int(2, 480)))
}

/** A paragraph of three to six sentences. */
export function paragraph(random: Random): string {
  return Array.from({ length: random.int(3, 6) }, () => sentence(random)).join(' ')
}

export const CODE_LANGS = ['c', 'go', 'bash', 'yaml', 'cpp'] as const
export type CodeLang = (typeof CODE_LANGS)[number]

/** A realistic fenced block body in `lang`. */
export function codeBlock(lang: CodeLang, random: Random, n: number): string {
  const ident = random.pick(IDENTS)
  const k = random.int(1, 64)
  switch (lang) {
    case 'c':
      return [
        `static int ${ident}_${n}(struct mem_cgroup *memcg, gfp_t gfp_mask, unsigned int nr_pages)`,
        '{',
        `\tunsigned int batch = max(MEMCG_CHARGE_BATCH, nr_pages) + ${k};`,
        '\tstruct page_counter *counter;',
        '\tint nr_retries = MAX_RECLAIM_RETRIES;',
        '',
        '\tif (consume_stock(memcg, nr_pages, gfp_mask))',
        '\t\treturn 0; /* fast path: per-cpu stock */',
        '\trcu_read_lock();',
        '\twhile (!page_counter_try_charge(&memcg->memory, batch, &counter)) {',
        '\t\tif (--nr_retries < 0)',
        '\t\t\tgoto nomem;',
        '\t\ttry_to_free_mem_cgroup_pages(memcg, nr_pages, gfp_mask, MEMCG_RECLAIM_MAY_SWAP);',
        '\t}',
        '\trcu_read_unlock();',
        `\tpr_debug("charged %u pages (batch ${k})\\n", nr_pages);`,
        '\treturn 0;',
        'nomem:',
        '\trcu_read_unlock();',
        '\treturn -ENOMEM;',
        '}',
      ].join('\n')
    case 'go':
      return [
        'package tracer',
        '',
        'import (',
        '\t"context"',
        '\t"fmt"',
        '\t"sync"',
        ')',
        '',
        `// Sample${n} collects ${k} events per CPU and merges them in order.`,
        `type Sample${n} struct {`,
        '\tmu     sync.Mutex',
        '\tevents map[int][]uint64',
        '}',
        '',
        `func (s *Sample${n}) Collect(ctx context.Context, cpus int) error {`,
        '\tvar wg sync.WaitGroup',
        '\tfor cpu := 0; cpu < cpus; cpu++ {',
        '\t\twg.Add(1)',
        '\t\tgo func(cpu int) {',
        '\t\t\tdefer wg.Done()',
        '\t\t\ts.mu.Lock()',
        `\t\t\ts.events[cpu] = append(s.events[cpu], uint64(cpu*${k}))`,
        '\t\t\ts.mu.Unlock()',
        '\t\t}(cpu)',
        '\t}',
        '\twg.Wait()',
        '\tif err := ctx.Err(); err != nil {',
        '\t\treturn fmt.Errorf("collect: %w", err)',
        '\t}',
        '\treturn nil',
        '}',
      ].join('\n')
    case 'bash':
      return [
        '#!/usr/bin/env bash',
        'set -euo pipefail',
        `CG=/sys/fs/cgroup/bench-${n}`,
        'mkdir -p "$CG"',
        `echo "${k}M" > "$CG/memory.max"`,
        'echo $$ > "$CG/cgroup.procs"',
        `for i in $(seq 1 ${k}); do`,
        '  perf stat -e cycles,instructions -x, -- ./workload --size "$i" 2>>stat.csv',
        'done',
        "awk -F, '{ sum += $1 } END { print sum / NR }' stat.csv",
        'grep -E "^(oom|oom_kill) " "$CG/memory.events"',
      ].join('\n')
    case 'yaml':
      return [
        `name: bench-${n}`,
        'on:',
        '  push:',
        '    branches: [main]',
        'jobs:',
        '  measure:',
        '    runs-on: ubuntu-latest',
        '    strategy:',
        '      matrix:',
        `        threads: [1, 2, ${k}]`,
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: make -j"$(nproc)" bench',
        '        env:',
        '          THREADS: ${{ matrix.threads }}',
        `          SAMPLES: "${k * 10}"`,
      ].join('\n')
    case 'cpp':
      return [
        '#include <memory_resource>',
        '#include <vector>',
        '#include <ranges>',
        '',
        `template <typename T, std::size_t N = ${k}>`,
        `class Arena${n} {`,
        'public:',
        '  std::pmr::vector<T> make() {',
        '    return std::pmr::vector<T>{&pool_};',
        '  }',
        '  auto evens(const std::pmr::vector<T>& v) const {',
        '    return v | std::views::filter([](const T& x) { return x % 2 == 0; });',
        '  }',
        'private:',
        '  std::array<std::byte, N * sizeof(T)> buffer_{};',
        '  std::pmr::monotonic_buffer_resource pool_{buffer_.data(), buffer_.size()};',
        '};',
      ].join('\n')
  }
}

/** An unlabeled kernel log dump, as pasted from `dmesg`. */
export function dmesgBlock(random: Random, n: number): string {
  const pid = random.int(300, 60000)
  let micros = random.int(100, 9000) * 1_000_000
  const stamp = () => {
    micros += random.int(1, 4000)
    return `[${String(Math.floor(micros / 1_000_000)).padStart(5, ' ')}.${String(micros % 1_000_000).padStart(6, '0')}]`
  }
  const lines = [
    `workload-${n} invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0`,
    `CPU: ${random.int(0, 63)} PID: ${pid} Comm: workload-${n} Not tainted 6.8.0-rc3 #1`,
    'Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2-1 04/01/2014',
    'Call Trace:',
    ' <TASK>',
    ' dump_stack_lvl+0x48/0x70',
    ' dump_header+0x4a/0x240',
    ' oom_kill_process+0xf9/0x190',
    ' out_of_memory+0x256/0x540',
    ' mem_cgroup_out_of_memory+0x13a/0x150',
    ' try_charge_memcg+0x6e7/0x7f0',
    ' </TASK>',
    `Memory cgroup out of memory: Killed process ${pid} (workload-${n}) total-vm:${random.int(10000, 900000)}kB, anon-rss:${random.int(1000, 90000)}kB`,
  ]
  return lines.map((line) => `${stamp()} ${line}`).join('\n')
}
