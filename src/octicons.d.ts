/**
 * The part of @primer/octicons the default theme reads (the package ships
 * no types): each icon's SVG, parsed, at each height it is drawn for.
 */
declare module '@primer/octicons' {
  /** One element of an icon's SVG. */
  export interface OcticonNode {
    name: string
    attributes: Record<string, string>
    children: OcticonNode[]
  }
  const octicons: Record<string, { heights: Record<string, { width: number; path: string; ast: OcticonNode }> } | undefined>
  export default octicons
}
