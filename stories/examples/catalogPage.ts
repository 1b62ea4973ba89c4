/** The search every price grid of the demos shows, on the server and in the browser: the first page of the catalog. */
export const catalogPage = { count: 12 } as const
