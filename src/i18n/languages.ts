// The page's languages: registering one is one line here, and a file like en.ts beside it.
import { en } from './en.ts'
import type { LanguagePack } from './pack.ts'
import { ru } from './ru.ts'

export const LANGUAGE_PACKS = { en, ru } as const satisfies Record<string, LanguagePack>

export type Language = keyof typeof LANGUAGE_PACKS

export const LANGUAGES = Object.keys(LANGUAGE_PACKS) as Language[]
