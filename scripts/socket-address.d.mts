import type { IncomingMessage } from 'node:http';

export declare const SOCKET_ADDRESS_HEADER: 'x-roads-kill-socket-address';
export declare function stampSocketAddress(request: IncomingMessage): void;
export declare function stampSocketAddressOnNewServers(): void;
