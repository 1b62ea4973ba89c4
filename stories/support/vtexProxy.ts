import type { ProxyOptions } from 'vite'

/**
 * Vite proxy rules that send the Session Manager paths (the cart's public Checkout calls and
 * Intelligent Search v1 with them) to a real VTEX store. Cookies go both ways; `Set-Cookie` loses
 * the store's domain so the browser keeps it on localhost.
 */
export function vtexProxy(target: string): Record<string, ProxyOptions> {
  const rule: ProxyOptions = {
    target,
    changeOrigin: true,
    secure: true,
    cookieDomainRewrite: '',
    // The store's cookies are Secure; on http://localhost the browser would drop them.
    configure: (proxy) => {
      proxy.on('proxyRes', (response) => {
        const cookies = response.headers['set-cookie']
        if (cookies) response.headers['set-cookie'] = cookies.map((cookie) => cookie.replace(/;\s*Secure/gi, ''))
      })
    },
  }
  return { '/api/sessions': rule, '/api/segments': rule, '/api/checkout/pub': rule, '/api/intelligent-search/v1': rule }
}
