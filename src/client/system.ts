// The visitor's operating system, from the browser's words: for the line on setting its clock.
import type { ClientStrings } from '../i18n/pack.ts'

export type System = keyof ClientStrings['fix']

/** The visitor's system, for the one line on how to set its clock. */
export const systemOf = (userAgent: string, platform = ''): System => {
  const ua = `${userAgent} ${platform}`
  if (/iPhone|iPad|iPod/.test(ua)) return 'ios'
  if (/Android/.test(ua)) return 'android'
  if (/Windows/.test(ua)) return 'windows'
  if (/Mac/.test(ua)) return 'macos'
  if (/Linux|X11|CrOS/.test(ua)) return 'linux'
  return 'other'
}
