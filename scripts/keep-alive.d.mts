export declare const KEEP_ALIVE_TIMEOUT_MS: 65_000;
export declare const HEADERS_TIMEOUT_MS: number;
export declare function keepIdleConnectionsOnNewServers(): void;
