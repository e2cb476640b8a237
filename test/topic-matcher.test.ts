/** Finding topic mentions in prose: word boundaries, case rules, longest alias first. */
import { describe, expect, it } from 'vitest'
import type { TopicDef } from '../src/content/topics-file.ts'
import { createTopicMatcher, isCaseSensitiveAlias } from '../src/markdown/topic-matcher.ts'

const topic = (id: string, aliases: string[], caseSensitive = false): TopicDef => ({ id, title: id, aliases, caseSensitive })
const match = createTopicMatcher([
  topic('rcu', ['RCU', 'read-copy-update']),
  topic('cgroup', ['cgroup', 'memcg']),
  topic('ebpf', ['eBPF', 'BPF']),
  topic('io_uring', ['io_uring']),
  topic('cxl', ['CXL', 'Compute Express Link']),
  topic('cpp', ['C++']),
  topic('go', ['Go'], true),
])
const found = (text: string) => match(text).map((m) => `${m.topic}:${text.slice(m.start, m.end)}`)

describe('topic matcher', () => {
  it('treats acronyms and identifiers as case-sensitive, plain words as not', () => {
    expect(['RCU', 'eBPF', 'io_uring', 'Z3', 'PCIe', 'k8s'].map(isCaseSensitiveAlias)).toEqual([true, true, true, true, true, true])
    expect(['cgroup', 'Kubernetes', 'read-copy-update', 'Fuzzing'].map(isCaseSensitiveAlias)).toEqual([false, false, false, false])
    expect(found('RCU, rcu and Rcu; CGroup and cgroup; EBPF or eBPF')).toEqual(['rcu:RCU', 'cgroup:CGroup', 'cgroup:cgroup', 'ebpf:eBPF'])
  })

  it('matches whole words only, punctuation and non-Latin letters around them included', () => {
    expect(found('cgroups, subcgroup, memcg_id, (memcg), memcg’s, 内存memcg')).toEqual(['cgroup:memcg', 'cgroup:memcg'])
    expect(found('eBPF-based tools; BPF2 is not')).toEqual(['ebpf:eBPF'])
    expect(found('C++ and C++20')).toEqual(['cpp:C++'])
  })

  it('prefers the longest alias and lets white space in an alias match a line break', () => {
    expect(found('Read-Copy-Update (RCU)')).toEqual(['rcu:Read-Copy-Update', 'rcu:RCU'])
    expect(found('Compute\n  Express Link and CXL')).toEqual(['cxl:Compute\n  Express Link', 'cxl:CXL'])
  })

  it('honours case-sensitive: true for words that are also common words', () => {
    expect(found('Go is a language; go on, go.')).toEqual(['go:Go'])
  })

  it('finds nothing without topics', () => {
    expect(createTopicMatcher([])('RCU')).toEqual([])
  })
})
