export declare const RESULTS_FILE: string
export declare function saveResults(section: string, values: unknown): void
export declare function readResults(): Record<string, unknown>
export declare function median(values: number[]): number
