import 'server-only';
import QRCode from 'qrcode';
import { env } from '@/lib/env';
import { requestHost, requestProtocol } from './client-address';

/**
 * The link and QR code students use to join a session. The origin is PUBLIC_ORIGIN when set;
 * otherwise the address the teacher's own browser used, so a laptop serving a school's Wi-Fi
 * at http://192.168.1.20:3000 hands out links that work on that network (behind a trusted proxy,
 * the host and scheme it says the browser used). The link has no locale: each phone is sent to
 * its own language.
 */
export function joinLink(joinCode: string, requestHeaders: Pick<Headers, 'get'>, trustedProxyHops?: number): string {
  return `${requestOrigin(requestHeaders, trustedProxyHops)}/session/${joinCode}`;
}

function requestOrigin(requestHeaders: Pick<Headers, 'get'>, trustedProxyHops?: number): string {
  if (env.PUBLIC_ORIGIN !== undefined) return env.PUBLIC_ORIGIN;
  const host = requestHost(requestHeaders, trustedProxyHops) ?? 'localhost:3000';
  const protocol = requestProtocol(requestHeaders, trustedProxyHops);
  // A Host header is the client's to write: accept only a host name or address and a port.
  return /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(host) ? `${protocol}://${host}` : `http://localhost:${env.PORT ?? 3000}`;
}

/** The QR code as SVG markup, drawn on the server: no script on the projector needed. */
export async function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}
