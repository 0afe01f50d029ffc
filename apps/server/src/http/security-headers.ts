// Security headers for every answer (console, API, /api/docs) through @fastify/helmet: a CSP the
// console and Swagger UI really run under, no framing by other sites, no MIME sniffing, no
// referrer leaving the site. Checked in Chromium with no CSP errors (test/security-headers.e2e).
import type { FastifyInstance } from 'fastify';
import type { FastifyHelmetOptions } from '@fastify/helmet';

export function securityHeaders(app: FastifyInstance, https: boolean): FastifyHelmetOptions {
  // Swagger UI's index page carries inline scripts and styles; @fastify/swagger-ui publishes
  // their hashes, so they are allowed one by one instead of with 'unsafe-inline'.
  const swagger = (app as FastifyInstance & { swaggerCSP?: { script: string[]; style: string[] } }).swaggerCSP ?? { script: [], style: [] };
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...swagger.script],
        // antd injects its CSS-in-JS as <style> elements at run time: styles must allow inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Avatars come from WeCom's CDN (wx.qlogo.cn) over https; QR codes and charts as data/blob.
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        // Only behind HTTPS: on a plain-http install it would send every asset to a port with no TLS.
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only when the operator says the site is served over HTTPS.
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
    crossOriginEmbedderPolicy: false, // avatars from another origin carry no CORP header
  };
}
