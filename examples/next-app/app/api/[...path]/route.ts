import { forwardToVtex } from '../../../../shared/forwardToVtex'
import { sessionManagerUrl } from '../../../../shared/sessionManagerUrl'

// The browser's /api requests, forwarded to the Session Manager (examples/shared/forwardToVtex.ts).
const forward = (request: Request) => forwardToVtex(request, sessionManagerUrl())

export { forward as GET, forward as PATCH, forward as POST }
