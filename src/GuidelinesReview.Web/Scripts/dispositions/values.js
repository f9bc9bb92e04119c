// @ts-check
// What the dispositions page sends to the hub, worked out from its forms (pure, unit-tested).

/**
 * The hub's enum spelling (camelCase) of a form's option value ("AcceptedInPart" → "acceptedInPart").
 * @param {string} value
 */
export const hubEnum = (value) => value ? value[0].toLowerCase() + value.slice(1) : value;

/**
 * A bulk box's value "12:345" (comment id, decision seq its row showed) as a hub target; null when malformed.
 * @param {string} value
 * @returns {{ commentId: number, expected: number } | null}
 */
export function target(value) {
  const match = /^(\d+):(\d+)$/.exec(value);
  return match ? { commentId: Number(match[1]), expected: Number(match[2]) } : null;
}

/**
 * The address of one row's fresh HTML: the page's own filters kept (so its forms post back to the
 * same filtered table), any previous handler dropped.
 * @param {string} path location.pathname
 * @param {string} search location.search
 * @param {number} commentId
 */
export function rowUrl(path, search, commentId) {
  const query = new URLSearchParams(search);
  query.delete('handler');
  query.delete('commentId');
  query.set('handler', 'Row');
  query.set('commentId', String(commentId));
  return `${path}?${query}`;
}

/**
 * Whether a refusal says a colleague decided meanwhile (the row should then show their decision).
 * @param {string} message
 */
export const isStale = (message) => message.startsWith('Since this form was loaded') || message.startsWith('This form is out of date');
