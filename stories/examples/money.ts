/**
 * A price as the shopper's segment shows it: its currency and its locale (`useLocale()`), so
 * `R$ 103,39` in pt-BR and `R$103.39` in en-US, the same in every demo. Until the segment is
 * loaded, the demo store's own (BRL, pt-BR).
 */
export const formatMoney = (amount: number, currencyCode = 'BRL', cultureInfo = 'pt-BR') =>
  new Intl.NumberFormat(cultureInfo, { style: 'currency', currency: currencyCode }).format(amount)
