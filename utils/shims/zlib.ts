// Stand-in for Node's `zlib`: fetch decompresses responses itself, so twitter-api-v2 never needs it here.
const unavailable = (): never => {
  throw new Error('Node zlib is not available in the extension');
};
export const constants = { BROTLI_OPERATION_FLUSH: 0, Z_SYNC_FLUSH: 0 };
export const createBrotliDecompress = unavailable;
export const createGunzip = unavailable;
export const createInflate = unavailable;
export default { constants, createBrotliDecompress, createGunzip, createInflate };
