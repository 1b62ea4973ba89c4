import { useCampaigns } from 'vtex-session-react'

/** Shows the promotion of each Campaign Audience the session matches (e.g. from a UTM link). */
export function CampaignBanner() {
  const { campaigns } = useCampaigns()
  if (campaigns.length === 0) return <p data-testid="campaigns" className="sf-status">No campaign audience matched.</p>
  return (
    <p data-testid="campaigns" role="status" className="sf-banner">
      {campaigns.includes('black-friday') ? 'Black Friday: 10% off every price below. ' : ''}
      Audiences: {campaigns.join(', ')}
    </p>
  )
}
