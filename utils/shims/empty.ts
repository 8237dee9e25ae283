// Stands in for core-js 2 polyfills that twitter-text imports for ES5 browsers; every browser Siar
// supports has these built in.
export default undefined;
