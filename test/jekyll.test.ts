/**
 * A Jekyll site, as GitHub Pages builds it (just-the-docs/just-the-docs's
 * repository: `_config.yml`, `index.md`, `docs/`), built end to end: its
 * title, the files Jekyll leaves out, its collections.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFiles } from './helpers/site.ts'

let tmp: string
beforeAll(() => void (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slugwiki-jekyll-'))))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Build `files` as a source folder; the site's files and the diagnostics, files named from the source folder. */
async function site(name: string, files: Record<string, string>) {
  const { read, written, warnings } = await buildFiles(tmp, name, files)
  return { read, written, diagnostics: warnings }
}

/** The sidebar of a page: its entries' text in order, nested ones indented by two spaces a level. */
function sidebar(html: string): string[] {
  const nav = /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
  const entries: string[] = []
  let depth = -1
  for (const m of nav.matchAll(/<ol\b|<\/ol>|<a [^>]*>([^<]*)<\/a>/g)) {
    if (m[0] === '</ol>') depth--
    else if (m[0] === '<ol') depth++
    else entries.push(`${'  '.repeat(depth)}${m[1]}`)
  }
  return entries
}

// just-the-docs/just-the-docs's `_config.yml`, shortened.
const CONFIG = `title: Just the Docs
description: A Jekyll theme for documentation
baseurl: "" # the subpath of your site, e.g. /blog
permalink: pretty
exclude:
  - bin/
  - lib/
  - "*.gemspec"
  - README.md
  - fixtures/
collections:
  tests:
    permalink: "/:collection/:path/"
    output: true
  drafts_box:
    output: false
`

describe('a Jekyll site', () => {
  it("is titled by _config.yml and leaves out what Jekyll does: `_` folders but collections, `exclude`, Jekyll's defaults", async () => {
    const { read, written, diagnostics } = await site('just-the-docs', {
      '_config.yml': CONFIG,
      'index.md': '---\ntitle: Home\nnav_order: 1\n---\n\n# Focus on writing good documentation\n',
      // Excluded: the README would be the home page too, and clash with index.md.
      'README.md': '# just-the-docs\n\nA modern, highly customizable, and responsive Jekyll theme.\n',
      'docs/README.md': '# Kept: `exclude` names the top README.md only\n',
      'docs/configuration.md': '---\ntitle: Configuration\n---\n\n# Configuration\n',
      '_includes/nav_footer_custom.md': 'an include\n',
      '_layouts/minimal.html': '<html>{{ content }}</html>\n',
      '_sass/custom/setup.scss': '$pink-000: #f77ef1;\n',
      '_site/index.md': '# a stale build\n',
      '_data/people.yml': '- name: a\n',
      '_tests/index.md': '# Tests\n',
      '_drafts_box/wip.md': '# not published\n',
      'fixtures/Test.md': '# a fixture\n',
      'lib/tasks/search.rake': 'task :search\n',
      'just-the-docs.gemspec': 'Gem::Specification.new\n',
      'Gemfile': "source 'https://rubygems.org'\n",
      'docs/#notes.md#': 'an editor backup\n',
      'docs/old.md~': 'an editor backup\n',
      'assets/images/logo.png': 'png',
    })
    expect(diagnostics).toEqual([])
    expect(written.filter((f) => !['.nojekyll', '.slugwiki-output', '404.html', 'print.html', 'sitemap.xml'].includes(f))).toEqual([
      '_tests/index.html',
      'assets/images/logo.png',
      'docs/configuration.html',
      'docs/index.html',
      'index.html',
    ])
    expect(read('docs/configuration.html')).toContain('<title>Configuration · Just the Docs</title>')
  })

  it('is no Jekyll site with `.nojekyll` beside _config.yml: GitHub Pages publishes it as it is', async () => {
    const { written } = await site('nojekyll', {
      '.nojekyll': '',
      '_config.yml': 'title: Not Jekyll\n',
      'index.md': '# Home\n',
      '_notes/a.md': '# A\n',
    })
    expect(written).toContain('_notes/a.html')
  })

  it('checks no link whose URL is Liquid left as written: the Liquid warning is the only one, the link kept', async () => {
    // CityJSON's index.md: `<a href="{{ post.url }}">` in a list of posts.
    const { read, diagnostics } = await site('liquid-urls', {
      '_config.yml': 'title: Liquid URLs\n',
      'index.md': '# Home\n\n<a href="{{ post.url }}">The latest post</a> and [the spec]({{site.spec_url}}).\n\n[A missing page](gone.md)\n',
    })
    expect(diagnostics).toEqual([
      'index.md:3:10  warning  Liquid `{{ … }}` is not run (it needs Jekyll and the site\'s data): shown as written  jekyll-liquid',
      'index.md:5:1  warning  Link to missing note `gone.md`  missing-link',
    ])
    expect(read('index.html')).toContain('<a href="{{ post.url }}">The latest post</a>')
  })

  it('is no Jekyll site when a `_toc.yml` is beside _config.yml: that is a Jupyter Book, read as MyST', async () => {
    const { written, read } = await site('jupyter-book', {
      '_config.yml': 'title: My Book\nauthor: Me\n',
      '_toc.yml': 'format: jb-book\nroot: intro\n',
      'intro.md': '# Intro\n\n{% raw %}kept{% endraw %}\n\n```{note}\nA MyST note.\n```\n',
    })
    expect(written).toContain('intro.html')
    const page = read('intro.html')
    // Liquid is no Jupyter Book's: the tags stay as written, as Jupyter Book shows them.
    expect(page).toContain('{% raw %}kept{% endraw %}')
    expect(page).toContain('A MyST note.')
    expect(page).not.toContain('```{note}')
  })

  it('is titled by `name` when _config.yml has no `title`, as jekyll-seo-tag titles it (Jekyll\'s own docs)', async () => {
    const { read } = await site('jekyll-docs', {
      '_config.yml': '---\nversion: 4.3.3\nname: Jekyll • Simple, blog-aware, static sites\ncollections:\n  docs:\n    output: true\n',
      '_docs/includes.md': '---\ntitle: Includes\npermalink: /docs/includes/\n---\n\nThe `include` tag.\n',
    })
    expect(read('_docs/includes.html')).toContain('<title>Includes · Jekyll • Simple, blog-aware, static sites</title>')
  })

  it("lists the pages in the sidebar as just-the-docs does: by `parent` and `grand_parent` titles, `nav_order` first, then titles, capitals first", async () => {
    const page = (fm: string) => `---\n${fm}\n---\n\nText.\n`
    const { read, diagnostics } = await site('nav', {
      '_config.yml': 'title: Just the Docs\n',
      'index.md': page('title: Home\nnav_exclude: true\npermalink: /'),
      'docs/configuration.md': page('title: Configuration\nnav_order: 2'),
      'docs/ui-components/ui-components.md': page('title: UI Components\nnav_order: 96\nhas_children: true'),
      'docs/ui-components/code.md': page('title: Code\nparent: UI Components\nnav_order: 6'),
      'docs/ui-components/callouts.md': page('title: Callouts\nparent: UI Components\nnav_order: 1.5'),
      'docs/ui-components/typography.md': page('title: Typography\nparent: UI Components\nnav_order: 1'),
      'docs/ui-components/line-nos.md': page('title: Code with line numbers\nparent: Code\ngrand_parent: UI Components'),
      // Two pages titled `Main Navigation`: `grand_parent` picks the one under Navigation.
      'docs/navigation/navigation.md': page('title: Navigation\nnav_order: 5'),
      'docs/navigation/main/index.md': page('title: Main Navigation\nparent: Navigation'),
      'docs/archive/main.md': page('title: Main Navigation\nparent: Archive'),
      'docs/archive/index.md': page('title: Archive'),
      'docs/navigation/main/order.md': page('title: Ordering Pages\nparent: Main Navigation\ngrand_parent: Navigation'),
      'docs/navigation/main/alpha.md': page('title: alpha\nparent: Main Navigation\ngrand_parent: Navigation'),
      'docs/navigation/main/zeta.md': page('title: Zeta\nparent: Main Navigation\ngrand_parent: Navigation'),
      'docs/navigation/main/first.md': page('title: Last by title\nparent: Main Navigation\ngrand_parent: Navigation\nnav_order: 10'),
      'docs/hidden.md': page('title: Hidden\nnav_exclude: true'),
      'docs/orphan.md': page('title: Orphan\nparent: Nowhere'),
    })
    expect(diagnostics).toEqual(['docs/orphan.md:3:1  warning  `parent: Nowhere`: no page has this title; listed at the top of the sidebar  jekyll-nav'])
    expect(sidebar(read('docs/navigation/main/order.html'))).toEqual([
      'Home',
      'Configuration',
      'Navigation',
      '  Main Navigation',
      '    Last by title',
      '    Ordering Pages',
      '    Zeta',
      '    alpha',
      'UI Components',
      'Archive',
      'Orphan',
    ])
    // The sidebar opens the current page's branch only.
    expect(sidebar(read('docs/ui-components/line-nos.html')).slice(3)).toEqual(['UI Components', '  Typography', '  Callouts', '  Code', '    Code with line numbers', 'Archive', 'Orphan'])
    expect(sidebar(read('docs/archive/main.html')).slice(4)).toEqual(['Archive', '  Main Navigation', 'Orphan'])
  })

  it("reads Liquid that means something without Jekyll, and warns once per construct for the rest", async () => {
    // From just-the-docs's docs/ui-components/code.md and callouts.md, Jekyll's docs/_docs/liquid/tags.md, a CityJSON index.md.
    const { read, diagnostics } = await site('liquid', {
      '_config.yml': 'title: Liquid\n',
      'index.md': '# Home\n',
      'docs/configuration.md': '# Configuration\n\n## Callouts\n',
      'docs/code.md': [
        '# Code',
        '',
        'When you have [configured]({% link docs/configuration.md %}#callouts) the `color`.',
        '[Missing]({{ site.baseurl }}{% link docs/utilities/utilities.md %}#typography)',
        '<img src="{{ \'/assets/logo.svg\' | prepend: site.baseurl }}" width="600">',
        '[Home]({{ "/" | relative_url }})',
        '',
        '{% highlight markdown %}',
        '```js',
        'var fun = 1',
        '```',
        '{% endhighlight %}',
        '',
        '```liquid',
        '{% raw %}{{ page.title }} and {% link x.md %}{% endraw %}',
        '{% for p in site.pages %}{% endfor %}',
        '```',
        '',
        '{% raw %}',
        'Text: {{ kept }}',
        '{% endraw %}',
        '',
        '{% include nav_footer_custom.html %}',
        '{% for post in site.posts limit:3 %}',
        '  <a href="{{ post.url }}">{{ post.title }}</a>',
        '{% endfor %}',
        '',
        'Last line 29: {{ page.title }}',
      ].join('\n'),
      'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    })
    expect(diagnostics).toEqual([
      'docs/code.md:4:1  warning  Link to missing note `/docs/utilities/utilities.md#typography`  missing-link',
      "docs/code.md:23:1  warning  Liquid `{% include %}` is not run (it needs Jekyll and the site's data): the line is dropped  jekyll-liquid",
      "docs/code.md:24:1  warning  Liquid `{% for %}` is not run (it needs Jekyll and the site's data): the tag is dropped, what it encloses kept  jekyll-liquid",
      "docs/code.md:25:12  warning  Liquid `{{ … }}` is not run (it needs Jekyll and the site's data): shown as written  jekyll-liquid",
    ])
    const html = read('docs/code.html')
    expect(html).toContain('<a href="configuration.html#callouts">configured</a>')
    expect(html).toContain('<img src="../assets/logo.svg" width="600"')
    expect(html).toContain('<a href="../index.html">Home</a>')
    // The highlighted block is a markdown block showing a fence, the raw text is as written, in code and out.
    const text = html.replace(/<(?!figure)[^>]+>/g, '')
    expect(text).toContain('<figure class="code" id="code-1" data-lang="markdown">```js\nvar fun = 1\n```')
    expect(text).toContain('{{ page.title }} and {% link x.md %}\n{% for p in site.pages %}{% endfor %}')
    expect(html).toContain('Text: {{ kept }}')
    expect(html).not.toMatch(/nav_footer_custom|\{% (?:for post|endfor|highlight|endhighlight|raw|endraw)/)
  })
})
