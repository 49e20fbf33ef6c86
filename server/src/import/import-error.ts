/**
 * An import that cannot go on (unknown layout, missing columns, bad mapping, nothing imported): one
 * line for the user. Bad rows are not errors; they are counted in the summary.
 */
export class ImportError extends Error {
  override name = 'ImportError';
}
