import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, makeNonce, panelHtml } from './html';

test('the CSP allows only the extension\'s own files and the nonced script', () => {
  const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
  assert.equal(csp, "default-src 'none'; img-src https://x.vscode-cdn.net data:; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; script-src 'nonce-abc'");
  assert.ok(!csp.includes('unsafe'));
});

test('the page has one nonced script, one stylesheet and escapes what it is given', () => {
  const html = panelHtml({ title: 'A <b> "title"', cspSource: 'vscode-resource:', scriptUri: 'vscode-resource:/p.js?a=1&b=2', styleUri: 'vscode-resource:/p.css', nonce: 'N0nce' });
  assert.equal((html.match(/<script /g) ?? []).length, 1);
  assert.match(html, /<script nonce="N0nce" src="vscode-resource:\/p\.js\?a=1&#38;b=2"><\/script>/);
  assert.match(html, /<title>A &#60;b&#62; &#34;title&#34;<\/title>/);
  assert.match(html, /script-src &#39;nonce-N0nce&#39;/);
  assert.ok(!/ style=|<style/.test(html), 'no inline styles');
});

test('nonces are long, random and safe in an attribute', () => {
  const a = makeNonce();
  const b = makeNonce();
  assert.notEqual(a, b);
  assert.match(a, /^[A-Za-z0-9]{20,}$/);
});
