/**
 * Symbols read from the grammar scopes of code blocks (and identifiers in
 * inline code), as rehype-code-symbols records them on the compiled note.
 */
import { describe, expect, it } from 'vitest'
import { render } from './helpers/markdown.ts'

async function symbols(lang: string, code: string) {
  const { note } = await render(`# T\n\n\`\`\`${lang}\n${code}\n\`\`\`\n`)
  const of = (role: string) => note.symbols.filter((s) => s.role === role).map((s) => (role === 'definition' ? `${s.kind} ${s.name}` : s.name))
  return { definition: of('definition'), call: of('call'), reference: of('reference'), all: note.symbols }
}

describe('code symbols', () => {
  it('C: functions, prototypes, macros, struct/union/enum tags and typedefs are definitions; calls are calls', async () => {
    const c = await symbols(
      'c',
      [
        '#define WRITE_ONCE(x, val) do { } while (0)',
        '#define MAX_NODES 64',
        'struct mem_cgroup {',
        '\tint id;',
        '};',
        'union value { int i; };',
        'enum state { ON };',
        'typedef struct { int a; } pair_t;',
        'typedef unsigned long counter;',
        'struct page *alloc_page(int order);',
        'static int mem_cgroup_write(struct mem_cgroup *memcg, u64 val)',
        '{',
        '\t/* free_page(p) in a comment is not a call */',
        '\tWRITE_ONCE(memcg->id, val);',
        '\treturn helper("not_a_call()");',
        '}',
      ].join('\n'),
    )
    expect(c.definition).toEqual([
      'macro WRITE_ONCE',
      'macro MAX_NODES',
      'struct mem_cgroup',
      'union value',
      'enum state',
      'type pair_t',
      'type counter',
      'function alloc_page',
      'function mem_cgroup_write',
    ])
    expect(c.call).toEqual(['helper'])
    expect(c.reference).toContain('page')
    expect(c.reference).toContain('memcg')
    expect(c.reference).not.toContain('free_page')
    expect(c.reference).not.toContain('not_a_call')
    // The defining block's own uses are not listed as uses.
    expect(c.reference).not.toContain('mem_cgroup')
    // Line 14 of the note: the fence opens on line 3, the definition is the block's eleventh line.
    expect(c.all.find((s) => s.name === 'mem_cgroup_write')).toMatchObject({ block: 'code-1', line: 14 })
  })

  it('Go: funcs, methods, struct and interface types (also grouped); calls; interface methods are not calls', async () => {
    const go = await symbols(
      'go',
      [
        'package main',
        'type Server struct { Addr string }',
        'type Handler interface {',
        '\tServe() error',
        '}',
        'type (',
        '\tID int',
        '\tName string',
        ')',
        'func (s *Server) Start(ctx context.Context) error { return s.run() }',
        'func main() { fmt.Println(strings.ToLower("x")) }',
      ].join('\n'),
    )
    expect(go.definition).toEqual(['struct Server', 'interface Handler', 'type ID', 'type Name', 'function Start', 'function main'])
    expect(go.call).toEqual(['run', 'Println', 'ToLower'])
    expect(go.reference).toContain('Serve')
    expect(go.reference).not.toContain('main')
  })

  it('C++: classes, structs, functions and methods; calls and member calls', async () => {
    const cpp = await symbols('cpp', ['struct Node { int v; };', 'class Pool : public Base { };', 'int Pool::take(int n) { return helper(n) + obj.size(); }'].join('\n'))
    expect(cpp.definition).toEqual(['struct Node', 'class Pool', 'function take'])
    expect(cpp.call).toEqual(['helper', 'size'])
  })

  it('shell: function definitions; commands are only references', async () => {
    const sh = await symbols('sh', ['build_all() {', '  make -j', '}', 'function clean { rm -rf out; }', 'build_all'].join('\n'))
    expect(sh.definition).toEqual(['function build_all', 'function clean'])
    expect(sh.call).toEqual([])
    expect(sh.reference).toEqual(['make', 'rm'])
  })

  it('Rust: fns, structs, enums, traits and macro_rules', async () => {
    const rs = await symbols('rust', ['pub fn run(x: i32) -> i32 { helper(x) }', 'struct Point { x: i32 }', 'enum Shape { Dot }', 'trait Draw { fn draw(&self); }', 'macro_rules! square { ($x:expr) => { $x * $x } }'].join('\n'))
    expect(rs.definition).toEqual(['function run', 'struct Point', 'enum Shape', 'trait Draw', 'function draw', 'macro square'])
    expect(rs.call).toEqual(['helper'])
  })

  it('ignores languages without a symbol grammar and kernel logs', async () => {
    expect((await symbols('python', 'def f():\n    pass')).all).toEqual([])
    expect((await symbols('', '[    0.000000] Linux version 6.4.0\n[    0.000001] Command line: ro')).all).toEqual([])
  })

  it('records identifiers written as inline code in prose, and only those', async () => {
    const { note } = await render('Use `container_of`, `synchronize_rcu()` and `memory.max`, not `a b`.\n\n```c\nint in_block;\n```\n')
    expect(note.inlineCode).toEqual(['container_of', 'synchronize_rcu'])
  })
})
