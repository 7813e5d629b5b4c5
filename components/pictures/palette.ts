/**
 * The pictures' palette: the app's own colours (components/ui/global.css) and a few tints of
 * them, so the illustrations sit in the page rather than on it. Flat fills, no outlines.
 */
export const C = {
  // From global.css
  ink: '#13202e',
  brand: '#12263a',
  accent: '#0b5cad',
  amber: '#ffbf47',
  green: '#0f6b3a',
  red: '#a3281b',
  paper: '#f6f7f9',
  line: '#c9d1da',
  goodBg: '#e7f4ec',
  badBg: '#fcecea',
  warnBg: '#fff4d6',
  // Tints of the above
  night: '#0e1e2f',
  nightWall: '#1d3550',
  nightMid: '#2a4a6b',
  nightLight: '#3b5f84',
  sky: '#cfe0f1',
  skyPale: '#e6eef7',
  rainSky: '#aab8c6',
  blueMid: '#5b8fc7',
  bluePale: '#dbe6f2',
  greenMid: '#4f8f66',
  greenPale: '#b9d8c3',
  amberDeep: '#e39b1b',
  amberPale: '#ffe3a3',
  redMid: '#c9574a',
  grey: '#8795a3',
  greyDark: '#4a5868',
  greyPale: '#e1e6ec',
  white: '#ffffff',
  road: '#5d6977',
  roadNight: '#26374a',
} as const;

/** Skin tones, light to deep. */
export const SKIN = ['#f3cfb3', '#e2ae8c', '#c68a62', '#95603f', '#5f3b27'] as const;

export const HAIR = {
  black: '#1c1a1a',
  darkBrown: '#3e2718',
  brown: '#6b4226',
  auburn: '#9a4424',
  blonde: '#d8b267',
  grey: '#a7adb4',
} as const;
