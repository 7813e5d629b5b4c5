/**
 * The names a story picture may use: the drawing set in `components/pictures/` draws exactly
 * these, and the content check rejects any other, so a typo in `structure.json` is caught
 * before a student sees a blank picture. Pure data, shared by the check and the drawings.
 */
export const PICTURE_SETTINGS = [
  'party-night',
  'doorway-night',
  'car-night',
  'car-day',
  'car-rain',
  'motorway-view',
  'junction-night-view',
  'rain-view',
  'petrol-station-night',
  'bedroom-night',
  'street-night',
  'kitchen-morning',
  'cinema-day',
  'bus-stop-day',
  'driveway-drizzle',
  'pool-day',
  'services-day',
  'street-day',
  'layby-rain',
] as const;

/** The recurring cast; how each looks is in `components/pictures/cast.ts`. */
export const PICTURE_PEOPLE = [
  'you',
  'jay',
  'mia',
  'sam',
  'leah',
  'ollie',
  'kez',
  'priya',
  'tyler',
  'callum',
  'ellie',
  'josh',
  'maya',
  'aunt',
  'mum',
  'dad',
  'officer',
  'friend',
] as const;

export const PICTURE_POSES = [
  'standing',
  'phone',
  'call',
  'keys',
  'stop',
  'wave',
  'seated',
  'belted',
  'seated-wave',
  'seated-phone',
  'seated-call',
  'driving',
  'asleep',
] as const;

export const PICTURE_PROPS = [
  'phone',
  'phone-call',
  'message',
  'keys',
  'cans',
  'cup',
  'letter',
  'clock-2am',
  'clock-9am',
  'car',
  'police-car',
  'sofa',
  'bus',
  'bike',
  'washer-bottle',
  'child-seat',
  'brake-lights',
  'traffic-lights',
  'lorry',
  'glovebox',
  'mugs',
  'coat-hooks',
] as const;

export type PictureSetting = (typeof PICTURE_SETTINGS)[number];
export type PicturePersonId = (typeof PICTURE_PEOPLE)[number];
export type PicturePose = (typeof PICTURE_POSES)[number];
export type PicturePropId = (typeof PICTURE_PROPS)[number];

export const pictureNodeKey = (scenarioId: string, nodeId: string): string => `${scenarioId}/${nodeId}`;
