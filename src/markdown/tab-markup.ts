/**
 * The mdast of tabs whose panels hold any markdown (Docusaurus's `<Tabs>`,
 * PyMdown's content tabs): a `div.code-group.tabs` of `div.tab-panel`s, each
 * opening with its label in a `div.tab-title`, the one shown first also
 * `tab-default`. The theme's script and stylesheet read exactly this markup
 * (theme.js switches it as it switches code groups), so it is made here only.
 * Each plugin gives its nodes a type of its own: mdast-util-to-hast makes a
 * parent it does not know an element of its `hName`, and no other plugin
 * takes it for a quote or a paragraph.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { Position } from 'unist'

/** A tab panel of node type `type`: its title, then its body. */
export function tabPanelNode(type: string, title: PhrasingContent[], body: RootContent[], chosen: boolean, position?: Position): RootContent {
  const heading: Paragraph = { type: 'paragraph', data: { hName: 'div', hProperties: { className: ['tab-title'] } }, children: title, ...(position && { position: { start: position.start, end: position.start } }) }
  const className = ['tab-panel', ...(chosen ? ['tab-default'] : [])]
  return { type, data: { hName: 'div', hProperties: { className } }, children: [heading, ...body], ...(position && { position }) } as unknown as RootContent
}

/** The tab set of node type `type` holding `panels`. */
export function tabSetNode(type: string, panels: RootContent[], position?: Position): RootContent {
  return { type, data: { hName: 'div', hProperties: { className: ['code-group', 'tabs'] } }, children: panels, ...(position && { position: { ...position } }) } as unknown as RootContent
}
