/**
 * VitePress's home page: a note with `layout: home` in its frontmatter shows
 * the frontmatter's `hero` (name, text, tagline, image, action buttons) and
 * `features` (cards with an icon, a title, details and a link) above its
 * body, as VitePress's home layout does. Without this, a VitePress site's
 * `index.md`, often nothing but frontmatter, was an empty page.
 *
 * The hero and the cards are made as markdown nodes at the start of the
 * note, each placed where its value is written in the frontmatter: their
 * links and images are then resolved, checked (a missing page is a warning
 * at the value's line:col), counted as links and sanitised as the note's
 * own, and search indexes their text. A value written with HTML tags
 * (VitePress renders each as HTML) is raw HTML in the note, sanitised as any.
 *
 * Astro Starlight's `hero` (any page with one, as its `template: splash`
 * home pages have) is read alike in a Starlight site: its `title` (else the
 * page's) is the heading, `tagline` below it, `image` by its `file` (or
 * `light`, `dark`), and `actions` (`text`, `link`, `variant`: `primary` the
 * brand button, the others the plain one).
 */
import type { Heading, Image, Link, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'

type Keys = ReadonlyArray<string | number>

/** A `div` of the page, holding blocks (mdast-util-to-hast makes an unknown node with children a `div`). */
interface Block {
  type: 'vitepressHome'
  data: { hName: 'div'; hProperties: { className: string[] } }
  children: RootContent[]
  position?: Position
}

declare module 'mdast' {
  interface RootContentMap {
    vitepressHome: Block
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined)

export default function remarkVitepressHome(options: { starlight?: boolean } = {}) {
  return (tree: Root, file: VFile) => {
    const frontmatter = file.data.frontmatter ?? {}
    const starlight = options.starlight === true && isRecord(frontmatter.hero)
    if (frontmatter.layout !== 'home' && !starlight) return
    // Starlight's names for VitePress's keys: the heading, an image's file, a button's style.
    const keyOf = starlight ? { name: 'title', src: 'file', theme: 'variant' } : { name: 'name', src: 'src', theme: 'theme' }
    const placeOf = file.data.frontmatterPlace ?? (() => undefined)
    const position = (keys: Keys): Position | undefined => placeOf(keys)
    const warn = (keys: Keys, expected: string) =>
      file.message(`Frontmatter \`${keys.join('.')}\` should be ${expected}`, position(keys), 'slugwiki:frontmatter')
    // VitePress renders each of these values as HTML: written with a tag, one is the note's raw HTML (sanitised as such).
    const inline = (value: string, keys: Keys): PhrasingContent =>
      /<[a-z!/]/i.test(value) ? { type: 'html', value, position: position(keys) } : { type: 'text', value }
    const classed = <T extends Paragraph | Heading>(node: T, className: string): T => ({ ...node, data: { hProperties: { className: [className] } } })
    const paragraph = (className: string, children: PhrasingContent[], keys: Keys): Paragraph =>
      classed({ type: 'paragraph', children, position: position(keys) }, className)
    const block = (className: string, children: RootContent[], keys: Keys): Block => ({
      type: 'vitepressHome',
      data: { hName: 'div', hProperties: { className: [className] } },
      children,
      position: position(keys),
    })
    const link = (url: string, children: PhrasingContent[], keys: Keys, className?: string[]): Link => ({
      type: 'link',
      url,
      children,
      position: position(keys),
      ...(className && { data: { hProperties: { className } } }),
    })
    // VitePress's image forms: a path, `{ src, alt }`, or `{ light, dark }` (the light one is shown).
    const image = (value: unknown, keys: Keys): Image | undefined => {
      if (typeof value === 'string') return { type: 'image', url: value, alt: '', position: position(keys) }
      if (isRecord(value)) {
        const src = text(value[keyOf.src]) ?? text(value.light) ?? (starlight ? text(value.dark) : undefined)
        const at = value[keyOf.src] !== undefined ? [...keys, keyOf.src] : value.light !== undefined || !starlight ? [...keys, 'light'] : [...keys, 'dark']
        if (src) return { type: 'image', url: src, alt: text(value.alt) ?? '', position: position(at) }
      }
      warn(keys, `a path, or a mapping with \`${keyOf.src}\``)
      return undefined
    }

    const made: RootContent[] = []
    const { hero, features } = frontmatter
    if (hero !== undefined && hero !== null) {
      if (!isRecord(hero)) warn(['hero'], 'a mapping (`name`, `text`, `tagline`, `image`, `actions`)')
      else {
        const parts: RootContent[] = []
        // Starlight's hero is titled by the page's title when it has none of its own.
        const name = text(hero[keyOf.name]) ?? (starlight ? text(frontmatter.title) : undefined)
        const nameKeys = hero[keyOf.name] !== undefined || !starlight ? ['hero', keyOf.name] : ['title']
        if (name) parts.push(classed({ type: 'heading', depth: 1, children: [inline(name, nameKeys)], position: position(nameKeys) }, 'vp-hero-name'))
        const heroText = text(hero.text)
        if (heroText) parts.push(paragraph('vp-hero-text', [inline(heroText, ['hero', 'text'])], ['hero', 'text']))
        const tagline = text(hero.tagline)
        if (tagline) parts.push(paragraph('vp-hero-tagline', [inline(tagline, ['hero', 'tagline'])], ['hero', 'tagline']))
        if (hero.image !== undefined && hero.image !== null) {
          const picture = image(hero.image, ['hero', 'image'])
          if (picture) parts.push(paragraph('vp-hero-image', [picture], ['hero', 'image']))
        }
        if (Array.isArray(hero.actions)) {
          const buttons: PhrasingContent[] = []
          hero.actions.forEach((action, i) => {
            const keys = ['hero', 'actions', i]
            const label = isRecord(action) ? text(action.text) : undefined
            const url = isRecord(action) ? text(action.link) : undefined
            if (!label || !url) return void warn(keys, 'a mapping with `text` and `link`')
            // VitePress's `theme: alt`; Starlight's `variant` (`primary` by default; `secondary`, `minimal`).
            const style = action[keyOf.theme]
            const theme = starlight ? (style === undefined || style === 'primary' ? 'brand' : 'alt') : style === 'alt' ? 'alt' : 'brand'
            if (buttons.length > 0) buttons.push({ type: 'text', value: ' ' })
            buttons.push(link(url, [{ type: 'text', value: label }], [...keys, 'link'], ['vp-button', `vp-button-${theme}`]))
          })
          if (buttons.length > 0) parts.push(paragraph('vp-hero-actions', buttons, ['hero', 'actions']))
        } else if (hero.actions !== undefined && hero.actions !== null) warn(['hero', 'actions'], 'a list of `text` and `link` mappings')
        if (parts.length > 0) made.push(block('vp-hero', parts, ['hero']))
      }
    }
    if (features !== undefined && features !== null) {
      if (!Array.isArray(features)) warn(['features'], 'a list of mappings (`title`, `details`, `icon`, `link`)')
      else {
        const cards: RootContent[] = []
        features.forEach((feature, i) => {
          const keys = ['features', i]
          if (!isRecord(feature) || !text(feature.title)) return void warn(keys, 'a mapping with a `title`')
          const parts: RootContent[] = []
          const url = text(feature.link)
          const icon = feature.icon
          // VitePress's `v-html`: an icon written with a tag (an inline `<svg>`) is the note's raw HTML, never its source as text.
          if (typeof icon === 'string') parts.push(paragraph('vp-feature-icon', [inline(icon, [...keys, 'icon'])], [...keys, 'icon']))
          else if (icon !== undefined && icon !== null) {
            const picture = image(icon, [...keys, 'icon'])
            if (picture) parts.push(paragraph('vp-feature-icon', [picture], [...keys, 'icon']))
          }
          const title = inline(text(feature.title)!, [...keys, 'title'])
          // The card's title is its link: one link per card, named by the title.
          const titled = url ? [link(url, [title], [...keys, 'link'])] : [title]
          parts.push(classed({ type: 'heading', depth: 2, children: titled, position: position([...keys, 'title']) }, 'vp-feature-title'))
          const details = text(feature.details)
          if (details) parts.push(paragraph('vp-feature-details', [inline(details, [...keys, 'details'])], [...keys, 'details']))
          const linkText = text(feature.linkText)
          if (url && linkText) parts.push(paragraph('vp-feature-link', [link(url, [{ type: 'text', value: linkText }], [...keys, 'linkText'])], [...keys, 'linkText']))
          cards.push(block('vp-feature', parts, keys))
        })
        if (cards.length > 0) made.push(block('vp-features', cards, ['features']))
      }
    }
    tree.children.unshift(...made)
  }
}
