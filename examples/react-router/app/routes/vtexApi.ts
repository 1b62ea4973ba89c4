import { forwardToVtex } from '../../../shared/forwardToVtex'
import { sessionManagerUrl } from '../../../shared/sessionManagerUrl'

// A resource route: GET through the loader, PATCH and POST through the action.
export const loader = ({ request }: { request: Request }) => forwardToVtex(request, sessionManagerUrl())
export const action = loader
