/** Generated product pictures (no image files, no network): one drawing per demo SKU. */
const PALETTE: Record<string, [string, string]> = {
  'sku-1': ['#6b3e26', '#f3e1c7'],
  'sku-2': ['#2f4858', '#d9ecf2'],
  'sku-3': ['#b5523b', '#f8e3dc'],
  'sku-4': ['#3d3d3d', '#e6e2da'],
}

function Drawing({ id, ink }: { id: string; ink: string }) {
  switch (id) {
    case 'sku-1': // a bag of beans
      return (
        <g fill={ink}>
          <path d="M30 28h40l6 56H24z" />
          <rect x="34" y="20" width="32" height="10" rx="2" />
          <ellipse cx="44" cy="56" rx="5" ry="8" fill="#f3e1c7" transform="rotate(-20 44 56)" />
          <ellipse cx="57" cy="60" rx="5" ry="8" fill="#f3e1c7" transform="rotate(25 57 60)" />
        </g>
      )
    case 'sku-2': // a gooseneck kettle
      return (
        <g fill="none" stroke={ink} strokeWidth="6" strokeLinecap="round">
          <path d="M30 80h40l-4-38H34z" fill={ink} />
          <path d="M34 50 Q14 40 16 26" />
          <path d="M62 44 q16 6 10 28" />
          <path d="M42 36h16" />
        </g>
      )
    case 'sku-3': // a mug
      return (
        <g fill={ink}>
          <rect x="26" y="34" width="38" height="46" rx="6" />
          <path d="M64 44h6a10 10 0 0 1 0 20h-6v-6h6a4 4 0 0 0 0-8h-6z" />
          <path d="M36 22q4 6 0 10M46 20q4 6 0 12M56 22q4 6 0 10" stroke={ink} strokeWidth="3" fill="none" />
        </g>
      )
    default: // a burr grinder
      return (
        <g fill={ink}>
          <path d="M36 18h28l-4 18H40z" />
          <rect x="32" y="36" width="36" height="34" rx="4" />
          <rect x="28" y="70" width="44" height="12" rx="3" />
          <circle cx="50" cy="53" r="7" fill="#e6e2da" />
        </g>
      )
  }
}

export function ProductArt({ id, small = false }: { id: string; small?: boolean }) {
  const [ink, paper] = PALETTE[id] ?? ['#555', '#eee']
  const size = small ? 40 : 160
  return (
    <svg className="sf-art" width={size} height={size} viewBox="0 0 100 100" role="img" aria-hidden="true">
      <rect width="100" height="100" rx="12" fill={paper} />
      <Drawing id={id} ink={ink} />
    </svg>
  )
}
