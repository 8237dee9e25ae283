// Hostile strings for the side panel's XSS test. Each one, if it ever ran, would set `window.__xss`,
// change document.title, log an error or open a dialog, so the test can see that nothing ran.

const RUN = `window.__xss=(window.__xss||0)+1;document.title='pwned';console.error('xss');alert(1)`;

const VECTORS = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}">`,
  `<svg><script>${RUN}</script></svg>`,
  `<svg/onload=${RUN}//`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
  `<a href="javascript:${RUN}">klik</a>`,
  `<body onload="${RUN}">`,
  `"><script>${RUN}</script>`,
  `'><img src=x onerror=${RUN}>`,
  `<details open ontoggle="${RUN}">`,
  `<input autofocus onfocus="${RUN}">`,
  `<video><source onerror="${RUN}"></video>`,
  `<audio src=x onerror="${RUN}">`,
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<form action="javascript:${RUN}"><button>kirim</button></form>`,
  `<div style="background:url(javascript:${RUN})">`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<template><script>${RUN}</script></template>`,
  `<<script>script>${RUN}<</script>/script>`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `<img """><script>${RUN}</script>">`,
  `<img src="x\`<script>${RUN}</script>"\`>`,
  `<marquee onstart="${RUN}">berita</marquee>`,
  `<select autofocus onfocus="${RUN}">`,
  `<textarea autofocus onfocus="${RUN}">`,
  `<keygen autofocus onfocus="${RUN}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<link rel=import href="data:text/html,<script>${RUN}</script>">`,
  `<base href="javascript:${RUN}//">`,
  `<isindex action="javascript:${RUN}" type=image>`,
  `<table background="javascript:${RUN}">`,
  `<svg><animate onbegin="${RUN}" attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${RUN}"><text x=20 y=20>klik</text></a></svg>`,
  `<svg><foreignObject><img src=x onerror="${RUN}"></foreignObject></svg>`,
  `<!--<img src="--><img src=x onerror=${RUN}//">`,
];

/** The same vectors entity-encoded, percent-encoded and split by odd characters. */
const ENCODED = [
  ...VECTORS.slice(0, 14).map((v) => v.replace(/</g, '&lt;').replace(/>/g, '&gt;')),
  ...VECTORS.slice(0, 14).map((v) => v.replace(/</g, '&#60;').replace(/>/g, '&#x3e;')),
  ...VECTORS.slice(0, 8).map((v) => encodeURIComponent(v)),
  ...VECTORS.slice(0, 8).map((v) => v.replace(/</g, '\u003c').toUpperCase()),
  ...VECTORS.slice(0, 6).map((v) => `\u0000${v}\u200b`),
];

/** URLs that must never become a link target. */
export const HOSTILE_URLS = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  ` javascript:${RUN}`,
  `java\tscript:${RUN}`,
  `java\nscript:${RUN}`,
  `javascript&#58;${RUN}`,
  `&#106;avascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `file:///etc/passwd`,
  `chrome-extension://abc/popup.html`,
  `//evil.example/x`,
  `/relative/path`,
  `about:blank`,
  `blob:https://evil.example/1`,
];

export const XSS_PAYLOADS: string[] = [...VECTORS, ...ENCODED, ...HOSTILE_URLS];
