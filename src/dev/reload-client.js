// The dev server's browser client, added to pages by `slugwiki dev` only
// (never by `build`). It keeps a WebSocket to the server and:
// - reloads the page when the server says it changed, keeping the scroll position;
// - swaps stylesheets in place when only theme CSS changed;
// - shows build errors (file:line:col and message) in an overlay, and hides it when they are fixed;
// - reconnects after the server restarts, and reloads then.
// Plain JavaScript served as is: it runs in the browser, so the build does not compile it.
;(() => {
  const script = document.currentScript
  if (!script || !('WebSocket' in window)) return
  // The script lives at <base>_slugwiki/__dev/reload.js; the socket beside it.
  const socketUrl = new URL('ws', script.src)
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:'
  socketUrl.searchParams.set('path', location.pathname)
  // The page the server sends while its first build runs: a build that ends before this socket opens is told at once.
  if (document.documentElement.hasAttribute('data-slugwiki-building')) socketUrl.searchParams.set('building', '')
  const scrollKey = `slugwiki-dev-scroll:${location.pathname}`

  const restoreScroll = () => {
    const saved = sessionStorage.getItem(scrollKey)
    if (!saved) return
    const [x, y] = JSON.parse(saved)
    window.scrollTo(x, y)
    // Late images and fonts can move the page: settle once more after load.
    window.addEventListener('load', () => {
      window.scrollTo(x, y)
      sessionStorage.removeItem(scrollKey)
    }, { once: true })
    if (document.readyState === 'complete') sessionStorage.removeItem(scrollKey)
  }
  restoreScroll()

  const reload = () => {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]))
    location.reload()
  }

  const swapStyles = () => {
    const stamp = Date.now()
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href)
      if (url.origin !== location.origin) continue
      url.searchParams.set('t', String(stamp))
      const next = link.cloneNode()
      next.href = url.href
      // The old sheet stays until the new one has loaded, so nothing flashes unstyled.
      next.addEventListener('load', () => link.remove(), { once: true })
      next.addEventListener('error', () => link.remove(), { once: true })
      link.after(next)
    }
  }

  let overlay
  // `said`: the panel's own words in the wiki's language, sent with the errors (panelWords in server.ts).
  const showErrors = (errors, said) => {
    if (overlay) overlay.remove()
    overlay = undefined
    if (!errors.length) return
    overlay = document.createElement('slugwiki-error-overlay')
    const root = overlay.attachShadow({ mode: 'open' })
    const style = document.createElement('style')
    style.textContent = `
      .backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0,0,0,.55); display: flex; align-items: flex-start; justify-content: center; overflow: auto; }
      .panel { margin: 4rem 1rem; max-width: 60rem; width: 100%; background: #1e1e1e; color: #eee; border-top: 4px solid #e5484d; border-radius: 6px; padding: 1rem 1.25rem; font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; box-shadow: 0 8px 32px rgba(0,0,0,.4); }
      h2 { font: 600 16px/1.4 system-ui, sans-serif; margin: 0 0 .75rem; color: #ff8589; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { margin: 0 0 .75rem; white-space: pre-wrap; word-break: break-word; }
      .where { color: #8ec5ff; }
      .rule { color: #999; }
      p { font: 13px/1.4 system-ui, sans-serif; color: #bbb; margin: .75rem 0 0; }
      button { float: right; background: none; border: 1px solid #666; color: #eee; border-radius: 4px; cursor: pointer; }`
    const backdrop = document.createElement('div')
    backdrop.className = 'backdrop'
    // Diagnostics are English, paths and code: left to right even on a right-to-left book's page, which the shadow root would inherit.
    // The panel's own words are the wiki's language, set apart by their lang (and dir="auto", should it read right to left).
    backdrop.dir = 'ltr'
    backdrop.lang = 'en'
    const inLanguage = (element, text) => {
      element.lang = said.lang
      element.dir = 'auto'
      element.textContent = text
      return element
    }
    const panel = document.createElement('div')
    panel.className = 'panel'
    panel.setAttribute('role', 'alertdialog')
    panel.setAttribute('aria-labelledby', 'slugwiki-error-title')
    const close = inLanguage(document.createElement('button'), said.close)
    close.type = 'button'
    close.addEventListener('click', () => showErrors([]))
    const title = inLanguage(document.createElement('h2'), said.title)
    title.id = 'slugwiki-error-title'
    const list = document.createElement('ul')
    for (const error of errors) {
      const item = document.createElement('li')
      const where = document.createElement('span')
      where.className = 'where'
      where.textContent = error.line ? `${error.file}:${error.line}:${error.column ?? 1}` : error.file
      const rule = document.createElement('span')
      rule.className = 'rule'
      rule.textContent = error.rule ? `  ${error.rule}` : ''
      item.append(where, document.createTextNode(`  ${error.message}`), rule)
      list.append(item)
    }
    const hint = inLanguage(document.createElement('p'), said.hint)
    panel.append(close, title, list, hint)
    backdrop.append(panel)
    root.append(style, backdrop)
    document.documentElement.append(overlay)
  }

  let connectedBefore = false
  let retryMs = 250
  const connect = () => {
    const socket = new WebSocket(socketUrl)
    socket.addEventListener('open', () => {
      // A new connection after a lost one means the server restarted: the site may differ.
      if (connectedBefore) return reload()
      connectedBefore = true
      retryMs = 250
    })
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data)
      if (message.type === 'reload') reload()
      else if (message.type === 'styles') swapStyles()
      else if (message.type === 'errors') showErrors(message.errors, message.words)
    })
    socket.addEventListener('close', () => {
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    })
  }
  connect()
})()
