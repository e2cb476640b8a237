/**
 * Find the topics of the topics file mentioned in the prose of a note, record
 * them per heading section on `file.data.topicMentions`, and link the first
 * mention of each topic in each section to the topic's page. Text in code,
 * links, headings, callout titles, math and raw scripts is not prose and is left alone.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { TopicDef } from '../content/topics-file.ts'
import { hrefTo, slugOf, topicSlug } from '../paths.ts'
import type { TopicMention } from './data.ts'
import { isHiddenHeading } from './rehype-headings.ts'
import { SNIPPET_BLOCKS, sentenceAround } from './snippet.ts'
import { createTopicMatcher } from './topic-matcher.ts'

export interface RehypeTopicsOptions {
  /** The topics file's topics (default: none, the plugin only records nothing). */
  topics?: readonly TopicDef[]
}

/** Elements whose text is not prose (also for rehype-inline-tags). */
export const NOT_PROSE: ReadonlySet<string> = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math', 'textarea', 'button', 'select'])

/**
 * A callout's title (GitHub's alerts, Obsidian's callouts, mdbook-admonish,
 * VitePress and GitBook blocks all draw it so): a heading of its block, left
 * alone as headings are; a default one ("Tip", "Warning") is the theme's word,
 * no mention at all.
 */
function isCalloutTitle(node: Element): boolean {
  const classes = node.properties.className
  return Array.isArray(classes) && classes.includes('markdown-alert-title')
}

/** Visible headings inside an element the scan skips, so section numbers stay in step. */
function countHeadings(node: Element): number {
  let n = 0
  visit(node, 'element', (el) => {
    if (headingRank(el) && !isHiddenHeading(el)) n++
  })
  return n
}

export default function rehypeTopics(options: RehypeTopicsOptions = {}) {
  const topics = options.topics ?? []
  const matcher = createTopicMatcher(topics)
  const byId = new Map(topics.map((t) => [t.id, t]))

  return (tree: Root, file: VFile) => {
    const mentions = new Map<string, TopicMention>()
    file.data.topicMentions = []
    if (topics.length === 0) return
    const from = slugOf(file.data.source!)
    let section = -1

    const link = (topic: TopicDef, text: string): Element =>
      h(
        'a.topic-link',
        { href: hrefTo(from, topicSlug(topic.id)), dataTopic: topic.id, dataTopicTitle: topic.title, dataTopicDescription: topic.description },
        text,
      )

    /** Split a text node at its mentions; returns the nodes to put in its place, or undefined to keep it. */
    const scan = (node: Text, block: Element | undefined): ElementContent[] | undefined => {
      const matches = matcher(node.value)
      if (matches.length === 0) return undefined
      const out: ElementContent[] = []
      let last = 0
      for (const m of matches) {
        const key = `${m.topic}\u0000${section}`
        const seen = mentions.get(key)
        if (seen) {
          seen.count++
          continue
        }
        const phrase = node.value.slice(m.start, m.end)
        mentions.set(key, { topic: m.topic, section, count: 1, snippet: block ? sentenceAround(block, phrase) : phrase })
        if (m.start > last) out.push({ type: 'text', value: node.value.slice(last, m.start) })
        out.push(link(byId.get(m.topic)!, phrase))
        last = m.end
      }
      if (last === 0) return undefined
      if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) })
      return out
    }

    const walk = (parent: Root | Element, block: Element | undefined) => {
      const children = parent.children as RootContent[]
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!
        if (child.type === 'text') {
          const replaced = scan(child, block)
          if (replaced) {
            children.splice(i, 1, ...replaced)
            i += replaced.length - 1
          }
          continue
        }
        if (child.type !== 'element') continue
        // Section numbering follows rehype-headings: every visible heading opens one.
        if (headingRank(child)) {
          if (!isHiddenHeading(child)) section++
          continue
        }
        if (NOT_PROSE.has(child.tagName) || isCalloutTitle(child)) {
          section += countHeadings(child)
          continue
        }
        walk(child, SNIPPET_BLOCKS.has(child.tagName) ? child : block)
      }
    }
    walk(tree, undefined)

    file.data.topicMentions = [...mentions.values()].sort((a, b) => a.section - b.section || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0))
  }
}
