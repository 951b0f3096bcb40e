// The browser the page tests and the Lighthouse audit drive: Debian's Chromium unless CHROME_PATH
// says otherwise (GitHub's runners ship Google Chrome).
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium'

// Headless as root, and quiet: without the networking flags Chromium calls home at every start,
// which this machine's closed network refuses.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]
