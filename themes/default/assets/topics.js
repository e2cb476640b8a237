// slugwiki default theme: a preview card (title and description) on hovering or focusing a topic link.
;(() => {
  const links = document.querySelectorAll('a.topic-link[data-topic-title]')
  if (!links.length) return
  const card = document.createElement('div')
  card.className = 'topic-preview'
  card.id = 'topic-preview'
  card.setAttribute('role', 'tooltip')
  card.hidden = true
  document.body.append(card)
  let owner = null

  const show = (link) => {
    owner = link
    card.replaceChildren()
    const title = document.createElement('strong')
    title.textContent = link.dataset.topicTitle
    card.append(title)
    if (link.dataset.topicDescription) card.append(document.createTextNode(link.dataset.topicDescription))
    card.hidden = false
    const box = link.getBoundingClientRect()
    // The card's start edge on the link's: the right edges in a right-to-left book.
    const start = document.documentElement.dir === 'rtl' ? box.right - card.offsetWidth : box.left
    const left = Math.min(start + scrollX, scrollX + document.documentElement.clientWidth - card.offsetWidth - 8)
    card.style.left = `${Math.max(8, left)}px`
    card.style.top = `${box.bottom + scrollY + 6}px`
    link.setAttribute('aria-describedby', card.id)
  }
  const hide = () => {
    if (owner) owner.removeAttribute('aria-describedby')
    owner = null
    card.hidden = true
  }
  for (const link of links) {
    link.addEventListener('mouseenter', () => show(link))
    link.addEventListener('mouseleave', hide)
    link.addEventListener('focus', () => show(link))
    link.addEventListener('blur', hide)
  }
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide()
  })
})()
