// Every English string of the page, server and browser.
import type { LanguagePack } from './pack.ts'
import { STATUS_TITLES } from './status-titles.ts'

const NBSP = '\u00a0'

export const en = {
  name: 'English',
  // Day-month order, as most of the world reads dates.
  locale: 'en-GB',
  page: {
    allYear: (offset, since) =>
      since ? `${offset} all year; no clock change since ${since}` : `${offset} all year`,
    clocksForward: (amount, abbreviation, date) =>
      `Clocks go forward ${amount} to ${abbreviation} on ${date}`,
    clocksBack: (amount, abbreviation, date) =>
      `Clocks go back ${amount} to ${abbreviation} on ${date}`,
    sun: (rise, set, length) => `Sunrise ${rise} · sunset ${set} · day ${length}`,
    polarDay: 'The sun does not set today (polar day)',
    polarNight: 'The sun does not rise today (polar night)',
    duration: { h: 'h', min: 'min' },
    citiesTitle: 'Exact time in every city',
    areas: {
      Africa: 'Africa',
      America: 'Americas',
      Antarctica: 'Antarctica',
      Arctic: 'Arctic',
      Asia: 'Asia',
      Atlantic: 'Atlantic Ocean',
      Australia: 'Australia',
      Europe: 'Europe',
      Indian: 'Indian Ocean',
      Pacific: 'Pacific Ocean',
      Etc: 'Fixed offsets',
      other: 'Other zones',
    },
    // RFC 9110's words, as the API's error messages use them too.
    errors: { ...STATUS_TITLES, other: 'Error' },
    allCities: 'All cities',
    abbreviation: (tzdb) => tzdb,
    verdictNoScript: 'Turn on JavaScript to check your clock',
    title: (city) => `Exact time ${city.inName}`,
    description: (city) =>
      `The current time ${city.inName} to the second, corrected for your device's clock, with the date, weekday and time zone.`,
    heading: (city) => `Time ${city.inName}`,
    languageNav: 'Language',
    noScript:
      'This is the time when the page loaded. Turn on JavaScript for a live clock that corrects for your device’s clock.',
    api: 'Time API',
    json: 'JSON',
    geonames: 'Places: GeoNames, CC BY 4.0',
    search: { label: 'Find a city', placeholder: 'City or town', button: 'Find' },
    places: {
      placeForms: { one: 'place', other: 'places' },
      largestFirst: (count) => `${count}, the largest first`,
      namesakes: (name) => `Places named ${name}`,
      country: (country) => `${country}: time in every place`,
      range: (from, to, total) => `Places ${from}–${to} of ${total}`,
      pages: 'Pages',
      countries: 'Countries',
      found: (query) => `Search: ${query}`,
      foundCount: (count) => `${count} found, best match first`,
      narrow: (shown) => `Only the best ${shown} are shown: type more of the name to narrow them.`,
      noneTitle: 'No place found',
      none: 'No place has that name. Check the spelling, or try the name in English or Russian.',
      browse: 'Choose from every city and country',
      badTitle: 'Type a place’s name',
      bad: (max) => `Search takes one name, 1 to ${max} characters long.`,
    },
  },
  client: {
    checking: 'Checking your clock…',
    exact: 'Your clock is exact',
    fast: (by) => `Your clock is ${by} fast`,
    slow: (by) => `Your clock is ${by} slow`,
    within: (bound) => `(±${NBSP}${bound})`,
    failed: 'Could not check your clock',
    retrying: 'The server did not answer; trying again soon.',
    fix: {
      windows: 'To fix it: Settings › Time & language › Date & time › Sync now.',
      macos: 'To fix it: System Settings › General › Date & Time › Set time automatically.',
      ios: 'To fix it: Settings › General › Date & Time › Set Automatically.',
      android: 'To fix it: Settings › System › Date & time › Set time automatically.',
      linux: 'To fix it: turn on network time, e.g. timedatectl set-ntp true.',
      other: 'To fix it: let your device set its clock from the network.',
    },
    from: (date, sentence) => `From ${date}, ${sentence}`,
    sameFrom: (date, city) => `From ${date}, you are on ${city} time`,
    units: { h: 'h', min: 'min', s: 's' },
    ahead: (city, by) => `${city} is ${by} ahead of you`,
    behind: (city, by) => `${city} is ${by} behind you`,
    same: (city) => `You are on ${city} time`,
    hours: { one: 'hour', other: 'hours' },
    minutes: { one: 'minute', other: 'minutes' },
  },
} satisfies LanguagePack
