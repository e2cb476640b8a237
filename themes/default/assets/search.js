// slugwiki search box. Fills the header's search slot; the index (Pagefind's
// bundle and the shared core.js) loads on first use. Note text reaches the page
// only as text nodes: a snippet is never parsed as HTML.
;(() => {
  const slot = document.querySelector('#search[data-index]')
  if (!slot) return
  const indexUrl = new URL(slot.dataset.index, location.href)
  // book.toml's `[output.html.search] limit-results`, else a dozen sections from the best eight pages;
  // a set limit reads as many pages, so that one section from each can fill it, as mdBook's list is filled.
  const setLimit = Number(slot.dataset.limit) > 0 ? Number(slot.dataset.limit) : undefined
  const limit = setLimit ?? 12
  const pages = setLimit === undefined ? 8 : Math.max(8, setLimit)
  if (!indexUrl.pathname.endsWith('/')) indexUrl.pathname += '/'
  // Result URLs are from the site root; the index lives at <root>/_slugwiki/search/.
  const siteRoot = new URL('../../', indexUrl)
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

  // The page's words (#slugwiki-words, written by document.ts when the wiki's are not English), else these.
  const words = (() => {
    const english = {
      search: 'Search',
      'search-wiki': 'Search the wiki',
      'search-results': 'Search results',
      'search-unavailable': 'Search is unavailable: its index could not be loaded.',
      'search-result-count-one': '{count} result',
      'search-result-count-other': '{count} results',
      'search-no-results': 'No results for “{query}”',
      'search-key': 'Press / or {key}K to search',
    }
    try {
      return Object.assign(english, JSON.parse(document.getElementById('slugwiki-words')?.textContent || '{}'))
    } catch {
      return english
    }
  })()
  const fill = (text, values) => text.replace(/\{([\w-]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole))
  // A count in the form the page's language asks for (Russian's few and many too), else the `-other` one.
  const plural = (base, count) => {
    let form = count === 1 ? 'one' : 'other'
    try { form = new Intl.PluralRules(words.lang || 'en').select(count) } catch {}
    return fill(words[`${base}-${form}`] ?? words[`${base}-other`], { count })
  }

  const el = (tag, attrs = {}, children = []) => {
    const node = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, v)
    node.append(...children)
    return node
  }

  const input = el('input', {
    type: 'search',
    class: 'search-input',
    placeholder: words.search,
    'aria-label': words['search-wiki'],
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    'aria-autocomplete': 'list',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'go',
  })
  const hint = el('kbd', { class: 'search-key', 'aria-hidden': 'true', title: fill(words['search-key'], { key: isMac ? '⌘' : 'Ctrl+' }) }, ['/'])
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' })
  const list = el('ul', { class: 'search-results', id: 'search-results', role: 'listbox', 'aria-label': words['search-results'] })
  const panel = el('div', { class: 'search-panel', hidden: '' }, [status, list])
  slot.append(el('div', { class: 'search-box' }, [input, hint]), panel)

  let engine // Promise of { pagefind, core }
  const load = () => {
    engine ??= (async () => {
      // A big wiki's index comes in parts (shards.json lists them): each is merged into the first.
      const [pagefind, core, shards] = await Promise.all([
        import(new URL('pagefind.js', indexUrl).href),
        import(new URL('core.js', indexUrl).href),
        fetch(new URL('shards.json', indexUrl)).then((r) => (r.ok ? r.json() : { merge: [] })),
      ])
      await pagefind.options({ basePath: indexUrl.pathname, baseUrl: '/' })
      await pagefind.init()
      await Promise.all(shards.merge.map((part) => pagefind.mergeIndex(new URL(part, indexUrl).pathname, { baseUrl: '/' })))
      return { pagefind, core }
    })()
    return engine
  }

  let active = -1
  let asked = 0
  const options = () => [...list.children]
  const open = (show) => {
    panel.hidden = !show
    input.setAttribute('aria-expanded', String(show))
    if (!show) setActive(-1)
  }
  const setActive = (i) => {
    const items = options()
    active = items.length ? Math.max(-1, Math.min(i, items.length - 1)) : -1
    items.forEach((item, n) => item.setAttribute('aria-selected', String(n === active)))
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', items[active].id)
      items[active].scrollIntoView({ block: 'nearest' })
    } else input.removeAttribute('aria-activedescendant')
  }

  const hrefOf = (url) => new URL(url.replace(/^\/+/, ''), siteRoot).href
  const renderHit = (hit, n) => {
    const title = hit.heading && hit.heading !== hit.title ? `${hit.title} › ${hit.heading}` : hit.title
    const snippet = el('span', { class: 'search-hit-snippet' })
    for (const part of hit.snippet) snippet.append(part.mark ? el('mark', {}, [part.text]) : document.createTextNode(part.text))
    const parts = [el('span', { class: 'search-hit-title' }, [title])]
    if (hit.crumb) parts.push(el('span', { class: 'search-hit-crumb' }, [hit.crumb]))
    parts.push(snippet)
    const link = el('a', { href: hrefOf(hit.url), tabindex: '-1' }, parts)
    const item = el('li', { id: `search-hit-${n}`, role: 'option', 'aria-selected': 'false', class: 'search-hit' }, [link])
    item.addEventListener('mousemove', () => active !== n && setActive(n))
    return item
  }

  const run = async () => {
    const query = input.value.trim()
    const ask = ++asked
    if (!query) {
      list.setAttribute('aria-busy', 'false')
      list.replaceChildren()
      status.textContent = ''
      open(false)
      return
    }
    open(true)
    let hits
    try {
      const { pagefind, core } = await load()
      hits = await core.searchSections(pagefind, query, { limit, pages })
    } catch (error) {
      if (ask !== asked) return
      list.setAttribute('aria-busy', 'false')
      list.replaceChildren()
      status.textContent = words['search-unavailable']
      console.error(error)
      return
    }
    if (ask !== asked) return // a newer query is on its way
    list.setAttribute('aria-busy', 'false')
    list.replaceChildren(...hits.map(renderHit))
    status.textContent = hits.length ? plural('search-result-count', hits.length) : fill(words['search-no-results'], { query })
    setActive(hits.length ? 0 : -1)
  }

  let timer
  input.addEventListener('input', () => {
    clearTimeout(timer)
    // Busy until the results for what is typed now are shown (assistive tech, and tests, wait for it).
    list.setAttribute('aria-busy', 'true')
    timer = setTimeout(run, 60)
  })
  input.addEventListener('focus', () => {
    load().catch(() => {}) // warm up; errors show when a query runs
    if (input.value.trim() && list.children.length) open(true)
  })
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.hidden && input.value.trim()) open(true)
      const n = options().length
      if (n) setActive(event.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n)
      event.preventDefault()
    } else if (event.key === 'Enter') {
      const target = options()[active >= 0 ? active : 0]
      event.preventDefault()
      if (!target) return
      const link = target.querySelector('a')
      open(false)
      location.href = link.href
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (!panel.hidden) open(false)
      else {
        input.value = ''
        input.blur()
      }
    }
  })
  list.addEventListener('click', () => open(false))
  document.addEventListener('pointerdown', (event) => {
    if (!slot.contains(event.target)) open(false)
  })

  const typing = (target) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  document.addEventListener('keydown', (event) => {
    const modK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k'
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)
    if (!modK && !slash) return
    event.preventDefault()
    input.focus()
    input.select()
  })
})()
