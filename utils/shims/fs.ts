// Stand-in for Node's `fs`: media reaches twitter-api-v2 as bytes, never as file paths.
const unavailable = (): never => {
  throw new Error('Node fs is not available in the extension');
};
export const promises = { open: unavailable, readFile: unavailable };
export const close = unavailable;
export const read = unavailable;
export const fstat = unavailable;
export const readFile = unavailable;
export default { promises, close, read, fstat, readFile };
