/**
 * A pre-order walk of a hast tree for the walks every note's body takes
 * after highlighting. Highlighted code is one element per token, so these
 * trees are large; unist-util-visit copies its array of ancestors for every
 * node it enters and checks each node against a test, which made those walks
 * about a sixth of a note's compile time. This walk allocates nothing per
 * node. Plugins that run once per note keep using unist-util-visit.
 */
import type { Element, Root, RootContent } from 'hast'

/** What `enter` may return: `false` to leave the node's children unvisited. */
export type WalkResult = boolean | void

/**
 * Call `enter` for every node below `tree` (not `tree` itself), parents
 * before children. `enter` may change a node's properties and value, not
 * the lists of children being walked.
 */
export function walk(tree: Root | Element, enter: (node: RootContent, parent: Root | Element) => WalkResult): void {
  const children = tree.children as RootContent[]
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!
    if (enter(node, tree) !== false && 'children' in node) walk(node, enter)
  }
}
