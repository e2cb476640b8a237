// slugwiki default theme: link previews. Hovering (after a short pause) or
// keyboard-focusing a link to another page of the wiki shows that page's title
// and text in a popover, scrolled to the linked heading, as Quartz and
// Obsidian's page preview do. The page is fetched from the site itself and
// parsed with DOMParser, which runs none of its scripts; its scripts, ids and
// id references are removed before it is shown. Loaded only when
// `[slugwiki] popovers` is on (the default).
;(() => {
  const script = document.currentScript
  // From file:// a fetch fails and Chromium logs each try; a touch screen has no hover to preview on.
  if (!script || !/^https?:$/.test(location.protocol) || !matchMedia('(hover: hover)').matches) return
  // The script is <root>_slugwiki/popovers.js: pages are the site's URLs outside _slugwiki/.
  const assets = new URL('./', script.src).href
  const siteRoot = new URL('../', assets).href
  // A theme extending default that lists its own stylesheets may leave ours out: unstyled, the
  // preview would sit in the text. It lives beside this script.
  const sheet = new URL('popovers.css', script.src).href
  if (![...document.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === sheet)) {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = sheet
    document.head.append(link)
  }
  // The preview's name in the page's words (#slugwiki-words, written when the wiki's are not English).
  let previewLabel = 'Preview: {title}'
  try {
    previewLabel = JSON.parse(document.getElementById('slugwiki-words')?.textContent || '{}').preview || previewLabel
  } catch {}
  const SHOW_DELAY = 300
  const HIDE_DELAY = 200
  // Elements a reader could Tab into: the preview offers none, so Tab goes on through the page.
  const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls], [tabindex], [contenteditable]'
  // Attributes naming an element by id: ids are removed, and the host page's own would be the wrong ones.
  const ID_REFERENCES = ['id', 'for', 'form', 'list', 'headers', 'aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto']

  // A non-modal dialog placed right after its link (read after it), drawn fixed over the page, unclipped
  // by a table or code block. Tab goes through the page's links as without this script: Tab on the link
  // closes its card before the browser moves on (see keydown). Alt+ArrowDown on the link moves the focus
  // into the card, to scroll it with the keys (a scrolling region the keyboard cannot reach fails WCAG
  // 2.1.1, hence its tabindex); from there Tab goes on to the link's next stop, Shift+Tab back to the link.
  const popover = document.createElement('div')
  popover.className = 'popover'
  popover.setAttribute('role', 'dialog')
  const inner = document.createElement('div')
  inner.className = 'popover-inner'
  inner.tabIndex = 0
  inner.setAttribute('aria-keyshortcuts', 'Alt+ArrowDown')
  popover.append(inner)

  /** URL → promise of { content, anchors } (undefined when the page cannot be previewed). */
  const cache = new Map()
  let offline = false
  let owner = null
  let pending = null
  let showTimer = 0
  let hideTimer = 0

  /** The page a link previews, or undefined: other sites, assets, this page's own headings. */
  const target = (link) => {
    if (!(link instanceof HTMLAnchorElement) || !link.href || link.hasAttribute('download')) return undefined
    // Links of the preview itself, the topic links (which have their own card) and navigation are left alone.
    if (link.closest('.popover, nav, .page-nav') || !link.closest('#content') || link.matches('.topic-link[data-topic-title]')) return undefined
    const url = new URL(link.href)
    if (url.origin !== location.origin || !url.href.startsWith(siteRoot) || url.href.startsWith(assets)) return undefined
    if (!(url.pathname.endsWith('/') || url.pathname.endsWith('.html'))) return undefined
    if (url.pathname === location.pathname) return undefined
    return url
  }

  /** Resolve every URL of `root` against `base`: the imported text's relative links are relative to its own page. */
  const absolutise = (root, base) => {
    for (const [attr, selector] of [['href', '[href]'], ['src', '[src]'], ['poster', 'video[poster]']]) {
      for (const node of root.querySelectorAll(selector)) {
        const value = node.getAttribute(attr)
        if (value !== null && !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value)) node.setAttribute(attr, new URL(value, base).href)
      }
    }
    for (const node of root.querySelectorAll('[srcset]')) {
      const set = node.getAttribute('srcset').split(',').map((part) => {
        const [url, ...size] = part.trim().split(/\s+/)
        return [new URL(url, base).href, ...size].join(' ')
      })
      node.setAttribute('srcset', set.join(', '))
    }
  }

  /** The previewed part of a fetched page: its title and note body, or an index page's main column. */
  const importPage = (doc, url) => {
    const main = doc.querySelector('main') || doc.body
    const article = main.querySelector('article.note')
    const body = article?.querySelector(':scope > .note-body')
    const content = document.createElement('div')
    content.className = 'note popover-content'
    if (body) {
      const title = article.querySelector(':scope > h1')
      if (title) content.append(title)
      content.append(body)
    } else {
      content.append(...main.childNodes)
      for (const nav of content.querySelectorAll('nav, .page-toc, .page-nav, .note-footer')) nav.remove()
    }
    for (const node of content.querySelectorAll('script, noscript, style, link, meta, template, iframe, object, embed')) node.remove()
    // Where each heading (or other anchor) was, kept before the ids go.
    const anchors = new Map()
    for (const node of [content, ...content.querySelectorAll('*')]) {
      if (node.id && !anchors.has(node.id)) anchors.set(node.id, node)
      for (const attr of ID_REFERENCES) node.removeAttribute(attr)
      for (const { name } of [...node.attributes]) if (/^on/i.test(name)) node.removeAttribute(name)
    }
    for (const node of content.querySelectorAll(FOCUSABLE)) node.setAttribute('tabindex', '-1')
    absolutise(content, url)
    // The target's own stylesheets (KaTeX's, the code colours) that this page does not load.
    const loaded = new Set([...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href))
    for (const link of doc.querySelectorAll('link[rel="stylesheet"][href]')) {
      const href = new URL(link.getAttribute('href'), url).href
      if (href.startsWith(assets) && !loaded.has(href)) {
        const sheet = document.createElement('link')
        sheet.rel = 'stylesheet'
        sheet.href = href
        document.head.append(sheet)
        loaded.add(href)
      }
    }
    const h1 = content.querySelector('h1')?.cloneNode(true)
    for (const mark of h1?.querySelectorAll('.heading-anchor') ?? []) mark.remove()
    return { content, anchors, title: h1?.textContent.trim() }
  }

  const load = (url) => {
    const key = url.href.replace(/#.*/, '')
    let entry = cache.get(key)
    if (!entry) {
      entry = fetch(key, { credentials: 'same-origin' })
        .then(async (response) => {
          if (!response.ok || !/html/.test(response.headers.get('content-type') || 'text/html')) return undefined
          return importPage(new DOMParser().parseFromString(await response.text(), 'text/html'), key)
        })
        .catch(() => {
          // The server is gone (or never was): one failure ends previews for this page.
          offline = true
          return undefined
        })
      cache.set(key, entry)
    }
    return entry
  }

  const place = () => {
    if (!owner) return
    const box = owner.getBoundingClientRect()
    const width = document.documentElement.clientWidth
    const height = popover.offsetHeight
    // Below the link, or above it when the window has no room below.
    const below = box.bottom + 6 + height <= innerHeight || box.top < height + 6
    // Its start edge on the link's: the right edges in a right-to-left book.
    const start = document.documentElement.dir === 'rtl' ? box.right - popover.offsetWidth : box.left
    popover.style.left = `${Math.max(8, Math.min(start, width - popover.offsetWidth - 8))}px`
    popover.style.top = `${below ? box.bottom + 6 : box.top - 6 - height}px`
  }

  const hide = () => {
    clearTimeout(showTimer)
    clearTimeout(hideTimer)
    pending = null
    owner = null
    popover.remove()
  }

  const show = async (link) => {
    const url = target(link)
    if (!url || offline) return
    owner = link
    const page = await load(url)
    // The reader may have moved on while the page loaded.
    if (owner !== link || !page) return
    inner.replaceChildren(page.content)
    popover.setAttribute('aria-label', previewLabel.replace('{title}', () => page.title || link.textContent.trim()))
    // Not inside a heading, whose name would take in the whole preview.
    ;(link.closest('h1, h2, h3, h4, h5, h6') || link).after(popover)
    place()
    const fragment = url.hash.slice(1)
    let anchor
    try {
      anchor = fragment && page.anchors.get(decodeURIComponent(fragment))
    } catch {}
    inner.scrollTop = anchor ? anchor.getBoundingClientRect().top - inner.getBoundingClientRect().top + inner.scrollTop : 0
  }

  const linkOf = (event) => (event.target instanceof Element ? event.target.closest('a[href]') : null)

  document.addEventListener('mouseover', (event) => {
    const link = linkOf(event)
    if (link && link === owner) return clearTimeout(hideTimer)
    // Moving over the link's own children (a <code> in it) does not start the wait again.
    if (!link || link === pending || !target(link)) return
    clearTimeout(showTimer)
    pending = link
    showTimer = setTimeout(() => {
      hide()
      show(link)
    }, SHOW_DELAY)
  })
  document.addEventListener('mouseout', (event) => {
    const link = linkOf(event)
    if (!link || (event.relatedTarget instanceof Node && link.contains(event.relatedTarget))) return
    clearTimeout(showTimer)
    pending = null
    if (link === owner) hideTimer = setTimeout(hide, HIDE_DELAY)
  })
  // The pointer may move from the link into the preview, to scroll it or follow a link in it.
  popover.addEventListener('mouseenter', () => clearTimeout(hideTimer))
  popover.addEventListener('mouseleave', () => (hideTimer = setTimeout(hide, HIDE_DELAY)))
  document.addEventListener('focusin', (event) => {
    const link = linkOf(event)
    // Keyboard focus only: a click focuses the link too, on its way to the page.
    if (!link || link === owner || !target(link) || !link.matches(':focus-visible')) return
    hide()
    show(link)
  })
  // Focus leaving both the link and its preview closes it; moving between the two does not.
  document.addEventListener('focusout', (event) => {
    if (!owner || !(owner === event.target || popover.contains(event.target))) return
    if (event.relatedTarget instanceof Node && (owner === event.relatedTarget || popover.contains(event.relatedTarget))) return
    hide()
  })
  document.addEventListener('keydown', (event) => {
    if (owner && document.activeElement === owner) {
      // Gone before the browser looks for the next stop, the card is none: the page's order stands.
      if (event.key === 'Tab') return hide()
      if (event.key === 'ArrowDown' && event.altKey && popover.isConnected) {
        event.preventDefault()
        inner.focus({ preventScroll: true })
        return
      }
    }
    if (event.key !== 'Escape' || !owner) return
    // From inside the preview, back to its link.
    if (popover.contains(document.activeElement)) owner.focus()
    hide()
  })
  addEventListener('scroll', () => owner && popover.isConnected && requestAnimationFrame(place), { passive: true, capture: true })
  addEventListener('resize', () => owner && popover.isConnected && requestAnimationFrame(place), { passive: true })
  // The link is gone from under the pointer: leaving for another page, or a new page from history.
  addEventListener('pagehide', hide)
})()
