/** The topics file: both entry forms, and errors that point at the line. */
import { describe, expect, it } from 'vitest'
import { parseTopicsFile } from '../src/content/topics-file.ts'
import { formatDiagnostic } from '../src/report.ts'

const parse = (text: string) => parseTopicsFile(text, 'topics.yml')
const problems = (text: string) => parse(text).diagnostics.map(formatDiagnostic)

describe('parseTopicsFile', () => {
  it('reads the shorthand and the full form, keys slugged into page names', () => {
    const { topics, diagnostics } = parse(
      [
        'RCU: [RCU, read-copy-update]',
        'Kubernetes (k8s):',
        '  aliases: [k8s, Kubernetes]',
        '  description: Container orchestration.',
        '  home: kernel-mm/disaggregation.md',
        '  case-sensitive: true',
        'fuzzing:',
      ].join('\n'),
    )
    expect(diagnostics).toEqual([])
    expect(topics).toEqual([
      { id: 'rcu', title: 'RCU', aliases: ['RCU', 'read-copy-update'], description: undefined, home: undefined, caseSensitive: false, line: 1 },
      { id: 'kubernetes-k8s', title: 'Kubernetes (k8s)', aliases: ['k8s', 'Kubernetes'], description: 'Container orchestration.', home: 'kernel-mm/disaggregation.md', caseSensitive: true, line: 2 },
      // No aliases: the key is the alias.
      { id: 'fuzzing', title: 'fuzzing', aliases: ['fuzzing'], description: undefined, home: undefined, caseSensitive: false, line: 7 },
    ])
  })

  it('reports broken YAML, wrong shapes and unknown keys at their line', () => {
    expect(problems('RCU: [RCU\n')).toEqual([expect.stringMatching(/^topics\.yml:2:1  error  Broken topics YAML: .*  topics$/)])
    expect(problems('- RCU\n')).toEqual(['topics.yml:1:1  error  The topics file must be a mapping of topic names to aliases or settings  topics'])
    expect(problems('a: [ok]\nRCU:\n  alias: [RCU]\n')).toEqual([
      'topics.yml:3:3  error  Topic `RCU`: unknown key `alias` (known: title, aliases, description, home, case-sensitive)  topics',
    ])
    expect(problems('RCU: 12\n')).toEqual(['topics.yml:1:6  error  Topic `RCU`: expected a list of aliases or a mapping of title, aliases, description, home, case-sensitive  topics'])
    expect(problems('RCU: [R]\n')).toEqual(['topics.yml:1:6  error  Topic `RCU` (`0`): an alias needs at least two characters  topics'])
  })

  it('refuses two topics with one page name and warns about an alias naming two topics', () => {
    expect(problems('RCU: [RCU]\nrcu: [read-copy-update]\n')).toEqual([
      'topics.yml:2:1  error  Topic `rcu` has the same page name (`topics/rcu.html`) as `RCU`  topics',
    ])
    const shared = parse('JIT: [JIT, AOT]\nAOT: [AOT, ahead-of-time]\n')
    expect(shared.diagnostics.map(formatDiagnostic)).toEqual(['topics.yml:2:6  warning  Alias `AOT` of `AOT` already names topic `jit`; kept there  topics'])
    expect(shared.topics.map((t) => t.aliases)).toEqual([['JIT', 'AOT'], ['ahead-of-time']])
  })

  it('warns about a home outside the notes and reads an empty file as no topics', () => {
    expect(problems('RCU:\n  home: ../etc/passwd\n')).toEqual(['topics.yml:2:3  warning  Topic `RCU`: home `../etc/passwd` is not a path inside the notes  topics'])
    expect(parse('# nothing yet\n')).toEqual({ topics: [], diagnostics: [] })
  })
})
