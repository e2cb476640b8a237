/**
 * Topic mentions are linked in prose only: a callout's title, written by the
 * author or the theme's default word, is its block's heading and stays text.
 */
import { describe, expect, it } from 'vitest'
import type { TopicDef } from '../src/content/topics-file.ts'
import { render } from './helpers/markdown.ts'

const topics: TopicDef[] = [
  { id: 'rcu', title: 'RCU', aliases: ['RCU'], caseSensitive: false },
  { id: 'warning', title: 'Warning', aliases: ['warning'], caseSensitive: false },
]
const links = (html: string) => [...html.matchAll(/<a class="topic-link"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1])

describe('topic links', () => {
  it('leave callout titles alone: the author’s and the default word', async () => {
    const { html } = await render('> [!WARNING] RCU stalls\n> An RCU reader that sleeps.\n\n> [!WARNING]\n> A plain warning.\n', { topics, source: 'note.md' })
    expect(html).toContain('<span class="callout-title-text">RCU stalls</span>')
    expect(html).toMatch(/>Warning<\/p>/)
    // The body is prose: its mentions are linked, the first of each per section.
    expect(links(html)).toEqual(['RCU', 'warning'])
  })

  it('leave Obsidian callout titles alone too', async () => {
    const { html } = await render('> [!note] RCU grace periods\n> Wait for RCU readers.\n', { topics, source: 'note.md' })
    expect(html).not.toMatch(/callout-title-text"><a/)
    expect(links(html)).toEqual(['RCU'])
  })
})
