/** The demo storefront's styles, scoped under `.sf`: the storefront itself and every other demo panel. */
export const storefrontCss = `
.sf { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f1d1a; background: #faf7f2; min-height: 100vh; }
.sf button { font: inherit; cursor: pointer; border-radius: 999px; border: 1px solid #1f1d1a; background: #1f1d1a; color: #fff; padding: 0.35rem 0.9rem; }
.sf button:disabled { opacity: 0.4; cursor: not-allowed; }
.sf [role='alert'] { color: #a1281b; font-size: 0.85rem; margin: 0.25rem 0 0; }
.sf-header { background: #fff; border-bottom: 1px solid #e8e1d6; position: sticky; top: 0; z-index: 1; }
.sf-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 1.25rem; padding: 0.9rem 1.5rem; }
.sf-placebar { display: flex; align-items: center; gap: 0.75rem; height: 2.4rem; box-sizing: border-box; padding: 0 1.5rem; background: #f3ede3; }
.sf-placebar select { font: inherit; font-size: 0.8rem; border-radius: 999px; padding: 0.15rem 0.5rem; border: 1px solid #d6cdbf; background: #fff; }
.sf-logo { font-size: 1.25rem; letter-spacing: 0.02em; margin-right: auto; }
.sf-region { display: flex; align-items: center; gap: 0.5rem; position: relative; }
.sf-region [role='alert'] { position: absolute; top: 100%; left: 0; margin-top: 0.2rem; white-space: nowrap; }
.sf-place { font-size: 0.85rem; color: #6b645a; white-space: nowrap; }
.sf-place strong { color: #1f1d1a; font-weight: 600; }
.sf-country { position: relative; }
.sf-country select { font: inherit; border: 1px solid #d6cdbf; border-radius: 999px; padding: 0.3rem 0.6rem; background: #fff; }
.sf-country [role='alert'] { position: absolute; top: 100%; left: 0; white-space: nowrap; }
.sf-region input { font: inherit; border: 1px solid #d6cdbf; border-radius: 999px; padding: 0.35rem 0.8rem; width: 10rem; }
.sf-region input[aria-invalid='true'] { border-color: #a1281b; }
.sf-delivery { display: flex; align-items: center; gap: 0.25rem; position: relative; }
.sf-delivery [role='alert'] { position: absolute; top: 100%; right: 0; white-space: nowrap; }
.sf-delivery button { background: #fff; color: #1f1d1a; }
.sf-delivery button[aria-pressed='true'] { background: #1f1d1a; color: #fff; }
.sf-main { display: grid; grid-template-columns: 1fr 20rem; gap: 1.5rem; padding: 1.5rem; align-items: start; }
.sf-grid { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 1rem; transition: opacity 150ms; }
.sf-grid[aria-busy='true'] { opacity: 0.55; }
.sf-card { background: #fff; border: 1px solid #e8e1d6; border-radius: 14px; padding: 0.9rem; display: flex; flex-direction: column; gap: 0.4rem; }
.sf-card h3 { font-size: 0.95rem; margin: 0.3rem 0 0; font-weight: 600; }
.sf-card .sf-art { width: 100%; height: auto; }
.sf-price { font-size: 1.1rem; font-weight: 700; margin: 0; }
.sf-badge { font-size: 0.8rem; color: #8a5a00; background: #fff3d6; border-radius: 999px; padding: 0.2rem 0.6rem; margin: 0; align-self: flex-start; }
.sf-unavailable .sf-art, .sf-unavailable .sf-price { opacity: 0.45; }
.sf-minicart { background: #fff; border: 1px solid #e8e1d6; border-radius: 14px; padding: 1rem; position: sticky; top: 7.5rem; transition: opacity 150ms; }
.sf-minicart[aria-busy='true'] { opacity: 0.7; }
.sf-minicart h2 { font-size: 1.05rem; margin: 0 0 0.75rem; display: flex; justify-content: space-between; align-items: baseline; }
.sf-minicart h2 small { font-weight: 400; color: #6b645a; font-size: 0.8rem; }
.sf-minicart ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
.sf-minicart li { display: grid; grid-template-columns: 40px 1fr auto; grid-template-rows: auto auto; column-gap: 0.6rem; align-items: center; font-size: 0.85rem; }
.sf-minicart li .sf-art { grid-row: span 2; }
.sf-minicart li em { color: #8a5a00; font-style: normal; }
.sf-qty { display: flex; align-items: center; gap: 0.4rem; }
.sf-qty button { padding: 0 0.5rem; line-height: 1.3; background: #fff; color: #1f1d1a; }
.sf-total { display: flex; justify-content: space-between; border-top: 1px solid #e8e1d6; margin-top: 0.9rem; padding-top: 0.7rem; font-size: 1rem; }
/* The total keeps one box, its text starting at one place, from "—" (the cart loading after hydration) to its amount: nothing moves. */
.sf-total strong { min-width: 7rem; text-align: left; }
.sf-dialog { position: fixed; inset: 0; background: rgba(31, 29, 26, 0.45); display: grid; place-items: center; z-index: 10; }
.sf-dialog form { background: #fff; border-radius: 18px; padding: 1.5rem; width: min(24rem, 90vw); display: grid; gap: 0.75rem; box-shadow: 0 20px 50px rgba(0, 0, 0, 0.2); }
.sf-dialog h2 { margin: 0; font-size: 1.2rem; }
.sf-dialog p { margin: 0; color: #6b645a; font-size: 0.9rem; }
.sf-dialog input { font: inherit; border: 1px solid #d6cdbf; border-radius: 999px; padding: 0.5rem 0.9rem; }
.sf-dialog input[aria-invalid='true'] { border-color: #a1281b; }
.sf-dialog .sf-alert-slot { min-height: 1.2rem; }
.sf-empty, .sf-hint, .sf-loading { color: #6b645a; font-size: 0.85rem; }
.sf-page { padding: 1.5rem; box-sizing: border-box; }
.sf-page > * + * { margin-top: 1rem; }
.sf h2, .sf h3 { font-size: 1.05rem; margin: 0 0 0.6rem; }
.sf fieldset, .sf-panel { background: #fff; border: 1px solid #e8e1d6; border-radius: 14px; padding: 0.9rem 1.1rem; margin: 0; min-width: 0; }
.sf fieldset { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.sf fieldset > p { flex-basis: 100%; margin: 0.3rem 0 0; }
.sf legend { font-weight: 700; padding: 0 0.4rem; }
.sf fieldset button, .sf button[aria-pressed='false'] { background: #fff; color: #1f1d1a; }
.sf fieldset button[aria-pressed='true'] { background: #1f1d1a; color: #fff; }
.sf form:not(.sf-region) { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.sf form:not(.sf-region) > p { flex-basis: 100%; margin: 0.2rem 0 0; }
.sf form label { display: flex; align-items: center; gap: 0.4rem; font-size: 0.9rem; color: #6b645a; }
.sf select, .sf input { font: inherit; border: 1px solid #d6cdbf; border-radius: 999px; padding: 0.35rem 0.8rem; background: #fff; color: #1f1d1a; }
.sf input[aria-invalid='true'] { border-color: #a1281b; }
.sf code, .sf pre { font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; font-size: 0.8rem; }
.sf code { background: #f3ede3; border-radius: 6px; padding: 0.1rem 0.35rem; }
.sf pre { background: #f3ede3; border-radius: 10px; padding: 0.8rem; overflow: auto; margin: 0; }
.sf table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin-bottom: 0.8rem; }
.sf td { border-bottom: 1px solid #efe8dc; padding: 0.3rem 0.4rem; vertical-align: top; word-break: break-all; }
.sf-banner { background: #1f1d1a; color: #fff; border-radius: 14px; padding: 0.7rem 1.1rem; margin: 0; font-weight: 600; }
.sf-status { color: #6b645a; font-size: 0.85rem; margin: 0 0 0.5rem; }
.sf-grid.sf-compact { grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); }
.sf-grid.sf-compact .sf-card { padding: 0.7rem; }
.sf-grid.sf-compact .sf-art { max-width: 5rem; }
`
