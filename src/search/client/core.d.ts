/** Types of `core.js`, which ships to the browser unchanged. */
export interface Segment {
  text: string
  mark: boolean
}
export interface SectionHit {
  /** Page URL from the site root, with `#heading` when the hit is under one. */
  url: string
  title: string
  heading: string
  crumb: string
  score: number
  snippet: Segment[]
}
export interface WeightedLocation {
  location: number
  balanced_score: number
  weight: number
}
export interface Anchor {
  element: string
  id: string
  location: number
  text?: string
}
export interface SubResult {
  title: string
  url: string
  anchor?: Anchor
  locations: number[]
  weighted_locations: WeightedLocation[]
}
export interface Fragment {
  url: string
  content: string
  meta: Record<string, string>
  anchors: Anchor[]
  sub_results: SubResult[]
}
export interface LoadedResult {
  score: number
  data: Fragment
}
export interface PagefindApi {
  search(term: string, options?: object): Promise<{ results: Array<{ score: number; data(): Promise<Fragment> }> } | null>
}
export function spaceWords(text: string): string
export function unspaceWords(text: string): string
export function prepareQuery(query: string): { primary: string; fallback: string | undefined }
export function snippet(words: string[], start: number, end: number, marked: Set<number>, weight?: (location: number) => number): Segment[]
export function rankSections(results: LoadedResult[], terms: string[], limit: number): SectionHit[]
export function searchSections(pagefind: PagefindApi, query: string, options?: { limit?: number; pages?: number; filters?: object }): Promise<SectionHit[]>
