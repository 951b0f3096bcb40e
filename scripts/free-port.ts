// One free loopback port, for the bench and the suites that start servers of their own. The port
// is released before it is used, so another process could take it in between: fine on a test box.
import { createServer } from 'node:net'

export const freePort = (host = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, host, () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
