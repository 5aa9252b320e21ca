// Preloaded with --require by noNetwork.test.ts: records (and refuses) every attempt to reach the
// network from the process and its worker threads, into the file named by PLUMB_NETWORK_LOG.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const dgram = require('node:dgram');
const log = (what) => {
  fs.appendFileSync(process.env.PLUMB_NETWORK_LOG, `${what}\n`);
  throw new Error(`network access refused in test: ${what}`);
};
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // Unix-domain sockets and pipes (the LSP IPC transport) are local; anything with a port is network.
  const a = args[0];
  const path = typeof a === 'string' ? a : a && typeof a === 'object' ? a.path : undefined;
  if (path && !(a && a.port)) return origConnect.apply(this, args);
  return log(`net.connect ${JSON.stringify(a)}`);
};
dns.lookup = (host) => log(`dns.lookup ${host}`);
dns.resolve = (host) => log(`dns.resolve ${host}`);
http.request = (u) => log(`http.request ${String(u && (u.href || u.host || u))}`);
https.request = (u) => log(`https.request ${String(u && (u.href || u.host || u))}`);
http.get = http.request;
https.get = https.request;
dgram.createSocket = () => log('dgram.createSocket');
globalThis.fetch = (u) => log(`fetch ${String(u)}`);
