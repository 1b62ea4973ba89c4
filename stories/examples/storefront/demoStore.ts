/**
 * The demo store's countries: each sells through its own sales channel (trade policy), which sets
 * the currency, as a VTEX store selling to two countries is set up.
 */
export const demoStoreCountries = [
  { salesChannel: '1', country: 'BRA', name: 'Brasil', postalCodeName: 'CEP', example: '22250-040' },
  { salesChannel: '2', country: 'USA', name: 'United States', postalCodeName: 'ZIP code', example: '10001' },
] as const

export type DemoStoreCountry = (typeof demoStoreCountries)[number]

/** The country of a sales channel; the first (Brasil) until the session says. */
export const demoStoreCountryOf = (salesChannel: string | undefined): DemoStoreCountry =>
  demoStoreCountries.find((country) => country.salesChannel === salesChannel) ?? demoStoreCountries[0]

/** A distance as a shopper reads it: metres under 1 km, else km with one decimal. */
export function formatDistance(km: number): string {
  const metres = Math.round(km * 100) * 10
  return metres < 1000 ? `${metres} m` : `${km.toFixed(1)} km`
}
