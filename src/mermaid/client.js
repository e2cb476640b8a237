// Draws a page's mermaid diagrams: each `pre.mermaid` holds a diagram's source as text
// (what a reader without JavaScript sees). Linked only from pages with a diagram; it
// loads mermaid's browser build from beside itself (so it works under any base path,
// in the dev server and from file://) once a diagram nears the viewport or the page
// has loaded, whichever is first, so the page never waits for it.
// - Colours follow the page's scheme: `data-theme` on <html> ("light" or "dark", as
//   the default theme sets it before first paint and from its switch), else the
//   system's; a change of scheme draws every diagram again.
// - securityLevel 'strict': an author's click callbacks, `javascript:` links and HTML
//   in labels never run.
// - A diagram mermaid cannot read keeps its source, marked `mermaid-error` with the
//   reason in its title and the first line of it in `data-error`; mermaid's error
//   picture never enters the page.
// Plain JavaScript served as is: it runs in the browser, so the build does not compile it.
;(() => {
  const script = document.currentScript
  const blocks = [...document.querySelectorAll('pre.mermaid')]
  if (!script || blocks.length === 0) return
  const library = new URL('mermaid.min.js', script.src).href
  // Kept once: drawing replaces the text with the picture, and a new scheme needs the text again.
  const sources = new Map(blocks.map((pre) => [pre, pre.textContent]))
  const root = document.documentElement
  const systemDark = matchMedia('(prefers-color-scheme: dark)')
  const scheme = () => {
    const theme = root.dataset.theme
    return theme === 'dark' || theme === 'light' ? theme : systemDark.matches ? 'dark' : 'light'
  }

  let loading
  const load = () =>
    (loading ||= new Promise((resolve, reject) => {
      const tag = document.createElement('script')
      tag.src = library
      tag.async = true
      tag.onload = () => (window.mermaid ? resolve(window.mermaid) : reject(new Error(`${library} did not define mermaid`)))
      tag.onerror = () => reject(new Error(`could not load ${library}`))
      document.head.append(tag)
    }))

  let count = 0
  const drawOne = async (mermaid, pre, source, drawnIn) => {
    const id = `slugwiki-mermaid-${++count}`
    try {
      const { svg, bindFunctions } = await mermaid.render(id, source)
      // mermaid's own output, sanitised by it under securityLevel 'strict' (as `mermaid.run` inserts it).
      pre.innerHTML = svg
      bindFunctions?.(pre)
      pre.classList.remove('mermaid-error')
      pre.removeAttribute('title')
      delete pre.dataset.error
      pre.dataset.drawn = drawnIn
    } catch (error) {
      // Its scratch copies, should a failure leave them in <body>.
      for (const scratch of [id, `d${id}`, `i${id}`]) document.getElementById(scratch)?.remove()
      pre.textContent = source
      delete pre.dataset.drawn
      pre.classList.add('mermaid-error')
      const reason = String(error?.message ?? error).trim()
      pre.title = `Mermaid could not draw this diagram: ${reason}`
      // Its first line ("Parse error on line 2:"), for the theme to show; the title has all of it.
      pre.dataset.error = reason.split('\n')[0]
    }
  }

  let started = false
  let running = false
  let again = false
  let drawnScheme
  const draw = async () => {
    started = true
    if (running) {
      again = true
      return
    }
    running = true
    try {
      const mermaid = await load()
      do {
        again = false
        const want = scheme()
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          suppressErrorRendering: true,
          theme: want === 'dark' ? 'dark' : 'default',
          fontFamily: getComputedStyle(document.body).fontFamily,
        })
        for (const [pre, source] of sources) {
          // The scheme changed meanwhile: start over in the new one.
          if (again) break
          await drawOne(mermaid, pre, source, want)
        }
        if (!again) drawnScheme = want
      } while (again)
    } catch (error) {
      // mermaid could not be loaded: the sources stay readable as they are.
      console.warn(`slugwiki: diagrams not drawn: ${error?.message ?? error}`)
    } finally {
      running = false
    }
  }
  // While a pass runs, its scheme may already be the old one: it starts over and looks again.
  const redraw = () => started && (running || scheme() !== drawnScheme) && draw()
  new MutationObserver(redraw).observe(root, { attributes: true, attributeFilter: ['data-theme'] })
  systemDark.addEventListener('change', redraw)

  const start = () => {
    if (started) return
    observer?.disconnect()
    draw()
  }
  const observer = 'IntersectionObserver' in window ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: '50% 0px' }) : undefined
  for (const pre of blocks) observer?.observe(pre)
  if (document.readyState === 'complete') start()
  else addEventListener('load', start, { once: true })
})()
