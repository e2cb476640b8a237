// slugwiki default theme: colour scheme switch, copy buttons, mobile drawer, TOC highlight.
;(() => {
  const root = document.documentElement
  const schemes = ['system', 'light', 'dark']
  const apply = (choice) => {
    const dark = choice === 'dark' || (choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches)
    root.dataset.scheme = choice
    root.dataset.theme = dark ? 'dark' : 'light'
    const button = document.querySelector('.scheme-toggle')
    if (button) button.setAttribute('aria-label', `Colour scheme: ${choice}`)
  }
  const toggle = document.querySelector('.scheme-toggle')
  if (toggle) {
    apply(root.dataset.scheme || 'system')
    toggle.addEventListener('click', () => {
      const next = schemes[(schemes.indexOf(root.dataset.scheme || 'system') + 1) % schemes.length]
      try { localStorage.setItem('slugwiki-scheme', next) } catch {}
      apply(next)
    })
  }

  for (const figure of document.querySelectorAll('figure.code')) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'copy-button'
    button.textContent = 'Copy'
    button.setAttribute('aria-label', 'Copy code')
    button.addEventListener('click', async () => {
      const text = [...figure.querySelectorAll('pre code')].map((c) => c.textContent).join('\n')
      try {
        await navigator.clipboard.writeText(text)
        button.textContent = 'Copied'
      } catch {
        button.textContent = 'Failed'
      }
      setTimeout(() => { button.textContent = 'Copy' }, 1500)
    })
    figure.append(button)
  }

  const navToggle = document.querySelector('.nav-toggle')
  if (navToggle) navToggle.addEventListener('click', () => {
    const open = document.body.classList.toggle('nav-open')
    navToggle.setAttribute('aria-expanded', String(open))
  })

  const current = document.querySelector('.sidebar [aria-current="page"]')
  if (current) current.scrollIntoView({ block: 'center' })

  const tocLinks = [...document.querySelectorAll('.page-toc a')]
  if (tocLinks.length && 'IntersectionObserver' in window) {
    const byId = new Map(tocLinks.map((a) => [decodeURIComponent(a.hash.slice(1)), a]))
    const visible = new Set()
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) e.isIntersecting ? visible.add(e.target.id) : visible.delete(e.target.id)
      const first = [...byId.keys()].find((id) => visible.has(id))
      if (!first) return
      for (const a of tocLinks) a.classList.toggle('active', a === byId.get(first))
    })
    for (const id of byId.keys()) {
      const el = document.getElementById(id)
      if (el) observer.observe(el)
    }
  }
})()
