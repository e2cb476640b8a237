// slugwiki default theme: scheme switch, sidebar (drawer, folding, the rest of
// the tree from nav.js), table-of-contents highlight, copy buttons, code-group tabs. Every page
// works without it; this only adds comfort.
;(() => {
  const root = document.documentElement
  const $ = (selector, from = document) => from.querySelector(selector)
  const $$ = (selector, from = document) => [...from.querySelectorAll(selector)]
  const el = (tag, attrs = {}, children = []) => {
    const node = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, v)
    node.append(...children)
    return node
  }

  // The page's words (#slugwiki-words, written by document.ts when the wiki's are not English), else these.
  const words = (() => {
    const english = {
      'colour-scheme-switch': 'Colour scheme: {scheme} (switch to {next})',
      'scheme-system': 'system',
      'scheme-light': 'light',
      'scheme-dark': 'dark',
      'show-navigation': 'Show navigation',
      'hide-navigation': 'Hide navigation',
      'not-written-yet': 'Not written yet',
      'fold-pages': '{title}: show or hide its pages',
      'copy-code': 'Copy code',
      copy: 'Copy',
      copied: 'Copied',
      'copy-failed': 'Copy failed',
      'show-hidden-lines': 'Show hidden lines',
      'hide-hidden-lines': 'Hide hidden lines',
      code: 'Code',
    }
    try {
      return Object.assign(english, JSON.parse(document.getElementById('slugwiki-words')?.textContent || '{}'))
    } catch {
      return english
    }
  })()
  const fill = (text, values) => text.replace(/\{([\w-]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole))

  // Colour scheme: system → light → dark, remembered; the head script applied it before first paint.
  const SCHEMES = ['system', 'light', 'dark']
  const dark = matchMedia('(prefers-color-scheme: dark)')
  const schemeButton = $('.scheme-toggle')
  const applyScheme = (choice) => {
    root.dataset.scheme = choice
    // "system" is the book's scheme for the system's preference (mdBook's default-theme, preferred-dark-theme).
    root.dataset.theme = choice === 'system' ? (dark.matches ? root.dataset.whenDark || 'dark' : root.dataset.whenLight || 'light') : choice
    if (schemeButton) {
      const next = SCHEMES[(SCHEMES.indexOf(choice) + 1) % SCHEMES.length]
      const label = fill(words['colour-scheme-switch'], { scheme: words[`scheme-${choice}`], next: words[`scheme-${next}`] })
      schemeButton.setAttribute('aria-label', label)
      schemeButton.title = label
    }
  }
  applyScheme(SCHEMES.includes(root.dataset.scheme) ? root.dataset.scheme : 'system')
  dark.addEventListener('change', () => applyScheme(root.dataset.scheme))
  schemeButton?.addEventListener('click', () => {
    const next = SCHEMES[(SCHEMES.indexOf(root.dataset.scheme) + 1) % SCHEMES.length]
    try { localStorage.setItem('slugwiki-scheme', next) } catch {}
    applyScheme(next)
  })

  // Sidebar drawer on narrow screens.
  const sidebar = $('#sidebar')
  const navToggle = $('.nav-toggle')
  const backdrop = $('.backdrop')
  const setDrawer = (open) => {
    document.body.classList.toggle('nav-open', open)
    navToggle?.setAttribute('aria-expanded', String(open))
    navToggle?.setAttribute('aria-label', words[open ? 'hide-navigation' : 'show-navigation'])
    if (backdrop) backdrop.hidden = !open
    if (open) ($('[aria-current="page"]', sidebar) || $('a', sidebar))?.focus()
  }
  navToggle?.addEventListener('click', () => setDrawer(!document.body.classList.contains('nav-open')))
  backdrop?.addEventListener('click', () => setDrawer(false))
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.body.classList.contains('nav-open')) {
      setDrawer(false)
      navToggle?.focus()
    }
  })

  // mdBook's keys: ← and → open the previous and next page (the other way round in a right-to-left
  // book, as mdBook has them). Not with a modifier (browser history, word jumps), not while typing,
  // and not inside a code block or table, whose arrows scroll it.
  document.addEventListener('keydown', (e) => {
    if ((e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return
    const target = e.target instanceof Element ? e.target : null
    if (target?.closest('input, textarea, select, [contenteditable], pre, table, [role="application"]')) return
    const back = (e.key === 'ArrowLeft') !== (document.documentElement.dir === 'rtl')
    const link = $(`.page-nav a[rel="${back ? 'prev' : 'next'}"]`)
    if (!link) return
    e.preventDefault()
    location.href = link.href
  })

  // The whole tree, loaded on first need from the shared nav.js (a script, so it works from file:// too).
  let tree
  const loadTree = () =>
    (tree ||= new Promise((resolve, reject) => {
      const script = el('script', { src: sidebar.dataset.nav })
      script.onload = () => resolve(self.slugwikiNav)
      script.onerror = reject
      document.head.append(script)
    }))
  const foldLevel = sidebar?.dataset.fold ?? '0'
  const entryAt = (items, id) => id.split('.').reduce((node, i) => node.c[Number(i)], { c: items })
  const foldButton = (title, open) =>
    el('button', { type: 'button', class: 'fold', 'aria-expanded': String(open), 'aria-label': fill(words['fold-pages'], { title }) })
  const renderItem = (entry, id) => {
    if (entry.p !== undefined) return el('li', { class: 'part-title' }, [entry.p])
    if (entry.s) return el('li', { class: 'separator', role: 'separator' }, [])
    const label = entry.n ? [el('span', { class: 'chapter-number' }, [entry.n]), ' ', entry.t] : [entry.t]
    const link = entry.h !== undefined ? el('a', { href: sidebar.dataset.root + entry.h }, label) : entry.u !== undefined ? el('a', { href: entry.u, class: 'external' }, label) : entry.f ? el('span', { class: 'folder' }, label) : el('span', { class: 'draft', title: words['not-written-yet'] }, label)
    if (!entry.c) return el('li', { class: 'chapter', 'data-nav-id': id }, [link])
    // Opened as the page's own entries are: every one without folding (no toggle, as mdBook), else those `level` deep or less.
    const depth = id.split('.').length
    const open = foldLevel === 'off' || depth <= Number(foldLevel)
    const row = el('div', { class: 'chapter-row' }, foldLevel === 'off' ? [link] : [link, foldButton(entry.t, open)])
    return el('li', { class: 'chapter has-children', 'data-nav-id': id }, open ? [row, renderList(entry.c, id)] : [row])
  }
  // A full list; entries the page already rendered are kept, with their open branches.
  const renderList = (items, parent, existing) => {
    const kept = new Map($$(':scope > li[data-nav-id]', existing || el('ol')).map((li) => [li.dataset.navId, li]))
    const children = items.map((entry, i) => {
      const id = parent === '' ? String(i) : `${parent}.${i}`
      return kept.get(id) || renderItem(entry, id)
    })
    return el('ol', { class: 'outline', 'data-nav-list': parent }, children)
  }
  sidebar?.addEventListener('click', async (e) => {
    const fold = e.target.closest('.fold')
    const more = e.target.closest('.more')
    if (fold) {
      const li = fold.closest('li')
      const list = $(':scope > ol', li)
      const open = fold.getAttribute('aria-expanded') !== 'true'
      fold.setAttribute('aria-expanded', String(open))
      if (list) list.hidden = !open
      else if (open) li.append(renderList(entryAt(await loadTree(), li.dataset.navId).c, li.dataset.navId))
    } else if (more) {
      const list = more.closest('ol')
      const id = list.dataset.navList
      const items = id === '' ? await loadTree() : entryAt(await loadTree(), id).c
      list.replaceWith(renderList(items, id, list))
    } else if (e.target.closest('a')) setDrawer(false)
  })
  const current = sidebar && $('[aria-current="page"]', sidebar)
  if (current) sidebar.scrollTop = current.offsetTop - sidebar.clientHeight / 3

  // Table of contents: open beside the text on wide screens; mark the heading being read.
  const toc = $('.toc-details')
  if (toc && matchMedia('(min-width: 1280px)').matches) toc.open = true
  const tocLinks = $$('.page-toc a')
  const targets = tocLinks.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))).filter(Boolean)
  let pending = false
  const markHeading = () => {
    pending = false
    const line = parseFloat(getComputedStyle(root).scrollPaddingTop) || 80
    let active = targets.findLast((t) => t.getBoundingClientRect().top <= line + 1)
    // At the very bottom the last headings may never reach the line: take the last one.
    if (innerHeight + scrollY >= root.scrollHeight - 2) active = targets.at(-1)
    for (const a of tocLinks) {
      const on = active !== undefined && a.hash === `#${encodeURIComponent(active.id)}`
      a.classList.toggle('active', on)
      if (on) a.setAttribute('aria-current', 'location')
      else a.removeAttribute('aria-current')
    }
  }
  if (targets.length) {
    addEventListener('scroll', () => pending || ((pending = true), requestAnimationFrame(markHeading)), { passive: true })
    markHeading()
  }

  // Copy buttons: the code as written, without line numbers or the fold's summary.
  // A diff's removed lines are left out, as VitePress copies them: what is copied is the code after the change.
  // A line's text as written: Material's code annotation markers (`a.code-annotation`) are links, no code.
  const lineText = (node) => (node.querySelector?.('.code-annotation') ? [...node.childNodes].filter((c) => !c.matches?.('.code-annotation')).map(lineText).join('') : node.textContent)
  const codeText = (code) =>
    $(':scope > .diff.remove', code)
      ? [...code.children].filter((line) => !line.matches('.diff.remove')).map((line) => lineText(line).replace(/\n$/, '')).join('\n')
      : lineText(code)
  // A block's buttons share one row (style.css): a longer word ("Kopieren", "Copy failed") pushes the other button
  // aside instead of running under it.
  const buttonRow = (figure) => $(':scope > .code-buttons', figure) || figure.appendChild(el('div', { class: 'code-buttons' }, []))
  for (const figure of $$('figure.code')) {
    const button = el('button', { type: 'button', class: 'copy-button', 'aria-label': words['copy-code'] }, [words.copy])
    button.addEventListener('click', async () => {
      const text = $$('pre code', figure).map(codeText).join('\n')
      let ok = true
      try {
        await navigator.clipboard.writeText(text)
      } catch {
        ok = false
      }
      button.textContent = ok ? words.copied : words['copy-failed']
      button.dataset.state = ok ? 'done' : 'failed'
      setTimeout(() => {
        button.textContent = words.copy
        delete button.dataset.state
      }, 1500)
    })
    buttonRow(figure).append(button)
  }

  // mdBook-style hidden Rust lines: shown on request.
  for (const figure of $$('figure.code[data-hidden-lines]')) {
    const button = el('button', { type: 'button', class: 'hidden-toggle', 'aria-pressed': 'false' }, [words['show-hidden-lines']])
    button.addEventListener('click', () => {
      const on = figure.classList.toggle('show-hidden')
      button.setAttribute('aria-pressed', String(on))
      button.textContent = words[on ? 'hide-hidden-lines' : 'show-hidden-lines']
    })
    buttonRow(figure).prepend(button)
  }

  // VitePress's code groups: the page holds the blocks one after another, each titled; here they
  // become tabs (WAI-ARIA's tabs pattern: arrow keys, Home and End choose, Tab goes into the code).
  // Docusaurus's `<Tabs>` and MkDocs's content tabs are such groups of `.tab-panel`s, any markdown in
  // each, the `default` one (`.tab-default`; MkDocs's `===+`) shown first. The print page keeps them
  // stacked, and printing shows every panel (style.css).
  if (!document.body.classList.contains('page-print')) {
    $$('.code-group').forEach((group, g) => {
      const panels = $$(':scope > figure.code, :scope > .tab-panel', group)
      if (!panels.length) return
      const tabs = panels.map((panel, i) => {
        panel.id ||= `code-group-${g + 1}-${i + 1}`
        const tab = el('button', { type: 'button', role: 'tab', id: `${panel.id}-tab`, 'aria-controls': panel.id }, [
          $(':scope > .code-title, :scope > .tab-title', panel)?.textContent || panel.dataset.lang || 'text',
        ])
        panel.setAttribute('role', 'tabpanel')
        panel.setAttribute('aria-labelledby', tab.id)
        return tab
      })
      const select = (n, focus) => {
        tabs.forEach((tab, i) => {
          tab.setAttribute('aria-selected', String(i === n))
          tab.tabIndex = i === n ? 0 : -1
          panels[i].hidden = i !== n
        })
        if (focus) tabs[n].focus()
      }
      const list = el('div', { role: 'tablist', class: 'code-group-tabs', 'aria-label': words.code }, tabs)
      list.addEventListener('click', (e) => {
        const n = tabs.indexOf(e.target.closest('[role="tab"]'))
        if (n >= 0) select(n, false)
      })
      list.addEventListener('keydown', (e) => {
        const n = tabs.indexOf(document.activeElement)
        const to = { ArrowRight: n + 1, ArrowLeft: n - 1, Home: 0, End: tabs.length - 1 }[e.key]
        if (n < 0 || to === undefined) return
        e.preventDefault()
        select((to + tabs.length) % tabs.length, true)
      })
      group.prepend(list)
      group.classList.add('tabbed')
      select(Math.max(0, panels.findIndex((panel) => panel.classList.contains('tab-default'))), false)
    })
  }

  // Printing shows folded logs too.
  addEventListener('beforeprint', () => $$('details.log-fold').forEach((d) => (d.open = true)))
})()
