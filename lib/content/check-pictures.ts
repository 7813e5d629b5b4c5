/**
 * Story pictures (issue 10): every scenario node has exactly one picture, and each picture names
 * only settings, people, poses and props the drawing set has. Alt text per locale is checked with
 * the other translations (`checkPictureText`).
 */
import { compareKeys, namedIds, type TextScope } from './check-text';
import { PICTURE_PEOPLE, PICTURE_POSES, PICTURE_PROPS, PICTURE_SETTINGS, pictureNodeKey } from './pictures';
import type { ModuleStructure, ModuleText } from './schema';
import type { Report } from './problems';

const known = (names: readonly string[]): ReadonlySet<string> => new Set(names);
const SETTINGS = known(PICTURE_SETTINGS);
const PEOPLE = known(PICTURE_PEOPLE);
const POSES = known(PICTURE_POSES);
const PROPS = known(PICTURE_PROPS);

const listOf = (names: ReadonlySet<string>): string => [...names].join(', ');

export function checkPictures(structure: ModuleStructure, report: Report): void {
  const nodeKeys = new Set(structure.scenarios.flatMap((s) => s.nodes.map((n) => pictureNodeKey(s.id, n.id))));
  const pictured = new Set<string>();
  for (const picture of structure.pictures) {
    const at = `pictures/${picture.node}`;
    if (!nodeKeys.has(picture.node)) {
      report(at, `The picture for "${picture.node}" names a node no scenario has; use "scenario-id/node-id" of an existing node.`);
    }
    if (pictured.has(picture.node)) {
      report(at, `Node "${picture.node}" has more than one picture; keep one.`);
    }
    pictured.add(picture.node);
    if (!SETTINGS.has(picture.setting)) {
      report(at, `The picture for "${picture.node}" has setting "${picture.setting}", which is not drawn. Use one of: ${listOf(SETTINGS)}.`);
    }
    for (const person of picture.people) {
      if (!PEOPLE.has(person.who)) {
        report(at, `The picture for "${picture.node}" has person "${person.who}", who is not in the cast. Use one of: ${listOf(PEOPLE)}.`);
      }
      if (!POSES.has(person.pose)) {
        report(at, `The picture for "${picture.node}" has pose "${person.pose}", which is not drawn. Use one of: ${listOf(POSES)}.`);
      }
    }
    for (const prop of picture.props) {
      if (!PROPS.has(prop.what)) {
        report(at, `The picture for "${picture.node}" has prop "${prop.what}", which is not drawn. Use one of: ${listOf(PROPS)}.`);
      }
    }
  }
  for (const key of nodeKeys) {
    if (!pictured.has(key)) {
      report(key, `Node "${key}" has no picture: add an entry with "node": "${key}" to "pictures" (every story screen is illustrated).`);
    }
  }
}

/** Every picture has alt text in this locale, and no alt text is left for a picture that is gone. */
export function checkPictureText(structure: ModuleStructure, text: ModuleText, scope: TextScope): void {
  compareKeys(scope, {
    path: 'pictures',
    record: text.pictures,
    expected: namedIds(structure.pictures.map((p) => p.node), (id) => `the picture of "${id}" (its alt text)`),
    kind: 'picture',
  });
}
