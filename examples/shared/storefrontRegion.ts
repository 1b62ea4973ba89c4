import { regionPolicy } from 'vtex-session-react'

/**
 * The storefront's place resolution, for its `SessionProvider`: a shopper without a place who lands
 * from a Google regional ad (`?region_id=`) gets the ad's place written after hydration. The shared
 * page was already priced for it on the server, so the grid never shows national prices between.
 */
export const storefrontRegion = regionPolicy({ countries: ['BRA', 'USA'] })
