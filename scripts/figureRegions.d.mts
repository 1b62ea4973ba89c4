export declare class FigureError extends Error {}
export interface FigureRegion {
  name: string
  /** 0-based lines of the opening and closing markers. */
  start: number
  end: number
  body: string[]
}
export interface FigureChange {
  name: string
  /** 1-based line of the opening marker. */
  line: number
  before: string[]
  after: string[]
}
export declare function findRegions(text: string, file: string): FigureRegion[]
export declare function fillRegions(text: string, figures: Record<string, () => string>, file: string): { text: string; changes: FigureChange[] }
export declare function lineDiff(before: string[], after: string[]): string[]
